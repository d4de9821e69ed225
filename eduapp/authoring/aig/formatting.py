"""Numbers and units as each language writes them in an item.

English: a space between a number and its unit (``135 mmol/L``, ``38.5 °C``; SI brochure,
9th ed., 5.4.3), except ``%`` and rates such as ``88/min``, which follow the number
directly as the AMA Manual of Style writes them; thousands grouped with a comma from
1,000 (``12,500``), as English-language medical journals do; a minus sign for negatives.
Chinese (GB/T 15835-2011, the national standard on numbers in publications, which makes
grouping optional, and GB 3100/3101 on units): no thousands separator (``1250``), Latin
units after a space (``135 mmol/L``), Chinese units, ``%`` and ``°C`` directly after the
number (``65岁``, ``45%``, ``38.5°C``).
"""

from __future__ import annotations

import re

__all__ = ["format_number", "format_quantity"]

_CJK_UNIT = re.compile(r"^[\u3400-\u9fff]")
_NO_SPACE_EN = ("%", "‰", "×", "/")


def format_number(value: float | int, decimals: int = 0, language: str = "en",
                  trim: bool = False) -> str:
    """``value`` rounded to ``decimals`` places, written for ``language``.

    :param value: the number.
    :param decimals: digits after the decimal point (0 for whole numbers).
    :param language: ``en`` or ``zh``.
    :param trim: drop trailing zeros after the point (``0.50`` -> ``0.5``, ``35.00`` -> ``35``).
    :returns: e.g. ``"7.32"``, ``"12,500"`` (en), ``"12500"`` (zh), ``"-4"``.
    """
    if decimals <= 0:
        text = f"{round(value):,d}" if language == "en" else str(round(value))
    else:
        text = f"{value:,.{decimals}f}" if language == "en" else f"{value:.{decimals}f}"
        if trim:
            text = text.rstrip("0").rstrip(".")
    if text.startswith("-"):
        text = "\u2212" + text[1:]
    if text in ("\u22120", "\u22120.0", "\u22120.00"):
        text = text[1:]
    return text


def format_quantity(value: float | int, decimals: int = 0, unit: str = "",
                    language: str = "en", trim: bool = False) -> str:
    """A number with its unit, spaced as ``language`` writes it.

    :param unit: ``mmol/L``, ``%``, ``岁``, ``°C``, ``×10⁹/L`` or ``""``.
    :returns: e.g. ``"135 mmol/L"``, ``"45%"``, ``"65岁"``, ``"38.5°C"`` (zh),
        ``"38.5 °C"`` (en).
    """
    number = format_number(value, decimals, language, trim)
    if not unit:
        return number
    if unit.startswith(_NO_SPACE_EN) or _CJK_UNIT.match(unit):
        return number + unit
    if language == "zh" and unit.startswith("°"):
        return number + unit
    return f"{number} {unit}"
