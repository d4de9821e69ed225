"""Scans as greyscale images: PDF pages rasterised with pypdfium2 (PDFium, the PDF engine
of Chrome), photos and scanner images (JPEG, PNG, TIFF, BMP, multi-page TIFF) decoded
with OpenCV.

Each page comes out as a 2-D ``uint8`` numpy array (0 black .. 255 white). Paths with
Chinese characters work (files are read as bytes, not by name, for OpenCV).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

import cv2
import numpy as np

from ..errors import EduAppError, os_reason, word

#: Resolution PDF pages are rasterised at (dots per inch): enough for 7.5 pt bubbles
#: (21 px high) and the QR modules (6 px), fast on two cores.
PDF_DPI = 200
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")


class ScanError(EduAppError):
    """A scan file that cannot be read at all (missing, not a PDF or image, damaged).

    :ivar file: the path as given.
    """

    def __init__(self, message: str | None = None, file: str = "", *, code: str | None = None,
                 values: dict | None = None):
        self.file = file
        if message is None and code is not None:
            message = word(code, values, "en")
        self.message = message
        super().__init__(f"{file}: {message}", code=code, values=values)

    def describe_message(self, language: str = "en") -> str:
        """What is wrong with the file, without its name, in ``language``."""
        if language != "zh" or self.code is None:
            return self.message
        return word(self.code, self.values, language)

    def describe(self, language: str = "en") -> str:
        """"file: what" in ``language``."""
        if language != "zh" or self.code is None:
            return str(self)
        return f"{self.file}：{word(self.code, self.values, language)}"


@dataclass
class ScanPage:
    """One page of a scan file: ``file`` as given, ``page`` 1-based in that file, the
    greyscale ``image`` and the resolution it was rasterised at (``dpi``; ``None`` for
    photos, whose scale the reader measures from the sheet itself)."""

    file: str
    page: int
    image: np.ndarray
    dpi: float | None = None


def page_count(path: str) -> int:
    """Pages in a scan file (1 for a single image).

    :raises ScanError: the file cannot be read.
    """
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        import pypdfium2 as pdfium
        try:
            pdf = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError) as e:
            raise ScanError(None, path, code="scan.not-pdf", values={"detail": str(e)}) from None
        try:
            return len(pdf)
        finally:
            pdf.close()
    if ext in (".tif", ".tiff"):
        ok, images = cv2.imreadmulti(path, flags=cv2.IMREAD_GRAYSCALE)
        return len(images) if ok else 1
    return 1


def load_pages(path: str, dpi: int = PDF_DPI) -> Iterator[ScanPage]:
    """The pages of ``path`` one at a time (a 40-page class PDF never sits in memory whole).

    :param dpi: resolution for PDF pages.
    :raises ScanError: the file is missing, of an unknown kind, or damaged.
    """
    if not os.path.isfile(path):
        raise ScanError(None, path, code="scan.missing")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        yield from _pdf_pages(path, dpi)
    elif ext in IMAGE_EXTENSIONS:
        yield from _image_pages(path)
    else:
        raise ScanError(None, path, code="scan.wrong-kind",
                        values={"kinds": ["PDF", "JPEG", "PNG", "TIFF", "BMP", "WebP"]})


def _pdf_pages(path: str, dpi: int) -> Iterator[ScanPage]:
    import pypdfium2 as pdfium
    try:
        pdf = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError) as e:
        raise ScanError(None, path, code="scan.not-pdf", values={"detail": str(e)}) from None
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                bitmap = page.render(scale=dpi / 72.0, grayscale=True)
                arr = bitmap.to_numpy()
                if arr.ndim == 3:
                    arr = cv2.cvtColor(arr[..., :3], cv2.COLOR_BGR2GRAY)
                yield ScanPage(path, i + 1, np.ascontiguousarray(arr), float(dpi))
            finally:
                page.close()
    finally:
        pdf.close()


def _image_pages(path: str) -> Iterator[ScanPage]:
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as e:
        raise ScanError(None, path, code="scan.cannot-read",
                        values={"reason": os_reason(e)}) from None
    ext = os.path.splitext(path)[1].lower()
    if ext in (".tif", ".tiff"):
        ok, images = cv2.imdecodemulti(data, cv2.IMREAD_GRAYSCALE)
        if ok and images:
            for i, img in enumerate(images):
                yield ScanPage(path, i + 1, img)
            return
    img = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise ScanError(None, path, code="scan.not-image")
    yield ScanPage(path, 1, img)
