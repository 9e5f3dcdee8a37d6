#!/usr/bin/env python3
"""A seeded reply network as a CSV message list: the 1 M-edge graph of the scale target.

    python3 benches/gen_replies.py [--people 100000] [--messages 1000000] --out FILE.csv

Columns `id,author,time,reply_to,text`, which peerscope reads as a message list and
benches/nx_metrics.py reads too, so both measure the same graph. The shape is the one of
core/tests/pipeline/scale.rs: one message in ten comes from 50 regulars, the rest from
anyone; every message after the first replies to one of the 500 before it; one in nine asks
a question.
"""
import argparse
import datetime

MASK = (1 << 64) - 1


class XorShift:
    """xorshift64, the generator of core/tests/pipeline/scale.rs, so both build one shape."""

    def __init__(self, seed):
        self.state = seed

    def below(self, bound):
        s = self.state
        s ^= (s << 13) & MASK
        s ^= s >> 7
        s ^= (s << 17) & MASK
        self.state = s
        return s % bound


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = XorShift(0x2545_F491_4F6C_DD1D)
    start = datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        f.write("id,author,time,reply_to,text\n")
        for i in range(a.messages):
            author = rng.below(50) if rng.below(10) == 0 else rng.below(a.people)
            parent = i - 1 - rng.below(min(i, 500)) if i > 0 else ""
            stamp = (start + datetime.timedelta(seconds=2 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            text = "anyone?" if i % 9 == 0 else "ok"
            f.write(f"{i},p{author},{stamp},{parent},{text}\n")


if __name__ == "__main__":
    main()
