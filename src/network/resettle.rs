//! The host-less network re-settling on screen: a few ForceAtlas2 iterations each animation
//! frame ([`peerscope_core::draw::layout::Settle`]), the picture redrawn between them,
//! until the layout's own stopping rule says it has settled.
//!
//! Why per frame: re-settling in one go held the main thread until it was done (on the
//! 100 k-message Discord export, ~4 700 people, a 114 ms task and a single jump), and the
//! time grows with the network; a frame's worth at a time keeps the page answering (54 ms
//! longest task there, mostly redrawing) and shows the picture moving into place.
//! Toggling back or a new analysis drops the frame loop (the effect's cleanup), so a stale
//! re-settle never draws over a new picture.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::network::same_network::SameNetwork;
use peerscope_core::draw::layout::Settle;
use peerscope_core::draw::view::NetworkView;

/// Iterations stop for the frame once this much of it is spent, in milliseconds (of the
/// ~16.7 of a 60 Hz frame), leaving time to draw. At least one iteration runs a frame.
const FRAME_WORK_MS: f64 = 8.0;

/// The host-less network: `rest` (everyone where they were, the ties left; `None` with
/// the switch off) for what does not depend on positions, and `moving`, the same people
/// placed as the re-settle has them now (changes every frame until it settles).
#[derive(Clone, PartialEq)]
pub struct Rest {
    pub rest: Option<Shared<NetworkView>>,
    pub moving: Option<Shared<NetworkView>>,
}

/// Frames of a re-settle in progress: the state the page shows, and the loop.
type Moving = UseStateHandle<Option<(Shared<NetworkView>, Shared<NetworkView>)>>;

/// The host-less network of `analysis` when `removed`, re-settling frame by frame.
#[hook]
pub fn use_rest(analysis: &Shared<PageAnalysis>, removed: bool) -> Rest {
    let rest = use_memo(
        (SameNetwork(analysis.clone()), removed),
        |(drawn, removed)| removed.then(|| Shared::new(drawn.0.network.without_away_unsettled())),
    );
    // (the `rest` it started from, where everyone is now)
    let moving: Moving = use_state(|| None);
    {
        let moving = moving.clone();
        use_effect_with((*rest).clone(), move |rest| {
            let frames = rest.clone().map(|rest| start(rest, moving));
            move || {
                if let Some(frames) = frames {
                    frames.stop();
                }
            }
        });
    }
    // A frame of an earlier re-settle (the switch was toggled, or a new analysis came)
    // is not shown.
    let current = (*moving)
        .as_ref()
        .filter(|(from, _)| Some(from) == rest.as_ref().as_ref())
        .map(|(_, now)| now.clone());
    Rest {
        rest: (*rest).clone(),
        moving: current.or_else(|| (*rest).clone()),
    }
}

/// The frame callback, held here so it can ask for itself again and be freed on stop.
type Tick = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

/// A running frame loop; [`stop`](Frames::stop) cancels the next frame and frees it.
struct Frames {
    id: Rc<RefCell<Option<i32>>>,
    tick: Tick,
}

impl Frames {
    fn stop(self) {
        if let Some(id) = self.id.borrow_mut().take() {
            let _ = gloo::utils::window().cancel_animation_frame(id);
        }
        // Breaks the closure's reference to itself, so it is freed.
        self.tick.borrow_mut().take();
    }
}

/// Starts re-settling `rest`, showing each frame's positions through `moving`.
fn start(rest: Shared<NetworkView>, moving: Moving) -> Frames {
    let mut settle = Settle::start(&rest.positions(), &rest.ties());
    let id = Rc::new(RefCell::new(None));
    let tick: Tick = Rc::new(RefCell::new(None));
    let (next_id, next_tick) = (id.clone(), tick.clone());
    *tick.borrow_mut() = Some(Closure::new(move || {
        let began = now();
        while !settle.step(1) && now() - began < FRAME_WORK_MS {}
        moving.set(Some((
            rest.clone(),
            Shared::new(rest.placed(&settle.positions())),
        )));
        *next_id.borrow_mut() = if settle.done() {
            None
        } else {
            request(&next_tick)
        };
    }));
    *id.borrow_mut() = request(&tick);
    Frames { id, tick }
}

/// Asks for `tick` on the next animation frame; the request's id, if it was made.
fn request(tick: &Tick) -> Option<i32> {
    let tick = tick.borrow();
    let f = tick.as_ref()?.as_ref().unchecked_ref();
    gloo::utils::window().request_animation_frame(f).ok()
}

/// Milliseconds since the page started (0 without a `performance` clock).
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}
