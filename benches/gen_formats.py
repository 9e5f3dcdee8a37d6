#!/usr/bin/env python3
"""Seeded exports of other formats at size, for measuring time and memory past Discord.

    python3 benches/gen_formats.py --format telegram --mb 1000 --out target/bench/telegram-1g.json
    python3 benches/gen_formats.py --format whatsapp --mb 1000 --out target/bench/whatsapp-1g.txt
    python3 benches/gen_formats.py --format slack --mb 1000 --out target/bench/slack-1g.zip

Writes about --mb decimal megabytes of export text (for Slack, of JSON inside the zip: the
zip itself is deflated, several times smaller) with messages of 3 to 40 words by --people
people (default 2 000), about half of them replies (Telegram `reply_to_message_id`, Slack
threads; WhatsApp has no replies, peerscope infers them from timing), some with mentions
and reactions. Telegram is a single-chat `result.json`; WhatsApp the Android text layout;
Slack a workspace zip with users.json, channels.json and one file per channel and day.
Same seed, same bytes. Stdlib only.
"""
import argparse
import datetime
import json
import random
import zipfile

WORDS = ("the a it this that I you we they is was works worked tried build print layer bed "
         "nozzle filament settings firmware update error fix issue idea thanks great nice "
         "question anyone know how why when maybe probably today tomorrow same here agreed").split()
START = 1_700_000_000


WORD_BITS = len(WORDS).bit_length()


def text(rng):
    n = min(40, max(3, int(rng.lognormvariate(2.0, 0.7))))
    # The words rng.choice(WORDS) would draw, by the same getrandbits calls (so the same
    # bytes as before), without its call overhead: it was most of the generator's time.
    bits, words = rng.getrandbits, []
    for _ in range(n):
        r = bits(WORD_BITS)
        while r >= len(WORDS):
            r = bits(WORD_BITS)
        words.append(WORDS[r])
    return " ".join(words) + ("?" if rng.random() < 0.2 else ".")


def telegram_message(m):
    """One message as json.dumps(m, ensure_ascii=False, indent=1) lays it out, written by
    hand: the pure-Python encoder json uses once indent is set made 1 GB take many minutes.
    The strings need no escaping (words, digits, spaces, "?" and ".")."""
    lines = [f' "{k}": {json.dumps(m[k])}' for k in ("id", "type", "date", "date_unixtime", "from", "from_id")]
    if "reply_to_message_id" in m:
        lines.append(f' "reply_to_message_id": {m["reply_to_message_id"]}')
    lines.append(f' "text": "{m["text"]}"')
    lines.append(f' "text_entities": [\n  {{\n   "type": "plain",\n   "text": "{m["text"]}"\n  }}\n ]')
    if "reactions" in m:
        r = m["reactions"][0]
        lines.append(f' "reactions": [\n  {{\n   "type": "emoji",\n   "count": {r["count"]},\n'
                     f'   "emoji": "{r["emoji"]}"\n  }}\n ]')
    return "{\n" + ",\n".join(lines) + "\n}"


def telegram(out, limit, rng, people):
    out.write('{\n "name": "Bench group",\n "type": "private_supergroup",\n "id": 4242,\n "messages": [')
    t, i, size = START, 0, 0
    while size < limit:
        i += 1
        t += rng.randint(1, 90)
        who = rng.randrange(people)
        m = {"id": i, "type": "message", "date": datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
             .strftime("%Y-%m-%dT%H:%M:%S"), "date_unixtime": str(t), "from": f"Person {who}",
             "from_id": f"user{1000 + who}"}
        if i > 1 and rng.random() < 0.5:
            m["reply_to_message_id"] = max(1, i - 1 - int(rng.expovariate(0.2)))
        body = text(rng)
        m["text"] = body
        if rng.random() < 0.2:
            m["reactions"] = [{"type": "emoji", "count": rng.randint(1, 5), "emoji": "👍"}]
        line = ("," if i > 1 else "") + "\n  " + telegram_message(m).replace("\n", "\n  ")
        out.write(line)
        size += len(line)
    out.write("\n ]\n}\n")


def whatsapp(out, limit, rng, people):
    t, size = START, 0
    while size < limit:
        t += rng.randint(1, 90)
        d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
        body = text(rng)
        if rng.random() < 0.05:
            body = f"@Person {rng.randrange(people)} " + body
        line = f"{d.day}/{d.month}/{d.year % 100:02}, {d.hour:02}:{d.minute:02} - Person {rng.randrange(people)}: {body}\n"
        out.write(line)
        size += len(line)


def slack_message(m):
    """One message as an element of json.dumps(msgs, indent=4), written by hand (see
    telegram_message); the text holds only words, digits, "<@", ">", "?" and "."."""
    lines = [f'        "{k}": "{m[k]}"' for k in ("type", "user", "text", "ts", "thread_ts") if k in m]
    if "reactions" in m:
        r = m["reactions"][0]
        lines.append(f'        "reactions": [\n            {{\n                "name": "{r["name"]}",\n'
                     f'                "users": [\n                    "{r["users"][0]}"\n                ],\n'
                     f'                "count": {r["count"]}\n            }}\n        ]')
    return "    {\n" + ",\n".join(lines) + "\n    }"


def slack(path, limit, rng, people):
    channels = [f"channel-{c}" for c in range(20)]
    users = [{"id": f"U{1000 + p}", "name": f"person{p}", "real_name": f"Person {p}",
              "profile": {"display_name": f"Person {p}"}} for p in range(people)]
    size = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("users.json", json.dumps(users, indent=1))
        z.writestr("channels.json", json.dumps([{"id": f"C{c}", "name": name} for c, name in enumerate(channels)]))
        day = 0
        while size < limit:
            date = datetime.date(2022, 1, 1) + datetime.timedelta(days=day)
            for name in channels:
                t, msgs, roots = START + day * 86_400, [], []
                for _ in range(rng.randint(200, 400)):
                    t += rng.randint(1, 200)
                    m = {"type": "message", "user": f"U{1000 + rng.randrange(people)}", "text": text(rng),
                         "ts": f"{t}.{rng.randrange(1_000_000):06}"}
                    if roots and rng.random() < 0.5:
                        m["thread_ts"] = rng.choice(roots[-20:])
                    else:
                        roots.append(m["ts"])
                    if rng.random() < 0.05:
                        m["text"] = f"<@U{1000 + rng.randrange(people)}> " + m["text"]
                    if rng.random() < 0.2:
                        m["reactions"] = [{"name": "+1", "users": [f"U{1000 + rng.randrange(people)}"], "count": 1}]
                    msgs.append(m)
                data = "[\n" + ",\n".join(slack_message(m) for m in msgs) + "\n]"
                z.writestr(f"{name}/{date.isoformat()}.json", data)
                size += len(data)
            day += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["telegram", "whatsapp", "slack"], required=True)
    ap.add_argument("--mb", type=float, default=100.0, help="decimal MB of export text")
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    limit = int(a.mb * 1e6)
    if a.format == "slack":
        slack(a.out, limit, rng, a.people)
        return
    with open(a.out, "w", encoding="utf-8") as out:
        (telegram if a.format == "telegram" else whatsapp)(out, limit, rng, a.people)


if __name__ == "__main__":
    main()
