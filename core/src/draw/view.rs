//! What the UI draws: people placed on a plane, their ties, and their roles.
//!
//! Built from the same conversation graph as the metrics, so the picture and the numbers
//! agree. Not part of the report JSON (it would bloat it); the UI and the JS API get it
//! beside the report.

use serde::{Deserialize, Serialize};

use crate::draw::layout::resettle;

pub mod explore;
pub mod focus;
pub mod gesture;
pub mod months;
pub mod scene;
pub mod times;
pub mod zoom;

use times::TieTimes;

/// The role that colours a node, from most to least involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Host,
    Leader,
    Core,
    Engaged,
    #[default]
    Audience,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Leader => "leader",
            Role::Core => "core",
            Role::Engaged => "engaged",
            Role::Audience => "audience",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeView {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Distinct people this person is tied to (undirected, either direction).
    pub degree: u32,
    /// Position in the unit square, 0..=1 on both axes.
    pub x: f64,
    pub y: f64,
    /// Louvain community (the report's `modularity` partition); 0.. in no particular
    /// order, the same number for people in the same group.
    pub community: u32,
    /// Taken away by the "stop posting" test: a host, or, with no host, the most
    /// connected person (the report's `resilience` removes exactly these).
    pub away: bool,
    /// Replies (all reply kinds) this person wrote to someone else, repeats counted.
    pub replies_given: u32,
    /// Replies others wrote to this person.
    pub replies_received: u32,
    /// Of those, given or received, the replies between two members (no host at either end).
    pub peer_replies: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeView {
    /// Indices into `NetworkView::nodes`, `a < b`.
    pub a: u32,
    pub b: u32,
    /// Reply and mention interactions between the two, both directions summed.
    pub weight: u32,
}

/// Every participant and every tie of the conversation graph, laid out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkView {
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
    /// Where and when each tie was made (the space and time filters); empty in a network
    /// built without them, which then shows every tie whatever the window.
    #[serde(default)]
    pub times: TieTimes,
}

impl NetworkView {
    /// What the "remove the host" switch shows: the people not [`away`](NodeView::away),
    /// their ties among themselves, each person's `degree` counting only the ties left (0 =
    /// left alone), re-settled from where everyone was, each tie keeping its times. Without
    /// anyone away, a copy. The page re-settles a few steps a frame instead: see
    /// [`without_away_unsettled`](Self::without_away_unsettled).
    pub fn without_away(&self) -> NetworkView {
        let rest = self.without_away_unsettled();
        if rest.nodes.len() == self.nodes.len() {
            return rest;
        }
        let positions = resettle(&rest.positions(), &rest.ties());
        rest.placed(&positions)
    }

    /// [`without_away`](Self::without_away) with everyone still where they were in the
    /// whole network (the start of a [`crate::draw::layout::Settle`]).
    pub fn without_away_unsettled(&self) -> NetworkView {
        let mut index = vec![u32::MAX; self.nodes.len()];
        let mut nodes: Vec<NodeView> = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if !node.away {
                if let Some(slot) = index.get_mut(i) {
                    *slot = nodes.len() as u32;
                }
                nodes.push(NodeView {
                    degree: 0,
                    ..node.clone()
                });
            }
        }
        let at = |v: u32| index.get(v as usize).copied().filter(|&i| i != u32::MAX);
        let (kept, edges): (Vec<usize>, Vec<EdgeView>) = self
            .edges
            .iter()
            .enumerate()
            .filter_map(|(k, e)| {
                let (a, b) = (at(e.a)?, at(e.b)?);
                let edge = EdgeView {
                    a: a.min(b),
                    b: a.max(b),
                    weight: e.weight,
                };
                Some((k, edge))
            })
            .unzip();
        for e in &edges {
            for v in [e.a, e.b] {
                if let Some(node) = nodes.get_mut(v as usize) {
                    node.degree += 1;
                }
            }
        }
        let times = self.times.keep(&self.edges, &kept);
        NetworkView {
            nodes,
            edges,
            times,
        }
    }

    /// Everyone's `(x, y)`, in node order.
    pub fn positions(&self) -> Vec<(f64, f64)> {
        self.nodes.iter().map(|n| (n.x, n.y)).collect()
    }

    /// The ties as a layout takes them: `(a, b, weight)`.
    pub fn ties(&self) -> Vec<(u32, u32, f64)> {
        self.edges
            .iter()
            .map(|e| (e.a, e.b, f64::from(e.weight)))
            .collect()
    }

    /// A copy with person `i` at `positions[i]`; people past the end of `positions` keep
    /// their place.
    pub fn placed(&self, positions: &[(f64, f64)]) -> NetworkView {
        let mut view = self.clone();
        for (node, &(x, y)) in view.nodes.iter_mut().zip(positions) {
            (node.x, node.y) = (x, y);
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_away_drops_the_host_and_counts_ties_left() {
        let node = |away| NodeView {
            away,
            x: 0.3,
            y: 0.6,
            ..NodeView::default()
        };
        let edge = |a, b| EdgeView { a, b, weight: 2 };
        let full = NetworkView {
            nodes: vec![node(true), node(false), node(false), node(false)],
            edges: vec![edge(0, 1), edge(0, 2), edge(0, 3), edge(2, 3)],
            ..NetworkView::default()
        };
        let rest = full.without_away();
        assert_eq!(rest.nodes.len(), 3);
        let degrees: Vec<u32> = rest.nodes.iter().map(|n| n.degree).collect();
        assert_eq!(degrees, vec![0, 1, 1], "the first member is left alone");
        assert_eq!((rest.edges[0].a, rest.edges[0].b), (1, 2));
        assert!(rest
            .nodes
            .iter()
            .all(|n| (0.0..=1.0).contains(&n.x) && (0.0..=1.0).contains(&n.y)));
        assert!(NetworkView::default().without_away().nodes.is_empty());
    }
}
