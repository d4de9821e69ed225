"""Encounter records: store a finished encounter in the student's practice history, and
read it back as per-student results and class results per case and per checklist item
("which history items do most students forget to ask?").

The table belongs to :class:`~eduapp.practice.store.PracticeStore` (``encounters``); this
module only shapes the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..domain import new_uid

if TYPE_CHECKING:
    from ..practice.store import PracticeStore

__all__ = ["encounter_record", "save_encounter", "ItemRate", "CaseClassResult",
           "class_results", "student_results"]


def encounter_record(enc, report, engine: str = "offline") -> dict:
    """The row for :meth:`PracticeStore.save_encounter` from a finished encounter.

    :param enc: the :class:`~eduapp.vpatient.engine.Encounter`.
    :param report: its :class:`~eduapp.vpatient.scoring.ScoreReport`.
    :param engine: ``offline`` or ``llm:<provider name>``.
    """
    return {"uid": new_uid(), "case_id": enc.case.id, "case_title": enc.case.title,
            "language": enc.case.language, "engine": engine, "started_at": enc.started_at,
            "finished_at": enc.finished_at or enc.started_at,
            "seconds": round(enc.elapsed_seconds, 1), "sim_minutes": round(enc.minutes, 1),
            "questions": enc.questions, "tests": len(enc.orders), "cost": enc.cost,
            "score": round(report.total, 1), "diagnosis_correct": report.diagnosis["correct"],
            "transcript": [t.to_dict() for t in enc.transcript], "revealed": list(enc.revealed),
            "orders": list(enc.orders), "result": report.to_dict()}


def save_encounter(store: PracticeStore, profile_id: int, enc, report, engine: str = "offline") -> int:
    """Store a finished encounter for a student. :returns: the row id.

    :raises NotFoundError: no such profile.
    """
    return store.save_encounter(profile_id, encounter_record(enc, report, engine))


@dataclass
class ItemRate:
    """How often a checklist item was done: ``done`` of ``n`` encounters; ``rate`` 0..1."""

    section: str
    item_id: str
    text: str
    done: int
    n: int

    @property
    def rate(self) -> float:
        """0..1."""
        return self.done / self.n if self.n else 0.0


@dataclass
class CaseClassResult:
    """A class's results on one case (each student's latest encounter counts once).

    :ivar students: students with an encounter.
    :ivar mean_score: 0..100.
    :ivar diagnosis_rate: 0..1 share with the right diagnosis.
    :ivar items: per checklist item, least done first.
    """

    case_id: str
    case_title: str
    students: int
    mean_score: float
    diagnosis_rate: float
    mean_questions: float
    mean_cost: float
    items: list[ItemRate] = field(default_factory=list)


def class_results(store: PracticeStore, case_id: str | None = None) -> list[CaseClassResult]:
    """Class results per case (all profiles, imported classmates included), the latest
    encounter of each student per case.

    :param case_id: one case, or every case with encounters.
    :returns: one result per case, by case id.
    """
    latest: dict[tuple[str, int], dict] = {}
    for e in store.encounters(case_id=case_id):
        latest[(e["case_id"], e["profile_id"])] = e  # oldest first: the last one wins
    by_case: dict[str, list[dict]] = {}
    for (cid, _), e in latest.items():
        by_case.setdefault(cid, []).append(e)
    out = []
    for cid in sorted(by_case):
        rows = by_case[cid]
        n = len(rows)
        rates: dict[str, ItemRate] = {}
        for e in rows:
            for sec in (e.get("result") or {}).get("sections", {}).values():
                for it in sec.get("items", []):
                    r = rates.setdefault(it["id"], ItemRate(sec["title"], it["id"],
                                                            it["text"], 0, 0))
                    r.n += 1
                    r.done += bool(it["done"])
        out.append(CaseClassResult(
            cid, rows[-1]["case_title"], n, sum(e["score"] for e in rows) / n,
            sum(e["diagnosis_correct"] for e in rows) / n,
            sum(e["questions"] for e in rows) / n, sum(e["cost"] for e in rows) / n,
            sorted(rates.values(), key=lambda r: (r.rate, r.section, r.item_id))))
    return out


def student_results(store: PracticeStore, profile_id: int) -> list[dict]:
    """One student's encounters for the Progress page, newest first:
    ``[{"id", "case_id", "case_title", "finished_at", "score", "diagnosis_correct",
    "questions", "tests", "cost", "sim_minutes", "seconds"}]``."""
    rows = store.encounters(profile_id, with_details=False)
    keys = ("id", "case_id", "case_title", "finished_at", "score", "diagnosis_correct",
            "questions", "tests", "cost", "sim_minutes", "seconds", "engine")
    return [{k: r[k] for k in keys} for r in reversed(rows)]
