"""Systems, disciplines and taxonomy topics are named in the interface language wherever a
user sees them (practice builder, item bank filters and table, progress, study plan), also
for English items in the Chinese interface; free-text topics stay as written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from eduapp.domain import facet_key, facet_name, topic_name
from eduapp.practice.analytics import AreaStats, PlannedSession, WeakArea
from tests.conftest import make_sba


@pytest.fixture
def zh(qapp):
    from eduapp.ui.app import install_language
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


@pytest.fixture
def english_items(gui_app, bank):
    """English approved items: a topic that is a system name, a free-text topic, and
    systems of the starter banks that once had no Chinese name."""
    for i, (topic, system) in enumerate((("cardiology", "cardiology"),
                                         ("asthma", "respiratory"),
                                         ("gout", "rheumatology"),
                                         ("gout", "rheumatology"),
                                         ("confounding", "epidemiology and biostatistics"))):
        bank.save_item(make_sba(f"English question {i}?", topic=topic, system=system,
                                status="approved", language="en"))
    gui_app.update_settings(language="zh")
    return gui_app


def test_names_of_the_taxonomy():
    assert facet_name("rheumatology", "zh") == "风湿病学"
    assert facet_name("epidemiology and biostatistics", "zh") == "流行病学与卫生统计学"
    assert facet_key("风湿病学") == "rheumatology"
    assert topic_name("cardiology", "zh") == "心血管系统"
    assert topic_name("Cardiology", "en") == "Cardiology"
    assert topic_name("acute limb ischaemia", "zh") == "acute limb ischaemia"   # free text
    assert topic_name("acute limb ischaemia", "en") == "acute limb ischaemia"
    assert topic_name("", "zh") == ""


def test_weak_areas_and_the_plan_name_topics_in_the_language():
    stats = AreaStats("topic", "cardiology", 8, 0.4, 30.0, 0.3, "falling", 0.4, 0.0)
    assert WeakArea(stats).sentence("zh").startswith("心血管系统：")
    assert WeakArea(stats).sentence("en").startswith("Cardiology")
    s = PlannedSession("weak", "cardiology", 10, "", "weak",
                       {"value": "cardiology", "acc": 0.4, "n": 8, "trend": "falling"})
    assert s.describe("zh").startswith("心血管系统：")


def _texts(lst) -> dict[str, str]:
    return {lst.item(i).data(Qt.UserRole): lst.item(i).text() for i in range(lst.count())}


def test_practice_builder_names_systems_and_topics_in_chinese(qtbot, zh, english_items):
    from eduapp.ui.pages.practice import PracticePage
    app = english_items
    app.student_id, _ = app.workspace.create_student("Li Wei", "")
    page = PracticePage(app)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.on_shown()
    page.language_box.setCurrentIndex(page.language_box.findData("en"))  # English items
    systems = _texts(page.system_list)
    assert systems == {"cardiology": "心血管系统（1）", "respiratory": "呼吸系统（1）",
                       "rheumatology": "风湿病学（2）",
                       "epidemiology and biostatistics": "流行病学与卫生统计学（1）"}
    topics = _texts(page.topic_list)
    assert topics["cardiology"] == "心血管系统（1）"
    assert topics["asthma"] == "asthma（1）" and topics["gout"] == "gout（2）"
    # choosing by the Chinese name chooses the stored value
    lst = page.system_list
    row = next(i for i in range(lst.count()) if lst.item(i).data(Qt.UserRole) ==
               "rheumatology")
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.spec().systems == ["rheumatology"]
    assert "2" in page.available_label.text()


def test_item_bank_filters_and_table_name_systems_in_chinese(qtbot, zh, english_items,
                                                             window):
    page = window.show_page("bank")
    box = page.filters["system"]
    names = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert names["rheumatology"] == "风湿病学" and names[""] == "全部系统"
    topics = page.filters["topic"]
    topic_names = {topics.itemData(i): topics.itemText(i) for i in range(topics.count())}
    assert topic_names["cardiology"] == "心血管系统" and topic_names["gout"] == "gout"
    box.setCurrentIndex(box.findData("rheumatology"))
    assert page.model.rowCount() == 2
    column = page.model.COLUMNS.index("system")
    assert {page.model.index(r, column).data() for r in range(2)} == {"风湿病学"}
