//! End to end, the network on a phone: the release build in headless Chromium,
//! `tests/fixtures/e2e_upload.json` uploaded and drawn as an SVG (`?renderer=svg`) and on
//! a WebGL2 canvas (`?renderer=webgl2`, SwiftShader standing in for a GPU), then fingers
//! as synthetic touch `PointerEvent`s ([`crate::support::touch`]):
//!
//! - two fingers spreading zoom in about their midpoint, closing zoom out, one finger drags
//!   the view along with it, on both drawings;
//! - a tap on a person pins their tooltip, a tap on empty space lets go, and a drag that
//!   starts on a person pins nobody;
//! - Escape lets go of a pinned person, from the drawing and from the search box;
//! - the WebGL context lost (`WEBGL_lose_context`): the 2D stand-in draws, the status line
//!   says so, hover and pinch still work; restored: WebGL2 draws again; no panic, no
//!   console error, no `#error` throughout.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e touch:: -- --ignored --test-threads=1
//! ```

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::Locator;

use crate::support::page::{click, run};
use crate::support::touch::{drag, fingers, pinch, tap, view, wait_tooltip, wait_view, View};
use crate::support::watch::{install, watched};
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};
use peerscope_web::network::drawing::{fit, HEIGHT, WIDTH};

/// The export uploaded (the one `smoke.rs` uses).
const FIXTURE: &str = "tests/fixtures/e2e_upload.json";
/// How long a gesture's effect may take to show: the page answers within a frame, so a
/// missing feature fails in seconds rather than after [`PATIENCE`].
const QUICK: Duration = Duration::from_secs(15);
/// WebGL in headless Chromium without a GPU (as `benches/fps.mjs` runs it).
const SWIFTSHADER: [&str; 2] = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"];
/// WebDriver's Escape key.
const ESCAPE: char = '\u{E00C}';

fn expected() -> (std::path::PathBuf, Analysis) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()));
    let analysis = analyze(&[Input::new("e2e_upload.json", bytes)], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    (path, analysis)
}

/// The most connected person: their index, name, and where their dot is in the whole
/// drawing, as fractions of the drawing's box.
fn hub(analysis: &Analysis) -> (usize, String, (f64, f64)) {
    let network = &analysis.network;
    let (index, node) = network
        .nodes
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| n.degree)
        .expect("the fixture has people");
    let (x, y) = fit(network).place(node);
    (index, node.name.clone(), (x / WIDTH, y / HEIGHT))
}

/// Waits for the sample, uploads the fixture and waits for its network in `renderer`
/// (`svg` or `webgl2`), scrolled into the middle of the window.
async fn on_screen(session: &Session, renderer: &str, people: usize) -> Result<(), String> {
    session
        .wait_for("the bundled sample", |s| {
            s.label.is_some() && s.nodes.is_some_and(|n| n > 0) && s.checklist >= 4
        })
        .await?;
    session.upload(&repo().join(FIXTURE)).await?;
    let script = "const c = document.querySelector('#network'); \
        return c ? [Number(c.getAttribute('data-nodes')), c.getAttribute('data-renderer')] : [];";
    wait_until(
        &format!("{people} people drawn by {renderer}"),
        PATIENCE,
        || async {
            let seen = run(session, script).await?;
            Ok(if seen == serde_json::json!([people, renderer]) {
                Poll::Ready(())
            } else {
                Poll::NotYet(seen.to_string())
            })
        },
    )
    .await?;
    let centre = "document.querySelector('#network').scrollIntoView({block: 'center'}); return 1;";
    run(session, centre).await.map(drop)
}

/// Back to the whole drawing.
async fn reset(session: &Session) -> Result<View, String> {
    click(session, "#zoom-reset").await.or_else(|e| {
        // Disabled when the view is whole already: nothing to do then.
        if e.contains("cannot click") {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    wait_view(session, "the whole drawing", QUICK, |v| {
        v.x == 0.0 && v.y == 0.0 && v.w == WIDTH
    })
    .await
}

fn near(a: f64, b: f64, within: f64) -> bool {
    (a - b).abs() <= within
}

/// Spreading two fingers zooms in about their midpoint, one finger drags the view along,
/// closing two fingers zooms out.
async fn pan_and_pinch(session: &Session) -> Result<(), String> {
    let whole = reset(session).await?;
    let spread = pinch([(0.4, 0.5), (0.6, 0.5)], [(0.3, 0.5), (0.7, 0.5)], 4);
    fingers(session, &spread).await?;
    let zoomed = wait_view(session, "two fingers spreading to zoom in", QUICK, |v| {
        v.w < whole.w * 0.75
    })
    .await?;
    // Twice as far apart: twice as close, about the middle (both fingers moved evenly).
    // Within 2 %: the page reads pointer positions in whole pixels.
    let (w, centre) = (zoomed.w, zoomed.centre().0);
    if !near(w, whole.w / 2.0, whole.w * 0.02) || !near(centre, whole.centre().0, whole.w * 0.02) {
        return Err(format!(
            "the pinch should zoom 2x about the middle: {zoomed:?}"
        ));
    }
    fingers(session, &drag((0.5, 0.5), (0.3, 0.4), 5)).await?;
    let dragged = wait_view(session, "one finger dragging the view", QUICK, |v| {
        v.x > zoomed.x + 1.0
    })
    .await?;
    // The drawing follows the finger: 0.2 of the width left, 0.1 of the height up.
    let (dx, dy) = (dragged.x - zoomed.x, dragged.y - zoomed.y);
    let slack = zoomed.w * 0.02;
    if !near(dx, 0.2 * zoomed.w, slack) || !near(dy, 0.1 * zoomed.h, slack) || dragged.w != zoomed.w
    {
        return Err(format!(
            "the drag should move the view by the finger's way: {zoomed:?} -> {dragged:?}"
        ));
    }
    let close = pinch([(0.3, 0.5), (0.7, 0.5)], [(0.45, 0.5), (0.55, 0.5)], 4);
    fingers(session, &close).await?;
    wait_view(session, "two fingers closing to zoom out", QUICK, |v| {
        v.w > dragged.w * 1.5
    })
    .await?;
    println!("pinch: {whole:?} -> {zoomed:?} -> drag {dragged:?}");
    Ok(())
}

/// A tap on the hub pins them; a tap on empty space lets go; a drag from the hub pins
/// nobody. `at` is the hub's dot as fractions of `#network`'s box, in the whole view.
async fn taps(session: &Session, name: &str, at: (f64, f64)) -> Result<(), String> {
    reset(session).await?;
    fingers(session, &tap(at)).await?;
    let pinned = wait_tooltip(session, "a tap to pin the hub", QUICK, |t| t.contains(name)).await?;
    let corner = (0.01, 0.99);
    fingers(session, &tap(corner)).await?;
    wait_tooltip(
        session,
        "a tap on empty space to let go",
        QUICK,
        str::is_empty,
    )
    .await?;
    fingers(session, &drag(at, (at.0 + 0.1, at.1 + 0.1), 3)).await?;
    // One more round trip, so anything the drag did has rendered.
    view(session).await?;
    let after = crate::support::touch::tooltip(session).await?;
    if !after.is_empty() {
        return Err(format!("a drag from the hub pinned them: {after:?}"));
    }
    println!("tap pinned: {pinned}");
    Ok(())
}

/// Escape, with focus where `focus` says (the drawing, the search box), lets go of a pin.
async fn escape_unpins(session: &Session, name: &str, focus: &str) -> Result<(), String> {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: ESCAPE })
        .then(KeyAction::Up { value: ESCAPE });
    run(
        session,
        &format!("document.querySelector('{focus}').focus(); return 1;"),
    )
    .await?;
    session
        .client
        .perform_actions(keys)
        .await
        .map_err(|e| format!("cannot press Escape: {e}"))?;
    wait_tooltip(
        session,
        &format!("Escape in {focus} to let go of {name}"),
        QUICK,
        str::is_empty,
    )
    .await
    .map(drop)
}

/// Pins `index` with a mouse click on its circle, then moves the mouse away.
async fn click_pin(session: &Session, index: usize, name: &str) -> Result<(), String> {
    click(session, &format!("#network circle[data-i='{index}']")).await?;
    away(session).await?;
    wait_tooltip(session, "a click to pin the hub", QUICK, |t| {
        t.contains(name)
    })
    .await
    .map(drop)
}

/// Moves the mouse off the drawing, onto the section's title.
async fn away(session: &Session) -> Result<(), String> {
    let title = session.client.find(Locator::Css("#network-title")).await;
    let title = title.map_err(|e| e.to_string())?;
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

/// Where the SVG draws `index`: its circle's centre as fractions of `#network`'s box.
async fn circle_at(session: &Session, index: usize) -> Result<(f64, f64), String> {
    let script = format!(
        "const c = document.querySelector('#network').getBoundingClientRect(); \
         const d = document.querySelector(\"#network circle[data-i='{index}']\").getBoundingClientRect(); \
         return [(d.left + d.width / 2 - c.left) / c.width, (d.top + d.height / 2 - c.top) / c.height];"
    );
    let value = run(session, &script).await?;
    match (value[0].as_f64(), value[1].as_f64()) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => Err(format!("no circle {index}: {value}")),
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn svg_one_finger_pans_two_pinch_and_a_tap_pins() {
    let (_, analysis) = expected();
    let (index, name, _) = hub(&analysis);
    let session = Session::open_with("touch-svg", "?renderer=svg", &[]).await;
    let outcome = async {
        on_screen(&session, "svg", analysis.network.nodes.len()).await?;
        pan_and_pinch(&session).await?;
        reset(&session).await?;
        let at = circle_at(&session, index).await?;
        taps(&session, &name, at).await?;
        no_trouble(&session).await
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn escape_unpins_from_the_drawing_and_from_the_search_box() {
    let (_, analysis) = expected();
    let (index, name, _) = hub(&analysis);
    let session = Session::open_with("touch-escape", "?renderer=svg", &[]).await;
    let outcome = async {
        on_screen(&session, "svg", analysis.network.nodes.len()).await?;
        click_pin(&session, index, &name).await?;
        escape_unpins(&session, &name, "#network").await?;
        click_pin(&session, index, &name).await?;
        escape_unpins(&session, &name, "#network-search").await?;
        no_trouble(&session).await
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn canvas_one_finger_pans_two_pinch_and_a_tap_pins() {
    let (_, analysis) = expected();
    let (_, name, at) = hub(&analysis);
    let session = Session::open_with("touch-canvas", "?renderer=webgl2", &SWIFTSHADER).await;
    let outcome = async {
        on_screen(&session, "webgl2", analysis.network.nodes.len()).await?;
        pan_and_pinch(&session).await?;
        taps(&session, &name, at).await?;
        fingers(&session, &tap(at)).await?;
        wait_tooltip(&session, "a tap to pin again", QUICK, |t| t.contains(&name)).await?;
        escape_unpins(&session, &name, "#network").await?;
        no_trouble(&session).await
    }
    .await;
    session.finish(outcome).await;
}

/// No panic, no console error and nothing in `#error` since the watch was installed.
async fn no_trouble(session: &Session) -> Result<(), String> {
    let state = session.state().await?;
    if !state.error.is_empty() {
        return Err(format!("#error says {:?}", state.error));
    }
    let Ok(seen) = watched(session).await else {
        return Ok(());
    };
    seen.no_dialog_and_no_panic()?;
    match seen.log.iter().find(|l| l.starts_with("console.error")) {
        Some(line) => Err(format!("the page logged an error: {line}")),
        None => Ok(()),
    }
}

/// What the canvas and its stand-in show: the renderer, whether the stand-in is shown and
/// how many of its pixels differ from its corner (0 when it is hidden or blank), the
/// status line, and the frames painted so far.
const LOOK: &str = r#"
const c = document.querySelector('#network');
const s = document.querySelector('.network-standin');
let inked = 0;
if (s && !s.hidden && s.width > 0) {
  const d = s.getContext('2d').getImageData(0, 0, s.width, s.height).data;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60) inked++;
  }
}
const status = document.querySelector('#network-status');
return {renderer: c.getAttribute('data-renderer'), standin: !!s && !s.hidden, inked,
  status: status ? status.textContent.trim() : null, frames: c.peerscopeFrames || 0};
"#;

/// Polls [`LOOK`] until `ready` accepts it.
async fn wait_look(
    session: &Session,
    what: &str,
    ready: impl Fn(&serde_json::Value) -> bool,
) -> Result<serde_json::Value, String> {
    wait_until(what, QUICK, || async {
        let look = run(session, LOOK).await?;
        Ok(if ready(&look) {
            Poll::Ready(look)
        } else {
            Poll::NotYet(look.to_string())
        })
    })
    .await
}

/// How many pixels of the WebGL canvas differ from its corner right after the page paints
/// a frame (a wheel notch asks for one): WebGL2 drew a network. The page's animation
/// frame callbacks are wrapped, so the pixels are read before the browser presents (and
/// clears) the drawing buffer; the most inked of the next few callbacks counts (some only
/// time the frame before and paint nothing).
const GL_INK: &str = r#"
const done = arguments[arguments.length - 1];
const c = document.querySelector('#network');
const gl = c.getContext('webgl2');
const own = window.requestAnimationFrame;
let calls = 0, best = 0;
const ink = () => {
  const px = new Uint8Array(c.width * c.height * 4);
  gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, px);
  let inked = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (Math.abs(px[i] - px[0]) + Math.abs(px[i + 1] - px[1]) + Math.abs(px[i + 2] - px[2]) > 60) inked++;
  }
  return inked;
};
window.requestAnimationFrame = (callback) => own.call(window, (time) => {
  callback(time);
  best = Math.max(best, ink());
  calls += 1;
  if (calls === 4 || best > 0) {
    window.requestAnimationFrame = own;
    done({inked: best, lost: gl.isContextLost()});
  }
});
const r = c.getBoundingClientRect();
c.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2,
  clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
"#;

async fn gl_ink(session: &Session) -> Result<u64, String> {
    let look = session.client.execute_async(GL_INK, Vec::new()).await;
    let look = look.map_err(|e| format!("cannot read the WebGL canvas: {e}"))?;
    match (look["inked"].as_u64(), look["lost"].as_bool()) {
        (Some(inked), Some(false)) => Ok(inked),
        _ => Err(format!("the WebGL canvas cannot be read: {look}")),
    }
}

/// Hovering the hub with the mouse (in the whole drawing) shows their tooltip; leaving
/// hides it.
async fn hover(session: &Session, name: &str, at: (f64, f64)) -> Result<(), String> {
    reset(session).await?;
    let canvas = session.client.find(Locator::Css("#network")).await;
    let canvas = canvas.map_err(|e| e.to_string())?;
    let rect = run(session, "const r = document.querySelector('#network').getBoundingClientRect(); return [r.width, r.height];").await?;
    let (w, h) = (
        rect[0].as_f64().unwrap_or(0.0),
        rect[1].as_f64().unwrap_or(0.0),
    );
    let onto = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: canvas,
        duration: None,
        x: (at.0 - 0.5) * w,
        y: (at.1 - 0.5) * h,
    });
    session
        .client
        .perform_actions(onto)
        .await
        .map_err(|e| format!("cannot hover: {e}"))?;
    wait_tooltip(session, "hover over the hub", QUICK, |t| t.contains(name)).await?;
    away(session).await?;
    wait_tooltip(session, "the tooltip to go", QUICK, str::is_empty)
        .await
        .map(drop)
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_lost_webgl_context_draws_in_2d_and_comes_back() {
    let (_, analysis) = expected();
    let (_, name, at) = hub(&analysis);
    let session = Session::open_with("touch-gl-loss", "?renderer=webgl2", &SWIFTSHADER).await;
    let outcome = async {
        on_screen(&session, "webgl2", analysis.network.nodes.len()).await?;
        install(&session).await?;
        reset(&session).await?;
        let before = gl_ink(&session).await?;
        if before < 200 {
            return Err(format!("WebGL2 should draw the network: {before} pixels inked"));
        }
        let lose = "window.__lose = document.querySelector('#network').getContext('webgl2')\
            .getExtension('WEBGL_lose_context'); window.__lose.loseContext(); return !!window.__lose;";
        run(&session, lose).await?;
        let lost = wait_look(&session, "the 2D stand-in to draw the lost context", |l| {
            l["renderer"] == "canvas2d" && l["standin"] == true && l["inked"].as_u64() > Some(200)
                && l["status"].as_str().is_some_and(|s| !s.is_empty())
        })
        .await?;
        hover(&session, &name, at).await?;
        fingers(&session, &pinch([(0.4, 0.5), (0.6, 0.5)], [(0.3, 0.5), (0.7, 0.5)], 3)).await?;
        let frames = lost["frames"].as_u64().unwrap_or(0);
        wait_look(&session, "the stand-in to follow the pinch", |l| {
            l["frames"].as_u64() > Some(frames) && l["inked"].as_u64() > Some(200)
        })
        .await?;
        run(&session, "window.__lose.restoreContext(); return 1;").await?;
        wait_look(&session, "WebGL2 back", |l| {
            l["renderer"] == "webgl2" && l["standin"] == false && l["status"] == ""
        })
        .await?;
        let after = gl_ink(&session).await?;
        if after < 200 {
            return Err(format!("WebGL2 should draw again after the restore: {after} pixels"));
        }
        hover(&session, &name, at).await?;
        println!("lost: {lost}; WebGL pixels inked before {before}, after {after}");
        no_trouble(&session).await
    }
    .await;
    session.finish(outcome).await;
}
