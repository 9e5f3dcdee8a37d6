//! End to end, zips weighed by what they unpack to before they are read
//! (`src/import/unpacked.rs`, `src/import/limit/zipped.rs`): a small generated Slack
//! export zip whose central directory declares 3 GB of day files is refused through
//! `#file-input` in one sentence naming it and the sizes, before any reading starts, with
//! the report on screen kept; the same export with its sizes as they are is read; and the
//! lying zip after it is refused again with that export's report kept.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e zips_weighed:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::page::run;
use crate::support::{wait_until, Poll, Session, PATIENCE};

/// Writes `slack-export.zip` (3 channels' day files, about 2 MB unpacked) and
/// `declares-3gb.zip`, the same bytes with each day file's unpacked size in the central
/// directory set to 1 GB, into `dir`.
const WRITE_ZIPS: &str = r#"
import json, struct, sys, zipfile
from pathlib import Path
out = Path(sys.argv[1])
users = [{"id": f"U{i}", "name": f"person{i}", "real_name": f"Person {i}"} for i in range(30)]
channels = [{"id": "C1", "name": "general"}]
days = {}
for d in range(3):
    days[f"general/2024-03-0{d + 1}.json"] = [
        {"type": "message", "user": f"U{(k * 7) % 30}", "ts": f"{1709251200 + d * 86400 + k * 9}.000100",
         "text": f"message {k} about the release and the build, thanks <@U{(k * 3) % 30}>"}
        for k in range(5000)
    ]
honest = out / "slack-export.zip"
with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("users.json", json.dumps(users))
    z.writestr("channels.json", json.dumps(channels))
    for name, messages in days.items():
        z.writestr(name, json.dumps(messages))
data = bytearray(honest.read_bytes())
at = data.find(b"PK\x01\x02")
while at >= 0:
    name_len = struct.unpack_from("<H", data, at + 28)[0]
    if data[at + 46:at + 46 + name_len].startswith(b"general/"):
        struct.pack_into("<I", data, at + 24, 1_000_000_000)
    at = data.find(b"PK\x01\x02", at + 4)
(out / "declares-3gb.zip").write_bytes(bytes(data))
"#;

/// The two zips, written into a fresh temporary folder: (honest, lying).
fn zips() -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("peerscope-e2e-zips-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let status = Command::new("python3")
        .args(["-c", WRITE_ZIPS])
        .arg(&dir)
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "could not write the zips"
    );
    (dir.join("slack-export.zip"), dir.join("declares-3gb.zip"))
}

/// The verdict's words, the error, whether an import runs, and the import path if any.
const LOOK: &str = "const v = document.querySelector('#verdict');
    const s = document.querySelector('#import-status');
    return { verdict: v ? v.textContent : null,
             error: (document.querySelector('#error') || {}).textContent || '',
             busy: !!document.querySelector('#import-progress'),
             path: s ? s.dataset.importPath || null : null,
             shows: document.body.textContent };";

/// Uploads the lying zip and waits for its refusal: the exact sentence, the verdict as
/// `before`, and no import started when `first` (nothing was read before).
async fn refused(session: &Session, lying: &Path, before: &str, first: bool) -> Result<(), String> {
    session.upload(lying).await?;
    let want = "declares-3gb.zip is 0.1 MB and unpacks to 3.0 GB: the browser holds at most \
                1.0 GB of a zip and what it unpacks to at once; use the command-line tool (see \
                the README) for exports this big.";
    let look = wait_until("the refusal", PATIENCE, || async {
        let look = run(session, LOOK).await?;
        let error = look["error"]
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_string();
        Ok(if error.is_empty() {
            Poll::NotYet(format!("no error yet: {}", look["verdict"]))
        } else {
            Poll::Ready((error, look))
        })
    })
    .await?;
    let (error, look) = look;
    if error != want {
        return Err(format!("the refusal is not the sentence: {error:?}"));
    }
    if look["verdict"].as_str() != Some(before) || look["busy"] != false {
        return Err(format!(
            "the report before did not stay: {}",
            look["verdict"]
        ));
    }
    if first && !look["path"].is_null() {
        return Err(format!("reading began: {}", look["path"]));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_zip_too_big_unpacked_is_refused_before_reading_and_the_report_stays() {
    let (honest, lying) = zips();
    let size = std::fs::metadata(&lying).map_or(0, |m| m.len());
    assert!((50_000..150_000).contains(&size), "a 0.1 MB zip: {size}");
    let session = Session::open("zips-weighed").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        let sample = run(&session, LOOK).await?;
        let sample = sample["verdict"].as_str().unwrap_or_default().to_string();
        refused(&session, &lying, &sample, true).await?;
        session.upload(&honest).await?;
        let read = wait_until("slack-export.zip's report", PATIENCE, || async {
            let look = run(&session, LOOK).await?;
            let error = look["error"].as_str().unwrap_or_default();
            if !error.trim().is_empty() && !error.contains("declares-3gb.zip") {
                return Err(format!("slack-export.zip was refused: {error}"));
            }
            let named = look["shows"]
                .as_str()
                .is_some_and(|t| t.contains("Showing your export: slack-export.zip"));
            Ok(if named && look["busy"] == false {
                Poll::Ready(look["verdict"].as_str().unwrap_or_default().to_string())
            } else {
                Poll::NotYet(format!("busy {}", look["busy"]))
            })
        })
        .await?;
        refused(&session, &lying, &read, false).await
    }
    .await;
    session.finish(outcome).await;
}
