"""CSV: spreadsheet round trips, encodings Excel writes, formula guarding."""

from __future__ import annotations

import pytest

from eduapp.errors import ImportFileError
from eduapp.interop import csv_format, detect_format, parse_file

from .conftest import assert_kept

HEADER = "type,stem,A,B,C,key,explanation,tags\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("utf-16", b""),
])
def test_encodings(tmp_path, encoding, prefix):
    text = HEADER + "sba,哪种药物可逆转肝素？,鱼精蛋白,维生素K,纳洛酮,A,鱼精蛋白中和肝素。,药理 | 解毒\n"
    path = tmp_path / "zh.csv"
    path.write_bytes(prefix + text.encode(encoding))
    result = csv_format.parse(str(path))
    assert result.errors == []
    [item] = result.items
    assert item.stem == "哪种药物可逆转肝素？"
    assert item.options[0].text == "鱼精蛋白" and item.key_indices == [0]
    assert item.tags == ["药理", "解毒"]


@pytest.mark.parametrize("row,message", [
    ("sba,Q?,a,b,,E,,", "empty"),
    ("sba,Q?,a,b,,A;B,,", "exactly one key"),
    ("sba,Q?,a,b,,1,,", "option letters"),
    ("unknown,Q?,a,b,,A,,", "unknown item type"),
    ("sba,,a,b,,A,,", "no stem"),
])
def test_bad_rows_are_reported_with_lines(tmp_path, row, message):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "sba,Good?,a,b,,A,,\n" + row + "\n", encoding="utf-8")
    result = csv_format.parse(str(path))
    assert len(result.items) == 1
    [error] = result.errors
    assert error.line == 3 and message in error.message


def test_semicolon_delimiter_and_multiline_cells(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text('type;stem;A;B;key\nsba;"Line one\nline two";x;y;B\n', encoding="utf-8")
    [item] = csv_format.parse(str(path)).items
    assert item.stem == "Line one\nline two" and item.key_indices == [1]


def test_missing_header(tmp_path):
    path = tmp_path / "nohead.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(ImportFileError, match="header"):
        csv_format.parse(str(path))


def test_formulas_are_guarded_and_restored(tmp_path):
    from eduapp.domain import Item, Option
    item = Item(type="sba", stem="=HYPERLINK(\"http://evil\")",
                options=[Option("-1", True), Option("+cmd|' /C calc'!A0", False)])
    path = tmp_path / "f.csv"
    csv_format.write([item], str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"'=HYPERLINK" in raw and b"'+cmd" in raw and b",-1," in raw
    [again] = csv_format.parse(str(path)).items
    assert again.stem == item.stem and [o.text for o in again.options] == ["-1", "+cmd|' /C calc'!A0"]


def test_round_trip_keeps_every_field(units, tmp_path):
    for u in units:
        u.topic, u.system, u.bloom, u.difficulty = "MI", "cardiology", "apply", 0.7
        u.exam_type, u.status, u.references = "A1", "reviewed", ["ESC 2023", "Harrison ch. 269"]
    path = tmp_path / "bank.csv"
    csv_format.write(units, str(path))
    assert detect_format(str(path)) == "csv"
    again = parse_file(str(path))
    assert again.errors == []
    fields = {"type", "stem", "vignette", "explanation", "model_answer", "rubric", "tags",
              "topic", "system", "discipline", "category", "bloom", "difficulty", "exam_type",
              "language", "status", "references", "hints", "idnumber", "marks", "extra"}
    for a, b in zip(units, again.items):
        assert b.uid == a.uid
        assert_kept(a, b, fields, {"explanation", "fraction", "match", "tolerance"})
