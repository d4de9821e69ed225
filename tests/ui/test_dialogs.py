"""The Settings dialog and the import and export dialogs, clicked as a person would."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QApplication, QDialogButtonBox, QFileDialog, QPushButton,
                               QTabWidget)

from tests.conftest import make_sba, write_json


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _ok(dialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)


@pytest.fixture
def settings(qtbot, gui_app):
    from eduapp.ui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(gui_app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QTabWidget).setCurrentIndex(2)  # Providers
    return dialog


def test_add_a_provider_and_make_it_the_default(qtbot, gui_app, settings):
    broadcasts = []
    gui_app.changed.connect(broadcasts.append)
    settings.preset.setCurrentIndex(settings.preset.findData("ollama"))
    qtbot.mouseClick(_button(settings, "Add"), Qt.LeftButton)
    assert "ollama" in gui_app.workspace.providers.names()
    assert settings.provider_list.currentItem().text() == "ollama"
    assert any(c.providers for c in broadcasts)  # the Generate page refreshes its menu
    settings.p_model.setText("qwen2.5:7b")
    qtbot.mouseClick(settings.p_save, Qt.LeftButton)
    assert gui_app.workspace.provider("ollama").model == "qwen2.5:7b"
    qtbot.mouseClick(settings.p_default, Qt.LeftButton)
    # the default is saved at once: the CLI and practice see it without OK
    from eduapp.config import Settings
    assert Settings.load(gui_app.data_dir).default_provider == "ollama"
    assert gui_app.workspace.provider().name == "ollama"
    assert settings.provider_list.currentItem().text() == "ollama (default)"


def test_deleting_the_default_provider_falls_back_to_the_embedded_model(qtbot, gui_app,
                                                                         settings):
    settings.preset.setCurrentIndex(settings.preset.findData("deepseek"))
    qtbot.mouseClick(_button(settings, "Add"), Qt.LeftButton)
    name = settings.provider_list.currentItem().text()
    qtbot.mouseClick(settings.p_default, Qt.LeftButton)
    assert gui_app.settings.default_provider == name
    qtbot.mouseClick(settings.p_delete, Qt.LeftButton)
    assert name not in gui_app.workspace.providers.names()
    assert gui_app.settings.default_provider == "embedded"
    assert gui_app.workspace.provider().is_embedded


def test_general_settings_are_kept_on_ok_and_dropped_on_cancel(qtbot, gui_app, settings):
    settings.institution.setText("Fudan University")
    settings.concurrency.setValue(8)
    settings.reject()
    assert gui_app.settings.institution == "" and gui_app.settings.concurrency != 8
    from eduapp.ui.settings_dialog import SettingsDialog
    again = SettingsDialog(gui_app)
    qtbot.addWidget(again)
    again.institution.setText("Fudan University")
    again.page_size.setCurrentText("Letter")
    qtbot.mouseClick(_ok(again), Qt.LeftButton)
    saved = json.load(open(f"{gui_app.data_dir}/settings.json", encoding="utf-8"))
    assert saved["institution"] == "Fudan University" and saved["page_size"] == "Letter"


def test_choosing_chinese_relaunches_in_chinese(qtbot, gui_app):
    from eduapp.ui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(gui_app)
    qtbot.addWidget(dialog)
    languages = []
    gui_app.language_changed.connect(languages.append)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    qtbot.mouseClick(_ok(dialog), Qt.LeftButton)
    assert languages == ["zh"] and gui_app.ui_language() == "zh"


def _accept_next_dialog(qtbot, button_text: str, prepare=None):
    """When the next modal dialog is up, run ``prepare(dialog)`` and press its button."""
    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        if prepare:
            prepare(dialog)
        qtbot.mouseClick(_button(dialog, button_text), Qt.LeftButton)
    QTimer.singleShot(20, act)


def test_import_through_the_item_bank_page(qtbot, window, gui_app, tmp_path, monkeypatch):
    good = write_json(tmp_path / "good.json", {
        "format": "eduapp-json", "version": 1,
        "items": [make_sba(f"Imported question {k}?").to_dict() for k in range(3)]})
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([good], "")))
    page = window.show_page("bank")

    def add_file(dialog):
        qtbot.mouseClick(_button(dialog, "Add files…"), Qt.LeftButton)
        assert dialog.import_button.isEnabled()
    _accept_next_dialog(qtbot, "Import", add_file)
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    assert gui_app.bank.count() == 3
    assert "Imported 3" in window.statusBar().currentMessage()


def test_export_through_the_item_bank_page(qtbot, window, gui_app, tmp_path):
    for k in range(2):
        gui_app.bank.save_item(make_sba(f"Question {k}?"))
    page = window.show_page("bank")
    page.run_query()
    out = tmp_path / "out.xml"

    def choose(dialog):
        dialog.scope.button(2).setChecked(True)  # the whole bank
        dialog.format.setCurrentIndex(dialog.format.findData("moodle-xml"))
        dialog.path.setText(str(out))
    _accept_next_dialog(qtbot, "Export", choose)
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert out.exists() and out.read_text(encoding="utf-8").count("<question type=\"multichoice\"") == 2
