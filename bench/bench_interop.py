"""Import/export throughput and peak memory of the interop formats (prints figures only).

Run: ``python bench/bench_interop.py [--items 10000] [--qti-mb 100]``

* Moodle XML and GIFT: a generated bank of N items (single best answer, multiple response,
  true/false, short answer, numerical, matching, essay; English and Chinese) is written,
  then read back; items/second each way. Target: under 2 s each way for 10,000 items.
* QTI: a generated content package of about ``--qti-mb`` MB (items plus JPEG-like media)
  is imported; wall time and peak Python memory (tracemalloc) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from eduapp.domain import Item, Media, Option  # noqa: E402
from eduapp.interop import gift, moodle_xml, qti  # noqa: E402


def make_bank(n: int, seed: int = 7) -> list[Item]:
    """``n`` varied items (no media)."""
    rnd = random.Random(seed)
    items = []
    for k in range(n):
        kind = k % 7
        zh = k % 5 == 0
        stem = (f"第{k}题：哪种药物可逆转肝素的作用？" if zh else
                f"Question {k}: a {40 + k % 40}-year-old presents with chest pain. Which drug "
                "is given first?")
        cat = f"System {k % 12}/Topic {k % 37}"
        if kind == 0:
            opts = [Option(f"Option {j} for {k}", j == 0, f"Because {j}.") for j in range(5)]
            item = Item(type="sba", stem=stem, options=opts, explanation="Explanation " * 5)
        elif kind == 1:
            opts = [Option(f"Choice {j}", j < 2) for j in range(5)]
            item = Item(type="multi", stem=stem, options=opts)
        elif kind == 2:
            item = Item(type="tf", stem=stem, options=[Option("True", True), Option("False")])
        elif kind == 3:
            item = Item(type="short", stem=stem, options=[Option("aspirin", True),
                                                          Option("ASA", True, fraction=0.5)])
        elif kind == 4:
            item = Item(type="numerical", stem=stem,
                        options=[Option(str(rnd.randint(1, 300)), True, tolerance=2.0)])
        elif kind == 5:
            item = Item(type="matching", stem=stem, options=[
                Option(f"Drug {j}", True, match=f"Class {j}") for j in range(4)])
        else:
            item = Item(type="essay", stem=stem, model_answer="Model answer " * 10)
        item.category = cat
        item.tags = [f"tag{k % 9}", "bench"]
        item.language = "zh" if zh else "en"
        items.append(item)
    return items


def timed(label: str, fn, n: int) -> float:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{label:<34} {dt:7.3f} s wall {cpu:7.3f} s CPU  {n / dt:9.0f} items/s")
    return out


def bench_text_formats(n: int, tmp: str) -> None:
    bank = make_bank(n)
    for module, suffix in ((moodle_xml, ".xml"), (gift, ".gift")):
        path = os.path.join(tmp, "bank" + suffix)
        timed(f"{module.NAME} export ({n} items)", lambda: module.write(bank, path), n)
        size = os.path.getsize(path) / 1e6
        result = timed(f"{module.NAME} import ({size:.1f} MB)", lambda: module.parse(path), n)
        assert len(result.items) == n, (module.NAME, len(result.items), result.errors[:3])


def make_qti_package(path: str, target_mb: float, tmp: str) -> int:
    """Write a QTI 2.1 package of about ``target_mb`` MB; returns the number of items."""
    rnd = random.Random(3)
    n_items = 5000
    image_count = max(1, int((target_mb * 1e6 - n_items * 2500) / 400_000))
    images = []
    for k in range(image_count):
        # a JPEG header followed by incompressible bytes: the package really is that big
        data = b"\xff\xd8\xff\xe0" + rnd.randbytes(400_000)
        images.append(Media(name=f"xray{k}.jpg", mime="image/jpeg", data=data))
    bank = make_bank(n_items)
    for k, img in enumerate(images):
        bank[(k * 7) % n_items].media = [img]
    table = {m.sha256: m for m in images}
    qti.write(bank, path, media=table)
    return n_items


def bench_qti(target_mb: float, tmp: str) -> None:
    path = os.path.join(tmp, "package.zip")
    t0 = time.perf_counter()
    n = make_qti_package(path, target_mb, tmp)
    size = os.path.getsize(path) / 1e6
    print(f"qti export ({n} items, {size:.1f} MB)  {time.perf_counter() - t0:7.3f} s")
    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    result = qti.parse(path)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    media_mb = sum(len(m.data) for m in result.media.values()) / 1e6
    print(f"qti import ({size:.1f} MB package)     {dt:7.3f} s wall {cpu:7.3f} s CPU  "
          f"{n / dt:9.0f} items/s")
    print(f"  items {len(result.items)}, errors {len(result.errors)}, media held "
          f"{media_mb:.1f} MB")
    print(f"  peak traced Python memory {peak / 1e6:.1f} MB; process peak RSS {rss:.0f} MB")


def main(argv=None) -> None:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--qti-mb", type=float, default=100.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eduapp-bench-") as tmp:
        bench_text_formats(args.items, tmp)
        bench_qti(args.qti_mb, tmp)


if __name__ == "__main__":
    main()
