#!/usr/bin/env python3
"""Writes tests/fixtures/networkx_reference.json: graphs and their NetworkX values.

Run only when the graphs change (needs networkx):  python3 tests/networkx_reference.py
core/tests/pipeline/networkx.rs rebuilds each graph with peerscope's own code and compares,
to 1e-9.

NetworkX traps handled here: overall_reciprocity ignores weights;
Freeman centralization is computed from NetworkX degrees with the formulas of
docs/METRICS.md §3 (undirected: / (n-1)(n-2); directed: / (n-1)^2).
"""
import json
import random
from pathlib import Path

import networkx as nx


def freeman(degrees, n, den):
    top = max(degrees.values())
    return sum(top - d for d in degrees.values()) / den


def values(nodes, arcs, hosts):
    d = nx.DiGraph()
    d.add_nodes_from(nodes)
    for a, b, w in arcs:
        if d.has_edge(a, b):
            d[a][b]["weight"] += w
        else:
            d.add_edge(a, b, weight=w)
    # undirected projection with weights summed over both directions
    u = nx.Graph()
    u.add_nodes_from(nodes)
    for a, b, w in arcs:
        if u.has_edge(a, b):
            u[a][b]["weight"] += w
        else:
            u.add_edge(a, b, weight=w)
    n = len(nodes)
    members = [v for v in nodes if v not in hosts]
    md = d.subgraph(members)
    mu = u.subgraph(members)
    tied = [v for v in members if u.degree(v) > 0]
    rest = u.subgraph(members)
    largest = max((len(c) for c in nx.connected_components(rest)), default=0)
    core = nx.k_core(nx.Graph(mu), 2) if mu.number_of_edges() else nx.Graph()
    by_three = [set(v for v in nodes if v % 3 == r) for r in range(3)]
    by_three = [c for c in by_three if c]
    weighted = u.number_of_edges() > 0
    return {
        "modularity_by_three": nx.community.modularity(u, by_three, weight="weight") if weighted else None,
        "louvain_modularity": nx.community.modularity(u, nx.community.louvain_communities(u, weight="weight", seed=1), weight="weight") if weighted else None,
        "density": nx.density(u),
        "centralization": freeman(dict(u.degree()), n, (n - 1) * (n - 2)),
        "in_centralization": freeman(dict(d.in_degree()), n, (n - 1) ** 2),
        "out_centralization": freeman(dict(d.out_degree()), n, (n - 1) ** 2),
        "member_reciprocity": nx.overall_reciprocity(md) if md.number_of_edges() else None,
        "components": nx.number_connected_components(u),
        "member_core_size": core.number_of_nodes(),
        "resilience": (largest if largest > 1 else 0) / len(tied) if tied else None,
        "member_articulation_points": sorted(nx.articulation_points(nx.Graph(mu))),
        "member_betweenness": [nx.betweenness_centrality(nx.Graph(mu), normalized=False)[v] for v in members],
    }


def graph(name, n, arcs, hosts):
    nodes = list(range(n))
    return {"name": name, "nodes": n, "arcs": arcs, "hosts": hosts, "values": values(nodes, arcs, set(hosts))}


def main():
    rng = random.Random(7)
    cases = [
        # the lobby fixture: H=0 A=1 B=2 C=3 D=4
        graph("lobby", 5, [[1, 0, 1], [2, 1, 2], [2, 3, 1], [0, 1, 1], [3, 0, 1], [1, 2, 2], [3, 1, 1]], [0]),
        graph("star", 8, [[v, 0, 1] for v in range(1, 8)], [0]),
        graph("mesh", 6, [[a, b, 1] for a in range(6) for b in range(6) if a != b and (a + b) % 3], []),
    ]
    arcs = {}
    for _ in range(400):
        a, b = rng.randrange(80), rng.randrange(80)
        if a != b:
            arcs[(a, b)] = arcs.get((a, b), 0) + 1
    cases.append(graph("random80", 80, [[a, b, w] for (a, b), w in sorted(arcs.items())], [0, 1]))
    out = Path(__file__).parent / "fixtures" / "networkx_reference.json"
    out.write_text(json.dumps({"networkx": nx.__version__, "graphs": cases}, indent=1) + "\n")
    print(f"wrote {out} ({len(cases)} graphs, networkx {nx.__version__})")


if __name__ == "__main__":
    main()
