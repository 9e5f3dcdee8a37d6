//! End to end, a large network on the canvas: the release build in headless Chromium, a
//! generated edge list above the canvas thresholds uploaded, then the canvas itself (its
//! label, the table beside it), hover and click-to-pin over a known person's dot (the page
//! hit-tests in Rust: no element per person), the wheel, the "remove the host" switch and
//! the PNG download, each checked against the core run in-process on the same bytes.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e canvas:: -- --ignored --test-threads=1
//! ```

// It places the pointer with the page's own drawing geometry (`peerscope_web::network::drawing`).

use base64::Engine;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::draw::view::scene::choice::{CANVAS_PEOPLE, CANVAS_TIES};
use peerscope_core::model::random::SplitMix;
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

/// People and ties of the generated network: above both thresholds, small enough that the
/// page reads it in a few seconds.
const PEOPLE: usize = CANVAS_PEOPLE + 500;
const TIES: usize = CANVAS_TIES * 3;
/// How many people reply to the host: enough that the host is detected without doubt.
const HOST_REPLIERS: usize = 400;

/// A seeded edge list (`source,target,weight`): everyone replies to someone earlier (so
/// nobody is left out), many reply to person 0 (the host), the rest at random.
fn edge_list() -> String {
    let mut rng = SplitMix(0xC0FF_EE00);
    let name = |i: usize| format!("member{i:04}");
    let mut seen = std::collections::HashSet::new();
    let mut lines = vec!["source,target,weight".to_string()];
    let mut add = |a: usize, b: usize, rng: &mut SplitMix| {
        let new = a != b && seen.insert((a.min(b), a.max(b)));
        if new {
            lines.push(format!("{},{},{}", name(a), name(b), 1 + rng.below(4)));
        }
        new
    };
    let mut ties = 0;
    for v in 1..PEOPLE {
        let earlier = if v <= HOST_REPLIERS {
            0
        } else {
            rng.below(v as u64) as usize
        };
        ties += usize::from(add(v, earlier, &mut rng));
    }
    while ties < TIES {
        let (a, b) = (rng.below(PEOPLE as u64), rng.below(PEOPLE as u64));
        ties += usize::from(add(a as usize, b as usize, &mut rng));
    }
    lines.join("\n") + "\n"
}

/// Writes the edge list under `target/e2e/` and analyses it in-process.
fn expected() -> (std::path::PathBuf, Analysis) {
    let text = edge_list();
    let dir = repo().join("target").join("e2e");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join("canvas-network.csv");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    let input = Input::new("canvas-network.csv", text.into_bytes());
    let analysis = analyze(&[input], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse the generated network: {e}"));
    (path, analysis)
}

/// What the canvas says about itself, in one round trip.
const CANVAS: &str = r#"
const c = document.querySelector('#network');
const r = c ? c.getBoundingClientRect() : null;
return c ? {
  tag: c.tagName.toLowerCase(),
  renderer: c.getAttribute('data-renderer') || '',
  nodes: Number(c.getAttribute('data-nodes')),
  view: c.getAttribute('data-view') || '',
  label: c.getAttribute('aria-label') || '',
  role: c.getAttribute('role') || '',
  circles: document.querySelectorAll('#network circle').length,
  table: !!document.querySelector('#network-table summary'),
  names: document.querySelectorAll('.network-names .name').length,
  width: r.width, height: r.height,
} : {tag: ''};
"#;

async fn canvas(session: &Session) -> Result<Value, String> {
    run(session, CANVAS).await
}

/// Polls the canvas until `ready` accepts what it says.
async fn wait_canvas(
    session: &Session,
    what: &str,
    ready: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    wait_until(what, PATIENCE, || async {
        let now = canvas(session).await?;
        Ok(if ready(&now) {
            Poll::Ready(now)
        } else {
            Poll::NotYet(now.to_string())
        })
    })
    .await
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

const TOOLTIP: &str =
    "const t = document.querySelector('#network-tooltip'); return t ? t.textContent : '';";

/// Uploads the network and checks the canvas, its label, its names and the table.
async fn canvas_on_screen(
    session: &Session,
    path: &std::path::Path,
    people: usize,
) -> Result<Value, String> {
    session
        .wait_for("the bundled sample", |s| s.shows_analysis())
        .await?;
    session.upload(path).await?;
    let shown = wait_canvas(session, &format!("a canvas of {people} people"), |c| {
        c["tag"] == "canvas" && c["nodes"] == people && c["renderer"] != ""
    })
    .await?;
    let label = shown["label"].as_str().unwrap_or("");
    if shown["role"] != "img" || !label.contains("network") || !label.contains("table") {
        return Err(format!(
            "the canvas needs role=img and a label naming the table: {shown}"
        ));
    }
    if shown["circles"] != 0 || !shown["table"].as_bool().unwrap_or(false) {
        return Err(format!(
            "no SVG circles, and #network-table still there: {shown}"
        ));
    }
    if !(1..=12).contains(&shown["names"].as_u64().unwrap_or(0)) {
        return Err(format!("only the top few people are named: {shown}"));
    }
    click(session, "#network-table summary").await?;
    // The table is built when the <details> reports it opened (a task after the click),
    // so wait for the rows rather than counting once.
    let want = people.min(5000) as u64;
    wait_until(
        &format!("#people-table to list {want} people"),
        PATIENCE,
        || async {
            let rows = run(
                session,
                "return document.querySelectorAll('#people-table tbody tr').length;",
            )
            .await?;
            Ok(if rows.as_u64() == Some(want) {
                Poll::Ready(())
            } else {
                Poll::NotYet(format!("{rows} rows"))
            })
        },
    )
    .await?;
    click(session, "#network-table summary").await?;
    println!("canvas: {shown}");
    Ok(shown)
}

/// The pointer onto the most connected person's dot, worked out from the core's layout
/// with the page's own fit (the whole drawing is in view).
async fn point_at(session: &Session, analysis: &Analysis) -> Result<String, String> {
    let network = &analysis.network;
    let (_, node) = network
        .nodes
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| n.degree)
        .ok_or("nobody to hover")?;
    let (x, y) = peerscope_web::network::drawing::fit(network).place(node);
    let (w, h) = (
        peerscope_web::network::drawing::WIDTH,
        peerscope_web::network::drawing::HEIGHT,
    );
    let now = canvas(session).await?;
    let (width, height) = (
        now["width"].as_f64().unwrap_or(0.0),
        now["height"].as_f64().unwrap_or(0.0),
    );
    let element = session
        .client
        .find(Locator::Css("#network"))
        .await
        .map_err(|e| e.to_string())?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element,
        duration: None,
        // From the element's centre, in CSS pixels.
        x: (x / w - 0.5) * width,
        y: (y / h - 0.5) * height,
    });
    session
        .client
        .perform_actions(mouse)
        .await
        .map_err(|e| format!("cannot move the pointer: {e}"))?;
    Ok(node.name.clone())
}

/// Hover shows the person's tooltip; a click pins it when the pointer leaves; a second
/// click unpins.
async fn hover_and_pin(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let name = point_at(session, analysis).await?;
    let tip = wait_text(session, "#network-tooltip on hover", TOOLTIP).await?;
    if !tip.contains(&name) {
        return Err(format!("the tooltip should name {name}: {tip:?}"));
    }
    click_here(session).await?;
    leave(session).await?;
    let pinned = wait_text(session, "the pinned tooltip", TOOLTIP).await?;
    if !pinned.contains(&name) {
        return Err(format!(
            "the pinned tooltip should still name {name}: {pinned:?}"
        ));
    }
    point_at(session, analysis).await?;
    click_here(session).await?;
    leave(session).await?;
    wait_until("the tooltip to go once unpinned", PATIENCE, || async {
        let tip = run(session, TOOLTIP).await?;
        Ok(if tip == "" {
            Poll::Ready(())
        } else {
            Poll::NotYet(tip.to_string())
        })
    })
    .await?;
    println!("tooltip: {tip}");
    Ok(())
}

async fn click_here(session: &Session) -> Result<(), String> {
    let press = MouseActions::new("mouse".into())
        .then(PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    session
        .client
        .perform_actions(press)
        .await
        .map_err(|e| format!("cannot click: {e}"))
}

/// Moves the pointer off the drawing, onto the section's title.
async fn leave(session: &Session) -> Result<(), String> {
    let title = session
        .client
        .find(Locator::Css("#network-title"))
        .await
        .map_err(|e| e.to_string())?;
    let away = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: title,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    session
        .client
        .perform_actions(away)
        .await
        .map_err(|e| format!("cannot move away: {e}"))
}

/// The wheel zooms the canvas (its view box changes) and `#zoom-reset` brings it back.
async fn wheel(session: &Session) -> Result<(), String> {
    let whole = canvas(session).await?["view"].clone();
    let script =
        "const c = document.querySelector('#network'); const r = c.getBoundingClientRect(); \
        c.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 3, \
        clientY: r.top + r.height / 3, bubbles: true, cancelable: true})); return true;";
    run(session, script).await?;
    wait_canvas(session, "the wheel to zoom the canvas", |c| {
        c["view"] != whole
    })
    .await?;
    click(session, "#zoom-reset").await?;
    wait_canvas(session, "#zoom-reset", |c| c["view"] == whole).await?;
    Ok(())
}

/// Switches the host off: the sentence agrees with the core and the canvas redraws with
/// the people left.
async fn remove_the_host(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let r = &analysis.report.metrics.resilience;
    let (Some(num), Some(den)) = (r.num, r.den) else {
        return Err(format!(
            "the generated network has no resilience to check: {r:?}"
        ));
    };
    click(session, "#remove-host").await?;
    let script =
        "const n = document.querySelector('#resilience-note'); return n ? n.textContent : '';";
    let note = wait_text(session, "#resilience-note", script).await?;
    let want = format!("{} of {} ", num.round() as u64, den.round() as u64);
    if !note.contains(&want) {
        return Err(format!("#resilience-note does not say {want:?}: {note:?}"));
    }
    let left = analysis.network.nodes.iter().filter(|n| !n.away).count();
    wait_canvas(session, &format!("{left} people left on the canvas"), |c| {
        c["tag"] == "canvas" && c["nodes"] == left
    })
    .await?;
    println!("#resilience-note: {note}");
    click(session, "#remove-host").await
}

/// `#export-png` paints the canvas network into a PNG.
async fn png_download(session: &Session) -> Result<(), String> {
    click(session, "#export-png").await?;
    let script = "const b = document.querySelector('#export-png'); return b ? (b.getAttribute('data-href') || '') : '';";
    let href = wait_text(session, "#export-png[data-href]", script).await?;
    let b64 = href.strip_prefix("data:image/png;base64,").ok_or_else(|| {
        format!(
            "not a PNG data URL: {}",
            href.chars().take(60).collect::<String>()
        )
    })?;
    let png = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("not base64: {e}"))?;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") || png.len() < 20_000 {
        return Err(format!(
            "the PNG is not a picture of a large network ({} bytes)",
            png.len()
        ));
    }
    let dir = crate::support::screenshot_dir();
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("canvas-export.png");
    std::fs::write(&file, &png).map_err(|e| e.to_string())?;
    println!("exported PNG ({} bytes): {}", png.len(), file.display());
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_large_network_is_drawn_on_a_canvas_with_the_same_controls() {
    let (path, analysis) = expected();
    let people = analysis.network.nodes.len();
    assert_eq!(people, PEOPLE, "everyone of the edge list is a person");
    let session = Session::open("canvas").await;
    let outcome = async {
        canvas_on_screen(&session, &path, people).await?;
        run(
            &session,
            "document.querySelector('#network').scrollIntoView({block: 'center'}); return 1;",
        )
        .await?;
        hover_and_pin(&session, &analysis).await?;
        wheel(&session).await?;
        remove_the_host(&session, &analysis).await?;
        png_download(&session).await?;
        let shot = session.screenshot("network-canvas").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
