"""The GUI's one ``App`` object (services bundled) and the start-up sequence.

Each page gets the ``App`` in its constructor; there is no global main-window variable.
Services are created on first use so that start-up stays fast.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from PySide6.QtCore import QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..config import Settings, ensure_data_dir
from ..domain import Changes
from ..errors import BankCorruptError, BankError, BankVersionError

log = logging.getLogger(__name__)

from ..resources import ASSETS, CJK_FONT  # noqa: E402
TRANSLATIONS = os.path.join(ASSETS, "translations")


class App(QObject):
    """Services the pages use, and the ``changed`` broadcast.

    :ivar data_dir: absolute path of the data folder.
    :ivar settings: the user's :class:`~eduapp.config.Settings`.
    :ivar changed: signal ``(Changes)`` emitted after an op that changed data.
    """

    changed = Signal(object)
    language_changed = Signal(str)
    _instance: "App | None" = None

    def __init__(self, data_dir: str, bank=None):
        super().__init__()
        self.data_dir = data_dir
        self.settings = Settings.load(data_dir)
        self._bank = bank
        self._services: dict[str, object] = {}
        self._data_lock = threading.RLock()  # held while a restore or repair swaps files
        App._instance = self

    @classmethod
    def instance(cls) -> "App | None":
        """The running app (``None`` before it is made)."""
        return cls._instance

    @property
    def bank(self):
        """The item bank (:class:`eduapp.bank.Bank`); opened at start-up. The app checks it
        in the background (:class:`~eduapp.ui.safety.DataGuard`), so it is opened without
        the command line's check on open."""
        with self._data_lock:
            if self._bank is None:
                from ..bank import Bank
                self._bank = Bank.open_in(self.data_dir, verify=False)
            return self._bank

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: the bank is open read-only."""
        return bool(getattr(self.bank, "read_only", False))

    def close_stores(self) -> None:
        """Close the bank and every service holding a file of the data folder (before a
        restore or a repair replaces the files). Safe from a worker thread; pages get
        fresh services on their next use."""
        services, self._services = self._services, {}
        for service in services.values():
            close = getattr(service, "close", None) or getattr(service, "shutdown", None)
            if callable(close):
                try:
                    close()
                except Exception:  # noqa: BLE001 - best effort: the files are replaced next
                    log.exception("closing a service failed")
        if self._bank is not None:
            self._bank.close()
            self._bank = None

    def replace_data(self, fn):
        """Close the stores, run ``fn()`` (a restore, a repair) and reopen the bank.

        :returns: what ``fn`` returned. Broadcast ``Changes`` afterwards (on the GUI thread).
        """
        with self._data_lock:  # other workers wait for the new files, not the old ones
            self.close_stores()
            try:
                return fn()
            finally:
                _ = self.bank  # reopen

    def service(self, name: str, factory):
        """A lazily made service kept for the app's lifetime (``providers``, ``generator``,
        ``exams``, ``practice``, ``patients``): ``factory(app)`` runs on first use."""
        if name not in self._services:
            self._services[name] = factory(self)
        return self._services[name]

    def save_settings(self) -> None:
        """Write the settings and broadcast ``Changes(settings=True)``."""
        self.settings.save(self.data_dir)
        self.changed.emit(Changes(settings=True))

    def ui_language(self) -> str:
        """``en`` or ``zh``: the settings' choice, else the system locale."""
        lang = self.settings.language
        if lang in ("en", "zh"):
            return lang
        return "zh" if QLocale.system().name().startswith("zh") else "en"

    def shutdown(self) -> None:
        """Stop services that hold processes (the embedded model server), close the bank,
        and back the data folder up if it changed since the last backup (the window is
        gone by then, so nobody waits on it)."""
        for service in self._services.values():
            stop = getattr(service, "shutdown", None) or getattr(service, "stop", None)
            if callable(stop):
                try:
                    stop()
                except Exception:  # noqa: BLE001 - best effort at exit
                    log.exception("stopping a service failed")
        read_only = self._bank is not None and self._bank.read_only
        if self._bank is not None:
            self._bank.close()
            self._bank = None
        if not read_only and self.settings.backups_auto:
            from ..bank.backup import auto_backup
            try:
                auto_backup(self.data_dir, "close", settings=self.settings)
            except Exception:  # noqa: BLE001 - never keep the user from quitting
                log.exception("the backup on close failed")


_translators: list[QTranslator] = []


def install_language(qapp: QApplication, language: str) -> None:
    """Load the ``.qm`` translation for ``language`` (``zh`` or ``en``) and Qt's own
    translations for standard dialogs; English needs none."""
    for t in _translators:
        qapp.removeTranslator(t)
    _translators.clear()
    if language != "zh":
        return
    ours = QTranslator(qapp)
    if ours.load(os.path.join(TRANSLATIONS, "eduapp_zh_CN.qm")):
        qapp.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("Chinese translation not found in %s", TRANSLATIONS)
    from PySide6.QtCore import QLibraryInfo
    qt = QTranslator(qapp)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        qapp.installTranslator(qt)
        _translators.append(qt)


def register_fonts(qapp: QApplication) -> None:
    """Register the shipped CJK font so Chinese renders on machines without Chinese fonts,
    and put it behind the default font as a fallback."""
    if not os.path.exists(CJK_FONT):
        log.warning("CJK font missing: %s", CJK_FONT)
        return
    font_id = QFontDatabase.addApplicationFont(CJK_FONT)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = qapp.font()
        font.setFamilies([font.family(), *families])
        qapp.setFont(font)


def make_qapp(argv: list[str] | None = None) -> QApplication:
    """The ``QApplication`` with name, fonts and style set (made once)."""
    qapp = QApplication.instance() or QApplication(argv or sys.argv[:1])
    qapp.setApplicationName("EduApp")
    qapp.setOrganizationName("EduApp")
    register_fonts(qapp)
    icon = os.path.join(ASSETS, "icons", "eduapp.svg")
    if os.path.exists(icon):
        qapp.setWindowIcon(QIcon(icon))
    style = os.path.join(ASSETS, "style.qss")
    if os.path.exists(style):
        with open(style, encoding="utf-8") as fh:
            qapp.setStyleSheet(fh.read())
    return qapp


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
    except BankVersionError as e:
        QMessageBox.critical(parent, "EduApp", str(e))
        return None
    except BankCorruptError as e:
        path = os.path.join(data_dir, BANK_FILE)
        if latest_backup(data_dir, good=True) is not None:
            answer = QMessageBox.question(
                parent, "EduApp",
                QApplication.translate("App", "{error}\n\nRepair it now? EduApp recovers what "
                                              "can still be read and adds back what the latest "
                                              "backup holds; the damaged file is kept.")
                .format(error=e))
            if answer != QMessageBox.Yes:
                return None
            from ..bank.repair import repair_data_folder
            result = repair_data_folder(data_dir)
            QMessageBox.information(parent, "EduApp", "\n".join(result.lines()))
            return Bank.open_in(data_dir, verify=False)
        answer = QMessageBox.question(
            parent, "EduApp",
            QApplication.translate("App", "{error}\n\nMove the damaged file aside and start "
                                          "with an empty bank?").format(error=e))
        if answer != QMessageBox.Yes:
            return None
        aside = f"{path}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.replace(path + suffix, aside + suffix)
        QMessageBox.information(parent, "EduApp", QApplication.translate(
            "App", "The damaged bank was kept as {path}.").format(path=aside))
        return Bank.open_in(data_dir)
    except BankError as e:
        QMessageBox.critical(parent, "EduApp", str(e))
        return None


def run_gui(data_dir: str, argv: list[str] | None = None, explicit: bool = True) -> int:
    """Open the main window on ``data_dir`` and run the event loop.

    :param explicit: ``data_dir`` came from ``--data-dir`` or ``EDUAPP_DATA_DIR``; when
        False, a folder chosen earlier in Settings takes its place.
    :returns: the exit code (0, or 3 when the bank could not be opened).
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    qapp = make_qapp(argv)
    if not explicit:
        from PySide6.QtCore import QSettings
        from .settings_dialog import DATA_DIR_KEY
        data_dir = QSettings().value(DATA_DIR_KEY) or data_dir
    try:
        if not (os.path.isdir(data_dir) and not os.access(data_dir, os.W_OK)):
            ensure_data_dir(data_dir)  # a read-only folder opens read-only
    except BankError as e:
        QMessageBox.critical(None, "EduApp", str(e))
        return 3
    bank = open_bank_or_recover(data_dir)
    if bank is None:
        return 3
    app = App(data_dir, bank)
    install_language(qapp, app.ui_language())
    from .main_window import MainWindow
    windows = [MainWindow(app)]
    windows[0].show()
    windows[0].offer_starter_bank()

    def relaunch(language: str) -> None:
        """Apply a new interface language by rebuilding the window on the same page."""
        old = windows[0]
        install_language(qapp, language)
        new = MainWindow(app)
        new.setGeometry(old.geometry())
        new.show_page(old.current_page_key())
        new.show()
        windows[0] = new
        old.close()
        old.deleteLater()
    app.language_changed.connect(relaunch)
    try:
        return qapp.exec()
    finally:
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(5000)  # let running ops finish first
        app.shutdown()
