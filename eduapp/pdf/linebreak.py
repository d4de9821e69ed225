"""Line breaking for PDF paragraphs: Unicode line breaking (UAX #14) plus Chinese kinsoku.

reportlab's own CJK wrapping (``wordWrap='CJK'``, ``paragraph.cjkFragSplit``) breaks
between any two characters, so a Latin word inside Chinese text (``metformin``,
``eGFR``, ``mmol/L``) can be split in the middle, and it keeps only one closing mark from
the start of a line. :func:`uax14_frag_split` has the same contract and replaces it
(:func:`install`): break opportunities come from ``uniseg`` (a maintained implementation
of UAX #14, https://www.unicode.org/reports/tr14/), so Latin words stay whole, numbers
stay with their units' punctuation and Chinese may break between ideographs; on top of
that the Chinese kinsoku rules of the Chinese layout requirements (W3C clreq, section
3.1.7) are applied: no line starts with :data:`NO_LINE_START` and none ends with
:data:`NO_LINE_END`. A word longer than a whole line is split where it must.
"""

from __future__ import annotations

from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from uniseg.linebreak import line_break_boundaries

#: Marks that never start a line (closing punctuation, pauses, iteration marks; clreq).
NO_LINE_START = set("，。、；：？！）」』》〉】〕〗〙〛”’…‥·・—～％‰℃°,.;:?!)]}%")
#: Marks that never end a line (opening brackets and quotes).
NO_LINE_END = set("（「『《〈【〔〖〘〚“‘([{")
_FUZZ = 1e-6


def break_opportunities(text: str) -> list[bool]:
    """For each index ``i`` of ``text``, whether a line may break before ``text[i]``
    (UAX #14 via uniseg, then the kinsoku rules). Index 0 is never a break."""
    allowed = [False] * (len(text) + 1)
    for b in line_break_boundaries(text):
        if 0 < b < len(text):
            allowed[b] = True
    for i in range(1, len(text)):
        if text[i] in NO_LINE_START or text[i - 1] in NO_LINE_END:
            allowed[i] = False
    return allowed[:len(text)]


def _width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def uax14_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """Split paragraph fragments into lines at UAX #14 opportunities (see the module
    docstring); a drop-in for reportlab's ``paragraph.cjkFragSplit``.

    :param frags: reportlab ``ParaFrag`` objects (text with font, size, colour ...).
    :param maxWidths: the line widths in points (the last one repeats).
    :returns: ``ParaLines(kind=1, lines=[...])`` as reportlab expects.
    """
    units = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(t, f, encoding) for t in text)
        else:
            units.append(cjkU(text, f, encoding))
    # break opportunities over the characters; an empty unit (an image, a <br/>) may
    # break on either side
    chars = [k for k, u in enumerate(units) if u]
    allowed_chars = break_opportunities("".join(str(units[k]) for k in chars))
    may_break = [True] * (len(units) + 1)
    for n, k in enumerate(chars):
        may_break[k] = allowed_chars[n] if n else (k > 0 and not units[k - 1])
    lines = []
    max_width = maxWidths[0]
    start = 0
    i = 0
    used = 0.0
    last_break = None
    n_units = len(units)
    while i < n_units:
        u = units[i]
        if i > start and may_break[i]:
            last_break = i
        used += _width(u, max_width)
        hard = hasattr(u.frag, "lineBreak")
        i += 1
        if not hard and not (used > max_width + _FUZZ and used > 0):
            continue
        if hard:
            end = i
        elif last_break is not None and last_break > start:
            end = last_break
        elif i - 1 > start:
            end = i - 1  # a word longer than the line: split it where it must be
        else:
            end = i
        line = units[start:end]
        width = sum(_width(x, max_width) for x in line)
        trailing = 0.0
        for x in reversed(line):  # spaces at the end of a line hang in the margin
            if str(x).isspace():
                trailing += _width(x, max_width)
            else:
                break
        lines.append(makeCJKParaLine(line, max_width, width - trailing,
                                     max_width - (width - trailing), hard, calcBounds))
        try:
            max_width = maxWidths[len(lines)]
        except IndexError:
            max_width = maxWidths[-1]
        start = i = end
        used = 0.0
        last_break = None
    if start < n_units:
        line = units[start:]
        width = sum(_width(x, max_width) for x in line)
        lines.append(makeCJKParaLine(line, max_width, width, max_width - width, False,
                                     calcBounds))
    return ParaLines(kind=1, lines=lines)


def install() -> None:
    """Make reportlab's CJK wrapping (``wordWrap='CJK'``) use :func:`uax14_frag_split`
    (idempotent; reportlab looks the function up by name in ``reportlab.platypus
    .paragraph`` on every wrap)."""
    _paragraph.cjkFragSplit = uax14_frag_split


__all__ = ["NO_LINE_START", "NO_LINE_END", "break_opportunities", "uax14_frag_split",
           "install"]
