"""What the benchmark runners share: running and timing a command, medians, how figures are
written, the report table, and one run of benches/browser.mjs."""
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(text):
    print(text, flush=True)


def run(cmd, **kw):
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v: wall s, CPU s, peak RSS MB, stdout."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + [str(c) for c in cmd],
                           cwd=cwd, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed ({p.returncode}): {p.stderr.strip()[-400:]}")
        wall, user, sys_, rss = t.read().split()[-4:]
    return {"wall": float(wall), "cpu": float(user) + float(sys_), "rss": int(rss) / 1024, "out": p.stdout}


def alternate(runs, a, b):
    """Runs a() and b() alternately (a b, b a, ...); per side, the list of results."""
    ra, rb = [], []
    for i in range(runs):
        pair = [(a, ra), (b, rb)] if i % 2 == 0 else [(b, rb), (a, ra)]
        for f, into in pair:
            into.append(f())
    return ra, rb


def med(results, key):
    return statistics.median(r[key] for r in results)


def secs(x):
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


class Report:
    def __init__(self):
        self.rows = []
        self.notes = []

    def row(self, what, ours, peer, ratio, target, met):
        self.rows.append((what, ours, peer, ratio, target, met))

    def missing(self, what, target, why):
        self.rows.append((what, "—", "—", "—", target, f"not measured yet: {why}"))

    def markdown(self, header):
        lines = header + ["", "| benchmark | peerscope | peer | ratio | target | met? |",
                          "|---|---|---|---|---|---|"]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        if self.notes:
            lines += [""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"


def yes(ok):
    return "yes" if ok else "**no**"


def mb(x):
    return "?" if x is None else f"{x / 1e6:.0f} MB"


def browser_runs(dist, path, paths, timeout):
    """One `node benches/browser.mjs` run (a fresh Chromium per path): its JSON lines by path.
    A failed run is a line with "error"; so is each path when the script printed nothing."""
    cmd = ["node", ROOT / "benches" / "browser.mjs", "--dist", dist, "--paths", ",".join(paths),
           "--timeout", timeout, path]
    say("$ " + " ".join(str(c) for c in cmd))
    start = time.monotonic()
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    lines = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
    if not lines:
        why = f"benches/browser.mjs failed ({p.returncode}): {p.stderr.strip()[-300:]}"
        lines = [{"path": which, "error": why, "ms_until_error": (time.monotonic() - start) * 1000}
                 for which in paths]
    for line in lines:
        say("  " + json.dumps({k: line.get(k) for k in ("path", "ms", "wasm_bytes", "renderer_peak_rss_bytes", "error")}))
    return {line["path"]: line for line in lines}
