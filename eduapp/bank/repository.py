"""The item bank: one SQLite file holding items, item sets, versions, media and documents.

The :class:`Bank` here opens the file and holds the connection, its lock and
transactions; what it stores is in one module per kind: items (:mod:`.items`), their
versions (:mod:`.versions`), media (:mod:`.media`), sets (:mod:`.sets`), documents
(:mod:`.documents`), the trash (:mod:`.trash`), search (:mod:`.search`), imports
(:mod:`.importing`) and small look-ups for other packages (:mod:`.lookups`).

Threads: a :class:`Bank` may be shared between threads; every public method takes the
bank's lock, so calls are serialised (SQLite allows one writer anyway). Each public
method that writes is one transaction: it stores everything or nothing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading

import sqlite_utils

from .. import storage
from ..errors import BankCorruptError, BankMissingError, BankReadOnlyError
from . import migrations
from .documents import DocumentsMixin
from .importing import ImportMixin
from .items import ItemsMixin
from .lookups import BankLookups
from .media import MediaMixin
from .search import SearchMixin
from .sets import SetsMixin
from .trash import TrashMixin
from .versions import VersionsMixin


def _read_only_place(path: str) -> bool:
    """Whether the bank file at ``path`` (or, when it does not exist, its folder) cannot be
    written: a read-only medium, a locked share."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return False
    if not os.access(folder, os.W_OK | os.X_OK):
        return True
    return os.path.exists(path) and not os.access(path, os.W_OK)


def refuse_lost_bank(path: str) -> None:
    """Refuse to start a new, empty bank at ``path`` when the file is missing or empty (0
    bytes: a crashed copy, a full disk, a sync tool) while a good backup of the data
    folder holds a bank with items: that bank is restored, not silently replaced.

    :raises BankMissingError: saying how to restore it (nothing was written).
    """
    try:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            return
    except OSError:
        return
    from ..config import BANK_FILE
    from .backup import list_backups
    data_dir = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) != BANK_FILE:
        return
    good = next((b for b in list_backups(data_dir)
                 if b.good and BANK_FILE in b.files and (b.items or 0) > 0), None)
    if good is None:
        return
    state = "is empty (0 bytes)" if os.path.exists(path) else "is missing"
    raise BankMissingError(
        f"{path} {state}, but the data folder has backups (the latest good one holds "
        f"{good.items} items). Nothing was written: restore it with `eduapp bank restore "
        "latest` (in the app: choose Restore when it asks)")


class Bank(ItemsMixin, VersionsMixin, MediaMixin, SetsMixin, DocumentsMixin, TrashMixin,
           SearchMixin, ImportMixin, BankLookups):
    """The item bank in one SQLite file (WAL mode).

    :param path: the database file, created when missing; ``":memory:"`` for tests.
    :raises BankCorruptError: the file is not an EduApp bank or is damaged (left untouched).
    :raises BankVersionError: the file comes from a newer EduApp (left untouched).
    :raises BankMissingError: the file is missing or empty but the folder's backups hold
        a bank (unless ``allow_new``: the user chose to start with an empty bank).

    ::

        bank = Bank(os.path.join(data_dir, "bank.sqlite"))
        item = bank.save_item(Item(type="tf", stem="Aspirin is an NSAID.", options=[...]))
    """

    def __init__(self, path: str, *, verify: bool = True, read_only: bool | None = None,
                 backups: bool = True, allow_new: bool = False):
        self.path = path
        self._lock = threading.RLock()
        self.verified = False
        if read_only is None:
            read_only = path != ":memory:" and _read_only_place(path)
        self.read_only = read_only
        #: Make a backup of the data folder before risky operations (imports, migrations,
        #: bulk status changes, emptying the trash): :mod:`eduapp.bank.backup`.
        self.backups = backups and path != ":memory:" and not read_only
        if path != ":memory:":
            if read_only and not os.path.exists(path):
                raise BankReadOnlyError(code="bank.folder-read-only-empty",
                                        values={"folder": os.path.dirname(path)})
            if not allow_new:
                refuse_lost_bank(path)
            try:
                migrations.check_readable(path)
            except BankCorruptError as e:
                raise BankCorruptError(code="bank.corrupt-repair", values={
                    "detail": e, "command": "`eduapp bank check --repair`"}) from None
            if verify:
                from .check import verify_on_open
                verify_on_open(path)
                self.verified = True
        try:
            if read_only:
                conn = sqlite3.connect(migrations.read_only_uri(path), uri=True,
                                       check_same_thread=False, isolation_level=None)
            else:
                conn = storage.connect(path, foreign_keys=True)
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = sqlite_utils.Database(conn)
            if read_only:
                version = migrations.schema_version(self.db)
                if version != migrations.SCHEMA_VERSION:
                    conn.close()
                    raise BankReadOnlyError(code="bank.read-only-upgrade", values={
                        "folder": os.path.dirname(path), "version": version})
                self.previous_version = version
            else:
                current = migrations.schema_version(self.db)
                if self.backups and 0 < current < migrations.SCHEMA_VERSION:
                    self._before_risky("migration", min_gap=0.0)
                self.previous_version = migrations.migrate(self.db, None if path == ":memory:"
                                                       else path)
        except sqlite3.OperationalError as e:
            typed = migrations.storage_error(e)
            if typed is None:
                raise BankCorruptError(code="bank.cannot-open",
                                       values={"path": path, "detail": str(e)}) from None
            raise typed from None
        except sqlite3.DatabaseError as e:
            raise BankCorruptError(code="bank.cannot-open",
                                       values={"path": path, "detail": str(e)}) from None
        self.conn = conn

    @classmethod
    def open_in(cls, data_dir: str, **kwargs) -> "Bank":
        """Open (or create) ``bank.sqlite`` in ``data_dir``; a folder that exists but cannot
        be written opens read-only (:attr:`read_only`). ``kwargs`` go to :class:`Bank`."""
        from ..config import BANK_FILE, ensure_data_dir
        if not (os.path.isdir(data_dir) and _read_only_place(os.path.join(data_dir,
                                                                          BANK_FILE))):
            ensure_data_dir(data_dir)
        return cls(os.path.join(data_dir, BANK_FILE), **kwargs)

    def _before_risky(self, reason: str, min_gap: float | None = None) -> None:
        """Back the data folder up before a risky operation (unless nothing changed since
        the last backup, or it is younger than :data:`backup.RISKY_MIN_GAP`).

        :raises DiskFullError: or ``BackupError``: the backup failed, so the operation is
            not started (nothing was changed).
        """
        if not self.backups:
            return
        from . import backup
        backup.auto_backup(os.path.dirname(os.path.abspath(self.path)), reason,
                           min_gap=backup.RISKY_MIN_GAP if min_gap is None else min_gap)

    def transaction(self):
        """Hold the bank's lock and run one transaction: for stores that keep their own
        tables in this database (exams). Use as ``with bank.transaction() as conn: ...``;
        an exception rolls everything back."""
        return storage.locked_transaction(self._lock, self.conn)

    @contextlib.contextmanager
    def read(self):
        """Hold the bank's lock for a series of reads on ``bank.conn`` (``with bank.read()
        as conn:``)."""
        with self._lock:
            yield self.conn

    def close(self) -> None:
        """Close the connection (checkpointing the WAL). A bank verified when it was
        opened is recorded as still good (only SQLite wrote to it since)."""
        with self._lock:
            if getattr(self, "_read_conn", None) is not None:
                self._read_conn.close()
                self._read_conn = None
            self.conn.close()
            if self.verified and not self.read_only:
                from .check import stamp_verified
                stamp_verified(self.path)
    def stats(self) -> dict:
        """Counts for ``eduapp bank stats``: ``items``, ``sets``, ``documents``, ``media``,
        ``deleted``, and ``by_type``/``by_status``/``by_language``/``by_system``/
        ``by_exam_type`` dicts, plus ``schema_version``, ``path`` and ``read_only``."""
        with self._lock:
            q = self.conn.execute
            out = {"path": self.path, "schema_version": migrations.schema_version(self.db),
                   "read_only": self.read_only,
                   "items": q("SELECT COUNT(*) FROM items WHERE deleted_at IS NULL").fetchone()[0],
                   "sets": q("SELECT COUNT(*) FROM item_sets WHERE deleted_at IS NULL").fetchone()[0],
                   "documents": q("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL"
                                  ).fetchone()[0],
                   "media": q("SELECT COUNT(*) FROM media").fetchone()[0],
                   "deleted": q("SELECT COUNT(*) FROM items WHERE deleted_at IS NOT NULL"
                                ).fetchone()[0]}
            for col in ("type", "status", "language", "system", "exam_type"):
                out[f"by_{col}"] = {k or "": v for k, v in q(
                    f"SELECT {col}, COUNT(*) FROM items WHERE deleted_at IS NULL "
                    f"GROUP BY {col} ORDER BY COUNT(*) DESC")}
            return out
