"""Fonts for PDFs, and text-to-markup that picks a font per character run.

Two families are registered once per process (reportlab embeds a subset of each):

* ``EduSans`` (regular, bold, italic, bold italic) for Latin, Greek and symbols: DejaVu
  Sans (shipped in ``assets/fonts``, else the system's; it covers the Greek letters
  of ``β-blocker`` and ``μg``, ``≥``, ``→``), else Bitstream Vera, which ships inside
  reportlab and so is always there;
* ``EduCJK``: Droid Sans Fallback (``assets/fonts/DroidSansFallbackFull.ttf``, Apache-2.0),
  a TrueType-outline CJK font, which reportlab can embed (CFF-based OTF such as Noto Sans
  CJK cannot be). It has no Latin glyphs, hence the per-run switch in :func:`rich`.

A character that neither font has is replaced by an ASCII stand-in (``≥`` -> ``>=``) or
``?``; never a missing-glyph box in a printed paper.
"""

from __future__ import annotations

import os
import re
import threading
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import ExportError
from ..resources import CJK_FONT, asset

LATIN = "EduSans"
LATIN_BOLD = "EduSans-Bold"
LATIN_ITALIC = "EduSans-Italic"
LATIN_BOLD_ITALIC = "EduSans-BoldItalic"
CJK = "EduCJK"
MONO = "Courier"

CJK_FONT_FILE = CJK_FONT
_DEJAVU_DIRS = (asset("fonts"), "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts")
_VERA_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")

_lock = threading.Lock()
_registered = False
_latin_glyphs: set[int] = set()
_cjk_glyphs: set[int] = set()

#: Stand-ins for characters no embedded font has.
_FALLBACK = {"≥": ">=", "≤": "<=", "→": "->", "←": "<-", "～": "~", "①": "(1)", "②": "(2)",
             "③": "(3)", "④": "(4)", "⑤": "(5)", "✓": "v", "✗": "x", "\u00a0": " "}


def _latin_files() -> tuple[str, str, str, str]:
    for d in _DEJAVU_DIRS:
        names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                 "DejaVuSans-BoldOblique.ttf")
        paths = tuple(os.path.join(d, n) for n in names)
        if all(os.path.exists(p) for p in paths):
            return paths  # type: ignore[return-value]
    return tuple(os.path.join(_VERA_DIR, n) for n in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf",
                                                       "VeraBI.ttf"))  # type: ignore


def register_fonts() -> None:
    """Register ``EduSans`` and ``EduCJK`` with reportlab (idempotent, thread-safe).

    :raises ExportError: the CJK font file is missing from ``assets/fonts``.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        regular, bold, italic, bold_italic = _latin_files()
        for name, path in ((LATIN, regular), (LATIN_BOLD, bold), (LATIN_ITALIC, italic),
                           (LATIN_BOLD_ITALIC, bold_italic)):
            pdfmetrics.registerFont(TTFont(name, path))
        pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD,
                                      italic=LATIN_ITALIC, boldItalic=LATIN_BOLD_ITALIC)
        if not os.path.exists(CJK_FONT_FILE):
            raise ExportError(f"the Chinese font {CJK_FONT_FILE} is missing; reinstall EduApp")
        cjk = TTFont(CJK, CJK_FONT_FILE)
        pdfmetrics.registerFont(cjk)
        for bold_flag in (0, 1):
            for italic_flag in (0, 1):
                addMapping(CJK, bold_flag, italic_flag, CJK)
        _latin_glyphs.update(pdfmetrics.getFont(LATIN).face.charToGlyph)
        _cjk_glyphs.update(cjk.face.charToGlyph)
        _registered = True


_TAG = re.compile(r"(<[^>]+>)")


def _runs(text: str) -> str:
    """Escape ``text`` and wrap runs the Latin font lacks in ``<font name=EduCJK>``."""
    out: list[str] = []
    cjk_run: list[str] = []

    def flush():
        if cjk_run:
            out.append(f'<font name="{CJK}">{escape("".join(cjk_run))}</font>')
            cjk_run.clear()

    for ch in text:
        cp = ord(ch)
        if cp in _latin_glyphs or ch in "\n\t" or cp < 32:
            flush()
            out.append(escape(ch) if cp >= 32 else " ")
        elif cp in _cjk_glyphs:
            cjk_run.append(ch)
        else:
            flush()
            out.append(escape(_FALLBACK.get(ch, "?")))
    flush()
    return "".join(out)


def rich(text: str) -> str:
    """Paragraph markup for plain ``text`` (any mix of Chinese and English): XML-escaped,
    line breaks as ``<br/>``, each CJK run in the CJK font.

    ::

        Paragraph(rich("β受体阻滞剂 (beta-blocker)"), style)
    """
    register_fonts()
    lines = (text or "").replace("\r\n", "\n").split("\n")
    return "<br/>".join(_runs(line) for line in lines)


def rich_markup(markup: str) -> str:
    """Like :func:`rich`, for text that already holds reportlab inline tags (``<b>``,
    ``<i>``, ``<font>``): only the text between tags is converted; the text must be
    XML-escaped already (``&amp;``), which is kept."""
    register_fonts()
    parts = _TAG.split(markup)
    out = []
    for part in parts:
        if part.startswith("<") and part.endswith(">"):
            out.append(part)
        else:
            # unescape entities, convert, re-escape
            raw = (part.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                   .replace("&amp;", "&"))
            out.append(_runs(raw))
    return "".join(out)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds characters drawn with the CJK font."""
    register_fonts()
    return any(ord(c) not in _latin_glyphs and ord(c) in _cjk_glyphs for c in text or "")


def string_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of plain ``text`` at ``size`` pt, per-run fonts as :func:`rich`."""
    register_fonts()
    latin = LATIN_BOLD if bold else LATIN
    w = 0.0
    for ch in text:
        font = latin if ord(ch) in _latin_glyphs else CJK
        w += pdfmetrics.stringWidth(ch, font, size)
    return w


def draw_string(canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
                align: str = "left") -> None:
    """Draw one line of mixed text on a canvas at ``(x, y)`` (points), switching fonts per
    run; ``align`` is ``left``, ``center`` or ``right``."""
    register_fonts()
    latin = LATIN_BOLD if bold else LATIN
    width = string_width(text, size, bold)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    run, run_font = "", None
    for ch in text:
        cp = ord(ch)
        if cp in _latin_glyphs:
            font = latin
        elif cp in _cjk_glyphs:
            font = CJK
        else:
            font, ch = latin, _FALLBACK.get(ch, "?")
        if font != run_font and run:
            canvas.setFont(run_font, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, run_font, size)
            run = ""
        run_font = font
        run += ch
    if run:
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, run)
