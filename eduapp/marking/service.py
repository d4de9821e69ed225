"""Marking use cases over the bank (exams) and the marking store: read scans, collate
pages into candidates, review flagged marks, score, analyse items, keep the results with
the items.

Threads: every method may run on a worker thread (the GUI calls them through ``Op``);
reading uses a small thread pool (OpenCV and numpy release the GIL).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from ..errors import (CancelledError, EduAppError, ErrorRecord, NotFoundError, Phrase,
                      ValidationError)
from ..messages import ERROR_TEXT
from ..exams.model import Exam
from ..exams.store import ExamStore
from ..practice.itemstats import SittingAnalysis, analyse_sitting
from .classlist import read_class_list
from .model import OTHER_EXAM, READ, UNREADABLE, Flag, SheetRead, reason_text
from .raster import load_pages
from .reader import LayoutCache, read_page
from .scoring import CandidateScore, response_matrices, score_candidate
from .store import MarkingStore

if TYPE_CHECKING:
    from ..bank import Bank

#: Pages read at once (the target machine has two cores).
WORKERS = 2


@dataclass
class ReviewEntry:
    """A flagged mark in the review queue: where it is, what was seen, and its choices."""

    flag: Flag
    file: str
    page: int
    candidate: str | None
    sheet_id: int

    def to_dict(self, language: str = "en") -> dict:
        return {"id": self.flag.id, "file": self.file, "page": self.page,
                "candidate": self.candidate, "question": self.flag.question,
                "reason": self.flag.reason,
                "message": reason_text(self.flag.reason, language),
                "detected": self.flag.detected, "choices": self.flag.choices,
                "resolution": self.flag.resolution}


@dataclass
class MarkingResult:
    """Everything a marking run reports (the ``exam mark --json`` document).

    :ivar sheets: pages scanned; :ivar read: pages read as sheets of this exam.
    :ivar flagged: marks awaiting review. :ivar duplicates: candidate numbers found on
        more than one sheet of the same page (not scored until fixed).
    :ivar unmatched: candidates not on the class list (and sheets without a number).
    :ivar absent: class-list entries with no sheet. :ivar missing_pages: candidates
        missing a page of a multi-page sheet. :ivar other_exam: / :ivar unreadable: pages.
    :ivar scores: per candidate (:class:`CandidateScore`), candidate-number order.
    :ivar errors: files of this run that could not be opened (``{"file", "message"}``).
    :ivar run_pages: / :ivar run_read: pages scanned and read by this run (the other
        counts cover every page stored for the sitting).
    """

    exam_id: int
    sheets: int = 0
    read: int = 0
    flagged: list[ReviewEntry] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)
    absent: list[dict] = field(default_factory=list)
    missing_pages: list[dict] = field(default_factory=list)
    other_exam: list[dict] = field(default_factory=list)
    unreadable: list[dict] = field(default_factory=list)
    scores: list[CandidateScore] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    run_pages: int = 0
    run_read: int = 0

    @property
    def pending(self) -> int:
        """Marks awaiting review."""
        return sum(1 for e in self.flagged if e.flag.resolution is None)

    @property
    def clean(self) -> bool:
        """Nothing awaits review and nothing was rejected."""
        return not (self.pending or self.duplicates or self.other_exam or self.unreadable
                    or self.missing_pages or self.errors)

    def to_dict(self) -> dict:
        return {"exam_id": self.exam_id, "sheets": self.sheets, "read": self.read,
                "flagged": [{"id": e.flag.id, "file": e.file, "page": e.page,
                             "candidate": e.candidate, "question": e.flag.question,
                             "reason": e.flag.reason} for e in self.flagged
                            if e.flag.resolution is None],
                "duplicates": self.duplicates, "unmatched": self.unmatched,
                "absent": self.absent, "missing_pages": self.missing_pages,
                "other_exam": self.other_exam, "unreadable": self.unreadable,
                "errors": self.errors, "this_run": {"pages": self.run_pages,
                                                    "read": self.run_read},
                "scores": [s.to_dict() for s in self.scores]}


def _norm_number(n: str) -> str:
    return n.lstrip("0") or "0"


class MarkingService:
    """Marking for the exams in ``bank``, kept in ``store``.

    :param bank: the item bank (its exams are read through :class:`ExamStore`).
    :param store: a :class:`MarkingStore`.
    """

    def __init__(self, bank: Bank, store: MarkingStore):
        self.bank = bank
        self.store = store
        self.exams = ExamStore(bank)

    def shutdown(self) -> None:
        """Close the marking store (the app calls this when it quits)."""
        self.store.close()

    # -- reading ----------------------------------------------------------------------

    def read_scans(self, exam: Exam, paths: Iterable[str], *, workers: int = WORKERS,
                   progress: Callable[[int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None
                   ) -> tuple[list[SheetRead], list[dict]]:
        """Read every page of ``paths`` (PDF or image files) against ``exam``.

        :param progress: called with (pages done, file) after each page.
        :param cancelled: polled between pages; when it returns true,
            :class:`CancelledError` is raised.
        :returns: ``(pages read, file errors [{"file", "message"}])``; a file that
            cannot be opened is reported and the others are read.
        """
        layouts = LayoutCache(exam)
        reads: list[SheetRead] = []
        errors: list[dict] = []
        done = 0
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            pending = []
            for path in paths:
                try:
                    for scan in load_pages(path):
                        if cancelled and cancelled():
                            raise CancelledError(code="marking.cancelled")
                        pending.append(pool.submit(read_page, scan, exam, layouts))
                        while len(pending) > workers * 2:
                            reads.append(pending.pop(0).result())
                            done += 1
                            if progress:
                                progress(done, reads[-1].file)
                except CancelledError:
                    raise
                except EduAppError as e:  # ScanError: report the file, read the others
                    errors.append(ErrorRecord(file=path, message=getattr(e, "message", str(e)),
                                              error=e))
            for fut in pending:
                reads.append(fut.result())
                done += 1
                if progress:
                    progress(done, reads[-1].file)
        return reads, errors

    def mark(self, exam_id: int, paths: list[str], *, class_list: str | None = None,
             progress: Callable[[int, str], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> MarkingResult:
        """Read the scans, store every page (a page read before is replaced), take the
        class list, and return the whole sitting's result (:meth:`results`).

        :raises NotFoundError: no such exam. :raises ImportFileError: a bad class list
            (nothing is stored then).
        """
        exam = self.exams.get(exam_id)
        roster = read_class_list(class_list) if class_list else None
        reads, errors = self.read_scans(exam, paths, progress=progress, cancelled=cancelled)
        sitting = self.store.sitting(exam_id, exam.uid, exam.title)
        if roster is not None:
            self.store.set_class_list(sitting, roster)
        for r in reads:
            self.store.save_sheet(sitting, r)
        result = self.results(exam_id, exam)
        result.errors = errors
        result.run_pages = len(reads)
        result.run_read = sum(1 for r in reads if r.status == READ)
        return result

    # -- collating and scoring ------------------------------------------------------------

    def results(self, exam_id: int, exam: Exam | None = None) -> MarkingResult:
        """The sitting as it stands: pages collated into candidates, reviewers' decisions
        applied, scores, and everything that needs a person.

        :raises NotFoundError: no such exam.
        """
        exam = exam or self.exams.get(exam_id)
        out = MarkingResult(exam_id=exam_id)
        sitting = self.store.find_sitting(exam_id)
        if sitting is None:
            return out
        sheets = self.store.sheets(sitting)
        roster = {r["candidate"]: r for r in self.store.class_list(sitting)}
        by_norm = {_norm_number(k): v for k, v in roster.items()}
        out.sheets = len(sheets)
        groups: dict[str, dict[int, list[tuple[int, SheetRead]]]] = {}
        for sid, s in sheets:
            if s.status == UNREADABLE:
                out.unreadable.append({"file": s.file, "page": s.page, "message": s.message})
                continue
            if s.status == OTHER_EXAM:
                out.other_exam.append({"file": s.file, "page": s.page, "exam": s.exam_uid})
                continue
            out.read += 1
            candidate = s.candidate
            for f in s.flags:
                if f.question == "candidate" and f.resolution:
                    candidate = f.resolution
                if f.question == "form" and f.resolution:
                    s.form_bubbled = f.resolution
                out.flagged.append(ReviewEntry(f, s.file, s.page, candidate, sid))
            if not candidate or "?" in candidate:
                key = f"?{s.file}#{s.page}"
            else:
                key = candidate
            groups.setdefault(key, {}).setdefault(s.sheet_page, []).append((sid, s))
        matched = set()
        for key in sorted(groups):
            pages = groups[key]
            if any(len(v) > 1 for v in pages.values()):
                entry = roster.get(key) or by_norm.get(_norm_number(key))
                if entry:  # on the class list, and present: not absent, only duplicated
                    matched.add(entry["candidate"])
                out.duplicates.append({"candidate": key, "sheets": [
                    {"file": s.file, "page": s.page, "sheet_page": p}
                    for p, v in sorted(pages.items()) for _, s in v]})
                continue
            first = next(iter(pages.values()))[0][1]
            expected = range(1, first.sheet_pages + 1)
            missing = [p for p in expected if p not in pages]
            if missing and not key.startswith("?"):
                out.missing_pages.append({"candidate": key, "missing": missing,
                                          "present": [{"file": v[0][1].file,
                                                       "page": v[0][1].page}
                                                      for _, v in sorted(pages.items())]})
            answers: dict[int, str | None] = {}
            form = first.form
            header_pending = 0
            for _, v in sorted(pages.items()):
                s = v[0][1]
                answers.update(s.answers)
                for f in s.flags:
                    if f.question.isdigit():
                        answers[int(f.question)] = f.resolution
                    elif f.resolution is None:
                        header_pending += 1
                    if f.question == "form" and f.resolution:
                        form = f.resolution
            try:
                score = score_candidate(exam, form, key if not key.startswith("?") else "",
                                        answers)
            except NotFoundError:  # a form letter the exam does not have: the printed one
                score = score_candidate(exam, first.form, key, answers)
            score.pending += header_pending
            if score.pending and score.passed is not None:
                score.passed = None
            if key.startswith("?"):
                out.unmatched.append({"candidate": None, "file": first.file,
                                      "page": first.page,
                                      "message": "no readable candidate number"})
                score.candidate = ""
            else:
                entry = roster.get(key) or by_norm.get(_norm_number(key))
                if entry:
                    score.name, score.language = entry["name"], entry.get("language", "")
                    matched.add(entry["candidate"])
                elif roster:
                    out.unmatched.append({"candidate": key, "file": first.file,
                                          "page": first.page,
                                          "message": "not on the class list"})
            out.scores.append(score)
        out.absent = [{"candidate": k, "name": v["name"]} for k, v in roster.items()
                      if k not in matched]
        return out

    # -- review -----------------------------------------------------------------------

    def review_queue(self, exam_id: int, *, include_resolved: bool = False) -> list[ReviewEntry]:
        """Flagged marks of the exam's sitting, awaiting review first, in file/page order."""
        res = self.results(exam_id)
        entries = [e for e in res.flagged if include_resolved or e.flag.resolution is None]
        entries.sort(key=lambda e: (e.flag.resolution is not None, e.file, e.page,
                                    e.flag.id or 0))
        return entries

    def resolve(self, flag_id: int, value: str, by: str = "") -> dict:
        """Decide a flagged mark: letters (``""`` for no answer) for a question, the whole
        candidate number for ``candidate``, a form letter for ``form``. Logged.

        :raises ValidationError: a value that is not one of the flag's choices.
        :raises NotFoundError: no such flag.
        """
        value = (value or "").strip().upper()
        with self.store.lock:
            row = self.store.conn.execute("SELECT question, data FROM flags WHERE id = ?",
                                          (flag_id,)).fetchone()
        if row is None:
            raise NotFoundError(code="marking.no-flag", values={"id": flag_id})
        data = json.loads(row[1])
        choices = data.get("choices", [])
        question = row[0]
        if question == "candidate":
            if not value.isdigit():
                raise ValidationError(code="marking.digits")
        elif question == "form":
            if len(value) != 1 or value not in choices:
                raise ValidationError(code="marking.form-choice", values={"choices": choices})
        elif any(c not in choices for c in value) or len(set(value)) != len(value):
            raise ValidationError(code="marking.letters", values={"letters": "".join(choices)})
        elif len(value) > 1 and not data.get("multiple"):
            raise ValidationError(code="marking.one-answer", values={"n": question})
        else:
            value = "".join(sorted(value))
        return self.store.resolve(flag_id, value, by)

    def scan_files(self, exam_id: int) -> list[tuple[str, int]]:
        """``(file, pages)`` of every scan file read for the exam."""
        sitting = self.store.find_sitting(exam_id)
        return self.store.files(sitting) if sitting else []

    def pages_read(self, exam_id: int) -> list[tuple[str, int, str | None]]:
        """``(file, page, candidate number as read)`` of every page read as a sheet of
        the exam, in file and page order."""
        sitting = self.store.find_sitting(exam_id)
        if sitting is None:
            return []
        return [(s.file, s.page, s.candidate) for _, s in self.store.sheets(sitting)
                if s.status == READ]

    def forget_file(self, exam_id: int, file: str, by: str = "") -> int:
        """Remove the pages read from ``file`` (e.g. a batch scanned twice); logged.

        :returns: pages removed. :raises NotFoundError: no page of that file was read.
        """
        sitting = self.store.find_sitting(exam_id)
        n = self.store.forget_file(sitting, file, by) if sitting else 0
        if not n:
            raise NotFoundError(code="marking.no-page", values={"file": file, "exam": exam_id})
        return n

    def correct_candidate(self, exam_id: int, file: str, page: int, number: str,
                          by: str = "") -> dict:
        """A person corrects the candidate number read from one page (two students
        bubbled the same number, a digit was bubbled wrongly); logged, and kept when the
        file is read again.

        :raises ValidationError: not digits. :raises NotFoundError: no such page.
        """
        number = (number or "").strip()
        if not number.isdigit():
            raise ValidationError(code="marking.digits")
        sitting = self.store.find_sitting(exam_id)
        if sitting is None:
            raise NotFoundError(code="marking.nothing-marked", values={"exam": exam_id})
        seen = next((s.candidate for _, s in self.store.sheets(sitting)
                     if s.file == file and s.page == page), None)
        fid = self.store.add_flag(sitting, file, page, Flag(
            "candidate", "corrected", choices=[str(v) for v in range(10)],
            detected=seen or ""))
        return self.store.resolve(fid, number, by)

    def flag_crop(self, flag_id: int) -> bytes:
        """PNG bytes of a flagged mark's crop."""
        return self.store.flag_crop(flag_id)

    def review_log(self, exam_id: int) -> list[dict]:
        """Every manual fix of the exam's sitting."""
        sitting = self.store.find_sitting(exam_id)
        return self.store.review_log(sitting) if sitting else []

    # -- item analysis ----------------------------------------------------------------

    def statistics(self, exam_id: int, *, thresholds: dict | None = None,
                   save: bool = True) -> tuple[SittingAnalysis, Exam]:
        """Item analysis over the candidates with nothing under review, stored with the
        items (:meth:`MarkingStore.item_history`) when ``save``.

        :returns: ``(analysis, exam)``; ``analysis.items`` follow the master order.
        """
        exam = self.exams.get(exam_id)
        res = self.results(exam_id, exam)
        X, C, keys, n_opts = response_matrices(exam, res.scores)
        items = exam.items()
        analysis = analyse_sitting(X, [i.uid for i in items], chosen=C, keys=keys,
                                   n_options=n_opts, thresholds=thresholds)
        sitting = self.store.find_sitting(exam_id)
        if save and sitting is not None and analysis.candidates:
            rows = []
            for item, st in zip(items, analysis.items):
                rows.append({"item_uid": item.uid, "item_id": item.id, "version": item.version,
                             "exam_title": exam.title, "n": st.n, "p": st.p, "r_pb": st.r_pb,
                             "option_rates": st.option_rates, "upper_rates": st.upper_rates,
                             "keys": st.keys,
                             "issues": [{"code": c, **v} for c, v in st.issues],
                             "kr20": analysis.kr20})
            self.store.save_item_results(sitting, exam_id, rows)
        return analysis, exam

    def item_history(self, item_uid: str) -> list[dict]:
        """An item's results in every sitting marked here, oldest first."""
        return self.store.item_history(item_uid)

    # -- reports ----------------------------------------------------------------------

    def report(self, exam_id: int, *, language: str | None = None,
               thresholds: dict | None = None):
        """The sitting's report content (:class:`eduapp.marking.reports.SittingReport`);
        stores the item results as :meth:`statistics` does."""
        from .reports import build_report
        analysis, exam = self.statistics(exam_id, thresholds=thresholds)
        res = self.results(exam_id, exam)
        return build_report(exam, res.scores, analysis, language, pending=res.pending)

    def write_reports(self, exam_id: int, folder: str, *, language: str | None = None,
                      page_size: str = "A4", thresholds: dict | None = None) -> dict[str, str]:
        """Class report PDF, results and items CSV, result slips PDF and the review log
        into ``folder``. :returns: kind -> path. :raises ExportError: cannot write."""
        from .reports import write_reports
        rep = self.report(exam_id, language=language, thresholds=thresholds)
        return write_reports(rep, folder, self.review_log(exam_id), page_size)

    # -- flagged items and rewrites ---------------------------------------------------

    def item_queue(self, exam_id: int) -> list:
        """Items the sitting flagged (:data:`~.itemreview.QUEUE_ISSUES`), with their stored
        evidence and latest suggested rewrite, in master order. Run :meth:`statistics`
        first (it stores the evidence).

        :returns: list of :class:`~.itemreview.ItemReview`.
        """
        from .itemreview import ItemReview, evidence_text, needs_review
        exam = self.exams.get(exam_id)
        sitting = self.store.find_sitting(exam_id)
        if sitting is None:
            return []
        results = self.store.item_results(sitting)
        rewrites = self.store.rewrites(sitting)
        out = []
        for item in exam.items():
            ev = results.get(item.uid)
            if ev and needs_review(ev):
                out.append(ItemReview(item=item, evidence=ev, rewrite=rewrites.get(item.uid),
                                      reasons=evidence_text(ev, exam.language)))
        return out

    def draft_rewrite(self, exam_id: int, item_id: int, profile, *, cancel=None) -> dict:
        """Ask ``profile``'s model for a rewrite of a flagged item and store it as a
        suggestion (nothing in the bank changes). Worker thread.

        :returns: the stored rewrite (``{"id", "status": "pending", "suggestion", ...}``).
        :raises NotFoundError: the item is not in the exam's review queue.
        :raises LLMUnavailableError:, LLMOutputError:, ValidationError: as
            :func:`~.itemreview.draft_rewrite`.
        """
        from .itemreview import draft_rewrite
        entry = next((e for e in self.item_queue(exam_id) if e.item.id == item_id), None)
        if entry is None:
            raise NotFoundError(code="marking.item-not-flagged", values={"id": item_id})
        exam = self.exams.get(exam_id)
        suggestion = draft_rewrite(profile, entry.item, entry.evidence,
                                   language=entry.item.language or exam.language, cancel=cancel)
        sitting = self.store.find_sitting(exam_id)
        rid = self.store.add_rewrite(sitting, entry.item.uid, entry.item.id,
                                     entry.item.version, suggestion)
        return self.store.rewrite(rid)

    def decide_rewrite(self, rewrite_id: int, decision: str, *, edited: dict | None = None,
                       by: str = "") -> dict:
        """A person decides a suggested rewrite: ``accept`` (as suggested, or ``edited``:
        their own version of it) saves it as a new version of the bank item; ``reject``
        keeps the item. Past exams keep the version they were sat with.

        :returns: the rewrite as stored after the decision (``new_version`` set when saved).
        :raises ValidationError: an unknown decision, a decided rewrite, or an edit of the
            wrong shape. :raises NotFoundError: no such rewrite, or the item is gone.
        """
        from .itemreview import apply_rewrite, validate_suggestion
        if decision not in ("accept", "reject"):
            raise ValidationError(code="marking.decide-rewrite")
        rw = self.store.rewrite(rewrite_id)
        if rw["status"] != "pending":
            raise ValidationError(code="marking.rewrite-decided", values={
                "status": Phrase(f"word.rewrite.{rw['status']}")
                if f"word.rewrite.{rw['status']}" in ERROR_TEXT else rw["status"]})
        if decision == "reject":
            self.store.decide_rewrite(rewrite_id, "rejected", None, None, by)
            return self.store.rewrite(rewrite_id)
        current = self.bank.get_item(rw["item_id"])
        final = validate_suggestion(current, edited if edited is not None else rw["suggestion"])
        with self.store.lock:
            exam_row = self.store.conn.execute(
                "SELECT s.exam_id, s.title FROM sittings s JOIN rewrites r ON "
                "r.sitting_id = s.id WHERE r.id = ?", (rewrite_id,)).fetchone()
        note = (f"revised after the sitting of exam {exam_row[0]} ({exam_row[1]})"
                + (": " + final["rationale"] if final.get("rationale") else ""))
        saved = self.bank.save_item(apply_rewrite(current, final, note), note=note[:500])
        self.store.decide_rewrite(rewrite_id, "edited" if edited is not None else "accepted",
                                  final, saved.version, by)
        return self.store.rewrite(rewrite_id)
