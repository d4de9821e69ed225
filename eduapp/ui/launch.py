"""Start-up: open the data folder's bank (offering a repair or a fresh start when it is
damaged), show the main window, and build it anew when the interface language changes.

:func:`run_gui` is what ``eduapp`` with no arguments runs.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from ..config import ensure_data_dir
from ..errors import (BankCorruptError, BankError, BankMissingError, BankVersionError,
                      EduAppError, describe_error)
from ..storage import move_aside
from .app import App, current_language, install_language, make_qapp
from .main_window import MainWindow


def open_bank_or_recover(data_dir: str, parent=None):
    """Open the bank in ``data_dir``. A damaged file is offered a fresh start after it is
    moved aside (never deleted); a newer-schema file is refused with a message.

    :returns: a :class:`eduapp.bank.Bank`, or ``None`` when the user chose to quit.
    """
    from ..bank import Bank
    from ..bank.backup import latest_backup
    from ..config import BANK_FILE
    try:
        return Bank.open_in(data_dir, verify=False)
    except BankMissingError as e:
        return _offer_restore(data_dir, e, parent)
    except BankVersionError as e:
        QMessageBox.critical(parent, "EduApp", describe_error(e, current_language()))
        return None
    except BankCorruptError as e:
        path = os.path.join(data_dir, BANK_FILE)
        if latest_backup(data_dir, good=True) is not None:
            answer = QMessageBox.question(
                parent, "EduApp",
                QApplication.translate("App", "{error}\n\nRepair it now? EduApp recovers what "
                                              "can still be read and adds back what the latest "
                                              "backup holds; the damaged file is kept.")
                .format(error=describe_error(e, current_language())))
            if answer != QMessageBox.Yes:
                return None
            from ..bank.repair import repair_data_folder
            result = repair_data_folder(data_dir)
            QMessageBox.information(parent, "EduApp", "\n".join(result.lines()))
            return Bank.open_in(data_dir, verify=False)
        answer = QMessageBox.question(
            parent, "EduApp",
            QApplication.translate("App", "{error}\n\nMove the damaged file aside and start "
                                          "with an empty bank?").format(
                error=describe_error(e, current_language())))
        if answer != QMessageBox.Yes:
            return None
        try:
            aside = move_aside(path)
        except (BankError, OSError) as moved:
            QMessageBox.critical(parent, "EduApp", str(moved))
            return None
        QMessageBox.information(parent, "EduApp", QApplication.translate(
            "App", "The damaged bank was kept as {path}.").format(path=aside))
        return Bank.open_in(data_dir)
    except BankError as e:
        QMessageBox.critical(parent, "EduApp", describe_error(e, current_language()))
        return None


def _offer_restore(data_dir: str, error: Exception, parent=None):
    """The bank file is missing or empty while backups hold a bank: restore the latest
    good backup, start with an empty bank (an empty file is kept aside), or quit.

    :returns: the opened :class:`eduapp.bank.Bank`, or ``None`` (quit).
    """
    from ..bank import Bank
    from ..bank.restore import restore_backup
    from ..config import BANK_FILE
    box = QMessageBox(QMessageBox.Warning, "EduApp", QApplication.translate(
        "App", "The item bank is missing or empty, but the data folder has backups.\n\n"
               "Restore the latest backup? The files it replaces are kept."), parent=parent)
    restore = box.addButton(QApplication.translate("App", "Restore"), QMessageBox.AcceptRole)
    empty = box.addButton(QApplication.translate("App", "Start with an empty bank"),
                          QMessageBox.DestructiveRole)
    box.addButton(QMessageBox.Cancel)
    box.setDetailedText(str(error))
    box.exec()
    try:
        if box.clickedButton() is restore:
            restore_backup(data_dir, "latest")
            return Bank.open_in(data_dir, verify=False)
        if box.clickedButton() is empty:
            path = os.path.join(data_dir, BANK_FILE)
            if os.path.exists(path):
                move_aside(path)
            return Bank.open_in(data_dir, allow_new=True)
    except (EduAppError, OSError) as e:
        QMessageBox.critical(parent, "EduApp", str(e))
    return None


def rebuild_window(qapp: QApplication, app: App, old, language: str):
    """Apply a new interface language: load its translation and replace the main window
    ``old`` by a new one on the same page, geometry and page state
    (:meth:`MainWindow.page_states`: a built exam, the Generate form, unsaved edits).

    :returns: the new :class:`~eduapp.ui.main_window.MainWindow` (shown).
    """
    states = old.page_states()
    install_language(qapp, language)
    new = MainWindow(app)
    new.setGeometry(old.geometry())
    new.restore_page_states(states)
    new.show_page(old.current_page_key())
    new.show()
    old.rebuilding = True
    old.close()
    old.deleteLater()
    return new


def _startup_language(data_dir: str) -> str:
    """The interface language before the data folder is open: the settings file's choice
    (read only, never repaired here), else the system locale."""
    import json
    from ..config import SETTINGS_FILE
    try:
        with open(os.path.join(data_dir, SETTINGS_FILE), encoding="utf-8") as fh:
            language = json.load(fh).get("language")
    except (OSError, ValueError, AttributeError):
        language = None
    if language in ("en", "zh"):
        return language
    return "zh" if QLocale.system().name().startswith("zh") else "en"


def run_gui(data_dir: str, argv: list[str] | None = None) -> int:
    """Open the main window on ``data_dir`` (from :func:`eduapp.config.resolve_data_dir`,
    as the CLI) and run the event loop.

    :returns: the exit code (0, or 3 when the bank could not be opened).
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    qapp = make_qapp(argv)
    install_language(qapp, _startup_language(data_dir))  # errors before the bank opens
    try:
        if not (os.path.isdir(data_dir) and not os.access(data_dir, os.W_OK)):
            ensure_data_dir(data_dir)  # a read-only folder opens read-only
    except BankError as e:
        QMessageBox.critical(None, "EduApp", describe_error(e, current_language()))
        return 3
    bank = open_bank_or_recover(data_dir)
    if bank is None:
        return 3
    app = App(data_dir, bank)
    install_language(qapp, app.ui_language())
    windows = [MainWindow(app)]
    windows[0].show()
    windows[0].offer_starter_bank()

    def relaunch(language: str) -> None:
        windows[0] = rebuild_window(qapp, app, windows[0], language)
    app.language_changed.connect(relaunch)
    try:
        return qapp.exec()
    finally:
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(5000)  # let running ops finish first
        app.shutdown()
