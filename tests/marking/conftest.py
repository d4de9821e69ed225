"""Exams for the marking tests, built in memory (no bank needed to read sheets)."""

from __future__ import annotations

import pytest

from eduapp.domain import Item, Option
from eduapp.exams.forms import make_forms
from eduapp.exams.model import Exam, ExamSection, ExamUnit
from tests.marking.synthetic import blank_pages


def make_exam(n: int = 40, *, language: str = "en", multi_every: int = 7, digits: int = 8,
              forms: int = 2, options: int = 5, title: str = "Cardiology midterm") -> Exam:
    """An exam of ``n`` questions (every ``multi_every``-th a multiple-response item with
    two keys), topics cycling over four, ids 1..n, made into ``forms`` forms."""
    units = []
    for k in range(n):
        kind = "multi" if multi_every and k % multi_every == multi_every - 1 else "sba"
        opts = [Option(f"option {j}", j == k % options or (kind == "multi" and
                                                         j == (k + 2) % options))
                for j in range(options)]
        item = Item(type=kind, stem=f"Question {k + 1}: which is right?", options=opts,
                    topic=f"topic {k % 4}", language=language)
        item.id, item.version = k + 1, 1
        units.append(ExamUnit(items=[item]))
    exam = Exam(title=title, language=language, candidate_digits=digits,
                institution="St Elsewhere", sections=[ExamSection(units=units)])
    exam.id = 1
    make_forms(exam, forms, seed=4)
    return exam


@pytest.fixture(scope="module")
def exam():
    return make_exam()


@pytest.fixture(scope="module")
def blanks(exam):
    """Blank sheet pages per form at 300 dpi, rendered once per module."""
    return {f.code: blank_pages(exam, f.code, 300) for f in exam.forms}
