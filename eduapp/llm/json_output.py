"""A small JSON-schema validator for the subset EduApp's generation schemas use.

Supported keywords: ``type`` (a name or a list of names), ``properties``, ``required``,
``additionalProperties`` (``true``/``false`` or a schema), ``items``, ``enum``, ``const``,
``minItems``/``maxItems``, ``minLength``/``maxLength``, ``minimum``/``maximum``,
``anyOf``, ``$ref`` to ``#/$defs/...`` or ``#/definitions/...``. Annotations such as
``title``, ``description`` and ``default`` are ignored. Unknown keywords are ignored too,
so a schema may carry hints for other tools; keep the rules that matter inside the subset.

Pure functions, no state: safe on any thread.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["validate_json", "parse_json_object"]

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    and not (isinstance(v, float) and not math.isfinite(v)),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def validate_json(value: Any, schema: dict, *, max_errors: int = 20) -> list[str]:
    """Check ``value`` (parsed JSON) against ``schema``.

    :param value: the parsed document (dicts, lists, str, int, float, bool, None).
    :param schema: a JSON schema using the subset in the module docstring.
    :param max_errors: stop after this many errors.
    :returns: the errors as short sentences with a JSON path, e.g.
        ``"$.options[2].text: expected string, got null"``; empty when valid.

    ::

        >>> validate_json({"stem": 3}, {"type": "object", "properties": {"stem": {"type": "string"}}})
        ['$.stem: expected string, got integer']
    """
    errors: list[str] = []
    _check(value, schema, "$", schema, errors, max_errors)
    return errors[:max_errors]


def parse_json_object(text: str) -> Any:
    """Parse a model's answer as JSON, tolerating a Markdown code fence around it and raw
    control characters (a literal newline or tab) inside strings, which some servers'
    grammars let through.

    :param text: the model's raw output.
    :returns: the parsed value.
    :raises ValueError: the text is not JSON (message says where it breaks).
    """
    s = text.strip()
    if s.startswith("```"):
        s = s.split("\n", 1)[1] if "\n" in s else ""
        if s.rstrip().endswith("```"):
            s = s.rstrip()[:-3]
    try:
        return json.loads(s, strict=False)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None


def _type_name(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def _resolve(schema: dict, root: dict) -> dict:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref!r} (only local #/... references)")
        node: Any = root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        schema = node
        seen += 1
    return schema


def _check(v: Any, schema: Any, path: str, root: dict, errors: list[str], limit: int) -> None:
    if len(errors) >= limit:
        return
    if schema is True or schema == {}:
        return
    if schema is False:
        errors.append(f"{path}: no value is allowed here")
        return
    schema = _resolve(schema, root)

    if "anyOf" in schema:
        if not any(not _validate_sub(v, s, root) for s in schema["anyOf"]):
            errors.append(f"{path}: matches none of the allowed forms")
            return

    t = schema.get("type")
    if t is not None:
        names = t if isinstance(t, list) else [t]
        if not any(_TYPES.get(n, lambda _v: True)(v) for n in names):
            errors.append(f"{path}: expected {' or '.join(names)}, got {_type_name(v)}")
            return

    if "enum" in schema and v not in schema["enum"]:
        allowed = ", ".join(json.dumps(x, ensure_ascii=False) for x in schema["enum"][:10])
        errors.append(f"{path}: {json.dumps(v, ensure_ascii=False)[:60]} is not one of {allowed}")
    if "const" in schema and v != schema["const"]:
        errors.append(f"{path}: must be {json.dumps(schema['const'], ensure_ascii=False)}")

    if isinstance(v, str):
        if "minLength" in schema and len(v) < schema["minLength"]:
            errors.append(f"{path}: shorter than {schema['minLength']} characters")
        if "maxLength" in schema and len(v) > schema["maxLength"]:
            errors.append(f"{path}: longer than {schema['maxLength']} characters")
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        if "minimum" in schema and v < schema["minimum"]:
            errors.append(f"{path}: less than {schema['minimum']}")
        if "maximum" in schema and v > schema["maximum"]:
            errors.append(f"{path}: greater than {schema['maximum']}")
    elif isinstance(v, list):
        if "minItems" in schema and len(v) < schema["minItems"]:
            errors.append(f"{path}: fewer than {schema['minItems']} entries")
        if "maxItems" in schema and len(v) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} entries")
        items = schema.get("items")
        if items is not None:
            for i, x in enumerate(v):
                _check(x, items, f"{path}[{i}]", root, errors, limit)
    elif isinstance(v, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in v:
                errors.append(f"{path}: missing required property {name!r}")
        extra = schema.get("additionalProperties", True)
        for k, x in v.items():
            sub = f"{path}.{k}"
            if k in props:
                _check(x, props[k], sub, root, errors, limit)
            elif extra is False:
                errors.append(f"{path}: unexpected property {k!r}")
            elif isinstance(extra, dict):
                _check(x, extra, sub, root, errors, limit)


def _validate_sub(v: Any, schema: Any, root: dict) -> list[str]:
    # errors of v against a sub-schema of root (used by anyOf)
    errors: list[str] = []
    _check(v, schema, "$", root, errors, 5)
    return errors
