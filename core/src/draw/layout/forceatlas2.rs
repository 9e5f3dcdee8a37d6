//! ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian, "ForceAtlas2, a continuous graph
//! layout algorithm for handy network visualization", PLoS ONE 9(6), 2014), with
//! Barnes–Hut repulsion.
//!
//! Forces, with `m(v) = degree(v) + 1` (the paper's mass):
//!
//! - repulsion between every two nodes: `k_r · m(u) · m(v) / d`, through the quadtree
//!   ([`super::quadtree`]) at `O(n log n)` per iteration;
//! - attraction along every edge of weight `w`: `w^δ · d` (linear) or `w^δ · ln(1 + d)`
//!   (LinLog, which makes clusters tighter and farther apart);
//! - gravity towards the origin: `k_g · m(v)` (or `k_g · m(v) · d` with strong gravity), so
//!   disconnected pieces stay on screen.
//!
//! Each node moves by its force times an adaptive speed: the global speed grows while the
//! nodes' forces keep their direction ("traction") and shrinks when they flip back and forth
//! ("swinging"), and a node that swings much moves less. Initial positions come from a
//! seeded generator, so a graph and a seed always give the same picture. [`ForceAtlas2::step`]
//! runs one iteration (the UI can run a few per frame); [`ForceAtlas2::run_until_settled`]
//! stops once the average move is a small fraction of the layout's size.

use super::quadtree::Tree;
use super::SplitMix;

/// The knobs of the paper, with Gephi's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `k_r`: repulsion strength, > 0; larger spreads the drawing. Default 2.
    pub scaling: f64,
    /// `k_g`: pull towards the origin, >= 0. Default 1.
    pub gravity: f64,
    /// Gravity grows with distance (`k_g · m · d`), packing far pieces in. Default off.
    pub strong_gravity: bool,
    /// LinLog attraction `ln(1 + d)` instead of `d`. Default off.
    pub lin_log: bool,
    /// `δ`: edge weights count as `w^δ`; 0 ignores weights. Default 1.
    pub edge_weight_influence: f64,
    /// Barnes–Hut opening criterion: a cell of side `s` at distance `d` counts as one body
    /// when `s / d < theta`; 0 is exact and slow. Default 1.2.
    pub theta: f64,
    /// `τ`: how much swinging is tolerated before slowing down, > 0. Default 1.
    pub jitter_tolerance: f64,
    /// Seed of the initial positions.
    pub seed: u64,
    /// Settled when the mean move of an iteration is below this fraction of the layout's
    /// radius (root mean square distance from its centre). Default 0.001.
    pub settle_below: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            scaling: 2.0,
            gravity: 1.0,
            strong_gravity: false,
            lin_log: false,
            edge_weight_influence: 1.0,
            theta: 1.2,
            jitter_tolerance: 1.0,
            seed: 0x9E37_79B9_7F4A_7C15,
            settle_below: 0.001,
        }
    }
}

/// A layout in progress: positions, the forces of the last iteration, the adaptive speed.
#[derive(Debug)]
pub struct ForceAtlas2 {
    settings: Settings,
    pos: Vec<(f64, f64)>,
    mass: Vec<f64>,
    /// `(a, b, w^δ)`, both ends in range, `a != b`.
    edges: Vec<(u32, u32, f64)>,
    force: Vec<(f64, f64)>,
    previous: Vec<(f64, f64)>,
    speed: f64,
    efficiency: f64,
    movement: f64,
    iterations: usize,
    tree: Tree,
    walk: Vec<u32>,
}

impl ForceAtlas2 {
    /// A layout of `n` nodes tied by `edges` (`(a, b, weight)`; self-loops, ends out of
    /// range and non-positive or non-finite weights are dropped), starting from seeded
    /// random positions in a square of side `10·√n`.
    pub fn new(n: usize, edges: &[(u32, u32, f64)], settings: Settings) -> ForceAtlas2 {
        let mut rng = SplitMix(settings.seed);
        let side = 10.0 * (n as f64).sqrt();
        let pos = (0..n)
            .map(|_| ((rng.unit() - 0.5) * side, (rng.unit() - 0.5) * side))
            .collect();
        ForceAtlas2::from_positions(pos, edges, settings)
    }

    /// A layout that continues from `positions` (one per node; non-finite ones become 0),
    /// e.g. to re-settle after removing people.
    // Indexing is checked by construction: positions, forces and masses are sized to the
    // node count, and edges were filtered to ends below it when the layout was made.
    #[allow(clippy::indexing_slicing)]
    pub fn from_positions(
        positions: Vec<(f64, f64)>,
        edges: &[(u32, u32, f64)],
        settings: Settings,
    ) -> ForceAtlas2 {
        let n = positions.len();
        let pos = positions
            .into_iter()
            .map(|(x, y)| (finite(x), finite(y)))
            .collect();
        let delta = settings.edge_weight_influence;
        let edges: Vec<(u32, u32, f64)> = edges
            .iter()
            .filter(|&&(a, b, w)| a != b && (a as usize) < n && (b as usize) < n && w > 0.0)
            .filter(|e| e.2.is_finite())
            .map(|&(a, b, w)| (a, b, if delta == 0.0 { 1.0 } else { w.powf(delta) }))
            .collect();
        let mut mass = vec![1.0; n];
        for &(a, b, _) in &edges {
            mass[a as usize] += 1.0;
            mass[b as usize] += 1.0;
        }
        ForceAtlas2 {
            settings,
            pos,
            mass,
            edges,
            force: vec![(0.0, 0.0); n],
            previous: vec![(0.0, 0.0); n],
            speed: 1.0,
            efficiency: 1.0,
            movement: f64::INFINITY,
            iterations: 0,
            tree: Tree::default(),
            walk: Vec::new(),
        }
    }

    /// Current positions, one per node, in layout units (centred near the origin).
    pub fn positions(&self) -> &[(f64, f64)] {
        &self.pos
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The mean move of the last iteration as a fraction of the layout's radius
    /// (infinite before the first iteration, 0 for fewer than two nodes).
    pub fn movement(&self) -> f64 {
        self.movement
    }

    /// Whether the last iteration moved nodes less than `settle_below` on average.
    pub fn settled(&self) -> bool {
        self.movement < self.settings.settle_below
    }

    /// Runs iterations until [`settled`](Self::settled) or `max_iterations` more have run;
    /// returns how many ran.
    pub fn run_until_settled(&mut self, max_iterations: usize) -> usize {
        let mut ran = 0;
        while ran < max_iterations && !self.settled() {
            self.step();
            ran += 1;
        }
        ran
    }

    /// One iteration: forces, speed, moves. Returns [`movement`](Self::movement).
    pub fn step(&mut self) -> f64 {
        let n = self.pos.len();
        if n < 2 {
            self.movement = 0.0;
            return 0.0;
        }
        std::mem::swap(&mut self.force, &mut self.previous);
        self.repel_and_pull_in();
        self.attract();
        self.adapt_speed();
        self.movement = self.apply();
        self.iterations += 1;
        self.movement
    }

    /// Repulsion (Barnes–Hut) and gravity, overwriting `force`.
    // Indexing is checked by construction: positions, forces and masses are sized to the
    // node count, and edges were filtered to ends below it when the layout was made.
    #[allow(clippy::indexing_slicing)]
    fn repel_and_pull_in(&mut self) {
        let s = &self.settings;
        self.tree.build(&self.pos, &self.mass);
        // In the tree's order, so consecutive walks visit the same cells while they are
        // still in cache (on 10 k nodes / 100 k edges: 27 ms a step in 0..n order, 15 ms so).
        for &v in self.tree.order() {
            let v = v as usize;
            let (rx, ry) =
                self.tree
                    .repel(v, &self.pos, &self.mass, s.scaling, s.theta, &mut self.walk);
            let (x, y) = self.pos[v];
            let d = length(x, y);
            let pull = if s.strong_gravity {
                s.gravity * self.mass[v]
            } else if d > 0.0 {
                s.gravity * self.mass[v] / d
            } else {
                0.0
            };
            self.force[v] = (rx - x * pull, ry - y * pull);
        }
    }

    /// Attraction along every edge, added to `force`.
    // Indexing is checked by construction: positions, forces and masses are sized to the
    // node count, and edges were filtered to ends below it when the layout was made.
    #[allow(clippy::indexing_slicing)]
    fn attract(&mut self) {
        for &(a, b, w) in &self.edges {
            let ((ax, ay), (bx, by)) = (self.pos[a as usize], self.pos[b as usize]);
            let (dx, dy) = (bx - ax, by - ay);
            let f = if self.settings.lin_log {
                let d = length(dx, dy);
                if d > 0.0 {
                    w * (1.0 + d).ln() / d
                } else {
                    0.0
                }
            } else {
                w
            };
            let fa = &mut self.force[a as usize];
            (fa.0, fa.1) = (fa.0 + dx * f, fa.1 + dy * f);
            let fb = &mut self.force[b as usize];
            (fb.0, fb.1) = (fb.0 - dx * f, fb.1 - dy * f);
        }
    }

    /// The global speed from total swinging and traction (the paper's §"Adaptive speed",
    /// with Gephi's estimate of the jitter tolerance and its cap on how fast speed rises).
    fn adapt_speed(&mut self) {
        let (mut swinging, mut traction) = (0.0, 0.0);
        for ((f, p), m) in self.force.iter().zip(&self.previous).zip(&self.mass) {
            swinging += m * length(f.0 - p.0, f.1 - p.1);
            traction += m * length(f.0 + p.0, f.1 + p.1) / 2.0;
        }
        if swinging <= 0.0 || traction <= 0.0 {
            return;
        }
        let n = self.pos.len() as f64;
        let estimate = 0.05 * n.sqrt();
        let floor = estimate.sqrt();
        let mut jitter = self.settings.jitter_tolerance
            * (estimate * traction / (n * n)).clamp(floor, 10.0_f64.max(floor));
        if swinging / traction > 2.0 {
            if self.efficiency > 0.05 {
                self.efficiency *= 0.5;
            }
            jitter = jitter.max(self.settings.jitter_tolerance);
        }
        let target = jitter * self.efficiency * traction / swinging;
        if swinging > jitter * traction {
            if self.efficiency > 0.05 {
                self.efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(0.5 * self.speed);
    }

    /// Moves every node; returns the mean move over the layout's radius.
    // Indexing is checked by construction: positions, forces and masses are sized to the
    // node count, and edges were filtered to ends below it when the layout was made.
    #[allow(clippy::indexing_slicing)]
    fn apply(&mut self) -> f64 {
        let mut moved = 0.0;
        for v in 0..self.pos.len() {
            let (f, p) = (self.force[v], self.previous[v]);
            let swing = self.mass[v] * length(f.0 - p.0, f.1 - p.1);
            let factor = self.speed / (1.0 + (self.speed * swing).sqrt());
            let (dx, dy) = (f.0 * factor, f.1 * factor);
            if dx.is_finite() && dy.is_finite() {
                self.pos[v].0 += dx;
                self.pos[v].1 += dy;
                moved += length(dx, dy);
            }
        }
        let n = self.pos.len() as f64;
        moved / n / radius(&self.pos).max(1e-9)
    }
}

/// Root mean square distance of `pos` from its centroid (0 when empty).
pub fn radius(pos: &[(f64, f64)]) -> f64 {
    if pos.is_empty() {
        return 0.0;
    }
    let n = pos.len() as f64;
    let (cx, cy) = pos
        .iter()
        .fold((0.0, 0.0), |(sx, sy), &(x, y)| (sx + x / n, sy + y / n));
    let sq: f64 = pos
        .iter()
        .map(|&(x, y)| (x - cx).powi(2) + (y - cy).powi(2))
        .sum();
    (sq / n).sqrt()
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// √(x² + y²) without `hypot`'s guard against overflow, which costs several times more
/// and is never needed: layout coordinates stay far inside f64's range.
fn length(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}
