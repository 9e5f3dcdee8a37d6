//! The Barnes–Hut quadtree behind ForceAtlas2's repulsion.
//!
//! Built without recursion: a cell owns a contiguous range of a permutation of the nodes,
//! and splitting a cell partitions its range into the four quadrants in place. Depth is
//! capped at [`MAX_DEPTH`] (a cell at the cap keeps all its bodies, however many share a
//! spot), so both the build and the walk use a small explicit stack, never the call stack
//! (browser wasm has about 1 MiB of it).

/// Deepest level a cell may sit at; 2⁻²⁴ of the layout's extent is far below a pixel.
pub const MAX_DEPTH: u32 = 24;
/// A cell with at most this many bodies is not split.
const LEAF_SIZE: usize = 4;
/// No child / no cell.
const NONE: u32 = u32::MAX;

/// One square of the tree: its bodies' total mass and centre of mass, its side, the range
/// of `Tree::order` it covers, and its children (contiguous in `Tree::cells`).
#[derive(Debug, Clone, Copy)]
struct Cell {
    mass: f64,
    x: f64,
    y: f64,
    side: f64,
    start: u32,
    end: u32,
    first_child: u32,
    children: u8,
}

/// A quadtree over weighted points, rebuilt every iteration.
#[derive(Debug, Default)]
pub struct Tree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    scratch: Vec<u32>,
    stack: Vec<(u32, f64, f64, u32)>,
}

impl Tree {
    /// Rebuilds the tree over `pos` with masses `mass` (same length; extra entries of the
    /// longer one are ignored). An empty input gives an empty tree.
    pub fn build(&mut self, pos: &[(f64, f64)], mass: &[f64]) {
        let n = pos.len().min(mass.len());
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..n as u32);
        if n == 0 {
            return;
        }
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pos.iter().take(n) {
            (lo_x, hi_x) = (lo_x.min(x), hi_x.max(x));
            (lo_y, hi_y) = (lo_y.min(y), hi_y.max(y));
        }
        let side = (hi_x - lo_x).max(hi_y - lo_y).max(1e-9);
        let root = self.summarise(pos, mass, 0, n as u32, side);
        self.cells.push(root);
        // (cell, left, top, depth) still to split.
        self.stack.clear();
        self.stack.push((0, lo_x, lo_y, 0));
        while let Some((at, left, top, depth)) = self.stack.pop() {
            self.split(pos, mass, at, left, top, depth);
        }
    }

    /// Mass and centre of mass of `order[start..end]`.
    fn summarise(&self, pos: &[(f64, f64)], mass: &[f64], start: u32, end: u32, side: f64) -> Cell {
        let (mut m, mut sx, mut sy) = (0.0, 0.0, 0.0);
        let members = self.order.get(start as usize..end as usize).unwrap_or(&[]);
        for &v in members {
            let (x, y) = pos.get(v as usize).copied().unwrap_or((0.0, 0.0));
            let w = mass.get(v as usize).copied().unwrap_or(0.0);
            m += w;
            sx += x * w;
            sy += y * w;
        }
        let m_safe = if m > 0.0 { m } else { 1.0 };
        Cell {
            mass: m,
            x: sx / m_safe,
            y: sy / m_safe,
            side,
            start,
            end,
            first_child: NONE,
            children: 0,
        }
    }

    /// Splits cell `at` (whose square starts at `left`, `top`) into its non-empty
    /// quadrants and queues them, unless it is small enough or at the depth cap.
    // Indexing is checked by construction: cells and order are built here, and node
    // numbers index position and mass arrays of the node count the tree was built for.
    #[allow(clippy::indexing_slicing)]
    fn split(
        &mut self,
        pos: &[(f64, f64)],
        mass: &[f64],
        at: u32,
        left: f64,
        top: f64,
        depth: u32,
    ) {
        let cell = self.cells[at as usize];
        let (start, end) = (cell.start as usize, cell.end as usize);
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            return;
        }
        let half = cell.side / 2.0;
        let (mid_x, mid_y) = (left + half, top + half);
        let quadrant = |v: u32| {
            let (x, y) = pos[v as usize];
            usize::from(x >= mid_x) + 2 * usize::from(y >= mid_y)
        };
        let mut counts = [0usize; 4];
        for &v in &self.order[start..end] {
            counts[quadrant(v)] += 1;
        }
        let mut next = [start, 0, 0, 0];
        for q in 1..4 {
            next[q] = next[q - 1] + counts[q - 1];
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.order[start..end]);
        for &v in &self.scratch {
            let q = quadrant(v);
            self.order[next[q]] = v;
            next[q] += 1;
        }
        let first = self.cells.len() as u32;
        let mut from = start;
        let mut made = 0u8;
        for (q, &count) in counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let to = from + count;
            let child = self.summarise(pos, mass, from as u32, to as u32, half);
            let (cl, ct) = (left + half * (q % 2) as f64, top + half * (q / 2) as f64);
            self.stack
                .push((self.cells.len() as u32, cl, ct, depth + 1));
            self.cells.push(child);
            made += 1;
            from = to;
        }
        let parent = &mut self.cells[at as usize];
        parent.first_child = first;
        parent.children = made;
    }

    /// Adds to `force[v]` the repulsion `k · mass[v] · mass[u] / d` from every other body
    /// `u`, directed away from it, approximating a cell by its centre of mass when
    /// `side / distance < theta` (0 makes it exact). Bodies at the same spot do not push
    /// each other. `walk` is reused scratch space. Returns the force on `v`.
    // Indexing is checked by construction: cells and order are built here, and node
    // numbers index position and mass arrays of the node count the tree was built for.
    #[allow(clippy::indexing_slicing)]
    pub fn repel(
        &self,
        v: usize,
        pos: &[(f64, f64)],
        mass: &[f64],
        k: f64,
        theta: f64,
        walk: &mut Vec<u32>,
    ) -> (f64, f64) {
        let (Some(&(x, y)), Some(&m)) = (pos.get(v), mass.get(v)) else {
            return (0.0, 0.0);
        };
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut push = |dx: f64, dy: f64, other: f64| {
            let d2 = dx * dx + dy * dy;
            if d2 > 1e-18 {
                let f = k * m * other / d2;
                fx += dx * f;
                fy += dy * f;
            }
        };
        walk.clear();
        if !self.cells.is_empty() {
            walk.push(0);
        }
        while let Some(at) = walk.pop() {
            let cell = &self.cells[at as usize];
            let (dx, dy) = (x - cell.x, y - cell.y);
            if cell.first_child == NONE {
                for &u in &self.order[cell.start as usize..cell.end as usize] {
                    if u as usize != v {
                        let (ux, uy) = pos[u as usize];
                        push(x - ux, y - uy, mass[u as usize]);
                    }
                }
            } else if cell.side * cell.side < theta * theta * (dx * dx + dy * dy) {
                // side / d < θ, squared: no square root per cell visited
                push(dx, dy, cell.mass);
            } else {
                walk.extend(cell.first_child..cell.first_child + u32::from(cell.children));
            }
        }
        (fx, fy)
    }

    /// Every node once, in the tree's spatial order (nodes of one cell side by side).
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Number of cells (for tests).
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether the tree has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exact pairwise repulsion, to check the approximation.
    fn exact(v: usize, pos: &[(f64, f64)], mass: &[f64]) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        for u in 0..pos.len() {
            if u != v {
                let (dx, dy) = (pos[v].0 - pos[u].0, pos[v].1 - pos[u].1);
                let d2 = dx * dx + dy * dy;
                fx += dx * mass[v] * mass[u] / d2;
                fy += dy * mass[v] * mass[u] / d2;
            }
        }
        (fx, fy)
    }

    #[test]
    fn small_theta_is_exact_and_default_theta_is_close() {
        let pos: Vec<(f64, f64)> = (0..200)
            .map(|i| {
                let t = f64::from(i);
                ((t * 0.37).sin() * t, (t * 0.91).cos() * (200.0 - t))
            })
            .collect();
        let mass: Vec<f64> = (0..200).map(|i| 1.0 + f64::from(i % 5)).collect();
        let mut tree = Tree::default();
        tree.build(&pos, &mass);
        let mut walk = Vec::new();
        for v in [0, 17, 199] {
            let want = exact(v, &pos, &mass);
            let got = tree.repel(v, &pos, &mass, 1.0, 0.0, &mut walk);
            assert!((got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9);
            let near = tree.repel(v, &pos, &mass, 1.0, 0.5, &mut walk);
            let len = (want.0.hypot(want.1)).max(1e-9);
            assert!((near.0 - want.0).hypot(near.1 - want.1) / len < 0.1);
        }
    }

    #[test]
    fn many_bodies_on_one_spot_stop_at_the_depth_cap() {
        let pos = vec![(1.0, 1.0); 1000];
        let mass = vec![1.0; 1000];
        let mut tree = Tree::default();
        tree.build(&pos, &mass);
        assert!(tree.len() <= 2 * MAX_DEPTH as usize + 1);
        let f = tree.repel(3, &pos, &mass, 1.0, 1.2, &mut Vec::new());
        assert_eq!(f, (0.0, 0.0));
        tree.build(&[], &[]);
        assert!(tree.is_empty());
    }
}
