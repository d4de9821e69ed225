"""Short-answer marking behind one small interface.

:class:`ShortAnswerMarker` is what a session calls; :class:`SelfMarker` (offline) asks
the student to mark their own answer against the model answer and rubric;
:class:`LLMMarker` asks the configured LLM for a score and what was missing, and falls
back to self-marking when the provider cannot be reached. Either way the student may
disagree: their own mark is kept separately (``student_score``), never overwriting the
marker's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from ..domain import Item
from ..errors import LLMOutputError, LLMUnavailableError

log = logging.getLogger(__name__)


@dataclass
class Mark:
    """A marker's verdict on a short answer.

    :ivar score: 0..1, or ``None`` when the student must mark it (``by == "pending"``).
    :ivar missing: points of the model answer / rubric the answer lacks.
    :ivar comment: a sentence for the student.
    :ivar by: ``llm``, ``self``, ``auto`` or ``pending``.
    """

    score: float | None
    missing: list[str] = field(default_factory=list)
    comment: str = ""
    by: str = "pending"


class ShortAnswerMarker(Protocol):
    """Marks a short answer. May block (an LLM call): call it from a worker thread."""

    def mark(self, item: Item, answer: str, language: str = "en") -> Mark:
        """:returns: a :class:`Mark`; ``score is None`` asks for self-marking."""
        ...


class SelfMarker:
    """Offline marking: the student compares their answer with the model answer and the
    rubric and gives themselves a mark (:meth:`PracticeService.self_mark`)."""

    def mark(self, item: Item, answer: str, language: str = "en") -> Mark:
        return Mark(score=None, by="pending")


#: JSON schema of the LLM marker's answer.
MARK_SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "missing": {"type": "array", "items": {"type": "string"}},
        "comment": {"type": "string"},
    },
    "required": ["score", "missing", "comment"],
    "additionalProperties": False,
}


def marking_messages(item: Item, answer: str, language: str = "en") -> list[dict]:
    """The chat messages asking a model to mark ``answer`` against the model answer and
    rubric of ``item`` (one system, one user message)."""
    lang = "Simplified Chinese" if language == "zh" else "English"
    system = ("You are a fair medical examiner marking a student's short answer. Compare it "
              "with the model answer and the rubric. Give a score from 0 to 1, list the key "
              f"points that are missing, and one sentence of comment, in {lang}.")
    model = item.model_answer or "; ".join(o.text for o in item.options if o.correct)
    user = (f"Question:\n{item.full_stem}\n\nModel answer:\n{model}\n\n"
            f"Rubric:\n{item.rubric or '(none)'}\n\nStudent's answer:\n{answer}")
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


class LLMMarker:
    """Marks with an LLM provider profile (:mod:`eduapp.llm`, structured JSON output).

    :param profile: an :class:`eduapp.llm.ProviderProfile`.
    :param fallback: used when the provider is unavailable or answers badly.
    """

    def __init__(self, profile, fallback: ShortAnswerMarker | None = None):
        self.profile = profile
        self.fallback = fallback or SelfMarker()

    def mark(self, item: Item, answer: str, language: str = "en") -> Mark:
        from ..llm import complete_json
        try:
            data = complete_json(self.profile, marking_messages(item, answer, language),
                                 MARK_SCHEMA, schema_name="mark", language=language,
                                 temperature=0.0)
        except (LLMUnavailableError, LLMOutputError) as e:
            log.info("LLM marking unavailable, self-marking instead: %s", e)
            return self.fallback.mark(item, answer, language)
        score = min(1.0, max(0.0, float(data.get("score", 0.0))))
        return Mark(score=score, missing=[str(m) for m in data.get("missing") or []],
                    comment=str(data.get("comment") or ""), by="llm")
