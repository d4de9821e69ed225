"""PDF renderers (reportlab): exam paper, answer key, answer sheet, teacher's version and
handouts (lecture notes, case studies), in English and Chinese (CJK font embedded).

Every renderer writes to a temporary file and renames it on success, so a failure never
leaves a broken PDF; layout problems raise :class:`PdfLayoutError`, missing images
:class:`MissingMediaError` (both :class:`~eduapp.errors.ExportError`). No Qt here; every
function may run on a worker thread.
"""

from .base import MissingMediaError, PdfLayoutError, Styles, atomic_output, page_size
from .fonts import register_fonts, rich
from .handouts import render_case, render_notes
from .markdown import markdown_flowables
from .paper import exam_media, render_key, render_paper, render_teacher
from .sheet import render_sheet, sheet_id
from .exam_set import ExamFiles, render_exam

__all__ = ["MissingMediaError", "PdfLayoutError", "Styles", "atomic_output", "page_size",
           "register_fonts", "rich", "render_case", "render_notes", "markdown_flowables",
           "exam_media", "render_key", "render_paper", "render_teacher", "render_sheet",
           "sheet_id", "ExamFiles", "render_exam"]
