//! [`read`]: a big export's participants read back after its verdict is painted.

use wasm_bindgen::JsValue;
use yew::Callback;

use crate::app::next_frame::after_a_paint;
use crate::app::state::{Action, Part};
use crate::import::people_wire::people_from_js;

/// Reads job `id`'s participants (`people`, [`crate::import::people_wire`]'s columns) back
/// in a task after the next paint and adds them to the report on screen through `report`
/// ([`Part::People`]): on the 1 M-message export (49 000 people) reading them with the
/// verdict made its pause half as long again. Columns that do not read back are one
/// sentence (the report on screen stays).
pub fn read(id: u32, people: JsValue, report: Callback<Action>) {
    after_a_paint(move || {
        let action = match people_from_js(&people) {
            Ok(people) => Action::Completed {
                id,
                part: Part::People(people),
            },
            Err(sentence) => Action::Fail(sentence),
        };
        report.emit(action);
    });
}
