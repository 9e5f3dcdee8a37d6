#!/usr/bin/env python3
"""Seeded generator of big WhatsApp `.txt`, CSV, Telegram, Slack and Matrix exports, for measuring
memory per byte of file (docs/LIMITS.md "Memory per format").

    python3 benches/gen_chat.py --format whatsapp --megabytes 100 --out target/bench/wa-100mb.txt
    python3 benches/gen_chat.py --format csv --megabytes 100 --out target/bench/csv-100mb.csv
    python3 benches/gen_chat.py --format telegram --megabytes 40 --out target/bench/tg.json
    python3 benches/gen_chat.py --format slack --megabytes 40 --out target/bench/slack.zip
    python3 benches/gen_chat.py --format matrix --megabytes 40 --out target/bench/room.json

One chat of 300 people writing messages of 3 to 14 words, one a minute or so. WhatsApp
takes about 70 bytes a message, so 100 MB holds about 1.4 M messages. The CSV has the
columns `time,author,text` (no id and no reply_to: ids come from the line and replies are
inferred, as for WhatsApp). Telegram is one group as Telegram Desktop writes it (every
fifth message a reply); Slack a zip of one channel, a file per day, `--megabytes`
counting the unpacked JSON; Matrix one room as Element's JSON export writes it (every
fifth message a reply, with its fallback quote). Same seed, same bytes. Stdlib only.
"""
import argparse
import io
import json
import random
import zipfile

WORDS = ("the a it this that I you we they is was works tried build print layer idea thanks "
         "great nice question anyone know how why when where maybe probably yesterday today "
         "tomorrow video part next week same here agreed lol wow cool").split()
START = 1_704_067_200  # 2024-01-01 00:00 UTC, in seconds


def texts(rng, people):
    """(seconds since START, sender, text) forever, time rising by 0 to 3 minutes."""
    at = 0
    while True:
        at += rng.choice((0, 20, 40, 60, 60, 90, 120, 180))
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
        yield at, rng.choice(people), words + ("?" if rng.random() < 0.2 else "")


def whatsapp_line(at, sender, text):
    """An Android-style line: `d/m/yy, HH:MM - Sender: text`."""
    import time
    t = time.gmtime(START + at)
    return f"{t.tm_mday}/{t.tm_mon}/{t.tm_year % 100:02}, {t.tm_hour:02}:{t.tm_min:02} - {sender}: {text}\n"


def csv_line(at, sender, text):
    import time
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START + at))
    return f"{stamp},{sender},{text}\n"


def telegram_message(n, at, sender, text, rng):
    """One message as Telegram Desktop's JSON export writes it."""
    m = {"id": n, "type": "message", "date": stamp(at, "%Y-%m-%dT%H:%M:%S"),
         "date_unixtime": str(START + at), "from": sender, "from_id": "user" + sender.split()[-1]}
    if n > 1 and rng.random() < 0.2:
        m["reply_to_message_id"] = rng.randint(max(1, n - 20), n - 1)
    m["text"] = text
    m["text_entities"] = [{"type": "plain", "text": text}]
    return m


def slack_message(at, sender, text):
    uid = "U" + sender.split()[-1].zfill(6)
    return {"client_msg_id": f"{at:x}-{uid}", "type": "message", "user": uid, "text": text,
            "ts": f"{START + at}.{at % 1000000:06}", "user_profile": {"real_name": sender,
            "display_name": sender, "name": sender.lower().replace(" ", "")}}


def matrix_event(n, at, sender, text, rng):
    """One message as Element's JSON export writes it (the event as the client holds it)."""
    user = "@" + sender.lower().replace(" ", "") + ":example.org"
    content = {"body": text, "msgtype": "m.text"}
    if n > 1 and rng.random() < 0.2:
        target = rng.randint(max(1, n - 20), n - 1)
        content["body"] = f"> <@someone:example.org> an earlier message\n\n{text}"
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": f"$event{target}"}}
    return {"type": "m.room.message", "sender": user, "content": content,
            "origin_server_ts": (START + at) * 1000, "unsigned": {"age": 1000},
            "event_id": f"$event{n}", "room_id": "!makers:example.org"}


def write_matrix(args, rng, people):
    events, written = [], 0
    for n, (at, sender, text) in enumerate(texts(rng, people), start=1):
        if written >= args.megabytes * 1_000_000:
            break
        events.append(matrix_event(n, at, sender, text, rng))
        written += 330 + len(text)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"room_name": "Makers", "room_creator": "Person 0", "topic": "",
                   "export_date": "01/01/2025", "exported_by": "Person 1",
                   "messages": events}, out, ensure_ascii=False, indent=2)


def stamp(at, pattern):
    import time
    return time.strftime(pattern, time.gmtime(START + at))


def write_telegram(args, rng, people):
    messages, written = [], 0
    for n, (at, sender, text) in enumerate(texts(rng, people), start=1):
        if written >= args.megabytes * 1_000_000:
            break
        messages.append(telegram_message(n, at, sender, text, rng))
        written += 260 + 2 * len(text)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"name": "Makers", "type": "private_supergroup", "id": 1500000001,
                   "messages": messages}, out, ensure_ascii=False, indent=1)


def write_slack(args, rng, people):
    days, written = {}, 0
    for at, sender, text in texts(rng, people):
        if written >= args.megabytes * 1_000_000:
            break
        days.setdefault(stamp(at, "%Y-%m-%d"), []).append(slack_message(at, sender, text))
        written += 300 + len(text)
    users = [{"id": "U" + p.split()[-1].zfill(6), "name": p.lower().replace(" ", ""),
              "profile": {"real_name": p, "display_name": p}} for p in people]
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("users.json", json.dumps(users, indent=4))
        z.writestr("channels.json", json.dumps([{"id": "C000001", "name": "general",
                                                 "members": [u["id"] for u in users]}], indent=4))
        for day, messages in days.items():
            z.writestr(f"general/{day}.json", json.dumps(messages, indent=4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["whatsapp", "csv", "telegram", "slack", "matrix"], required=True)
    ap.add_argument("--megabytes", type=float, default=100)
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    people = [f"Person {i}" for i in range(args.people)]
    writers = {"telegram": write_telegram, "slack": write_slack, "matrix": write_matrix}
    if args.format in writers:
        writers[args.format](args, rng, people)
        return
    line = whatsapp_line if args.format == "whatsapp" else csv_line
    budget = int(args.megabytes * 1_000_000)
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        if args.format == "csv":
            written += out.write("time,author,text\n")
        for at, sender, text in texts(rng, people):
            if written >= budget:
                break
            written += out.write(line(at, sender, text))


if __name__ == "__main__":
    main()
