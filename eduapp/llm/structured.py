"""Structured generation: ask for JSON that fits a schema, validate it, repair it once.

Never returns unvalidated output: what comes back has passed
:func:`~eduapp.llm.json_output.validate_json` against the schema given.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import LLMOutputError
from .client import CancelToken, Message, ProgressCallback, provider_phrase, stream_text
from .profiles import ProviderProfile
from .prompts import load_prompt
from .json_output import parse_json_object, validate_json

__all__ = ["JsonResult", "complete_json", "complete_json_result", "response_format_for",
           "is_strict_compatible"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JsonResult:
    """A schema-valid answer and how it was obtained (for provenance).

    :ivar data: the parsed, validated JSON value.
    :ivar model: the model name the server reported.
    :ivar mode: how JSON was asked for (``json_schema``, ``json_object_schema``,
        ``json_object``, ``none``).
    :ivar attempts: 1, or 2 when the repair retry was needed.
    :ivar completion_tokens: tokens generated over all attempts.
    :ivar elapsed_seconds: wall time over all attempts.
    """

    data: Any
    model: str
    mode: str
    attempts: int
    completion_tokens: int
    elapsed_seconds: float

    def provenance(self) -> dict:
        """``{"model", "structured_output", "attempts"}`` for an item's provenance."""
        return {"model": self.model, "structured_output": self.mode, "attempts": self.attempts}


def is_strict_compatible(schema: Any) -> bool:
    """Whether OpenAI's strict mode accepts ``schema``: every object lists all its
    properties as required and sets ``additionalProperties: false``."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            props = schema.get("properties", {})
            if schema.get("additionalProperties", True) is not False:
                return False
            if set(schema.get("required", [])) != set(props):
                return False
        return all(is_strict_compatible(v) for k, v in schema.items()
                   if k not in ("enum", "const", "default", "examples", "required"))
    if isinstance(schema, list):
        return all(is_strict_compatible(v) for v in schema)
    return True


def response_format_for(profile: ProviderProfile, schema: dict, name: str = "answer"
                        ) -> dict | None:
    """The ``response_format`` request field for ``profile``'s structured-output mode.

    :param name: schema name (OpenAI wants ``[A-Za-z0-9_-]{1,64}``).
    :returns: a dict, or ``None`` for mode ``"none"``.
    """
    mode = profile.capabilities.structured_output
    if mode == "json_schema":
        js: dict = {"name": name, "schema": schema}
        if profile.capabilities.strict_schema:
            js["strict"] = is_strict_compatible(schema)
        return {"type": "json_schema", "json_schema": js}
    if mode == "json_object_schema":
        return {"type": "json_object", "schema": schema}
    if mode == "json_object":
        return {"type": "json_object"}
    return None


def _with_schema_instruction(messages: list[dict], schema: dict, language: str) -> list[dict]:
    hint = load_prompt("json_answer", language).render(
        schema=json.dumps(schema, ensure_ascii=False, indent=1))
    out = [dict(m) for m in messages]
    if out and out[0].get("role") == "system":
        out[0]["content"] = f"{out[0]['content']}\n\n{hint}"
    else:
        out.insert(0, {"role": "system", "content": hint})
    return out


def complete_json_result(profile: ProviderProfile, messages: Sequence[Message], schema: dict,
                         *, schema_name: str = "answer", language: str = "en",
                         on_progress: ProgressCallback | None = None,
                         cancel: CancelToken | None = None, max_tokens: int | None = None,
                         temperature: float | None = None,
                         check: Callable[[Any], list[str]] | None = None) -> JsonResult:
    """Like :func:`complete_json`, but returns the data with model, attempts and timing.

    :param check: ``check(data) -> problems`` for what the schema cannot express (e.g. a
        question with two keys); its problems go into the same one repair as the schema's,
        so an artefact costs at most two model calls (DESIGN.md: "one repair retry").
    """
    mode = profile.capabilities.structured_output
    msgs = list(messages)
    if mode in ("json_object", "none"):
        msgs = _with_schema_instruction(msgs, schema, language)
    rf = response_format_for(profile, schema, schema_name)
    start = time.monotonic()
    tokens_before = 0

    def progress(tokens: int, _elapsed: float) -> None:
        if on_progress is not None:
            on_progress(tokens_before + tokens, time.monotonic() - start)

    for attempt in (1, 2):
        done = stream_text(profile, msgs, on_progress=progress, cancel=cancel,
                           max_tokens=max_tokens, temperature=temperature, response_format=rf)
        tokens_before += done.completion_tokens
        try:
            data = parse_json_object(done.text)
            errors = validate_json(data, schema)
            if not errors and check is not None:
                errors = list(check(data))
        except ValueError as e:
            errors = [str(e)]
        if not errors:
            return JsonResult(data, done.model, mode, attempt, tokens_before,
                              time.monotonic() - start)
        log.info("provider %s gave invalid JSON for %s (attempt %d): %s", profile.name,
                 schema_name, attempt, "; ".join(errors[:5]))
        if attempt == 1:
            repair = load_prompt("json_repair", language).render(
                schema_name=schema_name, errors="\n".join(f"- {x}" for x in errors[:10]))
            msgs = msgs + [{"role": "assistant", "content": done.text},
                           {"role": "user", "content": repair}]
    shown = "; ".join(errors[:3])
    raise LLMOutputError(code="llm.bad-json", values={
        "where": provider_phrase(profile), "schema": schema_name, "errors": shown})


def complete_json(profile: ProviderProfile, messages: Sequence[Message], schema: dict, *,
                  schema_name: str = "answer", language: str = "en",
                  on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                  max_tokens: int | None = None, temperature: float | None = None) -> Any:
    """Generate a JSON value that is valid for ``schema``, streaming.

    Asks with ``response_format`` json_schema where the profile supports it (llama.cpp's
    grammar form for the built-in model), else json_object with the schema in the system
    prompt; validates the answer; if it is invalid, sends it back once with the validation
    errors and asks for a corrected JSON. Worker thread only; callbacks run on it.

    :param messages: ``[{"role": ..., "content": str}, ...]`` describing the task.
    :param schema: JSON schema of the answer (subset of :mod:`eduapp.llm.json_output`).
    :param schema_name: short name of the schema, used in the request and in messages.
    :param language: ``en`` or ``zh``: language of the added instructions.
    :param on_progress: ``on_progress(tokens_so_far, elapsed_seconds)`` after each streamed
        piece, counting over both attempts.
    :param cancel: ``threading.Event``-like; checked between streamed pieces.
    :param max_tokens: answer cap in tokens per attempt; default ``profile.max_tokens``.
    :param temperature: sampling temperature; default the server's.
    :returns: the validated value (usually a dict).
    :raises LLMUnavailableError: the provider cannot be used (see :func:`stream_text`).
    :raises LLMOutputError: cut off at the length limit, or still invalid after the repair.
    :raises CancelledError: ``cancel`` was set.

    ::

        item = complete_json(profile, [{"role": "user", "content": prompt}], ITEM_SCHEMA,
                             schema_name="item", on_progress=report, cancel=stop_event)
    """
    return complete_json_result(profile, messages, schema, schema_name=schema_name,
                                language=language, on_progress=on_progress, cancel=cancel,
                                max_tokens=max_tokens, temperature=temperature).data
