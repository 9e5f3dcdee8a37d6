//! Louvain community detection (Blondel et al. 2008; docs/METRICS.md §4) on the
//! undirected weighted projection of G, with the pruning of Ozaki et al. (2016): after the
//! first sweep only the neighbours of nodes that moved are looked at again, which on a
//! million ties does the same job in a fraction of the full sweeps.
//!
//! Each level's graph is first renumbered in an order shuffled by a fixed seed, and the
//! sweeps then go through the nodes by number. The order is as random as a shuffled queue
//! (the same graph always gives the same partition), but the ties are read front to back:
//! on the 1 M-reply graph that took a quarter off Louvain's time, the cost of the
//! renumbering included, because a queue jumped to a random row at every visit and
//! waited on memory. Resolution 1. Written here rather than taken
//! from a crate because the one candidate for wasm (leiden-rs) is young and pulls a
//! random source at run time; this is ~150 lines on plain arrays.

use std::collections::HashMap;

pub use super::weighted::{modularity, Weighted};
use crate::model::random::SplitMix;

/// Fixed seed for the visiting order.
pub const SEED: u64 = 0x5EED_1E0F_CAFE_F00D;
/// A node moves only when that raises its gain by more than this (in tie-weight units),
/// so rounding noise never keeps nodes moving back and forth.
const MIN_GAIN: f64 = 1e-10;
/// At most this many levels (the method converges far sooner).
const MAX_LEVELS: usize = 100;
/// At most this many node visits per node and level: a safety net, as the sweeps stop
/// on their own (each move raises modularity by at least `MIN_GAIN / m`).
const MAX_VISITS_PER_NODE: usize = 100;

/// The Louvain partition: a community label per node, labels 0.. in order of first node.
/// Isolated nodes are communities of their own. An empty graph gives an empty vector.
pub fn louvain(g: &Weighted) -> Vec<u32> {
    let mut rng = SplitMix(SEED);
    // Per input node: its node in the current level's (shuffled) graph.
    let mut membership: Vec<u32> = (0..g.node_count() as u32).collect();
    let mut aggregated: Option<Weighted> = None;
    for _ in 0..MAX_LEVELS {
        let level = aggregated.as_ref().unwrap_or(g);
        let rank = shuffled_ranks(level.node_count(), &mut rng);
        let shuffled = level.relabeled(&rank);
        for m in membership.iter_mut() {
            *m = rank.get(*m as usize).copied().unwrap_or(*m);
        }
        let (labels, moved) = one_level(&shuffled);
        if !moved {
            break;
        }
        for m in membership.iter_mut() {
            *m = labels.get(*m as usize).copied().unwrap_or(*m);
        }
        aggregated = Some(aggregate(&shuffled, &labels));
    }
    relabel(&membership)
}

/// A random position for each of `n` nodes (a permutation of 0..n).
fn shuffled_ranks(n: usize, rng: &mut SplitMix) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    let mut rank = vec![0u32; n];
    for (at, &v) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(v as usize) {
            *slot = at as u32;
        }
    }
    rank
}

/// Local moving on one level, sweeping the nodes in index order (the graph comes
/// shuffled, so this is a random order that reads the ties front to back) and visiting
/// again only the nodes flagged because a neighbour moved. Returns compact labels and
/// whether any node moved.
fn one_level(g: &Weighted) -> (Vec<u32>, bool) {
    let n = g.node_count();
    let mut moves = Moves::new(g);
    let mut moved_any = false;
    let mut visits = 0usize;
    'sweeps: loop {
        let mut moved = false;
        for v in 0..n {
            if !moves.take_flag(v) {
                continue;
            }
            visits += 1;
            if visits > n.saturating_mul(MAX_VISITS_PER_NODE) {
                break 'sweeps;
            }
            moved |= moves.visit(g, v);
        }
        moved_any |= moved;
        if !moved {
            break;
        }
    }
    (relabel(&moves.community), moved_any)
}

/// The state of one level's local moving.
struct Moves {
    /// Community per node (`u32`: half the cache footprint of `usize` on the random reads
    /// that dominate this loop).
    community: Vec<u32>,
    /// Per community: the visited node's tie weight to it and its total degree, side by
    /// side so the gain of a community costs one cache line, not two.
    sides: Vec<Side>,
    two_m: f64,
    /// The communities whose `links` are non-zero for the node being visited (reset after
    /// each node; a map per node was the hot spot on 1 M ties).
    touched: Vec<u32>,
    /// Per node: to be visited (again) in the current or next sweep.
    flagged: Vec<bool>,
}

/// One community as seen from the node being visited.
#[derive(Clone, Copy, Default)]
struct Side {
    /// Weight of the visited node's ties into this community.
    links: f64,
    /// Sum of the degrees of the community's nodes.
    total: f64,
}

impl Moves {
    fn new(g: &Weighted) -> Moves {
        let n = g.node_count();
        Moves {
            community: (0..n as u32).collect(),
            sides: (0..n)
                .map(|v| Side {
                    links: 0.0,
                    total: g.degree(v),
                })
                .collect(),
            two_m: g.two_m(),
            touched: Vec::new(),
            flagged: vec![true; n],
        }
    }

    /// Whether `v` is flagged for a visit, clearing the flag.
    fn take_flag(&mut self, v: usize) -> bool {
        self.flagged
            .get_mut(v)
            .is_some_and(|flag| std::mem::replace(flag, false))
    }

    /// Moves `v` to the neighbouring community that raises modularity most, if any;
    /// queues its neighbours outside that community (only they can now want to move).
    /// Returns whether `v` moved.
    fn visit(&mut self, g: &Weighted, v: usize) -> bool {
        let degree = g.degree(v);
        let Some(&own) = self.community.get(v) else {
            return false;
        };
        if self.two_m <= 0.0 || degree == 0.0 {
            return false;
        }
        let (targets, weights) = g.ties(v);
        self.gather(v, targets, weights);
        self.add_total(own, -degree);
        let best = self.best(own, degree);
        self.add_total(best, degree);
        if best == own {
            return false;
        }
        if let Some(c) = self.community.get_mut(v) {
            *c = best;
        }
        for &u in targets {
            let outside = self.community.get(u as usize).is_some_and(|&c| c != best);
            if let (true, Some(flag)) = (outside, self.flagged.get_mut(u as usize)) {
                *flag = true;
            }
        }
        true
    }

    /// Fills the `links` of `v`'s neighbouring communities, and `touched` with them.
    fn gather(&mut self, v: usize, targets: &[u32], weights: &[f64]) {
        for (&u, &w) in targets.iter().zip(weights) {
            if u as usize == v {
                continue;
            }
            let Some(&c) = self.community.get(u as usize) else {
                continue;
            };
            if let Some(side) = self.sides.get_mut(c as usize) {
                if side.links == 0.0 {
                    self.touched.push(c);
                }
                side.links += w;
            }
        }
    }

    /// The community (own, or a touched one) with the best gain for a node of `degree`
    /// taken out of `own`; resets the scratch.
    fn best(&mut self, own: u32, degree: f64) -> u32 {
        let two_m = self.two_m;
        let gain = |side: &Side| side.links - side.total * degree / two_m;
        let own_side = self.sides.get(own as usize).copied().unwrap_or_default();
        let (mut best, mut best_gain) = (own, gain(&own_side));
        for &c in &self.touched {
            if let Some(side) = self.sides.get_mut(c as usize) {
                let g = gain(side);
                if g > best_gain + MIN_GAIN {
                    (best, best_gain) = (c, g);
                }
                side.links = 0.0;
            }
        }
        if let Some(side) = self.sides.get_mut(own as usize) {
            side.links = 0.0;
        }
        self.touched.clear();
        best
    }

    /// `total[c] += by`, when `c` is a community.
    fn add_total(&mut self, c: u32, by: f64) {
        if let Some(side) = self.sides.get_mut(c as usize) {
            side.total += by;
        }
    }
}

/// The graph of communities: one node per label, ties summed, internal ties as self-loops.
fn aggregate(g: &Weighted, labels: &[u32]) -> Weighted {
    let k = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let label = |v: usize| labels.get(v).copied().unwrap_or(0);
    let ties = (0..g.node_count()).flat_map(|v| {
        let (targets, weights) = g.ties(v);
        targets
            .iter()
            .zip(weights)
            // each non-loop edge appears twice (v→u and u→v); keep it once
            .filter(move |(&u, _)| u as usize >= v)
            .map(move |(&u, &w)| (label(v), label(u as usize), w))
    });
    Weighted::new(k, ties)
}

/// Labels renumbered 0.. in order of first appearance.
fn relabel(labels: &[u32]) -> Vec<u32> {
    let mut map: HashMap<u32, u32> = HashMap::with_capacity(labels.len().min(1 << 16));
    labels
        .iter()
        .map(|&l| {
            let next = map.len() as u32;
            *map.entry(l).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two 5-cliques joined by one edge.
    fn barbell() -> Weighted {
        let mut ties = Vec::new();
        for base in [0u32, 5] {
            for a in 0..5 {
                for b in (a + 1)..5 {
                    ties.push((base + a, base + b, 1.0));
                }
            }
        }
        ties.push((4, 5, 1.0));
        Weighted::new(10, ties.into_iter())
    }

    #[test]
    fn finds_the_two_cliques() {
        let parts = louvain(&barbell());
        assert_eq!(parts, vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
        // networkx.community.modularity(barbell, [{0..4}, {5..9}]) = 0.4523809523809524
        let q = modularity(&barbell(), &parts).unwrap_or(0.0);
        assert!((q - 0.452_380_952_380_952_4).abs() < 1e-12, "{q}");
    }

    #[test]
    fn empty_and_edgeless_graphs() {
        assert!(louvain(&Weighted::new(0, std::iter::empty())).is_empty());
        let lonely = Weighted::new(3, std::iter::empty());
        assert_eq!(louvain(&lonely), vec![0, 1, 2]);
        assert_eq!(modularity(&lonely, &[0, 1, 2]), None);
    }
}
