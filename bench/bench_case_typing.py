#!/usr/bin/env python3
"""How long a keystroke takes in the teacher's case editor (Patient cases page), with the
chest-pain case loaded: 40 characters typed into the chief complaint and into the
diagnosis field (whose text the checklist refers to) through QTest, the event loop
processed after each key as a teacher's typing would. Prints the mean and the worst
milliseconds per key, then the time of the settled check that follows a pause in typing;
never asserts.

    QT_QPA_PLATFORM=offscreen python bench/bench_case_typing.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from eduapp.ui.app import App, make_qapp  # noqa: E402
from eduapp.ui.pages.patients import PatientsPage  # noqa: E402


def _type(widget, text: str) -> list[float]:
    times = []
    for ch in text:
        start = time.perf_counter()
        QTest.keyClicks(widget, ch)
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    qapp = make_qapp([])
    with tempfile.TemporaryDirectory() as data:
        app = App(data)
        page = PatientsPage(app)
        page.resize(1200, 800)
        page.show()
        page.on_shown()
        for row in range(page.case_list.count()):
            if page.case_list.item(row).data(0x0100) == "chest-pain-en":
                page.case_list.setCurrentRow(row)
        ed = page.editor
        text = " with sweating and nausea for an hour"[:40]
        for name, widget in (("chief complaint", ed.f_cc), ("diagnosis", ed.f_dx)):
            widget.setFocus()
            widget.end(False)
            times = _type(widget, text)
            start = time.perf_counter()
            if hasattr(page, "settle"):
                page.settle()
            settled = (time.perf_counter() - start) * 1000
            print(f"{name:<16} {len(times)} keys: mean {sum(times) / len(times):6.1f} ms, "
                  f"worst {max(times):6.1f} ms per key; check after a pause {settled:6.1f} ms")
    del qapp
    return 0


if __name__ == "__main__":
    sys.exit(main())
