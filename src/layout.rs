//! A first network layout: Fruchterman–Reingold with grid repulsion, seeded, in the unit
//! square.
//!
//! Deterministic for a given graph (the seed is fixed), so the same export always draws
//! the same picture. Repulsion only acts within two ideal edge lengths (the grid variant
//! of Fruchterman and Reingold's paper), found through a grid of cells, so an iteration
//! costs about O(n + m) instead of O(n²). The ForceAtlas2 / Barnes–Hut layout replaces it
//! with the network-view issue.

use std::collections::HashMap;

use crate::graph::Csr;

/// Iterations for small graphs; large ones get fewer (at least `MIN_ITERATIONS`), so the
/// whole layout stays around O(300 · 500) node updates.
const MAX_ITERATIONS: usize = 300;
const MIN_ITERATIONS: usize = 30;
const FULL_ITERATIONS_UP_TO: usize = 500;
/// Pull towards the centre per unit of distance.
const GRAVITY: f64 = 0.6;
/// Most node pairs compared for repulsion over the whole layout: crowded graphs (a hub
/// with thousands of spokes packs them into a few cells) stop early instead of freezing
/// the page; about 0.1 s natively.
const PAIR_BUDGET: usize = 15_000_000;
const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Positions in 0..=1 for every node of `g`. An empty graph gives no positions; a
/// single node sits in the centre.
pub fn layout(g: &Csr) -> Vec<(f64, f64)> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let mut rng = SplitMix(SEED);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| (rng.unit() - 0.5, rng.unit() - 0.5))
        .collect();
    let k = (1.0 / n as f64).sqrt();
    let iterations =
        (MAX_ITERATIONS * FULL_ITERATIONS_UP_TO / n).clamp(MIN_ITERATIONS, MAX_ITERATIONS);
    let mut temperature = 0.1;
    let cooling = temperature / iterations as f64;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    let mut pairs = 0usize;
    for _ in 0..iterations {
        if pairs > PAIR_BUDGET {
            break;
        }
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        pairs += repel(&pos, k, &mut disp);
        for v in 0..n {
            for &u in g.neighbors(v as u32) {
                let u = u as usize;
                let (dx, dy) = (pos[v].0 - pos[u].0, pos[v].1 - pos[u].1);
                let d = (dx * dx + dy * dy).sqrt();
                let f = d / k;
                disp[v].0 -= dx * f;
                disp[v].1 -= dy * f;
            }
        }
        for v in 0..n {
            // Gravity keeps isolated people and small components on screen; it grows
            // with distance, so it only matters far out and does not crush the crowd.
            let (gx, gy) = (-pos[v].0 * GRAVITY, -pos[v].1 * GRAVITY);
            let (dx, dy) = (disp[v].0 + gx, disp[v].1 + gy);
            let len = (dx * dx + dy * dy).sqrt().max(1e-12);
            let step = len.min(temperature);
            pos[v].0 += dx / len * step;
            pos[v].1 += dy / len * step;
        }
        temperature = (temperature - cooling).max(0.002);
    }
    normalise(pos)
}

/// Adds to `disp` the repulsion k²/d between every two nodes closer than 2k; returns how
/// many pairs were compared.
fn repel(pos: &[(f64, f64)], k: f64, disp: &mut [(f64, f64)]) -> usize {
    let mut pairs = 0;
    let cell = 2.0 * k;
    let key = |p: (f64, f64)| ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (v, &p) in pos.iter().enumerate() {
        grid.entry(key(p)).or_default().push(v);
    }
    for (v, &p) in pos.iter().enumerate() {
        let (cx, cy) = key(p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let cell_nodes = grid.get(&(cx + dx, cy + dy)).map_or(&[][..], Vec::as_slice);
                pairs += cell_nodes.len();
                for &u in cell_nodes {
                    if u == v {
                        continue;
                    }
                    let (ex, ey) = (p.0 - pos[u].0, p.1 - pos[u].1);
                    let d2 = (ex * ex + ey * ey).max(1e-9);
                    if d2 < cell * cell {
                        let f = k * k / d2;
                        disp[v].0 += ex * f;
                        disp[v].1 += ey * f;
                    }
                }
            }
        }
    }
    pairs
}

/// Scales positions into 0.05..=0.95 on both axes, keeping the aspect ratio.
fn normalise(pos: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        lo_x = lo_x.min(x);
        hi_x = hi_x.max(x);
        lo_y = lo_y.min(y);
        hi_y = hi_y.max(y);
    }
    let span = (hi_x - lo_x).max(hi_y - lo_y).max(1e-12);
    let (cx, cy) = ((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
    pos.into_iter()
        .map(|(x, y)| (0.5 + (x - cx) / span * 0.9, 0.5 + (y - cy) / span * 0.9))
        .collect()
}

/// SplitMix64: a tiny seeded generator, so no crate needs an OS random source.
struct SplitMix(u64);

impl SplitMix {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_in_the_unit_square_and_reproducible() {
        let g = Csr::undirected(30, (1..30u32).map(|v| (0, v)).chain([(1, 2), (3, 4)]));
        let a = layout(&g);
        assert_eq!(a.len(), 30);
        assert!(a
            .iter()
            .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        assert_eq!(a, layout(&g));
        assert_eq!(
            layout(&Csr::undirected(1, std::iter::empty())),
            vec![(0.5, 0.5)]
        );
        assert!(layout(&Csr::default()).is_empty());
    }
}
