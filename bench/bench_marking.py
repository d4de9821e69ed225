"""Marking benchmarks (figures printed, nothing asserted).

- sheets read per minute on 2 cores from 300 dpi scans (target: 60 or more): a class
  PDF of 300 dpi JPEG pages as a copier writes it (each page rasterised by pypdfium2 and
  read), and the same pages as 300 dpi PNG files; 100-question sheets, pencil marks,
  copier damage (rotation, blur, noise);
- item analysis for 1,000 candidates by 200 items (target: under 1 s): the numpy part
  (:func:`eduapp.practice.itemstats.analyse_sitting`) on a response matrix with choices.

Run: ``.venv/bin/python bench/bench_marking.py [--sheets 40] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.marking.service import MarkingService  # noqa: E402
from eduapp.practice.itemstats import analyse_sitting  # noqa: E402
from tests.marking.conftest import make_exam  # noqa: E402
from tests.marking.synthetic import blank_pages, degrade, fill, random_answers  # noqa: E402


def make_scans(folder: str, n: int) -> tuple[object, str, list[str]]:
    from PIL import Image
    exam = make_exam(100, forms=2)
    rng = random.Random(1)
    blanks = {f: blank_pages(exam, f, 300) for f in "AB"}
    images = []
    for k in range(n):
        form = "AB"[k % 2]
        (page,) = fill(exam, form, blanks[form], candidate=f"{20240000 + k}",
                       answers=random_answers(exam, form, rng), rng=rng)
        page = degrade(degrade(page, "rotate", rng), "noise", rng)
        images.append(degrade(page, "blur", rng))
    pdf = os.path.join(folder, "class.pdf")
    pil = [Image.fromarray(i) for i in images]
    pil[0].save(pdf, save_all=True, append_images=pil[1:], resolution=300, quality=85)
    pngs = []
    for k, im in enumerate(pil):
        pngs.append(os.path.join(folder, f"sheet{k:03d}.png"))
        im.save(pngs[-1], dpi=(300, 300))
    return exam, pdf, pngs


def bench_reading(n: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        exam, pdf, pngs = make_scans(d, n)
        print(f"made {n} filled 300 dpi sheets (100 questions) in {time.perf_counter() - t:.1f} s")
        svc = MarkingService.__new__(MarkingService)  # reading needs no bank
        for label, paths in (("class PDF of 300 dpi JPEG pages", [pdf]),
                             ("300 dpi PNG files", pngs)):
            t, cpu = time.perf_counter(), time.process_time()
            reads, errors = svc.read_scans(exam, paths, workers=workers)
            dt, cpu = time.perf_counter() - t, time.process_time() - cpu
            ok = sum(1 for r in reads if r.status == "read")
            flags = sum(len(r.flags) for r in reads)
            print(f"{label}: {len(reads)} sheets in {dt:.2f} s with {workers} worker(s) = "
                  f"{60 * len(reads) / dt:.0f} sheets/minute (target >= 60); read {ok}, "
                  f"flags {flags}, errors {len(errors)}; {cpu / max(1, len(reads)):.2f} CPU s "
                  "a sheet (the machine may be shared: CPU time does not depend on that)")


def bench_item_analysis(n: int = 1000, items: int = 200, k: int = 5) -> None:
    rng = np.random.default_rng(0)
    ability = rng.normal(size=n)
    difficulty = rng.normal(size=items)
    prob = 1 / (1 + np.exp(-(ability[:, None] - difficulty[None, :])))
    X = (rng.random((n, items)) < prob).astype(float)
    keys = rng.integers(0, k, items)
    choice = np.where(X > 0, keys[None, :], rng.integers(0, k, (n, items)))
    C = np.zeros((n, items, k), bool)
    C[np.arange(n)[:, None], np.arange(items)[None, :], choice] = True
    uids = [f"item{j}" for j in range(items)]
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        a = analyse_sitting(X, uids, chosen=C, keys=[[int(x)] for x in keys],
                            n_options=[k] * items)
        best = min(best, time.perf_counter() - t)
    print(f"item analysis {n} candidates x {items} items: {best * 1000:.0f} ms (best of 5; "
          f"target < 1000 ms); KR-20 {a.kr20:.3f}, SEM {a.sem:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sheets", type=int, default=40)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    bench_item_analysis()
    bench_reading(args.sheets, args.workers)


if __name__ == "__main__":
    main()
