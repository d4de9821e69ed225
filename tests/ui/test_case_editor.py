"""The teacher's case editor through qtbot: every part of a case script edited in forms and
saved through the Workspace, a checklist item that refers to something not in the script
shown next to the field (and nothing saved), unsaved edits marked and asked about, the
Chinese interface's status and system names, and a lossless round trip of every shipped
case through the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from eduapp.vpatient import CaseScript, shipped_cases
from tests.ui.conftest import select_row


@pytest.fixture
def page(qtbot, vp_app):
    from eduapp.ui.pages.patients import PatientsPage
    p = PatientsPage(vp_app)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.on_shown()
    return p


def _tab(page, name: str) -> int:
    for i in range(page.tabs.count()):
        if page.tabs.tabText(i) == name:
            page.tabs.setCurrentIndex(i)
            return i
    raise AssertionError(name)


def _type_cell(qtbot, table, row: int, key: str, text: str) -> None:
    """Click a cell, press F2, type ``text`` over it, press Enter (as a teacher does)."""
    col = next(i for i, c in enumerate(table.columns) if c.key == key)
    t = table.table
    item = t.item(row, col)
    t.scrollToItem(item)
    rect = t.visualItemRect(item)
    qtbot.mouseClick(t.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.keyClick(t, Qt.Key_F2)
    editor = t.indexWidget(t.model().index(row, col))
    assert isinstance(editor, QLineEdit), "F2 opened no cell editor"
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest cannot type Chinese; an input method commits the text at once
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: t.state() != t.State.EditingState, timeout=1000)  # queued commit
    assert t.item(row, col).text() == text


def _add_row(qtbot, table, values: dict) -> int:
    qtbot.mouseClick(table.add_button, Qt.LeftButton)
    row = table.table.rowCount() - 1
    for key, text in values.items():
        _type_cell(qtbot, table, row, key, text)
    return row


def test_every_shipped_case_round_trips_through_the_form(page):
    for case in shipped_cases():
        page.load(case.to_dict())
        assert CaseScript.from_dict(page.script_dict()) == case, case.id
        assert page.editor.row_problems() == [], case.id
        assert not page.is_modified()


def test_edit_every_section_and_save(qtbot, page, vp_app):
    select_row(page.case_list, "Breathlessness")
    ed = page.editor
    qtbot.keyClick(ed.f_id, Qt.Key_End)
    qtbot.keyClicks(ed.f_id, "-v2")
    # checked once typing pauses (CaseEditor.SETTLE_MS), not per keystroke
    assert "unsaved changes" not in page.header.text()
    qtbot.waitUntil(lambda: "unsaved changes" in page.header.text(), timeout=2000)
    ed.f_objectives.appendPlainText("Recognise heart failure in an older smoker")
    ed.f_status.setCurrentIndex(ed.f_status.findData("reviewed"))
    ed.f_exam_unlisted.setCurrentIndex(ed.f_exam_unlisted.findData("not_available"))
    ed.f_lines["closing"].setText("That's all, doctor.")
    ed.f_age.setValue(71)
    _tab(page, "History")
    _add_row(qtbot, ed.facts, {"id": "pets", "answer": "We have a cat.",
                               "keywords": "cat, pets, 宠物",
                               "questions": "Do you have pets?; Any animals at home?"})
    _tab(page, "Physical examination")
    _add_row(qtbot, ed.exam, {"id": "feet", "name": "Feet", "finding": "Pitting oedema.",
                              "cost": "5"})
    _tab(page, "Investigations")
    _add_row(qtbot, ed.investigations, {"id": "tsh", "name": "TSH", "result": "2.1 mU/L",
                                        "cost": "40", "minutes": "90"})
    _tab(page, "Diagnosis and management")
    ed.f_dx_synonyms.setText(ed.f_dx_synonyms.text() + ", pump failure")
    _add_row(qtbot, ed.differential, {"name": "Anaemia", "synonyms": "low blood count"})
    _add_row(qtbot, ed.management, {"id": "weigh", "name": "Daily weights"})
    _tab(page, "Checklist")
    _add_row(qtbot, ed.sections, {"id": "extra", "title": "Extra"})
    row = _add_row(qtbot, ed.items, {"id": "x_pets", "text": "Asks about pets",
                                     "weight": "2"})
    ed.items.table.cellWidget(row, 0).setCurrentIndex(
        ed.items.table.cellWidget(row, 0).findData("extra"))
    ed.items.table.setCurrentCell(row, 1)

    def pick():
        dialog = QApplication.activeModalWidget()
        for i in range(dialog.list.count()):
            it = dialog.list.item(i)
            if it.data(Qt.UserRole) in ("fact:pets", "management:weigh"):
                it.setCheckState(Qt.Checked)
        dialog.accept()
    QTimer.singleShot(50, pick)
    qtbot.mouseClick(ed.choose_refs_button, Qt.LeftButton)
    assert ed.items.row(row)["refs"] == ["fact:pets", "management:weigh"]
    assert ed.items.table.item(row, len(ed.items.columns)).text() == "✓"
    _tab(page, "Debrief")
    ed.f_points.appendPlainText("Weigh daily; call if up 2 kg in 3 days.")
    _tab(page, "States and rules")
    ed.f_initial.setText("calm")
    _add_row(qtbot, ed.states, {"id": "calm", "description": "Comfortable at rest",
                                "vitals": "HR 88"})
    _add_row(qtbot, ed.states, {"id": "gasping", "patient_says": "I can't breathe!",
                                "exam": "feet: Oedema to the knees"})
    _add_row(qtbot, ed.rules, {"id": "no_diuretic", "state": "calm",
                               "minutes_at_least": "45", "not_done": "management:weigh",
                               "goto": "gasping", "message": "She is getting worse.",
                               "counters": "delay=1"})
    assert ed.row_problems() == []
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert page.status_label.text() == "Saved to the bank.", \
        [page.problems.item(i).text() for i in range(page.problems.count())]
    assert "unsaved" not in page.header.text()
    saved = vp_app.workspace.patients.get("dyspnoea-en-v2")
    assert saved.status == "reviewed" and saved.patient.age == 71
    assert saved.objectives[-1].startswith("Recognise heart failure")
    assert saved.exam_unlisted == "not_available" and saved.lines.closing == "That's all, doctor."
    pets = saved.fact("pets")
    assert pets.keywords == ["cat", "pets", "宠物"] and len(pets.questions) == 2
    assert saved.exam_finding("feet").cost == 5
    assert saved.investigation("tsh").minutes == 90
    assert "pump failure" in saved.diagnosis.synonyms
    assert saved.differential[-1].name == "Anaemia"
    assert saved.management[-1].id == "weigh"
    extra = next(s for s in saved.checklist.sections if s.id == "extra")
    assert extra.items[0].refs == ["fact:pets", "management:weigh"] and \
        extra.items[0].weight == 2
    assert saved.debrief.teaching_points[-1].startswith("Weigh daily")
    assert saved.initial_state == "calm" and saved.state("gasping").exam == {
        "feet": "Oedema to the knees"}
    rule = saved.rules[-1]
    assert rule.when.minutes_at_least == 45 and rule.when.not_done == ["management:weigh"]
    assert rule.then.goto == "gasping" and rule.then.counters == {"delay": 1.0}
    assert page.current_id() == "dyspnoea-en-v2"


def test_a_checklist_item_that_refers_to_nothing_in_the_script(qtbot, page, vp_app):
    from eduapp.vpatient.library import DOCUMENT_KIND
    select_row(page.case_list, "Breathlessness")
    ed = page.editor
    _tab(page, "Checklist")
    _type_cell(qtbot, ed.items, 0, "refs", "fact:nocturnal")
    check = ed.items.table.item(0, len(ed.items.columns))
    assert "fact:nocturnal" in check.text() and "not in the script" in check.text()
    assert check.foreground().color().name() == "#b91c1c"
    _tab(page, "History")
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert vp_app.bank.documents(kind=DOCUMENT_KIND) == []
    assert "Not saved" in page.status_label.text()
    first = page.problems.item(0)
    assert "fact:nocturnal" in first.text()
    rect = page.problems.visualItemRect(first)
    qtbot.mouseClick(page.problems.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Checklist"
    # renaming the fact the item needs is caught too: the checklist row turns red
    _type_cell(qtbot, ed.items, 0, "refs", "fact:pnd")
    assert ed.items.table.item(0, len(ed.items.columns)).text() == "✓"
    _tab(page, "History")
    row = next(n for n in range(ed.facts.table.rowCount()) if ed.facts.row(n)["id"] == "pnd")
    _type_cell(qtbot, ed.facts, row, "id", "night_breathless")
    refs_to_pnd = [n for n in range(ed.items.table.rowCount())
                   if "fact:pnd" in ed.items.row(n)["refs"]]
    assert refs_to_pnd and all("fact:pnd" in ed.items.table.item(n, len(ed.items.columns))
                               .text() for n in refs_to_pnd)


def _answer_next_box(button_text: str):
    def act():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        for b in box.buttons():
            if b.text() == button_text:
                b.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])
    QTimer.singleShot(50, act)


def test_unsaved_edits_are_asked_about(qtbot, page, vp_app):
    select_row(page.case_list, "Breathlessness")
    page.editor.f_title.setText("Breathless, edited")
    assert page.is_modified() and "✎" in page.header.text()
    _answer_next_box("Cancel")
    select_row(page.case_list, "Sudden severe headache")
    assert page.current_id() == "dyspnoea-en"
    assert page.editor.f_title.text() == "Breathless, edited"
    _answer_next_box("Discard changes")
    select_row(page.case_list, "Sudden severe headache")
    assert page.editor.f_id.text() == "headache-en" and not page.is_modified()
    page.editor.f_title.setText("Headache, edited")
    _answer_next_box("Save")
    select_row(page.case_list, "Breathlessness")
    assert vp_app.workspace.patients.get("headache-en").title == "Headache, edited"
    assert page.editor.f_id.text() == "dyspnoea-en" and not page.is_modified()
    qtbot.mouseClick(page.revert_button, Qt.LeftButton)  # nothing to revert: disabled
    page.editor.f_cc.setText("changed")
    qtbot.waitUntil(page.revert_button.isEnabled, timeout=2000)
    qtbot.mouseClick(page.revert_button, Qt.LeftButton)
    assert page.editor.f_cc.text() != "changed" and not page.is_modified()


def test_chinese_interface_names_status_system_and_categories(qtbot, qapp, vp_app):
    from eduapp.ui.app import install_language
    from eduapp.ui.pages.patients import PatientsPage
    vp_app.update_settings(language="zh")
    install_language(qapp, "zh")
    try:
        page = PatientsPage(vp_app)
        qtbot.addWidget(page)
        page.show()
        page.on_shown()
        select_row(page.case_list, "转移性右下腹痛")
        ed = page.editor
        assert ed.f_status.currentText() == "已批准"
        assert ed.f_system.currentText() == "消化系统"
        assert [ed.f_status.itemText(i) for i in range(ed.f_status.count())] == [
            "草稿", "已审阅", "已批准", "已停用"]
        assert ed.facts.table.cellWidget(0, 1).currentText() == "主诉"
        assert CaseScript.from_dict(page.script_dict()).system == "gastroenterology"
    finally:
        install_language(qapp, "en")
        vp_app.update_settings(language="en")


def test_a_new_case_starts_unsaved_and_revert_drops_it(qtbot, page):
    select_row(page.case_list, "Breathlessness")
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    assert page.editor.f_id.text() == "new-case" and page.is_modified()
    ed = page.editor
    assert ed.facts.table.rowCount() == 1
    # blank: nothing comes from the case that was selected
    for table in (ed.exam, ed.investigations, ed.differential, ed.management, ed.items,
                  ed.sections, ed.states, ed.rules):
        assert table.table.rowCount() == 0
    assert ed.f_cc.text() == "" and ed.f_dx.text() == "" and ed.f_name.text() == ""
    assert ed.f_language.currentData() == "en" and ed.f_status.currentData() == "draft"
    assert ed.f_opening.toPlainText() == "" and ed.f_objectives.toPlainText() == ""
    qtbot.mouseClick(page.revert_button, Qt.LeftButton)
    assert not page.is_modified() and page.editor.f_id.text() == page.current_id() != ""


def test_duplicate_copies_the_selected_case_as_a_draft(qtbot, page):
    select_row(page.case_list, "Breathlessness")
    qtbot.mouseClick(page.duplicate_button, Qt.LeftButton)
    ed = page.editor
    assert ed.f_id.text() == "dyspnoea-en-copy" and ed.f_title.text().endswith("(copy)")
    assert ed.f_status.currentData() == "draft" and page.is_modified()
    assert ed.exam.table.rowCount() > 0 and ed.f_dx.text()
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert page.status_label.text() == "The case is valid."


def test_a_case_with_text_in_the_other_language_is_warned_about(qtbot, page, vp_app):
    from eduapp.vpatient.library import DOCUMENT_KIND
    zh = next(c for c in shipped_cases() if c.id == "abdominal-pain-zh")
    select_row(page.case_list, "Breathlessness")
    qtbot.mouseClick(page.duplicate_button, Qt.LeftButton)
    data = page.script_dict()
    data.update(exam=zh.to_dict()["exam"],
                diagnosis=zh.to_dict()["diagnosis"])
    data["checklist"]["sections"] = [
        {**s, "items": [i for i in s["items"]
                        if not any(r.startswith(("exam:", "diagnosis")) for r in i["refs"])]}
        for s in data["checklist"]["sections"]]
    data["checklist"]["sections"] = [s for s in data["checklist"]["sections"] if s["items"]]
    data["rules"], data["states"], data["initial_state"] = [], [], ""
    page.editor.load(data)
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    listed = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any(t.startswith("Warning: examinations (") and "written in Chinese" in t
               for t in listed), listed
    assert any("Warning: the diagnosis: written in Chinese" in t for t in listed)
    assert page.problems.isVisible()
    assert page.status_label.text() == "The case is valid; read the warnings."
    qtbot.mouseClick(page.save_button, Qt.LeftButton)  # a warning does not block saving
    assert any(d.uid == "vp-dyspnoea-en-copy" for d in vp_app.bank.documents(kind=DOCUMENT_KIND))


def test_problem_count_is_worded_for_one_and_many(qtbot, page):
    select_row(page.case_list, "Breathlessness")
    page.editor.f_title.setText("")
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert page.status_label.text() == "1 problem to fix."
    page.editor.f_cc.setText("")
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert page.status_label.text() == "2 problems to fix."


def test_an_empty_title_and_a_wrong_initial_state_are_marked_at_the_field(qtbot, page, vp_app):
    from eduapp.vpatient.library import DOCUMENT_KIND
    select_row(page.case_list, "Breathlessness")
    ed = page.editor
    ed.f_title.selectAll()
    qtbot.keyClick(ed.f_title, Qt.Key_Delete)
    qtbot.waitUntil(lambda: "background" in ed.f_title.styleSheet(), timeout=2000)
    assert ed.f_title.toolTip() == "must not be empty"
    _tab(page, "States and rules")
    ed.f_initial.setText("asleep")
    qtbot.waitUntil(lambda: "one of the states" in ed.f_initial.toolTip(), timeout=2000)
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert vp_app.bank.documents(kind=DOCUMENT_KIND) == []
    listed = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any(t.startswith("Case and patient · Title: must not be empty") for t in listed)
    assert any("Initial state: must be one of the states" in t for t in listed)
    ed.f_initial.setText("congested")
    ed.f_title.setText("Breathless again")
    qtbot.waitUntil(lambda: ed.f_title.styleSheet() == "", timeout=2000)
    assert ed.f_initial.toolTip() == ""


def test_typing_is_checked_once_it_pauses_not_per_key(qtbot, page):
    select_row(page.case_list, "Breathlessness")
    ed = page.editor
    emitted = []
    ed.edited.connect(lambda: emitted.append(1))
    rechecks = []
    original = ed.recheck
    ed.recheck = lambda: (rechecks.append(1), original())[1]
    ed.f_dx.setFocus()
    qtbot.keyClick(ed.f_dx, Qt.Key_End)
    qtbot.keyClicks(ed.f_dx, " with pulmonary oedema")
    assert emitted == [] and rechecks == []  # nothing per keystroke
    qtbot.waitUntil(lambda: emitted == [1], timeout=2000)
    assert rechecks == [1] and page.is_modified()


def test_age_shows_whole_years_and_columns_show_their_choices(qtbot, page):
    select_row(page.case_list, "Breathlessness")
    ed = page.editor
    assert ed.f_age.text() == f"{ed.f_age.value():g}" and "." not in ed.f_age.text()
    table = ed.facts.table
    col = next(i for i, c in enumerate(ed.facts.columns) if c.key == "category")
    widest = max(table.fontMetrics().horizontalAdvance(t) for _v, t in
                 ed.facts.columns[col].choices)
    assert table.columnWidth(col) > widest
    items = ed.items.table
    widest = max(items.fontMetrics().horizontalAdvance(t) for _v, t in
                 ed.items.columns[0].choices)
    assert items.columnWidth(0) > widest  # "communication", "management" whole
    header = items.horizontalHeader()
    for i in range(items.columnCount() - 1):
        assert items.columnWidth(i) >= header.sectionSizeHint(i)


@pytest.mark.parametrize("case_title, case_id, expected", [
    ("taxi driver", "chest-pain-en", ["Asks about the presenting complaint",
                                      "Asks about alcohol", "Asks about smoking"]),
    ("转移性右下腹痛", "abdominal-pain-zh", ["询问主诉", "询问吸烟情况", "询问有无恶心"])])
def test_build_the_checklist_names_what_to_ask_not_the_answer(qtbot, page, case_title,
                                                               case_id, expected):
    select_row(page.case_list, case_title)
    _tab(page, "Checklist")
    qtbot.mouseClick(page.editor.build_checklist_button, Qt.LeftButton)
    texts = [r["text"] for r in page.editor.items.rows()]
    for label in expected:
        assert label in texts
    answers = {f.answer for f in next(c for c in shipped_cases() if c.id == case_id).facts}
    assert not answers & set(texts)
    assert texts[0] == expected[0]  # the chief complaint first
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert page.status_label.text() == "The case is valid."
