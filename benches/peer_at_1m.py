"""Row (a) at 1 M messages: chat-analytics' CLI on the 1 M export (≈1.38 GB), once, next to
peerscope's CLI on the same file.

chat-analytics runs in Node with a V8 heap raised to CA_HEAP_MB (Node's default, about
4 GB on a 64-bit machine, is far below what it needs at this size), inside the limits of
benches/capped.py: CA_TIMEOUT_S of wall time, CA_ADDRESS_SPACE_BYTES of address space, and
stopped when the machine runs short of memory. A run that does not finish is a row saying
how far it got (its last progress line), when, and with how much memory.
"""
from pathlib import Path

from capped import run_capped
from common import med, say, secs, yes

ROOT = Path(__file__).resolve().parent.parent
CA_CLI = ROOT / ".bench" / "node" / "node_modules" / "chat-analytics" / "dist" / "lib" / "CLI.js"
CA_HEAP_MB = 12_288
# The heap, plus the file read whole into a Buffer (1.4 GB) and Node's code, stacks and
# buffers outside the heap.
CA_ADDRESS_SPACE_BYTES = (CA_HEAP_MB + 4_096) * 1024 ** 2
CA_TIMEOUT_S = 20 * 60
TARGET_CLI_1M_WALL_S = 5.0
TARGET_CA = 10.0


def run_chat_analytics(path, html):
    """chat-analytics on `path` (Discord), writing its report to `html`; run_capped's answer."""
    cmd = ["node", f"--max-old-space-size={CA_HEAP_MB}", CA_CLI, "-p", "discord", "-i", path, "-o", html]
    say("$ " + " ".join(str(c) for c in cmd) + f"  (capped: {CA_TIMEOUT_S // 60} min, "
        f"{CA_ADDRESS_SPACE_BYTES / 1024 ** 3:.0f} GiB of address space)")
    r = run_capped(cmd, CA_TIMEOUT_S, CA_ADDRESS_SPACE_BYTES)
    say(f"  {'done' if r['ok'] else r['why']}: {secs(r['wall'])} wall, {secs(r['cpu'])} CPU, "
        f"{r['rss']:.0f} MB peak RSS")
    return r


def _last_line(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def how_far(r):
    """Where a stopped chat-analytics run was: V8's fatal error if it printed one, and its
    last progress line (it prints each new step's title)."""
    fatal = next((line for line in r["err"].splitlines() if "FATAL ERROR" in line or "RangeError" in line), "")
    return "; ".join(x for x in (fatal.strip(), f"last progress: “{_last_line(r['out'])}”") if x)


def peer_figures(r):
    return f"{secs(r['wall'])} wall, {secs(r['cpu'])} CPU, {r['rss']:.0f} MB peak RSS"


def row_1m(path, ours, theirs):
    """The row: peerscope's CLI (`ours`, its runs) against one chat-analytics run; when
    chat-analytics did not finish, the ratio is a lower bound from the time it had run."""
    gb = path.stat().st_size / 1e9
    wall, cpu, rss = med(ours, "wall"), med(ours, "cpu"), med(ours, "rss")
    what = (f"(a) end to end, 1 M messages ({gb:.2f} GB): peerscope CLI vs chat-analytics CLI "
            f"(node --max-old-space-size={CA_HEAP_MB}, one run)")
    ours_text = f"{secs(wall)} wall, {secs(cpu)} CPU, {rss:.0f} MB (median of {len(ours)})"
    target = f"CLI ≤ {TARGET_CLI_1M_WALL_S:.0f} s wall; ≥ {TARGET_CA:.0f}× chat-analytics"
    fast = wall <= TARGET_CLI_1M_WALL_S
    if not theirs["ok"]:
        ratio = theirs["wall"] / wall
        return (what, ours_text, f"**did not finish**: {theirs['why']}; by then {peer_figures(theirs)}; {how_far(theirs)}",
                f"≥ {ratio:.1f}× wall (it ran that long before it stopped)", target,
                _met(fast, ratio >= TARGET_CA, wall))
    ratio = theirs["wall"] / wall
    return (what, ours_text, peer_figures(theirs),
            f"{ratio:.1f}× wall, {theirs['cpu'] / cpu:.1f}× CPU, {theirs['rss'] / rss:.1f}× less memory",
            target, _met(fast, ratio >= TARGET_CA, wall))


def _met(fast, faster, wall):
    if fast and faster:
        return yes(True)
    why = ([] if fast else [f"CLI {secs(wall)} > {TARGET_CLI_1M_WALL_S:.0f} s"]) + ([] if faster else ["< 10×"])
    return "**no**: " + "; ".join(why)
