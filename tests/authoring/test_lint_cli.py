"""``eduapp lint FILE...``: the gate on files, nothing stored, file order, exit codes."""

from __future__ import annotations

from tests.conftest import write_json

AIKEN = """Which of the following is not a beta-blocker?
A. Atenolol
B. Bisoprolol
C. Amlodipine
D. Metoprolol
ANSWER: C

Which enzyme is deficient in classic phenylketonuria?
A. Phenylalanine hydroxylase
B. Tyrosinase
C. Homogentisate oxidase
D. Cystathionine synthase
ANSWER: A
"""


def test_lint_file_in_order_without_storing(run_cli, tmp_path, bank):
    path = tmp_path / "q.txt"
    path.write_text(AIKEN, encoding="utf-8")
    code, out, err = run_cli("lint", path, "--format", "aiken", "--json")
    assert code == 0, err
    stems = [i["stem"] for i in out["items"]]
    assert stems[0].startswith("Which of the following is not") and len(stems) == 2
    rules = [f["rule"] for f in out["items"][0]["findings"]]
    assert "negative-stem" in rules
    neg = next(f for f in out["items"][0]["findings"] if f["rule"] == "negative-stem")
    assert neg["span"][0] == "stem" and stems[0][neg["span"][1]:neg["span"][2]] == "not"
    assert bank.count() == 0


def test_lint_eduapp_json_chinese(run_cli, tmp_path):
    doc = {"format": "eduapp-json", "version": 1, "items": [
        {"type": "sba", "stem": "下列哪项不是β受体阻滞剂", "language": "zh",
         "options": [{"text": "阿替洛尔"}, {"text": "比索洛尔"}, {"text": "氨氯地平", "correct": True},
                     {"text": "以上都不是"}]}]}
    path = write_json(tmp_path / "zh.json", doc)
    code, out, _ = run_cli("lint", path, "--json")
    assert code == 0
    rules = {f["rule"] for f in out["items"][0]["findings"]}
    assert {"negative-stem", "none-of-the-above"} <= rules


def test_lint_unreadable_files_exit_3(run_cli, tmp_path):
    code, out, _ = run_cli("lint", tmp_path / "missing.txt", "--json")
    assert code == 3 and out["items"] == [] and out["errors"]


def test_lint_text_output(run_cli, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text(AIKEN, encoding="utf-8")
    code, out, _ = run_cli("lint", path, "--format", "aiken")
    assert code == 0 and "negative-stem" in out and "2 items, 2 with warnings or errors" in out
