"""File → Backups…, Tools → Check database, the background check at start, automatic
backups and the read-only notice, clicked as a user would."""

from __future__ import annotations

import os
import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from eduapp.bank import Bank
from eduapp.bank import backup as B
from tests.conftest import make_sba


def _button(box, text):
    [b] = [b for b in box.buttons() if b.text().replace("&", "") == text]
    return b


def test_backups_dialog_backs_up_lists_and_restores(window, gui_app, qtbot, monkeypatch):
    for i in range(3):
        gui_app.bank.save_item(make_sba(f"Kept question {i}"))
    window.backups_action.trigger()
    dialog = window.backups_dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.backup_button, Qt.LeftButton)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "by hand" and dialog.table.item(0, 2).text() == "3"
    assert dialog.table.item(0, 4).text() == "good"
    gui_app.bank.save_item(make_sba("Written after the backup"))
    assert gui_app.bank.count() == 4
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    assert gui_app.bank.count() == 3  # the app reopened the restored bank
    assert dialog.restored is not None and os.path.isdir(dialog.restored.kept_aside)
    assert "Restored the backup" in dialog.status.text()
    kept = Bank(os.path.join(dialog.restored.kept_aside, "bank.sqlite"), backups=False)
    assert kept.count() == 4  # the replaced bank is kept, not deleted
    kept.close()


def test_check_database_reports_in_words_and_repairs(window, gui_app, qtbot):
    gui_app.bank.save_item(make_sba("Which drug lowers mortality after infarction?"))
    conn = sqlite3.connect(os.path.join(gui_app.data_dir, "bank.sqlite"))
    conn.execute("DROP TABLE items_fts_idx")
    conn.commit()
    conn.close()
    window.check_action.trigger()
    box = window.guard.report_box
    assert "search index is damaged" in box.text()
    qtbot.mouseClick(_button(box, "Repair"), Qt.LeftButton)
    result = window.guard.last_repair
    assert result.after.ok
    assert "Everything was repaired" in window.guard.repair_box.text()
    assert "Nothing was lost" in window.guard.repair_box.text()
    assert [i.stem for i in gui_app.bank.search("mortality")] == [
        "Which drug lowers mortality after infarction?"]
    window.check_action.trigger()
    assert "No problems found" in window.guard.report_box.text()


def test_a_damaged_bank_is_reported_at_start_with_the_choices(qtbot, qapp, data_dir,
                                                              monkeypatch):
    from eduapp.ui.app import App
    from eduapp.ui.ops import Op
    monkeypatch.setattr(Op, "damage_reported", False)
    from eduapp.ui.main_window import MainWindow
    bank = Bank.open_in(data_dir, backups=False)
    for i in range(200):
        bank.save_item(make_sba(f"Question {i} on heart failure and diuretics " * 3))
    bank.close()
    B.create_backup(data_dir, "manual")
    path = os.path.join(data_dir, "bank.sqlite")
    conn = sqlite3.connect(path)
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'items' AND "
                                        "pagetype = 'leaf' ORDER BY pageno")]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((pages[len(pages) // 2] - 1) * 4096)
        fh.write(os.urandom(4096))
    app = App(data_dir, Bank.open_in(data_dir, verify=False))
    app.settings.starter_offered = True
    w = MainWindow(app)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: getattr(w.guard, "damaged_box", None) is not None, timeout=5000)
    box = w.guard.damaged_box
    texts = {b.text() for b in box.buttons()}
    assert {"Repair", "Restore a backup…", "Open another folder…"} <= texts
    assert "damaged" in w.guard.notice.text()
    if Op.last_error_box is not None:  # a page's read hit the damaged page: one sentence
        assert "Check database" in Op.last_error_box.text()
    qtbot.mouseClick(_button(box, "Repair"), Qt.LeftButton)
    assert w.guard.last_repair.after.ok
    assert app.bank.count() == 200 and w.guard.notice.text() == ""
    app.shutdown()


def test_automatic_backup_after_changes_and_on_close(window, gui_app):
    gui_app.bank.save_item(make_sba("First"))
    window.guard.timer.timeout.emit()
    assert [b.reason for b in B.list_backups(gui_app.data_dir)] == ["auto"]
    window.guard.timer.timeout.emit()  # nothing changed: no new backup
    assert len(B.list_backups(gui_app.data_dir)) == 1
    gui_app.bank.save_item(make_sba("Second"))
    gui_app.shutdown()
    assert [b.reason for b in B.list_backups(gui_app.data_dir)] == ["close", "auto"]
    assert B.list_backups(gui_app.data_dir)[0].items == 2


def test_a_read_only_bank_says_so(qtbot, qapp, data_dir):
    from eduapp.ui.app import App
    from eduapp.ui.main_window import MainWindow
    Bank.open_in(data_dir).close()
    app = App(data_dir, Bank(os.path.join(data_dir, "bank.sqlite"), read_only=True))
    app.settings.starter_offered = True
    w = MainWindow(app)
    qtbot.addWidget(w)
    w.show()
    assert app.read_only and w.guard.notice.text().startswith("Read-only")
    window_backups = w.backups_action
    window_backups.trigger()
    assert not w.backups_dialog.backup_button.isEnabled()
    app.bank.close()


def test_backup_settings_are_saved_from_the_settings_dialog(window, gui_app, qtbot):
    from eduapp.config import Settings
    from eduapp.ui.settings_dialog import SettingsDialog
    from PySide6.QtWidgets import QTabWidget
    dialog = SettingsDialog(gui_app, window)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Backups"))
    assert dialog.backups_auto.isChecked()
    box = dialog.backups_auto  # click its tick box (the left end), as a user does
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(6, box.height() // 2))
    dialog.keep_recent.setValue(3)
    dialog.keep_weeks.setValue(12)
    dialog._accept()
    saved = Settings.load(gui_app.data_dir)
    assert (saved.backups_auto, saved.backup_keep_recent, saved.backup_keep_weeks) == \
        (False, 3, 12)
