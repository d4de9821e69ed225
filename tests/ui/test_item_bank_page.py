"""The item bank page through qtbot: search, filter, edit, history, delete and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import make_case_set, make_sba


def _page(window):
    return window.show_page("bank")


def test_search_and_filter(window, gui_app, qtbot):
    gui_app.bank.save_item(make_sba("急性心肌梗死患者首选的治疗是", language="zh"))
    gui_app.bank.save_item(make_sba("Pneumonia in a smoker", language="en", tags=["resp"]))
    page = _page(window)
    page.refresh_facets()
    page.run_query()
    assert page.model.rowCount() == 2
    page.search.setText("患者")
    page.run_query()
    assert page.model.rowCount() == 1
    page.search.clear()
    page.filters["tag"].setCurrentIndex(page.filters["tag"].findData("resp"))
    assert page.model.rowCount() == 1
    assert "Pneumonia" in page.model.data(page.model.index(0, 2))


def test_edit_saves_a_new_version(window, gui_app, qtbot):
    item = gui_app.bank.save_item(make_sba("Old stem"))
    page = _page(window)
    page.run_query()
    page.table.selectRow(0)
    assert page.editor.stem.toPlainText() == "Old stem"
    page.editor.stem.setPlainText("New stem")
    qtbot.mouseClick(page.editor.save_button, Qt.LeftButton)
    stored = gui_app.bank.get_item(item.id)
    assert stored.stem == "New stem" and stored.version == 2
    assert [v.version for v in gui_app.bank.history(item.id)] == [2, 1]


def test_invalid_edit_is_refused_with_a_message(window, gui_app, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    gui_app.bank.save_item(make_sba("Stem"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page = _page(window)
    page.run_query()
    page.table.selectRow(0)
    page.editor.options.item(1, 0).setCheckState(Qt.Checked)  # two keys on an SBA
    page.editor._save()
    assert shown and "exactly one key" in shown[0]
    assert gui_app.bank.get_item(page.model.ids[0]).version == 1


def test_new_item(window, gui_app, qtbot):
    page = _page(window)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    page.editor.stem.setPlainText("Which vitamin deficiency causes scurvy?")
    for row, text in enumerate(["Vitamin C", "Vitamin D", "Vitamin A", "Vitamin K",
                                "Thiamine"]):
        page.editor.options.item(row, 1).setText(text)
    page.editor.options.item(0, 0).setCheckState(Qt.Checked)
    page.editor._save()
    assert gui_app.bank.count() == 1
    assert page.model.rowCount() == 1


def test_delete_set_member_removes_whole_set_and_undo(window, gui_app):
    s = gui_app.bank.save_set(make_case_set())
    gui_app.bank.save_item(make_sba("Lone"))
    page = _page(window)
    page.run_query()
    page.select_ids([s.items[0].id])
    page.delete_selected()
    assert page.model.rowCount() == 1 and gui_app.bank.count() == 1
    assert page.undo_button.isEnabled()
    page.undo_delete()
    assert page.model.rowCount() == 3 and gui_app.bank.count() == 3


def test_history_restore(window, gui_app, monkeypatch):
    from eduapp.ui import item_history
    item = gui_app.bank.save_item(make_sba("First"))
    item.stem = "Second"
    gui_app.bank.save_item(item)

    class Pick(item_history.HistoryDialog):
        def exec(self):
            self.list.setCurrentRow(1)
            self._restore()
            return True
    monkeypatch.setattr("eduapp.ui.item_history.HistoryDialog", Pick)
    page = _page(window)
    page.show_history(item.id)
    stored = gui_app.bank.get_item(item.id)
    assert stored.stem == "First" and stored.version == 3


def test_model_handles_many_rows_lazily(window, gui_app):
    from eduapp.ui.models import ItemTableModel
    calls = []

    class CountingBank:
        def table_rows(self, ids):
            calls.append(len(ids))
            return [(i, "sba", f"stem {i}", "", "", "", "en", "draft", 1, 0.0, None)
                    for i in ids]
    model = ItemTableModel(CountingBank())
    model.set_ids(list(range(1, 100_001)))
    assert model.rowCount() == 100_000
    assert model.data(model.index(99_999, 2)) == "stem 100000"
    assert calls == [200]  # one block fetched, not the whole table


def test_import_dialog_previews_then_imports(window, gui_app, tmp_path):
    from eduapp.interop import eduapp_json
    from eduapp.ui.transfer_dialogs import ImportDialog
    good = tmp_path / "good.json"
    eduapp_json.write([make_sba("Imported one"), make_case_set()], str(good))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    dialog = ImportDialog(gui_app, [str(good), str(bad)])
    assert dialog.tree.topLevelItemCount() == 2
    assert "3 items" in dialog.tree.topLevelItem(0).text(1)
    assert "cannot be imported" in dialog.tree.topLevelItem(1).text(1)
    assert dialog.import_button.isEnabled()
    dialog.category.setText("Year 3/Cardiology")
    dialog.run_import()
    assert dialog.summary.imported == 3 and len(dialog.summary.errors) == 1
    assert gui_app.bank.count() == 3
    assert {i.category for i in gui_app.bank.search("imported")} == {"Year 3/Cardiology"}


def test_export_dialog_writes_the_selection(window, gui_app, tmp_path):
    from eduapp.interop import parse_file
    from eduapp.ui.transfer_dialogs import ExportDialog
    a = gui_app.bank.save_item(make_sba("Export me"))
    gui_app.bank.save_item(make_sba("Not me"))
    dialog = ExportDialog(gui_app, [a.id], [a.id])
    dialog.format.setCurrentIndex(dialog.format.findData("gift"))
    dialog.path.setText(str(tmp_path / "out.gift"))
    dialog.run_export()
    assert dialog.written[0] == 1
    assert [i.stem for i in parse_file(str(tmp_path / "out.gift")).items] == ["Export me"]
