#!/usr/bin/env python3
"""Render the student pages in use into PNG files, in English and Chinese, on a temporary
copy of the starter bank: ``python scripts/screenshot_students.py OUT_DIR``.

Shots per language: the practice builder, a checked question (feedback, rating row,
highlight, struck option, lab values), the progress dashboard, the study plan and the
exam-date calendar. The
student answers the starter questions first (a few right, a few wrong). Run it under Xvfb
(``xvfb-run -a python scripts/screenshot_students.py out``) to see what a person sees.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from eduapp.practice import TestSpec  # noqa: E402
from eduapp.ui.ops import Op  # noqa: E402
from screenshot import open_window, starter_app  # noqa: E402  (scripts/ is on the path)


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
    Op.synchronous = True
    with starter_app() as (qapp, app, out):
        app.student_id, _ = app.workspace.create_student("Li Wei", "MBBS")
        for language in ("en", "zh"):
            _practise(app, language)
        for language in ("en", "zh"):
            app.update_settings(language=language)
            window = open_window(qapp, app, language, height=860)

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
            # the exam-date calendar, open (a popup: grabbed from the screen)
            field = prog.exam_date
            field.menu.popup(field.mapToGlobal(field.rect().bottomLeft()))
            QTest.qWait(250)
            path = os.path.join(out, f"{language}-progress-calendar.png")
            qapp.primaryScreen().grabWindow(0).save(path)
            print(path)
            field.menu.hide()
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
