//! The picture: who talks with whom, hosts marked, the "remove the host" switch on it,
//! hover for someone's ties, colours by role or by group, and the downloads.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analyze::Analysis;
use crate::ui::drawing::{draw_network, Look};
use crate::ui::export::ExportBar;
use crate::ui::shared::Shared;
use crate::ui::step_away;
use crate::ui::tooltip::tooltip;
use crate::view::Role;

/// Props of [`NetworkPanel`].
#[derive(Properties, PartialEq)]
pub struct NetworkPanelProps {
    pub analysis: Shared<Analysis>,
}

/// The network drawing (`#network`), the switch (`#remove-host`) with its sentence
/// (`#resilience-note`), the colour choice, the legend, the tooltip and the exports.
#[component]
pub fn NetworkPanel(props: &NetworkPanelProps) -> Html {
    let removed = use_state(|| false);
    let by_community = use_state(|| false);
    let hovered = use_state(|| None::<usize>);
    let rest = use_memo((props.analysis.clone(), *removed), |(analysis, removed)| {
        removed.then(|| analysis.network.without_away())
    });
    let full = &props.analysis.network;
    let shown = rest.as_ref().as_ref().unwrap_or(full);
    let on_remove = {
        let (removed, hovered) = (removed.clone(), hovered.clone());
        Callback::from(move |on: bool| {
            hovered.set(None);
            removed.set(on);
        })
    };
    let on_colour = {
        let by_community = by_community.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            by_community.set(input.checked());
        })
    };
    let look = Look {
        by_community: *by_community,
        grey_alone: *removed,
        hovered: *hovered,
        on_hover: Callback::from({
            let hovered = hovered.clone();
            move |at: Option<usize>| hovered.set(at)
        }),
    };

    html! {
        <section class="network-panel" aria-labelledby="network-title">
            <h2 id="network-title">{ "Who talks with whom" }</h2>
            <p class="explain">
                { "Each dot is a person; a line joins two people who replied to or mentioned \
                   each other, darker when they did it more. Bigger dots talk with more people. \
                   Point at someone to see their ties." }
            </p>
            { step_away::switch(full, *removed, on_remove) }
            if let Some(rest) = rest.as_ref() {
                { step_away::note(&props.analysis, rest) }
            }
            <div class="network-frame" style="position:relative">
                { draw_network(shown, &look) }
                { tooltip(shown, *hovered) }
            </div>
            if full.nodes.is_empty() {
                <p class="empty">{ "Nobody to draw yet: this export has no conversations." }</p>
            }
            <label class="switch">
                <input id="colour-by-group" type="checkbox" checked={*by_community}
                    onchange={on_colour} />
                { " Colour by conversation group instead of role" }
            </label>
            { legend(*by_community, full) }
            <ExportBar analysis={props.analysis.clone()} />
        </section>
    }
}

fn legend(by_community: bool, network: &crate::view::NetworkView) -> Html {
    if by_community {
        let mut groups: Vec<u32> = network.nodes.iter().map(|n| n.community).collect();
        groups.sort_unstable();
        groups.dedup();
        return html! {
            <p class="legend">{ format!(
                "Colours are the {} conversation groups found in the network (Louvain); \
                 the host is still ringed.", groups.len()) }</p>
        };
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
