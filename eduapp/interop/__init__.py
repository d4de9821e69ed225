"""Import and export: one module per format, a registry, and format detection.

``parse_file(path, fmt="auto")`` picks the module and returns a :class:`ParseResult`;
``write_file(units, path, fmt)`` writes. The bank stores a parse result in one
transaction (``Bank.import_result``).
"""

from __future__ import annotations

import copy
import importlib
import os

from ..domain import ItemSet, collector_paused
from ..language import LANGUAGES, detect_item_language, detect_language
from ..errors import ExportError, ImportFileError, os_reason
from . import textencoding
from .base import ParseResult, Unit, flatten
from .limits import enforce_limits
from .xmlchars import clean_item, clean_units

#: ``--format`` name -> module path. Each module follows the contract in ``base.py``.
#: Order is the order of format detection: the most specific signatures first.
FORMAT_MODULES = {
    "eduapp-json": "eduapp.interop.eduapp_json",
    "moodle-xml": "eduapp.interop.moodle_xml",
    "qti": "eduapp.interop.qti",
    "apkg": "eduapp.interop.anki",
    "csv": "eduapp.interop.csv_format",
    "aiken": "eduapp.interop.aiken",
    "gift": "eduapp.interop.gift",
}


def register(name: str, module: str) -> None:
    """Add a format module to the registry (used by the format modules' package init)."""
    FORMAT_MODULES[name] = module


def format_module(name: str):
    """The module for a format name.

    :raises ImportFileError: unknown format name (a usage error).
    """
    if name not in FORMAT_MODULES:
        raise ImportFileError(code="import.unknown-format",
                              values={"name": name, "known": list(FORMAT_MODULES)})
    return importlib.import_module(FORMAT_MODULES[name])


def _head(path: str) -> bytes:
    try:
        if os.path.isdir(path):
            return b""
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as e:
        raise ImportFileError(file=path,
                              code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not head.strip():
        raise ImportFileError(file=path, code="import.empty")
    return head


def candidate_formats(path: str) -> list[str]:
    """Format names whose signature matches the first 64 KiB of ``path`` (and its name), most
    specific first (the order of :data:`FORMAT_MODULES`).

    :raises ImportFileError: unreadable or empty file.
    """
    head = textencoding.sniff_head(_head(path))  # UTF-16, GB18030 ... read as text first
    return [name for name in FORMAT_MODULES if format_module(name).detect(head, path)]


def detect_format(path: str) -> str:
    """The most specific format whose signature matches ``path`` (the first candidate;
    :func:`parse_file` with ``auto`` also tries the others when it cannot read the file).

    :raises ImportFileError: unreadable file or no format recognises it.
    """
    candidates = candidate_formats(path)
    if not candidates:
        raise ImportFileError(file=path, code="import.unrecognised", values={"option": "--format"})
    return candidates[0]


def _parse_auto(path: str) -> ParseResult:
    """Try each candidate format's parser in turn and keep the first clean result.

    A signature only nominates a format; the parse decides. A candidate that raises (its
    structure is not there: no real header row, no Aiken block) or reads nothing falls
    through to the next. When no candidate reads the file cleanly, the result with the most
    items wins (its errors are then reported); when none reads anything, the first
    candidate's error is raised.
    """
    candidates = candidate_formats(path)
    if not candidates:
        raise ImportFileError(file=path, code="import.unrecognised", values={"option": "--format"})
    best: ParseResult | None = None
    first_error: ImportFileError | None = None
    for name in candidates:
        try:
            with collector_paused():
                result = format_module(name).parse(path)
        except ImportFileError as e:
            first_error = first_error or e
            continue
        result.format = result.format or name
        if result.units and not result.errors:
            return result
        if best is None or len(result.items) > len(best.items):
            best = result
    if best is not None and (best.units or best.documents or first_error is None):
        return best
    raise first_error  # type: ignore[misc]


def assign_languages(result: ParseResult, override: str | None = None) -> None:
    """Set the language of every item and set in ``result``.

    :param override: ``"en"`` or ``"zh"`` forces that language on everything (the import
        dialog's and ``--language``'s choice); ``None`` keeps what the file states
        (``result.stated_language``) and detects the rest from the text
        (:func:`eduapp.language.detect_item_language`).
    :raises ImportFileError: ``override`` is not a known language.
    """
    if override is not None and override not in LANGUAGES:
        raise ImportFileError(code="import.unknown-language",
                              values={"language": override, "choices": ["en", "zh"]})
    result.language_forced = override
    for unit in result.units:
        members = unit.items if isinstance(unit, ItemSet) else [unit]
        for item in members:
            if override:
                item.language = override
            elif item.uid not in result.stated_language:
                item.language = detect_item_language(item, default=item.language or "en")
        if isinstance(unit, ItemSet):
            if override:
                unit.language = override
            elif unit.uid not in result.stated_language:
                langs = {i.language for i in members}
                unit.language = langs.pop() if len(langs) == 1 else detect_language(
                    unit.vignette + " " + " ".join(i.stem for i in members))


def parse_file(path: str, fmt: str = "auto", language: str | None = None) -> ParseResult:
    """Parse ``path`` in format ``fmt`` (``auto`` tries the formats whose signature
    matches, falling through to the next when one cannot read it).

    :param language: force ``en``/``zh`` on every item; ``None`` detects it per item
        where the file does not state it.
    :raises ImportFileError: nothing in the file could be read.
    """
    if fmt == "auto":
        result = _parse_auto(path)
    else:
        with collector_paused():
            result = format_module(fmt).parse(path)
    clean_units(result.units)
    enforce_limits(result)  # one size limit per field for every format (limits.py)
    assign_languages(result, language)
    note = textencoding.assumed_encoding_note(result.encoding, path)
    if note is not None:  # a text file read in a guessed code page: say so in the summary
        result.warnings.insert(0, note)
    return result


def not_represented(units, fmt: str) -> list[dict]:
    """Items of ``units`` that format ``fmt`` cannot hold, each ``{"item": its export id,
    "uid", "message": why}`` (Aiken holds only single-answer choice questions, CSV letters
    stop at Z ...). Formats without a ``cannot_represent(item)`` hook hold every item.

    :raises ExportError: unknown format.
    """
    name = "qti" if fmt == "qti3" else fmt
    try:
        module = format_module(name)
    except ImportFileError as e:
        raise ExportError(None if e.code else e.message, code=e.code, values=e.values) from None
    check = getattr(module, "cannot_represent", None)
    out = []
    for item in flatten(units):
        why = _empty_after_cleaning(item) or (check(item) if check else None)
        if why:
            out.append({"item": item.idnumber or item.uid, "uid": item.uid,
                        "message": f"{fmt} cannot represent this item: {why}"})
    return out


def _empty_after_cleaning(item) -> str | None:
    """Why no format can hold ``item``: without the characters XML 1.0 forbids (which no
    export carries) it is no longer a valid item (a stem or a matching pair that held only
    control characters)."""
    from ..errors import ValidationError  # noqa: PLC0415

    probe = copy.deepcopy(item)
    probe.media = []
    if not clean_item(probe):
        return None
    try:
        probe.validate()
    except ValidationError as e:
        return f"without the control characters no export can carry, {e}"
    return None


def _without(units, uids: set) -> list:
    """``units`` less the items whose uid is in ``uids`` (a set that keeps fewer than two
    members falls apart into lone items)."""
    out = []
    for unit in units:
        if isinstance(unit, ItemSet):
            kept = [i for i in unit.items if i.uid not in uids]
            if len(kept) == len(unit.items):
                out.append(unit)
            elif len(kept) >= 2:
                out.append(copy.copy(unit))
                out[-1].items = kept
            else:
                out.extend(kept)
        elif unit.uid not in uids:
            out.append(unit)
    return out


class ExportReport(list):
    """What an export left out (the list: ``{"item", "uid", "message"}`` per item, as
    :func:`not_represented` gives them) and, in ``changed``, the items it wrote in another
    shape the format can hold (same entry shape; e.g. a short-answer item without accepted
    answers written as an essay question)."""

    def __init__(self, left_out=(), changed=()):
        super().__init__(left_out)
        self.changed: list[dict] = list(changed)


def write_file(units, path: str, fmt: str, documents=(), media=None) -> ExportReport:
    """Write ``units`` (items and sets) to ``path`` in format ``fmt`` (``qti3`` is QTI 3.0).

    Items the format cannot hold are left out and reported, never a traceback; items the
    format holds only in another shape (the module's ``adapt`` hook) are written so and
    reported in ``changed``; characters XML 1.0 forbids are removed from (copies of) the
    texts first.

    :returns: an :class:`ExportReport`: the items left out (empty when the format held
        everything), and ``.changed``.
    :raises ExportError: the format cannot be written, no item can be represented in it,
        or the file cannot be saved.
    """
    writer_name = "write"
    module_name = fmt
    if fmt == "qti3":  # QTI 3.0: the qti module's second writer (cli: --format qti3)
        module_name, writer_name = "qti", "write_qti3"
    try:
        module = format_module(module_name)
    except ImportFileError as e:
        raise ExportError(None if e.code else e.message, code=e.code, values=e.values) from None
    if not hasattr(module, writer_name):
        raise ExportError(code="export.read-only-format", values={"format": fmt})
    units = list(units)
    left_out = not_represented(units, fmt)
    units = copy.deepcopy(units)
    clean_units(units)  # characters XML 1.0 forbids never reach an export
    if left_out:
        units = _without(units, {e["uid"] for e in left_out})
        if not units and not documents:
            raise ExportError(code="export.none-representable",
                              values={"format": fmt, "detail": left_out[0]["message"]})
    changed = []
    adapt = getattr(module, "adapt", None)
    for item in flatten(units) if adapt else ():
        why = adapt(item)  # on the copies: the bank's items are never touched
        if why:
            changed.append({"item": item.idnumber or item.uid, "uid": item.uid,
                            "message": f"{fmt}: {why}"})
    getattr(module, writer_name)(units, path, documents=documents, media=media)
    return ExportReport(left_out, changed)


__all__ = ["ParseResult", "Unit", "flatten", "FORMAT_MODULES", "register", "format_module",
           "detect_format", "candidate_formats", "not_represented", "assign_languages", "parse_file", "write_file",
           "ExportReport"]
