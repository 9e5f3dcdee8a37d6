//! How sure the answer is, on screen through the real import path (the worker, its second
//! answer with the interval): a tiny export shows the undetermined state with the core's
//! reason and no score, a judged export shows the interval and confidence the core
//! computes for the same bytes, and the Newcomers panel shows the report's own newcomer
//! figures (docs/METRICS.md §11).
//!
//! By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e evidence:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::import::{import, Input};
use peerscope_core::model::options::Options;
use peerscope_core::model::schema::{Confidence, Label, Report};
use peerscope_core::model::shown::{percent, score_text};
use peerscope_core::report::analyze::report_with_interval;

/// Reads a few things off `#verdict` at once, as one JSON object.
const VERDICT: &str = r#"
    const v = document.querySelector('#verdict');
    const i = document.querySelector('#verdict-interval');
    const r = document.querySelector('#verdict-reason');
    return {
        label: v ? v.dataset.label : null,
        score: document.querySelector('#score') !== null,
        reason: r ? r.textContent : null,
        interval: i ? {
            confidence: i.dataset.confidence,
            low: i.dataset.low,
            high: i.dataset.high,
            text: i.textContent,
        } : null,
    };
"#;

/// The core's report of one fixture, with its interval, as the CLI makes it.
fn core_report(name: &str) -> (std::path::PathBuf, Report) {
    let path = repo().join("tests/fixtures").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = import(&[Input::new(name, bytes)], None).unwrap();
    let report = report_with_interval(&data, &Options::default()).unwrap();
    (path, report)
}

/// Uploads `path` and waits until `#verdict` satisfies `ready`.
async fn upload_until(
    session: &Session,
    path: &std::path::Path,
    what: &str,
    ready: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    session.upload(path).await?;
    wait_until(what, PATIENCE, || async {
        let seen = run(session, VERDICT).await?;
        Ok(if ready(&seen) {
            Poll::Ready(seen)
        } else {
            Poll::NotYet(seen.to_string())
        })
    })
    .await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_tiny_export_is_undetermined_on_screen() {
    let (path, report) = core_report("discord_lobby.json");
    assert_eq!(
        report.verdict.label,
        Label::Undetermined,
        "the fixture is tiny"
    );
    let reason = report.verdict.reason.clone().unwrap_or_default();
    assert!(!reason.is_empty(), "an undetermined verdict says why");
    let session = Session::open("evidence-undetermined").await;
    let outcome = async {
        let seen = upload_until(&session, &path, "#verdict[data-label=undetermined]", |v| {
            v["label"] == "undetermined"
        })
        .await?;
        if seen["score"] != Value::Bool(false) {
            return Err(format!("an undetermined verdict shows a #score: {seen}"));
        }
        if seen["reason"].as_str() != Some(reason.as_str()) {
            return Err(format!(
                "#verdict-reason differs from the core's {reason:?}: {seen}"
            ));
        }
        if !seen["interval"].is_null() {
            return Err(format!("an undetermined verdict shows an interval: {seen}"));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_interval_and_confidence_match_the_core() {
    let (path, report) = core_report("e2e_upload.json");
    let verdict = &report.verdict;
    let [low, high] = verdict
        .interval
        .expect("the fixture is large enough for an interval");
    let confidence = match verdict.confidence {
        Confidence::Confident => "confident",
        Confidence::Tentative => "tentative",
        Confidence::Undetermined => panic!("the fixture is judged"),
    };
    let label = verdict.label.as_str().to_string();
    let session = Session::open("evidence-interval").await;
    let outcome = async {
        let seen = upload_until(&session, &path, "#verdict-interval with both ends", |v| {
            v["label"] == label.as_str()
                && v["interval"]["low"].as_str().is_some_and(|s| !s.is_empty())
        })
        .await?;
        let shown = &seen["interval"];
        let expected = (confidence, score_text(Some(low)), score_text(Some(high)));
        let got = (
            shown["confidence"].as_str().unwrap_or(""),
            shown["low"].as_str().unwrap_or("").to_string(),
            shown["high"].as_str().unwrap_or("").to_string(),
        );
        if got != expected {
            return Err(format!(
                "the page shows {got:?}, the core {expected:?}: {seen}"
            ));
        }
        let words = peerscope_core::advice::interval::in_words(verdict).unwrap_or_default();
        if !shown["text"].as_str().unwrap_or("").contains(&words) {
            return Err(format!("#verdict-interval does not read {words:?}: {seen}"));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// Reads every number of `#newcomers` by its `data-field`, and the waiting list's ids.
const NEWCOMERS: &str = r#"
    const panel = document.querySelector('#newcomers');
    if (!panel) return null;
    const fields = {};
    for (const e of panel.querySelectorAll('[data-field]')) fields[e.dataset.field] = e.textContent;
    const waiting = [...panel.querySelectorAll('#waiting li')].map(li => li.dataset.id);
    return { fields, waiting };
"#;

/// The numbers the Newcomers panel should show for `report`, by `data-field`.
fn newcomer_numbers(report: &Report) -> Vec<(String, String)> {
    let n = &report.newcomers;
    let m = &report.metrics;
    let count = |x: Option<f64>| format!("{}", x.unwrap_or(0.0));
    let mut out = vec![
        ("newcomers.count".to_string(), n.count.to_string()),
        (
            "metrics.peer_welcome_share.num".into(),
            count(m.peer_welcome_share.num),
        ),
        (
            "by-host".into(),
            count(Some(
                m.newcomer_welcome_share.num.unwrap_or(0.0)
                    - m.peer_welcome_share.num.unwrap_or(0.0),
            )),
        ),
        ("newcomers.unwelcomed".into(), n.unwelcomed.to_string()),
        (
            "metrics.newcomer_welcome_share.den".into(),
            count(m.newcomer_welcome_share.den),
        ),
        (
            "newcomers.waiting_count".into(),
            n.waiting_count.to_string(),
        ),
    ];
    for (field, rate) in [
        ("newcomers.return_welcomed", &n.return_welcomed),
        ("newcomers.return_unwelcomed", &n.return_unwelcomed),
    ] {
        out.push((format!("{field}.num"), count(rate.num)));
        out.push((format!("{field}.den"), count(rate.den)));
        if let (Some(v), false) = (rate.value, rate.thin) {
            out.push((field.to_string(), format!("{}%", percent(v))));
        }
    }
    out
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_newcomers_panel_shows_the_reports_numbers() {
    let (path, report) = core_report("newcomers_export.json");
    assert!(report.newcomers.count > 0, "the fixture has newcomers");
    let expected = newcomer_numbers(&report);
    let ids: Vec<String> = report
        .newcomers
        .waiting
        .iter()
        .map(|w| w.id.clone())
        .collect();
    let count = report.newcomers.count.to_string();
    let session = Session::open("evidence-newcomers").await;
    let outcome = async {
        session.upload(&path).await?;
        // The page shows the bundled sample first: wait for the upload's panel.
        let seen = wait_until("#newcomers of the upload", PATIENCE, || async {
            let seen = run(&session, NEWCOMERS).await?;
            Ok(if seen["fields"]["newcomers.count"] == count.as_str() {
                Poll::Ready(seen)
            } else {
                Poll::NotYet(seen.to_string())
            })
        })
        .await?;
        for (field, want) in &expected {
            let got = seen["fields"][field].as_str().unwrap_or("(missing)");
            if got != want {
                return Err(format!(
                    "#newcomers {field}: shows {got:?}, the report {want:?}"
                ));
            }
        }
        let shown: Vec<&str> = seen["waiting"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if shown != ids {
            return Err(format!("#waiting lists {shown:?}, the report {ids:?}"));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
