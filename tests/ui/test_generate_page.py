"""The Generate page through qtbot, against the scripted OpenAI-compatible server: drafts in
the review queue with findings, approve and discard, provider down, cancel, notes rendered,
edited and saved, the embedded model's banner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from eduapp.domain import Changes
from tests.authoring.conftest import CASE, NOTES, auto, sba_answer
from eduapp.llm.scripted_server import answer

@pytest.fixture
def page(window, gui_app, scripted_profile):
    """The Generate page with the scripted provider saved and chosen as the default."""
    gui_app.workspace.providers.save(scripted_profile)
    gui_app.update_settings(default_provider="scripted")
    p = window.show_page("generate")
    assert p.form.provider_name() == "scripted"
    return p


def _ask_questions(page, count=2, topic="anaphylaxis"):
    page.form.set_kind("questions")
    page.form.topic.setText(topic)
    page.form.count.setValue(count)
    page.form.qtype.setCurrentIndex(page.form.qtype.findData("sba"))


def window_page(page, key):
    return page.window().page(key)


def test_page_replaces_the_planned_page(window):
    from eduapp.ui.pages.generate import GeneratePage
    assert isinstance(window.page("generate"), GeneratePage)


def test_two_drafts_land_in_the_queue_then_approve_and_discard(page, gui_app, scripted_server,
                                                               qtbot):
    auto(scripted_server, verdict="C")  # the blind answer disagrees: a finding
    _ask_questions(page)
    qtbot.mouseClick(page.generate_button, Qt.LeftButton)
    assert page.queue.count() == 2
    assert "2 draft questions" in page.message.text()
    assert page.tabs.currentIndex() == 0 and "(2)" in page.tabs.tabText(0)
    # findings: a badge on each row, and the editor lists them
    assert "⚠" in page.queue.item(0).text()
    page.queue.select_ids([page.queue.item(0).data(Qt.UserRole)])
    findings = [page.editor.findings.item(r).text() for r in range(page.editor.findings.count())]
    assert any("independent model answered C" in f for f in findings), findings
    assert page.editor.stem.toPlainText() == sba_answer()["stem"]
    first, second = (page.queue.item(r).data(Qt.UserRole) for r in range(2))
    assert {gui_app.bank.get_item(i).status for i in (first, second)} == {"draft"}

    page.queue.select_ids([first])
    from tests.ui.test_review_safety import _answer_box
    seen: list[str] = []
    _answer_box(qtbot, True, seen)  # the blind answer disagreed: approve anyway
    qtbot.mouseClick(page.approve_button, Qt.LeftButton)
    assert seen and "independent model" in seen[0]
    assert gui_app.bank.get_item(first).status == "approved"
    assert page.queue.count() == 1
    assert page.queue.selected_ids() == [second]  # the next draft is selected
    qtbot.mouseClick(page.discard_button, Qt.LeftButton)
    assert page.queue.count() == 0 and gui_app.bank.count() == 1
    assert "No drafts" in page.queue_count.text()
    # the item bank page hears about it
    bank_page = window_page(page, "bank")
    bank_page.on_shown()
    assert bank_page.model.rowCount() == 1


def test_accept_and_edit_a_draft(page, gui_app, scripted_server, qtbot):
    auto(scripted_server)
    _ask_questions(page, count=1)
    page.form.verify.setChecked(False)
    page.generate()
    item_id = page.queue.selected_ids()[0]
    page.editor.stem.setPlainText("Which drug is first-line for anaphylaxis in children?")
    page.editor._save()
    stored = gui_app.bank.get_item(item_id)
    assert stored.version == 2 and "children" in stored.stem
    assert "version 2" in page.message.text()
    assert page.queue.selected_ids() == [item_id]
    page.accept_selected("reviewed")
    assert gui_app.bank.get_item(item_id).status == "reviewed"
    assert page.queue.count() == 0


def test_regenerate_replaces_the_draft(page, gui_app, scripted_server):
    auto(scripted_server)
    _ask_questions(page, count=1)
    page.form.verify.setChecked(False)
    page.generate()
    old = page.queue.selected_ids()[0]
    page.regenerate_selected()
    assert page.queue.count() == 1
    new = page.queue.selected_ids()[0]
    assert new != old and gui_app.bank.count() == 1
    assert f"#{old}" in page.message.text()


def test_provider_down_shows_the_sentence_and_stores_nothing(page, gui_app, scripted_server):
    scripted_server.stop()
    _ask_questions(page)
    page.generate()
    assert page.message.isVisible()
    assert "unreachable" in page.message.text()
    assert gui_app.bank.count() == 0 and page.queue.count() == 0
    assert page.generate_button.isEnabled() and not page.cancel_button.isVisible()


def test_progress_and_cancel(page, gui_app, scripted_server, monkeypatch):
    from eduapp.llm.scripted_server import Reply
    import json
    text = json.dumps(NOTES)
    scripted_server.script(Reply(content=text, chunk_size=8, chunk_delay=0.005))
    page.form.set_kind("notes")
    page.form.topic.setText("anaphylaxis")
    seen = []
    original = page._show_progress

    def progress_then_cancel(text, fraction):
        original(text, fraction)
        seen.append(page.progress_label.text())
        if len(seen) == 3:
            assert page.cancel_button.isVisible()
            page.cancel_button.click()
    monkeypatch.setattr(page, "_show_progress", progress_then_cancel)
    page.generate()
    assert "tokens so far" in seen[0] and " s" in seen[0]
    assert "Cancelled" in page.message.text()
    assert gui_app.bank.stats()["documents"] == 0
    assert not page.cancel_button.isVisible()


def test_notes_render_and_save(page, gui_app, scripted_server):
    scripted_server.script(answer(NOTES))
    page.form.set_kind("notes")
    assert page.tabs.currentWidget() is page.documents
    page.form.topic.setText("anaphylaxis")
    page.generate()
    view = page.documents
    doc = view.document
    assert doc is not None and doc.id is not None
    assert gui_app.bank.get_document(doc.id).kind == "notes"
    rendered = view.browser.toPlainText()
    assert "Learning objectives" in rendered and "## " not in rendered  # Markdown rendered
    assert view.recent.currentData() == doc.id
    view.edit_toggle.setChecked(True)
    assert view.stack.currentWidget() is view.source
    view.source.setPlainText("# Anaphylaxis in adults\n\nGive **IM adrenaline** first.\n")
    view.edit_toggle.setChecked(False)
    assert "Give IM adrenaline first." in view.browser.toPlainText()
    view.save_button.click()
    stored = gui_app.bank.get_document(doc.id)
    assert stored.title == "Anaphylaxis in adults" and "**IM adrenaline**" in stored.body
    assert "Saved" in page.message.text()


def test_case_study_is_shown_rendered(page, gui_app, scripted_server):
    case = CASE
    scripted_server.script(answer(case))
    page.form.set_kind("case")
    page.form.topic.setText("anaphylaxis")
    page.generate()
    doc = page.documents.document
    assert gui_app.bank.get_document(doc.id).data["final_diagnosis"] == "Anaphylaxis"
    assert "Differential diagnosis" in page.documents.browser.toPlainText()


def test_embedded_provider_shows_the_low_quality_banner(page, gui_app, monkeypatch):
    assert not page.banner.isVisible()
    index = page.form.provider.findData("embedded")
    page.form.provider.setCurrentIndex(index)
    assert page.banner.isVisible()
    assert "Low quality" in page.banner.label.text()
    opened = []
    monkeypatch.setattr(type(page.window()), "open_settings", lambda self: opened.append(1))
    page.banner.button.click()
    assert opened == [1]


def test_empty_topic_is_refused_without_a_call(page, scripted_server):
    page.form.topic.setText("  ")
    page.generate()
    assert "topic" in page.message.text() and scripted_server.chat_requests == []


def test_generation_runs_off_the_gui_thread(page, gui_app, scripted_server, qtbot,
                                           monkeypatch):
    import json
    import threading
    import eduapp.authoring as authoring
    from eduapp.ui.ops import Op
    from eduapp.llm.scripted_server import Reply
    Op.synchronous = False
    scripted_server.script(Reply(content=json.dumps(NOTES), chunk_size=16, chunk_delay=0.01))
    page.form.set_kind("notes")
    page.form.topic.setText("anaphylaxis")
    threads, lines = [], []
    real = authoring.generate_notes

    def spy(*a, **kw):
        threads.append(threading.current_thread())
        return real(*a, **kw)
    monkeypatch.setattr(authoring, "generate_notes", spy)
    original = page._show_progress

    def record(text, fraction):
        original(text, fraction)
        lines.append(page.progress_label.text())
    monkeypatch.setattr(page, "_show_progress", record)
    page.generate()
    assert page.cancel_button.isVisible() and not page.generate_button.isEnabled()
    qtbot.waitUntil(lambda: page.documents.document is not None, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert any("tokens so far" in line for line in lines)
    assert page.generate_button.isEnabled() and not page.cancel_button.isVisible()
