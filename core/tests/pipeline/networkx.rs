//! peerscope's graph measures against NetworkX, on the graphs that
//! `tests/networkx_reference.py` wrote to `tests/fixtures/networkx_reference.json`.

use peerscope_core::graph::interactions::{Interaction, InteractionKind};
use peerscope_core::graph::Graph;
use peerscope_core::measure::{direction, louvain, structure};
use peerscope_core::model::metric::Metric;
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

fn reference() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/networkx_reference.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    json["graphs"].as_array().cloned().unwrap_or_default()
}

/// G with people = nodes, each arc repeated `weight` times as reply interactions.
fn build(case: &Value) -> (Graph, Vec<bool>) {
    let n = case["nodes"].as_u64().unwrap_or(0) as u32;
    let mut interactions = Vec::new();
    for arc in case["arcs"].as_array().into_iter().flatten() {
        let (a, b, w) = (
            arc[0].as_u64().unwrap_or(0),
            arc[1].as_u64().unwrap_or(0),
            arc[2].as_u64().unwrap_or(0),
        );
        for _ in 0..w {
            interactions.push(Interaction {
                from: a as u32,
                to: b as u32,
                kind: InteractionKind::Reply,
                message: 0,
                target: None,
            });
        }
    }
    let people: Vec<u32> = (0..n).collect();
    let mut hosts = vec![false; n as usize];
    for h in case["hosts"].as_array().into_iter().flatten() {
        hosts[h.as_u64().unwrap_or(0) as usize] = true;
    }
    (
        Graph::build(n as usize, &people, interactions.iter()),
        hosts,
    )
}

fn close(name: &str, key: &str, ours: &Metric, theirs: &Value) {
    match theirs.as_f64() {
        Some(expected) => {
            let got = ours.value.unwrap_or(f64::NAN);
            assert!(
                (got - expected).abs() < TOLERANCE,
                "{name} {key}: peerscope {got}, networkx {expected}"
            );
        }
        None => assert_eq!(ours.value, None, "{name} {key}: networkx has no value"),
    }
}

#[test]
fn graph_measures_match_networkx() {
    let cases = reference();
    assert!(cases.len() >= 4, "reference graphs missing");
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let v = &case["values"];
        let (g, hosts) = build(case);
        let members: Vec<bool> = hosts.iter().map(|h| !h).collect();
        close(name, "density", &structure::density(&g), &v["density"]);
        let ties = g.arcs.iter().map(|(&(a, b), &w)| (a, b, f64::from(w)));
        let weighted = louvain::Weighted::new(g.node_count(), ties);
        let by_three: Vec<u32> = (0..g.node_count() as u32).map(|v| v % 3).collect();
        let q = louvain::modularity(&weighted, &by_three);
        close(
            name,
            "modularity_by_three",
            &Metric {
                value: q,
                num: None,
                den: None,
                thin: false,
                reason: None,
            },
            &v["modularity_by_three"],
        );
        // Louvain partitions differ between implementations; ours must be as good, within 0.02.
        let (ours, _) = peerscope_core::measure::partition(&g);
        if let Some(theirs) = v["louvain_modularity"].as_f64() {
            let q = ours.value.unwrap_or(f64::NAN);
            assert!(
                q >= theirs - 0.02,
                "{name}: louvain modularity {q} vs networkx {theirs}"
            );
        }
        close(
            name,
            "centralization",
            &structure::centralization(&g),
            &v["centralization"],
        );
        close(
            name,
            "in_centralization",
            &structure::directed_centralization(&g, true),
            &v["in_centralization"],
        );
        close(
            name,
            "out_centralization",
            &structure::directed_centralization(&g, false),
            &v["out_centralization"],
        );
        close(
            name,
            "member_reciprocity",
            &direction::reciprocity_among(&g, &members),
            &v["member_reciprocity"],
        );
        close(
            name,
            "resilience",
            &structure::resilience(&g, &hosts),
            &v["resilience"],
        );
        assert_eq!(
            Some(g.undirected.components().1.len() as u64),
            v["components"].as_u64(),
            "{name} components"
        );
        let member_graph = g.undirected_among(&members);
        let core = member_graph
            .k_core(2)
            .iter()
            .zip(&members)
            .filter(|(c, m)| **c && **m)
            .count();
        assert_eq!(
            Some(core as u64),
            v["member_core_size"].as_u64(),
            "{name} 2-core"
        );
        let cuts = member_graph.articulation_points();
        let ours_ap: Vec<u64> = (0..cuts.len())
            .filter(|&v| cuts[v] > 0)
            .map(|v| v as u64)
            .collect();
        let theirs_ap: Vec<u64> = v["member_articulation_points"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect();
        assert_eq!(ours_ap, theirs_ap, "{name} articulation points");
        let ours = member_graph.betweenness();
        let member_nodes: Vec<usize> = (0..members.len()).filter(|&i| members[i]).collect();
        for (i, expected) in member_nodes
            .iter()
            .zip(v["member_betweenness"].as_array().into_iter().flatten())
        {
            let got = ours.get(*i).copied().unwrap_or(f64::NAN);
            assert!(
                (got - expected.as_f64().unwrap_or(f64::NAN)).abs() < TOLERANCE,
                "{name} betweenness of {i}"
            );
        }
    }
}
