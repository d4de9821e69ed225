"""Fill a blueprint from the bank: pick units (lone items or whole item sets) per cell,
reproducibly from a seed, and say exactly which cells cannot be filled and why.

Rules (from the issue and the NBME guide's advice on test assembly):

* only ``approved`` items, unless ``include_drafts`` (then ``draft`` and ``reviewed`` too);
  retired items never;
* only choice items (``sba``, ``multi``, ``tf``): the paper has a bubble sheet;
* an item set is drawn whole and counts by its member questions; it fills a cell only
  when it fits the cell's remaining count and every member matches the cell (Bloom level
  and difficulty of a set: the members' most common level and mean p);
* no near-duplicates: an item whose content hash, uid or twin (``twin_uid``, the same
  question in the other language) is already chosen is skipped; an optional
  ``similar(a, b)`` predicate (e.g. a fuzzy check from ``eduapp.authoring``) adds to that;
* items used in the last ``recent_window`` stored exams are avoided;
* enemies: items that share a provenance ``enemy_group`` (every item generated from one
  AIG item model or knowledge table, ``aig:<model id>``) appear at most once per exam,
  since one would cue the other (NBME guide, on assembling forms); ``allow_enemies``
  (the blueprint's ``allow_enemies``) lifts the rule when the teacher wants it;
* cells are filled scarcest first, so a broad cell does not take what a narrow one needs.

Threads: runs on any thread; it only reads the bank.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..bank import ItemFilter
from ..domain import CHOICE_TYPES, Item, ItemSet
from ..errors import ValidationError
from .blueprint import DIFFICULTY_BANDS, Blueprint, BlueprintCell, difficulty_band
from .conventions import (FORMAT_ALIASES, FORMATS, section_instructions, section_title,
                          unit_format)
from .model import Exam, ExamSection, ExamUnit
from .store import ExamStore

if TYPE_CHECKING:
    from ..bank import Bank

#: Facility index p asked of the generator for each band (its midpoint).
BAND_P = {"easy": 0.8, "medium": 0.55, "hard": 0.3}


@dataclass
class Shortfall:
    """A cell that could not be filled.

    :ivar cell: zero-based index of the cell in ``blueprint.cells``.
    :ivar needed: questions asked for; :ivar found: questions placed.
    :ivar message: the sentence for the teacher
        (``cardiology × apply: 3 needed, 1 approved item available (...)``).
    :ivar request: a generation request for exactly the missing questions:
        ``{topic, system, type, exam_type, bloom, difficulty (p 0..1 or None),
        difficulty_band, count, language, tags}`` (the ``eduapp generate questions``
        options), for the authoring layer.
    :ivar reasons: the counts behind ``message``, for a translated sentence: ``usable``
        (items of the allowed statuses that fit the cell), ``recent`` (used in the last
        ``window`` exams), ``window``, ``taken`` (placed in another cell), ``duplicates``
        (near-duplicates of chosen items), ``enemies`` (units skipped because an item of
        the same enemy group was chosen), ``too_large`` (item sets larger than the
        remaining count), ``drafts`` (draft/reviewed items left out), ``include_drafts``
        (0 or 1).
    """

    cell: int
    label: str
    needed: int
    found: int
    message: str
    request: dict
    reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"cell": self.cell, "label": self.label, "needed": self.needed,
                "found": self.found, "missing": self.needed - self.found,
                "message": self.message, "request": self.request, "reasons": self.reasons}


@dataclass
class Assembly:
    """What :func:`assemble` produced: the exam (possibly short), the cells it could not
    fill, and notes (a difficulty mix that could only be approximated).

    :ivar notes: sentences for the teacher (English, as the CLI prints them).
    :ivar approximated: the same facts for a translated sentence: ``(cell, {band:
        questions short})``, ``cell`` a zero-based index into ``blueprint.cells``.
    """

    exam: Exam
    shortfalls: list[Shortfall] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approximated: list[tuple[int, dict[str, int]]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.shortfalls


@dataclass
class _Candidate:
    unit: Item | ItemSet
    items: list[Item]
    set_tags: list[str]
    set_topic: str
    set_system: str
    set_exam_type: str

    @property
    def size(self) -> int:
        return len(self.items)

    @property
    def key(self) -> int:
        return min(i.id for i in self.items)

    @property
    def bloom(self) -> str:
        levels = [i.bloom for i in self.items if i.bloom]
        if not levels:
            return ""
        return Counter(levels).most_common(1)[0][0]

    @property
    def band(self) -> str:
        ps = [i.difficulty for i in self.items if i.difficulty is not None]
        return difficulty_band(sum(ps) / len(ps) if ps else None)

    def matches(self, cell: BlueprintCell, language: str, query_ids: set[int] | None) -> bool:
        """Whether this unit may fill ``cell`` (ignoring status, recency and duplicates)."""
        if query_ids is not None and not any(i.id in query_ids for i in self.items):
            return False
        lang = cell.language or language
        for item in self.items:
            if cell.types and item.type not in cell.types:
                return False
            if lang and item.language != lang:
                return False
            if cell.topic:
                t = cell.topic.casefold()
                if t not in (item.topic.casefold(), item.system.casefold(),
                             self.set_topic.casefold(), self.set_system.casefold()):
                    return False
            if cell.system and cell.system.casefold() not in (item.system.casefold(),
                                                              self.set_system.casefold()):
                return False
            if cell.exam_types and not ({item.exam_type, self.set_exam_type}
                                        & set(cell.exam_types)):
                return False
            if cell.tags and not set(cell.tags) <= set(item.tags) | set(self.set_tags):
                return False
        if cell.bloom and self.bloom != cell.bloom:
            return False
        if cell.difficulty and self.band != cell.difficulty:
            return False
        return True


def _load_candidates(bank: Bank) -> list[_Candidate]:
    ids = bank.query_ids("", ItemFilter(types=CHOICE_TYPES, include_retired=False))
    out = []
    for unit in bank.units(ids):
        if isinstance(unit, ItemSet):
            if not unit.items:
                continue
            out.append(_Candidate(unit, list(unit.items), unit.tags, unit.topic, unit.system,
                                  unit.exam_type))
        else:
            out.append(_Candidate(unit, [unit], [], "", "", ""))
    out.sort(key=lambda c: c.key)
    return out


def _apportion(count: int, mix: dict[str, float]) -> dict[str, int]:
    """Split ``count`` over bands by the shares in ``mix`` (largest remainder)."""
    total = sum(v for v in mix.values() if v > 0)
    if not total:
        return {}
    raw = {b: count * mix.get(b, 0) / total for b in DIFFICULTY_BANDS}
    out = {b: int(v) for b, v in raw.items()}
    rest = count - sum(out.values())
    for b in sorted(raw, key=lambda b: raw[b] - out[b], reverse=True)[:rest]:
        out[b] += 1
    return out


@dataclass
class _Pool:
    """What a blueprint can draw on, as :func:`assemble` and :func:`cell_availability`
    both see it.

    :ivar statuses: the item statuses allowed (``approved``, plus ``draft`` and
        ``reviewed`` when drafts are included).
    :ivar recent: ids of items used in the last ``window`` stored exams.
    :ivar candidates: every unit of the bank (lone items and whole sets).
    :ivar matching: per blueprint cell, in order, the candidates that fit it.
    """

    statuses: set[str]
    recent: set[int]
    window: int
    candidates: list[_Candidate]
    matching: list[list[_Candidate]]

    def usable(self, c: _Candidate) -> bool:
        """All of the unit's items have an allowed status."""
        return all(i.status in self.statuses for i in c.items)

    def is_recent(self, c: _Candidate) -> bool:
        """A recent exam used one of the unit's items."""
        return any(i.id in self.recent for i in c.items)


def _pool(bank: Bank, blueprint: Blueprint, language: str, include_drafts: bool,
          recent_window: int) -> _Pool:
    window = blueprint.recent_exam_window if blueprint.recent_exam_window is not None \
        else recent_window
    candidates = _load_candidates(bank)
    matching = []
    for cell in blueprint.cells:
        qids = set(bank.query_ids(cell.query)) if cell.query else None
        matching.append([c for c in candidates if c.matches(cell, language, qids)])
    return _Pool(statuses={"approved"} | ({"draft", "reviewed"} if include_drafts else set()),
                 recent=ExamStore(bank).recent_item_ids(window), window=window,
                 candidates=candidates, matching=matching)


def assemble(bank: Bank, blueprint: Blueprint, *, seed: int | None = None,
             include_drafts: bool = False, recent_window: int = 2, title: str = "",
             language: str | None = None, institution: str = "",
             similar: Callable[[Item, Item], bool] | None = None,
             allow_enemies: bool | None = None) -> Assembly:
    """Fill ``blueprint`` from ``bank``.

    :param seed: random seed; the same seed, bank and blueprint give the same exam.
        ``None`` draws one (kept in ``exam.seed`` so the exam can be rebuilt).
    :param include_drafts: also use ``draft`` and ``reviewed`` items.
    :param recent_window: avoid items used in the last N stored exams
        (``blueprint.recent_exam_window`` wins when set; usually ``Settings.recent_exam_window``).
    :param language: ``en``/``zh``: only items in this language, and the paper's headings;
        ``None``: the blueprint's, else no filter and the items' majority language.
    :param similar: optional near-duplicate predicate ``(candidate, chosen) -> bool``.
    :param allow_enemies: put items of one enemy group (one AIG model) on the same exam;
        ``None``: the blueprint's ``allow_enemies`` (default no).
    :returns: an :class:`Assembly`; ``exam.forms`` is empty (see :func:`make_forms`).
    :raises ValidationError: a blueprint with no cells.
    """
    if not blueprint.cells:
        raise ValidationError(code="exam.no-cells")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2 ** 31)
    rng = random.Random(seed)
    language = language or blueprint.language or ""
    pool = _pool(bank, blueprint, language, include_drafts, recent_window)
    matching = pool.matching

    chosen_ids: set[int] = set()
    chosen_uids: set[str] = set()
    chosen_twins: set[str] = set()
    chosen_hashes: set[str] = set()
    chosen_items: list[Item] = []
    chosen_groups: set[str] = set()
    if allow_enemies is None:
        allow_enemies = blueprint.allow_enemies

    def is_enemy(c: _Candidate) -> bool:
        return not allow_enemies and any(
            enemy_group(i) in chosen_groups for i in c.items if enemy_group(i))

    hash_of = {i.uid: i.content_hash() for c in pool.candidates for i in c.items}

    def is_duplicate(c: _Candidate) -> bool:
        for item in c.items:
            if (item.uid in chosen_twins or (item.twin_uid and item.twin_uid in chosen_uids)
                    or item.content_hash() in chosen_hashes
                    or (item.twin_uid and hash_of.get(item.twin_uid) in chosen_hashes)):
                return True
            if similar and any(similar(item, other) for other in chosen_items):
                return True
        return False

    def take(c: _Candidate) -> None:
        for item in c.items:
            chosen_ids.add(item.id)
            chosen_uids.add(item.uid)
            if item.twin_uid:
                chosen_twins.add(item.twin_uid)
                if item.twin_uid in hash_of:
                    chosen_hashes.add(hash_of[item.twin_uid])
            chosen_hashes.add(item.content_hash())
            chosen_items.append(item)
            if enemy_group(item):
                chosen_groups.add(enemy_group(item))

    def free(c: _Candidate) -> bool:
        return (pool.usable(c) and not pool.is_recent(c)
                and not any(i.id in chosen_ids for i in c.items))

    # scarcest cells first
    order = sorted(range(len(blueprint.cells)), key=lambda k: (
        sum(c.size for c in matching[k] if free(c)) - blueprint.cells[k].count, k))
    picked: dict[int, list[_Candidate]] = {}
    shortfalls: list[Shortfall] = []
    notes: list[str] = []
    approximated: list[tuple[int, dict[str, int]]] = []
    for k in order:
        cell = blueprint.cells[k]
        free_units = [c for c in matching[k] if free(c)]
        rng.shuffle(free_units)
        got: list[_Candidate] = []
        remaining = cell.count
        dup_skipped = fit_skipped = enemy_skipped = 0

        def fill(from_pool, limit):
            nonlocal remaining, dup_skipped, fit_skipped, enemy_skipped
            placed = 0
            for c in from_pool:
                if placed >= limit or remaining <= 0:
                    break
                if any(i.id in chosen_ids for i in c.items):
                    continue
                if c.size > min(remaining, limit - placed):
                    fit_skipped += 1
                    continue
                if is_duplicate(c):
                    dup_skipped += 1
                    continue
                if is_enemy(c):
                    enemy_skipped += 1
                    continue
                take(c)
                got.append(c)
                remaining -= c.size
                placed += c.size

        targets = _apportion(cell.count, cell.difficulty_mix) if cell.difficulty_mix else {}
        for band, n in targets.items():
            if n:
                fill([c for c in free_units if c.band == band], n)
        if targets and remaining:
            short = {b: n - sum(c.size for c in got if c.band == b) for b, n in targets.items()}
            short = {b: n for b, n in short.items() if n > 0}
            if short:
                approximated.append((k, short))
                notes.append(f"{cell.label}: difficulty mix approximated; too few "
                             + ", ".join(f"{b} ({n} short)" for b, n in short.items()))
        fill(free_units, remaining)
        picked[k] = got
        if remaining > 0:
            shortfalls.append(_shortfall(k, cell, cell.count - remaining, pool, chosen_ids,
                                         got, include_drafts, dup_skipped, fit_skipped,
                                         language, enemy_skipped))

    units = [ExamUnit.of(c.unit) for k in range(len(blueprint.cells)) for c in picked[k]]
    used_lang = language or _majority_language(units)
    exam = Exam(title=title or blueprint.title or ("考试" if used_lang == "zh" else "Examination"),
                course=blueprint.course, institution=institution, duration=blueprint.duration,
                instructions=blueprint.instructions, language=used_lang or "en",
                candidate_digits=blueprint.candidate_digits or (13 if used_lang == "zh" else 8),
                pass_mark=blueprint.pass_mark, blueprint=blueprint.to_dict(), seed=seed)
    exam.sections = arrange_sections(units, exam.language, blueprint)
    total = exam.total_marks
    if exam.pass_mark is not None and units and exam.pass_mark > total:
        notes.append(f"the pass mark ({exam.pass_mark:g}) is more than the paper's total marks "
                     f"({total:g}): no candidate can pass; lower it in the blueprint or add "
                     "questions")
    shortfalls.sort(key=lambda s: s.cell)
    approximated.sort()
    return Assembly(exam=exam, shortfalls=shortfalls, notes=notes, approximated=approximated)


def _majority_language(units: list[ExamUnit]) -> str:
    langs = Counter(i.language for u in units for i in u.items)
    return langs.most_common(1)[0][0] if langs else ""


def enemy_group(item: Item) -> str:
    """The item's enemy group (``provenance["enemy_group"]``), or ``""``."""
    group = item.provenance.get("enemy_group") if isinstance(item.provenance, dict) else None
    return group if isinstance(group, str) else ""


def _shortfall(k, cell, found, pool: _Pool, chosen_ids, got, include_drafts, dup_skipped,
               fit_skipped, language, enemy_skipped=0) -> Shortfall:
    needed = cell.count
    window = pool.window
    matching = pool.matching[k]
    mine = {id(c) for c in got}
    usable = [c for c in matching if pool.usable(c)]
    n_usable = sum(c.size for c in usable)
    n_recent = sum(c.size for c in usable if pool.is_recent(c))
    n_taken = sum(c.size for c in usable if id(c) not in mine and not pool.is_recent(c)
                  and any(i.id in chosen_ids for i in c.items))
    n_drafts = 0 if include_drafts else sum(
        c.size for c in matching if any(i.status in ("draft", "reviewed") for i in c.items))
    word = "approved" if not include_drafts else "usable"
    plural = "item" if n_usable == 1 else "items"
    why = []
    if n_recent:
        why.append(f"{n_recent} used in the last {window} exam{'s' if window != 1 else ''}")
    if n_taken:
        why.append(f"{n_taken} already used by another cell")
    if dup_skipped:
        why.append(f"{dup_skipped} near-duplicate{'s' if dup_skipped != 1 else ''} of chosen "
                   "items skipped")
    if enemy_skipped:
        why.append(f"{enemy_skipped} enemy item{'s' if enemy_skipped != 1 else ''} (same item "
                   "model as a chosen item) skipped")
    if fit_skipped:
        why.append(f"{fit_skipped} item set{'s' if fit_skipped != 1 else ''} too large for "
                   "the remaining count")
    if n_drafts:
        why.append(f"{n_drafts} draft/reviewed not included (use --include-drafts)")
    message = f"{cell.label}: {needed} needed, {n_usable} {word} {plural} available"
    if n_usable != found:
        message += f", {found} placed"
    if why:
        message += " (" + "; ".join(why) + ")"
    types = list(cell.types)
    request = {"topic": cell.topic or cell.system or cell.query, "system": cell.system,
               "type": types[0] if len(types) == 1 else "sba",
               "exam_type": cell.exam_types[0] if cell.exam_types else "",
               "bloom": cell.bloom,
               "difficulty": BAND_P[cell.difficulty] if cell.difficulty else None,
               "difficulty_band": cell.difficulty, "count": needed - found,
               "language": cell.language or language or "en", "tags": list(cell.tags)}
    reasons = {"usable": n_usable, "recent": n_recent, "window": window, "taken": n_taken,
               "duplicates": dup_skipped, "enemies": enemy_skipped, "too_large": fit_skipped,
               "drafts": n_drafts,
               "include_drafts": int(include_drafts)}
    return Shortfall(cell=k, label=cell.label, needed=needed, found=found, message=message,
                     request=request, reasons=reasons)


def arrange_sections(units: list[ExamUnit], language: str,
                     blueprint: Blueprint | None = None) -> list[ExamSection]:
    """Group units into sections.

    With ``blueprint.sections``: each unit goes to the first section whose ``exam_types``
    names its format (an empty list takes the rest). Otherwise one section per format
    in the order A1, A2, A3/A4, B1, X, TF, with the standard headings and instructions
    of :mod:`eduapp.exams.conventions`; unit order within a section is kept.
    """
    def fmt(u: ExamUnit) -> str:
        return unit_format(u.items, u.item_set.kind if u.item_set else None,
                           u.item_set.exam_type if u.item_set else "")

    if blueprint is not None and blueprint.sections:
        sections = [ExamSection(title=s.title, instructions=s.instructions, minutes=s.minutes)
                    for s in blueprint.sections]
        for u in units:
            f = fmt(u)
            for spec, section in zip(blueprint.sections, sections):
                aliases = set().union(*(FORMAT_ALIASES.get(f, {f}) for f in [f]))
                if not spec.exam_types or aliases & set(spec.exam_types) or f in spec.exam_types:
                    section.units.append(u)
                    break
            else:
                sections[-1].units.append(u)
        return [s for s in sections if s.units]
    by_format: dict[str, list[ExamUnit]] = {}
    for u in units:
        by_format.setdefault(fmt(u), []).append(u)
    out = []
    for f in FORMATS:
        if f not in by_format:
            continue
        us = by_format[f]
        n_opts = max((len(u.item_set.options) if u.item_set and u.item_set.options
                      else max(len(i.options) for i in u.items)) for u in us)
        exam_types = {u.item_set.exam_type if u.item_set else u.items[0].exam_type for u in us}
        out.append(ExamSection(title=section_title(f, len(out), language, exam_types),
                               instructions=section_instructions(f, language, n_opts),
                               kind=f, units=us))
    return out


@dataclass
class CellAvailability:
    """How many questions the bank has for one blueprint cell (a set counts by its
    members), before cells compete for them.

    :ivar available: questions usable now (right status, not used in a recent exam).
    :ivar drafts: matching questions left out because they are ``draft``/``reviewed``
        and drafts are not included.
    :ivar recent: usable questions left out because a recent exam used them.
    """

    available: int = 0
    drafts: int = 0
    recent: int = 0


def cell_availability(bank: Bank, blueprint: Blueprint, *, include_drafts: bool = False,
                      recent_window: int = 2, language: str | None = None
                      ) -> list[CellAvailability]:
    """Per cell of ``blueprint``, the questions :func:`assemble` could draw on with the
    same options (each cell on its own: a question that fits two cells counts for both).

    Runs on any thread; reads the bank only.

    :param language: as for :func:`assemble`.
    :returns: one :class:`CellAvailability` per ``blueprint.cells`` entry, in order.
    """
    if not blueprint.cells:
        return []
    pool = _pool(bank, blueprint, language or blueprint.language or "", include_drafts,
                 recent_window)
    out = []
    for matching in pool.matching:
        avail = CellAvailability()
        for c in matching:
            if not pool.usable(c):
                if not include_drafts and all(i.status in ("approved", "draft", "reviewed")
                                              for i in c.items):
                    avail.drafts += c.size
                continue
            if pool.is_recent(c):
                avail.recent += c.size
                continue
            avail.available += c.size
        out.append(avail)
    return out
