"""The main window: workspaces, pages, status bar, settings, starter bank, languages."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from eduapp.ui.main_window import STARTER_DIR


def test_side_bar_has_both_workspaces(window):
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[:7] == ["Teacher", "Item bank", "Generate", "Item models", "Exams", "Marking",
                         "Patient cases"]
    assert "Student" in texts and "Practice" in texts and "Progress" in texts
    assert "Patient interview" in texts and len(set(texts)) == len(texts)  # no name twice


def test_every_page_opens(window, qtbot):
    assert list(window.pages) == ["bank"]  # the others are made when first shown
    for key in window.page_keys():
        page = window.show_page(key)
        assert window.stack.currentWidget() is page


def test_start_up_heap_is_frozen_after_the_window_shows(window, qtbot):
    """A full garbage collection walks every tracked object holding the GIL; the start-up
    objects are moved out of its way (gc.freeze) once the window is up."""
    import gc
    gc.unfreeze()
    from eduapp.ui.main_window import MainWindow
    other = MainWindow(window.app)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)


def test_status_bar_counts_items(window, gui_app):
    from tests.conftest import make_sba
    gui_app.bank.save_item(make_sba())
    from eduapp.domain import Changes
    gui_app.changed.emit(Changes(items=True))
    assert window.status_label.text().startswith("1 items")


@pytest.mark.skipif(not os.path.isdir(STARTER_DIR), reason="no starter bank")
def test_starter_bank_loads_into_an_empty_bank(window, gui_app, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    gui_app.settings.starter_offered = False
    window.offer_starter_bank()
    stats = gui_app.bank.stats()
    assert stats["items"] >= 60 and stats["by_language"].get("zh", 0) >= 30
    assert gui_app.settings.starter_offered
    assert window.pages["bank"].model.rowCount() == stats["items"]


def test_settings_dialog_saves_language_and_page_size(window, gui_app, qtbot):
    from eduapp.config import Settings
    from eduapp.ui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(gui_app, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.page_size.setCurrentText("Letter")
    seen = []
    gui_app.language_changed.connect(seen.append)
    dialog._accept()
    saved = Settings.load(gui_app.data_dir)
    assert saved.language == "zh" and saved.page_size == "Letter"
    assert seen == ["zh"]
    assert dialog.provider_list.count() >= 1  # the embedded profile at least


def test_chinese_interface(qtbot, gui_app):
    from eduapp.ui.app import install_language
    from eduapp.ui.main_window import MainWindow
    install_language(QApplication.instance(), "zh")
    try:
        w = MainWindow(gui_app)
        qtbot.addWidget(w)
        texts = [w.nav.item(i).text() for i in range(w.nav.count())]
        assert "题库" in texts and "教师" in texts and "学生" in texts
    finally:
        install_language(QApplication.instance(), "en")


def test_cjk_font_is_registered(gui_app):
    from PySide6.QtGui import QFontDatabase
    assert any("Droid Sans Fallback" in f for f in QFontDatabase.families())


def test_damaged_bank_is_moved_aside_never_deleted(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from eduapp.ui.launch import open_bank_or_recover
    (tmp_path / "bank.sqlite").write_bytes(b"garbage" * 100)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    bank = open_bank_or_recover(str(tmp_path))
    assert bank is not None and bank.count() == 0
    aside = [p for p in os.listdir(tmp_path) if p.startswith("bank.sqlite.damaged-")]
    assert len(aside) == 1 and (tmp_path / aside[0]).read_bytes() == b"garbage" * 100
    bank.close()


def test_newer_bank_is_refused_in_the_gui(qapp, tmp_path, monkeypatch):
    import sqlite3
    from PySide6.QtWidgets import QMessageBox
    from eduapp.bank import Bank
    from eduapp.ui.launch import open_bank_or_recover
    Bank.open_in(str(tmp_path)).close()
    conn = sqlite3.connect(str(tmp_path / "bank.sqlite"))
    conn.execute("INSERT INTO schema_version VALUES (999, 0)")
    conn.commit()
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    assert open_bank_or_recover(str(tmp_path)) is None
    assert "newer EduApp" in shown[0]


@pytest.mark.parametrize("language, words", [("en", "For teachers"), ("zh", "教师")])
def test_help_menu_opens_the_user_guide_in_the_interface_language(qtbot, gui_app, language,
                                                                  words):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser
    from eduapp.ui.main_window import MainWindow
    gui_app.update_settings(language=language)
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    seen = []

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(dialog.findChild(QTextBrowser).toPlainText())
        dialog.reject()
    help_menu = window.menuBar().actions()[-1].menu()
    guide = help_menu.actions()[0]
    QTimer.singleShot(20, read_and_close)
    guide.trigger()
    assert words in seen[0] and ("Practice" in seen[0] or "练习" in seen[0])


@pytest.mark.parametrize("choice", ["Restore", "Start with an empty bank"])
def test_an_empty_bank_with_backups_offers_the_latest_backup(qapp, tmp_path, choice):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
    from eduapp.bank import Bank, create_backup
    from eduapp.ui.launch import open_bank_or_recover
    from tests.conftest import make_sba
    bank = Bank.open_in(str(tmp_path))
    bank.save_item(make_sba())
    bank.close()
    create_backup(str(tmp_path), "manual")
    for name in os.listdir(tmp_path):
        if name.startswith("bank.sqlite"):
            os.remove(tmp_path / name)
    (tmp_path / "bank.sqlite").write_bytes(b"")
    seen = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == choice)
        button.click()
    QTimer.singleShot(20, click)
    opened = open_bank_or_recover(str(tmp_path))
    try:
        assert "backups" in seen[0]
        assert opened is not None and opened.count() == (1 if choice == "Restore" else 0)
        if choice != "Restore":  # the empty file was kept aside, not deleted
            assert [n for n in os.listdir(tmp_path) if n.startswith("bank.sqlite.damaged-")]
    finally:
        opened.close()


@pytest.mark.skipif(not os.path.isdir(STARTER_DIR), reason="no starter bank")
def test_loading_the_starter_bank_twice_changes_nothing(window, gui_app, qtbot):
    from PySide6.QtGui import QAction
    from eduapp.bank import check_data_folder
    action = next(a for a in window.findChildren(QAction)
                  if a.text() == "Load the &starter bank")
    action.trigger()
    qtbot.waitUntil(lambda: gui_app.bank.stats()["items"] > 0, timeout=60000)
    first = gui_app.bank.stats()
    action.trigger()
    qtbot.wait(200)
    qtbot.waitUntil(lambda: "0 items imported" in window.statusBar().currentMessage(),
                    timeout=60000)
    again = gui_app.bank.stats()
    assert again["items"] == first["items"] and again["deleted"] == 0
    assert again["sets"] == first["sets"]
    report = check_data_folder(gui_app.data_dir)
    assert report.ok, report.lines()
