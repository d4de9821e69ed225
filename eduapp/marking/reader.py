"""Read one scanned answer-sheet page: find the sheet code and registration marks, undo
rotation, skew and perspective, then measure every bubble.

Steps (OpenCV for the geometry, numpy for the measurements):

1. The QR code (``cv2.QRCodeDetector``) gives the exam, form and page
   (:func:`eduapp.pdf.sheet.parse_sheet_code`) and, from its four corners, a similarity
   transform sheet -> image: the page's rotation (any angle, upside down included) and scale.
2. The four registration marks are found near where that transform puts them (solid
   dark squares in an adaptively thresholded image, so uneven phone lighting does not
   matter); their centres give the perspective transform (a homography), and the page is
   resampled to :data:`PX_PER_PT` pixels per point.
3. Lighting is flattened (each pixel divided by the local paper white: a max filter wider
   than a bubble), and each bubble's *darkness* is the mean over its inner ellipse
   (72 % of the bubble, away from the printed outline). The page's blank level is the
   median bubble (most bubbles are blank); a bubble's *fill* is its darkness above that.
4. Never guess: fill >= :data:`FILLED` is a mark, fill < :data:`BLANK` is blank, anything
   between is doubtful and flagged (``faint``; ``erased`` when the row also has a clear
   mark); two clear marks on a single-answer question are ``double``; pencil between the
   bubbles of a row is ``outside``. Each flag carries an image crop for the reviewer.

Thresholds were set on sheets rendered from this project's own PDFs, filled with
pencil-like marks and degraded (``tests/marking/synthetic.py``; see docs/marking.md).
"""

from __future__ import annotations

import time

import cv2
import numpy as np

from ..errors import ExportError, NotFoundError
from ..exams.model import LETTERS, Exam
from ..pdf.sheet import (BUBBLE_H, BUBBLE_W, MARK, PITCH_Y, SheetLayout, SheetPage,
                         form_fingerprint, parse_sheet_code, sheet_layout)
from .model import OTHER_EXAM, READ, UNREADABLE, Flag, SheetRead
from .raster import ScanPage

#: Resolution the page is resampled to (pixels per point; 2.5 = 180 dpi).
PX_PER_PT = 2.5
#: Fill (darkness above the blank level, 0..1) from which a bubble counts as marked.
FILLED = 0.30
#: Fill below which a bubble counts as blank; between BLANK and FILLED it is doubtful.
BLANK = 0.08
#: Darkness (0..1) from which a pixel between bubbles counts as pencil, and how much of
#: it (square points) makes a row ``outside``.
OUTSIDE_DARK = 0.40
OUTSIDE_AREA = 7.0
#: Images larger than this (long side, pixels) are shrunk first: 300 dpi A4 is read at
#: about 220 dpi, which is faster and loses nothing at bubble size.
MAX_SIDE = 2600
INNER = 0.72


class LayoutCache:
    """Sheet layouts of one exam by ``(form, paper size)``, computed once."""

    def __init__(self, exam: Exam):
        self.exam = exam
        self._cache: dict[tuple[str, str], object] = {}

    def fingerprint(self, form: str) -> str:
        """The form's current :func:`~eduapp.pdf.sheet.form_fingerprint`."""
        key = ("#fingerprint", form)
        if key not in self._cache:
            self._cache[key] = form_fingerprint(self.exam, form)
        return self._cache[key]

    def get(self, form: str, size: str) -> SheetLayout:
        """:raises NotFoundError: the exam has no such form."""
        key = (form, size)
        if key not in self._cache:
            self._cache[key] = sheet_layout(self.exam, form, size_name=size)
        return self._cache[key]


def _decode(det, im: np.ndarray, dx: int = 0, dy: int = 0, factor: float = 1.0):
    try:
        text, pts, _ = det.detectAndDecode(im)
    except cv2.error:
        return None
    if text and pts is not None and parse_sheet_code(text):
        return text, pts.reshape(4, 2).astype(np.float64) * factor + (dx, dy)
    return None


def _otsu(im: np.ndarray) -> np.ndarray:
    _, out = cv2.threshold(cv2.GaussianBlur(im, (3, 3), 0), 0, 255,
                           cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


def _find_qr(img: np.ndarray) -> tuple[str, np.ndarray] | None:
    """The sheet code text and the QR's four corners (image px).

    The code sits near a corner of the page (top right upright; another corner when the
    page was fed rotated), so each corner region is tried first, as is and binarised
    (about 40 ms each, where the whole page takes 200-400 ms); then the whole image as is,
    at half size, binarised, and with OpenCV's ArUco-based detector.
    """
    det = cv2.QRCodeDetector()
    h, w = img.shape
    cw, ch = (int(w * 0.45), int(h * 0.35)) if h >= w else (int(w * 0.35), int(h * 0.45))
    corners = [(w - cw, 0), (0, h - ch), (0, 0), (w - cw, h - ch)]
    for x, y in corners:
        crop = img[y:y + ch, x:x + cw]
        found = _decode(det, crop, x, y) or _decode(det, _otsu(crop), x, y)
        if found:
            return found
    found = (_decode(det, img)
             or (_decode(det, cv2.resize(img, (w // 2, h // 2), interpolation=cv2.INTER_AREA),
                         factor=2.0) if max(h, w) > 1400 else None)
             or _decode(det, _otsu(img)))
    if found:
        return found
    try:
        return _decode(cv2.QRCodeDetectorAruco(), img)
    except AttributeError:
        return None


def _find_marks(img: np.ndarray, predicted: np.ndarray, scale: float,
                radius: float) -> list[np.ndarray | None]:
    """Centres of the registration marks nearest to ``predicted`` (4 x 2, px), or ``None``
    for a mark not found within ``radius`` px."""
    side = MARK * scale
    block = int(side * 3) | 1
    binary = cv2.adaptiveThreshold(img, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                   max(block, 3), 25)
    # every contour, not only outer ones: on a photo the page's edge against a darker
    # table encloses everything
    contours, _ = cv2.findContours(binary, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    cands = []
    for c in contours:
        area = cv2.contourArea(c)
        if not 0.45 * side * side <= area <= 1.8 * side * side:
            continue
        (cx, cy), (rw, rh), _ = cv2.minAreaRect(c)
        if rw <= 0 or rh <= 0 or not 0.7 <= rw / rh <= 1.43 or area < 0.85 * rw * rh:
            continue
        x, y, bw, bh = cv2.boundingRect(c)
        mask = np.zeros((bh, bw), np.uint8)
        cv2.drawContours(mask, [c], -1, 255, -1, offset=(-x, -y))
        inside = binary[y:y + bh, x:x + bw][mask > 0]
        if inside.size == 0 or np.count_nonzero(inside) < 0.9 * inside.size:
            continue  # a QR finder pattern is a ring with a core, not solid
        m = cv2.moments(c)
        cands.append((m["m10"] / m["m00"], m["m01"] / m["m00"]))
    found: list[np.ndarray | None] = []
    arr = np.array(cands) if cands else np.zeros((0, 2))
    for p in predicted:
        if not len(arr):
            found.append(None)
            continue
        d = np.hypot(arr[:, 0] - p[0], arr[:, 1] - p[1])
        k = int(np.argmin(d))
        found.append(arr[k].copy() if d[k] <= radius else None)
    return found


class _Canon:
    """The page resampled to :data:`PX_PER_PT` and its darkness map."""

    def __init__(self, img: np.ndarray, H: np.ndarray, page: SheetPage):
        S = PX_PER_PT
        self.w, self.h = int(round(page.width * S)), int(round(page.height * S))
        to_img = H @ np.diag([1 / S, 1 / S, 1.0])
        self.gray = cv2.warpPerspective(img, to_img, (self.w, self.h),
                                        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                        borderMode=cv2.BORDER_CONSTANT, borderValue=255)
        k = int(14 * S) | 1
        bg = cv2.dilate(self.gray, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
        bg = cv2.blur(bg, (k, k)).astype(np.float32)
        self.dark = np.clip(1.0 - self.gray.astype(np.float32) / np.maximum(bg, 1.0), 0, 1)
        a, b = BUBBLE_W / 2 * INNER * S, BUBBLE_H / 2 * INNER * S
        ys, xs = np.mgrid[-int(b) - 1:int(b) + 2, -int(a) - 1:int(a) + 2]
        inside = (xs / a) ** 2 + (ys / b) ** 2 <= 1.0
        self.off_y, self.off_x = ys[inside], xs[inside]

    def levels(self, centres: np.ndarray) -> np.ndarray:
        """Mean darkness inside the inner ellipse of each bubble centre (N x 2, points)."""
        c = np.rint(np.asarray(centres, float) * PX_PER_PT).astype(np.int64)
        ys = np.clip(c[:, 1:2] + self.off_y[None, :], 0, self.h - 1)
        xs = np.clip(c[:, 0:1] + self.off_x[None, :], 0, self.w - 1)
        return self.dark[ys, xs].mean(1)

    def outside(self, bubbles: list[tuple[float, float]]) -> float:
        """Square points of pencil between and just around a row's bubbles."""
        S = PX_PER_PT
        x0 = bubbles[0][0] - BUBBLE_W / 2 - 3
        x1 = bubbles[-1][0] + BUBBLE_W / 2 + 3
        yc = bubbles[0][1]
        half = PITCH_Y / 2 - 1.5
        X0, X1 = int(x0 * S), int(x1 * S)
        Y0, Y1 = int((yc - half) * S), int((yc + half) * S)
        if X0 < 0 or Y0 < 0 or X1 > self.w or Y1 > self.h:
            return 0.0
        region = self.dark[Y0:Y1, X0:X1] >= OUTSIDE_DARK
        ys, xs = np.mgrid[Y0:Y1, X0:X1]
        keep = np.ones(region.shape, bool)
        a, b = (BUBBLE_W / 2 + 1.6) * S, (BUBBLE_H / 2 + 1.6) * S
        for bx, by in bubbles:
            keep &= ((xs - bx * S) / a) ** 2 + ((ys - by * S) / b) ** 2 > 1.0
        return float(np.count_nonzero(region & keep)) / (S * S)

    def crop(self, x0: float, y0: float, x1: float, y1: float) -> bytes:
        """PNG of the region (points) of the resampled page."""
        S = PX_PER_PT
        X0, Y0 = max(0, int(x0 * S)), max(0, int(y0 * S))
        X1, Y1 = min(self.w, int(x1 * S)), min(self.h, int(y1 * S))
        ok, buf = cv2.imencode(".png", self.gray[Y0:Y1, X0:X1])
        return buf.tobytes() if ok else b""


def _states(fill: np.ndarray) -> list[str]:
    return ["x" if f >= FILLED else ("?" if f >= BLANK else "") for f in fill]


def read_page(scan: ScanPage, exam: Exam, layouts: LayoutCache | None = None) -> SheetRead:
    """Read one scanned page of an answer sheet of ``exam``.

    :param scan: the page image (any resolution from about 150 dpi, any rotation).
    :param layouts: a cache shared by the pages of one run (made when ``None``).
    :returns: a :class:`SheetRead`; a page that is not a sheet of this exam comes back
        with status ``unreadable`` or ``other_exam`` and a message, never as an error.
    """
    t0 = time.perf_counter()
    layouts = layouts or LayoutCache(exam)
    out = SheetRead(file=scan.file, page=scan.page)
    img = scan.image
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h, w = img.shape
    if max(h, w) > MAX_SIDE:
        f = MAX_SIDE / max(h, w)
        img = cv2.resize(img, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
    found = _find_qr(img)
    if found is None:
        out.status, out.message = UNREADABLE, "no EduApp sheet code (QR) could be read"
        out.seconds = time.perf_counter() - t0
        return out
    text, qr_pts = found
    code = parse_sheet_code(text)
    out.exam_uid, out.form = code["exam"], code["form"]
    out.sheet_page, out.sheet_pages = code["page"], code["pages"]
    if code["exam"] != exam.uid:
        out.status = OTHER_EXAM
        out.message = f"a sheet of another exam ({code['exam'][:10]})"
        out.seconds = time.perf_counter() - t0
        return out
    try:
        layout = layouts.get(code["form"], code["size"])
    except (NotFoundError, ExportError):  # a form (or paper size) this exam does not have
        out.status, out.message = UNREADABLE, f"the exam has no form {code['form']}"
        out.seconds = time.perf_counter() - t0
        return out
    if code["check"] != layouts.fingerprint(code["form"]):
        out.status = UNREADABLE
        out.message = (f"form {code['form']} of the exam was made again after this sheet "
                       "was printed; its questions no longer match the sheet")
        out.seconds = time.perf_counter() - t0
        return out
    if code["page"] > len(layout.pages):
        out.status, out.message = UNREADABLE, f"the sheet has no page {code['page']}"
        out.seconds = time.perf_counter() - t0
        return out
    page = layout.pages[code["page"] - 1]
    qx, qy, qs = page.qr
    src = np.array([[qx, qy], [qx + qs, qy], [qx + qs, qy + qs], [qx, qy + qs]], np.float64)
    A, _ = cv2.estimateAffinePartial2D(src, qr_pts)
    if A is None:
        out.status, out.message = UNREADABLE, "the sheet code's corners are not usable"
        return out
    scale = float(np.sqrt(abs(np.linalg.det(A[:, :2]))))
    angle = float(np.degrees(np.arctan2(A[1, 0], A[0, 0])))
    out.rotation = int(round(angle / 90.0)) % 4 * 90
    marks_sheet = np.array(page.marks, np.float64)
    predicted = marks_sheet @ A[:, :2].T + A[:, 2]
    diag = float(np.hypot(page.width, page.height)) * scale
    marks = _find_marks(img, predicted, scale, 0.12 * diag)
    ok = [i for i, m in enumerate(marks) if m is not None]
    if len(ok) == 4:
        H = cv2.getPerspectiveTransform(marks_sheet.astype(np.float32),
                                        np.array(marks, np.float32))
    elif len(ok) == 3:
        M = cv2.getAffineTransform(marks_sheet[ok].astype(np.float32),
                                   np.array([marks[i] for i in ok], np.float32))
        H = np.vstack([M, [0, 0, 1]])
    else:
        out.status = UNREADABLE
        out.message = "the registration marks in the corners could not be found"
        out.seconds = time.perf_counter() - t0
        return out
    canon = _Canon(img, H, page)
    _read_bubbles(out, canon, page, exam, layout)
    out.seconds = time.perf_counter() - t0
    return out


def _read_bubbles(out: SheetRead, canon: _Canon, page: SheetPage, exam: Exam,
                  layout: SheetLayout) -> None:
    form = exam.form(layout.form)
    cand = np.array([c for col in page.candidate for c in col], float)
    forms = np.array(page.forms, float)
    rows = [np.array(r.bubbles, float) for r in page.rows]
    every = np.concatenate([cand, forms] + rows) if rows else np.concatenate([cand, forms])
    dark = canon.levels(every)
    base = float(np.median(dark))
    fill = np.clip(dark - base, 0, 1)
    n_c, n_f = len(cand), len(forms)
    _read_candidate(out, canon, page, fill[:n_c].reshape(len(page.candidate), 10))
    _read_form(out, canon, page, fill[n_c:n_c + n_f], layout.form)
    pos = n_c + n_f
    for row, centres in zip(page.rows, rows):
        f = fill[pos:pos + len(centres)]
        pos += len(centres)
        q = form.questions[row.index]
        item = exam.sections[q.section].units[q.unit].items[q.member]
        single = item.type != "multi"
        states = _states(f)
        letters = [LETTERS[j] for j in range(len(centres))]
        marked = "".join(l for l, s in zip(letters, states) if s == "x")
        doubtful = "".join(l for l, s in zip(letters, states) if s == "?")
        reason = None
        if doubtful:
            reason = "erased" if marked else "faint"
        elif single and len(marked) > 1:
            reason = "double"
        elif canon.outside(row.bubbles) >= OUTSIDE_AREA:
            reason = "outside"
        if reason is None:
            out.answers[row.number] = marked
            continue
        x0 = centres[0][0] - BUBBLE_W / 2 - 18
        x1 = centres[-1][0] + BUBBLE_W / 2 + 6
        y = centres[0][1]
        out.flags.append(Flag(
            question=str(row.number), reason=reason, choices=letters,
            detected=(marked + (f" [{doubtful}]" if doubtful else "")).strip(),
            levels=[float(x) for x in f], crop=canon.crop(x0, y - 9, x1, y + 9),
            multiple=not single))


def _read_candidate(out: SheetRead, canon: _Canon, page: SheetPage, fill: np.ndarray) -> None:
    digits, doubt, reason = [], [], None
    for k, col in enumerate(fill):
        states = _states(col)
        marked = [str(v) for v, s in enumerate(states) if s == "x"]
        unsure = [v for v, s in enumerate(states) if s == "?"]
        if len(marked) == 1 and not unsure:
            digits.append(marked[0])
            continue
        digits.append("?")
        doubt.append(k)
        if unsure:
            reason = reason or ("erased" if marked else "faint")
        elif len(marked) > 1:
            reason = reason or "double"
        else:
            reason = reason or "blank_digit"
    if len(doubt) == len(fill) and reason == "blank_digit":
        reason = "no_candidate"  # nothing bubbled at all: a person types the number
    out.candidate = "".join(digits)
    if doubt:
        col0 = page.candidate[0]
        x0 = col0[0][0] - 8
        x1 = page.candidate[-1][0][0] + 8
        out.flags.append(Flag(
            question="candidate", reason=reason, choices=[str(v) for v in range(10)],
            detected=out.candidate, position=doubt,
            levels=[float(x) for k in doubt for x in fill[k]],
            crop=canon.crop(x0, col0[0][1] - 30, x1, col0[-1][1] + 8)))


def _read_form(out: SheetRead, canon: _Canon, page: SheetPage, fill: np.ndarray,
               printed: str) -> None:
    states = _states(fill)
    letters = [LETTERS[k] for k in range(len(fill))]
    marked = "".join(l for l, s in zip(letters, states) if s == "x")
    unsure = "".join(l for l, s in zip(letters, states) if s == "?")
    reason = None
    if unsure:
        reason = "erased" if marked else "faint"
    elif len(marked) > 1:
        reason = "double"
    elif marked and marked != printed:
        reason = "form_mismatch"
    out.form_bubbled = marked if len(marked) == 1 else None
    if reason:
        x, y0 = page.forms[0]
        out.flags.append(Flag(
            question="form", reason=reason, choices=letters,
            detected=(marked + (f" [{unsure}]" if unsure else "")).strip() or printed,
            levels=[float(v) for v in fill],
            crop=canon.crop(x - 12, y0 - 20, x + 40, page.forms[-1][1] + 8)))
