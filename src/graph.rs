//! The conversation graph G (ANALYSIS.md §2) on plain arrays.
//!
//! Nodes are participants, numbered `0..n`; `arcs` are the directed, weighted ties (reply
//! and mention interactions, repeats summed); `undirected` is the simple undirected
//! projection in CSR form. Searches are iterative: browser wasm has about 1 MiB of stack.

use std::collections::{BTreeMap, VecDeque};

use crate::interactions::Interaction;
use crate::model::PersonIdx;

/// Adjacency in compressed sparse row form: node `v`'s neighbours are
/// `targets[offsets[v]..offsets[v + 1]]`, sorted, without repeats or self-loops.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds the simple undirected graph on `n` nodes from `pairs` (either direction;
    /// repeats, self-loops and out-of-range ends are dropped).
    pub fn undirected(n: usize, pairs: impl Iterator<Item = (u32, u32)>) -> Csr {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (a, b) in pairs {
            if a == b || a as usize >= n || b as usize >= n {
                continue;
            }
            if let Some(l) = lists.get_mut(a as usize) {
                l.push(b);
            }
            if let Some(l) = lists.get_mut(b as usize) {
                l.push(a);
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        offsets.push(0);
        for mut l in lists {
            l.sort_unstable();
            l.dedup();
            targets.extend_from_slice(&l);
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
            label[start] = id;
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
        let n = self.node_count();
        let mut centrality = vec![0.0; n];
        let mut order = Vec::with_capacity(n);
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        let mut delta = vec![0.0f64; n];
        let mut queue = VecDeque::new();
        for s in 0..n {
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
        centrality.iter_mut().for_each(|c| *c /= 2.0);
        centrality
    }
}

/// The conversation graph over participants.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// Node → person.
    pub people: Vec<PersonIdx>,
    /// Person → node, `None` for people who are not participants.
    pub node_of: Vec<Option<u32>>,
    /// Directed ties `(from, to) → interactions`, ordered for reproducibility.
    pub arcs: BTreeMap<(u32, u32), u32>,
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
        let mut arcs = BTreeMap::new();
        for i in interactions {
            let ends = (node_of.get(i.from as usize), node_of.get(i.to as usize));
            if let (Some(Some(a)), Some(Some(b))) = ends {
                *arcs.entry((*a, *b)).or_insert(0) += 1;
            }
        }
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
        let kept = |v: u32| keep.get(v as usize).copied().unwrap_or(false);
        Csr::undirected(
            self.node_count(),
            self.arcs
                .keys()
                .copied()
                .filter(|&(a, b)| kept(a) && kept(b)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: u32) -> Csr {
        Csr::undirected(n as usize, (1..n).map(|v| (v - 1, v)))
    }

    #[test]
    fn csr_drops_repeats_and_loops() {
        let g = Csr::undirected(3, [(0, 1), (1, 0), (1, 1), (2, 9)].into_iter());
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.neighbors(1), &[0]);
        assert_eq!(g.neighbors(7), &[] as &[u32]);
    }

    #[test]
    fn components_and_sizes() {
        let g = Csr::undirected(5, [(0, 1), (3, 4)].into_iter());
        let (label, sizes) = g.components();
        assert_eq!(label, vec![0, 0, 1, 2, 2]);
        assert_eq!(sizes, vec![2, 1, 2]);
        assert_eq!(Csr::default().components().1, Vec::<usize>::new());
    }

    #[test]
    fn two_core_of_a_triangle_with_a_tail() {
        let g = Csr::undirected(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4)].into_iter());
        assert_eq!(g.k_core(2), vec![true, true, true, false, false]);
        assert!(path(4).k_core(2).iter().all(|&x| !x));
    }

    #[test]
    fn articulation_points_and_what_they_cut_off() {
        // 0-1-2 path, 2 joined to a triangle 2-3-4; 5 isolated.
        let g = Csr::undirected(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 2)].into_iter());
        assert_eq!(g.articulation_points(), vec![0, 1, 2, 0, 0, 0]);
        // a star: the centre (a search root) cuts off all leaves but one part
        let star = Csr::undirected(5, (1..5).map(|v| (0, v)));
        assert_eq!(star.articulation_points(), vec![3, 0, 0, 0, 0]);
        // networkx.articulation_points of a cycle: none
        assert!(
            Csr::undirected(4, [(0, 1), (1, 2), (2, 3), (3, 0)].into_iter())
                .articulation_points()
                .iter()
                .all(|&c| c == 0)
        );
    }

    #[test]
    fn betweenness_of_a_path_matches_networkx() {
        // networkx.betweenness_centrality(nx.path_graph(4), normalized=False) → 0, 2, 2, 0
        assert_eq!(path(4).betweenness(), vec![0.0, 2.0, 2.0, 0.0]);
        // a star with 4 leaves: the centre lies on all C(4,2) = 6 leaf pairs
        let star = Csr::undirected(5, (1..5).map(|v| (0, v)));
        assert_eq!(star.betweenness().first().copied(), Some(6.0));
    }
}
