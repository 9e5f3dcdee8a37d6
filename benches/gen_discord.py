#!/usr/bin/env python3
"""Seeded generator of realistic DiscordChatExporter JSON exports for benchmarks.

    python3 benches/gen_discord.py --messages 100000 --out target/bench/discord-100k.json

A server with a few hosts, a core of regulars who talk to each other, a long tail of
people who mostly answer the hosts, lurkers who only react, and a bot. Replies (~55%),
mentions (~8%), reactions (~30% of messages, with reactor lists) and joins, in the
proportions seen in real servers. Same seed, same bytes. Stdlib only.

Messages are written as DiscordChatExporter writes them (two-space indentation, authors
with their roles, text of varied length), about 1 KB each: 10 k messages ≈ 10 MB,
100 k ≈ 100 MB, 1 M ≈ 1 GB (a few minutes to write).
"""
import argparse
import bisect
import itertools
import json
import random

EPOCH_MS = 1420070400000
START_MS = 1_700_000_000_000


BOT = 9
ROLES = {"host": {"id": "900", "name": "Team", "color": "#E67E22", "position": 3},
         "regular": {"id": "901", "name": "Regular", "color": "#3498DB", "position": 2},
         "bot": {"id": "902", "name": "Bots", "color": "#95A5A6", "position": 1}}
WORDS = ("the a it this that I you we they is was works worked tried build print layer bed nozzle "
         "filament temperature settings firmware update error fix issue idea thanks great nice "
         "question anyone know how why when where maybe probably definitely yesterday today "
         "tomorrow stream video tutorial part next week same here agreed lol wow cool").split()


def user(uid, bot=False):
    """A user as mentions and reaction lists carry it."""
    return {"id": str(uid), "name": f"user{uid}", "discriminator": "0000", "nickname": f"Person {uid}",
            "isBot": bot, "avatarUrl": f"https://cdn.discordapp.com/avatars/{uid}/{uid:032x}.png?size=512"}


def author_of(uid, role):
    """A message's author, with the colour and roles DiscordChatExporter adds."""
    u = user(uid, uid == BOT)
    u["color"] = ROLES[role]["color"] if role else None
    u["roles"] = [ROLES[role]] if role else []
    return u


def text(rng):
    """A message text of realistic length: mostly short, a long tail of paragraphs."""
    n = min(120, max(1, int(rng.lognormvariate(2.2, 0.9))))
    words = " ".join(rng.choice(WORDS) for _ in range(n))
    return words[0].upper() + words[1:] + ("?" if rng.random() < 0.2 else rng.choice([".", "!", ""]))


def snowflake(ms, n):
    return str(((ms - EPOCH_MS) << 22) + (n & 0x3FFFFF))


def people(total, rng):
    hosts = list(range(1, 4))
    regulars = list(range(10, 10 + max(8, total // 50)))
    tail = list(range(1000, 1000 + total))
    # Zipf-like activity in the tail; cumulative, so each draw is a binary search.
    weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(tail))))
    return hosts, regulars, tail, weights


def author(rng, hosts, regulars, tail, weights):
    r = rng.random()
    if r < 0.02:
        return BOT
    if r < 0.14:
        return rng.choice(hosts)
    if r < 0.52:
        return rng.choice(regulars)
    return tail[min(len(tail) - 1, bisect.bisect(weights, rng.random() * weights[-1]))]


def role(who, hosts, regulars):
    if who == BOT:
        return "bot"
    if who in hosts:
        return "host"
    return "regular" if who in regulars else None


def message(i, ms, who, rng, recent, hosts, regulars, lurkers):
    m = {"id": snowflake(ms, i), "type": "Default", "timestamp": f"{ms // 1000}", "timestampEdited": None,
         "callEndedTimestamp": None, "isPinned": False, "content": text(rng),
         "author": author_of(who, role(who, hosts, regulars)), "attachments": [], "embeds": [],
         "stickers": [], "reactions": [], "mentions": [], "inlineEmojis": []}
    if who == BOT:
        m["content"] = "Reminder: the weekly showcase thread is open. Post what you made this week!"
        return m
    if recent and rng.random() < 0.55:
        pick = recent[-1 - min(len(recent) - 1, int(rng.expovariate(0.3)))]
        if who in regulars and rng.random() < 0.6:
            pick = next((r for r in reversed(recent[-40:]) if r[1] in regulars and r[1] != who), pick)
        elif who not in hosts and rng.random() < 0.5:
            pick = next((r for r in reversed(recent[-40:]) if r[1] in hosts), pick)
        m["type"] = "Reply"
        m["reference"] = {"type": "Default", "messageId": pick[0], "channelId": "1", "guildId": "1"}
        if rng.random() < 0.7:
            m["mentions"].append(user(pick[1], pick[1] == BOT))
    if rng.random() < 0.08:
        m["mentions"].append(user(rng.choice(regulars)))
    if rng.random() < 0.3:
        reactors = rng.sample(lurkers, k=min(len(lurkers), 1 + int(rng.expovariate(0.5))))
        m["reactions"].append({"emoji": {"id": "", "name": "👍", "code": "thumbsup", "isAnimated": False,
                                         "imageUrl": ""}, "count": len(reactors), "users": [user(u) for u in reactors]})
    return m


def iso(ms):
    import datetime
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+00:00"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=0, help="default: messages / 20")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    hosts, regulars, tail, weights = people(a.people or max(50, a.messages // 20), rng)
    lurkers = list(range(500_000, 500_000 + max(20, a.messages // 10)))
    with open(a.out, "w", encoding="utf-8") as out:
        header = {"guild": {"id": "1", "name": "Bench Guild", "iconUrl": ""},
                  "channel": {"id": "1", "type": "GuildTextChat", "categoryId": None, "category": None,
                              "name": "general", "topic": None},
                  "dateRange": {"after": None, "before": None}, "exportedAt": "2024-01-01T00:00:00.0000000+00:00"}
        out.write(json.dumps(header, indent=2)[:-2] + ',\n  "messages": [')
        recent = []
        ms = START_MS
        for i in range(a.messages):
            ms += int(rng.expovariate(1 / 40_000))
            who = author(rng, hosts, regulars, tail, weights)
            m = message(i, ms, who, rng, recent, hosts, regulars, lurkers)
            m["timestamp"] = iso(ms)
            if rng.random() < 0.01:
                m = dict(m, type="GuildMemberJoin", content="Joined the server.", reactions=[], mentions=[])
                m.pop("reference", None)
            recent.append((m["id"], who))
            if len(recent) > 200:
                recent.pop(0)
            body = json.dumps(m, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            out.write(("," if i else "") + "\n    " + body)
        out.write(f'\n  ],\n  "messageCount": {a.messages}\n}}\n')


if __name__ == "__main__":
    main()
