//! Every real sample export under `../shared/samples/` (written by other people), uploaded
//! one after the other through the page's file input: once its verdict (and, where the
//! core finds one, its interval) is on screen, the page shows the core's label and score
//! for the same bytes, and nowhere in the report does a "?", "NaN", "null", "undefined"
//! or an infinity stand where a number belongs.
//!
//! Without `../shared/samples` the test is ignored with that reason, and `make test` skips
//! it in the browser run. By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e samples:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::import::Input;
use peerscope_core::model::options::Options;
use peerscope_core::model::shown::score_text;
use peerscope_core::report::analyze::{analyze_with_interval, Analysis};

/// Words that mean a number was missing or broken when they stand alone.
const NOT_NUMBERS: [&str; 10] = [
    "?",
    "?%",
    "NaN",
    "NaN%",
    "null",
    "undefined",
    "Infinity",
    "-Infinity",
    "inf",
    "-inf",
];

/// What the page shows of the report once `name`'s verdict is there.
const SHOWN: &str = r#"
    const name = arguments[0];
    const v = document.querySelector('#verdict');
    const s = document.querySelector('#score');
    const i = document.querySelector('#verdict-interval');
    const report = document.querySelector('#report') || document.querySelector('main') || document.body;
    return {
        showing: document.body.innerText.includes('Showing your export: ' + name),
        label: v ? v.dataset.label : null,
        score: s ? s.textContent.trim() : null,
        low: i ? (i.dataset.low || '') : '',
        text: report.innerText,
    };
"#;

/// Every file directly in each format's folder, Markdown notes left out, sorted.
fn sample_files() -> Vec<PathBuf> {
    let root = repo().join("../shared/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .flatten()
        .filter(|format| format.path().is_dir())
        .flat_map(|format| {
            std::fs::read_dir(format.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    files
}

/// The core's analysis of one file with the page's default choices, or `None` when the
/// core refuses it (the page then shows an error, which other tests check).
fn core_analysis(path: &Path) -> Option<Analysis> {
    let name = path.file_name()?.to_string_lossy().to_string();
    let bytes = std::fs::read(path).ok()?;
    analyze_with_interval(&[Input::new(name, bytes)], &Options::default()).ok()
}

/// The words of `text` (the people's `names` taken out first) that stand where a number
/// belongs.
fn broken_numbers(text: &str, names: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    let mut names = names.to_vec();
    // Longest first, so a name holding another is taken out whole.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
        text = text.replace(name, " someone ");
    }
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| "()[],.;:–—\"'".contains(c)))
        .filter(|w| NOT_NUMBERS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Uploads `path` and checks what the page shows against `analysis`.
async fn check_one(session: &Session, path: &Path, analysis: &Analysis) -> Result<(), String> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string());
    let name = name.unwrap_or_default();
    let verdict = &analysis.report.verdict;
    let label = verdict.label.as_str();
    let with_interval = verdict.interval.is_some();
    session.upload(path).await?;
    let seen = wait_until(&format!("{name}: its verdict"), PATIENCE, || async {
        let seen = run_with(session, SHOWN, &name).await?;
        let ready = seen["showing"] == true
            && seen["label"] == label
            && (!with_interval || seen["low"].as_str().is_some_and(|s| !s.is_empty()));
        Ok(if ready {
            Poll::Ready(seen)
        } else {
            Poll::NotYet(format!("label {} low {}", seen["label"], seen["low"]))
        })
    })
    .await?;
    if verdict.score.is_some() && seen["score"] != score_text(verdict.score) {
        return Err(format!(
            "{name}: #score {} but the core's score is {}",
            seen["score"],
            score_text(verdict.score)
        ));
    }
    let names: Vec<&str> = analysis
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let broken = broken_numbers(seen["text"].as_str().unwrap_or_default(), &names);
    if !broken.is_empty() {
        return Err(format!(
            "{name}: the page shows {broken:?} where numbers belong"
        ));
    }
    Ok(())
}

/// `script` run with `argument` as `arguments[0]`.
async fn run_with(session: &Session, script: &str, argument: &str) -> Result<Value, String> {
    session
        .client
        .execute(script, vec![Value::from(argument)])
        .await
        .map_err(|e| format!("script failed: {e}"))
}

#[test]
fn a_missing_number_is_found_and_a_name_is_not_one() {
    let found = broken_numbers("null wrote ? replies; (NaN%) and 12 of 40.", &["null"]);
    assert_eq!(found, ["?", "NaN%"]);
}

#[tokio::test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
#[cfg_attr(
    not(samples_absent),
    ignore = "needs dist/, chromedriver and ../shared/samples; run by make test"
)]
async fn every_real_sample_shows_its_numbers_plainly() {
    let cases: Vec<(PathBuf, Analysis)> = sample_files()
        .into_iter()
        .filter_map(|path| core_analysis(&path).map(|a| (path, a)))
        .collect();
    assert!(cases.len() >= 20, "only {} samples analysed", cases.len());
    let session = Session::open("samples").await;
    let outcome = async {
        for (path, analysis) in &cases {
            check_one(&session, path, analysis).await?;
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
