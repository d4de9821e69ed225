"""Answer grades: the mark share each option earns, the default scheme of a multiple-
response item, and Moodle's rule for which grades it accepts on import."""

from __future__ import annotations

from ..domain import Item
from ..errors import ValidationError


def answer_fraction(item: Item, option) -> float:
    """The share of ``item``'s marks that choosing ``option`` earns, as exported to Moodle
    XML, GIFT and QTI: the option's own ``fraction`` when set; for a multiple-response
    item ``1/k`` for each of its ``k`` keys and ``-1/k`` for a distractor (so that ticking
    everything scores 0, Moodle's usual multichoice grading); otherwise 1 for the key
    and 0 for a distractor.

    :param option: one of ``item.options``.
    :returns: a fraction in -1..1.
    """
    if option.fraction is not None:
        return option.fraction
    if item.type == "multi":
        keys = sum(1 for o in item.options if o.correct)
        if not keys:
            return 0.0
        return 1 / keys if option.correct else -1 / keys
    return 1.0 if option.correct else 0.0


#: The answer grades Moodle accepts, as fractions (``question_bank::fraction_options_full``
#: in ``question/engine/bank.php``): 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40,
#: 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 and 0 per cent, and
#: their negatives.
MOODLE_GRADES = tuple(sorted({s * g for g in (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0) for s in (1, -1)}))


def moodle_grade(fraction: float) -> float:
    """``fraction`` (rounded to 7 places, as written) when it is one of
    :data:`MOODLE_GRADES` within 0.00001 (Moodle's ``match_grade_options`` in
    ``lib/questionlib.php`` with ``matchgrades=error``).

    :raises ValidationError: a grade Moodle would refuse on import, naming the nearest
        accepted one (``33%`` next to ``33.33333%``).
    """
    for grade in MOODLE_GRADES:
        if abs(fraction - grade) < 0.00001:
            return round(fraction, 7)
    nearest = min(MOODLE_GRADES, key=lambda g: abs(g - fraction))
    raise ValidationError(code="moodle.grade",
                          values={"grade": f"{fraction * 100:g}%", "nearest": f"{nearest * 100:.7g}%"})


def moodle_grade_problem(item: Item) -> str | None:
    """Why Moodle would refuse ``item``'s answer grades (a mark share outside
    :data:`MOODLE_GRADES`, such as 1/11 = 9.09091% for each of 11 keys), or ``None``.
    Used by the Moodle XML and GIFT writers' ``cannot_represent``."""
    if item.type not in ("sba", "multi", "short", "numerical"):
        return None
    for o in item.options:
        try:
            moodle_grade(answer_fraction(item, o))
        except ValidationError as e:
            return str(e)
    return None


def normalise_multi(item: Item) -> None:
    """Fractions of a multiple-response item: unset when they are exactly the scheme
    the exporters derive for an item without fractions (keys 1/k, distractors -1/k), so a
    round trip keeps ``fraction`` unset; otherwise set on every option, 0 included."""
    keys = [o for o in item.options if o.correct]
    if not keys:
        return
    k = len(keys)
    default = [(round(1 / k, 7) if o.correct else round(-1 / k, 7)) for o in item.options]
    actual = [o.fraction if o.fraction is not None else (1.0 if o.correct else 0.0)
              for o in item.options]
    exact = all(abs(a - d) < 1e-5 for a, d in zip(actual, default))
    for o, a in zip(item.options, actual):
        # None in a multi item means "the default scheme"; any other scheme is explicit
        o.fraction = None if exact else a
