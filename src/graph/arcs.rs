//! The directed, weighted ties of G: each `(from, to)` pair once, with how many
//! interactions it carries, in one sorted array.

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
    pub fn from_pairs(mut pairs: Vec<(u32, u32)>) -> Arcs {
        pairs.sort_unstable();
        let mut ties: Vec<Arc> = Vec::new();
        for pair in pairs {
            match ties.last_mut() {
                Some((last, count)) if *last == pair => *count += 1,
                _ => ties.push((pair, 1)),
            }
        }
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
// A failing test may panic: that is how it fails.
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
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
    fn no_pairs_no_ties() {
        let arcs = Arcs::from_pairs(Vec::new());
        assert!(arcs.is_empty());
        assert_eq!(arcs.get(&(0, 0)), None);
        assert_eq!(arcs.keys().count(), 0);
    }
}
