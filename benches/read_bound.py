"""The ceiling of the worker-parse row (f): how fast this Chromium hands the file to a
worker's wasm memory with no parse at all (benches/read_bound.mjs), beside the page's own
rate, so a missed 400 MB/s can be told apart from a machine that cannot deliver it."""

import json
import statistics
import subprocess

from common import ROOT, say


def read_bound_row(rep, path, runs):
    """Runs `benches/read_bound.mjs` `runs` times on `path` (a fresh Chromium each) and adds
    one row: the median rate and the range, MB/s over the worker's wall time."""
    what = f"(f) browser, the file handed to a worker's wasm memory, no parse, {path.stat().st_size / 1e6:.0f} MB"
    cmd = ["node", str(ROOT / "benches" / "read_bound.mjs"), "--runs", str(runs), str(path)]
    say("$ " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True)
    rates = [json.loads(line)["mb_per_s"] for line in p.stdout.splitlines() if line.startswith("{")]
    if not rates:
        rep.missing(what, "the ceiling of the row above", f"read_bound.mjs failed ({p.returncode}): "
                    f"{p.stderr.strip()[-300:]}")
        return
    rep.row(what, f"{statistics.median(rates):.0f} MB/s (wall; {min(rates)}–{max(rates)} MB/s, {len(rates)} runs)",
            "—", "—", "the ceiling of the row above", "—")
