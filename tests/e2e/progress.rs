//! End to end, progress, charts and report downloads: the release build in
//! headless Chromium with a fixture whose names and messages appear nowhere else.
//!
//! - a ticked step survives a reload, and re-analysing the same export shows
//!   `#since-last-time` with that step;
//! - `localStorage` holds no message text and no name or id from the export;
//! - it keeps the 100 groups used last, and when it is full a tick is still kept, older
//!   groups making room (another script's keys are never touched);
//! - the charts are on the page, and the metrics CSV, report JSON and share card PNG the
//!   page makes agree with the core.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e progress:: -- --ignored --test-threads=1
//! ```

use base64::Engine;
use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

/// A seed library's Discord export; its people have names found nowhere else.
const FIXTURE: &str = "tests/fixtures/distinctive_names.json";

/// The fixture's path, its JSON, and the core's analysis with the page's default options.
fn expected() -> (std::path::PathBuf, Value, Analysis) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()));
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"));
    let analysis = analyze(
        &[Input::new("distinctive_names.json", bytes)],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    (path, json, analysis)
}

/// Polls `script` until it returns `true`; on timeout the error shows `what`.
async fn wait_true(session: &Session, what: &str, script: &str) -> Result<(), String> {
    wait_until(what, PATIENCE, || async {
        let value = run(session, script).await?;
        Ok(match value.as_bool() {
            Some(true) => Poll::Ready(()),
            _ => Poll::NotYet(format!("{value}")),
        })
    })
    .await
}

/// Waits for the sample, uploads the fixture, and waits until the page draws its people.
async fn fixture_on_screen(
    session: &Session,
    path: &std::path::Path,
    people: usize,
) -> Result<(), String> {
    session
        .wait_for("the bundled sample", |s| s.shows_analysis())
        .await?;
    session.upload(path).await?;
    session
        .wait_for(&format!("{FIXTURE}'s {people} people"), |s| {
            // The fixture is too small to judge (docs/METRICS.md §10): its checklist holds the
            // two steps that ask for more conversation.
            s.nodes == Some(people) && s.circles == people && s.checklist >= 2
        })
        .await?;
    Ok(())
}

/// Every `content` of the fixture's messages and every author's and mentioned person's id,
/// handle and display name.
fn secrets(export: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for m in export["messages"].as_array().into_iter().flatten() {
        out.extend(m["content"].as_str().map(str::to_string));
        let people =
            std::iter::once(&m["author"]).chain(m["mentions"].as_array().into_iter().flatten());
        for person in people {
            for key in ["id", "name", "nickname"] {
                out.extend(person[key].as_str().map(str::to_string));
            }
        }
    }
    out.retain(|s| s.len() >= 4);
    out.sort();
    out.dedup();
    out
}

/// Ticks the most urgent step and waits until it is checked and remembered; returns its id.
async fn tick_first_step(session: &Session) -> Result<String, String> {
    let id = run(
        session,
        "const li = document.querySelector('#checklist li'); return li ? li.dataset.step : null;",
    )
    .await?;
    let id = id.as_str().ok_or("the checklist has no step")?.to_string();
    click(
        session,
        &format!("#checklist li[data-step='{id}'] input[type=checkbox]"),
    )
    .await?;
    let remembered = format!(
        "const box = document.querySelector(\"#checklist li[data-step='{id}'] input\"); \
         const kept = Object.keys(localStorage).some((k) => k.startsWith('peerscope.progress/1/') \
           && (localStorage.getItem(k) || '').includes('\"{id}\"')); \
         return !!box && box.checked && kept;"
    );
    wait_true(session, &format!("step {id} ticked and kept"), &remembered).await?;
    Ok(id)
}

const SINCE_SHOWN: &str = "const s = document.querySelector('#since-last-time'); \
    return !!s && s.getClientRects().length > 0;";

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_tick_survives_a_reload_and_the_next_analysis_shows_what_moved() {
    let (path, _, analysis) = expected();
    let people = analysis.network.nodes.len();
    let session = Session::open("progress").await;
    let outcome = async {
        fixture_on_screen(&session, &path, people).await?;
        if run(&session, SINCE_SHOWN).await?.as_bool() == Some(true) {
            return Err("#since-last-time shows on the first visit".to_string());
        }
        let id = tick_first_step(&session).await?;
        session
            .client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))?;
        fixture_on_screen(&session, &path, people).await?;
        let ready = format!(
            "const box = document.querySelector(\"#checklist li[data-step='{id}'] input\"); \
             const listed = document.querySelector(\"#since-last-time .since-ticked li[data-step='{id}']\"); \
             {SINCE_SHOWN_BODY} return shown && !!box && box.checked && !!listed;",
            SINCE_SHOWN_BODY = "const s = document.querySelector('#since-last-time'); \
                const shown = !!s && s.getClientRects().length > 0;"
        );
        wait_true(&session, "the tick and #since-last-time after a reload", &ready).await?;
        let text = run(
            &session,
            "const s = document.querySelector('#since-last-time'); \
             s.scrollIntoView(); return s.innerText;",
        )
        .await?;
        let text = text.as_str().unwrap_or_default();
        // An undetermined verdict has no score: the sentence says the verdict held.
        let held = match analysis.report.verdict.score {
            Some(_) => text.contains("Score") && text.contains("still"),
            None => text.contains("Verdict still undetermined"),
        };
        if !held {
            return Err(format!("the same export should say the score held: {text:?}"));
        }
        let shot = session.screenshot("since-last-time").await?;
        println!("#since-last-time: {text:?}\nscreenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// Every key and value of `localStorage`, as one JSON text.
const READ_STORAGE: &str = "const all = {}; \
    for (let i = 0; i < localStorage.length; i++) { \
      const k = localStorage.key(i); all[k] = localStorage.getItem(k); } \
    return JSON.stringify(all);";

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn local_storage_holds_no_message_text_and_no_names() {
    let (path, export, analysis) = expected();
    let session = Session::open("progress-storage").await;
    let outcome = async {
        fixture_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        tick_first_step(&session).await?;
        let stored = run(&session, READ_STORAGE).await?;
        let stored = stored.as_str().unwrap_or_default().to_string();
        if !stored.contains("peerscope.progress/1/") {
            return Err(format!("no progress was kept: {stored}"));
        }
        let secrets = secrets(&export);
        if secrets.len() < 30 {
            return Err(format!(
                "the fixture should give many texts to look for: {secrets:?}"
            ));
        }
        let leaked: Vec<&String> = secrets
            .iter()
            .filter(|s| stored.contains(s.as_str()))
            .collect();
        if !leaked.is_empty() {
            return Err(format!("localStorage holds {leaked:?}: {stored}"));
        }
        println!(
            "localStorage ({} bytes) holds none of {} texts, names and ids",
            stored.len(),
            secrets.len()
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// Stale groups stored before the page runs: their number, and the first day they were used.
const STALE: usize = 120;

/// `STALE` readable snapshots, `gstale000` used on 2020-01-01, each next one a day later,
/// and a key of another script; as a script that stores them.
fn store_stale_groups(analysis: &Analysis) -> String {
    use peerscope_core::report::progress::Snapshot;
    let entries: Vec<(String, String)> = (0..STALE)
        .map(|i| {
            let group = format!("gstale{i:03}");
            let taken = format!("2020-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
            let snapshot = Snapshot::of(&analysis.report, &group, &taken, &Default::default());
            (format!("peerscope.progress/1/{group}"), snapshot.to_json())
        })
        .collect();
    format!(
        "for (const [k, v] of {}) localStorage.setItem(k, v); \
         localStorage.setItem('other.app', 'kept'); return localStorage.length;",
        serde_json::to_string(&entries).unwrap_or_default()
    )
}

/// Fills what is left of `localStorage` with one value under `zz.fill` (the longest that
/// fits); returns its length.
const FILL_STORAGE: &str = "let fits = 0, step = 1 << 24; \
    for (; step > 0; step >>= 1) { \
      try { localStorage.setItem('zz.fill', 'x'.repeat(fits + step)); fits += step; } \
      catch (e) { localStorage.setItem('zz.fill', 'x'.repeat(fits)); } } \
    return fits;";

/// The progress keys stored, sorted.
const PROGRESS_KEYS: &str = "return Object.keys(localStorage) \
    .filter((k) => k.startsWith('peerscope.progress/1/')).sort();";

async fn progress_keys(session: &Session) -> Result<Vec<String>, String> {
    let keys = run(session, PROGRESS_KEYS).await?;
    serde_json::from_value(keys).map_err(|e| format!("keys: {e}"))
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_full_memory_forgets_the_oldest_groups_and_keeps_the_tick() {
    let (path, _, analysis) = expected();
    let fixture = format!(
        "peerscope.progress/1/{}",
        peerscope_core::report::progress::group_key(&analysis.report)
    );
    let session = Session::open("progress-bounded").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        run(&session, &store_stale_groups(&analysis)).await?;
        fixture_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        let kept = format!("return localStorage.getItem('{fixture}') !== null;");
        wait_true(&session, "the fixture's progress kept", &kept).await?;
        // 120 stale groups, the sample and the fixture: the 22 used longest ago go.
        let keys = progress_keys(&session).await?;
        let gone: Vec<String> = (0..22)
            .map(|i| format!("peerscope.progress/1/gstale{i:03}"))
            .collect();
        let stale_kept = format!("peerscope.progress/1/gstale{:03}", 22);
        if keys.len() != 100 || gone.iter().any(|k| keys.contains(k)) || !keys.contains(&stale_kept)
        {
            return Err(format!("{} groups kept: {keys:?}", keys.len()));
        }
        let filled = run(&session, FILL_STORAGE).await?;
        let id = tick_first_step(&session).await?;
        let keys = progress_keys(&session).await?;
        let others = run(
            &session,
            "return localStorage.getItem('other.app') === 'kept' \
             && localStorage.getItem('zz.fill') !== null;",
        )
        .await?;
        if keys.len() >= 100 || keys.contains(&stale_kept) || others.as_bool() != Some(true) {
            return Err(format!(
                "with storage full ({filled} characters added), ticking {id} should forget \
                 the oldest group and nothing else: {keys:?}"
            ));
        }
        println!(
            "100 groups kept of {}; storage filled with {filled} characters, then the tick of \
             {id} kept by forgetting {} group(s)",
            STALE + 2,
            100 - keys.len()
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// Reads the text file a download button made (its `peerscopeFile` Blob).
async fn file_of(session: &Session, button: &str) -> Result<String, String> {
    click(session, &format!("#{button}")).await?;
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         const b = document.querySelector('#{button}'); \
         if (!b || !b.peerscopeFile) {{ done(''); return; }} \
         b.peerscopeFile.text().then(done, () => done(''));"
    );
    let text = session
        .client
        .execute_async(&script, Vec::new())
        .await
        .map_err(|e| format!("cannot read #{button}'s file: {e}"))?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// Clicks the share card button and decodes the PNG it links to.
async fn share_card_png(session: &Session) -> Result<Vec<u8>, String> {
    click(session, "#export-share-card").await?;
    let script = "const b = document.querySelector('#export-share-card'); \
                  return b ? (b.getAttribute('data-href') || '') : '';";
    let href = wait_until("#export-share-card[data-href]", PATIENCE, || async {
        let value = run(session, script).await?;
        Ok(match value.as_str().filter(|s| !s.is_empty()) {
            Some(href) => Poll::Ready(href.to_string()),
            None => Poll::NotYet(format!("{value}")),
        })
    })
    .await?;
    let b64 = href
        .strip_prefix("data:image/png;base64,")
        .ok_or("the share card link is not a PNG data URL")?;
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("the share card is not base64: {e}"))
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn charts_and_report_downloads_agree_with_the_core() {
    let (path, _, analysis) = expected();
    let session = Session::open("progress-downloads").await;
    let outcome = async {
        fixture_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        let figures = run(
            &session,
            "return [...document.querySelectorAll('#charts figure')].map((f) => \
               !!f.querySelector('svg') && (f.querySelector('figcaption') || {}).textContent || '');",
        )
        .await?;
        // Six figures; the fixture spans too few weeks for a trend, so the trend and the
        // movement are sentences and the other four are drawn.
        let all: Vec<&str> = figures.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let drawn: Vec<&str> = all.iter().copied().filter(|c| !c.is_empty()).collect();
        if all.len() != 6 || drawn.len() != 4 || drawn.iter().any(|c| !c.contains("Look")) {
            return Err(format!("#charts should hold 6 figures, 4 with an SVG and a caption: {figures}"));
        }
        run(&session, "document.querySelector('#charts').scrollIntoView(); return true;").await?;
        let shot = session.screenshot("charts").await?;
        println!("charts: {}", shot.display());
        let csv = file_of(&session, "export-metrics-csv").await?;
        if csv != peerscope_core::draw::export::metrics_csv::metrics_csv(&analysis.report) {
            return Err(format!("the page's metrics CSV differs from the core's:\n{csv}"));
        }
        let json: Value = serde_json::from_str(&file_of(&session, "export-report-json").await?)
            .map_err(|e| format!("the report JSON does not parse: {e}"))?;
        if json["schema"] != peerscope_core::model::schema::SCHEMA
            || json["verdict"]["label"] != analysis.report.verdict.label.as_str()
        {
            return Err(format!("the report JSON is not this report: {}", json["verdict"]));
        }
        let png = share_card_png(&session).await?;
        let size = png.get(16..24).map(|b| b.to_vec()).unwrap_or_default();
        let want: Vec<u8> = [1200u32, 630].iter().flat_map(|v| v.to_be_bytes()).collect();
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") || size != want || png.len() < 5000 {
            return Err(format!("the share card is not a 1200×630 picture ({} bytes)", png.len()));
        }
        let file = crate::support::screenshot_dir().join("share-card.png");
        std::fs::create_dir_all(crate::support::screenshot_dir()).map_err(|e| e.to_string())?;
        std::fs::write(&file, &png).map_err(|e| e.to_string())?;
        println!("share card ({} bytes): {}", png.len(), file.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
