#!/usr/bin/env python3
"""Render the main window on each page into PNG files, in English and Chinese, on a
temporary copy of the starter bank: ``python scripts/screenshot.py OUT_DIR``.

Run it under a real X server (``make screenshots`` starts Xvfb) to see what a person
sees; under ``QT_QPA_PLATFORM=offscreen`` it works too.
"""

from __future__ import annotations

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


def main() -> int:
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    os.makedirs(out, exist_ok=True)
    qapp = make_qapp()
    with tempfile.TemporaryDirectory() as data_dir:
        bank = Bank.open_in(data_dir)
        for name in sorted(os.listdir(QUESTION_BANKS)):
            if name.endswith(".json"):
                bank.import_result(parse_file(os.path.join(QUESTION_BANKS, name)))
        app = App(data_dir, bank)
        app.settings.starter_offered = True
        shots = []
        for language in ("en", "zh"):
            install_language(qapp, language)
            window = MainWindow(app)
            window.resize(1280, 800)
            window.show()
            for key in window.page_keys():
                shots.append((window, language, key,
                              os.path.join(out, f"{language}-{key}.png")))

        def take(n=0):
            if n >= len(shots):
                for w, *_rest in shots:
                    w.close()
                qapp.quit()
                return
            window, language, key, path = shots[n]
            install_language(qapp, language)  # pages are made when first shown
            window.raise_()
            page = window.show_page(key)
            if key == "bank" and getattr(page, "model", None) is not None and page.model.ids:
                page.table.selectRow(0)

            def grab():
                window.grab().save(path)
                print(path)
                take(n + 1)
            QTimer.singleShot(250, grab)

        QTimer.singleShot(500, take)
        qapp.exec()
        bank.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
