"""The custom test builder: which items a practice session holds.

Students see only items a teacher has passed: approved items, and reviewed ones too when
the teacher allows it in Settings (:func:`served_statuses`); never drafts or retired items,
whatever the spec or a review queue asks for. Candidates come from the bank (live items
in a served status, optionally filtered by topic, system, discipline, tags, type, Bloom
level, language), then from the student's
pools (:data:`POOLS`, combined as a union; none chosen means every candidate). Item sets
practise as units: choosing one member brings the whole set, members in order.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from ..bank import ItemFilter
from ..domain import STATUSES
from ..errors import Phrase, ValidationError

if TYPE_CHECKING:
    from ..bank import Bank
    from .store import PracticeStore

#: ``unused``: never answered; ``incorrect``: last answer wrong; ``flagged``: flagged by
#: the student; ``due``: FSRS review due now.
POOLS = ("unused", "incorrect", "flagged", "due")
MODES = ("tutor", "timed")
#: Largest session, in questions.
MAX_QUESTIONS = 300
#: Review statuses students may be served: approved always, reviewed when allowed.
SERVABLE_STATUSES = ("approved", "reviewed")


def served_statuses(allow_reviewed: bool = False) -> tuple[str, ...]:
    """The review statuses a practice session may draw from: ``("approved",)``, plus
    ``"reviewed"`` when the teacher allows reviewed items (Settings). Drafts and retired
    items are never served."""
    return SERVABLE_STATUSES if allow_reviewed else SERVABLE_STATUSES[:1]


def _check_statuses(statuses) -> tuple[str, ...]:
    statuses = tuple(statuses)
    bad = [s for s in statuses if s not in SERVABLE_STATUSES]
    if bad or not statuses:
        if not bad:
            raise ValidationError(code="practice.no-statuses")
        status = Phrase(f"word.status.{bad[0]}") if bad[0] in STATUSES else bad[0]
        raise ValidationError(code="practice.bad-statuses", values={"status": status})
    return statuses


@dataclass
class TestSpec:
    """What the student asked for.

    :ivar count: questions wanted, 1..:data:`MAX_QUESTIONS` (only a first set larger than
        that is served whole, see :func:`choose`).
    :ivar pools: subset of :data:`POOLS` (union), empty for all matching items.
    :ivar mode: ``tutor`` (feedback after each answer) or ``timed``.
    :ivar seconds_per_question: timed mode's allowance per question, seconds.
    :ivar uids: items to include first (a recommended session's due reviews).
    :ivar exam_id: a label shared by a class sitting the same exam (KR-20 per exam).
    """

    __test__ = False  # not a pytest test class despite the name

    topics: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    disciplines: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    blooms: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    count: int = 20
    pools: list[str] = field(default_factory=list)
    mode: str = "tutor"
    seconds_per_question: float = 90.0
    uids: list[str] = field(default_factory=list)
    exam_id: str | None = None
    title: str = ""
    seed: int | None = None

    def validate(self) -> None:
        """:raises ValidationError: unknown pool or mode, count out of range."""
        bad = [p for p in self.pools if p not in POOLS]
        if bad:
            raise ValidationError(code="practice.unknown-pool", values={"pool": bad[0]})
        if self.mode not in MODES:
            raise ValidationError(code="practice.unknown-mode", values={"mode": self.mode})
        if not 1 <= int(self.count) <= MAX_QUESTIONS:
            raise ValidationError(code="practice.count-range", values={"max": MAX_QUESTIONS})

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TestSpec":
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


def candidates(bank: Bank, spec: TestSpec, statuses=SERVABLE_STATUSES[:1]
               ) -> list[tuple[int, str, str | None]]:
    """``(id, uid, set_uid)`` of the bank items matching the spec's filters, by id.

    :param statuses: served review statuses (:func:`served_statuses`).
    :raises ValidationError: a status that may not be served (draft, retired).
    """
    f = ItemFilter(types=spec.types, languages=spec.languages, topics=spec.topics,
                   systems=spec.systems, blooms=spec.blooms, tags=spec.tags,
                   statuses=_check_statuses(statuses), include_retired=False)
    where, params = f.where("items")
    where += " AND items.type != 'description'"
    if spec.disciplines:
        where += f" AND items.discipline IN ({', '.join('?' * len(spec.disciplines))})"
        params += list(spec.disciplines)
    return bank.unit_keys(where, params)


def pool_uids(conn, profile_id: int, pools, now: float) -> set[str]:
    """Item uids in the union of the student's ``pools`` (``unused`` is handled by the
    caller as "not answered"). Runs on the practice store's connection."""
    out: set[str] = set()
    if "incorrect" in pools:
        out.update(r[0] for r in conn.execute(
            "SELECT item_uid FROM item_status WHERE profile_id = ? AND last_correct = 0",
            (profile_id,)))
    if "flagged" in pools:
        out.update(r[0] for r in conn.execute(
            "SELECT item_uid FROM flags WHERE profile_id = ?", (profile_id,)))
    if "due" in pools:
        out.update(r[0] for r in conn.execute(
            "SELECT item_uid FROM cards WHERE profile_id = ? AND due <= ?", (profile_id, now)))
    return out


def choose(bank: Bank, store: PracticeStore, profile_id: int, spec: TestSpec, now: float,
           statuses=SERVABLE_STATUSES[:1]) -> list[int]:
    """Bank item ids for a session, sets whole (their served members), in the order to
    practise them. Items the spec names (``uids``) are served only in ``statuses`` too.
    A session has at most ``spec.count`` questions: a set that would overflow the count is
    left for another session while other questions can fill it; only a first set larger
    than the count alone is served whole (then the session is longer than asked).

    :param statuses: served review statuses (:func:`served_statuses`).
    :raises ValidationError: nothing matches (a sentence saying so).
    """
    spec.validate()
    statuses = _check_statuses(statuses)
    rows = candidates(bank, spec, statuses)
    with store.lock:
        conn = store.conn
        wanted = pool_uids(conn, profile_id, spec.pools, now)
        used = ({r[0] for r in conn.execute("SELECT item_uid FROM item_status WHERE "
                                            "profile_id = ?", (profile_id,))}
                if "unused" in spec.pools else set())
    if spec.pools:
        rows = [r for r in rows if r[1] in wanted or ("unused" in spec.pools and
                                                      r[1] not in used)]
    rng = random.Random(spec.seed)
    first = {u: i for i, u in enumerate(spec.uids)}
    rng.shuffle(rows)
    if first:  # explicit items come first, whatever the filters and pools
        extra = bank.unit_keys_for_uids(first, statuses)
        extra.sort(key=lambda r: first[r[1]])
        rows = extra + [r for r in rows if r[1] not in first]
    members = bank.set_member_ids((r[2] for r in rows if r[2]), statuses)
    chosen: list[int] = []
    seen_sets: set[str] = set()
    for item_id, uid, set_uid in rows:
        if len(chosen) >= spec.count:
            break
        if set_uid:
            if set_uid in seen_sets:
                continue
            whole = members.get(set_uid, [item_id])
            if chosen and len(chosen) + len(whole) > spec.count:
                continue  # it would overflow the count: other questions may fill it
            seen_sets.add(set_uid)
            chosen.extend(whole)
        else:
            chosen.append(item_id)
    if not chosen:
        raise ValidationError(code="practice.no-match")
    return chosen
