//! The network the scene benchmarks draw: the size of the 1 M-message export's (about
//! 49 000 people, 120 000 ties), seeded. Shared by `benches/scene.rs` and
//! `examples/scene_build.rs` (which runs in wasm too).

use peerscope_core::draw::view::explore::{select, Filter, Selection};
use peerscope_core::draw::view::scene::{Colouring, Scene};
use peerscope_core::draw::view::{EdgeView, NetworkView, NodeView, Role};
use peerscope_core::model::random::SplitMix;

/// People and ties of the generated network (the 1 M export has about 49 000 people).
pub const PEOPLE: usize = 49_000;
pub const TIES: usize = 120_000;

/// A seeded network of [`PEOPLE`] people and `ties` ties (at most about a third of all
/// pairs, or the draw takes long): ties drawn with one end skewed towards low indices (hubs), weights
/// mostly 1–3 with a long tail, roles by degree (a host, a few dozen leaders).
pub fn network(ties: usize) -> NetworkView {
    let mut rng = SplitMix(42);
    let mut seen = std::collections::HashSet::new();
    let mut edges = Vec::with_capacity(ties);
    while edges.len() < ties {
        let hub = (rng.unit().powi(3) * PEOPLE as f64) as u32;
        let other = rng.below(PEOPLE as u64) as u32;
        let (a, b) = (hub.min(other), hub.max(other));
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let weight = 1 + (rng.unit().powi(6) * 400.0) as u32;
        edges.push(EdgeView { a, b, weight });
    }
    let mut degree = vec![0u32; PEOPLE];
    for e in &edges {
        degree[e.a as usize] += 1;
        degree[e.b as usize] += 1;
    }
    let nodes = (0..PEOPLE)
        .map(|i| NodeView {
            id: i.to_string(),
            name: format!("person {i}"),
            role: match i {
                0 => Role::Host,
                1..=40 => Role::Leader,
                _ if degree[i] > 3 => Role::Core,
                _ => Role::Audience,
            },
            degree: degree[i],
            x: rng.unit(),
            y: rng.unit(),
            community: (i % 37) as u32,
            ..NodeView::default()
        })
        .collect();
    NetworkView {
        nodes,
        edges,
        ..NetworkView::default()
    }
}

/// The network with `ties` ties and what the canvas draws of it: everyone (the page lifts the
/// most-connected limit for the canvas) and every tie.
pub fn drawn(ties: usize) -> (NetworkView, Selection) {
    let network = network(ties);
    let filter = Filter {
        limit: None,
        ..Filter::default()
    };
    let selection = select(&network, &filter, &[]);
    assert_eq!(selection.count, PEOPLE);
    (network, selection)
}

/// The scene of `selection` on an 800 × 560 drawing, as the page places it.
pub fn build(network: &NetworkView, selection: &Selection) -> Scene {
    let place = |n: &NodeView| (n.x * 800.0, n.y * 560.0);
    Scene::build(
        network,
        selection,
        place,
        Colouring::default(),
        (800.0, 560.0),
    )
}
