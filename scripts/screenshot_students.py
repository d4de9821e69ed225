#!/usr/bin/env python3
"""Render the student pages in use into PNG files, in English and Chinese, on a temporary
copy of the starter bank: ``python scripts/screenshot_students.py OUT_DIR``.

Shots per language: the practice builder, a checked question (feedback, rating row,
highlight, struck option, lab values), the progress dashboard and the study plan. The
student answers the starter questions first (a few right, a few wrong). Run it under Xvfb
(``xvfb-run -a python scripts/screenshot_students.py out``) to see what a person sees;
``--size WxH`` (or ``--size min``) as in ``scripts/screenshot.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from eduapp.bank import Bank  # noqa: E402
from eduapp.interop import parse_file  # noqa: E402
from eduapp.practice import TestSpec  # noqa: E402
from eduapp.resources import QUESTION_BANKS  # noqa: E402
from eduapp.ui.app import App, install_language, make_qapp  # noqa: E402
from eduapp.ui.main_window import MainWindow  # noqa: E402
from eduapp.ui.ops import Op  # noqa: E402


def _practise(app, language: str) -> None:
    """Answer the starter questions of ``language``: every third one wrong."""
    svc = app.workspace.practice
    s = svc.start(app.student_id, TestSpec(types=["sba"], languages=[language], count=24,
                                           seed=3))
    for k in range(len(s)):
        q = s.question()
        keys = q.item.key_indices
        wrong = [i for i in range(len(q.item.options)) if i not in keys]
        s.choose_option(wrong[0] if k % 3 == 0 and wrong else keys[0])
        s.check()
        if k + 1 < len(s):
            s.next()
    s.submit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="out/screenshots")
    parser.add_argument("--size", default="1280x860", help="WxH, or min")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    qapp = make_qapp()
    Op.synchronous = True
    with tempfile.TemporaryDirectory() as data_dir:
        bank = Bank.open_in(data_dir)
        for name in sorted(os.listdir(QUESTION_BANKS)):
            if name.endswith(".json"):
                bank.import_result(parse_file(os.path.join(QUESTION_BANKS, name)))
        app = App(data_dir, bank)
        app.settings.starter_offered = True
        app.student_id, _ = app.workspace.create_student("Li Wei", "MBBS")
        for language in ("en", "zh"):
            _practise(app, language)
        for language in ("en", "zh"):
            app.update_settings(language=language)
            install_language(qapp, language)
            window = MainWindow(app)
            if args.size == "min":
                window.resize(window.minimumSizeHint())
            else:
                w, h = (int(v) for v in args.size.lower().split("x"))
                window.resize(w, h)
            window.show()

            def shot(name: str) -> None:
                QTest.qWait(150)
                path = os.path.join(out, f"{language}-{name}.png")
                window.grab().save(path)
                print(path)
            page = window.show_page("practice")
            shot("practice-builder")
            page.start_spec(TestSpec(types=["sba"], languages=[language], count=5, seed=7))
            q = page.session.question()
            page.stem_label.setSelection(0, min(12, len(q.item.full_stem)))
            page.highlight_selection()
            QTest.mouseClick(page._option_buttons[-1], Qt.RightButton)
            QTest.keyClick(page, Qt.Key_1)
            QTest.keyClick(page, Qt.Key_Return)
            page.lab_button.setChecked(True)
            shot("practice-question")
            page.leave()
            prog = window.show_page("progress")
            prog.tabs.setCurrentIndex(0)
            shot("progress-dashboard")
            prog.tabs.setCurrentIndex(1)
            shot("progress-plan")
            window.close()
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
