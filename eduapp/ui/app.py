"""The GUI's one ``App`` object (services bundled) and the start-up sequence.

Each page gets the ``App`` in its constructor; there is no global main-window variable.
Services are created on first use so that start-up stays fast.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..config import Settings, ensure_data_dir
from ..errors import BankCorruptError, BankError, BankVersionError, describe_error
from ..storage import move_aside
from ..workspace import Workspace

log = logging.getLogger(__name__)

from ..resources import ASSETS, CJK_FONT  # noqa: E402
TRANSLATIONS = os.path.join(ASSETS, "translations")


class App(QObject):
    """The GUI's view of one :class:`~eduapp.workspace.Workspace`, and the ``changed``
    broadcast. Pages call the Workspace (``app.workspace``); an :class:`~eduapp.ui.ops.Op`
    whose result carries :class:`~eduapp.domain.Changes` broadcasts them.

    :ivar workspace: the data folder's stores and use cases.
    :ivar changed: signal ``(Changes)`` emitted after an op that changed data.
    :ivar language_changed: signal ``(str)``: the interface language was changed.
    :ivar student_id: the student practising now (shared by Practice and Progress), or
        ``None``.
    """

    changed = Signal(object)
    language_changed = Signal(str)

    def __init__(self, data_dir: str, bank=None):
        super().__init__()
        self.workspace = Workspace(data_dir, bank, verify=False)
        self.student_id: int | None = None

    @property
    def data_dir(self) -> str:
        """Absolute path of the data folder."""
        return self.workspace.data_dir

    @property
    def bank(self):
        """The item bank (:class:`eduapp.bank.Bank`). The app checks it in the background
        (:class:`~eduapp.ui.safety.DataGuard`), so it is opened without the command line's
        check on open."""
        return self.workspace.bank

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: the bank is open read-only."""
        return self.workspace.read_only

    @property
    def settings(self) -> Settings:
        """The data folder's settings (:attr:`Workspace.settings`)."""
        return self.workspace.settings

    def save_settings(self) -> None:
        """Write the settings and broadcast what changed.

        :raises EduAppError: the file cannot be written.
        """
        self.changed.emit(self.workspace.save_settings())

    def update_settings(self, **changes) -> None:
        """Change settings fields, write them and broadcast what changed
        (:meth:`Workspace.update_settings`)."""
        self.changed.emit(self.workspace.update_settings(**changes))

    def ui_language(self) -> str:
        """``en`` or ``zh``: the settings' choice, else the system locale."""
        lang = self.settings.language
        if lang in ("en", "zh"):
            return lang
        return "zh" if QLocale.system().name().startswith("zh") else "en"

    def shutdown(self) -> None:
        """Stop the embedded model server, close the stores, and back the data folder up
        if it changed since the last backup (the window is gone by then, so nobody waits)."""
        read_only = self.workspace._bank is not None and self.workspace.read_only
        settings = self.settings
        try:
            self.workspace.close()
        except Exception:  # noqa: BLE001 - best effort at exit
            log.exception("closing the workspace failed")
        if not read_only and settings.backups_auto:
            from ..bank.backup import auto_backup
            try:
                auto_backup(self.data_dir, "close", settings=settings)
            except Exception:  # noqa: BLE001 - never keep the user from quitting
                log.exception("the backup on close failed")


_translators: list[QTranslator] = []
_language = ["en"]


def current_language() -> str:
    """The language installed last by :func:`install_language`: ``en`` or ``zh`` (what
    texts made outside Qt's ``tr``, such as quality-gate findings, are worded in)."""
    return _language[0]


def install_language(qapp: QApplication, language: str) -> None:
    """Load the ``.qm`` translation for ``language`` (``zh`` or ``en``) and Qt's own
    translations for standard dialogs; English needs none."""
    for t in _translators:
        qapp.removeTranslator(t)
    _translators.clear()
    _language[0] = "zh" if language == "zh" else "en"
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
    """Register the shipped fonts behind the default font as fallbacks: DejaVu Sans for
    symbols the interface uses (✖ ⚠ ℹ ✓, sub- and superscripts) and the CJK font, so
    neither Chinese nor a finding's icon turns into a box on a machine without them."""
    families: list[str] = []
    for path in (os.path.join(os.path.dirname(CJK_FONT), "DejaVuSans.ttf"), CJK_FONT):
        if not os.path.exists(path):
            log.warning("font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(path)
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
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
        aside = move_aside(path)
        QMessageBox.information(parent, "EduApp", QApplication.translate(
            "App", "The damaged bank was kept as {path}.").format(path=aside))
        return Bank.open_in(data_dir)
    except BankError as e:
        QMessageBox.critical(parent, "EduApp", describe_error(e, current_language()))
        return None


def rebuild_window(qapp: QApplication, app: App, old, language: str):
    """Apply a new interface language: load its translation and replace the main window
    ``old`` by a new one on the same page, geometry and page state
    (:meth:`MainWindow.page_states`: a built exam, the Generate form, unsaved edits).

    :returns: the new :class:`~eduapp.ui.main_window.MainWindow` (shown).
    """
    from .main_window import MainWindow
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
    from .main_window import MainWindow
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
