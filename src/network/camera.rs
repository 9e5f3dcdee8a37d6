//! Where the drawing's camera goes by itself: to the whole picture (or a big one's core)
//! when a new request's report arrives, and to the first person a search finds.

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::network::core_view::core_view;
use crate::network::drawing::fit;
use crate::network::pan_zoom::{Move, PanZoom};
use peerscope_core::draw::view::explore::Filter;
use peerscope_core::draw::view::times::Window;
use peerscope_core::draw::view::NetworkView;

/// A new request's report is a new picture: start from the whole of it (a big one from its
/// core, see [`core_view`]), nobody pinned, every channel and day counted (the old window's
/// channels and dates mean nothing there). A later answer to the same request (the same
/// network with the score's interval) keeps all three.
#[hook]
pub fn use_fresh_start(
    request: u32,
    analysis: &Shared<PageAnalysis>,
    pan_zoom: &PanZoom,
    pinned: &UseStateHandle<Option<usize>>,
    filter: &UseStateHandle<Filter>,
) {
    let (camera, pinned) = (pan_zoom.camera.dispatcher(), pinned.clone());
    let filter = filter.clone();
    let analysis = analysis.clone();
    use_effect_with(request, move |_| {
        camera.dispatch(match core_view(&analysis.network) {
            Some(view) => Move::Set(view),
            None => Move::Reset,
        });
        pinned.set(None);
        if filter.window != Window::default() {
            filter.set(Filter {
                window: Window::default(),
                ..*filter
            });
        }
    });
}

/// Centres the drawing on the first person found whenever the search text changes.
#[hook]
pub fn use_search_focus(network: &NetworkView, found: &[usize], query: &str, pan_zoom: &PanZoom) {
    let first = found.first().and_then(|&i| network.nodes.get(i));
    let at = first.map(|node| fit(network).place(node));
    let camera = pan_zoom.camera.dispatcher();
    use_effect_with(query.to_string(), move |_| {
        if let Some(at) = at {
            camera.dispatch(Move::CentreOn(at));
        }
    });
}
