"""The student's flows on the Practice and Progress pages, clicked through the real widgets:
what the builder serves and counts, kept choices, strike-out and highlight, lab values,
Again/Hard/Good/Easy, Ctrl+Enter, ending with unanswered questions, partly right, the
tutor's model status, the study plan and the dashboard, and the Chinese interface."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox,
                               QTableWidget, QTreeWidget)

from eduapp.domain import Item, Option, topic_name
from eduapp.practice import PracticeService, PracticeStore
from tests.conftest import make_sba

T0 = 1_767_225_600.0  # 2026-01-01


class Clock:
    def __init__(self):
        self.t = T0

    def __call__(self):
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def student_app(gui_app, bank, data_dir, clock):
    """Approved questions in English (renal 3, cardiology 3) and Chinese (2), a draft,
    a reviewed and a retired one, a multiple-response item and a short answer."""
    for i in range(6):
        bank.save_item(make_sba(f"Question {i}: a man of 60 has chest pain?", topic="renal"
                                if i < 3 else "cardiology", system="nephrology" if i < 3
                                else "cardiology", status="approved", language="en"))
    for i in range(2):
        bank.save_item(make_sba(f"中文问题 {i}：哪种药物？", topic="心力衰竭", system="cardiology",
                                status="approved", language="zh"))
    for status in ("draft", "reviewed", "retired"):
        bank.save_item(make_sba(f"A {status} question?", topic=f"{status} topic",
                                status=status, language="en"))
    bank.save_item(Item(type="multi", stem="Which two are loop or thiazide diuretics?",
                        options=[Option("Furosemide", True), Option("Bendroflumethiazide",
                                                                    True),
                                 Option("Amlodipine"), Option("Atenolol")],
                        topic="diuretics", status="approved", language="en"))
    bank.save_item(Item(type="short", stem="First-line drug for anaphylaxis?",
                        options=[Option("adrenaline", True)], model_answer="Adrenaline IM",
                        topic="anaphylaxis", status="approved", language="en"))
    svc = PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False,
                          allow_reviewed=lambda: gui_app.settings.practice_allow_reviewed)
    gui_app.workspace.use_practice(svc)
    gui_app.student_id, _ = gui_app.workspace.create_student("Li Wei", "MBBS")
    yield gui_app
    svc.close()


def _page(qtbot, app):
    from eduapp.ui.pages.practice import PracticePage
    p = PracticePage(app)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.on_shown()
    return p


@pytest.fixture
def page(qtbot, student_app):
    return _page(qtbot, student_app)


def _topics(page) -> dict[str, str]:
    return {page.topic_list.item(i).data(Qt.UserRole): page.topic_list.item(i).text()
            for i in range(page.topic_list.count())}


def _pick(lst, value) -> None:
    for i in range(lst.count()):
        if lst.item(i).data(Qt.UserRole) == value:
            lst.item(i).setSelected(True)
            return
    raise AssertionError(f"{value} not offered")


def _only_type(qtbot, page, key) -> None:
    for k, box in page.type_boxes.items():
        if box.isChecked() != (k == key):
            qtbot.mouseClick(box, Qt.LeftButton)


def _start(qtbot, page, topic=None, key="sba", count=None):
    if topic:
        _pick(page.topic_list, topic)
    _only_type(qtbot, page, key)
    if count is not None:
        page.count_spin.setValue(count)
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    assert page.session is not None and page.stack.currentIndex() == 1


def _answer_box(qtbot, button_text: str, seen: list[str]):
    """Click ``button_text`` (Yes/No) on the next message box, as a person would."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        which = QMessageBox.Yes if button_text == "Yes" else QMessageBox.No
        qtbot.mouseClick(box.button(which), Qt.LeftButton)
    QTimer.singleShot(20, click)


# ---------------------------------------------------------------- the builder


def test_builder_offers_only_approved_items_with_counts_in_my_language(qtbot, page,
                                                                        student_app):
    assert page.language_box.currentData() == "en"           # the interface language
    topics = _topics(page)
    # a topic that is a system of the taxonomy is named as the system is
    assert topics == {"renal": "renal (3)", "cardiology": "Cardiology (3)",
                      "diuretics": "diuretics (1)", "anaphylaxis": "anaphylaxis (1)"}
    systems = {page.system_list.item(i).text() for i in range(page.system_list.count())}
    assert systems == {"Cardiology (3)", "Nephrology (3)"}
    page.language_box.setCurrentIndex(page.language_box.findData("zh"))
    assert _topics(page) == {"心力衰竭": "心力衰竭 (2)"}
    page.language_box.setCurrentIndex(page.language_box.findData(""))
    assert "心力衰竭" in _topics(page) and "renal" in _topics(page)
    assert "draft topic" not in _topics(page) and "retired topic" not in _topics(page)
    # a teacher allows reviewed items: they are offered, drafts still are not
    student_app.update_settings(practice_allow_reviewed=True)
    page.refresh_builder()
    assert "reviewed topic" in _topics(page) and "draft topic" not in _topics(page)


def test_a_session_never_serves_drafts(qtbot, page):
    page.language_box.setCurrentIndex(page.language_box.findData(""))
    _start(qtbot, page, count=50)
    assert {i.status for i in page.session.items} == {"approved"}
    assert len(page.session) == 8                               # every approved sba


def test_chosen_count_is_kept_and_a_shorter_session_explained(qtbot, page, student_app):
    page.count_spin.setValue(20)
    assert "A session will hold 3 (you asked for 20)" not in page.available_label.text()
    _pick(page.topic_list, "renal")
    assert "3 questions match" in page.available_label.text()
    assert "you asked for 20" in page.available_label.text()
    _only_type(qtbot, page, "sba")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    assert len(page.session) == 3
    assert "Only 3 questions match" in page.notice.text() and page.notice.isVisible()
    qtbot.mouseClick(page.end_button, Qt.LeftButton)           # back to the builder
    assert page.count_spin.value() == 20
    fresh = _page(qtbot, student_app)                          # next time the app opens
    assert fresh.count_spin.value() == 20
    assert [k for k, b in fresh.type_boxes.items() if b.isChecked()] == ["sba"]
    # a language other than the interface's is kept too
    fresh.language_box.setCurrentIndex(fresh.language_box.findData("zh"))
    qtbot.mouseClick(fresh.start_button, Qt.LeftButton)
    assert {i.language for i in fresh.session.items} == {"zh"}
    again = _page(qtbot, student_app)
    assert again.language_box.currentData() == "zh" and list(_topics(again)) == ["心力衰竭"]


# ---------------------------------------------------------------- answering


def test_strike_out_by_mouse_and_keyboard(qtbot, page):
    _start(qtbot, page, "renal")
    qtbot.mouseClick(page._option_buttons[3], Qt.RightButton)
    assert page._option_buttons[3].font().strikeOut()
    qtbot.keyClick(page, Qt.Key_B, Qt.ShiftModifier)
    assert page.session.question().struck == [1, 3]
    qtbot.mouseClick(page._option_buttons[3], Qt.RightButton)  # back in
    assert page.session.question().struck == [1]


def test_highlight_in_the_stem_by_mouse_and_key(qtbot, page):
    _start(qtbot, page, "renal")
    stem = page.session.question().item.full_stem
    start = stem.index("man of 60")
    page.stem_label.setSelection(start, len("man of 60"))      # as dragged with the mouse
    qtbot.mouseClick(page.highlight_button, Qt.LeftButton)
    assert page.session.question().highlights == [(start, start + 9)]
    assert "background:#fff0a0'>man of 60</span>" in page.stem_label.text()
    page.stem_label.setSelection(0, 8)
    qtbot.keyClick(page, Qt.Key_H)
    assert page.session.question().highlights == [(0, 8), (start, start + 9)]
    page.stem_label.setSelection(start, 3)
    qtbot.keyClick(page, Qt.Key_H)                             # again: cleared there
    assert page.session.question().highlights == [(0, 8), (start + 3, start + 9)]


def test_lab_values_panel(qtbot, page):
    _start(qtbot, page, "renal")
    assert not page.lab_panel.isVisible()
    qtbot.mouseClick(page.lab_button, Qt.LeftButton)
    assert page.lab_panel.isVisible()
    table = page.lab_panel.table
    assert table.rowCount() > 50
    qtbot.keyClicks(page.lab_panel.filter, "potassium")
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rows == ["Electrolytes and renal", "Potassium (K⁺)\nmmol/L"]
    assert table.item(1, 1).text() == "3.5–5.0" and table.item(1, 2).text() == "3.5–5.5"
    qtbot.keyClick(page, Qt.Key_L)                              # L hides it again
    assert not page.lab_panel.isVisible()


def test_again_hard_good_easy_after_the_answer(qtbot, page, clock):
    _start(qtbot, page, "renal", count=2)
    assert not page.rating_buttons[0].isVisible()               # not before the answer
    clock.t += 30
    qtbot.mouseClick(page._option_buttons[0], Qt.LeftButton)
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert "Right" in page.feedback.toPlainText()
    assert all(b.isVisible() for b in page.rating_buttons)
    # the automatic rating (Good) is named, no button looks pressed before the student's
    assert not any(b.isChecked() for b in page.rating_buttons)
    assert "counts as 3 Good" in page.rating_note.text()
    svc = page.service

    def due():
        with svc.store.lock:
            return svc.store.conn.execute("SELECT due FROM cards").fetchone()[0]
    good = due()
    qtbot.keyClick(page, Qt.Key_1)                              # 1 = Again, not option A
    assert page.session.question().rating == 1 and due() < good
    assert page.rating_buttons[0].isChecked()
    qtbot.mouseClick(page.rating_buttons[3], Qt.LeftButton)     # Easy
    assert page.session.question().rating == 4 and due() > good
    qtbot.keyClick(page, Qt.Key_Right)
    qtbot.keyClick(page, Qt.Key_2)                              # a new question: option B
    assert page._option_buttons[1].isChecked()


def test_ctrl_enter_submits_a_short_answer(qtbot, page):
    _start(qtbot, page, "anaphylaxis", key="short")
    page.answer_edit.setFocus()
    qtbot.keyClicks(page.answer_edit, "give steroids")
    qtbot.keyClick(page.answer_edit, Qt.Key_Return)             # plain Enter: a new line
    assert page.feedback.toPlainText() == ""
    qtbot.keyClick(page.answer_edit, Qt.Key_Return, Qt.ControlModifier)
    assert "Model answer" in page.feedback.toPlainText()


def test_ending_with_unanswered_questions_asks_first(qtbot, page):
    _start(qtbot, page, "renal", count=3)
    qtbot.keyClick(page, Qt.Key_1)
    qtbot.keyClick(page, Qt.Key_Return)
    seen: list[str] = []
    _answer_box(qtbot, "No", seen)
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert seen and "2 questions are not answered" in seen[0]
    assert not page.session.finished                           # "No" keeps practising
    _answer_box(qtbot, "Yes", seen)
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert page.session.finished and "Session over" in page.notice.text()


def test_partly_right_is_shown_as_partly_right(qtbot, page):
    _start(qtbot, page, "diuretics", key="multi")
    qtbot.mouseClick(page._option_buttons[0], Qt.LeftButton)   # one of the two keys
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    text = page.feedback.toPlainText()
    assert "Partly right (50%)" in text and "Not right" not in text
    assert "partly right" in page.navigator.item(0).text()


def test_tutor_says_which_model_and_why_none(qtbot, page, student_app):
    _start(qtbot, page, "renal")
    assert "built-in model" in page.tutor_status_label.text()
    assert "too weak" in page.tutor_status_label.text()
    student_app.update_settings(default_provider="missing-one")
    qtbot.mouseClick(page.end_button, Qt.LeftButton)
    _start(qtbot, page)
    assert "no model provider is configured" in page.tutor_status_label.text()
    assert "missing-one" in page.tutor_status_label.text()


# ---------------------------------------------------------------- progress


def _progress(qtbot, app):
    from eduapp.ui.pages.progress import ProgressPage
    prog = ProgressPage(app)
    qtbot.addWidget(prog)
    prog.resize(1200, 800)
    prog.show()
    prog.on_shown()
    return prog


def _practise(qtbot, page, clock, n=6):
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    _start(qtbot, page, key="sba", count=n)
    for k in range(len(page.session)):
        clock.t += 40
        qtbot.keyClick(page, Qt.Key_1 if k % 3 else Qt.Key_2)
        qtbot.keyClick(page, Qt.Key_Return)
        qtbot.keyClick(page, Qt.Key_Right)


def test_plan_never_asks_for_more_questions_than_the_bank_has(qtbot, page, student_app,
                                                               clock):
    _practise(qtbot, page, clock)
    prog = _progress(qtbot, student_app)
    # the plan names each topic as the interface does (a system's topic: its name)
    counts = {topic_name(k, "en"): n for k, n in page.service.question_counts("topic").items()}
    tree: QTreeWidget = prog.plan_tree
    assert tree.topLevelItemCount() == 7
    for d in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(d)
        per_topic: dict[str, int] = {}
        for c in range(day.childCount()):
            label, n = day.child(c).text(0), int(day.child(c).text(1))
            if ": " in label:
                topic = label.split(": ", 1)[1]
                per_topic[topic] = per_topic.get(topic, 0) + n
        for topic, n in per_topic.items():
            assert n <= counts[topic], (day.text(0), topic, n)


def test_bar_chart_and_weekly_grid_agree_on_mastery(qtbot, page, student_app, clock):
    _practise(qtbot, page, clock)
    prog = _progress(qtbot, student_app)
    grid: QTableWidget = prog.heatmap
    last = grid.columnCount() - 1
    assert grid.horizontalHeaderItem(last).text() == "Mastery now"
    grid_mastery = {grid.verticalHeaderItem(r).text(): grid.item(r, last).text()
                    for r in range(grid.rowCount())}
    series = prog.topic_view.chart().series()[0]
    mastery_set = [s for s in series.barSets() if s.label() == "Mastery %"][0]
    labels = prog.topic_view.chart().axes(Qt.Vertical)[0].categories()
    chart_mastery = {labels[k]: f"{mastery_set.at(k) / 100:.0%}" for k in range(len(labels))}
    assert chart_mastery and chart_mastery == {t: grid_mastery[t] for t in chart_mastery}
    assert all("⋮" not in t and "…" not in t for t in labels)   # short names: whole


# ---------------------------------------------------------------- the Chinese interface

#: Words allowed in the Chinese interface: names of keys, units, standards and sources.
ALLOWED = {"Ctrl", "Enter", "Shift", "FSRS", "NBME", "USMLE", "SI", "PDF", "CSV", "KR",
           "Li", "Wei", "MBBS", "EduApp", "r_pb", "pb", "mmol"}  # mmol/L: an SI unit


def _texts(widget) -> list[str]:
    out = []
    for w in widget.findChildren(QLabel):
        if w.isVisibleTo(widget) and w.objectName() != "notice":
            out.append(w.text())
    for w in widget.findChildren(QAbstractButton):
        if w.isVisibleTo(widget):
            out += [w.text(), w.toolTip()]
    for w in widget.findChildren(QGroupBox):
        out.append(w.title())
    return out


def _english_words(texts) -> list[str]:
    words = []
    for t in texts:
        plain = re.sub(r"<[^>]+>", " ", t or "")
        words += [w for w in re.findall(r"[A-Za-z][A-Za-z_]{1,}", plain) if w not in ALLOWED]
    return words


def test_chinese_interface_of_practice_and_progress(qtbot, qapp, student_app, clock):
    from eduapp.ui.app import install_language
    student_app.update_settings(language="zh")
    install_language(qapp, "zh")
    try:
        page = _page(qtbot, student_app)
        assert page.language_box.currentData() == "zh"        # my language by default
        systems = {page.system_list.item(i).text() for i in range(page.system_list.count())}
        assert systems == {"心血管系统（2）"}
        assert _english_words(_texts(page)) == []
        _start(qtbot, page, "心力衰竭", count=2)
        qtbot.keyClick(page, Qt.Key_1)
        qtbot.keyClick(page, Qt.Key_Return)
        qtbot.mouseClick(page.lab_button, Qt.LeftButton)
        texts = _texts(page) + [page.feedback.toPlainText()] + [
            page.navigator.item(i).text() for i in range(page.navigator.count())]
        table = page.lab_panel.table
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        texts += [table.item(r, 0).text() for r in range(table.rowCount())
                  if table.columnSpan(r, 0) == 4]                # group headings
        texts += [table.item(r, 0).text() for r in range(table.rowCount())
                  if "钾" in table.item(r, 0).text()]           # Chinese analyte names
        model = student_app.workspace.tutor_status().model      # a model's own name
        texts = [t.replace(model, "") for t in texts]
        # content (the question's options) is the item's own text; the rest is Chinese
        options = {o.text for o in page.session.question().item.options}
        texts = [t for t in texts if not any(o in t for o in options)]
        assert _english_words(texts) == [], _english_words(texts)
        prog = _progress(qtbot, student_app)
        ptexts = _texts(prog) + [prog.summary.text()]
        tree = prog.plan_tree
        for d in range(tree.topLevelItemCount()):
            day = tree.topLevelItem(d)
            ptexts.append(day.text(0))
            ptexts += [day.child(c).text(2) for c in range(day.childCount())]
            ptexts += [day.child(c).text(0).split("：")[0].split(": ")[0]
                       for c in range(day.childCount())]
        assert "1月1日" in tree.topLevelItem(0).text(0)
        assert _english_words(ptexts) == [], _english_words(ptexts)
    finally:
        install_language(qapp, "en")


def test_tutor_says_when_the_configured_model_does_not_answer(qtbot, page, student_app):
    from eduapp.llm.profiles import preset_profile
    student_app.workspace.providers.save(preset_profile(
        "custom", "school", base_url="http://127.0.0.1:9/v1", model="qwen2.5-14b",
        timeout=2.0))
    student_app.update_settings(default_provider="school")
    _start(qtbot, page, "renal")
    assert "school (qwen2.5-14b)" in page.tutor_status_label.text()
    qtbot.keyClicks(page.tutor_edit, "Why not B?")
    qtbot.mouseClick(page.findChild(type(page.check_button), "askButton"), Qt.LeftButton)
    text = page.feedback.toPlainText()
    assert "school (qwen2.5-14b) did not answer" in text and "Sources: this question" in text


def test_teacher_allows_reviewed_items_in_settings(qtbot, page, student_app):
    from PySide6.QtWidgets import QDialogButtonBox

    from eduapp.ui.settings_dialog import SettingsDialog
    student_app.changed.connect(page.on_changes)
    assert "reviewed topic" not in _topics(page)
    dialog = SettingsDialog(student_app, page)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.allow_reviewed, Qt.LeftButton)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert student_app.settings.practice_allow_reviewed
    assert "reviewed topic" in _topics(page) and "draft topic" not in _topics(page)


def test_submitting_a_timed_session_with_unanswered_questions_asks(qtbot, page):
    page.mode_box.setCurrentIndex(page.mode_box.findData("timed"))
    _start(qtbot, page, "renal", count=3)
    qtbot.keyClick(page, Qt.Key_1)
    seen: list[str] = []
    _answer_box(qtbot, "Yes", seen)
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert "2 questions are not answered" in seen[0] and "count as wrong" in seen[0]
    assert page.session.finished
    assert len(page.service.store.attempts(page.profile_id())) == 3
