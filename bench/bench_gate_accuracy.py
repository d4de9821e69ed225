"""How well the quality gate separates flawed from clean items, per language.

Prints, for the annotated gate set (tests/authoring/data/annotated_gate_set.json) and for
every starter bank file (question_banks/*.json, all of whose items count as clean):

- the share of flawed items the gate flags (any error or warning; target >= 90%),
- the share of flawed items where the annotated rule itself fires,
- the share of clean items it flags (target <= 10%),

per language, then per flaw kind, then the items it got wrong. Offline: no model is asked
(the blind second answer of ``eduapp lint --verify`` is measured by the tests against a
scripted server, not here).

    PYTHONPATH=. python bench/bench_gate_accuracy.py
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.authoring import DuplicateIndex, flagged, gate_findings  # noqa: E402
from eduapp.domain import Item, ItemSet  # noqa: E402

SET_PATH = os.path.join(ROOT, "tests", "authoring", "data", "annotated_gate_set.json")
#: The linter's older annotated set, written before the issue-16 rules (so not tuned to
#: them): ``flawed`` bool and ``expected`` rules instead of ``flaw``.
OLDER_SET_PATH = os.path.join(ROOT, "tests", "authoring", "data", "annotated_items.json")
#: Written after the issue-16 rules were frozen (first-run figures and the fixes that
#: followed are recorded in its builder, tests/authoring/data/build_gate_holdout.py).
HOLDOUT_PATH = os.path.join(ROOT, "tests", "authoring", "data", "annotated_gate_holdout.json")


def annotated_results(path: str = SET_PATH) -> list[dict]:
    """Each annotated entry with ``flagged`` (bool), ``hit`` (its rule fired) and
    ``rules`` (what fired)."""
    with open(path, encoding="utf-8") as fh:
        entries = json.load(fh)["items"]
    out = []
    for e in entries:
        if "flaw" not in e:  # the older set's shape
            e = {**e, "flaw": (e["expected"][0] if e["expected"] else "flawed")
                 if e["flawed"] else "clean"}
        findings = gate_findings(Item.from_dict(e["item"]))
        rules = sorted({f.rule for f in findings if f.severity in ("error", "warning")})
        out.append({**e, "flagged": flagged(findings), "rules": rules,
                    "hit": e["flaw"] == "clean" or e["flaw"] in rules})
    return out


def starter_items(pattern: str = os.path.join(ROOT, "question_banks", "*.json")):
    """``(file name, Item)`` for every item of every starter file, set members included."""
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        name = os.path.basename(path)
        for d in data.get("items", []):
            yield name, Item.from_dict(d)
        for s in data.get("sets", []):
            for item in ItemSet.from_dict(s).items:
                yield name, item


def starter_results() -> list[dict]:
    """Each starter item with its gate findings (near duplicates among the starter items
    included)."""
    items = list(starter_items())
    index = DuplicateIndex()
    for n, (_name, item) in enumerate(items):
        index.add(n, item)
    out = []
    for n, (name, item) in enumerate(items):
        from eduapp.authoring import duplicate_findings, lint_item
        findings = lint_item(item) + duplicate_findings(item, index, exclude=n)
        out.append({"file": name, "uid": item.uid, "language": item.language,
                    "flagged": flagged(findings),
                    "errors": [f.rule for f in findings if f.severity == "error"],
                    "rules": sorted({f.rule for f in findings
                                     if f.severity in ("error", "warning")})})
    return out


def rates(results: list[dict], language: str) -> dict:
    """``{"flawed", "flawed_flagged", "flawed_hit", "clean", "clean_flagged"}`` counts and
    the shares ``flawed_share`` and ``clean_share`` (0..1, ``None`` with no items)."""
    rows = [r for r in results if r["language"] == language]
    flawed = [r for r in rows if r.get("flaw", "clean") != "clean"]
    clean = [r for r in rows if r.get("flaw", "clean") == "clean"]
    d = {"flawed": len(flawed), "flawed_flagged": sum(r["flagged"] for r in flawed),
         "flawed_hit": sum(r["hit"] for r in flawed), "clean": len(clean),
         "clean_flagged": sum(r["flagged"] for r in clean)}
    d["flawed_share"] = d["flawed_flagged"] / d["flawed"] if flawed else None
    d["clean_share"] = d["clean_flagged"] / d["clean"] if clean else None
    return d


def _report_other(title: str, path: str) -> None:
    results = annotated_results(path)
    print(f"{title}: {len(results)} items ({os.path.relpath(path, ROOT)})")
    for lang in ("en", "zh"):
        r = rates(results, lang)
        print(f"  {lang}: flawed flagged {r['flawed_flagged']}/{r['flawed']} "
              f"{_pct(r['flawed_share'])}   clean flagged {r['clean_flagged']}/{r['clean']} "
              f"{_pct(r['clean_share'])}")
    for r in results:
        if (r["flaw"] == "clean") == r["flagged"] or not r["hit"]:
            print(f"    miss: {r['id']} ({r['flaw']}): gate said {r['rules'] or 'nothing'}")


def _pct(x) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}%"


def main() -> None:
    t = time.perf_counter()
    annotated = annotated_results()
    starter = starter_results()
    took = time.perf_counter() - t
    print(f"annotated gate set: {len(annotated)} items ({os.path.relpath(SET_PATH, ROOT)})")
    for lang in ("en", "zh"):
        r = rates(annotated, lang)
        print(f"  {lang}: flawed flagged {r['flawed_flagged']}/{r['flawed']} "
              f"{_pct(r['flawed_share'])} (target >= 90%; annotated rule fired "
              f"{r['flawed_hit']}/{r['flawed']})   clean flagged {r['clean_flagged']}/"
              f"{r['clean']} {_pct(r['clean_share'])} (target <= 10%)")
    kinds = defaultdict(lambda: [0, 0])
    for r in annotated:
        if r["flaw"] != "clean":
            kinds[r["flaw"]][0] += 1
            kinds[r["flaw"]][1] += r["hit"]
    print("  by flaw kind (annotated rule fired / items): " + ", ".join(
        f"{k} {v[1]}/{v[0]}" for k, v in sorted(kinds.items())))
    wrong = [r for r in annotated if (r["flaw"] == "clean") == r["flagged"] or not r["hit"]]
    for r in wrong:
        print(f"    miss: {r['id']} ({r['flaw']}): gate said {r['rules'] or 'nothing'}")
    for title, path in (("held-out set (written after the rules were frozen; see its builder)", HOLDOUT_PATH),
                        ("older annotated set, written before the issue-16 rules",
                         OLDER_SET_PATH)):
        _report_other(title, path)
    print(f"starter bank: {len(starter)} items in question_banks/*.json (all count as clean)")
    for lang in ("en", "zh"):
        r = rates(starter, lang)
        errors = sum(bool(s["errors"]) for s in starter if s["language"] == lang)
        print(f"  {lang}: clean flagged {r['clean_flagged']}/{r['clean']} "
              f"{_pct(r['clean_share'])} (target <= 10%); with an error finding: {errors}")
    for s in starter:
        if s["flagged"]:
            print(f"    flagged: {s['file']} {s['uid']}: {s['rules']}")
    print(f"time: {took:.2f} s for {len(annotated) + len(starter)} items")


if __name__ == "__main__":
    main()
