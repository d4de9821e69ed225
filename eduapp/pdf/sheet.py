"""The answer sheet (bubble sheet) of one form, drawn directly on the canvas.

It matches the form: one row per question with exactly that question's option letters;
bubbles for the candidate number (``exam.candidate_digits`` columns of 0-9; the Chinese
licensing exam uses 13) and for the form code; four solid registration marks in the
corners (for scanner alignment); the exam id as a Code128 barcode and a QR code
(``{"exam": uid, "id", "form", "page", "questions"}``), from ``reportlab.graphics.barcode``.

Geometry in points: bubbles 9.6 pt wide, 15 pt apart horizontally, rows 13.5 pt apart,
a gap after every 5 rows; registration marks 12 pt squares 22 pt from each edge.
"""

from __future__ import annotations

import json

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from ..exams.model import LETTERS, Exam
from .base import atomic_output, page_size
from .fonts import LATIN, LATIN_BOLD, draw_string, register_fonts

MARK = 12.0
MARK_INSET = 22.0
BUBBLE_W, BUBBLE_H = 9.6, 7.2
PITCH_X, PITCH_Y = 15.0, 13.5
NUM_W = 22.0
COL_GAP = 14.0
PINK = colors.HexColor("#c0306a")


def sheet_id(exam: Exam, form_code: str, page: int) -> str:
    """The text in the Code128 barcode: ``EX<id or uid[:10]>-<form>-<page>``."""
    ident = str(exam.id) if exam.id is not None else exam.uid[:10].upper()
    return f"EX{ident}-{form_code}-{page}"


def _bubble(c: Canvas, cx: float, cy: float, label: str) -> None:
    """One bubble with its label, drawn once per label as a form XObject and reused
    (a 100-question sheet has ~650 bubbles)."""
    name = f"bubble_{label}"
    done = getattr(c, "_edu_bubbles", None)
    if done is None:
        done = c._edu_bubbles = set()
    if name not in done:
        c.beginForm(name, lowerx=-BUBBLE_W, lowery=-BUBBLE_H, upperx=BUBBLE_W,
                    uppery=BUBBLE_H)
        _draw_bubble(c, 0, 0, label)
        c.endForm()
        done.add(name)
    c.saveState()
    c.translate(cx, cy)
    c.doForm(name)
    c.restoreState()


def _draw_bubble(c: Canvas, cx: float, cy: float, label: str) -> None:
    c.setStrokeColor(PINK)
    c.setLineWidth(0.7)
    c.ellipse(cx - BUBBLE_W / 2, cy - BUBBLE_H / 2, cx + BUBBLE_W / 2, cy + BUBBLE_H / 2)
    c.setFillColor(PINK)
    c.setFont(LATIN, 5.2)
    c.drawCentredString(cx, cy - 1.8, label)


def _marks(c: Canvas, w: float, h: float) -> None:
    c.setFillColor(colors.black)
    for x, y in ((MARK_INSET, MARK_INSET), (w - MARK_INSET - MARK, MARK_INSET),
                 (MARK_INSET, h - MARK_INSET - MARK), (w - MARK_INSET - MARK,
                                                       h - MARK_INSET - MARK)):
        c.rect(x, y, MARK, MARK, stroke=0, fill=1)


def _codes(c: Canvas, exam: Exam, form_code: str, page: int, w: float, top: float) -> None:
    payload = json.dumps({"exam": exam.uid, "id": exam.id, "form": form_code, "page": page,
                          "questions": len(exam.form(form_code).questions)},
                         separators=(",", ":"))
    widget = qr.QrCodeWidget(payload, barLevel="M")
    b = widget.getBounds()
    size = 62.0
    d = Drawing(size, size, transform=[size / (b[2] - b[0]), 0, 0, size / (b[3] - b[1]), 0, 0])
    d.add(widget)
    renderPDF.draw(d, c, w - 48 - size, top - size)
    text = sheet_id(exam, form_code, page)
    bc = code128.Code128(text, barHeight=22, barWidth=0.9, humanReadable=True, fontSize=7,
                         fontName=LATIN)
    bc.drawOn(c, w - 48 - size - bc.width - 8, top - 34)


def render_sheet(exam: Exam, form_code: str, path: str, *, size_name: str = "A4",
                 form_choices: int | None = None) -> int:
    """Write the answer sheet of form ``form_code`` to ``path`` (atomically).

    :param form_choices: how many form bubbles (A..) to offer; default: the exam's forms
        (at least 4, so a sheet can be used with any of the usual four forms).
    :returns: the number of pages.
    :raises NotFoundError: the exam has no such form.
    """
    register_fonts()
    form = exam.form(form_code)
    w, h = page_size(size_name)
    lang = exam.language
    zh = lang == "zh"
    questions = [(q.number, len(exam.sections[q.section].units[q.unit].items[q.member].options))
                 for q in form.questions]
    max_opts = max((n for _, n in questions), default=5)
    col_w = NUM_W + max_opts * PITCH_X + COL_GAP
    left, right = 48.0, w - 48.0
    n_cols = max(1, int((right - left + COL_GAP) // col_w))
    bottom = 52.0

    with atomic_output(path) as tmp:
        c = Canvas(tmp, pagesize=(w, h))
        c.setTitle(f"{exam.title} — answer sheet {form_code}")
        c.setCreator("EduApp")
        page = 1
        remaining = list(questions)
        while True:
            _marks(c, w, h)
            top = h - 52
            _codes(c, exam, form_code, page, w, top)
            draw_string(c, left, top - 12, "答题卡" if zh else "ANSWER SHEET", 15, bold=True)
            draw_string(c, left, top - 28, exam.title, 10.5)
            sub = (f"{form_code} 卷" if zh else f"Form {form_code}")
            if exam.institution:
                sub = f"{exam.institution} · {sub}"
            draw_string(c, left, top - 41, sub, 9)
            y = top - 74
            # name box
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            draw_string(c, left, y + 4, "姓名" if zh else "Name", 9, bold=True)
            c.rect(left + 42, y - 2, 230, 18)
            if page == 1:
                y = _candidate_block(c, exam, form_code, left, y - 24, w, zh,
                                     form_choices or max(4, len(exam.forms)))
            else:
                draw_string(c, left + 290, y + 4, (f"第 {page} 页" if zh else f"Page {page}"), 9)
                y -= 24
            # answers
            y_top = y - 8
            rows_fit = 0
            yy = y_top
            while yy - PITCH_Y >= bottom:
                rows_fit += 1
                yy -= PITCH_Y + (4 if rows_fit % 5 == 0 else 0)
            per_page = rows_fit * n_cols
            chunk, remaining = remaining[:per_page], remaining[per_page:]
            per_col = -(-len(chunk) // n_cols) if chunk else 0
            per_col = min(rows_fit, max(per_col, min(rows_fit, 5 * -(-per_col // 5))))
            for i, (number, n_opts) in enumerate(chunk):
                col, row = divmod(i, per_col)
                x = left + col * col_w
                cy = y_top - row * PITCH_Y - (row // 5) * 4
                c.setFillColor(colors.black)
                c.setFont(LATIN_BOLD, 8)
                c.drawRightString(x + NUM_W - 4, cy - 2.8, str(number))
                for j in range(n_opts):
                    _bubble(c, x + NUM_W + j * PITCH_X + BUBBLE_W / 2, cy, LETTERS[j])
            c.setFillColor(colors.black)
            draw_string(c, w / 2, 34, sheet_id(exam, form_code, page), 7, align="center")
            c.showPage()
            if not remaining:
                break
            page += 1
        c.save()
    return page


def _candidate_block(c: Canvas, exam: Exam, form_code: str, left: float, y: float, w: float,
                     zh: bool, form_choices: int) -> float:
    """Candidate number and form bubbles and the marking instructions; returns the y
    below them."""
    digits = max(1, exam.candidate_digits)
    c.setFillColor(colors.black)
    draw_string(c, left, y, "准考证号" if zh else "Candidate number", 9, bold=True)
    box_y = y - 20
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    for d in range(digits):
        c.rect(left + d * PITCH_X, box_y, PITCH_X - 1.5, 15)
    for d in range(digits):
        for v in range(10):
            _bubble(c, left + d * PITCH_X + (PITCH_X - 1.5) / 2, box_y - 9 - v * 12.0, str(v))
    block_bottom = box_y - 9 - 9 * 12.0 - 8
    fx = left + digits * PITCH_X + 22
    c.setFillColor(colors.black)
    draw_string(c, fx, y, "试卷类型" if zh else "Form", 9, bold=True)
    for k in range(form_choices):
        _bubble(c, fx + 6, box_y + 4 - k * 12.0, LETTERS[k])
    c.setFillColor(colors.black)
    draw_string(c, fx + 18, box_y + 1.5, f"← {form_code}", 8, bold=True)
    ix = fx + 60
    c.setFillColor(colors.black)
    lines = (["填涂说明：", "1. 用2B铅笔填涂，涂满方框/圆圈。", "2. 修改时用橡皮擦干净。",
              "3. 填写并填涂准考证号与试卷类型。", "4. 保持答题卡整洁，不得折叠。"] if zh else
             ["How to mark:", "1. Use a soft (2B) pencil.", "2. Fill each bubble completely.",
              "3. Erase changes cleanly.", "4. Bubble your candidate number",
              "    and your form letter.", "5. Do not fold this sheet."])
    for i, line in enumerate(lines):
        draw_string(c, ix, y - i * 12, line, 8.5 if i == 0 else 8, bold=i == 0)
    ex_y = y - len(lines) * 12 - 10
    draw_string(c, ix, ex_y, "正确" if zh else "Right", 8)
    c.setFillColor(colors.black)
    c.ellipse(ix + 34, ex_y - 1, ix + 34 + BUBBLE_W, ex_y - 1 + BUBBLE_H, fill=1)
    draw_string(c, ix + 56, ex_y, "错误" if zh else "Wrong", 8)
    c.setStrokeColor(colors.black)
    c.ellipse(ix + 90, ex_y - 1, ix + 90 + BUBBLE_W, ex_y - 1 + BUBBLE_H)
    c.line(ix + 90, ex_y - 1, ix + 90 + BUBBLE_W, ex_y - 1 + BUBBLE_H)
    c.line(ix + 90, ex_y - 1 + BUBBLE_H, ix + 90 + BUBBLE_W, ex_y - 1)
    c.setLineWidth(0.5)
    c.line(left, block_bottom, w - left, block_bottom)
    return block_bottom - 6
