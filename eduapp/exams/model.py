"""The exam as data: sections of units (a lone item or a whole item set) that pin the exact
item versions used, and the forms (A, B, C ...) printed from it.

An :class:`Exam` never holds live bank items: each :class:`ExamUnit` names ``(item_id,
version)`` pairs and keeps a snapshot of those versions (and of a set's shared vignette or
options), so a later edit of an item, or a purge of the trash, does not change a past exam.

Units of measure: marks are points (float); ``minutes`` is the time allowed in minutes;
positions and option indices are zero-based; question numbers printed on paper are 1-based.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from ..domain import Item, ItemSet, Option, new_uid
from ..errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from ..bank import Bank

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class SetSnapshot:
    """What an item set shares, as it was when the exam was assembled.

    :ivar kind: ``case`` (shared vignette, A3/A4) or ``shared_options`` (B1, EMQ).
    :ivar options: the shared option list of a ``shared_options`` set (option texts in
        master order).
    """

    uid: str
    kind: str
    title: str = ""
    vignette: str = ""
    options: list[Option] = field(default_factory=list)
    exam_type: str = ""

    def to_dict(self) -> dict:
        return {"uid": self.uid, "kind": self.kind, "title": self.title,
                "vignette": self.vignette, "options": [o.to_dict() for o in self.options],
                "exam_type": self.exam_type}

    @classmethod
    def from_dict(cls, d: dict) -> "SetSnapshot":
        return cls(uid=d["uid"], kind=d["kind"], title=d.get("title", ""),
                   vignette=d.get("vignette", ""),
                   options=[Option.from_dict(o) for o in d.get("options", [])],
                   exam_type=d.get("exam_type", ""))

    @classmethod
    def of(cls, s: ItemSet) -> "SetSnapshot":
        return cls(uid=s.uid, kind=s.kind, title=s.title, vignette=s.vignette,
                   options=[Option(o.text, fixed=o.fixed) for o in s.options],
                   exam_type=s.exam_type)


@dataclass
class ExamUnit:
    """One unit of an exam: a lone item, or an item set whose members stay together and
    in their order.

    :ivar items: the pinned item versions (``item.id`` and ``item.version`` are the
        reference; the rest is the snapshot that gets printed).
    :ivar marks: marks per member item (points), same length as ``items``.
    :ivar locked: a locked unit keeps its position when forms are shuffled, and the
        assembler does not replace it.
    :ivar item_set: the set's shared part, or ``None`` for a lone item.
    """

    items: list[Item]
    marks: list[float] = field(default_factory=list)
    locked: bool = False
    item_set: SetSnapshot | None = None

    def __post_init__(self):
        if not self.marks:
            self.marks = [float(i.marks if i.marks is not None else 1.0) for i in self.items]

    @property
    def size(self) -> int:
        """Number of questions (a set counts by its members)."""
        return len(self.items)

    @property
    def refs(self) -> list[tuple[int, int]]:
        """``(item_id, version)`` of each member, in order."""
        return [(i.id, i.version) for i in self.items]

    @classmethod
    def of(cls, unit: Item | ItemSet) -> "ExamUnit":
        """A unit for a bank item or item set (as currently stored)."""
        if isinstance(unit, ItemSet):
            return cls(items=list(unit.items), item_set=SetSnapshot.of(unit))
        return cls(items=[unit])

    def to_dict(self) -> dict:
        return {"refs": [list(r) for r in self.refs], "marks": self.marks,
                "locked": self.locked,
                "set": self.item_set.to_dict() if self.item_set else None,
                "snapshot": [i.to_dict(with_ids=True) for i in self.items]}

    @classmethod
    def from_dict(cls, d: dict, bank: Bank=None) -> "ExamUnit":
        """Rebuild; with ``bank``, each member is read with ``bank.item_version`` and the
        stored snapshot is used only when that version is gone (purged)."""
        snapshots = {(s["id"], s["version"]): s for s in d.get("snapshot", [])}
        items = []
        for item_id, version in d["refs"]:
            item = None
            if bank is not None:
                try:
                    item = bank.item_version(item_id, version)
                except NotFoundError:
                    item = None
            if item is None:
                snap = snapshots.get((item_id, version))
                if snap is None:
                    raise NotFoundError(code="exam.version-gone",
                                        values={"id": item_id, "version": version})
                snap = dict(snap)
                snap.pop("id", None)
                item = Item.from_dict(snap)
                item.id = item_id
            items.append(item)
        return cls(items=items, marks=[float(m) for m in d.get("marks", [])],
                   locked=bool(d.get("locked")),
                   item_set=SetSnapshot.from_dict(d["set"]) if d.get("set") else None)


@dataclass
class ExamSection:
    """A part of the paper with its own heading, instructions and time.

    :ivar title: heading as printed (``一、A1型题`` or ``Single best answer questions``).
    :ivar instructions: the section's instructions (答题说明).
    :ivar minutes: suggested time in minutes, or ``None``.
    :ivar units: the units, in master order.
    """

    title: str = ""
    instructions: str = ""
    minutes: int | None = None
    units: list[ExamUnit] = field(default_factory=list)
    kind: str = ""

    @property
    def size(self) -> int:
        return sum(u.size for u in self.units)

    def to_dict(self) -> dict:
        return {"title": self.title, "instructions": self.instructions,
                "minutes": self.minutes, "kind": self.kind,
                "units": [u.to_dict() for u in self.units]}

    @classmethod
    def from_dict(cls, d: dict, bank: Bank=None) -> "ExamSection":
        return cls(title=d.get("title", ""), instructions=d.get("instructions", ""),
                   minutes=d.get("minutes"), kind=d.get("kind", ""),
                   units=[ExamUnit.from_dict(u, bank) for u in d.get("units", [])])


@dataclass
class FormQuestion:
    """One printed question of a form.

    :ivar number: 1-based question number as printed.
    :ivar section: zero-based section index; :ivar unit: zero-based unit index in the
        section's master order; :ivar member: zero-based position inside the unit.
    :ivar options: option permutation: printed position ``j`` shows master option
        ``options[j]`` (zero-based).
    :ivar key: the key as printed letters (``"C"``; ``"AD"`` for multiple response).
    """

    number: int
    section: int
    unit: int
    member: int
    item_id: int
    version: int
    options: list[int]
    key: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d: dict) -> "FormQuestion":
        return cls(**d)


@dataclass
class ExamForm:
    """One version of the paper (``A``, ``B`` ...): question order and option order.

    :ivar code: the form letter printed on the paper and bubbled on the sheet.
    :ivar order: per section, the unit indices (zero-based, master order) as printed.
    :ivar questions: every printed question in order, with its key.
    """

    code: str
    order: list[list[int]]
    questions: list[FormQuestion]

    @property
    def key(self) -> list[str]:
        """The key letters by printed question number (index 0 is question 1)."""
        return [q.key for q in self.questions]

    def to_dict(self) -> dict:
        return {"code": self.code, "order": self.order,
                "questions": [q.to_dict() for q in self.questions]}

    @classmethod
    def from_dict(cls, d: dict) -> "ExamForm":
        return cls(code=d["code"], order=d["order"],
                   questions=[FormQuestion.from_dict(q) for q in d["questions"]])


@dataclass
class Exam:
    """An assembled exam.

    :ivar title: printed on the cover. :ivar course: the course or module name.
    :ivar institution: printed above the title.
    :ivar date: free text as printed (``2025-06-30``).
    :ivar duration: total time in minutes, or ``None``.
    :ivar instructions: the general instructions on the cover.
    :ivar language: ``en`` or ``zh`` (headings, instructions, fonts).
    :ivar candidate_digits: length of the candidate number bubbled on the answer sheet
        (the Chinese licensing exam uses 13).
    :ivar pass_mark: marks needed to pass (points), or ``None``.
    :ivar negative_marking: share of a question's marks taken off for a wrong answer
        (0 = none; 0.25 is the classic penalty for five-option items); a blank answer
        never loses marks. Used when scanned answer sheets are marked.
    :ivar multi_partial: multiple-response questions earn partial credit
        ``max(0, (right picks - wrong picks) / keys)`` of their marks; ``False``: all or
        nothing.
    :ivar blueprint: the blueprint it was assembled from (its JSON dict), kept with it.
    :ivar seed: the random seed used by the assembler and the form shuffler.
    :ivar forms: the printed versions; empty until :func:`eduapp.exams.make_forms` runs.
    :ivar id: the bank row id once stored, else ``None``.
    """

    title: str = "Examination"
    course: str = ""
    institution: str = ""
    date: str = ""
    duration: int | None = None
    instructions: str = ""
    language: str = "en"
    candidate_digits: int = 8
    pass_mark: float | None = None
    negative_marking: float = 0.0
    multi_partial: bool = True
    blueprint: dict = field(default_factory=dict)
    seed: int | None = None
    sections: list[ExamSection] = field(default_factory=list)
    forms: list[ExamForm] = field(default_factory=list)
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    created_at: float = field(default_factory=time.time)

    # -- reading ------------------------------------------------------------------

    def units(self) -> Iterator[tuple[int, int, ExamUnit]]:
        """``(section index, unit index, unit)`` in master order."""
        for s, section in enumerate(self.sections):
            for u, unit in enumerate(section.units):
                yield s, u, unit

    def items(self) -> list[Item]:
        """Every question in master order (set members in their order)."""
        return [i for _, _, unit in self.units() for i in unit.items]

    @property
    def question_count(self) -> int:
        return sum(s.size for s in self.sections)

    @property
    def total_marks(self) -> float:
        """Sum of the marks of every question (points)."""
        return float(sum(sum(unit.marks) for _, _, unit in self.units()))

    def item_refs(self) -> list[tuple[int, int]]:
        """``(item_id, version)`` of every question in master order."""
        return [r for _, _, unit in self.units() for r in unit.refs]

    def form(self, code: str) -> ExamForm:
        """:raises NotFoundError: the exam has no such form."""
        for f in self.forms:
            if f.code == code:
                return f
        raise NotFoundError(code="exam.no-form", values={"code": code})

    def locate(self, item_id: int) -> tuple[int, int]:
        """``(section index, unit index)`` of the unit that holds ``item_id``.

        :raises NotFoundError: the item is not in the exam.
        """
        for s, u, unit in self.units():
            if any(i.id == item_id for i in unit.items):
                return s, u
        raise NotFoundError(code="exam.item-not-in", values={"id": item_id})

    # -- manual edits (each invalidates the forms) ---------------------------------

    def add(self, unit: Item | ItemSet | ExamUnit, section: int = 0,
            position: int | None = None) -> ExamUnit:
        """Add an item or a whole set to ``section`` at ``position`` (zero-based; end when
        ``None``). Creates the first section when there is none.

        :raises ValidationError: the item (or a member) is already in the exam, or it is
            not a stored item (no id).
        """
        eu = unit if isinstance(unit, ExamUnit) else ExamUnit.of(unit)
        present = {i.id for i in self.items()}
        for item in eu.items:
            if item.id is None:
                raise ValidationError(code="exam.unsaved-item")
            if item.id in present:
                raise ValidationError(code="exam.item-already", values={"id": item.id})
        if not self.sections:
            self.sections.append(ExamSection())
        if not 0 <= section < len(self.sections):
            raise ValidationError(code="exam.no-section", values={"n": section + 1})
        units = self.sections[section].units
        units.insert(len(units) if position is None else position, eu)
        self.forms = []
        return eu

    def remove(self, item_id: int) -> ExamUnit:
        """Remove the unit holding ``item_id`` (a set goes as a whole).

        :raises NotFoundError: the item is not in the exam.
        """
        s, u = self.locate(item_id)
        self.forms = []
        return self.sections[s].units.pop(u)

    def move(self, item_id: int, position: int, section: int | None = None) -> None:
        """Move the unit holding ``item_id`` to ``position`` (zero-based) in ``section``
        (its own section when ``None``).

        :raises NotFoundError: the item is not in the exam.
        """
        s, u = self.locate(item_id)
        unit = self.sections[s].units.pop(u)
        target = self.sections[s if section is None else section].units
        target.insert(max(0, min(position, len(target))), unit)
        self.forms = []

    def lock(self, item_id: int, locked: bool = True) -> None:
        """Lock (or unlock) the unit holding ``item_id`` in its position."""
        s, u = self.locate(item_id)
        self.sections[s].units[u].locked = locked
        self.forms = []

    def set_marks(self, item_id: int, marks: float) -> None:
        """Marks (points, >= 0) for one question.

        :raises ValidationError: negative marks.
        """
        if marks < 0:
            raise ValidationError(code="exam.negative-marks")
        s, u = self.locate(item_id)
        unit = self.sections[s].units[u]
        unit.marks[[i.id for i in unit.items].index(item_id)] = float(marks)

    def add_section(self, title: str, instructions: str = "",
                    minutes: int | None = None) -> ExamSection:
        """Append an empty section and return it."""
        section = ExamSection(title=title, instructions=instructions, minutes=minutes)
        self.sections.append(section)
        self.forms = []
        return section

    # -- serialisation -------------------------------------------------------------

    def to_dict(self) -> dict:
        return {"uid": self.uid, "title": self.title, "course": self.course,
                "institution": self.institution, "date": self.date,
                "duration": self.duration, "instructions": self.instructions,
                "language": self.language, "candidate_digits": self.candidate_digits,
                "pass_mark": self.pass_mark, "negative_marking": self.negative_marking,
                "multi_partial": self.multi_partial,
                "blueprint": self.blueprint, "seed": self.seed,
                "created_at": self.created_at,
                "sections": [s.to_dict() for s in self.sections],
                "forms": [f.to_dict() for f in self.forms]}

    @classmethod
    def from_dict(cls, d: dict, bank: Bank=None) -> "Exam":
        """Rebuild an exam; with ``bank`` the pinned versions are read from the bank's
        history (``bank.item_version``), else from the stored snapshot."""
        return cls(uid=d["uid"], title=d.get("title", ""), course=d.get("course", ""),
                   institution=d.get("institution", ""), date=d.get("date", ""),
                   duration=d.get("duration"), instructions=d.get("instructions", ""),
                   language=d.get("language", "en"),
                   candidate_digits=int(d.get("candidate_digits", 8)),
                   pass_mark=d.get("pass_mark"),
                   negative_marking=float(d.get("negative_marking") or 0.0),
                   multi_partial=bool(d.get("multi_partial", True)),
                   blueprint=d.get("blueprint") or {},
                   seed=d.get("seed"), created_at=d.get("created_at", 0.0),
                   sections=[ExamSection.from_dict(s, bank) for s in d.get("sections", [])],
                   forms=[ExamForm.from_dict(f) for f in d.get("forms", [])])
