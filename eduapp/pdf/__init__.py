"""PDF renderers (reportlab): exam paper, answer key, answer sheet (and its layout, which
the scanned-sheet reader shares), teacher's version, handouts (lecture notes, case
studies) and the reports of a marked sitting, in English and Chinese (CJK font embedded).

Every renderer writes to a temporary file and renames it on success, so a failure never
leaves a broken PDF; layout problems raise :class:`PdfLayoutError`, missing images
:class:`MissingMediaError` (both :class:`~eduapp.errors.ExportError`). No Qt here; every
function may run on a worker thread.
"""

from .base import MissingMediaError, PdfLayoutError, Styles, atomic_output, page_size
from .fonts import register_fonts, rich
from .handouts import render_case_pdf, render_notes_pdf
from .markdown import markdown_flowables
from .paper import exam_media, render_key, render_paper, render_teacher
from .sheet import parse_sheet_code, render_sheet, sheet_code, sheet_id, sheet_layout
from .sitting_report import render_result_slips, render_sitting_report
from .exam_set import ExamFiles, render_exam

__all__ = ["MissingMediaError", "PdfLayoutError", "Styles", "atomic_output", "page_size",
           "register_fonts", "rich", "render_case_pdf", "render_notes_pdf", "markdown_flowables",
           "exam_media", "render_key", "render_paper", "render_teacher", "render_sheet",
           "sheet_id", "sheet_code", "parse_sheet_code", "sheet_layout",
           "render_sitting_report", "render_result_slips", "ExamFiles", "render_exam"]
