//! The scene's ties filed by place: their grid, which tells the 2D canvas the ties that may
//! cross the window, and their weight classes, the WebGL buffer's order ([`super::classes`]).
//!
//! Kept apart from the rest of the scene because it is found apart: on the 1 M-message
//! export's 365 206 ties the boxes, their cells, the grid and the 64 classes were about two
//! fifths of [`super::Scene::build`], and past 100 000 ties the page files them in a task
//! of their own ([`super::Scene::file`], docs/PERFORMANCE.md "The scene in two tasks,
//! session 13") so neither task is a long pause. What asks for them first files them.

use super::classes::TieClasses;
use super::grid::{self, Grid, Rect};
use super::Tie;

/// The ties' grid and classes, both over the scene's ties in drawing order.
#[derive(Debug, Clone, Default)]
pub(super) struct Filed {
    /// Every tie's bounding box, filed (ids are positions in the scene's ties).
    pub(super) grid: Grid,
    /// The GPU's order of the ties and what of it is in view.
    pub(super) classes: TieClasses,
}

impl Filed {
    /// Files `ties` (lightest first, as the scene holds them) of a `width` × `height`
    /// drawing. Each box's cell is found once for the grid and the classes. No ties: an
    /// empty grid and no classes.
    pub(super) fn build(width: f32, height: f32, ties: &[Tie]) -> Filed {
        let boxes: Vec<Rect> = ties.iter().map(tie_box).collect();
        let cells = grid::cells(width, height, &boxes);
        let classes = TieClasses::build(width, height, ties, (&boxes, &cells));
        let grid = Grid::filed(width, height, boxes, &cells);
        Filed { grid, classes }
    }
}

/// The box a tie's line spans (a point or a flat box when its ends share a coordinate).
fn tie_box(t: &Tie) -> Rect {
    let [x1, y1, x2, y2] = t.ends;
    [x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)]
}

#[cfg(test)]
mod tests {
    // Test code: a failing check panics, which is how a test fails.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    /// `n` ties of a 1000 × 1000 drawing, some long, some a point, one outside it.
    fn ties(n: usize) -> Vec<Tie> {
        (0..n)
            .map(|i| {
                let x = (i * 37 % 1000) as f32;
                let y = (i * 91 % 1000) as f32;
                let (dx, dy) = ((i % 7) as f32 * 40.0, (i % 5) as f32 * -60.0);
                let ends = if i == n / 2 {
                    [1500.0, 1500.0, 1600.0, -20.0]
                } else {
                    [x, y, x + dx, y + dy]
                };
                Tie {
                    a: i as u32,
                    b: i as u32 + 1,
                    ends,
                    alpha: 0.5,
                }
            })
            .collect()
    }

    #[test]
    fn the_grid_finds_the_ties_a_scan_of_their_boxes_finds() {
        let ties = ties(3000);
        let filed = Filed::build(1000.0, 1000.0, &ties);
        assert_eq!(filed.grid.len(), ties.len());
        for area in [
            [0.0, 0.0, 1000.0, 1000.0],
            [100.0, 200.0, 180.0, 260.0],
            [990.0, -50.0, 1700.0, 10.0],
            [500.0, 500.0, 500.0, 500.0],
        ] {
            let mut found = Vec::new();
            filed.grid.query(area, &mut found);
            found.sort_unstable();
            let scan: Vec<u32> = (0..ties.len() as u32)
                .filter(|&k| {
                    let b = tie_box(&ties[k as usize]);
                    b[0] <= area[2] && area[0] <= b[2] && b[1] <= area[3] && area[1] <= b[3]
                })
                .collect();
            assert_eq!(found, scan, "area {area:?}");
        }
    }

    #[test]
    fn the_classes_hold_every_tie_once() {
        let ties = ties(2600);
        let mut order = Filed::build(1000.0, 1000.0, &ties).classes.order();
        order.sort_unstable();
        assert_eq!(order, (0..2600).collect::<Vec<u32>>());
    }

    #[test]
    fn no_ties_file_nothing() {
        let filed = Filed::build(1000.0, 1000.0, &[]);
        assert!(filed.grid.is_empty());
        assert!(filed.classes.order().is_empty());
    }
}
