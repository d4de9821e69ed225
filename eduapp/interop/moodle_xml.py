"""Moodle XML (``moodle-xml``): Moodle's own question import/export format.

Rules follow the Moodle documentation page "Moodle XML format"
(https://docs.moodle.org/en/Moodle_XML_format) and ``question/format/xml/format.php``:
a ``<quiz>`` of ``<question type="...">`` elements; ``type="category"`` entries set the
category of the questions after them; fractions are percentages (``33.33333``, ``-50``);
text elements carry ``format`` (``html``, ``moodle_auto_format``, ``plain_text``,
``markdown``) and may hold ``<file encoding="base64">`` children referred to as
``@@PLUGINFILE@@/name``; Moodle 1.x wrote ``<image>``/``<image_base64>`` instead.

Mapping to :class:`~eduapp.domain.Item` (see ``docs/formats.md``): ``multichoice`` with
``single=true`` -> ``sba``, else ``multi``; ``truefalse`` -> ``tf``; ``shortanswer`` ->
``short``; ``numerical`` -> ``numerical``; ``matching`` -> ``matching``; ``essay`` ->
``essay``; ``description`` -> ``description``; ``cloze``/``multianswer`` -> ``cloze`` with
its subquestions in ``extra["cloze"]``. Moodle settings without an Item field are kept in
``extra["moodle"]`` and written back on export.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from xml.sax.saxutils import escape, quoteattr

from ..domain import Item, Option
from ..errors import ImportFileError, ValidationError
from ..files import atomic_write
from . import filereading, grades, identity, mediafiles, richtext, textencoding, xmlparse
from .base import ParseResult, short_without_answers_as_essay, units_items
from .cloze import parse_cloze, validate_cloze

NAME = "moodle-xml"
EXTENSIONS = (".xml",)

#: Moodle text-format names <-> ``Item.extra["text_format"]`` (``None`` = EduApp's own).
_FORMAT_IN = {"html": "html", "moodle_auto_format": "moodle", "plain_text": "plain",
              "markdown": "markdown"}
_FORMAT_OUT = {None: "markdown", "html": "html", "moodle": "moodle_auto_format",
               "plain": "plain_text", "markdown": "markdown"}

#: Scalar settings kept verbatim in ``extra["moodle"]`` and written back.
_SCALARS = ("penalty", "hidden", "shuffleanswers", "answernumbering",
            "showstandardinstruction", "shownumcorrect", "usecase", "unitgradingtype",
            "unitpenalty", "showunits", "unitsleft", "responseformat", "responserequired",
            "responsefieldlines", "minwordlimit", "maxwordlimit", "attachments",
            "attachmentsrequired", "maxbytes", "filetypeslist")
#: Text settings (``{"text", "format"}``) kept in ``extra["moodle"]``.
_TEXTS = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback",
          "responsetemplate")

_SCALAR_SET = frozenset(_SCALARS)
_TEXT_SET = frozenset(_TEXTS)

_TYPES_IN = {"multichoice": None, "truefalse": "tf", "shortanswer": "short",
             "numerical": "numerical", "matching": "matching", "essay": "essay",
             "description": "description", "cloze": "cloze", "multianswer": "cloze"}

TRUE_WORDS = {"true", "t", "yes", "正确", "对", "是", "vrai", "wahr", "verdadero"}


def detect(head: bytes, path: str) -> bool:
    """True when the first bytes hold a ``<quiz>`` root with ``<question`` entries."""
    return b"<quiz" in head[:4096] and (b"<question" in head or b"</quiz>" in head)


# --- import ------------------------------------------------------------------------


class _Entry(Exception):
    """One question that cannot be imported (becomes a ParseResult error)."""


def _child_text(el, name: str, default: str = "") -> str:
    child = el.find(name)
    if child is None:
        return default
    return (child.text or "").strip()


class _Reader:
    def __init__(self, path: str, result: ParseResult):
        self.path = path
        self.result = result

    def text_of(self, parent, name: str, item: Item, default_format: str = "html"
                ) -> tuple[str, str | None]:
        """Text, format and embedded files of a ``<name format=..><text/><file/>`` child."""
        el = parent.find(name) if name else parent
        if el is None:
            return "", None
        fmt = _FORMAT_IN.get(el.get("format", default_format), "html")
        raw = ""
        for child in el:
            if child.tag == "text":
                raw = child.text or ""
            elif child.tag == "file":
                self.add_file(child, item)
        return richtext.import_text(raw, fmt)

    def add_file(self, f, item: Item) -> None:
        name = f.get("name") or "file"
        try:
            data = base64.b64decode((f.text or "").strip(), validate=False)
        except (binascii.Error, ValueError):
            self.result.errors.append(ImportFileError(file=self.path,
                                                      code="moodle.bad-embedded",
                                                      values={"name": name}))
            return
        media, err = mediafiles.make_media(name, data, self.path)
        if err:
            self.result.errors.append(err)
        elif media:
            mediafiles.attach_media(item, media, self.result)


def _number(text: str, what: str) -> float:
    """``text`` as a number; :raises _Entry: naming ``what`` when it is not one."""
    try:
        return float(text)
    except ValueError:
        raise _Entry(f"{what} {text!r} is not a number") from None


def _fraction(value: str | None) -> float:
    """An answer's ``fraction`` attribute (per cent) as a fraction Moodle accepts.

    :raises _Entry: not a number, or a grade outside Moodle's list (33 next to 33.33333).
    """
    try:
        return grades.moodle_grade(_number(value or "0", "answer fraction") / 100.0)
    except ValidationError as e:
        raise _Entry(str(e)) from None


def _parse_question(q, reader: _Reader, category: str) -> Item:
    qtype = q.get("type", "")
    if qtype not in _TYPES_IN:
        raise _Entry(f"question type {qtype!r} is not one EduApp knows; skipped")
    item = Item(type=_TYPES_IN[qtype] or "sba", stem="")
    item.provenance = {"source": "imported", "file": reader.path, "format": NAME}
    item.category = category
    moodle: dict = {}
    stem, fmt = reader.text_of(q, "questiontext", item)
    item.stem = stem
    if fmt:
        item.extra["text_format"] = fmt
    name = ""
    name_el = q.find("name")
    if name_el is not None:
        name = _child_text(name_el, "text")
    if name and name != _auto_name(stem):
        item.extra["title"] = name
    item.explanation = reader.text_of(q, "generalfeedback", item)[0]
    grade = _child_text(q, "defaultgrade")
    if grade:
        item.marks = _number(grade, "defaultgrade")
    identity.set_identity(item, _child_text(q, "idnumber"))
    tags_el = q.find("tags")
    for tag in (tags_el if tags_el is not None else ()):
        value = _child_text(tag, "text") or (tag.text or "").strip()
        if tag.tag == "tag" and value:
            item.tags.append(value)
    flags = []
    for hint in q.findall("hint"):
        item.hints.append(reader.text_of(hint, "", item)[0])
        flags.append({k: True for k in ("shownumcorrect", "clearwrong")
                      if hint.find(k) is not None})
        opts = _child_text(hint, "options")
        if opts:
            flags[-1]["options"] = opts
    if any(flags):
        moodle["hint_flags"] = flags
    for el in q:
        tag = el.tag
        if tag in _SCALAR_SET:
            moodle[tag] = (el.text or "").strip()
        elif tag in _TEXT_SET and (_child_text(el, "text") or el.find("file") is not None):
            text, tfmt = reader.text_of(el, "", item)
            moodle[tag] = {"text": text, "format": tfmt}
    # legacy Moodle 1.x image
    image_b64 = _child_text(q, "image_base64")
    if image_b64:
        image_name = _child_text(q, "image") or "image"
        try:
            data = base64.b64decode(image_b64)
        except (binascii.Error, ValueError):
            reader.result.errors.append(ImportFileError(file=reader.path, code="moodle.bad-image",
                                                        values={"element": "<image_base64>"}))
        else:
            media, err = mediafiles.make_media(image_name, data, reader.path)
            if err:
                reader.result.errors.append(err)
            else:
                mediafiles.attach_media(item, media, reader.result)
                moodle["legacy_image"] = media.name

    if qtype == "multichoice":
        single = _child_text(q, "single", "true").lower() in ("true", "1")
        item.type = "sba" if single else "multi"
        _read_answers(q, item, reader)
    elif qtype == "truefalse":
        _read_answers(q, item, reader)
        for o in item.options:
            o.text = "True" if o.text.strip().lower() == "true" else (
                "False" if o.text.strip().lower() == "false" else o.text)
    elif qtype in ("shortanswer", "numerical"):
        _read_answers(q, item, reader)
        if qtype == "numerical":
            for o in item.options:  # Moodle: "The answer must be a number" (or * for any)
                if o.text.strip() != "*":
                    o.text = richtext.html_to_text(o.text).strip()
                    _number(o.text, "the numerical answer")
            units = [{"unit": _child_text(u, "unit_name"),
                      "multiplier": _child_text(u, "multiplier", "1")}
                     for u in q.findall("units/unit")]
            if units:
                moodle["units"] = units
    elif qtype == "matching":
        for sub in q.findall("subquestion"):
            left, _ = reader.text_of(sub, "", item)
            ans = sub.find("answer")
            right = _child_text(ans, "text") if ans is not None else ""
            item.options.append(Option(text=left, correct=bool(left), match=right))
    elif qtype == "essay":
        item.model_answer = reader.text_of(q, "graderinfo", item)[0]
    elif qtype in ("cloze", "multianswer"):
        item.extra["cloze"] = {"subquestions": parse_cloze(item.stem)}
        validate_cloze(item.extra["cloze"]["subquestions"])
    if moodle:
        item.extra["moodle"] = moodle
    return item


def _read_answers(q, item: Item, reader: _Reader) -> None:
    default_fmt = "plain_text" if item.type in ("short", "numerical", "tf") else "html"
    for ans in q.findall("answer"):
        fraction = _fraction(ans.get("fraction"))
        text, _ = reader.text_of(ans, "", item, default_fmt)
        fb, _ = reader.text_of(ans, "feedback", item)
        opt = Option(text=text, explanation=fb)
        opt.correct = fraction >= 0.99999 if item.type in ("sba", "tf") else fraction > 0
        if fraction != (1.0 if opt.correct else 0.0):
            opt.fraction = fraction
        tol = _child_text(ans, "tolerance")
        if tol:
            opt.tolerance = _number(tol, "tolerance")
        item.options.append(opt)
    if item.type == "multi":
        grades.normalise_multi(item)


@functools.lru_cache(maxsize=1024)
def category_of(path_text: str) -> str:
    """EduApp's category path (``Cardiology/Arrhythmia``) for a Moodle category path
    (``$course$/top/Cardiology/Arrhythmia``): the context and ``top`` dropped, ``//`` (an
    escaped slash inside a name) kept."""
    parts = re.split(r"(?<!/)/(?!/)", path_text.strip())
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    return "/".join(p.strip() for p in parts if p.strip())


def parse(path: str) -> ParseResult:
    """Read a Moodle XML file.

    :param path: the ``.xml`` file.
    :returns: items in file order; each question of a type EduApp does not know, or that
        breaks an item rule, is an error with its line and is skipped whole.
    :raises ImportFileError: unreadable, empty, binary, not well-formed XML, forbidden
        entities, or a root that is not ``<quiz>``.
    """
    data = filereading.read_bytes(path)
    if filereading.looks_binary(data) and not textencoding.bom_encoding(data):
        raise ImportFileError(file=path, code="moodle.binary")
    data, encoding = xmlparse.undeclared_to_utf8(data, path)
    root = xmlparse.parse_xml(data, path)
    if xmlparse.local(root.tag) != "quiz":
        raise ImportFileError(file=path,
                              code="moodle.wrong-root",
                              values={"expected": "<quiz>", "root": f"<{root.tag}>"})
    text = data.decode(textencoding.bom_encoding(data) or "utf-8", errors="replace")
    lines = xmlparse.tag_lines(text, "question")
    result = ParseResult(format=NAME, file=path, encoding=encoding)
    reader = _Reader(path, result)
    category = ""
    for n, q in enumerate(root.findall("question")):
        line = lines[n] if n < len(lines) else None
        if q.get("type") == "category":
            cat = q.find("category")
            category = category_of(_child_text(cat, "text") if cat is not None else "")
            continue
        try:
            item = _parse_question(q, reader, category)
            item.validate()
        except (_Entry, ValidationError) as e:
            code = getattr(e, "code", None)  # _Entry: a plain sentence
            result.errors.append(ImportFileError(None if code else str(e), file=path,
                                                 line=line, item=n + 1, code=code,
                                                 values=getattr(e, "values", None)))
            continue
        except (ValueError, TypeError, AttributeError, IndexError, KeyError) as e:
            result.errors.append(ImportFileError(file=path,
                                                 line=line,
                                                 item=n + 1,
                                                 code="import.question-unreadable",
                                                 values={"detail": str(e)}))
            continue
        result.add(item, n + 1, line)
    return result


# --- export ------------------------------------------------------------------------


def _auto_name(stem: str) -> str:
    plain = " ".join(richtext.html_to_text(stem).split())
    return plain[:60] or "question"


def _text_el(tag: str, text: str, fmt: str, files: str = "", attrs: str = "") -> str:
    return (f'<{tag}{attrs} format="{fmt}"><text>{escape(text or "")}</text>{files}</{tag}>')


def _frac(value: float) -> str:
    pct = value * 100.0
    if abs(pct - round(pct)) < 1e-9:
        return str(int(round(pct)))
    return f"{pct:.5f}".rstrip("0")


def _files_xml(item: Item, media: dict | None) -> str:
    out = []
    for m in mediafiles.media_bytes(item, media):
        if (item.extra.get("moodle") or {}).get("legacy_image") == m.name:
            continue
        out.append(f'<file name={quoteattr(m.name)} path="/" encoding="base64">'
                   f'{base64.b64encode(m.data).decode("ascii")}</file>')
    return "".join(out)


def _question_xml(item: Item, media: dict | None) -> str:
    moodle = item.extra.get("moodle") or {}
    fmt = _FORMAT_OUT.get(item.extra.get("text_format"), "markdown")
    qtype = {"sba": "multichoice", "multi": "multichoice", "tf": "truefalse",
             "short": "shortanswer", "numerical": "numerical", "matching": "matching",
             "essay": "essay", "description": "description", "cloze": "cloze"}[item.type]
    name = item.extra.get("title") or _auto_name(item.full_stem)
    stem = item.full_stem
    for m in item.media:  # a bare file name in src="" is a Moodle @@PLUGINFILE@@ file
        stem = stem.replace(f'src="{m.name}"', f'src="@@PLUGINFILE@@/{m.name}"')
    parts = [f'<question type="{qtype}">',
             f"<name><text>{escape(name)}</text></name>",
             _text_el("questiontext", stem, fmt, _files_xml(item, media)),
             _text_el("generalfeedback", item.explanation, fmt),
             f"<defaultgrade>{item.marks:g}</defaultgrade>",
             f"<idnumber>{escape(identity.export_id(item))}</idnumber>"]
    legacy = moodle.get("legacy_image")
    if legacy:
        for m in mediafiles.media_bytes(item, media):
            if m.name == legacy:
                parts.append(f"<image>{escape(m.name)}</image><image_base64>"
                             f"{base64.b64encode(m.data).decode('ascii')}</image_base64>")
    if item.type in ("sba", "multi"):
        parts.append(f"<single>{'true' if item.type == 'sba' else 'false'}</single>")
    for tag in _SCALARS:
        if tag in moodle:
            parts.append(f"<{tag}>{escape(str(moodle[tag]))}</{tag}>")
    for tag in _TEXTS:
        if tag in moodle:
            entry = moodle[tag]
            parts.append(_text_el(tag, entry.get("text", ""),
                                  _FORMAT_OUT.get(entry.get("format"), "markdown")))
    if item.type in ("sba", "multi", "short", "numerical"):
        ans_fmt = fmt if item.type in ("sba", "multi") else "moodle_auto_format"
        for o in item.options:
            frac = grades.answer_fraction(item, o)
            tol = ""
            if item.type == "numerical":  # no tolerance = exact (Moodle writes 0)
                tol = f"<tolerance>{abs(o.tolerance or 0.0):g}</tolerance>"
            parts.append(f'<answer fraction="{_frac(frac)}" format="{ans_fmt}">'
                         f"<text>{escape(o.text)}</text>"
                         + _text_el("feedback", o.explanation, fmt) + tol + "</answer>")
        if item.type == "numerical" and moodle.get("units"):
            parts.append("<units>" + "".join(
                f"<unit><multiplier>{escape(str(u.get('multiplier', '1')))}</multiplier>"
                f"<unit_name>{escape(u.get('unit', ''))}</unit_name></unit>"
                for u in moodle["units"]) + "</units>")
    elif item.type == "tf":
        true_opt = next((o for o in item.options if o.text.strip().lower() in TRUE_WORDS),
                        item.options[0] if item.options else None)
        false_opt = next((o for o in item.options if o is not true_opt), None)
        for word, o in (("true", true_opt), ("false", false_opt)):
            correct = bool(o and o.correct)
            parts.append(f'<answer fraction="{100 if correct else 0}" '
                         f'format="moodle_auto_format"><text>{word}</text>'
                         + _text_el("feedback", o.explanation if o else "", fmt)
                         + "</answer>")
    elif item.type == "matching":
        for o in item.options:
            parts.append(_text_el("subquestion", o.text, fmt,
                                  f"<answer><text>{escape(o.match or '')}</text></answer>"))
    elif item.type == "essay":
        parts.append(_text_el("graderinfo", item.model_answer, fmt))
    flags = moodle.get("hint_flags") or []
    for n, hint in enumerate(item.hints):
        extra = ""
        if n < len(flags):
            extra = "".join(f"<{k}/>" for k in ("shownumcorrect", "clearwrong")
                            if flags[n].get(k))
            if flags[n].get("options"):
                extra += f"<options>{escape(flags[n]['options'])}</options>"
        parts.append(_text_el("hint", hint, fmt, extra))
    if item.tags:
        parts.append("<tags>" + "".join(f"<tag><text>{escape(t)}</text></tag>"
                                        for t in item.tags) + "</tags>")
    parts.append("</question>\n")
    return "\n".join(parts)


#: ``write_file``'s hook: a short item with only a model answer is written as an essay
adapt = short_without_answers_as_essay


def cannot_represent(item: Item) -> str | None:
    """Why Moodle would refuse ``item`` on import: an answer grade outside Moodle's list
    (each of 11 keys worth 1/11 = 9.09091%), see :func:`grades.moodle_grade_problem`."""
    return grades.moodle_grade_problem(item)


def dumps(units, media: dict | None = None) -> str:
    """The Moodle XML text for ``units`` (sets are written member by member)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    category = None
    for item in units_items(units):
        if item.category != category:
            category = item.category
            path = "$course$/top" + (f"/{category}" if category else "")
            out.append(f'<question type="category"><category><text>{escape(path)}</text>'
                       f"</category></question>\n")
        out.append(_question_xml(item, media))
    out.append("</quiz>\n")
    return "".join(out)


def write(units, path: str, documents=(), media: dict | None = None) -> None:
    """Write ``units`` as a Moodle XML file (UTF-8, atomic).

    Items without an idnumber get their uid as ``<idnumber>`` so that a re-import finds
    them again. Set members are written as separate questions (Moodle has no item sets).

    :param media: bytes of files the items refer to, by sha256 (written as
        ``<file encoding="base64">`` in the question text).
    :raises ExportError: the file cannot be written.
    """
    text = dumps(units, media)
    atomic_write(path, lambda fh: fh.write(text))


__all__ = ["NAME", "EXTENSIONS", "detect", "parse", "parse_cloze", "dumps", "write"]
