//! Re-settling a layout a few iterations at a time, so a caller with a frame to keep (the
//! page's main thread) can draw the picture moving between steps instead of freezing
//! until it is done.
//!
//! [`Settle::start`] takes unit-square positions and ties, [`Settle::step`] runs a bounded
//! number of ForceAtlas2 iterations, [`Settle::done`] says whether to stop, and
//! [`Settle::positions`] gives the picture so far, fitted back into the unit square.
//! Running it to the end gives exactly [`super::resettle`] (which is built on it), so
//! the stepped and the one-go pictures agree.

use super::bin::tied_people;
use super::core_first::{pick_core, sub_layout, CORE_NODES, CORE_TIES};
use super::{iterations_for, normalise, settings_for, ForceAtlas2};
use crate::graph::Csr;

/// A re-settle in progress: the stopping rule is the layout's own (mean move below
/// [`super::Settings::settle_below`] of the layout's radius), or a quarter of a fresh
/// layout's iteration budget, whichever comes first.
#[derive(Debug)]
pub struct Settle {
    /// Everyone, in layout units; past [`CORE_NODES`] people only the core's entries move.
    all: Vec<(f64, f64)>,
    /// The people ForceAtlas2 moves, as indices into `all` (`None`: everyone, in order).
    core: Option<Vec<u32>>,
    /// `None` for fewer than two people (nothing to settle).
    fa2: Option<ForceAtlas2>,
    /// Iterations still allowed.
    left: usize,
    /// Whether each person has a tie (the untied are binned, see [`super::picture`]).
    tied: Vec<bool>,
}

impl Settle {
    /// Starts from unit-square `positions` (one per person) tied by `edges` (`(a, b,
    /// weight)`, each tie once). Past [`CORE_NODES`] people only the best-tied core moves,
    /// as in [`super::layout_weighted`]. Fewer than two people: done at once, centred.
    pub fn start(positions: &[(f64, f64)], edges: &[(u32, u32, f64)]) -> Settle {
        let n = positions.len();
        if n < 2 {
            return Settle {
                all: vec![(0.0, 0.0); n],
                core: None,
                fa2: None,
                left: 0,
                tied: vec![false; n],
            };
        }
        // Back to layout units: a fresh layout spreads over about 10·√n.
        let scale = 10.0 * (n.min(CORE_NODES) as f64).sqrt();
        let all: Vec<(f64, f64)> = positions
            .iter()
            .map(|&(x, y)| ((x - 0.5) * scale, (y - 0.5) * scale))
            .collect();
        let (core, start, ties) = if n > CORE_NODES {
            let adjacency = Csr::undirected(n, edges.iter().map(|&(a, b, _)| (a, b)));
            let core = pick_core(n, edges, &adjacency, (CORE_NODES, CORE_TIES));
            let (start, ties) = sub_layout(&core, &all, edges);
            (Some(core), start, ties)
        } else {
            (None, all.clone(), edges.to_vec())
        };
        let moved = start.len();
        let left = iterations_for(moved, ties.len()) / 4;
        let fa2 = ForceAtlas2::from_positions(start, &ties, settings_for(moved));
        Settle {
            all,
            core,
            fa2: Some(fa2),
            left,
            tied: tied_people(n, edges),
        }
    }

    /// Runs up to `iterations` more (0 runs none), stopping early once [`done`](Self::done);
    /// returns whether it is done. Each iteration costs about `n log n + m` for the `n`
    /// people and `m` ties that move (see [`super::iterations_for`]).
    pub fn step(&mut self, iterations: usize) -> bool {
        let mut ran = 0;
        while ran < iterations && !self.done() {
            if let Some(fa2) = self.fa2.as_mut() {
                fa2.step();
            }
            self.left = self.left.saturating_sub(1);
            ran += 1;
        }
        self.done()
    }

    /// Whether the layout has settled (the last iteration moved people little) or used up
    /// its iterations; always true for fewer than two people.
    pub fn done(&self) -> bool {
        self.left == 0 || self.fa2.as_ref().is_none_or(ForceAtlas2::settled)
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> usize {
        self.fa2.as_ref().map_or(0, ForceAtlas2::iterations)
    }

    /// Everyone's position so far, the people left with no tie binned under the rest and
    /// all fitted into 0.05..=0.95 (see [`super::picture`]; not turned, so the picture does not
    /// spin as it settles); one person sits in the centre, nobody gives none.
    pub fn positions(&self) -> Vec<(f64, f64)> {
        let Some(fa2) = self.fa2.as_ref() else {
            return vec![(0.5, 0.5); self.all.len()];
        };
        let fitted = |pos: &[(f64, f64)]| normalise(&super::bin::bin_untied(pos, &self.tied));
        match &self.core {
            None => fitted(fa2.positions()),
            Some(core) => {
                let mut all = self.all.clone();
                for (&v, &p) in core.iter().zip(fa2.positions()) {
                    if let Some(slot) = all.get_mut(v as usize) {
                        *slot = p;
                    }
                }
                fitted(&all)
            }
        }
    }

    /// Steps until done and returns the final positions (what [`super::resettle`] gives).
    pub fn finish(mut self) -> Vec<(f64, f64)> {
        self.step(usize::MAX);
        self.positions()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions and `(a, b, weight)` ties.
    type Graph = (Vec<(f64, f64)>, Vec<(u32, u32, f64)>);

    /// A ring of `n` people, each also tied to the one three further on, on a diagonal.
    fn ring(n: u32) -> Graph {
        let edges = (0..n)
            .flat_map(|v| [(v, (v + 1) % n, 1.0), (v, (v + 3) % n, 2.0)])
            .collect();
        let pos = (0..n)
            .map(|v| (f64::from(v) / f64::from(n), f64::from(v % 5) / 5.0))
            .collect();
        (pos, edges)
    }

    #[test]
    fn a_few_steps_at_a_time_end_where_one_go_ends() {
        let (pos, edges) = ring(60);
        let mut settle = Settle::start(&pos, &edges);
        let mut frames = 0;
        while !settle.step(2) {
            frames += 1;
            assert!(frames < 1_000, "never stops");
        }
        assert!(frames > 1, "settled in one frame: nothing to show moving");
        // The one-go rule, by hand: back to layout units, run until settled within a quarter
        // of a fresh layout's iterations, fit.
        let scale = 10.0 * 60f64.sqrt();
        let start = pos
            .iter()
            .map(|&(x, y)| ((x - 0.5) * scale, (y - 0.5) * scale));
        let mut fa2 = ForceAtlas2::from_positions(start.collect(), &edges, settings_for(60));
        fa2.run_until_settled(iterations_for(60, edges.len()) / 4);
        assert_eq!(settle.positions(), normalise(fa2.positions()));
    }

    #[test]
    fn moves_between_steps_then_stops_moving() {
        let (pos, edges) = ring(40);
        let mut settle = Settle::start(&pos, &edges);
        let before = settle.positions();
        settle.step(1);
        assert_ne!(settle.positions(), before, "the first step moves people");
        let done = settle.finish();
        let mut again = Settle::start(&pos, &edges);
        again.step(usize::MAX);
        assert!(again.done());
        let ran = again.iterations();
        again.step(5);
        assert_eq!(again.iterations(), ran, "a done settle runs no more");
        assert_eq!(again.positions(), done);
    }

    #[test]
    fn starts_where_people_were() {
        let (pos, edges) = ring(30);
        let settle = Settle::start(&pos, &edges);
        // Before any step, only the fit into 0.05..=0.95 changes the picture.
        let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() + (a.1 - b.1).abs() < 1e-9;
        let fitted = normalise(&pos);
        assert!(settle
            .positions()
            .iter()
            .zip(&fitted)
            .all(|(&a, &b)| close(a, b)));
        assert_eq!(settle.iterations(), 0);
    }

    #[test]
    fn zero_iterations_and_tiny_graphs() {
        let (pos, edges) = ring(10);
        let mut settle = Settle::start(&pos, &edges);
        assert!(!settle.step(0));
        assert_eq!(settle.iterations(), 0);
        assert!(Settle::start(&[], &[]).done());
        assert!(Settle::start(&[], &[]).positions().is_empty());
        let one = Settle::start(&[(0.1, 0.9)], &[]);
        assert!(one.done());
        assert_eq!(one.positions(), vec![(0.5, 0.5)]);
    }

    #[test]
    fn past_the_core_only_the_core_moves() {
        let n = CORE_NODES as u32 + 30;
        let edges: Vec<(u32, u32, f64)> = (1..n).map(|v| (0, v, 1.0)).collect();
        let pos: Vec<(f64, f64)> = (0..n)
            .map(|v| (f64::from(v) / f64::from(n), f64::from(v % 7) / 7.0))
            .collect();
        let mut settle = Settle::start(&pos, &edges);
        settle.step(1);
        let (a, b) = (settle.positions(), normalise(&pos));
        assert_eq!(a.len(), n as usize);
        assert_ne!(a[0], b[0], "the hub is in the core and moves");
    }
}
