"""Forms: K printed versions of one exam with shuffled question and option order, and a
key per form that maps back to the master.

Rules: units are shuffled within their section (sections keep their order); a locked unit
keeps its position; an item set moves as one unit, its members in their order; options
marked ``fixed`` ("none of the above") keep their position; true/false items and items
with ``extra["shuffleanswers"] is False`` (Moodle's flag) keep their option order; a
shared-option (B1) set gets one option order for all its members, since its options are
printed once. Form A keeps the master order unless ``shuffle_first``.
"""

from __future__ import annotations

import random

from ..errors import ValidationError
from .model import LETTERS, Exam, ExamForm, ExamUnit, FormQuestion


def shuffle_options(n: int, fixed: list[bool], rng: random.Random) -> list[int]:
    """A permutation of ``range(n)`` that leaves the indices where ``fixed`` is true in
    place: position ``j`` shows master option ``perm[j]`` (zero-based)."""
    movable = [i for i in range(n) if not fixed[i]]
    shuffled = movable[:]
    rng.shuffle(shuffled)
    perm = list(range(n))
    for pos, src in zip(movable, shuffled):
        perm[pos] = src
    return perm


def _unit_perms(unit: ExamUnit, rng: random.Random, shuffle: bool) -> list[list[int]]:
    if unit.item_set is not None and unit.item_set.kind == "shared_options":
        n = len(unit.items[0].options)
        fixed = [o.fixed for o in unit.item_set.options] or [False] * n
        fixed = (fixed + [False] * n)[:n]
        perm = shuffle_options(n, fixed, rng) if shuffle else list(range(n))
        return [perm for _ in unit.items]
    out = []
    for item in unit.items:
        n = len(item.options)
        if (not shuffle or item.type == "tf"
                or item.extra.get("shuffleanswers") is False):
            out.append(list(range(n)))
        else:
            out.append(shuffle_options(n, [o.fixed for o in item.options], rng))
    return out


def _order(units: list[ExamUnit], rng: random.Random, shuffle: bool) -> list[int]:
    order = list(range(len(units)))
    if not shuffle:
        return order
    free_pos = [i for i, u in enumerate(units) if not u.locked]
    moved = free_pos[:]
    rng.shuffle(moved)
    for pos, src in zip(free_pos, moved):
        order[pos] = src
    return order


def build_form(exam: Exam, code: str, order: list[list[int]],
               perms: dict[tuple[int, int], list[list[int]]]) -> ExamForm:
    """An :class:`ExamForm` from a unit order per section and option permutations per
    ``(section, unit)`` (one per member), numbering questions from 1."""
    questions = []
    number = 1
    for s, unit_order in enumerate(order):
        for u in unit_order:
            unit = exam.sections[s].units[u]
            for m, item in enumerate(unit.items):
                perm = perms[(s, u)][m]
                key = "".join(LETTERS[j] for j, src in enumerate(perm)
                              if item.options[src].correct)
                questions.append(FormQuestion(number=number, section=s, unit=u, member=m,
                                              item_id=item.id, version=item.version,
                                              options=perm, key=key))
                number += 1
    return ExamForm(code=code, order=order, questions=questions)


def make_forms(exam: Exam, count: int = 1, seed: int | None = None, *,
               shuffle_first: bool = False) -> list[ExamForm]:
    """Make ``count`` forms (A, B, C ...) of ``exam``, store them in ``exam.forms`` and
    return them. Reproducible: the same exam and seed give the same forms.

    :param count: 1..26 forms.
    :param seed: defaults to ``exam.seed`` (0 when unset).
    :param shuffle_first: shuffle form A too (by default it keeps the master order).
    :raises ValidationError: ``count`` out of range, or an exam without questions.
    """
    if not 1 <= count <= 26:
        raise ValidationError(code="exam.form-count", values={"max": 26})
    if not exam.question_count:
        raise ValidationError(code="exam.no-questions")
    seed = exam.seed if seed is None else seed
    forms = []
    for f in range(count):
        code = LETTERS[f]
        shuffle = f > 0 or shuffle_first
        rng = random.Random(f"{seed or 0}:{code}")
        order = [_order(section.units, rng, shuffle) for section in exam.sections]
        perms = {(s, u): _unit_perms(unit, rng, shuffle) for s, u, unit in exam.units()}
        forms.append(build_form(exam, code, order, perms))
    exam.forms = forms
    return forms


def master_key(exam: Exam) -> list[str]:
    """The key letters of the master (unshuffled) order."""
    return [("".join(LETTERS[j] for j, o in enumerate(item.options) if o.correct))
            for item in exam.items()]
