"""The import dialog's language choice: detected per item by default (shown in the
preview), or forced by the user; notes about approximations are shown in the preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

AIKEN = ("Which drug reverses heparin?\nA. Protamine\nB. Vitamin K\nANSWER: A\n\n"
         "哪种药物可逆转肝素？\nA. 鱼精蛋白\nB. 维生素K\nANSWER: A\n")


def _import_button(dialog):
    box = dialog.findChild(QDialogButtonBox)
    return next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.AcceptRole)


def test_detected_languages_shown_and_stored(qtbot, window, gui_app, tmp_path):
    from eduapp.ui.transfer_dialogs import ImportDialog
    path = tmp_path / "q.txt"
    path.write_text(AIKEN, encoding="utf-8")
    dialog = ImportDialog(gui_app, [str(path)])
    qtbot.addWidget(dialog)
    assert "languages: en 1, zh 1" in dialog.tree.topLevelItem(0).text(1)
    qtbot.mouseClick(_import_button(dialog), Qt.LeftButton)
    assert dialog.summary.imported == 2
    langs = {i.stem: i.language for i in gui_app.bank.get_items(gui_app.bank.query_ids(""))}
    assert langs == {"Which drug reverses heparin?": "en", "哪种药物可逆转肝素？": "zh"}


def test_language_forced_by_the_user(qtbot, window, gui_app, tmp_path):
    from eduapp.ui.transfer_dialogs import ImportDialog
    path = tmp_path / "q.txt"
    path.write_text(AIKEN, encoding="utf-8")
    dialog = ImportDialog(gui_app, [str(path)])
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert "languages: zh 2" in dialog.tree.topLevelItem(0).text(1)
    qtbot.mouseClick(_import_button(dialog), Qt.LeftButton)
    assert {i.language for i in gui_app.bank.get_items(gui_app.bank.query_ids(""))} == {"zh"}


def test_preview_shows_approximation_notes(qtbot, window, gui_app, tmp_path):
    from eduapp.ui.transfer_dialogs import ImportDialog
    from tests.interop.test_fault_kinds import QTI_HOTTEXT
    path = tmp_path / "hot.xml"
    path.write_text(QTI_HOTTEXT, encoding="utf-8")
    dialog = ImportDialog(gui_app, [str(path)])
    qtbot.addWidget(dialog)
    node = dialog.tree.topLevelItem(0)
    notes = [node.child(i).text(1) for i in range(node.childCount())]
    assert any("approximated" in n and "hot-1" in n for n in notes)
