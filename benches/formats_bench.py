"""Rows (g): formats other than DiscordChatExporter at size, through the CLI and the page.

Generated, seeded exports (benches/gen_formats.py, seed 42, 2 000 people): a Telegram
`result.json`, a WhatsApp Android `.txt` and a Slack workspace zip, each SIZES_MB decimal
megabytes of export text (for Slack, of JSON inside the zip, which deflates it about 5.6
times), FULL_SIZES_MB with --full. Each export goes through:

- the release CLI, `peerscope analyze FILE`, `runs` times: wall, CPU, peak RSS and RSS per
  byte of export text (benches/capped.py: 30 min and 8 GiB of address space at most);
- the page (benches/browser.mjs, page path), once: file input → verdict on screen, the
  worker's import time and rate, its wasm memory, and the renderer's growth. A file past the
  page's limits is a row saying "refused:" and the page's own sentence.

Why the full sizes: Telegram and WhatsApp at 1 GB, as the issue asks. A 1 GB Slack zip of
this JSON would hold about 5.6 GB of it, past the 2 GiB that peerscope unpacks from one zip
(docs/LIMITS.md), so it would measure only the refusal; the full Slack export is the most
that fits, 1 900 MB of JSON (a zip of about 340 MB).
"""
import hashlib
import re
import sys
import zipfile
from pathlib import Path

from capped import run_capped
from common import browser_runs, mb, med, run, say, secs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
SUFFIX = {"telegram": "json", "whatsapp": "txt", "slack": "zip"}
LABEL = {"telegram": "Telegram result.json", "whatsapp": "WhatsApp .txt", "slack": "Slack zip"}
SIZES_MB = {"telegram": 20, "whatsapp": 20, "slack": 20}
FULL_SIZES_MB = {"telegram": 1000, "whatsapp": 1000, "slack": 1900}
# A 1 GB WhatsApp chat takes about 150 s of CPU; a busy machine stretches that several times.
CLI_TIMEOUT_S = 1800
CLI_ADDRESS_SPACE_BYTES = 8 * 1024 ** 3
PAGE_TIMEOUT_S = 600


def generated(fmt, size_mb):
    """target/bench/<fmt>-<size_mb>mb.<suffix>, regenerated when benches/gen_formats.py changed."""
    gen = ROOT / "benches" / "gen_formats.py"
    path = OUT / f"{fmt}-{size_mb}mb.{SUFFIX[fmt]}"
    stamp = path.with_name(path.name + ".stamp")
    key = hashlib.sha256(gen.read_bytes()).hexdigest() + f" {fmt} {size_mb} seed 42"
    if path.exists() and stamp.exists() and stamp.read_text() == key:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    say(f"generating {path.relative_to(ROOT)} ({size_mb} MB of {fmt} export text)")
    run([sys.executable, gen, "--format", fmt, "--mb", size_mb, "--seed", 42, "--out", path])
    stamp.write_text(key)
    return path


def text_bytes(path):
    """The export text's bytes: the file's size, or for a zip what its entries unpack to."""
    if path.suffix != ".zip":
        return path.stat().st_size
    with zipfile.ZipFile(path) as z:
        return sum(info.file_size for info in z.infolist())


def describe(fmt, path):
    """How the row names the file: format and sizes."""
    size = path.stat().st_size
    if fmt == "slack":
        return f"{LABEL[fmt]}, {mb(size)} ({mb(text_bytes(path))} unpacked)"
    return f"{LABEL[fmt]}, {mb(size)}"


def messages_read(out):
    """The message count from the CLI's summary ("N messages by P people ..."), or "?"."""
    found = re.search(r"(\d+) messages by", out)
    return f"{int(found.group(1)):,}".replace(",", " ") if found else "?"


def cli_row(rep, cli, fmt, path, runs):
    """The release CLI on `path`, `runs` times: medians, or the first failure's sentence."""
    what = f"(g) {describe(fmt, path)}: CLI end to end"
    results = []
    for _ in range(runs):
        say(f"$ {cli} analyze {path}")
        r = run_capped([cli, "analyze", path], CLI_TIMEOUT_S, CLI_ADDRESS_SPACE_BYTES)
        if not r["ok"]:
            said = r["err"].strip()[-300:]
            rep.row(what, f"**did not finish**: {r['why']}; by then {secs(r['cpu'])} CPU, {r['rss']:.0f} MB "
                    f"peak RSS{': ' + said if said else ''}", "—", "—", "measured", "**no**")
            return
        results.append(r)
    rss = med(results, "rss")
    per_byte = rss * 1024 ** 2 / text_bytes(path)
    rep.row(what, f"{secs(med(results, 'wall'))} wall, {secs(med(results, 'cpu'))} CPU, {rss:.0f} MB peak RSS "
            f"({per_byte:.1f} per byte of text); {messages_read(results[0]['out'])} messages; median of {runs}",
            "—", "—", "measured", "—")


def page_figures(r):
    """What one page run measured, as the row says it."""
    grown = (r.get("renderer_peak_rss_bytes") or 0) - (r.get("baseline_renderer_rss_bytes") or 0)
    worker = ""
    if r.get("import_ms"):
        rate = r["bytes"] / 1e6 / (r["import_ms"] / 1000)
        worker = (f"; worker import {secs(r['import_ms'] / 1000)} ({rate:.0f} MB/s of the file), "
                  f"analysis {secs((r.get('analyse_ms') or 0) / 1000)}")
    return (f"{secs(r['ms'] / 1000)} wall, {secs(r['cpu_ms'] / 1000)} CPU to the verdict{worker}; "
            f"worker wasm {mb(r.get('worker_wasm_bytes'))}, renderer grew {mb(grown)} "
            f"(peak {mb(r.get('renderer_peak_rss_bytes'))}); {r.get('messages')} messages")


def page_row(rep, dist, fmt, path, why_not):
    """The page's file input on `path`, one run: its figures, its refusal, or its failure."""
    what = f"(g) {describe(fmt, path)}: page file input → verdict on screen, one run"
    if why_not:
        rep.missing(what, "measured", why_not)
        return
    r = browser_runs(dist, path, ["page"], PAGE_TIMEOUT_S)["page"]
    error = r.get("error")
    if error and error.startswith("the page said: "):
        rep.row(what, f"refused: {error.removeprefix('the page said: ')} "
                f"(after {secs(r.get('ms_until_error', 0) / 1000)})", "—", "—", "measured",
                "— (past the page's limits)")
    elif error:
        rep.row(what, f"**failed** after {secs(r.get('ms_until_error', 0) / 1000)}: {error}", "—", "—",
                "measured", "**no**")
    else:
        rep.row(what, page_figures(r), "—", "—", "measured", "—")


def bench_formats(rep, cli, dist, why_not, runs, full):
    """Rows (g) for every format, at SIZES_MB (FULL_SIZES_MB too when `full`)."""
    sizes = [SIZES_MB] + ([FULL_SIZES_MB] if full else [])
    for fmt in SUFFIX:
        for size_mb in (s[fmt] for s in sizes):
            path = generated(fmt, size_mb)
            cli_row(rep, cli, fmt, path, runs if size_mb == SIZES_MB[fmt] else 1)
            page_row(rep, dist, fmt, path, why_not)
    rep.notes.append("(g) benches/gen_formats.py, seed 42, 2 000 people; the CLI's peak RSS is per byte of "
                     "export text (for a zip, of what it unpacks to); the page row is one run, figures as in (d).")
