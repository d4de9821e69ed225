"""Provenance in the GUI item bank: the editor shows sources, author and the last review,
"Reviewed today" records a review, and the filters find stale items and exam types."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from tests.conftest import make_sba

OLD = {"source": "starter",
       "sources": [{"kind": "guideline", "title": "2018 Chinese hypertension guideline",
                    "edition": "2018", "year": 2018}],
       "author": {"kind": "model", "provider": "DeepSeek", "model": "deepseek-chat"},
       "reviewer": {"kind": "human", "name": "Dr Li"}, "reviewed_at": "2020-05-01"}


def _page(window):
    return window.show_page("bank")


def _choose(box, data):
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_editor_shows_provenance_and_records_a_review(window, gui_app, qtbot):
    item = gui_app.bank.save_item(make_sba("Which drug lowers mortality after MI?",
                                           provenance=dict(OLD)))
    page = _page(window)
    page.run_query()
    page.table.selectRow(0)
    text = page.editor.provenance_label.text()
    assert "2018 Chinese hypertension guideline" in text and "2020-05-01" in text
    assert "deepseek-chat" in text and "Dr Li" in text
    assert page.editor.reviewed_at.text() == "2020-05-01"
    page.editor.reviewer.setText("Dr Wang")
    qtbot.mouseClick(page.editor.reviewed_today, Qt.LeftButton)
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    stored = gui_app.bank.get_item(item.id)
    assert stored.provenance["reviewed_at"] == time.strftime("%Y-%m-%d")
    assert stored.provenance["reviewer"] == {"kind": "human", "name": "Dr Wang"}
    assert stored.provenance["sources"] == OLD["sources"] and stored.version == 1


def test_a_malformed_review_date_is_refused(window, gui_app, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    gui_app.bank.save_item(make_sba("Stem about aspirin", provenance=dict(OLD)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page = _page(window)
    page.run_query()
    page.table.selectRow(0)
    page.editor.reviewed_at.setText("last spring")
    page.editor.save_button.click()
    assert shown and "YYYY-MM-DD" in shown[0]
    assert gui_app.bank.get_item(page.model.ids[0]).provenance["reviewed_at"] == "2020-05-01"


def test_filters_reviewed_before_and_exam_type(window, gui_app):
    stale = gui_app.bank.save_item(make_sba("Stale item", exam_type="A2", provenance=dict(OLD)))
    fresh = gui_app.bank.save_item(make_sba("Fresh item", exam_type="X", provenance={
        **OLD, "reviewed_at": time.strftime("%Y-%m-%d")}))
    never = gui_app.bank.save_item(make_sba("Never reviewed", exam_type="X"))
    page = _page(window)
    page.refresh_facets()
    page.run_query()
    assert page.model.rowCount() == 3
    _choose(page.filters["reviewed"], time.localtime().tm_year - 1)
    assert sorted(page.model.ids) == sorted([stale.id, never.id])
    _choose(page.filters["exam_type"], "X")
    assert page.model.ids == [never.id]
    label = page.filters["exam_type"].currentText()
    assert "考研" in label  # the facet says X is the graduate entrance exam's type
    _choose(page.filters["reviewed"], "")
    assert sorted(page.model.ids) == sorted([fresh.id, never.id])
