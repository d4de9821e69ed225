"""The teacher's class report: per-student summary and item statistics, and its CSV.

The PDF of the same report is drawn by :func:`eduapp.pdf.class_report.render_class_report`
(a renderer sits above the practice package; this module never imports it).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from ..errors import ExportError, os_reason
from .itemstats import ItemStat


@dataclass
class StudentRow:
    """One student in the report: answers, accuracy 0..1, mean seconds, weakest topics."""

    name: str
    course: str
    attempts: int
    accuracy: float | None
    mean_seconds: float | None
    weak: list[str] = field(default_factory=list)


@dataclass
class ClassReport:
    """Students, item statistics (with stems where the bank still has the item), and the
    KR-20 of each exam id seen.

    :ivar language: ``en`` or ``zh``: the PDF's headings and wording (the CSV keeps
        English column names for spreadsheets and scripts).
    """

    students: list[StudentRow]
    items: list[ItemStat]
    stems: dict[str, str] = field(default_factory=dict)
    exams: dict[str, float | None] = field(default_factory=dict)
    title: str = "Class report"
    language: str = "en"


def _pct(x):
    return "" if x is None else f"{x:.0%}"


def _num(x, fmt="{:.2f}"):
    return "" if x is None else fmt.format(x)


def write_csv(report: ClassReport, path: str) -> None:
    """Two tables in one UTF-8 CSV (with BOM, so Excel shows Chinese): students, then
    items. :raises ExportError: cannot write."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["student", "course", "answers", "accuracy", "mean_seconds",
                        "weak_topics"])
            for s in report.students:
                w.writerow([s.name, s.course, s.attempts, _num(s.accuracy, "{:.3f}"),
                            _num(s.mean_seconds, "{:.1f}"), "; ".join(s.weak)])
            w.writerow([])
            w.writerow(["item_uid", "stem", "n", "p", "r_pb", "option_rates", "flags",
                        "attention"])
            for it in report.items:
                w.writerow([it.item_uid, report.stems.get(it.item_uid, "")[:120], it.n,
                            _num(it.p, "{:.3f}"), _num(it.r_pb, "{:.3f}"),
                            " ".join(f"{chr(65 + k)}={r:.2f}" for k, r in
                                     enumerate(it.option_rates)),
                            it.flags, "; ".join(it.attention)])
            if report.exams:
                w.writerow([])
                w.writerow(["exam_id", "kr20"])
                for exam, value in sorted(report.exams.items()):
                    w.writerow([exam, _num(value, "{:.3f}")])
    except OSError as e:
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None
