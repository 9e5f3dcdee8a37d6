//! [`use_held`]: a big network's drawing built over tasks of its own, after the panel
//! around it is painted.
//!
//! When the laid-out network of a big export arrives, one render used to build the
//! report's charts, the panel, the canvas scene (its grid, the names' ranking) and the
//! canvas in one task: 336 ms on the 100 k-message export in headless Chromium
//! (docs/PERFORMANCE.md, "Frames, session 10"), over the 100 ms a pause of the page may
//! last. Held, the scene comes in the next task, and the canvas with its names in the one
//! after: on the 1 M-message export the scene alone is a long task ("Frames at 1 M,
//! session 11").

use std::cell::Cell;

use yew::prelude::*;

use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::network::same_network::SameNetwork;
use peerscope_core::report::analyze::Analysis;

/// Past this many ties a new network's drawing is held. Below it building the drawing
/// costs little, and it is drawn in the render that brings it (as the page's in-browser
/// tests, which only flush Yew's scheduler, expect).
pub const HELD_TIES: usize = 20_000;

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
    /// Drawn: the canvas, its names and the highlight.
    Drawn,
}

impl Held {
    /// The scene may be built.
    pub fn scene(self) -> bool {
        self != Held::Waiting
    }

    /// The canvas and its names are in the page.
    pub fn drawn(self) -> bool {
        self == Held::Drawn
    }
}

/// How far the drawing of `analysis`'s network is: [`Held::Waiting`] in the task in which
/// this network (compared as [`SameNetwork`]) first rendered, [`Held::Scene`] in the task
/// after that render is painted, [`Held::Drawn`] in the one after that, when it has more
/// than [`HELD_TIES`] ties; [`Held::Drawn`] at once otherwise. A copy with the same network
/// (the score's interval added) keeps what the drawing was.
#[hook]
pub fn use_held(analysis: &Shared<Analysis>) -> Held {
    let big = analysis.network.edges.len() > HELD_TIES;
    let number = *use_memo(SameNetwork(analysis.clone()), |_| {
        let next = LAST.get().wrapping_add(1);
        LAST.set(next);
        next
    });
    // The network whose scene may be built, and the one that may be drawn.
    let released = use_state_eq(|| (0u64, 0u64));
    {
        let (released, now) = (released.setter(), *released);
        use_effect_with((number, big, now), move |&(number, big, now)| {
            let next = match now {
                _ if !big => None,
                (scene, _) if scene != number => Some((number, now.1)),
                (_, drawn) if drawn != number => Some((number, number)),
                _ => None,
            };
            if let Some(next) = next {
                after_a_paint(move || released.set(next));
            }
        });
    }
    match *released {
        _ if !big => Held::Drawn,
        (_, drawn) if drawn == number => Held::Drawn,
        (scene, _) if scene == number => Held::Scene,
        _ => Held::Waiting,
    }
}
