"""Cloze (Moodle "embedded answers") text as a candidate sees it on paper.

A cloze item keeps its gaps in Moodle's syntax (``{1:SHORTANSWER:=Metformin}``, see
``eduapp.interop.moodle_xml.parse_cloze``); printed for candidates each gap becomes a blank
line with its hint, if the source had one (Anki's ``{{c1::answer::hint}}``), in brackets:
``______ [drug class: biguanide]``. The answers never reach the candidate's text.
"""

from __future__ import annotations

import re

#: One gap: ``{weight:TYPE:answers}`` with ``\\}`` escapes inside.
GAP = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
BLANK = "______"


def candidate_text(stem: str, subquestions: list[dict] | None = None) -> str:
    """``stem`` with each gap replaced by :data:`BLANK` and its hint.

    :param subquestions: ``item.extra["cloze"]["subquestions"]`` (dicts; an optional
        ``"hint"`` per gap, in gap order).
    """
    subs = subquestions or []
    count = 0

    def sub(m):
        nonlocal count
        hint = ""
        if count < len(subs) and isinstance(subs[count], dict):
            hint = str(subs[count].get("hint") or "")
        count += 1
        return f"{BLANK} [{hint}]" if hint else BLANK

    return GAP.sub(sub, stem or "")


__all__ = ["GAP", "BLANK", "candidate_text"]
