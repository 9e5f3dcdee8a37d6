//! How the network is coloured: the switch between roles and conversation groups
//! (`#colour-by-group`) and the legend that says what the colours mean.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use peerscope_core::draw::colours::community_colour;
use peerscope_core::draw::view::focus::groups_by_size;
use peerscope_core::draw::view::{NetworkView, Role};

/// The group legend lists this many groups, the largest: the palette's colours, each once
/// (past it the colours repeat, which the sentence says).
const GROUPS_LISTED: usize = 8;

/// `#colour-by-group`: colour by conversation group instead of role.
pub fn colour_switch(by_community: &UseStateHandle<bool>) -> Html {
    let onchange = {
        let by_community = by_community.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            by_community.set(input.checked());
        })
    };
    html! {
        <label class="switch colour-switch">
            <input id="colour-by-group" type="checkbox" checked={**by_community} {onchange} />
            { " Colour by conversation group instead of role" }
        </label>
    }
}

/// The legend: each role's colour and meaning, or the largest conversation groups'
/// colours with their sizes.
pub fn legend(by_community: bool, network: &NetworkView) -> Html {
    if by_community {
        return group_legend(network);
    }
    html! {
        <ul class="legend" aria-label="Colours">
            { for LEGEND.iter().map(|(role, words)| html! {
                <li><span class={classes!("swatch", format!("role-{}", role.as_str()))} />
                    { *words }</li>
            }) }
        </ul>
    }
}

/// Every role with what it means, most involved first.
const LEGEND: [(Role, &str); 5] = [
    (Role::Host, "host (ringed)"),
    (Role::Leader, "leader: answers other members most"),
    (Role::Core, "core: in the tight group of members"),
    (Role::Engaged, "engaged: talks with another member"),
    (Role::Audience, "audience: talks only with the host"),
];

/// `ul.legend.groups`: a sentence, then the [`GROUPS_LISTED`] largest groups as swatches
/// with their sizes.
fn group_legend(network: &NetworkView) -> Html {
    let groups = groups_by_size(network);
    let repeat = if groups.len() > GROUPS_LISTED {
        " (colours repeat past the largest eight)"
    } else {
        ""
    };
    html! {
        <>
        <p class="legend">{ format!(
            "Colours are the {} conversation groups found in the network (Louvain){repeat}; \
             the host is still ringed.", groups.len()) }</p>
        <ul class="legend groups" aria-label="Largest groups">
            { for groups.iter().take(GROUPS_LISTED).map(|&(group, size)| html! {
                <li><span class="swatch"
                    style={format!("background:{}", community_colour(group))} />
                    { if size == 1 { "1 person".to_string() } else { format!("{size} people") } }
                </li>
            }) }
        </ul>
        </>
    }
}
