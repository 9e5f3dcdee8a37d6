#!/usr/bin/env python3
"""Seeded generator of big WhatsApp `.txt` and CSV message-list exports, for measuring
memory per byte of file (docs/LIMITS.md "Memory per format").

    python3 benches/gen_chat.py --format whatsapp --megabytes 100 --out target/bench/wa-100mb.txt
    python3 benches/gen_chat.py --format csv --megabytes 100 --out target/bench/csv-100mb.csv

One chat of 300 people writing messages of 3 to 14 words, one a minute or so; about 70
bytes per message, so 100 MB holds about 1.4 M messages. The CSV has the columns
`time,author,text` (no id and no reply_to: ids come from the line and replies are
inferred, as for WhatsApp). Same seed, same bytes. Stdlib only.
"""
import argparse
import random

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["whatsapp", "csv"], required=True)
    ap.add_argument("--megabytes", type=float, default=100)
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    people = [f"Person {i}" for i in range(args.people)]
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
