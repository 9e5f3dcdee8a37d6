#!/usr/bin/env python3
"""The analyst's way: peerscope's metric set (docs/METRICS.md §2–§4, §7's core) in NetworkX.

    python3 benches/nx_metrics.py EXPORT.json [--out values.json]
    python3 benches/nx_metrics.py MESSAGES.csv [--out values.json]

Reads one DiscordChatExporter JSON export with `json.load` (or a CSV message list
`id,author,time,reply_to,text`, as benches/gen_replies.py writes, turned into the same
shape while loading), builds the reply/mention
interactions and the conversation graph G as docs/METRICS.md §2 defines them, and computes
every metric of §3–§4 with NetworkX where NetworkX has the algorithm (centralization from
its degrees, reciprocity, components, Louvain modularity, the 2-core) and plain Python
where it is bookkeeping. Prints one JSON object: the values, and seconds spent in each
phase (`load`, `graph`, `metrics`; wall and CPU), so `benches/run.py` can compare phase by phase.

Not computed: betweenness (peerscope uses it only to order tied leader candidates, and
skips it on large graphs; NetworkX's exact betweenness would dominate the time).
"""
import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from datetime import datetime

import networkx as nx

# Message types that are conversation (everything else is a system notice).
CONVERSATION = {"Default", "Reply", "0", "19", "20", "21", "23"}
LOUVAIN_SEED = 1


def ratio(num, den, reason="no data"):
    if not den:
        return {"value": None, "reason": reason}
    return {"value": num / den, "num": num, "den": den}


def epoch_ms(stamp):
    return datetime.fromisoformat(stamp).timestamp() * 1000.0


def freeman(degrees, den):
    if not degrees or den <= 0:
        return None
    top = max(degrees)
    return sum(top - d for d in degrees) / den


class Conversation:
    """People, counting messages and interactions of one export (docs/METRICS.md §1–§2)."""

    def __init__(self, export):
        self.bots = set()
        self.messages = []  # (id, author, ms, is_question, parent index or None, counts)
        self.reactions = []  # (message index, reactor id)
        index = {}
        raw = export.get("messages", [])
        for m in raw:
            a = m["author"]
            if a.get("isBot"):
                self.bots.add(a["id"])
        for at, m in enumerate(raw):
            index.setdefault(m["id"], at)
        self.interactions = []  # (from, to, is_reply, message index)
        self.missing_parents = 0
        for at, m in enumerate(raw):
            author = m["author"]["id"]
            counts = m.get("type", "Default") in CONVERSATION and author not in self.bots
            ref = (m.get("reference") or {}).get("messageId")
            parent = index.get(ref) if ref else None
            if parent == at:
                parent = None
            self.messages.append((m["id"], author, epoch_ms(m["timestamp"]),
                                  "?" in (m.get("content") or ""), parent, counts, ref is not None))
            if not counts:
                continue
            for r in m.get("reactions") or []:
                for u in r.get("users") or []:
                    if u["id"] not in self.bots:
                        self.reactions.append((at, u["id"]))
            replied = None
            if ref is not None and parent is None:
                self.missing_parents += 1
            if parent is not None:
                replied = raw[parent]["author"]["id"]
                self.add(author, replied, True, at)
            seen = set()
            for p in m.get("mentions") or []:
                pid = p["id"]
                if pid != replied and pid not in seen:
                    seen.add(pid)
                    self.add(author, pid, False, at)

    def add(self, a, b, is_reply, at):
        if a != b and a not in self.bots and b not in self.bots:
            self.interactions.append((a, b, is_reply, at))


def build(conv):
    """G: directed, weighted by reply + mention interactions, over participants."""
    g = nx.DiGraph()
    for (_, author, _, _, _, counts, _) in conv.messages:
        if counts:
            g.add_node(author)
    for a, b, _, _ in conv.interactions:
        if g.has_edge(a, b):
            g[a][b]["weight"] += 1
        else:
            g.add_edge(a, b, weight=1)
    u = nx.Graph()
    u.add_nodes_from(g)
    for a, b, w in g.edges(data="weight"):
        if u.has_edge(a, b):
            u[a][b]["weight"] += w
        else:
            u.add_edge(a, b, weight=w)
    return g, u


def detect_hosts(g):
    """The participant reached by the most distinct people (docs/METRICS.md §2)."""
    if g.number_of_nodes() == 0:
        return set()
    best = max(g.nodes, key=lambda v: (g.in_degree(v), v))
    return {best} if g.in_degree(best) > 0 else set()


def metrics(conv, g, u, hosts):
    n = g.number_of_nodes()
    members = [v for v in g if v not in hosts]
    member_set = set(members)
    inter = conv.interactions
    out = {}
    out["host_share"] = ratio(sum(1 for a, b, _, _ in inter if a in hosts or b in hosts), len(inter))
    out["centralization"] = ({"value": freeman([d for _, d in u.degree()], (n - 1) * (n - 2))}
                             if n >= 3 else {"value": None, "reason": "fewer than 3 participants"})
    for name, degrees in (("in_centralization", g.in_degree()), ("out_centralization", g.out_degree())):
        out[name] = ({"value": freeman([d for _, d in degrees], (n - 1) ** 2)}
                     if n >= 2 else {"value": None, "reason": "fewer than 2 participants"})
    rest = u.subgraph(members)
    tied = [v for v in members if u.degree(v) > 0]
    largest = max((len(c) for c in nx.connected_components(rest)), default=0)
    out["resilience"] = ratio(largest if largest > 1 else 0, len(tied))
    replies = [(a, b) for a, b, r, _ in inter if r]
    out["peer_reply_share"] = ratio(sum(1 for a, b in replies if a not in hosts and b not in hosts), len(replies))
    out["member_initiated_share"] = member_initiated(conv, hosts)
    md = g.subgraph(members)
    out["reciprocity"] = ({"value": nx.overall_reciprocity(md)} if md.number_of_edges()
                          else {"value": None, "reason": "members have no ties"})
    member_messages = sum(1 for m in conv.messages if m[5] and m[1] not in hosts)
    member_reactions = sum(1 for _, r in conv.reactions if r not in hosts)
    out["active_share"] = ratio(member_messages, member_messages + member_reactions)
    out.update(answers(conv, hosts))
    out["continuation"] = continuation(conv, hosts)
    by_members = [(a, b) for a, b, _, _ in inter if a in member_set]
    out["connect_share"] = ratio(sum(1 for a, b in by_members if b in member_set), len(by_members))
    out["density"] = {"value": nx.density(u) if n > 1 else None}
    out["isolate_share"] = ratio(sum(1 for v in u if u.degree(v) == 0), n)
    if u.number_of_edges():
        parts = nx.community.louvain_communities(u, weight="weight", resolution=1, seed=LOUVAIN_SEED)
        out["modularity"] = {"value": nx.community.modularity(u, parts, weight="weight")}
    else:
        out["modularity"] = {"value": None, "reason": "no ties"}
    simple = nx.Graph(rest)
    simple.remove_nodes_from([v for v in list(simple) if simple.degree(v) == 0])
    out["core"] = nx.k_core(simple, 2).number_of_nodes() if simple.number_of_edges() else 0
    return out


def member_initiated(conv, hosts):
    """Roots with a reply by someone else anywhere below them, by members / all."""
    root = [None] * len(conv.messages)
    starters = set()
    for at, (_, author, _, _, parent, counts, has_ref) in enumerate(conv.messages):
        if parent is None:
            root[at] = None if has_ref else at
            continue
        r = root[parent] if parent < at else None
        root[at] = r
        if counts and r is not None and conv.messages[r][1] != author and conv.messages[r][5]:
            starters.add(r)
    by_members = sum(1 for r in starters if conv.messages[r][1] not in hosts)
    return ratio(by_members, len(starters), "no conversation got a reply")


def answers(conv, hosts):
    """peer_answer_share, and the nearest-rank p50 and p90 of the minutes to each question's
    first member answer and first host answer (each whenever it came), as peerscope's
    first_response counts them."""
    first, first_peer, first_host = {}, {}, {}
    for at, (_, author, ms, _, parent, counts, _) in enumerate(conv.messages):
        if counts and parent is not None:
            q = conv.messages[parent]
            if q[5] and q[3] and q[1] not in hosts and author != q[1]:
                dt = ms - q[2]
                if parent not in first or dt < first[parent][1]:
                    first[parent] = (author, dt)
                side = first_host if author in hosts else first_peer
                side[parent] = min(dt, side.get(parent, dt))
    by_peer = sum(1 for a, _ in first.values() if a not in hosts)
    peer = [dt / 60000 for dt in first_peer.values()]
    host = [dt / 60000 for dt in first_host.values()]
    return {"peer_answer_share": ratio(by_peer, len(first), "no member question got a reply"),
            "first_response": {"members": waits(peer), "hosts": waits(host)}}


def waits(minutes):
    """{p50, p90, count} by nearest rank; null percentiles when there are none."""
    minutes = sorted(minutes)
    rank = lambda p: minutes[max(1, -(-p * len(minutes) // 100)) - 1] if minutes else None
    return {"p50": rank(50), "p90": rank(90), "count": len(minutes)}


def continuation(conv, hosts):
    """Member-to-member interactions per silent day / per host day, capped at 1."""
    day = [int(m[2] // 86_400_000) for m in conv.messages]
    counting = [d for d, m in zip(day, conv.messages) if m[5]]
    if not counting:
        return {"value": None, "reason": "no messages"}
    span = range(min(counting), max(counting) + 1)
    host_days = {d for d, m in zip(day, conv.messages) if m[5] and m[1] in hosts}
    silent = [d for d in span if d not in host_days]
    if len(host_days) < 5 or len(silent) < 5:
        return {"value": None, "reason": "fewer than 5 host days or silent days"}
    per_day = defaultdict(int)
    for a, b, _, at in conv.interactions:
        if a not in hosts and b not in hosts:
            per_day[day[at]] += 1
    on_silent = sum(per_day[d] for d in silent) / len(silent)
    on_host = sum(per_day[d] for d in host_days) / len(host_days)
    if on_host == 0:
        return {"value": 1.0 if on_silent > 0 else None, "num": on_silent, "den": on_host}
    return {"value": min(1.0, on_silent / on_host), "num": on_silent, "den": on_host}


def read_csv(path):
    """A CSV message list in the shape of a DiscordChatExporter export."""
    with open(path, encoding="utf-8", newline="") as f:
        return {"messages": [
            {"id": row["id"], "type": "Default", "author": {"id": row["author"]},
             "timestamp": row["time"].replace("Z", "+00:00"), "content": row.get("text", ""),
             "reference": {"messageId": row["reply_to"]} if row.get("reply_to") else None}
            for row in csv.DictReader(f)]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export")
    ap.add_argument("--out", help="also write the JSON here")
    a = ap.parse_args()
    t0, c0 = time.perf_counter(), time.process_time()
    if a.export.endswith(".csv"):
        export = read_csv(a.export)
    else:
        with open(a.export, encoding="utf-8-sig") as f:
            export = json.load(f)
    t1, c1 = time.perf_counter(), time.process_time()
    conv = Conversation(export)
    g, u = build(conv)
    hosts = detect_hosts(g)
    t2, c2 = time.perf_counter(), time.process_time()
    values = metrics(conv, g, u, hosts)
    t3, c3 = time.perf_counter(), time.process_time()
    result = {"networkx": nx.__version__, "python": sys.version.split()[0],
              "participants": g.number_of_nodes(), "ties": u.number_of_edges(),
              "interactions": len(conv.interactions), "hosts": sorted(hosts),
              "seconds": {"load": t1 - t0, "graph": t2 - t1, "metrics": t3 - t2, "total": t3 - t0},
              "cpu_seconds": {"load": c1 - c0, "graph": c2 - c1, "metrics": c3 - c2, "total": c3 - c0},
              "metrics": values}
    text = json.dumps(result, indent=1)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
