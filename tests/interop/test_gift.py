"""GIFT: every construct of Moodle's GIFT format, errors with lines, and round trips."""

from __future__ import annotations

import os

import pytest

from eduapp.errors import ImportFileError
from eduapp.interop import gift, parse_file

from .conftest import assert_kept

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "gift_all.gift")


def parse_text(tmp_path, text: str):
    path = tmp_path / "q.gift"
    path.write_text(text, encoding="utf-8")
    return gift.parse(str(path))


# (GIFT text, type, option texts, correct flags, fractions)
CASES = [
    ("Q? {=a ~b ~c}", "sba", ["a", "b", "c"], [True, False, False], [None, None, None]),
    ("Q? {~%50%a ~%50%b ~%-100%c}", "multi", ["a", "b", "c"], [True, True, False],
     [0.5, 0.5, -1.0]),
    ("Q? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}", "multi",
     ["a", "b", "c", "d"], [True, True, True, False], [0.3333333, 0.3333333, 0.3333333, -1.0]),
    ("Q? {=a ~%50%b ~c}", "sba", ["a", "b", "c"], [True, False, False], [None, 0.5, None]),
    ("Q? {T}", "tf", ["True", "False"], [True, False], [None, None]),
    ("Q? {FALSE}", "tf", ["True", "False"], [False, True], [None, None]),
    ("Q? {=yes =%50%maybe}", "short", ["yes", "maybe"], [True, True], [None, 0.5]),
    ("Q? {#3.14:0.01}", "numerical", ["3.14"], [True], [None]),
    ("Q? {#1..5}", "numerical", ["3"], [True], [None]),
    ("Q? {#-3.142..-3.141}", "numerical", ["-3.1415"], [True], [None]),
    ("Q? {#\n=1822:0\n=%50%1822:2}", "numerical", ["1822", "1822"], [True, True], [None, 0.5]),
    ("Q? {=a -> 1 =b -> 2}", "matching", ["a", "b"], [True, True], [None, None]),
    ("Q? {~go -> there =come -> here}", "sba", ["go -> there", "come -> here"],
     [False, True], [None, None]),
    ("Q? {}", "essay", [], [], []),
    ("Just text.", "description", [], [], []),
    ("Q\\: \\{x\\} {=\\~tilde ~\\=eq ~\\#hash}", "sba", ["~tilde", "=eq", "#hash"],
     [True, False, False], [None, None, None]),
]


@pytest.mark.parametrize("text,type_,texts,correct,fractions", CASES)
def test_answer_blocks(tmp_path, text, type_, texts, correct, fractions):
    result = parse_text(tmp_path, text)
    assert not result.errors
    [item] = result.items
    assert item.type == type_
    assert [o.text for o in item.options] == texts
    assert [o.correct for o in item.options] == correct
    assert [o.fraction for o in item.options] == fractions


def test_tolerance_and_ranges(tmp_path):
    item = parse_text(tmp_path, "Q? {#3.1415:0.0005}").items[0]
    assert item.options[0].tolerance == 0.0005
    item = parse_text(tmp_path, "Q? {#1..5}").items[0]
    assert item.options[0].tolerance == 2.0


def test_fixture_file(tmp_path):
    result = gift.parse(FIXTURE)
    items = result.items
    first = items[0]
    assert first.idnumber == "CARD-9"
    assert first.tags == ["pharmacology", "first line"]
    assert first.extra["title"] == "Heparin antidote"
    assert first.category == "Cardiology/Drugs"
    assert first.explanation == "Protamine is a basic protein."
    assert first.options[0].explanation == "It binds heparin."
    risk = items[1]
    assert risk.idnumber == "Risk"  # the title is the idnumber when there is no [id:]
    assert risk.stem == "Which are **risk factors**?"
    tf = items[2]
    assert [o.explanation for o in tf.options] == ["Correct.", "It is."]
    short = items[3]
    assert short.options[1].explanation == "Be precise."
    matching = items[6]
    assert matching.options[2].text == "" and matching.options[2].match == "Diuretic"
    missing = items[8]
    assert missing.stem == "The _____ valve has two cusps."
    assert missing.extra["gift_missing_word"] is True
    html = items[9]
    assert html.extra["text_format"] == "html"
    assert "\\~" not in html.stem and "~ = # { } :" in html.stem
    assert items[10].type == "description"
    assert items[-1].stem == "After the broken one." and items[-1].type == "tf"
    [error] = result.errors
    assert error.line == 40 and "closing brace" in error.message


def test_shared_titles_do_not_become_idnumbers(tmp_path):
    result = parse_text(tmp_path, "::Same::A? {=a ~b}\n\n::Same::B? {=a ~b}\n\n::Own::C? {T}")
    assert [i.idnumber for i in result.items] == ["", "", "Own"]


def test_category_only_file(tmp_path):
    result = parse_text(tmp_path, "$CATEGORY: $course$/top/Default for Unit 1: Topic\n")
    assert result.units == [] and result.errors == []


def test_round_trip_of_an_eduapp_bank(units, tmp_path):
    path = tmp_path / "bank.gift"
    gift.write(units, str(path))
    again = parse_file(str(path))
    assert again.format == "gift"
    assert [i.type for i in again.items] == [i.type if i.type != "cloze" else "description"
                                              for i in units]
    for a, b in zip(units, again.items):
        if a.type == "cloze":
            assert b.stem == a.stem
            continue
        assert_kept(a, b, {"type", "stem", "explanation", "tags", "category", "uid"},
                    {"explanation", "fraction", "match", "tolerance"})


def test_round_trip_of_the_fixture(tmp_path):
    first = gift.parse(FIXTURE)
    path = tmp_path / "again.gift"
    gift.write(first.units, str(path))
    again = gift.parse(str(path))
    assert not again.errors
    for a, b in zip(first.items, again.items):
        assert_kept(a, b, {"type", "stem", "explanation", "tags", "category", "extra"},
                    {"explanation", "fraction", "match", "tolerance"})
        assert (b.idnumber or b.uid) == (a.idnumber or a.uid)


@pytest.mark.parametrize("content,fragment", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02garbage", "binary"),
    (b"\xff\xfe\x00", "UTF-16"),
])
def test_unreadable_files(tmp_path, content, fragment):
    path = tmp_path / "bad.gift"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        gift.parse(str(path))
    assert fragment in str(info.value)


def test_gb18030_text_is_read(tmp_path):
    path = tmp_path / "zh.gift"
    path.write_bytes("哪个是抗凝药？{=肝素 ~维生素C}".encode("gb18030"))
    [item] = gift.parse(str(path)).items
    assert item.options[0].text == "肝素"
