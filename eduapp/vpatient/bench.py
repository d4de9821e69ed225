"""Evaluate the offline matcher on labelled student questions (used by
``bench/bench_vpatient.py`` and by the tests that hold the targets).

A questions file has one ``expected<TAB>question`` a line (``#`` starts a comment):
``expected`` is a fact id, ``a|b`` when either fact is a right answer, or ``none`` when
no fact should be revealed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .library import shipped_cases
from .matcher import Matcher
from .model import CaseScript

__all__ = ["CaseResult", "evaluate", "evaluate_all", "read_questions", "QUESTIONS_DIR"]

#: The labelled questions of the shipped cases (in a source checkout only).
QUESTIONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "tests", "vpatient", "data")


@dataclass
class CaseResult:
    """Figures for one case.

    :ivar total: questions asked.
    :ivar with_fact: questions labelled with a fact.
    :ivar right: labelled questions answered with (one of) the expected fact(s).
    :ivar wrong: questions answered with a fact that is not expected (any question).
    :ivar none_total: questions labelled ``none``; ``none_ok`` of them revealed no fact.
    """

    case_id: str
    language: str
    total: int = 0
    with_fact: int = 0
    right: int = 0
    wrong: int = 0
    none_total: int = 0
    none_ok: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        """0..1: right answers among the questions labelled with a fact."""
        return self.right / self.with_fact if self.with_fact else 0.0

    @property
    def wrong_share(self) -> float:
        """0..1: questions (all of them) answered with a wrong fact."""
        return self.wrong / self.total if self.total else 0.0


def read_questions(path: str) -> list[tuple[set[str], str]]:
    """``[(expected fact ids (empty for none), question)]`` from a questions file.

    :raises ValueError: a line without a tab.
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                raise ValueError(f"{path}:{n}: expected 'fact<TAB>question'")
            expected, question = line.split("\t", 1)
            ids = set() if expected.strip() == "none" else set(expected.strip().split("|"))
            out.append((ids, question.strip()))
    return out


def evaluate(case: CaseScript, questions: list[tuple[set[str], str]]) -> CaseResult:
    """Match every question against ``case`` and count right and wrong answers."""
    matcher = Matcher(case)
    res = CaseResult(case.id, case.language)
    for expected, question in questions:
        m = matcher.match(question)
        got = set(m.fact_ids)
        res.total += 1
        if expected:
            res.with_fact += 1
            if got & expected:
                res.right += 1
        else:
            res.none_total += 1
            if not got:
                res.none_ok += 1
        if got - expected:
            res.wrong += 1
        if not (got & expected if expected else not got) or got - expected:
            res.failures.append(f"{'|'.join(sorted(expected)) or 'none'} <- {question!r}: "
                                f"{m.kind} {sorted(got)} {dict(sorted(m.concepts.items()))}")
    return res


def evaluate_all(folder: str | None = None, prefix: str = "questions") -> list[CaseResult]:
    """:func:`evaluate` for every shipped case that has a questions file
    (``<prefix>_<case id>.tsv``: ``questions`` or the held-out ``holdout``)."""
    folder = folder or QUESTIONS_DIR
    out = []
    for case in shipped_cases():
        path = os.path.join(folder, f"{prefix}_{case.id}.tsv")
        if os.path.exists(path):
            out.append(evaluate(case, read_questions(path)))
    return out
