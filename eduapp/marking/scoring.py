"""Scores: a candidate's printed answers through their form's key back to the master
exam, with the exam's negative marking and multiple-response partial credit, and the
matrices the item analysis needs.

Rules (``exam.negative_marking`` = n, ``exam.multi_partial``), per question worth ``m``:

* single answer (``sba``, ``tf``): the key -> ``m``; blank -> 0; anything else -> ``-n·m``;
* multiple response (``multi``): exactly the keys -> ``m``; blank -> 0; otherwise, with
  partial credit, ``m · max(0, (right picks - wrong picks) / keys)`` (the rule of
  :func:`eduapp.practice.grading.score_response`), and ``-n·m`` when that share is 0;
  all or nothing: ``-n·m``.

A candidate's total is never below 0 (a convention of negative marking: the paper
cannot owe marks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..exams.model import LETTERS, Exam

PENDING = None


@dataclass
class QuestionScore:
    """One question of one candidate, in master order.

    :ivar item_id: / :ivar item_uid: the item; :ivar number: printed number on their form.
    :ivar response: printed letters marked (``""`` blank), ``None`` while under review.
    :ivar chosen: master option indices (zero-based) of the response.
    :ivar score: marks earned (points, may be negative), ``None`` while under review.
    :ivar marks: the question's marks (points).
    """

    item_id: int
    item_uid: str
    number: int
    response: str | None
    chosen: list[int]
    score: float | None
    marks: float
    topic: str = ""


@dataclass
class CandidateScore:
    """A candidate's result.

    :ivar candidate: the candidate number; :ivar name: from the class list, or ``""``.
    :ivar form: the form whose key was used.
    :ivar total: marks (points, >= 0), counting only questions not under review.
    :ivar max_marks: the exam's total marks. :ivar percent: 0..100.
    :ivar pending: questions still under review (their marks are not in ``total``).
    :ivar passed: against ``exam.pass_mark``, or ``None`` (no pass mark, or pending).
    :ivar questions: per question in master order.
    """

    candidate: str
    form: str
    total: float
    max_marks: float
    percent: float
    pending: int
    passed: bool | None
    questions: list[QuestionScore] = field(default_factory=list)
    name: str = ""
    language: str = ""

    def by_topic(self) -> dict[str, tuple[float, float]]:
        """topic -> (marks earned, marks available), over questions not under review."""
        out: dict[str, list[float]] = {}
        for q in self.questions:
            if q.score is None:
                continue
            t = out.setdefault(q.topic or "-", [0.0, 0.0])
            t[0] += q.score
            t[1] += q.marks
        return {k: (v[0], v[1]) for k, v in out.items()}

    def to_dict(self) -> dict:
        return {"candidate": self.candidate, "name": self.name, "form": self.form,
                "total": round(self.total, 4), "max": self.max_marks,
                "percent": round(self.percent, 2), "pending": self.pending,
                "passed": self.passed,
                "answers": {str(q.number): q.response for q in self.questions}}


def question_score(item, response_positions: list[int] | None, perm: list[int], marks: float,
                   negative: float, partial: bool) -> tuple[list[int], float | None]:
    """Marks for one question.

    :param response_positions: printed option positions marked (zero-based), ``None``
        while under review.
    :param perm: the form's option order (printed position j shows master option perm[j]).
    :returns: ``(chosen master indices, marks earned or None)``.
    """
    if response_positions is None:
        return [], None
    chosen = sorted(perm[j] for j in response_positions if j < len(perm))
    if not chosen:
        return chosen, 0.0
    keys = set(item.key_indices)
    if item.type == "multi":
        picked = set(chosen)
        if picked == keys:
            return chosen, marks
        share = max(0.0, (len(picked & keys) - len(picked - keys)) / max(1, len(keys)))
        if partial and share > 0:
            return chosen, marks * share
        return chosen, -negative * marks or 0.0
    if len(chosen) == 1 and chosen[0] in keys:
        return chosen, marks
    return chosen, -negative * marks or 0.0


def score_candidate(exam: Exam, form_code: str, candidate: str,
                    answers: dict[int, str | None]) -> CandidateScore:
    """Score one candidate.

    :param answers: printed question number -> letters (``""`` blank; ``None`` or absent:
        under review).
    :raises NotFoundError: the exam has no such form.
    """
    form = exam.form(form_code)
    by_master: dict[tuple[int, int, int], QuestionScore] = {}
    for q in form.questions:
        unit = exam.sections[q.section].units[q.unit]
        item = unit.items[q.member]
        letters = answers.get(q.number)
        positions = None if letters is None else [LETTERS.index(c) for c in letters]
        chosen, score = question_score(item, positions, q.options, unit.marks[q.member],
                                       exam.negative_marking, exam.multi_partial)
        by_master[(q.section, q.unit, q.member)] = QuestionScore(
            item_id=item.id, item_uid=item.uid, number=q.number, response=letters,
            chosen=chosen, score=score, marks=unit.marks[q.member], topic=item.topic)
    questions = [by_master[(s, u, m)] for s, u, unit in exam.units()
                 for m in range(len(unit.items))]
    total = max(0.0, sum(q.score for q in questions if q.score is not None))
    pending = sum(1 for q in questions if q.score is None)
    max_marks = exam.total_marks
    passed = None
    if exam.pass_mark is not None and not pending:
        passed = total >= exam.pass_mark
    return CandidateScore(candidate=candidate, form=form_code, total=total,
                          max_marks=max_marks,
                          percent=100.0 * total / max_marks if max_marks else 0.0,
                          pending=pending, passed=passed, questions=questions)


def response_matrices(exam: Exam, results: list[CandidateScore]
                      ) -> tuple[np.ndarray, np.ndarray, list[list[int]], list[int]]:
    """What :func:`eduapp.practice.itemstats.analyse_sitting` takes, over candidates with
    nothing under review.

    :returns: ``(scores (N, I) as share of marks 0..1, chosen (N, I, K) bool, keys per
        item, options per item)`` in master order.
    """
    items = exam.items()
    I = len(items)
    K = max((len(i.options) for i in items), default=1)
    done = [r for r in results if not r.pending]
    X = np.zeros((len(done), I))
    C = np.zeros((len(done), I, K), bool)
    for n, r in enumerate(done):
        for j, q in enumerate(r.questions):
            X[n, j] = max(0.0, q.score or 0.0) / q.marks if q.marks else 0.0
            for k in q.chosen:
                if k < K:
                    C[n, j, k] = True
    return X, C, [list(i.key_indices) for i in items], [len(i.options) for i in items]
