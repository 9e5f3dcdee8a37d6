//! End to end, the Anonymise switch hides everything it promises: the release build in
//! headless Chromium, the switch turned on, then an export uploaded whose file name, channel
//! name, server name and people are all known (`tests/fixtures/e2e_upload.json`, its channel
//! and server renamed, saved as `Chat with Priya Okafor.json`).
//!
//! Not one original (a person's display or user name or id, the file name, the channel's
//! name or id, the server's name or id) may stand as a whole word in:
//!
//! - the whole page: its HTML (every element's text and every attribute), the title and the
//!   value of every input and select, once the report is on screen and at every change
//!   while the export is read (the progress bar names the file it reads);
//! - `#error`, when a broken file named after someone is refused;
//! - every file the download buttons make (`#export-…`: report JSON, metrics CSV, GEXF,
//!   people and ties CSV, SVG, and the network PNG and share card);
//! - the JS API's report with `anonymise: true`.
//!
//! So that the search is known to work, the same export is first shown with the switch off,
//! where the page must show the file name, the channel and a person.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e anonymise:: -- --ignored --test-threads=1
//! ```

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::support::downloads::{png_of, text_of};
use crate::support::page::{click, run};
use crate::support::{repo, Session};
use peerscope_core::{import::Input, model::options::Options, report::analyze};

/// What the uploaded file is called: a person's name in it, as WhatsApp names its exports.
const FILE: &str = "Chat with Priya Okafor.json";
/// A broken file, also named after someone: its error must not show the name.
const BROKEN: &str = "Notes on Ines Varga.json";
/// A zip holding one chat that is not UTF-8, named after someone (its error names the
/// entry after the zip).
const BROKEN_ZIP: &str = "Backup.zip";
const BROKEN_ENTRY: &str = "WhatsApp Chat with Ines Varga.txt";
const CHANNEL: &str = "Okafor Family Backroom";
const SERVER: &str = "Riverside Fermenters";
/// The downloads that are pictures: searched as bytes (their metadata), not as text.
const PICTURES: [&str; 2] = ["export-png", "export-share-card"];

/// Writes [`BROKEN_ZIP`] at `path`: [`BROKEN_ENTRY`], a chat line then a byte that is not
/// UTF-8 (Python's zipfile writes it).
fn broken_zip(path: &std::path::Path) {
    let script = "import sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1], 'w')\n\
                  z.writestr(sys.argv[2], b'12/01/2024, 10:00 - Ines: hi\\n\\xff')\n\
                  z.close()";
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .arg(BROKEN_ENTRY)
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "could not write {}",
        path.display()
    );
}

/// The renamed export, written to a folder of its own; returns the folder and the file.
fn write_export() -> (PathBuf, PathBuf, Vec<u8>) {
    let fixture = repo().join("tests/fixtures/e2e_upload.json");
    let text = std::fs::read(&fixture).unwrap();
    let mut export: Value = serde_json::from_slice(&text).unwrap();
    export["channel"]["name"] = json!(CHANNEL);
    export["guild"]["name"] = json!(SERVER);
    let bytes = serde_json::to_vec_pretty(&export).unwrap();
    let dir = std::env::temp_dir().join(format!("peerscope-e2e-anon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(FILE);
    std::fs::write(&file, &bytes).unwrap();
    (dir, file, bytes)
}

/// Every original the page must hide: the core's people (names and ids, and the user names
/// the export holds), the file, the channel and the server, with their ids.
fn originals(bytes: &[u8]) -> (usize, Vec<String>) {
    let analysis = analyze(&[Input::new(FILE, bytes.to_vec())], &Options::default()).unwrap();
    let export: Value = serde_json::from_slice(bytes).unwrap();
    let mut out = vec![FILE.to_string(), CHANNEL.to_string(), SERVER.to_string()];
    for key in ["channel", "guild"] {
        out.extend(export[key]["id"].as_str().map(str::to_string));
    }
    for message in export["messages"].as_array().unwrap() {
        out.extend(message["author"]["name"].as_str().map(str::to_string));
    }
    for node in &analysis.network.nodes {
        out.extend([node.name.clone(), node.id.clone()]);
    }
    out.sort();
    out.dedup();
    assert!(out.len() > 30, "{out:?}");
    (analysis.network.nodes.len(), out)
}

/// The originals standing in `text` as whole words (no letter or digit either side).
fn found_in(text: &str, originals: &[String]) -> Vec<String> {
    let whole = |needle: &str| {
        text.match_indices(needle).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    originals.iter().filter(|o| whole(o)).cloned().collect()
}

/// The whole page as text: its HTML, its title, and every input's and select's value.
async fn page_text(session: &Session) -> Result<String, String> {
    let script = "return [document.documentElement.outerHTML, document.title, \
        ...[...document.querySelectorAll('input, select, textarea')].map((e) => e.value)] \
        .join('\\n');";
    let value = run(session, script).await?;
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no page text: {value}"))
}

/// Every download the page offers, by button id, with what it made (pictures as bytes).
async fn downloads(session: &Session) -> Result<Vec<(String, String)>, String> {
    let ids = run(
        session,
        "return [...document.querySelectorAll('button[id^=\"export-\"]')].map((b) => b.id);",
    )
    .await?;
    let ids: Vec<String> = serde_json::from_value(ids).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for id in ids {
        let made = if PICTURES.contains(&id.as_str()) {
            String::from_utf8_lossy(&png_of(session, &id).await?).into_owned()
        } else {
            text_of(session, &id).await?
        };
        out.push((id, made));
    }
    let made: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
    for needed in [
        "export-report-json",
        "export-metrics-csv",
        "export-gexf",
        "export-nodes",
    ] {
        if !made.contains(&needed) {
            return Err(format!("no #{needed} among the downloads {made:?}"));
        }
    }
    Ok(out)
}

/// The JS API's report of the same bytes with `anonymise: true`, as JSON text.
async fn api_report(session: &Session, bytes: &[u8]) -> Result<String, String> {
    let script = "return JSON.stringify(window.wasmBindings.analyze(arguments[0], \
        { name: arguments[1], anonymise: true }));";
    let text = String::from_utf8_lossy(bytes).into_owned();
    let value = session
        .client
        .execute(script, vec![json!(text), json!(FILE)])
        .await
        .map_err(|e| format!("the JS API failed: {e}"))?;
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no report: {value}"))
}

/// Keeps the page's HTML at every change from now on in `window.__pages`, to search what
/// showed only while the import ran.
const RECORD_PAGES: &str = "window.__pages = []; \
    new MutationObserver(() => window.__pages.push(document.documentElement.outerHTML)) \
      .observe(document.documentElement, \
        { childList: true, subtree: true, characterData: true, attributes: true }); \
    return true;";

/// Fails naming the place and the originals found there.
fn hidden_in(place: &str, text: &str, originals: &[String]) -> Result<(), String> {
    match found_in(text, originals).as_slice() {
        [] => Ok(()),
        found => Err(format!("{place} shows {found:?}")),
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn anonymise_hides_every_name_id_file_and_channel() {
    let (dir, file, bytes) = write_export();
    let (people, mut originals) = originals(&bytes);
    let broken = dir.join(BROKEN);
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).unwrap();
    originals.push(BROKEN.to_string());
    let session = Session::open("anonymise").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        session.upload(&file).await?;
        let shown = |s: &crate::support::PageState| s.nodes == Some(people) && s.circles == people;
        session.wait_for("the export's people", shown).await?;
        let plain = found_in(&page_text(&session).await?, &originals);
        for must in [FILE, CHANNEL, "Priya"] {
            if !plain.iter().any(|f| f == must) {
                return Err(format!(
                    "with the switch off the page should show {must:?}: {plain:?}"
                ));
            }
        }
        click(&session, "#anonymise").await?;
        crate::support::wait_until("the names to go", crate::support::PATIENCE, || async {
            let left = found_in(&page_text(&session).await?, &originals);
            Ok(if left.is_empty() {
                crate::support::Poll::Ready(())
            } else {
                crate::support::Poll::NotYet(format!("the page still shows {left:?}"))
            })
        })
        .await?;
        // Uploaded with the switch already on, as a person protecting a screenshot would,
        // after another export so the report is known to be new.
        session
            .upload(&repo().join("tests/fixtures/discord_lobby.json"))
            .await?;
        let other =
            |s: &crate::support::PageState| s.nodes.is_some_and(|n| n != people && s.circles == n);
        session.wait_for("another export", other).await?;
        run(&session, RECORD_PAGES).await?;
        session.upload(&file).await?;
        session.wait_for("the export's people again", shown).await?;
        let pages = run(&session, "return window.__pages.join('\\n');").await?;
        let pages = pages.as_str().unwrap_or_default();
        if pages.is_empty() {
            return Err("no change of the page was recorded during the upload".into());
        }
        hidden_in("the page while reading", pages, &originals)?;
        if !pages.contains("import-progress-label") {
            return Err("the progress bar never showed while the export was read".into());
        }
        hidden_in("the page", &page_text(&session).await?, &originals)?;
        let text = page_text(&session).await?;
        if !text.contains("Showing your export: file-") {
            return Err("the page does not show the file's alias".into());
        }
        for (id, made) in downloads(&session).await? {
            hidden_in(&format!("#{id}'s file"), &made, &originals)?;
        }
        hidden_in(
            "the JS API's report",
            &api_report(&session, &bytes).await?,
            &originals,
        )?;
        session.upload(&broken).await?;
        session
            .wait_for("the broken file's error", |s| !s.error.is_empty())
            .await?;
        let state = session.state().await?;
        if !state.error.contains("file-") {
            return Err(format!(
                "#error should name the file's alias: {:?}",
                state.error
            ));
        }
        // A zip's error names the entry inside it too: that name must go with the zip's.
        let zip = dir.join(BROKEN_ZIP);
        broken_zip(&zip);
        session.upload(&zip).await?;
        let before = state.error.clone();
        let changed = |s: &crate::support::PageState| !s.error.is_empty() && s.error != before;
        session.wait_for("the broken zip's error", changed).await?;
        let error = session.state().await?.error;
        if error.contains("Ines") || error.contains(BROKEN_ZIP) || !error.contains("file-") {
            return Err(format!(
                "#error should hide the zip and its entry: {error:?}"
            ));
        }
        hidden_in(
            "the page after an error",
            &page_text(&session).await?,
            &originals,
        )
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    session.finish(outcome).await;
}
