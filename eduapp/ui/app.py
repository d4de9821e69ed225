"""The GUI's one ``App`` object (services bundled), the ``QApplication`` it runs in, and
the interface language.

Each page gets the ``App`` in its constructor; there is no global main-window variable.
Services are created on first use so that start-up stays fast. Opening the main window
is :mod:`eduapp.ui.launch`.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ..config import Settings
from ..workspace import Workspace

log = logging.getLogger(__name__)

from ..resources import ASSETS, CJK_FONT  # noqa: E402

if TYPE_CHECKING:
    from ..bank import Bank
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

    def __init__(self, data_dir: str, bank: Bank=None):
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
        if it changed since the last backup (the window is gone by then, so nobody waits;
        :meth:`Workspace.close`)."""
        try:
            self.workspace.close(back_up=True)
        except Exception:  # noqa: BLE001 - never keep the user from quitting
            log.exception("closing the workspace or the backup on close failed")


_translators: list[QTranslator] = []
_language = ["en"]


def current_language() -> str:
    """The language installed last by :func:`install_language`: ``en`` or ``zh`` (what
    texts made outside Qt's ``tr``, such as quality-gate findings, are worded in)."""
    return _language[0]


def install_language(qapp: QApplication, language: str) -> None:
    """Load the ``.qm`` translation for ``language`` (``zh`` or ``en``) and Qt's own
    translations for standard dialogs (English needs none), and make the language's
    locale (zh_CN or en_GB) Qt's default, so calendars and dates follow it."""
    for t in _translators:
        qapp.removeTranslator(t)
    _translators.clear()
    _language[0] = "zh" if language == "zh" else "en"
    # widgets made from now on (date editors, calendars, number formats) follow the
    # interface language, not the system's locale
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China) if language == "zh"
                       else QLocale(QLocale.English, QLocale.UnitedKingdom))
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
