//! End to end, the network view: the release build in headless Chromium, the fixture
//! uploaded, then the "remove the host" switch, the hover tooltip and the PNG and GEXF
//! downloads, each checked against the core run in-process on the same bytes.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e network:: -- --ignored --test-threads=1
//! ```

use base64::Engine;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

/// The export the test uploads (the one `smoke.rs` uses).
const FIXTURE: &str = "tests/fixtures/e2e_upload.json";

/// The core's analysis of the fixture, with the page's default options.
fn expected() -> (std::path::PathBuf, Analysis) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()));
    let input = Input::new("e2e_upload.json", bytes);
    let analysis = analyze(&[input], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    (path, analysis)
}

/// Polls `script` until it returns a non-empty string.
async fn wait_text(session: &Session, what: &str, script: &str) -> Result<String, String> {
    wait_until(what, PATIENCE, || async {
        let value = run(session, script).await?;
        Ok(match value.as_str().filter(|s| !s.is_empty()) {
            Some(text) => Poll::Ready(text.to_string()),
            None => Poll::NotYet(format!("{value}")),
        })
    })
    .await
}

/// Uploads the fixture and waits until the page draws its people.
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
            s.nodes == Some(people) && s.circles == people
        })
        .await?;
    Ok(())
}

/// Switches the host off and checks the sentence and the people left against the core.
async fn remove_the_host(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let resilience = &analysis.report.metrics.resilience;
    let (num, den) = match (resilience.num, resilience.den) {
        (Some(num), Some(den)) => (num.round() as u64, den.round() as u64),
        _ => {
            return Err(format!(
                "{FIXTURE} has no resilience to check: {resilience:?}"
            ))
        }
    };
    click(session, "#remove-host").await?;
    let note = wait_text(
        session,
        "#resilience-note",
        "const n = document.querySelector('#resilience-note'); return n ? n.textContent : '';",
    )
    .await?;
    if !note.contains(&format!("{num} of {den} ")) {
        return Err(format!(
            "#resilience-note does not say {num} of {den}: {note:?}"
        ));
    }
    let away = analysis.network.nodes.iter().filter(|n| n.away).count();
    let left = analysis.network.nodes.len() - away;
    session
        .wait_for(&format!("{left} people left without the host"), |s| {
            s.nodes == Some(left) && s.circles == left
        })
        .await?;
    println!("#resilience-note: {note}");
    click(session, "#remove-host").await
}

/// Moves the pointer onto the most connected person and waits for their tooltip.
async fn hover(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let (index, node) = analysis
        .network
        .nodes
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| n.degree)
        .ok_or("the fixture has nobody to hover")?;
    let circle = session
        .client
        .find(Locator::Css(&format!("#network circle[data-i='{index}']")))
        .await
        .map_err(|e| format!("no circle for {}: {e}", node.name))?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: circle,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    session
        .client
        .perform_actions(mouse)
        .await
        .map_err(|e| format!("cannot move the pointer: {e}"))?;
    let tip = wait_text(
        session,
        "#network-tooltip",
        "const t = document.querySelector('#network-tooltip'); return t ? t.textContent : '';",
    )
    .await?;
    let given = format!("replies given {}", node.replies_given);
    if !tip.contains(&node.name) || !tip.contains(&given) {
        return Err(format!(
            "the tooltip should name {} and say {given:?}: {tip:?}",
            node.name
        ));
    }
    Ok(())
}

/// Reads the GEXF the page produced and parses it in the browser's XML parser.
const READ_GEXF: &str = r#"
const done = arguments[arguments.length - 1];
const button = document.querySelector('#export-gexf');
if (!button || !button.peerscopeFile) { done({error: 'no file yet'}); return; }
button.peerscopeFile.text().then((text) => {
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  done({
    href: button.getAttribute('data-href') || '',
    bytes: text.length,
    error: xml.querySelector('parsererror') ? xml.querySelector('parsererror').textContent : '',
    nodes: xml.getElementsByTagName('node').length,
    edges: xml.getElementsByTagName('edge').length,
  });
}, (e) => done({error: String(e)}));
"#;

async fn gexf_download(session: &Session, analysis: &Analysis) -> Result<(), String> {
    click(session, "#export-gexf").await?;
    let value = session
        .client
        .execute_async(READ_GEXF, Vec::new())
        .await
        .map_err(|e| format!("cannot read the GEXF: {e}"))?;
    let field = |k: &str| value.get(k).cloned().unwrap_or(Value::Null);
    if field("error").as_str() != Some("") {
        return Err(format!("the GEXF does not parse: {value}"));
    }
    let people = analysis.report.counts.participants;
    if field("nodes").as_u64() != Some(people) || !field("href").to_string().contains("blob:") {
        return Err(format!(
            "the GEXF should hold {people} nodes behind a blob: link: {value}"
        ));
    }
    println!("GEXF: {value}");
    Ok(())
}

async fn png_download(session: &Session) -> Result<(), String> {
    click(session, "#export-png").await?;
    let href = wait_text(
        session,
        "#export-png[data-href]",
        "const b = document.querySelector('#export-png'); return b ? (b.getAttribute('data-href') || '') : '';",
    )
    .await?;
    let b64 = href.strip_prefix("data:image/png;base64,").ok_or_else(|| {
        format!(
            "the PNG link is not a PNG data URL: {}",
            &href[..href.len().min(60)]
        )
    })?;
    let png = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("the PNG link is not base64: {e}"))?;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") || png.len() < 2000 {
        return Err(format!("the PNG is not a picture ({} bytes)", png.len()));
    }
    let file = crate::support::screenshot_dir().join("network-export.png");
    std::fs::create_dir_all(crate::support::screenshot_dir()).map_err(|e| e.to_string())?;
    std::fs::write(&file, &png).map_err(|e| e.to_string())?;
    println!("exported PNG ({} bytes): {}", png.len(), file.display());
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn remove_the_host_hover_and_downloads_agree_with_the_core() {
    let (path, analysis) = expected();
    let session = Session::open("network").await;
    let outcome = async {
        fixture_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        remove_the_host(&session, &analysis).await?;
        hover(&session, &analysis).await?;
        gexf_download(&session, &analysis).await?;
        png_download(&session).await?;
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn sample_network_screenshot() {
    let session = Session::open("network-sample").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        let script = "const s = document.querySelector('.network-panel'); \
                      if (s) { s.scrollIntoView(); } return !!s;";
        run(&session, script).await?;
        let shot = session.screenshot("network-sample").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
