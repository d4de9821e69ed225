"""The class report as a PDF: students (accuracy, time, weak topics), item statistics
(facility index p, corrected point-biserial, option choice rates, flags, what needs
attention) and exam reliability (KR-20). Landscape, Chinese and English mixed freely."""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..practice.itemstats import describe
from .base import Styles, atomic_output, bilingual, build_pdf, page_size
from .fonts import LATIN, LATIN_BOLD, rich


def _num(value, fmt="{:.2f}") -> str:
    return "" if value is None else fmt.format(value)


def render_class_report(report, path: str, page: str = "A4") -> int:
    """Write ``report`` (an :class:`eduapp.practice.report.ClassReport`) to ``path``.

    :param page: ``A4`` or ``Letter`` (printed landscape).
    :returns: the number of pages.
    :raises ExportError: the file cannot be written (nothing half-written is left).
    """
    language = getattr(report, "language", "en")
    st = Styles(language)
    t = functools.partial(bilingual, language)

    cell = st.small.clone("cell", fontSize=8, leading=10, wordWrap="CJK", textColor=colors.black)

    def P(text, style=cell):
        return Paragraph(rich(str(text), bold=style.fontName == LATIN_BOLD), style)

    grid = TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                       ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = [P(report.title, st.h1), P(t("Students", "学生"), st.h2)]
    rows = [[P(h) for h in (t("Student", "学生"), t("Course", "课程"), t("Answers", "作答数"),
                            t("Accuracy", "正确率"), t("Mean s", "平均用时（秒）"),
                            t("Weak topics", "薄弱知识点"))]]
    rows += [[P(s.name), P(s.course), P(s.attempts),
              P("" if s.accuracy is None else f"{s.accuracy:.0%}"),
              P(_num(s.mean_seconds, "{:.0f}")), P("; ".join(s.weak))] for s in report.students]
    story.append(Table(rows, colWidths=[110, 80, 50, 50, 45, 400], style=grid, repeatRows=1))
    story.append(P(t("Items", "试题"), st.h2))
    rows = [[P(h) for h in (t("Item", "试题"), "n", "p", "r_pb", t("Options", "选项选择率"),
                            t("Flags", "标记"), t("Needs attention", "需关注"))]]
    for it in report.items:
        rows.append([P(report.stems.get(it.item_uid) or it.item_uid[:12]), P(it.n),
                     P(_num(it.p)), P(_num(it.r_pb)),
                     P(" ".join(f"{chr(65 + k)} {r:.0%}" for k, r in enumerate(it.option_rates))),
                     P(it.flags), P(t("; ", "；").join(describe(code, values, language)
                                                       for code, values in it.issues))])
    story.append(Table(rows, colWidths=[220, 30, 35, 35, 125, 35, 255], style=grid,
                       repeatRows=1))
    if report.exams:
        story.append(P(t("Exam reliability (KR-20)", "考试信度（KR-20）"), st.h2))
        rows = [[P(t("Exam", "考试")), P("KR-20")]] + [[P(k), P(_num(v, "{:.3f}"))]
                                            for k, v in sorted(report.exams.items())]
        story.append(Table(rows, colWidths=[300, 80], style=grid))
    story.append(Spacer(1, 6))
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=landscape(page_size(page)), title=report.title,
                         footer=lambda n, total: (report.title, f"{n} / {total}"))
