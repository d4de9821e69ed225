"""A synthetic test set of scanned answer sheets, made from the project's own sheet PDFs.

:func:`blank_pages` renders a form's sheet (eduapp.pdf.sheet) and rasterises it with
pypdfium2; :func:`fill` draws pencil-like marks into it (graphite texture, uneven
pressure, marks a little off-centre and not always covering the whole bubble), and the
doubtful kinds a reader must flag: ``faint`` (light pressure), ``erased`` (a rubbed-out
smudge beside a new clear mark), ``double`` and ``outside`` (a stroke between bubbles);
:func:`degrade` turns a clean page into what a copier or a phone delivers: rotation up
to 5 degrees, skew, blur, noise, JPEG quality 40, 150 dpi, a perspective warp with
uneven light on a darker table.

Used by tests/marking and bench/bench_marking.py. Deterministic for a given ``rng``.
"""

from __future__ import annotations

import os
import random
import tempfile

import cv2
import numpy as np

from eduapp.exams.model import LETTERS, Exam
from eduapp.pdf.sheet import BUBBLE_H, BUBBLE_W, render_sheet, sheet_layout

DEGRADATIONS = ("rotate", "skew", "blur", "noise", "jpeg40", "dpi150", "phone")


def blank_pages(exam: Exam, form: str, dpi: int = 300, size_name: str = "A4") -> list[np.ndarray]:
    """The form's answer sheet as greyscale page images at ``dpi``."""
    import pypdfium2 as pdfium
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sheet.pdf")
        render_sheet(exam, form, path, size_name=size_name)
        pdf = pdfium.PdfDocument(path)
        try:
            out = []
            for i in range(len(pdf)):
                arr = pdf[i].render(scale=dpi / 72, grayscale=True).to_numpy()
                out.append(np.ascontiguousarray(arr if arr.ndim == 2 else arr[..., 0]))
            return out
        finally:
            pdf.close()


def _pencil(img: np.ndarray, cx: float, cy: float, dpi: int, rng: random.Random,
            level: tuple[float, float], *, patchy: bool = False) -> None:
    """Darken an ellipse around ``(cx, cy)`` (points) like a 2B pencil: ``level`` is the
    darkness range 0..1 of the graphite."""
    s = dpi / 72.0
    a = BUBBLE_W / 2 * rng.uniform(0.82, 1.02) * s
    b = BUBBLE_H / 2 * rng.uniform(0.78, 1.02) * s
    ox, oy = rng.uniform(-0.7, 0.7) * s, rng.uniform(-0.5, 0.5) * s
    X, Y = cx * s + ox, cy * s + oy
    x0, x1 = int(X - a - 3), int(X + a + 4)
    y0, y1 = int(Y - b - 3), int(Y + b + 4)
    ys, xs = np.mgrid[y0:y1, x0:x1]
    r = ((xs - X) / a) ** 2 + ((ys - Y) / b) ** 2
    alpha = np.clip((1.0 - r) * 4.0, 0, 1)
    nr = np.random.default_rng(rng.randrange(1 << 30))
    dark = rng.uniform(*level)
    strokes = 0.85 + 0.15 * np.sin((ys - Y) * rng.uniform(1.2, 2.2) + rng.uniform(0, 6))
    tex = dark * strokes * (1 + nr.normal(0, 0.12, alpha.shape))
    if patchy:
        blobs = cv2.GaussianBlur(nr.random(alpha.shape).astype(np.float32), (0, 0), 2 * s / 4)
        tex = tex * (blobs > np.median(blobs) * 0.95)
    patch = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = np.clip(patch * (1 - np.clip(tex, 0, 0.95) * alpha), 0, 255)


def _stroke(img: np.ndarray, p0: tuple[float, float], p1: tuple[float, float], dpi: int) -> None:
    s = dpi / 72.0
    cv2.line(img, (int(p0[0] * s), int(p0[1] * s)), (int(p1[0] * s), int(p1[1] * s)), 80,
             max(2, int(1.4 * s)), cv2.LINE_AA)


def fill(exam: Exam, form: str, pages: list[np.ndarray], *, candidate: str,
         answers: dict[int, str], form_letter: str | None = None,
         doubtful: dict[str, str] | None = None, dpi: int = 300,
         rng: random.Random | None = None, size_name: str = "A4") -> list[np.ndarray]:
    """Copies of ``pages`` filled in.

    :param candidate: the digits to bubble (on every page).
    :param answers: question number -> letters to mark clearly.
    :param form_letter: the form bubble to mark (default ``form``; ``""`` for none).
    :param doubtful: question (number as text, or ``"candidate"``) -> ``faint``,
        ``erased``, ``double`` or ``outside``: what to add to that row.
    """
    rng = rng or random.Random(0)
    layout = sheet_layout(exam, form, size_name=size_name)
    doubtful = doubtful or {}
    clear = (0.55, 0.8)
    out = []
    for img, page in zip(pages, layout.pages):
        img = img.copy()
        for k, digit in enumerate(candidate):
            if doubtful.get("candidate") == "faint" and k == 2:
                _pencil(img, *page.candidate[k][int(digit)], dpi, rng, (0.17, 0.24))
            else:
                _pencil(img, *page.candidate[k][int(digit)], dpi, rng, clear)
        letter = form if form_letter is None else form_letter
        if letter:
            _pencil(img, *page.forms[LETTERS.index(letter)], dpi, rng, clear)
        for row in page.rows:
            letters = answers.get(row.number, "")
            kind = doubtful.get(str(row.number))
            for ch in letters:
                level = (0.17, 0.24) if kind == "faint" else clear
                _pencil(img, *row.bubbles[LETTERS.index(ch)], dpi, rng, level)
            others = [j for j in range(len(row.bubbles)) if LETTERS[j] not in letters]
            if kind == "erased":
                _pencil(img, *row.bubbles[others[0]], dpi, rng, (0.22, 0.32), patchy=True)
            elif kind == "double":
                _pencil(img, *row.bubbles[others[0]], dpi, rng, clear)
            elif kind == "outside":
                (xa, ya), (xb, yb) = row.bubbles[0], row.bubbles[1]
                _stroke(img, (xa + BUBBLE_W / 2 + 0.8, ya - 2.5), (xb - BUBBLE_W / 2 - 0.8,
                                                                    yb + 2.5), dpi)
        out.append(img)
    return out


def degrade(img: np.ndarray, kind: str, rng: random.Random, dpi: int = 300) -> np.ndarray:
    """One kind of damage from :data:`DEGRADATIONS` (``all`` applies a copier mix:
    rotation, blur, noise and JPEG 40 at 150 dpi)."""
    h, w = img.shape
    if kind in ("rotate", "skew"):  # the page lies on a larger scanner bed
        pad = int(0.05 * w)
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        h, w = img.shape
    if kind == "rotate":
        angle = rng.choice([-1, 1]) * rng.uniform(2.0, 5.0)
        M = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        return cv2.warpAffine(img, M, (w, h), borderValue=255)
    if kind == "skew":
        sh = rng.uniform(0.015, 0.03) * rng.choice([-1, 1])
        M = np.float32([[1, sh, -sh * h / 2], [0, 1, 0]])
        return cv2.warpAffine(img, M, (w, h), borderValue=255)
    if kind == "blur":
        return cv2.GaussianBlur(img, (0, 0), 1.3 * dpi / 300)
    if kind == "noise":
        nr = np.random.default_rng(rng.randrange(1 << 30))
        return np.clip(img.astype(np.float32) + nr.normal(0, 12, img.shape), 0, 255).astype(np.uint8)
    if kind == "jpeg40":
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 40])
        return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    if kind == "dpi150":
        return cv2.resize(img, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    if kind == "phone":
        m = 0.035
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        jit = [(rng.uniform(0, m) * w, rng.uniform(0, m) * h) for _ in range(4)]
        pad = int(0.06 * w)
        W, Hh = w + 2 * pad, h + 2 * pad
        dst = np.float32([[pad + jit[0][0], pad + jit[0][1]],
                          [pad + w - jit[1][0], pad + jit[1][1]],
                          [pad + w - jit[2][0], pad + h - jit[2][1]],
                          [pad + jit[3][0], pad + h - jit[3][1]]])
        P = cv2.getPerspectiveTransform(src, dst)
        out = cv2.warpPerspective(img, P, (W, Hh), borderValue=110).astype(np.float32)
        gy, gx = np.mgrid[0:Hh, 0:W].astype(np.float32)
        light = 0.72 + 0.28 * (gx / W * 0.5 + gy / Hh * 0.5)
        out = cv2.GaussianBlur(out * light, (0, 0), 0.8)
        ok, buf = cv2.imencode(".jpg", np.clip(out, 0, 255).astype(np.uint8),
                               [cv2.IMWRITE_JPEG_QUALITY, 70])
        return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    if kind == "all":
        for k in ("rotate", "blur", "noise", "dpi150", "jpeg40"):
            img = degrade(img, k, rng, dpi if k != "jpeg40" else dpi // 2)
        return img
    raise ValueError(kind)


def random_answers(exam: Exam, form: str, rng: random.Random,
                   blank_rate: float = 0.05) -> dict[int, str]:
    """A plausible answer per question (some blank; multiple response: 1-3 letters)."""
    out = {}
    for q in exam.form(form).questions:
        item = exam.sections[q.section].units[q.unit].items[q.member]
        n = len(item.options)
        if rng.random() < blank_rate:
            out[q.number] = ""
        elif item.type == "multi":
            out[q.number] = "".join(sorted(rng.sample(LETTERS[:n], rng.randint(1, min(3, n)))))
        else:
            out[q.number] = LETTERS[rng.randrange(n)]
    return out
