"""Blind answer verification: an independent model call answers the item without seeing
the key; the item is flagged when its answer differs from the key.

This is the "second reviewer" check of item review (NBME, *Constructing Written Test
Questions for the Basic and Clinical Sciences*, 4th ed., on item review: a content expert
should reach the key without being told it). With a weak model the check is noisy: a
disagreement is a reason to look, not proof of a wrong key.
"""

from __future__ import annotations

from ..domain import Finding, Item, now
from .finding_text import make_finding
from ..errors import LLMOutputError
from ..llm import complete_json_result
from .prompting import authoring_prompt
from .output_schemas import verify_schema

__all__ = ["verify_item", "verification_finding", "question_text"]

_TF = {"en": ("True", "False"), "zh": ("正确", "错误")}


def question_text(item: Item) -> str:
    """The item as a candidate sees it: vignette, lead-in and lettered options (no key)."""
    lines = [item.full_stem, ""]
    for i, o in enumerate(item.options):
        lines.append(f"{chr(ord('A') + i)}. {o.text}")
    return "\n".join(lines)


def verify_item(profile, item: Item, *, cancel=None) -> dict | None:
    """Ask ``profile`` to answer ``item`` blind. Worker thread.

    :returns: ``{"answer": [letters], "key": [letters], "agrees": bool, "provider",
        "model", "at"}``; ``None`` for items without options (short answer, essay);
        ``{"error": sentence}`` when the model's answer is unusable even after the repair.
    :raises LLMUnavailableError: the provider cannot be used.
    :raises CancelledError: ``cancel`` was set.
    """
    if item.type not in ("sba", "multi", "tf") or len(item.options) < 2:
        return None
    n = min(len(item.options), 26)
    lang = item.language if item.language in ("en", "zh") else "en"
    multi = item.type == "multi"
    hint = ("（多选，给出全部正确答案的字母）" if lang == "zh" else
            " (several may be correct: give all of their letters)") if multi else ""
    prompt = authoring_prompt("verify", lang)
    msgs = [{"role": "user", "content": prompt.render(question=question_text(item),
                                                      multi_hint=hint)}]
    try:
        res = complete_json_result(profile, msgs, verify_schema(item.type, n),
                                   schema_name="answer", language=lang, max_tokens=40,
                                   temperature=0.0, cancel=cancel)
    except LLMOutputError as e:
        return {"error": str(e), "provider": profile.name, "at": now()}
    answer = sorted(set(res.data["answers"] if multi else [res.data["answer"]]))
    key = sorted(chr(ord("A") + i) for i in item.key_indices)
    return {"answer": answer, "key": key, "agrees": answer == key, "provider": profile.name,
            "model": res.model, "prompt_version": prompt.version, "at": now()}


def verification_finding(item: Item) -> Finding | None:
    """The ``verification-disagrees`` finding from the verification recorded in
    ``item.provenance["verification"]``, or ``None``."""
    v = item.provenance.get("verification") if isinstance(item.provenance, dict) else None
    if not v or v.get("agrees") is not False:
        return None
    zh = item.language == "zh"
    given, key = ", ".join(v.get("answer", [])), ", ".join(v.get("key", []))
    return make_finding("verification-disagrees", "warning", "verification-disagrees",
                        {"given": given, "key": key}, language="zh" if zh else "en")
