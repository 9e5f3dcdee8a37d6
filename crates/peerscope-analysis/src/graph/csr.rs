//! Simple undirected graphs in compressed sparse row form, and the searches the metrics
//! run on them (components, k-core, articulation points, betweenness). Searches are
//! iterative: browser wasm has about 1 MiB of stack.

use std::collections::VecDeque;

/// Adjacency in compressed sparse row form: node `v`'s neighbours are
/// `targets[offsets[v]..offsets[v + 1]]`, sorted, without repeats or self-loops.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds the simple undirected graph on `n` nodes from `pairs` (either direction;
    /// repeats, self-loops and out-of-range ends are dropped). O(n + m log d).
    pub fn undirected(n: usize, pairs: impl Iterator<Item = (u32, u32)>) -> Csr {
        let pairs: Vec<(u32, u32)> = pairs
            .filter(|&(a, b)| a != b && (a as usize) < n && (b as usize) < n)
            .collect();
        // Counting sort into rows (one allocation, not a vector per node: on 100 k nodes
        // the per-node vectors cost more than the edges), then sort and dedup each row.
        let mut offsets = vec![0u32; n + 1];
        for &(a, b) in &pairs {
            for v in [a, b] {
                if let Some(o) = offsets.get_mut(v as usize + 1) {
                    *o += 1;
                }
            }
        }
        for v in 0..n {
            let before = offsets.get(v).copied().unwrap_or(0);
            if let Some(o) = offsets.get_mut(v + 1) {
                *o += before;
            }
        }
        let mut fill: Vec<u32> = offsets.clone();
        let mut targets = vec![0u32; pairs.len() * 2];
        for &(a, b) in &pairs {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(at) = fill.get_mut(from as usize) {
                    if let Some(slot) = targets.get_mut(*at as usize) {
                        *slot = to;
                    }
                    *at += 1;
                }
            }
        }
        compact_rows(&mut offsets, &mut targets);
        Csr { offsets, targets }
    }

    /// The same nodes with only the ties whose both ends pass `keep` (nodes past the end
    /// of `keep` fail it, and keep no ties). One sequential pass over the rows, which stay
    /// sorted: three times cheaper than rebuilding from pairs with `undirected` on 1 M ties.
    pub fn induced(&self, keep: &[bool]) -> Csr {
        let kept = |v: u32| keep.get(v as usize).copied().unwrap_or(false);
        let mut offsets = Vec::with_capacity(self.offsets.len());
        let mut targets = Vec::with_capacity(self.targets.len());
        offsets.push(0u32);
        for v in 0..self.node_count() as u32 {
            if kept(v) {
                targets.extend(self.neighbors(v).iter().copied().filter(|&u| kept(u)));
            }
            offsets.push(targets.len() as u32);
        }
        Csr { offsets, targets }
    }

    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    pub fn neighbors(&self, v: u32) -> &[u32] {
        let at = v as usize;
        match (self.offsets.get(at), self.offsets.get(at + 1)) {
            (Some(&s), Some(&e)) => self.targets.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn degree(&self, v: u32) -> usize {
        self.neighbors(v).len()
    }

    /// Connected components: a component label per node (0-based, in order of the
    /// lowest node), and each component's size.
    pub fn components(&self) -> (Vec<u32>, Vec<usize>) {
        let n = self.node_count();
        let mut label = vec![u32::MAX; n];
        let mut sizes = Vec::new();
        let mut queue = VecDeque::new();
        for start in 0..n {
            if label.get(start) != Some(&u32::MAX) {
                continue;
            }
            let id = sizes.len() as u32;
            let mut size = 0;
            if let Some(l) = label.get_mut(start) {
                *l = id;
            }
            queue.push_back(start as u32);
            while let Some(v) = queue.pop_front() {
                size += 1;
                for &w in self.neighbors(v) {
                    if let Some(l) = label.get_mut(w as usize) {
                        if *l == u32::MAX {
                            *l = id;
                            queue.push_back(w);
                        }
                    }
                }
            }
            sizes.push(size);
        }
        (label, sizes)
    }

    /// Nodes in the k-core: repeatedly peel nodes with fewer than `k` neighbours left.
    // Indexing is checked by construction here: every array is sized to the node count
    // and indexed only by node numbers taken from this CSR, whose targets are all below it
    // (`Csr::undirected` drops out-of-range ends). `get` in these inner loops would only
    // hide the algorithm.
    #[allow(clippy::indexing_slicing)]
    pub fn k_core(&self, k: usize) -> Vec<bool> {
        let n = self.node_count();
        let mut degree: Vec<usize> = (0..n as u32).map(|v| self.degree(v)).collect();
        let mut alive = vec![true; n];
        let mut stack: Vec<u32> = (0..n as u32).filter(|&v| degree[v as usize] < k).collect();
        for &v in &stack {
            alive[v as usize] = false;
        }
        while let Some(v) = stack.pop() {
            for &w in self.neighbors(v) {
                let w = w as usize;
                if alive.get(w) == Some(&true) {
                    degree[w] -= 1;
                    if degree[w] < k {
                        alive[w] = false;
                        stack.push(w as u32);
                    }
                }
            }
        }
        alive
    }

    /// Articulation points: per node, how many other nodes of its component would lose
    /// touch with the largest part left if it went away (0 when its removal splits
    /// nothing). For a hub between a big group and three loners, that is 3.
    ///
    /// Iterative Hopcroft–Tarjan, O(V + E); no recursion, so deep graphs are safe in wasm.
    // Indexing is checked by construction here: every array is sized to the node count
    // and indexed only by node numbers taken from this CSR, whose targets are all below it
    // (`Csr::undirected` drops out-of-range ends). `get` in these inner loops would only
    // hide the algorithm.
    #[allow(clippy::indexing_slicing)]
    pub fn articulation_points(&self) -> Vec<u64> {
        const UNSEEN: u32 = u32::MAX;
        let n = self.node_count();
        let mut disc = vec![UNSEEN; n];
        let mut low = vec![0u32; n];
        let mut parent = vec![UNSEEN; n];
        let mut size = vec![1u64; n];
        // Per node: total and largest size of the child subtrees its removal separates.
        let mut separated = vec![(0u64, 0u64); n];
        let mut cut = vec![0u64; n];
        let mut clock = 0u32;
        let mut stack: Vec<(u32, usize)> = Vec::new();
        let mut component: Vec<u32> = Vec::new();
        for root in 0..n as u32 {
            if disc[root as usize] != UNSEEN || self.degree(root) == 0 {
                continue;
            }
            component.clear();
            disc[root as usize] = clock;
            low[root as usize] = clock;
            clock += 1;
            stack.push((root, 0));
            while let Some(top) = stack.last_mut() {
                let (v, next) = (top.0, top.1);
                if let Some(&w) = self.neighbors(v).get(next) {
                    top.1 += 1;
                    let (vi, wi) = (v as usize, w as usize);
                    if disc[wi] == UNSEEN {
                        parent[wi] = v;
                        disc[wi] = clock;
                        low[wi] = clock;
                        clock += 1;
                        stack.push((w, 0));
                    } else if w != parent[vi] {
                        low[vi] = low[vi].min(disc[wi]);
                    }
                    continue;
                }
                stack.pop();
                component.push(v);
                let p = parent[v as usize];
                if p == UNSEEN {
                    continue;
                }
                let (vi, pi) = (v as usize, p as usize);
                low[pi] = low[pi].min(low[vi]);
                size[pi] += size[vi];
                // Every child of the root is cut off from the others without it.
                if p == root || low[vi] >= disc[pi] {
                    separated[pi].0 += size[vi];
                    separated[pi].1 = separated[pi].1.max(size[vi]);
                }
            }
            let others = size[root as usize] - 1;
            for &v in &component {
                let (sum, largest) = separated[v as usize];
                if sum > 0 {
                    let parent_side = others - sum;
                    cut[v as usize] = others - parent_side.max(largest);
                }
            }
        }
        cut
    }

    /// Betweenness centrality (Brandes, unweighted, undirected, not normalised: each
    /// unordered pair counted once). O(V·E); fine for member graphs of a few thousand.
    pub fn betweenness(&self) -> Vec<f64> {
        let mut centrality = self.dependencies(0..self.node_count() as u32);
        centrality.iter_mut().for_each(|c| *c /= 2.0);
        centrality
    }

    /// Betweenness estimated from `k` source nodes drawn with `seed` (Brandes and Pich
    /// 2007, as NetworkX's `betweenness_centrality(k=…, seed=…)`): the dependencies from
    /// the sample, scaled by n / k, on the scale of [`Csr::betweenness`]. `k` of n or
    /// more gives the exact values; an empty graph gives none. O(k·E).
    pub fn betweenness_sampled(&self, k: usize, seed: u64) -> Vec<f64> {
        let n = self.node_count();
        if k >= n {
            return self.betweenness();
        }
        let mut nodes: Vec<u32> = (0..n as u32).collect();
        crate::model::random::SplitMix(seed).shuffle(&mut nodes);
        nodes.truncate(k);
        let scale = n as f64 / k.max(1) as f64 / 2.0;
        let mut centrality = self.dependencies(nodes.into_iter());
        centrality.iter_mut().for_each(|c| *c *= scale);
        centrality
    }

    /// Σ over `sources` s of Brandes' dependency δ_s(v), per node v (each ordered pair
    /// once, so a full sum is twice the undirected betweenness).
    // Indexing is checked by construction here: every array is sized to the node count
    // and indexed only by node numbers taken from this CSR, whose targets are all below it
    // (`Csr::undirected` drops out-of-range ends). `get` in these inner loops would only
    // hide the algorithm.
    #[allow(clippy::indexing_slicing)]
    fn dependencies(&self, sources: impl Iterator<Item = u32>) -> Vec<f64> {
        let n = self.node_count();
        let mut centrality = vec![0.0; n];
        let mut order = Vec::with_capacity(n);
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        let mut delta = vec![0.0f64; n];
        let mut queue = VecDeque::new();
        for s in sources {
            let s = s as usize;
            if s >= n {
                continue;
            }
            order.clear();
            sigma.iter_mut().for_each(|x| *x = 0.0);
            dist.iter_mut().for_each(|x| *x = -1);
            delta.iter_mut().for_each(|x| *x = 0.0);
            sigma[s] = 1.0;
            dist[s] = 0;
            queue.push_back(s as u32);
            while let Some(v) = queue.pop_front() {
                order.push(v);
                let dv = dist[v as usize];
                for &w in self.neighbors(v) {
                    let w = w as usize;
                    if dist[w] < 0 {
                        dist[w] = dv + 1;
                        queue.push_back(w as u32);
                    }
                    if dist[w] == dv + 1 {
                        sigma[w] += sigma[v as usize];
                    }
                }
            }
            for &w in order.iter().rev() {
                let w = w as usize;
                for &v in self.neighbors(w as u32) {
                    let v = v as usize;
                    if dist[v] == dist[w] - 1 && sigma[w] > 0.0 {
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                    }
                }
                if w != s {
                    centrality[w] += delta[w];
                }
            }
        }
        centrality
    }
}

/// Sorts each row of a CSR in place, drops repeated targets, and closes the gaps, fixing
/// `offsets` to match.
fn compact_rows(offsets: &mut [u32], targets: &mut Vec<u32>) {
    let mut write = 0usize;
    let mut start = 0usize;
    for v in 0..offsets.len().saturating_sub(1) {
        let end = offsets.get(v + 1).copied().unwrap_or(0) as usize;
        if let Some(row) = targets.get_mut(start..end) {
            // The standard sort, whose `u32` copy `arcs.rs` uses too.
            row.sort_unstable();
        }
        let mut last = None;
        for at in start..end {
            let t = targets.get(at).copied();
            if t != last {
                if let (Some(t), Some(slot)) = (t, targets.get_mut(write)) {
                    *slot = t;
                }
                write += 1;
                last = t;
            }
        }
        start = end;
        if let Some(o) = offsets.get_mut(v + 1) {
            *o = write as u32;
        }
    }
    targets.truncate(write);
}

#[cfg(test)]
mod tests;
