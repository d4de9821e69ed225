"""Keeping the teacher's data safe in the app: File → Backups…, Tools → Check database,
the background check at start, automatic backups, and the read-only notice.

:class:`DataGuard` belongs to the main window: at start it checks the bank in the
background (``PRAGMA quick_check``, skipped while the file is unchanged since it last
passed) and, when the bank is damaged, says so at once with the choices (repair, restore
a backup, open another folder); while the app is open it backs the data folder up at most
every ``Settings.backup_interval_minutes`` when something changed. All the work runs in
:class:`~eduapp.ui.ops.Op` workers; the logic is in :mod:`eduapp.bank.backup`,
:mod:`eduapp.bank.check` and :mod:`eduapp.bank.repair`.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QDialogButtonBox,
                               QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..files import human_size
from .ops import Op, error_text

if TYPE_CHECKING:
    from ..workspace import Workspace


class BackupsDialog(QDialog):
    """File → Backups…: the backups with date, why, item count, size and check; Back up
    now, Restore (the current files are kept aside), Open folder.

    :param app: the :class:`~eduapp.ui.app.App`.
    :ivar restored: the :class:`~eduapp.bank.restore.RestoreResult` of a restore made here.
    """

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.restored = None
        self.backups = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "EduApp backs up the item bank, the practice history, the settings and media "
            "before imports, upgrades, bulk status changes and emptying the trash, every "
            "{minutes} minutes while you work, and when you close it.").format(
                minutes=app.settings.backup_interval_minutes))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Why"), self.tr("Items"),
                                              self.tr("Size"), self.tr("Check")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        for b in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.backup_button.setEnabled(not app.read_only)
        self.refresh()

    def reason_text(self, reason: str) -> str:
        """Why a backup was made, in words."""
        return {"manual": self.tr("by hand"), "auto": self.tr("automatic"),
                "close": self.tr("on closing"), "import": self.tr("before an import"),
                "migration": self.tr("before an upgrade"),
                "status": self.tr("before a status change"),
                "trash": self.tr("before emptying the trash"),
                "restore": self.tr("before a restore")}.get(reason, reason)

    def refresh(self) -> None:
        """List the backups again (read off the GUI thread)."""
        from ..bank.backup import list_backups
        Op(self, lambda ws: list_backups(ws.data_dir)).latest_only("backups-list") \
            .success(self._show).run()

    def _show(self, backups) -> None:
        self.backups = list(backups)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            check = {"ok": self.tr("good"), "damaged": self.tr("damaged"),
                     "unreadable": self.tr("unreadable")}.get(b.check, b.check)
            cells = [_dt.datetime.fromtimestamp(b.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                     self.reason_text(b.reason), "" if b.items is None else str(b.items),
                     human_size(b.size), check]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col in (2, 3):
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                cell.setToolTip(b.name)
                self.table.setItem(row, col, cell)
        if self.backups:
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("No backups yet."))
        self._selection_changed()

    def selected(self):
        """The backup selected in the list, or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _selection_changed(self) -> None:
        b = self.selected()
        self.restore_button.setEnabled(b is not None and b.check != "unreadable")

    def back_up_now(self) -> None:
        """Make a backup now (in the background)."""
        from ..bank.backup import create_backup

        def done(info):
            self.status.setText(self.tr("Backed up: {name}").format(name=info.name))
            self.refresh()
        Op(self, lambda ws: create_backup(ws.data_dir, "manual", settings=ws.settings)) \
            .with_progress(self.tr("Backing up…")).success(done).run()

    def restore_selected(self) -> None:
        """Ask, then put the selected backup back; the current files are kept aside."""
        b = self.selected()
        if b is None:
            return
        when = _dt.datetime.fromtimestamp(b.created_at).strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(self, self.tr("Restore a backup"), self.tr(
            "Go back to the backup of {when}? Changes made since then will no longer be in "
            "the bank. The current files are kept aside in the backups folder, not "
            "deleted.").format(when=when))
        if answer != QMessageBox.Yes:
            return
        def done(outcome):
            result, _changes = outcome
            self.restored = result
            self.status.setText(self.tr("Restored the backup of {when}. The files it replaced "
                                        "are kept in {path}.").format(
                                            when=when, path=result.kept_aside or "-"))
            self.refresh()
        Op(self, lambda ws: ws.restore_backup(b)) \
            .with_progress(self.tr("Restoring…")).success(done).run()

    def open_folder(self) -> None:
        """Show the backups folder in the file manager."""
        from ..bank.backup import backup_dir
        folder = backup_dir(self.app.data_dir)
        os.makedirs(folder, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


def problem_text(code: str, count: int, file: str) -> str:
    """One problem of a check, in words (translated)."""
    texts = {
        "unreadable": QApplication.translate(
            "Safety", "The file {file} cannot be opened."),
        "integrity": QApplication.translate(
            "Safety", "The file {file} is damaged ({n} error(s) found by SQLite)."),
        "foreign_key": QApplication.translate(
            "Safety", "{n} row(s) refer to rows that are missing."),
        "schema": QApplication.translate(
            "Safety", "The bank's version does not match this EduApp."),
        "schema_newer": QApplication.translate(
            "Safety", "The bank's version does not match this EduApp."),
        "search_index": QApplication.translate(
            "Safety", "The search index is damaged or out of step."),
        "item_invalid": QApplication.translate(
            "Safety", "{n} item(s) break a rule and need editing."),
        "set_missing": QApplication.translate(
            "Safety", "{n} question(s) belong to a missing set."),
        "set_incomplete": QApplication.translate(
            "Safety", "{n} item set(s) have fewer than two questions."),
        "set_trashed": QApplication.translate(
            "Safety", "{n} item set(s) have their questions in the trash."),
        "set_order": QApplication.translate(
            "Safety", "{n} item set(s) have their questions out of order."),
        "media_missing": QApplication.translate(
            "Safety", "{n} image(s) or file(s) used by items are missing."),
        "media_damaged": QApplication.translate(
            "Safety", "{n} media file(s) do not match their checksum."),
        "media_orphan": QApplication.translate(
            "Safety", "{n} media file(s) are not used by anything."),
        "twin": QApplication.translate(
            "Safety", "{n} translation link(s) point one way only."),
        "version_missing": QApplication.translate(
            "Safety", "{n} item(s) lack a history entry for their current version."),
        "version_future": QApplication.translate(
            "Safety", "{n} history entries are newer than their item."),
        "version_snapshot": QApplication.translate(
            "Safety", "{n} older version(s) lost their saved copy."),
    }
    return texts.get(code, code).format(n=count, file=file)


def report_text(report) -> str:
    """A :class:`~eduapp.bank.check.CheckReport` in words (translated)."""
    if report.ok:
        return QApplication.translate(
            "Safety", "No problems found: {items} items checked in {seconds:.1f} s.") \
            .format(items=report.items or 0, seconds=report.seconds)
    lines = [QApplication.translate("Safety", "The check found these problems:")]
    for p in report.problems:
        mark = "" if p.repairable else " " + QApplication.translate(
            "Safety", "(needs a person: open the item to fix it)")
        lines.append("• " + problem_text(p.code, p.count, p.file) + mark)
    return "\n".join(lines)


def details_text(report) -> str:
    """The check's details pane: each problem in words (translated) with the file it is
    in and the examples the check found (rows, ids: data, shown as recorded)."""
    lines = []
    for p in report.problems:
        lines.append(f"{p.file}: " + problem_text(p.code, p.count, p.file))
        lines.extend(f"    {e}" for e in p.examples)
    return "\n".join(lines)


def repair_text(result) -> str:
    """A :class:`~eduapp.bank.repair.RepairReport` in words (translated; what was lost is
    listed as the repair wrote it)."""
    lines = []
    if result.after is not None and result.after.ok:
        lines.append(QApplication.translate("Safety", "Everything was repaired."))
    elif result.after is not None:
        lines.append(QApplication.translate(
            "Safety", "Repaired what could be repaired. Still to do:"))
        lines += ["• " + problem_text(p.code, p.count, p.file) for p in result.after.problems]
    if result.restored_from:
        lines.append(QApplication.translate(
            "Safety", "Rows were taken back from the backup {name}.").format(
            name=result.restored_from))
    if result.lost:
        lines.append(QApplication.translate("Safety", "Lost (not in any backup):") + "\n"
                     + "\n".join("• " + x for x in result.lost))
    else:
        lines.append(QApplication.translate("Safety", "Nothing was lost."))
    for path in result.kept_aside:
        lines.append(QApplication.translate(
            "Safety", "The damaged file is kept as {path}.").format(path=path))
    return "\n".join(lines)


class DataGuard(QObject):
    """The main window's guard over the data folder (see the module doc).

    :param window: the main window (its status bar shows the notices).
    :ivar last_report: the latest check report shown (for tests and the status line).
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.app = window.app
        self.last_report = None
        self.last_repair = None
        self.damaged_message = ""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.backup_if_changed)
        minutes = max(1, int(self.app.settings.backup_interval_minutes or 30))
        self.timer.start(minutes * 60_000)
        self.notice = QLabel()
        self.notice.setObjectName("dataNotice")
        window.statusBar().addWidget(self.notice)
        if self.app.read_only:
            self.notice.setText(self.tr("Read-only: this data folder cannot be changed"))
            self.notice.setToolTip(self.tr("The data folder {path} is on a read-only medium or "
                                           "you may not write to it. You can search, practise, "
                                           "export and print, but not change the bank.")
                                   .format(path=self.app.data_dir))

    # -- start-up check ------------------------------------------------------------------

    def start(self) -> None:
        """Check the bank in the background; report damage at once."""
        from ..bank import check
        from ..config import BANK_FILE

        def quick(ws: Workspace):
            path = os.path.join(ws.data_dir, BANK_FILE)
            if check.is_verified(path):
                return None
            problem = check.quick_check(path)
            if problem is None and not ws.read_only:
                check.stamp_verified(path)
            return problem
        Op(self.window, quick).success(self._quick_done).run()

    def _quick_done(self, problem) -> None:
        if problem:
            self.damaged_message = problem
            self.notice.setText(self.tr("The bank is damaged: use Tools → Check database"))
            self.show_damaged(problem)

    def show_damaged(self, problem: str) -> None:
        """Say the bank is damaged and offer: repair, restore a backup, open another
        folder (or decide later; the status bar keeps saying so)."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Critical)
        box.setWindowTitle(self.tr("The bank is damaged"))
        box.setText(self.tr("The item bank in {path} is damaged ({problem}). Searches and "
                            "counts may be wrong until it is repaired.").format(
                                path=self.app.data_dir, problem=problem))
        box.setInformativeText(self.tr("Repair recovers what can still be read and adds back "
                                       "what the latest backup holds; the damaged file is "
                                       "kept."))
        repair = box.addButton(self.tr("Repair"), QMessageBox.AcceptRole)
        restore = box.addButton(self.tr("Restore a backup…"), QMessageBox.ActionRole)
        other = box.addButton(self.tr("Open another folder…"), QMessageBox.ActionRole)
        box.addButton(self.tr("Later"), QMessageBox.RejectRole)
        self.damaged_box = box
        box.buttonClicked.connect(lambda b: self._damaged_choice(b, repair, restore, other))
        box.open()

    def _damaged_choice(self, button, repair, restore, other) -> None:
        if button is repair:
            self.repair()
        elif button is restore:
            self.window.open_backups()
        elif button is other:
            self.open_other_folder()

    def open_other_folder(self) -> None:
        """Choose another data folder; EduApp opens it at the next start."""
        from ..config import choose_data_dir
        from ..errors import EduAppError
        path = QFileDialog.getExistingDirectory(self.window, self.tr("Data folder"),
                                                self.app.data_dir)
        if path:
            try:
                choose_data_dir(path)  # the app and the eduapp command both open it next
            except EduAppError as e:
                QMessageBox.warning(self.window, self.tr("Data folder"), error_text(e))
                return
            QMessageBox.information(self.window, self.tr("Data folder"), self.tr(
                "EduApp will open {path} the next time it starts.").format(path=path))

    # -- Tools → Check database -------------------------------------------------------------

    def check_database(self) -> None:
        """Run the full check in the background and show the report in words, with a
        Repair button when something can be repaired."""
        from ..bank.check import check_data_folder

        def run(ws: Workspace, ctx):
            return check_data_folder(ws.data_dir,
                                     progress=lambda stage, f: ctx.progress(stage, f))
        Op(self.window, run).with_progress(self.tr("Checking the database…")) \
            .success(self._show_report).run()

    def _show_report(self, report) -> None:
        self.last_report = report
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Check database"))
        box.setIcon(QMessageBox.Information if report.ok else QMessageBox.Warning)
        box.setText(report_text(report))
        if not report.ok:
            box.setDetailedText(details_text(report))
        repair = None
        if any(p.repairable for p in report.problems) and not self.app.read_only:
            repair = box.addButton(self.tr("Repair"), QMessageBox.AcceptRole)
            box.buttonClicked.connect(lambda b: b is repair and self.repair(report))
        box.addButton(QMessageBox.Close)
        self.report_box = box
        if report.ok:
            self.damaged_message = ""
            self.notice.setText("" if not self.app.read_only else self.notice.text())
        box.open()

    def repair(self, report=None) -> None:
        """Repair in the background (the stores are closed and reopened around it) and
        show what was done and what was lost."""
        def run(ws: Workspace, ctx):
            return ws.repair(report, progress=lambda stage, f: ctx.progress(stage, f))
        Op(self.window, run).with_progress(self.tr("Repairing…")) \
            .success(lambda outcome: self._show_repair(outcome[0])).run()

    def _show_repair(self, result) -> None:
        self.last_repair = result
        if result.after is not None and not result.after.damaged_files:
            self.damaged_message = ""
            self.notice.setText("")
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Repair"))
        box.setIcon(QMessageBox.Information)
        box.setText(repair_text(result))
        box.setDetailedText("\n".join(result.lines()))
        box.addButton(QMessageBox.Close)
        self.repair_box = box
        box.open()

    # -- automatic backups ------------------------------------------------------------------

    def backup_if_changed(self) -> None:
        """The timer's backup: only when automatic backups are on, the folder can be
        written and something changed since the newest backup; failures go to the status
        bar, never a dialog in the middle of the user's work."""
        if self.app.read_only or not self.app.settings.backups_auto:
            return
        from ..bank.backup import auto_backup

        def shown(info):
            if info is not None:
                self.window.statusBar().showMessage(self.tr("Backed up"), 4000)

        def failed(error):
            self.window.statusBar().showMessage(
                self.tr("The automatic backup failed: {error}").format(error=error_text(error)), 15000)
        Op(self.window, lambda ws: auto_backup(ws.data_dir, "auto", settings=ws.settings)) \
            .latest_only("auto-backup").success(shown).failure(failed).run()
