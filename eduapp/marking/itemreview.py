"""Items a sitting flagged (negative or low discrimination, a distractor the upper group
preferred to the key, p outside the teacher's band, non-functional distractors), with
the evidence, and suggested rewrites drafted by a language model for a person to accept,
edit or reject.

Accepting saves the rewrite as a *new version* of the bank item (note: which sitting and
why); the past exam keeps pinning the version it was sat with, so nothing changes in it.
A model is never the one that decides: :func:`draft_rewrite` only stores a suggestion.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field

from ..domain import Item, Option
from ..errors import ValidationError
from ..practice.itemstats import describe

#: Issue codes that send an item to the review queue (non-functional distractors alone
#: are listed in the item table, not queued: many sound items have one).
QUEUE_ISSUES = ("negative_discrimination", "poor_discrimination", "distractor_beats_key",
                "very_hard", "very_easy")

#: JSON schema of a suggested rewrite.
REWRITE_SCHEMA = {
    "type": "object",
    "properties": {
        "stem": {"type": "string"},
        "options": {"type": "array", "items": {
            "type": "object",
            "properties": {"text": {"type": "string"}, "correct": {"type": "boolean"}},
            "required": ["text", "correct"], "additionalProperties": False}},
        "explanation": {"type": "string"},
        "rationale": {"type": "string"},
    },
    "required": ["stem", "options", "explanation", "rationale"],
    "additionalProperties": False,
}


@dataclass
class ItemReview:
    """A flagged item of a sitting with its evidence and (maybe) a suggested rewrite.

    :ivar evidence: ``{"p", "r_pb", "option_rates", "upper_rates", "keys", "issues":
        [{"code", ...values}], "n", "exam_title"}`` as stored for the sitting.
    :ivar rewrite: ``{"id", "status" (pending|accepted|edited|rejected), "suggestion":
        {stem, options, explanation, rationale}, "new_version"}`` or ``None``.
    """

    item: Item
    evidence: dict
    rewrite: dict | None = None
    reasons: list[str] = field(default_factory=list)


def needs_review(evidence: dict) -> bool:
    """Whether the sitting's evidence sends the item to the review queue."""
    return any(i["code"] in QUEUE_ISSUES for i in evidence.get("issues", []))


def evidence_text(evidence: dict, language: str = "en") -> list[str]:
    """The evidence as sentences in ``language``."""
    return [describe(i["code"], {k: v for k, v in i.items() if k != "code"}, language)
            for i in evidence.get("issues", [])]


def rewrite_messages(item: Item, evidence: dict, language: str = "en") -> list[dict]:
    """Chat messages asking for a better version of ``item`` given the sitting's evidence."""
    lang = "Simplified Chinese" if (item.language or language) == "zh" else "English"
    letters = "ABCDEFGH"
    options = "\n".join(f"{letters[k]}. {o.text}{'  (key)' if o.correct else ''}"
                        for k, o in enumerate(item.options))
    rates = ", ".join(f"{letters[k]} {r:.0%}" for k, r in enumerate(evidence.get("option_rates", [])))
    upper = ", ".join(f"{letters[k]} {r:.0%}" for k, r in enumerate(evidence.get("upper_rates", [])))
    system = ("You are an experienced medical item writer reviewing an exam question after "
              "it was sat. Using the item statistics, rewrite it so it measures what it "
              "should: fix an ambiguous stem, a wrong or debatable key, implausible or "
              "partly correct distractors. Keep the topic, the number of options and the "
              "item type; exactly the right number of keys. If a case text comes before "
              "the question, leave it as it is and rewrite only the question's own stem. "
              f"Write in {lang}. In "
              "'rationale', say briefly what you changed and why, citing the statistics.")
    user = (f"Stem:\n{item.full_stem}\n\nOptions:\n{options}\n\n"
            f"Explanation:\n{item.explanation or '(none)'}\n\n"
            f"Statistics from {evidence.get('n', 0)} candidates: facility p = "
            f"{evidence.get('p')}, corrected point-biserial = {evidence.get('r_pb')}; "
            f"choice rates: {rates}; upper 27 % group: {upper}.\n"
            f"Problems: {'; '.join(evidence_text(evidence, 'en'))}")
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def validate_suggestion(item: Item, data: dict) -> dict:
    """Check a suggestion (from the model or a person's edit) against ``item``'s shape.

    :raises ValidationError: wrong number of options or keys, an empty stem or option.
    """
    options = data.get("options") or []
    if not str(data.get("stem", "")).strip():
        raise ValidationError(code="rewrite.no-stem")
    if len(options) != len(item.options):
        raise ValidationError(code="rewrite.option-count",
                              values={"n": len(options), "m": len(item.options)})
    if any(not str(o.get("text", "")).strip() for o in options) and any(
            o.text for o in item.options):
        raise ValidationError(code="rewrite.empty-option")
    keys = sum(1 for o in options if o.get("correct"))
    if item.type in ("sba", "tf") and keys != 1:
        raise ValidationError(code="rewrite.key-count", values={"n": keys})
    if keys < 1:
        raise ValidationError(code="rewrite.no-key")
    return {"stem": str(data["stem"]).strip(),
            "options": [{"text": str(o.get("text", "")).strip(), "correct": bool(o.get("correct"))}
                        for o in options],
            "explanation": str(data.get("explanation", "")).strip(),
            "rationale": str(data.get("rationale", "")).strip()}


def draft_rewrite(profile, item: Item, evidence: dict, *, language: str = "en",
                  cancel=None) -> dict:
    """Ask the model for a rewrite (structured JSON, validated). Worker thread.

    :raises LLMUnavailableError:, :raises LLMOutputError:, :raises CancelledError: from
        :func:`eduapp.llm.complete_json`; :raises ValidationError: an answer of the wrong
        shape for this item.
    """
    from ..llm import complete_json
    data = complete_json(profile, rewrite_messages(item, evidence, language), REWRITE_SCHEMA,
                         schema_name="rewrite", language=language, cancel=cancel,
                         temperature=0.3)
    return validate_suggestion(item, data)


def apply_rewrite(item: Item, suggestion: dict, note: str) -> Item:
    """A copy of ``item`` with the rewrite's stem, options (explanations of options kept
    by position) and explanation, ready for ``bank.save_item(..., note)``; the copy keeps
    its id so the bank stores it as a new version."""
    new = copy.deepcopy(item)
    new.stem = suggestion["stem"]
    new.options = [Option(o["text"], o["correct"],
                          item.options[k].explanation if k < len(item.options) else "")
                   for k, o in enumerate(suggestion["options"])]
    if suggestion.get("explanation"):
        new.explanation = suggestion["explanation"]
    new.provenance = {**item.provenance, "revised_after_sitting": note,
                      "revised_at": time.time()}
    return new


def suggestion_to_text(s: dict) -> str:
    """A rewrite as plain text a person can edit: the stem, a blank line, one option a
    line as ``A. text`` with ``*`` before the letter of each key, a blank line, then
    ``Explanation: ...``."""
    letters = "ABCDEFGH"
    lines = [s.get("stem", ""), ""]
    lines += [f"{'*' if o.get('correct') else ''}{letters[k]}. {o.get('text', '')}"
              for k, o in enumerate(s.get("options", []))]
    lines += ["", f"Explanation: {s.get('explanation', '')}"]
    return "\n".join(lines)


def text_to_suggestion(text: str, rationale: str = "") -> dict:
    """Parse :func:`suggestion_to_text`'s format back (``解析:`` works for the explanation).

    :raises ValidationError: no options found.
    """
    import re
    stem, options, explanation = [], [], []
    part = "stem"
    for line in text.splitlines():
        m = re.match(r"^\s*(\*?)\s*([A-H])[.．、)]\s*(.*)$", line)
        e = re.match(r"^\s*(Explanation|解析)\s*[:：]\s*(.*)$", line)
        if e:
            part = "explanation"
            explanation.append(e.group(2))
        elif m and part in ("stem", "options"):
            part = "options"
            options.append({"text": m.group(3).strip(), "correct": bool(m.group(1))})
        elif part == "stem":
            stem.append(line)
        elif part == "explanation":
            explanation.append(line)
    if not options:
        raise ValidationError(code="rewrite.no-options",
                              values={"example": "'A. text'", "star": "'*'"})
    return {"stem": "\n".join(stem).strip(), "options": options,
            "explanation": "\n".join(explanation).strip(), "rationale": rationale}
