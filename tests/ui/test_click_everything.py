"""Click every enabled button and menu action of every page, in English and in Chinese,
the way a person exploring the app would, and fail on any exception.

Each dialog a click opens is closed again (as pressing Esc would), so a click that asks
for a file, a name or a confirmation gets "cancel". The kind of fault this catches:
``clicked.connect(self.method)`` handing the button's ``checked`` flag to an optional
parameter (New student…, Export PDFs…, Load…/Save… once failed on the first click).
"""

from __future__ import annotations

import logging
import os
import sys

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
                               QMessageBox, QTabWidget, QWidget)

from tests.conftest import REPO

UNREACHABLE = "http://127.0.0.1:9/v1"  # the discard port: a provider that fails at once


class DialogCloser:
    """Rejects every dialog that appears (modal ones inside their own event loop too)."""

    def __init__(self):
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.close_all)

    def close_all(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                self.seen.append(type(w).__name__)
                if isinstance(w, QMessageBox) and w.escapeButton() is None:
                    w.done(QMessageBox.No)
                else:
                    w.reject()


@pytest.fixture
def closer(qapp):
    c = DialogCloser()
    c.timer.start()
    yield c
    c.timer.stop()
    c.close_all()


@pytest.fixture
def excepthook(monkeypatch):
    """Every exception that reaches ``sys.excepthook``."""
    caught: list[str] = []

    def hook(kind, value, tb):
        caught.append(f"{kind.__name__}: {value}")
    monkeypatch.setattr(sys, "excepthook", hook)
    return caught


@pytest.fixture
def stocked_app(gui_app):
    """The app with the starter bank, a student and a provider that fails fast (so that
    Generate and the tutor answer with a sentence instead of starting the embedded model)."""
    from eduapp.interop import parse_file
    from eduapp.llm import ProviderStore
    from eduapp.llm.profiles import preset_profile
    folder = os.path.join(REPO, "question_banks")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            gui_app.bank.import_result(parse_file(os.path.join(folder, name), "eduapp-json"))
    store = ProviderStore(gui_app.data_dir)
    store.save(preset_profile("custom", "nowhere", base_url=UNREACHABLE,
                              model="none", timeout=2.0))
    gui_app.update_settings(default_provider="nowhere")
    gui_app.student_id, _ = gui_app.workspace.create_student("Li Wei", "MBBS")
    return gui_app


def _select_first_rows(page: QWidget) -> None:
    """Select the first row of every list or table that has rows and no selection, as a
    person picks something before pressing the buttons that act on it."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if (view.isVisible() and model is not None and model.rowCount() > 0
                and view.selectionModel() is not None
                and not view.selectionModel().hasSelection()):
            view.setCurrentIndex(model.index(0, 0))


def _click_all(qtbot, page: QWidget, clicked: list[str]) -> None:
    """Click each visible, enabled button once, in every tab of every tab widget; two
    passes, so buttons that an earlier click enabled (Export after Build) are pressed too."""
    done: set[int] = set()
    for _pass in range(2):
        tab_states: list[tuple[QTabWidget | None, int]] = [(None, -1)]
        for tabs in page.findChildren(QTabWidget):
            tab_states += [(tabs, i) for i in range(tabs.count())]
        for tabs, index in tab_states:
            if tabs is not None:
                if not shiboken6.isValid(tabs) or not tabs.isVisible():
                    continue
                tabs.setCurrentIndex(index)
            _select_first_rows(page)
            for button in page.findChildren(QAbstractButton):
                if not shiboken6.isValid(button) or id(button) in done:
                    continue
                if not (button.isVisible() and button.isEnabled()
                        and button.window() is page.window()):
                    continue
                done.add(id(button))
                clicked.append(button.text() or button.toolTip() or type(button).__name__)
                qtbot.mouseClick(button, Qt.LeftButton)
                qtbot.wait(5)


def tr(text: str) -> str:
    """``text`` in the installed interface language (whichever class translated it)."""
    for context in ("ExamsPage", "PracticePage", "MainWindow", "ItemBankPage"):
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


@pytest.mark.parametrize("language", ["en", "zh"])
def test_click_every_button_and_action(qtbot, qapp, stocked_app, closer, excepthook, caplog,
                                       language):
    from eduapp.ui.app import install_language
    from eduapp.ui.main_window import MainWindow
    install_language(qapp, language)
    try:
        window = MainWindow(stocked_app)
        qtbot.addWidget(window)
        window.show()
        clicked: list[str] = []
        with caplog.at_level(logging.ERROR):
            for key in window.page_keys():
                page = window.show_page(key)
                _click_all(qtbot, page, clicked)
                if getattr(page, "is_modified", lambda: False)():
                    # the case editor holds the clicks' edits: leaving it would ask, and
                    # the closer answers Cancel; drop them as a person would (Revert)
                    qtbot.mouseClick(page.revert_button, Qt.LeftButton)
            for menu_action in window.menuBar().actions():
                for action in menu_action.menu().actions():
                    if action.isSeparator() or not action.isEnabled():
                        continue
                    if action.text() == tr("&Quit"):
                        continue  # closing the window ends the tour
                    clicked.append(action.text())
                    action.trigger()
                    qtbot.wait(5)
        # the pages really were explored, the buttons that once failed on the first
        # click among them
        assert len(clicked) > 40, clicked
        for text in (tr("New student…"), tr("Export PDFs…"), tr("Load…"), tr("Save…"),
                     tr("&Settings…"), tr("Load the &starter bank")):
            assert text in clicked, (text, clicked)
        assert excepthook == []
        unexpected = [r.getMessage() for r in caplog.records if "unexpected error" in r.getMessage()]
        assert unexpected == []
    finally:
        install_language(qapp, "en")
