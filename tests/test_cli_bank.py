"""``eduapp bank ...`` through the CLI: exit codes, JSON shapes, round trips."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from eduapp.interop import eduapp_json

from .conftest import REPO, make_case_set, make_sba, write_json


def _file(tmp_path, name="bank.json", n=3):
    units = [make_sba(f"Question number {i} about angina", status="approved",
                      provenance={"source": "manual"}) for i in range(n)]
    units.append(make_case_set())
    path = tmp_path / name
    eduapp_json.write(units, str(path))
    return str(path)


def test_import_search_stats_export_round_trip(run_cli, tmp_path):
    path = _file(tmp_path)
    code, out, _ = run_cli("bank", "import", path, "--json")
    assert code == 0 and out == {"imported": 5, "updated": 0, "skipped": 0, "documents": 0,
                                 "documents_updated": 0, "documents_skipped": 0,
                                 "errors": [], "warnings": []}
    code, out, _ = run_cli("bank", "search", "angina", "--json")
    assert code == 0 and len(out["items"]) == 3
    first = out["items"][0]
    assert set(first) >= {"id", "type", "stem", "options", "status", "findings"}
    assert set(first["options"][0]) == {"text", "correct", "explanation"}
    code, out, _ = run_cli("bank", "stats", "--json")
    assert out["items"] == 5 and out["sets"] == 1 and out["by_status"]["approved"] == 3
    dest = tmp_path / "out.json"
    code, out, _ = run_cli("bank", "export", "--format", "eduapp-json", "--out", dest, "--json")
    assert code == 0 and out["exported"] == 5 and out["sets"] == 1
    original = json.loads(open(path, encoding="utf-8").read())
    exported = json.loads(dest.read_text(encoding="utf-8"))
    strip = lambda d: {k: v for k, v in d.items() if k not in ("created_at", "updated_at")}
    assert [strip(i) for i in exported["items"]] == [strip(i) for i in original["items"]]
    assert exported["sets"][0]["vignette"] == original["sets"][0]["vignette"]


def test_reimport_reports_skipped(run_cli, tmp_path):
    path = _file(tmp_path)
    run_cli("bank", "import", path)
    code, out, _ = run_cli("bank", "import", path, "--json")
    assert code == 0 and out["imported"] == 0 and out["skipped"] == 5


def test_malformed_file_exit_3_with_line(run_cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "eduapp-json",\n "items": [ {"type": "sba", }\n]}')
    code, out, err = run_cli("bank", "import", bad, "--format", "eduapp-json", "--json")
    assert code == 3
    assert out["errors"][0]["line"] == 2 and out["errors"][0]["file"] == str(bad)
    assert "Traceback" not in err


def test_some_entries_rejected_exit_1(run_cli, tmp_path):
    doc = {"format": "eduapp-json", "items": [
        make_sba("Good one").to_dict(),
        {"type": "sba", "stem": "no key", "options": [{"text": "a"}, {"text": "b"}]}]}
    path = write_json(tmp_path / "mixed.json", doc)
    code, out, _ = run_cli("bank", "import", path, "--json")
    assert code == 1 and out["imported"] == 1 and len(out["errors"]) == 1
    assert out["errors"][0]["item"] == 2
    code, out, _ = run_cli("bank", "import", path, "--strict", "--json")
    assert code == 3


def test_empty_and_binary_files(run_cli, tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(os.urandom(2048))
    for path in (empty, garbage):
        code, out, err = run_cli("bank", "import", path, "--json")
        assert code == 3 and out["errors"] and "Traceback" not in err


def test_set_status_and_unknown_id(run_cli, tmp_path):
    run_cli("bank", "import", _file(tmp_path))
    code, out, _ = run_cli("bank", "set-status", "reviewed", "1", "2", "--json")
    assert code == 0 and out["changed"] == 2
    code, out, err = run_cli("bank", "set-status", "approved", "999")
    assert code == 3 and "no item with id 999" in err


def test_usage_errors_exit_2(run_cli):
    assert run_cli("bank")[0] == 2
    assert run_cli("bank", "export", "--format", "nope", "--out", "x")[0] == 2
    assert run_cli("frobnicate")[0] == 2


def test_unusable_data_dir_is_a_clear_error(tmp_path, capsys):
    from eduapp.cli import main
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["--data-dir", str(blocker / "sub"), "bank", "stats"])
    assert code == 3 and "data folder" in capsys.readouterr().err


def test_console_script_runs_headless(data_dir):
    env = dict(os.environ, EDUAPP_DATA_DIR=data_dir)
    proc = subprocess.run([sys.executable, "-m", "eduapp.cli", "bank", "stats", "--json"],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["items"] == 0
