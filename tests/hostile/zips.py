#!/usr/bin/env python3
"""Writes the hostile zip corpus that cli/tests/hostile_zips.rs runs the CLI on, into
OUT_DIR (the test passes a folder under target/). Each bomb unpacks to gigabytes but is a
few MB on disk, and the whole corpus is written in a few seconds:

- a payload that repeats is deflated once per repeat unit (zlib's full flush makes each
  unit's blocks independent, so they are copied instead of compressed again);
- entries that "point at the same data" are central-directory records sharing one local
  entry, as in the zips of issue 21.

The cases (file name: what it holds; what the CLI must do):

- overlap.zip: 64 WhatsApp chats, all records of one 250 MiB chat; refused (exit 2).
- chats16.zip: 16 separate 250 MiB chats; refused at the first (exit 2).
- slack_day3g.zip: a Slack export whose one day file is 3 GiB; refused (exit 2).
- media400.zip: a small real WhatsApp chat and 400 media entries of 250 MiB each (one
  payload); read (exit 0): media are never unpacked.
- slack_days400.zip: a Slack export of 400 day files of 200 MiB (one payload); refused.
- whatsapp_backslash.zip, slack_backslash.zip: what Windows PowerShell's Compress-Archive
  writes (folders separated by "\\"), from tests/fixtures; read like their "/" twins
  whatsapp_slash.zip and slack_slash.zip (exit 0, the same message count).

Usage: tests/hostile/zips.py OUT_DIR   (does nothing when OUT_DIR holds this version)
"""

import struct
import sys
import zlib
from pathlib import Path

# Bump when a case changes: OUT_DIR/VERSION tells a rerun whether to write again.
VERSION = "1"

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MIB = 1 << 20
UNIT = 4 * MIB


class Payload:
    """An entry's deflated bytes, with its CRC-32 and unpacked size."""

    def __init__(self, packed: bytes, crc: int, size: int):
        self.packed, self.crc, self.size = packed, crc, size


def deflated(data: bytes) -> Payload:
    """`data` deflated in one piece."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Payload(c.compress(data) + c.flush(), zlib.crc32(data), len(data))


def repeated(head: bytes, unit: bytes, count: int, tail: bytes) -> Payload:
    """head + unit * count + tail, deflated with `unit` compressed once."""
    def flushed(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)

    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = flushed(head) + flushed(unit) * count + last.compress(tail) + last.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return Payload(packed, crc, len(head) + len(unit) * count + len(tail))


def write_zip(path: Path, entries: list) -> None:
    """A zip of `entries`, each (name, Payload) for an entry of its own, or (name, i) for
    a central-directory record that points at the local entry of entry i (which must
    hold a Payload)."""
    body, records, offsets, payloads = bytearray(), bytearray(), [], []
    for name, what in entries:
        raw = name.encode()
        if isinstance(what, Payload):
            offsets.append(len(body))
            payloads.append(what)
            body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, what.crc,
                                len(what.packed), what.size, len(raw), 0)
            body += raw + what.packed
            at, p = offsets[-1], what
        else:
            at, p = offsets[what], payloads[what]
            offsets.append(at)
            payloads.append(p)
        records += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, p.crc,
                               len(p.packed), p.size, len(raw), 0, 0, 0, 0, 0, at)
        records += raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                      len(records), len(body), 0)
    path.write_bytes(bytes(body) + bytes(records) + end)


CHAT_HEAD = b"12/09/20, 23:55 - Ann: the next message is long\n12/09/20, 23:56 - Bo: "


def chat_bomb(size: int) -> Payload:
    """A WhatsApp chat of `size` bytes or so: two headers, then one endless message."""
    return repeated(CHAT_HEAD, b"a" * UNIT, size // UNIT, b"\n")


def day_bomb(size: int) -> Payload:
    """A Slack day file of `size` bytes or so: one message whose text never ends."""
    head = b'[{"type": "message", "user": "U0ANN", "ts": "1709280000.000100", "text": "'
    return repeated(head, b"a" * UNIT, size // UNIT, b'"}]\n')


def fixture(*parts: str) -> Payload:
    return deflated((FIXTURES.joinpath(*parts)).read_bytes())


def slack_export(sep: str) -> list:
    """tests/fixtures/slack_export/ as a zip made from its folder, names joined by `sep`."""
    files = [["users.json"], ["channels.json"], ["general", "2024-03-01.json"],
             ["general", "2024-03-02.json"], ["random", "2024-03-02.json"]]
    return [(sep.join(["slack_export", *f]), fixture("slack_export", *f)) for f in files]


def slack_workspace() -> list:
    return [("export/users.json", fixture("slack_export", "users.json")),
            ("export/channels.json", fixture("slack_export", "channels.json"))]


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / "VERSION"
    if stamp.exists() and stamp.read_text() == VERSION:
        return
    chat = chat_bomb(250 * MIB)
    write_zip(out / "overlap.zip",
              [("_chat.txt", chat)] + [(f"chat{i:02}.txt", 0) for i in range(1, 64)])
    write_zip(out / "chats16.zip", [(f"WhatsApp Chat with {i}.txt", chat) for i in range(16)])
    write_zip(out / "slack_day3g.zip",
              slack_workspace() + [("export/general/2024-03-01.json", day_bomb(3 << 30))])
    small = fixture("whatsapp_good.txt")
    media = repeated(b"\xff\xd8", b"\0" * UNIT, 250 * MIB // UNIT, b"")
    write_zip(out / "media400.zip",
              [("_chat.txt", small), ("IMG-0000.jpg", media)]
              + [(f"IMG-{i:04}.jpg", 1) for i in range(1, 400)])
    day = day_bomb(200 * MIB)
    days = [(f"export/general/2024-{1 + i // 28:02}-{1 + i % 28:02}.json", 2) for i in range(400)]
    days[0] = (days[0][0], day)
    write_zip(out / "slack_days400.zip", slack_workspace() + days)
    for sep, name in [("\\", "backslash"), ("/", "slash")]:
        folder = "WhatsApp Chat - Hikes"
        write_zip(out / f"whatsapp_{name}.zip",
                  [(f"{folder}{sep}_chat.txt", small),
                   (f"{folder}{sep}IMG-0001.jpg", deflated(b"\xff\xd8"))])
        write_zip(out / f"slack_{name}.zip", slack_export(sep))
    stamp.write_text(VERSION)


if __name__ == "__main__":
    main()
