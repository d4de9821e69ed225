"""A practice session: tutor or timed mode, persisted on every action.

A session keeps a snapshot of its items (as they were when it started), so an item edited
or deleted in the bank meanwhile does not disturb it; its state (current question,
answers, flags, struck-out options, time per question, elapsed time) is written to
``practice.sqlite`` in the same transaction as the attempt each action records, so the
session resumes exactly where it stopped after a crash or a power cut.

Time: the clock runs while a question is shown; each action adds the time since the
previous action to the current question (capped at :data:`IDLE_CAP` seconds, so a
session left open overnight does not count the night). Time while the app was closed is
not counted; a timed session's allowance resumes where it stopped.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Callable

from ..domain import Item, Option, new_uid
from ..errors import NotFoundError, ValidationError
from .aggregates import update_aggregates
from .grading import Feedback, feedback_for, score_response
from .marking import Mark, SelfMarker, ShortAnswerMarker
from .scheduling import (CardState, Spacer, expected_seconds, load_card, rating_for,
                         save_card)

log = logging.getLogger(__name__)

#: Longest stretch (seconds) counted between two actions.
IDLE_CAP = 600.0
#: A running timed session saves its clock at least this often (seconds) from :meth:`tick`.
TICK_SAVE = 10.0


class SessionDamagedError(ValidationError):
    """A stored session cannot be read back; it was closed (its attempts are kept)."""


@dataclass
class QuestionView:
    """What the page shows for one question.

    :ivar index: zero-based position in the session; :ivar total: questions in it.
    :ivar set_kind: ``case`` / ``shared_options`` / ``None``; :ivar set_vignette: the case
        text shown with each question of a case set; :ivar shared_options: the B1 option
        list; :ivar set_position: zero-based position in the set, :ivar set_size.
    :ivar response: the current answer (option indices or text) or ``None``.
    :ivar checked: tutor mode: the answer was submitted and marked.
    :ivar feedback: after checking (tutor) or after submitting (timed review).
    :ivar removed: the item was deleted from the bank since the session began.
    :ivar highlights: ``(start, end)`` character ranges of :attr:`Item.full_stem` the
        student highlighted, zero-based, end exclusive, sorted, not overlapping.
    :ivar rateable: the answer was recorded and its FSRS card may be rated
        (:meth:`Session.rate`); :ivar rating: the FSRS rating (1 Again .. 4 Easy) the card
        got, the automatic one until the student rates it; :ivar rated_by: who gave that
        rating: ``"auto"`` (:func:`~.scheduling.rating_for`), ``"student"`` or ``""`` (none).
    """

    index: int
    total: int
    item: Item
    set_kind: str | None = None
    set_title: str = ""
    set_vignette: str = ""
    shared_options: list[Option] = field(default_factory=list)
    set_position: int = 0
    set_size: int = 1
    response: object = None
    flagged: bool = False
    struck: list[int] = field(default_factory=list)
    highlights: list[tuple[int, int]] = field(default_factory=list)
    rating: int | None = None
    rateable: bool = False
    rated_by: str = ""
    checked: bool = False
    feedback: Feedback | None = None
    removed: bool = False


def _snapshot(units) -> list[dict]:
    from ..domain import ItemSet
    out = []
    for u in units:
        if isinstance(u, ItemSet):
            out.append({"set": {"uid": u.uid, "kind": u.kind, "title": u.title,
                                "vignette": u.vignette,
                                "options": [o.to_dict() for o in u.options]},
                        "items": [i.to_dict(with_ids=True) for i in u.items]})
        else:
            out.append({"set": None, "items": [u.to_dict(with_ids=True)]})
    return out


class Session:
    """One practice session of one student. Not thread-safe: use from one thread (the GUI
    thread is fine: every action is a few milliseconds).

    Build one with :meth:`PracticeService.start` or :meth:`PracticeService.resume`.
    """

    def __init__(self, service, row: dict):
        self.service = service
        self.store = service.store
        self.uid: str = row["uid"]
        self.profile_id: int = row["profile_id"]
        self.mode: str = row["mode"]
        self.status: str = row["status"]
        self.title: str = row.get("title") or ""
        self.exam_id: str | None = row.get("exam_id")
        try:
            snapshot = json.loads(row["snapshot"]) if isinstance(row["snapshot"], str) \
                else row["snapshot"]
            self.state: dict = json.loads(row["state"]) if isinstance(row["state"], str) \
                else row["state"]
            self.items: list[Item] = []
            self.units: list[tuple[dict | None, int, int]] = []  # (set, position, size)
            for unit in snapshot:
                members = [Item.from_dict({k: v for k, v in d.items() if k != "id"})
                           for d in unit["items"]]
                for pos, item in enumerate(members):
                    self.items.append(item)
                    self.units.append((unit["set"], pos, len(members)))
            n = len(self.items)
            for key, default in (("answers", None), ("flags", False), ("struck", None),
                                 ("seconds", 0.0), ("checked", False), ("marks", None),
                                 ("attempts", None), ("reviews", None),
                                 ("highlights", None)):
                value = self.state.setdefault(key, [default] * n)
                if not isinstance(value, list) or len(value) != n:
                    raise ValueError(f"state field {key} has the wrong shape")
            self.state.setdefault("index", 0)
            self.state.setdefault("elapsed", 0.0)
            if not 0 <= int(self.state["index"]) < max(1, n) or n == 0:
                raise ValueError("index out of range")
        except (ValueError, KeyError, TypeError) as e:
            raise SessionDamagedError(code="session.damaged", values={"detail": str(e)}) from None
        self.removed: set[str] = set()
        self._tick = service.clock()
        self._saved_at = self._tick

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self.items)

    @property
    def index(self) -> int:
        """Zero-based index of the current question."""
        return int(self.state["index"])

    @property
    def time_limit(self) -> float | None:
        """Timed mode's allowance in seconds (``None`` in tutor mode)."""
        return self.state.get("time_limit")

    @property
    def finished(self) -> bool:
        return self.status in ("submitted", "finished")

    def remaining(self) -> float | None:
        """Seconds left in a timed session (never below 0), ``None`` in tutor mode."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.state["elapsed"] - self._since())

    def _since(self) -> float:
        if self.finished:
            return 0.0
        return min(IDLE_CAP, max(0.0, self.service.clock() - self._tick))

    def question(self, index: int | None = None) -> QuestionView:
        """The :class:`QuestionView` of question ``index`` (default: the current one)."""
        i = self.index if index is None else index
        if not 0 <= i < len(self.items):
            raise NotFoundError(code="session.no-question", values={"n": i + 1})
        item = self.items[i]
        st = self.state
        s, pos, size = self.units[i]
        fb = None
        if st["checked"][i] or self.finished:
            fb = self._feedback(i)
        return QuestionView(
            index=i, total=len(self.items), item=item, set_kind=s["kind"] if s else None,
            set_title=s["title"] if s else "", set_vignette=(s["vignette"] if s and
                                                             s["kind"] == "case" else ""),
            shared_options=[Option.from_dict(o) for o in s["options"]] if s and
            s["kind"] == "shared_options" else [], set_position=pos, set_size=size,
            response=st["answers"][i], flagged=bool(st["flags"][i]),
            struck=list(st["struck"][i] or []), checked=bool(st["checked"][i]), feedback=fb,
            removed=item.uid in self.removed,
            highlights=[tuple(r) for r in st["highlights"][i] or []],
            rating=(st["reviews"][i] or {}).get("rating"),
            rated_by=(st["reviews"][i] or {}).get("by", "auto") if st["reviews"][i] else "",
            rateable=bool(st["reviews"][i]) and not self._locked_rating(i))

    def _feedback(self, i: int) -> Feedback:
        item = self.items[i]
        mark = self.state["marks"][i] or {}
        response = self.state["answers"][i]
        score = mark.get("score") if mark else score_response(item, response)
        return feedback_for(item, response, score, struck=self.state["struck"][i] or [],
                            marked_by=mark.get("by", "auto"), missing=mark.get("missing", []),
                            comment=mark.get("comment", ""),
                            student_score=mark.get("student_score"))

    def navigator(self) -> list[dict]:
        """One entry per question for the navigator: ``{"answered", "flagged", "checked",
        "correct" (None until known), "score" (0..1, None until known)}``; a score from
        :data:`~.scheduling.PARTLY_RIGHT_SCORE` up to (not including) 0.8 is partly right."""
        out = []
        for i in range(len(self.items)):
            mark = self.state["marks"][i]
            known = self.state["checked"][i] or self.finished
            score = (mark or {}).get("score") if mark else None
            out.append({"answered": self.state["answers"][i] not in (None, [], ""),
                        "flagged": bool(self.state["flags"][i]),
                        "checked": bool(self.state["checked"][i]),
                        "correct": (score >= 0.8 if score is not None else None)
                        if known else None,
                        "score": score if known else None})
        return out

    # ------------------------------------------------------------------ persistence

    def _advance_clock(self) -> None:
        if self.finished:
            return
        dt = self._since()
        self._tick = self.service.clock()
        self.state["seconds"][self.index] += dt
        self.state["elapsed"] += dt

    def _save(self, conn) -> None:
        self._saved_at = self.service.clock()
        conn.execute("UPDATE sessions SET state = ?, status = ?, updated_at = ? WHERE uid = ?",
                     (json.dumps(self.state, ensure_ascii=False, separators=(",", ":")),
                      self.status, self._saved_at, self.uid))

    def _act(self, change: Callable[[object], object] | None = None):
        """Advance the clock, apply ``change(conn)`` and save the state, in one transaction."""
        self._advance_clock()
        with self.store.transaction() as conn:
            result = change(conn) if change else None
            self._save(conn)
        return result

    def _require_open(self) -> None:
        if self.finished:
            raise ValidationError(code="session.over")

    # ------------------------------------------------------------------ navigation

    def go(self, index: int) -> QuestionView:
        """Move to question ``index`` (zero-based; clamped to the session)."""
        index = max(0, min(len(self.items) - 1, index))
        self._act(lambda conn: self.state.__setitem__("index", index))
        return self.question()

    def next(self) -> QuestionView:
        """Move to the next question (stays on the last)."""
        return self.go(self.index + 1)

    def previous(self) -> QuestionView:
        """Move to the previous question (stays on the first)."""
        return self.go(self.index - 1)

    def toggle_flag(self, index: int | None = None) -> bool:
        """Flag or unflag a question for review; the flag also joins the student's
        ``flagged`` pool. :returns: the new flag."""
        i = self.index if index is None else index
        value = not self.state["flags"][i]
        uid = self.items[i].uid
        now = self.service.clock()

        def change(conn):
            self.state["flags"][i] = value
            if value:
                conn.execute("INSERT OR REPLACE INTO flags VALUES (?, ?, ?)",
                             (self.profile_id, uid, now))
            else:
                conn.execute("DELETE FROM flags WHERE profile_id = ? AND item_uid = ?",
                             (self.profile_id, uid))
        self._act(change)
        return value

    def toggle_strike(self, option: int, index: int | None = None) -> list[int]:
        """Strike an option out (or back in). :returns: the struck-out options."""
        i = self.index if index is None else index
        struck = set(self.state["struck"][i] or [])
        struck.symmetric_difference_update({option})
        self._act(lambda conn: self.state["struck"].__setitem__(i, sorted(struck)))
        return sorted(struck)

    # ------------------------------------------------------------------ answering

    def toggle_highlight(self, start: int, end: int, index: int | None = None
                         ) -> list[tuple[int, int]]:
        """Highlight characters ``start..end`` (zero-based, end exclusive) of the question's
        :attr:`Item.full_stem`, or clear the highlight there when the range is highlighted
        already (a toggle, like a highlighter pen in exam software).

        :returns: the question's highlights afterwards, sorted and merged.
        :raises ValidationError: an empty or out-of-range span.
        """
        i = self.index if index is None else index
        length = len(self.items[i].full_stem)
        start, end = min(start, end), max(start, end)
        if start < 0 or end > length or start == end:
            raise ValidationError(code="session.highlight-empty")
        ranges = [tuple(r) for r in self.state["highlights"][i] or []]
        covered = any(a <= start and end <= b for a, b in ranges)
        if covered:  # clear: cut the span out of every range
            out = []
            for a, b in ranges:
                if b <= start or a >= end:
                    out.append((a, b))
                else:
                    if a < start:
                        out.append((a, start))
                    if end < b:
                        out.append((end, b))
        else:  # add, merging overlapping or touching ranges
            out = []
            for a, b in sorted(ranges + [(start, end)]):
                if out and a <= out[-1][1]:
                    out[-1] = (out[-1][0], max(out[-1][1], b))
                else:
                    out.append((a, b))
        self._act(lambda conn: self.state["highlights"].__setitem__(
            i, [list(r) for r in out] or None))
        return out

    def _locked_rating(self, i: int) -> bool:
        """A rating can no longer change once the student moved past a later answer of
        the same card (another session reviewed it since)."""
        review = self.state["reviews"][i]
        if not review:
            return True
        with self.store.lock:
            row = self.store.conn.execute(
                "SELECT last_review FROM cards WHERE profile_id = ? AND item_uid = ?",
                (self.profile_id, self.items[i].uid)).fetchone()
        return row is None or row[0] != review["at"]

    def rate(self, rating: int, index: int | None = None) -> int:
        """The student's own FSRS rating of a recorded answer (1 Again, 2 Hard, 3 Good,
        4 Easy), replacing the automatic one (:func:`~.scheduling.rating_for`): the card
        is rescheduled from its state before this answer, as if it had been rated so.

        :returns: the rating. :raises ValidationError: a rating outside 1..4, the answer
            not recorded yet, or the card reviewed again since (in another session).
        """
        from fsrs import Rating
        i = self.index if index is None else index
        if rating not in (1, 2, 3, 4):
            raise ValidationError(code="session.bad-rating")
        review = self.state["reviews"][i]
        if not review:
            raise ValidationError(code="session.rate-unanswered")
        if self._locked_rating(i):
            raise ValidationError(code="session.rating-locked")
        prior = review.get("prior")
        card = self.service.spacer.review(CardState(**prior) if prior else None,
                                          Rating(rating), review["at"], review["seconds"])
        item = self.items[i]
        with self.store.transaction() as conn:
            save_card(conn, self.profile_id, item.uid, card, item.topic)
            review.update(rating=int(rating), by="student")
            self._save(conn)
        return int(rating)

    def select(self, response, index: int | None = None) -> None:
        """Set the answer of a question without marking it (timed mode; tutor mode before
        :meth:`check`). ``response``: option indices (list of int) or text."""
        self._require_open()
        i = self.index if index is None else index
        if self.state["checked"][i]:
            raise ValidationError(code="session.answered")
        self._act(lambda conn: self.state["answers"].__setitem__(i, response))

    def choose_option(self, option: int) -> object:
        """Keyboard/mouse choice of option ``option`` (zero-based) on the current question:
        replaces the choice for single-answer items, toggles it for ``multi``."""
        i = self.index
        item = self.items[i]
        if item.type == "multi":
            chosen = set(self.state["answers"][i] or [])
            chosen.symmetric_difference_update({option})
            response = sorted(chosen)
        else:
            response = [option]
        self.select(response)
        return response

    def check(self, response=None, *, marker: ShortAnswerMarker | None = None) -> Feedback:
        """Tutor mode: mark the current answer and record the attempt (FSRS card and
        statistics updated in the same transaction). A short answer the marker cannot
        mark stays pending until :meth:`self_mark`.

        :param response: the answer (default: the one selected).
        :param marker: short-answer marker (default: the service's).
        :raises ValidationError: the session is over, or is a timed one.
        """
        self._require_open()
        if self.mode == "timed":
            raise ValidationError(code="session.timed")
        i = self.index
        if self.state["checked"][i]:
            return self._feedback(i)
        if response is not None:
            self.state["answers"][i] = response
        response = self.state["answers"][i]
        item = self.items[i]
        mark = self._mark(item, response, marker)
        self._advance_clock()
        with self.store.transaction() as conn:
            self.state["checked"][i] = True
            self.state["marks"][i] = mark
            if mark["score"] is not None:
                self._record(conn, i)
            self._save(conn)
        return self._feedback(i)

    def _mark(self, item: Item, response, marker) -> dict:
        score = score_response(item, response)
        if score is not None:
            return {"score": score, "by": "auto"}
        m: Mark = (marker or self.service.marker or SelfMarker()).mark(
            item, str(response or ""), item.language)
        return {"score": m.score, "by": m.by, "missing": m.missing, "comment": m.comment}

    def self_mark(self, score: float, index: int | None = None) -> Feedback:
        """The student's mark for a short answer, 0..1. For a pending answer it is the
        mark (and the attempt is recorded now); for an answer the LLM marked, it is kept
        separately as the student's disagreement (``student_score``).

        :raises ValidationError: score outside 0..1, or the question is not answered.
        """
        i = self.index if index is None else index
        if not 0.0 <= score <= 1.0:
            raise ValidationError(code="session.mark-range")
        mark = self.state["marks"][i]
        if mark is None:
            raise ValidationError(code="session.mark-unanswered")
        with self.store.transaction() as conn:
            if mark.get("score") is None:
                mark.update(score=float(score), by="self")
                self._record(conn, i)
            else:
                mark["student_score"] = float(score)
                if self.state["attempts"][i]:
                    conn.execute("UPDATE attempts SET student_score = ? WHERE uid = ?",
                                 (float(score), self.state["attempts"][i]))
            self._save(conn)
        return self._feedback(i)

    def _record(self, conn, i: int) -> None:
        """Store the attempt of question ``i``, reschedule its card and update the
        aggregates (inside the caller's transaction)."""
        if self.state["attempts"][i]:
            return
        item = self.items[i]
        mark = self.state["marks"][i] or {}
        score = float(mark.get("score") or 0.0)
        response = self.state["answers"][i]
        seconds = float(self.state["seconds"][i])
        now = self.service.clock()
        choice = (response[0] if isinstance(response, list) and len(response) == 1 and
                  item.type in ("sba", "tf", "multi") else -1)
        uid = new_uid()
        facets = {"topic": item.topic, "system": item.system, "discipline": item.discipline,
                  "bloom": item.bloom}
        self.store.insert_attempt(conn, self.profile_id, {
            "uid": uid, "item_uid": item.uid, "item_version": item.version,
            "session_uid": self.uid, "exam_id": self.exam_id, "mode": self.mode,
            "item_type": item.type, "answered_at": now, "seconds": seconds,
            "response": response, "choice": choice, "n_options": len(item.options),
            "correct": int(score >= 0.8), "score": score, "student_score":
            mark.get("student_score"), "marked_by": mark.get("by", "auto"),
            "flagged": int(bool(self.state["flags"][i])), **facets,
            "difficulty": item.difficulty})
        conn.execute("INSERT INTO item_status VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET "
                     "last_correct = excluded.last_correct, last_at = excluded.last_at, "
                     "n = n + 1", (self.profile_id, item.uid, int(score >= 0.8), now))
        expected = expected_seconds(item.type, bool(item.vignette or self.units[i][0]))
        spacer: Spacer = self.service.spacer
        prior = load_card(conn, self.profile_id, item.uid)
        rating = rating_for(score if response not in (None, [], "") else None, seconds,
                            expected)
        card = spacer.review(prior, rating, now, seconds)
        save_card(conn, self.profile_id, item.uid, card, item.topic)
        self.state["reviews"][i] = {"prior": asdict(prior) if prior else None, "at": now,
                                    "seconds": seconds, "rating": int(rating), "by": "auto"}
        update_aggregates(conn, self.profile_id, now, score, seconds, facets, item.difficulty)
        self.state["attempts"][i] = uid

    # ------------------------------------------------------------------ timed mode

    def tick(self) -> float | None:
        """Called by the page's timer (about once a second). Saves the clock every
        :data:`TICK_SAVE` seconds; submits a timed session whose time is up.

        :returns: seconds remaining (``None`` in tutor mode).
        """
        if self.finished:
            return self.remaining()
        left = self.remaining()
        if left is not None and left <= 0:
            self.submit()
            return 0.0
        if self.service.clock() - self._saved_at >= TICK_SAVE:
            self._act()
        return left

    def submit(self, marker: ShortAnswerMarker | None = None) -> list[Feedback]:
        """End the session: timed mode marks every question and records every attempt
        (unanswered questions count as wrong) in one transaction; tutor mode just closes.
        Short answers the marker cannot mark stay pending for :meth:`self_mark`.

        :returns: feedback per question, for the review.
        """
        if self.finished:
            return [self._feedback(i) for i in range(len(self.items))]
        if self.mode == "timed":
            for i, item in enumerate(self.items):
                if not self.state["checked"][i]:
                    self.state["marks"][i] = self._mark(item, self.state["answers"][i], marker)
        self._advance_clock()
        if self.time_limit is not None:
            self.state["elapsed"] = min(self.state["elapsed"], self.time_limit)
        with self.store.transaction() as conn:
            for i in range(len(self.items)):
                if self.mode == "timed":
                    self.state["checked"][i] = True
                mark = self.state["marks"][i]
                if mark and mark.get("score") is not None:
                    self._record(conn, i)
            self.status = "submitted" if self.mode == "timed" else "finished"
            self._save(conn)
        return [self._feedback(i) for i in range(len(self.items))]

    def results(self) -> dict:
        """Summary: ``{"total", "answered", "correct", "score" (0..1 mean), "seconds",
        "pending"}`` (pending: short answers awaiting a mark)."""
        marks = self.state["marks"]
        scored = [m["score"] for m in marks if m and m.get("score") is not None]
        return {"total": len(self.items),
                "answered": sum(1 for a in self.state["answers"] if a not in (None, [], "")),
                "correct": sum(1 for s in scored if s >= 0.8),
                "score": sum(scored) / len(self.items) if self.items else 0.0,
                "seconds": float(self.state["elapsed"]),
                "pending": sum(1 for m in marks if m and m.get("score") is None)}
