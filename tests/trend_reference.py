#!/usr/bin/env python3
"""Writes tests/fixtures/trend_export.csv and tests/fixtures/trend_reference.json: one
generated group over five months and its trend figures, computed apart from peerscope.

Run only when the export or the trend's definition changes (needs pandas and scipy, and
builds the CLI):  python3 tests/trend_reference.py
core/tests/pipeline/trend_reference.rs reads both and compares, to 1e-9.

What is independent here: the periods (pandas cuts the messages into UTC calendar months
and counts each month's days in the export, messages and replies, and applies the 80% and
30-interaction rules), and the trend's arithmetic (scipy's Theil-Sen slope of the scores
against the period index, and the change). The per-period scores themselves are the
whole score pipeline of docs/METRICS.md §5; they are read from peerscope's report and
recorded, so the Rust test also notices when they drift.
"""
import json
import os
import random
import subprocess
from pathlib import Path

import pandas as pd
from scipy.stats import theilslopes

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "tests" / "fixtures" / "trend_export.csv"
OUT = ROOT / "tests" / "fixtures" / "trend_reference.json"
# 2024-01-08 to 2024-05-31: January is covered on 24 of its 31 days (77%, left out).
FIRST, LAST = pd.Timestamp("2024-01-08", tz="UTC"), pd.Timestamp("2024-05-31", tz="UTC")
MEMBERS, REPLIES = 7, 9


def generate():
    """Rows (id, author, time, reply_to): each day u0 and every member post once, then
    the day's replies; the share between members rises from about 15% to 85%."""
    rng = random.Random(2026)
    rows = []
    days = pd.date_range(FIRST, LAST, freq="D")
    for n, day in enumerate(days):
        stamp = lambda minute: (day + pd.Timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for p in range(MEMBERS + 1):
            rows.append((f"{n}-{p}", f"u{p}", stamp(p), ""))
        peer = 0.15 + 0.7 * n / (len(days) - 1) + rng.uniform(-0.1, 0.1)
        for i in range(REPLIES):
            frm = rng.randint(1, MEMBERS)
            if rng.random() < peer:
                to = 1 + (frm - 1 + rng.randint(1, MEMBERS - 1)) % MEMBERS
            elif rng.random() < 0.5:
                to = 0
            else:
                frm, to = 0, frm
            rows.append((f"{n}-r{i}", f"u{frm}", stamp(MEMBERS + 1 + i), f"{n}-{to}"))
    return pd.DataFrame(rows, columns=["id", "author", "time", "reply_to"])


def periods(df):
    """Per calendar month: its first and last day, days covered by the export, messages
    and reply interactions (every reply here names a parent by someone else)."""
    t = pd.to_datetime(df["time"], utc=True)
    month = t.dt.tz_localize(None).dt.to_period("M")
    out = []
    for m in pd.period_range(month.min(), month.max(), freq="M"):
        start, end = m.start_time.normalize(), m.end_time.normalize()
        lo = max(start, FIRST.tz_localize(None))
        hi = min(end, LAST.tz_localize(None))
        covered = max(0, (hi - lo).days + 1)
        rows = df[month == m]
        replies = int((rows["reply_to"] != "").sum())
        out.append({
            "start": start.strftime("%Y-%m-%d"),
            "end": end.strftime("%Y-%m-%d"),
            "days": m.days_in_month,
            "covered_days": covered,
            "messages": len(rows),
            "interactions": replies,
            "passes_checks": covered >= 0.8 * m.days_in_month and replies >= 30,
        })
    return out


def peerscope_report():
    cli = os.environ.get("PEERSCOPE")
    cmd = [cli] if cli else ["cargo", "run", "-q", "--release", "-p", "peerscope-cli", "--"]
    run = subprocess.run(cmd + ["analyze", str(EXPORT), "--json", "--host", "u0"],
                         cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(run.stdout)


def main():
    df = generate()
    df.to_csv(EXPORT, index=False)
    cut = periods(df)
    report = peerscope_report()
    scored = [(i, p["score"]) for i, p in enumerate(report["trend"]["periods"]) if p["eligible"]]
    x = [float(i) for i, _ in scored]
    y = [s for _, s in scored]
    slope = theilslopes(y, x).slope
    OUT.write_text(json.dumps({
        "export": EXPORT.name,
        "host": "u0",
        "periods": cut,
        "eligible": [i for i, _ in scored],
        "scores": y,
        "slope": slope,
        "change": y[-1] - y[0],
    }, indent=1) + "\n")
    print(f"{len(df)} messages; eligible months {[cut[i]['start'] for i, _ in scored]}; "
          f"slope {slope:.6f}, change {y[-1] - y[0]:.6f}")


if __name__ == "__main__":
    main()
