"""A first import into a bank that has a similar item says per item what matched and why,
and the person chooses keep / replace / import as new (the import dialog's step)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eduapp.interop import eduapp_json
from tests.conftest import make_sba

GOOD = "Which drug reduces mortality after an acute myocardial infarction in adults?"


def _file(tmp_path, *items):
    path = tmp_path / "incoming.json"
    eduapp_json.write(list(items), str(path))
    return str(path)


def _bank_items(gui_app):
    bank = gui_app.bank
    good = make_sba(GOOD, idnumber="CARD-1")
    good.status = "approved"
    good = bank.save_item(good)
    other = bank.save_item(make_sba("Which nerve supplies the deltoid muscle?",
                                    idnumber="NEURO-7"))
    return good, other


def test_matches_say_what_and_why_and_keep_leaves_the_bank_item(window, gui_app, tmp_path,
                                                                 qtbot):
    from eduapp.ui.transfer_dialogs import ImportDialog
    good, other = _bank_items(gui_app)
    near = make_sba(GOOD.replace("an acute", "acute"))                 # a near copy
    clash = make_sba("Which cranial nerve supplies the lateral rectus?", idnumber="NEURO-7")
    fresh = make_sba("Which vitamin deficiency causes scurvy?")
    path = _file(tmp_path, near, clash, fresh)
    matches = gui_app.workspace.import_matches([path])
    assert [(m.index, m.bank_id, m.reason) for m in matches] == [
        (0, good.id, "similar"), (1, other.id, "idnumber")]
    dialog = ImportDialog(gui_app, [path])
    qtbot.addWidget(dialog)
    top = dialog.tree.topLevelItem(1)
    assert "Like items in your bank (2)" in top.text(0)
    assert f"#{good.id}" in top.child(0).text(1) and "approved" in top.child(0).text(1)
    assert "same ID number" in top.child(1).text(1)
    boxes = [box for _m, box in dialog.decision_boxes]
    assert all(b.currentData() == "keep" for b in boxes)  # nothing rewritten by default
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dialog.summary.imported == 1 and dialog.summary.skipped == 2
    assert gui_app.bank.get_item(other.id).stem == other.stem          # not rewritten
    assert gui_app.bank.get_item(good.id).version == 1
    assert gui_app.bank.count() == 3


def test_replace_and_import_as_new(window, gui_app, tmp_path, qtbot):
    from eduapp.ui.transfer_dialogs import ImportDialog
    good, other = _bank_items(gui_app)
    near = make_sba(GOOD.replace("an acute", "acute"))
    clash = make_sba("Which cranial nerve supplies the lateral rectus?", idnumber="NEURO-7")
    path = _file(tmp_path, near, clash)
    dialog = ImportDialog(gui_app, [path])
    qtbot.addWidget(dialog)
    (m0, replace), (m1, new) = dialog.decision_boxes
    replace.setCurrentIndex(replace.findData(f"replace:{good.id}"))
    new.setCurrentIndex(new.findData("new"))
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    stored = gui_app.bank.get_item(good.id)
    assert stored.version == 2 and stored.stem == near.stem
    assert gui_app.bank.get_item(other.id).stem == other.stem
    assert gui_app.bank.count() == 3
    assert dialog.summary.imported == 1 and dialog.summary.updated == 1
