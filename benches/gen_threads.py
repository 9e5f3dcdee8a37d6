#!/usr/bin/env python3
"""Seeded generator of one big GitHub issue-comments page or Mastodon thread context, for
measuring the worker's memory per byte of file (docs/LIMITS.md "Memory per format").

    python3 benches/gen_threads.py --format github --megabytes 40 --out target/github.json
    python3 benches/gen_threads.py --format mastodon --megabytes 40 --out target/mastodon.json

Each record is a copy of a record of the real samples in ../shared/samples/<format>/ (so
the share of fields the importer skips is a real export's), given a new id, a new time and
one of 300 people; a Mastodon status answers one of the 50 statuses before it, or the
thread's first. Without the samples (a fresh clone, as CI has) the records are copies of
one record of each kind written here with every field the API documents, so the test that
measures memory still runs there. Same seed and same templates, same bytes. Stdlib only.
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


# One issue comment as GitHub's REST API returns it, every field present.
GITHUB_COMMENT = {
    "url": "", "html_url": "https://github.com/o/r/issues/7#issuecomment-1",
    "issue_url": "https://api.github.com/repos/o/r/issues/7", "id": 1,
    "node_id": "IC_kwDOAbCdEf5xYz12", "user": {
        "login": "", "id": 0, "node_id": "MDQ6VXNlcjE=",
        "avatar_url": "https://avatars.githubusercontent.com/u/1?v=4", "gravatar_id": "",
        "url": "https://api.github.com/users/someone", "html_url": "https://github.com/someone",
        "followers_url": "https://api.github.com/users/someone/followers",
        "repos_url": "https://api.github.com/users/someone/repos", "type": "User",
        "user_view_type": "public", "site_admin": False},
    "created_at": "", "updated_at": "", "author_association": "CONTRIBUTOR",
    "body": "Thanks for the report. I can reproduce this on the latest release; the "
            "traceback points at the pagination helper. @person12 does the fix in #5 cover it?",
    "reactions": {"url": "", "total_count": 1, "+1": 1, "-1": 0, "laugh": 0, "hooray": 0,
                  "confused": 0, "heart": 0, "rocket": 0, "eyes": 0},
    "performed_via_github_app": None,
}

# One status as Mastodon's API returns it in a thread's context, every field present.
MASTODON_STATUS = {
    "id": "", "created_at": "", "in_reply_to_id": None, "in_reply_to_account_id": None,
    "sensitive": False, "spoiler_text": "", "visibility": "public", "language": "en",
    "uri": "https://mastodon.example/users/someone/statuses/1",
    "url": "https://mastodon.example/@someone/1", "replies_count": 2, "reblogs_count": 1,
    "favourites_count": 4, "edited_at": None,
    "content": "<p>Good question! We tried the same thing last year and ended up writing the "
               "notes down in the wiki; happy to share the link.</p>",
    "reblog": None, "application": {"name": "Web", "website": None},
    "account": {
        "id": "", "username": "", "acct": "", "display_name": "", "locked": False,
        "bot": False, "discoverable": True, "group": False,
        "created_at": "2022-11-05T00:00:00.000Z", "note": "<p>Writes about gardens.</p>",
        "url": "", "avatar": "https://files.mastodon.example/avatars/1.png",
        "avatar_static": "https://files.mastodon.example/avatars/1.png",
        "header": "https://files.mastodon.example/headers/1.png",
        "header_static": "https://files.mastodon.example/headers/1.png",
        "followers_count": 120, "following_count": 80, "statuses_count": 950,
        "last_status_at": "2024-03-04", "emojis": [], "fields": []},
    "media_attachments": [], "mentions": [], "tags": [], "emojis": [], "card": None,
    "poll": None,
}


def github_templates():
    records = []
    for page in sorted((SAMPLES / "github").glob("*issue_comments*.json")):
        records += json.loads(page.read_text())
    return records or [GITHUB_COMMENT]


def mastodon_templates():
    records = []
    for page in sorted((SAMPLES / "mastodon").glob("*.json")):
        context = json.loads(page.read_text())
        records += context.get("ancestors", []) + context.get("descendants", [])
    return records or [MASTODON_STATUS]


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
