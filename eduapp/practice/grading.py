"""Marking a response against an item's key, and the feedback tutor mode shows.

A response is a list of zero-based option indices for choice items (``sba``, ``tf``:
one index; ``multi``: any number), a text for ``short``/``numerical``/``essay``. Scores
are 0..1.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..domain import Item

#: Item types this module marks automatically.
AUTO_TYPES = ("sba", "tf", "multi", "numerical")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().strip()
    return re.sub(r"[\s\.\,;:!?。，；：！？]+", " ", text).strip()


def score_response(item: Item, response) -> float | None:
    """Score a response (0..1), or ``None`` when a person (or the LLM marker) must mark it.

    ``sba``/``tf``: 1 when the chosen index is the key. ``multi``: all-or-nothing on the
    set of keys (a partly right selection scores ``max(0, (hits - false picks) / keys)``,
    still counted as wrong below 0.8). ``numerical``: the best share among the tolerance
    bands the response falls in (see :func:`score_numerical`). ``short``: 1 on an exact (normalised) match with an accepted answer, else
    ``None``. Unanswered (``None``/empty) scores 0.
    """
    if response is None or response == [] or response == "":
        return 0.0
    if item.type in ("sba", "tf"):
        chosen = list(response)
        return 1.0 if len(chosen) == 1 and chosen[0] in item.key_indices else 0.0
    if item.type == "multi":
        chosen, keys = set(response), set(item.key_indices)
        if chosen == keys:
            return 1.0
        return max(0.0, (len(chosen & keys) - len(chosen - keys)) / max(1, len(keys)))
    if item.type == "numerical":
        return score_numerical(item, response)
    if item.type == "short":
        answer = _norm(str(response))
        if any(_norm(o.text) == answer for o in item.options if o.correct or not any(
                x.correct for x in item.options)):
            return 1.0
        return None
    return None


#: Tolerance comparisons allow this much floating-point slack (7.45 - 7.40 is
#: 0.04999999999999982 in binary floating point, and 7.45 must count as inside ±0.05).
_FLOAT_SLACK = 1e-9


def score_numerical(item: Item, response) -> float:
    """Score a numerical response against every accepted answer's tolerance band.

    Each option with a value is a band ``value ± tolerance`` worth its mark share
    (:attr:`Option.fraction`, else 1 for a key and 0 otherwise); the response earns the
    best share of the bands it falls in, as Moodle's numerical question grades
    (``question/type/numerical/question.php``: the first matching answer in order of
    fraction). E.g. 7.40 ±0.05 at 100% and 7.40 ±0.1 at 50%: 7.43 -> 1.0, 7.48 -> 0.5,
    7.60 -> 0.0. A decimal comma is accepted (``7,48``); ``*`` options match anything.

    :param response: the student's text (or number).
    :returns: a score in 0..1 (negative shares count as 0).
    """
    try:
        value = float(str(response).strip().replace(",", "."))
    except ValueError:
        return 0.0
    if value != value:  # NaN
        return 0.0
    best = 0.0
    for o in item.options:
        share = o.fraction if o.fraction is not None else (1.0 if o.correct else 0.0)
        if o.text.strip() == "*":
            best = max(best, share)
            continue
        try:
            target = float(o.text.replace(",", "."))
        except ValueError:
            continue
        tolerance = abs(o.tolerance or 0.0)
        if abs(value - target) <= tolerance + _FLOAT_SLACK * max(1.0, abs(target)):
            best = max(best, share)
    return max(0.0, min(1.0, best))


@dataclass
class OptionFeedback:
    """One option in the feedback: zero-based ``index``, its text, whether it is a key,
    whether the student chose it or struck it out, and why it is right or wrong."""

    index: int
    text: str
    correct: bool
    chosen: bool
    struck: bool
    explanation: str


@dataclass
class Feedback:
    """What tutor mode (and timed-mode review) shows after an answer.

    :ivar score: 0..1, or ``None`` while a short answer awaits marking.
    :ivar correct: ``score >= 0.8``.
    :ivar options: per-option feedback (choice items).
    :ivar explanation: the item's general explanation. :ivar references: its citations.
    :ivar model_answer: / :ivar rubric: for short answers.
    :ivar missing: points the marker found missing (short answers).
    :ivar marked_by: ``auto``, ``llm``, ``self`` or ``pending``.
    :ivar student_score: the student's own mark when they disagree (0..1) or ``None``.
    """

    score: float | None
    correct: bool
    options: list[OptionFeedback] = field(default_factory=list)
    explanation: str = ""
    references: list[str] = field(default_factory=list)
    model_answer: str = ""
    rubric: str = ""
    missing: list[str] = field(default_factory=list)
    marker_comment: str = ""
    marked_by: str = "auto"
    student_score: float | None = None

    @property
    def verdict(self) -> str | None:
        """``right`` (score ≥ 0.8), ``partly`` (0.5 ≤ score < 0.8: half or more of the
        marks, the FSRS "Hard" band of :mod:`~.scheduling`), ``wrong``, or ``None`` while
        unmarked."""
        if self.score is None:
            return None
        return "right" if self.score >= 0.8 else "partly" if self.score >= 0.5 else "wrong"


def feedback_for(item: Item, response, score: float | None, *, struck=(),
                 marked_by: str = "auto", missing=(), comment: str = "",
                 student_score: float | None = None) -> Feedback:
    """Build the :class:`Feedback` for ``response`` (see :func:`score_response`)."""
    chosen = set(response) if isinstance(response, list) else set()
    opts = []
    if item.type in ("sba", "tf", "multi"):
        opts = [OptionFeedback(i, o.text, o.correct, i in chosen, i in set(struck),
                               o.explanation) for i, o in enumerate(item.options)]
    model = item.model_answer or (", ".join(o.text for o in item.options if o.correct)
                                  if item.type in ("short", "numerical") else "")
    return Feedback(score=score, correct=score is not None and score >= 0.8, options=opts,
                    explanation=item.explanation, references=list(item.references),
                    model_answer=model, rubric=item.rubric, missing=list(missing),
                    marker_comment=comment, marked_by=marked_by, student_score=student_score)
