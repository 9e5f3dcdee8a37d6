//! A loose hierarchical grid over boxes (dots, ties) of a drawing: which ones may overlap a
//! rectangle, in time proportional to what is there rather than to everything drawn.
//!
//! Level `k` cuts the drawing into `2ᵏ × 2ᵏ` cells. Each box is filed once, at the finest
//! level whose cells are at least as large as the box, in the cell holding its top-left
//! corner, so it lies within that cell and the next one right and down. A query visits, at
//! every level, the cells the rectangle covers plus one more up and left, and tests the
//! boxes there exactly. A short tie lands deep (few neighbours share its cell), a long one
//! high (it is checked by any query near it, as it should be): no tie is split or repeated.
//!
//! Filed with a counting sort into one flat array: two `u32` per box plus one per cell
//! (5 461 cells at 7 levels), built in O(boxes + cells). Finer levels come first and, within
//! a cell, boxes keep the order they were given in, so a GPU buffer laid out in
//! [`Grid::order`] holds what a rectangle may show as a few contiguous [`Grid::runs`]
//! (one per level and row), small boxes before large ones.

/// Levels 0..=MAX_LEVEL: the finest cells are 1/64 of the drawing a side (12.5 × 8.75
/// units of an 800 × 560 drawing), about a dot's size at 1×.
const MAX_LEVEL: u32 = 6;

/// A box: left, top, right, bottom, in drawing units.
pub type Rect = [f32; 4];

/// Boxes filed by level and cell. Ids are positions in the slice given to [`Grid::build`].
#[derive(Debug, Clone, Default)]
pub struct Grid {
    width: f32,
    height: f32,
    /// Where each cell's ids start in `ids` (one more entry than cells).
    starts: Vec<u32>,
    ids: Vec<u32>,
    boxes: Vec<Rect>,
}

/// Cells in levels 0..=`level`: 1 + 4 + 16 + … = (4ᵏ⁺¹ − 1) / 3.
fn cells_to(level: u32) -> usize {
    ((1usize << (2 * (level + 1))) - 1) / 3
}

/// The first cell of each level in the flat cell numbering: the finest level first.
fn level_start(level: u32) -> usize {
    cells_to(MAX_LEVEL) - cells_to(level)
}

impl Grid {
    /// Files `boxes` of a `width` × `height` drawing. Boxes reaching outside the drawing,
    /// or with sides that are not numbers, are filed at the top level (checked by every
    /// query, found by none that misses them). No boxes: an empty grid.
    pub fn build(width: f32, height: f32, boxes: Vec<Rect>) -> Grid {
        let keys = cells(width, height, &boxes);
        Grid::filed(width, height, boxes, &keys)
    }

    /// [`Grid::build`] with each box's cell already found by [`cells`] for the same
    /// drawing (ties filed in two grids find their cells once). A box without a cell in
    /// `keys` is filed at the top level.
    pub fn filed(width: f32, height: f32, boxes: Vec<Rect>, keys: &[u32]) -> Grid {
        let (width, height) = (positive(width), positive(height));
        let top = level_start(0) as u32;
        let key = |id: usize| keys.get(id).copied().unwrap_or(top);
        let mut starts = vec![0u32; cells_to(MAX_LEVEL) + 1];
        for id in 0..boxes.len() {
            if let Some(slot) = starts.get_mut(key(id) as usize + 1) {
                *slot += 1;
            }
        }
        let mut total = 0;
        for slot in starts.iter_mut() {
            total += *slot;
            *slot = total;
        }
        let mut fill = starts.clone();
        let mut ids = vec![0u32; boxes.len()];
        for id in 0..boxes.len() {
            if let Some(at) = fill.get_mut(key(id) as usize) {
                if let Some(slot) = ids.get_mut(*at as usize) {
                    *slot = id as u32;
                }
                *at += 1;
            }
        }
        Grid {
            width,
            height,
            starts,
            ids,
            boxes,
        }
    }

    /// How many boxes are filed.
    pub fn len(&self) -> usize {
        self.boxes.len()
    }

    /// Whether no box is filed.
    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// The box filed as `id`, if any.
    pub fn rect(&self, id: u32) -> Option<Rect> {
        self.boxes.get(id as usize).copied()
    }

    /// The ids in filing order: finest level first, then row by row, then as given.
    pub fn order(&self) -> &[u32] {
        &self.ids
    }

    /// Appends to `out` the id of every box that overlaps `area` (edges touching count),
    /// each once, in no particular order. An area that is not a number finds nothing.
    pub fn query(&self, area: Rect, out: &mut Vec<u32>) {
        let mut runs = Vec::new();
        self.runs(area, &mut runs);
        for (from, to) in runs {
            let ids = self.ids.get(from as usize..to as usize).unwrap_or(&[]);
            out.extend(ids.iter().filter(|&&id| {
                self.boxes
                    .get(id as usize)
                    .is_some_and(|b| overlaps(b, &area))
            }));
        }
    }

    /// Appends to `out` the ranges `from..to` of [`Grid::order`] whose boxes may overlap
    /// `area` (a superset: whole cells), in order, touching ranges joined: at most one per
    /// level and row of cells. An area that is not a number finds nothing.
    pub fn runs(&self, area: Rect, out: &mut Vec<(u32, u32)>) {
        if area.iter().any(|v| v.is_nan()) {
            return;
        }
        for level in (0..=MAX_LEVEL).rev() {
            let side = 1u32 << level;
            let (cw, ch) = (self.width / side as f32, self.height / side as f32);
            let cell = |v: f32, size: f32| (v / size).floor().clamp(0.0, (side - 1) as f32) as u32;
            // One cell more up and left: a box may hang over from its cell into the next.
            let (x0, y0) = (
                cell(area[0], cw).saturating_sub(1),
                cell(area[1], ch).saturating_sub(1),
            );
            let (x1, y1) = (cell(area[2], cw), cell(area[3], ch));
            let first = level_start(level);
            for y in y0..=y1 {
                let row = first + (y * side) as usize;
                let from = self.starts.get(row + x0 as usize).copied().unwrap_or(0);
                let to = self.starts.get(row + x1 as usize + 1).copied().unwrap_or(0);
                if to <= from {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.1 == from => last.1 = to,
                    _ => out.push((from, to)),
                }
            }
        }
    }
}

/// Where each of `boxes` of a `width` × `height` drawing is filed: the flat cell number of
/// its level and top-left cell (for [`Grid::filed`]). Sides that are not positive numbers
/// count as 1, as in [`Grid::build`].
pub fn cells(width: f32, height: f32, boxes: &[Rect]) -> Vec<u32> {
    let (width, height) = (positive(width), positive(height));
    // Each level's cell size, found once rather than for every box (the same divisions).
    let sizes: Vec<(f32, f32)> = (0..=MAX_LEVEL)
        .map(|level| {
            let side = (1u32 << level) as f32;
            (width / side, height / side)
        })
        .collect();
    boxes
        .iter()
        .map(|b| key(width, height, &sizes, b))
        .collect()
}

/// Where a box is filed: the flat cell number of its level and top-left cell; `sizes` are
/// the cells' width and height at each level, coarsest first.
fn key(width: f32, height: f32, sizes: &[(f32, f32)], b: &Rect) -> u32 {
    let [left, top, right, bottom] = *b;
    let inside = b.iter().all(|v| v.is_finite())
        && left >= 0.0
        && top >= 0.0
        && right <= width
        && bottom <= height
        && left <= right
        && top <= bottom;
    if !inside {
        return level_start(0) as u32;
    }
    let (w, h) = (right - left, bottom - top);
    // The finest level whose cells hold the box; level 0 holds every box inside. A plain
    // loop: at the page's opt-level a `find` closure is a call per level and box.
    let mut level = MAX_LEVEL;
    while level > 0 {
        match sizes.get(level as usize) {
            Some(&(cw, ch)) if w <= cw && h <= ch => break,
            _ => level -= 1,
        }
    }
    let side = 1u32 << level;
    let cell = |v: f32, size: f32| ((v / size * side as f32) as u32).min(side - 1);
    (level_start(level) + (cell(top, height) * side + cell(left, width)) as usize) as u32
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// A usable drawing side: positive and finite, else 1.
fn positive(v: f32) -> f32 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::random::SplitMix;

    /// Boxes of every size: dots, short ties, ties across the drawing.
    fn boxes(n: usize) -> Vec<Rect> {
        let mut rng = SplitMix(7);
        (0..n)
            .map(|i| {
                let (x, y) = (rng.unit() as f32 * 800.0, rng.unit() as f32 * 560.0);
                let size = [2.0, 30.0, 400.0][i % 3] * rng.unit() as f32;
                [x, y, (x + size).min(800.0), (y + size * 0.7).min(560.0)]
            })
            .collect()
    }

    fn sorted(grid: &Grid, area: Rect) -> Vec<u32> {
        let mut out = Vec::new();
        grid.query(area, &mut out);
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_exactly_the_boxes_a_brute_force_scan_finds() {
        let all = boxes(3000);
        let grid = Grid::build(800.0, 560.0, all.clone());
        let areas = [
            [0.0, 0.0, 800.0, 560.0],
            [100.0, 100.0, 140.0, 128.0],
            [790.0, 550.0, 900.0, 700.0],
            [-50.0, -50.0, 3.0, 3.0],
            [400.0, 280.0, 400.0, 280.0],
        ];
        for area in areas {
            let want: Vec<u32> = (0..all.len() as u32)
                .filter(|&i| overlaps(&all[i as usize], &area))
                .collect();
            assert_eq!(sorted(&grid, area), want, "{area:?}");
        }
        assert_eq!(grid.len(), 3000);
    }

    #[test]
    fn cells_found_once_file_as_the_build_does() {
        let all = boxes(3000);
        let keys = cells(800.0, 560.0, &all);
        let filed = Grid::filed(800.0, 560.0, all.clone(), &keys);
        let built = Grid::build(800.0, 560.0, all.clone());
        assert_eq!(filed.order(), built.order());
        assert_eq!(filed.starts, built.starts);
        let short = Grid::filed(800.0, 560.0, all, &keys[..10]);
        assert_eq!(short.len(), 3000, "boxes without a cell go to the top");
    }

    #[test]
    fn a_small_area_visits_few_boxes() {
        let grid = Grid::build(800.0, 560.0, boxes(30_000));
        let mut out = Vec::new();
        grid.query([200.0, 200.0, 220.0, 214.0], &mut out);
        assert!(out.len() < 3000, "{} of 30 000", out.len());
    }

    #[test]
    fn runs_cover_what_is_in_view_in_a_few_ranges_small_boxes_first() {
        let all = boxes(3000);
        let grid = Grid::build(800.0, 560.0, all.clone());
        assert_eq!(grid.order().len(), 3000);
        let area = [300.0, 200.0, 400.0, 270.0];
        let mut runs = Vec::new();
        grid.runs(area, &mut runs);
        assert!(
            runs.windows(2).all(|w| w[0].1 < w[1].0),
            "ordered, apart: {runs:?}"
        );
        let covered: Vec<u32> = runs
            .iter()
            .flat_map(|&(from, to)| grid.order()[from as usize..to as usize].iter().copied())
            .collect();
        for i in sorted(&grid, area) {
            assert!(covered.contains(&i), "{i} is in view but in no run");
        }
        assert!(covered.len() < 3000 / 2, "{} of 3000", covered.len());
        let mut whole = Vec::new();
        grid.runs([0.0, 0.0, 800.0, 560.0], &mut whole);
        assert_eq!(whole, vec![(0, 3000)], "everything in view: one run");
        let size = |i: u32| {
            let b = all[i as usize];
            (b[2] - b[0]).max(b[3] - b[1])
        };
        let (first, last) = (grid.order()[0], grid.order()[2999]);
        assert!(size(first) <= size(last), "small boxes come first");
    }

    #[test]
    fn strange_boxes_and_areas_never_panic() {
        let odd = vec![
            [f32::NAN, 0.0, 1.0, 1.0],
            [-10.0, -10.0, 900.0, 900.0],
            [5.0, 5.0, 1.0, 1.0],
            [f32::INFINITY, 0.0, f32::INFINITY, 1.0],
        ];
        let grid = Grid::build(0.0, f32::NAN, odd);
        assert_eq!(sorted(&grid, [0.0, 0.0, 1.0, 1.0]), vec![1]);
        assert!(sorted(&grid, [f32::NAN, 0.0, 1.0, 1.0]).is_empty());
        let empty = Grid::build(800.0, 560.0, Vec::new());
        assert!(empty.is_empty() && sorted(&empty, [0.0, 0.0, 800.0, 560.0]).is_empty());
        assert_eq!(grid.rect(1), Some([-10.0, -10.0, 900.0, 900.0]));
        assert_eq!(grid.rect(9), None);
    }
}
