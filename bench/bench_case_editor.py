#!/usr/bin/env python3
"""How long the virtual-patient case editor takes per shipped case: showing a case (load),
rechecking every row after an edit (recheck: runs after each committed cell), reading the
form back (snapshot: runs after each keystroke, for the unsaved-changes mark) and listing
every problem (row_problems: Check / Save). Prints milliseconds; never asserts.

    QT_QPA_PLATFORM=offscreen python bench/bench_case_editor.py
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtWidgets import QApplication  # noqa: E402

from eduapp.ui.case_editor import CaseEditor  # noqa: E402
from eduapp.vpatient import shipped_cases  # noqa: E402


def _ms(fn, repeat: int = 10) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat * 1000


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    editor = CaseEditor("en")
    print(f"{'case':<20} {'facts':>5} {'items':>5} {'load':>7} {'recheck':>8} "
          f"{'snapshot':>8} {'problems':>8}   (ms)")
    for case in shipped_cases():
        data = case.to_dict()
        items = sum(len(s.items) for s in case.checklist.sections)
        load = _ms(lambda: editor.load(data), 3)
        print(f"{case.id:<20} {len(case.facts):>5} {items:>5} {load:>7.1f} "
              f"{_ms(editor.recheck):>8.1f} {_ms(editor.snapshot):>8.1f} "
              f"{_ms(editor.row_problems):>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
