//! End to end, zip bombs through the page's file input, read by the import worker: the
//! bombs of `tests/hostile/zips.py` (gigabytes packed into a few MB) must each cost one
//! sentence naming the file (the page's, before reading, for a zip that declares more than
//! the page holds; else the core's sentence for the same bytes), with the sample's
//! report kept on screen and the worker alive (before the budgets, the worker died with
//! "RuntimeError: unreachable"); a zip that only carries large media beside a real chat is
//! read.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e bombs:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use crate::support::page::run;
use crate::support::watch::{install, watched};
use crate::support::{repo, wait_until, PageState, Poll, Session, PATIENCE};
use peerscope_core::import::declared::declared;
use peerscope_core::{import::Input, model::options::Options, report::analyze};
use peerscope_web::import::limit::{check_unpacked, Zipped, MAX_WHOLE_BYTES};

/// The bombs refused, as `tests/hostile/zips.py` names them.
const REFUSED: [&str; 4] = [
    "overlap.zip",
    "chats16.zip",
    "slack_day3g.zip",
    "slack_days400.zip",
];
/// A small real chat beside 400 media entries of 250 MiB: read, the media never unpacked.
const READ: &str = "media400.zip";

/// Writes the corpus under `target/e2e/bombs/` (the script skips what is already there).
fn corpus() -> PathBuf {
    let dir = repo().join("target").join("e2e").join("bombs");
    let script = repo().join("tests/hostile/zips.py");
    let status = std::process::Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(status.success(), "{} failed: {status}", script.display());
    dir
}

/// The page's sentence for `file`, which must name it: its own, before reading, when the
/// zip declares more than the page holds (`src/import/limit/zipped.rs`), else the core's.
fn sentence(file: &Path) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().to_string());
    let name = name.unwrap_or_default();
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let size = bytes.len() as u64;
    if let Some(declared) = declared(size, 0, &bytes) {
        let zip = Zipped {
            name: name.clone(),
            size,
            declared,
        };
        if let Err(refused) = check_unpacked(&[zip], MAX_WHOLE_BYTES) {
            return refused;
        }
    }
    let sentence = match analyze(&[Input::new(name.clone(), bytes)], &Options::default()) {
        Ok(_) => panic!("the core read {name}: it is no bomb"),
        Err(e) => e.to_string(),
    };
    assert!(sentence.starts_with(&format!("{name}: ")), "{sentence}");
    sentence
}

/// The words of `#verdict`, to compare before and after.
async fn verdict_words(session: &Session) -> Result<String, String> {
    let words = run(
        session,
        "const v = document.querySelector('#verdict'); return v ? v.textContent : null;",
    )
    .await?;
    Ok(words.as_str().ok_or("no #verdict on the page")?.to_string())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn zip_bombs_cost_one_sentence_and_the_report_stays() {
    let dir = corpus();
    let refused: Vec<(PathBuf, String)> = REFUSED
        .iter()
        .map(|name| {
            let file = dir.join(name);
            let said = sentence(&file);
            (file, said)
        })
        .collect();
    let session = Session::open("bombs").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", PageState::shows_analysis)
            .await?;
        install(&session).await?;
        let before = verdict_words(&session).await?;
        for (file, want) in &refused {
            session.upload(file).await?;
            session
                .wait_for(&format!("#error to say {want:?}"), |s| &s.error == want)
                .await?;
            if verdict_words(&session).await? != before {
                return Err(format!("the report changed after {}", file.display()));
            }
            watched(&session).await?.no_dialog_and_no_panic()?;
        }
        session.upload(&dir.join(READ)).await?;
        wait_until(&format!("{READ}'s report"), PATIENCE, || async {
            let now = verdict_words(&session).await?;
            let error = session.state().await?.error;
            // The last bomb's sentence stays while the page weighs the zip.
            let last = refused.last().map(|(_, said)| said.as_str());
            if !error.is_empty() && Some(error.as_str()) != last {
                return Err(format!("{READ} was refused: {error}"));
            }
            Ok(if now != before {
                Poll::Ready(())
            } else {
                Poll::NotYet("the sample's verdict".to_string())
            })
        })
        .await?;
        watched(&session).await?.no_dialog_and_no_panic()
    }
    .await;
    session.finish(outcome).await;
}
