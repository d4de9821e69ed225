"""Stored exams, in the bank's database (tables ``exams`` and ``exam_items`` of schema
version 2, :func:`eduapp.bank.migrations._v2`).

Built on the bank's public ``transaction()`` and ``read()``; each write is one transaction.
Threads: like :class:`~eduapp.bank.Bank`, safe to call from any thread (the bank's lock
serialises calls).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import NotFoundError, ValidationError
from .model import Exam

if TYPE_CHECKING:
    from ..bank import Bank


@dataclass
class ExamSummary:
    """A row of the exam list: id, uid, title, language, question count, forms,
    created_at (epoch seconds)."""

    id: int
    uid: str
    title: str
    language: str
    questions: int
    forms: int
    created_at: float


class ExamStore:
    """Save, load and list exams in ``bank``'s database.

    ::

        store = ExamStore(bank)
        exam_id = store.save(exam)
        again = store.get(exam_id)   # the same item versions, whatever happened since
    """

    def __init__(self, bank: Bank):
        self.bank = bank

    def save(self, exam: Exam) -> int:
        """Insert or update (matched by ``uid``) an exam with its forms and pinned item
        versions; sets ``exam.id``.

        :raises ValidationError: an exam without questions.
        """
        if not exam.question_count:
            raise ValidationError(code="exam.empty")
        data = json.dumps(exam.to_dict(), ensure_ascii=False, separators=(",", ":"))
        t = time.time()
        with self.bank.transaction() as conn:
            row = conn.execute("SELECT id FROM exams WHERE uid = ?", (exam.uid,)).fetchone()
            if row:
                exam.id = row[0]
                conn.execute("UPDATE exams SET title = ?, language = ?, data = ?, "
                             "updated_at = ?, deleted_at = NULL WHERE id = ?",
                             (exam.title, exam.language, data, t, exam.id))
                conn.execute("DELETE FROM exam_items WHERE exam_id = ?", (exam.id,))
            else:
                cur = conn.execute("INSERT INTO exams(uid, title, language, data, created_at, "
                                   "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   (exam.uid, exam.title, exam.language, data,
                                    exam.created_at or t, t))
                exam.id = cur.lastrowid
            conn.executemany("INSERT INTO exam_items(exam_id, position, item_id, version) "
                             "VALUES (?, ?, ?, ?)",
                             [(exam.id, pos, item_id, version) for pos, (item_id, version)
                              in enumerate(exam.item_refs())])
        return exam.id

    def get(self, exam_id: int) -> Exam:
        """The exam with its questions exactly as they were when it was assembled.

        :raises NotFoundError: no such exam (or it was deleted).
        """
        with self.bank.read() as conn:
            row = conn.execute("SELECT data FROM exams WHERE id = ? AND deleted_at IS NULL",
                               (exam_id,)).fetchone()
        if not row:
            raise NotFoundError(code="exam.not-found", values={"id": exam_id})
        exam = Exam.from_dict(json.loads(row[0]), self.bank)
        exam.id = exam_id
        return exam

    def list(self) -> list[ExamSummary]:
        """Every stored exam, newest first."""
        with self.bank.read() as conn:
            rows = conn.execute(
                "SELECT e.id, e.uid, e.title, e.language, "
                "(SELECT COUNT(*) FROM exam_items x WHERE x.exam_id = e.id), "
                "json_array_length(json_extract(e.data, '$.forms')), e.created_at "
                "FROM exams e WHERE e.deleted_at IS NULL ORDER BY e.created_at DESC, e.id DESC"
            ).fetchall()
        return [ExamSummary(*r) for r in rows]

    def delete(self, exam_id: int) -> None:
        """Delete an exam (its items stay in the bank).

        :raises NotFoundError: no such exam.
        """
        with self.bank.transaction() as conn:
            if not conn.execute("UPDATE exams SET deleted_at = ? WHERE id = ? AND "
                                "deleted_at IS NULL", (time.time(), exam_id)).rowcount:
                raise NotFoundError(code="exam.not-found", values={"id": exam_id})

    def recent_item_ids(self, window: int) -> set[int]:
        """Ids of the items used in the last ``window`` stored exams (by creation time)."""
        if window <= 0:
            return set()
        with self.bank.read() as conn:
            return {r[0] for r in conn.execute(
                "SELECT DISTINCT item_id FROM exam_items WHERE exam_id IN (SELECT id FROM "
                "exams WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?)",
                (window,))}
