"""Failures met through real clicks in the Chinese window are told in Chinese: the words
come from the error catalogue (eduapp/messages.py), only names, numbers and addresses stay
as they are."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from eduapp.llm.scripted_server import answer
from tests.ui.test_generate_page import _ask_questions

_LATIN = re.compile(r"[A-Za-z]{2,}")


def test_cut_off_generation_is_told_in_chinese(zh, window, gui_app, scripted_profile,
                                               scripted_server, qtbot):
    gui_app.workspace.providers.save(scripted_profile)
    gui_app.update_settings(default_provider="scripted")
    page = window.show_page("generate")
    scripted_server.script(*[answer('{"stem": "Which', finish_reason="length")] * 4)
    _ask_questions(page, count=1)
    qtbot.mouseClick(page.generate_button, Qt.LeftButton)
    text = page.message.text()
    assert page.message.isVisible() and "长度上限" in text and "被截断" in text, text
    assert _LATIN.findall(re.sub(r"https?://\S+", "", text)) == [], text
    assert "cut off" in page.message.toolTip()  # the English original, one hover away
    assert gui_app.bank.count() == 0


def test_a_broken_blueprint_file_is_explained_in_chinese(zh, window, tmp_path, monkeypatch,
                                                        qtbot):
    path = tmp_path / "blueprint.json"
    path.write_text('{"rows": [{"topic": "shock", "count": 0}]}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append((title, text)))
    exams = window.show_page("exams")
    qtbot.mouseClick(exams.load_button, Qt.LeftButton)
    assert len(shown) == 1
    title, text = shown[0]
    assert text == f'{path}：考试蓝图第 1 行："count" 必须是不小于 1 的整数', text
    assert title == "载入考试蓝图" or not _LATIN.search(title), title


def test_the_same_failure_in_english_stays_english(window, tmp_path, monkeypatch, qtbot):
    path = tmp_path / "blueprint.json"
    path.write_text('{"rows": [{"topic": "shock", "count": 0}]}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    qtbot.mouseClick(window.show_page("exams").load_button, Qt.LeftButton)
    assert shown == [f'{path}: blueprint row 1: "count" must be a whole number >= 1']


def test_import_summary_of_a_broken_file_is_chinese(zh, window, gui_app, tmp_path, monkeypatch,
                                                    qtbot):
    """Import an Aiken file with one good and one broken question through the Item bank
    page in the Chinese window: the summary says in Chinese what was wrong and where."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    path = tmp_path / "quiz.txt"
    path.write_text("Which drug reduces mortality after myocardial infarction?\n"
                    "A. Aspirin\nB. Digoxin\nANSWER: A\n\n"
                    "Which vessel is most often occluded?\nA. LAD\nB. RCA\nANSWER: C\n",
                    encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(path)], "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    page = window.show_page("bank")

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "import_button"):
            QTimer.singleShot(20, act)
            return
        add = next(b for b in dialog.findChildren(type(dialog.import_button))
                   if b.text() == "添加文件…")
        qtbot.mouseClick(add, Qt.LeftButton)
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    QTimer.singleShot(20, act)
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    assert gui_app.bank.count() == 1
    assert len(shown) == 1, shown
    text = shown[0]
    assert "quiz.txt:9: ANSWER: C 指向的选项在这道题中不存在" in text, text
    assert "names no option" not in text
