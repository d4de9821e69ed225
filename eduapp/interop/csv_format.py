"""CSV (``csv``): one item per row, for spreadsheets (Excel, WPS, LibreOffice).

The header row names the columns; order does not matter and unknown columns are reported
once and ignored. Documented in ``docs/formats.md``:

=====================  ==============================================================
``type``               ``sba`` ``multi`` ``tf`` ``short`` ``numerical`` ``matching``
                       ``essay`` ``description`` ``cloze`` (required)
``stem``               question text (required)
``A`` ``B`` ... ``Z``  options in order; matching ``left -> right``; numerical
                       ``value`` or ``value:tolerance``, or ``*`` for any other answer
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

from ..domain import Item, Option, check_uid
from ..errors import ExportError, ImportFileError, ValidationError
from ..files import atomic_write
from . import filereading, textencoding, xmlchars
from .base import ParseResult, units_items

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


#: Usual header names -> EduApp's column (English and Chinese spreadsheet templates:
#: Moodle/Canvas question-bank CSVs, 问卷星, 考试星 and hospital exam-office templates).
#: Compared case-insensitively with spaces, ``_`` and ``-`` removed.
HEADER_ALIASES = {
    "type": ("type", "questiontype", "qtype", "itemtype", "题型", "类型", "题目类型",
             "试题类型"),
    "stem": ("stem", "question", "questiontext", "text", "prompt", "题干", "题目", "问题",
             "试题", "题目内容", "试题内容"),
    "key": ("key", "answer", "answers", "correct", "correctanswer", "rightanswer",
            "答案", "正确答案", "标准答案"),
    "explanation": ("explanation", "feedback", "generalfeedback", "rationale", "解析",
                    "答案解析", "试题解析", "解释"),
    "category": ("category", "分类", "类别", "题库分类", "章节", "所属分类"),
    "tags": ("tags", "tag", "keywords", "标签", "关键词"),
    "difficulty": ("difficulty", "难度", "难度系数"),
    "vignette": ("vignette", "case", "病例", "病例摘要"),
    "language": ("language", "lang", "语言"),
    "model_answer": ("modelanswer", "参考答案"),
    "idnumber": ("idnumber", "id", "externalid", "编号", "试题编号"),
    "topic": ("topic", "知识点", "主题"),
    "system": ("system", "系统"),
    "discipline": ("discipline", "subject", "学科"),
    "bloom": ("bloom", "bloomlevel", "认知层次"),
    "marks": ("marks", "points", "score", "grade", "分值", "分数"),
    "status": ("status", "状态"),
    "references": ("references", "参考文献"),
    "hints": ("hints", "hint", "提示"),
    "rubric": ("rubric", "评分标准"),
}
_ALIAS = {alias: column for column, names in HEADER_ALIASES.items() for alias in names}
#: ``option_a``, ``Option A``, ``选项A``, ``choice a``, ``答案A``... -> ``A``.
_OPTION_HEADER = re.compile(r"^(?:option|opt|choice|answer|选项|备选答案|答案)?([A-Za-z])$")
_FEEDBACK_HEADER = re.compile(r"^(?:option|选项)?([A-Za-z])(?:feedback|解析)$")
#: Values of the ``type`` column: EduApp's names and the usual English/Chinese ones.
TYPE_ALIASES = {
    "sba": ("sba", "single", "singlechoice", "multichoice", "mcq", "a1", "a2", "a3", "a4",
            "单选", "单选题", "单项选择题", "最佳选择题"),
    "multi": ("multi", "multiple", "multiplechoice", "multipleresponse", "mr", "x", "多选",
              "多选题", "多项选择题", "不定项选择题"),
    "tf": ("tf", "truefalse", "true/false", "boolean", "judge", "判断", "判断题", "是非题"),
    "short": ("short", "shortanswer", "fillin", "fillintheblank", "填空", "填空题"),
    "essay": ("essay", "open", "问答", "问答题", "简答", "简答题", "论述题", "名词解释"),
    "numerical": ("numerical", "numeric", "number", "数值", "数值题", "计算题"),
    "matching": ("matching", "match", "配伍", "配伍题", "连线题"),
    "description": ("description", "text", "说明"),
    "cloze": ("cloze", "完形"),
}
_TYPE = {alias: t for t, names in TYPE_ALIASES.items() for alias in names}
#: True/false keys: ``T``/``F``, ``TRUE``/``FALSE``, ``对``/``错``, ``正确``/``错误``, ``√``/``×``.
TRUE_KEYS = {"t", "true", "y", "yes", "对", "正确", "是", "√", "✓", "✔"}
FALSE_KEYS = {"f", "false", "n", "no", "错", "错误", "否", "×", "✗", "✘", "x"}


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lstrip("\ufeff")).lower()


def canonical_header(name: str) -> str:
    """EduApp's column name for a header cell (``题干`` -> ``stem``, ``option_a`` -> ``A``,
    ``选项B解析`` -> ``B_feedback``), or the cell folded to lower case when unknown."""
    raw = name.strip().lstrip("\ufeff")
    if _LETTER.match(raw) or _FEEDBACK.match(raw):
        return raw
    if raw.lower() in COLUMNS or raw.lower() in TAIL:
        return raw.lower()
    folded = _fold(raw)
    if folded in _ALIAS:
        return _ALIAS[folded]
    m = _OPTION_HEADER.match(folded)
    if m and (len(folded) == 1 or folded != m.group(1)):
        return m.group(1).upper()
    m = _FEEDBACK_HEADER.match(folded)
    if m:
        return f"{m.group(1).upper()}_feedback"
    return raw.lower()


def _header_cells(line: str) -> list[str]:
    delimiter = max((",", ";", "\t"), key=line.count)
    return next(csv.reader([line], delimiter=delimiter))


def detect(head: bytes, path: str) -> bool:
    """True for ``.csv``/``.tsv`` files, and for text whose first line is a real header
    row: split at its delimiter, it names a stem column and at least one other known
    column (``type``, ``key``, an option ...). A first line that merely contains the words
    "type" and "stem" (an Aiken question about the brain stem) is not a header."""
    if path.lower().endswith((".csv", ".tsv")):
        return True
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="ignore").strip()
    if not any(d in first for d in (",", ";", "\t")):
        return False
    try:
        cells = [canonical_header(c) for c in _header_cells(first)]
    except csv.Error:
        return False
    known = set(COLUMNS) | set(TAIL)
    return "stem" in cells and sum(1 for c in cells if c in known or _LETTER.match(c)) >= 2 \
        and all(len(c) <= 40 for c in cells)


def _unguard(cell: str) -> str:
    if cell.startswith("'") and (_FORMULA.match(cell[1:2] or "x") or cell[1:2] == "'"):
        return cell[1:]
    return cell


def _guard(cell: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula, and to a cell that
    starts with ``'`` itself (so that :func:`_unguard` gives back exactly what was
    written: ``'=x`` -> ``''=x`` -> ``'=x``)."""
    if cell and ((_FORMULA.match(cell) and not _NUMBER.match(cell)) or cell[0] == "'"):
        return "'" + cell
    return cell


def _split_list(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()] if cell.strip() else []


def _number(text: str, what: str, decimal_comma: bool) -> float:
    """A number cell: ``0.65``, or ``0,65`` in a ``;``-separated file (decimal comma, as
    Excel writes it in German, French, Russian ... locales).

    :raises ValidationError: the cell is not a number (never stored as text).
    """
    raw = text.strip()
    if decimal_comma and re.fullmatch(r"[+-]?\d+,\d+([eE][+-]?\d+)?", raw):
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(code="csv.not-number", values={"what": what, "text": text}) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValidationError(code="csv.not-finite", values={"what": what, "text": text})
    return value


def _tf_options(stem: str) -> list[Option]:
    from ..language import detect_language  # noqa: PLC0415

    if detect_language(stem) == "zh":
        return [Option(text="正确"), Option(text="错误")]
    return [Option(text="True"), Option(text="False")]


def _row_item(row: dict[str, str], letters: list[str], path: str,
              decimal_comma: bool = False) -> Item:
    get = lambda k: _unguard((row.get(k) or "").strip())  # noqa: E731
    raw_type = get("type")
    item_type = _TYPE.get(_fold(raw_type), raw_type.lower()) if raw_type else "sba"
    item = Item(type=item_type, stem=get("stem"))
    item.provenance = {"source": "imported", "file": path, "format": NAME}
    for name in ("vignette", "category", "explanation", "model_answer", "rubric", "topic",
                 "system", "discipline", "bloom", "exam_type", "idnumber"):
        if get(name):
            setattr(item, name, get(name))
    if get("uid"):  # the bank's and eduapp-json's one rule (domain.check_uid)
        item.uid = check_uid(get("uid"))
    for name in ("language", "status"):
        if get(name):
            setattr(item, name, get(name).lower())
    for name in ("tags", "references", "hints"):
        setattr(item, name, _split_list(get(name)))
    if get("difficulty"):
        item.difficulty = _number(get("difficulty"), "difficulty", decimal_comma)
    if get("marks"):
        item.marks = _number(get("marks"), "marks", decimal_comma)
    if get("set_uid"):
        item.set_uid = check_uid(get("set_uid"), "set_uid")
        try:
            item.set_position = int(get("set_position") or 0)
        except ValueError:
            raise ValidationError(code="csv.set-position",
                                  values={"field": "set_position"}) from None
    if get("extra"):
        try:
            extra = json.loads(get("extra"))
        except json.JSONDecodeError:
            raise ValidationError(code="csv.extra-object", values={"field": "extra"}) from None
        if not isinstance(extra, dict):
            raise ValidationError(code="csv.extra-object", values={"field": "extra"})
        item.extra = extra
    key_cell = get("key")
    if item_type == "tf" and _fold(key_cell) in TRUE_KEYS | FALSE_KEYS:
        if not any(get(x) for x in letters):  # a true/false row without option texts
            item.options = _tf_options(item.stem)
            item.options[0 if _fold(key_cell) in TRUE_KEYS else 1].correct = True
            return item
        key_cell = "A" if _fold(key_cell) in TRUE_KEYS else "B"
    if item_type in ("sba", "multi") and re.fullmatch(r"[A-Za-z]+", key_cell) and \
            len(key_cell) > 1 and len(set(key_cell.upper())) == len(key_cell):
        key_cell = ";".join(key_cell.upper())  # ``ACD``: letters written together
    keys = {k.strip().upper() for k in re.split(r"[;,，、\s]+", key_cell) if k.strip()}
    bad = [k for k in keys if not _LETTER.match(k)]
    if bad:
        raise ValidationError(code="csv.bad-key", values={"key": get("key"), "example": "A, A;C"})
    fractions: dict[str, float] = {}
    for part in re.split(r"[;]", get("fractions")):
        if part.strip():
            letter, _, value = part.partition("=")
            if not value.strip():
                raise ValidationError(code="csv.fraction",
                                      values={"part": part, "example": "A=0.5"})
            fractions[letter.strip().upper()] = _number(value, f"fraction {part!r}",
                                                        decimal_comma)
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
                raise ValidationError(code="csv.matching",
                                      values={"letter": letter, "example": "'left -> right'"})
            opt.text, opt.match = left.strip(), right.strip()
            opt.correct = bool(opt.text)
        elif item_type == "numerical":
            value, _, tol = text.partition(":")
            if value.strip() == "*":  # Moodle's catch-all: any other response
                opt.text = "*"
                item.options.append(opt)
                continue
            number = _number(value, f"the answer of option {letter}", decimal_comma)
            opt.text = f"{number:g}" if decimal_comma and "," in value else value.strip()
            if tol.strip():
                opt.tolerance = abs(_number(tol, f"the tolerance of option {letter}",
                                            decimal_comma))
        item.options.append(opt)
    missing = keys - {k for k in letters if get(k)}
    if missing:
        raise ValidationError(code="csv.key-empty-options", values={"letters": sorted(missing)})
    return item


def parse(path: str) -> ParseResult:
    """Read a CSV file with the header described in the module docstring.

    :returns: one item per data row; a row that breaks a rule is an error with its line.
    :raises ImportFileError: unreadable, empty, binary or undecodable file; no header with
        ``type`` and ``stem``.
    """
    text, encoding = textencoding.detect_encoding(filereading.read_bytes(path), path)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    decimal_comma = delimiter == ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise ImportFileError(file=path,
                              line=1,
                              code="csv.header-unreadable",
                              values={"detail": str(e)}) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    lower = [canonical_header(h) for h in header]
    if "stem" not in lower:
        raise ImportFileError(file=path,
                              line=1,
                              code="csv.no-header",
                              values={"names": ["stem", "question", "题干"],
                                      "doc": "docs/formats.md"})
    result = ParseResult(format=NAME, file=path, encoding=encoding)  # parse_file notes
    known = set(COLUMNS) | set(TAIL)
    unknown = [h for h in lower if h and h not in known and not _LETTER.match(h)
               and not _FEEDBACK.match(h)]
    if unknown:
        result.errors.append(ImportFileError(file=path,
                                             line=1,
                                             code="csv.unknown-columns",
                                             values={"names": unknown}))
    letters = sorted(h for h in lower if _LETTER.match(h))
    line = reader.line_num + 1
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise ImportFileError(file=path,
                                  line=reader.line_num,
                                  code="csv.unreadable",
                                  values={"detail": str(e)}) from None
        n += 1
        if not any(cell.strip() for cell in row):
            line = reader.line_num + 1
            continue
        record = dict(zip(lower, row))
        try:
            item = _row_item(record, letters, path, decimal_comma)
            item.validate()
            if (record.get("language") or "").strip():
                result.stated_language.add(item.uid)
        except ValidationError as e:
            result.errors.append(ImportFileError(None if e.code else str(e),
                                                 file=path,
                                                 line=line,
                                                 item=n,
                                                 code=e.code,
                                                 values=e.values))
        else:
            result.add(item, n, line)
        line = reader.line_num + 1
    return result


def cannot_represent(item: Item) -> str | None:
    """Why a CSV row cannot hold ``item``: more than 26 options (columns A..Z), or an
    option whose text is empty (an empty cell is no option)."""
    if len(item.options) > 26:
        return f"CSV option columns stop at Z; this item has {len(item.options)} options"
    if item.type != "short" and any(not xmlchars.clean_text(o.text).strip()
                                    for o in item.options):
        return "an option has no text, and an empty CSV cell is no option"
    return None


def _letter(k: int) -> str:
    if k >= 26:
        raise ExportError(code="csv.too-many-options")
    return chr(65 + k)


def rows(units) -> tuple[list[str], list[list[str]]]:
    """The header and rows :func:`write` writes (cells as text, not yet guarded)."""
    items = units_items(units)
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
            elif item.type == "numerical" and o.tolerance is not None and o.text != "*":
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
            # trimmed as the reader trims, then guarded (so the guard sees the real start)
            w.writerow([_guard(c.strip()) for c in row])

    atomic_write(path, writer)


__all__ = ["NAME", "EXTENSIONS", "COLUMNS", "TAIL", "detect", "parse", "rows", "write"]
