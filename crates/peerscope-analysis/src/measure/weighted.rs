//! An undirected weighted graph in compressed sparse row form, and modularity on it:
//! what Louvain (see [`super::louvain`]) moves nodes around on (docs/METRICS.md §4).

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
        let mut lengths = vec![0usize; n];
        for &(a, b, _) in &ties {
            bump(&mut lengths, a);
            if a != b {
                bump(&mut lengths, b);
            }
        }
        let mut fill: Vec<usize> = lengths
            .iter()
            .scan(0, |next, &len| {
                let start = *next;
                *next += len;
                Some(start)
            })
            .collect();
        let mut entries = vec![(0u32, 0.0f64); lengths.iter().sum()];
        for &(a, b, w) in &ties {
            place(&mut entries, &mut fill, a, (b, w));
            if a != b {
                place(&mut entries, &mut fill, b, (a, w));
            }
        }
        let mut g = Weighted {
            offsets: Vec::with_capacity(n + 1),
            targets: Vec::with_capacity(entries.len()),
            weights: Vec::with_capacity(entries.len()),
            degree: Vec::with_capacity(n),
        };
        g.offsets.push(0);
        let mut rest = entries.as_mut_slice();
        for (v, &len) in lengths.iter().enumerate() {
            let Some((row, tail)) = rest.split_at_mut_checked(len) else {
                break;
            };
            rest = tail;
            g.push_row(v, row);
        }
        g
    }

    /// Appends node `v`'s row: its ties sorted by neighbour, repeats summed.
    fn push_row(&mut self, v: usize, row: &mut [(u32, f64)]) {
        by_neighbour(row);
        let start = self.targets.len();
        let mut degree = 0.0;
        for &(u, w) in row.iter() {
            degree += if u as usize == v { 2.0 * w } else { w };
            let repeat = self.targets.len() > start && self.targets.last() == Some(&u);
            if let (true, Some(last)) = (repeat, self.weights.last_mut()) {
                *last += w;
            } else {
                self.targets.push(u);
                self.weights.push(w);
            }
        }
        self.offsets.push(self.targets.len());
        self.degree.push(degree);
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

    /// The same graph with node `v` renamed `rank[v]`; `rank` must be a permutation of
    /// 0..n (a node it does not rename keeps no ties).
    ///
    /// Rows are moved whole and only re-sorted, not rebuilt from a tie list: on 2 M
    /// entries that is half the work of [`Weighted::new`].
    pub fn relabeled(&self, rank: &[u32]) -> Weighted {
        let n = self.node_count();
        let mut old_of = vec![u32::MAX; n];
        for (v, &r) in rank.iter().enumerate().take(n) {
            if let Some(slot) = old_of.get_mut(r as usize) {
                *slot = v as u32;
            }
        }
        let to = |u: u32| rank.get(u as usize).copied().unwrap_or(u32::MAX);
        let mut g = Weighted {
            offsets: Vec::with_capacity(n + 1),
            targets: Vec::with_capacity(self.targets.len()),
            weights: Vec::with_capacity(self.weights.len()),
            degree: Vec::with_capacity(n),
        };
        g.offsets.push(0);
        let mut row: Vec<(u32, f64)> = Vec::new();
        for &old in &old_of {
            let (targets, weights) = self.ties(old as usize);
            row.clear();
            row.extend(targets.iter().zip(weights).map(|(&u, &w)| (to(u), w)));
            by_neighbour(&mut row);
            g.targets.extend(row.iter().map(|&(u, _)| u));
            g.weights.extend(row.iter().map(|&(_, w)| w));
            g.offsets.push(g.targets.len());
            g.degree.push(self.degree(old as usize));
        }
        g
    }

    /// Twice the total edge weight.
    pub fn two_m(&self) -> f64 {
        self.degree.iter().sum()
    }
}

/// One more tie in `row`'s count.
fn bump(lengths: &mut [usize], row: u32) {
    if let Some(len) = lengths.get_mut(row as usize) {
        *len += 1;
    }
}

/// `item` into the next free slot of `row` (counting sort's second pass).
fn place(entries: &mut [(u32, f64)], fill: &mut [usize], row: u32, item: (u32, f64)) {
    if let Some(at) = fill.get_mut(row as usize) {
        if let Some(slot) = entries.get_mut(*at) {
            *slot = item;
        }
        *at += 1;
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

/// Sorts a row's ties by neighbour. The standard unstable sort, not the page's shared one
/// of `crate::model::stable_sort`: repeats are summed in the order this leaves them, and a
/// different order of equal neighbours could change a sum's last bits. One function, so
/// both rows compile one sort.
fn by_neighbour(row: &mut [(u32, f64)]) {
    row.sort_unstable_by_key(|&(u, _)| u);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path 0–1–2–3 with weights 1, 2, 3 and a self-loop of 4 on node 3.
    fn path() -> Weighted {
        Weighted::new(
            4,
            [(0, 1, 1.0), (2, 1, 2.0), (2, 3, 3.0), (3, 3, 4.0)].into_iter(),
        )
    }

    #[test]
    fn relabeling_moves_rows_and_keeps_every_tie() {
        let rank = [2u32, 0, 3, 1];
        let g = path().relabeled(&rank);
        // old 1 is new 0: tied to old 0 (new 2) by 1 and old 2 (new 3) by 2, sorted.
        assert_eq!(g.ties(0), (&[2u32, 3][..], &[1.0, 2.0][..]));
        // old 3 is new 1: its self-loop (new 1) and old 2 (new 3).
        assert_eq!(g.ties(1), (&[1u32, 3][..], &[4.0, 3.0][..]));
        assert_eq!(g.degree(1), 3.0 + 2.0 * 4.0);
        assert_eq!(g.two_m(), path().two_m());
        // The same partition, renamed, has the same modularity to the last bit.
        let before = modularity(&path(), &[0, 0, 1, 1]).unwrap();
        let after = modularity(&g, &[0, 1, 0, 1]).unwrap();
        assert_eq!(before.to_bits(), after.to_bits());
    }

    #[test]
    fn relabeling_an_empty_graph_gives_an_empty_graph() {
        let g = Weighted::new(0, std::iter::empty()).relabeled(&[]);
        assert_eq!(g.node_count(), 0);
        assert_eq!(g.two_m(), 0.0);
    }
}
