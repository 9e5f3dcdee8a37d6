//! Tests of the layout: determinism, bounds, shape, and (ignored) timing on a big graph.

use std::time::Instant;

use super::*;

/// Two cliques of `k` joined by one edge (node 0 to node k).
fn two_cliques(k: u32) -> Vec<(u32, u32, f64)> {
    let mut edges = vec![(0, k, 1.0)];
    for base in [0, k] {
        for a in 0..k {
            for b in a + 1..k {
                edges.push((base + a, base + b, 1.0));
            }
        }
    }
    edges
}

fn mean(pos: &[(f64, f64)]) -> (f64, f64) {
    let n = pos.len() as f64;
    pos.iter()
        .fold((0.0, 0.0), |(sx, sy), &(x, y)| (sx + x / n, sy + y / n))
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

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

#[test]
fn two_cliques_separate_in_both_modes() {
    for lin_log in [false, true] {
        let settings = Settings {
            lin_log,
            ..settings_for(40)
        };
        let mut fa2 = ForceAtlas2::new(40, &two_cliques(20), settings);
        let ran = fa2.run_until_settled(2000);
        let pos = fa2.positions();
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        assert!(fa2.settled(), "lin_log {lin_log}: not settled after {ran}");
        let (left, right) = (mean(&pos[..20]), mean(&pos[20..]));
        let spread = |part: &[(f64, f64)], c| {
            part.iter().map(|&p| distance(p, c)).sum::<f64>() / part.len() as f64
        };
        let gap = distance(left, right);
        assert!(
            gap > 2.0 * spread(&pos[..20], left) && gap > 2.0 * spread(&pos[20..], right),
            "lin_log {lin_log}: the cliques overlap (gap {gap})"
        );
    }
}

#[test]
fn steps_are_deterministic_and_finite_with_odd_input() {
    let edges = [
        (0, 1, 3.0),
        (1, 2, f64::NAN),
        (2, 2, 1.0),
        (0, 9, 1.0),
        (3, 4, 0.0),
    ];
    let run = || {
        let mut fa2 = ForceAtlas2::new(5, &edges, Settings::default());
        for _ in 0..50 {
            fa2.step();
        }
        fa2.positions().to_vec()
    };
    let a = run();
    assert_eq!(a, run());
    assert!(a.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    let strong = Settings {
        strong_gravity: true,
        gravity: 5.0,
        ..Settings::default()
    };
    let mut fa2 = ForceAtlas2::from_positions(vec![(f64::NAN, 1.0); 3], &[], strong);
    fa2.run_until_settled(100);
    assert!(fa2.positions().iter().all(|p| p.0.is_finite()));
}

/// A random graph of `n` nodes and about `m` edges, from the layout's own generator.
fn random_graph(n: u32, m: usize) -> Vec<(u32, u32, f64)> {
    let mut rng = SplitMix(7);
    (0..m)
        .map(|_| {
            let a = (rng.unit() * f64::from(n)) as u32;
            let b = (rng.unit() * f64::from(n)) as u32;
            (a, b, 1.0 + (rng.unit() * 3.0).floor())
        })
        .collect()
}

#[test]
#[ignore = "timing: cargo test --release -- --ignored --nocapture fa2_timing"]
fn fa2_timing_on_10k_nodes_and_100k_edges() {
    let edges = random_graph(10_000, 100_000);
    let mut fa2 = ForceAtlas2::new(10_000, &edges, Settings::default());
    let start = Instant::now();
    let ran = 20;
    for _ in 0..ran {
        fa2.step();
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / ran as f64;
    println!("ForceAtlas2, 10k nodes / 100k edges: {per:.1} ms per iteration over {ran}");
    let start = Instant::now();
    let whole = layout_weighted(10_000, &edges);
    println!(
        "layout_weighted (budgeted, {} iterations max): {:.2} s",
        iterations_for(10_000, edges.len()),
        start.elapsed().as_secs_f64()
    );
    assert_eq!(whole.len(), 10_000);
}

#[test]
fn landscape_lays_the_long_axis_flat() {
    let tall: Vec<(f64, f64)> = (0..20)
        .map(|i| (0.1 * f64::from(i % 2), f64::from(i)))
        .collect();
    let flat = landscape(&tall);
    let spread = |f: fn(&(f64, f64)) -> f64| {
        let v: Vec<f64> = flat.iter().map(f).collect();
        v.iter().cloned().fold(f64::MIN, f64::max) - v.iter().cloned().fold(f64::MAX, f64::min)
    };
    assert!(spread(|p| p.0) > 5.0 * spread(|p| p.1));
    assert!(landscape(&[]).is_empty());
}

#[test]
fn loners_are_binned_and_the_talkers_fill_the_frame() {
    // A ring of 20 talkers and 31 people with no tie: the talkers span the width, the
    // loners sit in a strip under them instead of a ring around them.
    let edges: Vec<(u32, u32, f64)> = (0..20u32).map(|v| (v, (v + 1) % 20, 1.0)).collect();
    let pos = layout_weighted(51, &edges);
    let talkers = &pos[..20];
    let span = |f: fn(&(f64, f64)) -> f64, of: &[(f64, f64)]| {
        let lo = of.iter().map(f).fold(f64::MAX, f64::min);
        (lo, of.iter().map(f).fold(f64::MIN, f64::max))
    };
    let (x0, x1) = span(|p| p.0, talkers);
    let (_, bottom) = span(|p| p.1, talkers);
    assert!(x1 - x0 > 0.75, "the talkers span {x0}..{x1}");
    assert!(
        pos[20..].iter().all(|p| p.1 > bottom),
        "every loner under the talkers"
    );
}
