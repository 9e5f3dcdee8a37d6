//! Inside the embed widget: tell the embedding page how tall the app is, so its iframe fits.
//!
//! The app posts `{ type: "peerscope:height", height }` (CSS pixels) to its parent window
//! whenever its size changes. The message carries a number and nothing else, so it may go
//! to any origin; `www/embed.js` accepts it only from its own iframe and from the origin it
//! loaded the iframe from.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ResizeObserver, Window};
use yew::prelude::*;

/// The `type` of the height message.
pub const HEIGHT_MESSAGE: &str = "peerscope:height";

/// While `embedded` and inside a frame, reports the page's height on every resize.
#[hook]
pub fn use_report_height(embedded: bool) {
    use_effect_with(embedded, |&embedded| {
        let observer = if embedded { observe() } else { None };
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// The parent window, when this page is inside a frame.
fn parent() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let same: &JsValue = parent.as_ref();
    (!same.loose_eq(window.as_ref())).then_some(parent)
}

/// Starts observing `<body>`; the callback must live as long as the observer.
fn observe() -> Option<(ResizeObserver, Closure<dyn FnMut()>)> {
    let parent = parent()?;
    let body = web_sys::window()?.document()?.body()?;
    let measured = body.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            js_sys::Reflect::set(&message, &JsValue::from_str(key), &value).is_ok()
        };
        if set("type", JsValue::from_str(HEIGHT_MESSAGE)) && set("height", height.into()) {
            let _ = parent.post_message(&message, "*");
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, callback))
}
