"""Approving from the review queue: a flagged draft is approved only after the teacher saw
why and confirmed; the item bank's editor returns an edited approved item to review."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from eduapp.domain import Item, Option


def _flagged_draft(bank):
    return bank.save_item(Item(
        type="sba", stem="Which drug is first-line for anaphylaxis in adults?",
        options=[Option("Adrenaline IM", True), Option("Adrenaline IM", False),
                 Option("Prednisolone", False), Option("Cetirizine", False)],
        provenance={"source": "generated"}))


def _answer_box(qtbot, choose_anyway: bool, seen: list):
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        wanted = [b for b in box.buttons() if (box.buttonRole(b) == QMessageBox.AcceptRole)
                  == choose_anyway]
        qtbot.mouseClick(wanted[0], Qt.LeftButton)
    QTimer.singleShot(20, act)


def test_approve_a_flagged_draft_asks_first(qtbot, window, gui_app):
    draft = _flagged_draft(gui_app.bank)
    page = window.show_page("generate")
    page.reload_queue(select=[draft.id])
    assert page.selected_ids() == [draft.id]
    seen: list[str] = []
    _answer_box(qtbot, False, seen)
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    assert "two options are the same" in seen[0].lower() or "#%d" % draft.id in seen[0]
    assert gui_app.bank.get_item(draft.id).status == "draft"  # cancelled: nothing changed
    page.reload_queue(select=[draft.id])
    _answer_box(qtbot, True, seen)
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    item = gui_app.bank.get_item(draft.id)
    assert item.status == "approved" and item.provenance["approved_over"]["by"]
