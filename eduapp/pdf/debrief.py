"""The virtual-patient debrief as a PDF: score by checklist section with what was missed,
global rating, efficiency, diagnosis, management, teaching points and the transcript; in
the case's language (Chinese text in the embedded CJK font)."""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from .base import Styles, atomic_output, bilingual, build_pdf, frame_size, page_label, page_size
from .fonts import LATIN, LATIN_BOLD, rich


def _n(n: int, word: str) -> str:
    """``1 question``, ``2 questions`` (English plurals with an ``s``)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def diagnosis_reason(dx: dict, lang: str) -> str:
    """Why a submitted diagnosis counts as correct or not, in ``lang``.

    :param dx: a debrief's ``diagnosis`` dict: ``submitted``, ``correct`` and ``reason``
        (``synonym``, ``not judged: …``, the language model's sentence, or "").
    """
    t = functools.partial(bilingual, lang)
    reason = dx.get("reason") or ""
    if not dx.get("submitted"):
        return t("No diagnosis was submitted.", "未提交诊断。")
    if reason == "synonym":
        return t("Your leading diagnosis names the expected diagnosis or one of its accepted "
                 "synonyms.", "你的首要诊断与正确诊断或其认可的同义名称一致。")
    if reason.startswith("not judged:"):
        why = reason.split(":", 1)[1].strip()
        return t(f"Your leading diagnosis matches none of the accepted names, and the language "
                 f"model could not judge it ({why}).",
                 f"你的首要诊断与认可的名称都不一致，语言模型也未能判定（{why}）。")
    if reason:
        return t(f"Judged by the language model: {reason}", f"由语言模型判定：{reason}")
    return t("Your leading diagnosis (the first one you wrote) matches neither the expected "
             "diagnosis nor its accepted synonyms.",
             "你的首要诊断（写在最前面的一个）与正确诊断及其认可的同义名称都不一致。")


def render_debrief(report, path: str, *, student: str = "", page: str = "A4") -> int:
    """Write the debrief of an encounter to ``path``.

    :param report: a :class:`eduapp.vpatient.scoring.ScoreReport`.
    :param student: the student's name for the title block (may be empty).
    :param page: ``A4`` or ``Letter``.
    :returns: the number of pages.
    :raises ExportError: the file cannot be written (nothing half-written is left).
    """
    lang = report.language
    t = functools.partial(bilingual, lang)
    st = Styles(lang)
    size = page_size(page)
    width = frame_size(size)[0]

    def P(text, style=st.body, bold=False):
        return Paragraph(rich(str(text), bold=bold or style.fontName == LATIN_BOLD), style)

    grid = TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                       ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = [P(t("Virtual patient debrief", "虚拟病人复盘"), st.title),
             P(report.case_title + (f" — {student}" if student else ""), st.subtitle),
             Spacer(1, 4)]
    head = f"{t('Score: ', '得分：')}{report.total:.0f} / 100"
    if report.global_rating is not None:
        head += t(' · Global rating (derived): ', ' · 整体评分（推算）：') + \
                f"{report.global_rating} / {report.rating_scale}"
    story.append(P(head, st.h2))
    dx = report.diagnosis
    verdict = t("correct", "正确") if dx["correct"] else t("not correct", "不正确")
    story.append(P(t("Diagnosis", "诊断"), st.h2))
    submitted = dx["submitted"] or t("none", "未提交")
    story.append(P(t(f"Your diagnosis: {submitted} ({verdict}). Expected: {dx['expected']}",
                     f"你的诊断：{submitted}（{verdict}）。正确诊断：{dx['expected']}")))
    story.append(P(diagnosis_reason(dx, lang)))
    if report.differential:
        story.append(P(t("Differential you considered: ", "你考虑的鉴别诊断：")
                       + t("; ", "；").join(report.differential)))
    story.append(P(t("Checklist by section", "评分表各部分"), st.h2))
    rows = [[P(h, st.cell_bold) for h in (t("Section", "部分"), t("Points", "得分"),
                                          t("Missed", "遗漏项目"))]]
    for s in report.sections:
        missed = [i.text if not 0 < i.credit < 1 else
                  t(f"{i.text} (partly done: {i.credit:.0%})",
                    f"{i.text}（部分完成：{i.credit:.0%}）") for i in s.items if not i.done]
        rows.append([P(s.title, st.cell), P(s.points_text, st.cell),
                     P(t("; ", "；").join(missed) or t("none", "无"), st.cell)])
    story.append(Table(rows, colWidths=[width * 0.22, width * 0.13, width * 0.65], style=grid,
                       repeatRows=1))
    e = report.efficiency
    story.append(P(t("Efficiency", "效率"), st.h2))
    seconds = int(e.get("seconds", 0) or 0)
    story.append(P(t(f"{_n(e['questions'], 'question')} ({e['not_understood']} not "
                     f"understood), {_n(e['examinations'], 'examination')}, "
                     f"{_n(e['tests'], 'test')} ({e['unlisted_tests']} not in the case), cost "
                     f"{e['cost']:g} {e['currency']}, {e['minutes']:g} simulated minutes, real "
                     f"time {seconds // 60}:{seconds % 60:02d}.",
                     f"提问 {e['questions']} 个（{e['not_understood']} 个未被理解），查体 "
                     f"{e['examinations']} 项，检查 {e['tests']} 项（其中 {e['unlisted_tests']} "
                     f"项不在病例中），费用 {e['cost']:g} {e['currency']}，模拟用时 "
                     f"{e['minutes']:g} 分钟，实际用时 {seconds // 60}:{seconds % 60:02d}。")))
    m = report.management
    story.append(P(t("Management", "治疗"), st.h2))
    story.append(P(t("Done: ", "已做：") + (t("; ", "；").join(m["done"]) or t("none", "无"))))
    story.append(P(t("Missed: ", "遗漏：") + (t("; ", "；").join(m["missed"])
                                            or t("none", "无"))))
    if report.summary:
        story += [P(t("The case", "病例小结"), st.h2), P(report.summary)]
    if report.teaching_points:
        story.append(P(t("Teaching points", "教学要点"), st.h2))
        story += [Paragraph(rich(p), st.bullet, bulletText="•") for p in report.teaching_points]
    story.append(P(t("Transcript", "对话记录"), st.h2))
    who = {"student": t("Student", "学生"), "patient": t("Patient", "病人"),
           "system": t("System", "系统")}
    for turn in report.transcript:
        story.append(Paragraph(f"<b>{rich(who.get(turn['role'], turn['role']), bold=True)}"
                               f"</b> [{turn['minutes']:g}′] {rich(turn['text'])}", st.body))
    story.append(Spacer(1, 4))
    title = t("Debrief: ", "复盘：") + report.case_title
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=size, title=title,
                         footer=lambda n, total: (report.case_title, page_label(n, total, lang)))
