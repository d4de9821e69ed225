"""The Workspace: one headless object that opens a data folder's stores and offers every
use case as a named method (after Anki's ``Collection``).

The CLI (:class:`eduapp.cli.Context`) and the GUI (:class:`eduapp.ui.app.App`) each hold
one Workspace and are thin views of it: a command or a click calls one method here, and a
method that changes data returns what it changed (:class:`~eduapp.domain.Changes`, alone
or as the ``changes`` of its result), so the GUI refreshes the pages that show it. No Qt
here; methods run on any thread unless they say otherwise (the bank and the practice store
serialise their own writes).

::

    ws = Workspace("/path/to/data")
    outcome = ws.import_files(["exam.xml"])            # ImportOutcome: summary + changes
    assembly = ws.assemble_exam(Blueprint.for_query("asthma", 10), seed=1)
    files = ws.publish_exam(assembly.exam, "out/", forms=2)
    ws.close()

Which provider answers a model call is decided in one place, :meth:`Workspace.provider`,
from the settings file in the data folder (read again when it changes), so a new default
provider reaches practice, generation and exams at once.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from .config import Settings, ensure_data_dir
from .domain import Changes, Document, Item, ItemSet, content_changed, now
from .errors import (ApprovalBlockedError, CancelledError, EduAppError, ExportError,
                     ImportFileError, NotFoundError, ValidationError, os_reason)

if TYPE_CHECKING:  # imported lazily at run time: start-up stays fast
    from .authoring import GenerationResult, QuestionSpec
    from .bank import Bank, ImportSummary, ItemFilter
    from .exams import Assembly, Blueprint, Exam, ExamStore
    from .llm import ProviderProfile, ProviderStore
    from .marking import MarkingService
    from .pdf import ExamFiles
    from .practice import PracticeService
    from .practice.tutor import TutorStatus
    from .vpatient import CaseLibrary

ProgressFn = Callable[[int, int], None]
#: What a restore or a repair may have changed: everything.
ALL_CHANGED = Changes(items=True, documents=True, exams=True, practice=True, settings=True)
log = logging.getLogger(__name__)


@dataclass
class ImportOutcome:
    """What :meth:`Workspace.import_files` did.

    :ivar summary: counts and per-entry errors (DESIGN.md import summary shape).
    :ivar failed_files: files that could not be read at all (their errors are in summary).
    :ivar changes: what changed in the stores.
    """

    summary: "ImportSummary"
    failed_files: int = 0
    changes: Changes = field(default_factory=Changes)


def _stopped_import(path: str, error: EduAppError, done: list[tuple[str, int]],
                    rest: list[str]) -> EduAppError:
    """The error for a multi-file import that stopped at ``path`` after earlier files
    were committed (each file is its own transaction): what is in the bank now (each
    file with its count of items and documents), and what is not; the same class as
    ``error`` where it can be built from a code."""
    name = os.path.basename
    values = {"file": name(path), "error": error,
              "kept": ", ".join(f"{name(p)} ({n})" for p, n in done if n),
              "left": ", ".join(name(p) for p in [path, *rest])}
    try:
        return type(error)(code="import.stopped", values=values)
    except TypeError:  # an error class with other arguments
        return EduAppError(code="import.stopped", values=values)


@dataclass
class ExportOutcome:
    """What :meth:`Workspace.export_items` wrote: counts, the file, and the items the
    format cannot hold (left out, each ``{"item", "message"}``)."""

    exported: int
    sets: int
    documents: int
    format: str
    out: str
    not_represented: list = field(default_factory=list)
    changed: list = field(default_factory=list)

    def to_dict(self) -> dict:
        """``{"exported", "sets", "documents", "format", "out", "not_represented",
        "changed"}``: ``changed`` lists the items written in another shape the format can
        hold (``{"item", "uid", "message"}`` each)."""
        return {"exported": self.exported, "sets": self.sets, "documents": self.documents,
                "format": self.format, "out": self.out,
                "not_represented": self.not_represented, "changed": self.changed}


@dataclass
class Saved:
    """A stored item or document and what changed."""

    value: object
    changes: Changes


@dataclass
class ItemEvidence:
    """What is known of how an item worked: its practice statistics from every student's
    first attempts (:class:`~eduapp.practice.ItemStat`, ``None`` when nobody practised it)
    and its results in marked exam sittings (oldest first: dicts with ``exam_id``,
    ``sat_at`` epoch seconds, ``n``, ``p`` 0..1, ``r_pb``, ``issues`` ``[{"code", ...}]``)."""

    practice: object | None
    sittings: list[dict]


class Workspace:
    """The stores of one data folder and the use cases over them.

    :param data_dir: absolute path of the data folder (created if missing).
    :param bank: an already open :class:`~eduapp.bank.Bank` for that folder (the GUI opens
        it first to offer recovery of a damaged file); opened on first use otherwise.
    :param verify: check the bank file when it is opened (the CLI); the GUI checks it in
        the background instead.
    :raises BankError: the folder cannot be created or written.
    """

    def __init__(self, data_dir: str, bank: "Bank | None" = None, *, verify: bool = True):
        self.data_dir = data_dir
        self._bank = bank
        self._verify = verify
        self._practice: "PracticeService | None" = None
        self._marking: "MarkingService | None" = None
        self._patients: "CaseLibrary | None" = None
        self._providers: "ProviderStore | None" = None
        self._settings: Settings | None = None
        self._settings_mtime: float | None = None
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ stores

    @property
    def bank(self) -> "Bank":
        """The item bank (``bank.sqlite``), opened on first use.

        :raises BankError: the folder or the database cannot be used.
        """
        with self._lock:
            if self._bank is None:
                from .bank import Bank
                self._bank = Bank.open_in(self.data_dir, verify=self._verify)
            return self._bank

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: the bank is open read-only."""
        return bool(getattr(self.bank, "read_only", False))

    def close_stores(self) -> None:
        """Close every store of the data folder (the bank, practice, marking, cases) so
        their files can be replaced; each reopens on its next use. Any thread."""
        with self._lock:
            for name, closer in (("_practice", "close"), ("_marking", "shutdown")):
                store = getattr(self, name)
                if store is not None:
                    try:
                        getattr(store, closer)()
                    except Exception:  # noqa: BLE001 - best effort: the files are replaced next
                        log.exception("closing %s failed", name)
                    setattr(self, name, None)
            self._patients = None
            if self._bank is not None:
                self._bank.close()
                self._bank = None

    def replace_data(self, fn: Callable[[], object]):
        """Close the stores, run ``fn()`` (a restore, a repair) and reopen the bank; other
        threads wait for the new files, not the old ones.

        :returns: what ``fn`` returned.
        """
        with self._lock:
            self.close_stores()
            try:
                return fn()
            finally:
                _ = self.bank  # reopen

    def restore_backup(self, backup) -> tuple[object, Changes]:
        """Restore a backup (:func:`eduapp.bank.restore.restore_backup`); the current files
        are kept aside. :returns: ``(RestoreResult, everything changed)``."""
        from .bank.restore import restore_backup
        return (self.replace_data(lambda: restore_backup(self.data_dir, backup)),
                ALL_CHANGED)

    def repair(self, report=None, progress=None) -> tuple[object, Changes]:
        """Repair the data folder (:func:`eduapp.bank.repair.repair_data_folder`).
        :returns: ``(RepairReport, everything changed)``."""
        from .bank.repair import repair_data_folder
        return (self.replace_data(lambda: repair_data_folder(self.data_dir, report,
                                                             progress=progress)),
                ALL_CHANGED)

    @property
    def settings(self) -> Settings:
        """The settings file of the data folder, read again when another process (the
        CLI, another window) has changed it since."""
        from .config import SETTINGS_FILE
        path = os.path.join(self.data_dir, SETTINGS_FILE)
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            mtime = None
        with self._lock:
            if self._settings is None or mtime != self._settings_mtime:
                self._settings = Settings.load(self.data_dir)
                self._settings_mtime = mtime
            return self._settings

    def update_settings(self, **changes) -> Changes:
        """Change settings fields (``default_provider="deepseek"``, ``language="zh"`` ...)
        and write the file at once.

        :raises ValueError: an unknown field. :raises EduAppError: cannot write the file.
        """
        settings = self.settings
        for name, value in changes.items():
            if not hasattr(settings, name) or name == "extra":
                raise ValueError(f"unknown setting {name!r}")
            setattr(settings, name, value)
        # which items students are served changes with practice_allow_reviewed
        return self.save_settings() | Changes(providers="default_provider" in changes,
                                              items="practice_allow_reviewed" in changes)

    def save_settings(self) -> Changes:
        """Write :attr:`settings` to the data folder.

        :raises EduAppError: the file cannot be written.
        """
        from .config import SETTINGS_FILE
        settings = self.settings
        settings.save(self.data_dir)
        try:
            self._settings_mtime = os.stat(os.path.join(self.data_dir, SETTINGS_FILE)).st_mtime_ns
        except OSError:
            pass
        return Changes(settings=True)

    def content_language(self) -> str:
        """``en`` or ``zh``: the language new content and papers default to: the settings'
        interface language, else the system locale's (``LANG``, ``LC_ALL``)."""
        if self.settings.language in ("en", "zh"):
            return self.settings.language
        locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
        return "zh" if locale.lower().startswith("zh") else "en"

    @property
    def providers(self) -> "ProviderStore":
        """The provider profiles of this data folder."""
        with self._lock:
            if self._providers is None:
                from .llm import ProviderStore
                self._providers = ProviderStore(self.data_dir)
            return self._providers

    def provider(self, name: str | None = None) -> "ProviderProfile":
        """The provider profile ``name``, else the settings' default, else the embedded
        model: the one place a provider name becomes a profile.

        :raises NotFoundError: no profile of that name.
        """
        return self.providers.get(name or self.settings.default_provider or "embedded")

    def llm_provider(self) -> "ProviderProfile | None":
        """The default provider when it is a usable model for marking and tutoring (not
        the embedded model, whose answers are too weak to grade with), else ``None``."""
        from .errors import EduAppError
        try:
            profile = self.provider()
        except EduAppError:
            return None
        return None if profile.is_embedded else profile

    def tutor_status(self) -> "TutorStatus":
        """Which model the practice tutor and short-answer marker would use now, or why
        none (:class:`~eduapp.practice.tutor.TutorStatus`): the same choice as
        :meth:`llm_provider`."""
        from .errors import EduAppError
        from .practice.tutor import TutorStatus
        name = self.settings.default_provider or "embedded"
        try:
            profile = self.provider()
        except EduAppError:
            return TutorStatus("missing", name)
        return TutorStatus("embedded" if profile.is_embedded else "model", profile.name,
                           profile.model)

    @property
    def practice(self) -> "PracticeService":
        """The practice service (``practice.sqlite``); it asks :meth:`llm_provider` at
        each call, so a new default provider is used at once."""
        with self._lock:
            if self._practice is None:
                from .practice import PracticeService, PracticeStore
                ensure_data_dir(self.data_dir)
                self._practice = PracticeService(
                    self.bank, PracticeStore.open_in(self.data_dir), llm=self.llm_provider,
                    allow_reviewed=lambda: self.settings.practice_allow_reviewed)
            return self._practice

    def use_practice(self, service: "PracticeService") -> None:
        """Use ``service`` as :attr:`practice` (tests: a fixed clock, no fuzz)."""
        with self._lock:
            self._practice = service

    @property
    def marking(self) -> "MarkingService":
        """Marking of scanned answer sheets (``marking.sqlite``), opened on first use."""
        with self._lock:
            if self._marking is None:
                from .marking import MarkingService, MarkingStore
                ensure_data_dir(self.data_dir)
                self._marking = MarkingService(self.bank, MarkingStore.open_in(self.data_dir))
            return self._marking

    @property
    def exams(self) -> "ExamStore":
        """The stored exams (in the bank file)."""
        from .exams import ExamStore
        return ExamStore(self.bank)

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, *, back_up: bool = False) -> None:
        """Stop what holds processes (the embedded model server) and close the stores.

        :param back_up: then back the data folder up (reason ``close``) if the settings ask
            for automatic backups, the bank was not open read-only and the folder changed
            since the last backup (:func:`eduapp.bank.backup.auto_backup`): the GUI's quit.
        :raises EduAppError: the backup failed (``BackupError``, ``DiskFullError``); the
            stores are closed by then.
        """
        from .llm import stop_all_embedded_servers
        read_only = self._bank is not None and self.read_only
        settings = self.settings
        try:
            stop_all_embedded_servers()
            self.close_stores()
        finally:
            if back_up and not read_only and settings.backups_auto:
                from .bank.backup import auto_backup
                auto_backup(self.data_dir, "close", settings=settings)

    # ------------------------------------------------------------------ items

    def import_files(self, paths: list[str], fmt: str = "auto", *, category: str = "",
                     strict: bool = False, language: str = "",
                     on_file: Callable[[int, str], None] | None = None,
                     cancel=None,
                     decisions: dict[str, dict[int, str]] | None = None) -> ImportOutcome:
        """Import each file in one transaction (a file that fails is reported, the others
        go on).

        :param fmt: a format name of :mod:`eduapp.interop`, or ``auto``.
        :param category: put every imported item in this category (``a/b``).
        :param strict: reject a whole file on its first error.
        :param language: ``en``/``zh`` for every imported item; ``""`` keeps what the file
            says, else the language detected from each item's text.
        :param on_file: ``on_file(index, path)`` before each file (zero-based index).
        :param cancel: ``threading.Event``-like; checked between files (files already
            imported stay imported: each is its own transaction).
        :param decisions: ``{path: {unit index: "keep" | "replace:<bank id>" | "new"}}``:
            what the person chose for the matches of :meth:`import_matches`
            (:func:`eduapp.bank.matching.apply_import_decisions`); kept-out items count
            as skipped.
        :raises CancelledError: ``cancel`` was set.
        :raises DiskFullError: (or ``BankReadOnlyError``, ``BankBusyError``, ``BackupError``)
            the run stopped at a file; when earlier files were imported the message names
            them (they stay in the bank) and the files not imported.
        :returns: :class:`ImportOutcome`; ``summary.errors`` holds ``{file, line, item,
            message}`` per problem, ``summary.warnings`` what was approximated.
        """
        from .bank import ImportSummary
        from .interop import parse_file
        total = ImportSummary()
        failed = 0
        done: list[tuple[str, int]] = []  # (file, items stored) committed so far
        for n, path in enumerate(paths):
            if cancel is not None and cancel.is_set():
                raise CancelledError(code="import.cancelled")
            if on_file is not None:
                on_file(n, path)
            try:
                result = parse_file(path, fmt, language=language or None)
                kept_out = 0
                if decisions and decisions.get(path):
                    from .bank.matching import apply_import_decisions
                    kept_out = apply_import_decisions(self.bank, result, decisions[path])
                    total.skipped += kept_out
                for item in result.items:
                    if category:
                        item.category = category.strip("/")
                summary = self.bank.import_result(result, strict=strict)
                total.add(summary)
                done.append((path, summary.imported + summary.updated + summary.documents))
            except ImportFileError as e:
                failed += 1
                e.file = e.file or path
                total.errors.append(e.to_dict())
            except EduAppError as e:  # full disk, read-only, busy: the run stops here
                if not any(stored for _p, stored in done):
                    raise
                raise _stopped_import(path, e, done, paths[n + 1:]) from e
        changed = bool(total.imported or total.updated or total.documents
                       or total.documents_updated)
        return ImportOutcome(total, failed, Changes(items=changed, documents=changed))

    def import_matches(self, paths: list[str], fmt: str = "auto") -> list:
        """Before an import: the incoming items of ``paths`` that share a bank item's ID
        number or are near copies of one (:func:`eduapp.bank.matching.find_import_matches`),
        so the person decides keep / replace / import as new per item. Worker thread.

        :returns: :class:`~eduapp.bank.matching.ImportMatch` list (files that cannot be
            read are left out; the import reports them).
        """
        from .bank.matching import find_import_matches
        from .interop import parse_file
        out = []
        for path in paths:
            try:
                result = parse_file(path, fmt)
            except ImportFileError:
                continue
            out += find_import_matches(self.bank, result, path)
        return out

    def export_items(self, fmt: str, out: str, *, query: str = "", category: str = "",
                     ids: list[int] | None = None) -> ExportOutcome:
        """Write the bank (or the items matching ``query``/``category``, or ``ids``) to
        ``out`` in format ``fmt`` (its folder is created when missing); lecture notes go
        along in a whole-bank eduapp-json.

        :raises ExportError: nothing matches, or the file cannot be written.
        """
        from .bank import ItemFilter
        from .domain import ItemSet
        from .interop import flatten, write_file
        bank = self.bank
        units = bank.export_units(query, ItemFilter(category=category), ids=ids)
        if not units:
            raise ExportError(code="export.nothing")
        whole = ids is None and not (query or category)
        documents = bank.documents() if fmt == "eduapp-json" and whole else []
        folder = os.path.dirname(os.path.abspath(out))
        try:
            os.makedirs(folder, exist_ok=True)  # as exam build --out does
        except OSError as e:
            raise ExportError(code="file.cannot-create-folder",
                              values={"folder": folder, "reason": os_reason(e)}) from None
        requested = set(ids if ids is not None else bank.query_ids(query,
                                                                   ItemFilter(category=category)))
        unread = requested - {i.id for i in flatten(units)}
        report = write_file(units, out, fmt, documents=documents,
                            media=bank.media_for(units))
        written = len(flatten(units)) - len(report)
        # never silent: an item the bank could not hand over is counted and named too
        left_out = list(report) + [
            {"item": f"#{i}", "uid": "", "message": "the bank could not read this item "
             "(run eduapp bank check); it was left out"} for i in sorted(unread)]
        return ExportOutcome(written, sum(isinstance(u, ItemSet) for u in units),
                             len(documents), fmt, out, left_out,
                             list(getattr(report, "changed", [])))

    def search(self, query: str, limit: int = 20, *, filters: "ItemFilter | None" = None,
               with_findings: bool = True) -> list[Item]:
        """Full-text search (bm25-ranked), or with no words a listing newest first, each
        item with its quality-gate findings.

        :param filters: an :class:`~eduapp.bank.ItemFilter` (e.g. ``reviewed_before``).
        """
        from .authoring import lint_item
        limit = max(1, limit)
        if query.strip():
            items = self.bank.search(query, limit=limit, filters=filters)
        else:
            items = self.bank.get_items(self.bank.query_ids("", filters, order="-id",
                                                            limit=limit))
        if with_findings:
            for item in items:
                item.findings = lint_item(item)
        return items

    def save_item(self, item: Item, note: str = "edited", *, override: bool = False,
                  by: str = "") -> Saved:
        """Store an edited or new item (a new version when its content changed).

        Editing the content of an approved item returns it to ``reviewed``: what students
        and exams use must have been approved as it reads now. Saving an item as approved
        that was not approved before passes the same check as :meth:`set_status`.

        :raises ApprovalBlockedError: newly approved, flagged, and no ``override``.
        :raises ValidationError: the item is not valid.
        """
        from .authoring.review import approval_problems
        old = self.bank.get_item(item.id) if item.id is not None else None
        if item.status == "approved":
            if old is not None and old.status == "approved":
                if content_changed(old, item):
                    item.status = "reviewed"
            else:
                problems = approval_problems(item)
                if problems and not override:
                    raise ApprovalBlockedError({item.id: problems})
                if problems:
                    item.provenance = dict(item.provenance, approved_over={
                        "by": by or "unknown", "at": now(),
                        "findings": [f.rule for f in problems]})
        return Saved(self.bank.save_item(item, note), Changes(items=True))

    def save_set(self, item_set: "ItemSet", note: str = "edited") -> Saved:
        """Store an edited item set: its title, the shared vignette (A3/A4 case) or the
        shared option list (B1), and its members, in one transaction. When the shared
        text changed, approved members return to ``reviewed`` (what students and exams
        use must have been approved as it reads now).

        :returns: :class:`Saved` with the stored :class:`~eduapp.domain.ItemSet`.
        :raises ValidationError: the set or a member breaks a rule (nothing is stored).
        :raises NotFoundError: a set id that is not in the bank.
        """
        from .errors import NotFoundError
        try:
            old = self.bank.get_set(item_set.uid)
        except NotFoundError:
            old = None
        if old is not None:
            shared_changed = (old.vignette != item_set.vignette
                              or [o.text for o in old.options] != [o.text for o in item_set.options])
            if shared_changed:
                for member in item_set.items:
                    if member.status == "approved":
                        member.status = "reviewed"
        return Saved(self.bank.save_set(item_set, note), Changes(items=True))

    def set_status(self, ids: list[int], status: str, *, override: bool = False,
                   by: str = "") -> tuple[int, Changes]:
        """Set the review status of items (all or nothing). Approving goes through the
        review rule of :func:`eduapp.authoring.accept`: flagged items need ``override``,
        which is recorded with ``by``.

        :returns: ``(how many changed, changes)``.
        :raises ApprovalBlockedError: approving flagged items without ``override``.
        :raises NotFoundError: an id is not in the bank. :raises ValidationError: bad status.
        """
        if status == "approved":
            return self.accept_drafts(ids, status, override=override, by=by)
        n = self.bank.set_status(ids, status)
        return n, Changes(items=bool(n))

    def record_review(self, ids: list[int], reviewer: str, changes: str = ""
                      ) -> tuple[int, Changes]:
        """Record that the person ``reviewer`` checked these items today against current
        sources (``provenance.reviewer``, ``reviewed_at``, ``review_changes``).

        :raises ValidationError: an empty name. :raises NotFoundError: an unknown id.
        """
        if not reviewer.strip():
            raise ValidationError(code="review.no-reviewer")
        n = self.bank.record_review(ids, {"kind": "human", "name": reviewer.strip()},
                                    changes=changes)
        return n, Changes(items=bool(n))

    def delete_items(self, ids: list[int]) -> tuple[list[int], Changes]:
        """Move items (and their sets' members) to the trash; :meth:`restore_items` undoes."""
        deleted = self.bank.delete_items(ids)
        return deleted, Changes(items=bool(deleted))

    def restore_items(self, ids: list[int]) -> tuple[int, Changes]:
        """Bring items back from the trash."""
        n = self.bank.restore_items(ids)
        return n, Changes(items=bool(n))

    def item_evidence(self, item_id: int) -> ItemEvidence:
        """Practice statistics and marked-sitting history of one item (worker thread: the
        practice statistics are computed over all first attempts).

        :raises NotFoundError: no such item.
        """
        uid = self.bank.get_item(item_id).uid
        stat = next((s for s in self.practice.item_statistics() if s.item_uid == uid), None)
        return ItemEvidence(stat, self.marking.item_history(uid))

    def set_vignette(self, set_uid: str | None) -> str:
        """The shared vignette of an item set (``""`` for none or no set)."""
        if not set_uid:
            return ""
        try:
            return self.bank.get_set(set_uid).vignette or ""
        except NotFoundError:
            return ""

    def trash(self, limit: int = 5000) -> list:
        """The items in the trash, most recently deleted first
        (:class:`~eduapp.bank.TrashEntry` list, at most ``limit``)."""
        return self.bank.trash(limit)

    def empty_trash(self) -> tuple[int, Changes]:
        """Delete the items in the trash for good, with their history (not undoable).

        :returns: ``(items purged, Changes)``.
        """
        n = self.bank.purge_deleted()
        return n, Changes(items=bool(n))

    def undo_edit(self, item_id: int, version: int) -> Saved:
        """Undo an edit that made version ``version`` of an item: the version before it
        becomes current again, as a new version (history kept; see
        :meth:`restore_version`).

        :raises NotFoundError: no such item, or the item has no version before ``version``.
        """
        if version <= 1:
            raise NotFoundError(code="bank.no-earlier-version",
                                values={"id": item_id, "version": version})
        return self.restore_version(item_id, version - 1)

    def restore_version(self, item_id: int, version: int) -> Saved:
        """Make version ``version`` of an item current again, as its newest version
        (history kept; see :func:`eduapp.authoring.review.restored_version`); the saved
        item comes back with its quality-gate findings.

        :raises NotFoundError: no such item or version.
        """
        from .authoring import gate_findings
        from .authoring.review import restored_version
        item = restored_version(self.bank, item_id, version)
        saved = self.bank.save_item(item, f"restored version {version}")
        saved.findings = gate_findings(saved)
        return Saved(saved, Changes(items=True))

    def save_document(self, doc: Document) -> Saved:
        """Store a lecture note, case study or handout."""
        return Saved(self.bank.save_document(doc), Changes(documents=True))

    def edit_draft(self, item: Item) -> Saved:
        """Store a person's edit of a draft (a new version), with fresh gate findings.

        :raises ValidationError: the edited item breaks a structural rule.
        """
        from .authoring import edit
        return Saved(edit(self.bank, item), Changes(items=True))

    def review_queue(self, limit: int | None = None) -> list[Item]:
        """Generated drafts waiting for review, newest first, with their gate findings,
        each checked against the rest of the bank for near copies (the finding names the
        bank item copied) and against the topic it was requested for. Worker thread: the
        duplicate index of the bank takes about 25 microseconds per item to build."""
        from .authoring import review_queue
        return review_queue(self.bank, limit=limit, with_duplicates=True)

    def accept_drafts(self, ids: list[int], status: str = "reviewed", *,
                      override: bool = False, by: str = "") -> tuple[int, Changes]:
        """Accept drafts (``reviewed`` or ``approved``); approving a flagged item needs
        ``override`` and records ``by`` (:func:`eduapp.authoring.accept`).

        :raises ApprovalBlockedError: flagged items and no ``override``.
        """
        from .authoring import accept
        n = accept(self.bank, ids, status, override=override, by=by)
        return n, Changes(items=bool(n))

    def discard_drafts(self, ids: list[int]) -> tuple[list[int], Changes]:
        """Move rejected drafts to the trash."""
        from .authoring import discard
        gone = discard(self.bank, ids)
        return gone, Changes(items=bool(gone))

    # ------------------------------------------------------------------ generation

    def generate_questions(self, spec: "QuestionSpec", *, provider: str | None = None,
                           on_progress: ProgressFn | None = None, cancel=None,
                           generation_id: str | None = None,
                           verify: bool = True) -> "GenerationResult":
        """Generate draft questions with ``provider`` (default: the settings'), gate them
        and store them. Worker thread (network).

        :param on_progress: ``on_progress(done, total)`` after each item.
        :param generation_id: retrying with the same id returns what was stored then.
        :param verify: answer each item blind with the provider and flag a disagreement.
        :returns: the :class:`~eduapp.authoring.GenerationResult` (its ``changes`` say
            whether anything was stored).
        :raises LLMUnavailableError:, :raises CancelledError: nothing was stored.
        """
        from .authoring import generate_questions
        profile = self.provider(provider)
        return generate_questions(self.bank, profile, spec,
                                  concurrency=profile.concurrency(self.settings.concurrency),
                                  on_progress=on_progress, cancel=cancel,
                                  generation_id=generation_id, verify=verify)

    def regenerate(self, item_id: int, *, provider: str | None = None, verify: bool = True,
                   cancel=None) -> "GenerationResult":
        """Write a replacement for a generated draft from the spec it was made with; the
        old draft goes to the trash once the new one is stored. Worker thread.

        :raises NotFoundError: no such item, or it was not generated.
        """
        from .authoring import regenerate
        result = regenerate(self.bank, self.provider(provider), item_id, verify=verify,
                            cancel=cancel)
        result.changes = Changes(items=True)
        return result

    def fill_shortfall(self, request: dict, *, on_progress: ProgressFn | None = None,
                       cancel=None) -> "GenerationResult":
        """Generate drafts for an exam blueprint cell the bank could not fill, from the
        assembler's generation request (``Shortfall.request``). Worker thread.

        :raises LLMUnavailableError:, :raises CancelledError:.
        """
        from .authoring import QuestionSpec
        return self.generate_questions(QuestionSpec.for_request(request),
                                       on_progress=on_progress, cancel=cancel)

    def generate_document(self, kind: str, topic: str, language: str = "en", *,
                          provider: str | None = None, source_text: str = "",
                          on_progress: Callable[[int, float], None] | None = None,
                          cancel=None, generation_id: str | None = None) -> Saved:
        """Generate lecture notes (``kind="notes"``) or a case study (``"case"``) and
        store it as a draft document. Worker thread.

        :raises ValidationError: unknown kind, empty topic.
        :raises LLMUnavailableError:, :raises LLMOutputError:, :raises CancelledError:.
        """
        from .authoring import generate_case, generate_notes
        make = {"notes": generate_notes, "case": generate_case}.get(kind)
        if make is None:
            raise ValidationError(code="document.unknown-kind", values={"kind": kind})
        doc = make(self.bank, self.provider(provider), topic, language,
                   generation_id=generation_id, source_text=source_text,
                   on_progress=on_progress, cancel=cancel)
        return Saved(doc, Changes(documents=True))

    # ------------------------------------------------------------------ item models (AIG)

    def item_model_sources(self) -> list:
        """The item models and knowledge tables to generate from: the teacher's own (in the
        data folder), the shipped ones, and the tables marked in the bank's notes
        (:func:`eduapp.authoring.aig.catalog`)."""
        from .authoring.aig import catalog
        return catalog(self.bank, self.data_dir)

    def item_model_source(self, name: str):
        """One source by id, or a file path (:func:`eduapp.authoring.aig.resolve`).

        :raises NotFoundError: no such model or table.
        """
        from .authoring.aig import resolve
        return resolve(name, self.bank, self.data_dir)

    def generate_from_model(self, source, *, count: int | None = 20,
                            seed: int | None = None):
        """Generate questions from an item model or knowledge table and store the new
        ones as drafts, gated, in one transaction (offline, no language model).

        :param count: questions wanted; ``None`` for every valid combination.
        :returns: the :class:`~eduapp.authoring.aig.StoredGeneration` (``changes``: items).
        :raises ValidationError: an invalid model, or ``count`` < 1.
        """
        from .authoring.aig import generate_into_bank
        stored = generate_into_bank(self.bank, source, count=count, seed=seed)
        stored.changes = Changes(items=bool(stored.units))
        return stored

    def mark_knowledge_table(self, table) -> Saved:
        """Mark a knowledge table (and its question directions) in its lecture note."""
        from .authoring.aig.catalog import save_table_mark
        return Saved(save_table_mark(self.bank, table), Changes(documents=True))

    def draft_item_model(self, topic: str, language: str = "en", *,
                         provider: str | None = None, cancel=None):
        """Have a strong language model draft an item model on ``topic`` for the teacher
        to correct (the built-in model is refused). Worker thread.

        :returns: ``(ItemModel, raw JSON)``.
        :raises LLMUnavailableError:, :raises LLMOutputError:, :raises ValidationError:.
        """
        from .authoring.aig.draft import draft_item_model
        return draft_item_model(self.provider(provider), topic, language, cancel=cancel)

    # ------------------------------------------------------------------ exams

    def assemble_exam(self, blueprint: "Blueprint", *, seed: int | None = None,
                      include_drafts: bool = False, title: str = "",
                      language: str | None = None,
                      allow_enemies: bool | None = None) -> "Assembly":
        """Assemble an exam from ``blueprint`` with the settings' recent-exam window and
        institution (nothing is stored yet).

        :param language: ``en``/``zh``; ``None`` takes the blueprint's, else the interface
            language (:meth:`content_language`), so a paper does not mix languages. Only
            when the bank cannot fill the blueprint in that language but can with both are
            both used, and the assembly's notes say so (name a language to prevent it).
        :param allow_enemies: allow items of one item model (enemies) on one form;
            ``None`` takes the blueprint's ``allow_enemies``.
        """
        from .exams import assemble
        settings = self.settings

        def build(lang: str):
            return assemble(self.bank, blueprint, seed=seed, include_drafts=include_drafts,
                            recent_window=settings.recent_exam_window, title=title,
                            language=lang, institution=settings.institution,
                            allow_enemies=allow_enemies)
        chosen = language or blueprint.language
        if chosen:
            return build(chosen)
        own = self.content_language()
        result = build(own)
        if result.shortfalls:
            either = build("")
            if (either.exam.question_count > result.exam.question_count
                    and len({i.language for i in either.exam.items()}) > 1):
                either.notes.append(
                    f"not enough {'Chinese' if own == 'zh' else 'English'} items: the paper "
                    "has items in both languages (choose one with --language or the Language "
                    "box)")
                return either
        return result

    def publish_exam(self, exam: "Exam", folder: str, *, forms: int | None = None,
                     extra: dict | None = None) -> "ExamFiles":
        """Store ``exam`` (making ``forms`` forms first when given) and write every PDF
        and ``manifest.json`` into ``folder``; an exam stored by this call is removed
        again when the files cannot be written. In a read-only data folder the files are
        written but the exam is not stored (``exam.id`` stays ``None``; the answer sheets
        carry the exam's uid). Worker thread.

        :returns: the :class:`~eduapp.pdf.ExamFiles` (``changes``: exams).
        :raises ExportError:, :raises PdfLayoutError:, :raises MissingMediaError:.
        """
        from .exams import make_forms
        from .pdf import exam_media, render_exam
        if forms is not None and len(exam.forms) != forms:
            make_forms(exam, forms)
        store = self.exams
        media = exam_media(self.bank, exam)
        new = exam.id is None
        if not self.read_only:
            store.save(exam)
        try:
            files = render_exam(exam, folder, media=media, size_name=self.settings.page_size,
                                extra=extra)
        except Exception:
            if new and exam.id is not None:
                store.delete(exam.id)
                exam.id = None
            raise
        files.changes = Changes(exams=exam.id is not None)
        return files

    def stored_exams(self) -> list:
        """Every stored exam, newest first (:class:`~eduapp.exams.store.ExamSummary`
        list: id, title, language, questions, forms, created_at)."""
        return self.exams.list()

    def open_exam(self, exam_id: int) -> "Exam":
        """A stored exam with its forms and the item versions it was assembled with, to
        preview or export again.

        :raises NotFoundError: no such exam (or it was deleted).
        """
        return self.exams.get(exam_id)

    def render_exam_document(self, exam: "Exam", kind: str, code: str, path: str) -> str:
        """Render one document of an exam (not stored) to ``path``, for a preview:
        ``kind`` ``paper``, ``key`` or ``sheet`` of form ``code``, or ``teacher``.

        :returns: ``path``. :raises ExportError: as the renderers.
        """
        from .pdf import exam_media, render_key, render_paper, render_sheet, render_teacher
        size = self.settings.page_size
        if kind == "paper":
            render_paper(exam, code, path, media=exam_media(self.bank, exam), size_name=size)
        elif kind == "key":
            render_key(exam, code, path, size_name=size)
        elif kind == "sheet":
            render_sheet(exam, code, path, size_name=size)
        elif kind == "teacher":
            render_teacher(exam, path, media=exam_media(self.bank, exam), size_name=size)
        else:
            raise ValidationError(code="export.unknown-document", values={"kind": kind})
        return path

    # ------------------------------------------------------------------ virtual patients

    @property
    def patients(self) -> "CaseLibrary":
        """The virtual-patient cases: the shipped ones and the teacher's (bank documents)."""
        with self._lock:
            if self._patients is None:
                from .vpatient import CaseLibrary
                self._patients = CaseLibrary(self.bank)
            return self._patients

    def student_cases(self) -> list:
        """The cases students may play: approved (and shipped) ones, reviewed ones too
        while ``practice_allow_reviewed`` is set (:meth:`CaseLibrary.student_cases`)."""
        return self.patients.student_cases(bool(self.settings.practice_allow_reviewed))

    def save_case(self, case) -> Saved:
        """Store a (checked) virtual-patient case script in the bank; a case with the id
        of a shipped one replaces it for this bank.

        :raises ValidationError: the script does not validate.
        """
        return Saved(self.patients.save(case), Changes(documents=True))

    def import_cases(self, paths: list[str]) -> tuple[list[str], list[str], Changes]:
        """Read case-script JSON files into the bank.

        :returns: ``(ids imported, one sentence per file that failed, changes)``.
        """
        from .vpatient import load_case
        done, errors = [], []
        for path in paths:
            try:
                case = load_case(path)
                self.patients.save(case)
                done.append(case.id)
            except EduAppError as e:
                errors.append(f"{os.path.basename(path)}: {e}")
        return done, errors, Changes(documents=bool(done))

    def generate_case_script(self, topic: str, language: str = "en", *,
                             provider: str | None = None, source_text: str = "",
                             cancel=None) -> Saved:
        """Have a language model draft a case script on ``topic`` and store it (a draft
        for the teacher to check before students use it). Worker thread.

        :raises LLMUnavailableError:, :raises LLMOutputError:, :raises ValidationError:.
        """
        from .vpatient import generate_case_script
        case = generate_case_script(self.provider(provider), topic, language,
                                    source_text=source_text, cancel=cancel)
        return self.save_case(case)

    def save_encounter(self, student_id: int, encounter, report, engine: str = "offline"
                       ) -> tuple[int, Changes]:
        """Keep a finished encounter (transcript, revealed facts, orders, timings, score) in
        the student's history. :raises NotFoundError: no such student."""
        from .vpatient import save_encounter
        row = save_encounter(self.practice.store, student_id, encounter, report, engine)
        return row, Changes(practice=True)

    def case_class_results(self, case_id: str | None = None) -> list:
        """Class results per case and per checklist item (:func:`eduapp.vpatient.class_results`)."""
        from .vpatient import class_results
        return class_results(self.practice.store, case_id)

    def student_encounters(self, student_id: int) -> list[dict]:
        """One student's encounters, newest first (:func:`eduapp.vpatient.student_results`)."""
        from .vpatient import student_results
        return student_results(self.practice.store, student_id)

    # ------------------------------------------------------------------ marking

    def mark_scans(self, exam_id: int, paths: list[str], *, class_list: str | None = None,
                   progress: Callable[[int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None):
        """Read scanned answer sheets of a stored exam and score them
        (:meth:`eduapp.marking.MarkingService.mark`). Worker thread.

        :returns: the :class:`~eduapp.marking.MarkingResult` (``changes``: exams).
        """
        result = self.marking.mark(exam_id, paths, class_list=class_list, progress=progress,
                                   cancelled=cancelled)
        result.changes = Changes(exams=True)
        return result

    def decide_rewrite(self, rewrite_id: int, decision: str, *, edited: dict | None = None,
                       by: str = "") -> tuple[dict, Changes]:
        """A person accepts (possibly edited) or rejects a suggested rewrite of a flagged
        item; an accepted one is a new version of the item (past exams keep theirs)."""
        out = self.marking.decide_rewrite(rewrite_id, decision, edited=edited, by=by)
        return out, Changes(items=decision == "accept")

    # ------------------------------------------------------------------ practice

    def create_student(self, name: str, course: str = "") -> tuple[int, Changes]:
        """Add a student profile on this machine.

        :returns: ``(profile id, changes)``. :raises ValidationError: empty name.
        """
        return self.practice.create_profile(name, course), Changes(practice=True)

    def set_exam_date(self, student_id: int, exam_date: float | None) -> Changes:
        """Set (epoch seconds) or clear (``None``) a student's exam date, which the study
        plan counts down to."""
        self.practice.store.update_profile(student_id, exam_date=exam_date)
        return Changes(practice=True)

    def set_prerequisites(self, topic: str, requires: list[str]) -> Changes:
        """Set the topics that should be learnt before ``topic`` (the learning path
        orders topics by this graph)."""
        self.practice.store.set_prerequisites(topic, requires)
        return Changes(practice=True)

    def import_attempts(self, paths: list[str]) -> tuple[dict, Changes]:
        """Merge ``eduapp-attempts`` files from students' machines.

        :returns: ``({"added", "duplicates", "profiles", "errors"}, changes)``.
        """
        result = self.practice.import_attempts(paths)
        return result, Changes(practice=bool(result.get("added") or result.get("profiles")))

    def export_class_report(self, path: str, language: str = "en") -> None:
        """Write the class report (students, item statistics, KR-20 per exam) as CSV or
        PDF, chosen by the file's extension.

        :raises ExportError: cannot write. :raises ValidationError: unknown extension.
        """
        from .practice import report
        rep = self.practice.class_report(language)
        if path.lower().endswith(".pdf"):
            from .pdf.class_report import render_class_report
            render_class_report(rep, path, self.settings.page_size)
        elif path.lower().endswith(".csv"):
            report.write_csv(rep, path)
        else:
            raise ValidationError(code="report.csv-or-pdf")
