"""Shared fixtures: a fresh bank in a temp folder, a data dir, sample items, the CLI."""

from __future__ import annotations

import json
import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from eduapp.bank import Bank  # noqa: E402
from eduapp.cli import main as cli_main  # noqa: E402
from eduapp.domain import Item, ItemSet, Option  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data folder, also set as ``EDUAPP_DATA_DIR`` so nothing touches $HOME."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("EDUAPP_DATA_DIR", str(d))
    return str(d)


@pytest.fixture
def bank(data_dir):
    """A fresh bank (migrations applied) in the temp data folder."""
    b = Bank.open_in(data_dir)
    yield b
    b.close()


def make_sba(stem="Which drug reduces mortality after myocardial infarction?", key=0, n=5,
             **kw) -> Item:
    """A valid single-best-answer item with ``n`` options, option ``key`` correct."""
    texts = ["Aspirin", "Warfarin", "Digoxin", "Verapamil", "Hydralazine", "Nifedipine"]
    options = [Option(texts[i], i == key, f"why {texts[i]}") for i in range(n)]
    return Item(type="sba", stem=stem, options=options, explanation="Aspirin lowers mortality.",
                **kw)


def make_case_set(vignette="A 58-year-old man has crushing chest pain for 40 minutes.") -> ItemSet:
    """A two-question case set (A3 style)."""
    return ItemSet(kind="case", vignette=vignette, title="Chest pain", items=[
        make_sba("What is the most likely diagnosis?"),
        make_sba("What is the first investigation?", key=1)]).attach()


@pytest.fixture
def run_cli(data_dir, capsys):
    """Run ``eduapp ARGS`` in-process; returns ``(exit_code, stdout, stderr)``; with
    ``--json`` in the args, stdout is parsed."""
    def run(*args):
        code = cli_main(["--data-dir", data_dir, *map(str, args)])
        out, err = capsys.readouterr()
        if "--json" in args and out.strip():
            out = json.loads(out)
        return code, out, err
    return run


@pytest.fixture
def scripted_server():
    """A started scripted OpenAI-compatible server on loopback
    (:class:`eduapp.llm.scripted_server.ScriptedServer`; key ``TEST_KEY``, model
    ``TEST_MODEL``): real HTTP and real streaming for the real openai client."""
    from eduapp.llm.scripted_server import ScriptedServer
    with ScriptedServer() as server:
        yield server


@pytest.fixture
def scripted_profile(scripted_server, monkeypatch):
    """A ``custom`` provider profile pointing at ``scripted_server``: json_schema mode,
    timeout 2 s, max_retries 1, key supplied through ``EDUAPP_API_KEY_SCRIPTED``."""
    from eduapp.llm import Capabilities, key_env_var, preset_profile
    from eduapp.llm.scripted_server import TEST_KEY, TEST_MODEL

    monkeypatch.setenv(key_env_var("scripted"), TEST_KEY)
    return preset_profile("custom", "scripted", base_url=scripted_server.url, model=TEST_MODEL,
                          timeout=2.0, max_retries=1,
                          capabilities=Capabilities("json_schema", needs_key=True))


@pytest.fixture
def workspace(data_dir, bank):
    """A :class:`~eduapp.workspace.Workspace` over the temp data folder and its bank."""
    from eduapp.workspace import Workspace
    ws = Workspace(data_dir, bank)
    yield ws
    ws.close_stores()


def write_json(path, doc) -> str:
    """Write ``doc`` as UTF-8 JSON and return the path as str."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False)
    return str(path)
