//! Louvain community detection (Blondel et al. 2008) and modularity, on the undirected
//! weighted projection of G.
//!
//! Deterministic: nodes are visited in an order shuffled by a fixed seed, so the same
//! graph always gives the same partition. Resolution 1. Written here rather than taken
//! from a crate because the one candidate for wasm (leiden-rs) is young and pulls a
//! random source at run time; this is ~150 lines on plain arrays.

use std::collections::BTreeMap;

/// Fixed seed for the visiting order.
pub const SEED: u64 = 0x5EED_1E0F_CAFE_F00D;
/// Stop a level when a full pass improves modularity by less than this.
const MIN_GAIN: f64 = 1e-10;
/// Stop moving nodes on a level when a whole pass adds less modularity than this.
const MIN_PASS_MODULARITY_GAIN: f64 = 1e-6;
/// At most this many passes per level and levels (the method converges far sooner).
const MAX_ROUNDS: usize = 100;

/// An undirected weighted graph as adjacency lists; self-loops carry twice their weight
/// in the node's degree, as in the modularity formula.
#[derive(Debug, Clone, Default)]
pub struct Weighted {
    adj: Vec<Vec<(u32, f64)>>,
}

impl Weighted {
    /// From `(a, b, weight)` ties (either direction; repeats add up).
    pub fn new(n: usize, ties: impl Iterator<Item = (u32, u32, f64)>) -> Weighted {
        let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        for (a, b, w) in ties {
            if (a as usize) < n && (b as usize) < n {
                adj[a as usize].push((b, w));
                if a != b {
                    adj[b as usize].push((a, w));
                }
            }
        }
        // Sorted lists with repeats summed: sorting beats a map per node on big graphs.
        for list in &mut adj {
            list.sort_unstable_by_key(|&(u, _)| u);
            list.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 += later.1;
                }
                same
            });
        }
        Weighted { adj }
    }

    fn degree(&self, v: usize) -> f64 {
        self.adj[v]
            .iter()
            .map(|&(u, w)| if u as usize == v { 2.0 * w } else { w })
            .sum()
    }

    /// Twice the total edge weight.
    fn two_m(&self) -> f64 {
        (0..self.adj.len()).map(|v| self.degree(v)).sum()
    }
}

/// Modularity of `community` (a label per node) at resolution 1:
/// Σ_c [ L_c / m − (d_c / 2m)² ]. In −0.5..1; `None` when the graph has no edges.
pub fn modularity(g: &Weighted, community: &[u32]) -> Option<f64> {
    let two_m = g.two_m();
    if two_m <= 0.0 {
        return None;
    }
    let mut inside: BTreeMap<u32, f64> = BTreeMap::new();
    let mut total: BTreeMap<u32, f64> = BTreeMap::new();
    for (v, list) in g.adj.iter().enumerate() {
        let c = community.get(v).copied().unwrap_or(u32::MAX);
        *total.entry(c).or_insert(0.0) += g.degree(v);
        for &(u, w) in list {
            if community.get(u as usize) == Some(&c) {
                // each internal edge is seen from both ends; a self-loop once but counts double
                *inside.entry(c).or_insert(0.0) += if u as usize == v { 2.0 * w } else { w };
            }
        }
    }
    Some(
        total
            .iter()
            .map(|(c, d)| inside.get(c).unwrap_or(&0.0) / two_m - (d / two_m).powi(2))
            .sum(),
    )
}

/// The Louvain partition: a community label per node, labels 0.. in order of first node.
/// Isolated nodes are communities of their own. An empty graph gives an empty vector.
pub fn louvain(g: &Weighted) -> Vec<u32> {
    let n = g.adj.len();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    let mut level = g.clone();
    let mut rng = SEED;
    for _ in 0..MAX_ROUNDS {
        let (labels, moved) = one_level(&level, &mut rng);
        if !moved {
            break;
        }
        for m in membership.iter_mut() {
            *m = labels[*m as usize];
        }
        level = aggregate(&level, &labels);
    }
    relabel(&membership)
}

/// Local moving on one level. Returns compact labels and whether any node moved.
fn one_level(g: &Weighted, rng: &mut u64) -> (Vec<u32>, bool) {
    let n = g.adj.len();
    let two_m = g.two_m();
    let mut community: Vec<usize> = (0..n).collect();
    let degree: Vec<f64> = (0..n).map(|v| g.degree(v)).collect();
    let mut total: Vec<f64> = degree.clone();
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(&mut order, rng);
    let mut moved_any = false;
    // Weight from the current node to each neighbouring community, in a dense scratch
    // array reset after each node (a map per node was the hot spot on 1 M ties).
    let mut links_to = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut improvement = 0.0;
        for &v in &order {
            if two_m <= 0.0 || degree[v] == 0.0 {
                continue;
            }
            let own = community[v];
            for &(u, w) in &g.adj[v] {
                if u as usize != v {
                    let c = community[u as usize];
                    if links_to[c] == 0.0 {
                        touched.push(c);
                    }
                    links_to[c] += w;
                }
            }
            total[own] -= degree[v];
            let gain = |c: usize, links: f64| links - total[c] * degree[v] / two_m;
            let stay = gain(own, links_to[own]);
            let (mut best, mut best_gain) = (own, stay);
            for &c in &touched {
                let g = gain(c, links_to[c]);
                if g > best_gain + MIN_GAIN {
                    (best, best_gain) = (c, g);
                }
            }
            for &c in &touched {
                links_to[c] = 0.0;
            }
            touched.clear();
            total[best] += degree[v];
            if best != own {
                community[v] = best;
                improvement += best_gain - stay;
                moved_any = true;
            }
        }
        // A pass that raises modularity (2·gain / 2m) by less than this is not worth
        // another: on a million ties the tail of tiny moves would cost more than the rest.
        if 2.0 * improvement / two_m.max(f64::MIN_POSITIVE) < MIN_PASS_MODULARITY_GAIN {
            break;
        }
    }
    let labels = relabel(&community.iter().map(|&c| c as u32).collect::<Vec<_>>());
    (labels, moved_any)
}

/// The graph of communities: one node per label, ties summed, internal ties as self-loops.
fn aggregate(g: &Weighted, labels: &[u32]) -> Weighted {
    let k = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut ties = Vec::new();
    for (v, list) in g.adj.iter().enumerate() {
        for &(u, w) in list {
            // each non-loop edge appears twice (v→u and u→v); keep it once
            if u as usize >= v {
                ties.push((labels[v], labels[u as usize], w));
            }
        }
    }
    Weighted::new(k, ties.into_iter())
}

/// Labels renumbered 0.. in order of first appearance.
fn relabel(labels: &[u32]) -> Vec<u32> {
    let mut map: BTreeMap<u32, u32> = BTreeMap::new();
    labels
        .iter()
        .map(|&l| {
            let next = map.len() as u32;
            *map.entry(l).or_insert(next)
        })
        .collect()
}

/// Fisher–Yates with SplitMix64 steps from `state`.
fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        items.swap(i, (z % (i as u64 + 1)) as usize);
    }
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
