"""A strong language model drafts a cognitive model and item model from a topic (or a
lecture note) for the teacher to correct.

The answer is structured output (:func:`eduapp.llm.complete_json_result`: JSON schema,
validation, one repair retry) in a compact shape that a schema can state, then turned
into an :class:`~.model.ItemModel` and validated; a model that still fails validation
is sent back once with the problems. The built-in 135M model is refused: it cannot write
a usable model, and a broken draft would waste the teacher's time.

Worker thread only (network).
"""

from __future__ import annotations

import json
import re

from ...errors import LLMOutputError, LLMUnavailableError, ValidationError
from ...llm import complete_json_result, load_prompt
from ..prompting import authoring_prompt
from .model import ItemModel

__all__ = ["DRAFT_SCHEMA", "draft_item_model", "model_from_draft"]

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}

#: The JSON schema of a drafted model (every property required, no extras: strict mode).
DRAFT_SCHEMA: dict = {
    "type": "object", "additionalProperties": False,
    "required": ["title", "topic", "system", "problem", "variables", "scenarios", "answers",
                 "stem", "lead_in", "explanation", "references"],
    "properties": {
        "title": _STR, "topic": _STR, "system": _STR, "problem": _STR,
        "variables": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False,
            "required": ["name", "source", "values", "min", "max", "step", "unit"],
            "properties": {"name": _STR, "source": _STR, "values": _STRS,
                           "min": {"type": "number"}, "max": {"type": "number"},
                           "step": {"type": "number"}, "unit": _STR}}},
        "scenarios": {"type": "array", "minItems": 2, "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "label", "answer", "values"],
            "properties": {"id": _STR, "label": _STR, "answer": _STR, "values": {
                "type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["variable", "values"],
                    "properties": {"variable": _STR, "values": _STRS}}}}}},
        "answers": {"type": "array", "minItems": 3, "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "text", "why_correct", "why_wrong"],
            "properties": {"id": _STR, "text": _STR, "why_correct": _STR,
                           "why_wrong": _STR}}},
        "stem": _STR, "lead_in": _STR, "explanation": _STR, "references": _STRS},
}


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return s[:40] or "draft"


def _number(x: str):
    try:
        v = float(x)
    except (TypeError, ValueError):
        return x
    return int(v) if v.is_integer() else v


def model_from_draft(data: dict, language: str, model_id: str = "") -> ItemModel:
    """Turn a :data:`DRAFT_SCHEMA` answer into an item model.

    A variable with values is a list; without values (and ``step`` > 0) a range. Scenario
    values are lists (numbers when they read as numbers).

    :raises ValidationError: the draft does not make a valid model (the reason).
    """
    variables = []
    for v in data["variables"]:
        d = {"name": v["name"], "source": v.get("source", ""), "unit": v.get("unit", "")}
        if v.get("values"):
            d["values"] = [_number(x) for x in v["values"]]
        else:
            d["range"] = {"min": v["min"], "max": v["max"], "step": v["step"] or 1}
            step = float(v["step"] or 1)
            d["decimals"] = 0 if step.is_integer() else len(repr(step).split(".")[1])
        variables.append(d)
    scenarios = []
    for s in data["scenarios"]:
        scenarios.append({"id": _slug(s["id"]), "label": s["label"],
                          "answer": s["answer"],
                          "values": {x["variable"]: [_number(y) for y in x["values"]]
                                     for x in s["values"] if x["values"]}})
    count = min(5, len(data["answers"]))
    doc = {"format": "eduapp-item-model", "version": 1,
           "id": model_id or f"draft-{language}-{_slug(data['topic'] or data['title'])}",
           "title": data["title"], "language": language, "topic": data["topic"],
           "system": data["system"], "bloom": "apply", "references": data["references"],
           "cognitive_model": {"problem": data["problem"],
                               "notes": "Drafted by a language model; check every value, "
                                        "rule and explanation against current guidelines."},
           "variables": variables, "scenarios": scenarios, "answers": data["answers"],
           "stem": data["stem"], "lead_in": data["lead_in"],
           "explanation": data["explanation"], "options": {"count": max(3, count)}}
    return ItemModel.from_dict(doc)


def draft_item_model(profile, topic: str, language: str = "en", *, source_text: str = "",
                     cancel=None, on_progress=None) -> tuple[ItemModel, dict]:
    """Ask ``profile`` to draft an item model on ``topic``.

    :param profile: a :class:`~eduapp.llm.ProviderProfile`; not the embedded model.
    :param source_text: a lecture note or case study to base it on (first 6,000
        characters are sent).
    :returns: ``(model, provenance)``: the validated model and ``{"provider", "model",
        "prompt_version", "structured_output", "attempts"}``.
    :raises LLMUnavailableError: the embedded model was given, or the provider is down.
    :raises LLMOutputError: no valid model after the repair retries.
    :raises ValidationError: an empty topic.
    """
    if profile.is_embedded:
        raise LLMUnavailableError(code="aig.draft-needs-stronger",
                                  values={"providers": ["OpenAI", "DeepSeek", "Qwen", "Ollama",
                                                        "vLLM"]})
    if not topic.strip():
        raise ValidationError(code="aig.draft-no-topic")
    prompt = authoring_prompt("item_model", language)
    extras = ""
    if source_text.strip():
        head = "Base it on this source:" if language == "en" else "请依据以下资料："
        extras = f"{head}\n\n{source_text[:6000]}"
    msgs = [{"role": "user", "content": prompt.render(topic=topic, extras=extras)}]
    attempts = 0
    for round_ in (1, 2):
        res = complete_json_result(profile, msgs, DRAFT_SCHEMA, schema_name="item_model",
                                   language=language, cancel=cancel,
                                   on_progress=on_progress)
        attempts += res.attempts
        try:
            model = model_from_draft(res.data, language)
        except ValidationError as e:
            if round_ == 2:
                raise LLMOutputError(code="aig.draft-unusable", values={"detail": e}) from None
            repair = load_prompt("json_repair", language).render(
                schema_name="item_model", errors=f"- {e}")
            msgs = msgs + [{"role": "assistant",
                            "content": json.dumps(res.data, ensure_ascii=False)},
                           {"role": "user", "content": repair}]
            continue
        prov = {"provider": profile.name, "model": res.model, **prompt.provenance(),
                "structured_output": res.mode, "attempts": attempts}
        return model, prov
    raise AssertionError("unreachable")
