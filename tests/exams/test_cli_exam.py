"""``eduapp exam build``: files, manifest, exit codes."""

from __future__ import annotations

import json
import os

import pytest

from eduapp.bank import Bank
from tests.conftest import REPO, write_json
from tests.exams.sample import fill_en


@pytest.fixture
def filled(data_dir):
    b = Bank.open_in(data_dir)
    fill_en(b)
    b.close()
    return data_dir


def test_build_writes_papers_keys_sheets_teacher_and_manifest(filled, run_cli, tmp_path):
    bp = write_json(tmp_path / "bp.json", {"title": "Midterm", "rows": [
        {"system": "cardiology", "bloom": {"remember": 2, "apply": 3}},
        {"system": "respiratory", "count": 4}]})
    out = tmp_path / "out"
    code, manifest, err = run_cli("exam", "build", "--blueprint", bp, "--forms", "3",
                                  "--seed", "7", "--out", out, "--json")
    assert code == 0, err
    names = sorted(os.listdir(out))
    assert names == sorted(["manifest.json", "teacher.pdf"] + [
        f"{k}_{c}.pdf" for k in ("paper", "key", "sheet") for c in "ABC"])
    on_disk = json.load(open(out / "manifest.json", encoding="utf-8"))
    assert on_disk["exam_id"] == manifest["exam_id"] and manifest["shortfalls"] == []
    assert [f["code"] for f in manifest["forms"]] == ["A", "B", "C"]
    for f in manifest["forms"]:
        assert len(f["items"]) == len(f["key"]) == 9
        assert all(set(k) <= set("ABCDE") for k in f["key"])
        assert {"item_id", "version", "number", "options"} <= set(f["items"][0])
    # the same seed builds the same exam again (items of the last exam are avoided,
    # so allow every item again with a zero window in the blueprint)
    bp2 = write_json(tmp_path / "bp2.json", {"title": "Midterm", "recent_exam_window": 0,
                                             "rows": json.load(open(bp))["rows"]})
    code, again, _ = run_cli("exam", "build", "--blueprint", bp2, "--forms", "3", "--seed",
                             "7", "--out", tmp_path / "again", "--json")
    assert code == 0
    assert [f["key"] for f in again["forms"]] == [f["key"] for f in manifest["forms"]]


def test_short_blueprint_exits_1_and_lists_cells(filled, run_cli, tmp_path):
    bp = write_json(tmp_path / "bp.json", {"rows": [{"system": "cardiology", "count": 3},
                                                    {"system": "neurology", "count": 2}]})
    code, out, _ = run_cli("exam", "build", "--blueprint", bp, "--out", tmp_path / "o")
    assert code == 1
    assert "short: neurology: 2 needed, 0 approved items available" in out
    assert os.path.exists(tmp_path / "o" / "paper_A.pdf")


def test_nothing_to_assemble_exits_3_and_writes_nothing(filled, run_cli, tmp_path):
    code, out, _ = run_cli("exam", "build", "--query", "nonexistentword", "--count", "3",
                           "--out", tmp_path / "o", "--json")
    assert code == 3 and out["shortfalls"][0]["request"]["count"] == 3
    assert not os.path.exists(tmp_path / "o")


@pytest.mark.parametrize("args", [("--query", "x"), ("--query", "x", "--count", "2",
                                                      "--forms", "0")])
def test_usage_errors_exit_2(filled, run_cli, tmp_path, args):
    code, _, err = run_cli("exam", "build", *args, "--out", tmp_path / "o")
    assert code == 2 and "exam build" in err


def test_bad_blueprint_file_is_a_sentence(filled, run_cli, tmp_path):
    p = tmp_path / "bp.json"
    p.write_text("{not json")
    code, _, err = run_cli("exam", "build", "--blueprint", p, "--out", tmp_path / "o")
    assert code == 3 and "line 1" in err and "Traceback" not in err


def test_query_build_in_chinese(data_dir, run_cli, tmp_path):
    from tests.exams.sample import fill_zh
    b = Bank.open_in(data_dir)
    fill_zh(b)
    b.close()
    code, m, err = run_cli("exam", "build", "--query", "心肌梗死", "--count", "3", "--language",
                           "zh", "--out", tmp_path / "o", "--json", "--title", "测验")
    assert code in (0, 1), err
    assert m["language"] == "zh" and m["title"] == "测验"


def test_starter_bank_builds_if_present(data_dir, run_cli, tmp_path):
    starter = os.path.join(REPO, "question_banks", "starter_en.json")
    if not os.path.exists(starter):
        pytest.skip("no starter bank yet")
    assert run_cli("bank", "import", starter)[0] in (0, 1)
    bp = os.path.join(REPO, "docs", "blueprint.example.json")
    code, m, err = run_cli("exam", "build", "--blueprint", bp, "--forms", "2", "--seed", "1",
                           "--out", tmp_path / "o", "--json")
    assert code in (0, 1), err
    assert m["question_count"] > 0 and len(m["forms"]) == 2
