//! `#network-table`: the network as tables, for screen readers and for anyone who would
//! rather read than look: every person with their numbers, most ties first, and the
//! strongest ties. Built only when opened, so a big network costs nothing until asked.

use web_sys::Element;
use yew::prelude::*;

use crate::analyze::Analysis;
use crate::ui::shared::Shared;
use crate::view::explore::{by_ties, grouped, strongest};
use crate::view::{EdgeView, NetworkView, NodeView};

/// At most this many people are listed: past it the table itself would freeze the page;
/// the People CSV download holds everyone.
const PEOPLE: usize = 5000;
/// How many of the strongest ties are listed.
const TIES: usize = 200;

/// Props of [`NetworkTable`].
#[derive(Properties, PartialEq)]
pub struct NetworkTableProps {
    pub analysis: Shared<Analysis>,
}

/// `<details id="network-table">` holding `#people-table` and `#ties-table`.
#[component]
pub fn NetworkTable(props: &NetworkTableProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details: Element = event.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let network = &props.analysis.network;
    html! {
        <details id="network-table" class="network-table" {ontoggle}>
            <summary>{ "The network as a table" }</summary>
            if *open {
                { people(network) }
                { ties(network) }
            }
        </details>
    }
}

/// Everyone (up to [`PEOPLE`]), most ties first.
fn people(network: &NetworkView) -> Html {
    let total = network.nodes.len();
    let order = by_ties(network);
    let rows = order
        .iter()
        .take(PEOPLE)
        .filter_map(|&i| network.nodes.get(i))
        .map(person_row);
    html! {
        <>
        <table id="people-table" class="data-table">
            <caption>{ format!("People ({}), most ties first", grouped(total)) }</caption>
            <thead><tr>
                <th scope="col">{ "Name" }</th>
                <th scope="col">{ "Role" }</th>
                <th scope="col">{ "Ties" }</th>
                <th scope="col">{ "Replies given" }</th>
                <th scope="col">{ "Replies received" }</th>
                <th scope="col">{ "Replies between members" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
        if total > PEOPLE {
            <p class="explain">{ format!(
                "The {} people with the most ties are listed; the People (CSV) download \
                 holds all {}.", grouped(PEOPLE), grouped(total)) }</p>
        }
        </>
    }
}

fn person_row(node: &NodeView) -> Html {
    html! {
        <tr>
            <th scope="row">{ node.name.clone() }</th>
            <td>{ node.role.as_str() }</td>
            <td>{ node.degree }</td>
            <td>{ node.replies_given }</td>
            <td>{ node.replies_received }</td>
            <td>{ node.peer_replies }</td>
        </tr>
    }
}

/// The [`TIES`] strongest ties, heaviest first.
fn ties(network: &NetworkView) -> Html {
    let name = |v: u32| {
        network
            .nodes
            .get(v as usize)
            .map_or("?", |n| n.name.as_str())
    };
    let row = |e: &EdgeView| {
        html! {
            <tr>
                <td>{ name(e.a).to_string() }</td>
                <td>{ name(e.b).to_string() }</td>
                <td>{ e.weight }</td>
            </tr>
        }
    };
    let rows = strongest(network, TIES)
        .into_iter()
        .filter_map(|k| network.edges.get(k))
        .map(row);
    html! {
        <table id="ties-table" class="data-table">
            <caption>{ format!("The strongest ties (up to {TIES})") }</caption>
            <thead><tr>
                <th scope="col">{ "Person" }</th>
                <th scope="col">{ "Person" }</th>
                <th scope="col">{ "Interactions" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
