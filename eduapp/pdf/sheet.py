"""The answer sheet (bubble sheet) of one form, and its geometry for the scanner.

One function, :func:`sheet_layout`, decides where everything goes; :func:`render_sheet`
draws that layout and :mod:`eduapp.marking` reads scans against the same layout, so the
printed sheet and the reader can never disagree.

What a page carries (every page, so pages of one candidate can be matched in any order):

* four solid registration marks in the corners (squares of :data:`MARK` pt, inset
  :data:`MARK_INSET` pt), from which the reader computes the page's perspective;
* a QR code (top right) with :func:`sheet_code`
  ``EDUAPP1|<exam uid>|<form>|<page>|<pages>|<paper size>|<form fingerprint>``,
  which tells the reader the exam, form and page, and, from its corner order, which way
  up the page was scanned;
* the candidate number as ``exam.candidate_digits`` columns of 0-9 bubbles (the Chinese
  licensing exam uses 13) under write-in boxes, and the form bubbles (A, B, ...);
* one row per question with exactly that question's option letters; labels in the exam's
  language with the other language beside them (答题卡 ANSWER SHEET).

Bubbles are drawn in a drop-out pink so pencil marks stand out in grey or colour scans.

Coordinates of the layout are points (1/72 inch) from the page's *top-left* corner, y
downwards (as in a scanned image); reportlab's bottom-up y is used only inside the renderer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from ..exams.model import LETTERS, Exam
from .base import atomic_output, page_size
from .fonts import LATIN, LATIN_BOLD, draw_string, register_fonts

MARK = 14.0
MARK_INSET = 24.0
BUBBLE_W, BUBBLE_H = 10.5, 7.5
PITCH_X, PITCH_Y = 16.0, 14.0
DIGIT_PITCH_Y = 12.0
NUM_W = 22.0
COL_GAP = 14.0
GROUP_GAP = 4.0
QR_SIZE = 74.0
LEFT = 48.0
ANSWERS_BOTTOM = 58.0
PINK = colors.HexColor("#d2467c")
CODE_PREFIX = "EDUAPP1"


def sheet_id(exam: Exam, form_code: str, page: int) -> str:
    """The human-readable sheet id printed at the foot: ``EX<id or uid[:10]>-<form>-<page>``."""
    ident = str(exam.id) if exam.id is not None else exam.uid[:10].upper()
    return f"EX{ident}-{form_code}-{page}"


def form_fingerprint(exam: Exam, form_code: str) -> str:
    """8 hex digits that change whenever what a sheet of this form means changes: its
    questions (item, version, option order) or the candidate-number length. A sheet
    printed before the forms were made again is refused instead of being misread.

    :raises NotFoundError: the exam has no such form.
    """
    form = exam.form(form_code)
    data = json.dumps([exam.candidate_digits] + [[q.number, q.item_id, q.version, q.options]
                                                 for q in form.questions])
    return hashlib.sha1(data.encode()).hexdigest()[:8]


def sheet_code(exam_uid: str, form_code: str, page: int, pages: int,
               size_name: str = "A4", check: str = "") -> str:
    """The QR code's text: ``EDUAPP1|<exam uid>|<form>|<page>|<pages>|<A4 or LETTER>|
    <form fingerprint>`` (page 1-based; :func:`form_fingerprint`)."""
    return (f"{CODE_PREFIX}|{exam_uid}|{form_code}|{page}|{pages}|{size_name.upper()}|"
            f"{check}")


def parse_sheet_code(text: str | None) -> dict | None:
    """``{"exam": uid, "form": code, "page": n, "pages": m, "size": "A4", "check": fp}``
    from a QR text, or ``None`` when it is not an EduApp sheet code (another QR code, a
    damaged read)."""
    parts = (text or "").strip().split("|")
    if len(parts) != 7 or parts[0] != CODE_PREFIX or parts[5] not in ("A4", "LETTER"):
        return None
    try:
        page, pages = int(parts[3]), int(parts[4])
    except ValueError:
        return None
    if not parts[1] or not parts[2] or not 1 <= page <= pages:
        return None
    return {"exam": parts[1], "form": parts[2], "page": page, "pages": pages,
            "size": parts[5], "check": parts[6]}


@dataclass
class QuestionRow:
    """One answer row: the 1-based printed ``number``, its zero-based ``index`` in the
    form's questions, and the centre ``(x, y)`` of each option bubble (A, B, ...)."""

    number: int
    index: int
    bubbles: list[tuple[float, float]]


@dataclass
class SheetPage:
    """Where everything is on one page (points from the top-left corner, y down).

    :ivar marks: centres of the registration marks: top-left, top-right, bottom-right,
        bottom-left.
    :ivar qr: ``(x, y, size)`` of the QR code's box (top-left corner and side).
    :ivar candidate: per digit (left to right), the centres of its 0..9 bubbles.
    :ivar forms: centres of the form bubbles A, B, ...
    :ivar rows: the answer rows on this page, in question order.
    """

    page: int
    pages: int
    width: float
    height: float
    marks: list[tuple[float, float]]
    qr: tuple[float, float, float]
    candidate: list[list[tuple[float, float]]]
    forms: list[tuple[float, float]]
    rows: list[QuestionRow] = field(default_factory=list)
    header_bottom: float = 0.0


@dataclass
class SheetLayout:
    """The pages of the answer sheet of one form of one exam."""

    exam_uid: str
    form: str
    pages: list[SheetPage]
    size_name: str = "A4"
    bubble: tuple[float, float] = (BUBBLE_W, BUBBLE_H)


def _row_y(row: int, top: float) -> float:
    return top + row * PITCH_Y + (row // 5) * GROUP_GAP


def sheet_layout(exam: Exam, form_code: str, *, size_name: str = "A4",
                 form_choices: int | None = None) -> SheetLayout:
    """The geometry of the answer sheet of form ``form_code``.

    :param form_choices: how many form bubbles (A..) to offer; default: the exam's forms
        (at least 4, so a sheet can be used with any of the usual four forms).
    :returns: a :class:`SheetLayout` (units: points, origin top-left, y down).
    :raises NotFoundError: the exam has no such form. :raises ExportError: unknown page size.
    """
    form = exam.form(form_code)
    w, h = page_size(size_name)
    questions = [(i, q.number,
                  len(exam.sections[q.section].units[q.unit].items[q.member].options))
                 for i, q in enumerate(form.questions)]
    max_opts = max((n for _, _, n in questions), default=5)
    col_w = NUM_W + max_opts * PITCH_X + COL_GAP
    n_cols = max(1, int((w - 2 * LEFT + COL_GAP) // col_w))
    digits = max(1, exam.candidate_digits)
    choices = form_choices or max(4, len(exam.forms))
    # header: candidate digits and form bubbles, the same on every page
    cand_top = 188.0
    candidate = [[(LEFT + d * PITCH_X + (PITCH_X - 1.5) / 2, cand_top + v * DIGIT_PITCH_Y)
                  for v in range(10)] for d in range(digits)]
    fx = LEFT + digits * PITCH_X + 24 + BUBBLE_W / 2
    forms = [(fx, cand_top - 12 + k * DIGIT_PITCH_Y) for k in range(choices)]
    header_bottom = cand_top + 9 * DIGIT_PITCH_Y + 14
    top = header_bottom + 18
    rows_fit = 0
    while _row_y(rows_fit, top) + PITCH_Y / 2 <= h - ANSWERS_BOTTOM:
        rows_fit += 1
    per_page = rows_fit * n_cols
    chunks = [questions[k:k + per_page] for k in range(0, len(questions), per_page)] or [[]]
    c = MARK_INSET + MARK / 2
    marks = [(c, c), (w - c, c), (w - c, h - c), (c, h - c)]
    pages = []
    for p, chunk in enumerate(chunks, 1):
        per_col = -(-len(chunk) // n_cols) if chunk else 0
        per_col = min(rows_fit, max(per_col, min(rows_fit, 5 * -(-per_col // 5))))
        rows = []
        for k, (index, number, n_opts) in enumerate(chunk):
            col, row = divmod(k, per_col)
            x = LEFT + col * col_w
            y = _row_y(row, top)
            rows.append(QuestionRow(number, index, [(x + NUM_W + j * PITCH_X + BUBBLE_W / 2, y)
                                                    for j in range(n_opts)]))
        pages.append(SheetPage(page=p, pages=len(chunks), width=w, height=h, marks=marks,
                               qr=(w - 62 - QR_SIZE, 44.0, QR_SIZE), candidate=candidate,
                               forms=forms, rows=rows, header_bottom=header_bottom))
    return SheetLayout(exam_uid=exam.uid, form=form_code, pages=pages,
                       size_name=(size_name or "A4").upper())


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
        c.setStrokeColor(PINK)
        c.setLineWidth(0.7)
        c.ellipse(-BUBBLE_W / 2, -BUBBLE_H / 2, BUBBLE_W / 2, BUBBLE_H / 2)
        c.setFillColor(PINK)
        c.setFont(LATIN, 5.4)
        c.drawCentredString(0, -1.9, label)
        c.endForm()
        done.add(name)
    c.saveState()
    c.translate(cx, cy)
    c.doForm(name)
    c.restoreState()


def _qr(c: Canvas, text: str, x: float, y_bottom: float, size: float) -> None:
    widget = qr.QrCodeWidget(text, barLevel="M", barBorder=0)
    b = widget.getBounds()
    d = Drawing(size, size, transform=[size / (b[2] - b[0]), 0, 0, size / (b[3] - b[1]), 0, 0])
    d.add(widget)
    renderPDF.draw(d, c, x, y_bottom)


def _label(zh: bool, zh_text: str, en_text: str) -> tuple[str, str]:
    """(main, secondary): the exam's language first, the other beside it."""
    return (zh_text, en_text) if zh else (en_text, zh_text)


def render_sheet(exam: Exam, form_code: str, path: str, *, size_name: str = "A4",
                 form_choices: int | None = None) -> int:
    """Write the answer sheet of form ``form_code`` to ``path`` (atomically), laid out
    by :func:`sheet_layout`.

    :param form_choices: how many form bubbles (A..) to offer (see :func:`sheet_layout`).
    :returns: the number of pages.
    :raises NotFoundError: the exam has no such form.
    """
    register_fonts()
    layout = sheet_layout(exam, form_code, size_name=size_name, form_choices=form_choices)
    zh = exam.language == "zh"
    with atomic_output(path) as tmp:
        c = Canvas(tmp, pagesize=(layout.pages[0].width, layout.pages[0].height))
        c.setTitle(f"{exam.title} — answer sheet {form_code}")
        c.setCreator("EduApp")
        for pg in layout.pages:
            _page(c, exam, form_code, pg, zh, layout.size_name)
            c.showPage()
        c.save()
    return len(layout.pages)


def _page(c: Canvas, exam: Exam, form_code: str, pg: SheetPage, zh: bool,
          size_name: str) -> None:
    w, h = pg.width, pg.height

    def Y(y: float) -> float:  # top-down -> reportlab
        return h - y

    def pair(x, y, main, second, size, bold=True):
        draw_string(c, x, Y(y), main, size, bold=bold)
        from .fonts import string_width
        draw_string(c, x + string_width(main, size, bold) + 5, Y(y), second, size * 0.8)

    c.setFillColor(colors.black)
    for mx, my in pg.marks:
        c.rect(mx - MARK / 2, Y(my + MARK / 2), MARK, MARK, stroke=0, fill=1)
    qx, qy, qs = pg.qr
    _qr(c, sheet_code(exam.uid, form_code, pg.page, pg.pages, size_name,
                      form_fingerprint(exam, form_code)), qx, Y(qy + qs), qs)
    main, second = _label(zh, "答题卡", "ANSWER SHEET")
    pair(LEFT, 68, main, second, 15)
    draw_string(c, LEFT, Y(86), exam.title, 10.5)
    sub = f"{form_code} 卷 · Form {form_code}" if zh else f"Form {form_code} · {form_code} 卷"
    if exam.institution:
        sub = f"{exam.institution} · {sub}"
    if pg.pages > 1:
        sub += (f" · 第 {pg.page} 页，共 {pg.pages} 页" if zh
                else f" · Page {pg.page} of {pg.pages}")
    draw_string(c, LEFT, Y(100), sub, 9)
    # name box
    main, second = _label(zh, "姓名", "Name")
    pair(LEFT, 130, main, second, 9)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.8)
    c.rect(LEFT + 62, Y(136), 220, 18)
    _candidate_block(c, exam, form_code, pg, zh, Y)
    c.setLineWidth(0.5)
    c.setStrokeColor(colors.black)
    c.line(LEFT, Y(pg.header_bottom), w - LEFT, Y(pg.header_bottom))
    for row in pg.rows:
        x0, y0 = row.bubbles[0]
        c.setFillColor(colors.black)
        c.setFont(LATIN_BOLD, 8)
        c.drawRightString(x0 - BUBBLE_W / 2 - 4, Y(y0) - 2.8, str(row.number))
        for j, (bx, by) in enumerate(row.bubbles):
            _bubble(c, bx, Y(by), LETTERS[j])
    c.setFillColor(colors.black)
    draw_string(c, w / 2, Y(h - 34), sheet_id(exam, form_code, pg.page), 7, align="center")


def _candidate_block(c: Canvas, exam: Exam, form_code: str, pg: SheetPage, zh: bool, Y) -> None:
    """Candidate number (write-in boxes over 0-9 bubbles), form bubbles and the marking
    instructions."""
    from .fonts import string_width
    label_y = 160.0
    main, second = _label(zh, "准考证号", "Candidate number")
    draw_string(c, LEFT, Y(label_y), main, 9, bold=True)
    draw_string(c, LEFT + string_width(main, 9, True) + 5, Y(label_y), second, 7.2)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    first_y = pg.candidate[0][0][1]
    for column in pg.candidate:
        x = column[0][0] - (PITCH_X - 1.5) / 2
        c.rect(x, Y(first_y - 9), PITCH_X - 1.5, 15)
    for column in pg.candidate:
        for v, (x, y) in enumerate(column):
            _bubble(c, x, Y(y), str(v))
    fx = pg.forms[0][0] - BUBBLE_W / 2
    c.setFillColor(colors.black)
    main, second = _label(zh, "试卷类型", "Form")
    draw_string(c, fx, Y(label_y), main, 9, bold=True)
    draw_string(c, fx, Y(label_y + 9), second, 7.2)
    for k, (x, y) in enumerate(pg.forms):
        _bubble(c, x, Y(y), LETTERS[k])
    c.setFillColor(colors.black)
    fy = pg.forms[ord(form_code) - 65][1] if ord(form_code) - 65 < len(pg.forms) else pg.forms[0][1]
    draw_string(c, fx + 16, Y(fy) - 2.5, f"← {form_code}", 8, bold=True)
    ix = fx + 62
    zh_lines = ["填涂说明：", "1. 用2B铅笔填涂，涂满圆圈。", "2. 修改时用橡皮擦干净。",
                "3. 填写并填涂准考证号与试卷类型。", "4. 保持答题卡整洁，不得折叠。"]
    en_lines = ["How to mark:", "1. Use a soft (2B) pencil.", "2. Fill each bubble completely.",
                "3. Erase changes cleanly.", "4. Bubble your candidate number",
                "    and your form letter.", "5. Do not fold this sheet."]
    lines = zh_lines if zh else en_lines
    for i, line in enumerate(lines):
        draw_string(c, ix, Y(label_y + i * 11.5), line, 8.5 if i == 0 else 8, bold=i == 0)
    ex_y = label_y + len(lines) * 11.5 + 8
    draw_string(c, ix, Y(ex_y), "正确 Right" if zh else "Right 正确", 8)
    c.setFillColor(colors.black)
    c.ellipse(ix + 48, Y(ex_y) - 1, ix + 48 + BUBBLE_W, Y(ex_y) - 1 + BUBBLE_H, fill=1)
    draw_string(c, ix + 72, Y(ex_y), "错误 Wrong" if zh else "Wrong 错误", 8)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    for k, kind in enumerate(("tick", "cross", "dot")):
        x0 = ix + 122 + k * 16
        y0 = Y(ex_y) - 1
        c.setStrokeColor(PINK)
        c.ellipse(x0, y0, x0 + BUBBLE_W, y0 + BUBBLE_H)
        c.setStrokeColor(colors.black)
        if kind == "tick":
            c.line(x0 + 2, y0 + 3.5, x0 + 4.5, y0 + 1)
            c.line(x0 + 4.5, y0 + 1, x0 + 9, y0 + 7)
        elif kind == "cross":
            c.line(x0 + 1.5, y0 + 1, x0 + BUBBLE_W - 1.5, y0 + BUBBLE_H - 1)
            c.line(x0 + 1.5, y0 + BUBBLE_H - 1, x0 + BUBBLE_W - 1.5, y0 + 1)
        else:
            c.circle(x0 + BUBBLE_W / 2, y0 + BUBBLE_H / 2, 1.3, stroke=0, fill=1)
