//! The directed, weighted ties of G: each `(from, to)` pair once, with how many
//! interactions it carries, in one sorted array.

/// The targets of `pairs` grouped by source: `(starts, targets)` where source `v`'s
/// targets are `targets[starts[v]..starts[v + 1]]`, sorted. A counting sort on the source
/// and a sort per group: about twice as fast as sorting a million pairs as one array.
fn rows_by_source(pairs: &[(u32, u32)]) -> (Vec<usize>, Vec<u32>) {
    let n = pairs
        .iter()
        .map(|&(a, _)| a as usize + 1)
        .max()
        .unwrap_or(0);
    let mut starts = vec![0usize; n + 1];
    for &(a, _) in pairs {
        if let Some(s) = starts.get_mut(a as usize + 1) {
            *s += 1;
        }
    }
    for v in 0..n {
        let before = starts.get(v).copied().unwrap_or(0);
        if let Some(s) = starts.get_mut(v + 1) {
            *s += before;
        }
    }
    let mut fill = starts.clone();
    let mut targets = vec![0u32; pairs.len()];
    for &(a, b) in pairs {
        if let Some(at) = fill.get_mut(a as usize) {
            if let Some(slot) = targets.get_mut(*at) {
                *slot = b;
            }
            *at += 1;
        }
    }
    for v in 0..n {
        if let (Some(&s), Some(&e)) = (starts.get(v), starts.get(v + 1)) {
            if let Some(row) = targets.get_mut(s..e) {
                // The standard sort, whose `u32` copy `csr.rs` uses too.
                row.sort_unstable();
            }
        }
    }
    (starts, targets)
}

/// One directed tie and its interaction count.
pub type Arc = ((u32, u32), u32);

/// Directed ties sorted by `(from, to)`, each pair once with its count (≥ 1).
///
/// A sorted vector rather than a map: built once by sorting (on a million interactions a
/// tree map spent most of the graph build in node allocation and pointer chasing), read
/// many times in order, looked up by binary search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arcs {
    ties: Vec<Arc>,
}

impl Arcs {
    /// From one `(from, to)` pair per interaction, repeats counted. Empty → no ties.
    pub fn from_pairs(pairs: Vec<(u32, u32)>) -> Arcs {
        let (starts, targets) = rows_by_source(&pairs);
        let mut ties: Vec<Arc> = Vec::with_capacity(pairs.len());
        for (from, ends) in starts.windows(2).enumerate() {
            let row = ends
                .first()
                .zip(ends.get(1))
                .and_then(|(&s, &e)| targets.get(s..e))
                .unwrap_or(&[]);
            for &to in row {
                let pair = (from as u32, to);
                match ties.last_mut() {
                    Some((last, count)) if *last == pair => *count += 1,
                    _ => ties.push((pair, 1)),
                }
            }
        }
        // Room was made for one tie per interaction; a graph keeps far fewer (a chat of 300
        // people has at most 90 000), and the trend keeps a graph per period.
        ties.shrink_to_fit();
        Arcs { ties }
    }

    /// Number of distinct directed ties.
    pub fn len(&self) -> usize {
        self.ties.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ties.is_empty()
    }

    /// Ties with their counts, in `(from, to)` order.
    pub fn iter(&self) -> ArcIter<'_> {
        self.into_iter()
    }

    /// The `(from, to)` pairs, in order.
    pub fn keys(&self) -> impl Iterator<Item = &(u32, u32)> + '_ {
        self.ties.iter().map(|(pair, _)| pair)
    }

    /// Interactions from `pair.0` to `pair.1`, if they are tied.
    pub fn get(&self, pair: &(u32, u32)) -> Option<u32> {
        self.ties
            .binary_search_by(|(p, _)| p.cmp(pair))
            .ok()
            .and_then(|at| self.ties.get(at))
            .map(|&(_, count)| count)
    }

    pub fn contains_key(&self, pair: &(u32, u32)) -> bool {
        self.get(pair).is_some()
    }
}

/// Borrowed `(pair, count)` items, like a map's iterator.
pub type ArcIter<'a> =
    std::iter::Map<std::slice::Iter<'a, Arc>, fn(&'a Arc) -> (&'a (u32, u32), &'a u32)>;

fn split(tie: &Arc) -> (&(u32, u32), &u32) {
    (&tie.0, &tie.1)
}

impl<'a> IntoIterator for &'a Arcs {
    type Item = (&'a (u32, u32), &'a u32);
    type IntoIter = ArcIter<'a>;

    fn into_iter(self) -> ArcIter<'a> {
        self.ties
            .iter()
            .map(split as fn(&'a Arc) -> (&'a (u32, u32), &'a u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_counted_and_pairs_sorted() {
        let arcs = Arcs::from_pairs(vec![(2, 1), (0, 1), (2, 1), (1, 0), (2, 1)]);
        let all: Vec<((u32, u32), u32)> = arcs.iter().map(|(&p, &w)| (p, w)).collect();
        assert_eq!(all, vec![((0, 1), 1), ((1, 0), 1), ((2, 1), 3)]);
        assert_eq!(arcs.len(), 3);
        assert_eq!(arcs.get(&(2, 1)), Some(3));
        assert!(arcs.contains_key(&(1, 0)));
        assert!(!arcs.contains_key(&(1, 2)));
    }

    #[test]
    fn grouping_by_source_equals_sorting_all_pairs() {
        let mut rng = crate::model::random::SplitMix(7);
        let pairs: Vec<(u32, u32)> = (0..5000)
            .map(|_| (rng.below(300) as u32, rng.below(300) as u32))
            .collect();
        let mut sorted = pairs.clone();
        sorted.sort_unstable();
        let mut expected: Vec<Arc> = Vec::new();
        for pair in sorted {
            match expected.last_mut() {
                Some((last, count)) if *last == pair => *count += 1,
                _ => expected.push((pair, 1)),
            }
        }
        let got: Vec<Arc> = Arcs::from_pairs(pairs)
            .iter()
            .map(|(&p, &w)| (p, w))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn no_pairs_no_ties() {
        let arcs = Arcs::from_pairs(Vec::new());
        assert!(arcs.is_empty());
        assert_eq!(arcs.get(&(0, 0)), None);
        assert_eq!(arcs.keys().count(), 0);
    }
}
