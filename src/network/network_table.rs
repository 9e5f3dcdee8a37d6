//! `#network-table`: the network as tables, for screen readers and for anyone who would
//! rather read than look: the people drawn with their numbers, most ties drawn first, and
//! the strongest ties drawn. It follows the filters as the drawing does (weakest tie,
//! people without one, the channel and the days, the host's removal), weights recounted
//! for the window. Built only when opened, so a big network costs nothing until asked.

use web_sys::Element;
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use peerscope_core::draw::view::explore::{by_ties_drawn, grouped, strongest, Selection};
use peerscope_core::draw::view::{NetworkView, NodeView};

/// At most this many people are listed: past it the table itself would freeze the page;
/// the People CSV download holds everyone.
const PEOPLE: usize = 5000;
/// How many of the strongest ties are listed.
const TIES: usize = 200;

/// Props of [`NetworkTable`].
#[derive(Properties, PartialEq)]
pub struct NetworkTableProps {
    pub analysis: Shared<PageAnalysis>,
    /// The network without the host, when the switch has removed them.
    #[prop_or_default]
    pub rest: Option<Shared<NetworkView>>,
    /// What the filters keep of that network (or of the whole one).
    pub selection: Shared<Selection>,
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
    let network: &NetworkView = props.rest.as_deref().unwrap_or(&props.analysis.network);
    html! {
        <details id="network-table" class="network-table" {ontoggle}>
            <summary>{ "The network as a table" }</summary>
            if *open {
                { people(network, &props.selection) }
                { ties(network, &props.selection) }
            }
        </details>
    }
}

/// The people drawn (up to [`PEOPLE`]), most ties drawn first.
fn people(network: &NetworkView, selection: &Selection) -> Html {
    let order = by_ties_drawn(network, selection);
    let total = order.len();
    let rows = order
        .iter()
        .take(PEOPLE)
        .filter_map(|&(i, ties)| Some(person_row(network.nodes.get(i)?, ties)));
    html! {
        <>
        <table id="people-table" class="data-table" data-people={total.to_string()}>
            <caption>{ format!("People drawn ({}), most ties first", grouped(total)) }</caption>
            <thead><tr>
                <th scope="col">{ "Name" }</th>
                <th scope="col">{ "Role" }</th>
                <th scope="col">{ "Ties drawn" }</th>
                <th scope="col">{ "Replies given" }</th>
                <th scope="col">{ "Replies received" }</th>
                <th scope="col">{ "Replies between members" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
        if total > PEOPLE {
            <p class="explain">{ format!(
                "The {} people with the most ties are listed; the People (CSV) download \
                 holds everyone.", grouped(PEOPLE)) }</p>
        }
        </>
    }
}

/// One person's row; `ties` counts their ties drawn.
fn person_row(node: &NodeView, ties: u32) -> Html {
    html! {
        <tr>
            <th scope="row">{ node.name.clone() }</th>
            <td>{ node.role.as_str() }</td>
            <td>{ ties }</td>
            <td>{ node.replies_given }</td>
            <td>{ node.replies_received }</td>
            <td>{ node.peer_replies }</td>
        </tr>
    }
}

/// The [`TIES`] strongest ties drawn, heaviest first, with their weights as drawn
/// (recounted for the channel and days chosen); `data-ties` counts every tie drawn.
fn ties(network: &NetworkView, selection: &Selection) -> Html {
    // A tie always joins two drawn people; one that did not would be left out, not
    // shown with a placeholder name.
    let name = |v: u32| network.nodes.get(v as usize).map(|n| n.name.as_str());
    let rows = strongest(selection, TIES).into_iter().filter_map(|k| {
        let e = network.edges.get(k)?;
        let (a, b) = (name(e.a)?, name(e.b)?);
        Some(html! {
            <tr>
                <td>{ a.to_string() }</td>
                <td>{ b.to_string() }</td>
                <td>{ selection.weight(k) }</td>
            </tr>
        })
    });
    let drawn = selection.edges.len();
    html! {
        <table id="ties-table" class="data-table" data-ties={drawn.to_string()}>
            <caption>{ format!("The strongest ties drawn (up to {TIES} of {})", grouped(drawn)) }
            </caption>
            <thead><tr>
                <th scope="col">{ "Person" }</th>
                <th scope="col">{ "Person" }</th>
                <th scope="col">{ "Interactions" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
