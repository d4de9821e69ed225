#!/usr/bin/env python3
"""Render the main window on each page into PNG files, in English and Chinese, on a
temporary copy of the starter bank: ``python scripts/screenshot.py OUT_DIR``.

Run it under a real X server (``make screenshots`` starts Xvfb) to see what a person
sees; under ``QT_QPA_PLATFORM=offscreen`` it works too. :func:`starter_app` and
:func:`open_window` are the set-up that ``scripts/screenshot_students.py`` shares.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QTimer  # noqa: E402

from eduapp.bank import Bank  # noqa: E402
from eduapp.interop import parse_file  # noqa: E402
from eduapp.resources import QUESTION_BANKS  # noqa: E402
from eduapp.ui.app import App, install_language, make_qapp  # noqa: E402
from eduapp.ui.main_window import MainWindow  # noqa: E402


@contextlib.contextmanager
def starter_app():
    """``(qapp, app, out)``: the ``QApplication``, an :class:`App` over a temporary data
    folder holding the starter banks (closed and deleted afterwards), and the output
    folder (``sys.argv[1]``, else ``out/screenshots``; created)."""
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    os.makedirs(out, exist_ok=True)
    qapp = make_qapp()
    with tempfile.TemporaryDirectory() as data_dir:
        bank = Bank.open_in(data_dir)
        for name in sorted(os.listdir(QUESTION_BANKS)):
            if name.endswith(".json"):
                bank.import_result(parse_file(os.path.join(QUESTION_BANKS, name)))
        app = App(data_dir, bank)
        app.update_settings(starter_offered=True)
        try:
            yield qapp, app, out
        finally:
            app.workspace.close()


def open_window(qapp, app: App, language: str, height: int = 800) -> MainWindow:
    """A main window in ``language`` (``en``/``zh``), 1280 pixels wide, shown."""
    install_language(qapp, language)
    window = MainWindow(app)
    window.resize(1280, height)
    window.show()
    return window


def main() -> int:
    with starter_app() as (qapp, app, out):
        # one window at a time: two windows on one app would share the pages' stamped
        # "latest only" requests and drop each other's results
        keys = MainWindow(app).page_keys()
        shots = [(language, key, os.path.join(out, f"{language}-{key}.png"))
                 for language in ("en", "zh") for key in keys]
        current: dict = {}

        def window_for(language):
            if current.get("language") != language:
                if current.get("window") is not None:
                    current["window"].close()
                window = open_window(qapp, app, language)
                current.update(language=language, window=window)
            return current["window"]

        def take(n=0):
            if n >= len(shots):
                current["window"].close()
                qapp.quit()
                return
            language, key, path = shots[n]
            window = window_for(language)
            page = window.show_page(key)
            if key == "bank" and getattr(page, "model", None) is not None and page.model.ids:
                page.table.selectRow(0)

            def grab():
                window.grab().save(path)
                print(path)
                take(n + 1)
            QTimer.singleShot(400, grab)

        QTimer.singleShot(500, take)
        qapp.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
