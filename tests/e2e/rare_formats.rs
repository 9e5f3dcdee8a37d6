//! The six rarest formats on demand (core/src/import/rare.rs): the page's wasm leaves their
//! importers out, and its worker loads `peerscope-all-formats` only when a picked file needs
//! it (www/worker.js). A Matrix room read this way shows the core's verdict, the module is
//! fetched once and not before, a new goal re-analyses the room and a Discord export read
//! next still works; without a worker, and from the JS API's `analyze()`, such a file is
//! one sentence naming it, and the report on screen stays.

use std::path::PathBuf;

use serde_json::Value;

use crate::import::{export, open, sample_on_screen};
use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::import::{self, Input};
use peerscope_core::model::options::Options;
use peerscope_core::report::analyze::report_dataset;

/// The module with every format, as the worker fetches it.
const ALL_FORMATS_WASM: &str = "peerscope-all-formats_bg.wasm";

/// The page's label, people, busy flag, error and goal, in one look.
const LOOK: &str = r#"
const verdict = document.querySelector('#verdict');
const network = document.querySelector('#network');
return {
  label: verdict ? verdict.getAttribute('data-label') : null,
  people: network ? Number(network.getAttribute('data-nodes')) : null,
  busy: !!document.querySelector('#import-progress'),
  error: (document.querySelector('#error') || {}).textContent || '',
  goal: (document.querySelector('#goal') || {}).value || null,
  text: document.body.innerText,
};
"#;

/// An Element export of one room: 8 people, 240 messages, every third one a reply. Written
/// once under target/e2e/rare/.
fn matrix_room() -> PathBuf {
    matrix_room_of("lobby-room.json", 240)
}

/// [`matrix_room`] with `messages` messages, called `name`.
fn matrix_room_of(name: &str, messages: u64) -> PathBuf {
    let dir = repo().join("target/e2e/rare");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let path = dir.join(name);
    if path.is_file() {
        return path;
    }
    let events: Vec<String> = (0..messages)
        .map(|i| {
            let reply = match i.checked_sub(1) {
                Some(parent) if i % 3 == 0 => format!(
                    r#","m.relates_to":{{"m.in_reply_to":{{"event_id":"$e{parent}"}}}}"#
                ),
                _ => String::new(),
            };
            format!(
                r#"{{"type":"m.room.message","sender":"@p{}:x.org","origin_server_ts":{},"event_id":"$e{i}","room_id":"!r:x.org","content":{{"msgtype":"m.text","body":"message {i}"{reply}}}}}"#,
                (i * 5) % 8,
                1_700_000_000_000 + i * 3_600_000
            )
        })
        .collect();
    let room = format!(
        r#"{{"room_name":"Lobby","room_creator":"@p0:x.org","exported_by":"@p1:x.org","messages":[{}]}}"#,
        events.join(",")
    );
    std::fs::write(&path, room).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// `room` cut in the middle of its events (still detected as Matrix, so read by the module
/// with every format), and the core's sentence for it.
fn cut_room(room: &PathBuf) -> (PathBuf, String) {
    let bytes = std::fs::read(room).unwrap_or_else(|e| panic!("{}: {e}", room.display()));
    let cut = bytes.get(..bytes.len() / 2).unwrap_or_default().to_vec();
    let path = room.with_file_name("cut-room.json");
    std::fs::write(&path, &cut).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentence = import::import(&[Input::new("cut-room.json", cut)], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_else(|| panic!("the core read the cut room"));
    (path, sentence)
}

/// The core's label and participants for `path`, with the page's default choices.
fn core_says(path: &PathBuf) -> (String, u64) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dataset = import::import(&[Input::new("lobby-room.json", bytes)], None)
        .unwrap_or_else(|e| panic!("the core cannot read the room: {e}"));
    let report = report_dataset(&dataset, &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse the room: {e}"));
    (
        report.verdict.label.as_str().to_string(),
        report.counts.participants,
    )
}

async fn look_until(
    session: &Session,
    what: &str,
    ready: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    wait_until(what, PATIENCE, || async {
        let value = run(session, LOOK).await?;
        Ok(if ready(&value) {
            Poll::Ready(value)
        } else {
            Poll::NotYet(format!("{}", value["error"]))
        })
    })
    .await
}

/// How many times the page and its workers fetched the module with every format.
fn fetched_all_formats(session: &Session) -> usize {
    let requests = session.requests();
    requests
        .iter()
        .filter(|r| r.contains(ALL_FORMATS_WASM))
        .count()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_matrix_room_loads_the_module_with_every_format_once() {
    let (room, discord) = (matrix_room(), export(2_000, 3));
    let (label, people) = core_says(&room);
    let session = open("rare-formats", "").await;
    let outcome = async {
        sample_on_screen(&session).await?;
        if fetched_all_formats(&session) != 0 {
            return Err("the module with every format was fetched before it was needed".into());
        }
        session.upload(&room).await?;
        let read = look_until(&session, "the Matrix room's report", |l| {
            l["busy"] == false
                && l["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("lobby-room.json"))
        })
        .await?;
        if read["label"] != label.as_str() || read["people"] != people || read["error"] != "" {
            return Err(format!(
                "not the core's {label} with {people} people: {read}"
            ));
        }
        let goal = "const g = document.querySelector('#goal'); g.value = 'reach'; \
                    g.dispatchEvent(new Event('change', { bubbles: true }));";
        run(&session, goal).await?;
        let again = look_until(&session, "the room re-analysed for the new goal", |l| {
            l["goal"] == "reach" && l["busy"] == false && l["people"] == people
        })
        .await?;
        session.upload(&discord.path).await?;
        let next = look_until(&session, "a Discord export after the room", |l| {
            l["busy"] == false && l["people"] == discord.people
        })
        .await?;
        if next["label"] != discord.label.as_str() || again["error"] != "" {
            return Err(format!("after the room: {again}, then {next}"));
        }
        let (cut, sentence) = cut_room(&room);
        session.upload(&cut).await?;
        let refused = look_until(&session, "the cut room's sentence", |l| {
            l["busy"] == false && l["error"].as_str().is_some_and(|e| !e.is_empty())
        })
        .await?;
        if refused["error"] != sentence.as_str() || refused["people"] != next["people"] {
            return Err(format!(
                "not the core's {sentence:?}, or the report went: {refused}"
            ));
        }
        match fetched_all_formats(&session) {
            1 => Ok(()),
            n => Err(format!(
                "the module with every format was fetched {n} times"
            )),
        }
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn without_a_worker_and_in_the_js_api_a_rare_format_is_one_sentence() {
    let room = matrix_room();
    let session = open("rare-formats-main", "?worker=0").await;
    let outcome = async {
        let sample = sample_on_screen(&session).await?;
        let said = "lobby-room.json is a Matrix (Element export) export, which peerscope reads \
                    only in the background worker of its own page";
        session.upload(&room).await?;
        let refused = look_until(&session, "the sentence", |l| {
            l["error"].as_str().is_some_and(|e| !e.is_empty()) && l["busy"] == false
        })
        .await?;
        let kept = refused["label"] == sample["label"] && refused["people"] == sample["people"];
        if !refused["error"]
            .as_str()
            .is_some_and(|e| e.starts_with(said))
            || !kept
        {
            return Err(format!("not the sentence, or the sample went: {refused}"));
        }
        let text = std::fs::read_to_string(&room).map_err(|e| e.to_string())?;
        let thrown = session
            .client
            .execute(
                "try { window.wasmBindings.analyze(arguments[0], { name: 'lobby-room.json' }); \
                 return 'no error'; } catch (e) { return e.message; }",
                vec![Value::from(text)],
            )
            .await
            .map_err(|e| format!("analyze() could not be called: {e}"))?;
        match thrown.as_str() {
            Some(message) if message.starts_with(said) => Ok(()),
            _ => Err(format!("analyze() said {thrown}")),
        }
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_cancelled_rare_import_keeps_the_report_and_the_next_one_runs() {
    // About 60 MB: seconds of reading in the module with every format.
    let (big, room) = (matrix_room_of("big-room.json", 250_000), matrix_room());
    let (_, people) = core_says(&room);
    let session = open("rare-formats-cancel", "").await;
    let outcome = async {
        // Held back, the worker's messages cannot end the import before the click.
        session.wrap_workers_for_holding().await?;
        let sample = sample_on_screen(&session).await?;
        session.hold_workers(true).await?;
        session.upload(&big).await?;
        look_until(&session, "the big room's import to start", |l| {
            l["busy"] == true
        })
        .await?;
        wait_until("the module with every format", PATIENCE, || async {
            Ok(match fetched_all_formats(&session) {
                0 => Poll::NotYet("not fetched yet".to_string()),
                _ => Poll::Ready(()),
            })
        })
        .await?;
        run(
            &session,
            "document.querySelector('#import-cancel').click();",
        )
        .await?;
        let after = look_until(&session, "the cancel", |l| l["busy"] == false).await?;
        session.hold_workers(false).await?;
        if after["label"] != sample["label"] || after["people"] != sample["people"] {
            return Err(format!(
                "after the cancel, not the sample's report: {after}"
            ));
        }
        session.upload(&room).await?;
        let next = look_until(&session, "the small room after the cancel", |l| {
            l["busy"] == false && l["people"] == people
        })
        .await?;
        match next["error"].as_str() {
            Some("") => Ok(()),
            _ => Err(format!("the small room after the cancel: {next}")),
        }
    }
    .await;
    session.finish(outcome).await;
}

/// A copy of `dist/` without the module with every format: the worker cannot load it.
#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn without_the_second_module_a_rare_file_is_one_sentence_and_the_page_goes_on() {
    let (room, discord) = (matrix_room(), export(2_000, 3));
    let root = repo().join("target/e2e/rare/dist-without");
    let served = crate::support::embed::dist_under(&root, "")
        .and_then(|root| {
            let wasm = root.join(ALL_FORMATS_WASM);
            std::fs::remove_file(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
            Ok(root)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let session = Session::open_at("rare-formats-missing", &served, "").await;
    let outcome = async {
        let sample = sample_on_screen(&session).await?;
        session.upload(&room).await?;
        let refused = look_until(&session, "the sentence", |l| {
            l["busy"] == false && l["error"].as_str().is_some_and(|e| !e.is_empty())
        })
        .await?;
        let said = "lobby-room.json: reading a matrix export needs peerscope's module with \
                    every format (peerscope-all-formats.wasm), which could not be loaded (";
        let kept = refused["label"] == sample["label"] && refused["people"] == sample["people"];
        if !refused["error"]
            .as_str()
            .is_some_and(|e| e.starts_with(said))
            || !kept
        {
            return Err(format!("not the sentence, or the sample went: {refused}"));
        }
        session.upload(&discord.path).await?;
        look_until(&session, "a Discord export after it", |l| {
            l["busy"] == false && l["people"] == discord.people && l["error"] == ""
        })
        .await
        .map(drop)
    }
    .await;
    session.finish(outcome).await;
}
