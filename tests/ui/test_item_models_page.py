"""The Item models page through qtbot: pick a shipped model, edit a variable and see the
preview follow, break and fix the model, import and export JSON, generate drafts into the
bank, and open a knowledge table."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem

from tests.authoring.test_aig import tiny_model


def _page(window):
    from eduapp.ui.pages.item_models import ItemModelsPage
    page = window.show_page("item_models")
    assert isinstance(page, ItemModelsPage)
    return page


def _select(page, source_id):
    for row in range(page.source_list.count()):
        if page.source_list.item(row).data(Qt.UserRole) == source_id:
            page.source_list.setCurrentRow(row)
            return
    raise AssertionError(source_id)


def test_reachable_from_the_side_bar(window, qtbot):
    keys = [window.nav.item(r).data(Qt.UserRole) for r in range(window.nav.count())]
    row = keys.index("item_models")
    window.nav.setCurrentRow(row)
    assert window.current_page_key() == "item_models"
    page = window.page("item_models")
    assert page.source_list.count() >= 16
    assert "possible questions" in page.counts.text()


def test_edit_preview_break_and_fix(window, qtbot):
    page = _page(window)
    _select(page, "en-potassium")
    assert page.model_id.text() == "en-potassium"
    before = int(page.counts.text().split()[0])
    assert before == 4752 and "<ol" in page.preview.toHtml()
    # narrow the ages: fewer combinations in the live preview
    page.tabs.setCurrentIndex(1)
    row = next(r for r in range(page.variables.rowCount())
               if page.variables.item(r, 0).text() == "age")
    page.variables.setItem(row, 1, QTableWidgetItem("40..50 step 10"))
    qtbot.waitUntil(lambda: page.counts.text().startswith("1584 "), timeout=3000)
    # a stem that names an unknown variable is refused with the reason
    page.tabs.setCurrentIndex(0)
    page.lead_in.setText("What should be done for {weight}?")
    page.lead_in.textEdited.emit(page.lead_in.text())
    qtbot.waitUntil(lambda: "unknown placeholder" in page.message.text(), timeout=3000)
    assert "fix the model" in page.counts.text()
    page.lead_in.setText("Which treatment should be given first?")
    page.lead_in.textEdited.emit(page.lead_in.text())
    qtbot.waitUntil(lambda: page.message.text() == "The model is valid.", timeout=3000)


def test_generate_drafts_into_the_bank(window, gui_app, qtbot):
    page = _page(window)
    _select(page, "zh-thyroid-function")
    page.count.setValue(7)
    qtbot.mouseClick(page.generate_button, Qt.LeftButton)
    assert "7" in page.message.text()
    items = gui_app.bank.search("", limit=50)
    assert len(items) == 7 and {i.status for i in items} == {"draft"}
    assert {i.provenance["model_id"] for i in items} == {"zh-thyroid-function"}


def test_import_export_and_save(window, gui_app, qtbot, tmp_path, monkeypatch):
    page = _page(window)
    src = tmp_path / "mine.json"
    src.write_text(json.dumps(tiny_model(id="my-sodium", title="My sodium")), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    assert page.model_id.text() == "my-sodium"
    qtbot.waitUntil(lambda: "possible questions" in page.counts.text() or "fix" in
                    page.counts.text(), timeout=3000)
    assert page.counts.text().startswith("42 "), page.message.text()
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.model_title.setText("My sodium, edited")
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "My sodium, edited"
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert page.source_list.currentItem().data(Qt.UserRole) == "my-sodium"
    assert page.source_list.item(0).data(Qt.UserRole) == "my-sodium"


def test_a_knowledge_table_shows_its_rows_and_directions(window, qtbot):
    page = _page(window)
    _select(page, "zh-table-antidotes")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Table"
    assert page.table_view.rowCount() >= 14 and page.directions.rowCount() == 2
    total = int(page.counts.text().split()[0])
    page.directions.setCurrentCell(1, 0)
    qtbot.mouseClick(page.directions.remove_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: int(page.counts.text().split()[0]) < total, timeout=3000)


def test_mark_a_table_of_a_note_from_the_page(window, gui_app, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from eduapp.domain import Document
    from tests.authoring.test_aig import NOTE
    gui_app.bank.save_document(Document(kind="notes", title="Tox", body=NOTE, language="en",
                                        uid="tox-note"))
    page = _page(window)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    qtbot.mouseClick(page.propose_button, Qt.LeftButton)
    assert page.directions.rowCount() == 2 and page.table_view.rowCount() == 6
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    doc = gui_app.bank.documents()[0]
    assert doc.data["knowledge_tables"][0]["table"] == 0
    assert page.source_list.currentItem().data(Qt.UserRole) == "tox-note-t0"
