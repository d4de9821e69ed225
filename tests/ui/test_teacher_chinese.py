"""The teacher pages in Chinese: generation errors, provider names and the blueprint's
systems are Chinese; the English details stay one hover away."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_generate_page import _ask_questions

_LATIN = re.compile(r"[A-Za-z]{3,}")


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
    # the provider's address is a value, not a word
    assert _LATIN.findall(re.sub(r"https?://\S+", "", text)) == [], text
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


def test_import_preview_names_types_in_chinese(zh, window, gui_app, tmp_path):
    from eduapp.domain import Item, Option
    from eduapp.ui.transfer_dialogs import ImportDialog
    from tests.conftest import make_sba
    from tests.ui.test_dialogs import write_json
    tf = Item(type="tf", stem="阿司匹林可降低心肌梗死后的死亡率。",
              options=[Option("正确", True), Option("错误")], language="zh")
    path = write_json(tmp_path / "bank.json", {
        "format": "eduapp-json", "version": 1,
        "items": [make_sba(f"Question {k}?").to_dict() for k in range(4)] + [tf.to_dict()]})
    dialog = ImportDialog(gui_app, [str(path)], window.show_page("bank"))
    text = dialog.tree.topLevelItem(0).text(1)
    assert "单项最佳选择题 4 道" in text and "判断题 1 道" in text, text
    assert "sba" not in text and "eduapp-json" not in text
    assert dialog.status.text() == "5 道试题可导入。" or "5" in dialog.status.text()
    dialog.close()


def test_new_content_defaults_to_the_interface_language(page):
    """The Generate form's language starts as the interface language (as Exams and
    Practice do): a Chinese teacher gets Chinese drafts unless they choose otherwise."""
    assert page.form.language.currentData() == "zh"
