//! [`after_a_paint`]: work put off until the page has had a chance to paint, and
//! [`use_painted_since`], which tells a component whether that has happened.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Runs `work` in a task of its own after the browser's next paint, so the task that asked
/// for it ends and what is already on screen is painted before `work` adds more: reading a
/// big message back and drawing what it brings are then two pauses, each with a frame
/// between them, instead of one long pause. The next animation frame's callback only sets
/// a zero timeout: animation-frame callbacks run just before that frame's paint, and a
/// timer set there runs after it (measured: with the work in the callback itself, reading
/// back and drawing the 100 k export's network made one 172 ms pause). Without a window (a
/// worker, a test outside the browser) or when the browser refuses the frame, `work` runs
/// at once. Pending work runs in the order it was asked for. In a hidden tab frames wait
/// until it is shown again, and so does `work`.
pub fn after_a_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return work();
    };
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(work)));
    let later = std::rc::Rc::clone(&work);
    let callback = Closure::once_into_js(move || {
        if let Some(work) = later.take() {
            gloo::timers::callback::Timeout::new(0, work).forget();
        }
    });
    if window
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        if let Some(work) = work.take() {
            work();
        }
    }
}

/// Whether the page has painted since it first rendered with `key` (e.g. the request whose
/// report is on screen): `false` while `key` is new, `true` from a task after the next
/// paint ([`after_a_paint`]), which renders the component again. What is not needed on
/// the first paint of a report can wait for it.
#[hook]
pub fn use_painted_since(key: u32) -> bool {
    let painted = use_state_eq(|| None::<u32>);
    {
        let painted = painted.clone();
        use_effect_with(key, move |&key| {
            after_a_paint(move || painted.set(Some(key)))
        });
    }
    *painted == Some(key)
}
