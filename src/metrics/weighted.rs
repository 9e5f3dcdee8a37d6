//! An undirected weighted graph in compressed sparse row form, and modularity on it:
//! what Louvain (see [`super::louvain`]) moves nodes around on.

use std::collections::HashMap;

/// Undirected weighted graph: node `v`'s ties are `targets[offsets[v]..offsets[v + 1]]`
/// with `weights` alongside, sorted by target, repeats summed. A self-loop is stored once
/// and carries twice its weight in the node's degree, as in the modularity formula.
#[derive(Debug, Clone, Default)]
pub struct Weighted {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    degree: Vec<f64>,
}

impl Weighted {
    /// From `(a, b, weight)` ties (either direction; repeats add up; ends ≥ `n` dropped).
    pub fn new(n: usize, ties: impl Iterator<Item = (u32, u32, f64)>) -> Weighted {
        let ties: Vec<(u32, u32, f64)> = ties
            .filter(|&(a, b, _)| (a as usize) < n && (b as usize) < n)
            .collect();
        // Counting sort into rows, then each row sorted and merged: one allocation for
        // the whole graph instead of a vector per node.
        let mut offsets = vec![0usize; n + 1];
        for &(a, b, _) in &ties {
            offsets[a as usize + 1] += 1;
            if a != b {
                offsets[b as usize + 1] += 1;
            }
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let mut fill = offsets.clone();
        let mut entries = vec![(0u32, 0.0f64); offsets[n]];
        for &(a, b, w) in &ties {
            entries[fill[a as usize]] = (b, w);
            fill[a as usize] += 1;
            if a != b {
                entries[fill[b as usize]] = (a, w);
                fill[b as usize] += 1;
            }
        }
        let (mut targets, mut weights) = (Vec::with_capacity(entries.len()), Vec::new());
        weights.reserve(entries.len());
        let mut start = 0;
        for v in 0..n {
            let row = &mut entries[start..offsets[v + 1]];
            row.sort_unstable_by_key(|&(u, _)| u);
            start = offsets[v + 1];
            offsets[v + 1] = offsets[v];
            for &(u, w) in row.iter() {
                let repeat = targets.len() > offsets[v] && targets.last() == Some(&u);
                if let (true, Some(last)) = (repeat, weights.last_mut()) {
                    *last += w;
                } else {
                    targets.push(u);
                    weights.push(w);
                }
            }
            offsets[v + 1] = targets.len();
        }
        let degree = (0..n)
            .map(|v| {
                let (t, w) = (
                    &targets[offsets[v]..offsets[v + 1]],
                    &weights[offsets[v]..offsets[v + 1]],
                );
                t.iter()
                    .zip(w)
                    .map(|(&u, &w)| if u as usize == v { 2.0 * w } else { w })
                    .sum()
            })
            .collect();
        Weighted {
            offsets,
            targets,
            weights,
            degree,
        }
    }

    pub fn node_count(&self) -> usize {
        self.degree.len()
    }

    /// Node `v`'s ties: neighbours and weights, in neighbour order. Out of range → none.
    pub fn ties(&self, v: usize) -> (&[u32], &[f64]) {
        match (self.offsets.get(v), self.offsets.get(v + 1)) {
            (Some(&s), Some(&e)) => (
                self.targets.get(s..e).unwrap_or(&[]),
                self.weights.get(s..e).unwrap_or(&[]),
            ),
            _ => (&[], &[]),
        }
    }

    /// Weighted degree (self-loops twice); 0 out of range.
    pub fn degree(&self, v: usize) -> f64 {
        self.degree.get(v).copied().unwrap_or(0.0)
    }

    /// Twice the total edge weight.
    pub fn two_m(&self) -> f64 {
        self.degree.iter().sum()
    }
}

/// Modularity of `community` (a label per node) at resolution 1:
/// Σ_c [ L_c / m − (d_c / 2m)² ]. In −0.5..1; `None` when the graph has no edges.
/// Nodes past the end of `community` share one extra community.
pub fn modularity(g: &Weighted, community: &[u32]) -> Option<f64> {
    let two_m = g.two_m();
    if two_m <= 0.0 {
        return None;
    }
    // Labels made dense (in order of first node) so the sums run in a fixed order: the
    // same partition always gives the same bits.
    let mut dense: HashMap<u32, usize> = HashMap::new();
    let label: Vec<usize> = (0..g.node_count())
        .map(|v| {
            let next = dense.len();
            *dense
                .entry(community.get(v).copied().unwrap_or(u32::MAX))
                .or_insert(next)
        })
        .collect();
    // Per community: (weight inside, total degree).
    let mut sums = vec![(0.0f64, 0.0f64); dense.len()];
    for (v, &c) in label.iter().enumerate() {
        let (targets, weights) = g.ties(v);
        let inside: f64 = targets
            .iter()
            .zip(weights)
            .filter(|(&u, _)| label.get(u as usize) == Some(&c))
            // each internal edge is seen from both ends; a self-loop once but counts double
            .map(|(&u, &w)| if u as usize == v { 2.0 * w } else { w })
            .sum();
        if let Some(entry) = sums.get_mut(c) {
            entry.0 += inside;
            entry.1 += g.degree(v);
        }
    }
    Some(
        sums.iter()
            .map(|&(inside, total)| inside / two_m - (total / two_m).powi(2))
            .sum(),
    )
}
