"""Practice and progress pages through qtbot: keyboard answering, flag, strike, timer
expiry, resume, dashboard and the teacher's view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from eduapp.practice import PracticeService, PracticeStore, TestSpec
from tests.conftest import make_case_set, make_sba

T0 = 1_767_225_600.0


class Clock:
    def __init__(self):
        self.t = T0

    def __call__(self):
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def practice_app(gui_app, bank, data_dir, clock):
    for i in range(6):
        bank.save_item(make_sba(f"Question {i}?", key=0, topic="renal" if i < 3 else
                                "cardiology", status="approved"))
    case = make_case_set()
    for it in case.items:
        it.status = "approved"
    bank.save_set(case)
    svc = PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False)
    gui_app.workspace.use_practice(svc)
    yield gui_app
    svc.close()


@pytest.fixture
def page(qtbot, practice_app):
    from eduapp.ui.pages.practice import PracticePage
    p = PracticePage(practice_app)
    qtbot.addWidget(p)
    p.show()
    p.on_shown()
    p.add_profile("Li Wei", "MBBS")
    return p


def _start(page, **kw):
    page.start_spec(TestSpec(types=["sba"], seed=1, **kw))
    assert page.session is not None and page.stack.currentIndex() == 1


def test_keyboard_answering_in_tutor_mode(qtbot, page, clock):
    _start(page, topics=["renal"], count=3)
    svc = page.service
    clock.t += 20
    qtbot.keyClick(page, Qt.Key_2)                        # choose B
    assert page._option_buttons[1].isChecked()
    qtbot.keyClick(page, Qt.Key_A)                        # A replaces it
    assert page._option_buttons[0].isChecked() and not page._option_buttons[1].isChecked()
    qtbot.keyClick(page, Qt.Key_Return)                   # check
    assert "Right" in page.feedback.toPlainText()
    assert "why Aspirin" in page.feedback.toPlainText()
    assert len(svc.store.attempts(page.profile_id())) == 1
    assert not page._option_buttons[0].isEnabled()        # locked after checking
    qtbot.keyClick(page, Qt.Key_Right)
    assert page.session.index == 1
    qtbot.keyClick(page, Qt.Key_C, Qt.ShiftModifier)      # strike C
    assert page._option_buttons[2].font().strikeOut()
    qtbot.keyClick(page, Qt.Key_F)                        # flag
    assert page.session.question().flagged
    assert "⚑" in page.navigator.item(1).text()
    qtbot.keyClick(page, Qt.Key_Left)
    assert page.session.index == 0


def test_right_click_strikes_an_option(qtbot, page):
    _start(page, count=1)
    qtbot.mouseClick(page._option_buttons[3], Qt.RightButton)
    assert page.session.question().struck == [3]


def test_timed_mode_timer_expiry_submits(qtbot, page, clock):
    _start(page, topics=["renal"], count=2, mode="timed", seconds_per_question=30)
    assert page.timer.isActive()
    qtbot.keyClick(page, Qt.Key_1)
    assert "Time left 1:00" in page.clock_label.text()
    assert page.feedback.toPlainText() == ""               # no feedback while timed
    clock.t += 61
    page._tick()
    assert page.session.finished and not page.timer.isActive()
    assert "Time is up" in page.notice.text()
    assert len(page.service.store.attempts(page.profile_id())) == 2
    assert "Right" in page.feedback.toPlainText()          # review shows feedback


def test_resume_in_a_fresh_page(qtbot, page, practice_app):
    _start(page, count=4)
    qtbot.keyClick(page, Qt.Key_1)
    qtbot.keyClick(page, Qt.Key_Return)
    qtbot.keyClick(page, Qt.Key_Right)
    qtbot.keyClick(page, Qt.Key_3)
    uid = page.session.uid
    from eduapp.ui.pages.practice import PracticePage
    fresh = PracticePage(practice_app)
    qtbot.addWidget(fresh)
    fresh.on_shown()
    assert fresh.resume_button.isEnabled()
    fresh.resume()
    assert fresh.session.uid == uid and fresh.session.index == 1
    assert fresh._option_buttons[2].isChecked()


def test_case_set_vignette_shown(qtbot, page):
    _start(page, topics=[""] if False else [], count=20)
    for i in range(len(page.session)):
        page.go(i)
        if page.session.question().set_kind == "case":
            assert "crushing chest pain" in page.set_label.text()
            break
    else:
        pytest.fail("the case set was not in the session")


def test_progress_page_dashboard_and_teacher(qtbot, page, practice_app, tmp_path):
    _start(page, count=3)
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key_1)
        qtbot.keyClick(page, Qt.Key_Return)
        qtbot.keyClick(page, Qt.Key_Right)
    from eduapp.ui.pages.progress import ProgressPage
    prog = ProgressPage(practice_app)
    qtbot.addWidget(prog)
    prog.show()
    prog.on_shown()
    assert "3 answers" in prog.summary.text()
    assert prog.dash_stack.currentIndex() == 1  # the charts, not the empty state
    assert prog.trend_view.chart().series()
    assert prog.deck_label.text().startswith("3 cards")
    assert prog.plan_tree.topLevelItemCount() == 7
    prog.tabs.setCurrentIndex(3)
    assert prog.item_table.rowCount() == 3
    path = str(tmp_path / "report.csv")
    prog.export_report(path)
    assert open(path, encoding="utf-8-sig").read().startswith("student")


def test_practice_and_progress_follow_one_student(qtbot, page, practice_app):
    from eduapp.ui.pages.progress import ProgressPage
    page.add_profile("Zhang Min", "MBBS 2")
    page.add_profile("Anna")
    assert page.profile_box.currentText() == "Anna"
    prog = ProgressPage(practice_app)
    qtbot.addWidget(prog)
    prog.show()
    prog.on_shown()
    names = {prog.profile_box.itemText(i) for i in range(prog.profile_box.count())}
    assert names == {"Li Wei (MBBS)", "Zhang Min (MBBS 2)", "Anna"}
    assert prog.profile_box.currentText() == "Anna"
    prog.profile_box.setCurrentIndex(prog.profile_box.findText("Zhang Min (MBBS 2)"))
    page.refresh_profiles()
    assert page.profile_box.currentText() == "Zhang Min (MBBS 2)"
    assert page.profile_id() == prog.profile_box.currentData()


def test_main_window_loads_the_pages(window):
    from eduapp.ui.pages.practice import PracticePage
    from eduapp.ui.pages.progress import ProgressPage
    assert isinstance(window.page("practice"), PracticePage)
    assert isinstance(window.page("progress"), ProgressPage)
    window.show_page("practice")
    window.show_page("progress")


def test_progress_without_a_student_says_what_to_do(window, qtbot):
    prog = window.show_page("progress")
    assert prog.dash_stack.currentIndex() == 0
    assert "Add a student on the Practice page" in prog.empty_label.text()
    button = [b for b in prog.dash_stack.widget(0).findChildren(QPushButton)][0]
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.current_page_key() == "practice"


def test_short_answer_self_marking_in_the_page(qtbot, page, practice_app, bank):
    from eduapp.domain import Item, Option
    bank.save_item(Item(type="short", stem="First-line drug for anaphylaxis?",
                        options=[Option("adrenaline", True)], model_answer="Adrenaline IM",
                        status="approved"))
    page.start_spec(TestSpec(types=["short"], count=1))
    page.answer_edit.setPlainText("give steroids")
    page.check()
    assert "Model answer" in page.feedback.toPlainText()
    assert page.mark_buttons[0].isVisibleTo(page)
    page.mark_buttons[1].click()                           # partly right
    attempts = page.service.store.attempts(page.profile_id())
    assert attempts[0]["score"] == 0.5 and attempts[0]["marked_by"] == "self"


def test_damaged_history_is_reported(qtbot, gui_app, bank, data_dir):
    import os
    with open(os.path.join(data_dir, "practice.sqlite"), "wb") as fh:
        fh.write(b"garbage" * 500)
    from eduapp.ui.pages.practice import PracticePage
    p = PracticePage(gui_app)
    qtbot.addWidget(p)
    p.on_shown()
    assert "damaged" in p.notice.text() and p.notice.isVisibleTo(p)


def test_item_deleted_while_practising(qtbot, page, practice_app, bank):
    from eduapp.domain import Changes
    _start(page, topics=["renal"], count=3)
    item = bank.get_item_by_uid(page.session.items[0].uid)
    bank.delete_items([item.id])
    practice_app.changed.emit(Changes(items=True))
    page.on_changes(Changes(items=True))
    assert page.removed_label.isVisibleTo(page)
    qtbot.keyClick(page, Qt.Key_1)
    qtbot.keyClick(page, Qt.Key_Return)
    assert len(page.service.store.attempts(page.profile_id())) == 1
