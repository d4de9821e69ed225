"""The client against the scripted server: answers, streaming, and every failure a user
can meet turned into a sentence."""

from __future__ import annotations

import threading
import time

import pytest

from eduapp.errors import CancelledError, LLMOutputError, LLMUnavailableError
from eduapp.llm import (LLMTruncatedError, chat, list_models, stream_text, test_connection)
from eduapp.llm.scripted_server import TEST_KEY, TEST_MODEL, answer, error

HELLO = [{"role": "user", "content": "Say hello."}]


def test_chat_returns_the_answer_and_sends_key_and_model(scripted_server, scripted_profile):
    scripted_server.script(answer("Hello, doctor."))
    done = chat(scripted_profile, HELLO, temperature=0.2)
    assert done.text == "Hello, doctor."
    assert done.model == TEST_MODEL and done.finish_reason == "stop"
    req = scripted_server.requests[-1]
    assert req.headers["authorization"] == f"Bearer {TEST_KEY}"
    assert req.body["messages"] == HELLO and req.body["temperature"] == 0.2
    assert req.body["max_tokens"] == scripted_profile.max_tokens


def test_stream_text_delivers_pieces_in_order_with_progress(scripted_server, scripted_profile):
    text = "## Shock\n\nShock is inadequate tissue perfusion. 休克是组织灌注不足。"
    scripted_server.script(answer(text, chunk_size=3))
    deltas, progress = [], []
    done = stream_text(scripted_profile, HELLO, on_delta=deltas.append,
                       on_progress=lambda n, t: progress.append((n, t)))
    assert "".join(deltas) == text == done.text
    assert len(deltas) > 5
    assert [n for n, _ in progress] == list(range(1, len(deltas) + 1))
    assert all(t2 >= t1 >= 0 for (_, t1), (_, t2) in zip(progress, progress[1:]))
    assert done.completion_tokens == len(deltas)
    assert scripted_server.chat_requests[-1]["stream"] is True


def test_rate_limit_is_retried_by_the_openai_client(scripted_server, scripted_profile):
    scripted_server.script(error(429, "slow down", headers={"retry-after-ms": "10"}),
                           answer("ok"))
    assert stream_text(scripted_profile, HELLO).text == "ok"
    assert len(scripted_server.chat_requests) == 2


def test_rate_limit_that_persists_says_overloaded(scripted_server, scripted_profile):
    scripted_server.script(*[error(429, "slow down", headers={"retry-after-ms": "10"})] * 2)
    with pytest.raises(LLMUnavailableError, match="overloaded|rate limit") as ei:
        chat(scripted_profile, HELLO)
    assert ei.value.__cause__ is not None
    assert len(scripted_server.chat_requests) == 2  # 1 try + max_retries=1, nothing on top


def test_server_error_after_retries(scripted_server, scripted_profile):
    scripted_server.script(*[error(500, "boom", headers={"retry-after-ms": "10"})] * 2)
    with pytest.raises(LLMUnavailableError, match=r"internal error \(HTTP 500\)"):
        stream_text(scripted_profile, HELLO)
    assert len(scripted_server.chat_requests) == 2


def test_server_error_then_success_is_invisible(scripted_server, scripted_profile):
    scripted_server.script(error(503, "busy", headers={"retry-after-ms": "10"}), answer("fine"))
    assert chat(scripted_profile, HELLO).text == "fine"


def test_timeout_before_the_answer(scripted_server, scripted_profile):
    profile = scripted_profile.with_changes(timeout=0.3, max_retries=0)
    scripted_server.script(answer("late", delay=1.5))
    with pytest.raises(LLMUnavailableError, match="did not answer within 0.3 seconds"):
        stream_text(profile, HELLO)  # had it waited 1.5 s, it would have got the answer


def test_timeout_in_the_middle_of_a_stream(scripted_server, scripted_profile):
    profile = scripted_profile.with_changes(timeout=0.3, max_retries=0)
    scripted_server.script(answer("a slow answer here", chunk_size=2, chunk_delay=1.0))
    with pytest.raises(LLMUnavailableError, match="did not answer within"):
        stream_text(profile, HELLO)


def test_stream_cut_in_the_middle(scripted_server, scripted_profile):
    scripted_server.script(answer("this answer never ends", chunk_size=3, cut_after=3))
    got = []
    with pytest.raises(LLMUnavailableError, match="broke off in the middle"):
        stream_text(scripted_profile, HELLO, on_delta=got.append)
    assert "".join(got) == "this answ"


def test_stream_that_ends_without_finishing(scripted_server, scripted_profile):
    scripted_server.script(answer("half an ans", finish_reason=None))
    with pytest.raises(LLMOutputError, match="stopped before the model finished"):
        stream_text(scripted_profile, HELLO)


@pytest.mark.parametrize("stream", [True, False])
def test_answer_cut_at_length_limit(scripted_server, scripted_profile, stream):
    scripted_server.script(answer("Shock is a state of", finish_reason="length"))
    call = stream_text if stream else chat
    with pytest.raises(LLMTruncatedError, match="cut off at the length limit") as ei:
        call(scripted_profile, HELLO)
    assert isinstance(ei.value, LLMOutputError)
    assert ei.value.text == "Shock is a state of"


def test_truncated_answer_can_be_accepted(scripted_server, scripted_profile):
    scripted_server.script(answer("Shock is a state of", finish_reason="length"))
    done = stream_text(scripted_profile, HELLO, allow_truncated=True)
    assert done.finish_reason == "length" and done.text == "Shock is a state of"


def test_wrong_key_is_refused_without_retry_and_without_showing_it(
        scripted_server, scripted_profile, monkeypatch, caplog):
    monkeypatch.setenv("EDUAPP_API_KEY_SCRIPTED", "sk-wrong-secret-999")
    with pytest.raises(LLMUnavailableError, match="API key was refused") as ei:
        stream_text(scripted_profile, HELLO)
    assert "sk-wrong-secret-999" not in str(ei.value) and "sk-w" not in str(ei.value)
    assert "sk-wrong-secret-999" not in caplog.text
    assert len(scripted_server.requests) == 1


def test_unknown_model(scripted_server, scripted_profile):
    profile = scripted_profile.with_changes(model="gpt-9")
    with pytest.raises(LLMUnavailableError,
                       match=f"the model gpt-9 does not exist on the provider at "
                             f"{scripted_server.url}"):
        chat(profile, HELLO)


def test_unreachable_provider(scripted_profile):
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    profile = scripted_profile.with_changes(base_url=f"http://127.0.0.1:{port}/v1",
                                            max_retries=0)
    with pytest.raises(LLMUnavailableError, match=f"127.0.0.1:{port}/v1 is unreachable"):
        stream_text(profile, HELLO)


def test_missing_key_for_a_cloud_provider(scripted_profile, monkeypatch, memory_keyring):
    monkeypatch.delenv("EDUAPP_API_KEY_SCRIPTED")
    with pytest.raises(LLMUnavailableError, match="no API key is stored for the provider "
                                                  "scripted.*EDUAPP_API_KEY_SCRIPTED"):
        chat(scripted_profile, HELLO)


def test_cloud_provider_on_a_computer_without_keychain(scripted_profile, monkeypatch,
                                                       no_keyring):
    monkeypatch.delenv("EDUAPP_API_KEY_SCRIPTED")
    with pytest.raises(LLMUnavailableError, match="no usable keychain"):
        chat(scripted_profile, HELLO)


def test_key_from_the_keychain_is_sent(scripted_server, scripted_profile, monkeypatch,
                                       memory_keyring):
    monkeypatch.delenv("EDUAPP_API_KEY_SCRIPTED")
    memory_keyring.set_password("EduApp", "scripted", TEST_KEY)
    scripted_server.script(answer("ok"))
    assert chat(scripted_profile, HELLO).text == "ok"


def test_bad_request_quotes_the_server(scripted_server, scripted_profile):
    scripted_server.script(error(400, "context length exceeded"))
    with pytest.raises(LLMUnavailableError, match=r"rejected the request \(HTTP 400\): "
                                                  r"context length exceeded"):
        chat(scripted_profile, HELLO)


def test_cancel_mid_stream_stops_quickly(scripted_server, scripted_profile):
    scripted_server.script(answer("x" * 200, chunk_size=1, chunk_delay=0.02))
    cancel = threading.Event()
    got = []

    def progress(n, _t):
        got.append(n)
        if n == 5:
            cancel.set()

    start = time.monotonic()
    with pytest.raises(CancelledError):
        stream_text(scripted_profile, HELLO, on_progress=progress, cancel=cancel)
    assert time.monotonic() - start < 2.0  # not the 4 s the whole answer takes
    assert got[-1] == 5
    deadline = time.monotonic() + 2  # the server notices the hang-up
    while scripted_server.disconnects == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scripted_server.disconnects == 1


def test_cancel_before_start_sends_nothing(scripted_server, scripted_profile):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        stream_text(scripted_profile, HELLO, cancel=cancel)
    assert scripted_server.requests == []


def test_test_connection_reports_latency_and_model(scripted_server, scripted_profile):
    scripted_server.script(answer("OK", delay=0.1))
    latency, model = test_connection(scripted_profile)
    assert 0.1 <= latency < 2 and model == TEST_MODEL
    assert scripted_server.chat_requests[-1]["max_tokens"] <= 8


def test_test_connection_wrong_key(scripted_profile, monkeypatch):
    monkeypatch.setenv("EDUAPP_API_KEY_SCRIPTED", "nope")
    with pytest.raises(LLMUnavailableError, match="API key was refused"):
        test_connection(scripted_profile)


def test_list_models(scripted_server, scripted_profile):
    scripted_server.models = ["b-model", "a-model"]
    assert list_models(scripted_profile) == ["a-model", "b-model"]


def test_list_models_not_offered(scripted_server, scripted_profile):
    scripted_server.script()
    from eduapp.llm.scripted_server import Reply
    scripted_server.models_reply = Reply(status=404, message="no such route")
    with pytest.raises(LLMUnavailableError, match="does not list its models"):
        list_models(scripted_profile)
    from eduapp.llm import Capabilities
    assert list_models(scripted_profile.with_changes(
        capabilities=Capabilities(list_models=False))) == []


def test_local_server_without_key_works_on_a_computer_without_keychain(no_keyring):
    from eduapp.llm import preset_profile
    from eduapp.llm.scripted_server import ScriptedServer
    with ScriptedServer(api_key=None) as server:
        server.script(answer("hi"))
        profile = preset_profile("ollama", "local", base_url=server.url, model=TEST_MODEL)
        assert chat(profile, HELLO).text == "hi"
        assert server.requests[-1].headers["authorization"] == "Bearer no-key-needed"


def test_key_not_in_debug_logs(scripted_server, scripted_profile, caplog):
    import logging
    caplog.set_level(logging.DEBUG)
    scripted_server.script(error(500, "x", headers={"retry-after-ms": "1"}), answer("ok"))
    stream_text(scripted_profile, HELLO)
    assert caplog.records and TEST_KEY not in caplog.text
