#!/usr/bin/env python3
"""Seeded generator of a big Zulip REST answer (`GET /api/v1/messages`, rendered HTML), for
measuring time and memory per byte of file (docs/LIMITS.md "Memory per format").

    python3 benches/gen_zulip.py --messages 100000 --out target/bench/zulip.json

300 people in 3 streams of 20 topics each, a message every 0 to 3 minutes in a random
topic; every seventh message opens by mentioning someone and every eleventh is a
quote-reply to the previous message of its topic. About 550 bytes a message. Same seed,
same bytes. Stdlib only.
"""
import argparse
import json
import random

START = 1_709_546_400  # 2024-03-04 10:00 UTC
WORDS = "the a it build test release works why how maybe today thanks great ok".split()
STREAMS = {"dev": (3, 13), "help": (4, 14), "general": (5, 15)}


def mention(person, silent=False):
    kind = "user-mention silent" if silent else "user-mention"
    return f'<span class="{kind}" data-user-id="{person[0]}">@{person[1]}</span>'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(20)
    people = [(i, f"Person {i}", f"p{i}@example.org") for i in range(1, 301)]
    last = {}  # (stream, topic) -> (message id, author)
    messages, now = [], START
    for k in range(args.messages):
        now += rng.randint(0, 180)
        who = rng.choice(people)
        stream = rng.choice(list(STREAMS))
        topic = f"topic {rng.randint(1, 20)}"
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))
        html = f"<p>{words}</p>"
        if k % 7 == 0:
            html = f"<p>{mention(rng.choice(people))} {words}</p>"
        previous = last.get((stream, topic))
        if k % 11 == 0 and previous:
            quoted = people[previous[1] - 1]
            url = f"https://chat.example.org/#narrow/channel/{STREAMS[stream][0]}/near/{previous[0]}"
            html = (f'<p>{mention(quoted, silent=True)} <a href="{url}">said</a>:</p>\n'
                    f"<blockquote>\n<p>earlier</p>\n</blockquote>\n{html}")
        stream_id, recipient_id = STREAMS[stream]
        messages.append({
            "id": 1000 + k, "sender_id": who[0], "sender_full_name": who[1],
            "sender_email": who[2], "timestamp": now, "content": html,
            "content_type": "text/html", "type": "stream", "stream_id": stream_id,
            "recipient_id": recipient_id, "display_recipient": stream, "subject": topic,
            "client": "website", "reactions": [], "flags": ["read"], "is_me_message": False,
        })
        last[(stream, topic)] = (1000 + k, who[0])
    with open(args.out, "w") as f:
        json.dump({"result": "success", "msg": "", "found_newest": True, "messages": messages}, f)


if __name__ == "__main__":
    main()
