//! `#person-panel`: the person pinned by a click or a tap, next to the drawing, with what
//! the tooltip says (role, replies given and received, replies between members) plus their
//! ties as drawn now — the filters and the channel and days chosen applied — heaviest
//! first. Each tie is a button that pins the person at its other end; `#person-panel-close`
//! (or Escape, or a click on empty space) lets go.

use yew::prelude::*;

use crate::app::bidi;
use peerscope_core::draw::view::explore::Selection;
use peerscope_core::draw::view::focus::ties_drawn_of;
use peerscope_core::draw::view::NetworkView;

/// At most this many ties are listed; the count says how many there are.
const LISTED: usize = 12;

/// The panel for `pinned` (an index into `network.nodes`), or nothing when nobody drawn is
/// pinned. `on_pin` hears the person a tie button pins, or `None` from the close button.
pub fn person_panel(
    network: &NetworkView,
    selection: &Selection,
    pinned: Option<usize>,
    on_pin: Callback<Option<usize>>,
) -> Html {
    let Some((i, node)) = pinned
        .filter(|&i| selection.shows(i))
        .and_then(|i| Some((i, network.nodes.get(i)?)))
    else {
        return Html::default();
    };
    let ties = ties_drawn_of(network, selection, i);
    let count = match ties.len() {
        0 => "No tie drawn".to_string(),
        1 => "1 tie drawn".to_string(),
        n => format!("{n} ties drawn"),
    };
    let close = on_pin.reform(|_: MouseEvent| None);
    let rows = ties.iter().take(LISTED).filter_map(|&(other, weight)| {
        let person = network.nodes.get(other)?;
        let pin = on_pin.reform(move |_: MouseEvent| Some(other));
        Some(html! {
            <li><button type="button" class="link" data-person={other.to_string()} onclick={pin}>
                { bidi::name(&person.name) }</button>{ format!(" — {weight}") }</li>
        })
    });
    html! {
        <aside id="person-panel" class="person-panel" aria-labelledby="person-panel-name">
            <h3 id="person-panel-name">{ bidi::name(&node.name) }</h3>
            <p>{ format!("{} · replies given {} · received {} · between members {}",
                node.role.as_str(), node.replies_given, node.replies_received,
                node.peer_replies) }</p>
            <p class="person-ties">{ format!("{count} (interactions each):") }</p>
            <ul>{ for rows }</ul>
            if ties.len() > LISTED {
                <p class="explain">{ format!("The {LISTED} strongest are listed.") }</p>
            }
            <button id="person-panel-close" type="button" onclick={close}>{ "Let go" }</button>
        </aside>
    }
}
