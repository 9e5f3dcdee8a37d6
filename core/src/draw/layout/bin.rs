//! People with no tie, out of the way: a compact grid (the "bin") under the people who talk,
//! instead of the ring ForceAtlas2's repulsion pushes them to.
//!
//! Why: untied people feel the repulsion and no pull, so a force layout throws them to the
//! edge, where they decide the picture's frame; 31 loners around 20 talkers shrank the
//! talkers to a small blob in the middle. Binned, the frame is the talkers' own, and the
//! loners are still there, counted and hoverable, in a strip one glance can take in.

/// The gap between the talkers and the bin, as a share of the talkers' larger spread.
const GAP: f64 = 0.08;
/// The bin is at most this tall, as a share of the talkers' larger spread.
const MOST_HEIGHT: f64 = 0.14;
/// The widest step between two binned people, as a share of the talkers' larger spread.
const MOST_STEP: f64 = 0.04;

/// `pos` (layout units, one per person) with every person not `tied` moved into a grid
/// under the tied people's box, left-aligned with it, in person order; the tied keep
/// their places. Nobody tied: everyone on a square grid. Nobody untied: `pos` unchanged.
/// Non-finite positions of tied people are ignored for the box. Lengths differ: `pos`
/// wins (a missing flag counts as tied).
pub fn bin_untied(pos: &[(f64, f64)], tied: &[bool]) -> Vec<(f64, f64)> {
    let is_tied = |i: usize| tied.get(i).copied().unwrap_or(true);
    let loners = (0..pos.len()).filter(|&i| !is_tied(i)).count();
    if loners == 0 {
        return pos.to_vec();
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (i, &(x, y)) in pos.iter().enumerate() {
        if is_tied(i) && x.is_finite() && y.is_finite() {
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
        }
    }
    let grid = if x0 > x1 {
        // Nobody tied: a square of loners.
        let side = (loners as f64).sqrt().ceil().max(1.0);
        Grid {
            left: 0.0,
            top: 0.0,
            step: 1.0,
            columns: side as usize,
        }
    } else {
        let spread = (x1 - x0).max(y1 - y0).max(1e-9);
        let width = (x1 - x0).max(spread * 0.5);
        let fit = (width * spread * MOST_HEIGHT / loners as f64).sqrt();
        let step = fit.min(spread * MOST_STEP);
        Grid {
            left: x0,
            top: y1 + spread * GAP,
            step,
            columns: ((width / step).floor() as usize + 1).max(1),
        }
    };
    let mut k = 0usize;
    pos.iter()
        .enumerate()
        .map(|(i, &p)| {
            if is_tied(i) {
                return p;
            }
            let at = grid.at(k);
            k += 1;
            at
        })
        .collect()
}

/// Whether each of `n` people has a tie among `edges` (`(a, b, weight)`; out-of-range ends
/// are skipped, a tie to oneself counts as none).
pub fn tied_people(n: usize, edges: &[(u32, u32, f64)]) -> Vec<bool> {
    let mut tied = vec![false; n];
    for &(a, b, _) in edges.iter().filter(|e| e.0 != e.1) {
        for v in [a, b] {
            if let Some(flag) = tied.get_mut(v as usize) {
                *flag = true;
            }
        }
    }
    tied
}

/// Rows of `columns` cells `step` apart from (`left`, `top`) down.
struct Grid {
    left: f64,
    top: f64,
    step: f64,
    columns: usize,
}

impl Grid {
    /// The `k`-th cell, row by row.
    fn at(&self, k: usize) -> (f64, f64) {
        let (row, column) = (k / self.columns, k % self.columns);
        (
            self.left + column as f64 * self.step,
            self.top + row as f64 * self.step,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loners_go_under_the_talkers_and_the_talkers_stay() {
        let pos = vec![(0.0, 0.0), (10.0, 5.0), (500.0, -400.0), (-300.0, 900.0)];
        let tied = vec![true, true, false, false];
        let out = bin_untied(&pos, &tied);
        assert_eq!(&out[..2], &pos[..2]);
        for &(x, y) in &out[2..] {
            assert!(
                (0.0..=10.0).contains(&x),
                "left-aligned, within the width: {x}"
            );
            assert!(
                y > 5.0 && y <= 5.0 + 10.0 * (GAP + MOST_HEIGHT),
                "just under: {y}"
            );
        }
        assert_ne!(out[2], out[3], "each loner has a cell");
    }

    #[test]
    fn many_loners_stay_within_the_strip() {
        let mut pos = vec![(0.0, 0.0), (100.0, 50.0)];
        pos.extend((0..10_000).map(|i| (f64::from(i), 1e6)));
        let mut tied = vec![true, true];
        tied.extend(std::iter::repeat_n(false, 10_000));
        let out = bin_untied(&pos, &tied);
        let deepest = out.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        assert!(
            deepest <= 50.0 + 100.0 * (GAP + MOST_HEIGHT) + 1e-6,
            "{deepest}"
        );
        let widest = out.iter().map(|p| p.0).fold(f64::MIN, f64::max);
        assert!(widest <= 100.0 + 1e-6, "{widest}");
    }

    #[test]
    fn nobody_tied_is_a_square_and_nobody_alone_is_unchanged() {
        let pos = vec![(3.0, 3.0); 5];
        let out = bin_untied(&pos, &[false; 5]);
        assert_eq!(out[0], (0.0, 0.0));
        assert_eq!(out[4], (1.0, 1.0));
        assert_eq!(bin_untied(&pos, &[true; 5]), pos);
        assert!(bin_untied(&[], &[]).is_empty());
    }

    #[test]
    fn ties_mark_both_ends_and_skip_loops() {
        let tied = tied_people(4, &[(0, 1, 1.0), (2, 2, 1.0), (3, 9, 1.0)]);
        assert_eq!(tied, vec![true, true, false, true]);
    }
}
