#!/usr/bin/env python3
"""Writes a generated export and its newcomer, question and absence figures, computed here
independently of peerscope (docs/METRICS.md §11), for core/tests/pipeline/newcomers_reference.rs
to compare to 1e-9.

Run only when the rules change (plain Python, no packages):  python3 tests/newcomers_reference.py
It writes tests/fixtures/newcomers_export.json (a DiscordChatExporter file, seeded, about
4 000 messages over 150 days) and tests/fixtures/newcomers_reference.json.

Rules restated here: a member is anyone but the host; days are UTC; a newcomer's first
message falls on day index 14 or later; welcomed = a reply to that first message, or a
mention of them by someone else, within 72 hours (ends included); waiting = nobody ever
replied to any of their messages nor mentioned them after their first message; a return is
a message on a later UTC day within 30 days; questions hold a "?"; percentiles are by
nearest rank; the absence factor counts member->member replies and mentions (a mention of
the person replied to is part of the reply).
"""
import json
import math
import random
from datetime import datetime, timezone
from pathlib import Path

HOUR = 3_600_000
DAY = 24 * HOUR
WINDOW = 72 * HOUR
RETURN = 30 * DAY
START = 1_709_251_200_000  # 2024-03-01T00:00:00Z
HOST = "h"


def generate(seed=11):
    """Messages as dicts: id, author, t (ms), parent id or None, mentions, text. A third of
    the people are there from the start; the others arrive over 150 days, some write only
    once, some stay a few weeks, some stay."""
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(90)]
    arrival, leaving = {HOST: 0}, {HOST: 10**15}
    for i, p in enumerate(people):
        arrival[p] = 0 if i < 30 else rng.randrange(0, 150 * DAY)
        stay = rng.choice([60_000, rng.randrange(DAY, 40 * DAY), 10**15])
        leaving[p] = arrival[p] + stay
    unheard = sorted((arrival[p], p) for p in people if arrival[p] > 0)
    messages = []
    t = 0
    while t < 150 * DAY:
        t += rng.randrange(20_000, 3 * HOUR)
        if unheard and unheard[0][0] <= t:
            author = unheard.pop(0)[1]
        elif rng.random() < 0.15:
            author = HOST
        else:
            author = rng.choice([p for p in people if arrival[p] <= t < leaving[p]] or [HOST])
        present = [p for p in people if arrival[p] <= t] + [HOST]
        parent, mentions = None, []
        recent = [m for m in messages[-12:] if t - m["t"] < 4 * DAY]
        if recent and rng.random() < 0.5:
            parent = rng.choice(recent)
        if rng.random() < 0.1:
            mentions = [rng.choice(present)]
        text = "what do you think?" if rng.random() < 0.3 else "sounds good"
        messages.append({"id": str(len(messages) + 1), "author": author, "t": START + t,
                         "parent": parent["id"] if parent else None,
                         "mentions": mentions, "text": text})
    return messages


def export(messages):
    def stamp(ms):
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).isoformat()

    out = []
    for m in messages:
        item = {"id": m["id"], "timestamp": stamp(m["t"]), "content": m["text"],
                "author": {"id": m["author"], "name": m["author"]},
                "mentions": [{"id": p, "name": p} for p in m["mentions"]]}
        if m["parent"]:
            item["reference"] = {"messageId": m["parent"]}
        out.append(item)
    return {"guild": {"id": "g"}, "channel": {"id": "c", "name": "general"}, "messages": out}


def nearest_rank(values, percent):
    if not values:
        return None
    values = sorted(values)
    return values[max(1, math.ceil(percent * len(values) / 100)) - 1]


def ratio(num, den):
    return {"value": num / den if den else None, "num": num, "den": den}


def figures(messages):
    by_id = {m["id"]: m for m in messages}
    last = max(m["t"] for m in messages)
    first_day = min(m["t"] for m in messages) // DAY
    member = lambda p: p != HOST
    first = {}
    for m in sorted(messages, key=lambda m: m["t"]):
        if member(m["author"]):
            first.setdefault(m["author"], m)
    newcomers = {p: f for p, f in first.items() if f["t"] // DAY - first_day >= 14}
    welcome, answered = {}, set()

    def offer(p, t, by):
        if t <= newcomers[p]["t"] + WINDOW and (p not in welcome or t < welcome[p][0]):
            welcome[p] = (t, by)

    for m in messages:
        parent = by_id.get(m["parent"]) if m["parent"] else None
        if parent and parent["author"] in newcomers and m["author"] != parent["author"]:
            p = parent["author"]
            answered.add(p)
            if parent is newcomers[p]:
                offer(p, m["t"], m["author"])
        for p in m["mentions"]:
            if p in newcomers and p != m["author"] and m["t"] >= newcomers[p]["t"]:
                answered.add(p)
                offer(p, m["t"], m["author"])
    judged = [p for p, f in newcomers.items() if last - f["t"] >= WINDOW]
    welcomed = [p for p in judged if p in welcome]
    by_members = [p for p in welcomed if member(welcome[p][1])]

    def returned(p):
        f = newcomers[p]
        return any(m["author"] == p and m["t"] // DAY > f["t"] // DAY and m["t"] - f["t"] <= RETURN
                   for m in messages)

    def return_rate(was_welcomed):
        pool = [p for p in judged if last - newcomers[p]["t"] >= RETURN
                and (p in welcome) == was_welcomed]
        return ratio(sum(1 for p in pool if returned(p)), len(pool))

    return {
        "newcomers": len(newcomers),
        "newcomer_welcome_share": ratio(len(welcomed), len(judged)),
        "peer_welcome_share": ratio(len(by_members), len(welcomed)),
        "return_welcomed": return_rate(True),
        "return_unwelcomed": return_rate(False),
        "waiting_count": sum(1 for p in newcomers if p not in answered),
        **questions(messages, by_id, last),
        "absence": absence(messages, by_id),
    }


def questions(messages, by_id, last):
    replies = {}
    for m in messages:
        parent = by_id.get(m["parent"]) if m["parent"] else None
        if parent and m["author"] != parent["author"]:
            replies.setdefault(parent["id"], []).append(m)
    asked = [m for m in messages if "?" in m["text"] and m["author"] != HOST]
    waits = {"all": [], "hosts": [], "members": []}
    judged = unanswered = 0
    for q in asked:
        answers = replies.get(q["id"], [])
        for group, keep in (("all", lambda a: True), ("hosts", lambda a: a["author"] == HOST),
                            ("members", lambda a: a["author"] != HOST)):
            times = [a["t"] for a in answers if keep(a)]
            if times:
                waits[group].append(max(0, min(times) - q["t"]) / 60_000)
        if last - q["t"] >= WINDOW:
            judged += 1
            unanswered += not any(a["t"] - q["t"] <= WINDOW for a in answers)
    return {
        "unanswered_question_share": ratio(unanswered, judged),
        "first_response": {g: {"p50": nearest_rank(w, 50), "p90": nearest_rank(w, 90),
                               "count": len(w)} for g, w in waits.items()},
    }


def absence(messages, by_id):
    wrote = {}
    for m in messages:
        parent = by_id.get(m["parent"]) if m["parent"] else None
        targets = []
        replied = parent["author"] if parent else None
        if replied:
            targets.append(replied)
        targets += [p for p in m["mentions"] if p != replied]
        for to in targets:
            if to != m["author"] and m["author"] != HOST and to != HOST:
                wrote[m["author"]] = wrote.get(m["author"], 0) + 1
    total = sum(wrote.values())
    # Ties in count may be ordered differently by peerscope (by first appearance); the
    # factor and the shares do not depend on it.
    ranked = sorted(wrote.items(), key=lambda kv: (-kv[1], kv[0]))
    people, held = [], 0
    for person, count in ranked:
        if 2 * held >= total:
            break
        held += count
        people.append({"id": person, "share": count / total})
    return {"factor": len(people) if total else None, "people": people, "interactions": total,
            "shares": {p: c / total for p, c in wrote.items()}}


def main():
    messages = generate()
    root = Path(__file__).parent / "fixtures"
    (root / "newcomers_export.json").write_text(json.dumps(export(messages), indent=0) + "\n")
    (root / "newcomers_reference.json").write_text(json.dumps(figures(messages), indent=1) + "\n")


if __name__ == "__main__":
    main()
