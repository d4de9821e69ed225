"""The item bank's "Preview as student" dialog and the statistics beside the item, by
clicking the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eduapp.practice import TestSpec
from eduapp.ui.student_preview import StudentPreviewDialog
from tests.conftest import make_case_set, make_sba
from tests.ui.conftest import bank_page, click_item_row, when_dialog_opens


def test_preview_hides_the_key_until_answered(window, gui_app, qtbot):
    item = gui_app.bank.save_item(make_sba("Which drug reduces mortality after MI?"))
    page = bank_page(window)
    click_item_row(qtbot, page, item.id)
    seen = {}

    def answer(dialog):
        seen["options"] = [b.text() for b in dialog.option_buttons]
        seen["feedback_before"] = dialog.feedback.isVisible()
        qtbot.mouseClick(dialog.option_buttons[1], Qt.LeftButton)   # Warfarin: wrong
        qtbot.mouseClick(dialog.option_buttons[2], Qt.LeftButton)   # one answer only
        seen["chosen"] = dialog.chosen()
        qtbot.mouseClick(dialog.check_button, Qt.LeftButton)
        seen["feedback"] = dialog.feedback.toPlainText()
        seen["locked"] = not dialog.option_buttons[0].isEnabled()
        qtbot.mouseClick(dialog.reset_button, Qt.LeftButton)
        seen["reset"] = (dialog.chosen(), dialog.feedback.isVisible())
    when_dialog_opens(StudentPreviewDialog, answer)
    qtbot.mouseClick(page.preview_button, Qt.LeftButton)
    assert seen["options"][0] == "A. Aspirin" and not seen["feedback_before"]
    assert seen["chosen"] == [2]
    assert "Not right" in seen["feedback"] and "why Aspirin" in seen["feedback"]
    assert "(your answer)" in seen["feedback"] and seen["locked"]
    assert seen["reset"] == ([], False)


def test_preview_of_a_case_set_member_shows_the_case(window, gui_app, qtbot):
    s = gui_app.bank.save_set(make_case_set())
    page = bank_page(window)
    click_item_row(qtbot, page, s.items[1].id)
    seen = {}
    when_dialog_opens(StudentPreviewDialog,
                      lambda d: seen.update(text=d.case_label.text() + d.stem_label.text()))
    qtbot.mouseClick(page.preview_button, Qt.LeftButton)
    assert "crushing chest pain" in seen["text"]


def test_statistics_beside_the_item(window, gui_app, qtbot):
    item = make_sba("Which drug reduces mortality after myocardial infarction today?",
                    topic="mi")
    item.status = "approved"
    item = gui_app.bank.save_item(item)
    other = gui_app.bank.save_item(make_sba("A stem nobody practised at all"))
    service = gui_app.workspace.practice
    for k in range(3):
        pid = service.create_profile(f"Student {k}")
        session = service.start(pid, TestSpec(uids=[item.uid], count=1))
        session.choose_option(0 if k else 1)
        session.check()
    page = bank_page(window)
    click_item_row(qtbot, page, item.id)
    text = page.evidence.toPlainText()
    assert "Practice: 3 students" in text and "p = 0.67" in text, text
    assert "not in a marked sitting yet" in text
    click_item_row(qtbot, page, other.id)
    assert "nobody has answered it yet" in page.evidence.toPlainText()
