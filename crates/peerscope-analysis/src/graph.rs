//! The conversation graph G (docs/METRICS.md §2) on plain arrays.
//!
//! Nodes are participants, numbered `0..n`; `arcs` are the directed, weighted ties (reply
//! and mention interactions, repeats summed); `undirected` is the simple undirected
//! projection in CSR form.

pub mod arcs;
pub mod both;
pub mod csr;
pub mod flags;
pub mod hosts;
pub mod interactions;
pub mod scope;
pub mod units;

pub use arcs::Arcs;
pub use csr::Csr;

use crate::graph::interactions::Interaction;
use crate::model::PersonIdx;

/// The conversation graph over participants.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Node → person.
    pub people: Vec<PersonIdx>,
    /// Person → node, `None` for people who are not participants.
    pub node_of: Vec<Option<u32>>,
    /// Directed ties `(from, to) → interactions`, sorted for reproducibility.
    pub arcs: Arcs,
    /// The simple undirected projection.
    pub undirected: Csr,
}

impl Graph {
    /// Builds G from its participants (already chosen by the caller) and the reply and
    /// mention interactions between them. `person_count` sizes the person → node map.
    pub fn build<'a>(
        person_count: usize,
        participants: &[PersonIdx],
        interactions: impl Iterator<Item = &'a Interaction>,
    ) -> Graph {
        let mut node_of = vec![None; person_count];
        for (node, &p) in participants.iter().enumerate() {
            if let Some(slot) = node_of.get_mut(p as usize) {
                *slot = Some(node as u32);
            }
        }
        let node = |p: PersonIdx| node_of.get(p as usize).copied().flatten();
        let pairs: Vec<(u32, u32)> = interactions
            .filter_map(|i| Some((node(i.from)?, node(i.to)?)))
            .collect();
        let arcs = Arcs::from_pairs(pairs);
        let undirected = Csr::undirected(participants.len(), arcs.keys().copied());
        Graph {
            people: participants.to_vec(),
            node_of,
            arcs,
            undirected,
        }
    }

    pub fn node_count(&self) -> usize {
        self.people.len()
    }

    /// The undirected simple graph on the same nodes keeping only ties whose both ends
    /// pass `keep` (others become isolated).
    pub fn undirected_among(&self, keep: &[bool]) -> Csr {
        self.undirected.induced(keep)
    }
}
