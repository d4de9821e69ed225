"""At 1024x700, in English and Chinese, no button or one-line label of the teacher and
student pages is cut: each is at least as wide as its text needs and lies inside the
widgets around it (a scroll area that only scrolls up and down included). The rows that
wrap use :class:`~eduapp.ui.flow_layout.FlowLayout`, which is tested here too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QLabel, QPushButton,
                               QTabBar, QWidget)

from eduapp.ui.flow_layout import FlowLayout
from tests.conftest import make_sba

#: The pages of this check (the virtual-patient pages are checked with their own work).
PAGES = ("bank", "generate", "item_models", "exams", "marking", "practice", "progress")


def _inside_item_view(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, (QAbstractItemView, QTabBar)):
            return True  # cells and tab buttons scroll sideways by design
        p = p.parentWidget()
    return False


def _cut(page: QWidget) -> list[str]:
    """Descriptions of the visible buttons and one-line labels of ``page`` that are cut."""
    out = []
    for w in page.findChildren(QWidget):
        if not w.isVisible() or _inside_item_view(w):
            continue
        if isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QLabel) and not w.wordWrap() and w.pixmap().isNull():
            text = w.text()
        else:
            continue
        if not text.strip():
            continue
        if w.width() + 1 < w.minimumSizeHint().width():
            out.append(f"{text!r}: {w.width()} px wide, needs {w.minimumSizeHint().width()}")
            continue
        # inside every ancestor up to the page (a clipped right edge is cut text)
        p = w.parentWidget()
        while p is not None and p is not page.parentWidget():
            right = w.mapTo(p, QPoint(w.width(), 0)).x()
            if right > p.width() + 1:
                out.append(f"{text!r}: right edge {right} beyond {type(p).__name__} "
                           f"({p.width()} px)")
                break
            p = p.parentWidget()
    return out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_nothing_is_cut_at_1024_by_700(qtbot, qapp, gui_app, bank, language):
    from eduapp.ui.app import install_language
    from eduapp.ui.main_window import MainWindow
    for i in range(12):
        bank.save_item(make_sba(f"A long question stem number {i} about heart failure?",
                                topic="heart failure with reduced ejection fraction",
                                system="cardiology", status="approved"))
    gui_app.student_id, _ = gui_app.workspace.create_student("Li Wei", "MBBS")
    install_language(qapp, language)
    try:
        window = MainWindow(gui_app)
        qtbot.addWidget(window)
        window.show()
        window.resize(1024, 700)
        problems = {}
        for key in PAGES:
            page = window.show_page(key)
            qtbot.wait(30)
            cut = _cut(page)
            if window.width() > 1024:
                cut.append(f"the window grew to {window.width()} px")
            if cut:
                problems[key] = cut
        window.rebuilding = True  # closing asks nothing
        window.close()
        assert problems == {}
    finally:
        install_language(qapp, "en")


def test_flow_layout_wraps_and_cuts_nothing(qtbot):
    host = QWidget()
    flow = FlowLayout(host)
    buttons = [QPushButton(f"Button number {n}") for n in range(6)]
    for b in buttons:
        flow.addWidget(b)
    qtbot.addWidget(host)
    host.show()
    one_line = flow.sizeHint().width()
    host.resize(one_line + 20, flow.heightForWidth(one_line + 20))
    qtbot.wait(10)
    assert len({b.y() for b in buttons}) == 1                   # wide: one line
    narrow = buttons[0].sizeHint().width() * 2 + 30
    host.resize(narrow, flow.heightForWidth(narrow))
    qtbot.wait(10)
    rows = sorted({b.y() for b in buttons})
    assert len(rows) == 3                                       # two per line
    assert flow.heightForWidth(narrow) > flow.heightForWidth(one_line + 20)
    for b in buttons:                                           # none cut, none outside
        assert b.width() >= b.minimumSizeHint().width()
        assert b.x() + b.width() <= host.width()
    assert flow.minimumSize().width() >= max(b.minimumSizeHint().width() for b in buttons)
