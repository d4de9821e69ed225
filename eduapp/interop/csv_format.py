"""CSV (``csv``): one item per row, for spreadsheets (Excel, WPS, LibreOffice).

The header row names the columns; order does not matter and unknown columns are reported
once and ignored. Documented in ``docs/formats.md``:

=====================  ==============================================================
``type``               ``sba`` ``multi`` ``tf`` ``short`` ``numerical`` ``matching``
                       ``essay`` ``description`` ``cloze`` (required)
``stem``               question text (required)
``A`` ``B`` ... ``Z``  options in order; matching ``left -> right``; numerical
                       ``value`` or ``value:tolerance``
``key``                letters of the correct options, ``A`` or ``A;C`` (short answer:
                       empty = every option is accepted)
``A_feedback`` ...     per-option explanation
``fractions``          partial credit, ``A=0.5;C=-0.5`` (Moodle fractions, -1..1)
``uid`` ``idnumber`` ``category`` ``vignette`` ``explanation`` ``model_answer``
``rubric`` ``topic`` ``system`` ``discipline`` ``bloom`` ``difficulty`` ``exam_type``
``language`` ``status`` ``marks`` ``set_uid`` ``set_position``  as in eduapp-json
``tags`` ``references`` ``hints``  lists joined with `` | ``
``extra``              JSON object (format-specific data), may be empty
=====================  ==============================================================

Files are read as UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030 (what Excel writes on
a Chinese Windows); the delimiter may be ``,``, ``;`` or tab. Written as UTF-8 with BOM and
CRLF so that Excel opens it with Chinese intact; cells that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@`` at the start, not a number) are written with a leading
``'``, which the importer removes (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import json
import re

from ..domain import Item, Option
from ..errors import ExportError, ImportFileError, ValidationError
from . import _util
from .base import ParseResult

NAME = "csv"
EXTENSIONS = (".csv", ".tsv")

COLUMNS = ("uid", "idnumber", "type", "category", "vignette", "stem")
TAIL = ("key", "fractions", "explanation", "model_answer", "rubric", "tags", "topic",
        "system", "discipline", "bloom", "difficulty", "exam_type", "language", "status",
        "references", "hints", "marks", "set_uid", "set_position", "extra")
_LIST_SEP = " | "
_LETTER = re.compile(r"^[A-Z]$")
_FEEDBACK = re.compile(r"^([A-Z])_feedback$")
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(:[+-]?[\d.eE+-]+)?$")


def detect(head: bytes, path: str) -> bool:
    """True for ``.csv``/``.tsv`` files and text whose first line names ``type`` and
    ``stem`` columns."""
    if path.lower().endswith((".csv", ".tsv")):
        return True
    first = head.split(b"\n", 1)[0].lower()
    return b"stem" in first and b"type" in first and (b"," in first or b";" in first
                                                       or b"\t" in first)


def _unguard(cell: str) -> str:
    if cell.startswith("'") and _FORMULA.match(cell[1:2] or "x"):
        return cell[1:]
    return cell


def _guard(cell: str) -> str:
    if cell and _FORMULA.match(cell) and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def _split_list(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()] if cell.strip() else []


def _row_item(row: dict[str, str], letters: list[str], path: str) -> Item:
    get = lambda k: _unguard((row.get(k) or "").strip())  # noqa: E731
    item_type = get("type").lower() or "sba"
    item = Item(type=item_type, stem=get("stem"))
    item.provenance = {"source": "imported", "file": path, "format": NAME}
    for name in ("vignette", "category", "explanation", "model_answer", "rubric", "topic",
                 "system", "discipline", "bloom", "exam_type", "idnumber"):
        if get(name):
            setattr(item, name, get(name))
    if get("uid"):
        if not _util.UID_RE.fullmatch(get("uid")):
            raise ValidationError(f"uid {get('uid')!r} is not 32 lowercase hex characters")
        item.uid = get("uid")
    for name in ("language", "status"):
        if get(name):
            setattr(item, name, get(name).lower())
    for name in ("tags", "references", "hints"):
        setattr(item, name, _split_list(get(name)))
    if get("difficulty"):
        try:
            item.difficulty = float(get("difficulty"))
        except ValueError:
            raise ValidationError(f"difficulty {get('difficulty')!r} is not a number") from None
    if get("marks"):
        try:
            item.marks = float(get("marks"))
        except ValueError:
            raise ValidationError(f"marks {get('marks')!r} is not a number") from None
    if get("set_uid"):
        item.set_uid = get("set_uid")
        try:
            item.set_position = int(get("set_position") or 0)
        except ValueError:
            raise ValidationError("set_position is not a whole number") from None
    if get("extra"):
        try:
            extra = json.loads(get("extra"))
        except json.JSONDecodeError:
            raise ValidationError("the extra column is not a JSON object") from None
        if not isinstance(extra, dict):
            raise ValidationError("the extra column is not a JSON object")
        item.extra = extra
    keys = {k.strip().upper() for k in re.split(r"[;,\s]+", get("key")) if k.strip()}
    bad = [k for k in keys if not _LETTER.match(k)]
    if bad:
        raise ValidationError(f"key {get('key')!r} must be option letters such as A or A;C")
    fractions: dict[str, float] = {}
    for part in re.split(r"[;]", get("fractions")):
        if part.strip():
            letter, _, value = part.partition("=")
            try:
                fractions[letter.strip().upper()] = float(value)
            except ValueError:
                raise ValidationError(f"fraction {part!r} must look like A=0.5") from None
    for letter in letters:
        text = get(letter)
        if not text:
            continue
        opt = Option(text=text, explanation=get(f"{letter}_feedback"))
        opt.correct = letter in keys or (item_type == "short" and not keys)
        if letter in fractions:
            opt.fraction = fractions[letter]
        if item_type == "matching":
            left, sep, right = text.partition("->")
            if not sep:
                raise ValidationError(f"matching option {letter} must be 'left -> right'")
            opt.text, opt.match = left.strip(), right.strip()
            opt.correct = bool(opt.text)
        elif item_type == "numerical":
            value, _, tol = text.partition(":")
            opt.text = value.strip()
            if tol.strip():
                try:
                    opt.tolerance = float(tol)
                except ValueError:
                    raise ValidationError(f"tolerance of option {letter} is not a "
                                          "number") from None
        item.options.append(opt)
    missing = keys - {k for k in letters if get(k)}
    if missing:
        raise ValidationError(f"key names option(s) {', '.join(sorted(missing))} that are "
                              "empty")
    return item


def parse(path: str) -> ParseResult:
    """Read a CSV file with the header described in the module docstring.

    :returns: one item per data row; a row that breaks a rule is an error with its line.
    :raises ImportFileError: unreadable, empty, binary or undecodable file; no header with
        ``type`` and ``stem``.
    """
    text = _util.decode_text(_util.read_bytes(path), path)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise ImportFileError(f"the CSV header cannot be read ({e})", file=path,
                              line=1) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    lower = [h.lower() if not (_LETTER.match(h) or _FEEDBACK.match(h)) else h for h in header]
    if "stem" not in lower or "type" not in lower:
        raise ImportFileError("the first row must be a header with at least the columns "
                              "'type' and 'stem'", file=path, line=1)
    result = ParseResult(format=NAME, file=path)
    known = set(COLUMNS) | set(TAIL)
    unknown = [h for h in lower if h and h not in known and not _LETTER.match(h)
               and not _FEEDBACK.match(h)]
    if unknown:
        result.errors.append(ImportFileError(
            f"unknown column(s) ignored: {', '.join(unknown)}", file=path, line=1))
    letters = sorted(h for h in lower if _LETTER.match(h))
    line = reader.line_num + 1
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise ImportFileError(f"the CSV cannot be read ({e})", file=path,
                                  line=reader.line_num) from None
        n += 1
        if not any(cell.strip() for cell in row):
            line = reader.line_num + 1
            continue
        record = dict(zip(lower, row))
        try:
            item = _row_item(record, letters, path)
            item.validate()
        except ValidationError as e:
            result.errors.append(ImportFileError(str(e), file=path, line=line, item=n))
        else:
            result.units.append(item)
        line = reader.line_num + 1
    return result


def _letter(k: int) -> str:
    if k >= 26:
        raise ExportError("an item has more than 26 options; CSV letters stop at Z")
    return chr(65 + k)


def rows(units) -> tuple[list[str], list[list[str]]]:
    """The header and rows :func:`write` writes (cells as text, not yet guarded)."""
    items = _util.units_items(units)
    n_opts = max((len(i.options) for i in items), default=4)
    n_opts = max(n_opts, 1)
    letters = [_letter(k) for k in range(n_opts)]
    with_fb = any(o.explanation for i in items for o in i.options)
    header = list(COLUMNS) + letters + ([f"{x}_feedback" for x in letters] if with_fb else []) \
        + list(TAIL)
    out = []
    for item in items:
        cells = {"uid": item.uid, "idnumber": item.idnumber, "type": item.type,
                 "category": item.category, "vignette": item.vignette, "stem": item.stem,
                 "explanation": item.explanation, "model_answer": item.model_answer,
                 "rubric": item.rubric, "topic": item.topic, "system": item.system,
                 "discipline": item.discipline, "bloom": item.bloom,
                 "difficulty": "" if item.difficulty is None else f"{item.difficulty:g}",
                 "exam_type": item.exam_type, "language": item.language,
                 "status": item.status, "marks": f"{item.marks:g}",
                 "tags": _LIST_SEP.join(item.tags),
                 "references": _LIST_SEP.join(item.references),
                 "hints": _LIST_SEP.join(item.hints),
                 "set_uid": item.set_uid or "",
                 "set_position": str(item.set_position) if item.set_uid else "",
                 "extra": json.dumps(item.extra, ensure_ascii=False) if item.extra else ""}
        keys, fracs = [], []
        for k, o in enumerate(item.options):
            letter = _letter(k)
            text = o.text
            if item.type == "matching":
                text = f"{o.text} -> {o.match or ''}"
            elif item.type == "numerical" and o.tolerance is not None:
                text = f"{o.text}:{o.tolerance:g}"
            cells[letter] = text
            cells[f"{letter}_feedback"] = o.explanation
            if o.correct and item.type != "matching":
                keys.append(letter)
            if o.fraction is not None:
                fracs.append(f"{letter}={o.fraction:g}")
        cells["key"] = ";".join(keys)
        cells["fractions"] = ";".join(fracs)
        out.append([cells.get(h, "") for h in header])
    return header, out


def write(units, path: str, documents=(), media: dict | None = None) -> None:
    """Write ``units`` as CSV (UTF-8 with BOM, CRLF, header as documented).

    Media are not written (a CSV cannot hold files). Set members are written as rows with
    their ``set_uid``; the set's own title and shared vignette are lost.

    :raises ExportError: the file cannot be written, or an item has more than 26 options.
    """
    header, data = rows(units)

    def writer(fh):
        fh.write("\ufeff")
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(header)
        for row in data:
            w.writerow([_guard(c) for c in row])

    _util.atomic_write(path, writer)


__all__ = ["NAME", "EXTENSIONS", "COLUMNS", "TAIL", "detect", "parse", "rows", "write"]
