"""Faults a tester found on the student pages (second tour), each as a kind, clicked
through the real widgets: the exam date follows the interface language and always does
something; the rating row has no pressed button before the student rates; a timed
session's clock goes when it ends and a longer session says why; the navigator's rows stay
whole beside the lab values; the answers axis has whole-number ticks; new topics are
planned in a learning order, each saying why."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTableView

from eduapp.ui.pages.progress import count_axis
from tests.conftest import make_case_set
from tests.ui.test_student_flows import (_page, _practise, _progress,  # noqa: F401
                                         _start, clock, student_app)


@pytest.fixture
def chinese(qapp, student_app):
    from eduapp.ui.app import install_language
    student_app.update_settings(language="zh")
    install_language(qapp, "zh")
    yield student_app
    install_language(qapp, "en")
    student_app.update_settings(language="en")


def _plan_tab(qtbot, prog):
    prog.tabs.setCurrentIndex(1)
    return prog


def _on_next_modal(qtbot, act):
    """Run ``act(widget)`` on the next modal widget or popup menu once it is shown."""
    def poll():
        w = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if w is None:
            QTimer.singleShot(20, poll)
            return
        act(w)
    QTimer.singleShot(20, poll)


def test_exam_date_in_chinese_opens_today_takes_typed_dates_and_changes_the_plan(
        qtbot, chinese, clock):
    clock.t = time.time()                          # the plan's today is today
    prog = _plan_tab(qtbot, _progress(qtbot, chinese))
    field = prog.exam_date
    today = QDate.currentDate()
    # a real date is proposed (never "none", never January 2000)
    proposed = field.date()
    assert proposed is not None and today < proposed <= today.addDays(60)
    assert "未设定考试日期" in prog.plan_note.text()
    assert prog.plan_tree.topLevelItemCount() == 7
    # the calendar speaks Chinese and opens at the field's date
    cal = field.calendar
    assert cal.locale().language() == QLocale.Chinese
    assert cal.locale().monthName(12) == "十二月" and cal.locale().dayName(1) == "星期一"
    qtbot.mouseClick(field.button, Qt.LeftButton)
    qtbot.waitUntil(field.menu.isVisible)
    picked = [(cal.yearShown(), cal.monthShown(), cal.selectedDate())]
    grid = cal.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key_Right)                            # the next day
    qtbot.keyClick(grid, Qt.Key_Return)
    qtbot.waitUntil(lambda: not field.menu.isVisible())
    assert picked[0] == (proposed.year(), proposed.month(), proposed)
    assert field.date() == proposed.addDays(1)
    # "Set" with no date saved yet sets the date in the field (never nothing)
    qtbot.mouseClick(prog.save_date_button, Qt.LeftButton)
    pid = chinese.student_id
    saved = chinese.workspace.practice.store.profile(pid)["exam_date"]
    assert saved and date.fromtimestamp(saved) == proposed.addDays(1).toPython()
    # a typed date is taken as typed, ISO or written the Chinese way
    wanted = today.addDays(20)
    for text in (wanted.toString("yyyy-MM-dd"),
                 f"{wanted.year()}年{wanted.month()}月{wanted.day()}日"):
        field.edit.clear()
        if text.isascii():
            qtbot.keyClicks(field.edit, text)
        else:                                     # typed through an input method
            field.edit.insert(text)
        assert field.date() == wanted, text
    qtbot.keyClick(field.edit, Qt.Key_Return)                    # Enter sets it too
    saved = chinese.workspace.practice.store.profile(pid)["exam_date"]
    assert date.fromtimestamp(saved) == wanted.toPython()
    # the plan runs up to the exam and says so, in Chinese
    assert prog.plan_tree.topLevelItemCount() == 20
    note = prog.plan_note.text()
    assert f"{wanted.year()}年{wanted.month()}月{wanted.day()}日" in note and "20 天" in note
    last = prog.plan_tree.topLevelItem(19)
    assert last.childCount() and "考试前最后一天" in last.child(last.childCount() - 1).text(2)
    # a wrong date is said, and changes nothing
    seen = []
    _on_next_modal(qtbot, lambda box: (seen.append(box.text()), box.accept()))
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2026-02-31")
    qtbot.mouseClick(prog.save_date_button, Qt.LeftButton)
    assert seen and "2026-02-31" in seen[0] and "不是" in seen[0]
    assert chinese.workspace.practice.store.profile(pid)["exam_date"] == saved
    # and it can be taken away again
    qtbot.mouseClick(prog.clear_date_button, Qt.LeftButton)
    assert chinese.workspace.practice.store.profile(pid)["exam_date"] is None
    assert prog.plan_tree.topLevelItemCount() == 7 and "未设定" in prog.plan_note.text()


def test_a_saved_exam_date_shows_in_the_field_and_the_note(qtbot, student_app, clock):
    clock.t = time.time()
    d = date.today().toordinal() + 10
    student_app.workspace.set_exam_date(
        student_app.student_id, datetime.combine(date.fromordinal(d), datetime.min.time())
        .replace(hour=9).timestamp())
    prog = _plan_tab(qtbot, _progress(qtbot, student_app))
    assert prog.exam_date.date().toPython() == date.fromordinal(d)
    assert prog.exam_date.edit.text() == date.fromordinal(d).isoformat()
    assert "10 days left" in prog.plan_note.text()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_rating_button_looks_pressed_before_the_student_rates(qtbot, qapp, student_app,
                                                                 clock, language):
    from eduapp.ui.app import install_language
    student_app.update_settings(language=language)
    install_language(qapp, language)
    try:
        page = _page(qtbot, student_app)
        page.language_box.setCurrentIndex(page.language_box.findData("en"))
        _start(qtbot, page, "renal", count=2)
        clock.t += 20
        qtbot.mouseClick(page._option_buttons[0], Qt.LeftButton)
        qtbot.mouseClick(page.check_button, Qt.LeftButton)
        buttons: list[QPushButton] = page.rating_buttons
        assert all(b.isVisible() for b in buttons)
        assert not any(b.isChecked() or b.isDown() or b.isDefault() or b.autoDefault()
                       or b.hasFocus() for b in buttons)
        assert buttons[3].text() in ("4 Easy", "4 简单") or buttons[3].text().startswith("4")
        qtbot.mouseClick(buttons[1], Qt.LeftButton)          # the student's choice shows
        assert [b.isChecked() for b in buttons] == [False, True, False, False]
    finally:
        install_language(qapp, "en")
        student_app.update_settings(language="en")


def test_timed_clock_goes_when_the_session_ends(qtbot, student_app, clock):
    page = _page(qtbot, student_app)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.mode_box.setCurrentIndex(page.mode_box.findData("timed"))
    _start(qtbot, page, "renal", count=3)
    assert page.clock_label.text().startswith("Time left")
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key_1)
        qtbot.keyClick(page, Qt.Key_Right)
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert page.session.finished
    assert page.clock_label.text() == ""
    qtbot.keyClick(page, Qt.Key_Right)                         # reviewing: still none
    assert page.clock_label.text() == ""


def test_a_session_longer_than_asked_says_why(qtbot, student_app, bank):
    case = make_case_set()
    for it in case.items:
        it.topic, it.status, it.language = "chest pain", "approved", "en"
    bank.save_set(case)
    page = _page(qtbot, student_app)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    _start(qtbot, page, "chest pain", count=1)
    assert len(page.session) == 2
    assert page.notice.isVisible() and "2 questions" in page.notice.text()
    assert "served whole" in page.notice.text()


def test_navigator_rows_stay_whole_beside_the_lab_values(qtbot, student_app, clock):
    page = _page(qtbot, student_app)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    _start(qtbot, page, count=8)
    qtbot.mouseClick(page.lab_button, Qt.LeftButton)
    nav = page.navigator
    assert page.lab_panel.isVisible()
    fm = nav.fontMetrics()
    scroll = nav.verticalScrollBar().sizeHint().width()
    for i in range(nav.count()):
        text = nav.item(i).text()
        assert "not answered" in text or i == 0
        # the whole row fits beside a scroll bar (which more rows would show)
        assert fm.horizontalAdvance(text) + 8 <= nav.width() - 2 * nav.frameWidth() - scroll, \
            (text, nav.width())


@pytest.mark.parametrize("top, expected", [(1, (1, 2)), (4, (4, 5)), (5, (5, 6)),
                                           (6, (8, 5)), (13, (16, 5)), (40, (40, 5))])
def test_count_axis_ticks_are_whole_numbers(top, expected):
    maximum, ticks = count_axis(top)
    assert (maximum, ticks) == expected
    assert maximum % (ticks - 1) == 0


def test_dashboard_answers_axis_has_whole_ticks_after_one_answer(qtbot, student_app, clock):
    page = _page(qtbot, student_app)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    _start(qtbot, page, "renal", count=1)
    qtbot.keyClick(page, Qt.Key_1)
    qtbot.keyClick(page, Qt.Key_Return)
    prog = _progress(qtbot, student_app)
    right = [a for a in prog.trend_view.chart().axes(Qt.Vertical)
             if a.alignment() == Qt.AlignRight][0]
    step = (right.max() - right.min()) / (right.tickCount() - 1)
    assert right.max() >= 1 and step == int(step)            # 0, 1: never "1,0,0,0,0"
    left = [a for a in prog.trend_view.chart().axes(Qt.Vertical)
            if a.alignment() == Qt.AlignLeft][0]
    assert (left.min(), left.max(), left.tickCount()) == (0, 100, 5)


def test_plan_says_why_each_new_topic_comes_where_it_does(qtbot, student_app, clock):
    student_app.workspace.set_prerequisites("renal", ["cardiology"])
    prog = _plan_tab(qtbot, _progress(qtbot, student_app))
    rows = []
    tree = prog.plan_tree
    for d in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(d)
        rows += [(day.child(c).text(0), day.child(c).text(2)) for c in range(day.childCount())]
    new = [(label.split(": ", 1)[1], why) for label, why in rows if label.startswith("New")]
    order = [t for t, _ in new]
    assert order.index("Cardiology") < order.index("renal")    # the prerequisite first
    why = dict(new)
    assert "learn it before renal" in why["Cardiology"]
    assert "prerequisite Cardiology comes first" in why["renal"]


def test_header_and_plan_count_the_same_reviews_due(qtbot, student_app, clock):
    page = _page(qtbot, student_app)
    _practise(qtbot, page, clock)
    clock.t += 3 * 86400
    prog = _plan_tab(qtbot, _progress(qtbot, student_app))
    first = prog.plan_tree.topLevelItem(0)
    rows = {first.child(c).text(0): int(first.child(c).text(1))
            for c in range(first.childCount())}
    assert rows.get("Reviews due", 0) > 0
    assert f"{rows['Reviews due']} reviews due today" in prog.summary.text()
    deck = student_app.workspace.practice.deck(student_app.student_id)
    assert deck.due_today == rows["Reviews due"]
    qtbot.mouseClick(page.end_button, Qt.LeftButton) if page.session else None
    page.refresh_builder()
    assert f"{deck.due_today} due today" in page.deck_label.text()
