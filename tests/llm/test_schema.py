"""The small JSON-schema validator."""

from __future__ import annotations

import pytest

from eduapp.llm import parse_json_object, validate_json
from tests.llm.conftest import ITEM_SCHEMA, VALID_ITEM


@pytest.mark.parametrize("value,schema,errors", [
    ("x", {"type": "string"}, []),
    (3, {"type": "string"}, ["$: expected string, got integer"]),
    (True, {"type": "integer"}, ["$: expected integer, got boolean"]),
    (2.0, {"type": "integer"}, []),
    (None, {"type": ["string", "null"]}, []),
    ("ab", {"type": "string", "minLength": 3}, ["$: shorter than 3 characters"]),
    ("心肌梗死", {"type": "string", "maxLength": 4}, []),
    (5, {"type": "number", "minimum": 1, "maximum": 4}, ["$: greater than 4"]),
    ([1, "a"], {"type": "array", "items": {"type": "integer"}},
     ["$[1]: expected integer, got string"]),
    ([], {"type": "array", "minItems": 1}, ["$: fewer than 1 entries"]),
    ({"a": 1, "b": 2}, {"type": "object", "properties": {"a": {}},
                        "additionalProperties": False}, ["$: unexpected property 'b'"]),
    ({}, {"type": "object", "required": ["a"]}, ["$: missing required property 'a'"]),
    ("c", {"enum": ["a", "b"]}, ['$: "c" is not one of "a", "b"']),
    (1, {"anyOf": [{"type": "string"}, {"type": "integer"}]}, []),
    ([], {"anyOf": [{"type": "string"}, {"type": "integer"}]},
     ["$: matches none of the allowed forms"]),
    ({"x": {"n": "1"}}, {"type": "object", "properties": {"x": {"$ref": "#/$defs/n"}},
                         "$defs": {"n": {"type": "object", "properties": {
                             "n": {"type": "integer"}}}}},
     ["$.x.n: expected integer, got string"]),
])
def test_validate_json(value, schema, errors):
    assert validate_json(value, schema) == errors


def test_item_schema_paths():
    bad = {**VALID_ITEM, "options": [{"text": "", "correct": "yes"}] * 3}
    errs = validate_json(bad, ITEM_SCHEMA)
    assert "$.options[0].text: shorter than 1 characters" in errs
    assert "$.options[2].correct: expected boolean, got string" in errs
    assert validate_json(VALID_ITEM, ITEM_SCHEMA) == []


@pytest.mark.parametrize("text", ['{"a": 1}', ' ```json\n{"a": 1}\n``` ', '```\n{"a": 1}```'])
def test_parse_json_object(text):
    assert parse_json_object(text) == {"a": 1}


def test_parse_json_object_says_where_it_breaks():
    with pytest.raises(ValueError, match="not valid JSON: .* line 1, column"):
        parse_json_object('{"a": ')


def test_parse_json_object_tolerates_raw_newlines_in_strings():
    assert parse_json_object('{"stem": "line one\nline two\tend"}') == \
        {"stem": "line one\nline two\tend"}
