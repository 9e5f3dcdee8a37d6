#!/usr/bin/env python3
"""Seeded generator of one big GitHub issue-comments page or Mastodon thread context, for
measuring the worker's memory per byte of file (docs/LIMITS.md "Memory per format").

    python3 benches/gen_threads.py --format github --megabytes 40 --out target/github.json
    python3 benches/gen_threads.py --format mastodon --megabytes 40 --out target/mastodon.json

Each record is a copy of a record of the real samples in ../shared/samples/<format>/ (so
the share of fields the importer skips is a real export's), given a new id, a new time and
one of 300 people; a Mastodon status answers one of the 50 statuses before it, or the
thread's first. Same seed, same bytes. Stdlib only.
"""
import argparse
import copy
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"
START = 1_709_546_400  # 2024-03-04 10:00 UTC
PEOPLE = 300


def iso(seconds, millis=False):
    import time

    text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return text + (".000Z" if millis else "Z")


def github_templates():
    records = []
    for page in sorted((SAMPLES / "github").glob("*issue_comments*.json")):
        records += json.loads(page.read_text())
    return records


def mastodon_templates():
    records = []
    for page in sorted((SAMPLES / "mastodon").glob("*.json")):
        context = json.loads(page.read_text())
        records += context.get("ancestors", []) + context.get("descendants", [])
    return records


def github_record(template, k, now, person):
    record = copy.deepcopy(template)
    record["id"] = 10_000_000 + k
    record["created_at"] = record["updated_at"] = iso(now)
    record["url"] = f"https://api.github.com/repos/o/r/issues/comments/{record['id']}"
    record["user"]["login"] = f"person{person}"
    record["user"]["id"] = 1_000 + person
    return record


def mastodon_record(template, k, now, person, answers):
    record = copy.deepcopy(template)
    record["id"] = str(109_000_000_000_000_000 + k)
    record["created_at"] = iso(now, millis=True)
    record["in_reply_to_id"] = answers
    account = record["account"]
    account["id"] = str(108_000_000_000_000_000 + person)
    account["username"] = account["acct"] = f"person{person}"
    account["display_name"] = f"Person {person}"
    account["url"] = f"https://mastodon.example/@person{person}"
    return record


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["github", "mastodon"], required=True)
    ap.add_argument("--megabytes", type=int, default=40)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(42)
    github = args.format == "github"
    templates = github_templates() if github else mastodon_templates()
    target = args.megabytes * 1_000_000
    records, size, now, k = [], 2, START, 0
    while size < target:
        now += rng.randint(0, 180)
        person = rng.randrange(PEOPLE)
        template = templates[k % len(templates)]
        if github:
            record = github_record(template, k, now, person)
        else:
            answers = records[rng.randrange(max(0, k - 50), k)]["id"] if k else None
            record = mastodon_record(template, k, now, person, answers)
        records.append(record)
        size += len(json.dumps(record)) + 2
        k += 1
    if github:
        out = records
    else:
        first = records[0]
        first["in_reply_to_id"] = None
        out = {"ancestors": [first], "descendants": records[1:]}
    Path(args.out).write_text(json.dumps(out))


if __name__ == "__main__":
    main()
