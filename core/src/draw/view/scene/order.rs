//! The two orders the scene's build needs, in time proportional to what is drawn: people
//! by degree and ties by weight (a stable order by a `u32` key, [`by_key`]), and the few
//! names worth placing out of everyone drawn ([`smallest`]).
//!
//! Both give exactly what a stable sort would (equal keys keep their positions' order),
//! so the picture, its overlaps and the names chosen do not change. On wasm a stable sort
//! goes through [`crate::model::stable_sort`]'s sort of positions with its comparison
//! behind a `dyn`; with 49 000 people and 100 000 ties that was most of a build.

/// Bits of the key placed per pass: 2 048 counters, small enough to stay in cache, and one
/// pass for keys below 2 048 (most degrees and weights).
const DIGIT: u32 = 11;

/// The positions `0..keys.len()` ordered by `keys`, ascending, equal keys in position
/// order: the order a stable sort by key gives. A least-significant-digit radix sort, one
/// counting pass per 11 bits of the largest key (1–3 passes), so O(len) with no
/// comparison. Empty `keys`: empty. Positions are `u32`: at most 4 294 967 295 keys.
pub fn by_key(keys: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    let largest = keys.iter().copied().max().unwrap_or(0);
    let mut spare = vec![0u32; keys.len()];
    let mut counts = vec![0usize; 1 << DIGIT];
    let mut shift = 0;
    loop {
        pass(keys, shift, (&order, &mut spare), &mut counts);
        std::mem::swap(&mut order, &mut spare);
        shift += DIGIT;
        if shift >= u32::BITS || largest >> shift == 0 {
            return order;
        }
    }
}

/// One counting pass on the digit of `keys` at `shift`: `from`'s positions into `to`,
/// stably (positions with equal digits keep their order in `from`).
fn pass(keys: &[u32], shift: u32, (from, to): (&[u32], &mut [u32]), counts: &mut [usize]) {
    let mask = (1u32 << DIGIT) - 1;
    let digit = |p: u32| ((keys.get(p as usize).copied().unwrap_or(0) >> shift) & mask) as usize;
    counts.fill(0);
    for &p in from {
        if let Some(c) = counts.get_mut(digit(p)) {
            *c += 1;
        }
    }
    // Each digit's first slot: the count of the smaller digits.
    let mut total = 0;
    for c in counts.iter_mut() {
        let here = *c;
        *c = total;
        total += here;
    }
    for &p in from {
        if let Some(c) = counts.get_mut(digit(p)) {
            if let Some(slot) = to.get_mut(*c) {
                *slot = p;
            }
            *c += 1;
        }
    }
}

/// The positions of the `k` smallest of `keys`, smallest first, equal keys in position
/// order: the first `k` of a stable sort, in one pass that keeps only `k` (O(len · k) at
/// worst, about O(len) when few keys beat the `k` kept). `k` 0 or no keys: empty.
pub fn smallest<K: Ord>(k: usize, keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let mut kept: Vec<(K, usize)> = Vec::with_capacity(k + 1);
    if k == 0 {
        return Vec::new();
    }
    for (p, key) in keys.into_iter().enumerate() {
        // A key equal to the last kept comes later, so it loses to it.
        if kept.len() == k && kept.last().is_some_and(|(worst, _)| key >= *worst) {
            continue;
        }
        let at = kept.partition_point(|(other, _)| *other <= key);
        kept.insert(at, (key, p));
        kept.truncate(k);
    }
    kept.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::random::SplitMix;
    use crate::model::stable_sort::StableSort;

    /// `n` keys below `bound`: many ties when `bound` is small.
    fn keys(rng: &mut SplitMix, n: usize, bound: u64) -> Vec<u32> {
        (0..n).map(|_| rng.below(bound) as u32).collect()
    }

    fn stable(keys: &[u32]) -> Vec<u32> {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.stable_sort_by_key(|&p| keys[p as usize]);
        order
    }

    #[test]
    fn by_key_is_a_stable_sort_whatever_the_keys() {
        let mut rng = SplitMix(11);
        for (n, bound) in [
            (0, 1),
            (1, 1),
            (500, 1),
            (3000, 5),
            (3000, 2048),
            (3000, 2049),
        ] {
            let k = keys(&mut rng, n, bound);
            assert_eq!(by_key(&k), stable(&k), "{n} keys below {bound}");
        }
        for bound in [1 << 22, (1 << 22) + 1, u64::from(u32::MAX) + 1] {
            let mut k = keys(&mut rng, 5000, bound);
            k.extend([0, u32::MAX, u32::MAX, 0, 7, 7]);
            assert_eq!(by_key(&k), stable(&k), "keys below {bound}");
        }
    }

    #[test]
    fn smallest_is_the_head_of_a_stable_sort() {
        let mut rng = SplitMix(5);
        for (n, bound, k) in [
            (0, 3, 10),
            (4, 3, 10),
            (3000, 3, 10),
            (3000, 900, 10),
            (50, 4, 0),
        ] {
            let pairs: Vec<(u32, u32)> = (0..n)
                .map(|_| (rng.below(3) as u32, rng.below(bound) as u32))
                .collect();
            let mut want: Vec<usize> = (0..n).collect();
            want.stable_sort_by_key(|&p| pairs[p]);
            want.truncate(k);
            assert_eq!(
                smallest(k, pairs.iter().copied()),
                want,
                "{n} below {bound}"
            );
        }
    }
}
