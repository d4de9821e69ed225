"""Scanned answer sheets: rasterise, register, read marks, review queue, scores, item
analysis. No Qt here.

::

    from eduapp.marking import MarkingService, MarkingStore
    svc = MarkingService(bank, MarkingStore.open_in(data_dir))
    result = svc.mark(exam_id, ["class-3b.pdf"], class_list="class-3b.csv")
    for entry in svc.review_queue(exam_id):          # faint, erased, double ... marks
        svc.resolve(entry.flag.id, "B", by="Dr Li")  # logged
    analysis, exam = svc.statistics(exam_id)          # p, r_pb, distractors, KR-20, SEM

Modules: :mod:`.raster` (PDF and image pages), :mod:`.reader` (one page),
:mod:`.model` (what a page read gives), :mod:`.scoring` (keys, negative marking, partial
credit), :mod:`.classlist`, :mod:`.store` (``marking.sqlite``), :mod:`.service`,
:mod:`.reports` (class report, CSV, result slips), :mod:`.itemreview` (flagged items,
suggested rewrites).
"""

from .classlist import read_class_list
from .model import REASONS, Flag, SheetRead, reason_text
from .raster import ScanError, ScanPage, load_pages, page_count
from .reader import LayoutCache, read_page
from .scoring import CandidateScore, QuestionScore, score_candidate
from .service import MarkingResult, MarkingService, ReviewEntry
from .store import MARKING_FILE, MarkingStore, MarkingStoreError

__all__ = ["read_class_list", "REASONS", "Flag", "SheetRead", "reason_text", "ScanError",
           "ScanPage", "load_pages", "page_count", "LayoutCache", "read_page", "CandidateScore",
           "QuestionScore", "score_candidate", "MarkingResult", "MarkingService",
           "ReviewEntry", "MARKING_FILE", "MarkingStore", "MarkingStoreError"]
