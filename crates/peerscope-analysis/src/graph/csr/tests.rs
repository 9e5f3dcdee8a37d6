use super::*;

#[test]
fn induced_equals_rebuilding_from_the_kept_pairs() {
    let pairs = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 1), (5, 0)];
    let whole = Csr::undirected(7, pairs.iter().copied());
    let keep = [true, true, false, true, true, true];
    let rebuilt = Csr::undirected(
        7,
        pairs.iter().copied().filter(|&(a, b)| {
            keep.get(a as usize) == Some(&true) && keep.get(b as usize) == Some(&true)
        }),
    );
    assert_eq!(whole.induced(&keep), rebuilt);
    assert_eq!(whole.induced(&[]), Csr::undirected(7, std::iter::empty()));
}

fn path(n: u32) -> Csr {
    Csr::undirected(n as usize, (1..n).map(|v| (v - 1, v)))
}

#[test]
fn csr_drops_repeats_and_loops() {
    let g = Csr::undirected(3, [(0, 1), (1, 0), (1, 1), (2, 9)].into_iter());
    assert_eq!(g.edge_count(), 1);
    assert_eq!(g.neighbors(1), &[0]);
    assert_eq!(g.neighbors(7), &[] as &[u32]);
}

#[test]
fn components_and_sizes() {
    let g = Csr::undirected(5, [(0, 1), (3, 4)].into_iter());
    let (label, sizes) = g.components();
    assert_eq!(label, vec![0, 0, 1, 2, 2]);
    assert_eq!(sizes, vec![2, 1, 2]);
    assert_eq!(Csr::default().components().1, Vec::<usize>::new());
}

#[test]
fn two_core_of_a_triangle_with_a_tail() {
    let g = Csr::undirected(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4)].into_iter());
    assert_eq!(g.k_core(2), vec![true, true, true, false, false]);
    assert!(path(4).k_core(2).iter().all(|&x| !x));
}

#[test]
fn articulation_points_and_what_they_cut_off() {
    // 0-1-2 path, 2 joined to a triangle 2-3-4; 5 isolated.
    let g = Csr::undirected(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 2)].into_iter());
    assert_eq!(g.articulation_points(), vec![0, 1, 2, 0, 0, 0]);
    // a star: the centre (a search root) cuts off all leaves but one part
    let star = Csr::undirected(5, (1..5).map(|v| (0, v)));
    assert_eq!(star.articulation_points(), vec![3, 0, 0, 0, 0]);
    // networkx.articulation_points of a cycle: none
    assert!(
        Csr::undirected(4, [(0, 1), (1, 2), (2, 3), (3, 0)].into_iter())
            .articulation_points()
            .iter()
            .all(|&c| c == 0)
    );
}

#[test]
fn betweenness_of_a_path_matches_networkx() {
    // networkx.betweenness_centrality(nx.path_graph(4), normalized=False) → 0, 2, 2, 0
    assert_eq!(path(4).betweenness(), vec![0.0, 2.0, 2.0, 0.0]);
    // a star with 4 leaves: the centre lies on all C(4,2) = 6 leaf pairs
    let star = Csr::undirected(5, (1..5).map(|v| (0, v)));
    assert_eq!(star.betweenness().first().copied(), Some(6.0));
}

#[test]
fn sampled_betweenness_is_exact_with_every_source_and_close_with_half() {
    let star = Csr::undirected(41, (1..41).map(|v| (0, v)));
    assert_eq!(star.betweenness_sampled(41, 1), star.betweenness());
    // the centre lies on C(40, 2) = 780 leaf pairs; from 20 sources the estimate is
    // within a few percent (every source but the centre sees 39 pairs through it)
    let estimate = star.betweenness_sampled(20, 1)[0];
    assert!((estimate - 780.0).abs() < 780.0 * 0.1, "{estimate}");
    assert!(Csr::default().betweenness_sampled(3, 1).is_empty());
}
