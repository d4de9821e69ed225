"""The words of an item, whatever format carried it: the key that recognises an item
re-imported from a format that keeps only its text (Aiken, GIFT or CSV without ids).

Pure functions; any thread.
"""

from __future__ import annotations

import re
import unicodedata

from ..htmltext import html_to_text

__all__ = ["plain_words", "loose_key"]

_WORDS = re.compile(r"\w+")


def plain_words(text: str) -> str:
    """The words of ``text`` (HTML reduced to its text, NFKC, case folded), one space
    apart: what is left of a stem or option text after any format's markup, escapes and
    line breaks (an Aiken, GIFT or CSV copy of an item has the same words as the bank's)."""
    text = text or ""
    if "<" in text:
        text = html_to_text(text)
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", text).casefold()))


def loose_key(full_stem: str, options) -> tuple:
    """The identity of an item in a format that keeps only its text (Aiken, GIFT or CSV
    without ids): the words of the full stem (vignette included) and of each option text,
    in order (:func:`plain_words`). The type is left out: Aiken writes a true/false item
    as a two-option single best answer.

    :param options: the item's :class:`~eduapp.domain.Option` list.
    :returns: a hashable key; two items with equal keys say the same thing.
    """
    return (plain_words(full_stem),) + tuple(plain_words(o.text) for o in options)
