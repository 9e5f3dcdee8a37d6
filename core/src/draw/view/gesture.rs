//! Touch on the network drawing, as plain arithmetic: one finger drags the view, two pinch
//! it (zooming about their midpoint) and drag it at once, and a finger that goes down and
//! up without moving is a tap (what a click is to a mouse). The web UI feeds it Pointer
//! Events (`src/network/touch.rs` in the web crate); nothing here knows about the browser.
//!
//! Positions are CSS pixels relative to the drawing's top-left corner; sizes are the
//! drawing's width and height on screen in CSS pixels.

use crate::draw::view::zoom::ViewBox;

/// A finger that moves at most this far (CSS pixels, straight line) between going down and
/// coming up taps: fingers wobble more than a mouse, and 8 px is about the "touch slop"
/// phones use. Until a finger moves further the view stays still, so a tap never nudges it.
pub const TAP_SLACK_PX: f64 = 8.0;

/// Two fingers closer than this (CSS pixels) zoom nothing: their distance is too small to
/// divide by without a jump.
pub const MIN_SPAN_PX: f64 = 8.0;

/// A click that follows a tap at about the same spot within this long (ms) is the
/// browser's echo of that tap (the "compatibility" click), not a new press.
pub const ECHO_MS: f64 = 1000.0;

/// Fingers followed at once: a third finger is ignored.
const MAX_FINGERS: usize = 2;

/// One finger: its pointer id and where it is.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Finger {
    id: i32,
    at: (f64, f64),
}

/// The fingers and view when the current set of fingers began: moves are measured from
/// here, so rounding never builds up over a long drag.
#[derive(Debug, Clone, PartialEq)]
struct Start {
    view: ViewBox,
    fingers: Vec<Finger>,
}

/// A touch gesture in progress, from the first finger down to the last one up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    fingers: Vec<Finger>,
    start: Option<Start>,
    /// The last view this gesture asked for.
    view: Option<ViewBox>,
    /// Where the only finger went down, while the gesture can still end as a tap.
    tap: Option<(f64, f64)>,
    /// A finger has moved past [`TAP_SLACK_PX`]: the view follows from now on.
    dragging: bool,
}

impl Gesture {
    /// Whether any finger is down.
    pub fn active(&self) -> bool {
        !self.fingers.is_empty()
    }

    /// A finger `id` went down at `at`; `view` is the view on screen (used only by the
    /// first finger: later ones continue from what this gesture last showed). Returns
    /// whether the finger is followed (false for a third finger or a repeated id).
    pub fn down(&mut self, id: i32, at: (f64, f64), view: ViewBox) -> bool {
        if self.fingers.len() >= MAX_FINGERS || self.fingers.iter().any(|f| f.id == id) {
            return false;
        }
        if self.fingers.is_empty() {
            *self = Gesture {
                tap: Some(at),
                view: Some(view),
                ..Gesture::default()
            };
        } else {
            // Two fingers never tap, and pinching starts at once.
            self.tap = None;
            self.dragging = true;
        }
        self.fingers.push(Finger { id, at });
        self.rebase();
        true
    }

    /// Finger `id` moved to `at` over a drawing `size` CSS pixels big; returns the view to
    /// show, or `None` when nothing changes (an unknown finger, a tap's wobble).
    pub fn moved(&mut self, id: i32, at: (f64, f64), size: (f64, f64)) -> Option<ViewBox> {
        let finger = self.fingers.iter_mut().find(|f| f.id == id)?;
        finger.at = at;
        if !self.dragging {
            let from = self.tap?;
            if is_tap(from, at) {
                return None;
            }
            self.dragging = true;
            self.tap = None;
        }
        let start = self.start.as_ref()?;
        let before: Vec<(f64, f64)> = start.fingers.iter().map(|f| f.at).collect();
        let after: Vec<(f64, f64)> = self.fingers.iter().map(|f| f.at).collect();
        let next = follow(start.view, size, &before, &after);
        self.view = Some(next);
        Some(next)
    }

    /// Finger `id` came up at `at`; returns where the gesture tapped when this was its only
    /// finger and it barely moved. The fingers left go on from the view shown.
    pub fn up(&mut self, id: i32, at: (f64, f64)) -> Option<(f64, f64)> {
        let before = self.fingers.len();
        self.fingers.retain(|f| f.id != id);
        if self.fingers.len() == before {
            return None;
        }
        if !self.fingers.is_empty() {
            self.rebase();
            return None;
        }
        let tap = self.tap.filter(|&from| !self.dragging && is_tap(from, at));
        *self = Gesture::default();
        tap
    }

    /// Finger `id` was taken away by the browser (`pointercancel`): never a tap.
    pub fn cancel(&mut self, id: i32) {
        self.tap = None;
        self.up(id, (f64::NAN, f64::NAN));
    }

    /// Measures later moves from the fingers as they are now and the view last shown.
    fn rebase(&mut self) {
        let Some(view) = self.view else {
            return;
        };
        self.start = Some(Start {
            view,
            fingers: self.fingers.clone(),
        });
    }
}

/// Whether a finger that went down at `from` and is now at `to` still counts as a tap.
pub fn is_tap(from: (f64, f64), to: (f64, f64)) -> bool {
    let distance = (to.0 - from.0).hypot(to.1 - from.1);
    distance <= TAP_SLACK_PX
}

/// Whether a click at `click` (client pixels, event time in ms) is the browser's echo of a
/// tap already handled at `tap`: as near as a tap's wobble and no later than [`ECHO_MS`].
pub fn echoes(tap: (f64, f64, f64), click: (f64, f64, f64)) -> bool {
    let soon = click.2 >= tap.2 && click.2 - tap.2 <= ECHO_MS;
    soon && is_tap((tap.0, tap.1), (click.0, click.1))
}

/// The view after fingers moved from `before` to `after` (one or two of each, in the same
/// order), starting from `view` on a drawing `size` CSS pixels big. One finger drags: the
/// drawing point under it stays under it. Two fingers also zoom by how much further apart
/// they are, about their midpoint, which stays under the midpoint. Anything else, or a
/// drawing with no size, leaves `view` as it is.
pub fn follow(
    view: ViewBox,
    size: (f64, f64),
    before: &[(f64, f64)],
    after: &[(f64, f64)],
) -> ViewBox {
    let (width, height) = size;
    if !(width > 0.0 && height > 0.0) {
        return view;
    }
    let (from, to, factor) = match (before, after) {
        ([a], [b]) => (*a, *b, 1.0),
        ([a0, b0], [a1, b1]) => {
            let (span0, span1) = (distance(*a0, *b0), distance(*a1, *b1));
            let factor = if span0 >= MIN_SPAN_PX {
                span1 / span0
            } else {
                1.0
            };
            (middle(*a0, *b0), middle(*a1, *b1), factor)
        }
        _ => return view,
    };
    let anchor = view.point(from.0 / width, from.1 / height);
    view.zoom_to(factor, anchor, (to.0 / width, to.1 / height))
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (b.0 - a.0).hypot(b.1 - a.1)
}

fn middle(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A drawing of 800 × 560 units shown 400 × 280 CSS pixels big.
    const SIZE: (f64, f64) = (400.0, 280.0);

    fn whole() -> ViewBox {
        ViewBox::whole(800.0, 560.0)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// The same view but for rounding.
    fn same(a: Option<ViewBox>, b: ViewBox) -> bool {
        a.is_some_and(|a| close(a.x, b.x) && close(a.y, b.y) && close(a.w, b.w) && close(a.h, b.h))
    }

    #[test]
    fn spreading_two_fingers_zooms_about_their_midpoint() {
        let before = [(150.0, 140.0), (250.0, 140.0)];
        let after = [(100.0, 140.0), (300.0, 140.0)];
        let view = follow(whole(), SIZE, &before, &after);
        assert!(close(view.zoom(), 2.0));
        // The midpoint (200, 140) px was the drawing point (400, 280); it still is.
        let (fx, fy) = view.fraction((400.0, 280.0));
        assert!(close(fx * SIZE.0, 200.0) && close(fy * SIZE.1, 140.0));
        // Back together: back to the whole drawing.
        let back = follow(view, SIZE, &after, &before);
        assert!(close(back.zoom(), 1.0));
    }

    #[test]
    fn two_fingers_moving_together_pan_while_they_pinch() {
        let near = whole().zoom_centre(4.0);
        let before = [(100.0, 100.0), (200.0, 100.0)];
        let after = [(120.0, 110.0), (220.0, 110.0)];
        let moved = follow(near, SIZE, &before, &after);
        assert!(close(moved.zoom(), 4.0));
        // 20 px right is 20 / 400 of a 200-unit-wide view: the view goes 10 units left.
        assert!(close(moved.x, near.x - 10.0) && close(moved.y, near.y - 5.0));
    }

    #[test]
    fn one_finger_drags_the_drawing_with_it() {
        let near = whole().zoom_centre(2.0);
        let moved = follow(near, SIZE, &[(200.0, 140.0)], &[(160.0, 120.0)]);
        assert!(close(moved.x, near.x + 40.0) && close(moved.y, near.y + 20.0));
        assert!(close(moved.zoom(), 2.0));
    }

    #[test]
    fn fingers_too_close_or_no_size_change_nothing() {
        let view = whole().zoom_centre(2.0);
        let pinch = follow(
            view,
            SIZE,
            &[(10.0, 10.0), (12.0, 10.0)],
            &[(0.0, 10.0), (90.0, 10.0)],
        );
        assert!(close(pinch.zoom(), 2.0), "a 2 px span does not zoom");
        assert_eq!(
            follow(view, (0.0, 280.0), &[(0.0, 0.0)], &[(50.0, 0.0)]),
            view
        );
        assert_eq!(follow(view, SIZE, &[], &[]), view);
        assert_eq!(
            follow(view, (f64::NAN, 1.0), &[(0.0, 0.0)], &[(50.0, 0.0)]),
            view
        );
    }

    #[test]
    fn a_finger_that_barely_moves_taps_and_keeps_the_view() {
        let mut g = Gesture::default();
        assert!(g.down(7, (100.0, 100.0), whole()));
        assert!(g.active());
        assert_eq!(g.moved(7, (103.0, 104.0), SIZE), None, "5 px: still a tap");
        assert_eq!(g.up(7, (104.0, 104.0)), Some((100.0, 100.0)));
        assert!(!g.active());
    }

    #[test]
    fn a_drag_pans_and_is_not_a_tap() {
        let near = whole().zoom_centre(2.0);
        let mut g = Gesture::default();
        g.down(1, (100.0, 100.0), near);
        let Some(view) = g.moved(1, (80.0, 100.0), SIZE) else {
            panic!("20 px is a drag");
        };
        assert!(close(view.x, near.x + 20.0));
        // Back where it started: still a drag, so no tap.
        let back = g.moved(1, (100.0, 100.0), SIZE);
        assert!(
            same(back, near),
            "still dragging, back where it was: {back:?}"
        );
        assert_eq!(g.up(1, (100.0, 100.0)), None);
    }

    #[test]
    fn a_pinch_then_one_finger_up_goes_on_panning_without_a_jump() {
        let mut g = Gesture::default();
        g.down(1, (150.0, 140.0), whole());
        assert!(
            g.down(2, (250.0, 140.0), whole().zoom_centre(9.0)),
            "second finger"
        );
        assert!(
            !g.down(3, (10.0, 10.0), whole()),
            "a third finger is ignored"
        );
        assert!(!g.down(2, (10.0, 10.0), whole()), "a finger is down once");
        g.moved(1, (100.0, 140.0), SIZE);
        let Some(pinched) = g.moved(2, (300.0, 140.0), SIZE) else {
            panic!("pinching");
        };
        assert!(close(pinched.zoom(), 2.0), "measured from the first view");
        assert_eq!(g.up(2, (300.0, 140.0)), None, "not the last finger");
        assert!(same(g.moved(1, (100.0, 140.0), SIZE), pinched), "no jump");
        let Some(panned) = g.moved(1, (110.0, 140.0), SIZE) else {
            panic!("panning");
        };
        assert!(close(panned.x, pinched.x - 10.0) && close(panned.zoom(), 2.0));
        assert_eq!(g.up(1, (110.0, 140.0)), None, "two fingers never tap");
        assert_eq!(g, Gesture::default());
    }

    #[test]
    fn cancelled_or_unknown_fingers_do_not_tap() {
        let mut g = Gesture::default();
        g.down(4, (10.0, 10.0), whole());
        assert_eq!(g.moved(5, (90.0, 90.0), SIZE), None, "unknown finger");
        assert_eq!(g.up(5, (10.0, 10.0)), None);
        assert!(g.active());
        g.cancel(4);
        assert!(!g.active());
        assert_eq!(g.up(4, (10.0, 10.0)), None);
    }

    #[test]
    fn taps_and_their_echoes() {
        assert!(is_tap((0.0, 0.0), (TAP_SLACK_PX, 0.0)));
        assert!(
            !is_tap((0.0, 0.0), (6.0, 6.0)),
            "8.5 px diagonally is a drag"
        );
        assert!(!is_tap((0.0, 0.0), (f64::NAN, 0.0)));
        let tap = (50.0, 60.0, 1000.0);
        assert!(echoes(tap, (52.0, 61.0, 1300.0)));
        assert!(!echoes(tap, (52.0, 61.0, 2500.0)), "too late");
        assert!(!echoes(tap, (52.0, 61.0, 900.0)), "before the tap");
        assert!(!echoes(tap, (150.0, 61.0, 1100.0)), "elsewhere");
    }
}
