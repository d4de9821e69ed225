"""The ten inputs from outside (``../shared/cases/README.md``) through the CLI, each
expectation of the README as an assertion. The files are read where they are, never
copied into the repository; the tests skip when the folder is absent."""

from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata
import zipfile

import pytest

from ..conftest import REPO

#: ``../shared`` beside the repository (CI); EDUAPP_SHARED_DIR points elsewhere (a worktree).
SHARED_DIR = os.environ.get("EDUAPP_SHARED_DIR") or os.path.join(REPO, "..", "shared")
CASES = os.path.join(SHARED_DIR, "cases")
pytestmark = pytest.mark.skipif(not os.path.isdir(CASES), reason="../shared/cases is absent")


def case(name: str) -> str:
    return os.path.join(CASES, name)


def ws(text: str) -> str:
    return " ".join((text or "").split())


def export_json(run_cli, tmp_path, name="all.json") -> list[dict]:
    """Every item of the bank, from an eduapp-json export (set members included)."""
    out = tmp_path / name
    code, _, _ = run_cli("bank", "export", "--format", "eduapp-json", "--out", out)
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    items = list(doc.get("items", []))
    for s in doc.get("sets", []):
        items.extend(s["items"])
    return items


def correct_texts(item: dict) -> list[str]:
    return [o["text"] for o in item["options"] if o["correct"]]


def well_formed(data: bytes) -> None:
    from lxml import etree
    etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def pdf_text(path, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def paper_pdf(out_dir) -> str:
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8")) if (
        out_dir / "manifest.json").exists() else None
    papers = sorted(p for p in os.listdir(out_dir) if p.endswith(".pdf")
                    and "paper" in p.lower() and "teacher" not in p.lower())
    assert papers, (os.listdir(out_dir), manifest)
    return str(out_dir / papers[0])


needs_poppler = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
    reason="poppler-utils (pdftotext) is not installed")


# --- case 11: QTI rubricBlock -------------------------------------------------------------


def test_case11_qti_rubricblock_kept_and_scorer_note_private(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("11-qti21-rubricblock-in-itembody.xml"),
                           "--format", "qti", "--json")
    assert code == 0 and out["imported"] == 1 and out["errors"] == []
    # anything left out is named by the item identifier (nothing is dropped here)
    for w in out["warnings"]:
        assert "dka-vignette-001" in w["message"]
    (item,) = export_json(run_cli, tmp_path)
    stem = ws(item["vignette"] + " " + item["stem"])
    vignette = ("A 19-year-old woman with type 1 diabetes has vomiting for one day, glucose "
                "28 mmol/L, pH 7.12 and ketones 5.1 mmol/L.")
    lead = "What is the first step in management?"
    assert vignette in stem and lead in stem and stem.index(vignette) < stem.index(lead)
    note = "Marker note: accept only fluids; insulin before fluids scores zero."
    assert note not in stem
    assert note in ws(item["rubric"])  # the teacher's marking notes
    assert correct_texts(item) == ["Intravenous 0.9% sodium chloride"]


@needs_poppler
def test_case11_scorer_note_not_on_the_paper_but_in_teacher_version(run_cli, tmp_path):
    run_cli("bank", "import", case("11-qti21-rubricblock-in-itembody.xml"), "--format", "qti")
    out_dir = tmp_path / "exam"
    code, _, _ = run_cli("exam", "build", "--query", "", "--count", "1", "--include-drafts",
                         "--out", out_dir)
    assert code == 0
    paper = ws(pdf_text(paper_pdf(out_dir)))
    assert "glucose 28 mmol/L" in paper and "Marker note" not in paper
    teacher = [p for p in os.listdir(out_dir) if "teacher" in p.lower() and p.endswith(".pdf")]
    assert teacher and "Marker note" in ws(pdf_text(out_dir / teacher[0]))


# --- case 14: Anki cloze hints ----------------------------------------------------------------


def test_case14_anki_cloze_hints_are_hints_never_answers(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("14-apkg-cloze-with-hints.apkg"),
                           "--format", "apkg", "--json")
    assert code == 0 and out["errors"] == [] and out["imported"] == 1
    (item,) = export_json(run_cli, tmp_path)
    assert item["type"] == "cloze"
    subs = item["extra"]["cloze"]["subquestions"]
    assert [[a["text"] for a in s["answers"] if a["fraction"] > 0] for s in subs] == \
        [["Metformin"], ["30"]]
    assert [s.get("hint") for s in subs] == ["drug class: biguanide", "number"]
    for text in [item["stem"]] + [a["text"] for s in subs for a in s["answers"]]:
        assert "{{c" not in text and "}}" not in text and "::" not in text
    assert "Risk to remember: lactic acidosis." in item["explanation"]
    from eduapp.cloze import candidate_text
    shown = candidate_text(item["stem"], subs)
    assert "[drug class: biguanide]" in shown and "[number]" in shown
    assert "Metformin" not in shown and "{1:" not in shown


# --- case 17: GBK CSV from Chinese Excel ----------------------------------------------------


def test_case17_gbk_csv_with_chinese_headers_and_tf_keys(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("17-csv-gbk-from-chinese-excel.csv"),
                           "--format", "csv", "--json")
    assert code == 0 and out["imported"] == 3 and out["errors"] == []
    assert any("GB18030" in w["message"] for w in out["warnings"])
    items = export_json(run_cli, tmp_path)
    by_stem = {i["stem"]: i for i in items}
    first = by_stem["血肌酐 ≥ 353 μmol/L 时，慢性肾脏病最可能处于哪一期？"]
    assert correct_texts(first) == ["4～5期"]
    assert any("39 ℃" in i["stem"] for i in items)
    assert sorted(i["category"] for i in items) == ["内科学/感染病", "内科学/肾脏病", "诊断学"]
    tf = next(i for i in items if i["type"] == "tf")
    assert correct_texts(tf) == ["正确"]
    assert all(i["language"] == "zh" for i in items)
    blob = json.dumps(items, ensure_ascii=False)
    assert "\ufffd" not in blob


# --- case 20: numerical tolerance bands --------------------------------------------------------


def _qti_numerical_score(xml: bytes, response: float) -> float:
    """A conforming scorer for what our QTI numerical items use: the first
    responseIf/responseElseIf whose ``equal`` (absolute tolerance) holds sets SCORE."""
    from lxml import etree
    root = etree.fromstring(xml)
    ns = {"q": root.nsmap[None]}
    for branch in root.iterfind(".//q:responseCondition/*", ns):
        eq = branch.find("q:equal", ns)
        if eq is None:
            continue
        target = float(eq.find("q:baseValue", ns).text)
        tol = float(eq.get("tolerance", "0 0").split()[0]) if \
            eq.get("toleranceMode") == "absolute" else 0.0
        if abs(response - target) <= tol + 1e-9:
            return float(branch.find("q:setOutcomeValue/q:baseValue", ns).text)
    return 0.0


def test_case20_numerical_tolerance_bands_survive_every_format(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("20-moodlexml-numerical-tolerance.xml"),
                           "--format", "moodle-xml", "--json")
    assert code == 0 and out["imported"] == 2 and out["errors"] == []
    items = export_json(run_cli, tmp_path)

    def bands(item):
        return sorted((float(o["text"]), o.get("tolerance") or 0.0,
                       o["fraction"] if o.get("fraction") is not None else
                       (1.0 if o["correct"] else 0.0)) for o in item["options"])

    ph = next(i for i in items if "pH" in i["stem"] or "pH" in i["extra"].get("title", ""))
    sodium = next(i for i in items if i is not ph)
    assert bands(ph) == [(7.4, 0.05, 1.0), (7.4, 0.1, 0.5)]
    assert bands(sodium) == [(145.0, 0.0, 1.0)]
    assert (sodium["extra"]["moodle"]["units"][0]["unit"]) == "mmol/L"
    # QTI: every band exported; a conforming scorer gives 1 / 0.5 / 0
    qti = tmp_path / "x.zip"
    assert run_cli("bank", "export", "--format", "qti", "--out", qti)[0] == 0
    with zipfile.ZipFile(qti) as zf:
        docs = [zf.read(n) for n in zf.namelist() if n.startswith("items/")]
    ph_xml = next(d for d in docs if b"7.4" in d)
    assert [_qti_numerical_score(ph_xml, r) for r in (7.43, 7.48, 7.60)] == [1.0, 0.5, 0.0]
    # practice scoring honours the same bands
    from eduapp.domain import Item
    from eduapp.practice.grading import score_response
    ph_item = Item.from_dict(ph)
    assert [score_response(ph_item, r) for r in ("7.43", "7.48", "7.60", "7,48")] == \
        [1.0, 0.5, 0.0, 0.5]
    # re-imports into fresh folders give the same bands
    for fmt, name in (("qti", "x.zip"), ("gift", "x.gift"), ("moodle-xml", "x.xml")):
        path = tmp_path / name
        if fmt != "qti":
            assert run_cli("bank", "export", "--format", fmt, "--out", path)[0] == 0
        from eduapp.interop import parse_file
        result = parse_file(str(path), fmt)
        again = {round(float(o.text), 6): None for i in result.items for o in i.options}
        assert again
        ph_again = next(i for i in result.items if any(o.text.startswith("7.4") for o in
                                                        i.options))
        assert bands(ph_again.to_dict()) == [(7.4, 0.05, 1.0), (7.4, 0.1, 0.5)], fmt


# --- case 23: GUIDs with markup characters -----------------------------------------------------

GUIDS = ["k]Z{4#:x=~", "P<&>7,h|@q", "m`$%;^!(u)"]
ANSWERS = ["Adrenaline 0.5 mg IM", "Potassium", "12 小时内"]


def _answers(items):
    out = set()
    for i in items:
        out.add(i["model_answer"])
        out.update(correct_texts(i))
    return out


@pytest.mark.parametrize("fmt,ext", [("moodle-xml", "xml"), ("gift", "gift"), ("csv", "csv"),
                                     ("qti", "zip"), ("eduapp-json", "json")])
def test_case23_identity_round_trips_through_every_format(run_cli, tmp_path, fmt, ext,
                                                          monkeypatch):
    src = case("23-apkg-guids-with-markup-chars.apkg")
    code, out, _ = run_cli("bank", "import", src, "--format", "apkg", "--json")
    assert code == 0 and out["imported"] == 3 and out["errors"] == []
    assert sorted(i["idnumber"] for i in export_json(run_cli, tmp_path)) == sorted(GUIDS)
    assert run_cli("bank", "import", src, "--format", "apkg", "--json")[1]["imported"] == 0
    before = {i["uid"]: i["version"] for i in export_json(run_cli, tmp_path, "before.json")}
    path = tmp_path / f"x.{ext}"
    assert run_cli("bank", "export", "--format", fmt, "--out", path)[0] == 0
    if fmt == "moodle-xml":
        well_formed(path.read_bytes())
    code, out, _ = run_cli("bank", "import", path, "--format", fmt, "--json")
    assert code == 0 and out["imported"] == 0, out
    assert run_cli("bank", "stats", "--json")[1]["items"] == 3
    after = export_json(run_cli, tmp_path, "after.json")
    assert {i["uid"]: i["version"] for i in after} == before  # no new version
    assert ANSWERS[0] in _answers(after) and ANSWERS[1] in _answers(after) and \
        ANSWERS[2] in _answers(after)
    if fmt in ("moodle-xml", "gift", "csv"):
        fresh = tmp_path / "fresh"
        fresh.mkdir()
        monkeypatch.setenv("EDUAPP_DATA_DIR", str(fresh))
        from eduapp.cli import main
        assert main(["--data-dir", str(fresh), "bank", "import", str(path), "--format",
                     fmt]) == 0
        from eduapp.bank import Bank
        b = Bank.open_in(str(fresh))
        try:
            assert sorted(i.idnumber for i in b.search("", limit=10) or
                          b.get_items(b.query_ids(""))) == sorted(GUIDS)
        finally:
            b.close()


# --- case 27: Word control characters -----------------------------------------------------------


def test_case27_word_control_characters_normalised(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("27-aiken-word-control-chars.txt"),
                           "--format", "aiken", "--json")
    assert code == 0 and out["imported"] == 2 and out["errors"] == []
    items = export_json(run_cli, tmp_path)
    en = next(i for i in items if i["language"] == "en")
    zh = next(i for i in items if i["language"] == "zh")
    assert ws(en["stem"]) == ("A 71-year-old man has had two falls this month. He takes "
                              "warfarin for atrial fibrillation and his INR today is 6.8 with "
                              "no bleeding. What is the most appropriate action?")
    assert en["options"][1]["text"] == "Omit warfarin and give oral vitamin K 1 to 2.5 mg"
    assert re.search(r"患者女，45岁，甲状腺功能亢进症。[ \n]服用甲巯咪唑后出现咽痛、发热。",
                     zh["stem"])
    assert zh["options"][0]["text"] == "血常规"
    blob = json.dumps(items, ensure_ascii=False)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", blob)
    stems = sorted(ws(i["stem"]) for i in items)
    for fmt, name in (("moodle-xml", "x.xml"), ("qti", "x.zip"), ("qti3", "x.qti3.zip"),
                      ("qti", "y.qti3.zip")):
        path = tmp_path / name
        assert run_cli("bank", "export", "--format", fmt, "--out", path)[0] == 0
        if fmt == "moodle-xml":
            well_formed(path.read_bytes())
        else:
            with zipfile.ZipFile(path) as zf:
                for n in zf.namelist():
                    if n.endswith(".xml"):
                        well_formed(zf.read(n))
        from eduapp.interop import parse_file
        result = parse_file(str(path), "qti" if fmt.startswith("qti") else fmt)
        assert sorted(ws(i.full_stem) for i in result.items) == stems
    code, _, _ = run_cli("exam", "build", "--query", "", "--count", "2", "--include-drafts",
                         "--out", tmp_path / "exam")
    assert code == 0


# --- case 28: glyphs missing from the fonts ---------------------------------------------------


@needs_poppler
def test_case28_no_glyph_becomes_a_question_mark(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("28-pdf-enumerators-missing-glyphs.aiken.txt"),
                           "--format", "aiken", "--json")
    assert code == 0 and out["imported"] == 3 and out["errors"] == []
    out_dir = tmp_path / "exam"
    code, _, _ = run_cli("exam", "build", "--query", "", "--count", "3", "--include-drafts",
                         "--out", out_dir)
    assert code == 0
    paper = paper_pdf(out_dir)
    text = pdf_text(paper)
    assert "?" not in text
    folded = unicodedata.normalize("NFKC", text)
    for ch in "⑴⑵⑶⑷⒈⒉":
        assert ch in text or unicodedata.normalize("NFKC", ch) in folded
    for ch in ["＜", "·", "㎡", "；", "≥", "《", "》", "：", "“", "”", "——", "……", "₂", "₃",
               "⁻", "β"]:
        assert ch in text, ch
    # the five options of the combination question stay distinct
    for combo in ("⑴⑵⑶", "⑴⑶", "⑵⑷", "⑴⑵⑶⑷"):
        assert combo in text or unicodedata.normalize("NFKC", combo) in folded
    fonts = subprocess.run(["pdffonts", paper], capture_output=True, text=True).stdout
    for line in fonts.splitlines()[2:]:
        if "Helvetica" in line:
            continue
        assert " yes " in line.split("Type", 1)[-1] or re.search(r"\byes\b", line), line


# --- case 29: HTML table of lab values -------------------------------------------------------


@needs_poppler
def test_case29_table_cells_and_lines_kept_apart(run_cli, tmp_path):
    code, out, _ = run_cli("bank", "import", case("29-moodlexml-html-table-lab-values.xml"),
                           "--format", "moodle-xml", "--json")
    assert code == 0 and out["imported"] == 2 and out["errors"] == []
    out_dir = tmp_path / "exam"
    code, _, _ = run_cli("exam", "build", "--query", "", "--count", "2", "--include-drafts",
                         "--out", out_dir)
    assert code == 0
    text = pdf_text(paper_pdf(out_dir), layout=True)
    aiken = tmp_path / "x.txt"
    assert run_cli("bank", "export", "--format", "aiken", "--out", aiken)[0] == 0
    for source in (text, aiken.read_text(encoding="utf-8")):
        lines = source.splitlines()
        rows = []
        for cells in (("Sodium", "134 mmol/L", "135-145"),
                      ("Potassium", "7.1 mmol/L", "3.5-5.0"),
                      ("Creatinine", "182 µmol/L", "60-110")):
            found = [n for n, line in enumerate(lines) if re.search(
                r"\s*(\||\s)\s*".join(map(re.escape, cells)), line)]
            assert found, (cells, source)
            rows.append(found[0])
        assert len(set(rows)) == 3
        for glued in ("Sodium134", "Potassium7.1", "mmol/L135", "mmol/L3.5", "TestResult"):
            assert glued not in source
        assert any("spironolactone and ramipril feels weak." in line for line in lines)
    zh_lines = [line.strip() for line in text.splitlines()]
    hits = [n for n, line in enumerate(zh_lines) for v in ("血钾 7.0 mmol/L", "血钠 133 mmol/L",
                                                           "血肌酐 520 μmol/L") if v in line]
    assert len(set(hits)) == 3


# --- case 33: Windows-1252 CSV ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "auto"])
def test_case33_windows1252_csv_read_as_such_never_mojibake(run_cli, tmp_path, fmt):
    code, out, _ = run_cli("bank", "import", case("33-csv-windows1252-german-excel.csv"),
                           "--format", fmt, "--json")
    assert code == 0 and out["imported"] == 3 and out["errors"] == []
    items = export_json(run_cli, tmp_path)
    assert items[0]["stem"] == ("Welches Medikament senkt bei Vorhofflimmern die Herzfrequenz "
                                "und steigert zugleich die Kontraktilität des Herzens?")
    assert items[1]["options"][0]["text"] == "500 µg"
    assert items[2]["options"][0]["text"] == "38,0 °C"
    blob = json.dumps(items, ensure_ascii=False)
    assert not re.search("[\u3400-\u9fff\ufffd]", blob)


def test_case33_undecodable_csv_rejected_naming_the_encoding(run_cli, tmp_path):
    bad = tmp_path / "bad.csv"
    # bytes that are valid GB18030 but whose characters are rare extension ideographs, and
    # whose Windows-1252 reading is runs of accented letters: neither is plausible text
    bad.write_bytes("type,stem,A,B,key\r\nsba,".encode() + bytes([0x81, 0x30, 0x82, 0x31,
                                                                  0x90, 0x40, 0x9a, 0x41])
                    + b",a,b,A\r\n")
    code, out, _ = run_cli("bank", "import", bad, "--format", "csv", "--json")
    assert code == 3 and out["imported"] == 0
    assert "UTF-8" in out["errors"][0]["message"]
    assert "gb18030" in out["errors"][0]["message"].lower()


# --- case 34: autodetection must parse, not sniff words ---------------------------------------


def test_case34_aiken_detected_despite_type_stem_comma(run_cli, tmp_path):
    src = case("34-aiken-autodetect-type-stem-comma.txt")
    code, out, _ = run_cli("bank", "import", src, "--json")
    assert code == 0 and out["imported"] == 2 and out["errors"] == []
    items = export_json(run_cli, tmp_path)
    first = next(i for i in items if i["language"] == "en")
    assert first["stem"] == ("Which cell type in the brain stem, when lost, causes the resting "
                             "tremor of Parkinson disease?")
    assert correct_texts(first) == ["Dopaminergic neurons of the substantia nigra"]
    second = next(i for i in items if i["language"] == "zh")
    assert second["stem"] == "下列关于脑干（中脑、脑桥、延髓）脑神经核位置的说法，正确的是："
    assert [o["text"] for o in second["options"]] == [
        "动眼神经核位于延髓；", "面神经核位于脑桥；", "舌下神经核位于中脑；",
        "以上说法均不正确（全错）。"]
    assert correct_texts(second) == ["面神经核位于脑桥；"]
    # the same result as --format aiken
    from eduapp.interop import parse_file
    assert [i.stem for i in parse_file(src).items] == \
        [i.stem for i in parse_file(src, "aiken").items]
