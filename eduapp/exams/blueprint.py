"""Blueprints: what an exam must cover, as a table of cells (topic/system x Bloom level x
difficulty x question type) with a count each.

A blueprint is saved with the exam and read from a JSON file (``--blueprint FILE``);
the format is documented in ``docs/blueprint.md`` with an example in
``docs/blueprint.example.json``. Difficulty is the expected facility index p (0..1, higher
is easier) of :mod:`eduapp.domain`; the bands are ``easy`` p >= 0.7, ``medium``
0.4 <= p < 0.7, ``hard`` p < 0.4 (the usual item-analysis bands; an item with no p is
``medium``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..domain import BLOOM_LEVELS, CHOICE_TYPES, EXAM_TYPES, LANGUAGES
from ..errors import Phrase, ValidationError, os_reason

BLUEPRINT_FORMAT = "eduapp-blueprint"
DIFFICULTY_BANDS = ("easy", "medium", "hard")


def difficulty_band(p: float | None) -> str:
    """The band of a facility index p (0..1): ``easy`` >= 0.7, ``hard`` < 0.4, else
    ``medium`` (also when p is unknown)."""
    if p is None:
        return "medium"
    if p >= 0.7:
        return "easy"
    if p < 0.4:
        return "hard"
    return "medium"


@dataclass
class BlueprintCell:
    """One cell of the blueprint: ``count`` questions matching every given constraint.

    Empty constraints mean "any". ``topic`` and ``system`` match the item's fields
    case-insensitively; ``query`` is a full-text search in the bank.

    :ivar count: number of questions (a set counts by its member questions).
    :ivar difficulty: a band (``easy``, ``medium``, ``hard``) as a hard constraint, or ``""``.
    :ivar difficulty_mix: a target split of ``count`` over bands, e.g.
        ``{"easy": 0.3, "medium": 0.5, "hard": 0.2}`` (shares, or counts); a preference:
        when a band runs short the cell is filled from the others and a note says so.
    """

    count: int
    topic: str = ""
    system: str = ""
    bloom: str = ""
    difficulty: str = ""
    types: list[str] = field(default_factory=list)
    exam_types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = ""
    query: str = ""
    difficulty_mix: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How the cell is named in messages: ``cardiology × apply``."""
        parts = [p for p in (self.topic, self.system if self.system != self.topic else "")
                 if p]
        if self.query:
            parts.append(f'"{self.query}"')
        if not parts:
            parts.append("any topic")
        for extra in (self.bloom, self.difficulty, "/".join(self.exam_types),
                      "/".join(self.types) if self.types and list(self.types) != list(
                          CHOICE_TYPES) else "", ", ".join(f"#{t}" for t in self.tags)):
            if extra:
                parts.append(extra)
        return " × ".join(parts)

    def to_dict(self) -> dict:
        d = {"count": self.count}
        for name in ("topic", "system", "bloom", "difficulty", "types", "exam_types", "tags",
                     "language", "query", "difficulty_mix"):
            value = getattr(self, name)
            if value:
                d[name] = value
        return d


@dataclass
class BlueprintSection:
    """A section of the paper: which question formats go in it, with its heading,
    instructions and time (minutes). ``exam_types`` empty = whatever is left over."""

    title: str = ""
    instructions: str = ""
    minutes: int | None = None
    exam_types: list[str] = field(default_factory=list)


@dataclass
class Blueprint:
    """The table an exam is assembled from.

    :ivar cells: the cells in print order.
    :ivar sections: optional explicit sections; by default the paper gets one section per
        question format (A1, A2, A3/A4, B1, X ...) with the standard headings.
    :ivar recent_exam_window: avoid items used in the last N stored exams (``None``: the
        user's setting).
    :ivar allow_enemies: allow several items of one enemy group (one AIG item model or
        knowledge table) on the exam; default no.
    """

    cells: list[BlueprintCell]
    title: str = ""
    course: str = ""
    language: str = ""
    duration: int | None = None
    instructions: str = ""
    candidate_digits: int | None = None
    pass_mark: float | None = None
    sections: list[BlueprintSection] = field(default_factory=list)
    recent_exam_window: int | None = None
    allow_enemies: bool = False

    @property
    def count(self) -> int:
        """Questions asked for in all cells."""
        return sum(c.count for c in self.cells)

    def to_dict(self) -> dict:
        """The JSON shape of ``docs/blueprint.md`` (rows already expanded into cells)."""
        d: dict = {"format": BLUEPRINT_FORMAT, "version": 1,
                   "rows": [c.to_dict() for c in self.cells]}
        for name in ("title", "course", "language", "duration", "instructions",
                     "candidate_digits", "pass_mark", "recent_exam_window"):
            value = getattr(self, name)
            if value not in (None, ""):
                d[name] = value
        if self.sections:
            d["sections"] = [s.__dict__ for s in self.sections]
        if self.allow_enemies:
            d["allow_enemies"] = True
        return d

    @classmethod
    def for_query(cls, query: str, count: int, **kw) -> "Blueprint":
        """A one-cell blueprint: ``count`` questions matching the text ``query``."""
        return cls(cells=[BlueprintCell(count=count, query=query)], **kw)

    @classmethod
    def from_dict(cls, d: dict) -> "Blueprint":
        """Read the ``docs/blueprint.md`` shape.

        Each row may split its ``count`` by Bloom level (``"bloom": {"remember": 2,
        "apply": 4}``) or by difficulty band (``"difficulty": {"easy": 2, "hard": 1}``);
        a split becomes one cell per level. Top-level ``filters`` apply to every row.

        :raises ValidationError: naming the row and the field that is wrong.
        """
        if not isinstance(d, dict):
            raise ValidationError(code="bp.not-object")
        if d.get("format", BLUEPRINT_FORMAT) != BLUEPRINT_FORMAT:
            raise ValidationError(code="bp.wrong-format", values={
                "format": d.get("format"), "expected": BLUEPRINT_FORMAT})
        rows = d.get("rows", d.get("cells"))
        if not isinstance(rows, list) or not rows:
            raise ValidationError(code="bp.no-rows", values={"field": '"rows"'})
        common = d.get("filters") or {}
        if not isinstance(common, dict):
            raise ValidationError(code="bp.filters-object", values={"field": '"filters"'})
        mix = d.get("difficulty_mix") or {}
        cells: list[BlueprintCell] = []
        for n, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise ValidationError(code="bp.part-object",
                                      values={"where": Phrase("bp.row", n=n)})
            cells.extend(_row_cells({**common, **row}, n, mix))
        sections = []
        for n, s in enumerate(d.get("sections") or [], start=1):
            if not isinstance(s, dict):
                raise ValidationError(code="bp.part-object",
                                      values={"where": Phrase("bp.section", n=n)})
            sections.append(BlueprintSection(
                title=str(s.get("title", "")), instructions=str(s.get("instructions", "")),
                minutes=_opt_int(s.get("minutes"), "minutes", Phrase("bp.section", n=n)),
                exam_types=_str_list(s.get("exam_types"), "exam_types",
                                      Phrase("bp.section", n=n))))
        language = d.get("language", "")
        if language and language not in LANGUAGES:
            raise ValidationError(code="bp.language",
                                  values={"language": language, "choices": list(LANGUAGES)})
        return cls(cells=cells, title=str(d.get("title", "")), course=str(d.get("course", "")),
                   language=language, duration=_opt_int(d.get("duration"), "duration"),
                   instructions=str(d.get("instructions", "")),
                   candidate_digits=_opt_int(d.get("candidate_digits"), "candidate_digits"),
                   pass_mark=d.get("pass_mark"), sections=sections,
                   recent_exam_window=_opt_int(d.get("recent_exam_window"),
                                               "recent_exam_window"),
                   allow_enemies=_opt_bool(d.get("allow_enemies"), "allow_enemies"))

    @classmethod
    def load(cls, path: str) -> "Blueprint":
        """Read a blueprint JSON file in any encoding :func:`eduapp.textfiles.read_text`
        reads (UTF-8, GBK, UTF-16 ...).

        :raises ValidationError: unreadable file, bad JSON (with line), or bad content.
        """
        from ..errors import ImportFileError
        from ..textfiles import read_text
        try:
            raw = json.loads(read_text(path, what="blueprint",
                                       consequence="no exam was built"))
        except ImportFileError as e:
            raise ValidationError(str(e)) from None
        except json.JSONDecodeError as e:
            raise ValidationError(code="bp.bad-json", values={
                "path": path, "line": e.lineno, "detail": e.msg}) from None
        try:
            return cls.from_dict(raw)
        except ValidationError as e:
            raise ValidationError(code="bp.in-file",
                                  values={"path": path, "detail": e}) from None


def _opt_int(value, what: str, where=None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValidationError(code="bp.non-negative",
                              values={"where": where or Phrase("bp.top"), "field": what})
    return int(value)


def _opt_bool(value, what: str, where=None) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValidationError(code="bp.bool",
                              values={"where": where or Phrase("bp.top"), "field": what})
    return value


def _str_list(value, what: str, where=None) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(code="bp.str-list",
                              values={"where": where or Phrase("bp.top"), "field": what})
    return list(value)


def _row_cells(row: dict, n: int, mix: dict) -> list[BlueprintCell]:
    where = Phrase("bp.row", n=n)
    known = {"count", "topic", "system", "bloom", "difficulty", "types", "type", "exam_types",
             "exam_type", "tags", "language", "query", "difficulty_mix"}
    unknown = set(row) - known
    if unknown:
        raise ValidationError(code="bp.unknown-fields",
                              values={"where": where, "fields": sorted(unknown)})
    types = _str_list(row.get("types", row.get("type")), "types", where) or list(CHOICE_TYPES)
    for t in types:
        if t not in CHOICE_TYPES:
            raise ValidationError(code="bp.unprintable-type", values={
                "where": where, "type": t, "choices": list(CHOICE_TYPES)})
    exam_types = _str_list(row.get("exam_types", row.get("exam_type")), "exam_types",
                            where)
    for t in exam_types:
        if t not in EXAM_TYPES:
            raise ValidationError(code="bp.unknown-exam-type", values={"where": where, "type": t})
    language = row.get("language", "")
    if language and language not in LANGUAGES:
        raise ValidationError(code="bp.unknown-language",
                              values={"where": where, "language": language})
    row_mix = row.get("difficulty_mix", mix) or {}
    for band in row_mix:
        if band not in DIFFICULTY_BANDS:
            raise ValidationError(code="bp.unknown-band", values={
                "where": where, "band": band, "choices": list(DIFFICULTY_BANDS)})
    base = dict(topic=str(row.get("topic", "")), system=str(row.get("system", "")),
                types=types, exam_types=exam_types,
                tags=_str_list(row.get("tags"), "tags", where), language=language,
                query=str(row.get("query", "")))
    bloom, difficulty = row.get("bloom", ""), row.get("difficulty", "")
    if isinstance(bloom, dict) and isinstance(difficulty, dict):
        raise ValidationError(code="bp.split-both", values={"where": where})
    splits = bloom if isinstance(bloom, dict) else difficulty if isinstance(difficulty, dict) \
        else None
    if splits is not None:
        field_name = "bloom" if isinstance(bloom, dict) else "difficulty"
        vocab = BLOOM_LEVELS if field_name == "bloom" else DIFFICULTY_BANDS
        cells = []
        for level, count in splits.items():
            if level not in vocab:
                raise ValidationError(code="bp.unknown-level", values={
                    "where": where, "field": field_name, "level": level})
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise ValidationError(code="bp.level-count", values={
                    "where": where, "field": field_name, "level": level})
            if count == 0:
                continue
            other = {"difficulty": difficulty} if field_name == "bloom" else {"bloom": bloom}
            cells.append(_cell(count=count, **{field_name: level}, **other, **base,
                               difficulty_mix=row_mix if field_name == "bloom" else {},
                               where=where))
        total = row.get("count")
        if total is not None and total != sum(c.count for c in cells):
            raise ValidationError(code="bp.split-sum", values={
                "where": where, "total": total, "field": field_name,
                "sum": sum(c.count for c in cells)})
        return cells
    count = row.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ValidationError(code="bp.count", values={"where": where, "field": '"count"'})
    return [_cell(count=count, bloom=bloom, difficulty=difficulty,
                  difficulty_mix={} if difficulty else row_mix, where=where, **base)]


def _cell(*, where: Phrase, bloom, difficulty, **kw) -> BlueprintCell:
    if bloom and bloom not in BLOOM_LEVELS:
        raise ValidationError(code="bp.unknown-bloom", values={"where": where, "bloom": bloom})
    if difficulty and difficulty not in DIFFICULTY_BANDS:
        raise ValidationError(code="bp.unknown-difficulty", values={
            "where": where, "difficulty": difficulty, "choices": list(DIFFICULTY_BANDS)})
    return BlueprintCell(bloom=bloom or "", difficulty=difficulty or "", **kw)
