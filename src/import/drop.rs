//! Dropping files anywhere on the page reads them, as the file picker does.

use web_sys::DragEvent;
use yew::prelude::*;

use crate::app::state::Action;
use crate::import::read::files_of;
use crate::import::unpacked::load_weighed;

/// Handlers to put on the element that accepts dropped files, and whether files are being
/// dragged over it right now (to highlight the drop zone).
pub struct DropTarget {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Makes a drop target whose dropped files are read and analysed together.
///
/// Without it, a file dropped on the page would make the browser leave the page to show it.
#[hook]
pub fn use_drop_target(on_action: Callback<Action>) -> DropTarget {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Moving onto a child fires `dragleave` too; only leaving the window counts.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let files = files_of(event.data_transfer().and_then(|data| data.files()));
            load_weighed(files, on_action.clone());
        })
    };
    DropTarget {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}
