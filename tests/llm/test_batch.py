"""run_batch: many requests at once, results in order, errors per spec."""

from __future__ import annotations

import threading
import time

from eduapp.errors import CancelledError, LLMUnavailableError
from eduapp.llm import complete_json, run_batch
from eduapp.llm.scripted_server import answer, error

SCHEMA = {"type": "object", "properties": {"topic": {"type": "string"}},
          "required": ["topic"]}


def test_runs_concurrently_and_keeps_order(scripted_server, scripted_profile):
    def respond(body):
        topic = body["messages"][-1]["content"]
        if topic == "t3":
            return error(400, "bad topic")
        return answer({"topic": topic}, delay=0.2)

    scripted_server.responder = respond
    topics = [f"t{i}" for i in range(8)]
    done = []
    start = time.monotonic()
    outcomes = run_batch(
        lambda t: complete_json(scripted_profile, [{"role": "user", "content": t}], SCHEMA),
        topics, concurrency=4, on_done=lambda i, o: done.append(i))
    elapsed = time.monotonic() - start
    assert [o.spec for o in outcomes] == topics
    assert [o.value["topic"] if o.ok else None for o in outcomes] == \
        ["t0", "t1", "t2", None, "t4", "t5", "t6", "t7"]
    assert isinstance(outcomes[3].error, LLMUnavailableError)
    assert "bad topic" in str(outcomes[3].error)
    assert sorted(done) == list(range(8))
    assert scripted_server.max_in_flight == 4
    assert elapsed < 0.2 * 8  # one at a time would take at least 1.6 s


def test_cancel_skips_specs_not_started():
    cancel = threading.Event()

    def fn(n):
        if n == 1:
            cancel.set()
        time.sleep(0.01)
        return n * 10

    outcomes = run_batch(fn, range(6), concurrency=1, cancel=cancel)
    assert [o.value for o in outcomes[:2]] == [0, 10]
    assert all(isinstance(o.error, CancelledError) for o in outcomes[2:])


def test_a_bug_in_fn_is_collected_not_raised():
    outcomes = run_batch(lambda n: 1 // n, [1, 0, 2], concurrency=2)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert isinstance(outcomes[1].error, ZeroDivisionError)
    assert run_batch(lambda n: n, []) == []
