"""GUI fixtures: ops run synchronously; an App over the temp bank; the main window."""

from __future__ import annotations

import gc

import pytest
import shiboken6

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
