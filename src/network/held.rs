//! [`use_held`]: a big network's drawing built over tasks of its own, after the panel
//! around it is painted.
//!
//! When the laid-out network of a big export arrives, one render used to build the
//! report's charts, the panel, the canvas scene (its grid, the names' ranking) and the
//! canvas in one task: 336 ms on the 100 k-message export in headless Chromium
//! (docs/PERFORMANCE.md, "Frames, session 10"), over the 100 ms a pause of the page may
//! last. Held, the scene comes in the next task, its ties' filing by place in the one
//! after (past [`FILED_APART_TIES`] ties, else with the scene), and the canvas with its
//! names in the one after that: on the 1 M-message export the scene with its filing was
//! one long task ("Frames at 1 M, session 12"; "The scene in two tasks, session 13").

use std::cell::Cell;

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::network::same_network::SameNetwork;

/// Past this many ties a new network's drawing is held. Below it building the drawing
/// costs little, and it is drawn in the render that brings it (as the page's in-browser
/// tests, which only flush Yew's scheduler, expect).
pub const HELD_TIES: usize = 20_000;

/// Past this many ties the scene's ties are filed in a task after the build's
/// ([`Held::Filed`]); below it they are filed in the build's task, where they cost little
/// (2 ms of the 100 k-message export's 27 358 ties), and a task of their own would only
/// put the picture a frame later.
pub const FILED_APART_TIES: usize = 100_000;

thread_local! {
    /// The last number [`use_held`] gave a network.
    static LAST: Cell<u64> = const { Cell::new(0) };
}

/// How far a network's drawing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// Nothing of it is built yet: its place is held.
    Waiting,
    /// Its scene is built (in this render), its place still held.
    Scene,
    /// Its scene's ties are filed by place (in this render, and the scene built in it too
    /// up to [`FILED_APART_TIES`] ties), its place still held.
    Filed,
    /// Drawn: the canvas, its names and the highlight.
    Drawn,
}

impl Held {
    /// The scene may be built.
    pub fn scene(self) -> bool {
        self != Held::Waiting
    }

    /// The scene's ties may be filed (`Scene::file`).
    pub fn filed(self) -> bool {
        matches!(self, Held::Filed | Held::Drawn)
    }

    /// The canvas and its names are in the page.
    pub fn drawn(self) -> bool {
        self == Held::Drawn
    }
}

/// How far the drawing of `analysis`'s network is: [`Held::Waiting`] in the task in which
/// this network (compared as [`SameNetwork`]) first rendered, [`Held::Scene`] in the task
/// after that render is painted, [`Held::Filed`] in the one after that, [`Held::Drawn`]
/// in the next, when it has more than [`HELD_TIES`] ties; up to [`FILED_APART_TIES`] the
/// scene is built and filed in one task ([`Held::Filed`] straight after
/// [`Held::Waiting`]); [`Held::Drawn`] at once up to [`HELD_TIES`]. A copy with the same network
/// (the score's interval added) keeps what the drawing was.
#[hook]
pub fn use_held(analysis: &Shared<PageAnalysis>) -> Held {
    let ties = analysis.network.edges.len();
    let (big, apart) = (ties > HELD_TIES, ties > FILED_APART_TIES);
    let number = *use_memo(SameNetwork(analysis.clone()), |_| {
        let next = LAST.get().wrapping_add(1);
        LAST.set(next);
        next
    });
    // The networks released so far: how far each stage is (see `STAGES`).
    let released = use_state_eq(|| [0u64; STAGES]);
    {
        let (released, now) = (released.setter(), *released);
        use_effect_with((number, big, now), move |&(number, big, now)| {
            if let Some(next) = big.then(|| release(now, number, apart)).flatten() {
                after_a_paint(move || released.set(next));
            }
        });
    }
    match *released {
        _ if !big => Held::Drawn,
        [_, _, drawn] if drawn == number => Held::Drawn,
        [_, filed, _] if filed == number => Held::Filed,
        [scene, _, _] if scene == number => Held::Scene,
        _ => Held::Waiting,
    }
}

/// The stages past [`Held::Waiting`]: scene, filed, drawn.
const STAGES: usize = 3;

/// `now` with `number` released for one more stage (the first not yet its; the scene
/// with its filing at once unless filed `apart`), or `None` when every stage is.
fn release(now: [u64; STAGES], number: u64, apart: bool) -> Option<[u64; STAGES]> {
    let first = now.iter().position(|&n| n != number)?;
    let next = if first == 0 && !apart { 1 } else { first };
    let mut then = now;
    for stage in then.iter_mut().take(next + 1) {
        *stage = number;
    }
    Some(then)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_is_released_one_stage_at_a_time() {
        let mut now = [0; STAGES];
        let mut seen = Vec::new();
        while let Some(next) = release(now, 7, true) {
            seen.push(next);
            now = next;
        }
        assert_eq!(seen, vec![[7, 0, 0], [7, 7, 0], [7, 7, 7]]);
    }

    #[test]
    fn a_smaller_network_is_filed_with_its_scene() {
        assert_eq!(release([0; STAGES], 7, false), Some([7, 7, 0]));
        assert_eq!(release([7, 7, 0], 7, false), Some([7, 7, 7]));
        assert_eq!(release([7, 7, 7], 7, false), None);
    }

    #[test]
    fn a_new_network_starts_over_from_the_scene() {
        assert_eq!(release([7, 7, 7], 8, true), Some([8, 7, 7]));
        assert_eq!(release([8, 7, 7], 8, true), Some([8, 8, 7]));
        // A network replaced halfway: the new one takes every stage anew.
        assert_eq!(release([7, 0, 0], 8, true), Some([8, 0, 0]));
    }
}
