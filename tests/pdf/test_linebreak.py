"""PDF line breaking: UAX #14 (uniseg) plus Chinese kinsoku, for every paragraph style."""

from __future__ import annotations

import re

import pytest
from reportlab.platypus import Paragraph

from eduapp.pdf.base import Styles
from eduapp.pdf.fonts import rich
from eduapp.pdf.linebreak import NO_LINE_END, NO_LINE_START, break_opportunities

TEXT = ("患者男，66岁，服用 metformin 500 mg 与 spironolactone 治疗，血钾 7.0 mmol/L，"
        "eGFR＜30 ml/(min·1.73㎡)；心电图示 T 波高尖（“帐篷状”）。下列处理中最先进行的是："
        "静脉注射 calcium gluconate 10 ml，随后给予胰岛素加葡萄糖……《内科学》第9版——高钾血症。")
WORDS = ("metformin", "spironolactone", "calcium", "gluconate", "mmol/L", "eGFR")


def _lines(text: str, width: float, language: str) -> list[str]:
    p = Paragraph(rich(text), Styles(language).body)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        words = getattr(line, "words", None)
        out.append("".join(w.text for w in words) if words is not None else " ".join(
            line[1]))
    return out


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("width", [90, 120, 157, 200, 260, 333])
def test_latin_words_whole_and_kinsoku_kept(language, width):
    lines = _lines(TEXT, width, language)
    assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")  # nothing lost
    joined, cuts = "", set()
    for line in lines:
        joined += line
        cuts.add(len(joined))
    for w in WORDS:  # a Latin word is never split across lines
        for m in re.finditer(re.escape(w), joined):
            assert not any(m.start() < c < m.end() for c in cuts), (w, lines)
    for n, line in enumerate(lines):
        if n:
            assert line.lstrip()[:1] not in NO_LINE_START, lines
        if n < len(lines) - 1:
            assert line.rstrip()[-1:] not in NO_LINE_END, lines


def test_english_wraps_at_spaces_only():
    text = "A 58-year-old man taking spironolactone and ramipril feels weak. " * 4
    for line in _lines(text, 150, "en"):
        assert re.fullmatch(r"\S.*\S|\S", line.strip())
        assert not line.strip().startswith(("-", "year"))


def test_break_opportunities_follow_uax14():
    allowed = break_opportunities("用 metformin 的，")
    text = "用 metformin 的，"
    assert allowed[text.index("metformin")]          # after the space
    assert not allowed[text.index("metformin") + 3]   # never inside the word
    assert not allowed[text.index("，")]             # kinsoku: no line starts with ，
