"""Errors are worded in English and Chinese from one catalogue (eduapp/messages.py): every
code has both wordings with the same placeholders, real failures raised by each package
read as Chinese sentences in Chinese (only names, numbers and values stay as they are), and
``str(error)`` stays the English sentence the CLI and the logs print."""

from __future__ import annotations

import re
import socket
import sqlite3
import string

import pytest

from eduapp.errors import (EduAppError, ImportFileError, Phrase, describe_error,
                           describe_record, describe_value)
from eduapp.messages import ERROR_TEXT

#: Latin words allowed in Chinese wordings: names of products, formats and standards, and
#: the file extensions and command options they quote.
ALLOWED_LATIN = {"EduApp", "API", "SQLite", "JSON", "HTTP", "OpenAI", "GNOME", "Keyring",
                 "KWallet", "PDF", "UTF", "GB18030", "Markdown", "SmolLM2", "csv", "pdf", "strict",
                 "true", "false", "mm", "Aiken", "Anki", "CSV", "MB", "base64", "Moodle", "XML",
                 "QTI", "zip", "zstd", "GIFT"}

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def _fields(template: str) -> set[str]:
    """The value names a template uses (``{n}``, ``{n:item|items}``, ``{name!r}`` -> n, name)."""
    return {field.split(".")[0].split("[")[0]
            for _lit, field, _spec, _conv in string.Formatter().parse(template) if field}


def _latin_words(text: str) -> list[str]:
    return [w for w in _LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


# ------------------------------------------------------------------ the catalogue

@pytest.mark.parametrize("code", sorted(ERROR_TEXT))
def test_every_code_has_both_wordings_with_the_same_placeholders(code):
    en, zh = ERROR_TEXT[code]
    assert en.strip() and zh.strip()
    assert _fields(en) == _fields(zh), code
    assert not _CJK.search(en), f"{code}: Chinese in the English wording"
    literal = "".join(lit for lit, *_ in string.Formatter().parse(zh))
    if re.search(r"[A-Za-z]", literal):
        assert _CJK.search(zh), f"{code}: no Chinese in the Chinese wording"
    assert _latin_words(literal) == [], f"{code}: English words in the Chinese wording"


def test_an_unknown_code_is_refused_at_once():
    with pytest.raises(KeyError):
        EduAppError(code="no.such-code")
    with pytest.raises(KeyError):
        Phrase("no.such-code")


def test_english_plurals_and_language_dependent_values():
    from eduapp.errors import ApprovalBlockedError, ValidationError
    assert str(ApprovalBlockedError({1: []})).startswith("1 item cannot")
    assert str(ApprovalBlockedError({1: [], 2: []})).startswith("2 items cannot")
    e = ValidationError(code="item.key-count", values={"type": Phrase("word.type.sba"), "n": 2})
    assert str(e) == "a single-best-answer item needs exactly one key, it has 2"
    assert describe_error(e, "zh") == "单项最佳选择题必须有且只有一个正确答案，现有 2 个"
    fields = ValidationError(code="item.unknown-fields", values={"fields": ["colour", "size"]})
    assert str(fields).endswith("colour, size")
    assert describe_error(fields, "zh").endswith("colour、size")


def test_an_error_without_code_reads_the_same_in_every_language():
    e = EduAppError("plain sentence")
    assert describe_error(e, "zh") == describe_error(e, "en") == "plain sentence"
    assert describe_error(ValueError("a bug"), "zh") == "a bug"


def test_import_errors_say_where_in_the_readers_language():
    e = ImportFileError(file="bank.xml", line=7, item=3, code="item.no-stem")
    assert str(e) == "bank.xml, line 7: the item has no stem"
    assert describe_error(e, "zh") == "bank.xml 第 7 行：试题没有题干"
    record = e.to_dict()
    assert record == {"file": "bank.xml", "line": 7, "item": 3,
                      "message": "the item has no stem", "code": "item.no-stem"}
    assert describe_record(record, "zh") == "试题没有题干"
    assert describe_record(dict(record), "zh") == "the item has no stem"  # copied: as stored
    old = ImportFileError("cannot parse", "a.gift", 2)                     # old signature
    assert (str(old), old.to_dict()["message"]) == ("a.gift, line 2: cannot parse",
                                                    "cannot parse")


# ------------------------------------------------------------------ real failures, per package

def _values_zh(values: dict) -> list[str]:
    return [describe_value(v, "zh") for v in values.values()]


def _check(error: BaseException, code: str) -> str:
    """``error`` has ``code``; English is ``str()``; the Chinese is Chinese apart from its
    values. :returns: the Chinese sentence."""
    assert isinstance(error, EduAppError)
    assert error.code == code, (error.code, str(error))
    assert describe_error(error, "en") == str(error)
    zh = describe_error(error, "zh")
    assert zh != str(error) and _CJK.search(zh)
    rest = zh
    if getattr(error, "file", None):             # ImportFileError, ScanError
        rest = rest.replace(str(error.file), " ")
    for value in sorted(_values_zh(error.values), key=len, reverse=True):
        rest = rest.replace(value, " ")
    assert _latin_words(rest) == [], zh
    return zh


def test_llm_provider_unreachable_key_refused_and_cut_off(scripted_server, scripted_profile,
                                                        monkeypatch):
    from eduapp.llm import chat, key_env_var
    from eduapp.llm.scripted_server import answer
    msgs = [{"role": "user", "content": "hi"}]

    scripted_server.script(answer("a long answer", finish_reason="length"))
    with pytest.raises(EduAppError) as cut:
        chat(scripted_profile, msgs)
    assert "长度上限" in _check(cut.value, "llm.truncated")

    monkeypatch.setenv(key_env_var("scripted"), "WRONG")
    with pytest.raises(EduAppError) as refused:
        chat(scripted_profile, msgs)
    assert "拒绝了 API 密钥" in _check(refused.value, "llm.key-refused")

    with socket.socket() as sock:        # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down_profile = scripted_profile.with_changes(base_url=f"http://127.0.0.1:{port}/v1")
    with pytest.raises(EduAppError) as down:
        chat(down_profile, msgs)
    zh = _check(down.value, "llm.unreachable")
    assert zh.startswith("无法连接位于 http://127.0.0.1:") and "已尝试 2 次" in zh


def test_llm_broken_json_twice(scripted_server, scripted_profile):
    from eduapp.llm import complete_json
    from eduapp.llm.scripted_server import answer
    schema = {"type": "object", "properties": {"stem": {"type": "string"}},
              "required": ["stem"], "additionalProperties": False}
    scripted_server.script(answer("not json"), answer('{"x": 1'))
    with pytest.raises(EduAppError) as e:
        complete_json(scripted_profile, [{"role": "user", "content": "q"}], schema,
                      schema_name="item")
    assert "两次返回的内容都不符合 item 格式" in _check(e.value, "llm.bad-json")


def test_domain_item_validation():
    from eduapp.domain import Item, Option
    with pytest.raises(EduAppError) as no_key:
        Item(type="sba", stem="Which drug?", options=[Option("a"), Option("b")]).validate()
    assert _check(no_key.value, "item.key-count") == "单项最佳选择题必须有且只有一个正确答案，现有 0 个"
    with pytest.raises(EduAppError) as few:
        Item(type="sba", stem="Which drug?", options=[Option("a", True)]).validate()
    assert _check(few.value, "item.too-few-options") == "选择题至少需要两个选项"
    with pytest.raises(EduAppError) as unknown:
        Item.from_dict({"type": "sba", "stem": "x", "colour": "red"})
    _check(unknown.value, "item.unknown-fields")


def test_bank_not_found_and_storage_failures(bank):
    from eduapp.storage import storage_error
    with pytest.raises(EduAppError) as missing:
        bank.get_item(424242)
    assert _check(missing.value, "bank.item-not-found") == "题库中没有编号为 424242 的试题"
    read_only = storage_error(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "只读" in _check(read_only, "store.read-only")
    full = storage_error(sqlite3.OperationalError("database or disk is full"))
    assert "磁盘已满" in _check(full, "store.disk-full")
    busy = storage_error(sqlite3.OperationalError("database is locked"))
    assert "请稍候再试" in _check(busy, "store.busy")


def test_backup_not_found_and_nothing_to_back_up(tmp_path):
    from eduapp.bank.backup import create_backup, find_backup
    with pytest.raises(EduAppError) as none:
        create_backup(str(tmp_path), "manual")
    assert "没有需要备份的内容" in _check(none.value, "backup.nothing")
    with pytest.raises(EduAppError) as unknown:
        find_backup(str(tmp_path), "nosuch.tar.zst")
    assert "没有名为 nosuch.tar.zst 的备份" in _check(unknown.value, "backup.not-found")


def test_config_data_folder_that_cannot_be_made(tmp_path):
    from eduapp.config import ensure_data_dir
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(EduAppError) as e:
        ensure_data_dir(str(blocker / "data"))
    assert "路径中有一部分不是文件夹" in _check(e.value, "config.cannot-create")


def test_files_atomic_write_into_a_missing_folder(tmp_path):
    from eduapp.files import write_json
    with pytest.raises(EduAppError) as e:
        write_json(str(tmp_path / "no" / "such" / "out.json"), {})
    assert "文件或文件夹不存在" in _check(e.value, "file.cannot-write-in")


def test_authoring_spec_and_review():
    from eduapp.authoring import QuestionSpec
    with pytest.raises(EduAppError) as e:
        QuestionSpec(topic="shock", count=80).validate()
    assert _check(e.value, "gen.count") == "每次可生成 1～50 道题"


def test_practice_session_rules():
    from eduapp.practice.builder import TestSpec
    with pytest.raises(EduAppError) as e:
        TestSpec(mode="nonsense").validate()
    _check(e.value, "practice.unknown-mode")


def test_exam_blueprint_rows(tmp_path):
    from eduapp.exams import Blueprint
    with pytest.raises(EduAppError) as e:
        Blueprint.from_dict({"rows": [{"topic": "shock", "count": 0}]})
    assert _check(e.value, "bp.count") == '考试蓝图第 1 行："count" 必须是不小于 1 的整数'
    path = tmp_path / "bp.json"
    path.write_text('{"rows": [\n{"count": 2,}]}')
    with pytest.raises(EduAppError) as bad:
        Blueprint.load(str(path))
    assert "不是有效的 JSON" in _check(bad.value, "bp.bad-json")


def test_pdf_page_size():
    from eduapp.pdf.base import page_size
    with pytest.raises(EduAppError) as e:
        page_size("B5")
    assert _check(e.value, "pdf.page-size") == "无法识别的纸张大小 'B5'；可选：A4、Letter"


def test_workspace_export_with_nothing_to_export(workspace, tmp_path):
    with pytest.raises(EduAppError) as e:
        workspace.export_items("eduapp-json", str(tmp_path / "out.json"), query="zzzz-nothing")
    assert _check(e.value, "export.nothing") == "没有符合条件的试题；未导出任何内容"


def test_marking_class_list_and_scans(tmp_path):
    from eduapp.marking.classlist import read_class_list
    from eduapp.marking.raster import load_pages
    path = tmp_path / "class.csv"
    path.write_text("candidate,name\n1001,Li Lei\n1001,Han Meimei\n", encoding="utf-8")
    with pytest.raises(EduAppError) as twice:
        read_class_list(str(path))
    zh = _check(twice.value, "classlist.twice")
    assert zh.endswith("第 3 行：准考证号 1001 出现了两次（另见第 2 行）")
    text = tmp_path / "scan.txt"
    text.write_text("not a scan")
    with pytest.raises(EduAppError) as scan:
        list(load_pages(str(text)))
    assert _check(scan.value, "scan.wrong-kind").endswith(
        "既不是 PDF 也不是图片（PDF、JPEG、PNG、TIFF、BMP、WebP）")


def test_vpatient_case_files_and_library():
    from eduapp.vpatient import CaseLibrary
    from eduapp.vpatient.model import case_from_json
    with pytest.raises(EduAppError) as bad:
        case_from_json('{"format": "eduapp-case",\n "id": }', "case.json")
    zh = _check(bad.value, "vp.bad-json")
    assert "不是有效的 JSON" in zh and "第 2 行第 8 列" in zh  # where, as the tour asked
    with pytest.raises(EduAppError) as missing:
        CaseLibrary().get("no-such-case")
    assert _check(missing.value, "vp.case-not-found").startswith(
        "没有编号为 'no-such-case' 的虚拟病人病例")


def test_aig_item_model_expressions():
    from eduapp.authoring.aig.expr import compile_expr
    with pytest.raises(EduAppError) as e:
        compile_expr("__import__('os')")
    assert "表达式中不能使用" in _check(e.value, "aig.expr-not-allowed")


def test_provenance_rules():
    from eduapp.provenance import check_provenance
    with pytest.raises(EduAppError) as e:
        check_provenance({"author": {"kind": "human", "name": ""}})
    assert _check(e.value, "prov.person") == "来源信息的 author 是人员，但没有姓名"


@pytest.mark.parametrize("message, zh", [
    ("no EduApp sheet code (QR) could be read", "无法读取 EduApp 答题卡的二维码"),
    ("a sheet of another exam (3f9a2c1b0d)", "这是另一场考试的答题卡（3f9a2c1b0d）"),
    ("form B of the exam was made again after this sheet was printed; its questions no "
     "longer match the sheet", "本答题卡印出后，B 卷又重新生成过，题目已与答题卡不符"),
    ("a note nobody coded", "a note nobody coded")])
def test_stored_sheet_messages_are_worded_per_language(message, zh):
    from eduapp.marking.model import describe_sheet_message
    assert describe_sheet_message(message, "en") == message
    assert describe_sheet_message(message, "zh") == zh


def test_interop_file_and_entry_errors(tmp_path):
    from eduapp.interop import parse_file
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    with pytest.raises(EduAppError) as e:
        parse_file(str(empty), "moodle-xml")
    assert _check(e.value, "import.empty") == f"{empty}：文件是空的"
    broken = tmp_path / "quiz.xml"
    broken.write_text("<quiz><question type='multichoice'>", encoding="utf-8")
    with pytest.raises(EduAppError) as xml:
        parse_file(str(broken), "moodle-xml")
    assert "XML 格式不正确" in _check(xml.value, "xml.not-well-formed")
    aiken = tmp_path / "q.txt"
    aiken.write_text("Which drug?\nA. Aspirin\nB. Digoxin\nANSWER: A\n\n"
                     "Which vessel?\nA. LAD\nB. RCA\nANSWER: C\n", encoding="utf-8")
    result = parse_file(str(aiken), "aiken")
    assert len(result.items) == 1 and len(result.errors) == 1
    zh = _check(result.errors[0], "aiken.answer-no-option")
    assert zh.endswith("第 9 行：ANSWER: C 指向的选项在这道题中不存在")
    assert describe_record(result.errors[0].to_dict(), "zh") == "ANSWER: C 指向的选项在这道题中不存在"
