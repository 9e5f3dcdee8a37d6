//! [`use_held`]: a big network's drawing built in a task of its own, after the panel
//! around it is painted.
//!
//! When the laid-out network of a big export arrives, one render used to build the
//! report's charts, the panel, the canvas scene (its grid, the names' ranking) and the
//! canvas in one task: 336 ms on the 100 k-message export in headless Chromium
//! (docs/PERFORMANCE.md, "Frames, session 10"), over the 100 ms a pause of the page may
//! last. Held, the scene, the names and the canvas come in the next task.

use std::cell::Cell;

use yew::prelude::*;

use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::network::same_network::SameNetwork;
use peerscope_core::report::analyze::Analysis;

/// Past this many ties a new network's drawing is held for one task. Below it building the
/// drawing costs little, and it is drawn in the render that brings it (as the page's
/// in-browser tests, which only flush Yew's scheduler, expect).
pub const HELD_TIES: usize = 20_000;

thread_local! {
    /// The last number [`use_held`] gave a network.
    static LAST: Cell<u64> = const { Cell::new(0) };
}

/// Whether the drawing of `analysis`'s network is held: true in the renders before the
/// task after the one in which this network (compared as [`SameNetwork`]) first rendered,
/// when it has more than [`HELD_TIES`] ties; false otherwise. A copy with the same
/// network (the score's interval added) keeps what the drawing was.
#[hook]
pub fn use_held(analysis: &Shared<Analysis>) -> bool {
    let big = analysis.network.edges.len() > HELD_TIES;
    let number = *use_memo(SameNetwork(analysis.clone()), |_| {
        let next = LAST.get().wrapping_add(1);
        LAST.set(next);
        next
    });
    let released = use_state_eq(|| 0u64);
    {
        let released = released.setter();
        use_effect_with((number, big), move |&(number, big)| {
            if big {
                after_a_paint(move || released.set(number));
            }
        });
    }
    big && *released != number
}
