"""One test (or table) per kind of import, export and text fault of issue 11, beyond the
ten outside cases: each kind with members the cases do not show."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pytest

from eduapp.bank import Bank
from eduapp.domain import Item, Option
from eduapp.errors import ImportFileError
from eduapp.htmltext import html_to_text
from eduapp.interop import candidate_formats, parse_file, write_file
from eduapp.language import detect_language

# --- language of imported items -------------------------------------------------------------


@pytest.mark.parametrize("text,lang", [
    ("Which drug reverses heparin?", "en"),
    ("哪种药物可逆转肝素？", "zh"),
    ("患者服用 metformin 500 mg 后出现乳酸酸中毒，最可能的原因是？", "zh"),
    ("患者使用 trimethoprim-sulfamethoxazole 和 amoxicillin-clavulanate 治疗", "zh"),
    ("下列哪项是 ACE inhibitor 的副作用？", "zh"),
    ("The TCM concept of 气 (qi) is described as vital energy flowing through meridians.",
     "en"),
    ("PaCO₂ 9.1 kPa, HCO₃⁻ 24 mmol/L", "en"),
    ("7.40", "en"),  # no letters: the default
])
def test_language_detection_share_rule(text, lang):
    assert detect_language(text) == lang


GIFT_MIXED = """::q1:: Which drug reverses heparin? {=Protamine ~Vitamin K}

::q2:: 患者服用华法林后 INR 6.8，无出血，应首选： {=停用华法林并口服维生素K ~继续原剂量}
"""


@pytest.mark.parametrize("fmt,name,text", [
    ("gift", "q.gift", GIFT_MIXED),
    ("aiken", "q.txt", "Which drug reverses heparin?\nA. Protamine\nB. Vitamin K\nANSWER: A\n\n"
                       "哪种药物可逆转肝素？\nA. 鱼精蛋白\nB. 维生素K\nANSWER: A\n"),
    ("csv", "q.csv", "type,stem,A,B,key\nsba,Which drug reverses heparin?,Protamine,Vit K,A\n"
                     "sba,哪种药物可逆转肝素？,鱼精蛋白,维生素K,A\n"),
    ("moodle-xml", "q.xml", '<?xml version="1.0"?><quiz><question type="truefalse"><name><text>'
                            "t</text></name><questiontext><text>Aspirin is an NSAID.</text>"
                            '</questiontext><answer fraction="100"><text>true</text></answer>'
                            '<answer fraction="0"><text>false</text></answer></question>'
                            '<question type="truefalse"><name><text>z</text></name>'
                            "<questiontext><text>阿司匹林属于非甾体抗炎药。</text></questiontext>"
                            '<answer fraction="100"><text>true</text></answer><answer '
                            'fraction="0"><text>false</text></answer></question></quiz>'),
])
def test_imported_items_get_their_detected_language(tmp_path, fmt, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parse_file(str(path), fmt)
    assert [i.language for i in result.items] == ["en", "zh"]
    forced = parse_file(str(path), fmt, language="zh")
    assert [i.language for i in forced.items] == ["zh", "zh"]


def test_csv_language_column_is_kept_and_cli_language_overrides(run_cli, tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("type,stem,A,B,key,language\nsba,哪种药物可逆转肝素？,鱼精蛋白,维生素K,A,en\n",
                    encoding="utf-8")
    assert parse_file(str(path), "csv").items[0].language == "en"  # the file says so
    code, out, _ = run_cli("bank", "import", path, "--language", "zh", "--json")
    assert code == 0 and out["imported"] == 1
    code, out, _ = run_cli("bank", "search", "肝素", "--json")
    assert out["items"][0]["language"] == "zh"


def test_migration_repairs_language_of_items_imported_before_detection(data_dir):
    bank = Bank.open_in(data_dir)
    zh = Item(type="sba", stem="哪种药物可逆转肝素？", options=[Option("鱼精蛋白", True),
                                                       Option("维生素K", False)],
              language="en", provenance={"source": "imported", "format": "gift"})
    manual = Item(type="sba", stem="哪种药物可逆转肝素？（手工）", language="en",
                  options=[Option("a", True), Option("b", False)],
                  provenance={"source": "manual"}, extra={"title": "Heparin antidote"})
    bank.save_item(zh)
    bank.save_item(manual)
    path = bank.path if hasattr(bank, "path") else None
    bank.close()
    import glob
    import os
    db_file = path or glob.glob(os.path.join(data_dir, "*.sqlite"))[0]
    conn = sqlite3.connect(db_file)
    conn.execute("DELETE FROM schema_version WHERE version = 4")
    conn.execute("DELETE FROM items_fts")
    conn.commit()
    conn.close()
    bank = Bank.open_in(data_dir)
    try:
        by_stem = {i.stem: i for i in bank.get_items(bank.query_ids(""))}
        assert by_stem[zh.stem].language == "zh"          # repaired
        assert by_stem[manual.stem].language == "en"      # a person chose it: kept
        assert [i.stem for i in bank.search("Heparin antidote")] == [manual.stem]  # titles
        assert [i.stem for i in bank.search("肝素")]  # the index was rebuilt
    finally:
        bank.close()


def test_linter_wrong_language_uses_the_detector():
    from eduapp.authoring import lint_item

    def flagged(item):
        return any(f.rule == "wrong-language" for f in lint_item(item))

    mixed = Item(type="sba", language="zh", stem="服用 metformin 的 2 型糖尿病患者，eGFR 低于多少"
                 "时应停药？", options=[Option("30", True), Option("60", False),
                                       Option("90", False), Option("15", False)])
    assert not flagged(mixed)
    mislabelled = Item(type="sba", language="en", stem="服用二甲双胍的患者出现乳酸酸中毒的原因是？",
                       options=[Option("a", True), Option("b", False)])
    # a person's item with a wrong label is checked as Chinese and told to fix the label;
    # a model that wrote Chinese when English was asked for is an error
    assert not flagged(mislabelled)
    assert "language-label" in {f.rule for f in lint_item(mislabelled)}
    mislabelled.provenance = {"source": "generated"}
    assert flagged(mislabelled)
    assert flagged(Item(type="sba", language="zh", stem="Which drug reverses heparin quickly?",
                        options=[Option("a", True), Option("b", False)]))


# --- CSV ---------------------------------------------------------------------------------------


def _csv(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "q.csv"
    path.write_bytes(text.encode(encoding))
    return parse_file(str(path), "csv")


def test_csv_chinese_headers_and_true_false_keys(tmp_path):
    result = _csv(tmp_path, "题型,题干,选项A,选项B,选项C,答案,解析\n单选题,首选药物是？,甲,乙,丙,B,因为乙\n"
                            "判断题,阿司匹林是抗血小板药。,,,,对,\n判断题,This is false.,,,,F,\n"
                            "多选题,哪些正确？,甲,乙,丙,AC,\n")
    assert result.errors == []
    sba, tf_zh, tf_en, multi = result.items
    assert sba.type == "sba" and sba.key_indices == [1] and sba.explanation == "因为乙"
    assert tf_zh.type == "tf" and [o.text for o in tf_zh.options] == ["正确", "错误"] and \
        tf_zh.key_indices == [0]
    assert tf_en.type == "tf" and [o.text for o in tf_en.options] == ["True", "False"] and \
        tf_en.key_indices == [1]
    assert multi.type == "multi" and multi.key_indices == [0, 2]


def test_csv_semicolon_file_with_decimal_commas(tmp_path):
    result = _csv(tmp_path, "type;stem;A;B;key;difficulty\n"
                            "numerical;Plasma osmolality ratio?;0,65:0,05;;A;0,4\n"
                            "sba;Fieber ab?;38,0 °C;37,0 °C;A;\n")
    assert result.errors == []
    num, sba = result.items
    assert num.options[0].text == "0.65" and num.options[0].tolerance == pytest.approx(0.05)
    assert num.difficulty == pytest.approx(0.4)
    assert sba.options[0].text == "38,0 °C"  # option text of a choice item stays text


def test_csv_numerical_answers_must_be_numbers(tmp_path):
    result = _csv(tmp_path, "type,stem,A,key\nnumerical,Sodium?,about 140,A\n"
                            "numerical,Potassium?,4.1:abc,A\n")
    assert result.items == []
    assert "not a number" in result.errors[0].message
    assert "not a number" in result.errors[1].message


def test_csv_detection_needs_a_real_header_row():
    from eduapp.interop import csv_format
    assert not csv_format.detect(b"Which cell type in the brain stem, when lost, causes?\n",
                                 "q.txt")
    assert csv_format.detect(b"\xe9\xa2\x98\xe5\x9e\x8b,\xe9\xa2\x98\xe5\xb9\xb2,A,B\n", "q.txt")


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,text", [
    ("gbk", "type,stem,A,B,key\nsba,血钾 7.0 mmol/L 时首选？,葡萄糖酸钙,呋塞米,A\n"),
    ("cp1252", "type;stem;A;B;key\nsba;Welche Dosis intramuskulär?;500 µg;5 mg;A\n"),
    ("cp1251", "type;stem;A;B;key\nsba;Какой препарат снижает давление?;эналаприл;глюкоза;A\n"),
    ("utf-16", "type,stem,A,B,key\nsba,Which drug?,Protamine,Vitamin K,A\n"),
])
def test_text_encodings_detected(tmp_path, encoding, text):
    result = _csv(tmp_path, text, encoding)
    assert result.errors == [] and len(result.items) == 1
    assert result.items[0].stem == text.splitlines()[1].split(text[4])[1]


# --- format detection and Aiken ----------------------------------------------------------------


def test_autodetect_falls_through_to_the_format_that_reads(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Which stem, type or cell?\nA) first\nB)second\nANSWER: B\n", encoding="utf-8")
    assert "aiken" in candidate_formats(str(path))
    result = parse_file(str(path))
    assert result.format == "aiken" and result.items[0].key_indices == [1]


@pytest.mark.parametrize("text,options", [
    ("Q?\nA)Protamine\nB)Vitamin K\nANSWER: A\n", ["Protamine", "Vitamin K"]),
    ("Q?\nA.Protamine\nB.Vitamin K\nANSWER: A\n", ["Protamine", "Vitamin K"]),
    ("问？\nA．鱼精蛋白\nB．维生素K\nANSWER：A\n", ["鱼精蛋白", "维生素K"]),
    ("问？\nA、鱼精蛋白\nB、维生素K\nANSWER: A\n", ["鱼精蛋白", "维生素K"]),
])
def test_aiken_options_without_space(tmp_path, text, options):
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    result = parse_file(str(path), "aiken")
    assert result.errors == [] and [o.text for o in result.items[0].options] == options


def test_aiken_bad_block_does_not_swallow_the_next_question(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Broken question?\na) one\nb) two\n\nGood question?\nA. yes\nB. no\n"
                    "ANSWER: A\n\nNo answer line?\nA. x\nB. y\n\nNext good?\nA. p\nB. q\n"
                    "ANSWER: B\n", encoding="utf-8")
    result = parse_file(str(path), "aiken")
    assert [i.stem for i in result.items] == ["Good question?", "Next good?"]
    assert len(result.errors) == 2 and result.errors[0].line == 1


# --- QTI: approximations are reported ------------------------------------------------------------

QTI_HOTTEXT = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="hot-1"
  title="Errors" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
    <correctResponse><value>H2</value></correctResponse></responseDeclaration>
  <itemBody><p>Find the wrong dose.</p>
    <hottextInteraction responseIdentifier="RESPONSE" maxChoices="1">
      <p>Give <hottext identifier="H1">aspirin 300 mg</hottext> and
         <hottext identifier="H2">heparin 5 g</hottext>.</p></hottextInteraction>
    <feedbackBlock outcomeIdentifier="FEEDBACK" identifier="X" showHide="show">
      <p>Shown after answering.</p></feedbackBlock>
  </itemBody>
</assessmentItem>"""


def test_qti_hottext_mapped_and_reported(tmp_path):
    path = tmp_path / "hot.xml"
    path.write_text(QTI_HOTTEXT, encoding="utf-8")
    result = parse_file(str(path), "qti")
    (item,) = result.items
    assert item.type == "multi" and [o.text for o in item.options] == \
        ["aspirin 300 mg", "heparin 5 g"] and item.key_indices == [1]
    assert "[heparin 5 g]" in html_to_text(item.stem)
    messages = " ".join(w.message for w in result.warnings)
    assert "hot-1" in messages and "approximated" in messages and "feedbackblock" in messages


# --- Moodle-like validation -------------------------------------------------------------------


def _moodle(tmp_path, body: str):
    path = tmp_path / "q.xml"
    path.write_text(f'<?xml version="1.0"?><quiz>{body}</quiz>', encoding="utf-8")
    return parse_file(str(path), "moodle-xml")


@pytest.mark.parametrize("body,error", [
    ('<question type="multichoice"><name><text>a</text></name><questiontext><text>Q?</text>'
     '</questiontext><single>false</single><answer fraction="33"><text>x</text></answer>'
     '<answer fraction="33.33333"><text>y</text></answer><answer fraction="33.33333"><text>z'
     '</text></answer></question>', "33% is not one Moodle accepts"),
    ('<question type="cloze"><name><text>c</text></name><questiontext><text>No gaps here.'
     '</text></questiontext></question>', "no subquestions"),
    ('<question type="cloze"><name><text>c</text></name><questiontext><text>Gap {1:SA:~wrong}'
     '</text></questiontext></question>', "no correct answer"),
    ('<question type="cloze"><name><text>c</text></name><questiontext><text>Gap {1:MC:=only}'
     '</text></questiontext></question>', "fewer than two choices"),
    ('<question type="numerical"><name><text>n</text></name><questiontext><text>Sodium?'
     '</text></questiontext><answer fraction="100"><text>about 140</text><tolerance>0'
     '</tolerance></answer></question>', "is not a number"),
])
def test_moodle_validation_reported_per_question(tmp_path, body, error):
    good = ('<question type="truefalse"><name><text>t</text></name><questiontext><text>Fine.'
            '</text></questiontext><answer fraction="100"><text>true</text></answer>'
            '<answer fraction="0"><text>false</text></answer></question>')
    result = _moodle(tmp_path, body + good)
    assert len(result.items) == 1 and len(result.errors) == 1
    assert error in result.errors[0].message and result.errors[0].item == 1


# --- identifiers with delimiters; re-import keeps what a format cannot carry -------------------


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "csv", "qti"])
def test_identifiers_and_tags_with_delimiters_round_trip(tmp_path, fmt):
    item = Item(type="sba", stem="Which drug?", options=[Option("a", True), Option("b", False)],
                idnumber="a]b\\c{#:=~<&", tags=["x]y", "p{q", "r#s", "t:u", "v=w~", "<&>"])
    path = tmp_path / "out"
    write_file([item], str(path), fmt)
    (again,) = parse_file(str(path), fmt).items
    assert again.idnumber == item.idnumber
    if fmt != "qti":  # QTI items have no tags
        assert again.tags == item.tags


@pytest.mark.parametrize("fmt", ["moodle-xml", "aiken", "gift", "qti"])
def test_reimport_never_blanks_fields_and_keeps_the_version(run_cli, tmp_path, fmt):
    source = tmp_path / "bank.json"
    from eduapp.interop import eduapp_json
    item = Item(type="sba", stem="Which drug reverses heparin?", vignette="A man bleeds.",
                options=[Option("Protamine", True, "It binds heparin."),
                         Option("Vitamin K", False, "That is for warfarin.")],
                explanation="Protamine neutralises heparin.", model_answer="Protamine",
                bloom="apply", topic="Haemostasis", tags=["antidotes"], idnumber="HEP-1",
                difficulty=0.7, references=["BNF"], status="approved")
    eduapp_json.write([item], str(source))
    run_cli("bank", "import", source)
    out = tmp_path / f"x.{fmt}"
    assert run_cli("bank", "export", "--format", fmt, "--out", out)[0] == 0
    code, summary, _ = run_cli("bank", "import", out, "--format", fmt, "--json")
    assert code == 0 and summary["imported"] == 0
    back = tmp_path / "back.json"
    run_cli("bank", "export", "--format", "eduapp-json", "--out", back)
    (stored,) = json.loads(back.read_text(encoding="utf-8"))["items"]
    assert stored["version"] == 1
    for field in ("vignette", "explanation", "model_answer", "bloom", "topic", "difficulty",
                  "references", "status"):
        assert stored[field] == item.to_dict()[field], field
    assert [o["explanation"] for o in stored["options"]] == ["It binds heparin.",
                                                             "That is for warfarin."]


# --- text: one HTML-to-text path; XML-forbidden characters; search titles ------------------------


@pytest.mark.parametrize("html,text", [
    ("<table><tr><td>Na</td><td>134</td></tr><tr><td>K</td><td>7.1</td></tr></table>",
     "Na | 134\nK | 7.1"),
    ("<!--[if gte mso 9]><xml><o:Office>x</o:Office></xml><![endif]--><style>p{color:red}"
     "</style><p class=MsoNormal>Word text<o:p></o:p></p><script>alert(1)</script>",
     "Word text"),
    ("<p>A long line\nwrapped in the source.</p><p>Next&nbsp;para &amp; more</p>",
     "A long line wrapped in the source.\n\nNext para & more"),
    ("<ul><li>one</li><li><p>two</p></li></ul>", "- one\n- two"),
    ("line 1<br>line 2<br/><br/>line 4", "line 1\nline 2\n\nline 4"),
    ("K < 3.5 mmol/L", "K < 3.5 mmol/L"),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_search_and_linter_read_html_as_text(bank):
    item = Item(type="sba", extra={"text_format": "html", "title": "Hyperkalaemia first step"},
                stem="<table><tr><td>Sodium</td><td>134</td></tr></table><p>Treat?</p>",
                options=[Option("Calcium gluconate", True), Option("Saline", False)])
    bank.save_item(item)
    assert bank.search("Sodium") and bank.search("Hyperkalaemia first step")
    assert not bank.search("td")


def test_xml_forbidden_characters_normalised_on_import_and_never_exported(tmp_path):
    gift = tmp_path / "q.gift"
    gift.write_text("::t:: Word\x0bline break\x07 here? {=yes\x07 ~no}\n", encoding="utf-8")
    (item,) = parse_file(str(gift), "gift").items
    assert "\x0b" not in item.stem and "\x07" not in item.stem
    assert item.options[0].text == "yes"
    dirty = Item(type="sba", stem="Bad\x0bstem\x0c", explanation="end\x07",
                 options=[Option("a\x01", True), Option("b", False)], tags=["t\x07"])
    for fmt in ("moodle-xml", "qti", "qti3"):
        path = tmp_path / f"x-{fmt}.{'zip' if fmt.startswith('qti') else 'xml'}"
        write_file([dirty], str(path), fmt)
        from lxml import etree
        if fmt == "moodle-xml":
            blobs = [path.read_bytes()]
        else:
            with zipfile.ZipFile(path) as zf:
                blobs = [zf.read(n) for n in zf.namelist() if n.endswith(".xml")]
        for blob in blobs:
            etree.fromstring(blob)  # well-formed
            assert b"\x07" not in blob and b"\x0b" not in blob


def test_qti3_format_from_the_cli(run_cli, tmp_path):
    from eduapp.interop import eduapp_json
    src = tmp_path / "b.json"
    eduapp_json.write([Item(type="sba", stem="Q?", options=[Option("a", True),
                                                             Option("b", False)])], str(src))
    run_cli("bank", "import", src)
    out = tmp_path / "x.zip"
    code, payload, _ = run_cli("bank", "export", "--format", "qti3", "--out", out, "--json")
    assert code == 0 and payload["exported"] == 1
    with zipfile.ZipFile(out) as zf:
        item_xml = next(zf.read(n) for n in zf.namelist() if n.startswith("items/"))
    assert b"qti-assessment-item" in item_xml


def test_export_reports_items_a_format_cannot_hold(run_cli, tmp_path):
    from eduapp.interop import eduapp_json
    src = tmp_path / "b.json"
    eduapp_json.write([Item(type="sba", stem="Q?", options=[Option("a", True),
                                                             Option("b", False)]),
                       Item(type="essay", stem="Discuss.", model_answer="...",
                            idnumber="ESSAY-1")], str(src))
    run_cli("bank", "import", src)
    code, payload, _ = run_cli("bank", "export", "--format", "aiken", "--out",
                               tmp_path / "x.txt", "--json")
    assert code == 1 and payload["exported"] == 1
    assert payload["not_represented"][0]["item"] == "ESSAY-1"
    assert "cannot represent" in payload["not_represented"][0]["message"]


# --- CLI and practice ---------------------------------------------------------------------------


def test_cli_output_into_a_closed_pipe_exits_quietly(data_dir, monkeypatch, capsys):
    from eduapp import cli

    class ClosedPipe(io.StringIO):
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return 1
    monkeypatch.setattr("os.dup2", lambda a, b: None)
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert cli.main(["--data-dir", data_dir, "bank", "stats"]) == 0


def test_cli_piped_into_head_has_no_traceback(data_dir, tmp_path):
    import os
    import subprocess
    import sys
    from eduapp.interop import eduapp_json
    src = tmp_path / "b.json"
    eduapp_json.write([Item(type="sba", stem=f"Heparin question number {n} " + "x" * 200,
                            options=[Option("a", True), Option("b", False)])
                       for n in range(400)], str(src))
    env = {**os.environ, "EDUAPP_DATA_DIR": data_dir}
    subprocess.run([sys.executable, "-m", "eduapp.cli", "bank", "import", str(src)], env=env,
                   check=True, capture_output=True)
    proc = subprocess.run(f"{sys.executable} -m eduapp.cli bank search heparin --limit 400 "
                          "--json | head -c 10", shell=True, env=env, capture_output=True,
                          text=True)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


@pytest.mark.parametrize("response,score", [("7.43", 1.0), ("7.48", 0.5), ("7.35", 1.0),
                                            ("7.30", 0.5), ("7.29", 0.0), ("7,45", 1.0),
                                            ("abc", 0.0)])
def test_practice_scoring_honours_tolerance_bands(response, score):
    from eduapp.practice.grading import score_response
    item = Item(type="numerical", stem="pH?", options=[
        Option("7.40", True, tolerance=0.05), Option("7.40", True, fraction=0.5, tolerance=0.1)])
    assert score_response(item, response) == score


# --- PDF glyphs -------------------------------------------------------------------------------


def test_pdf_missing_glyphs_get_a_stand_in_and_a_warning(caplog):
    from eduapp.pdf import fonts
    fonts.take_substitutions()
    markup = fonts.rich("⑴ eGFR＜30；⒈ oxygen")
    subs = fonts.take_substitutions()
    for ch in "⑴⒈":
        if ch in subs:  # no installed font has it: NFKC stand-in, named in a warning
            assert subs[ch] in markup and ch not in markup
            assert any(ch in line for line in fonts.describe_substitutions(subs))
        else:
            assert ch in markup
    assert "?" not in markup.replace("<font", "")


def test_quality_gate_does_not_flag_clean_chinese_items_of_a_file(run_cli, tmp_path):
    """The outside set: 12 clean items, 6 of them Chinese, linted from a GIFT file."""
    en = ["Which drug reverses heparin?", "Which vitamin reverses warfarin?",
          "Which electrolyte is checked before insulin in DKA?",
          "Which antibiotic treats syphilis first line?",
          "Which test confirms pulmonary embolism?", "Which nerve is injured in wrist drop?"]
    zh = ["肝素过量时首选的拮抗药物是哪一种？", "服用华法林出现 INR 6.8 且无出血时首选哪项处理？",
          "糖尿病酮症酸中毒补胰岛素前必须先检查哪项电解质？", "一期梅毒的首选治疗药物是哪一种？",
          "确诊肺栓塞首选的影像学检查是哪一项？", "桡神经损伤最典型的表现是哪一项？"]
    blocks = [f"::q{n}:: {stem} {{=答案甲 ~答案乙 ~答案丙 ~答案丁}}" if stem in zh else
              f"::q{n}:: {stem} {{=Answer one ~Answer two ~Answer three ~Answer four}}"
              for n, stem in enumerate(en + zh)]
    path = tmp_path / "set.gift"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    code, out, _ = run_cli("lint", path, "--format", "gift", "--json")
    rules = [f["rule"] for i in out["items"] for f in i["findings"]]
    assert "wrong-language" not in rules


def _qti_item(ident: str, prompt: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="{ident}"
  title="{ident}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse></responseDeclaration>
  <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
    <prompt>{prompt}</prompt><simpleChoice identifier="A">Yes</simpleChoice>
    <simpleChoice identifier="B">No</simpleChoice></choiceInteraction></itemBody>
</assessmentItem>"""


def test_qti_section_rubricblock_becomes_the_shared_case_text(tmp_path):
    manifest = """<?xml version="1.0"?><manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
      identifier="M"><organizations/><resources>
      <resource identifier="T" type="imsqti_test_xmlv2p1" href="test.xml"/>
      <resource identifier="I1" type="imsqti_item_xmlv2p1" href="i1.xml"/>
      <resource identifier="I2" type="imsqti_item_xmlv2p1" href="i2.xml"/>
      </resources></manifest>"""
    test = """<?xml version="1.0"?><assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"
      identifier="T" title="T"><testPart identifier="P" navigationMode="linear"
      submissionMode="individual"><assessmentSection identifier="S1" title="Case 1"
      visible="true"><rubricBlock view="candidate"><p>A 60-year-old man has crushing chest
      pain for 40 minutes.</p></rubricBlock>
      <assessmentItemRef identifier="i1" href="i1.xml"/>
      <assessmentItemRef identifier="i2" href="i2.xml"/></assessmentSection></testPart>
      </assessmentTest>"""
    path = tmp_path / "pkg.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest)
        zf.writestr("test.xml", test)
        zf.writestr("i1.xml", _qti_item("i1", "Is it an MI?"))
        zf.writestr("i2.xml", _qti_item("i2", "Give aspirin?"))
    result = parse_file(str(path), "qti")
    from eduapp.domain import ItemSet
    (unit,) = result.units
    assert isinstance(unit, ItemSet) and unit.kind == "case"
    assert "crushing chest pain" in " ".join(unit.vignette.split())
    assert [i.stem for i in unit.items] == ["Is it an MI?", "Give aspirin?"]
    assert any("S1" in w.message for w in result.warnings)
