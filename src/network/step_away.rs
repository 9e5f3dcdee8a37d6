//! The "remove the host" switch (`#remove-host`) and the sentence that states the
//! structural test (`#resilience-note`), from the report's `metrics.resilience`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::bidi;
use peerscope_core::draw::view::{NetworkView, Role};
use peerscope_core::model::words::plural;

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
pub fn note(analysis: &PageAnalysis, rest: &NetworkView) -> Html {
    html! { <p id="resilience-note" class="resilience-note" aria-live="polite">
        { sentence(analysis, rest) }
    </p> }
}

/// The report's `verdict.step_away` ("Without you, 21 of 53 members who talk here are
/// still connected to each other.", its numbers quoted in the report), plus how many members
/// the removal leaves with nobody. With no host the sentence names the most connected
/// person the test removes; that name goes in a `<bdi>`, so a right-to-left name cannot
/// reorder the sentence.
pub fn sentence(analysis: &PageAnalysis, rest: &NetworkView) -> Html {
    let said = analysis.report.verdict.step_away.as_str();
    let stand_in = analysis
        .network
        .nodes
        .iter()
        .find(|node| node.away && node.role != Role::Host)
        .map(|node| node.name.as_str())
        .filter(|name| !name.is_empty());
    let main = match stand_in.and_then(|name| Some((name, said.split_once(name)?))) {
        Some((name, (before, after))) => html! { <>
            { before }{ bidi::name(name) }{ after }
        </> },
        None => html! { said },
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
