#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the test fixtures and, when present, the shared
samples (/work/shared/samples/<format>/, files of 1 MB or less), so each fuzzer starts
from real exports instead of nothing. Run by `make fuzz` before every run; the corpora are
git-ignored and keep what the fuzzer found, so this only adds files (named by content hash).

Usage: fuzz/seed.py [SAMPLES_DIR]
"""

import hashlib
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/samples")
CORPUS = ROOT / "fuzz" / "corpus"
MAX_SAMPLE = 1 << 20

# fuzz/src/lib.rs NAMES, in the same order: the first byte of a `detect` or `slack` seed
# picks the file name the input arrives under.
NAMES = [
    "export.json", "users.json", "channels.json", "general/2024-03-01.json", "chat.txt",
    "export.zip", "messages.csv", "video.info.json", "message_1.json", "result.json",
    "dms.json", "posts.json",
]

# Target → fixture name prefixes (tests/fixtures/) and the samples folder it reads.
TARGETS = {
    "discord": (["discord_", "e2e_upload", "distinctive_names"], "discord"),
    "slack": (["slack_"], "slack"),
    "telegram": (["telegram_"], "telegram"),
    "whatsapp": (["whatsapp_"], "whatsapp"),
    "discourse": (["discourse_"], "discourse"),
    "reddit": (["reddit_"], "reddit"),
    "youtube": (["youtube_good", "youtube_api", "youtube_malformed"], "youtube"),
    "mastodon": (["mastodon_"], "mastodon"),
    "youtube_live_chat": (["youtube_live_chat_"], "youtube-live-chat"),
    "github": (["github_"], "github"),
    "messenger": (["messenger_"], "messenger"),
    "matrix": (["matrix_"], None),
    "zulip": (["zulip_"], None),
    "csv": (["csv_"], None),
}

# fuzz/fuzz_targets/zulip.rs NAMES, in the same order: the first byte of a `zulip` seed.
ZULIP_NAMES = ["messages.json", "realm.json", "messages-000001.json", "zulip-export.zip",
               "stream_index.json"]


def name_index(path: str) -> int:
    """The NAMES entry a file of this path arrives as (by base name, then extension)."""
    base = path.rsplit("/", 1)[-1].lower()
    for i, name in enumerate(NAMES):
        if base == name.rsplit("/", 1)[-1]:
            return i
    if len(base) == 15 and base[4] == "-" and base[7] == "-" and base.endswith(".json"):
        return NAMES.index("general/2024-03-01.json")
    for ext, name in [(".zip", "export.zip"), (".txt", "chat.txt"), (".csv", "messages.csv"),
                      (".info.json", "video.info.json")]:
        if base.endswith(ext):
            return NAMES.index(name)
    return 0


def files_of(target: str) -> list[tuple[str, bytes]]:
    """(path, bytes) of every seed of one target, without the name byte."""
    prefixes, samples = TARGETS[target]
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        rel = path.relative_to(FIXTURES).as_posix()
        if path.is_file() and any(rel.startswith(p) for p in prefixes):
            found.append((rel, path.read_bytes()))
    bad = FIXTURES / "bad" / target
    if bad.is_dir():
        found += [(p.name, p.read_bytes()) for p in sorted(bad.iterdir()) if p.is_file()]
    if samples and (SAMPLES / samples).is_dir():
        for path in sorted((SAMPLES / samples).iterdir()):
            if path.is_file() and path.suffix != ".md" and path.stat().st_size <= MAX_SAMPLE:
                found.append((path.name, path.read_bytes()))
    if target == "slack":
        found.append(("slack_export.zip", folder_zip("slack_export")))
    if target == "mastodon":
        # fuzz_targets/mastodon.rs loads what precedes the first zero byte and what
        # follows it as two files: a context and its status.
        pair = [(FIXTURES / n).read_bytes() for n in
                ("mastodon_good_context.json", "mastodon_good_status.json")]
        found.append(("mastodon_pair", b"\0".join(pair)))
    if target == "matrix":
        found.append(("matrix-export.zip", matrix_zip()))
    if target == "zulip":
        found.append(("zulip-export.zip", folder_zip("zulip_export")))
    return found


def matrix_zip() -> bytes:
    """tests/fixtures/matrix_good.json as the zip Element makes with attachments."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("images/garden-2025-03-05-2026.jpg", b"\xff\xd8\xff")
        z.writestr("export.json", (FIXTURES / "matrix_good.json").read_bytes())
    return out.getvalue()


def zulip_index(path: str) -> int:
    """The ZULIP_NAMES entry a Zulip seed of this path arrives as."""
    base = path.rsplit("/", 1)[-1]
    if base.endswith(".zip"):
        return ZULIP_NAMES.index("zulip-export.zip")
    return ZULIP_NAMES.index(base) if base in ZULIP_NAMES else 0


def folder_zip(name: str) -> bytes:
    """tests/fixtures/<name>/ zipped, as an export's zip holds it."""
    out = io.BytesIO()
    folder = FIXTURES / name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder).as_posix())
    return out.getvalue()


def zips_seeds() -> list[bytes]:
    """Seeds of the `zips` target in its byte language (fuzz/src/zips.rs): the first byte
    picks detection, Slack or WhatsApp; then entries (operation, name template, packing,
    body)."""
    def entry(op: int, name: int, packing: int, body: bytes = b"") -> bytes:
        size = bytes([len(body)]) if op % 4 == 0 else b""
        return bytes([op, name, packing]) + size + body

    chat = (FIXTURES / "whatsapp_good.txt").read_bytes()[:255]
    folder = FIXTURES / "slack_export"
    users = (folder / "users.json").read_bytes()[:255]
    day = (folder / "general" / "2024-03-01.json").read_bytes()[:255]
    return [
        bytes([0]) + entry(0, 0, 1, chat) + entry(0, 3, 0, b"\xff\xd8"),
        bytes([2]) + entry(0, 1, 1, chat) + entry(2, 2, 0),
        bytes([1]) + entry(0, 4, 1, users) + entry(0, 9, 1, day) + entry(0, 11, 0, day),
        bytes([0]) + entry(1, 10, 1, b"a\x00\x04") + b"\xff\x10\x05",
    ]


def write(target: str, data: bytes) -> bool:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("seed-" + hashlib.sha1(data).hexdigest())
    if path.exists():
        return False
    path.write_bytes(data)
    return True


def main() -> None:
    every = []
    for target in TARGETS:
        seeds = files_of(target)
        def prefix(path: str) -> bytes:
            if target == "slack":
                return bytes([name_index(path)])
            if target == "zulip":
                return bytes([zulip_index(path)])
            return b""
        added = sum(write(target, prefix(p) + data) for p, data in seeds)
        every += seeds
        print(f"seeded {target}: {len(seeds)} files ({added} new)")
    bad = FIXTURES / "bad" / "detect"
    if bad.is_dir():
        every += [(p.name, p.read_bytes()) for p in sorted(bad.iterdir()) if p.is_file()]
    added = sum(write("detect", bytes([name_index(p)]) + data) for p, data in every)
    print(f"seeded detect: {len(every)} files ({added} new)")
    seeds = zips_seeds()
    added = sum(write("zips", data) for data in seeds)
    print(f"seeded zips: {len(seeds)} files ({added} new)")


if __name__ == "__main__":
    main()
