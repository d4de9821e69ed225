"""Aiken: strict where Moodle is strict, forgiving where Moodle is forgiving."""

from __future__ import annotations

import os

import pytest

from eduapp.domain import Item, Option
from eduapp.errors import ExportError, ImportFileError
from eduapp.interop import aiken

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "aiken_mixed.txt")


def test_fixture_items_and_errors():
    result = aiken.parse(FIXTURE)
    assert [i.stem for i in result.items] == [
        "Which drug reverses heparin?",
        "A 58-year-old man has chest pain.\nWhich test comes first?",
        "哪种药物可逆转肝素？"]
    assert [i.key_indices for i in result.items] == [[0], [0], [1]]
    assert [o.text for o in result.items[0].options] == ["Protamine sulfate", "Vitamin K",
                                                          "Naloxone"]
    assert [(e.line, e.message) for e in result.errors] == [
        (12, "the question has options but no ANSWER: line"),
        (19, "ANSWER: C names no option of this question"),
        (26, "text at the end of the file is not a question (no options, no ANSWER:)")]


@pytest.mark.parametrize("text,n_items,error", [
    ("Q?\nA. a\nB. b\nANSWER: B\n", 1, None),
    ("Q?\r\nA) a\r\nB) b\r\nANSWER:A\r\n", 1, None),
    ("\ufeffQ?\nA. a\nB. b\nANSWER: A", 1, None),
    ("Q?\nA. a\nB. b\n\nANSWER: A", 1, None),
    ("Q?\nA. a\nB. b\nANSWER: a\n", 0, "one capital letter"),
    ("Q?\nA. a\nANSWER: A\n", 0, "two options"),
    ("Q?\na. a\nb. b\nANSWER: A\n", 0, "before any option"),
    ("Q?\nA. a\nB. b\nANSWER: B\nQ2?\nA. x\nB. y\nANSWER: A\n", 2, None),
])
def test_cases(tmp_path, text, n_items, error):
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    result = aiken.parse(str(path))
    assert len(result.items) == n_items
    if error:
        assert error in result.errors[0].message
    else:
        assert result.errors == []


def test_not_aiken_at_all(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("just a sentence\nand another\n")
    with pytest.raises(ImportFileError, match="no Aiken question"):
        aiken.parse(str(path))


def test_round_trip(units, tmp_path):
    path = tmp_path / "out.txt"
    aiken.write(units, str(path))
    again = aiken.parse(str(path))
    written = [u for u in units if u.type in ("sba", "tf")]
    assert [i.stem for i in again.items] == [u.stem for u in written]
    assert [[o.text for o in i.options] for i in again.items] == \
        [[o.text for o in u.options] for u in written]
    assert [i.key_indices for i in again.items] == [u.key_indices for u in written]


def test_a_stem_line_that_looks_like_an_option_survives(tmp_path):
    item = Item(type="sba", stem="Consider:\nA. first statement\nWhich is true?",
                options=[Option("x", True), Option("y")])
    path = tmp_path / "out.txt"
    aiken.write([item], str(path))
    [again] = aiken.parse(str(path)).items
    assert [o.text for o in again.options] == ["x", "y"]


def test_nothing_to_write_is_an_export_error(tmp_path):
    with pytest.raises(ExportError):
        aiken.write([Item(type="essay", stem="Discuss.")], str(tmp_path / "x.txt"))
