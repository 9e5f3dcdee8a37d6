//! Ties laid out for the GPU so a frame draws only what is in view, heaviest first, as a few
//! contiguous ranges of one static buffer (zoom and pan never rebuild it).
//!
//! The ties (lightest first) are cut into up to [`CLASSES`] weight classes of equal size;
//! each class is filed in its own [`Grid`], and the buffer holds class after class, each in
//! its grid's order. A frame asks each class, heaviest first, for the runs in view and
//! stops before the ties would pass its budget; what is drawn stays lightest-first, so
//! heavy ties land on top.

use super::grid::{Grid, Rect};
use super::Tie;
use crate::model::unstable_sort::UnstableSort;

/// At most this many classes: a frame whose budget cannot hold every tie in view drops
/// whole lighter classes, so more classes fit the budget closer, at up to one draw call
/// per class, level and row of cells.
pub const CLASSES: usize = 64;
/// Classes hold at least this many ties (fewer classes for a small network): a slow
/// renderer's budget is a few thousand ties (see `pace`), so a class is a fraction of it.
const LEAST_CLASS: usize = 500;

/// The classes: where each starts in the scene's ties (lightest first) and its grid.
#[derive(Debug, Clone, Default)]
pub struct TieClasses {
    classes: Vec<(u32, Grid)>,
}

impl TieClasses {
    /// Classes over `ties` (sorted lightest first) of a `width` × `height` drawing, with
    /// `boxes` their bounding boxes and `cells` where a grid of that drawing files them
    /// ([`super::grid::cells`]; all three the same length). No ties: no classes.
    pub fn build(
        width: f32,
        height: f32,
        ties: &[Tie],
        (boxes, cells): (&[Rect], &[u32]),
    ) -> TieClasses {
        let n = ties.len().min(boxes.len()).min(cells.len());
        let count = n.div_ceil(LEAST_CLASS).clamp(1, CLASSES);
        let classes = (0..count)
            .filter_map(|k| {
                let (from, to) = (k * n / count, (k + 1) * n / count);
                let class = boxes.get(from..to)?.to_vec();
                let keys = cells.get(from..to)?;
                Some((from as u32, Grid::filed(width, height, class, keys)))
            })
            .filter(|(_, grid)| !grid.is_empty())
            .collect();
        TieClasses { classes }
    }

    /// Positions in the scene's ties, in buffer order: each class's grid order, lightest
    /// class first.
    pub fn order(&self) -> Vec<u32> {
        self.classes
            .iter()
            .flat_map(|(base, grid)| grid.order().iter().map(move |&id| base + id))
            .collect()
    }

    /// Appends to `out` the buffer ranges `from..to` to draw for `area`: the heaviest
    /// classes' ties that may be in view, as many classes as fit `budget` ties (always at
    /// least the heaviest, so a moving picture keeps its strongest ties), in buffer order.
    /// Returns how many ties the ranges hold.
    pub fn runs(&self, area: Rect, budget: usize, out: &mut Vec<(u32, u32)>) -> usize {
        let start = out.len();
        let mut drawn = 0usize;
        let mut runs = Vec::new();
        for (base, grid) in self.classes.iter().rev() {
            runs.clear();
            grid.runs(area, &mut runs);
            let count: usize = runs.iter().map(|&(from, to)| (to - from) as usize).sum();
            if drawn > 0 && drawn + count > budget {
                break;
            }
            drawn += count;
            out.extend(runs.iter().map(|&(from, to)| (base + from, base + to)));
        }
        if let Some(added) = out.get_mut(start..) {
            added.unstable_sort();
        }
        join(out, start);
        drawn
    }
}

/// Joins touching ranges of `runs[start..]` (sorted) in place.
fn join(runs: &mut Vec<(u32, u32)>, start: usize) {
    let mut kept = start;
    for i in start..runs.len() {
        let Some(&(from, to)) = runs.get(i) else {
            break;
        };
        match kept
            .checked_sub(1)
            .filter(|&k| k >= start)
            .and_then(|k| runs.get_mut(k))
        {
            Some(last) if last.1 == from => last.1 = to,
            _ => {
                if let Some(slot) = runs.get_mut(kept) {
                    *slot = (from, to);
                }
                kept += 1;
            }
        }
    }
    runs.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::scene::grid::cells;

    /// `n` short ties spread over an 800 × 560 drawing, lightest first.
    fn ties(n: usize) -> (Vec<Tie>, Vec<Rect>) {
        let ties: Vec<Tie> = (0..n)
            .map(|i| {
                let (x, y) = ((i * 37 % 790) as f32, (i * 53 % 550) as f32);
                Tie {
                    a: 0,
                    b: 1,
                    ends: [x, y, x + 5.0, y + 5.0],
                    alpha: i as f32 / n as f32,
                }
            })
            .collect();
        let boxes = ties.iter().map(|t| t.ends).collect();
        (ties, boxes)
    }

    #[test]
    fn the_buffer_holds_every_tie_once_class_by_class() {
        let (list, boxes) = ties(10_000);
        let classes =
            TieClasses::build(800.0, 560.0, &list, (&boxes, &cells(800.0, 560.0, &boxes)));
        assert_eq!(classes.classes.len(), 20);
        let mut order = classes.order();
        assert!(
            order[..1000].iter().all(|&i| i < 1000),
            "lightest class first"
        );
        order.sort_unstable();
        assert_eq!(order, (0..10_000).collect::<Vec<u32>>());
    }

    #[test]
    fn a_budget_keeps_the_heaviest_classes_in_view() {
        let (list, boxes) = ties(10_000);
        let classes =
            TieClasses::build(800.0, 560.0, &list, (&boxes, &cells(800.0, 560.0, &boxes)));
        let order = classes.order();
        let whole = [0.0, 0.0, 800.0, 560.0];
        let mut runs = Vec::new();
        assert_eq!(classes.runs(whole, usize::MAX, &mut runs), 10_000);
        assert_eq!(runs, vec![(0, 10_000)]);
        runs.clear();
        assert_eq!(
            classes.runs(whole, 2_700, &mut runs),
            2_500,
            "five classes fit"
        );
        assert_eq!(runs, vec![(7_500, 10_000)]);
        runs.clear();
        assert_eq!(
            classes.runs(whole, 10, &mut runs),
            500,
            "the heaviest, whatever"
        );
        runs.clear();
        let corner = [0.0, 0.0, 100.0, 70.0];
        let drawn = classes.runs(corner, usize::MAX, &mut runs);
        assert!(drawn < 2_000, "{drawn} of 10 000");
        let covered: Vec<u32> = runs
            .iter()
            .flat_map(|&(from, to)| order[from as usize..to as usize].iter().copied())
            .collect();
        for (i, t) in list.iter().enumerate() {
            if t.ends[2] < 90.0 && t.ends[3] < 60.0 {
                assert!(covered.contains(&(i as u32)), "tie {i} is in view");
            }
        }
    }

    #[test]
    fn no_ties_no_classes() {
        let classes = TieClasses::build(800.0, 560.0, &[], (&[], &[]));
        assert!(classes.order().is_empty());
        let mut runs = Vec::new();
        assert_eq!(classes.runs([0.0, 0.0, 1.0, 1.0], 5, &mut runs), 0);
        assert!(runs.is_empty());
    }
}
