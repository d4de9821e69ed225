"""Fonts for PDFs, and text-to-markup that picks a font per character run.

Two families are registered once per process (reportlab embeds a subset of each):

* ``EduSans`` (regular, bold, italic, bold italic) for Latin, Greek and symbols: DejaVu
  Sans (shipped in ``assets/fonts``, else the system's; it covers the Greek letters
  of ``β-blocker`` and ``μg``, ``≥``, ``→``), else Bitstream Vera, which ships inside
  reportlab and so is always there;
* ``EduCJK``: Droid Sans Fallback (``assets/fonts/DroidSansFallbackFull.ttf``, Apache-2.0),
  a TrueType-outline CJK font, which reportlab can embed (CFF-based OTF such as Noto Sans
  CJK cannot be). It has no Latin glyphs, hence the per-run switch in :func:`rich`.

A character that neither font has goes down a fallback chain, never silently to ``?`` or a
missing-glyph box:

1. further TrueType fonts, when installed (:data:`FALLBACK_FONT_FILES`: GNU FreeFont,
   Symbola, DejaVu's other faces, Segoe UI Symbol, Arial Unicode), embedded like the others;
2. a stand-in from :data:`_FALLBACK` (``①`` -> ``(1)``, ``✓`` -> ``v``), where NFKC would
   lose meaning (NFKC turns ``①`` into a bare ``1``);
3. its Unicode compatibility decomposition (NFKC, UAX #15) when the fonts have that:
   ``⑴`` -> ``(1)``, ``⒈`` -> ``1.``;
4. its code point in brackets (``[U+2474]``).

Steps 2-4 are recorded (:func:`take_substitutions`) and logged as warnings naming the
character, so the command that printed the PDF can say what was replaced.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.textobject import PDFTextObject

from ..errors import ExportError
from ..resources import CJK_FONT, asset

LATIN = "EduSans"
LATIN_BOLD = "EduSans-Bold"
LATIN_ITALIC = "EduSans-Italic"
LATIN_BOLD_ITALIC = "EduSans-BoldItalic"
CJK = "EduCJK"
#: The CJK font in bold text: the same file (Droid Sans Fallback has no bold face), drawn
#: filled and stroked by :class:`FauxBoldText`.
CJK_BOLD = "EduCJK-Bold"
MONO = "Courier"

CJK_FONT_FILE = CJK_FONT
_DEJAVU_DIRS = (asset("fonts"), "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
                "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts")
_VERA_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")

#: TrueType fonts tried, in order, for characters neither bundled font has (first found
#: wins per character). Only ``.ttf``: reportlab embeds TrueType outlines, not CFF.
FALLBACK_FONT_FILES = (
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/unifont/unifont.ttf",
    "C:\\Windows\\Fonts\\seguisym.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)

_lock = threading.Lock()
_registered = False
_latin_glyphs: set[int] = set()
_cjk_glyphs: set[int] = set()
#: (font name, code points) of each fallback font found, in chain order.
_fallbacks: list[tuple[str, set[int]]] = []
#: character -> what was printed instead, since the last :func:`take_substitutions`.
_substituted: dict[str, str] = {}
log = logging.getLogger("eduapp.pdf")

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
            raise ExportError(code="pdf.no-cjk-font", values={"path": CJK_FONT_FILE})
        cjk = TTFont(CJK, CJK_FONT_FILE)
        pdfmetrics.registerFont(cjk)
        pdfmetrics.registerFont(TTFont(CJK_BOLD, CJK_FONT_FILE))
        for italic_flag in (0, 1):
            addMapping(CJK, 0, italic_flag, CJK)
            addMapping(CJK, 1, italic_flag, CJK_BOLD)
        from .linebreak import install as _install_line_breaking  # noqa: PLC0415
        _install_line_breaking()  # UAX #14 + kinsoku for wordWrap='CJK' paragraphs
        _latin_glyphs.update(pdfmetrics.getFont(LATIN).face.charToGlyph)
        _cjk_glyphs.update(cjk.face.charToGlyph)
        for n, path in enumerate(p for p in FALLBACK_FONT_FILES if os.path.exists(p)):
            try:
                font = TTFont(f"EduFallback{n}", path)
            except Exception as e:  # noqa: BLE001 - a damaged system font is skipped
                log.info("fallback font %s not usable: %s", path, e)
                continue
            pdfmetrics.registerFont(font)
            _fallbacks.append((font.fontName, set(font.face.charToGlyph)))
        _registered = True


def _has_glyph(ch: str) -> bool:
    cp = ord(ch)
    return cp in _latin_glyphs or cp in _cjk_glyphs or any(cp in g for _, g in _fallbacks)


def font_for(ch: str) -> str | None:
    """The fallback font that draws ``ch`` when neither bundled font does, else ``None``."""
    cp = ord(ch)
    for name, glyphs in _fallbacks:
        if cp in glyphs:
            return name
    return None


def stand_in(ch: str) -> str:
    """What to print for ``ch`` when no font of the chain has it (steps 2-4 of the module
    docstring); the substitution is recorded and logged."""
    folded = unicodedata.normalize("NFKC", ch)
    if ch in _FALLBACK:
        out = _FALLBACK[ch]
    elif folded != ch and folded and all(_has_glyph(c) or c == " " for c in folded):
        out = folded
    else:
        out = f"[U+{ord(ch):04X}]"
    if ch not in _substituted:
        log.warning("no font has %r (U+%04X, %s); printed as %r", ch, ord(ch),
                    unicodedata.name(ch, "unnamed"), out)
    _substituted[ch] = out
    return out


def take_substitutions() -> dict[str, str]:
    """Characters printed as stand-ins since the last call (``{"⑴": "(1)"}``), then
    forgets them. Commands that write PDFs report these to the user."""
    with _lock:
        out = dict(_substituted)
        _substituted.clear()
    return out


def describe_substitutions(subs: dict[str, str]) -> list[str]:
    """One sentence per substituted character, for a command's notes."""
    return [f"PDF: no font has {ch} (U+{ord(ch):04X} {unicodedata.name(ch, '')}); "
            f"printed as {out!r}" for ch, out in sorted(subs.items())]


class FauxBoldText(PDFTextObject):
    """A text object that draws :data:`CJK_BOLD` runs filled and stroked (PDF text render
    mode 2, outline 3.5 % of the font size, in the fill colour), the usual synthetic bold
    of PDF viewers, since the embedded CJK font has no bold face. Other fonts are drawn
    as usual. Canvases hand it out from ``beginText`` (see ``pdf.base``)."""

    _faux_bold = False

    def _bold_for(self, psfontname: str, size: float) -> None:
        bold = psfontname == CJK_BOLD
        if bold:
            self.setStrokeColor(getattr(self, "_fillColorObj", None) or (0, 0, 0))
            self._code.append(f"{size * 0.035:.3f} w 2 Tr")
        elif self._faux_bold:
            self._code.append("0 Tr")
        self._faux_bold = bold

    def _setFont(self, psfontname, size):
        super()._setFont(psfontname, size)
        self._bold_for(psfontname, size)

    def setFont(self, psfontname, size, leading=None):
        super().setFont(psfontname, size, leading)
        self._bold_for(psfontname, size)


_TAG = re.compile(r"(<[^>]+>)")


def _runs(text: str, bold: bool = False) -> str:
    """Escape ``text`` and wrap runs the Latin font lacks in ``<font name=EduCJK>`` (or
    ``EduCJK-Bold`` when ``bold``: a font tag resets reportlab's bold flag, so the caller
    says whether the text is bold)."""
    out: list[str] = []
    cjk_run: list[str] = []
    face = CJK_BOLD if bold else CJK

    def flush():
        if cjk_run:
            out.append(f'<font name="{face}">{escape("".join(cjk_run))}</font>')
            cjk_run.clear()

    for ch in text:
        cp = ord(ch)
        if cp in _latin_glyphs or ch in "\n\t" or cp < 32:
            flush()
            out.append(escape(ch) if cp >= 32 else " ")
        elif cp in _cjk_glyphs:
            cjk_run.append(ch)
        elif font_for(ch):
            flush()
            out.append(f'<font name="{font_for(ch)}">{escape(ch)}</font>')
        else:
            flush()
            out.append(_runs(stand_in(ch), bold) if len(stand_in(ch)) else "")
    flush()
    return "".join(out)


def rich(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain ``text`` (any mix of Chinese and English): XML-escaped,
    line breaks as ``<br/>``, each CJK run in the CJK font.

    :param bold: the text is set in a bold style or inside ``<b>``: CJK runs get the
        (synthetic) bold CJK face too.

    ::

        Paragraph(rich("β受体阻滞剂 (beta-blocker)"), style)
        Paragraph(rich("考生须知", bold=True), st.h3)
    """
    register_fonts()
    lines = (text or "").replace("\r\n", "\n").split("\n")
    return "<br/>".join(_runs(line, bold) for line in lines)


def rich_markup(markup: str, bold: bool = False) -> str:
    """Like :func:`rich`, for text that already holds reportlab inline tags (``<b>``,
    ``<i>``, ``<font>``): only the text between tags is converted; the text must be
    XML-escaped already (``&amp;``), which is kept. CJK runs inside ``<b>`` (or all of
    them, with ``bold``) are bold."""
    register_fonts()
    parts = _TAG.split(markup)
    out = []
    depth = 1 if bold else 0
    for part in parts:
        if part.startswith("<") and part.endswith(">"):
            tag = part[1:-1].strip().lower()
            if tag == "b" or tag.startswith("b "):
                depth += 1
            elif tag == "/b":
                depth = max(0, depth - 1)
            out.append(part)
        else:
            # unescape entities, convert, re-escape
            raw = (part.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                   .replace("&amp;", "&"))
            out.append(_runs(raw, depth > 0))
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
        if ord(ch) in _latin_glyphs:
            w += pdfmetrics.stringWidth(ch, latin, size)
        elif ord(ch) in _cjk_glyphs:
            w += pdfmetrics.stringWidth(ch, CJK, size)
        elif font_for(ch):
            w += pdfmetrics.stringWidth(ch, font_for(ch), size)
        else:
            w += string_width(stand_in(ch), size, bold)
    return w


def _expand(text: str) -> str:
    """``text`` with every character no font of the chain has replaced by its stand-in."""
    return "".join(ch if _has_glyph(ch) or ord(ch) < 32 else stand_in(ch) for ch in text)


def draw_string(canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
                align: str = "left") -> None:
    """Draw one line of mixed text on a canvas at ``(x, y)`` (points), switching fonts per
    run; ``align`` is ``left``, ``center`` or ``right``."""
    register_fonts()
    latin = LATIN_BOLD if bold else LATIN
    text = _expand(text)
    width = string_width(text, size, bold)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    run, run_font = "", None
    for ch in _expand(text):
        cp = ord(ch)
        if cp in _latin_glyphs:
            font = latin
        elif cp in _cjk_glyphs:
            font = CJK
        else:
            font = font_for(ch) or latin
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
