"""A small Markdown-to-flowables renderer for handouts (no Markdown library is installed).

Supported (CommonMark subset that lecture notes use): ATX headings ``#``..``######``,
paragraphs, ``**bold**``/``__bold__``, ``*italic*``/``_italic_``, ``` `code` ```, links
``[text](url)`` (text kept, URL in grey), unordered (``-``, ``*``, ``+``) and ordered
(``1.``) lists with nesting by indentation, pipe tables with a header row, fenced code
blocks, block quotes, horizontal rules, and images ``![alt](name)`` that refer to a
document's media by file name.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import (Flowable, HRFlowable, Image, ListFlowable, ListItem,
                                Paragraph, Preformatted, Spacer, Table, TableStyle)

from ..domain import Media
from .base import INK, RULE, SHADE, MissingMediaError, Styles
from .fonts import CJK, rich_markup

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HR = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")


def inline(text: str, bold: bool = False) -> str:
    """Paragraph markup for one Markdown inline text (escaped, fonts per run).

    :param bold: it is set in a bold style (a heading, a table header)."""
    code_spans: list[str] = []

    def keep_code(m):
        code_spans.append(m.group(1))
        return f"\x00{len(code_spans) - 1}\x00"

    text = re.sub(r"`([^`]+)`", keep_code, text)
    text = escape(text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)",
                  r'\1 <font color="#777777" size="8">(\2)</font>', text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"<b>\2</b>", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)", r"<i>\1</i>", text)
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"<i>\1</i>", text)
    def put_code(m):
        code = code_spans[int(m.group(1))]
        return f'<font name="Courier" backColor="#eeeeee">{escape(code)}</font>'

    return rich_markup(re.sub(r"\x00(\d+)\x00", put_code, text), bold=bold)


def _table(rows: list[list[str]], st: Styles, width: float) -> Table:
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    data = [[Paragraph(inline(c, bold=i == 0), st.cell_bold if i == 0 else st.cell) for c in r]
            for i, r in enumerate(rows)]
    t = Table(data, colWidths=[width / n] * n, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, RULE),
                           ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def _image(name: str, media: dict[str, Media], width: float) -> Flowable:
    m = media.get(name)
    if m is None or m.data is None:
        raise MissingMediaError(code="pdf.image-missing-handout", values={"name": name})
    from reportlab.lib.utils import ImageReader
    iw, ih = ImageReader(io.BytesIO(m.data)).getSize()
    scale = min(width / iw, 200 / ih * 1.0 if ih > 200 else 1.0, 1.0)
    img = Image(io.BytesIO(m.data), width=iw * scale, height=ih * scale)
    img.hAlign = "LEFT"
    return img


def _build_list(items: list[tuple[int, bool, str]], st: Styles) -> ListFlowable:
    """``items``: (indent, ordered, text) of consecutive list lines."""
    base = items[0][0]
    ordered = items[0][1]
    entries: list[ListItem] = []
    i = 0
    while i < len(items):
        indent, _, text = items[i]
        children = []
        j = i + 1
        while j < len(items) and items[j][0] > base:
            children.append(items[j])
            j += 1
        flows: list[Flowable] = [Paragraph(inline(text), st.body)]
        if children:
            flows.append(_build_list(children, st))
        entries.append(ListItem(flows))
        i = j
    kw = dict(bulletType="1", bulletFormat="%s.") if ordered else dict(
        bulletType="bullet", start="•")
    return ListFlowable(entries, leftIndent=16, bulletFontName="EduSans",
                        bulletFontSize=9.5, spaceBefore=1, spaceAfter=4, **kw)


def markdown_flowables(text: str, st: Styles, width: float,
                       media: dict[str, Media] | None = None) -> list[Flowable]:
    """Flowables for Markdown ``text``.

    :param width: the text width in points (tables and images are fitted to it).
    :param media: images by file name, for ``![alt](name)``.
    :raises MissingMediaError: an image that is not in ``media``.
    """
    media = media or {}
    lines = (text or "").replace("\r\n", "\n").split("\n")
    out: list[Flowable] = []
    para: list[str] = []
    heading_styles = [st.h1, st.h2, st.h3, st.h3, st.h3, st.h3]

    def flush():
        if para:
            out.append(Paragraph(inline(" ".join(s.strip() for s in para)), st.body))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            flush()
            i += 1
            continue
        if _FENCE.match(line):
            flush()
            fence = _FENCE.match(line).group(1)
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                code.append(lines[i])
                i += 1
            out.append(Preformatted("\n".join(code), st.code))
            i += 1
            continue
        m = _HEADING.match(line)
        if m:
            flush()
            out.append(Paragraph(inline(m.group(2), bold=True),
                                 heading_styles[len(m.group(1)) - 1]))
            i += 1
            continue
        if _HR.match(line):
            flush()
            out.append(HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=4,
                                  spaceAfter=6))
            i += 1
            continue
        m = _IMAGE_LINE.match(line)
        if m:
            flush()
            out.append(_image(m.group(2), media, width))
            if m.group(1):
                out.append(Paragraph(inline(m.group(1)), st.small))
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            flush()
            rows = [_split_row(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_split_row(lines[i]))
                i += 1
            out.append(Spacer(1, 3))
            out.append(_table(rows, st, width))
            out.append(Spacer(1, 6))
            continue
        if line.lstrip().startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].lstrip().startswith(">"):
                quote.append(lines[i].lstrip()[1:].strip())
                i += 1
            out.append(Paragraph(inline(" ".join(quote)), st.quote))
            continue
        m = _LIST.match(line)
        if m:
            flush()
            entries = []
            while i < len(lines):
                m = _LIST.match(lines[i])
                if m:
                    indent = len(m.group(1).replace("\t", "    "))
                    entries.append((indent, m.group(2)[0].isdigit(), m.group(3)))
                elif lines[i].strip() and lines[i].startswith((" ", "\t")) and entries:
                    ind, o, t = entries[-1]
                    entries[-1] = (ind, o, t + " " + lines[i].strip())
                else:
                    break
                i += 1
            out.append(_build_list(entries, st))
            continue
        para.append(line)
        i += 1
    flush()
    return out


__all__ = ["markdown_flowables", "inline", "CJK", "INK", "colors"]
