//! End to end, the network's tools on a phone (390×844, the bundled sample): the drawing
//! comes right under the network's heading, its search and filters folded behind
//! `#network-tools-toggle`; unfolded with a tap they work (a weakest tie typed in drops
//! ties from the drawing), and folded again the button still says a filter is on, while
//! the drawing keeps it. The page never grows wider than the screen.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e phone_tools:: -- --ignored --test-threads=1
//! ```

use fantoccini::Locator;
use serde_json::Value;

use crate::support::look::LOOKS;
use crate::support::page::{click, run};
use crate::support::{wait_for_look, Session, PATIENCE};
use peerscope_core::{model::options::Options, report::analyze};

/// On a phone, the drawing's top is at most this far below the network heading's top, CSS
/// pixels. Measured on the sample: 515 with the tools out (the explanation, the switch,
/// 150 px of tools, the zoom row); 364 folded.
const MOST_HEADING_TO_DRAWING_PX: f64 = 400.0;

/// One look at the network's tools and drawing, in a single round trip.
const LOOK: &str = r#"
const top = (e) => e ? e.getBoundingClientRect().top + scrollY : null;
const svg = document.querySelector('#network');
const toggle = document.querySelector('#network-tools-toggle');
const weight = document.querySelector('#min-weight');
return {
  heading: top(document.querySelector('#network-title')),
  drawing: top(svg),
  lines: svg ? svg.querySelectorAll('line').length : -1,
  expanded: toggle ? toggle.getAttribute('aria-expanded') : null,
  toggle: toggle ? toggle.textContent : null,
  tools_shown: !!weight && weight.getClientRects().length > 0,
  width: document.documentElement.scrollWidth,
};
"#;

/// What [`LOOK`] read.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    heading: f64,
    drawing: f64,
    lines: i64,
    expanded: String,
    toggle: String,
    tools_shown: bool,
    width: f64,
}

async fn look(session: &Session) -> Result<Look, String> {
    let v = run(session, LOOK).await?;
    let num = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Ok(Look {
        heading: num("heading"),
        drawing: num("drawing"),
        lines: v.get("lines").and_then(Value::as_i64).unwrap_or(-2),
        expanded: text("expanded"),
        toggle: text("toggle"),
        tools_shown: v.get("tools_shown").and_then(Value::as_bool) == Some(true),
        width: num("width"),
    })
}

/// Polls the page until `ready` accepts a look.
async fn wait(
    session: &Session,
    what: &str,
    ready: impl Fn(&Look) -> bool,
) -> Result<Look, String> {
    wait_for_look(what, PATIENCE, || look(session), ready).await
}

/// The weakest tie that keeps the sample's five strongest, and how many ties that keeps.
fn floor() -> (u32, i64) {
    let analysis = analyze(
        &peerscope_core::import::sample::inputs(),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse the bundled sample: {e}"));
    let mut weights: Vec<u32> = analysis.network.edges.iter().map(|e| e.weight).collect();
    weights.sort_unstable_by(|a, b| b.cmp(a));
    let floor = weights.get(4).copied().unwrap_or(1);
    let kept = weights.iter().filter(|&&w| w >= floor).count() as i64;
    (floor, kept)
}

/// Types `text` in `#min-weight` as a person does, after clearing it.
async fn type_weight(session: &Session, text: &str) -> Result<(), String> {
    let input = session.client.find(Locator::Css("#min-weight")).await;
    let input = input.map_err(|e| format!("no #min-weight: {e}"))?;
    input
        .clear()
        .await
        .map_err(|e| format!("cannot clear #min-weight: {e}"))?;
    input
        .send_keys(text)
        .await
        .map_err(|e| format!("cannot type in #min-weight: {e}"))
}

/// Folded at first with the drawing close under the heading; unfolded, a filter works;
/// folded again, the button names it.
async fn fold_and_filter(session: &Session, width: f64) -> Result<(), String> {
    let first = wait(session, "the drawing", |l| {
        l.drawing.is_finite() && l.lines > 0
    })
    .await?;
    let gap = first.drawing - first.heading;
    println!(
        "the heading at {} px, the drawing at {}",
        first.heading, first.drawing
    );
    if !(0.0..=MOST_HEADING_TO_DRAWING_PX).contains(&gap) {
        return Err(format!(
            "the drawing is {gap} px below the network's heading \
             (at most {MOST_HEADING_TO_DRAWING_PX}): {first:?}"
        ));
    }
    if first.expanded != "false" || first.tools_shown || first.toggle.trim() != "Find and filter" {
        return Err(format!(
            "the tools are not folded, or say something is on: {first:?}"
        ));
    }
    click(session, "#network-tools-toggle").await?;
    wait(session, "the tools unfolded", |l| {
        l.expanded == "true" && l.tools_shown
    })
    .await?;
    let (floor, kept) = floor();
    type_weight(session, &floor.to_string()).await?;
    let strong = wait(session, &format!("{kept} ties of {floor}+"), |l| {
        l.lines == kept
    })
    .await?;
    if strong.lines >= first.lines {
        return Err(format!("no tie was dropped: {first:?} then {strong:?}"));
    }
    click(session, "#network-tools-toggle").await?;
    let said = format!("ties of {floor}+");
    let folded = wait(session, "folded, naming the filter", |l| {
        l.expanded == "false" && !l.tools_shown && l.toggle.contains(&said)
    })
    .await?;
    if folded.lines != kept || folded.width > width {
        return Err(format!(
            "folding undid the filter, or the page is too wide: {folded:?}"
        ));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_drawing_comes_first_and_the_tools_unfold() {
    let look_ = LOOKS[2];
    let session = look_.open("phone-tools", "?renderer=svg").await;
    let outcome = async {
        look_.check(&session).await?;
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        fold_and_filter(&session, f64::from(look_.width)).await?;
        session.screenshot("phone-tools").await?;
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
