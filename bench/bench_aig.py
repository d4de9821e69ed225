"""Benchmark of automatic item generation: items per second from one item model with the
quality gate, and the share of generated items the gate flags.

Prints figures; never part of the test pass/fail. Run from the repository root::

    .venv/bin/python bench/bench_aig.py [--n 1000] [--model en-hyponatraemia]

1. Speed: N items (default 1,000) sampled from one model, rendered, deduplicated and
   run through the gate (the linter; no bank index), best of 3 runs, wall-clock and CPU
   time (the CPU time is what one free core would take); also the time to count the
   model's valid combinations.
2. Gate: for every shipped item model (N each) and knowledge table (all items), the
   share of generated items with a gate warning (flagged) or error (rejected).

Targets (issue 15): 1,000 items in under 1 s including the gate; under 5 % flagged.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.authoring.aig import generate, resolve, shipped_sources  # noqa: E402
from eduapp.authoring.aig.generator import _count  # noqa: E402


def speed(model_id: str, n: int) -> None:
    source = resolve(model_id)
    times, cpu = [], []
    for seed in (1, 2, 3):
        t0, c0 = time.perf_counter(), time.process_time()
        result = generate(source, count=n, seed=seed)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best = min(times)
    _count.cache_clear()
    t0 = time.perf_counter()
    total = source.combinations()
    counting = time.perf_counter() - t0
    print(f"speed: {model_id}: {len(result.items)} items in {best:.3f} s best of 3 "
          f"({len(result.items) / best:,.0f} items/s, gate included; runs "
          + ", ".join(f"{t:.3f}" for t in times) + " s; CPU time "
          + ", ".join(f"{t:.3f}" for t in cpu) + " s)")
    print(f"       {total:,} valid combinations counted in {counting:.3f} s")


def gate_share(n: int) -> None:
    flagged = rejected = total = 0
    print("gate: source, items, flagged (warning), rejected (error)")
    for source in shipped_sources():
        result = generate(source, count=n if source.kind == "item-model" else None, seed=11)
        items = len(result.items)
        total += items + result.rejected
        flagged += result.flagged
        rejected += result.rejected
        print(f"  {source.id:<26} {items:>6} {result.flagged:>5} {result.rejected:>5}")
    print(f"gate: {flagged} of {total} generated items flagged ({flagged / total:.2%}), "
          f"{rejected} rejected ({rejected / total:.2%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="items per model (default 1000)")
    ap.add_argument("--model", default="en-hyponatraemia")
    args = ap.parse_args()
    speed(args.model, args.n)
    speed("zh-acid-base", args.n)
    gate_share(args.n)


if __name__ == "__main__":
    main()
