"""complete_json: how JSON is asked for, validation, the one repair retry."""

from __future__ import annotations

import json
import threading

import pytest

from eduapp.errors import CancelledError, LLMOutputError
from eduapp.llm import (Capabilities, LLMTruncatedError, complete_json, complete_json_result,
                        is_strict_compatible, load_prompt)
from tests.llm.conftest import ITEM_SCHEMA, VALID_ITEM
from eduapp.llm.scripted_server import answer

ASK = [{"role": "system", "content": "You write exam items."},
       {"role": "user", "content": "One item about the deltoid."}]


def _mode(profile, mode, strict=False):
    return profile.with_changes(capabilities=Capabilities(mode, strict_schema=strict))


def test_valid_answer_first_time(scripted_server, scripted_profile):
    scripted_server.script(answer(VALID_ITEM))
    progress = []
    got = complete_json(scripted_profile, ASK, ITEM_SCHEMA, schema_name="item",
                        on_progress=lambda n, t: progress.append(n))
    assert got == VALID_ITEM
    assert progress and progress == sorted(progress)
    assert len(scripted_server.chat_requests) == 1


@pytest.mark.parametrize("mode,expected", [
    ("json_schema", {"type": "json_schema",
                     "json_schema": {"name": "item", "schema": ITEM_SCHEMA}}),
    ("json_object_schema", {"type": "json_object", "schema": ITEM_SCHEMA}),
    ("json_object", {"type": "json_object"}),
    ("none", None),
])
def test_response_format_follows_the_profile(scripted_server, scripted_profile, mode, expected):
    scripted_server.script(answer(VALID_ITEM))
    complete_json(_mode(scripted_profile, mode), ASK, ITEM_SCHEMA, schema_name="item")
    body = scripted_server.chat_requests[-1]
    assert body.get("response_format") == expected
    assert body["stream"] is True
    system = body["messages"][0]
    if mode in ("json_object", "none"):  # the schema travels in the prompt instead
        assert system["role"] == "system" and system["content"].startswith("You write exam")
        assert '"options"' in system["content"] and "JSON" in system["content"]
        assert len(body["messages"]) == 2
    else:
        assert body["messages"] == ASK


def test_schema_instruction_added_when_there_is_no_system_message(scripted_server,
                                                                  scripted_profile):
    scripted_server.script(answer(VALID_ITEM))
    complete_json(_mode(scripted_profile, "json_object"), ASK[1:], ITEM_SCHEMA, language="zh")
    msgs = scripted_server.chat_requests[-1]["messages"]
    assert msgs[0]["role"] == "system" and "JSON 模式" in msgs[0]["content"]
    assert msgs[1] == ASK[1]


def test_strict_is_sent_only_for_schemas_openai_accepts(scripted_server, scripted_profile):
    loose = {"type": "object", "properties": {"a": {"type": "string"}}}
    scripted_server.script(answer(VALID_ITEM), answer({"a": "x"}))
    complete_json(_mode(scripted_profile, "json_schema", strict=True), ASK, ITEM_SCHEMA)
    complete_json(_mode(scripted_profile, "json_schema", strict=True), ASK, loose)
    first, second = scripted_server.chat_requests
    assert first["response_format"]["json_schema"]["strict"] is True
    assert second["response_format"]["json_schema"]["strict"] is False
    assert is_strict_compatible(ITEM_SCHEMA) and not is_strict_compatible(loose)


@pytest.mark.parametrize("bad,why", [
    ('{"stem": "Which nerve", "options": [', "not valid JSON"),
    (json.dumps({**VALID_ITEM, "bloom": "memorise"}), "is not one of"),
    (json.dumps({"stem": "x", "options": []}), "fewer than 3"),
])
def test_invalid_then_repaired(scripted_server, scripted_profile, bad, why):
    scripted_server.script(answer(bad), answer(VALID_ITEM))
    result = complete_json_result(scripted_profile, ASK, ITEM_SCHEMA, schema_name="item")
    assert result.data == VALID_ITEM and result.attempts == 2
    first, second = scripted_server.chat_requests
    # the repair request carries the invalid answer and the validation errors
    assert second["messages"][:2] == ASK
    assert second["messages"][2] == {"role": "assistant", "content": bad}
    repair = second["messages"][3]
    assert repair["role"] == "user" and why in repair["content"] and '"item"' in repair["content"]
    assert result.provenance()["attempts"] == 2


def test_repair_prompt_in_chinese(scripted_server, scripted_profile):
    scripted_server.script(answer("not json"), answer(VALID_ITEM))
    complete_json(scripted_profile, ASK, ITEM_SCHEMA, schema_name="item", language="zh")
    repair = scripted_server.chat_requests[1]["messages"][-1]["content"]
    assert repair.startswith(load_prompt("json_repair", "zh").text[:10])


def test_invalid_twice_raises_and_stores_nothing(scripted_server, scripted_profile):
    scripted_server.script(answer("Sure! Here is your question: ..."),
                           answer({"stem": "Which nerve?"}))
    with pytest.raises(LLMOutputError, match="answered twice .* item format .*missing required "
                                             "property 'options'"):
        complete_json(scripted_profile, ASK, ITEM_SCHEMA, schema_name="item")
    assert len(scripted_server.chat_requests) == 2  # one repair, no more


def test_code_fence_around_json_is_accepted(scripted_server, scripted_profile):
    scripted_server.script(answer("```json\n" + json.dumps(VALID_ITEM) + "\n```"))
    assert complete_json(scripted_profile, ASK, ITEM_SCHEMA) == VALID_ITEM


def test_cut_off_json_is_not_repaired(scripted_server, scripted_profile):
    scripted_server.script(answer('{"stem": "Which', finish_reason="length"))
    with pytest.raises(LLMTruncatedError):
        complete_json(scripted_profile, ASK, ITEM_SCHEMA, max_tokens=5)
    assert scripted_server.chat_requests[0]["max_tokens"] == 5
    assert len(scripted_server.chat_requests) == 1


def test_progress_counts_over_both_attempts(scripted_server, scripted_profile):
    scripted_server.script(answer("nope nope nope", chunk_size=1), answer(VALID_ITEM))
    seen = []
    complete_json(scripted_profile, ASK, ITEM_SCHEMA, on_progress=lambda n, t: seen.append(n))
    assert seen == list(range(1, len(seen) + 1))
    assert seen[-1] > len("nope nope nope")


def test_cancel_during_json_stream(scripted_server, scripted_profile):
    scripted_server.script(answer(VALID_ITEM, chunk_size=1, chunk_delay=0.02))
    cancel = threading.Event()
    with pytest.raises(CancelledError):
        complete_json(scripted_profile, ASK, ITEM_SCHEMA,
                      on_progress=lambda n, t: n >= 3 and cancel.set(), cancel=cancel)
    assert len(scripted_server.chat_requests) == 1
