//! The browser can take a WebGL context away at any time (the GPU process restarted, a
//! driver update, too many contexts, a phone reclaiming memory) and may give it back
//! later. These listeners hear both: `webglcontextlost`, whose default is prevented
//! because only then will the browser offer the context back, and
//! `webglcontextrestored`. What to do about them is [`crate::canvas::paint`]'s business.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlCanvasElement};

/// The two listeners on one canvas; dropping them takes them off it.
pub struct Listeners {
    canvas: HtmlCanvasElement,
    lost: Closure<dyn FnMut(Event)>,
    restored: Closure<dyn FnMut(Event)>,
}

const LOST: &str = "webglcontextlost";
const RESTORED: &str = "webglcontextrestored";

/// Calls `on_lost` when `canvas` loses its WebGL context and `on_restored` when it has it
/// back; `None` when the browser refuses the listeners.
pub fn listen(
    canvas: &HtmlCanvasElement,
    mut on_lost: impl FnMut() + 'static,
    mut on_restored: impl FnMut() + 'static,
) -> Option<Listeners> {
    let lost = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        // Without this the context is gone for good.
        event.prevent_default();
        on_lost();
    });
    let restored = Closure::<dyn FnMut(Event)>::new(move |_: Event| on_restored());
    canvas
        .add_event_listener_with_callback(LOST, lost.as_ref().unchecked_ref())
        .ok()?;
    let listeners = Listeners {
        canvas: canvas.clone(),
        lost,
        restored,
    };
    listeners
        .canvas
        .add_event_listener_with_callback(RESTORED, listeners.restored.as_ref().unchecked_ref())
        .ok()?;
    Some(listeners)
}

impl Drop for Listeners {
    fn drop(&mut self) {
        let canvas = &self.canvas;
        let _ =
            canvas.remove_event_listener_with_callback(LOST, self.lost.as_ref().unchecked_ref());
        let _ = canvas
            .remove_event_listener_with_callback(RESTORED, self.restored.as_ref().unchecked_ref());
    }
}
