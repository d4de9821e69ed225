"""Exam paper per form, answer key per form, and the teacher's version.

Layout rules: a cover page (institution, course, title, date, duration, instructions,
candidate name and number boxes, the form code); questions numbered from 1 with lettered
options; a question (vignette, stem, images, options) never split across pages
(``KeepTogether``); an A3/A4 set's shared vignette printed once above its questions and a
B1 set's options once above its stems, under the set label of 国家医学考试中心 papers
(``(1～3题共用题干)``, ``(4～6题共用备选答案)``); "page n of m" and the form in the footer.

Images: scaled to the text width and at most 75 mm high, aspect kept.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (Flowable, Image, KeepTogether, PageBreak,
                                Paragraph, Spacer, Table, TableStyle)

from ..cloze import candidate_text
from ..domain import Item, Media
from ..errors import Phrase
from ..exams.conventions import set_label
from ..htmltext import html_to_text, looks_like_html
from ..exams.model import LETTERS, Exam, ExamForm, ExamUnit
from .base import (INK, RULE, SHADE, MissingMediaError, PdfLayoutError, Styles,
                   atomic_output, build_pdf, frame_size, page_label, page_size)
from .base import bilingual as _t  # _t(language, english, chinese)
from .fonts import rich

if TYPE_CHECKING:
    from ..bank import Bank

MAX_IMAGE_HEIGHT = 75 * mm

_IMG_MD = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def plain(text: str) -> str:
    """Printable plain text of an item field: image references dropped (images are printed
    separately), simple HTML (from imports) reduced to text with line breaks."""
    text = _IMG_MD.sub("", text or "")
    if looks_like_html(text):
        text = html_to_text(text)  # images (<img>) give no text
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def candidate_stem(item: Item) -> str:
    """The stem as printed for candidates: a cloze item's gaps become blanks with their
    hints (the answers are never printed on the paper); other items unchanged."""
    if item.type == "cloze":
        return candidate_text(item.stem, (item.extra.get("cloze") or {}).get("subquestions"))
    return item.stem


def exam_media(bank: Bank, exam: Exam) -> dict[str, Media]:
    """Bytes of every image the exam's items refer to, by sha256.

    :raises MissingMediaError: an item refers to an image that is not in the bank
        (names the question's item id and the file).
    """
    out: dict[str, Media] = {}
    for item in exam.items():
        for m in item.media:
            if m.sha256 in out:
                continue
            found = bank.media_for([Item(type="sba", stem="x", media=[m])]).get(m.sha256)
            if found is None or found.data is None:
                raise MissingMediaError(code="pdf.image-missing-item",
                                        values={"id": item.id, "name": m.name})
            out[m.sha256] = found
    return out


def _images(item: Item, media: dict[str, Media], width: float) -> list[Flowable]:
    out = []
    for m in item.media:
        if not (m.mime or "").startswith("image/") and not m.name.lower().endswith(
                (".png", ".jpg", ".jpeg", ".gif", ".bmp")):
            continue
        data = media.get(m.sha256)
        if data is None or data.data is None:
            raise MissingMediaError(code="pdf.image-missing-item",
                                    values={"id": item.id, "name": m.name})
        try:
            from reportlab.lib.utils import ImageReader
            reader = ImageReader(io.BytesIO(data.data))
            iw, ih = reader.getSize()
        except Exception:
            raise MissingMediaError(code="pdf.image-unreadable",
                                    values={"id": item.id, "name": m.name}) from None
        scale = min(width / iw, MAX_IMAGE_HEIGHT / ih, 1.0 if iw > 200 else 2.0)
        img = Image(io.BytesIO(data.data), width=iw * scale, height=ih * scale)
        img.hAlign = "LEFT"
        out.append(Spacer(1, 2))
        out.append(img)
        out.append(Spacer(1, 2))
    return out


def _option_text(item: Item, src: int) -> str:
    o = item.options[src]
    return plain(o.text) if o.text.strip() else ""


class _Ctx:
    def __init__(self, exam: Exam, media, styles: Styles, size):
        self.exam = exam
        self.media = media
        self.st = styles
        self.size = size
        self.fw, self.fh = frame_size(size)
        self.lang = exam.language


def _surely_fits(ctx: _Ctx, flowables: list[Flowable]) -> bool:
    """A cheap upper bound: text that is short enough cannot fill a page (each paragraph
    needs at most one line per ~45 characters of the frame width plus one, at 16 pt a
    line), so the costly measuring is skipped for ordinary questions."""
    lines = 0.0
    for f in flowables:
        if not isinstance(f, Paragraph):
            if isinstance(f, Spacer):
                lines += f.height / 16 + 0.5
                continue
            return False
        chars = len(f.getPlainText())
        lines += chars / 45 + 1.6
    return lines * 16 < ctx.fh * 0.9


def _check_fits(ctx: _Ctx, flowables: list[Flowable], what: Phrase) -> None:
    if _surely_fits(ctx, flowables):
        return
    h = 0.0
    for f in flowables:
        _, fh = f.wrap(ctx.fw, ctx.fh)
        h += fh + f.getSpaceBefore() + f.getSpaceAfter()
    if h > ctx.fh:
        raise PdfLayoutError(code="pdf.too-long",
                             values={"what": what, "height": h / mm, "page": ctx.fh / mm})


def _question(ctx: _Ctx, number: int, item: Item, perm: list[int] | None, *,
              show_options: bool = True, teacher: bool = False,
              marks: float | None = None) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = []
    num = f"<b>{number}.</b>&nbsp;"
    if item.vignette.strip():
        out.append(Paragraph(num + rich(plain(item.vignette)), st.question))
        out.append(Paragraph(rich(plain(candidate_stem(item))), st.vignette))
    else:
        out.append(Paragraph(num + rich(plain(candidate_stem(item))), st.question))
    out.extend(_images(item, ctx.media, ctx.fw - 22))
    if show_options:
        order = perm if perm is not None else list(range(len(item.options)))
        for j, src in enumerate(order):
            text = rich(_option_text(item, src))
            if teacher and item.options[src].correct:
                text = rich(_option_text(item, src), bold=True)
                out.append(Paragraph(f"<b>{LETTERS[j]}.&nbsp;{text}&nbsp;&nbsp;{rich('✓')}</b>",
                                     st.option))
            else:
                out.append(Paragraph(f"{LETTERS[j]}.&nbsp;{text}", st.option))
    if teacher:
        out.extend(_teacher_notes(ctx, item, perm, marks))
    return out


def _teacher_notes(ctx: _Ctx, item: Item, perm, marks) -> list[Flowable]:
    st, lang = ctx.st, ctx.lang
    order = perm if perm is not None else list(range(len(item.options)))
    key = "".join(LETTERS[j] for j, src in enumerate(order) if item.options[src].correct)
    out = [Paragraph(f"<b>{rich(_t(lang, 'Answer', '答案'), bold=True)}: {key}</b>",
                     st.explanation)]
    if item.explanation.strip():
        out.append(Paragraph(f"<b>{rich(_t(lang, 'Explanation', '解析'), bold=True)}:</b> "
                             + rich(plain(item.explanation)), st.explanation))
    for j, src in enumerate(order):
        o = item.options[src]
        if o.explanation.strip():
            out.append(Paragraph(f"{LETTERS[j]}: " + rich(plain(o.explanation)), st.meta))
    if item.rubric.strip():  # marking notes (a QTI scorer rubricBlock): teacher's only
        out.append(Paragraph(f"<b>{rich(_t(lang, 'Marking notes', '评分说明'), bold=True)}:</b> "
                             + rich(plain(item.rubric)), st.explanation))
    meta = []
    if item.topic:
        meta.append(f"{_t(lang, 'Topic', '知识点')}: {item.topic}")
    if item.system:
        meta.append(f"{_t(lang, 'System', '系统')}: {item.system}")
    if item.bloom:
        meta.append(f"Bloom: {item.bloom}")
    if item.difficulty is not None:
        from ..exams.blueprint import difficulty_band
        meta.append(f"{_t(lang, 'Difficulty', '难度')}: p = {item.difficulty:.2f} "
                    f"({difficulty_band(item.difficulty)})")
    if item.exam_type:
        meta.append(f"{_t(lang, 'Type', '题型')}: {item.exam_type}")
    if marks is not None:
        meta.append(f"{_t(lang, 'Marks', '分值')}: {marks:g}")
    meta.append(f"{_t(lang, 'Item', '题目编号')} {item.id} v{item.version}")
    out.append(Paragraph(rich(" · ".join(meta)), st.meta))
    return out


def _unit_blocks(ctx: _Ctx, unit: ExamUnit, first_number: int, perms: list[list[int]],
                 *, teacher: bool = False, lead: list[Flowable] | None = None) -> list[Flowable]:
    """Flowables of one unit, each question (with its set header, and ``lead`` such as a
    section heading, for the first) kept together.

    :raises PdfLayoutError: a question taller than a page.
    """
    st = ctx.st
    out: list[Flowable] = []
    last = first_number + unit.size - 1
    header: list[Flowable] = list(lead or [])
    shared_options = False
    if unit.item_set is not None:
        kind = unit.item_set.kind
        header.append(Paragraph(rich(set_label(kind, first_number, last, ctx.lang)),
                                st.set_label))
        if kind == "case" and unit.item_set.vignette.strip():
            header.append(Paragraph(rich(plain(unit.item_set.vignette)), st.vignette))
        elif kind == "shared_options":
            shared_options = True
            if unit.item_set.vignette.strip():
                header.append(Paragraph(rich(plain(unit.item_set.vignette)), st.vignette))
            lead = unit.items[0]
            for j, src in enumerate(perms[0]):
                header.append(Paragraph(f"{LETTERS[j]}.&nbsp;{rich(_option_text(lead, src))}",
                                        st.option))
            header.append(Spacer(1, 3))
    for m, item in enumerate(unit.items):
        number = first_number + m
        block = _question(ctx, number, item, perms[m], show_options=not shared_options,
                          teacher=teacher, marks=unit.marks[m] if teacher else None)
        if m == 0:
            block = header + block
        _check_fits(ctx, block, Phrase("pdf.question", n=number, id=item.id))
        out.append(KeepTogether(block))
    return out


def _cover(ctx: _Ctx, form: ExamForm | None, *, subtitle: str = "") -> list[Flowable]:
    exam, st, lang = ctx.exam, ctx.st, ctx.lang
    out: list[Flowable] = [Spacer(1, 10 * mm)]
    if exam.institution:
        out.append(Paragraph(rich(exam.institution), st.subtitle))
    if exam.course:
        out.append(Paragraph(rich(exam.course), st.subtitle))
    out.append(Spacer(1, 4 * mm))
    out.append(Paragraph(rich(exam.title, bold=True), st.title))
    if subtitle:
        out.append(Paragraph(rich(subtitle), st.subtitle))
    if form is not None:
        label = f"{form.code} 卷" if lang == "zh" else f"FORM {form.code}"
        box = Table([[Paragraph(f'<font size="26">{rich(label, bold=True)}</font>', st.title)]],
                    colWidths=[60 * mm], rowHeights=[18 * mm])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, INK),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        out += [Spacer(1, 6 * mm), box]
    out.append(Spacer(1, 8 * mm))
    facts = []
    if exam.date:
        facts.append((_t(lang, "Date", "日期"), exam.date))
    if exam.duration:
        facts.append((_t(lang, "Duration", "考试时间"),
                      _t(lang, f"{exam.duration} minutes", f"{exam.duration} 分钟")))
    facts.append((_t(lang, "Questions", "题量"),
                  _t(lang, str(exam.question_count), f"{exam.question_count} 题")))
    facts.append((_t(lang, "Total marks", "满分"), f"{exam.total_marks:g}"))
    if exam.pass_mark is not None:
        facts.append((_t(lang, "Pass mark", "及格分"), f"{exam.pass_mark:g}"))
    t = Table([[Paragraph(rich(k, bold=True), st.cell_bold), Paragraph(rich(v), st.cell)]
               for k, v in facts], colWidths=[40 * mm, 70 * mm])
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    out += [t, Spacer(1, 8 * mm)]
    if form is not None:
        digits = max(1, exam.candidate_digits)
        box_w = min(8 * mm, (ctx.fw - 45 * mm) / digits)
        name = Table([[Paragraph(rich(_t(lang, "Candidate name", "姓名"), bold=True),
                                 st.cell_bold), ""]],
                     colWidths=[42 * mm, ctx.fw - 45 * mm], rowHeights=[10 * mm])
        name.setStyle(TableStyle([("BOX", (1, 0), (1, 0), 0.8, INK),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        number = Table([[Paragraph(rich(_t(lang, "Candidate number", "准考证号")),
                                   st.cell_bold)] + [""] * digits],
                       colWidths=[42 * mm] + [box_w] * digits, rowHeights=[10 * mm])
        number.setStyle(TableStyle([("GRID", (1, 0), (-1, 0), 0.8, INK),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        name.hAlign = number.hAlign = "LEFT"
        out += [name, Spacer(1, 3 * mm), number, Spacer(1, 8 * mm)]
    lines = [exam.instructions] if exam.instructions.strip() else []
    if form is not None:
        lines += _default_instructions(lang, form.code)
    if lines:
        out.append(Paragraph(rich(_t(lang, "Instructions", "考生须知"), bold=True), st.h3))
        for line in lines:
            out.append(Paragraph(rich(line), st.bullet, bulletText="•"))
    sections = [(s.title, s.size, s.minutes) for s in exam.sections]
    if len(sections) > 1:
        out.append(Spacer(1, 6 * mm))
        rows = [[Paragraph(rich(title), st.cell), Paragraph(
            rich(_t(lang, f"{n} questions", f"{n} 题")
                 + (_t(lang, f", {m} min", f"，{m} 分钟") if m else "")), st.cell)]
                for title, n, m in sections]
        t = Table(rows, colWidths=[ctx.fw * 0.6, ctx.fw * 0.3])
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
        out.append(t)
    out.append(PageBreak())
    return out


def _default_instructions(lang: str, code: str) -> list[str]:
    if lang == "zh":
        return ["考生须在试卷和答题卡上填写姓名、准考证号，并用2B铅笔在答题卡上填涂准考证号和试卷类型"
                f"（本卷为 {code} 卷）。",
                "所有答案必须用2B铅笔填涂在答题卡上，写在试卷上无效。修改时用橡皮擦干净。",
                "考试结束后，将试卷和答题卡一并交回。"]
    return ["Write your name and candidate number in the boxes above and on the answer sheet, "
            "and fill in the matching bubbles.",
            f"This is Form {code}: fill in bubble {code} in the form box of the answer sheet.",
            "Mark every answer on the answer sheet with a soft (2B) pencil; answers written on "
            "this paper are not scored. Erase changes completely.",
            "Hand in this paper and the answer sheet at the end of the examination."]


def _section_header(ctx: _Ctx, section, s_index: int) -> list[Flowable]:
    st, lang = ctx.st, ctx.lang
    out: list[Flowable] = []
    title = section.title or _t(ctx.lang, f"Section {s_index + 1}", f"第{s_index + 1}部分")
    extra = []
    if len(ctx.exam.sections) > 1 or section.minutes:
        extra.append(_t(lang, f"{section.size} questions", f"共 {section.size} 题"))
        if section.minutes:
            extra.append(_t(lang, f"{section.minutes} minutes", f"{section.minutes} 分钟"))
    note = ("（" + "，".join(extra) + "）") if lang == "zh" else ("(" + ", ".join(extra) + ")")
    head = rich(title, bold=True) + (f'&nbsp;&nbsp;<font size="9.5" color="#555555">'
                                     f'{rich(note, bold=True)}</font>' if extra else "")
    out.append(Paragraph(head, st.section))
    if section.instructions.strip():
        prefix = "答题说明：" if lang == "zh" else ""
        out.append(Paragraph(rich(prefix + section.instructions), st.instructions))
    return out


def paper_story(exam: Exam, form: ExamForm, media: dict[str, Media],
                styles: Styles | None = None, size=None) -> list[Flowable]:
    """The flowables of the paper for ``form`` (cover page first)."""
    ctx = _Ctx(exam, media, styles or Styles(exam.language), size or page_size("A4"))
    story = _cover(ctx, form)
    perms = {(q.section, q.unit, q.member): q.options for q in form.questions}
    numbers = {(q.section, q.unit, q.member): q.number for q in form.questions}
    for s, unit_order in enumerate(form.order):
        section = exam.sections[s]
        if not unit_order:
            continue
        lead = _section_header(ctx, section, s)
        for u in unit_order:
            unit = section.units[u]
            story += _unit_blocks(ctx, unit, numbers[(s, u, 0)],
                                  [perms[(s, u, m)] for m in range(unit.size)], lead=lead)
            lead = []
    return story


def _footer(exam: Exam, left: str):
    def footer(n, total):
        return left, page_label(n, total, exam.language)
    return footer


def render_paper(exam: Exam, form_code: str, path: str, *, media: dict[str, Media] | None = None,
                 size_name: str = "A4") -> int:
    """Write the exam paper of form ``form_code`` to ``path`` (atomically).

    :param media: images by sha256 (:func:`exam_media`); required when items have images.
    :param size_name: ``A4`` or ``Letter``.
    :returns: the number of pages.
    :raises NotFoundError: no such form. :raises PdfLayoutError: a question longer than a
        page. :raises MissingMediaError: an image is not in ``media``.
    """
    form = exam.form(form_code)
    size = page_size(size_name)
    story = paper_story(exam, form, media or {}, Styles(exam.language), size)
    left = f"{exam.title} · " + (f"{form.code} 卷" if exam.language == "zh" else
                                  f"Form {form.code}")
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=size, title=f"{exam.title} ({form.code})",
                         footer=_footer(exam, left), subject="exam paper")


def render_key(exam: Exam, form_code: str, path: str, *, size_name: str = "A4") -> int:
    """Write the answer key of form ``form_code``: question number -> key letter(s), with
    marks. :returns: the number of pages. :raises NotFoundError: no such form."""
    form = exam.form(form_code)
    lang = exam.language
    size = page_size(size_name)
    st = Styles(lang)
    fw, _ = frame_size(size)
    title = _t(lang, f"Answer key — Form {form.code}", f"参考答案（{form.code} 卷）")
    story: list[Flowable] = [Paragraph(rich(exam.title), st.subtitle),
                             Paragraph(rich(title, bold=True), st.title), Spacer(1, 6 * mm)]
    marks = {}
    for s, u, unit in exam.units():
        for m, item in enumerate(unit.items):
            marks[item.id] = unit.marks[m]
    groups = 5
    per_col = -(-len(form.questions) // groups)
    head = [Paragraph(rich(_t(lang, "No.", "题号"), bold=True), st.cell_bold),
            Paragraph(rich(_t(lang, "Key", "答案"), bold=True), st.cell_bold)] * groups
    rows = [head]
    for r in range(per_col):
        row = []
        for g in range(groups):
            i = g * per_col + r
            if i < len(form.questions):
                q = form.questions[i]
                row += [Paragraph(str(q.number), st.cell), Paragraph(f"<b>{q.key}</b>", st.cell)]
            else:
                row += ["", ""]
        rows.append(row)
    cw = fw / groups
    t = Table(rows, colWidths=[cw * 0.45, cw * 0.55] * groups, repeatRows=1)
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                           ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    story.append(t)
    story.append(Spacer(1, 6 * mm))
    total = exam.total_marks
    summary = _t(lang, f"{len(form.questions)} questions, total {total:g} marks",
                 f"共 {len(form.questions)} 题，满分 {total:g} 分")
    if exam.pass_mark is not None:
        summary += _t(lang, f", pass mark {exam.pass_mark:g}", f"，及格 {exam.pass_mark:g} 分")
    story.append(Paragraph(rich(summary), st.small))
    if any(v != 1.0 for v in marks.values()):
        story.append(Paragraph(rich(_t(lang, "Marks other than 1: ", "非 1 分的题目：") + ", ".join(
            f"{q.number}: {marks[q.item_id]:g}" for q in form.questions
            if marks[q.item_id] != 1.0)), st.small))
    left = f"{exam.title} · " + title
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=size, title=title, footer=_footer(exam, left),
                         subject="answer key")


def render_teacher(exam: Exam, path: str, *, media: dict[str, Media] | None = None,
                   size_name: str = "A4") -> int:
    """Write the teacher's version: master order, each question with its key marked, the
    explanation, topic/system, difficulty, Bloom level, marks and item id/version, then a
    table mapping each master question to its number and key in every form.

    :returns: the number of pages.
    """
    lang = exam.language
    size = page_size(size_name)
    ctx = _Ctx(exam, media or {}, Styles(lang), size)
    st = ctx.st
    subtitle = _t(lang, "Teacher's version — answers and explanations", "教师用卷（含答案与解析）")
    story = _cover(ctx, None, subtitle=subtitle)
    number = 1
    for s, section in enumerate(exam.sections):
        lead = _section_header(ctx, section, s)
        for unit in section.units:
            perms = [list(range(len(i.options))) for i in unit.items]
            story += _unit_blocks(ctx, unit, number, perms, teacher=True, lead=lead)
            lead = []
            number += unit.size
    if exam.forms:
        story.append(PageBreak())
        story.append(Paragraph(rich(_t(lang, "Question numbers and keys by form",
                                       "各卷题号与答案对照"), bold=True), st.h2))
        where = {f.code: {(q.item_id): q for q in f.questions} for f in exam.forms}
        head = [_t(lang, "Master", "母卷"), _t(lang, "Item", "题目")] + [
            _t(lang, f"Form {f.code}", f"{f.code} 卷") for f in exam.forms]
        rows = [[Paragraph(rich(h, bold=True), st.cell_bold) for h in head]]
        for n, item in enumerate(exam.items(), start=1):
            key = "".join(LETTERS[j] for j, o in enumerate(item.options) if o.correct)
            row = [Paragraph(f"{n} ({key})", st.cell), Paragraph(f"{item.id} v{item.version}",
                                                                  st.cell)]
            for f in exam.forms:
                q = where[f.code][item.id]
                row.append(Paragraph(f"{q.number} ({q.key})", st.cell))
            rows.append(row)
        fw = ctx.fw
        t = Table(rows, colWidths=[fw * 0.16, fw * 0.18] + [fw * 0.66 / len(exam.forms)]
                  * len(exam.forms), repeatRows=1)
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(t)
    left = f"{exam.title} · " + _t(lang, "Teacher's version", "教师用卷")
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=size, title=f"{exam.title} — {subtitle}",
                         footer=_footer(exam, left), subject="teacher's version")
