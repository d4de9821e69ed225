"""The Exams page through qtbot: live counts, build with shortfalls, manual edits,
preview, export and drafts for a short cell."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import Qt

from eduapp.exams import Blueprint, ExamStore
from eduapp.workspace import Workspace
from tests.conftest import REPO, make_sba
from tests.exams.sample import fill_en


def _page(window):
    return window.show_page("exams")


def _blueprint(*rows, **kw) -> Blueprint:
    return Blueprint.from_dict({"rows": list(rows), **kw})


@pytest.fixture
def built(window, gui_app):
    """A page with an English exam built from the sample bank: 5 cardiology questions
    (the case set may come along) and a neurology cell the bank cannot fill."""
    fill_en(gui_app.bank)
    page = _page(window)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.set_blueprint(_blueprint({"system": "cardiology", "count": 5},
                                  {"system": "neurology", "count": 2}, title="Midterm"))
    page.seed_spin.setValue(3)
    page.build()
    return page


def test_live_counts_highlight_cells_that_cannot_be_filled(window, gui_app):
    fill_en(gui_app.bank)
    gui_app.bank.save_item(make_sba("a draft cardiology item", system="cardiology"))
    page = _page(window)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.set_blueprint(_blueprint({"system": "cardiology", "count": 5},
                                  {"system": "neurology", "count": 2}))
    page.refresh_counts()
    grid = page.grid
    # 8 lone cardiology items + a 2-question case set, all approved
    assert grid.item(0, grid.AVAILABLE).text() == "10"
    assert grid.item(1, grid.AVAILABLE).text() == "0"
    assert grid.short_rows() == [1]
    assert "Cannot be filled" in grid.item(1, grid.AVAILABLE).toolTip()
    assert "1 more are drafts" in grid.item(0, grid.AVAILABLE).toolTip()
    page.drafts_check.setChecked(True)
    page.refresh_counts()
    assert grid.item(0, grid.AVAILABLE).text() == "11"
    # an edit in the grid recounts (debounced, then off the GUI thread)
    grid.cellWidget(1, grid.SYSTEM).setCurrentText("respiratory")
    assert page._count_timer.isActive()
    page.refresh_counts()
    assert grid.item(1, grid.AVAILABLE).text() == "8" and grid.short_rows() == []


def test_build_lists_the_exam_and_the_precise_shortfall(built):
    page = built
    assert page.exam.question_count == 5
    assert page.items.rowCount() == 5
    assert [page.items.item(r, 0).text() for r in range(5)] == ["1", "2", "3", "4", "5"]
    assert page.shortfall_list.count() == 1
    assert page.shortfall_list.item(0).text() == (
        "⚠ Row 2 (neurology): 2 needed, 0 approved available")
    assert page.selected_shortfall().request["count"] == 2
    assert [f.code for f in page.exam.forms] == ["A", "B"]
    assert page.export_button.isEnabled()
    assert page.generate_button.isEnabled() and page.generate_button.toolTip()


def test_shortfall_reasons_point_to_the_page_controls(window, gui_app):
    """The GUI's sentence is its own (translated), and its hints name the page's controls,
    not the CLI's options."""
    from tests.conftest import make_sba
    fill_en(gui_app.bank)
    gui_app.bank.save_item(make_sba("a draft cardiology item", system="cardiology"))
    page = _page(window)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.set_blueprint(_blueprint({"system": "cardiology", "count": 12}))
    page.build()
    text = page.shortfall_list.item(0).text()
    assert text.startswith("⚠ Row 1 (cardiology): 12 needed, 10 approved available")
    assert "1 draft or reviewed not included: tick “Include drafts” to use them" in text
    assert "--include-drafts" not in text
    assert page.shortfalls[0].reasons["drafts"] == 1


def test_nothing_to_assemble_says_so(window, gui_app):
    page = _page(window)
    page.set_blueprint(_blueprint({"system": "neurology", "count": 2}))
    page.build()
    assert page.exam is None and not page.export_button.isEnabled()
    assert "Nothing could be assembled" in page.result_label.text()
    assert page.shortfall_list.count() == 1


def _ids(page):
    return [page.items.item(r, 0).data(Qt.UserRole) for r in range(page.items.rowCount())]


def test_reorder_lock_and_remove(built):
    page = built
    before = _ids(page)
    lone = next(r for r in range(page.items.rowCount()) if not page.items.item(r, 4).text())
    page.items.selectRow(lone)
    item_id = page.items.selected_item_id()
    s, u = page.exam.locate(item_id)
    units = page.exam.sections[s].units
    if u == len(units) - 1:
        page.move_selected(-1)
        assert page.exam.locate(item_id) == (s, u - 1)
    else:
        page.move_selected(1)
        assert page.exam.locate(item_id) == (s, u + 1)
    assert _ids(page) != before and sorted(_ids(page)) == sorted(before)
    assert page.items.selected_item_id() == item_id  # the selection follows the question
    assert len(page.exam.forms) == 2  # forms are made again after an edit
    page.toggle_lock()
    s, u = page.exam.locate(item_id)
    assert page.exam.sections[s].units[u].locked
    assert page.lock_button.text() == "Unlock"
    assert all(f.order[s][u] == u for f in page.exam.forms)
    row = _ids(page).index(item_id)
    assert page.items.item(row, page.items.LOCK).text()
    page.remove_selected()
    assert item_id not in _ids(page) and page.exam.question_count == 4
    assert page.items_label.text().startswith("4 questions")


def test_preview_renders_the_chosen_document(built):
    page = built
    labels = [page.document_box.itemText(i) for i in range(page.document_box.count())]
    assert labels == ["Form A: paper", "Form A: answer key", "Form A: answer sheet",
                      "Form B: paper", "Form B: answer key", "Form B: answer sheet",
                      "Teacher's version"]
    page.refresh_preview()
    assert page.preview.page_count() >= 1 and page.preview.path.endswith("paperA.pdf")
    page.document_box.setCurrentIndex(labels.index("Form B: answer sheet"))
    page.refresh_preview()
    assert page.preview.path.endswith("sheetB.pdf") and page.preview.page_count() >= 1


def test_preview_falls_back_to_page_images(qtbot, tmp_path, built):
    import shutil
    from eduapp.ui.exam_widgets import PdfPreview, page_images
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is not installed")
    page = built
    page.refresh_preview()
    pngs = page_images(page.preview.path, str(tmp_path))
    fallback = PdfPreview(use_qtpdf=False)
    qtbot.addWidget(fallback)
    fallback.show_pdf(page.preview.path, pngs)
    assert fallback.page_count() == len(pngs) >= 1


def _answer_dialog(monkeypatch, name, value):
    """Make ``QFileDialog.<name>`` answer ``value`` as a person choosing it would."""
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: value))


def test_export_writes_what_the_cli_writes(built, gui_app, tmp_path, qtbot, monkeypatch):
    page = built
    page.title_edit.setText("Cardiology midterm")
    out = tmp_path / "out"
    out.mkdir()
    _answer_dialog(monkeypatch, "getExistingDirectory", str(out))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert sorted(os.listdir(out)) == sorted(["manifest.json", "teacher.pdf"] + [
        f"{k}_{c}.pdf" for k in ("paper", "key", "sheet") for c in "AB"])
    manifest = json.load(open(out / "manifest.json", encoding="utf-8"))
    assert manifest["title"] == "Cardiology midterm" and manifest["question_count"] == 5
    assert manifest["shortfalls"][0]["missing"] == 2
    (stored,) = ExamStore(gui_app.bank).list()
    assert stored.id == manifest["exam_id"] == page.exam.id
    assert page.open_button.isEnabled() and page.export_dir == str(out)
    _answer_dialog(monkeypatch, "getExistingDirectory", str(tmp_path / "again"))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)  # the same exam is updated, not stored twice
    assert len(ExamStore(gui_app.bank).list()) == 1


def test_blueprint_save_and_load_round_trip(window, tmp_path, qtbot, monkeypatch):
    page = _page(window)
    page.set_blueprint(Blueprint.load(os.path.join(REPO, "docs", "blueprint.example.json")))
    assert page.title_edit.text() == "Internal medicine: end-of-block test"
    assert page.grid.rowCount() == 8 and page.grid.cells()[0].bloom == "understand"
    path = str(tmp_path / "bp.json")
    _answer_dialog(monkeypatch, "getSaveFileName", (path, ""))
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    again = Blueprint.load(path)
    assert again.cells == page.grid.cells()
    assert again.cells[4].difficulty_mix == {"easy": 2, "medium": 1}  # kept though not shown
    assert again.pass_mark == 11 and again.duration == 45
    page.grid.add_row()
    _answer_dialog(monkeypatch, "getOpenFileName", (path, ""))
    qtbot.mouseClick(page.load_button, Qt.LeftButton)
    assert page.grid.rowCount() == 8


def test_bad_blueprint_file_is_a_sentence(window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    p = tmp_path / "bad.json"
    p.write_text('{"rows": [{"count": 2, "bloom": "guess"}]}')
    page = _page(window)
    _answer_dialog(monkeypatch, "getOpenFileName", (str(p), ""))
    qtbot.mouseClick(page.load_button, Qt.LeftButton)
    assert shown and "Bloom level 'guess'" in shown[0]
    assert page.grid.rowCount() == 1  # the grid is unchanged


def test_generate_drafts_for_a_short_cell(built, gui_app, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox
    page = built
    requests, shown = [], []

    class Result:
        items, failures, hint = [], [], ""

    def fake(ws, request, on_progress=None, cancel=None):
        requests.append(request)
        for k in range(request["count"]):
            Result.items.append(ws.bank.save_item(make_sba(
                f"neurology draft {k}", system="neurology", language="en")))
        return Result
    monkeypatch.setattr(Workspace, "fill_shortfall", fake)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    page._shortfall_selected()
    assert page.generate_button.isEnabled()
    qtbot.mouseClick(page.generate_button, Qt.LeftButton)
    assert requests[0]["system"] == "neurology" and requests[0]["count"] == 2
    assert shown and "2 draft questions" in shown[0]
    page.drafts_check.setChecked(True)
    page.refresh_counts()
    assert page.grid.item(1, page.grid.AVAILABLE).text() == "2"


def test_starter_bank_builds_from_the_example_blueprint(window, gui_app):
    from eduapp.interop import parse_file
    starter = os.path.join(REPO, "question_banks", "starter_en.json")
    if not os.path.exists(starter):
        pytest.skip("no starter bank")
    gui_app.bank.import_result(parse_file(starter, "eduapp-json"))
    page = _page(window)
    page.set_blueprint(Blueprint.load(os.path.join(REPO, "docs", "blueprint.example.json")))
    page.refresh_counts()
    wanted = [c.count for c in page.grid.cells()]
    available = [int(page.grid.item(r, page.grid.AVAILABLE).text())
                 for r in range(page.grid.rowCount())]
    page.seed_spin.setValue(1)
    page.build()
    assert page.exam is not None
    short_rows = {s.cell for s in page.shortfalls}
    assert {r for r, (w, a) in enumerate(zip(wanted, available)) if a < w} <= short_rows
    assert page.exam.question_count == sum(wanted) - sum(
        s.needed - s.found for s in page.shortfalls)


def test_siblings_from_one_item_model_only_when_allowed(window, gui_app, qtbot):
    for k in range(3):
        gui_app.bank.save_item(make_sba(
            f"A 60-year-old man has serum sodium {120 + k} mmol/L. What is the next step?",
            topic="hyponatraemia", system="nephrology", language="en", status="approved",
            provenance={"source": "aig", "enemy_group": "aig:en-hyponatraemia"}))
    page = _page(window)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.set_blueprint(_blueprint({"topic": "hyponatraemia", "count": 3}))
    qtbot.mouseClick(page.build_button, Qt.LeftButton)
    assert page.exam.question_count == 1 and page.shortfall_list.count() == 1
    qtbot.mouseClick(page.enemies_check, Qt.LeftButton)
    qtbot.mouseClick(page.build_button, Qt.LeftButton)
    assert page.exam.question_count == 3
