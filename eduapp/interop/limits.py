"""Size limits of what an import accepts, the same for every format.

A question whose stem is five million characters is no question: it is a broken export, a
pasted file, or an attack on the bank's memory and search index. Every importer runs what
it read through :func:`enforce_limits` (called by :func:`eduapp.interop.parse_file`), so one
rule holds for eduapp-json, Moodle XML, GIFT, Aiken, QTI, CSV and Anki alike: an entry with
a field over its limit is not imported and the import summary names the entry, the field,
its length and the limit (an error: the exit code is 1, the rest of the file imports).

The limits (characters, after the format's markup was read; documented in
``docs/formats.md`` "Size limits") are far above any real exam item: the longest item of
the shipped banks is under 3,000 characters, a long clinical vignette 5,000.
"""

from __future__ import annotations

from ..domain import Document, Item, ItemSet
from ..errors import ImportFileError

#: longest text of one item field (stem, vignette, explanation, model answer, rubric) and
#: of a set's shared vignette, in characters
LONG_TEXT = 100_000
#: longest option text or option feedback, and longest hint, in characters
OPTION_TEXT = 20_000
#: longest short label (topic, system, discipline, category, Bloom level, exam type, ID
#: number, title, tag, reference), in characters
LABEL = 1_000
#: most options (answers, matching pairs) one item may have
MAX_OPTIONS = 200
#: most tags, references or hints one item may have
MAX_LIST = 200
#: longest document (lecture note, case study) body, in characters
DOCUMENT_BODY = 2_000_000

LIMITS = {"long text": LONG_TEXT, "option text": OPTION_TEXT, "label": LABEL,
          "options": MAX_OPTIONS, "list": MAX_LIST, "document body": DOCUMENT_BODY}

_LONG_FIELDS = ("stem", "vignette", "explanation", "model_answer", "rubric")
_LABEL_FIELDS = ("topic", "system", "discipline", "category", "bloom", "exam_type",
                 "idnumber")


def _too_long(what: str, text, limit: int) -> str | None:
    if isinstance(text, str) and len(text) > limit:
        return f"the {what} is {len(text):,} characters long; the most EduApp accepts is {limit:,}"
    return None


def item_problem(item: Item) -> str | None:
    """Why ``item`` is over a size limit, or ``None``: the first field found too long (or
    list too long), as one sentence."""
    for name in _LONG_FIELDS:
        why = _too_long(name.replace("_", " "), getattr(item, name), LONG_TEXT)
        if why:
            return why
    for name in _LABEL_FIELDS:
        why = _too_long(name.replace("_", " "), getattr(item, name), LABEL)
        if why:
            return why
    why = _too_long("title", item.extra.get("title"), LABEL)
    if why:
        return why
    if len(item.options) > MAX_OPTIONS:
        return f"the item has {len(item.options):,} options; the most EduApp accepts is {MAX_OPTIONS}"
    for k, o in enumerate(item.options, start=1):
        for what, text in ((f"text of option {k}", o.text),
                           (f"feedback of option {k}", o.explanation),
                           (f"match of option {k}", o.match)):
            why = _too_long(what, text, OPTION_TEXT)
            if why:
                return why
    for name, limit in (("tags", LABEL), ("references", LABEL), ("hints", OPTION_TEXT)):
        values = getattr(item, name)
        if len(values) > MAX_LIST:
            return f"the item has {len(values):,} {name}; the most EduApp accepts is {MAX_LIST}"
        for value in values:
            why = _too_long(name[:-1], value, limit)
            if why:
                return why
    return None


def unit_problem(unit) -> str | None:
    """:func:`item_problem` for a lone item, or for a set: its shared vignette, title and
    options, then each member (named by its position)."""
    if not isinstance(unit, ItemSet):
        return item_problem(unit)
    why = (_too_long("shared vignette", unit.vignette, LONG_TEXT)
           or _too_long("set title", unit.title, LABEL))
    if why:
        return why
    if len(unit.options) > MAX_OPTIONS:
        return f"the set has {len(unit.options):,} shared options; the most is {MAX_OPTIONS}"
    for k, member in enumerate(unit.items, start=1):
        why = item_problem(member)
        if why:
            return f"question {k} of the set: {why}"
    return None


def document_problem(doc: Document) -> str | None:
    """Why a document is over a size limit (body or title), or ``None``."""
    return (_too_long("document body", doc.body, DOCUMENT_BODY)
            or _too_long("document title", doc.title, LABEL))


def enforce_limits(result) -> int:
    """Take every unit and document over a size limit out of ``result`` (a
    :class:`~eduapp.interop.base.ParseResult`) and add one error each, naming the entry
    as the parser numbers it (:meth:`~eduapp.interop.base.ParseResult.entry_of`).

    :returns: how many entries were taken out.
    """
    kept = []
    dropped = 0
    for unit in result.units:
        why = unit_problem(unit)
        if why is None:
            kept.append(unit)
            continue
        entry, line = result.entry_of(unit)
        result.errors.append(ImportFileError(f"{why}: not imported", file=result.file,
                                             line=line, item=entry))
        dropped += 1
    result.units = kept
    docs = []
    for n, doc in enumerate(result.documents, start=1):
        why = document_problem(doc)
        if why is None:
            docs.append(doc)
            continue
        result.errors.append(ImportFileError(f"document {n}: {why}: not imported",
                                             file=result.file, item=n))
        dropped += 1
    result.documents = docs
    return dropped


__all__ = ["LIMITS", "LONG_TEXT", "OPTION_TEXT", "LABEL", "MAX_OPTIONS", "MAX_LIST",
           "DOCUMENT_BODY", "item_problem", "unit_problem", "document_problem",
           "enforce_limits"]
