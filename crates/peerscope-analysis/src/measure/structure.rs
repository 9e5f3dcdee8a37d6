//! Relationship structure (docs/METRICS.md §3.1) and the shape figures of §4.
//!
//! All on the conversation graph G over the scope's participants: `n` counts everyone
//! who took part, isolated people included.

use crate::graph::scope::Scope;
use crate::graph::Graph;
use crate::model::metric::Metric;

/// Why centralization is null for a graph without ties.
const NO_TIES: &str =
    "nobody replied to or mentioned anyone, so there is no network shape to measure";

/// Reply and mention interactions with a host at either end / all of them (repeats
/// counted). 0..=1; null when there are no interactions.
pub fn host_share(scope: &Scope) -> Metric {
    let with_host = scope
        .interactions
        .iter()
        .filter(|i| scope.host(i.from) || scope.host(i.to))
        .count();
    host_share_of(with_host, scope.interactions.len())
}

/// `host_share` from its counts: interactions with a host at either end, and all of them
/// (the score's bootstrap sums these per unit instead of rebuilding each draw).
pub fn host_share_of(with_host: usize, all: usize) -> Metric {
    Metric::ratio(
        with_host as f64,
        all as f64,
        "no one replied to or mentioned anyone in this export",
    )
}

/// Freeman degree centralization of the undirected simple projection:
/// Σ(d_max − d_i) / ((n−1)(n−2)). 1 for a star, 0 when all degrees are equal;
/// null when n < 3, and (our choice) when nobody is tied to anyone: a crowd of people
/// who never answer each other is not "spread out", it has no structure to measure.
pub fn centralization(g: &Graph) -> Metric {
    let n = g.node_count();
    if n < 3 {
        return Metric::unobservable("fewer than three people took part");
    }
    if g.arcs.is_empty() {
        return Metric::unobservable(NO_TIES);
    }
    let degrees: Vec<usize> = (0..n as u32).map(|v| g.undirected.degree(v)).collect();
    let max = degrees.iter().copied().max().unwrap_or(0);
    let sum: usize = degrees.iter().map(|d| max - d).sum();
    let den = ((n - 1) * (n - 2)) as f64;
    Metric::observed(sum as f64 / den, sum as f64, den)
}

/// In- or out-degree centralization of the directed simple graph:
/// Σ(max − deg_i) / (n−1)². 0..=1; null when n < 2 or when nobody is tied to anyone.
pub fn directed_centralization(g: &Graph, inward: bool) -> Metric {
    let n = g.node_count();
    if n < 2 {
        return Metric::unobservable("fewer than two people took part");
    }
    if g.arcs.is_empty() {
        return Metric::unobservable(NO_TIES);
    }
    let mut degree = vec![0usize; n];
    for &(from, to) in g.arcs.keys() {
        let v = if inward { to } else { from };
        if let Some(d) = degree.get_mut(v as usize) {
            *d += 1;
        }
    }
    let max = degree.iter().copied().max().unwrap_or(0);
    let sum: usize = degree.iter().map(|d| max - d).sum();
    let den = ((n - 1) * (n - 1)) as f64;
    Metric::observed(sum as f64 / den, sum as f64, den)
}

/// The structural "stop posting" test: remove `removed` (the hosts) from G, taken as
/// undirected. den = members with at least one tie in G; num = how many of them lie in
/// the largest connected component left, counted as 0 when that component is a single
/// person. 0 for a pure broadcast, near 1 for a mesh; null when no member has a tie.
pub fn resilience(g: &Graph, removed: &[bool]) -> Metric {
    let n = g.node_count();
    let keep: Vec<bool> = (0..n)
        .map(|v| !removed.get(v).copied().unwrap_or(false))
        .collect();
    let den = (0..n as u32)
        .filter(|&v| keep.get(v as usize) == Some(&true) && g.undirected.degree(v) > 0)
        .count();
    if den == 0 {
        return Metric::unobservable("no member replied to or mentioned anyone");
    }
    let rest = g.undirected_among(&keep);
    let (label, sizes) = rest.components();
    // The largest component among kept nodes (removed nodes are isolated singletons).
    let mut best = 0usize;
    for (v, &c) in label.iter().enumerate() {
        if keep.get(v) == Some(&true) {
            best = best.max(sizes.get(c as usize).copied().unwrap_or(0));
        }
    }
    let num = if best <= 1 { 0 } else { best };
    Metric::observed(num as f64 / den as f64, num as f64, den as f64)
}

/// 2E / (n(n−1)) on the undirected simple projection. 0..=1; null when n < 2.
pub fn density(g: &Graph) -> Metric {
    let n = g.node_count();
    if n < 2 {
        return Metric::unobservable("fewer than two people took part");
    }
    let num = 2 * g.undirected.edge_count();
    let den = n * (n - 1);
    Metric::observed(num as f64 / den as f64, num as f64, den as f64)
}

/// Participants with no tie / participants. 0..=1; null when nobody took part.
pub fn isolate_share(g: &Graph) -> Metric {
    let n = g.node_count();
    let isolated = (0..n as u32)
        .filter(|&v| g.undirected.degree(v) == 0)
        .count();
    Metric::ratio(isolated as f64, n as f64, "nobody took part")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::interactions::{Interaction, InteractionKind};

    /// G from directed pairs of node numbers (people = nodes).
    fn graph(n: u32, arcs: &[(u32, u32)]) -> Graph {
        let interactions: Vec<Interaction> = arcs
            .iter()
            .map(|&(from, to)| Interaction {
                from,
                to,
                kind: InteractionKind::Reply,
                message: 0,
                target: None,
            })
            .collect();
        let people: Vec<u32> = (0..n).collect();
        Graph::build(n as usize, &people, interactions.iter())
    }

    #[test]
    fn star_is_fully_centralized_and_falls_apart_without_its_hub() {
        let star = graph(5, &[(1, 0), (2, 0), (3, 0), (4, 0)]);
        assert_eq!(centralization(&star).value, Some(1.0));
        assert_eq!(directed_centralization(&star, true).value, Some(1.0));
        assert_eq!(
            directed_centralization(&star, false).value,
            Some(1.0 / 16.0)
        );
        let r = resilience(&star, &[true, false, false, false, false]);
        assert_eq!((r.value, r.num, r.den), (Some(0.0), Some(0.0), Some(4.0)));
        assert_eq!(density(&star).value, Some(0.4));
    }

    #[test]
    fn a_mesh_survives_losing_its_host() {
        let arcs = [(0, 1), (1, 2), (2, 3), (3, 1), (4, 0), (4, 3)];
        let g = graph(6, &arcs);
        let r = resilience(&g, &[true, false, false, false, false, false]);
        // Node 5 never interacted: not in den. Nodes 1–4 stay connected through 3.
        assert_eq!((r.num, r.den), (Some(4.0), Some(4.0)));
        assert_eq!(isolate_share(&g).value, Some(1.0 / 6.0));
    }

    #[test]
    fn small_and_empty_graphs_are_null_with_reasons() {
        let pair = graph(2, &[(0, 1)]);
        assert_eq!(centralization(&pair).value, None);
        assert!(centralization(&pair).reason.is_some());
        assert_eq!(directed_centralization(&pair, true).value, Some(1.0));
        let empty = graph(0, &[]);
        assert_eq!(density(&empty).value, None);
        assert_eq!(isolate_share(&empty).value, None);
        assert_eq!(resilience(&empty, &[]).value, None);
    }
}
