//! `#network-tooltip`: who the pointer is on, their role and their replies.

use yew::prelude::*;

use crate::network::drawing::fit;
use peerscope_core::draw::view::zoom::ViewBox;
use peerscope_core::draw::view::{NetworkView, NodeView};

/// The tooltip for `network.nodes[hovered]`, placed beside them in the current `view`;
/// nothing when nobody is hovered or the index is out of range.
pub fn tooltip(network: &NetworkView, hovered: Option<usize>, view: &ViewBox) -> Html {
    let Some(node) = hovered.and_then(|i| network.nodes.get(i)) else {
        return Html::default();
    };
    let (x, y) = view.fraction(fit(network).place(node));
    let style = format!(
        "position:absolute;left:{:.1}%;top:{:.1}%;transform:translate({},8px);\
         pointer-events:none;background:var(--card,#fff);color:var(--fg,#1f2328);\
         border:1px solid var(--line,#d9d6cf);border-radius:6px;padding:.35rem .5rem;\
         font-size:.85rem;box-shadow:0 2px 8px rgba(0,0,0,.15);max-width:16rem;z-index:2",
        x * 100.0,
        y * 100.0,
        if x > 0.5 { "-100%" } else { "0" },
    );
    html! {
        <div id="network-tooltip" role="tooltip" {style}>
            <strong class="tip-name"><bdi>{ node.name.clone() }</bdi></strong>
            <div class="tip-role">{ role_words(node) }</div>
            <div class="tip-replies">{ format!("replies given {} · received {}",
                node.replies_given, node.replies_received) }</div>
            <div class="tip-peer">
                { format!("replies between members: {}", node.peer_replies) }
            </div>
        </div>
    }
}

fn role_words(node: &NodeView) -> String {
    let ties = match node.degree {
        1 => "talks with 1 person".to_string(),
        d => format!("talks with {d} people"),
    };
    format!("{} · {ties}", node.role.as_str())
}
