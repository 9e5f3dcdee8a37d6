#!/usr/bin/env python3
"""Hostile and unlucky texts for the CLI: inputs whose size, shape or encoding once cost
quadratic time, swallowed data without a word, or refused a whole export over a field
peerscope does not use (issue 21, items 5-8 and 11).

    python3 tests/hostile/texts.py OUT_DIR [--scale S] [--only NAME]

writes one file per case into OUT_DIR (created if missing), then a file SCALE holding the
scale. `--scale` multiplies every size: 1 is the issue's sizes (35 MB, seconds to write;
what the release CLI is held to), `make test` writes 0.1 for the debug build it tests,
and larger scales give inputs for measuring time and memory. No randomness.
cli/tests/hostile_texts.rs runs the CLI on each case and names the outcome it expects.
"""

import io
import json
import os
import sys
import zipfile

DAY = 86_400


def whatsapp_line(minute, sender, text):
    """One Android-style WhatsApp line, `minute` minutes after 1 Jan 2024 00:00."""
    day, rest = divmod(minute, 24 * 60)
    hour, minute = divmod(rest, 60)
    return f"{1 + day % 28}/{1 + (day // 28) % 12}/24, {hour:02}:{minute:02} - {sender}: {text}"


def zip_bytes(entries):
    """A zip of (name, bytes) entries, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return out.getvalue()


def slack_message(ts, user, text, **extra):
    return dict(type="message", user=user, text=text, ts=f"{ts}.000100", **extra)


def users_json(ids):
    return json.dumps([{"id": u, "name": u.lower(), "profile": {"real_name": u}} for u in ids])


# ---- item 5: linear time -------------------------------------------------------------


def wa_at_signs(scale):
    """One message holding a million `@`, among 5 000 senders."""
    senders = [f"Person {i}" for i in range(5_000)]
    lines = [whatsapp_line(i, s, "hi") for i, s in enumerate(senders)]
    lines.append(whatsapp_line(6_000, "Person 1", "@" * int(1_000_000 * scale)))
    return "\n".join(lines).encode()


def wa_senders(scale):
    """200 000 distinct senders, one message each, every one mentioning the sender before."""
    n = int(200_000 * scale)
    lines = [whatsapp_line(i // 50, f"Sender {i}", f"hello @Sender {i - 1}") for i in range(n)]
    return "\n".join(lines).encode()


def slack_folders(scale):
    """A Slack zip with 100 000 channel folders of one day each (no channels.json)."""
    n = int(100_000 * scale)
    entries = [("users.json", users_json(["U1", "U2"]))]
    for i in range(n):
        day = [slack_message(1_700_000_000 + i, "U1" if i % 2 else "U2", "hi")]
        entries.append((f"channel-{i}/2024-01-01.json", json.dumps(day)))
    return zip_bytes(entries)


def slack_dm_members(scale):
    """One direct message whose channel list gives it 200 000 members."""
    n = int(200_000 * scale)
    members = [f"U{i:07}" for i in range(n)]
    day = [slack_message(1_700_000_000 + i, members[i], "hi") for i in range(20)]
    return zip_bytes([
        ("users.json", users_json(members[:1_000])),
        ("dms.json", json.dumps([{"id": "D0000001", "created": 1, "members": members}])),
        ("D0000001/2024-01-01.json", json.dumps(day)),
    ])


def slack_reactors(scale):
    """One reaction by 200 000 people."""
    n = int(200_000 * scale)
    day = [slack_message(1_700_000_000, "U1", "vote", reactions=[
        {"name": "+1", "count": n, "users": [f"U{i:07}" for i in range(n)]}]),
        slack_message(1_700_000_100, "U2", "done")]
    return zip_bytes([("users.json", users_json(["U1", "U2"])),
                      ("general/2024-01-01.json", json.dumps(day))])


# ---- item 6: line ends, quotes, encodings --------------------------------------------


def wa_lines(separator):
    lines = [whatsapp_line(i, ["Ann", "Bo", "Cy"][i % 3], f"message {i}") for i in range(300)]
    return separator.join(lines).encode()


def csv_unclosed_quote(_scale):
    """1 000 messages, one of which opens a quote it never closes."""
    rows = ["id,author,time,text"]
    for i in range(1_000):
        text = '"oops, this quote never ends' if i == 10 else f"message {i}"
        rows.append(f"m{i},user{i % 7},2024-01-01T00:{i // 60 % 60:02}:{i % 60:02}Z,{text}")
    return ("\n".join(rows) + "\n").encode()


def wa_invalid_utf8(_scale):
    return wa_lines("\n").replace(b"message 7", b"message \xff\xfe 7")


def csv_invalid_utf8(_scale):
    return csv_unclosed_quote(1).replace(b'"oops, this quote never ends', b"bad \xff byte")


# ---- item 7: lenient where it does not matter ----------------------------------------


def discourse_raw_array(_scale):
    posts = [{"id": 1 + i, "username": f"u{i % 3}", "created_at": f"2024-03-04T09:0{i}:00Z",
              "post_number": 1 + i, "post_type": 1, "reply_to_post_number": None,
              "cooked": "<p>hi</p>", "raw": ["an", "array"]} for i in range(5)]
    return json.dumps({"post_stream": {"posts": posts}, "id": 42, "title": "t"}).encode()


def slack_day(n=6):
    return [slack_message(1_700_000_000 + 60 * i, ["U1", "U2", "U3"][i % 3], f"m{i}")
            for i in range(n)]


def slack_bad_users(_scale):
    return zip_bytes([("users.json", b"{ this is not json"),
                      ("general/2024-01-01.json", json.dumps(slack_day()))])


def slack_null_message(_scale):
    day = slack_day()
    day.insert(2, None)
    return zip_bytes([("users.json", users_json(["U1", "U2", "U3"])),
                      ("general/2024-01-01.json", json.dumps(day))])


def reddit_deep(scale, depth=10_000):
    """A post and a reply chain `depth` comments deep (not scaled: depth is the point)."""
    post = {"kind": "t3", "data": {"id": "p", "name": "t3_p", "author": "op", "title": "t",
                                   "selftext": "", "created_utc": 1714550400.0,
                                   "subreddit": "x"}}
    listing = '{"kind": "Listing", "data": {"children": ['
    opening = []
    for i in range(depth):
        parent = "t3_p" if i == 0 else f"t1_c{i - 1}"
        opening.append(f'{{"kind": "t1", "data": {{"id": "c{i}", "name": "t1_c{i}", '
                       f'"author": "u{i % 2}", "parent_id": "{parent}", "link_id": "t3_p", '
                       f'"created_utc": {1714551000 + i}.0, "body": "r", "replies": ')
    inner = (listing.join(opening) + '""' + "}}]}}" * (depth - 1) + "}}")
    first = json.dumps({"kind": "Listing", "data": {"children": [post]}})
    return f"[{first}, {listing}{inner}]}}}}]".encode()


# ---- item 8 and 11: dates, wide rows, orphans -----------------------------------------


def csv_dates(_scale):
    rows = ["id,author,time,text"]
    for i in range(200):
        rows.append(f"m{i},user{i % 5},{1_704_067_200 + 60 * i},hi")
    rows += ["x3,user3,2024-01-01T00:00:00Z,ok", "x4,user4,9025-01-01T00:00:00Z,far",
             "x5,user1,1970-01-02T00:00:00Z,early", "x6,user2,2025-06-01T00:00:00Z,lone"]
    return ("\n".join(rows) + "\n").encode()


def csv_wide(scale):
    """A header of author, time and 100 000 other columns."""
    extra = [f"extra{i}" for i in range(int(100_000 * scale))]
    head = ",".join(["author", "time"] + extra)
    rows = [f"u{i % 3},2024-01-01T00:0{i}:00Z" for i in range(5)]
    return (head + "\n" + "\n".join(rows) + "\n").encode()


def csv_channels(scale):
    """100 000 messages, each in a channel of its own."""
    rows = ["id,author,time,channel,text"]
    rows += [f"m{i},u{i % 50},{1_700_000_000 + i},chan{i},hi" for i in range(int(100_000 * scale))]
    return ("\n".join(rows) + "\n").encode()


def slack_orphan_replies(_scale):
    day = slack_day()
    day += [slack_message(1_700_001_000 + i, "U2", "late reply", thread_ts="1600000000.000100")
            for i in range(3)]
    return zip_bytes([("users.json", users_json(["U1", "U2", "U3"])),
                      ("general/2024-01-01.json", json.dumps(day))])


CASES = {
    "wa_at_signs.txt": wa_at_signs,
    "wa_senders.txt": wa_senders,
    "slack_folders.zip": slack_folders,
    "slack_dm_members.zip": slack_dm_members,
    "slack_reactors.zip": slack_reactors,
    "wa_cr_only.txt": lambda _s: wa_lines("\r"),
    "wa_u2028.txt": lambda _s: wa_lines("\u2028"),
    "wa_u2029.txt": lambda _s: wa_lines("\u2029"),
    "csv_unclosed_quote.csv": csv_unclosed_quote,
    "wa_invalid_utf8.txt": wa_invalid_utf8,
    "csv_invalid_utf8.csv": csv_invalid_utf8,
    "discourse_raw_array.json": discourse_raw_array,
    "slack_bad_users.zip": slack_bad_users,
    "slack_null_message.zip": slack_null_message,
    "reddit_deep.json": reddit_deep,
    "csv_dates.csv": csv_dates,
    "csv_wide.csv": csv_wide,
    "csv_channels.csv": csv_channels,
    "slack_orphan_replies.zip": slack_orphan_replies,
}


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out, scale, only = argv[1], 1.0, None
    args = argv[2:]
    while args:
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--scale":
            scale = float(value)
        elif flag == "--only":
            only = value
        else:
            sys.exit(f"unknown option {flag}")
    os.makedirs(out, exist_ok=True)
    for name, make in CASES.items():
        if only is None or name == only:
            with open(os.path.join(out, name), "wb") as f:
                f.write(make(scale))
    if only is None:
        # Written last: the corpus is complete, at this scale.
        with open(os.path.join(out, "SCALE"), "w") as f:
            f.write(f"{scale:g}\n")


if __name__ == "__main__":
    main(sys.argv)
