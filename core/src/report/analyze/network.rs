//! The network the page draws: every participant with their role and reply counts, every
//! tie with its weight, and the layout's positions.

use crate::advice::measured::Measured;
use crate::draw::layout::layout_weighted;
use crate::draw::view::{EdgeView, NetworkView, NodeView, Role};
use crate::graph::scope::Scope;
use crate::model::unstable_sort::UnstableSort;

/// Reply counts per graph node: (given, received, between two members).
fn reply_counts(scope: &Scope) -> Vec<(u32, u32, u32)> {
    let g = &scope.graph;
    let mut node_of = vec![u32::MAX; scope.data.people.len()];
    for (v, &p) in g.people.iter().enumerate() {
        if let Some(slot) = node_of.get_mut(p as usize) {
            *slot = v as u32;
        }
    }
    let mut counts = vec![(0u32, 0u32, 0u32); g.node_count()];
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let peer = u32::from(!scope.host(i.from) && !scope.host(i.to));
        let at = |p: u32| node_of.get(p as usize).copied().unwrap_or(u32::MAX) as usize;
        if let Some(c) = counts.get_mut(at(i.from)) {
            c.0 += 1;
            c.2 += peer;
        }
        if let Some(c) = counts.get_mut(at(i.to)) {
            c.1 += 1;
            c.2 += peer;
        }
    }
    counts
}

/// Each undirected tie `(low, high)` once with the interactions both ways summed, in
/// order; self-ties dropped.
fn undirected_weights(g: &crate::graph::Graph) -> Vec<((u32, u32), u32)> {
    let mut ties: Vec<((u32, u32), u32)> = g
        .arcs
        .iter()
        .filter(|(&(a, b), _)| a != b)
        .map(|(&(a, b), &w)| ((a.min(b), a.max(b)), w))
        .collect();
    ties.unstable_sort();
    ties.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    ties
}

/// The graph of `scope` laid out (ForceAtlas2 on the weighted ties), with roles,
/// communities, who the "stop posting" test takes away, and reply counts.
pub fn of(scope: &Scope, measured: &Measured) -> NetworkView {
    let g = &scope.graph;
    let people = &measured.people;
    let weights = undirected_weights(g);
    let ties: Vec<(u32, u32, f64)> = weights
        .iter()
        .map(|&((a, b), w)| (a, b, f64::from(w)))
        .collect();
    let positions = layout_weighted(g.node_count(), &ties);
    let replies = reply_counts(scope);
    let nodes = g
        .people
        .iter()
        .enumerate()
        .map(|(v, &p)| {
            let at = |flags: &[bool]| flags.get(v).copied().unwrap_or(false);
            let role = if scope.host(p) {
                Role::Host
            } else if people.leaders.contains(&p) {
                Role::Leader
            } else if at(&people.core) {
                Role::Core
            } else if at(&people.engaged) {
                Role::Engaged
            } else {
                Role::Audience
            };
            let (x, y) = positions.get(v).copied().unwrap_or((0.5, 0.5));
            let (given, received, peer) = replies.get(v).copied().unwrap_or_default();
            NodeView {
                id: scope.data.id_of(p).to_string(),
                name: scope.data.display(p).to_string(),
                role,
                degree: g.undirected.degree(v as u32) as u32,
                x,
                y,
                community: measured.communities.get(v).copied().unwrap_or(0),
                away: at(&measured.away),
                replies_given: given,
                replies_received: received,
                peer_replies: peer,
            }
        })
        .collect();
    let edges = weights
        .into_iter()
        .map(|((a, b), weight)| EdgeView { a, b, weight })
        .collect();
    NetworkView {
        nodes,
        edges,
        times: crate::draw::view::times::build::tie_times(scope),
    }
}
