"""JSON schemas of every generated artefact (the subset :mod:`eduapp.llm.json_output` checks).

Tight on purpose, for small models: bounded string lengths, bounded list sizes, the key of
a single-best-answer item as one index (so there is exactly one key by construction; that
it is in range is checked after generation, see :func:`eduapp.authoring.questions.check_generated`).
Every object lists all its properties as required and forbids others, so OpenAI's strict
mode accepts the schemas too.
"""

from __future__ import annotations

import copy

from ..domain import SYSTEMS

__all__ = ["question_schema", "NOTES_SCHEMA", "CASE_SCHEMA", "verify_schema",
           "QUESTION_KINDS", "grammar_schema"]

#: ``--type`` values and what they generate.
QUESTION_KINDS = ("sba", "multi", "tf", "short", "vignette")


def _s(lo: int, hi: int) -> dict:
    return {"type": "string", "minLength": lo, "maxLength": hi}


def _obj(props: dict) -> dict:
    return {"type": "object", "properties": props, "required": list(props),
            "additionalProperties": False}


def _arr(items: dict, lo: int, hi: int) -> dict:
    return {"type": "array", "items": items, "minItems": lo, "maxItems": hi}


_TAGS = _arr(_s(1, 40), 0, 5)
_SYSTEM = {"enum": list(SYSTEMS) + ["other"]}
_REFS = _arr(_s(3, 200), 0, 3)


def question_schema(kind: str, n_options: int = 5) -> dict:
    """The schema of one generated question of ``kind`` (see :data:`QUESTION_KINDS`).

    :param n_options: options of an ``sba``/``vignette`` item (4 or 5).
    :raises ValueError: unknown kind.
    """
    opt = _obj({"text": _s(1, 120), "explanation": _s(5, 300)})
    if kind in ("sba", "vignette"):
        props = {}
        if kind == "vignette":
            props["vignette"] = _s(80, 900)
        props.update({
            "stem": _s(15, 300 if kind == "sba" else 200),
            "options": _arr(opt, n_options, n_options),
            "key": {"type": "integer", "minimum": 0, "maximum": n_options - 1},
            "explanation": _s(10, 600), "system": _SYSTEM, "tags": _TAGS,
            "references": _REFS})
        return _obj(props)
    if kind == "multi":
        mopt = _obj({"text": _s(1, 120), "correct": {"type": "boolean"},
                     "explanation": _s(5, 300)})
        return _obj({"stem": _s(15, 300), "options": _arr(mopt, 4, 6),
                     "explanation": _s(10, 600), "system": _SYSTEM, "tags": _TAGS,
                     "references": _REFS})
    if kind == "tf":
        return _obj({"statement": _s(15, 300), "answer": {"type": "boolean"},
                     "explanation": _s(10, 600), "system": _SYSTEM, "tags": _TAGS,
                     "references": _REFS})
    if kind == "short":
        point = _obj({"point": _s(3, 200), "marks": {"type": "integer", "minimum": 1,
                                                     "maximum": 5}})
        return _obj({"question": _s(15, 300), "model_answer": _s(5, 800),
                     "accepted_answers": _arr(_s(1, 80), 1, 5), "rubric": _arr(point, 1, 6),
                     "explanation": _s(0, 600), "system": _SYSTEM, "tags": _TAGS,
                     "references": _REFS})
    raise ValueError(f"unknown question kind {kind!r}")


NOTES_SCHEMA = _obj({
    "title": _s(3, 120),
    "learning_objectives": _arr(_s(5, 200), 2, 6),
    "sections": _arr(_obj({"heading": _s(2, 100), "body": _s(20, 2500)}), 2, 8),
    "key_points": _arr(_s(5, 250), 3, 8),
    "summary_table": _obj({"columns": _arr(_s(1, 40), 2, 5),
                           "rows": _arr(_arr(_s(1, 150), 2, 5), 1, 10)}),
    "self_check": _arr(_obj({"question": _s(5, 250), "answer": _s(1, 400)}), 2, 6),
})

CASE_SCHEMA = _obj({
    "title": _s(3, 120),
    "presentation": _s(20, 600),
    "history": _s(20, 1500),
    "examination": _s(10, 1000),
    "investigations": _arr(_obj({"test": _s(2, 100), "result": _s(1, 300)}), 1, 12),
    "differential_diagnosis": _arr(_obj({"diagnosis": _s(2, 100), "reasoning": _s(5, 400)}),
                                   2, 6),
    "final_diagnosis": _s(2, 150),
    "management": _arr(_s(5, 300), 1, 10),
    "discussion_questions": _arr(_obj({"question": _s(5, 300), "answer": _s(5, 800)}), 2, 6),
})


def verify_schema(kind: str, n_options: int) -> dict:
    """The schema of a blind answer: option letters (one for sba/tf, a list for multi)."""
    letters = [chr(ord("A") + i) for i in range(n_options)]
    if kind == "multi":
        return _obj({"answers": _arr({"enum": letters}, 1, n_options)})
    return _obj({"answer": {"enum": letters}})


#: Longest ``maxLength`` in a llama.cpp grammar: the server drops the connection on the
#: grammar of a 2,500-character bound (a lecture-note section), so longer bounds are cut
#: to this; the tiny model's text is short anyway.
GRAMMAR_MAX_LENGTH = 300
#: Most list entries in a llama.cpp grammar (never below a list's minimum): the embedded
#: model's context is 2,048 tokens, so its lecture notes stay short.
GRAMMAR_MAX_ITEMS = 3


def grammar_schema(schema: dict) -> dict:
    """``schema`` rewritten for llama.cpp's grammar mode (the embedded model).

    The grammar converter of llama-cpp-python 0.3 ignores ``minimum``/``maximum``, so a
    small integer range becomes an ``enum`` (the key of an SBA item can only be 0..4).
    String length limits stay, cut to :data:`GRAMMAR_MAX_LENGTH`: they keep the tiny model
    from rambling inside a string until its token budget cuts the answer off (measured
    here: 200-500 tokens, 6-12 s per SBA item on 2 cores, every answer schema-valid).
    """
    if isinstance(schema, dict):
        if (schema.get("type") == "integer" and "minimum" in schema and "maximum" in schema
                and schema["maximum"] - schema["minimum"] <= 20):
            return {"enum": list(range(schema["minimum"], schema["maximum"] + 1))}
        lo = schema.get("minItems", 0)
        return {k: (min(v, GRAMMAR_MAX_LENGTH) if k == "maxLength" else
                    max(lo, min(v, GRAMMAR_MAX_ITEMS)) if k == "maxItems" else grammar_schema(v))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [grammar_schema(v) for v in schema]
    return schema


def copy_schema(schema: dict) -> dict:
    """A deep copy (schemas are shared module constants)."""
    return copy.deepcopy(schema)
