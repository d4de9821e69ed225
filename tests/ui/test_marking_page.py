"""The Marking page through qtbot: add scans (the file dialog answered), watch them read,
decide a flagged mark with the keyboard, see it logged, scores, problems and statistics,
and write the reports."""

from __future__ import annotations

import os
import random

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from eduapp.exams import Blueprint, ExamStore, assemble, make_forms
from tests.exams.sample import fill_en
from tests.llm.scripted_server import answer, scripted_profile, scripted_server  # noqa: F401
from tests.marking.synthetic import blank_pages, degrade, fill, random_answers


@pytest.fixture
def scanned(gui_app, tmp_path):
    """A stored exam (10 questions, forms A and B) and a PDF of three scanned sheets; the
    second candidate's question 3 is marked faintly."""
    fill_en(gui_app.bank)
    r = assemble(gui_app.bank, Blueprint.from_dict({"rows": [{"count": 10}]}), seed=2,
                 title="Cardiology quiz")
    make_forms(r.exam, 2)
    ExamStore(gui_app.bank).save(r.exam)
    exam = r.exam
    rng = random.Random(5)
    pages, answers = [], {}
    for k, form in enumerate("ABA"):
        number = f"2024000{k + 1}"
        answers[number] = random_answers(exam, form, rng, blank_rate=0)
        for q in exam.form(form).questions:
            item = exam.sections[q.section].units[q.unit].items[q.member]
            if q.number == 3 and item.type == "multi":
                answers[number][3] = "A"
        (page,) = fill(exam, form, blank_pages(exam, form, 150), candidate=number,
                       answers=answers[number], doubtful={"3": "faint"} if k == 1 else {},
                       dpi=150, rng=rng)
        pages.append(Image.fromarray(degrade(page, "rotate", rng, 150)))
    path = tmp_path / "class.pdf"
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=150)
    roster = tmp_path / "roster.csv"
    roster.write_text("candidate,name\n20240001,Ann\n20240002,Ben\n20240003,Chen\n",
                      encoding="utf-8")
    return {"exam": exam, "pdf": str(path), "roster": str(roster), "answers": answers}


def test_marking_page_reads_reviews_and_reports(window, gui_app, scanned, qtbot, monkeypatch,
                                                tmp_path):
    page = window.show_page("marking")
    assert page.exam_box.count() == 1 and page.exam_id() == scanned["exam"].id
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (scanned["roster"], "CSV files (*.csv)"))
    qtbot.mouseClick(page.class_button, Qt.LeftButton)
    assert "roster.csv" in page.class_button.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([scanned["pdf"]], ""))
    qtbot.mouseClick(page.scan_button, Qt.LeftButton)

    assert page.results_table.rowCount() == 3
    assert page.flag_list.count() == 1
    assert "class.pdf p2" in page.flag_list.item(0).text()
    assert "faint" in page.flag_text.text()
    assert page.crop.pixmap() is not None and not page.crop.pixmap().isNull()
    assert [b.text() for b in page.choice_buttons] == list("ABCDE")
    assert "1 mark(s) await review" in page.summary.text()
    names = {page.results_table.item(r, 0).text(): page.results_table.item(r, 1).text()
             for r in range(3)}
    assert names == {"20240001": "Ann", "20240002": "Ben", "20240003": "Chen"}

    right = scanned["answers"]["20240002"][3]
    # the review keys are shortcuts of the panel: its window must be the active one
    page.window().activateWindow()
    page.review_panel.setFocus()
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=3000)
    qtbot.keyClick(page.review_panel, right)  # the letter key picks the answer
    assert [b.text() for b in page.choice_buttons if b.isChecked()] == [right]
    qtbot.keyClick(page.review_panel, Qt.Key_Return)  # Enter decides
    assert page.flag_list.count() == 0
    assert "Nothing awaits review" in page.flag_text.text()
    assert page.log_table.rowCount() == 1  # the manual fix is logged
    assert page.log_table.item(0, 2).text() == "3"
    assert page.log_table.item(0, 5).text() == right
    row = [page.results_table.item(r, 0).text() for r in range(3)].index("20240002")
    assert page.results_table.item(row, 6).text() == ""  # nothing under review any more
    assert page.stats_table.rowCount() == 10
    assert page.problems.item(0).text() == "No problems found."

    # the same batch scanned again under another name: duplicates, until one is removed
    again = tmp_path / "again.pdf"
    again.write_bytes(open(scanned["pdf"], "rb").read())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(again)], ""))
    qtbot.mouseClick(page.scan_button, Qt.LeftButton)
    assert page.results_table.rowCount() == 0
    assert page.problems.item(0).text().startswith("Candidate 20240001 appears on more than")
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (
                            next(i for i in items if "again.pdf" in i), True))
    qtbot.mouseClick(page.forget_button, Qt.LeftButton)
    assert page.results_table.rowCount() == 3
    assert page.problems.item(0).text() == "No problems found."
    assert page.log_table.rowCount() == 2  # the decision and the removal are logged
    # the third sheet's number was bubbled wrongly: a person corrects it
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (items[2], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("20240009", True))
    qtbot.mouseClick(page.correct_button, Qt.LeftButton)
    numbers = {page.results_table.item(r, 0).text() for r in range(3)}
    assert numbers == {"20240001", "20240002", "20240009"}
    assert page.log_table.rowCount() == 3

    out = tmp_path / "reports"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(page.report_button, Qt.LeftButton)
    assert sorted(os.listdir(out)) == ["class_report.pdf", "items.csv", "result_slips.pdf",
                                       "results.csv", "review_log.csv"]
    assert str(out) in page.summary.text()


def test_flagged_items_tab_drafts_and_accepts_an_edited_rewrite(window, gui_app, qtbot,
                                                                 monkeypatch, data_dir,
                                                                 scripted_server,
                                                                 scripted_profile):
    from tests.marking.test_item_review import REWRITE, make_flagged_sitting
    svc, exam, first = make_flagged_sitting(gui_app.bank, data_dir)
    svc.store.close()
    gui_app.workspace.providers.save(scripted_profile)
    gui_app.update_settings(default_provider="scripted")
    page = window.show_page("marking")
    tabs = [page.tabs.tabText(k) for k in range(page.tabs.count())]
    assert tabs == ["Review", "Results", "Problems", "Statistics", "Flagged items", "Log"]
    page.tabs.setCurrentIndex(4)
    labels = [page.item_list.item(k).text() for k in range(page.item_list.count())]
    row = [k for k, t in enumerate(labels) if t.startswith(f"#{first.item_id} ")][0]
    page.item_list.setCurrentRow(row)
    assert "upper group" in page.evidence.text()
    assert not page.accept_button.isEnabled()
    before = gui_app.bank.get_item(first.item_id)
    scripted_server.script(answer(REWRITE))
    qtbot.mouseClick(page.suggest_button, Qt.LeftButton)
    assert "Salbutamol" in page.suggestion.toPlainText()
    assert page.accept_button.isEnabled()
    assert gui_app.bank.get_item(first.item_id).version == before.version
    page.suggestion.setPlainText(page.suggestion.toPlainText().replace("Salbutamol",
                                                                       "Inhaled salbutamol"))
    qtbot.mouseClick(page.accept_button, Qt.LeftButton)
    after = gui_app.bank.get_item(first.item_id)
    assert after.version == before.version + 1
    assert after.options[0].text == "Inhaled salbutamol" and after.options[0].correct
    assert "edited rewrite accepted" in page.item_list.item(row).text()
    assert not page.accept_button.isEnabled()
