//! Stable sorting that costs the page's wasm one copy of the sort.
//!
//! The standard library's stable sort is compiled once per element type and comparison;
//! with some forty sorts in the crates that made about 160 KB of the page's raw wasm
//! (docs/PERFORMANCE.md "Wasm size"). On wasm32 [`StableSort`] sorts the positions
//! `0..len` (one compiled sort for every caller, the comparison behind a `dyn`) and then
//! moves the items into that order; natively it is the standard sort, so the CLI keeps
//! its speed. Both keep equal items in their order, so the two give the same result.

use std::cmp::Ordering;

/// Stable in-place sorts of a slice; same results as `slice::sort_by` and its kin.
pub trait StableSort<T> {
    /// Sorts by `compare`, keeping equal items in their order.
    fn stable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering);

    /// Sorts by the key `key` gives, keeping items with equal keys in their order.
    fn stable_sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        self.stable_sort_by(|a, b| key(a).cmp(&key(b)));
    }

    /// Sorts ascending, keeping equal items in their order.
    fn stable_sort(&mut self)
    where
        T: Ord,
    {
        self.stable_sort_by(T::cmp);
    }
}

impl<T> StableSort<T> for [T] {
    #[cfg(not(target_arch = "wasm32"))]
    fn stable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering) {
        self.sort_by(compare);
    }

    #[cfg(target_arch = "wasm32")]
    fn stable_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering) {
        by_positions(self, compare);
    }
}

/// Sorts `items` by sorting their positions, then moving each item once along the cycles
/// of that permutation.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut by_index = |a: usize, b: usize| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => compare(x, y),
        _ => Ordering::Equal,
    };
    let order = sorted_positions(items.len(), &mut by_index);
    apply(items, &order);
}

/// The positions `0..len` in stable order by `compare`: the only compiled sort.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, walking each
/// cycle of the permutation once with swaps.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn apply<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while let Some(false) = placed.get(at).copied() {
            if let Some(done) = placed.get_mut(at) {
                *done = true;
            }
            match order.get(at).copied() {
                Some(next) if next != start && next < items.len() => {
                    items.swap(at, next);
                    at = next;
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_positions_matches_the_standard_stable_sort() {
        let mut seed = 7_u64;
        for len in [0, 1, 2, 5, 31, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut got = items;
            by_positions(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "len {len}");
        }
    }

    #[test]
    fn the_trait_sorts_by_key_and_plainly() {
        let mut words = vec!["pear", "fig", "apple", "kiwi"];
        words.stable_sort_by_key(|w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
        words.stable_sort();
        assert_eq!(words, ["apple", "fig", "kiwi", "pear"]);
    }
}
