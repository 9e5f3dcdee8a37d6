#!/usr/bin/env python3
"""`make bench`: peerscope against the tools people would pick instead, on the same data.

    python3 benches/run.py [--runs 3] [--full] [--no-criterion]   (or: make bench)

1. Installs the peers, pinned, into the git-ignored .bench/: chat-analytics, graphology and
   graphology-layout-forceatlas2 (npm, .bench/node/), NetworkX (pip, a venv in .bench/venv/).
   What is installed at the pinned version is kept, so a repeated run costs seconds.
2. Generates seeded DiscordChatExporter exports into target/bench/ with benches/gen_discord.py
   (10 k and 100 k messages; 1 M, about 1.3 GB, only with --full or BENCH_FULL=1). A file is
   regenerated when the generator changes.
3. Builds the release CLI (`cargo build --release --no-default-features --bin peerscope`).
4. Runs each pair alternated (A B, then B A, ...) over --runs runs and takes medians:
   (a) peerscope CLI vs chat-analytics CLI, end to end: wall, CPU, peak RSS (/usr/bin/time);
   (b) the metric set: peerscope vs a NetworkX script on the same export (benches/nx_metrics.py),
       end to end, and graph + metrics alone (peerscope's from the Criterion benches);
   (c) 100 ForceAtlas2 iterations, 10 k nodes / 100 k edges, vs graphology;
   (d) the browser (wasm) import and analysis, in headless Chromium;
   (e) the release .wasm, raw and gzip.
   What cannot be measured yet is a row saying so and why.
5. Runs the Criterion micro-benchmarks (benches/core.rs) and adds their medians.
Prints the table and writes it to target/bench/report.md.

The machine is small and shared: besides wall time it reports CPU time (user + system),
which other processes disturb less; ratios are from one `make bench` on one machine.
"""
import argparse
import datetime
import gzip
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
NODE_DIR = BENCH / "node"
VENV = BENCH / "venv"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
if not TARGET.is_absolute():
    TARGET = ROOT / TARGET
OUT = ROOT / "target" / "bench"

NPM_PEERS = {"chat-analytics": "1.1.2", "graphology": "0.26.0", "graphology-layout-forceatlas2": "0.10.1"}
PIP_PEERS = {"networkx": "3.4.2"}
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

# Targets of issue 9.
TARGET_CA = 10.0
TARGET_NX = 50.0
TARGET_FA2 = 3.0
TARGET_WASM_GZIP_KB = 600


def say(text):
    print(text, flush=True)


def run(cmd, **kw):
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


# ---- installs ---------------------------------------------------------------------------

def install_npm():
    """The npm peers into .bench/node; None when they are there, else why not."""
    if not shutil.which("npm"):
        return "npm is not installed"
    have = {}
    for name in NPM_PEERS:
        pkg = NODE_DIR / "node_modules" / name / "package.json"
        if pkg.exists():
            have[name] = json.loads(pkg.read_text()).get("version")
    if have == NPM_PEERS:
        say(f"ok: npm peers in .bench/node ({', '.join(f'{k}@{v}' for k, v in NPM_PEERS.items())})")
        return None
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    (NODE_DIR / "package.json").write_text('{"name": "peerscope-bench-peers", "private": true}\n')
    try:
        run(["npm", "install", "--prefix", NODE_DIR, "--save-exact", "--no-audit", "--no-fund"]
            + [f"{k}@{v}" for k, v in NPM_PEERS.items()])
    except subprocess.CalledProcessError as e:
        return f"npm install failed ({e.returncode})"
    return None


def install_pip():
    """NetworkX into a venv in .bench/venv; None when it is there, else why not."""
    py = VENV / "bin" / "python"
    want = PIP_PEERS["networkx"]
    probe = [py, "-c", "import networkx; print(networkx.__version__)"]
    if py.exists() and subprocess.run([str(c) for c in probe], capture_output=True, text=True).stdout.strip() == want:
        say(f"ok: networkx {want} in .bench/venv")
        return None
    try:
        if not py.exists():
            run([sys.executable, "-m", "venv", VENV])
        run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            + [f"{k}=={v}" for k, v in PIP_PEERS.items()])
    except subprocess.CalledProcessError as e:
        return f"pip install failed ({e.returncode})"
    return None


# ---- data and builds ----------------------------------------------------------------------

def export(size):
    """target/bench/discord-<size>.json, regenerated when benches/gen_discord.py changed."""
    gen = ROOT / "benches" / "gen_discord.py"
    path = OUT / f"discord-{size}.json"
    stamp = path.with_suffix(".stamp")
    key = hashlib.sha256(gen.read_bytes()).hexdigest() + f" {SIZES[size]} seed 42"
    if path.exists() and stamp.exists() and stamp.read_text() == key:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    say(f"generating {path.relative_to(ROOT)} ({SIZES[size]} messages)")
    run([sys.executable, gen, "--messages", SIZES[size], "--seed", 42, "--out", path])
    stamp.write_text(key)
    return path


def replies_csv():
    """target/bench/replies-1m.csv (1 M replies among 100 k people), regenerated when
    benches/gen_replies.py changed."""
    gen = ROOT / "benches" / "gen_replies.py"
    path = OUT / "replies-1m.csv"
    stamp = path.with_suffix(".stamp")
    key = hashlib.sha256(gen.read_bytes()).hexdigest()
    if path.exists() and stamp.exists() and stamp.read_text() == key:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    say(f"generating {path.relative_to(ROOT)} (1 M replies among 100 k people)")
    run([sys.executable, gen, "--out", path])
    stamp.write_text(key)
    return path


def build_cli():
    # The CLI and the core need no web crate: without the `web` feature the build is
    # shorter and does not wait on the UI.
    run(["cargo", "build", "--release", "--no-default-features", "--bin", "peerscope"], cwd=ROOT)
    return TARGET / "release" / "peerscope"


# ---- measuring ----------------------------------------------------------------------------

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


def criterion_medians():
    """Criterion's median estimates (seconds) by benchmark id, from target/criterion."""
    out = {}
    for bench in (TARGET / "criterion").glob("**/new/benchmark.json"):
        est = bench.with_name("estimates.json")
        if est.exists():
            full = json.loads(bench.read_text()).get("full_id")
            out[full] = json.loads(est.read_text())["median"]["point_estimate"] / 1e9
    return out


# ---- the report -----------------------------------------------------------------------------

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


def bench_chat_analytics(rep, cli, files, runs, why_not):
    ca = NODE_DIR / "node_modules" / ".bin" / "chat-analytics"
    for size, path in files.items():
        what = f"(a) end to end, {size} messages ({path.stat().st_size / 1e6:.0f} MB): peerscope CLI vs chat-analytics CLI"
        if why_not:
            rep.missing(what, f"≥ {TARGET_CA:.0f}×, less memory", why_not)
            continue
        if size == "1m":
            r = [timed([cli, "analyze", path]) for _ in range(runs)]
            rep.row(f"(a) end to end, 1 M messages ({path.stat().st_size / 1e9:.2f} GB): peerscope CLI",
                    f"{secs(med(r, 'wall'))} wall, {med(r, 'rss'):.0f} MB", "not run (chat-analytics at 1 M would need GBs of V8 heap)",
                    "—", "—", "—")
            continue
        html = OUT / f"chat-analytics-{size}.html"
        ours, theirs = alternate(runs, lambda: timed([cli, "analyze", path]),
                                 lambda: timed([ca, "-p", "discord", "-i", path, "-o", html]))
        wall = med(theirs, "wall") / med(ours, "wall")
        cpu = med(theirs, "cpu") / med(ours, "cpu")
        less = med(ours, "rss") < med(theirs, "rss")
        rep.row(what,
                f"{secs(med(ours, 'wall'))} wall, {secs(med(ours, 'cpu'))} CPU, {med(ours, 'rss'):.0f} MB",
                f"{secs(med(theirs, 'wall'))} wall, {secs(med(theirs, 'cpu'))} CPU, {med(theirs, 'rss'):.0f} MB",
                f"{wall:.1f}× wall, {cpu:.1f}× CPU, {med(theirs, 'rss') / med(ours, 'rss'):.1f}× less memory",
                f"≥ {TARGET_CA:.0f}× (100 k), less memory",
                yes(wall >= TARGET_CA and less) if size == "100k" else "—")


def bench_networkx(rep, cli, files, runs, why_not, crit):
    py = VENV / "bin" / "python"
    script = ROOT / "benches" / "nx_metrics.py"
    for size, path in files.items():
        if size == "1m":
            continue
        what = f"(b) metric set, {size} messages: peerscope vs NetworkX"
        if why_not:
            rep.missing(what, f"≥ {TARGET_NX:.0f}×", why_not)
            continue
        ours, theirs = alternate(runs, lambda: timed([cli, "analyze", path]), lambda: timed([py, script, path]))
        nx = [json.loads(r["out"]) for r in theirs]
        wall = med(theirs, "wall") / med(ours, "wall")
        rep.row(f"(b) {size} messages, end to end (read + graph + metrics): peerscope CLI vs NetworkX script",
                f"{secs(med(ours, 'wall'))} wall, {secs(med(ours, 'cpu'))} CPU",
                f"{secs(med(theirs, 'wall'))} wall, {secs(med(theirs, 'cpu'))} CPU",
                f"{wall:.1f}× wall, {med(theirs, 'cpu') / med(ours, 'cpu'):.1f}× CPU",
                f"≥ {TARGET_NX:.0f}×", "—")
        g, m = f"graph/discord-{size}", f"metrics/discord-{size}"
        nx_gm = statistics.median(r["cpu_seconds"]["graph"] + r["cpu_seconds"]["metrics"] for r in nx)
        nx_wall = statistics.median(r["seconds"]["graph"] + r["seconds"]["metrics"] for r in nx)
        if g in crit and m in crit:
            ours_gm = crit[g] + crit[m]
            ratio = nx_gm / ours_gm
            rep.row(f"(b) {size} messages, graph build + metric set only (parsed input; {nx[0]['participants']} people, {nx[0]['ties']} ties)",
                    f"{secs(ours_gm)} (Criterion median, CPU)", f"{secs(nx_gm)} CPU ({secs(nx_wall)} wall)",
                    f"{ratio:.0f}× (CPU)", f"≥ {TARGET_NX:.0f}×", yes(ratio >= TARGET_NX))
        else:
            rep.missing(f"(b) {size} messages, graph build + metric set only", f"≥ {TARGET_NX:.0f}×",
                        "the Criterion benches did not run (--no-criterion)")


def bench_scale_graph(rep, path, why_not, crit):
    """The diagnosis issue's scale target: everything after import on the 1 M-edge graph,
    next to NetworkX's graph build + metrics on the same file (one NetworkX run: minutes)."""
    what = "(b) 1 M replies among 100 k people: the analysis after import vs NetworkX graph + metrics"
    if why_not:
        rep.missing(what, f"≥ {TARGET_NX:.0f}×", why_not)
        return
    ours = crit.get("report/replies-1m")
    if ours is None:
        rep.missing(what, f"≥ {TARGET_NX:.0f}×", "the Criterion benches did not run (--no-criterion)")
        return
    nx = json.loads(timed([VENV / "bin" / "python", ROOT / "benches" / "nx_metrics.py", path])["out"])
    theirs = nx["cpu_seconds"]["graph"] + nx["cpu_seconds"]["metrics"]
    wall = nx["seconds"]["graph"] + nx["seconds"]["metrics"]
    ratio = theirs / ours
    drawn = crit.get("analyze/replies-1m")
    rep.row(f"{what} ({nx['participants']} people, {nx['ties']} ties)",
            f"{secs(ours)} (Criterion median, CPU; {secs(drawn) + ' with the layout' if drawn else 'no layout'})",
            f"{secs(theirs)} CPU ({secs(wall)} wall), one run",
            f"{ratio:.0f}× (CPU)", f"≥ {TARGET_NX:.0f}×; ≤ 1.5 s", yes(ratio >= TARGET_NX and ours <= 1.5))


def bench_fa2(rep, runs, why_not, crit):
    what = "(c) ForceAtlas2, 10 k nodes / 100 k edges (the same seeded graph), per iteration"
    if why_not:
        rep.missing(what, f"≥ {TARGET_FA2:.0f}×", why_not)
        return
    ours = crit.get("fa2/step 10k nodes 100k edges")
    if ours is None:
        rep.missing(what, f"≥ {TARGET_FA2:.0f}×", "the Criterion benches did not run (--no-criterion)")
        return
    r = [json.loads(subprocess.run(["node", str(ROOT / "benches" / "fa2_graphology.mjs"), "10000", "100000", "100"],
                                   check=True, capture_output=True, text=True).stdout) for _ in range(runs)]
    theirs = statistics.median(x["cpu_per_iteration"] for x in r)
    wall = statistics.median(x["per_iteration"] for x in r)
    ratio = theirs / ours
    rep.row(what, f"{secs(ours)} (Criterion median of one step, CPU)",
            f"graphology {secs(theirs)} CPU ({secs(wall)} wall), mean of 100 iterations",
            f"{ratio:.1f}×", f"≥ {TARGET_FA2:.0f}×", yes(ratio >= TARGET_FA2))
    rep.notes.append("(c) both with graphology's inferred settings for > 2 000 nodes (Barnes–Hut θ 0.5, "
                     "strong gravity 0.05, scaling 10); benches/core.rs rebuilds graphology's graph draw for draw "
                     "and checks its first and last edge.")


def bench_wasm(rep):
    wasm = sorted((ROOT / "dist").glob("*.wasm"))
    if not wasm:
        # As the Makefile builds it: opt-level "z" for the wasm only.
        env = dict(os.environ, PATH=f"{ROOT / '.tools' / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}",
                   CARGO_PROFILE_RELEASE_OPT_LEVEL="z")
        try:
            run(["trunk", "build", "--release"], cwd=ROOT, env=env)
        except (subprocess.CalledProcessError, FileNotFoundError) as e:
            rep.missing("(e) release .wasm size", f"≤ {TARGET_WASM_GZIP_KB} KB gzip", f"trunk build --release failed ({e}); run `make tools`")
            return
        wasm = sorted((ROOT / "dist").glob("*.wasm"))
    data = wasm[-1].read_bytes()
    gz = len(gzip.compress(data, 9))
    rep.row(f"(e) release .wasm ({wasm[-1].name})", f"{len(data) / 1024:.0f} KB raw, {gz / 1024:.0f} KB gzip -9",
            "—", "—", f"≤ {TARGET_WASM_GZIP_KB} KB gzip", yes(gz / 1024 <= TARGET_WASM_GZIP_KB))


def criterion_table(crit):
    if not crit:
        return []
    lines = ["", "Criterion micro-benchmarks (`cargo bench --bench core`, medians):", "",
             "| benchmark | median |", "|---|---|"]
    lines += [f"| {k} | {secs(v) if v >= 0.001 else f'{v * 1e6:.0f} µs'} |" for k, v in sorted(crit.items())]
    return lines


def main():
    ap = argparse.ArgumentParser(description="peerscope against its peers, side by side")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    ap.add_argument("--full", action="store_true", default=os.environ.get("BENCH_FULL") == "1",
                    help="also the 1 M-message export (≈1.3 GB; minutes to generate)")
    ap.add_argument("--no-criterion", action="store_true", help="skip the Criterion micro-benchmarks")
    a = ap.parse_args()

    npm_why = install_npm()
    pip_why = install_pip()
    files = {s: export(s) for s in (["10k", "100k", "1m"] if a.full else ["10k", "100k"])}
    scale_graph = replies_csv()
    cli = build_cli()
    load = os.getloadavg()

    crit = {}
    if not a.no_criterion:
        run(["cargo", "bench", "--no-default-features", "--bench", "core"], cwd=ROOT)
        crit = criterion_medians()

    rep = Report()
    bench_chat_analytics(rep, cli, files, a.runs, npm_why)
    bench_networkx(rep, cli, files, a.runs, pip_why, crit)
    bench_scale_graph(rep, scale_graph, pip_why, crit)
    bench_fa2(rep, a.runs, npm_why, crit)
    rep.missing("(d) browser: wasm import + analysis of 100 k (time, wasm memory); 1 M streamed",
                "100 k < 1 s; 1 M < 8 s, < 1 GB",
                "no bench page yet: it needs the JS API (src/ui/api.rs, being written) to call the analysis "
                "from a timing script, and the browser's streamed import of a File")
    bench_wasm(rep)
    rep.notes.append(f"{a.runs} runs per pair, alternated, medians. Machine: {os.cpu_count()} cores, "
                     f"load average {load[0]:.1f} when measuring started, "
                     f"{platform.system()} {platform.machine()}; numbers are noisy, CPU time is steadier than wall time.")
    rep.notes.append("peerscope CLI prints its text summary; chat-analytics writes its HTML report; "
                     "the NetworkX script (benches/nx_metrics.py) does json.load, the interactions of ANALYSIS.md §2, "
                     "and every metric of §3–§4 plus the 2-core (no betweenness).")
    rep.notes.append("Exports: benches/gen_discord.py, seed 42 (DiscordChatExporter JSON as it writes it).")

    header = ["# peerscope benchmarks", "",
              f"`make bench` ({'BENCH_FULL=1, ' if a.full else ''}{a.runs} runs), "
              f"{datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; peers: "
              + ", ".join(f"{k} {v}" for k, v in {**NPM_PEERS, **PIP_PEERS}.items())
              + f", node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}."]
    text = rep.markdown(header) + "\n".join(criterion_table(crit)) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.md").write_text(text)
    say("\n" + text)
    say(f"written to {(OUT / 'report.md').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
