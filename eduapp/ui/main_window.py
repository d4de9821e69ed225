"""The main window: a teacher and a student workspace in a side bar, pages in a stack,
a status bar, the settings dialog."""

from __future__ import annotations

import gc
import importlib
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget)

from ..domain import Changes
from ..resources import ASSETS, QUESTION_BANKS
from .ops import Op

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger(__name__)

STARTER_DIR = QUESTION_BANKS


class MainWindow(QMainWindow):
    """Side bar with the teacher workspace (Item bank, Generate, Exams, Virtual patients)
    and the student workspace (Practice, Progress, Virtual patients); pages in a stack.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app: App):
        super().__init__()
        self.app = app
        # "[*]": the title shows a mark while an editor holds unsaved edits
        self.setWindowTitle(self.tr("EduApp — medical teaching") + "[*]")
        self.resize(1280, 800)
        self.pages: dict[str, QWidget] = {}
        #: set while the window is replaced by a rebuilt one (a language change): its
        #: pages' state moves to the new window, so closing it asks nothing
        self.rebuilding = False
        self._build()
        app.changed.connect(self._on_changes)
        self._restore_state()

    def page_specs(self) -> list[tuple[str, str | None, str, str, str]]:
        """``(key, workspace heading, title, module.Class, description)`` in side-bar order
        (the description is the entry's tooltip)."""
        return [
            ("bank", self.tr("Teacher"), self.tr("Item bank"), "item_bank.ItemBankPage",
             self.tr("Search, edit, review and import the questions of your bank.")),
            ("generate", None, self.tr("Generate"), "generate.GeneratePage",
             self.tr("Generate lecture notes, case studies and exam questions with a language "
                     "model, review them with their quality-gate findings, and keep them in "
                     "the bank.")),
            ("item_models", None, self.tr("Item models"), "item_models.ItemModelsPage",
             self.tr("Generate many questions offline from item models and knowledge "
                     "tables.")),
            ("exams", None, self.tr("Exams"), "exams.ExamsPage",
             self.tr("Assemble exams from blueprints, shuffle forms and print papers, keys, "
                     "answer sheets and handouts.")),
            ("marking", None, self.tr("Marking"), "marking.MarkingPage",
             self.tr("Read scanned answer sheets, review doubtful marks, score the class "
                     "and analyse the items.")),
            ("patients", None, self.tr("Patient cases"), "patients.PatientsPage",
             self.tr("Write and review virtual-patient cases for students to interview.")),
            ("practice", self.tr("Student"), self.tr("Practice"), "practice.PracticePage",
             self.tr("Practise offline in tutor or timed mode with instant feedback and "
                     "spaced repetition.")),
            ("progress", None, self.tr("Progress"), "progress.ProgressPage",
             self.tr("See accuracy by topic, weak areas and a recommended learning path.")),
            ("interview", None, self.tr("Patient interview"), "interview.InterviewPage",
             self.tr("Interview a virtual patient, then get scored and debriefed.")),
        ]

    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("sideBar")
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._rows: list[str] = []
        self._specs: dict[str, tuple[str, str, str]] = {}
        for key, heading, title, target, description in self.page_specs():
            if heading:
                head = QListWidgetItem(heading)
                head.setFlags(Qt.NoItemFlags)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                self.nav.addItem(head)
                self._rows.append("")
            entry = QListWidgetItem(title)
            entry.setData(Qt.UserRole, key)
            entry.setToolTip(description)
            self.nav.addItem(entry)
            self._rows.append(key)
            self._specs[key] = (title, target, description)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(self._rows.index("bank"))

        menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.Preferences)
        settings.triggered.connect(self.open_settings)
        menu.addAction(settings)
        starter = QAction(self.tr("Load the &starter bank"), self)
        starter.triggered.connect(lambda: self.load_starter_bank(ask=False))
        menu.addAction(starter)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.open_backups)
        menu.addAction(self.backups_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.check_action = QAction(self.tr("&Check database"), self)
        tools.addAction(self.check_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.HelpContents)
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About EduApp"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        QTimer.singleShot(300, self.refresh_status)  # after the first rows are shown
        from .safety import DataGuard  # backups, the background check, read-only notice
        self.guard = DataGuard(self)
        self.check_action.triggered.connect(self.guard.check_database)
        QTimer.singleShot(0, self.guard.start)
        # Objects made at start-up (Qt wrappers, the bank, imported modules) live as long
        # as the app; moving them into the collector's permanent generation (gc.freeze)
        # spares every later full collection from walking them while it holds the GIL.
        # Without this, the first full collection (typically while the first generation
        # builds openai's response types) paused the event loop for about 80 ms.
        QTimer.singleShot(0, gc.freeze)

    def _make_page(self, title: str, target: str, description: str) -> QWidget:
        """The page ``module.Class`` of ``eduapp.ui.pages`` (imported on first show)."""
        module_name, cls_name = target.split(".")
        module = importlib.import_module(f"eduapp.ui.pages.{module_name}")
        return getattr(module, cls_name)(self.app)

    def page_keys(self) -> list[str]:
        """Keys of every page, in side-bar order (``bank``, ``generate`` ...)."""
        return [k for k in self._rows if k]

    def page(self, key: str) -> QWidget:
        """The page ``key``, made on first use: start-up builds only the page shown first,
        so opening the app does not wait for pages nobody has looked at yet."""
        if key not in self.pages:
            page = self._make_page(*self._specs[key])
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        key = self._rows[row] if 0 <= row < len(self._rows) else ""
        if not key:
            return
        current = self.stack.currentWidget()
        leave = getattr(current, "can_leave", None)
        if current is not None and current is not self.pages.get(key) and callable(leave) \
                and not leave():
            # Cancel on unsaved edits: stay on the page
            for r, k in enumerate(self._rows):
                if k and self.pages.get(k) is current:
                    self.nav.blockSignals(True)
                    self.nav.setCurrentRow(r)
                    self.nav.blockSignals(False)
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        shown = getattr(page, "on_shown", None)
        if callable(shown):
            shown()

    def show_page(self, key: str) -> QWidget:
        """Switch to the page ``key`` (``bank``, ``generate``, ``exams`` ...) and return it."""
        self.nav.setCurrentRow(self._rows.index(key))
        return self.page(key)

    def current_page_key(self) -> str:
        """The key of the page shown now."""
        for key, page in self.pages.items():
            if page is self.stack.currentWidget():
                return key
        return "bank"

    def page_states(self) -> dict[str, dict]:
        """What each page that was opened holds and would lose when the window is rebuilt
        (a language change): ``{page key: state}`` from the pages' ``save_state()``."""
        states = {}
        for key, page in self.pages.items():
            save = getattr(page, "save_state", None)
            if callable(save):
                states[key] = save()
        return states

    def restore_page_states(self, states: dict[str, dict]) -> None:
        """Give the pages of a rebuilt window what the old window's pages held
        (:meth:`page_states`): a built exam, the Generate form, unsaved edits."""
        for key, state in states.items():
            if key not in self._specs:
                continue
            restore = getattr(self.page(key), "restore_state", None)
            if callable(restore):
                restore(state)

    def _on_changes(self, changes: Changes) -> None:
        if changes.items or changes.documents:
            self.refresh_status()
        for page in list(self.pages.values()):
            handler = getattr(page, "on_changes", None)
            if callable(handler):
                handler(changes)

    def refresh_status(self) -> None:
        """Show the bank's size and the data folder in the status bar (counted off the GUI
        thread)."""
        Op(self, lambda ws: ws.bank.stats()).latest_only("status-bar") \
            .success(self._show_status).run()

    def _show_status(self, stats: dict) -> None:
        self.status_label.setText(self.tr("{items} items · {sets} sets · {docs} documents · {path}")
                                  .format(items=stats["items"], sets=stats["sets"],
                                          docs=stats["documents"], path=self.app.data_dir))

    # -- starter bank -------------------------------------------------------------------

    def starter_files(self) -> list[str]:
        """The shipped starter bank files (``question_banks/*.json``)."""
        if not os.path.isdir(STARTER_DIR):
            return []
        return sorted(os.path.join(STARTER_DIR, f) for f in os.listdir(STARTER_DIR)
                      if f.endswith(".json"))

    def offer_starter_bank(self) -> None:
        """On the first start with an empty bank, offer to load the starter bank (once)."""
        if self.app.settings.starter_offered or self.app.bank.count() > 0:
            return
        if not self.starter_files():
            return
        self.app.update_settings(starter_offered=True)
        self.load_starter_bank(ask=True)

    def load_starter_bank(self, ask: bool = True) -> None:
        """Import the starter bank (bilingual items, sets and lecture notes) in the
        background."""
        files = self.starter_files()
        if ask:
            answer = QMessageBox.question(self, self.tr("Starter bank"), self.tr(
                "Your item bank is empty. Load the starter bank (reviewed English and Chinese "
                "questions across eight systems, with lecture notes)?"))
            if answer != QMessageBox.Yes:
                return

        def done(outcome):
            summary = outcome.summary
            self.statusBar().showMessage(self.tr("Starter bank: {n} items imported, {d} documents")
                                         .format(n=summary.imported, d=summary.documents), 8000)

        Op(self, lambda ws: ws.import_files(files, "eduapp-json")) \
            .with_progress(self.tr("Loading the starter bank…")).success(done).run()

    # -- dialogs ----------------------------------------------------------------------

    def open_settings(self) -> None:
        """Open the settings dialog; apply a language change at once."""
        from .settings_dialog import SettingsDialog
        SettingsDialog(self.app, self).exec()

    def open_guide(self) -> None:
        """Show the short user guide (teachers and students) in the interface language."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser
        language = "zh" if self.app.ui_language() == "zh" else "en"
        path = os.path.join(ASSETS, "guide", f"guide_{language}.md")
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except OSError:
            text = self.tr("The user guide is missing from this installation ({path}).") \
                .format(path=path)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("User guide"))
        dialog.resize(760, 640)
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(text)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()

    def open_backups(self) -> None:
        """File → Backups…: list, back up now, restore, open the folder."""
        from .safety import BackupsDialog
        self.backups_dialog = BackupsDialog(self.app, self)
        self.backups_dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.backups_dialog.open()

    def _about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, self.tr("About EduApp"), self.tr(
            "EduApp {version}\nLLM-assisted medical teaching: item bank, exams, practice and "
            "virtual patients, in English and Simplified Chinese.").format(version=__version__))

    # -- window state -----------------------------------------------------------------

    def _restore_state(self) -> None:
        state = QSettings()
        geometry = state.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.rebuilding:
            for page in [self.stack.currentWidget(), *self.pages.values()]:
                leave = getattr(page, "can_leave", None)
                if callable(leave) and not leave():
                    event.ignore()  # Cancel on unsaved edits: the window stays open
                    return
        QSettings().setValue("main/geometry", self.saveGeometry())
        try:
            self.app.changed.disconnect(self._on_changes)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
