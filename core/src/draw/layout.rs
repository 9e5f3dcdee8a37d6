//! Where people go on the picture: ForceAtlas2 with Barnes–Hut repulsion
//! ([`forceatlas2`], [`quadtree`]), seeded, fitted into the unit square.
//!
//! Deterministic for a given graph (the seed is fixed), so the same export always draws the
//! same picture. The work is bounded: a layout runs until it settles or until its budget of
//! node and edge visits is spent, so a large server costs about a second, never a frozen page.

pub mod bin;
pub mod core_first;
pub mod forceatlas2;
pub mod quadtree;
pub mod settle;

pub use forceatlas2::{ForceAtlas2, Settings};
pub use settle::Settle;

use crate::graph::Csr;

/// Most iterations of one layout (small graphs settle well before).
const MAX_ITERATIONS: usize = 600;
/// Fewest iterations a large graph still gets, budget or not.
const MIN_ITERATIONS: usize = 20;
/// Node plus edge visits over a whole layout; each iteration costs about `n log n + m`.
/// Measured natively at ~0.2 µs a visit (10k nodes, 100k edges: ~49 ms an iteration), so
/// a whole layout stays near a second; wasm is slower by 1.5–2×.
const WORK_BUDGET: f64 = 5.0e6;

/// Positions in 0..=1 for every node of `g` (edges of weight 1). An empty graph gives no
/// positions; a single node sits in the centre.
pub fn layout(g: &Csr) -> Vec<(f64, f64)> {
    let n = g.node_count();
    let edges: Vec<(u32, u32, f64)> = (0..n as u32)
        .flat_map(|a| {
            g.neighbors(a)
                .iter()
                .filter(move |&&b| a < b)
                .map(move |&b| (a, b, 1.0))
        })
        .collect();
    layout_weighted(n, &edges)
}

/// Positions in 0..=1 for `n` nodes tied by weighted `edges` (`(a, b, weight)`, each tie
/// once; see [`ForceAtlas2::new`] for what is dropped). Empty → none; one node → centre.
/// Past [`core_first::CORE_NODES`] people only the best-tied core is laid out by
/// ForceAtlas2 and the rest placed around it ([`core_first::core_first`]).
pub fn layout_weighted(n: usize, edges: &[(u32, u32, f64)]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let tied = bin::tied_people(n, edges);
    if n > core_first::CORE_NODES {
        return picture(&core_first::core_first(n, edges), &tied);
    }
    let mut fa2 = ForceAtlas2::new(n, edges, settings_for(n));
    fa2.run_until_settled(iterations_for(n, edges.len()));
    picture(fa2.positions(), &tied)
}

/// Layout units to the unit square: turned so the `tied` people's longest spread lies
/// along x, the untied binned under them ([`bin::bin_untied`]), fitted by [`normalise`].
pub fn picture(pos: &[(f64, f64)], tied: &[bool]) -> Vec<(f64, f64)> {
    normalise(&bin::bin_untied(&turn(pos, tied), tied))
}

/// Turns `pos` about its centroid so its longest spread (principal axis) lies along x,
/// which fills a wide drawing best. Non-finite points are left as they are.
pub fn landscape(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    turn(pos, &[])
}

/// [`landscape`] with the axis taken from the `tied` people only (a missing flag counts as
/// tied), so loners flung to the edge do not tilt the talkers.
fn turn(pos: &[(f64, f64)], tied: &[bool]) -> Vec<(f64, f64)> {
    let fine: Vec<&(f64, f64)> = pos
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            tied.get(*i).copied().unwrap_or(true) && p.0.is_finite() && p.1.is_finite()
        })
        .map(|(_, p)| p)
        .collect();
    let k = fine.len().max(1) as f64;
    let (cx, cy) = fine
        .iter()
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / k, sy + p.1 / k));
    let (mut xx, mut yy, mut xy) = (0.0, 0.0, 0.0);
    for p in &fine {
        let (dx, dy) = (p.0 - cx, p.1 - cy);
        (xx, yy, xy) = (xx + dx * dx, yy + dy * dy, xy + dx * dy);
    }
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    let (sin, cos) = (-angle).sin_cos();
    pos.iter()
        .map(|&(x, y)| {
            let (dx, dy) = (x - cx, y - cy);
            (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos)
        })
        .collect()
}

/// Continues the layout of unit-square `positions` (one per node) with `edges` for a
/// bounded number of iterations (a quarter of a fresh layout's budget) and fits the result
/// back into the unit square: what is left re-settles without jumping to a new picture.
/// Past [`core_first::CORE_NODES`] people only the core moves (as in [`layout_weighted`]),
/// the rest stay where they were. Empty → none; one node → centre. [`Settle`] does the
/// same a few iterations at a time.
pub fn resettle(positions: &[(f64, f64)], edges: &[(u32, u32, f64)]) -> Vec<(f64, f64)> {
    // One go of the stepped re-settle the page runs a few iterations a frame.
    Settle::start(positions, edges).finish()
}

/// Gephi's defaults, with more room between nodes in small graphs (as Gephi does), and
/// weights counted as their square root, so one chatty pair does not collapse onto itself.
pub fn settings_for(n: usize) -> Settings {
    Settings {
        scaling: if n < 100 { 10.0 } else { 2.0 },
        edge_weight_influence: 0.5,
        ..Settings::default()
    }
}

/// How many iterations `n` nodes and `m` edges may take within [`WORK_BUDGET`].
pub fn iterations_for(n: usize, m: usize) -> usize {
    let per = n as f64 * (n.max(2) as f64).log2() + m as f64;
    ((WORK_BUDGET / per.max(1.0)) as usize).clamp(MIN_ITERATIONS, MAX_ITERATIONS)
}

/// Scales positions into 0.05..=0.95 on both axes, keeping the aspect ratio and centring
/// the shorter side. Non-finite coordinates land in the centre.
pub fn normalise(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in pos.iter().filter(|p| p.0.is_finite() && p.1.is_finite()) {
        (lo_x, hi_x) = (lo_x.min(x), hi_x.max(x));
        (lo_y, hi_y) = (lo_y.min(y), hi_y.max(y));
    }
    let span = (hi_x - lo_x).max(hi_y - lo_y).max(1e-12);
    let (cx, cy) = ((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
    pos.iter()
        .map(|&(x, y)| {
            if x.is_finite() && y.is_finite() {
                (0.5 + (x - cx) / span * 0.9, 0.5 + (y - cy) / span * 0.9)
            } else {
                (0.5, 0.5)
            }
        })
        .collect()
}

pub(crate) use crate::model::random::SplitMix;

#[cfg(test)]
mod tests;
