//! The picture: who talks with whom, hosts marked, with the "step away" switch on it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analyze::Analysis;
use crate::ui::drawing::draw_network;
use crate::ui::shared::Shared;
use crate::view::Role;

/// Props of [`NetworkPanel`].
#[derive(Properties, PartialEq)]
pub struct NetworkPanelProps {
    pub analysis: Shared<Analysis>,
}

/// The network drawing (`#network`), its legend and the switch that hides the hosts.
#[component]
pub fn NetworkPanel(props: &NetworkPanelProps) -> Html {
    let without_hosts = use_state(|| false);
    let network = &props.analysis.network;
    let has_hosts = network.nodes.iter().any(|node| node.role == Role::Host);
    let on_toggle = {
        let without_hosts = without_hosts.clone();
        Callback::from(move |event: Event| {
            let switch: HtmlInputElement = event.target_unchecked_into();
            without_hosts.set(switch.checked());
        })
    };
    let hide_hosts = has_hosts && *without_hosts;

    html! {
        <section class="network-panel" aria-labelledby="network-title">
            <h2 id="network-title">{ "Who talks with whom" }</h2>
            <p class="explain">
                { "Each dot is a person; a line joins two people who replied to or mentioned \
                   each other, darker when they did it more. Bigger dots talk with more people." }
            </p>
            if has_hosts {
                <label class="switch">
                    <input id="hide-hosts" type="checkbox" checked={hide_hosts}
                        onchange={on_toggle} />
                    { " Step away: show what is left without the host" }
                </label>
            }
            <div class="network-frame">
                { draw_network(network, hide_hosts) }
            </div>
            if network.nodes.is_empty() {
                <p class="empty">{ "Nobody to draw yet: this export has no conversations." }</p>
            }
            <ul class="legend" aria-label="Colours">
                { for LEGEND.iter().map(|(role, words)| html! {
                    <li><span class={classes!("swatch", format!("role-{}", role.as_str()))} />
                        { *words }</li>
                }) }
            </ul>
        </section>
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
