"""GUI fixtures: ops run synchronously; an App over the temp bank; the main window. And
helpers several GUI tests share: the Item bank page with a row clicked, and acting on a
dialog once it is open."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from eduapp.ui.ops import Op


@pytest.fixture(autouse=True)
def synchronous_ops():
    """Run every ``Op`` inline so tests see results at once."""
    Op.synchronous = True
    yield
    Op.synchronous = False
    Op.last_error_box = None
    gc.unfreeze()  # the main window freezes the start-up heap; let tests' garbage go


@pytest.fixture
def gui_app(qapp, bank, data_dir):
    """The ``App`` (services) over the temp bank, with fonts and style loaded."""
    from eduapp.ui.app import App, make_qapp
    make_qapp()
    app = App(data_dir, bank)
    app.settings.starter_offered = True
    yield app


@pytest.fixture
def window(qtbot, gui_app):
    """The main window, shown."""
    from eduapp.ui.main_window import MainWindow
    w = MainWindow(gui_app)
    w.show()
    yield w
    if shiboken6.isValid(w):
        w.rebuilding = True  # closing after the test asks nothing about unsaved edits
        w.close()
        w.deleteLater()


def bank_page(window):
    """The Item bank page of ``window``, shown, its list read again (so items saved
    straight into the bank since appear)."""
    page = window.show_page("bank")
    page.run_query()
    return page


def click_item_row(qtbot, page, item_id: int) -> None:
    """Click the row of item ``item_id`` in the Item bank page's table (its stem cell), as
    a person selects it."""
    row = page.model.ids.index(item_id)
    rect = page.table.visualRect(page.model.index(row, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())


def when_dialog_opens(dialog_class, action, *, accept: bool = True) -> None:
    """Once a visible ``dialog_class`` window is up (looked for every 20 ms from the next
    turn of the event loop), run ``action(dialog)``, then accept the dialog (unless
    ``accept`` is false: the action closes it by a click). Call it before the click that
    opens a modal dialog."""
    def poll():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, dialog_class) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            action(dialog)
        finally:
            if accept:
                dialog.accept()
    QTimer.singleShot(0, poll)


@pytest.fixture
def zh(qapp, gui_app):
    """The app in Chinese: the settings file says zh and the Chinese translator is installed
    (English again afterwards)."""
    from eduapp.ui.app import install_language
    gui_app.update_settings(language="zh")
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


@pytest.fixture
def vp_app(gui_app, bank, data_dir):
    """The GUI app with a practice service over the test bank and one student, Li Wei
    (what the virtual-patient pages need)."""
    from eduapp.practice import PracticeService, PracticeStore
    svc = PracticeService(bank, PracticeStore.open_in(data_dir))
    gui_app.workspace.use_practice(svc)
    svc.create_profile("Li Wei", "MBBS")
    yield gui_app
    svc.close()


def select_row(lst, text: str) -> None:
    """Select the first row of the list widget ``lst`` whose text contains ``text``."""
    for row in range(lst.count()):
        if text in lst.item(row).text():
            lst.setCurrentRow(row)
            return
    raise AssertionError(f"{text!r} not in the list")
