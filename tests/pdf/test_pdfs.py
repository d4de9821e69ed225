"""PDFs: text and structure read back with pypdf; keys checked against the printed paper."""

from __future__ import annotations

import io
import os
import re

import pytest
from pypdf import PdfReader

from eduapp.domain import Document, Item, Media, Option
from eduapp.exams import Blueprint, assemble, make_forms
from eduapp.pdf import (MissingMediaError, PdfLayoutError, exam_media, render_case_pdf,
                        render_exam, render_key, render_notes_pdf, render_paper, render_sheet,
                        render_teacher)
from tests.conftest import make_sba
from tests.exams.sample import fill_en, fill_zh


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    """Text without whitespace (pypdf puts spaces and breaks between font runs)."""
    return re.sub(r"\s+", "", text)


def fonts_of(path) -> set[str]:
    out = set()
    for page in PdfReader(str(path)).pages:
        for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            out.add(str(f.get_object().get("/BaseFont")))
    return out


@pytest.fixture
def en_exam(bank):
    fill_en(bank)
    r = assemble(bank, Blueprint.from_dict({"rows": [{"count": 29}]}), seed=3,
                 institution="St Elsewhere Medical School")
    assert r.complete
    exam = r.exam
    exam.date, exam.duration, exam.pass_mark = "2025-06-30", 60, 18
    make_forms(exam, 3)
    return exam


@pytest.fixture
def zh_exam(bank):
    fill_zh(bank)
    r = assemble(bank, Blueprint.from_dict({"rows": [{"count": 14}], "language": "zh"}),
                 seed=2, title="内科学期末考试")
    make_forms(r.exam, 2)
    return r.exam


def _question_chunks(text: str, count: int) -> dict[int, str]:
    """Question number -> its printed text (from 'n. ' to the next question)."""
    starts = {}
    pos = 0
    for n in range(1, count + 1):
        m = re.compile(rf"(?m)^\s*{n}\.\s").search(text, pos)
        assert m, f"question {n} not found"
        starts[n] = m.start()
        pos = m.end()
    ends = {n: starts.get(n + 1, len(text)) for n in starts}
    return {n: text[starts[n]:ends[n]] for n in starts}


def test_paper_keys_point_at_the_masters_correct_option(en_exam, tmp_path):
    masters = {i.id: i for i in en_exam.items()}
    for form in en_exam.forms:
        path = tmp_path / f"paper_{form.code}.pdf"
        pages = render_paper(en_exam, form.code, str(path))
        text = text_of(path)
        assert f"FORM {form.code}" in text and f"Page 1 of {pages}" in text
        assert f"Page {pages} of {pages}" in text and f"Form {form.code}" in text
        chunks = _question_chunks(text, len(form.questions))
        shared = {}
        for q in form.questions:
            item = masters[q.item_id]
            chunk = chunks[q.number]
            assert item.stem in " ".join(chunk.split())
            correct = next(o.text for o in item.options if o.correct)
            m = re.search(rf"(?m)^\s*{q.key}\.\s*(.+)$", chunk)
            if m is None:  # a B1 stem: the options are printed once above the set
                shared[q.number] = correct
                continue
            assert m.group(1).strip() == correct, (form.code, q.number)
        assert len(shared) == 3  # the three B1 stems


def test_paper_structure_cover_sets_and_footer(en_exam, tmp_path):
    path = tmp_path / "p.pdf"
    render_paper(en_exam, "B", str(path))
    text = text_of(path)
    for words in ("St Elsewhere Medical School", "Candidate name", "Candidate number",
                  "Instructions", "Duration", "60 minutes", "Pass mark",
                  "refer to the following case", "A 58-year-old man has crushing chest pain",
                  "for each question choose the one most closely related option",
                  "Section 1. Single best answer questions"):
        assert words in text, words
    # the case vignette is printed once, the B1 option list once
    assert text.count("crushing chest pain") == 1
    assert text.count("Acetazolamide") == 1


def test_key_and_teacher_version(en_exam, tmp_path):
    form = en_exam.forms[1]
    render_key(en_exam, "B", str(tmp_path / "k.pdf"))
    text = text_of(tmp_path / "k.pdf")
    assert "Answer key — Form B" in text
    pairs = re.findall(r"(\d+)\s+([A-E]{1,5})\b", text.split("Key", 1)[1])
    found = {int(n): k for n, k in pairs if 1 <= int(n) <= len(form.questions)}
    assert found == {q.number: q.key for q in form.questions}
    render_teacher(en_exam, str(tmp_path / "t.pdf"))
    text = text_of(tmp_path / "t.pdf")
    for words in ("Teacher's version", "Explanation", "Bloom: remember", "Difficulty: p =",
                  "Topic: cardiology topic", "Question numbers and keys by form", "Form C"):
        assert words in text, words


def test_answer_sheet_matches_the_form(en_exam, tmp_path):
    en_exam.candidate_digits = 13
    path = tmp_path / "s.pdf"
    assert render_sheet(en_exam, "C", str(path)) == 1
    text = text_of(path)
    assert "ANSWER SHEET" in text and "Form C" in text and "Candidate number" in text
    assert f"EX{en_exam.uid[:10].upper()}-C-1" in text
    for n in (1, 17, 29):
        assert re.search(rf"(?m)^{n}\b|\b{n}\s*A", text)
    # 13 columns of 0..9 bubbles for the candidate number
    assert text.count("9") >= 13


def test_a_long_exam_sheet_continues_on_a_second_page(bank, tmp_path):
    for k in range(160):
        bank.save_item(make_sba(f"question number {k}", status="approved", key=k % 5))
    r = assemble(bank, Blueprint.from_dict({"rows": [{"count": 160}]}), seed=1)
    make_forms(r.exam, 1)
    assert render_sheet(r.exam, "A", str(tmp_path / "s.pdf")) == 2
    assert "160" in text_of(tmp_path / "s.pdf")


def test_chinese_paper_layout_and_embedded_font(zh_exam, tmp_path):
    files = render_exam(zh_exam, str(tmp_path / "out"))
    paper = tmp_path / "out" / files.forms["A"]["paper"]
    text = flat(text_of(paper))
    for words in ("内科学期末考试", "A 卷", "准考证号", "考生须知", "一、A1型题", "二、A2型题",
                  "三、A3型题", "四、B1型题", "五、X型题", "答题说明", "共用题干", "共用备选答案",
                  "第1页，共", "β受体阻滞剂与ACEI"):
        assert flat(words) in text, words
    assert re.search(r"（\d+～\d+题共用题干）", text)
    assert text.count("反复心悸2年") == 1
    assert any("DroidSansFallback" in f for f in fonts_of(paper))  # embedded subset
    sheet = text_of(tmp_path / "out" / files.forms["B"]["sheet"])
    assert "答题卡" in sheet and "试卷类型" in sheet
    teacher = text_of(tmp_path / "out" / "teacher.pdf")
    assert "教师用卷" in teacher and "解析" in teacher and "答案" in teacher
    # the fixed "none of the above" option stays last in every form
    for form in zh_exam.forms:
        for q in form.questions:
            item = zh_exam.sections[q.section].units[q.unit].items[q.member]
            if item.options[-1].fixed:
                assert q.options[-1] == len(item.options) - 1


def test_letter_page_size(en_exam, tmp_path):
    render_paper(en_exam, "A", str(tmp_path / "p.pdf"), size_name="Letter")
    box = PdfReader(str(tmp_path / "p.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def _png() -> bytes:
    from PIL import Image as PILImage
    buf = io.BytesIO()
    PILImage.new("RGB", (400, 200), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_images_are_scaled_in_and_a_missing_image_is_a_clear_error(bank, tmp_path):
    item = make_sba("What does this ECG show?", status="approved",
                    media=[Media(name="ecg.png", mime="image/png", data=_png())])
    bank.save_item(item)
    r = assemble(bank, Blueprint.from_dict({"rows": [{"count": 1}]}), seed=1)
    make_forms(r.exam, 1)
    media = exam_media(bank, r.exam)
    render_paper(r.exam, "A", str(tmp_path / "p.pdf"), media=media)
    page = PdfReader(str(tmp_path / "p.pdf")).pages[1]
    assert page["/Resources"]["/XObject"]
    with pytest.raises(MissingMediaError, match="ecg.png"):
        render_paper(r.exam, "A", str(tmp_path / "q.pdf"), media={})
    assert not os.path.exists(tmp_path / "q.pdf")
    assert [f for f in os.listdir(tmp_path) if f.startswith(".eduapp")] == []


def test_a_question_longer_than_a_page_is_refused_and_nothing_is_written(bank, tmp_path):
    bank.save_item(make_sba("A very long vignette. " * 900, status="approved"))
    r = assemble(bank, Blueprint.from_dict({"rows": [{"count": 1}]}), seed=1)
    make_forms(r.exam, 1)
    with pytest.raises(PdfLayoutError, match="too long to fit on one page"):
        render_exam(r.exam, str(tmp_path / "out"))
    assert not os.path.exists(tmp_path / "out")
    assert [f for f in os.listdir(tmp_path) if f != "data"] == []


NOTES = """# Heart failure

Heart failure is a **clinical syndrome** with *typical symptoms*; see `NT-proBNP`.

## Drugs

- ACE inhibitors
  - ramipril
- β-blockers
1. first
2. second

| Drug | Dose |
|------|------|
| Bisoprolol | 1.25 mg |

```
code block line
```

> A quote.

---
"""


def test_lecture_notes_render_markdown(tmp_path):
    doc = Document(kind="notes", title="Heart failure", body=NOTES, topic="cardiology")
    assert render_notes_pdf(doc, str(tmp_path / "n.pdf")) == 1
    text = text_of(tmp_path / "n.pdf")
    for words in ("Lecture notes", "Heart failure", "clinical syndrome", "NT-proBNP",
                  "ramipril", "β-blockers", "Bisoprolol", "1.25 mg", "code block line",
                  "A quote.", "Page 1 of 1"):
        assert words in text, words
    assert "**" not in text and "|" not in text


def test_chinese_notes_and_case_study(tmp_path):
    doc = Document(kind="notes", language="zh", title="心力衰竭",
                   body="# 心力衰竭\n\n" + "心力衰竭是各种心脏疾病的**严重阶段**，常见诱因包括感染。" * 3 +
                        "\n\n- 利尿剂\n- β受体阻滞剂\n\n| 药物 | 剂量 |\n|---|---|\n| 呋塞米 | 20 mg |\n")
    render_notes_pdf(doc, str(tmp_path / "n.pdf"))
    text = flat(text_of(tmp_path / "n.pdf"))
    assert "讲义" in text and "严重阶段" in text and "呋塞米" in text and "第1页" in text
    case = Document(kind="case", language="en", title="Chest pain in a 58-year-old man",
                    data={"presentation": "Crushing chest pain for 40 minutes.",
                          "investigations": ["ECG: ST elevation V1-V4", "Troponin raised"],
                          "management": {"immediate": "Aspirin 300 mg", "definitive": "PCI"},
                          "questions": ["What is the diagnosis?"]})
    render_case_pdf(case, str(tmp_path / "c.pdf"))
    text = text_of(tmp_path / "c.pdf")
    for words in ("Case study", "Presentation", "Investigations", "ST elevation",
                  "Management", "PCI", "Questions for discussion"):
        assert words in text, words


def test_chinese_in_bold_text_is_bold_and_never_a_missing_glyph(zh_exam, tmp_path):
    """Droid Sans Fallback has no bold face: CJK runs in bold text use EduCJK-Bold, drawn
    filled and stroked; labels such as 答案 in <b> are set in a CJK font (they were in
    DejaVu Sans Bold, which has no Chinese glyphs, and printed as boxes)."""
    from eduapp.pdf.fonts import CJK, CJK_BOLD, rich, rich_markup
    assert f'name="{CJK_BOLD}"' in rich("考生须知", bold=True)
    assert f'name="{CJK}"' in rich("考生须知") and CJK_BOLD not in rich("考生须知")
    marked = rich_markup("<b>解析</b>：正文")
    assert marked.index(CJK_BOLD) < marked.index("</b>") < marked.index(f'name="{CJK}"')
    render_exam(zh_exam, str(tmp_path / "out"))
    teacher = PdfReader(str(tmp_path / "out" / "teacher.pdf"))
    page = teacher.pages[1]
    content = page.get_contents().get_data()
    assert b" 2 Tr" in content  # the synthetic bold
    assert sum("DroidSansFallback" in f for f in fonts_of(tmp_path / "out" / "teacher.pdf")) == 2
