//! A big network opens on its core: the best-connected people up close, with a button
//! back to everyone. Thousands of dots at once read as a haze; the core is where the
//! structure the verdict talks about shows.

use peerscope_core::model::stable_sort::StableSort;
use yew::prelude::*;

use crate::network::drawing::{fit, HEIGHT, WIDTH};
use crate::network::pan_zoom::{Camera, Move};
use peerscope_core::draw::view::explore::grouped;
use peerscope_core::draw::view::zoom::ViewBox;
use peerscope_core::draw::view::NetworkView;

/// Networks of more than this many people open on their core.
pub const OPEN_ON_CORE: usize = 5_000;
/// The core: this many people, the most connected.
const CORE: usize = 400;
/// The core's box fills this share of the view.
const MARGIN: f64 = 0.85;

/// The view onto the [`CORE`] most connected people of `network`, when it has more than
/// [`OPEN_ON_CORE`] people and their box is clearly smaller than the drawing; else `None`.
pub fn core_view(network: &NetworkView) -> Option<ViewBox> {
    if network.nodes.len() <= OPEN_ON_CORE {
        return None;
    }
    let mut order: Vec<usize> = (0..network.nodes.len()).collect();
    order.stable_sort_by_key(|&i| std::cmp::Reverse(network.nodes.get(i).map_or(0, |n| n.degree)));
    let fit = fit(network);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for node in order
        .iter()
        .take(CORE)
        .filter_map(|&i| network.nodes.get(i))
    {
        let (x, y) = fit.place(node);
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let zoom = (WIDTH / (x1 - x0).max(1.0)).min(HEIGHT / (y1 - y0).max(1.0)) * MARGIN;
    (zoom >= 1.3).then(|| {
        let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        ViewBox::whole(WIDTH, HEIGHT).centre_on(centre, zoom)
    })
}

/// `#core-note`: while a big network shows less than all of it, says so, with
/// `#show-everyone` back to the whole drawing.
pub fn core_note(network: &NetworkView, camera: &UseReducerHandle<Camera>) -> Html {
    let people = network.nodes.len();
    if people <= OPEN_ON_CORE || camera.0 == ViewBox::whole(WIDTH, HEIGHT) {
        return html! {};
    }
    let dispatcher = camera.dispatcher();
    let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Move::Reset));
    html! {
        <p id="core-note" class="core-note">
            { "Up close on the best-connected people. " }
            <button id="show-everyone" type="button" {onclick}>
                { format!("Show all {} people", grouped(people)) }</button>
        </p>
    }
}
