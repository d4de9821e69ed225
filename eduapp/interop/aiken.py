"""Aiken (``aiken``): single-best-answer questions in plain text.

Rules follow the Moodle documentation page "Aiken format"
(https://docs.moodle.org/en/Aiken_format) and ``question/format/aiken/format.php``::

    Which drug reverses heparin?
    A. Vitamin K
    B) Protamine sulfate
    ANSWER: B

* the question text is every line before the first option (Moodle joins them);
* an option is a capital letter, then ``.`` or ``)``, then its text, with or without a
  space between (``A. Text``, ``A)Text``, ``A.Text``: Moodle accepts all three); the
  full-width ``．``, ``、`` and ``）`` of Chinese word processors are accepted too;
* ``ANSWER:`` (capitals, optional space before/after the colon, ``：`` too) with one
  capital letter that names an option ends the question;
* blank lines between questions are optional.

Forgiving where Moodle is: CRLF and LF line ends, a UTF-8 BOM, trailing spaces, blank lines
inside a question. A block without options, without ``ANSWER:``, or whose answer names no
option is an error with its first line; the rest of the file still parses: a broken block
never swallows the next good question (a paragraph with option-like lines that Aiken does
not accept, ``a)``/``(A)``/``A -``, followed by a blank line, is reported on its own).
Characters XML 1.0 forbids, as Word's text export writes them (U+000B line break, U+000C
page break, U+0007 end of cell), are normalised before parsing.
"""

from __future__ import annotations

import re

from ..domain import Item, Option
from ..errors import ImportFileError, ValidationError
from ..files import atomic_write
from . import filereading, richtext, textencoding, xmlchars
from .base import ParseResult, units_items

NAME = "aiken"
EXTENSIONS = (".txt", ".aiken")

_OPTION = re.compile(r"^([A-Z])[.)．、）][ \t\u3000]*(\S.*?)\s*$")
_ANSWER = re.compile(r"^ANSWER\s?[:：]\s?(\S*)\s*$")
#: option-like lines Aiken does not accept: a sign that a paragraph is a broken question
_LOOSE_OPTION = re.compile(r"^(\(?[A-Za-z]\)|[a-z][.)]|[A-Z]\s*[-:])\s*\S")


def detect(head: bytes, path: str) -> bool:
    """True when the text has option lines (``A.``/``A)``) and an ``ANSWER: X`` line after
    them (the parser decides: see :func:`eduapp.interop.parse_file`)."""
    text = head.decode("utf-8", errors="ignore")
    return bool(re.search(r"^[A-Z][.)．、）]", text, re.M)
                and re.search(r"^ANSWER\s?[:：]\s?[A-Z]\s*$", text, re.M))


def parse(path: str) -> ParseResult:
    """Read an Aiken file.

    :returns: ``sba`` items in file order, one error (with line) per malformed block.
    :raises ImportFileError: unreadable, empty, binary or undecodable file, or a file in
        which no line looks like Aiken at all.
    """
    text, encoding = textencoding.detect_encoding(filereading.read_bytes(path), path)
    text = xmlchars.clean_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = ParseResult(format=NAME, file=path, encoding=encoding)
    stem: list[str] = []
    options: list[tuple[str, str]] = []
    start = None
    n_block = 0
    saw_any = False

    def fail(code: str, line: int | None, **values):
        """Report the question at ``line``: a catalogue ``code``, or an error to pass on."""
        error = values.pop("error", None)
        if error is not None:
            result.errors.append(ImportFileError(
                None if error.code else str(error), file=path, line=line, item=n_block,
                code=error.code, values=error.values))
            return
        values.setdefault("answer", "ANSWER:")
        values.setdefault("example", "A. ..., B. ...")
        result.errors.append(ImportFileError(file=path, line=line, item=n_block, code=code,
                                             values=values))

    blank_after_stem = False
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            # Moodle ignores blank lines; an option list followed by a blank line and no
            # ANSWER is still pending until the next question text arrives.
            blank_after_stem = bool(stem) and not options
            continue
        if blank_after_stem and not options and not _OPTION.match(line) and \
                not _ANSWER.match(line) and any(_LOOSE_OPTION.match(s_) for s_ in stem):
            fail("aiken.bad-options", start, example="'A. text', 'A) text'")
            stem, start = [], None
        blank_after_stem = False
        m_ans = _ANSWER.match(line)
        m_opt = _OPTION.match(line)
        if start is None:
            start = n
            n_block += 1
        if m_ans:
            saw_any = True
            letter = m_ans.group(1)
            if not options:
                fail("aiken.answer-first", start)
            elif not re.fullmatch(r"[A-Z]", letter):
                fail("aiken.answer-letter", n, letter=letter)
            elif letter not in [k for k, _ in options]:
                fail("aiken.answer-no-option", n, letter=letter)
            elif not stem:
                fail("aiken.no-stem", start)
            else:
                item = Item(type="sba", stem="\n".join(stem), options=[
                    Option(text=t, correct=(k == letter)) for k, t in options])
                item.provenance = {"source": "imported", "file": path, "format": NAME}
                try:
                    item.validate()
                except ValidationError as e:
                    fail("", start, error=e)
                else:
                    result.add(item, n_block, start)
            stem, options, start = [], [], None
            continue
        if m_opt and (stem or options):
            saw_any = True
            options.append((m_opt.group(1), m_opt.group(2).strip()))
            continue
        if options:
            # text after the options but before ANSWER: the previous block is broken
            fail("aiken.options-no-answer", start)
            stem, options = [], []
            start = n
            n_block += 1
        stem.append(line)
    if start is not None and (stem or options):
        fail("aiken.no-answer-line" if options else "aiken.trailing-text", start)
    if not saw_any:
        raise ImportFileError(file=path,
                              code="aiken.none-found",
                              values={"example": "'A. option', 'ANSWER: A'"})
    return result


def cannot_represent(item: Item) -> str | None:
    """Why Aiken cannot hold ``item`` (``None`` when it can): Aiken is single-best-answer
    only, 2 to 26 lettered options, one key."""
    if item.type not in ("sba", "tf"):
        return f"Aiken holds only single-best-answer questions, not {item.type}"
    if not 2 <= len(item.options) <= 26:
        return f"Aiken letters 2 to 26 options; this item has {len(item.options)}"
    if len(item.key_indices) != 1:
        return "Aiken needs exactly one correct option"
    return None


def dumps(units, media: dict | None = None) -> tuple[str, int]:
    """Aiken text for the ``sba`` and ``tf`` items of ``units``.

    :returns: ``(text, skipped)``: other item types cannot be written in Aiken and are
        left out (``skipped`` counts them); HTML is reduced to its text, line breaks in an
        option to spaces; more than 26 options cannot be lettered and are skipped too.
    """
    out: list[str] = []
    skipped = 0
    for item in units_items(units):
        if item.type not in ("sba", "tf") or not 2 <= len(item.options) <= 26 or \
                len(item.key_indices) != 1:
            skipped += 1
            continue
        stem = richtext.html_to_text(item.full_stem) if item.extra.get("text_format") == "html" \
            else item.full_stem
        stem_lines = [line.strip() for line in stem.split("\n") if line.strip()]
        # a stem line that looks like an option or ANSWER would be misread: indent-proof it
        stem_lines = [("\u200b" + line) if (_OPTION.match(line) or _ANSWER.match(line))
                      else line for line in stem_lines]
        out.extend(stem_lines or ["(no text)"])
        for k, o in enumerate(item.options):
            text = " ".join(richtext.html_to_text(o.text).split()) or "-"
            out.append(f"{chr(65 + k)}. {text}")
        out.append(f"ANSWER: {chr(65 + item.key_indices[0])}")
        out.append("")
    return "\n".join(out), skipped


def write(units, path: str, documents=(), media: dict | None = None) -> None:
    """Write the single-best-answer items of ``units`` as Aiken (UTF-8, atomic).

    Aiken holds only stem, options and key: explanations, feedback, tags, categories and
    media are lost; other item types are left out (see :func:`dumps`).

    :raises ExportError: the file cannot be written, or no item can be written in Aiken.
    """
    from ..errors import ExportError

    text, skipped = dumps(units, media)
    if not text.strip():
        raise ExportError(code="aiken.nothing-to-export")
    atomic_write(path, lambda fh: fh.write(text))


__all__ = ["NAME", "EXTENSIONS", "detect", "parse", "dumps", "write"]
