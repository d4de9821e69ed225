"""``PracticeService``: the one object the GUI and the CLI use for practice.

It joins the item bank (read only), the practice store, the FSRS spacer, the short-answer
marker and a clock. Threads: methods may run on any thread (the store and the bank lock
themselves); a :class:`~eduapp.practice.session.Session` belongs to one thread at a time.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Callable

import numpy as np

from ..domain import Document, Item, ItemSet, new_uid
from ..errors import NotFoundError, ValidationError
from . import analytics, builder, exchange, itemstats, report
from .marking import LLMMarker, SelfMarker, ShortAnswerMarker
from .scheduling import Spacer
from .session import Session, SessionDamagedError, _snapshot
from .store import PracticeStore
from .tutor import Tutor, TutorReply

if TYPE_CHECKING:
    from ..bank import Bank

log = logging.getLogger(__name__)


@dataclass
class Recommendation:
    """A recommended next session: a spec ready for :meth:`PracticeService.start` and the
    reasons, as sentences."""

    spec: builder.TestSpec
    reasons: list[str] = field(default_factory=list)


@dataclass
class Deck:
    """The review deck: cards by FSRS state (``new`` is never used: a card exists once
    answered), due now, due by the end of today, and due now per topic."""

    total: int = 0
    learning: int = 0
    review: int = 0
    relearning: int = 0
    due_now: int = 0
    due_today: int = 0
    by_topic: list[tuple[str, int, int]] = field(default_factory=list)  # topic, cards, due


class PracticeService:
    """Practice for the students on this machine.

    :param bank: the item bank (:class:`eduapp.bank.Bank`).
    :param store: the practice history (:class:`PracticeStore`).
    :param clock: returns epoch seconds (tests pass a fixed clock).
    :param marker: short-answer marker (default: the LLM marker when ``llm`` gives a
        provider, else offline self-marking).
    :param llm: ``llm() -> ProviderProfile | None``, asked at each tutor or marking call.
    :param fuzz: FSRS interval fuzzing.
    :param tutor_profile: an LLM provider profile for the tutor, or ``None`` (offline).
    :param allow_reviewed: ``allow_reviewed() -> bool``, asked at each session start: the
        teacher lets students practise reviewed (not yet approved) items too. Default:
        approved items only.
    """

    def __init__(self, bank: Bank, store: PracticeStore, *, clock: Callable[[], float] = time.time,
                 marker: ShortAnswerMarker | None = None, fuzz: bool = True,
                 tutor_profile=None, llm: Callable[[], object] | None = None,
                 allow_reviewed: Callable[[], bool] | None = None):
        self.bank = bank
        self.store = store
        self.clock = clock
        self._marker = marker
        self.spacer = Spacer(fuzz=fuzz)
        self._tutor_profile = tutor_profile
        self._llm = llm
        self._allow_reviewed = allow_reviewed

    def served_statuses(self) -> tuple[str, ...]:
        """The review statuses students are served now (:func:`builder.served_statuses`)."""
        return builder.served_statuses(bool(self._allow_reviewed and self._allow_reviewed()))

    @property
    def tutor_profile(self):
        """The provider profile the tutor and the short-answer marker use now: the one
        given, else what ``llm()`` answers at this moment (so a new default provider is
        used at once), else ``None`` (offline)."""
        if self._tutor_profile is not None:
            return self._tutor_profile
        return self._llm() if self._llm is not None else None

    @property
    def marker(self) -> ShortAnswerMarker:
        """The short-answer marker: the one given, else the LLM marker over
        :attr:`tutor_profile`, else offline self-marking."""
        if self._marker is not None:
            return self._marker
        profile = self.tutor_profile
        return LLMMarker(profile) if profile is not None else SelfMarker()

    @marker.setter
    def marker(self, marker: ShortAnswerMarker | None) -> None:
        self._marker = marker

    @classmethod
    def open_in(cls, data_dir: str, bank: Bank, **kw) -> "PracticeService":
        """The service over ``practice.sqlite`` in ``data_dir`` (damaged files recovered,
        see :meth:`PracticeStore.open_in`)."""
        return cls(bank, PracticeStore.open_in(data_dir), **kw)

    def close(self) -> None:
        self.store.close()

    shutdown = close

    # ------------------------------------------------------------------ profiles

    def profiles(self) -> list[dict]:
        """Local student profiles ``{id, uid, name, course, exam_date, ...}``."""
        return self.store.profiles()

    def create_profile(self, name: str, course: str = "") -> int:
        """:returns: the new profile's id. :raises ValidationError: empty name."""
        return self.store.create_profile(name, course)

    # ------------------------------------------------------------------ sessions

    def start(self, profile_id: int, spec: builder.TestSpec) -> Session:
        """Build and store a new session from ``spec`` (custom test builder).

        :raises ValidationError: a bad spec, or no question matches.
        """
        now = self.clock()
        ids = builder.choose(self.bank, self.store, profile_id, spec, now,
                             self.served_statuses())
        units = self.bank.units(ids)
        chosen = set(ids)
        for u in units:  # a set brings only its served members
            if isinstance(u, ItemSet):
                u.items = [i for i in u.items if i.id in chosen]
        snapshot = _snapshot(units)
        n = sum(len(u["items"]) for u in snapshot)
        state = {"index": 0, "elapsed": 0.0,
                 "time_limit": spec.seconds_per_question * n if spec.mode == "timed" else None}
        row = {"uid": new_uid(), "profile_id": profile_id, "mode": spec.mode,
               "status": "active", "title": spec.title, "exam_id": spec.exam_id,
               "snapshot": json.dumps(snapshot, ensure_ascii=False), "state": state}
        session = Session(self, row)
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO sessions(uid, profile_id, mode, status, title, exam_id, "
                         "spec, snapshot, state, created_at, updated_at) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (row["uid"], profile_id, spec.mode, "active", spec.title,
                          spec.exam_id, json.dumps(spec.to_dict(), ensure_ascii=False),
                          row["snapshot"], json.dumps(session.state), now, now))
        return session

    def open_sessions(self, profile_id: int) -> list[dict]:
        """Unfinished sessions of a student, newest first: ``{uid, mode, title,
        updated_at}``."""
        with self.store.lock:
            rows = self.store.conn.execute(
                "SELECT uid, mode, title, updated_at FROM sessions WHERE profile_id = ? AND "
                "status = 'active' ORDER BY updated_at DESC", (profile_id,)).fetchall()
        return [dict(zip(("uid", "mode", "title", "updated_at"), r)) for r in rows]

    def load_session(self, uid: str) -> Session:
        """A stored session (also finished ones, for review).

        :raises NotFoundError: no such session.
        :raises SessionDamagedError: unreadable; it is closed (status ``damaged``), its
            recorded attempts are kept.
        """
        with self.store.lock:
            row = self.store.conn.execute(
                "SELECT uid, profile_id, mode, status, title, exam_id, snapshot, state FROM "
                "sessions WHERE uid = ?", (uid,)).fetchone()
        if not row:
            raise NotFoundError(code="practice.session-gone")
        d = dict(zip(("uid", "profile_id", "mode", "status", "title", "exam_id", "snapshot",
                      "state"), row))
        try:
            session = Session(self, d)
        except SessionDamagedError:
            with self.store.transaction() as conn:
                conn.execute("UPDATE sessions SET status = 'damaged' WHERE uid = ?", (uid,))
            raise
        session.removed = self.removed_uids([i.uid for i in session.items])
        return session

    def resume(self, profile_id: int) -> Session | None:
        """The student's most recent unfinished session, exactly as it was left, or
        ``None``. A damaged one is closed and :class:`SessionDamagedError` raised (say it
        to the user; the next call returns the one before it, if any)."""
        sessions = self.open_sessions(profile_id)
        return self.load_session(sessions[0]["uid"]) if sessions else None

    def abandon(self, uid: str) -> None:
        """Close an unfinished session without submitting it (attempts recorded stay)."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE sessions SET status = 'finished' WHERE uid = ? AND status = "
                         "'active'", (uid,))

    def removed_uids(self, uids: list[str]) -> set[str]:
        """Which of ``uids`` are no longer (or were never) in the bank."""
        return set(uids) - self.bank.live_uids(uids)

    # ------------------------------------------------------------------ reviews

    def due_queue(self, profile_id: int, limit: int = 50) -> list[str]:
        """Item uids whose review is due now, most overdue first."""
        with self.store.lock:
            return [r[0] for r in self.store.conn.execute(
                "SELECT item_uid FROM cards WHERE profile_id = ? AND due <= ? ORDER BY due "
                "LIMIT ?", (profile_id, self.clock(), int(limit)))]

    def review_spec(self, profile_id: int, limit: int = 50) -> builder.TestSpec:
        """A tutor-mode spec for today's review queue."""
        return builder.TestSpec(pools=["due"], count=max(1, min(limit, builder.MAX_QUESTIONS)),
                                uids=self.due_queue(profile_id, limit), title="Reviews")

    def deck(self, profile_id: int, detail: bool = True) -> Deck:
        """Card counts for the deck view.

        :param detail: also count cards by FSRS state and by topic (a scan of the
            student's cards; without it only ``total``, ``due_now`` and ``due_today``,
            from the due index).
        """
        now = self.clock()
        end = datetime.combine(datetime.fromtimestamp(now).date(),
                               datetime.max.time()).timestamp()
        d = Deck()
        with self.store.lock:
            c = self.store.conn
            if not detail:
                d.total = c.execute("SELECT COUNT(*) FROM cards WHERE profile_id = ?",
                                    (profile_id,)).fetchone()[0]
            for state, count in c.execute("SELECT state, COUNT(*) FROM cards WHERE "
                                          "profile_id = ? GROUP BY state", (profile_id,)
                                          ) if detail else ():
                setattr(d, {1: "learning", 2: "review", 3: "relearning"}[state], count)
            if detail:
                d.total = d.learning + d.review + d.relearning
            d.due_now = c.execute("SELECT COUNT(*) FROM cards WHERE profile_id = ? AND due <= ?",
                                  (profile_id, now)).fetchone()[0]
            d.due_today = c.execute("SELECT COUNT(*) FROM cards WHERE profile_id = ? AND "
                                    "due <= ?", (profile_id, end)).fetchone()[0]
            d.by_topic = [tuple(r) for r in c.execute(
                "SELECT topic, COUNT(*), SUM(due <= ?) FROM cards WHERE profile_id = ? "
                "GROUP BY topic ORDER BY topic", (now, profile_id))] if detail else []
        return d

    # ------------------------------------------------------------------ analytics

    def dashboard(self, profile_id: int, days: int = 30) -> analytics.Dashboard:
        """The student's dashboard numbers (:func:`analytics.dashboard`)."""
        with self.store.lock:
            return analytics.dashboard(self.store.conn, profile_id, self.clock(), days=days)

    def weak_areas(self, profile_id: int, limit: int = 5) -> list[analytics.WeakArea]:
        """Weakest topics (:func:`analytics.weak_areas`)."""
        with self.store.lock:
            return analytics.weak_areas(self.store.conn, profile_id, limit)

    def recommend(self, profile_id: int, count: int = 20) -> Recommendation:
        """The recommended next session: up to half of it due reviews (FSRS queue, most
        overdue first), the rest from the weakest topics (unused and incorrect items
        first), else anything not yet answered."""
        due = self.due_queue(profile_id, count // 2)
        weak = self.weak_areas(profile_id, 3)
        reasons = []
        if due:
            reasons.append(f"{len(due)} reviews due")
        reasons += [w.sentence() for w in weak]
        spec = builder.TestSpec(topics=[w.stats.value for w in weak], count=count,
                                pools=["unused", "incorrect", "due"] if weak else ["unused",
                                                                                   "due"],
                                uids=due, title="Recommended")
        if not weak and not due:
            reasons.append("new questions")
        return Recommendation(spec, reasons)

    def resources(self, topic: str) -> dict[str, list[Document]]:
        """Lecture notes, case studies and handouts in the bank for ``topic``:
        ``{"notes": [...], "case": [...], "handout": [...]}``."""
        return {kind: self.bank.documents(topic=topic, kind=kind, limit=20)
                for kind in ("notes", "case", "handout")}

    def learning_path(self, profile_id: int, days: int = 7, per_day: int = 40,
                      languages=()) -> list[analytics.PlanDay]:
        """The plan for the coming days (:func:`analytics.learning_path`), with the
        profile's exam date if one is set, over the questions the student may be served
        in ``languages`` (empty: all): never more a day on a topic than there are."""
        exam = self.store.profile(profile_id).get("exam_date")
        available = self.question_counts("topic", languages)
        topics = sorted(t for t, n in available.items() if t and n)
        graph = self.store.prerequisites()
        systems = self.topic_systems(languages)
        with self.store.lock:
            return analytics.learning_path(self.store.conn, profile_id, topics, graph,
                                           self.clock(), days=days, exam_date=exam,
                                           per_day=per_day, available=available,
                                           systems=systems)

    def topic_systems(self, languages=()) -> dict[str, str]:
        """``{topic: system}`` over the questions students may be served in ``languages``
        (empty: all): each topic's most common non-empty system (ties: by name), for the
        learning order (:func:`analytics.learning_order`)."""
        return self.bank.topic_systems(self.served_statuses(), tuple(languages))

    def question_counts(self, column: str = "topic", languages=()) -> dict[str, int]:
        """``{value: questions a student may be served}`` for ``column`` (``topic``,
        ``system``, ``discipline``), over the served statuses and ``languages`` (empty:
        all); items without a value count under ``""``.

        :raises ValidationError: another column.
        """
        if column not in ("topic", "system", "discipline"):
            raise ValidationError(code="practice.cannot-count", values={"column": column})
        return self.bank.value_counts(column, self.served_statuses(), tuple(languages))

    def matching_count(self, spec: builder.TestSpec) -> int:
        """How many questions students may be served match ``spec``'s filters (its pools
        and ``count`` aside): what the builder says before a session starts."""
        return len(builder.candidates(self.bank, spec, self.served_statuses()))

    def bank_values(self, column: str = "topic") -> list[str]:
        """Distinct non-empty ``topic``, ``system`` or ``discipline`` values of the bank's
        live items, sorted (on top of ``bank.read()``; cheaper than ``bank.facets()``).

        :raises ValidationError: another column.
        """
        if column not in ("topic", "system", "discipline"):
            raise ValidationError(code="practice.cannot-list", values={"column": column})
        return self.bank.live_values(column)

    def ask_tutor(self, item: Item, question: str, history: list[dict] | None = None,
                  language: str = "en", on_delta=None) -> TutorReply:
        """Ask the tutor about ``item`` (LLM when configured, else the offline sources).
        Blocking: worker thread."""
        return Tutor(self.bank, self.tutor_profile).ask(item, question, history, language,
                                                        on_delta)

    # ------------------------------------------------------------------ teacher

    def first_attempts(self, exam_id: str | None = None) -> dict:
        """First attempts per (student, item) as numpy arrays for item statistics:
        ``{"student", "item", "score", "choice", "n_options", "flagged", "seconds"}``
        (zero-based indices; scores 0..1 to the thousandth; choice -1 for none) plus
        ``"item_uids"`` (sorted) and ``"profile_ids"`` (the rows of ``student``).

        :param exam_id: only attempts of that exam sitting (``None``: all practice).
        """
        where, params = "", []
        if exam_id is not None:
            where, params = "WHERE exam_id = ?", [exam_id]
        # the small integer fields travel packed into one integer per row (fewer Python
        # objects: the fetch is most of the cost): profile id, score in thousandths,
        # choice + 1 and the option count (6 bits each), the flag (1 bit)
        with self.store.lock:
            rows = self.store.conn.execute(
                "SELECT ((((profile_id * 1024 + CAST(ROUND(MIN(MAX(score, 0), 1) * 1000) AS "
                "INTEGER)) * 64 + MIN(MAX(choice + 1, 0), 63)) * 64 + MIN(n_options, 63)) * 2 "
                f"+ (flagged != 0)), item_uid, seconds, answered_at FROM attempts {where}",
                params).fetchall()
        if not rows:
            return {"student": np.zeros(0, int), "item": np.zeros(0, int),
                    "score": np.zeros(0), "choice": np.zeros(0, int),
                    "n_options": np.zeros(0, int), "flagged": np.zeros(0),
                    "seconds": np.zeros(0), "item_uids": [], "profile_ids": []}
        packed, uid, secs, at = zip(*rows)
        packed = np.asarray(packed, np.int64)
        flagged = (packed & 1).astype(float)
        nopt = (packed >> 1) & 63
        choice = ((packed >> 7) & 63) - 1
        score = ((packed >> 13) & 1023) / 1000.0
        pid = packed >> 23
        profile_ids, s_idx = np.unique(pid, return_inverse=True)
        uids = sorted(set(uid))
        index = {u: k for k, u in enumerate(uids)}
        i_idx = np.fromiter(map(index.__getitem__, uid), np.int64, len(uid))
        # the first attempt of each (student, item): sort by pair, then time
        pair = s_idx.astype(np.int64) * len(uids) + i_idx
        order = np.lexsort((np.asarray(at, float), pair))
        keep = order[np.r_[True, pair[order][1:] != pair[order][:-1]]]
        return {"student": s_idx[keep], "item": i_idx[keep], "score": score[keep],
                "choice": choice[keep], "n_options": nopt[keep], "flagged": flagged[keep],
                "seconds": np.asarray(secs, float)[keep], "item_uids": uids,
                "profile_ids": [int(p) for p in profile_ids]}

    def item_statistics(self, exam_id: str | None = None) -> list[itemstats.ItemStat]:
        """Classical item statistics from every student's first attempts
        (:func:`itemstats.item_statistics`), items needing attention first."""
        d = self.first_attempts(exam_id)
        stats = itemstats.item_statistics(d["student"], d["item"], d["score"], d["item_uids"],
                                          choice=d["choice"], n_options=d["n_options"],
                                          flagged=d["flagged"], seconds=d["seconds"])
        stats.sort(key=lambda s: (not s.issues, s.item_uid))
        return stats

    def exam_ids(self) -> list[str]:
        """Exam labels that have attempts."""
        with self.store.lock:
            return [r[0] for r in self.store.conn.execute(
                "SELECT DISTINCT exam_id FROM attempts WHERE exam_id IS NOT NULL ORDER BY 1")]

    def exam_reliability(self, exam_id: str) -> tuple[float | None, int, int]:
        """KR-20 of an exam sitting: students × items of its first attempts (an item a
        student left out scores 0; right means score ≥ 0.8).

        :returns: ``(kr20 or None, students, items)``.
        """
        d = self.first_attempts(exam_id)
        if not len(d["student"]):
            return None, 0, 0
        X = np.zeros((len(d["profile_ids"]), len(d["item_uids"])))
        X[d["student"], d["item"]] = d["score"] >= 0.8
        return itemstats.kr20(X), X.shape[0], X.shape[1]

    def class_report(self, language: str = "en") -> report.ClassReport:
        """Every student in the history (local and imported) and every item answered.

        :param language: ``en`` or ``zh``, for the title and the PDF's wording.
        """
        students = []
        with self.store.lock:
            for p in self.store.profiles(origin=None):
                areas = analytics.area_stats(self.store.conn, p["id"], "topic")
                n = sum(a.n for a in areas)
                weak = analytics.weak_areas(self.store.conn, p["id"], 3)
                students.append(report.StudentRow(
                    p["name"], p["course"], n,
                    sum(a.accuracy * a.n for a in areas) / n if n else None,
                    sum(a.mean_seconds * a.n for a in areas) / n if n else None,
                    [w.stats.value for w in weak]))
        items = self.item_statistics()
        stems = self.bank.stems(i.item_uid for i in items)
        exams = {e: self.exam_reliability(e)[0] for e in self.exam_ids()}
        return report.ClassReport(students, items, stems, exams,
                                  title="班级报告" if language == "zh" else "Class report",
                                  language="zh" if language == "zh" else "en")

    def export_attempts(self, path: str, profile_ids: list[int] | None = None) -> int:
        """Write an ``eduapp-attempts`` file (:mod:`eduapp.practice.exchange`)."""
        return exchange.export_attempts(self.store, path, profile_ids, self.clock())

    def import_attempts(self, paths: list[str]) -> dict:
        """Merge ``eduapp-attempts`` files (:func:`exchange.import_attempts`)."""
        return exchange.import_attempts(self.store, list(paths))
