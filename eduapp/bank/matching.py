"""Before an import: which incoming items look like items already in the bank, and why.

An import matches an item by ``uid`` (the same item, exported from this or another EduApp
bank), and otherwise also by ``idnumber`` or identical content; a near copy with edited
words is imported as a new item. Two of these should not pass unseen on a first import: an
item whose ID number is taken by a *different* bank item would silently rewrite that item,
and a near copy would silently double it. :func:`find_import_matches` lists both, so the
person decides per item: keep the bank's item, replace it, or import the file's as new
(:func:`apply_import_decisions`).

Similarity: candidates come from the bank's full-text search (the three longest words of
the incoming stem), then ``rapidfuzz.fuzz.token_sort_ratio`` on the whole stems (vignette
included) and on the option texts; a score of :data:`SIMILAR` (0..100) or more is a match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..domain import Item, ItemSet, new_uid
from ..errors import NotFoundError, ValidationError
from .textkey import loose_key, plain_words  # noqa: F401 - named in __all__

if TYPE_CHECKING:
    from .repository import Bank

__all__ = ["ImportMatch", "find_import_matches", "apply_import_decisions", "DECISIONS",
           "SIMILAR", "loose_key", "plain_words"]

#: what a person may decide for a matched item
DECISIONS = ("keep", "replace", "new")
#: the similarity (0..100) from which an incoming item is reported as like a bank item
SIMILAR = 85.0
_WORD = re.compile(r"[\u3400-\u9fff]{2,}|[^\W\d_]{4,}")


@dataclass
class ImportMatch:
    """An incoming item that looks like a bank item.

    :ivar file: the file it comes from (as given).
    :ivar index: zero-based position of the item among the file's units.
    :ivar stem: the incoming stem. :ivar bank_id: the bank item it is like.
    :ivar bank_stem: that item's stem. :ivar bank_status: its review status.
    :ivar reason: ``idnumber`` (the same ID number, other content) or ``similar``.
    :ivar score: stem similarity 0..100 (100 for an ID-number match of the same text).
    """

    file: str
    index: int
    stem: str
    bank_id: int
    bank_stem: str
    bank_status: str
    reason: str
    score: float

    def describe(self) -> str:
        """One English sentence: what matched and why."""
        if self.reason == "idnumber":
            return (f"has the ID number of bank item #{self.bank_id} ({self.bank_status}) "
                    f"but other content ({self.score:.0f}% alike): importing would rewrite it")
        return (f"is {self.score:.0f}% like bank item #{self.bank_id} ({self.bank_status}): "
                "importing would add a near copy")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def _similarity(a: Item, b: Item) -> float:
    stem = fuzz.token_sort_ratio(_norm(a.full_stem), _norm(b.full_stem))
    if a.options and b.options:
        opts = fuzz.token_sort_ratio(" ".join(sorted(_norm(o.text) for o in a.options)),
                                     " ".join(sorted(_norm(o.text) for o in b.options)))
        return 0.8 * stem + 0.2 * opts
    return stem


def _candidates(bank: Bank, item: Item) -> list[Item]:
    words = sorted(set(_WORD.findall(item.full_stem)), key=len, reverse=True)[:3]
    if not words:
        return []
    try:
        return bank.search(" ".join(words), limit=8)
    except ValidationError:
        return []


def find_import_matches(bank: Bank, result, file: str = "") -> list[ImportMatch]:
    """The lone items of a parsed file (:class:`eduapp.interop.ParseResult`) that are not
    already in the bank by ``uid`` or identical content, but share a bank item's ID
    number or are :data:`SIMILAR` to one. Sets are left out (they import as units).

    :returns: at most one match per incoming item (the closest), in file order.
    """
    out: list[ImportMatch] = []
    lone = [(n, u) for n, u in enumerate(result.units)
            if isinstance(u, Item) and not isinstance(u, ItemSet)]
    same_words = dict(zip((n for n, _u in lone),
                          bank.same_words_ids([u for _n, u in lone])))
    for n, unit in lone:
        try:
            bank.get_item_by_uid(unit.uid)
            continue  # the same item: a re-import updates it, as it should
        except NotFoundError:
            pass
        if bank.query_ids_by_hash(unit.content_hash()) or \
                (same_words[n] is not None and not (
                    unit.idnumber and bank.items_by_idnumber(unit.idnumber))):
            continue  # the same content (maybe with less markup): the import finds it
        best: ImportMatch | None = None
        if unit.idnumber:
            for other in bank.items_by_idnumber(unit.idnumber):
                best = ImportMatch(file, n, unit.stem, other.id, other.stem, other.status,
                                   "idnumber", round(_similarity(unit, other), 1))
                break
        if best is None:
            for other in _candidates(bank, unit):
                score = _similarity(unit, other)
                if score >= SIMILAR and (best is None or score > best.score):
                    best = ImportMatch(file, n, unit.stem, other.id, other.stem, other.status,
                                       "similar", round(score, 1))
        if best is not None:
            out.append(best)
    return out


def apply_import_decisions(bank: Bank, result, decisions: dict[int, str]) -> int:
    """Apply a person's decisions to a parsed file before it is imported: ``keep`` drops
    the incoming item (the bank's stays as it is), ``replace`` makes it a new version of
    the matched bank item, ``new`` imports it as a separate item (its ID number is cleared
    when another item has it).

    :param decisions: ``{unit index: (decision, bank id)}`` flattened as
        ``{index: "keep" | "replace:<id>" | "new"}``.
    :returns: how many incoming items were kept out (``keep``).
    :raises ValidationError: an unknown decision.
    """
    dropped: set[int] = set()
    for index, decision in decisions.items():
        unit = result.units[index]
        kind, _, target = decision.partition(":")
        if kind not in DECISIONS:
            raise ValidationError(code="bank.unknown-decision", values={"decision": decision})
        if kind == "keep":
            dropped.add(index)
        elif kind == "replace":
            other = bank.get_item(int(target))
            unit.uid = other.uid
        else:
            unit.uid = new_uid()
            if unit.idnumber and bank.items_by_idnumber(unit.idnumber):
                unit.idnumber = ""
    result.units = [u for n, u in enumerate(result.units) if n not in dropped]
    return len(dropped)
