"""Reopening a stored exam on the Exams page: pick it in the Stored exams dialog, see its
questions and forms as built, export it again without storing a second exam."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from eduapp.exams import ExamStore
from eduapp.ui.stored_exams_dialog import StoredExamsDialog
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_exams_page import _answer_dialog, built  # noqa: F401 - fixture


def _pick_in_dialog(qtbot, seen, row=0):
    def act(dialog):
        seen.append([dialog.list.topLevelItem(r).text(1)
                     for r in range(dialog.list.topLevelItemCount())])
        if row is None:
            qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
            return
        item = dialog.list.topLevelItem(row)
        qtbot.mouseClick(dialog.list.viewport(), Qt.LeftButton,
                         pos=dialog.list.visualItemRect(item).center())
        qtbot.mouseClick(dialog.open_button, Qt.LeftButton)
    when_dialog_opens(StoredExamsDialog, act, accept=False)


def test_reopen_a_stored_exam_and_export_it_again(built, window, gui_app, tmp_path, qtbot,
                                                  monkeypatch):
    page = built
    page.title_edit.setText("Cardiology midterm")
    _answer_dialog(monkeypatch, "getExistingDirectory", str(tmp_path / "first"))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    first = page.exam
    stems = [i.stem for i in first.items()]
    forms = [(f.code, f.order, f.key) for f in first.forms]

    # a new exam replaces it on the page (the blueprint rebuilt with another seed)
    page.seed_spin.setValue(7)
    qtbot.mouseClick(page.build_button, Qt.LeftButton)
    page.title_edit.setText("Something else")

    seen: list = []
    _pick_in_dialog(qtbot, seen, row=None)          # Cancel: nothing changes
    qtbot.mouseClick(page.stored_button, Qt.LeftButton)
    assert seen[0] == ["Cardiology midterm"]
    assert page.title_edit.text() == "Something else"

    _pick_in_dialog(qtbot, seen)
    qtbot.mouseClick(page.stored_button, Qt.LeftButton)
    assert page.title_edit.text() == "Cardiology midterm"
    assert page.exam.id == first.id and page.exam.question_count == first.question_count
    assert page.forms_spin.value() == len(first.forms)
    assert [(f.code, f.order, f.key) for f in page.exam.forms] == forms
    assert [i.stem for i in page.exam.items()] == stems
    assert page.export_button.isEnabled()
    assert page.document_box.count() == 3 * len(first.forms) + 1

    _answer_dialog(monkeypatch, "getExistingDirectory", str(tmp_path / "again"))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert "paper_A.pdf" in os.listdir(tmp_path / "again")
    assert len(ExamStore(gui_app.bank).list()) == 1          # the same exam, not a copy


def test_no_stored_exam_says_so(window, qtbot):
    page = window.show_page("exams")
    seen = []

    def act(dialog):
        seen.append((dialog.info.text(), dialog.open_button.isEnabled()))
        qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    when_dialog_opens(StoredExamsDialog, act, accept=False)
    qtbot.mouseClick(page.stored_button, Qt.LeftButton)
    assert seen and seen[0][0].startswith("No exam is stored yet") and not seen[0][1]
