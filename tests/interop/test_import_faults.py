"""Import faults by kind (issue 12, interop): catch-all answers in every format that has
them, encoding sniffing before format sniffing, and the note that a code page was assumed.
Each test is written from minimal inputs of its own."""

from __future__ import annotations

import json

import pytest

from eduapp.domain import Item, Option
from eduapp.interop import detect_format, parse_file, write_file
from eduapp.practice.grading import score_numerical

# --- catch-all answers (Moodle's "*": any other response) -----------------------------------


def _numerical(share: float | None) -> Item:
    """6 x 7 with a half-credit band and a catch-all worth ``share`` (``None``: 0%)."""
    star = Option("*", correct=bool(share), fraction=share, explanation="any other answer")
    return Item(type="numerical", stem="What is 6 x 7?",
                options=[Option("42", True, "right", tolerance=0.5),
                         Option("40", True, "close", fraction=0.5, tolerance=1.0), star])


RESPONSES = ("42", "42.4", "39.5", "7", "-100")


def _round_trip(tmp_path, item: Item, fmt: str) -> Item:
    ext = {"csv": ".csv", "moodle-xml": ".xml", "gift": ".gift", "qti": ".zip",
           "qti3": ".qti3.zip", "eduapp-json": ".json", "apkg": ".apkg"}[fmt]
    path = tmp_path / f"out{ext}"
    assert write_file([item], str(path), fmt) == []
    result = parse_file(str(path), "qti" if fmt == "qti3" else fmt)
    assert result.errors == []
    [again] = result.items
    return again


@pytest.mark.parametrize("fmt", ["csv", "moodle-xml", "gift", "eduapp-json", "apkg", "qti",
                                 "qti3"])
def test_numerical_catch_all_at_zero_survives_a_round_trip(tmp_path, fmt):
    """The CSV export of a numerical item with a ``*`` answer was refused on re-import
    ('is not a number'); every format must read back what it wrote."""
    item = _numerical(None)
    again = _round_trip(tmp_path, item, fmt)
    assert [score_numerical(again, r) for r in RESPONSES] == \
        [score_numerical(item, r) for r in RESPONSES]
    if not fmt.startswith("qti"):  # QTI keeps no per-answer feedback of a text entry
        [star] = [o for o in again.options if o.text == "*"]
        assert star.explanation == "any other answer" and not star.correct


@pytest.mark.parametrize("fmt", ["csv", "moodle-xml", "eduapp-json", "apkg", "qti", "qti3"])
def test_numerical_catch_all_worth_marks_survives_a_round_trip(tmp_path, fmt):
    item = _numerical(0.2)
    again = _round_trip(tmp_path, item, fmt)
    scores = [score_numerical(again, r) for r in RESPONSES]
    assert scores == [score_numerical(item, r) for r in RESPONSES] == [1, 1, 0.5, 0.2, 0.2]


def test_gift_reports_a_catch_all_worth_marks_instead_of_zeroing_it(tmp_path):
    """Moodle's GIFT reader gives the ``~`` catch-all 0%: writing a 20% one as ``~`` would
    silently change the marking, so the item is left out and reported."""
    path = tmp_path / "out.gift"
    [left_out] = write_file([_numerical(0.2), _numerical(None)], str(path), "gift")
    assert "catch-all" in left_out["message"]
    assert len(parse_file(str(path), "gift").items) == 1


def test_hand_written_catch_alls_are_read(tmp_path):
    csv_path = tmp_path / "q.csv"
    csv_path.write_text("type,stem,A,B,C,key,fractions\n"
                        "numerical,6 x 7?,42,*:0,,A,\n"
                        "numerical,7 x 8?,56:0.5,*,,A;B,B=0.25\n", encoding="utf-8")
    first, second = parse_file(str(csv_path)).items
    assert [o.text for o in first.options] == ["42", "*"] and not first.options[1].correct
    assert score_numerical(second, "99") == 0.25 and score_numerical(second, "56.4") == 1
    gift_path = tmp_path / "q.gift"
    gift_path.write_text("::q:: 7 x 8? {#=56:0.5 =%25%*#anything else}\n", encoding="utf-8")
    [item] = parse_file(str(gift_path)).items
    assert score_numerical(item, "99") == 0.25 and item.options[-1].explanation == \
        "anything else"


QTI_SHORT = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="s1"
    title="s" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>LAD</value></correctResponse>
    <mapping defaultValue="0.25"><mapEntry mapKey="LAD" mappedValue="1"/></mapping>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody><p>Which artery? <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
</assessmentItem>
"""


def test_qti_mapping_default_is_the_short_answer_catch_all(tmp_path):
    """QTI's ``mapping defaultValue`` scores every response the mapping does not name:
    Moodle's ``*`` answer. Read as one, and written back as one."""
    path = tmp_path / "short.xml"
    path.write_text(QTI_SHORT, encoding="utf-8")
    [item] = parse_file(str(path)).items
    assert [(o.text, o.correct, o.fraction) for o in item.options] == \
        [("LAD", True, None), ("*", True, 0.25)]
    for fmt in ("qti", "qti3"):
        again = _round_trip(tmp_path, item, fmt)
        assert [(o.text, o.fraction) for o in again.options] == [("LAD", None), ("*", 0.25)]


# --- encoding sniffing before format sniffing -----------------------------------------------

AIKEN = "肝素过量用什么拮抗？\nA. 鱼精蛋白\nB. 维生素K\nANSWER: A\n"
GIFT = "::q1:: 肝素过量用什么拮抗？ {=鱼精蛋白 ~维生素K}\n"
CSV = "type,stem,A,B,key\nsba,肝素过量用什么拮抗？,鱼精蛋白,维生素K,A\n"
MOODLE = ('<?xml version="1.0" encoding="UTF-16"?>\n<quiz><question type="multichoice">'
          '<name><text>q</text></name><questiontext format="html"><text>肝素过量用什么拮抗？'
          '</text></questiontext><answer fraction="100"><text>鱼精蛋白</text></answer>'
          '<answer fraction="0"><text>维生素K</text></answer><single>true</single>'
          '</question></quiz>\n')
QTI = QTI_SHORT.replace('encoding="UTF-8"', 'encoding="UTF-16"')
JSON = json.dumps({"format": "eduapp-json", "version": 1, "items": [
    {"type": "sba", "stem": "肝素过量用什么拮抗？",
     "options": [{"text": "鱼精蛋白", "correct": True}, {"text": "维生素K"}]}]},
    ensure_ascii=False)
BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
        "utf-32-be": b"\x00\x00\xfe\xff"}


#: format -> (text, file name): names that do not give the format away
FILES = {"aiken": (AIKEN, "q.txt"), "gift": (GIFT, "q.txt"), "csv": (CSV, "q.txt"),
         "moodle-xml": (MOODLE, "q.xml"), "qti": (QTI, "q.xml"), "eduapp-json": (JSON, "q.json")}


@pytest.mark.parametrize("encoding", sorted(BOMS))
@pytest.mark.parametrize("fmt", sorted(FILES))
def test_text_with_a_byte_order_mark_is_decoded_before_its_format_is_sniffed(
        tmp_path, encoding, fmt):
    """A UTF-16 Aiken file (Notepad's "Unicode") was read only with ``--format aiken``:
    the format detectors saw NUL bytes. Every text format is decoded first."""
    text, name = FILES[fmt]
    path = tmp_path / name
    path.write_bytes(BOMS[encoding] + text.encode(encoding))
    assert detect_format(str(path)) == fmt
    result = parse_file(str(path))
    assert result.format == fmt and result.errors == [] and len(result.items) == 1
    assert result.warnings == []  # a byte-order mark states the encoding: nothing assumed


def test_utf16_aiken_file_imports_from_the_cli_without_a_format(run_cli, tmp_path):
    path = tmp_path / "aiken.txt"
    path.write_bytes(b"\xff\xfe" + AIKEN.encode("utf-16-le"))
    code, payload, _ = run_cli("bank", "import", path, "--json")
    assert code == 0 and payload["imported"] == 1 and payload["errors"] == []


# --- the note that an encoding was assumed --------------------------------------------------


@pytest.mark.parametrize("fmt", ["aiken", "gift", "csv"])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_guessed_code_page_is_noted_in_the_import_summary(tmp_path, fmt, encoding):
    """A GBK Aiken or GIFT file imported with no word that it was not UTF-8: the summary
    now says which encoding was assumed (GB18030 reads GBK)."""
    text = FILES[fmt][0]
    path = tmp_path / "q.txt"
    path.write_bytes(text.encode(encoding))
    result = parse_file(str(path))
    assert result.format == fmt and len(result.items) == 1
    assert result.items[0].stem.startswith("肝素过量用什么拮抗")
    [note] = result.warnings
    assert "not UTF-8" in note.message and "GB18030" in note.message
    path.write_bytes(text.encode("utf-8"))
    assert parse_file(str(path)).warnings == []


def test_the_note_names_a_western_code_page_and_reaches_the_cli(run_cli, tmp_path):
    path = tmp_path / "aiken.txt"
    path.write_bytes("Welche Dosis intramuskulär?\nA. 500 µg\nB. 5 mg\nANSWER: A\n"
                     .encode("cp1252"))
    code, payload, _ = run_cli("bank", "import", path, "--json")
    assert code == 0 and payload["imported"] == 1
    [note] = payload["warnings"]
    assert "Windows-1252" in note["message"] and note["file"] == str(path)
    code, text, _ = run_cli("bank", "import", path)
    assert "note:" in text and "not UTF-8" in text


# --- files that are not question content ----------------------------------------------------


def test_anki_template_files_and_unused_media_are_a_note_not_a_rejection(run_cli, tmp_path):
    """A deck whose note type ships ``_font.ttf`` (Anki keeps ``_`` files for templates) and
    an orphaned picture imported with exit 1, as if a question had been refused."""
    import genanki
    deck = genanki.Deck(321, "Cardio")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL,
                               fields=["What reverses heparin?", "Protamine"]))
    files = []
    for name, data in (("_font.ttf", b"\x00\x01\x00\x00font"), ("old.png", b"\x89PNG\r\n\x1a\n")):
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    path = tmp_path / "deck.apkg"
    genanki.Package(deck, media_files=files).write_to_file(str(path))
    code, payload, _ = run_cli("bank", "import", path, "--json")
    assert code == 0 and payload["imported"] == 1 and payload["errors"] == []
    notes = " ".join(w["message"] for w in payload["warnings"])
    assert "1 template file(s)" in notes and "_font.ttf" in notes
    assert "1 media file(s) no note refers to" in notes and "old.png" in notes
