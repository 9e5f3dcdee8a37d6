//! Layout of a big graph: ForceAtlas2 on its best-tied core only, everyone else placed
//! next to the people they talk to.
//!
//! Why: ForceAtlas2 costs about `n log n + m` a step and needs tens of steps; on 100 k
//! people that is seconds natively and more in the browser, for a picture in which the
//! periphery is a haze anyway. The core (the people with the most interaction weight,
//! capped in nodes and in ties) is where the structure the verdict talks about is seen.

use crate::graph::Csr;
use crate::model::stable_sort::StableSort;

use super::{iterations_for, settings_for, ForceAtlas2, SplitMix};

/// `(a, b, weight)` ties.
type Ties = Vec<(u32, u32, f64)>;

/// At most this many people are laid out by ForceAtlas2.
pub const CORE_NODES: usize = 5_000;
/// The core stops growing once the ties among its people reach this many.
pub const CORE_TIES: usize = 150_000;

/// Positions in layout units (not yet fitted) for `n` nodes tied by `edges`
/// (`(a, b, weight)`, each tie once): the core by ForceAtlas2, the rest near their
/// already placed neighbours (breadth first from the core), people out of reach of the
/// core on a ring around it. `n` of 0 gives none.
pub fn core_first(n: usize, edges: &[(u32, u32, f64)]) -> Vec<(f64, f64)> {
    within(n, edges, (CORE_NODES, CORE_TIES))
}

/// [`core_first`] with the core capped at `cap` = (nodes, ties).
fn within(n: usize, edges: &[(u32, u32, f64)], cap: (usize, usize)) -> Vec<(f64, f64)> {
    let adjacency = Csr::undirected(n, edges.iter().map(|&(a, b, _)| (a, b)));
    let core = pick_core(n, edges, &adjacency, cap);
    let (_, core_edges) = sub_layout(&core, &vec![(0.0, 0.0); n], edges);
    let mut fa2 = ForceAtlas2::new(core.len(), &core_edges, settings_for(core.len()));
    fa2.run_until_settled(iterations_for(core.len(), core_edges.len()));
    let mut positions: Vec<Option<(f64, f64)>> = vec![None; n];
    for (&v, &p) in core.iter().zip(fa2.positions()) {
        if let Some(slot) = positions.get_mut(v as usize) {
            *slot = Some(p);
        }
    }
    place_around(&adjacency, &core, &mut positions);
    place_on_ring(&mut positions);
    positions
        .into_iter()
        .map(|p| p.unwrap_or((0.0, 0.0)))
        .collect()
}

/// Continues a big layout (`positions` in layout units) for the core only, for a quarter
/// of a fresh layout's iterations; everyone else keeps their place.
pub fn resettle_core(mut positions: Vec<(f64, f64)>, edges: &[(u32, u32, f64)]) -> Vec<(f64, f64)> {
    let n = positions.len();
    let adjacency = Csr::undirected(n, edges.iter().map(|&(a, b, _)| (a, b)));
    let core = pick_core(n, edges, &adjacency, (CORE_NODES, CORE_TIES));
    let (start, core_edges) = sub_layout(&core, &positions, edges);
    let mut fa2 = ForceAtlas2::from_positions(start, &core_edges, settings_for(core.len()));
    fa2.run_until_settled(iterations_for(core.len(), core_edges.len()) / 4);
    for (&v, &p) in core.iter().zip(fa2.positions()) {
        if let Some(slot) = positions.get_mut(v as usize) {
            *slot = p;
        }
    }
    positions
}

/// The core's own positions (taken from `positions`) and the ties among it, renumbered
/// in core order.
pub(super) fn sub_layout(
    core: &[u32],
    positions: &[(f64, f64)],
    edges: &[(u32, u32, f64)],
) -> (Vec<(f64, f64)>, Ties) {
    let mut slot = vec![u32::MAX; positions.len()];
    for (i, &v) in core.iter().enumerate() {
        if let Some(s) = slot.get_mut(v as usize) {
            *s = i as u32;
        }
    }
    let at = |v: u32| slot.get(v as usize).copied().unwrap_or(u32::MAX);
    let core_edges = edges
        .iter()
        .filter(|&&(a, b, _)| at(a) != u32::MAX && at(b) != u32::MAX)
        .map(|&(a, b, w)| (at(a), at(b), w))
        .collect();
    let start = core
        .iter()
        .map(|&v| positions.get(v as usize).copied().unwrap_or((0.0, 0.0)))
        .collect();
    (start, core_edges)
}

/// The core: nodes by total tie weight (heaviest first, then lowest number), taken until
/// `cap.0` of them or `cap.1` ties among them.
pub(super) fn pick_core(
    n: usize,
    edges: &[(u32, u32, f64)],
    adjacency: &Csr,
    cap: (usize, usize),
) -> Vec<u32> {
    let mut strength = vec![0.0f64; n];
    for &(a, b, w) in edges {
        for v in [a, b] {
            if let Some(s) = strength.get_mut(v as usize) {
                *s += w;
            }
        }
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.stable_sort_by(|&a, &b| {
        let at = |v: u32| strength.get(v as usize).copied().unwrap_or(0.0);
        let (sa, sb) = (at(a), at(b));
        sb.total_cmp(&sa).then(a.cmp(&b))
    });
    let mut inside = vec![false; n];
    let (mut core, mut ties) = (Vec::new(), 0usize);
    for v in order {
        if core.len() >= cap.0 || ties >= cap.1 {
            break;
        }
        ties += adjacency
            .neighbors(v)
            .iter()
            .filter(|&&u| inside.get(u as usize) == Some(&true))
            .count();
        if let Some(flag) = inside.get_mut(v as usize) {
            *flag = true;
        }
        core.push(v);
    }
    core
}

/// Breadth first from the core: each node reached lands at the mean of its placed
/// neighbours, nudged by a small seeded offset so neighbours of one hub do not stack.
fn place_around(adjacency: &Csr, core: &[u32], positions: &mut [Option<(f64, f64)>]) {
    let mut rng = SplitMix(0x0C0E_F125_7A11_0C8E);
    let mut queue: std::collections::VecDeque<u32> = core.iter().copied().collect();
    while let Some(v) = queue.pop_front() {
        for &u in adjacency.neighbors(v) {
            if positions.get(u as usize).is_some_and(|p| p.is_none()) {
                let placed: Vec<(f64, f64)> = adjacency
                    .neighbors(u)
                    .iter()
                    .filter_map(|&x| positions.get(x as usize).copied().flatten())
                    .collect();
                let k = placed.len().max(1) as f64;
                let (mx, my) = placed
                    .iter()
                    .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / k, sy + p.1 / k));
                let angle = rng.unit() * std::f64::consts::TAU;
                let reach = 1.0 + 2.0 * rng.unit();
                if let Some(slot) = positions.get_mut(u as usize) {
                    *slot = Some((mx + reach * angle.cos(), my + reach * angle.sin()));
                }
                queue.push_back(u);
            }
        }
    }
}

/// Everyone still unplaced (out of reach of the core: isolates, small separate groups)
/// goes on a ring just outside what is placed, evenly spaced.
fn place_on_ring(positions: &mut [Option<(f64, f64)>]) {
    let placed: Vec<(f64, f64)> = positions.iter().flatten().copied().collect();
    let k = placed.len().max(1) as f64;
    let (cx, cy) = placed
        .iter()
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / k, sy + p.1 / k));
    let radius = placed
        .iter()
        .map(|p| (p.0 - cx).hypot(p.1 - cy))
        .fold(1.0f64, f64::max)
        * 1.1;
    let missing = positions.iter().filter(|p| p.is_none()).count().max(1) as f64;
    let mut i = 0.0;
    for slot in positions.iter_mut().filter(|p| p.is_none()) {
        let angle = i / missing * std::f64::consts::TAU;
        *slot = Some((cx + radius * angle.cos(), cy + radius * angle.sin()));
        i += 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small caps, so the tests run fast in debug builds.
    const CAP: (usize, usize) = (40, 1_000);

    /// A star of `leaves` around node 0, plus `loners` nodes with no tie.
    fn star(leaves: u32, loners: u32) -> (usize, Vec<(u32, u32, f64)>) {
        let edges = (1..=leaves).map(|v| (0, v, 1.0)).collect();
        ((leaves + loners + 1) as usize, edges)
    }

    #[test]
    fn every_node_gets_a_finite_position() {
        let (n, edges) = star(CAP.0 as u32 + 500, 20);
        let pos = within(n, &edges, CAP);
        assert_eq!(pos.len(), n);
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    }

    #[test]
    fn the_core_is_capped_and_starts_with_the_hub() {
        let (n, edges) = star(CAP.0 as u32 + 500, 0);
        let adjacency = Csr::undirected(n, edges.iter().map(|&(a, b, _)| (a, b)));
        let core = pick_core(n, &edges, &adjacency, CAP);
        assert_eq!(core.len(), CAP.0);
        assert_eq!(core.first(), Some(&0));
    }

    #[test]
    fn leaves_outside_the_core_sit_near_their_hub_and_loners_outside() {
        let (n, edges) = star(CAP.0 as u32 + 10, 5);
        let pos = within(n, &edges, CAP);
        let hub = pos[0];
        let leaf = pos[CAP.0 + 5];
        assert!((leaf.0 - hub.0).hypot(leaf.1 - hub.1) <= 3.0 + 1e-9);
        let loner = pos[n - 1];
        let far = pos[..n - 5]
            .iter()
            .map(|p| (p.0 - hub.0).hypot(p.1 - hub.1))
            .fold(0.0, f64::max);
        assert!((loner.0 - hub.0).hypot(loner.1 - hub.1) > far * 0.5);
    }

    #[test]
    fn resettling_moves_only_the_core() {
        let (n, edges) = star(CORE_NODES as u32 + 20, 0);
        let start: Vec<(f64, f64)> = (0..n).map(|v| (v as f64, (v % 7) as f64)).collect();
        let after = resettle_core(start.clone(), &edges);
        assert_eq!(after.len(), n);
        assert_eq!(after[n - 1], start[n - 1]);
        assert_ne!(after[0], start[0]);
    }

    #[test]
    fn deterministic() {
        let (n, edges) = star(CAP.0 as u32 + 50, 3);
        assert_eq!(within(n, &edges, CAP), within(n, &edges, CAP));
    }

    #[test]
    fn the_tie_cap_stops_the_core() {
        // a clique of 30: the 11th node brings the ties among the core to 45 + 10 = 55 > 50
        let edges: Vec<(u32, u32, f64)> = (0..30u32)
            .flat_map(|a| ((a + 1)..30).map(move |b| (a, b, 1.0)))
            .collect();
        let adjacency = Csr::undirected(30, edges.iter().map(|&(a, b, _)| (a, b)));
        assert_eq!(pick_core(30, &edges, &adjacency, (40, 50)).len(), 11);
    }
}
