//! End to end, the worst files through the file input (a broken file must cost one sentence,
//! never the page): the release build in
//! headless Chromium, the bundled sample on screen, then one at a time an empty file, a
//! PNG, JSON cut off mid-string, 100 000 nested brackets, a Latin-1 byte in UTF-8 JSON
//! and valid JSON of another shape, each generated here into a temporary folder.
//!
//! For each, the page must show in `#error` exactly the sentence the core gives for the same
//! bytes (it names the file, and the line and column when there is one), keep the sample's
//! report on screen word for word, and neither panic nor open a dialog
//! ([`crate::support::watch`]). Each next import starts with `#error` empty (its sentence
//! was about the file before): `#error` never goes from one file's sentence straight to the
//! next's. Last, a good file still replaces the report: the page is alive.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e bad_input:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use crate::support::page::run;
use crate::support::watch::{install, watched};
use crate::support::{repo, PageState, Session};
use peerscope_core::{import::Input, model::options::Options, report::analyze};

/// A 1×1 transparent PNG, whole: signature, IHDR, IDAT and IEND with their checksums.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\
    \x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\
    \x00\x00\x00\x0bIDAT\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\
    \x00\x00\x00\x00IEND\xae\x42\x60\x82";

/// A well-formed export to cut and spoil, and to load last.
const GOOD: &str = "tests/fixtures/e2e_upload.json";

/// One bad file: its name, its bytes, and whether the core's sentence gives a position.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    position: bool,
}

/// The six files, from the good export where they spoil one.
fn cases(good: &[u8]) -> Vec<Case> {
    let text = String::from_utf8_lossy(good);
    // Just inside the last `"content":"…` value: a cut there leaves a string open.
    const KEY: &str = "\"content\":\"";
    let open = text.rfind(KEY).expect("the good export has a content") + KEY.len();
    let mut latin1 = good.to_vec();
    latin1.splice(open..open, *b"caf\xE9 ");
    let depth = 100_000;
    let case = |name, bytes, position| Case {
        name,
        bytes,
        position,
    };
    vec![
        case("empty.json", Vec::new(), false),
        case("screenshot.png", PNG.to_vec(), false),
        case("cut.json", good[..open].to_vec(), true),
        case(
            "deep.json",
            ["[".repeat(depth), "]".repeat(depth)].concat().into_bytes(),
            true,
        ),
        case("latin1.json", latin1, true),
        case(
            "shape.json",
            br#"{"hello": ["world"], "n": 1}"#.to_vec(),
            true,
        ),
    ]
}

/// What the core says about `case` alone, with the page's default options: the sentence
/// the page must show. Checked to name the file (and the position, where there is one).
fn sentence(case: &Case) -> String {
    let input = Input::new(case.name, case.bytes.clone());
    let sentence = match analyze(&[input], &Options::default()) {
        Ok(a) => panic!(
            "the core read {} ({} messages); it is no bad input",
            case.name, a.report.counts.messages
        ),
        Err(e) => e.to_string(),
    };
    assert!(
        sentence.starts_with(&format!("{}: ", case.name)) && !sentence.contains('\n'),
        "the core's sentence should name {}: {sentence:?}",
        case.name
    );
    let located = sentence.starts_with(&format!("{}: line ", case.name));
    assert_eq!(
        located, case.position,
        "{}: a line and column expected: {}; got {sentence:?}",
        case.name, case.position
    );
    sentence
}

/// The report's words and the page's stable ids, to compare before and after.
async fn report_on_screen(session: &Session) -> Result<(String, PageState), String> {
    let words = run(
        session,
        "const v = document.querySelector('#verdict'); return v ? v.textContent : null;",
    )
    .await?;
    let words = words.as_str().ok_or("no #verdict on the page")?.to_string();
    Ok((words, session.state().await?))
}

/// Uploads `file` and waits for `#error` to say `want`; the report stays as `before`.
async fn refused(
    session: &Session,
    file: &Path,
    want: &str,
    before: &(String, PageState),
) -> Result<(), String> {
    session.upload(file).await?;
    session
        .wait_for(&format!("#error to say {want:?}"), |s| s.error == want)
        .await?;
    let after = report_on_screen(session).await?;
    let ids = |s: &PageState| (s.label.clone(), s.nodes, s.circles, s.checklist);
    if after.0 != before.0 || ids(&after.1) != ids(&before.1) {
        return Err(format!(
            "the report changed after {}: before {:?} ({}); after {:?} ({})",
            file.display(),
            before.0,
            before.1.describe(),
            after.0,
            after.1.describe()
        ));
    }
    watched(session).await?.no_dialog_and_no_panic()
}

/// Records every text `#error` takes from now on (each change, in order) in
/// `window.__errors`.
const RECORD_ERRORS: &str = "window.__errors = []; \
    const look = () => { const e = document.getElementById('error'); \
      const text = e ? e.textContent.trim() : ''; \
      if (window.__errors[window.__errors.length - 1] !== text) window.__errors.push(text); }; \
    look(); \
    new MutationObserver(look).observe(document.body, \
      { childList: true, subtree: true, characterData: true }); return true;";

/// Every sentence `#error` showed, in order, and never one straight after another: the
/// next import cleared the last one first.
async fn errors_cleared_between(session: &Session, sentences: &[String]) -> Result<(), String> {
    let seen = run(session, "return window.__errors;").await?;
    let seen: Vec<String> = serde_json::from_value(seen).map_err(|e| e.to_string())?;
    let shown: Vec<&String> = seen.iter().filter(|t| !t.is_empty()).collect();
    let back_to_back = seen
        .windows(2)
        .any(|w| !w[0].is_empty() && !w[1].is_empty());
    if back_to_back || shown != sentences.iter().collect::<Vec<_>>() {
        return Err(format!(
            "#error should show each sentence, cleared between: {seen:?}"
        ));
    }
    Ok(())
}

/// Writes every case into a folder of its own; returns the folder and the files.
fn write_cases(cases: &[Case]) -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("peerscope-e2e-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary folder for the bad files");
    let files = cases
        .iter()
        .map(|case| {
            let file = dir.join(case.name);
            std::fs::write(&file, &case.bytes)
                .unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
            file
        })
        .collect();
    (dir, files)
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn each_bad_file_gets_the_cores_sentence_and_the_report_stays() {
    let good_path = repo().join(GOOD);
    let good = std::fs::read(&good_path).unwrap_or_else(|e| panic!("{GOOD}: {e}"));
    let cases = cases(&good);
    let sentences: Vec<String> = cases.iter().map(sentence).collect();
    let good_people = analyze(&[Input::new("e2e_upload.json", good)], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {GOOD}: {e}"))
        .network
        .nodes
        .len();
    let (dir, files) = write_cases(&cases);
    let session = Session::open("bad-input").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        install(&session).await?;
        let before = report_on_screen(&session).await?;
        run(&session, RECORD_ERRORS).await?;
        for (file, want) in files.iter().zip(&sentences) {
            refused(&session, file, want, &before).await?;
            println!("{want}");
        }
        errors_cleared_between(&session, &sentences).await?;
        // Still alive: a good file replaces the report and clears the error.
        session.upload(&good_path).await?;
        session
            .wait_for(&format!("{GOOD}'s {good_people} people"), |s| {
                s.nodes == Some(good_people) && s.circles == good_people && s.error.is_empty()
            })
            .await?;
        watched(&session).await?.no_dialog_and_no_panic()
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    session.finish(outcome).await;
}
