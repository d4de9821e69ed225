"""``Op``: run a piece of work off the GUI thread and call back on it (after Anki's
``CollectionOp`` / ``QueryOp``).

::

    Op(page, lambda ws: ws.search(text)) \\
        .with_progress(page.tr("Searching…")) \\
        .success(page.show_results) \\
        .run()

``fn`` runs on a worker thread of the global ``QThreadPool``. It must not touch widgets.
It gets the :class:`~eduapp.workspace.Workspace` of the page's app, and, when it takes a
second parameter, an :class:`OpContext` to report progress and to see whether the user
cancelled. ``success`` and ``failure`` callbacks run on the GUI thread. When the result
is a :class:`~eduapp.domain.Changes`, or carries one as ``.changes`` (or as the last
element of a tuple), the app broadcasts it so that pages refresh what they show: pages
never declare what a use case changed. An :class:`~eduapp.errors.EduAppError`
is shown as its sentence in the interface language (:func:`error_text`); anything else is
logged with its traceback and shown as a short message with a "Copy details" button.

Tests set ``Op.synchronous = True`` to run everything inline.
"""

from __future__ import annotations

import inspect
import logging
import sqlite3
import threading
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from ..domain import Changes
from ..errors import CancelledError, EduAppError, describe_error
from .app import current_language

log = logging.getLogger(__name__)


class OpContext:
    """Handed to an op's ``fn`` as its second argument.

    :ivar cancelled: a ``threading.Event`` set when the user presses Cancel; long loops and
        streaming LLM calls check it between steps.
    """

    def __init__(self, relay: "_Relay"):
        self._relay = relay
        self.cancelled = threading.Event()

    def progress(self, text: str = "", fraction: float | None = None) -> None:
        """Report progress from the worker: a line of text and a 0..1 fraction (or None
        for "busy"). Safe to call from any thread; cheap to call often."""
        self._relay.progress.emit(text, -1.0 if fraction is None else float(fraction))

    def check(self) -> None:
        """:raises CancelledError: the user cancelled."""
        if self.cancelled.is_set():
            raise CancelledError("cancelled")


class _Relay(QObject):
    """Lives on the GUI thread; worker signals arrive here queued."""

    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(str, float)


class _Runnable(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.call = call
        self.relay = relay

    def run(self):  # worker thread
        try:
            try:
                result = self.call()
            except BaseException as e:  # noqa: BLE001 - delivered to the GUI thread
                self.relay.failed.emit(e, traceback.format_exc())
                return
            self.relay.done.emit(result)
        except RuntimeError:  # the relay is gone: the app is quitting; nobody to tell
            log.debug("op finished after its receiver was deleted")


def error_text(error: BaseException) -> str:
    """``error`` as a sentence in the interface language: a coded
    :class:`~eduapp.errors.EduAppError` worded from the catalogue
    (:func:`~eduapp.errors.describe_error`), anything else as ``str(error)``."""
    return describe_error(error, current_language())


def show_error(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    """Show ``error`` to the user: an ``EduAppError`` as its sentence, anything else as a
    short message with a "Copy details" button (and the traceback logged)."""
    if isinstance(error, CancelledError):
        return
    if isinstance(error, sqlite3.DatabaseError) and getattr(error, "sqlite_errorcode", None) in (
            sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        if Op.damage_reported:  # one sentence is enough; the start-up check says the rest
            log.warning("damaged database: %s", error)
            return
        Op.damage_reported = True
        error = EduAppError(QApplication.translate(
            "Op", "The item bank is damaged ({error}). Use Tools → Check database to repair "
                  "it.").format(error=error))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(QApplication.translate("Op", "EduApp"))
    if isinstance(error, EduAppError):
        box.setText(error_text(error))
    else:
        log.error("unexpected error: %s\n%s", error, details)
        box.setText(QApplication.translate(
            "Op", "Something went wrong. The details have been logged; please send them "
                  "with a short note of what you were doing."))
        box.setDetailedText(details or repr(error))
        copy = box.addButton(QApplication.translate("Op", "Copy details"), QMessageBox.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details or repr(error)))
    box.addButton(QMessageBox.Ok)
    if Op.synchronous:
        box.show()
        Op.last_error_box = box
    else:
        box.exec()


def changes_of(result: Any) -> Changes | None:
    """What a use case's result says it changed: the result itself, its ``changes``
    attribute, or the last element of a ``(value, Changes)`` tuple; else ``None``."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class Op:
    """One unit of background work with GUI-thread callbacks (see the module doc).

    :param parent: the widget the op belongs to (its window parents progress and errors).
    :param fn: ``fn(workspace)`` or ``fn(workspace, ctx)``; runs on a worker thread; returns
        a result.
    """

    #: Run ops inline on the calling thread (pytest-qt tests).
    synchronous = False
    #: The error box shown last in synchronous mode (for tests).
    last_error_box: QMessageBox | None = None
    #: A damaged database was already reported to the user (reported once per run).
    damage_reported = False
    _latest: dict[str, int] = {}
    _running: set["Op"] = set()

    def __init__(self, parent: QWidget, fn: Callable[..., Any]):
        self.parent = parent
        self.fn = fn
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._stamp_key: str | None = None
        self._stamp = 0
        self._on_progress: Callable[[str, float], None] | None = None

    # -- builder ---------------------------------------------------------------------

    def with_progress(self, label: str, cancellable: bool = False) -> "Op":
        """Show a progress dialog with ``label`` after 300 ms of work; optionally with a
        Cancel button that sets ``ctx.cancelled``."""
        self._label = label
        self._cancellable = cancellable
        return self

    def on_progress(self, cb: Callable[[str, float], None]) -> "Op":
        """Also send progress reports ``(text, fraction or -1)`` to ``cb`` on the GUI thread
        (a page's own status line)."""
        self._on_progress = cb
        return self

    def success(self, cb: Callable[[Any], None]) -> "Op":
        """Call ``cb(result)`` on the GUI thread when ``fn`` returns."""
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> "Op":
        """Call ``cb(error)`` on the GUI thread instead of the default error message."""
        self._failure = cb
        return self

    def latest_only(self, key: str) -> "Op":
        """Drop this op's result if another op with the same ``key`` started after it
        (a new search was typed, another case was opened)."""
        self._stamp_key = key
        Op._latest[key] = Op._latest.get(key, 0) + 1
        self._stamp = Op._latest[key]
        return self

    # -- running ---------------------------------------------------------------------

    def _app(self):
        """The :class:`~eduapp.ui.app.App` of the parent widget or of the nearest widget
        above it that has one (pages and dialogs keep theirs as ``.app``)."""
        widget = self.parent
        while widget is not None:
            app = getattr(widget, "app", None)
            if app is not None and hasattr(app, "workspace"):
                return app
            widget = widget.parentWidget()
        raise RuntimeError("an Op needs a parent widget that belongs to the app")

    def run(self) -> None:
        """Start the op (returns at once unless ``Op.synchronous``)."""
        app = self._app()
        workspace = app.workspace
        relay = _Relay()
        ctx = OpContext(relay)
        takes_ctx = len(inspect.signature(self.fn).parameters) >= 2
        call = (lambda: self.fn(workspace, ctx)) if takes_ctx else (lambda: self.fn(workspace))
        dialog = self._make_dialog(ctx)

        def finish():
            Op._running.discard(self)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()
                dialog.deleteLater()

        def stale() -> bool:
            if self.parent is not None and not shiboken6.isValid(self.parent):
                return True  # the page or dialog was closed while the work ran
            return bool(self._stamp_key) and Op._latest.get(self._stamp_key) != self._stamp

        def done(result):
            finish()
            if stale():
                return
            changes = changes_of(result)
            if changes is not None and changes.any():
                app.changed.emit(changes)
            if self._success:
                self._success(result)

        def failed(error, details):
            finish()
            if stale():
                return
            if self._failure:
                self._failure(error)
            else:
                show_error(self.parent, error, details)

        def progress(text, fraction):
            if dialog is not None:
                if text:
                    dialog.setLabelText(text)
                if fraction >= 0:
                    dialog.setMaximum(1000)
                    dialog.setValue(int(fraction * 1000))
            if self._on_progress:
                self._on_progress(text, fraction)

        relay.progress.connect(progress)
        if Op.synchronous:
            try:
                result = call()
            except BaseException as e:  # noqa: BLE001
                failed(e, traceback.format_exc())
                return
            done(result)
            return
        relay.done.connect(done, Qt.QueuedConnection)
        relay.failed.connect(failed, Qt.QueuedConnection)
        self._relay = relay  # keep alive
        Op._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(call, relay))

    def _make_dialog(self, ctx: OpContext) -> QProgressDialog | None:
        if not self._label or Op.synchronous:
            return None
        dialog = QProgressDialog(self._label, None, 0, 0, self.parent)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(QApplication.translate("Op", "Cancel"))
            dialog.canceled.connect(ctx.cancelled.set)
        else:
            dialog.setCancelButton(None)
        return dialog
