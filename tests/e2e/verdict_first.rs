//! End to end, the verdict before the picture: a generated 30 000-message export (past the
//! size where the worker answers in parts) goes through `#file-input`, and
//!
//! - when the import's bar goes away, the new verdict and score are on screen while the
//!   drawing's place (`#network-pending`) still waits for the layout;
//! - the layout then arrives (`#network[data-nodes]` is the export's people), and a zoom
//!   made the moment it is drawn survives the score's interval arriving after it (the
//!   later answer to the same request does not reset the view).
//!
//! By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e verdict_first:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::import::{export, open, sample_on_screen, Export};
use crate::support::page::run;
use crate::support::{wait_until, Poll, Session, PATIENCE};

/// Records, from now on: what was on screen when `#import-progress` went away (the
/// verdict's moment), when `#network` came back and its view box then, a zoom made at
/// once (`#zoom-in`, clicked in the next task), and when `#verdict-interval`
/// got its ends, with the view box (`viewBox`, or `data-view` on the canvas) at each
/// change after the drawing came.
const RECORDER: &str = r#"
const w = window.__first = { bar: false, verdict: null, drawn: null, zoomed: null,
  interval: null, views: [] };
// The view box: the SVG's `viewBox`, or the canvas's `data-view` on a big network.
const view = (el) => el ? (el.getAttribute('viewBox') || el.getAttribute('data-view')) : null;
const look = () => {
  const now = performance.now();
  const bar = document.querySelector('#import-progress');
  if (bar) { w.bar = true; }
  if (w.bar && !bar && w.verdict === null) {
    const verdict = document.querySelector('#verdict');
    const score = document.querySelector('#score');
    w.verdict = { at: now, label: verdict ? verdict.getAttribute('data-label') : null,
      score: score ? score.textContent : null,
      pending: !!document.querySelector('#network-pending'),
      drawn: !!document.querySelector('#network') };
  }
  const svg = document.querySelector('#network');
  if (w.verdict && svg && w.drawn === null) {
    w.drawn = { at: now, nodes: Number(svg.getAttribute('data-nodes')),
      view: view(svg) };
    // After the task that drew it, whose effects start the camera on the new picture.
    setTimeout(() => { w.zoomed = performance.now(); document.querySelector('#zoom-in').click(); }, 0);
  }
  if (w.drawn && svg) {
    const seen = view(svg);
    if (w.views[w.views.length - 1] !== seen) { w.views.push(seen); }
  }
  const interval = document.querySelector('#verdict-interval');
  if (w.drawn && interval && interval.getAttribute('data-low') && w.interval === null) {
    w.interval = { at: now, view: view(svg) };
  }
};
new MutationObserver(look).observe(document.body,
  { subtree: true, childList: true, attributes: true, characterData: true });
"#;

/// Waits until the recorder has seen the interval arrive; its notes.
async fn notes_after_interval(session: &Session) -> Result<Value, String> {
    wait_until(
        "the score's interval after the layout",
        PATIENCE,
        || async {
            let notes = run(session, "return window.__first;").await?;
            Ok(if notes["interval"].is_object() {
                Poll::Ready(notes)
            } else {
                Poll::NotYet(notes.to_string())
            })
        },
    )
    .await
}

/// The verdict showed with the drawing still pending, then the layout with the export's
/// people, then the interval without undoing the zoom.
fn in_order(notes: &Value, export: &Export) -> Result<(), String> {
    let verdict = &notes["verdict"];
    let expected_score = serde_json::json!(export.score);
    if verdict["label"] != export.label.as_str() || verdict["score"] != expected_score {
        return Err(format!(
            "the bar went before the verdict was on screen: {notes}"
        ));
    }
    if verdict["pending"] != true || verdict["drawn"] != false {
        return Err(format!("the verdict waited for the layout: {notes}"));
    }
    let drawn = &notes["drawn"];
    if drawn["nodes"] != export.people {
        return Err(format!("the layout is not the export's people: {notes}"));
    }
    let (fresh, last) = (&drawn["view"], &notes["interval"]["view"]);
    let zoomed = notes["views"]
        .as_array()
        .is_some_and(|views| views.len() >= 2);
    if !zoomed || last == fresh || notes["views"].as_array().and_then(|v| v.last()) != Some(last) {
        return Err(format!(
            "the interval's answer reset the zoomed view (or the zoom never took): {notes}"
        ));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_verdict_shows_before_the_layout_and_the_layout_keeps_the_view() {
    let export = export(30_000, 7);
    let session = open("verdict-first", "").await;
    let outcome = async {
        sample_on_screen(&session).await?;
        run(&session, RECORDER).await?;
        session.upload(&export.path).await?;
        let notes = notes_after_interval(&session).await?;
        in_order(&notes, &export)?;
        let (verdict, drawn) = (&notes["verdict"]["at"], &notes["drawn"]["at"]);
        eprintln!(
            "{}: verdict at {verdict} ms, layout drawn at {drawn} ms, interval at {} ms",
            export.name, notes["interval"]["at"]
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
