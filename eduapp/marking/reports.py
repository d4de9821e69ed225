"""Reports of a marked sitting: the class report (PDF), results and item analysis (CSV),
and the result slips (PDF, one page per candidate in the student's language).

Written into one folder by :func:`write_reports`: ``class_report.pdf``, ``results.csv``,
``items.csv``, ``result_slips.pdf``, ``review_log.csv``. CSVs are UTF-8 with BOM (Excel
shows Chinese) and keep English column names for scripts.
"""

from __future__ import annotations

import csv
import os
import statistics
import time
from dataclasses import dataclass, field

from ..errors import ExportError, os_reason
from ..exams.model import Exam
from ..practice.itemstats import ItemStat, SittingAnalysis
from .scoring import CandidateScore


@dataclass
class ItemRow:
    """One question of the item table: master number (1-based), stem, key letters."""

    number: int
    stem: str
    key: str
    stat: ItemStat
    item_id: int | None = None


@dataclass
class SittingReport:
    """What the class report and the slips show (built by :func:`build_report`)."""

    exam_title: str
    title: str
    subtitle: str
    language: str
    scores: list[CandidateScore]
    analysis: SittingAnalysis
    items: list[ItemRow]
    topics: list[tuple[str, int, float]]
    form_keys: dict[str, dict[int, str]] = field(default_factory=dict)
    pass_mark: float | None = None
    max_marks: float = 0.0
    pending: int = 0

    @property
    def totals(self) -> list[float]:
        return [s.total for s in self.scores]

    @property
    def mean(self):
        return statistics.fmean(self.totals) if self.scores else None

    @property
    def sd(self):
        return statistics.pstdev(self.totals) if len(self.scores) > 1 else None

    @property
    def high(self):
        return max(self.totals) if self.scores else None

    @property
    def low(self):
        return min(self.totals) if self.scores else None

    @property
    def pass_percent(self):
        if self.pass_mark is None or not self.max_marks:
            return None
        return 100.0 * self.pass_mark / self.max_marks

    @property
    def pass_text(self) -> str:
        if self.pass_mark is None:
            return "-"
        n = sum(1 for s in self.scores if s.passed)
        return f"{n} / {len(self.scores)} (≥ {self.pass_mark:g})"

    def verdict(self, s: CandidateScore, language: str) -> str:
        zh = language == "zh"
        if s.pending:
            return "待复核" if zh else "under review"
        if s.passed is None:
            return "-"
        return ("及格" if s.passed else "不及格") if zh else ("pass" if s.passed else "fail")


def build_report(exam: Exam, scores: list[CandidateScore], analysis: SittingAnalysis,
                 language: str | None = None, pending: int = 0) -> SittingReport:
    """Assemble the report's content (no files written)."""
    language = language or exam.language
    zh = language == "zh"
    items = exam.items()
    rows = []
    for n, (item, st) in enumerate(zip(items, analysis.items), 1):
        key = "".join(chr(65 + k) for k in item.key_indices)
        rows.append(ItemRow(n, item.stem, key, st, item.id))
    topics: dict[str, list] = {}
    done = [s for s in scores if not s.pending]
    for j, item in enumerate(items):
        t = topics.setdefault(item.topic or "-", [0, []])
        t[0] += 1
        for s in done:
            q = s.questions[j]
            if q.marks:
                t[1].append(max(0.0, q.score or 0.0) / q.marks)
    topic_rows = [(k, v[0], 100.0 * statistics.fmean(v[1]) if v[1] else 0.0)
                  for k, v in sorted(topics.items())]
    form_keys = {f.code: {q.number: q.key for q in f.questions} for f in exam.forms}
    when = time.strftime("%Y-%m-%d %H:%M")
    return SittingReport(
        exam_title=exam.title,
        title=(f"{exam.title} — 班级成绩报告" if zh else f"{exam.title} — class report"),
        subtitle=(f"{exam.institution + ' · ' if exam.institution else ''}"
                  f"{exam.question_count} {'题' if zh else 'questions'} · "
                  f"{exam.total_marks:g} {'分' if zh else 'marks'} · {when}"),
        language="zh" if zh else "en", scores=sorted(scores, key=lambda s: s.candidate),
        analysis=analysis, items=rows, topics=topic_rows, form_keys=form_keys,
        pass_mark=exam.pass_mark, max_marks=exam.total_marks, pending=pending)


def write_results_csv(report: SittingReport, path: str) -> None:
    """One row per candidate: number, name, form, marks, percent, result, pending, then
    the answer to each question in master order. :raises ExportError: cannot write."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            n = len(report.items)
            w.writerow(["candidate", "name", "form", "marks", "max", "percent", "result",
                        "pending"] + [f"q{k}" for k in range(1, n + 1)])
            for s in report.scores:
                w.writerow([s.candidate, s.name, s.form, f"{s.total:g}", f"{s.max_marks:g}",
                            f"{s.percent:.1f}", report.verdict(s, "en"), s.pending]
                           + ["" if q.response is None else
                              "".join(chr(65 + k) for k in q.chosen) for q in s.questions])
    except OSError as e:
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None


def write_items_csv(report: SittingReport, path: str) -> None:
    """The item analysis: master number, item id, key, p, corrected r_pb, option rates
    (all and upper group), issues; then KR-20 and SEM. :raises ExportError: cannot write."""
    a = report.analysis
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["number", "item_id", "item_uid", "stem", "key", "n", "p", "r_pb",
                        "option_rates", "upper_group_rates", "attention"])
            for r in report.items:
                s = r.stat
                w.writerow([r.number, r.item_id, s.item_uid, r.stem[:120], r.key, s.n,
                            "" if s.p is None else f"{s.p:.3f}",
                            "" if s.r_pb is None else f"{s.r_pb:.3f}",
                            " ".join(f"{chr(65 + k)}={x:.3f}" for k, x in enumerate(s.option_rates)),
                            " ".join(f"{chr(65 + k)}={x:.3f}" for k, x in enumerate(s.upper_rates)),
                            "; ".join(s.attention)])
            w.writerow([])
            w.writerow(["candidates", "kr20", "sem_questions", "mean_right", "sd_right"])
            w.writerow([a.candidates, "" if a.kr20 is None else f"{a.kr20:.4f}",
                        "" if a.sem is None else f"{a.sem:.4f}",
                        "" if a.mean is None else f"{a.mean:.3f}",
                        "" if a.sd is None else f"{a.sd:.3f}"])
    except OSError as e:
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None


def write_review_log(log: list[dict], path: str) -> None:
    """Every manual fix: when, who, file, page, question, what was seen, old and new."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["at", "by", "file", "page", "question", "detected", "old", "new"])
            for e in log:
                w.writerow([time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(e["at"])),
                            e["by"], e["file"], e["page"], e["question"], e["detected"],
                            e["old"] if e["old"] is not None else "", e["new"]])
    except OSError as e:
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None


def write_reports(report: SittingReport, folder: str, log: list[dict] | None = None,
                  page_size: str = "A4") -> dict[str, str]:
    """Write every report file into ``folder`` (created when missing).

    :returns: kind -> path. :raises ExportError: the folder cannot be written.
    """
    from ..pdf.sitting_report import render_result_slips, render_sitting_report
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise ExportError(code="file.cannot-write-in",
                          values={"folder": folder, "reason": os_reason(e)}) from None
    out = {"class_report": os.path.join(folder, "class_report.pdf"),
           "results": os.path.join(folder, "results.csv"),
           "items": os.path.join(folder, "items.csv"),
           "slips": os.path.join(folder, "result_slips.pdf"),
           "review_log": os.path.join(folder, "review_log.csv")}
    render_sitting_report(report, out["class_report"], page_size)
    write_results_csv(report, out["results"])
    write_items_csv(report, out["items"])
    render_result_slips(report, out["slips"], page_size)
    write_review_log(log or [], out["review_log"])
    return out
