"""The CLI words errors and findings in ``--language``, else in the interface language of
the data folder's settings, else in English; ``--json`` keeps English unless ``--language``
is given, and always carries the language-neutral code."""

from __future__ import annotations

import json

from eduapp.config import Settings

SBA = {"format": "eduapp-json", "version": 1, "items": [{
    "type": "sba", "stem": "Which drug?", "language": "en",
    "options": [{"text": "Adrenaline", "correct": True}, {"text": "Salbutamol"},
                {"text": "Hydrocortisone"}, {"text": "Chlorphenamine"}]}]}


def _bank_file(tmp_path) -> str:
    path = tmp_path / "items.json"
    path.write_text(json.dumps(SBA), encoding="utf-8")
    return str(path)


def test_generate_language_zh_words_the_provider_error(run_cli, scripted_server, saved_profile,
                                                       bank):
    scripted_server.stop()
    code, out, err = run_cli("generate", "questions", "--topic", "asthma", "--provider",
                             "scripted", "--language", "zh")
    assert code == 3
    assert err.startswith("eduapp: 无法连接位于 http://127.0.0.1:") and "请确认该服务已启动" in err
    code, out, err = run_cli("generate", "questions", "--topic", "asthma", "--provider",
                             "scripted", "--language", "zh", "--json")
    assert code == 3 and out["code"] == "llm.unreachable"
    assert out["error"].startswith("无法连接位于 http://127.0.0.1:")
    assert bank.count() == 0


def test_generate_validation_error_in_both_languages(run_cli):
    code, _, err = run_cli("generate", "questions", "--topic", "asthma", "--count", "80",
                           "--language", "zh")
    assert code == 3 and err.strip() == "eduapp: 每次可生成 1～50 道题"
    code, _, err = run_cli("generate", "questions", "--topic", "asthma", "--count", "80")
    assert code == 3 and err.strip() == "eduapp: generate between 1 and 50 questions at a time"


def test_without_language_the_interface_setting_decides_and_json_stays_english(
        run_cli, data_dir):
    Settings(language="zh").save(data_dir)
    code, _, err = run_cli("generate", "questions", "--topic", "asthma", "--count", "80")
    assert code == 3 and err.strip() == "eduapp: 每次可生成 1～50 道题"
    code, out, _ = run_cli("generate", "questions", "--topic", "asthma", "--count", "80",
                           "--json")
    assert out == {"error": "generate between 1 and 50 questions at a time",
                   "code": "gen.count"}


def test_lint_language_zh_words_findings_and_summary(run_cli, tmp_path):
    path = _bank_file(tmp_path)
    code, out, _ = run_cli("lint", path, "--language", "zh")
    assert code == 0
    assert "没有解析" in out and "共 1 道题，其中 1 道有警告或错误" in out
    assert "missing-explanation" in out            # the rule id stays as it is
    assert "There is no explanation" not in out
    code, out, _ = run_cli("lint", path, "--language", "zh", "--json")
    finding = {f["rule"]: f for f in out["items"][0]["findings"]}["missing-explanation"]
    assert finding["message"].startswith("没有解析")
    code, out, _ = run_cli("lint", path)
    assert "There is no explanation" in out and "1 item, 1 with warnings or errors" in out


def test_lint_language_zh_when_no_file_can_be_read(run_cli, tmp_path):
    code, out, err = run_cli("lint", str(tmp_path / "missing.json"), "--language", "zh")
    assert code == 3
    assert out.splitlines()[0].startswith("错误：") and "eduapp: 没有可以读取的文件" in err


def test_lint_language_zh_words_parse_errors_of_the_file(run_cli, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Which vessel?\nA. LAD\nB. RCA\nANSWER: C\n", encoding="utf-8")
    code, out, _ = run_cli("lint", path, "--format", "aiken", "--language", "zh")
    assert f"错误：{path} 第 4 行（第 1 条）：ANSWER: C 指向的选项在这道题中不存在" in out
    code, out, _ = run_cli("lint", path, "--format", "aiken", "--json")
    assert out["errors"][0]["code"] == "aiken.answer-no-option"
    assert out["errors"][0]["message"] == "ANSWER: C names no option of this question"
