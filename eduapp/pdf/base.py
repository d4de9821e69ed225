"""What every EduApp PDF shares: page sizes, paragraph styles, a footer with
"page n of m", safe writing (temp file, renamed on success) and the layout errors.

Units: reportlab points (1/72 inch; 1 mm = 2.835 pt) unless a name says ``mm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ..errors import ExportError
from ..files import atomic_output  # noqa: F401 - PDFs are written like every other file
from .fonts import CJK, LATIN, LATIN_BOLD, MONO, FauxBoldText, draw_string, register_fonts

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
MARGIN = 18 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#f1f1f1")


class PdfLayoutError(ExportError):
    """Content that cannot be laid out properly (a question longer than a page)."""


class MissingMediaError(ExportError):
    """An item or document refers to an image whose bytes are not in the bank."""


def page_size(name: str | None) -> tuple[float, float]:
    """``(width, height)`` in points of ``A4`` (default) or ``Letter``.

    :raises ExportError: an unknown page size.
    """
    key = (name or "A4").upper()
    if key not in PAGE_SIZES:
        raise ExportError(code="pdf.page-size", values={"name": name, "choices": ["A4", "Letter"]})
    return PAGE_SIZES[key]


@dataclass
class Styles:
    """Paragraph styles for one language. Every style wraps by Unicode line breaking
    (UAX #14) with Chinese kinsoku (``eduapp.pdf.linebreak``, through reportlab's
    ``wordWrap='CJK'``): Chinese breaks between ideographs, Latin words stay whole, no line
    starts with a closing mark, in English and Chinese papers alike (items of either
    language appear in both). Chinese gets a little more leading for the taller glyphs."""

    language: str = "en"

    def __post_init__(self):
        register_fonts()
        zh = self.language == "zh"
        wrap = "CJK"
        lead = 1.45 if zh else 1.3

        def style(name, size, *, bold=False, **kw) -> ParagraphStyle:
            kw.setdefault("textColor", INK)
            return ParagraphStyle(name, fontName=LATIN_BOLD if bold else LATIN,
                                  fontSize=size, leading=size * lead, wordWrap=wrap, **kw)

        self.body = style("body", 10.5, spaceAfter=3)
        self.small = style("small", 8.5, textColor=MUTED)
        self.title = style("title", 20, bold=True, alignment=TA_CENTER, spaceAfter=6)
        self.subtitle = style("subtitle", 13, alignment=TA_CENTER, spaceAfter=4,
                              textColor=MUTED)
        self.h1 = style("h1", 16, bold=True, spaceBefore=10, spaceAfter=6)
        self.h2 = style("h2", 13, bold=True, spaceBefore=9, spaceAfter=4)
        self.h3 = style("h3", 11.5, bold=True, spaceBefore=7, spaceAfter=3)
        self.section = style("section", 12.5, bold=True, spaceBefore=10, spaceAfter=3)
        self.instructions = style("instructions", 9.5, textColor=MUTED, spaceAfter=8,
                                  leftIndent=0)
        self.question = style("question", 10.5, leftIndent=22, firstLineIndent=-22,
                              spaceBefore=7, spaceAfter=2)
        self.vignette = style("vignette", 10.5, leftIndent=22, spaceAfter=2)
        self.set_label = style("set_label", 10, textColor=MUTED, spaceBefore=9,
                               spaceAfter=2)
        self.option = style("option", 10.5, leftIndent=40, firstLineIndent=-16,
                            spaceAfter=0.5)
        self.meta = style("meta", 8.5, textColor=MUTED, leftIndent=22, spaceBefore=2)
        self.explanation = style("explanation", 9.5, leftIndent=22, spaceBefore=2,
                                 spaceAfter=2)
        self.cell = style("cell", 9.5)
        self.cell_bold = style("cell_bold", 9.5, bold=True)
        self.code = ParagraphStyle("code", fontName=MONO, fontSize=8.5, leading=10.5,
                                   textColor=INK, backColor=SHADE, borderPadding=4,
                                   leftIndent=4, rightIndent=4, spaceBefore=4, spaceAfter=6)
        self.quote = style("quote", 10.5, leftIndent=14, textColor=MUTED)
        self.bullet = style("bullet", 10.5, leftIndent=16, bulletIndent=4, spaceAfter=1.5)


def _numbered_canvas(footer: Callable[[int, int], tuple[str, str]], size: float = 8.5):
    """A canvas class that knows the page count when it saves, for "page n of m"."""

    class NumberedCanvas(Canvas):
        def beginText(self, x=0, y=0, direction=None):
            return FauxBoldText(self, x, y, direction=direction)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                left, right = footer(self._pageNumber, total)
                width = self._pagesize[0]
                self.setFillColor(MUTED)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                self.line(MARGIN, MARGIN * 0.75, width - MARGIN, MARGIN * 0.75)
                if left:
                    draw_string(self, MARGIN, MARGIN * 0.5, left, size)
                if right:
                    draw_string(self, width - MARGIN, MARGIN * 0.5, right, size,
                                align="right")
                super().showPage()
            super().save()

    return NumberedCanvas


def bilingual(language: str, en: str, zh: str) -> str:
    """``zh`` for a Chinese document (``language == "zh"``), else ``en``."""
    return zh if language == "zh" else en


def page_label(n: int, total: int, language: str) -> str:
    """``Page 3 of 12`` / ``第 3 页，共 12 页``."""
    return f"第 {n} 页，共 {total} 页" if language == "zh" else f"Page {n} of {total}"


def frame_size(size: tuple[float, float]) -> tuple[float, float]:
    """Width and height (points) of the text frame on a page of ``size``."""
    return size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 4 * mm


def build_pdf(path: str, story: list, *, size: tuple[float, float], title: str,
              footer: Callable[[int, int], tuple[str, str]], author: str = "EduApp",
              subject: str = "") -> int:
    """Lay out ``story`` (flowables) into ``path`` with a footer on each page.

    :param footer: ``(page, total) -> (left text, right text)``, page 1-based.
    :returns: the number of pages.
    """
    fw, fh = frame_size(size)
    doc = BaseDocTemplate(path, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=title,
                          author=author, subject=subject, creator="EduApp")
    frame = Frame(MARGIN, MARGIN + 4 * mm, fw, fh, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    pages = []

    class _Canvas(_numbered_canvas(footer)):
        def save(self_):
            pages.append(len(self_._pages))
            super().save()

    doc.build(story, canvasmaker=_Canvas)
    return pages[0] if pages else 0


__all__ = ["PdfLayoutError", "MissingMediaError", "Styles", "page_size", "build_pdf",
           "atomic_output", "page_label", "bilingual", "frame_size", "MARGIN", "INK", "MUTED", "RULE",
           "SHADE", "CJK", "LATIN", "LATIN_BOLD"]
