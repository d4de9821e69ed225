"""Benchmark of the quality gate: linter rates and speed, duplicate-check precision and speed.

Prints figures; never part of the test pass/fail. Run from the repository root::

    .venv/bin/python bench/bench_gate.py [--n 100000]

1. Linter on the annotated set (tests/authoring/data/annotated_items.json): share of
   flawed items it finds (any warning/error), share of expected rules found, share of clean
   items it flags; and the false-flag rate on the starter bank (written by someone else).
2. Duplicate detection on the near-copy groups (tests/authoring/data/duplicate_pairs.json):
   precision and recall over all pairs, and through the index.
3. Speed on N synthetic bank items (default 100,000; 20 % Chinese): linting, building the
   duplicate index, and checking a new item against all N (mean, p95, max), plus the
   precision of what the index reports with the N items mixed in.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.authoring import DuplicateIndex, lint_item, similarity  # noqa: E402
from eduapp.domain import Item, Option  # noqa: E402

DATA = os.path.join(ROOT, "tests", "authoring", "data")


def _load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)


def linter_rates() -> dict:
    """Detection and false-flag rates of the linter on the annotated set and the starter bank."""
    entries = _load("annotated_items.json")["items"]
    flawed = [e for e in entries if e["flawed"]]
    clean = [e for e in entries if not e["flawed"]]

    def flagged(item):
        return {f.rule for f in lint_item(item) if f.severity in ("error", "warning")}

    found = sum(bool(flagged(Item.from_dict(e["item"]))) for e in flawed)
    expected = sum(len(e["expected"]) for e in flawed)
    rule_hits = sum(len(set(e["expected"]) & flagged(Item.from_dict(e["item"]))) for e in flawed)
    false = sum(bool(flagged(Item.from_dict(e["item"]))) for e in clean)
    with open(os.path.join(ROOT, "question_banks", "starter_en.json"), encoding="utf-8") as fh:
        starter = json.load(fh)
    s_items = [Item.from_dict(x) for x in starter["items"]]
    for s in starter["sets"]:
        s_items += [Item.from_dict(dict(x, vignette=x.get("vignette") or s.get("vignette", "")))
                    for x in s["items"]]
    s_false = sum(bool(flagged(i)) for i in s_items)
    by_lang = {}
    for lang in ("en", "zh"):
        fl = [e for e in flawed if e["language"] == lang]
        cl = [e for e in clean if e["language"] == lang]
        by_lang[lang] = (sum(bool(flagged(Item.from_dict(e["item"]))) for e in fl), len(fl),
                         sum(bool(flagged(Item.from_dict(e["item"]))) for e in cl), len(cl))
    return {"flawed": len(flawed), "found": found, "detection": found / len(flawed),
            "rules_expected": expected, "rules_found": rule_hits,
            "clean": len(clean), "false_flags": false, "false_rate": false / len(clean),
            "starter": len(s_items), "starter_false": s_false, "by_language": by_lang}


def pair_items() -> list[tuple[str, Item]]:
    """``(group, item)`` for every item of the near-copy groups."""
    out = []
    for g in _load("duplicate_pairs.json")["groups"]:
        out += [(g["group"], Item.from_dict(x)) for x in g["items"]]
    return out


def pair_rates(items, threshold=90.0) -> dict:
    """Precision/recall over all pairs of the near-copy set."""
    tp = fp = fn = 0
    for (ga, a), (gb, b) in itertools.combinations(items, 2):
        dup = similarity(a, b) >= threshold
        same = ga == gb
        tp += dup and same
        fp += dup and not same
        fn += same and not dup
    return {"pairs": len(items) * (len(items) - 1) // 2, "positives": tp + fn, "reported": tp + fp,
            "precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn)}


_EN_LEADS = ["Which of the following is the most likely diagnosis?",
             "Which of the following is the most appropriate next step in management?",
             "Which investigation is most likely to confirm the diagnosis?",
             "Which drug is most appropriate?", "What is the most likely cause?"]
_ZH_LEADS = ["最可能的诊断是", "首选的检查是", "应首先给予的治疗是", "最可能的病因是"]


def synthetic_items(n: int, seed: int = 1) -> list[Item]:
    """``n`` bank-like items built from a medical-ish vocabulary (20 % Chinese)."""
    rng = random.Random(seed)
    words: set[str] = set()
    zh_words: set[str] = set()
    for _, item in pair_items():
        for t in item.full_stem.replace(",", " ").replace(".", " ").split():
            if t.isascii() and t.isalpha() and len(t) > 2:
                words.add(t.lower())
        for run in "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in item.full_stem).split():
            zh_words.update(run[i:i + 2] for i in range(0, len(run) - 1, 2))
    syll = ["ka", "lo", "mi", "ter", "pra", "zol", "vin", "nex", "dra", "cil", "mab", "tin"]
    words |= {"".join(rng.choice(syll) for _ in range(3)) for _ in range(3000)}
    words, zh_words = sorted(words), sorted(zh_words)
    out = []
    for i in range(n):
        if rng.random() < 0.2:
            vig = "患者，" + rng.choice("男女") + f"，{rng.randint(18, 90)}岁。" + "".join(
                rng.choice(zh_words) for _ in range(rng.randint(12, 40))) + "。"
            opts = ["".join(rng.choice(zh_words) for _ in range(rng.randint(1, 3))) for _ in range(5)]
            out.append(Item(type="sba", vignette=vig, stem=rng.choice(_ZH_LEADS), language="zh",
                            options=[Option(t, k == 0) for k, t in enumerate(opts)]))
        else:
            vig = (f"A {rng.randint(18, 90)}-year-old {rng.choice(['man', 'woman'])} has "
                   + " ".join(rng.choice(words) for _ in range(rng.randint(10, 45))) + ".")
            opts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))).capitalize()
                    for _ in range(5)]
            out.append(Item(type="sba", vignette=vig, stem=rng.choice(_EN_LEADS),
                            options=[Option(t, k == 0) for k, t in enumerate(opts)]))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="synthetic bank size")
    args = ap.parse_args(argv)

    r = linter_rates()
    print("== linter on the annotated set (warning/error findings)")
    print(f"flawed items found:   {r['found']}/{r['flawed']} = {r['detection']:.1%}   "
          f"(expected rules found: {r['rules_found']}/{r['rules_expected']})")
    print(f"clean items flagged:  {r['false_flags']}/{r['clean']} = {r['false_rate']:.1%}")
    for lang, (f, nf, c, nc) in r["by_language"].items():
        print(f"  {lang}: flawed found {f}/{nf}, clean flagged {c}/{nc}")
    print(f"starter bank (independent, clean) flagged: {r['starter_false']}/{r['starter']}")

    items = pair_items()
    p = pair_rates(items)
    print("\n== duplicate detection on the near-copy groups (threshold 90)")
    print(f"{len(items)} items, {p['pairs']} pairs, {p['positives']} near-copy pairs: "
          f"precision {p['precision']:.1%}, recall {p['recall']:.1%}")

    print(f"\n== speed on {args.n:,} synthetic items")
    bank = synthetic_items(args.n)
    t = time.perf_counter()
    n_findings = sum(len(lint_item(i)) for i in bank)
    dt = time.perf_counter() - t
    print(f"lint:        {dt:.2f} s for {args.n:,} items = {dt / args.n * 1e6:.0f} us/item "
          f"({n_findings:,} findings)")
    index = DuplicateIndex()
    t = time.perf_counter()
    for k, item in enumerate(bank):
        index.add(("s", k), item)
    for k, (g, item) in enumerate(items):
        index.add(("p", k), item)
    dt = time.perf_counter() - t
    print(f"index build: {dt:.2f} s for {len(index):,} items = {dt / len(index) * 1e6:.0f} us/item")
    times = []
    tp = fp = 0
    for k, (g, item) in enumerate(items):
        t = time.perf_counter()
        matches = index.query(item, exclude=("p", k))
        times.append(time.perf_counter() - t)
        for m in matches:
            if m.key[0] == "p" and items[m.key[1]][0] == g:
                tp += 1
            else:
                fp += 1
    times_ms = sorted(x * 1000 for x in times)
    print(f"check one item against {len(index):,}: mean {statistics.mean(times_ms):.2f} ms, "
          f"p95 {times_ms[int(0.95 * len(times_ms))]:.2f} ms, max {times_ms[-1]:.2f} ms")
    positives = sum(len(g["items"]) * (len(g["items"]) - 1)
                    for g in _load("duplicate_pairs.json")["groups"])
    print(f"index reports among {len(index):,}: {tp + fp} reported, precision "
          f"{tp / max(1, tp + fp):.1%}, recall {tp / max(1, positives):.1%}")
    t = time.perf_counter()
    for item in bank[:2000]:
        index.query(item)
    print(f"check a synthetic item (no copies): mean "
          f"{(time.perf_counter() - t) / 2000 * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
