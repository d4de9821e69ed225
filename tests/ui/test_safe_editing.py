"""Unsaved edits are never lost silently, option texts are readable, partial credit is
shown and editable, a divider cannot hide the editor, and a language change keeps what the
pages hold: clicked through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemDelegate, QApplication, QMessageBox, QPushButton,
                               QSplitter)

from eduapp.domain import Item, Option
from tests.conftest import make_sba

LONG = ("Start low-molecular-weight heparin at a treatment dose and arrange computed "
        "tomography pulmonary angiography within the next hour, then review the result")


def _bank_page(window):
    return window.show_page("bank")


def _click_row(qtbot, page, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())


def _click_nav(qtbot, window, key: str) -> None:
    item = window.nav.item(window._rows.index(key))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton,
                     pos=window.nav.visualItemRect(item).center())


def _answer_next_box(qtbot, text: str, seen: list) -> None:
    """When the next message box is up, note its text and press the button ``text``."""
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
        qtbot.mouseClick(button, Qt.LeftButton)
    QTimer.singleShot(0, act)


def _row_of(page, item_id: int) -> int:
    return page.model.ids.index(item_id)


@pytest.fixture
def two_items(window, gui_app):
    first = gui_app.bank.save_item(make_sba("Which drug reduces mortality after MI?"))
    second = gui_app.bank.save_item(make_sba("Which drug is first-line for anaphylaxis?"))
    page = _bank_page(window)
    page.run_query()
    return page, first, second


def test_modified_marker_and_cancel_keeps_the_edits(window, two_items, qtbot):
    page, first, second = two_items
    _click_row(qtbot, page, _row_of(page, first.id))
    assert page.editor.item.id == first.id and "unsaved" not in page.editor.header.text()
    qtbot.keyClicks(page.editor.stem, " (adults)")
    assert page.editor.is_modified() and "unsaved" in page.editor.header.text()
    assert window.isWindowModified()
    seen = []
    _answer_next_box(qtbot, "Cancel", seen)
    _click_row(qtbot, page, _row_of(page, second.id))
    assert seen and f"Item {first.id}" in seen[0]
    assert page.editor.item.id == first.id and page.selected_ids() == [first.id]
    assert "(adults)" in page.editor.stem.toPlainText()
    # typing the text back as it was clears the mark
    page.editor.stem.setPlainText(first.stem)
    assert not page.editor.is_modified() and not window.isWindowModified()


def test_leaving_with_save_stores_the_edit_and_shows_the_next_item(window, gui_app,
                                                                   two_items, qtbot):
    page, first, second = two_items
    _click_row(qtbot, page, _row_of(page, first.id))
    qtbot.keyClicks(page.editor.stem, " (adults)")
    seen = []
    _answer_next_box(qtbot, "Save", seen)
    _click_row(qtbot, page, _row_of(page, second.id))
    assert seen
    stored = gui_app.bank.get_item(first.id)
    assert stored.version == 2 and "(adults)" in stored.stem
    assert page.editor.item.id == second.id and not page.editor.is_modified()


def test_switching_page_with_discard_drops_the_edit(window, gui_app, two_items, qtbot):
    page, first, _second = two_items
    _click_row(qtbot, page, _row_of(page, first.id))
    qtbot.keyClicks(page.editor.stem, " changed")
    seen = []
    _answer_next_box(qtbot, "Cancel", seen)
    _click_nav(qtbot, window, "generate")
    assert window.stack.currentWidget() is page  # Cancel: still on the item bank
    _answer_next_box(qtbot, "Discard changes", seen)
    _click_nav(qtbot, window, "generate")
    assert len(seen) == 2 and window.current_page_key() == "generate"
    assert gui_app.bank.get_item(first.id).version == 1
    assert not page.editor.is_modified()


def test_closing_the_window_asks_about_unsaved_edits(window, two_items, qtbot):
    page, first, _second = two_items
    _click_row(qtbot, page, _row_of(page, first.id))
    qtbot.keyClicks(page.editor.stem, " changed")
    seen = []
    _answer_next_box(qtbot, "Cancel", seen)
    window.close()
    assert seen and window.isVisible()
    _answer_next_box(qtbot, "Discard changes", seen)
    window.close()
    assert not window.isVisible()


def test_new_item_asks_before_dropping_edits(window, two_items, qtbot):
    page, first, _second = two_items
    _click_row(qtbot, page, _row_of(page, first.id))
    qtbot.keyClicks(page.editor.stem, " changed")
    seen = []
    _answer_next_box(qtbot, "Cancel", seen)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    assert seen and page.editor.item.id == first.id


def test_long_options_wrap_and_partial_credit_is_shown_and_editable(window, gui_app, qtbot,
                                                                    monkeypatch):
    item = gui_app.bank.save_item(Item(
        type="multi", stem="Which two tests confirm a pulmonary embolism?",
        options=[Option(LONG, True, fraction=0.5), Option("D-dimer", False, fraction=-0.25),
                 Option("Ventilation-perfusion scan", True, fraction=0.5),
                 Option("Troponin", False)]))
    page = _bank_page(window)
    page.run_query()
    _click_row(qtbot, page, 0)
    table = page.editor.options
    assert table.wordWrap()
    one_line = table.fontMetrics().height()
    assert table.rowHeight(0) > 1.8 * one_line  # the long option wraps: all of it shows
    assert table.item(0, 1).text() == LONG
    credits = [table.item(r, 2).text() for r in range(4)]
    assert credits == ["50", "-25", "50", ""]
    assert "Credit" in table.horizontalHeaderItem(2).text()
    # edit a fraction in its cell (a multi-line box opens for option texts)
    table.setCurrentCell(1, 2)
    table.editItem(table.item(1, 2))
    from PySide6.QtWidgets import QLineEdit
    editor = table.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "-33.3")
    table.commitData(editor)  # what Enter in the cell does
    table.closeEditor(editor, QAbstractItemDelegate.NoHint)
    assert page.editor.is_modified()
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    stored = gui_app.bank.get_item(item.id)
    assert [o.fraction for o in stored.options] == [0.5, -0.333, 0.5, None]
    # a credit that is not a percent is refused with a sentence
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    table.item(3, 2).setText("lots")
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    assert shown and "option D" in shown[0] and "percent" in shown[0]
    assert gui_app.bank.get_item(item.id).version == stored.version
    qtbot.mouseClick(page.editor.revert_button, Qt.LeftButton)
    assert not page.editor.is_modified()


def test_option_text_opens_a_multi_line_box(window, gui_app, qtbot):
    gui_app.bank.save_item(make_sba())
    page = _bank_page(window)
    page.run_query()
    _click_row(qtbot, page, 0)
    table = page.editor.options
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))
    from PySide6.QtWidgets import QPlainTextEdit
    box = table.viewport().findChild(QPlainTextEdit)
    assert box is not None and box.toPlainText() == "Aspirin"
    assert box.height() >= 3 * box.fontMetrics().height()


@pytest.mark.parametrize("key", ["bank", "generate"])
def test_a_divider_cannot_hide_the_editor_or_the_buttons(window, qtbot, key):
    page = window.show_page(key)
    window.resize(1280, 800)
    splitters = page.findChildren(QSplitter)
    assert splitters and all(not s.childrenCollapsible() for s in splitters)
    for s in splitters:
        s.moveSplitter(0, 1)                  # drag the divider all the way left ...
        s.moveSplitter(s.width(), 1)          # ... and all the way right
    QApplication.processEvents()
    assert page.editor.width() >= 300 and page.editor.save_button.isVisible()
    if key == "generate":
        for b in (page.accept_button, page.approve_button):
            assert b.isVisible() and b.width() > 20
            assert b.mapTo(page, QPoint(0, 0)).x() >= 0


def test_a_language_change_keeps_the_exam_the_form_and_unsaved_edits(window, gui_app,
                                                                     qtbot):
    from eduapp.ui.launch import rebuild_window
    from eduapp.ui.settings_dialog import SettingsDialog
    from eduapp.exams import Blueprint
    from tests.exams.sample import fill_en
    fill_en(gui_app.bank)
    exams = window.show_page("exams")
    exams.language_box.setCurrentIndex(exams.language_box.findData("en"))
    exams.set_blueprint(Blueprint.from_dict({"rows": [{"system": "cardiology", "count": 5}],
                                             "title": "Midterm"}))
    qtbot.mouseClick(exams.build_button, Qt.LeftButton)
    exam = exams.exam
    assert exam is not None and exam.question_count >= 5
    generate = window.show_page("generate")
    generate.form.topic.setText("atrial fibrillation")
    generate.form.count.setValue(7)
    bank = window.show_page("bank")
    bank.run_query()
    _click_row(qtbot, bank, 0)
    item_id = bank.editor.item.id
    qtbot.keyClicks(bank.editor.stem, " EDITED")

    windows = [window]
    gui_app.language_changed.connect(
        lambda lang: windows.append(rebuild_window(QApplication.instance(), gui_app,
                                                   windows[-1], lang)))
    dialog = SettingsDialog(gui_app, window)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    from PySide6.QtWidgets import QDialogButtonBox
    try:
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok),
                         Qt.LeftButton)
        assert len(windows) == 2
        new = windows[1]
        assert new.current_page_key() == "bank"
        assert new.page("exams").exam is exam
        assert new.page("exams").title_edit.text() == "Midterm"
        assert new.page("exams").export_button.isEnabled()
        form = new.page("generate").form
        assert form.topic.text() == "atrial fibrillation" and form.count.value() == 7
        editor = new.page("bank").editor
        assert editor.item.id == item_id and "EDITED" in editor.stem.toPlainText()
        assert editor.is_modified()
    finally:
        from eduapp.ui.app import install_language
        install_language(QApplication.instance(), "en")
        gui_app.update_settings(language="en")
        for w in windows[1:]:
            w.rebuilding = True
            w.close()
            w.deleteLater()


def test_adding_an_image_is_an_unsaved_edit_and_is_stored(window, gui_app, two_items, qtbot,
                                                           tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog
    page, first, _second = two_items
    png = tmp_path / "ecg.png"
    image = QImage(40, 30, QImage.Format_RGB32)
    image.fill(Qt.red)
    assert image.save(str(png))
    bad = tmp_path / "notes.png"
    bad.write_text("not an image", encoding="utf-8")
    chosen = [str(bad), str(png)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (chosen.pop(0), "")))
    seen = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: seen.append(text)))
    _click_row(qtbot, page, _row_of(page, first.id))
    images = page.editor.images
    qtbot.mouseClick(images.add_image, Qt.LeftButton)          # not an image: refused
    assert seen == ["notes.png is not a PNG, JPEG or GIF image."]
    assert images.images.count() == 0 and not page.editor.is_modified()
    qtbot.mouseClick(images.add_image, Qt.LeftButton)
    assert images.images.count() == 1 and images.images.item(0).text() == "ecg.png"
    assert page.editor.is_modified() and "unsaved" in page.editor.header.text()
    images.images.setCurrentRow(0)
    assert not images.image_preview.pixmap().isNull()
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    stored = gui_app.bank.get_item(first.id)
    assert [(m.name, m.mime) for m in stored.media] == [("ecg.png", "image/png")]
    assert not page.editor.is_modified()
    images.images.setCurrentRow(0)
    qtbot.mouseClick(images.remove_image, Qt.LeftButton)
    assert images.images.count() == 0 and page.editor.is_modified()
