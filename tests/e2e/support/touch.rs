//! Fingers on `#network` for the end-to-end suites: synthetic `PointerEvent`s with
//! `pointerType: "touch"`, each sent to the element under it (as the browser would, with
//! the name and tooltip layers letting pointers through), bubbling to the frame that
//! listens; and the view the drawing shows (the SVG's `viewBox`, the canvas's
//! `data-view`).
//!
//! Positions are fractions (0..=1) of `#network`'s box on screen.

use std::time::Duration;

use serde_json::{json, Value};

use super::page::run;
use super::{wait_until, Poll, Session};

/// One pointer event: `down`, `move`, `up` or `cancel`; the pointer id (1 is the first,
/// primary finger); where, as fractions of `#network`'s box.
pub type Step = (&'static str, i32, f64, f64);

const FINGERS: &str = r#"
const [steps] = arguments;
const c = document.querySelector('#network');
if (!c) { return 'no #network'; }
const r = c.getBoundingClientRect();
for (const [type, id, fx, fy] of steps) {
  const x = r.left + fx * r.width, y = r.top + fy * r.height;
  const target = document.elementFromPoint(x, y) || c;
  const lifted = type === 'up' || type === 'cancel';
  target.dispatchEvent(new PointerEvent('pointer' + type, {
    pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y,
    bubbles: true, cancelable: true, composed: true, width: 20, height: 20,
    button: type === 'move' ? -1 : 0, buttons: lifted ? 0 : 1, pressure: lifted ? 0 : 0.5,
  }));
}
return 'ok';
"#;

/// Sends `steps` one after the other in one round trip.
pub async fn fingers(session: &Session, steps: &[Step]) -> Result<(), String> {
    let list: Vec<Value> = steps
        .iter()
        .map(|(t, id, x, y)| json!([t, id, x, y]))
        .collect();
    let answer = session
        .client
        .execute(FINGERS, vec![json!(list)])
        .await
        .map_err(|e| format!("cannot send touch events: {e}"))?;
    match answer.as_str() {
        Some("ok") => Ok(()),
        _ => Err(format!("touch events not sent: {answer}")),
    }
}

/// Two fingers from `from` to `to` (each a pair of points), in `moves` even steps.
pub fn pinch(from: [(f64, f64); 2], to: [(f64, f64); 2], moves: usize) -> Vec<Step> {
    let mut steps = vec![
        ("down", 1, from[0].0, from[0].1),
        ("down", 2, from[1].0, from[1].1),
    ];
    for k in 1..=moves {
        let t = k as f64 / moves as f64;
        for (finger, (a, b)) in from.iter().zip(&to).enumerate() {
            let at = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            steps.push(("move", finger as i32 + 1, at.0, at.1));
        }
    }
    steps.push(("up", 1, to[0].0, to[0].1));
    steps.push(("up", 2, to[1].0, to[1].1));
    steps
}

/// One finger from `from` to `to` in `moves` even steps.
pub fn drag(from: (f64, f64), to: (f64, f64), moves: usize) -> Vec<Step> {
    let mut steps = vec![("down", 1, from.0, from.1)];
    for k in 1..=moves {
        let t = k as f64 / moves as f64;
        let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        steps.push(("move", 1, at.0, at.1));
    }
    steps.push(("up", 1, to.0, to.1));
    steps
}

/// A tap at `at`: down, a 1-pixel-ish wobble, up.
pub fn tap(at: (f64, f64)) -> Vec<Step> {
    vec![
        ("down", 1, at.0, at.1),
        ("move", 1, at.0 + 0.001, at.1),
        ("up", 1, at.0 + 0.001, at.1),
    ]
}

/// The part of the drawing on screen: `[x, y, w, h]` in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl View {
    /// The drawing point at the middle of what is shown.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// Reads `#network`'s view box.
pub async fn view(session: &Session) -> Result<View, String> {
    let script = "const c = document.querySelector('#network'); \
        return c ? (c.getAttribute('viewBox') || c.getAttribute('data-view') || '') : '';";
    let raw = run(session, script).await?;
    let numbers: Vec<f64> = raw
        .as_str()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [x, y, w, h] => Ok(View { x, y, w, h }),
        _ => Err(format!("#network has no view box: {raw}")),
    }
}

/// Polls the view until `ready` accepts it, for at most `timeout`.
pub async fn wait_view(
    session: &Session,
    what: &str,
    timeout: Duration,
    ready: impl Fn(&View) -> bool,
) -> Result<View, String> {
    wait_until(what, timeout, || async {
        let now = view(session).await?;
        Ok(if ready(&now) {
            Poll::Ready(now)
        } else {
            Poll::NotYet(format!("{now:?}"))
        })
    })
    .await
}

/// The tooltip's text (empty when there is none).
pub async fn tooltip(session: &Session) -> Result<String, String> {
    let script =
        "const t = document.querySelector('#network-tooltip'); return t ? t.textContent : '';";
    Ok(run(session, script)
        .await?
        .as_str()
        .unwrap_or("")
        .to_string())
}

/// Polls the tooltip until `ready` accepts its text, for at most `timeout`.
pub async fn wait_tooltip(
    session: &Session,
    what: &str,
    timeout: Duration,
    ready: impl Fn(&str) -> bool,
) -> Result<String, String> {
    wait_until(what, timeout, || async {
        let tip = tooltip(session).await?;
        Ok(if ready(&tip) {
            Poll::Ready(tip)
        } else {
            Poll::NotYet(format!("{tip:?}"))
        })
    })
    .await
}
