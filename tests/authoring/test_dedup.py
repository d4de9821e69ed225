"""Near-duplicate detection: precision on built pairs, speed, the bank and the gate."""

from __future__ import annotations

import itertools
import random
import time

from eduapp.authoring import DuplicateIndex, duplicate_findings, similarity
from eduapp.domain import Item, Option
from tests.authoring.conftest import load_data
from tests.conftest import make_sba

GROUPS = load_data("duplicate_pairs.json")["groups"]
ITEMS = [(g["group"], Item.from_dict(x)) for g in GROUPS for x in g["items"]]


def test_pairs_precision_and_recall():
    tp = fp = fn = 0
    for (ga, a), (gb, b) in itertools.combinations(ITEMS, 2):
        dup = similarity(a, b) >= 90
        tp += dup and ga == gb
        fp += dup and ga != gb
        fn += ga == gb and not dup
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.9
    assert {x["language"] for g in GROUPS for x in g["items"]} == {"en", "zh"}


def test_index_reports_the_same_pairs():
    index = DuplicateIndex()
    for n, (_, item) in enumerate(ITEMS):
        index.add(n, item)
    tp = fp = 0
    for n, (g, item) in enumerate(ITEMS):
        for m in index.query(item, exclude=n):
            tp += ITEMS[m.key][0] == g
            fp += ITEMS[m.key][0] != g
    assert tp / (tp + fp) >= 0.95 and tp > 300


def _filler(n, rng):
    words = [f"w{k}" for k in range(5000)]
    return [Item(type="sba", stem="Which of the following is the most likely diagnosis?",
                 vignette=f"A {rng.randint(20, 90)}-year-old man has "
                 + " ".join(rng.choice(words) for _ in range(25)),
                 options=[Option(rng.choice(words), k == 0) for k in range(5)])
            for _ in range(n)]


def test_checking_against_ten_thousand_items_is_fast():
    rng = random.Random(3)
    index = DuplicateIndex()
    for k, item in enumerate(_filler(10000, rng)):
        index.add(k, item)
    probes = [item for _, item in ITEMS[:60]]
    start = time.perf_counter()
    for item in probes:
        index.query(item)
    per_item = (time.perf_counter() - start) / len(probes)
    assert per_item < 0.05


def test_remove_and_replace():
    index = DuplicateIndex()
    a = make_sba()
    index.add(1, a)
    assert [m.key for m in index.query(make_sba())] == [1]
    index.remove(1)
    assert index.query(make_sba()) == []


def test_duplicate_finding_against_the_bank(bank):
    stored = bank.save_item(make_sba("Which drug reduces mortality after an acute myocardial "
                                     "infarction in adults?"))
    bank.save_item(make_sba("Which nerve supplies the deltoid muscle?"))
    index = DuplicateIndex.from_bank(bank)
    copy = make_sba("Which drug reduces mortality after acute myocardial infarction in adults?")
    findings = duplicate_findings(copy, index)
    assert [f.rule for f in findings] == ["near-duplicate"]
    assert f"#{stored.id}" in findings[0].message
    chinese = make_sba("下列哪种药物可降低急性心肌梗死后的死亡率", language="zh")
    bank.save_item(chinese)
    index = DuplicateIndex.from_bank(bank)
    near = make_sba("下列哪种药物能降低急性心肌梗死后的死亡率", language="zh")
    assert duplicate_findings(near, index)
    other = make_sba("下列哪种药物可降低慢性心力衰竭患者的死亡率", language="zh", key=2)
    assert not duplicate_findings(other, index)
