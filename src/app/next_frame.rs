//! [`after_a_paint`]: work put off until the page has had a chance to paint.

use wasm_bindgen::prelude::*;

/// Runs `work` in the next animation frame's callbacks, so the task that asked for it ends
/// first and the browser paints what is already on screen before `work` adds more. Used to
/// keep reading a big message back and drawing what it brings in two tasks instead of one
/// long pause. Without a window (a worker, a test outside the browser) or when the browser
/// refuses the frame, `work` runs at once. Pending work runs in the order it was asked for.
/// In a hidden tab frames wait until it is shown again, and so does `work`.
pub fn after_a_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return work();
    };
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(work)));
    let later = std::rc::Rc::clone(&work);
    let callback = Closure::once_into_js(move || {
        if let Some(work) = later.take() {
            work();
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
