"""All the PDFs of one exam into one folder, all or nothing: paper, key and answer sheet
per form, one teacher's version, and ``manifest.json``."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field

from ..domain import Changes
from ..errors import ExportError, os_reason
from ..exams.model import Exam
from .paper import render_key, render_paper, render_teacher
from .sheet import render_sheet


@dataclass
class ExamFiles:
    """What :func:`render_exam` wrote: file names (relative to the folder) by form and
    kind, the teacher's version, page counts, and the manifest dict."""

    folder: str
    forms: dict[str, dict[str, str]] = field(default_factory=dict)
    teacher: str = ""
    pages: dict[str, int] = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


def manifest(exam: Exam, files: ExamFiles | None = None) -> dict:
    """The ``manifest.json`` shape: ``{exam_id, exam_uid, title, language, seed,
    question_count, total_marks, pass_mark, forms: [{code, files, items: [{number,
    item_id, version, options}], key: [letters]}], teacher}``; ``options`` is the printed
    option order as zero-based master indices."""
    return {"exam_id": exam.id, "exam_uid": exam.uid, "title": exam.title,
            "language": exam.language, "seed": exam.seed,
            "question_count": exam.question_count, "total_marks": exam.total_marks,
            "pass_mark": exam.pass_mark,
            "forms": [{"code": f.code,
                       "files": (files.forms.get(f.code, {}) if files else {}),
                       "items": [{"number": q.number, "item_id": q.item_id,
                                  "version": q.version, "options": q.options}
                                 for q in f.questions],
                       "key": f.key} for f in exam.forms],
            "teacher": files.teacher if files else ""}


def render_exam(exam: Exam, folder: str, *, media=None, size_name: str = "A4",
                extra: dict | None = None) -> ExamFiles:
    """Render every PDF of ``exam`` (which must have forms) into ``folder``.

    Files are first written into a temporary folder beside ``folder`` and moved in only
    when all succeeded: on any error nothing is left behind.

    :param extra: merged into the manifest (e.g. ``{"shortfalls": [...]}``).
    :returns: :class:`ExamFiles`.
    :raises ExportError: the folder cannot be written; :raises PdfLayoutError:,
        :raises MissingMediaError: from the renderers.
    """
    if not exam.forms:
        raise ExportError(code="pdf.no-forms")
    folder = os.path.abspath(folder)
    parent = os.path.dirname(folder)
    try:
        os.makedirs(parent, exist_ok=True)
        tmp = tempfile.mkdtemp(prefix=".eduapp-exam-", dir=parent)
    except OSError as e:
        raise ExportError(code="file.cannot-write-in",
                          values={"folder": parent, "reason": os_reason(e)}) from None
    out = ExamFiles(folder=folder)
    try:
        for form in exam.forms:
            names = {"paper": f"paper_{form.code}.pdf", "key": f"key_{form.code}.pdf",
                     "sheet": f"sheet_{form.code}.pdf"}
            out.pages[names["paper"]] = render_paper(exam, form.code,
                                                     os.path.join(tmp, names["paper"]),
                                                     media=media, size_name=size_name)
            out.pages[names["key"]] = render_key(exam, form.code, os.path.join(tmp, names["key"]),
                                                 size_name=size_name)
            out.pages[names["sheet"]] = render_sheet(exam, form.code,
                                                     os.path.join(tmp, names["sheet"]),
                                                     size_name=size_name)
            out.forms[form.code] = names
        out.teacher = "teacher.pdf"
        out.pages[out.teacher] = render_teacher(exam, os.path.join(tmp, out.teacher),
                                                media=media, size_name=size_name)
        out.manifest = {**manifest(exam, out), **(extra or {})}
        with open(os.path.join(tmp, "manifest.json"), "w", encoding="utf-8") as fh:
            json.dump(out.manifest, fh, ensure_ascii=False, indent=1)
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(tmp):
            os.replace(os.path.join(tmp, name), os.path.join(folder, name))
    except OSError as e:
        raise ExportError(code="pdf.cannot-write-exam",
                          values={"folder": folder, "reason": os_reason(e)}) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
