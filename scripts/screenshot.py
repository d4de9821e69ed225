#!/usr/bin/env python3
"""Render the main window on each page into PNG files, in English and Chinese, on a
temporary copy of the starter bank: ``python scripts/screenshot.py OUT_DIR [--size WxH]``.

``--size`` sets the window size (default 1280x800); ``--size min`` shrinks it to the
smallest size its layouts allow (what a person gets by dragging the corner inwards), so
cut or overlapping labels show.

Run it under a real X server (``make screenshots`` starts Xvfb) to see what a person
sees; under ``QT_QPA_PLATFORM=offscreen`` it works too.
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="out/screenshots")
    parser.add_argument("--size", default="1280x800", help="WxH, or min")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    qapp = make_qapp()
    with tempfile.TemporaryDirectory() as data_dir:
        bank = Bank.open_in(data_dir)
        for name in sorted(os.listdir(QUESTION_BANKS)):
            if name.endswith(".json"):
                bank.import_result(parse_file(os.path.join(QUESTION_BANKS, name)))
        app = App(data_dir, bank)
        app.update_settings(starter_offered=True)
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
                app.update_settings(language=language)  # as the Settings dialog does
                install_language(qapp, language)
                window = MainWindow(app)
                if args.size == "min":
                    window.resize(window.minimumSizeHint())
                else:
                    w, h = (int(v) for v in args.size.lower().split("x"))
                    window.resize(w, h)
                window.show()
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
        bank.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
