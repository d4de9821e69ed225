"""HTML to plain text: the one path that search, PDFs, Aiken/GIFT/CSV export and the linter
use for item text that arrived as HTML (Moodle XML, QTI, Anki, Word-pasted content).

Built on the standard library's HTML tokenizer (:class:`html.parser.HTMLParser`, a real
HTML parser, tolerant of the tag soup Word and editors write), never on regular
expressions over markup. The rules follow how a browser shows the text:

* whitespace in text (source line wraps included) collapses to one space, except in
  ``<pre>``/``<textarea>``; ``&nbsp;`` becomes an ordinary space;
* block elements (``p``, ``div``, headings, ``li``, ``tr``, ``table``, ``blockquote`` ...)
  and ``<br>`` end a line; ``<p>`` and headings leave a blank line after them;
* table cells in a row are separated by :data:`CELL_SEPARATOR` (``Sodium | 134 mmol/L |
  135-145``), so cells are never glued together (``Price40``);
* list items start with ``- `` (unordered) or ``1. `` (ordered);
* comments (Word's ``<!--[if gte mso 9]>`` blocks too), ``<style>``, ``<script>``,
  ``<head>``, ``<title>``, ``<template>`` and Office ``<xml>`` islands are dropped;
* ``<img alt>`` contributes nothing (images are shown separately);
* entities are decoded (``&lt;`` -> ``<``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: What separates two table cells on one line of text.
CELL_SEPARATOR = " | "

_DROP = {"style", "script", "head", "title", "template", "xml", "noscript", "object",
         "iframe", "svg", "math:annotation"}
_BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog",
          "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
          "header", "hr", "legend", "li", "main", "menu", "nav", "ol", "section",
          "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "caption"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
_PRE = {"pre", "textarea", "listing", "plaintext"}
_CELL = {"td", "th"}
_MARKUP_HINT = re.compile(r"<[A-Za-z!/?]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []  # finished lines ("" = blank line)
        self.line: list[str] = []   # pieces of the current line
        self.drop = 0
        self.pre = 0
        self.lists: list[list] = []  # [kind, counter]
        self.cells_in_row = 0
        self.cells = 0  # depth inside td/th

    # -- helpers -----------------------------------------------------------------

    def _end_line(self, blank: bool = False, br: bool = False) -> None:
        text = "".join(self.line).strip(" ")
        self.line = []
        if text:
            self.lines.append(text)
        elif br and self.lines:
            self.lines.append("")  # <br> on an empty line: an empty line
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def _add(self, text: str) -> None:
        if not text:
            return
        if self.line and self.line[-1].endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        if not self.line and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            self.line.append(text)

    # -- parser callbacks ------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if tag in _DROP:
            self.drop += 1
            return
        if self.drop:
            return
        if tag == "br":
            if self.cells:
                self._add(" ")
            else:
                self._end_line(br=True)
        elif tag in _PARAGRAPH and re.fullmatch(r"(- |\d+\. )", "".join(self.line)):
            pass  # <li><p>text</p></li>: the paragraph continues the bullet's line
        elif self.cells and (tag in _PARAGRAPH or tag in _BLOCK) and tag not in (
                "table", "tr", "tbody", "thead", "tfoot"):
            self._add(" ")  # a paragraph inside a table cell stays in its cell
        elif tag in _PARAGRAPH or tag in _PRE:
            self._end_line(blank=bool(self.lines))
            if tag in _PRE:
                self.pre += 1
        elif tag in ("ul", "ol", "dir", "menu"):
            self._end_line()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._end_line()
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self._add(f"{self.lists[-1][1]}. ")
            else:
                self._add("- ")
        elif tag == "tr":
            self._end_line()
            self.cells_in_row = 0
        elif tag in _CELL:
            if self.cells_in_row:
                if self.line:
                    self.line[-1] = self.line[-1].rstrip(" ")
                self.line.append(CELL_SEPARATOR)
            self.cells_in_row += 1
            self.cells += 1
        elif tag in _BLOCK:
            self._end_line()

    def handle_startendtag(self, tag, attrs):
        if self.drop:
            return
        if tag == "br":
            if self.cells:
                self._add(" ")
            else:
                self._end_line(br=True)
        elif (tag in _BLOCK or tag in _PARAGRAPH) and not self.cells:
            self._end_line()

    def handle_endtag(self, tag):
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
            return
        if self.drop:
            return
        if tag in _CELL:
            self.cells = max(0, self.cells - 1)
            return
        if self.cells and (tag in _PARAGRAPH or tag in _BLOCK) and tag not in (
                "table", "tr", "tbody", "thead", "tfoot"):
            self._add(" ")
            return
        if tag in _PARAGRAPH or tag in _PRE:
            self._end_line(blank=True)
            if tag in _PRE:
                self.pre = max(0, self.pre - 1)
        elif tag in ("ul", "ol", "dir", "menu"):
            self._end_line()
            if self.lists:
                self.lists.pop()
        elif tag == "tr":
            self._end_line()
            self.cells_in_row = 0
        elif tag == "table":
            self._end_line()
            self.cells = 0
        elif tag in _BLOCK:
            self._end_line()

    def handle_data(self, data):
        if self.drop:
            return
        data = data.replace("\xa0", " ")
        if self.pre:
            parts = data.replace("\r\n", "\n").split("\n")
            for k, part in enumerate(parts):
                if k:
                    self.lines.append("".join(self.line))
                    self.line = []
                self.line.append(part)
            return
        self._add(re.sub(r"[ \t\r\n\f\v]+", " ", data))

    def handle_comment(self, data):
        pass  # Word's conditional comments and editor notes are never content

    def close_text(self) -> str:
        self.close()
        self._end_line()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(line.rstrip() for line in self.lines).strip("\n")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds a tag or an entity (plain text is returned as it is)."""
    return bool(text) and bool(_MARKUP_HINT.search(text))


def html_to_text(text: str) -> str:
    """The visible text of an HTML fragment, laid out as the module docstring says.

    :param text: an HTML fragment or whole document; plain text passes through (only
        trimmed).
    :returns: plain text with ``\\n`` line breaks, at most one blank line in a row.
    """
    if not text:
        return ""
    if not looks_like_html(text):
        return text.strip()
    parser = _TextParser()
    try:
        parser.feed(text)
        out = parser.close_text()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; never fail on user text
        out = text.strip()
    return re.sub(r"\n{3,}", "\n\n", out).strip()


__all__ = ["CELL_SEPARATOR", "looks_like_html", "html_to_text"]
