"""The virtual-patient pages through qtbot: a whole encounter by clicks and typing (chat,
examination and investigation panel, diagnosis and plan, debrief, PDF), and the teacher's
case editor (check, try a question, save a copy to the bank)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import select_row


@pytest.fixture
def interview(qtbot, vp_app):
    from eduapp.ui.pages.interview import InterviewPage
    page = InterviewPage(vp_app)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    return page


def _ask(qtbot, page, question):
    page.question_edit.setText(question)
    qtbot.keyClick(page.question_edit, Qt.Key_Return)


def _export_pdf(qtbot, page, path, monkeypatch):
    """Click Export PDF… and choose ``path`` in the file dialog."""
    from PySide6.QtWidgets import QFileDialog
    import os
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (asked.append(a), (str(path), ""))[1]))
    qtbot.mouseClick(page.pdf_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.saved_label.isVisible(), timeout=30000)
    assert path.exists() and path.stat().st_size > 2000
    # the dialog starts in Documents or the folder used last, not the working folder
    assert os.path.dirname(asked[0][2]) != os.getcwd()
    assert str(path) in page.saved_label.text() and page.open_pdf_button.isVisible()


def _pdf_text(path) -> str:
    from pypdf import PdfReader
    return " ".join((p.extract_text() or "").replace("\n", " ")
                    for p in PdfReader(str(path)).pages)


def test_an_encounter_by_clicks(qtbot, interview, vp_app, tmp_path, monkeypatch):
    page = interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    assert page.stack.currentIndex() == 1
    assert "terrible pain in my chest" in page.chat_view.toPlainText()
    _ask(qtbot, page, "Hello, I'm Dr Lee. What brings you in today?")
    _ask(qtbot, page, "When did it start?")
    page.question_edit.setText("Does the pain spread anywhere?")
    qtbot.mouseClick(page.ask_button, Qt.LeftButton)
    text = page.chat_view.toPlainText()
    assert "carrying the shopping" in text and "left arm" in text
    select_row(page.exam_list, "Cardiovascular")
    qtbot.mouseClick(page.exam_button, Qt.LeftButton)
    assert "JVP not raised" in page.chat_view.toPlainText()
    select_row(page.test_list, "12-lead ECG")
    qtbot.mouseClick(page.order_button, Qt.LeftButton)
    assert "cost 20" in page.clock_label.text()
    qtbot.mouseClick(page.wait_button, Qt.LeftButton)
    assert "ST elevation" in page.chat_view.toPlainText()
    page.diagnosis_edit.setText("Anterior STEMI; aortic dissection")
    page.plan_edit.setPlainText("aspirin 300 mg\nticagrelor\nprimary PCI")
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert "much easier now" in page.chat_view.toPlainText()  # the patient improved
    qtbot.mouseClick(page.finish_button, Qt.LeftButton)
    assert page.stack.currentIndex() == 2
    debrief = page.debrief_view.toPlainText()
    assert "Score:" in debrief and "Teaching points" in debrief and "Family history" in debrief
    rows = page.profile_box  # the encounter is in the student's history
    saved = vp_app.workspace.practice.store.encounters()
    assert len(saved) == 1 and saved[0]["case_id"] == "chest-pain-en"
    assert "names the expected diagnosis" in debrief  # the reason for "correct"
    assert "Checklist by section" in debrief and "Efficiency" in debrief
    assert "3 questions asked" in debrief and "cost 20 GBP" in debrief.replace("\n", " ")
    assert "Transcript" in debrief and "When did it start?" in debrief
    pdf = tmp_path / "debrief.pdf"
    _export_pdf(qtbot, page, pdf, monkeypatch)
    text = _pdf_text(pdf)
    for words in ("Virtual patient debrief", "Checklist by section", "Family history",
                  "names the expected diagnosis", "3 questions", "Teaching points",
                  "Transcript", "When did it start?"):
        assert words in text, words
    qtbot.mouseClick(page.back_button, Qt.LeftButton)
    assert page.stack.currentIndex() == 0 and rows.count() == 1


def test_a_chinese_encounter_and_an_unlisted_test(qtbot, interview, tmp_path, monkeypatch):
    page = interview
    select_row(page.case_list, "转移性右下腹痛")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    _ask(qtbot, page, "你哪里不舒服？")
    _ask(qtbot, page, "以前得过什么病？")
    assert "没有胃病" in page.chat_view.toPlainText()
    page.other_test.setText("甲状腺功能")
    qtbot.mouseClick(page.order_button, Qt.LeftButton)
    assert "甲状腺功能：未见异常" in page.chat_view.toPlainText()
    page.diagnosis_edit.setText("急性胆囊炎")
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    qtbot.mouseClick(page.finish_button, Qt.LeftButton)
    debrief = page.debrief_view.toPlainText()
    assert "现病史" in debrief and "neither the expected diagnosis" in debrief
    pdf = tmp_path / "debrief-zh.pdf"
    _export_pdf(qtbot, page, pdf, monkeypatch)
    text = _pdf_text(pdf).replace(" ", "")
    for words in ("虚拟病人复盘", "评分表各部分", "现病史", "不正确", "都不一致", "效率", "教学要点",
                  "对话记录", "以前得过什么病"):
        assert words in text, words


@pytest.fixture
def editor(qtbot, vp_app):
    from eduapp.ui.pages.patients import PatientsPage
    page = PatientsPage(vp_app)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    return page


def test_case_editor_checks_tries_and_saves_a_copy(qtbot, editor, vp_app):
    page = editor
    select_row(page.case_list, "Breathlessness")
    assert page.editor.f_id.text() == "dyspnoea-en"
    assert page.editor.facts.table.rowCount() > 10
    qtbot.mouseClick(page.check_button, Qt.LeftButton)
    assert page.problems.count() == 0 and "valid" in page.status_label.text()
    page.tabs.setCurrentIndex(page.try_tab)
    page.try_edit.setText("How many pillows do you sleep on?")
    qtbot.keyClick(page.try_edit, Qt.Key_Return)
    assert "orthopnoea" in page.try_result.text() and "pillows" in page.try_result.text()
    page.editor.f_id.setText("dyspnoea-copy")
    page.editor.f_title.setText("Breathless (my version)")
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    from eduapp.vpatient.library import DOCUMENT_KIND
    docs = vp_app.bank.documents(kind=DOCUMENT_KIND)
    assert [d.uid for d in docs] == ["vp-dyspnoea-copy"]
    assert page.current_id() == "dyspnoea-copy"


def test_case_editor_shows_class_results(qtbot, editor, vp_app):
    from eduapp.vpatient import Encounter, save_encounter, shipped_cases
    case = next(c for c in shipped_cases() if c.id == "headache-en")
    enc = Encounter(case)
    enc.ask("When did the headache start?")
    svc = vp_app.workspace.practice
    save_encounter(svc.store, svc.profiles()[0]["id"], enc, enc.finish())
    select_row(editor.case_list, "Sudden severe headache")
    assert "1 student" in editor.results_label.text()
    assert editor.results.rowCount() > 10
    assert editor.results.item(0, 0).text() == "0%"


def test_progress_page_lists_the_students_encounters(qtbot, vp_app, interview):
    page = interview
    select_row(page.case_list, "女大学生")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    _ask(qtbot, page, "你哪里不舒服？")
    page.diagnosis_edit.setText("糖尿病酮症酸中毒")
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    qtbot.mouseClick(page.finish_button, Qt.LeftButton)
    from eduapp.ui.pages.progress import ProgressPage
    progress = ProgressPage(vp_app)
    qtbot.addWidget(progress)
    progress.show()
    progress.on_shown()
    progress.tabs.setCurrentIndex(progress.tabs.count() - 1)
    table = progress.encounter_table
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "多饮多尿伴呕吐的女大学生"
    assert table.item(0, 3).text() == "right" and table.item(0, 4).text() == "1"


@pytest.fixture
def llm_interview(qtbot, vp_app, scripted_profile):
    """The encounter page with the scripted provider chosen as the default."""
    vp_app.workspace.providers.save(scripted_profile)
    vp_app.update_settings(default_provider="scripted")
    from eduapp.ui.pages.interview import InterviewPage
    page = InterviewPage(vp_app)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    assert page.llm_box.isEnabled()
    qtbot.mouseClick(page.llm_box, Qt.LeftButton)
    assert page.llm_box.isChecked()
    return page


def _watch_chat(page) -> list[str]:
    seen: list[str] = []
    page.chat_view.textChanged.connect(lambda: seen.append(page.chat_view.toPlainText()))
    return seen


def test_role_play_answers_stream_into_the_chat(qtbot, llm_interview, scripted_server):
    from eduapp.llm.scripted_server import answer
    page = llm_interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    scripted_server.script(answer("It started about an hour ago. I was carrying the shopping "
                                  "upstairs. It hasn't stopped since.", chunk_size=3))
    seen = _watch_chat(page)
    _ask(qtbot, page, "When did this start?")
    assert any("The patient is answering" in s for s in seen)
    partial = [s for s in seen if "an hour ago" in s and "upstairs" not in s]
    assert partial and partial[0].rstrip().endswith("…")  # one sentence, more to come
    assert any("upstairs" in s and "hasn't stopped" not in s for s in seen)
    final = page.chat_view.toPlainText()
    assert "It hasn't stopped since." in final and "…" not in final.split("since.")[-1]
    assert page.encounter.transcript[-1].by == "llm"
    assert page.question_edit.isEnabled()


def test_a_leaking_role_play_stream_never_reaches_the_chat(qtbot, llm_interview,
                                                          scripted_server):
    from eduapp.llm.scripted_server import answer
    page = llm_interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    scripted_server.script(answer("It began an hour ago. I reckon it's a heart attack, "
                                  "doctor. Is it a STEMI?", chunk_size=2))
    seen = _watch_chat(page)
    _ask(qtbot, page, "When did it start?")
    assert any("It began an hour ago." in s for s in seen)  # streamed, guarded
    assert not any("heart attack" in s.lower() or "stemi" in s.lower() for s in seen)
    final = page.chat_view.toPlainText()
    assert "half six" in final and "It began an hour ago" not in final  # replaced
    assert page.encounter.transcript[-1].by == "guard"


def test_read_aloud_degrades_cleanly_without_a_voice(qtbot, interview):
    from eduapp.ui.pages import interview as module
    assert module._speech("zh") is None or hasattr(module._speech("zh"), "say")  # no error
    page = interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    page._voices["en"] = None  # this machine has no voice (offscreen: never one)
    qtbot.mouseClick(page.speak_box, Qt.LeftButton)
    assert not page.speak_box.isChecked() and "No text-to-speech voice" in \
        page.speech_note.text()
    _ask(qtbot, page, "When did it start?")
    assert "half six" in page.chat_view.toPlainText()


def test_read_aloud_speaks_each_answer_where_a_voice_exists(qtbot, interview):
    page = interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)

    class Voice:
        said: list = []

        def say(self, text):
            self.said.append(text)
    page._voices["en"] = voice = Voice()
    qtbot.mouseClick(page.speak_box, Qt.LeftButton)
    assert page.speak_box.isChecked() and page.speech_note.text() == ""
    _ask(qtbot, page, "When did it start?")
    assert len(voice.said) == 1 and "half six" in voice.said[0]


def test_with_a_model_a_diagnosis_in_other_words_is_judged_with_its_reason(
        qtbot, llm_interview, scripted_server):
    from eduapp.llm.scripted_server import answer
    page = llm_interview
    select_row(page.case_list, "taxi driver")
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    scripted_server.script(
        answer({"correct": True, "reason": "Occlusion of the LAD with ST elevation is an "
                                           "anterior STEMI."}),
        answer({"steps": []}))
    page.diagnosis_edit.setText("occluded left anterior descending artery with ST elevation")
    page.plan_edit.setPlainText("aspirin 300 mg")
    qtbot.mouseClick(page.submit_button, Qt.LeftButton)
    assert page.finish_button.isEnabled()
    qtbot.mouseClick(page.finish_button, Qt.LeftButton)
    debrief = page.debrief_view.toPlainText()
    assert "(correct)" in debrief
    assert "Judged by the language model: Occlusion of the LAD" in debrief
    judged = [r for r in scripted_server.chat_requests if "response_format" in r]
    assert judged and "occluded left anterior descending" in judged[0]["messages"][-1]["content"]


def test_students_see_only_approved_cases(qtbot, vp_app, interview):
    from eduapp.vpatient import CaseScript, shipped_cases
    base = next(c for c in shipped_cases() if c.id == "chest-pain-en").to_dict()
    for cid, status in (("draft-mi", "draft"), ("reviewed-mi", "reviewed")):
        vp_app.workspace.save_case(CaseScript.from_dict(
            {**base, "id": cid, "title": f"{status} chest pain", "status": status}))
    interview.on_shown()
    qtbot.waitUntil(lambda: interview.case_list.count() > 0)

    def titles():
        return [interview.case_list.item(i).text() for i in range(interview.case_list.count())]
    assert not any("draft chest pain" in t or "reviewed chest pain" in t for t in titles())
    assert len(titles()) == 6  # the shipped cases
    vp_app.update_settings(practice_allow_reviewed=True)
    interview.on_shown()
    qtbot.waitUntil(lambda: any("reviewed chest pain" in t for t in titles()))
    assert not any("draft chest pain" in t for t in titles())


def test_a_reload_of_the_case_list_keeps_the_case_picked(qtbot, interview):
    # the tester's tour: the list refreshed after a click and the first case started
    page = interview
    select_row(page.case_list, "18 月龄幼儿")
    chosen = page.case_list.currentItem().data(Qt.UserRole).id
    page.on_shown()  # the page shown again reloads the cases in the background
    qtbot.wait(50)
    qtbot.waitUntil(lambda: page.case_list.count() > 0
                    and page.case_list.currentItem() is not None)
    qtbot.wait(500)
    assert page.case_list.currentItem().data(Qt.UserRole).id == chosen


def test_section_points_show_one_decimal():
    from eduapp.vpatient.scoring import SectionResult
    assert SectionResult("m", "Management", 17 / 3, 7).points_text == "5.7 / 7"
    assert SectionResult("h", "History", 6, 8).points_text == "6 / 8"
