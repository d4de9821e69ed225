"""The teacher pages in Chinese: generation errors, provider names and the blueprint's
systems are Chinese; the English details stay one hover away."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_generate_page import _ask_questions

_LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def zh(qapp, gui_app):
    from eduapp.ui.app import install_language
    gui_app.update_settings(language="zh")
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


@pytest.fixture
def page(zh, window, gui_app, scripted_profile):
    gui_app.workspace.providers.save(scripted_profile)
    gui_app.update_settings(default_provider="scripted")
    return window.show_page("generate")


def test_provider_down_is_said_in_chinese(page, gui_app, scripted_server, qtbot):
    scripted_server.stop()
    _ask_questions(page)
    qtbot.mouseClick(page.generate_button, Qt.LeftButton)
    text = page.message.text()
    assert page.message.isVisible() and "模型服务" in text
    assert _LATIN.findall(text) == [], text
    assert "unreachable" in page.message.toolTip()       # the provider's own words
    assert gui_app.bank.count() == 0


def test_the_built_in_model_is_named_in_chinese(page):
    labels = [page.form.provider.itemText(i) for i in range(page.form.provider.count())]
    builtin = [t for t in labels if "内置" in t]
    assert builtin and not any("embedded" in t for t in labels), labels


def test_blueprint_systems_show_chinese_names_and_store_keys(zh, window, qtbot):
    exams = window.show_page("exams")
    grid = exams.grid
    box = grid.cellWidget(0, grid.SYSTEM)
    names = [box.itemText(i) for i in range(box.count())]
    assert "心血管系统" in names and "cardiology" not in names
    box.setCurrentIndex(box.findText("心血管系统"))
    assert grid.cells()[0].system == "cardiology"
