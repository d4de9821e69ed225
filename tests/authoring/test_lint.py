"""The item-writing-flaw linter: rates on the annotated set, rules, spans, Chinese."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eduapp.authoring import RULES, lint_item
from eduapp.domain import Item, Option
from tests.authoring.conftest import load_data

ANNOTATED = load_data("annotated_items.json")["items"]


def _flagged(item):
    return {f.rule for f in lint_item(item) if f.severity in ("error", "warning")}


def test_the_annotated_set_is_big_enough_and_bilingual():
    assert len(ANNOTATED) >= 40
    for lang in ("en", "zh"):
        assert sum(e["language"] == lang and e["flawed"] for e in ANNOTATED) >= 10
        assert sum(e["language"] == lang and not e["flawed"] for e in ANNOTATED) >= 10


def test_finds_nine_in_ten_flawed_items_and_flags_at_most_one_in_ten_clean():
    flawed = [e for e in ANNOTATED if e["flawed"]]
    clean = [e for e in ANNOTATED if not e["flawed"]]
    found = sum(bool(_flagged(Item.from_dict(e["item"]))) for e in flawed)
    false = sum(bool(_flagged(Item.from_dict(e["item"]))) for e in clean)
    assert found / len(flawed) >= 0.9, f"found {found}/{len(flawed)}"
    assert false / len(clean) <= 0.1, f"flagged {false}/{len(clean)} clean items"


def test_the_expected_rule_is_the_one_that_fires():
    expected = [(e["id"], r) for e in ANNOTATED for r in e["expected"]]
    hits = [(i, r) for i, r in expected
            if r in _flagged(Item.from_dict(next(e for e in ANNOTATED if e["id"] == i)["item"]))]
    assert len(hits) / len(expected) >= 0.9, sorted(set(expected) - set(hits))


def test_every_annotated_rule_is_a_known_rule():
    assert {r for e in ANNOTATED for r in e["expected"]} <= set(RULES)


@pytest.mark.parametrize("entry", [e for e in ANNOTATED if e["flawed"]], ids=lambda e: e["id"])
def test_spans_point_into_their_field(entry):
    item = Item.from_dict(entry["item"])
    for f in lint_item(item):
        assert f.severity in ("error", "warning", "info") and f.message
        if f.span is None:
            continue
        field, start, end = f.span
        text = (item.options[int(field[8:-1])].text if field.startswith("options[")
                else getattr(item, field))
        assert 0 <= start <= end <= len(text), (f.rule, f.span)


def sba(stem, options, key=0, **kw):
    return Item(type="sba", stem=stem, explanation="because",
                options=[Option(t, i == key, "why") for i, t in enumerate(options)], **kw)


DRUGS = ["Metformin", "Gliclazide", "Pioglitazone", "Sitagliptin", "Insulin glargine"]


@pytest.mark.parametrize("item,rule,span_text", [
    (sba("Which of the following is not a sulfonylurea?", DRUGS), "negative-stem", "not"),
    (sba("下列哪项不是磺脲类药物", ["二甲双胍", "格列齐特", "格列美脲", "格列吡嗪", "格列本脲"],
         language="zh"), "negative-stem", "不是"),
    (sba("The first-line drug for type 2 diabetes is an", DRUGS), "grammatical-cue", "an"),
    (sba("Which of the following is true about metformin?", DRUGS), "open-lead-in", "true"),
    (sba("关于二甲双胍，下列说法正确的是", DRUGS, language="zh"), "open-lead-in", "正确"),
], ids=["negative-en", "negative-zh", "a-an", "open-en", "open-zh"])
def test_rule_and_span(item, rule, span_text):
    f = next(f for f in lint_item(item) if f.rule == rule)
    field, start, end = f.span
    assert field == "stem" and span_text in item.stem[start:end]


@pytest.mark.parametrize("stem,lang", [
    ("Which of the following is NOT a sulfonylurea?", "en"),
    ("Which of the following is **not** a sulfonylurea?", "en"),
    ("下列哪项**不是**磺脲类药物", "zh"),
    ("下列哪项【不是】磺脲类药物", "zh"),
])
def test_emphasised_negatives_are_fine(stem, lang):
    assert "negative-stem" not in _flagged(sba(stem, DRUGS, language=lang))


def test_chinese_lead_in_without_question_mark_is_proper():
    item = sba("最可能的诊断是", ["急性心包炎", "急性心肌梗死", "主动脉夹层", "肺栓塞", "气胸"],
               key=1, language="zh", vignette="患者，男，61岁。胸骨后压榨性疼痛50分钟。心电图示II、III、"
               "aVF导联ST段抬高。")
    assert _flagged(item) == set()


def test_vignette_without_a_question_is_flagged():
    item = sba("He was given aspirin.", DRUGS,
               vignette="A 58-year-old man has had crushing chest pain for 40 minutes.")
    assert "no-lead-in" in _flagged(item)


@pytest.mark.parametrize("options,rule", [
    (["Aspirin", "Warfarin", "All of the above", "Heparin"], "all-of-the-above"),
    (["阿司匹林", "华法林", "以上都不是", "肝素"], "none-of-the-above"),
    (["It always causes bleeding", "Warfarin", "Heparin", "Digoxin"], "absolute-term"),
    (["总是引起出血", "华法林", "肝素", "地高辛"], "absolute-term"),
    (["10-20 mg", "15-25 mg", "30-40 mg", "50-60 mg"], "overlapping-options"),
    (["Aspirin", "aspirin.", "Heparin", "Digoxin"], "duplicate-options"),
])
def test_option_rules(options, rule):
    item = sba("Which drug is most appropriate for secondary prevention here?", options)
    f = next(f for f in lint_item(item) if f.rule == rule)
    assert f.span[0].startswith("options[")


def test_key_rules():
    no_key = sba("Which drug is most appropriate for secondary prevention?", DRUGS, key=-1)
    assert "no-key" in _flagged(no_key)
    assert "missing-explanation" in _flagged(Item(type="sba", stem="Which drug is most "
                                                  "appropriate for secondary prevention?",
                                                  options=[Option(t, i == 0) for i, t in
                                                           enumerate(DRUGS)]))


def test_starter_bank_is_clean():
    import json
    import os
    path = os.path.join(os.path.dirname(__file__), "..", "..", "question_banks", "starter_en.json")
    with open(path, encoding="utf-8") as fh:
        starter = json.load(fh)
    items = [Item.from_dict(x) for x in starter["items"]]
    flagged = [i.uid for i in items if _flagged(i)]
    assert len(flagged) <= len(items) // 10, flagged


def test_authoring_imports_no_qt():
    code = ("import sys, eduapp.authoring; "
            "sys.exit(1 if any(m.split('.')[0] == 'PySide6' for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("texts", [
    ["The correct answer is: 1.", "The correct answer is: 4.", "Oral vancomycin",
     "Oral fidaxomicin", "Intravenous metronidazole"],
    ["Incorrect. The preferred treatment is a combination", "Oral vancomycin",
     "Oral fidaxomicin", "Intravenous metronidazole", "Loperamide"],
    ["正确答案是A", "口服万古霉素", "口服非达霉素", "静脉甲硝唑", "洛哌丁胺"],
])
def test_options_that_comment_on_the_answer_are_not_answers(texts):
    """Small models write their feedback into the options (seen with SmolLM2-135M)."""
    from eduapp.domain import Item, Option
    item = Item(type="sba", stem="A 70-year-old woman has C. difficile colitis after "
                "co-amoxiclav. Which of the following is the most appropriate treatment?",
                options=[Option(t, i == 2, "why") for i, t in enumerate(texts)],
                explanation="Oral vancomycin or fidaxomicin.")
    assert "option-not-an-answer" in [f.rule for f in lint_item(item)]


def test_option_that_repeats_the_vignette_is_not_an_answer():
    from eduapp.domain import Item, Option
    vignette = "A 74-year-old man has had increasing difficulty passing urine for months."
    item = Item(type="sba", vignette=vignette, stem="Which of the following is the most "
                "likely cause?", options=[Option(vignette, False, "x")] + [
                    Option(t, i == 0, "x") for i, t in enumerate(
                        ["Benign prostatic hyperplasia", "Urethral stricture", "Bladder stone",
                         "Prostate cancer"])], explanation="BPH.")
    assert "option-not-an-answer" in [f.rule for f in lint_item(item)]
