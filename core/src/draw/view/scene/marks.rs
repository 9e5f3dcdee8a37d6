//! What a grid found, put in drawing order by marking it instead of sorting it.
//!
//! A grid query answers positions in the scene's dots or ties in the grid's order; the 2D
//! canvas draws them in the scene's order, and a frame keeps only the heaviest ties its
//! budget allows (the last positions). Sorting every tie in view for that was about a fifth
//! of the first canvas frame on the 1 M-message export (a few hundred thousand ties, of
//! which the frame drew 24 000; docs/PERFORMANCE.md, "Frames at 1 M, session 14"). Marking
//! each position in a bitset and reading the marks back from the last costs one pass over
//! the found positions and one over the bitset (one bit per dot or tie of the scene).

/// Leaves in `out[from..]` the largest `most` of the positions there, ascending: what
/// sorting them and keeping the last `most` gives. The positions must be below `bound`
/// (the length of the list they index) and each found once, as a grid's answer is; one
/// at or past `bound` is dropped, and a repeated one kept once. `most` 0, or nothing from
/// `from` on: nothing is left there.
pub(super) fn last_in_order(out: &mut Vec<u32>, from: usize, bound: usize, most: usize) {
    let Some(found) = out.get(from..) else {
        return;
    };
    let mut marks = vec![0u64; bound.div_ceil(64)];
    for &k in found {
        if let Some(word) = marks.get_mut(k as usize / 64) {
            *word |= 1 << (k % 64);
        }
    }
    out.truncate(from);
    // From the last word down: the heaviest ties first, until `most` are taken.
    for (w, &word) in marks.iter().enumerate().rev() {
        let mut bits = word;
        while bits != 0 && out.len() - from < most {
            let top = u64::BITS - 1 - bits.leading_zeros();
            out.push(w as u32 * 64 + top);
            bits &= !(1u64 << top);
        }
    }
    if let Some(taken) = out.get_mut(from..) {
        taken.reverse();
    }
}

#[cfg(test)]
mod tests {
    // Test code: a failing check panics, which is how a test fails.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;
    use crate::model::random::SplitMix;

    /// What the sort gave: `found` sorted, its last `most`.
    fn sorted(found: &[u32], most: usize) -> Vec<u32> {
        let mut all = found.to_vec();
        all.sort_unstable();
        let skip = all.len().saturating_sub(most);
        all.split_off(skip)
    }

    #[test]
    fn the_same_as_sorting_and_keeping_the_last() {
        let mut rng = SplitMix(7);
        for (bound, most) in [
            (1, 1),
            (64, 10),
            (65, 65),
            (1000, 3),
            (5000, 5000),
            (130, 0),
        ] {
            let mut found: Vec<u32> = (0..bound as u32).filter(|_| rng.unit() < 0.4).collect();
            // A grid's order: shuffled.
            for i in (1..found.len()).rev() {
                found.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let mut out = vec![99, 98];
            out.extend(&found);
            last_in_order(&mut out, 2, bound, most);
            assert_eq!(out[..2], [99, 98], "what was there before stays");
            assert_eq!(
                out[2..],
                sorted(&found, most)[..],
                "bound {bound}, most {most}"
            );
        }
    }

    #[test]
    fn out_of_bound_and_repeated_positions_are_dropped_or_kept_once() {
        let mut out = vec![5, 700, 3, 5, 64];
        last_in_order(&mut out, 0, 100, usize::MAX);
        assert_eq!(out, vec![3, 5, 64]);
        let mut none: Vec<u32> = Vec::new();
        last_in_order(&mut none, 0, 0, 10);
        assert!(none.is_empty());
        last_in_order(&mut none, 3, 10, 10);
        assert!(none.is_empty(), "`from` past the end leaves it as it was");
    }
}
