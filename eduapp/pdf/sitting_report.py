"""PDFs of a marked exam sitting: the class report (score histogram, per-topic results,
students, item table with flags, reliability, thresholds with their sources) and the
result slips (one page per candidate, each in that student's language).

Inputs are plain objects built by :mod:`eduapp.marking.reports` (duck-typed here, so
this module does not import the marking package).
"""

from __future__ import annotations

import functools

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from ..practice.itemstats import THRESHOLD_SOURCES, describe
from .base import Styles, atomic_output, bilingual, build_pdf, page_size
from .fonts import LATIN, LATIN_BOLD, rich

BAR = colors.HexColor("#3b6ea8")
PASS = colors.HexColor("#c0306a")


def histogram(percents: list[float], language: str, width: float = 360,
              height: float = 150, pass_percent: float | None = None) -> Drawing:
    """Bars of candidates per 10 % band of the score (0-9 ... 90-100)."""
    t = functools.partial(bilingual, language)
    bins = [0] * 10
    for p in percents:
        bins[min(9, max(0, int(p // 10)))] += 1
    top = max(bins) or 1
    d = Drawing(width, height)
    left, bottom, plot_w, plot_h = 30, 22, width - 40, height - 36
    bw = plot_w / 10
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.black, strokeWidth=0.6))
    for k, n in enumerate(bins):
        h = plot_h * n / top
        d.add(Rect(left + k * bw + 2, bottom, bw - 4, h, fillColor=BAR, strokeColor=None))
        if n:
            d.add(String(left + k * bw + bw / 2, bottom + h + 2, str(n), fontName=LATIN,
                         fontSize=7, textAnchor="middle"))
        d.add(String(left + k * bw + bw / 2, bottom - 10, f"{k * 10}", fontName=LATIN,
                     fontSize=7, textAnchor="middle"))
    if pass_percent is not None:
        x = left + plot_w * min(100.0, pass_percent) / 100
        d.add(Line(x, bottom, x, bottom + plot_h, strokeColor=PASS, strokeWidth=1,
                   strokeDashArray=[3, 2]))
        d.add(String(x + 2, bottom + plot_h - 8, t("pass", "及格线"), fontName=LATIN,
                     fontSize=7, fillColor=PASS))
    d.add(String(left + plot_w / 2, 2, t("score, % of marks", "得分率（%）"), fontName=LATIN,
                 fontSize=7.5, textAnchor="middle"))
    return d


def _grid() -> TableStyle:
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                       ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _num(v, fmt="{:.2f}") -> str:
    return "" if v is None else fmt.format(v)


def render_sitting_report(report, path: str, page: str = "A4") -> int:
    """Write the class report of a sitting (a :class:`eduapp.marking.reports.SittingReport`).

    :returns: the number of pages. :raises ExportError: cannot write (nothing left behind).
    """
    language = report.language
    st = Styles(language)
    t = functools.partial(bilingual, language)
    cell = st.small.clone("cell", fontSize=8, leading=10, wordWrap="CJK",
                          textColor=colors.black)

    def P(text, style=cell):
        return Paragraph(rich(str(text), bold=style.fontName == LATIN_BOLD), style)

    a = report.analysis
    story = [P(report.title, st.h1), P(report.subtitle, st.small)]
    summary = [[P(t("Candidates", "考生")), P(len(report.scores))],
               [P(t("Mean (marks)", "平均分")), P(_num(report.mean))],
               [P(t("SD (marks)", "标准差")), P(_num(report.sd))],
               [P(t("Highest / lowest", "最高 / 最低")),
                P(f"{_num(report.high)} / {_num(report.low)}")],
               [P(t("Passed", "及格")), P(report.pass_text)],
               [P("KR-20"), P(_num(a.kr20, "{:.3f}"))],
               [P(t("SEM (questions)", "测量标准误（题）")), P(_num(a.sem))],
               [P(t("Awaiting review", "待复核")), P(report.pending)]]
    story.append(Table([[Table(summary, colWidths=[110, 90], style=_grid()),
                         histogram([s.percent for s in report.scores], language,
                                   pass_percent=report.pass_percent)]],
                       colWidths=[220, 380]))
    story.append(P(t("Results by topic", "各知识点得分率"), st.h2))
    rows = [[P(h) for h in (t("Topic", "知识点"), t("Questions", "题数"),
                            t("Mean % of marks", "平均得分率"))]]
    rows += [[P(topic), P(n), P(f"{pct:.0f}%")] for topic, n, pct in report.topics]
    story.append(Table(rows, colWidths=[300, 60, 100], style=_grid(), repeatRows=1))
    story.append(P(t("Items", "试题分析"), st.h2))
    rows = [[P(h) for h in ("#", t("Item", "试题"), t("Key", "答案"), "p", "r_pb",
                            t("Options (all / upper 27 %)", "选项选择率（全体 / 高分组）"),
                            t("Needs attention", "需关注"))]]
    for row in report.items:
        s = row.stat
        opts = " ".join(f"{chr(65 + k)} {r:.0%}/{(s.upper_rates[k] if k < len(s.upper_rates) else 0):.0%}"
                        for k, r in enumerate(s.option_rates))
        rows.append([P(row.number), P(row.stem[:160]), P(row.key), P(_num(s.p)),
                     P(_num(s.r_pb)), P(opts),
                     P(t("; ", "；").join(describe(c, v, language) for c, v in s.issues))])
    story.append(Table(rows, colWidths=[22, 230, 32, 32, 36, 170, 230], style=_grid(),
                       repeatRows=1))
    story.append(P(t("Students", "学生成绩"), st.h2))
    rows = [[P(h) for h in (t("Candidate", "准考证号"), t("Name", "姓名"), t("Form", "试卷"),
                            t("Marks", "得分"), "%", t("Result", "结果"),
                            t("Awaiting review", "待复核"))]]
    for s in report.scores:
        rows.append([P(s.candidate or "?"), P(s.name), P(s.form), P(_num(s.total, "{:g}")),
                     P(f"{s.percent:.0f}"), P(report.verdict(s, language)), P(s.pending or "")])
    story.append(Table(rows, colWidths=[100, 140, 40, 60, 40, 80, 80], style=_grid(),
                       repeatRows=1))
    story.append(P(t("Thresholds and their sources", "判定标准及出处"), st.h2))
    th = a.thresholds
    lines = [f"p < {th['p_low']} / p > {th['p_high']}: {THRESHOLD_SOURCES['p_low']}",
             f"r_pb < {th['r_pb_low']}: {THRESHOLD_SOURCES['r_pb_low']}",
             f"< {th['nonfunctional']:.0%}: {THRESHOLD_SOURCES['nonfunctional']}",
             f"{th['group']:.0%}: {THRESHOLD_SOURCES['group']}", THRESHOLD_SOURCES["kr20"]]
    story += [P(x, st.small) for x in lines]
    story.append(Spacer(1, 6))
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=landscape(page_size(page)), title=report.title,
                         footer=lambda n, total: (report.title, f"{n} / {total}"))


def render_result_slips(report, path: str, page: str = "A4") -> int:
    """One page per candidate in the student's language (class list ``language``, else
    the exam's): marks, result, per-topic results and every answer beside the key.

    :returns: the number of pages. :raises ExportError: cannot write.
    """
    story = []
    for k, s in enumerate(report.scores):
        language = s.language or report.language
        st = Styles(language)
        t = functools.partial(bilingual, language)
        cell = st.small.clone(f"cell{k}", fontSize=8.5, leading=10.5, wordWrap="CJK",
                              textColor=colors.black)

        def P(text, style=cell):
            return Paragraph(rich(str(text), bold=style.fontName == LATIN_BOLD), style)

        if k:
            story.append(PageBreak())
        story.append(P(t("Result slip", "成绩单"), st.h1))
        story.append(P(report.exam_title, st.h3))
        head = [[P(t("Name", "姓名")), P(s.name or "-")],
                [P(t("Candidate number", "准考证号")), P(s.candidate or "?")],
                [P(t("Form", "试卷类型")), P(s.form)],
                [P(t("Marks", "得分")), P(f"{s.total:g} / {s.max_marks:g} ({s.percent:.0f}%)")],
                [P(t("Result", "结果")), P(report.verdict(s, language))]]
        story.append(Table(head, colWidths=[120, 300], style=_grid()))
        story.append(Spacer(1, 6))
        rows = [[P(t("Topic", "知识点")), P(t("Marks", "得分")), "%"]]
        for topic, (got, avail) in sorted(s.by_topic().items()):
            rows.append([P(topic), P(f"{got:g} / {avail:g}"),
                         P(f"{100 * got / avail:.0f}%" if avail else "")])
        story.append(Table(rows, colWidths=[250, 90, 60], style=_grid(), repeatRows=1))
        story.append(Spacer(1, 6))
        keys = report.form_keys.get(s.form, {})
        qs = sorted(s.questions, key=lambda q: q.number)
        rows = [[P(h) for h in (t("No.", "题号"), t("Your answer", "你的答案"),
                                t("Key", "答案"), t("Marks", "得分"))] * 2]
        half = -(-len(qs) // 2)
        for i in range(half):
            line = []
            for q in (qs[i], qs[i + half] if i + half < len(qs) else None):
                if q is None:
                    line += ["", "", "", ""]
                    continue
                answer = ("…" if q.response is None else (q.response or "—"))
                line += [P(q.number), P(answer), P(keys.get(q.number, "")),
                         P("" if q.score is None else f"{q.score:g}")]
            rows.append(line)
        story.append(Table(rows, colWidths=[36, 70, 50, 50] * 2, style=_grid(), repeatRows=1))
    if not story:
        story = [Paragraph("-", Styles(report.language).body)]
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=page_size(page), title=report.exam_title,
                         footer=lambda n, total: (report.exam_title, f"{n} / {total}"))
