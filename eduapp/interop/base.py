"""What every format module shares: the parse result and the registry contract.

A format module (``eduapp/interop/<name>.py``) exposes:

``NAME``           the ``--format`` name (``moodle-xml``).
``EXTENSIONS``     file endings it claims (``(".xml",)``).
``detect(head: bytes, path: str) -> bool``  whether the first 64 KiB look like this format.
``parse(path: str) -> ParseResult``         read a file; never raises for one bad entry
                   (it goes to ``errors``); raises :class:`ImportFileError` when nothing in
                   the file can be read (unreadable, empty, not this format).
``write(units, path: str, documents=()) -> None``  write items/sets (``ExportError`` on failure);
                   absent for read-only formats.
``cannot_represent(item) -> str | None``  (optional) why the format cannot hold ``item``
                   at all: the export leaves it out and names it.
``adapt(item) -> str | None``  (optional) change a copy of ``item`` into what the format
                   can hold, in place, and say what changed (``None``: nothing); the export
                   names each such item (``write_file(...).changed``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Union

from ..domain import Document, Item, ItemSet, Media
from ..errors import ImportFileError

#: A unit of the bank as exams, exports and practice see it: a lone item or a whole set.
Unit = Union[Item, ItemSet]


@dataclass
class ParseResult:
    """What a parser read from one file.

    :ivar units: lone items and item sets, in file order.
    :ivar documents: documents (only ``eduapp-json`` carries them).
    :ivar media: file bytes referred to by the units, keyed by sha256 hex.
    :ivar errors: entries that could not be read, each with file/line/item and reason.
    :ivar format: the format name that parsed it.
    :ivar file: the path as given.
    :ivar stated_language: uids of the items whose language the file itself states
        (``eduapp-json``, a CSV ``language`` cell, QTI ``xml:lang``, an EduApp Anki note);
        every other item gets the language detected from its text.
    :ivar warnings: items that were imported but changed on the way: mapped to the
        nearest EduApp type (QTI hottext -> multiple response), or a part of the source
        moved or left out (a QTI element EduApp does not map), one :class:`ImportFileError`
        each naming the item; reported in the import summary (exit code stays 0).
    :ivar encoding: the text encoding the file was read in (text formats only; a
        parser of a text format must set it: :func:`eduapp.interop.parse_file` adds the
        note that a guessed code page was assumed).
    """

    units: list[Unit] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    errors: list[ImportFileError] = field(default_factory=list)
    format: str = ""
    file: str = ""
    stated_language: set = field(default_factory=set)
    language_forced: str | None = None
    warnings: list[ImportFileError] = field(default_factory=list)
    encoding: str = ""
    entries: dict = field(default_factory=dict, repr=False)

    def add(self, unit: Unit, entry=None, line: int | None = None) -> None:
        """Append ``unit`` and remember where it stands in the file: ``entry`` is the
        label the parser's errors use for it (GIFT/Aiken block, CSV row, Moodle question
        number, QTI item file, Anki note), ``line`` its first line (one-based)."""
        self.units.append(unit)
        self.entries[id(unit)] = (entry, line)

    def entry_of(self, unit: Unit) -> tuple:
        """``(entry label, line or None)`` of ``unit``, as the parser's errors name
        entries (:meth:`add`); the unit's one-based position among the units when the
        parser did not say. Import, lint and the size limits all number entries so."""
        entry, line = self.entries.get(id(unit), (None, None))
        if entry is None:
            entry = next((n for n, u in enumerate(self.units, 1) if u is unit), None)
        return entry, line

    @property
    def items(self) -> list[Item]:
        """Every item, set members included, in file order."""
        out: list[Item] = []
        for unit in self.units:
            out.extend(unit.items if isinstance(unit, ItemSet) else [unit])
        return out

    def counts(self) -> dict[str, int]:
        """Number of items by type (set members counted one by one), plus ``sets``."""
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.type] = counts.get(item.type, 0) + 1
        counts["sets"] = sum(1 for u in self.units if isinstance(u, ItemSet))
        return counts


def flatten(units: Iterable[Unit]) -> list[Item]:
    """Every item of ``units`` in order, set members expanded."""
    out: list[Item] = []
    for unit in units:
        out.extend(unit.items if isinstance(unit, ItemSet) else [unit])
    return out


def units_items(units: Iterable[Unit]) -> list[Item]:
    """Items of ``units`` in order for an exporter, set members expanded (a case set's
    shared vignette is prepended to each member that has none, so the exported question
    stands alone); unlike :func:`flatten`, members are copies when their vignette changes."""
    out: list[Item] = []
    for unit in units:
        if isinstance(unit, ItemSet):
            for member in unit.items:
                if unit.kind == "case" and unit.vignette and not member.vignette:
                    member = replace(member, vignette=unit.vignette)
                out.append(member)
        else:
            out.append(unit)
    return out


def short_without_answers_as_essay(item: Item, model_answer_kept: bool = True) -> str | None:
    """An ``adapt`` hook for formats whose short-answer question needs an accepted answer
    (Moodle XML, GIFT, QTI): a ``short`` item with only a model answer (a person marks
    it) becomes an ``essay`` item, in place. Moodle refuses a short-answer question without
    a 100% answer ("noanswers"); its essay question holds the model answer as grader
    information.

    :param model_answer_kept: the format writes an essay's model answer (GIFT does not).
    :returns: what changed, or ``None`` when ``item`` was left alone.
    """
    if item.type != "short" or any(o.correct and o.text.strip() for o in item.options):
        return None
    item.type = "essay"
    item.options = []
    return ("a short-answer item without accepted answers is written as an essay question "
            "(a short answer needs an accepted answer in this format); " +
            ("its model answer is kept as the grader information" if model_answer_kept
             else "its model answer is not written (the format has no place for it)"))
