//! Escape lets go of the person pinned on the network (and of the one under the pointer,
//! so their tooltip goes too: content shown on hover must be dismissible from the
//! keyboard, WCAG 1.4.13).
//!
//! The key is heard on the whole document, wherever focus is: on the drawing, on a
//! button, or in the search box. In the search box the browser's own Escape (clearing a
//! `type=search` field) still happens as well; unpinning there too is deliberate, since
//! Escape means "put it away" and nothing else on the page uses it. A key another handler
//! already claimed (`preventDefault`) or pressed with Ctrl, Alt or Meta is left alone.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While the calling component is mounted, Escape sets `pinned` and `hovered` to nobody.
#[hook]
pub fn use_escape_unpins(
    pinned: &UseStateHandle<Option<usize>>,
    hovered: &UseStateHandle<Option<usize>>,
) {
    // The listener is added once; it reads the handles of the latest render, so it never
    // acts on a stale "nobody is pinned".
    let latest = use_mut_ref(|| (pinned.clone(), hovered.clone()));
    *latest.borrow_mut() = (pinned.clone(), hovered.clone());
    use_effect_with((), move |_| {
        let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if !is_escape(&event) {
                return;
            }
            // Cloned out first: setting state may render at once, and rendering writes
            // `latest`.
            let (pinned, hovered) = latest.borrow().clone();
            if pinned.is_some() {
                pinned.set(None);
            }
            if hovered.is_some() {
                hovered.set(None);
            }
        });
        let document = gloo::utils::document();
        let added =
            document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        move || {
            if added.is_ok() {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}

/// A plain Escape nobody else handled ("Esc" is what older browsers called it).
fn is_escape(event: &KeyboardEvent) -> bool {
    matches!(event.key().as_str(), "Escape" | "Esc")
        && !event.default_prevented()
        && !(event.ctrl_key() || event.alt_key() || event.meta_key())
}
