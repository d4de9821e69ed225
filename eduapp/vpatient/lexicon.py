"""The shared interview lexicon (``lexicon.json`` beside this module): concepts students
ask about (onset, radiation, past history, smoking, fever ...), each with English and
Chinese phrase patterns, so that every case gets the common ways of asking for free and
its authors add only case-specific words.

Concept kinds: ``frame`` (what kind of information: an attribute of a symptom or a part of
the history), ``symptom`` (a symptom or condition; ``negative`` ones are denied when a case
does not list them) and ``skill`` (communication, scored but not a fact).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache

from .text import Pattern, compile_pattern

__all__ = ["Concept", "concepts", "concept_ids", "HISTORY_FRAMES", "GENERIC_FRAMES"]

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon.json")

#: Specific parts of the history that take precedence over the generic "past history"
#: when a question names both ("have you ever smoked?" asks about smoking).
HISTORY_FRAMES = frozenset({
    "surgery", "medications", "allergies", "family_history", "smoking", "alcohol",
    "recreational_drugs", "occupation", "social", "travel", "vaccination", "birth_history",
    "previous_episodes", "development", "menstrual", "pregnancy", "sick_contacts", "diet",
    "exercise", "treatment_so_far", "adherence"})

#: Frames that give way to a specific frame of at least the same strength.
GENERIC_FRAMES = frozenset({"past_history", "chief_complaint", "onset", "previous_episodes"})


@dataclass(frozen=True)
class Concept:
    """One concept: ``id``, ``kind`` (frame, symptom, skill), ``negative`` (denied when a
    case does not list it) and its compiled ``patterns`` (both languages)."""

    id: str
    kind: str
    negative: bool
    patterns: tuple[Pattern, ...]


@lru_cache(maxsize=1)
def concepts() -> dict[str, Concept]:
    """All concepts of the lexicon by id (loaded once)."""
    with open(_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)["concepts"]
    return {cid: Concept(cid, c["kind"], bool(c.get("negative")),
                         tuple(compile_pattern(p) for p in c.get("en", []) + c.get("zh", [])))
            for cid, c in raw.items()}


@lru_cache(maxsize=1)
def concept_ids() -> frozenset[str]:
    """The ids of every concept (read without compiling the patterns: checking a case
    script's topics must not wait for the matcher's set-up)."""
    with open(_PATH, encoding="utf-8") as fh:
        return frozenset(json.load(fh)["concepts"])
