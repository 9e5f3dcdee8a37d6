//! The "remove the host" switch (`#remove-host`) and the sentence that states the
//! structural test (`#resilience-note`), from the report's `metrics.resilience`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::bidi;
use peerscope_core::draw::view::{NetworkView, Role};
use peerscope_core::model::words::{n, plural};
use peerscope_core::report::analyze::Analysis;

/// The switch; `on` is its state, `on_change` hears the new one.
pub fn switch(network: &NetworkView, on: bool, on_change: Callback<bool>) -> Html {
    let Some(away) = network.nodes.iter().find(|node| node.away) else {
        return Html::default();
    };
    let label = if away.role == Role::Host {
        html! { " Remove the host: show what is left when you step away" }
    } else {
        html! { <>{ " Remove the most connected person (" }{ bidi::name(&away.name) }
        { "): show what is left" }</> }
    };
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.checked());
    });
    html! {
        <label class="switch">
            <input id="remove-host" type="checkbox" role="switch" checked={on} {onchange} />
            { label }
        </label>
    }
}

/// `#resilience-note`: the report's resilience in words, plus how many members the removal
/// leaves with nobody (`rest` is what is drawn without the host).
pub fn note(analysis: &Analysis, rest: &NetworkView) -> Html {
    html! { <p id="resilience-note" class="resilience-note" aria-live="polite">
        { sentence(analysis, rest) }
    </p> }
}

/// "Without you, 21 of 53 members who talk here are still connected to each other." With
/// no host, the sentence names the most connected person the test removes instead (their
/// name in a `<bdi>`, so a right-to-left name cannot reorder the sentence).
pub fn sentence(analysis: &Analysis, rest: &NetworkView) -> Html {
    let r = &analysis.report.metrics.resilience;
    let stand_in = analysis
        .network
        .nodes
        .iter()
        .find(|node| node.away && node.role != Role::Host);
    // A thin resilience (too few members with a tie) is never quoted as a number.
    let main = match (r.counted(), stand_in) {
        (Some(c), None) => html! { format!(
            "Without you, {} of {} members who talk here are still connected to each other.",
            n(Some(c.num)),
            n(Some(c.den))
        ) },
        (Some(c), Some(person)) => html! { <>
            { "Without the most connected person, " }{ bidi::name(&person.name) }
            { format!(", {} of {} people who talk here are still connected to each other.",
                n(Some(c.num)), n(Some(c.den))) }
        </> },
        (None, _) if r.thin => html! { format!(
            "Too little conversation for this test to say much yet: {}.",
            r.reason.as_deref().unwrap_or("too few members talk here")
        ) },
        (None, _) => html! { format!(
            "The test cannot be made: {}.",
            r.reason.as_deref().unwrap_or("nobody talks here")
        ) },
    };
    let alone = rest.nodes.iter().filter(|node| node.degree == 0).count() as u64;
    if alone == 0 {
        return main;
    }
    html! { <>{ main }{ format!(
        " {} left with nobody to talk to (grey).",
        plural(alone, "member is", "members are")
    ) }</> }
}
