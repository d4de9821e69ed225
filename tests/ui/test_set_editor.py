"""Item sets in the editor: a member shows the set's shared vignette (or shared options),
and "Edit set…" opens the set editor, which stores through Workspace.save_set."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from eduapp.domain import Item, ItemSet, Option
from tests.conftest import make_case_set, make_sba


def _run_in_next_dialog(qtbot, act, seen):
    def step():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        seen.append(dialog)
        act(dialog)
    QTimer.singleShot(0, step)


def _press(qtbot, dialog, text):
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == text),
                     Qt.LeftButton)


def test_member_shows_the_vignette_and_the_set_editor_saves_it(window, gui_app, qtbot):
    case = make_case_set()
    case.items[0].status = "approved"
    case = gui_app.bank.save_set(case)
    page = window.show_page("bank")
    page.run_query()
    page.select_ids([case.items[0].id])
    editor = page.editor
    assert "58-year-old man" in editor.set_label.text() and editor.set_button.isVisible()

    def edit(dialog):
        assert "58-year-old man" in dialog.vignette.toPlainText()
        assert dialog.members.count() == 2 and not dialog.options.isVisible()
        dialog.vignette.setPlainText("A 61-year-old woman has crushing chest pain.")
        dialog.title.setText("Chest pain (woman)")
        _press(qtbot, dialog, "Save set")
    seen = []
    _run_in_next_dialog(qtbot, edit, seen)
    qtbot.mouseClick(editor.set_button, Qt.LeftButton)
    assert seen
    stored = gui_app.bank.get_set(case.uid)
    assert stored.vignette == "A 61-year-old woman has crushing chest pain."
    assert stored.title == "Chest pain (woman)"
    # the shared text changed: the approved member goes back to review
    assert stored.items[0].status == "reviewed"
    assert "61-year-old woman" in editor.set_label.text()


def test_shared_options_are_shown_and_edited_with_the_set(window, gui_app, qtbot):
    emq = ItemSet(kind="shared_options", title="Antidotes", vignette="Choose the antidote.",
                  options=[Option("Naloxone"), Option("Flumazenil"), Option("Atropine")],
                  items=[make_sba("Opioid overdose", n=3), make_sba("Benzodiazepine overdose",
                                                                    key=1, n=3)])
    emq = gui_app.bank.save_set(emq)
    page = window.show_page("bank")
    page.run_query()
    page.select_ids([emq.items[1].id])
    assert "Flumazenil" in page.editor.set_label.text()

    def edit(dialog):
        assert dialog.options.isVisible() and dialog.options.rowCount() == 3
        dialog.options.item(2, 0).setText("Atropine sulfate")
        _press(qtbot, dialog, "Save set")
    seen = []
    _run_in_next_dialog(qtbot, edit, seen)
    qtbot.mouseClick(page.editor.set_button, Qt.LeftButton)
    stored = gui_app.bank.get_set(emq.uid)
    assert [o.text for o in stored.options][2] == "Atropine sulfate"
    assert all(m.options[2].text == "Atropine sulfate" for m in stored.items)
    assert [m.key_indices for m in stored.items] == [[0], [1]]


def test_an_invalid_set_is_refused_and_nothing_is_stored(window, gui_app, qtbot):
    case = gui_app.bank.save_set(make_case_set())
    page = window.show_page("bank")
    page.run_query()
    page.select_ids([case.items[0].id])

    def edit(dialog):
        dialog.vignette.setPlainText("")
        _press(qtbot, dialog, "Save set")
        assert dialog.isVisible()  # a case set needs its vignette: the dialog stays
        dialog.reject()
    seen = []
    _run_in_next_dialog(qtbot, edit, seen)
    qtbot.mouseClick(page.editor.set_button, Qt.LeftButton)
    assert seen and gui_app.bank.get_set(case.uid).vignette == case.vignette


def _antidotes(gui_app):
    texts = ["Naloxone", "Flumazenil", "Atropine", "Glucagon"]
    members = []
    for stem, key in (("Opioid overdose", 0), ("Benzodiazepine overdose", 1)):
        members.append(Item(type="sba", stem=stem, explanation="Antidotes.", options=[
            Option(t, i == key, f"{stem}: why {t}") for i, t in enumerate(texts)]))
    emq = ItemSet(kind="shared_options", title="Antidotes", vignette="Choose the antidote.",
                  options=[Option(t) for t in texts], items=members)
    return gui_app.bank.save_set(emq)


def _click_row(qtbot, table, row):
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert table.currentRow() == row


def _open_set_editor(window, gui_app, emq):
    page = window.show_page("bank")
    page.run_query()
    page.select_ids([emq.items[0].id])
    return page


def test_moving_and_removing_shared_options_keeps_each_key_on_its_option(window, gui_app,
                                                                         qtbot):
    emq = _antidotes(gui_app)
    page = _open_set_editor(window, gui_app, emq)

    def edit(dialog):
        table = dialog.options
        _click_row(qtbot, table, 0)                       # Naloxone, key of question 1
        qtbot.mouseClick(dialog.move_down, Qt.LeftButton)
        assert [table.item(r, 0).text() for r in range(4)] == [
            "Flumazenil", "Naloxone", "Atropine", "Glucagon"]
        _click_row(qtbot, table, 2)                       # Atropine: nobody's key
        qtbot.mouseClick(dialog.remove_option, Qt.LeftButton)
        _click_row(qtbot, table, 2)                       # Glucagon to the top
        qtbot.mouseClick(dialog.move_up, Qt.LeftButton)
        qtbot.mouseClick(dialog.move_up, Qt.LeftButton)
        assert table.verticalHeaderItem(0).text() == "A"
        # the questions list shows each key where its option now stands
        assert "key: C (Naloxone)" in dialog.members.item(0).text()
        assert "key: B (Flumazenil)" in dialog.members.item(1).text()
        _press(qtbot, dialog, "Save set")
    seen = []
    _run_in_next_dialog(qtbot, edit, seen)
    qtbot.mouseClick(page.editor.set_button, Qt.LeftButton)
    assert seen
    stored = gui_app.bank.get_set(emq.uid)
    assert [o.text for o in stored.options] == ["Glucagon", "Flumazenil", "Naloxone"]
    opioid, benzo = stored.items
    assert [o.text for o in opioid.options if o.correct] == ["Naloxone"]
    assert [o.text for o in benzo.options if o.correct] == ["Flumazenil"]
    # each member's own explanation travels with its option too
    assert opioid.options[2].explanation == "Opioid overdose: why Naloxone"
    assert benzo.options[0].explanation == "Benzodiazepine overdose: why Glucagon"


def _answer_message_box(qtbot, seen_text):
    from PySide6.QtWidgets import QMessageBox

    def step():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, step)
            return
        seen_text.append(box.text())
        box.accept()
    QTimer.singleShot(0, step)


def test_removing_or_emptying_an_option_that_is_a_key_is_refused(window, gui_app, qtbot):
    emq = _antidotes(gui_app)
    page = _open_set_editor(window, gui_app, emq)
    messages = []

    def edit(dialog):
        table = dialog.options
        _click_row(qtbot, table, 1)                       # Flumazenil: key of question 2
        _answer_message_box(qtbot, messages)
        qtbot.mouseClick(dialog.remove_option, Qt.LeftButton)
        assert table.rowCount() == 4
        table.item(1, 0).setText("")                      # emptying it is refused on Save
        _answer_message_box(qtbot, messages)
        _press(qtbot, dialog, "Save set")
        assert dialog.isVisible()
        dialog.reject()
    seen = []
    _run_in_next_dialog(qtbot, edit, seen)
    qtbot.mouseClick(page.editor.set_button, Qt.LeftButton)
    assert seen and len(messages) == 2
    assert "Flumazenil" in messages[0] and "Benzodiazepine overdose" in messages[0]
    assert "Benzodiazepine overdose" in messages[1]
    stored = gui_app.bank.get_set(emq.uid)
    assert [o.text for o in stored.options] == ["Naloxone", "Flumazenil", "Atropine", "Glucagon"]
    assert [m.key_indices for m in stored.items] == [[0], [1]]
