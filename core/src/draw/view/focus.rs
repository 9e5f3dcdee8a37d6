//! Lists the network view shows beside the drawing: the ties of the person pinned (their
//! panel) and the conversation groups by size (the legend when colouring by group).
//! Pure functions of a [`NetworkView`] and the filters' [`Selection`], tested natively.

use crate::model::stable_sort::StableSort;
use crate::model::unstable_sort::UnstableSort;
use std::cmp::Reverse;

use super::explore::Selection;
use super::NetworkView;

/// The ties of person `i` that `selection` draws, as `(other person, weight as drawn)`,
/// heaviest first (ties broken by the other's index). Nobody drawn, or an index out of
/// range: empty.
pub fn ties_drawn_of(network: &NetworkView, selection: &Selection, i: usize) -> Vec<(usize, u32)> {
    let mut ties: Vec<(usize, u32)> = selection
        .edges
        .iter()
        .filter_map(|&k| {
            let e = network.edges.get(k)?;
            let other = match (e.a as usize, e.b as usize) {
                (a, b) if a == i => b,
                (a, b) if b == i => a,
                _ => return None,
            };
            Some((other, selection.weight(k)))
        })
        .collect();
    ties.stable_sort_by_key(|&(other, weight)| (Reverse(weight), other));
    ties
}

/// The Louvain groups of `network` as `(group, people)`, largest first (ties broken by
/// the group's number); empty for an empty network.
pub fn groups_by_size(network: &NetworkView) -> Vec<(u32, usize)> {
    let mut labels: Vec<u32> = network.nodes.iter().map(|n| n.community).collect();
    labels.unstable_sort();
    let mut groups: Vec<(u32, usize)> = Vec::new();
    for label in labels {
        match groups.last_mut() {
            Some((last, size)) if *last == label => *size += 1,
            _ => groups.push((label, 1)),
        }
    }
    groups.stable_sort_by_key(|&(label, size)| (Reverse(size), label));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::explore::{select, Filter};
    use crate::draw::view::{EdgeView, NodeView};

    fn network() -> NetworkView {
        let node = |community| NodeView {
            community,
            ..NodeView::default()
        };
        let edge = |a, b, weight| EdgeView { a, b, weight };
        NetworkView {
            nodes: vec![node(4), node(4), node(1), node(4), node(1), node(9)],
            edges: vec![edge(0, 1, 1), edge(0, 2, 5), edge(3, 0, 2), edge(1, 2, 7)],
            ..NetworkView::default()
        }
    }

    #[test]
    fn a_person_s_ties_drawn_heaviest_first() {
        let net = network();
        let all = select(&net, &Filter::default(), &[]);
        assert_eq!(ties_drawn_of(&net, &all, 0), vec![(2, 5), (3, 2), (1, 1)]);
        assert!(ties_drawn_of(&net, &all, 5).is_empty());
        assert!(ties_drawn_of(&net, &all, 99).is_empty());
        let strong = Filter {
            min_weight: 2,
            ..Filter::default()
        };
        let some = select(&net, &strong, &[]);
        assert_eq!(ties_drawn_of(&net, &some, 0), vec![(2, 5), (3, 2)]);
    }

    #[test]
    fn groups_largest_first() {
        assert_eq!(groups_by_size(&network()), vec![(4, 3), (1, 2), (9, 1)]);
        assert!(groups_by_size(&NetworkView::default()).is_empty());
    }
}
