"""Quality-gate findings carry a language-neutral code and are worded in either language."""

import re

import pytest

from eduapp.authoring import FINDING_TEXT, describe_finding, gate_findings, lint_item
from eduapp.bank import describe_note
from eduapp.domain import Finding, Item, Option, facet_key, facet_name

_CJK = re.compile("[\u4e00-\u9fff]")


def _flawed_items():
    en = Item(type="sba", stem="Which of the following is NOT true about the heart?",
              options=[Option("always the same"), Option("always the same"),
                       Option("All of the above", correct=True)], language="en")
    zh = Item(type="sba", stem="下列说法正确的是", options=[Option("以上都是", correct=True),
                                                         Option("总是发生"), Option("总是发生")],
              language="zh")
    return [en, zh]


@pytest.mark.parametrize("item", _flawed_items(), ids=["en", "zh"])
def test_every_finding_has_a_code_and_reads_in_both_languages(item):
    findings = gate_findings(item)
    assert len(findings) >= 3
    for f in findings:
        assert f.code in FINDING_TEXT, f
        zh = describe_finding(f, "zh")
        en = describe_finding(f, "en")
        assert _CJK.search(zh), zh
        assert not _CJK.search(en.replace(str(f.values.get("w", "")), "")), en
        assert "{" not in zh and "{" not in en
        # the stored message is one of the two wordings (the item's language)
        assert f.message in (en, zh)


def test_values_fill_the_sentence():
    item = Item(type="sba", stem="The patient has chest pain. What is the diagnosis?",
                options=[Option("Myocardial infarction", correct=True), Option("Angina"),
                         Option("Angina"), Option("Pericarditis")], language="en")
    dup = [f for f in lint_item(item) if f.rule == "duplicate-options"][0]
    assert dup.values == {"a": 2, "b": 3}
    assert describe_finding(dup, "zh") == "选项 2 与选项 3 相同。"
    assert describe_finding(dup, "en") == "Options 2 and 3 are the same."


def test_a_finding_without_code_shows_its_message():
    f = Finding("x", "info", "kept as written")
    assert describe_finding(f, "zh") == "kept as written"


@pytest.mark.parametrize("note,zh,en", [
    ("edited", "编辑", "edited"), ("generated", "生成", "generated"),
    ("imported", "导入", "imported"), ("restored version 3", "恢复为第 3 版",
                                        "restored version 3"),
    ("revised after the sitting of exam 4 (Cardio 2026): key fixed",
     "考试 4（Cardio 2026）阅卷后修订：key fixed",
     "revised after the sitting of exam 4 (Cardio 2026): key fixed"),
    ("my own words", "my own words", "my own words")])
def test_history_notes_are_worded_per_language(note, zh, en):
    assert describe_note(note, "zh") == zh
    assert describe_note(note, "en") == en


def test_taxonomy_round_trips_chinese_names():
    assert facet_name("cardiology", "zh") == "心血管系统"
    assert facet_key("心血管系统") == "cardiology"
    assert facet_key(" something new ") == "something new"
