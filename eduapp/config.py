"""Where EduApp keeps its data, and the user's settings.

The data directory holds ``bank.sqlite`` (the item bank), ``settings.json`` and
``media/`` overflow. It is chosen, first match wins, by ``--data-dir``, the environment
variable ``EDUAPP_DATA_DIR``, or the platform's app-data folder (``platformdirs``:
``~/.local/share/EduApp`` on Linux, ``~/Library/Application Support/EduApp`` on macOS,
``%APPDATA%\\EduApp`` on Windows).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields

from .errors import BankError, EduAppError, os_reason
from .files import write_json

APP_NAME = "EduApp"
ENV_DATA_DIR = "EDUAPP_DATA_DIR"
BANK_FILE = "bank.sqlite"
SETTINGS_FILE = "settings.json"
BACKUP_DIR = "backups"


def default_data_dir() -> str:
    """The platform's per-user app-data folder for EduApp (not created)."""
    try:
        import platformdirs
        return platformdirs.user_data_dir(APP_NAME, appauthor=False)
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return os.path.join(os.path.expanduser("~"), ".local", "share", APP_NAME)


def resolve_data_dir(explicit: str | None = None) -> str:
    """The data directory to use: ``explicit``, else ``$EDUAPP_DATA_DIR``, else the folder
    the user chose in Settings (:func:`choose_data_dir`), else the default. The GUI and the
    CLI both call this, so they always open the same bank.

    :returns: an absolute path (not yet created).
    """
    path = explicit or os.environ.get(ENV_DATA_DIR)
    if not path:
        home = default_data_dir()
        path = Settings.load(home).data_dir or home
    return os.path.abspath(os.path.expanduser(path))


def choose_data_dir(path: str) -> None:
    """Make ``path`` the data folder that the app and the ``eduapp`` command open when no
    ``--data-dir`` or ``$EDUAPP_DATA_DIR`` is given: written as ``data_dir`` into the
    settings file of the default folder (the one place both read).

    :raises BankError: the default folder cannot be created or written.
    :raises EduAppError: the settings file cannot be written.
    """
    home = default_data_dir()
    ensure_data_dir(home)
    settings = Settings.load(home)
    path = os.path.abspath(os.path.expanduser(path))
    settings.data_dir = "" if path == os.path.abspath(home) else path
    settings.save(home)


def ensure_data_dir(path: str) -> str:
    """Create ``path`` if needed and check that it is writable.

    :raises BankError: the folder cannot be created or written (a sentence naming it).
    """
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise BankError(code="config.cannot-create",
                        values={"path": path, "reason": os_reason(e)}) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise BankError(code="config.not-writable", values={"path": path})
    return path


@dataclass
class Settings:
    """User settings kept in ``settings.json`` in the data directory.

    :ivar language: UI and default content language: ``""`` (follow the system), ``en``, ``zh``.
    :ivar page_size: ``A4`` or ``Letter`` for PDFs.
    :ivar default_provider: name of the default LLM provider profile.
    :ivar concurrency: how many generation requests run at once (1..32).
    :ivar recent_exam_window: items used in the last N exams are avoided by the assembler.
    :ivar institution: printed on exam covers.
    :ivar starter_offered: whether the app already offered the starter bank.
    :ivar practice_allow_reviewed: students may also practise reviewed (not yet approved)
        items; approved items only when off. Drafts and retired items are never served.
    :ivar data_dir: only in the default folder's file: the folder chosen instead of it
        (empty: the default folder itself).
    :ivar backups_auto: make backups automatically (before imports, migrations, bulk
        status changes and emptying the trash; in the app after changes and on close).
    :ivar backup_interval_minutes: in the app, at most one automatic backup this often
        while there are changes (minutes).
    :ivar backup_keep_recent: keep this many newest backups whatever their age.
    :ivar backup_keep_days: besides, keep the newest backup of each day for this many days.
    :ivar backup_keep_weeks: besides, keep the newest backup of each week for this many
        weeks (see :func:`eduapp.bank.backup.prune_backups`).
    """

    language: str = ""
    page_size: str = "A4"
    default_provider: str = "embedded"
    concurrency: int = 4
    recent_exam_window: int = 2
    institution: str = ""
    starter_offered: bool = False
    practice_allow_reviewed: bool = False
    data_dir: str = ""
    backups_auto: bool = True
    backup_interval_minutes: int = 30
    backup_keep_recent: int = 10
    backup_keep_days: int = 31
    backup_keep_weeks: int = 52
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: str) -> "Settings":
        """Read settings from ``data_dir``; a missing or unreadable file gives defaults
        (an unreadable one is kept aside as ``settings.json.bad``, never overwritten)."""
        from .errors import ImportFileError
        from .textfiles import read_text
        path = os.path.join(data_dir, SETTINGS_FILE)
        if not os.path.exists(path):
            return cls()
        try:  # any encoding: a teacher may have edited it in Notepad on a Chinese Windows
            raw = json.loads(read_text(path, what="settings file"))
        except (ImportFileError, OSError, ValueError):
            try:
                os.replace(path, path + ".bad")
            except OSError:
                pass
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known}) if isinstance(raw, dict) else cls()

    def save(self, data_dir: str) -> None:
        """Write settings atomically to ``data_dir``.

        :raises EduAppError: the file cannot be written.
        """
        ensure_data_dir(data_dir)
        write_json(os.path.join(data_dir, SETTINGS_FILE), asdict(self), error=EduAppError)
