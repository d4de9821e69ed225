"""The item bank's trash, Ctrl+Z undo, and its Chinese texts (history notes, findings,
systems), by clicking the real widgets."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from eduapp.ui.trash_dialog import TrashDialog
from tests.conftest import make_sba
from tests.ui.conftest import bank_page, click_item_row, when_dialog_opens


def test_trash_lists_restores_and_empties_with_a_confirmation(window, gui_app, qtbot,
                                                              monkeypatch):
    a = gui_app.bank.save_item(make_sba("Alpha stem about the heart"))
    b = gui_app.bank.save_item(make_sba("Beta stem about the kidney"))
    page = bank_page(window)
    click_item_row(qtbot, page, a.id)
    qtbot.mouseClick(page.delete_button, Qt.LeftButton)
    click_item_row(qtbot, page, b.id)
    qtbot.mouseClick(page.delete_button, Qt.LeftButton)
    assert gui_app.bank.count() == 0

    seen = {}

    def restore_alpha(dialog):
        seen["rows"] = [dialog.list.topLevelItem(r).text(0)
                        for r in range(dialog.list.topLevelItemCount())]
        assert not dialog.restore_button.isEnabled()
        row = next(dialog.list.topLevelItem(r) for r in range(dialog.list.topLevelItemCount())
                   if dialog.list.topLevelItem(r).text(0) == str(a.id))
        qtbot.mouseClick(dialog.list.viewport(), Qt.LeftButton,
                         pos=dialog.list.visualItemRect(row).center())
        qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
        seen["after"] = dialog.list.topLevelItemCount()
        seen["info"] = dialog.info.text()
    when_dialog_opens(TrashDialog, restore_alpha)
    qtbot.mouseClick(page.trash_button, Qt.LeftButton)
    assert seen["rows"] == [str(b.id), str(a.id)]            # newest deletion first
    assert seen["after"] == 1 and seen["info"].startswith("1 deleted item.")
    assert gui_app.bank.get_item(a.id).stem.startswith("Alpha")
    assert page.model.ids == [a.id]                           # the page heard of it

    asked = []

    def no_then_yes(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.No if len(asked) == 1 else QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, "question", no_then_yes)

    def empty(dialog):
        qtbot.mouseClick(dialog.empty_button, Qt.LeftButton)   # "No": nothing happens
        seen["kept"] = dialog.list.topLevelItemCount()
        qtbot.mouseClick(dialog.empty_button, Qt.LeftButton)   # "Yes"
        seen["left"] = dialog.list.topLevelItemCount()
        seen["empty_enabled"] = dialog.empty_button.isEnabled()
    when_dialog_opens(TrashDialog, empty)
    qtbot.mouseClick(page.trash_button, Qt.LeftButton)
    assert asked and "cannot be undone" in asked[0] and "1 item" in asked[0]
    assert seen["kept"] == 1 and seen["left"] == 0 and not seen["empty_enabled"]
    assert gui_app.workspace.trash() == []
    assert gui_app.bank.count() == 1


def test_ctrl_z_undoes_the_last_edit_then_the_last_delete(window, gui_app, qtbot):
    item = gui_app.bank.save_item(make_sba("Original stem of the item"))
    other = gui_app.bank.save_item(make_sba("Another item"))
    page = bank_page(window)
    assert not page.undo_button.isEnabled()
    click_item_row(qtbot, page, item.id)
    page.editor.stem.setPlainText("Edited stem of the item")
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    assert gui_app.bank.get_item(item.id).version == 2
    click_item_row(qtbot, page, other.id)
    qtbot.mouseClick(page.delete_button, Qt.LeftButton)
    assert gui_app.bank.count() == 1 and page.undo_button.isEnabled()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier)   # the delete first
    assert gui_app.bank.count() == 2
    qtbot.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier)   # then the edit
    stored = gui_app.bank.get_item(item.id)
    assert stored.stem == "Original stem of the item" and stored.version == 3
    assert [v.note for v in gui_app.bank.history(item.id)][0] == "restored version 1"
    assert not page.undo_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier)   # nothing left: no change
    assert gui_app.bank.get_item(item.id).version == 3


def test_saving_unchanged_content_leaves_nothing_to_undo(window, gui_app, qtbot):
    item = gui_app.bank.save_item(make_sba("Same stem"))
    page = bank_page(window)
    click_item_row(qtbot, page, item.id)
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    assert not page.undo_button.isEnabled()


_LATIN = re.compile(r"[A-Za-z]{3,}")


def test_chinese_history_findings_and_systems(window, gui_app, qtbot, qapp, monkeypatch):
    from eduapp.ui import item_history
    from eduapp.ui.app import install_language
    item = make_sba("下列关于心肌梗死的说法正确的是", language="zh", system="cardiology",
                    discipline="internal medicine")
    item.options[0].text = "总是发生"
    item = gui_app.bank.save_item(item)
    item.stem = "下列关于急性心肌梗死的说法正确的是"
    gui_app.bank.save_item(item)
    gui_app.update_settings(language="zh")
    install_language(qapp, "zh")
    try:
        page = bank_page(window)
        page.refresh_facets()
        assert page.model.data(page.model.index(0, 4)) == "心血管系统"
        click_item_row(qtbot, page, item.id)
        assert page.editor.system.currentText() == "心血管系统"
        assert page.editor.discipline.text() == "内科学"
        qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)   # findings listed
        stored = gui_app.bank.get_item(item.id)
        assert stored.system == "cardiology" and stored.discipline == "internal medicine"
        texts = [page.editor.findings.item(r).text()
                 for r in range(page.editor.findings.count())]
        assert len(texts) >= 2
        for text in texts:
            assert not _LATIN.findall(text.split("«")[0]), text

        notes = []

        class Look(item_history.HistoryDialog):
            def exec(self):
                notes.extend(self.list.item(r).text() for r in range(self.list.count()))
                return False
        monkeypatch.setattr("eduapp.ui.item_history.HistoryDialog", Look)
        qtbot.mouseClick(page.editor.history_button, Qt.LeftButton)
        assert len(notes) == 2
        assert "编辑" in notes[0] and "新建" in notes[1]
        assert not any(_LATIN.findall(n) for n in notes), notes
        assert page.count_label.text() == "1 道试题"
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("n,text", [(1, "1 item"), (2, "2 items")])
def test_item_count_plural(window, gui_app, n, text):
    for i in range(n):
        gui_app.bank.save_item(make_sba(f"Stem number {i} of the test"))
    page = bank_page(window)
    assert page.count_label.text() == text


def test_category_tree_filters_by_category_and_its_children(window, gui_app, qtbot):
    for stem, category in (("Heart question stem here", "Medicine/Cardiology"),
                           ("Kidney question stem here", "Medicine/Renal"),
                           ("Appendix question stem", "Surgery")):
        gui_app.bank.save_item(make_sba(stem, category=category))
    page = bank_page(window)
    page.refresh_facets()
    tree = page.category_tree
    assert tree.isVisibleTo(page)
    root = tree.topLevelItem(0)
    names = {root.child(i).text(0): root.child(i) for i in range(root.childCount())}
    assert set(names) == {"Medicine", "Surgery"}

    def click(node):
        tree.scrollToItem(node)
        qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(node).center())

    click(names["Medicine"])
    assert page.model.rowCount() == 2
    names["Medicine"].setExpanded(True)
    cardio = names["Medicine"].child(0)
    assert cardio.text(0) == "Cardiology"
    click(cardio)
    assert page.model.rowCount() == 1
    page.refresh_facets()                      # a refresh keeps the choice
    assert page.current_category() == "Medicine/Cardiology" and page.model.rowCount() == 1
    click(tree.topLevelItem(0))
    assert page.model.rowCount() == 3
