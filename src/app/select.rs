//! Helpers for `<select>`s driven by the state.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::state::Action;

/// A ref for a select whose value is set to `value` after every render, so what the select
/// shows always matches the report (the `selected` attribute alone loses to earlier clicks).
#[hook]
pub fn use_selected(value: String) -> NodeRef {
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(&value);
            }
        });
    }
    select_ref
}

/// A select's change handler that turns the chosen value into an action.
pub fn on_change(
    on_action: &Callback<Action>,
    to_action: impl Fn(String) -> Option<Action> + 'static,
) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if let Some(action) = to_action(select.value()) {
            on_action.emit(action);
        }
    })
}
