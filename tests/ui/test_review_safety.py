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


def test_findings_name_the_words_and_clicking_one_selects_them(qtbot, window, gui_app):
    from eduapp.ui.item_editor import ItemEditor
    item = gui_app.bank.save_item(Item(
        type="sba", stem="Which of the following is not a cause of hypokalaemia?",
        options=[Option("Vomiting", False), Option("Diarrhoea", False),
                 Option("Spironolactone", True), Option("Furosemide", False),
                 Option("Insulin", False)]))
    editor = ItemEditor(gui_app.bank)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_item(item)
    entries = [editor.findings.item(r) for r in range(editor.findings.count())]
    negative = next(e for e in entries if "«not»" in e.text())
    assert "['stem'" not in negative.toolTip()
    assert not negative.icon().isNull()  # a real icon, not a glyph the fonts may lack
    rect = editor.findings.visualItemRect(negative)
    qtbot.mouseClick(editor.findings.viewport(), Qt.LeftButton, pos=rect.center())
    assert editor.stem.textCursor().selectedText() == "not"
