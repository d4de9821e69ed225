"""The Generate page: a topic (and optional source text) becomes draft questions, lecture
notes or a case study; drafts wait in the review queue with their quality-gate findings
until a person accepts, approves, edits, regenerates or discards them.

Every model call runs through ``Op`` with a progress line (elapsed seconds, and tokens so
far or questions done) and a Cancel button; the embedded model gets a visible low-quality
banner that points to Settings.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ...domain import Changes, Item, new_uid
from ...errors import ApprovalBlockedError, CancelledError, EduAppError
from ..app import current_language
from ..approval import confirm_approval, user_name
from ..flow_layout import FlowLayout
from ..generate_widgets import DocumentView, DraftList, GenerationForm, LowQualityBanner
from ..item_editor import ItemEditor
from ..item_history import choose_version
from ..ops import Op, error_text, show_error
from ..page import Page

if TYPE_CHECKING:
    from ...workspace import Workspace

log = logging.getLogger(__name__)

#: Most drafts the review queue shows at once (newest first).
QUEUE_LIMIT = 500
#: Most documents in the document menu.
RECENT_DOCUMENTS = 100

ERROR_STYLE = "color: #b91c1c;"
OK_STYLE = "color: #0f766e;"


class _EitherEvent:
    """A cancel token that is set when either event is (the op's and the page's)."""

    def __init__(self, *events: threading.Event):
        self.events = events

    def is_set(self) -> bool:
        return any(e.is_set() for e in self.events)


class GeneratePage(Page):
    """Generate drafts with a language model and review them.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self._items: dict[int, Item] = {}
        self._findings: dict[int, list] = {}  # gate findings from generation (duplicates too)
        self._stop: threading.Event | None = None
        self._started = 0.0
        self._progress_text = ""
        self._default_seen = None
        self._build()
        self.refresh_providers()
        self.reload_queue()
        self.reload_documents()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Generate"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.banner = LowQualityBanner()
        self.banner.settings_requested.connect(self.open_settings)
        layout.addWidget(self.banner)

        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        self.form = GenerationForm()
        self.form.provider_changed.connect(self._provider_changed)
        self.form.kind_changed.connect(self._kind_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        # the form scrolls up and down only: never narrower than its fields
        scroll.setMinimumWidth(self.form.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        left_layout.addWidget(scroll, 1)
        run = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.setStyleSheet(
            "QPushButton:default:disabled { background: #94a3b8; color: #f1f5f9; }")
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        run.addWidget(self.generate_button, 1)
        run.addWidget(self.cancel_button)
        left_layout.addLayout(run)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setVisible(False)
        left_layout.addWidget(self.progress_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.setVisible(False)
        left_layout.addWidget(self.message)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._queue_tab(), self.tr("Review queue"))
        self.documents = DocumentView()
        self.documents.save_requested.connect(self.save_document)
        self.documents.open_requested.connect(self.open_document)
        self.tabs.addTab(self.documents, self.tr("Notes and case studies"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 750])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)

    def _queue_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_count = QLabel()
        self.queue_count.setWordWrap(True)
        left_layout.addWidget(self.queue_count)
        self.queue = DraftList()
        self.queue.itemSelectionChanged.connect(self._selection_changed)
        left_layout.addWidget(self.queue, 1)
        buttons = FlowLayout()  # two per line, or one when the list is narrow
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Mark as reviewed: checked by a person, not yet "
                                              "approved for exams"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve for use in exams (your decision)"))
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("Write a replacement with the same request "
                                                  "and discard this draft"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Move to the bank's trash"))
        self.accept_button.clicked.connect(lambda: self.accept_selected("reviewed"))
        self.approve_button.clicked.connect(lambda: self.accept_selected("approved"))
        self.regenerate_button.clicked.connect(self.regenerate_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        for b in (self.accept_button, self.approve_button, self.regenerate_button,
                  self.discard_button):
            b.setMinimumWidth(90)
            buttons.addWidget(b, 1)
        left_layout.addLayout(buttons)
        split.addWidget(left)
        self.editor = ItemEditor(self.app.bank)
        self.editor.save_requested.connect(self.save_draft)
        self.editor.history_requested.connect(self.show_history)
        self.editor.set_requested.connect(self.edit_set)
        split.addWidget(self.editor)
        split.setSizes([280, 470])
        # dragging a divider never hides Accept/Approve, the editor or its Save button
        split.setChildrenCollapsible(False)
        left.setMinimumWidth(max(120, left.minimumSizeHint().width()))
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        return tab

    # -- providers ----------------------------------------------------------------------

    def refresh_providers(self) -> None:
        """Refill the provider menu: keep the chosen one, or choose the default
        (``app.settings.default_provider``) when it is new or changed."""
        try:
            profiles = self.app.workspace.providers.list()
        except EduAppError as e:
            self._say_error(e)
            profiles = []
        default = self.app.settings.default_provider or "embedded"
        current = self.form.provider_name()
        select = current if current and default == self._default_seen else default
        if select not in [p.name for p in profiles]:
            select = default
        self._default_seen = default
        self.form.set_providers(profiles, select)

    def chosen_provider(self):
        """The chosen :class:`~eduapp.llm.ProviderProfile`.

        :raises NotFoundError: it was deleted meanwhile.
        """
        return self.app.workspace.provider(self.form.provider_name() or "embedded")

    def _provider_changed(self, name: str) -> None:
        try:
            embedded = self.app.workspace.provider(name).is_embedded if name else False
        except EduAppError:
            embedded = False
        self.banner.setVisible(embedded)

    def open_settings(self) -> None:
        """Open the settings dialog (Providers tab) to configure a stronger provider."""
        opener = getattr(self.window(), "open_settings", None)
        if callable(opener):
            opener()
        self.refresh_providers()

    # -- messages and progress ----------------------------------------------------------

    def _say(self, text: str, error: bool = False, details: str = "") -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)
        self.message.setToolTip(details)
        self.message.setVisible(bool(text))

    def _say_error(self, error: EduAppError) -> None:
        """Show a model or validation error as its sentence in the interface language
        (:func:`~eduapp.ui.ops.error_text`); in Chinese the English original (what a
        provider's documentation or support would recognise) is the tooltip."""
        text = error_text(error)
        self._say(text, error=True,
                  details=str(error) if current_language() == "zh" and text != str(error)
                  else "")

    def _set_running(self, running: bool, text: str = "") -> None:
        self.generate_button.setEnabled(not running)
        self.regenerate_button.setEnabled(not running and len(self.queue.selected_ids()) == 1)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress_label.setVisible(running)
        if running:
            self._started = time.monotonic()
            self._progress_text = text
            self._tick()
            self._timer.start()
        else:
            self._timer.stop()
            self._stop = None

    def _show_progress(self, text: str, _fraction: float) -> None:
        if text:
            self._progress_text = text
        self._tick()

    def _tick(self) -> None:
        seconds = int(time.monotonic() - self._started)
        self.progress_label.setText(self.tr("{progress} · {seconds} s").format(
            progress=self._progress_text, seconds=seconds))

    def cancel(self) -> None:
        """Cancel the running model call; nothing it was writing is stored."""
        if self._stop is not None:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self._progress_text = self.tr("Cancelling…")
            self._tick()

    def _run_model(self, work, success, starting: str) -> None:
        """Run ``work(ws, ctx, cancel)`` (a model call) with the progress line and the
        Cancel button; ``success(result)`` on the GUI thread."""
        stop = threading.Event()

        def fn(ws: Workspace, ctx):
            return work(ws, ctx, _EitherEvent(ctx.cancelled, stop))

        def done(result):
            self._set_running(False)
            success(result)

        self._say("")
        self._set_running(True, starting)
        self._stop = stop
        Op(self, fn).latest_only("generate-page-model").on_progress(self._show_progress) \
            .success(done).failure(self._model_failed).run()

    def _model_failed(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, CancelledError):
            self._say(self.tr("Cancelled. Nothing was stored."))
        elif isinstance(error, EduAppError):
            self._say_error(error)
        else:
            self._say(self.tr("Something went wrong; nothing was stored."), error=True)
            show_error(self, error, "".join(traceback.format_exception(error)))

    # -- generation ---------------------------------------------------------------------

    def generate(self) -> None:
        """Generate what the form asks for with the chosen provider (off the GUI thread)."""
        from ...authoring import QuestionSpec
        kind = self.form.current_kind()
        topic = self.form.topic.text().strip()
        language = self.form.language.currentData()
        source = self.form.source.toPlainText().strip()
        if not topic:
            self._say(self.tr("Give a topic to generate about."), error=True)
            self.form.topic.setFocus()
            return
        try:
            profile = self.chosen_provider()
        except EduAppError as e:
            self._say_error(e)
            return
        gid = new_uid()
        waiting = self.tr("Waiting for {provider}…").format(
            provider=self.form.provider_label(profile))
        if kind == "questions":
            spec = QuestionSpec(topic=topic, count=self.form.count.value(),
                                kind=self.form.qtype.currentData(), language=language,
                                bloom=self.form.bloom.currentData(),
                                difficulty=self.form.difficulty.currentData(),
                                objectives=self.form.objectives_list(), source_text=source)
            try:
                spec.validate()
            except EduAppError as e:
                self._say_error(e)
                return
            verify = self.form.verify.isChecked()
            template = self.tr("{done} of {total} questions written")

            def work(ws: Workspace, ctx, cancel):
                def progress(done, total):
                    ctx.progress(template.format(done=done, total=total),
                                 done / total if total else None)
                return ws.generate_questions(spec, provider=profile.name, generation_id=gid,
                                             verify=verify, on_progress=progress,
                                             cancel=cancel)
            self._run_model(work, self._questions_done, waiting)
        else:
            template = self.tr("{tokens} tokens so far")

            def work(ws: Workspace, ctx, cancel):
                def progress(tokens, _seconds):
                    ctx.progress(template.format(tokens=tokens), None)
                return ws.generate_document(kind, topic, language, provider=profile.name,
                                            generation_id=gid, source_text=source,
                                            on_progress=progress, cancel=cancel)
            self._run_model(work, lambda saved: self._document_done(saved.value), waiting)

    def _questions_done(self, result) -> None:
        for item in result.items:
            self._findings[item.id] = list(item.findings)
        text = (self.tr("1 draft question is waiting for your review.")
                if len(result.items) == 1 else
                self.tr("{n} draft questions are waiting for your review.")).format(
            n=len(result.items))
        if result.reused:
            text = self.tr("These drafts were stored earlier; nothing new was generated.")
        if result.failures:
            text += " " + self.tr("{n} could not be produced: {why}").format(
                n=len(result.failures), why=result.describe_failures(current_language())[0])
        self._say(text, error=bool(result.failures))
        self.tabs.setCurrentIndex(0)
        self.reload_queue(select=[max(i.id for i in result.items)] if result.items else [])

    def _document_done(self, doc) -> None:
        self.documents.set_document(doc)
        self.tabs.setCurrentWidget(self.documents)
        self._say(self.tr("“{title}” is saved as a draft document. Read it, edit it if "
                          "needed, and save.").format(title=doc.title))
        self.reload_documents()

    # -- review queue -------------------------------------------------------------------

    def reload_queue(self, select: list[int] | None = None, row: int | None = None) -> None:
        """Reload the drafts waiting for review (off the GUI thread), then select
        ``select`` (ids), else the row ``row``, else keep the selection."""
        keep = select if select is not None else self.queue.selected_ids()

        Op(self, lambda ws: ws.review_queue(QUEUE_LIMIT)).latest_only("generate-page-queue") \
            .success(lambda items: self._show_queue(items, keep, row)).run()

    def _show_queue(self, items: list[Item], select: list[int], row: int | None) -> None:
        for item in items:
            if item.id in self._findings:
                item.findings = self._findings[item.id]
        self._items = {i.id: i for i in items}
        self.queue.blockSignals(True)
        self.queue.set_items(items, self._type_label)
        found = self.queue.select_ids(select) if select else False
        if not found and self.queue.count():
            r = min(row if row is not None else 0, self.queue.count() - 1)
            self.queue.setCurrentRow(r)
            self.queue.item(r).setSelected(True)
        self.queue.blockSignals(False)
        self.queue_count.setText(
            self.tr("No drafts waiting for review.") if not items else
            self.tr("1 draft waiting for review") if len(items) == 1 else
            self.tr("{n} drafts waiting for review").format(n=len(items)))
        self.tabs.setTabText(0, self.tr("Review queue ({n})").format(n=len(items)))
        self._selection_changed()

    def _type_label(self, item: Item) -> str:
        if item.type == "sba" and item.vignette:
            return self.form.type_label("vignette")
        return self.editor.type_label(item.type)

    def selected_ids(self) -> list[int]:
        """Ids of the selected drafts."""
        return self.queue.selected_ids()

    def save_state(self) -> dict:
        """The Generate form, the tab shown and the draft editor (with unsaved edits), for
        a rebuilt window (a language change)."""
        f = self.form
        return {"kind": f.current_kind(), "topic": f.topic.text(),
                "language": f.language.currentData(), "provider": f.provider_name(),
                "qtype": f.qtype.currentData(), "count": f.count.value(),
                "bloom": f.bloom.currentData(), "difficulty": f.difficulty.currentData(),
                "objectives": f.objectives.toPlainText(), "verify": f.verify.isChecked(),
                "source": f.source.toPlainText(), "tab": self.tabs.currentIndex(),
                "selected": self.selected_ids(), "editor": self.editor.save_state()}

    def restore_state(self, state: dict) -> None:
        """Take over what :meth:`save_state` returned."""
        f = self.form
        f.set_kind(state["kind"])
        f.topic.setText(state["topic"])
        for box, value in ((f.language, state["language"]), (f.provider, state["provider"]),
                           (f.qtype, state["qtype"]), (f.bloom, state["bloom"]),
                           (f.difficulty, state["difficulty"])):
            index = box.findData(value)
            if index >= 0:
                box.setCurrentIndex(index)
        f.count.setValue(state["count"])
        f.objectives.setPlainText(state["objectives"])
        f.verify.setChecked(state["verify"])
        f.source.setPlainText(state["source"])
        self.tabs.setCurrentIndex(state["tab"])
        editor = state.get("editor") or {}
        if editor.get("edited") is not None:
            self.editor.restore_state(editor)
        # the queue again (a newer load replaces the one the page started), selecting the
        # drafts selected before; the unsaved edits stay in the editor
        self.reload_queue(select=list(state.get("selected") or []))

    def can_leave(self) -> bool:
        """Whether the page may be left (another page, closing the window): asks what to
        do with unsaved edits of the draft in the editor."""
        return self.editor.maybe_leave()

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        current = self.editor.item
        if current is not None and self.editor.is_modified():
            if ids == [current.id]:
                self._enable_queue_buttons(ids)
                return  # a refresh of the queue: keep the edits in the form
            if not self.editor.maybe_leave():
                self.queue.blockSignals(True)
                self.queue.select_ids([current.id])
                self.queue.blockSignals(False)
                return
        self._enable_queue_buttons(ids)
        self.editor.set_item(self._items.get(ids[0]) if len(ids) == 1 else None)
        if len(ids) != 1:
            self.editor.header.setText(self.tr("Select one draft to read and edit it.")
                                       if not ids else
                                       self.tr("{n} drafts selected.").format(n=len(ids)))

    def _enable_queue_buttons(self, ids: list[int]) -> None:
        for b in (self.accept_button, self.approve_button, self.discard_button):
            b.setEnabled(bool(ids))
        self.regenerate_button.setEnabled(len(ids) == 1 and self._stop is None)

    def _current_row(self) -> int:
        rows = sorted(self.queue.row(e) for e in self.queue.selectedItems())
        return rows[0] if rows else 0

    def accept_selected(self, status: str = "reviewed") -> None:
        """A person accepts the selected drafts: ``reviewed``, or ``approved`` with the
        Approve button. Nothing is approved any other way; a flagged draft is approved only
        after the person saw why and confirmed (and their name is recorded)."""
        ids = self.selected_ids()
        if ids:
            self._accept(ids, status, override=False)

    def _accept(self, ids: list[int], status: str, override: bool) -> None:
        row = self._current_row()
        by = user_name()

        def done(result):
            n, _changes = result
            one = n == 1
            self._say((self.tr("Approved 1 item.") if one else self.tr("Approved {n} items."))
                      .format(n=n) if status == "approved" else
                      (self.tr("Accepted 1 item as reviewed.") if one else
                       self.tr("Accepted {n} items as reviewed.")).format(n=n))
            self.reload_queue(select=[], row=row)

        def failed(error):
            if isinstance(error, ApprovalBlockedError):
                if confirm_approval(self, error):
                    self._accept(ids, status, override=True)
                return
            show_error(self, error)
        Op(self, lambda ws: ws.accept_drafts(ids, status, override=override, by=by)) \
            .success(done).failure(failed).run()

    def discard_selected(self) -> None:
        """Move the selected drafts to the bank's trash."""
        ids = self.selected_ids()
        if not ids:
            return
        row = self._current_row()

        def done(result):
            deleted, _changes = result
            for i in deleted:
                self._findings.pop(i, None)
            self._say(self.tr("Discarded 1 draft.") if len(deleted) == 1 else
                      self.tr("Discarded {n} drafts.").format(n=len(deleted)))
            self.reload_queue(select=[], row=row)
        Op(self, lambda ws: ws.discard_drafts(ids)).success(done).run()

    def regenerate_selected(self) -> None:
        """Write a replacement for the selected draft with the chosen provider; the old
        draft is discarded once the new one is stored."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            profile = self.chosen_provider()
        except EduAppError as e:
            self._say_error(e)
            return
        item_id = ids[0]
        verify = self.form.verify.isChecked()
        waiting = self.tr("Writing a replacement for draft #{id} with {provider}…").format(
            id=item_id, provider=self.form.provider_label(profile))

        def work(ws: Workspace, ctx, cancel):
            return ws.regenerate(item_id, provider=profile.name, verify=verify, cancel=cancel)

        def done(result):
            self._findings.pop(item_id, None)
            for item in result.items:
                self._findings[item.id] = list(item.findings)
            new = [i.id for i in result.items]
            self._say(self.tr("Draft #{old} was replaced by #{new}.").format(
                old=item_id, new=", #".join(map(str, new))))
            self.reload_queue(select=new)
        self._run_model(work, done, waiting)

    def save_draft(self, item: Item) -> None:
        """Store a person's edit of a draft (a new version) with fresh findings."""
        self._store_draft(lambda ws: ws.edit_draft(item))

    def _store_draft(self, use_case) -> None:
        """Run ``use_case(ws) -> Saved`` (an edit, a restored version) and show the draft
        again with fresh findings."""
        def done(result):
            saved: Item = result.value
            self._findings[saved.id] = list(saved.findings)
            self._say(self.tr("Saved draft #{id} (version {v}).").format(id=saved.id,
                                                                        v=saved.version))
            shown = self.editor.item
            # the person may have moved on to another draft while this one was saved
            moved_on = (shown is None or shown.id != saved.id
                        or self.queue.selected_ids() not in ([], [saved.id]))
            self.reload_queue(select=None if moved_on else [saved.id])
        Op(self, use_case).success(done).run()

    def edit_set(self, set_uid: str) -> None:
        """Open the set editor for the set of the item shown (:func:`edit_set_of`)."""
        from ..set_editor import edit_set_of
        edit_set_of(self, self.editor, set_uid)

    def show_history(self, item_id: int) -> None:
        """Show a draft's versions; restoring one saves it as a new version."""
        version = choose_version(self.app.bank, item_id, self)
        if version is not None:
            self._store_draft(lambda ws: ws.restore_version(item_id, version))

    # -- documents ----------------------------------------------------------------------

    def reload_documents(self) -> None:
        """Refill the document menu with lecture notes and case studies (newest first)."""
        def work(ws: Workspace):
            docs = ws.bank.documents(limit=RECENT_DOCUMENTS * 2)
            docs = [d for d in docs if d.kind in ("notes", "case")]
            return sorted(docs, key=lambda d: -(d.updated_at or d.created_at or 0))[
                :RECENT_DOCUMENTS]
        Op(self, work).latest_only("generate-page-documents") \
            .success(self.documents.set_recent).run()

    def open_document(self, doc_id: int) -> None:
        """Show the stored document ``doc_id``."""
        Op(self, lambda ws: ws.bank.get_document(doc_id)).latest_only(
            "generate-page-open-document").success(self.documents.set_document).run()

    def save_document(self, doc) -> None:
        """Store the edited notes or case study in the bank's document store."""
        def done(result):
            saved = result.value
            self.documents.set_document(saved)
            self._say(self.tr("Saved “{title}”.").format(title=saved.title))
            self.reload_documents()
        Op(self, lambda ws: ws.save_document(doc)).success(done).run()

    # -- refresh ------------------------------------------------------------------------

    def _kind_changed(self, kind: str) -> None:
        self.tabs.setCurrentIndex(0 if kind == "questions" else 1)

    def refreshers(self, changes: Changes) -> list:
        """The provider menu, the review queue and the document menu, as changed."""
        out = []
        if changes.settings or changes.providers:
            out.append(self.refresh_providers)
        if changes.items:
            out.append(self.reload_queue)
        if changes.documents:
            out.append(self.reload_documents)
        return out
