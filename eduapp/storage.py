"""The SQLite plumbing shared by the item bank (``bank.sqlite``) and the practice history
(``practice.sqlite``): refusing a damaged file before using it, opening a connection the
same way (autocommit, WAL, foreign keys), one explicit transaction at a time, forward
migrations with a backup before the first one, and moving a damaged file aside (never
deleting it).

Each store still owns its tables and their SQL; this module knows no table but
``schema_version``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from typing import Any, Callable, Sequence

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: str) -> str:
    """The SQLite URI that opens ``path`` read-only; on a read-only medium (the folder
    cannot be written and there is no WAL file to read) also ``immutable=1``, without
    which SQLite cannot open a WAL-mode file there (it needs to create its ``-shm``)."""
    from urllib.request import pathname2url
    uri = f"file:{pathname2url(os.path.abspath(path))}?mode=ro"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(folder, os.W_OK) and not os.path.exists(path + "-wal"):
        uri += "&immutable=1"
    return uri


#: How callers name a file's role (``what``) -> its catalogue word, so the sentence is
#: worded in the reader's language.
_WHAT = {"an EduApp bank": "word.what.bank-an", "bank": "word.what.bank",
         "a practice history": "word.what.practice-a", "practice history": "word.what.practice",
         "a marking store": "word.what.marking-a", "marking store": "word.what.marking"}


def _what(what: Any) -> Any:
    """``what`` as an error value: a known role as a :class:`~eduapp.errors.Phrase`."""
    from .errors import Phrase
    return Phrase(_WHAT[what]) if isinstance(what, str) and what in _WHAT else what


# ------------------------------------------------------------------ sharing a file safely
#
# SQLite coordinates processes with POSIX advisory locks (fcntl), and POSIX drops *all*
# of a process's locks on a file when the process closes *any* descriptor of that file.
# SQLite itself keeps its descriptors open for that reason; but a plain ``open(path)`` /
# ``close()`` of a database this process has open (to read its header, to copy it) takes
# away the locks of its connections. The next process that closes its connection then
# believes it is the last one, checkpoints and deletes the ``-wal`` and ``-shm`` files
# under the open connection, which goes on writing into a deleted WAL: its changes are
# lost and the file ends damaged. So this module never opens a database with Python's
# file functions: headers are read and copies made through SQLite.
# (https://www.sqlite.org/howtocorrupt.html, section 2.2.)

#: The byte range of SQLite's SHARED lock on a database file (os_unix.c: PENDING_BYTE
#: 0x40000000 + 2, SHARED_SIZE 510). Every open connection in WAL mode holds it.
_SHARED_FIRST, _SHARED_SIZE = 0x40000002, 510


def has_sqlite_header(path: str) -> bool:
    """Whether ``path`` is a non-empty file that SQLite reads as a database (its first 16
    bytes are SQLite's header), checked through SQLite so that the locks of this
    process's connections to it stay in place (see the note above).

    A file SQLite refuses (``file is not a database``) is read directly: no connection
    can be using it.
    """
    try:
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            return False
    except OSError:
        return False
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
        return True
    except sqlite3.DatabaseError as e:
        if getattr(e, "sqlite_errorcode", None) != sqlite3.SQLITE_NOTADB and \
                "not a database" not in str(e):
            return True  # busy, locked, damaged deeper in: still an SQLite file
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def in_use_elsewhere(path: str) -> bool:
    """Whether another process has an SQLite connection open on ``path`` (it holds the
    SHARED lock range, as every connection in WAL mode does). Call it only while this
    process has no connection to ``path`` (the probe's own descriptor is closed again).
    ``False`` where the probe is not known to work (Linux's ``struct flock`` layout only;
    Windows has no POSIX locks) or the file is missing."""
    import sys
    if not sys.platform.startswith("linux"):  # pragma: no cover - other layouts
        return False
    import fcntl
    import struct
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqii", fcntl.F_WRLCK, os.SEEK_SET, _SHARED_FIRST,
                            _SHARED_SIZE, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack("hhqqii", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def refuse_if_in_use(path: str, what: str) -> None:
    """Refuse to replace or move ``path`` while another EduApp (the app, a command, the
    ``sqlite3`` tool) has it open: the other process would go on writing into a file
    that is no longer the data folder's.

    :param what: the action, for the message (``"repair"``).
    :raises BankBusyError: it is open elsewhere; nothing was changed.
    """
    if in_use_elsewhere(path):
        from .errors import BankBusyError
        from .errors import Phrase
        from .messages import ERROR_TEXT
        action = Phrase(f"action.{what}") if f"action.{what}" in ERROR_TEXT else what
        raise BankBusyError(code="store.in-use",
                            values={"name": os.path.basename(path), "what": action})


def copy_database(path: str, dst: str) -> None:
    """Copy the database ``path`` to a new file ``dst`` through SQLite's online backup
    (one consistent snapshot, the WAL's committed pages included; the connections of
    this and other processes keep their locks).

    :raises sqlite3.DatabaseError: ``path`` cannot be read; :raises OSError: ``dst``
        cannot be written.
    """
    src = sqlite3.connect(read_only_uri(path), uri=True, timeout=30)
    try:
        out = sqlite3.connect(dst)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()


def storage_error(e: sqlite3.Error) -> Exception | None:
    """The typed error for an SQLite failure a user can cause, or ``None`` (a bug):
    a read-only file or folder, a full disk, another process holding the file too long.
    Each message says that nothing was changed (the transaction was rolled back)."""
    from .errors import BankBusyError, BankError, BankReadOnlyError, DiskFullError
    code = getattr(e, "sqlite_errorcode", None)
    text = str(e).lower()
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return BankReadOnlyError(code="store.read-only")
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFullError(code="store.disk-full")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return BankBusyError(code="store.busy")
    if code == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return BankError(code="store.io-error", values={"detail": str(e)})
    if isinstance(e, sqlite3.IntegrityError) or code == sqlite3.SQLITE_CORRUPT \
            or "malformed" in text:
        from .errors import BankCorruptError
        return BankCorruptError(code="store.out-of-step",
                                values={"detail": str(e),
                                        "command": "`eduapp bank check --repair`"})
    return None


def user_error(e: sqlite3.Error) -> Exception:
    """:func:`storage_error`, or for any other SQLite failure a
    :class:`~eduapp.errors.BankError` that names it: what the CLI prints and the app shows
    instead of a traceback."""
    from .errors import BankError
    return storage_error(e) or BankError(f"the database could not be used ({e}); run "
                                         "`eduapp bank check` to look for damage")


def check_readable(path: str, error: type[Exception], what: str, *,
                   thorough: bool = False) -> None:
    """Refuse a file that is not an SQLite database or whose schema cannot be read
    (read-only: the file is left untouched). A missing or empty file passes.

    By default it reads the header and the schema, not every page: ``PRAGMA quick_check``
    takes about a second on a 100,000-item bank, too slow for every start; damage deeper in
    the file surfaces as an SQLite error when the damaged page is read.

    :param error: the exception to raise (an :class:`~eduapp.errors.EduAppError` type).
    :param what: how the message names the file's role (``"an EduApp bank"``).
    :param thorough: run ``PRAGMA quick_check`` over every page (small files).
    :raises error: naming the file and what is wrong.
    """
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    if not has_sqlite_header(path):
        raise error(code="store.not-sqlite", values={"path": path, "what": _what(what)})
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=30)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            result = (conn.execute("PRAGMA quick_check").fetchone() if thorough
                      else ("ok",))
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        busy = storage_error(e)
        code = getattr(e, "sqlite_errorcode", None)
        if busy is not None and code not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) \
                and not isinstance(e, sqlite3.IntegrityError) and "malformed" not in str(e):
            raise busy from None  # busy or locked by another process: not damage
        raise error(code="store.unreadable", values={"path": path, "detail": str(e)}) from None
    if not result or result[0] != "ok":
        raise error(code="store.damaged", values={
            "path": path, "detail": result[0] if result else "no answer"})


def connect(path: str, *, foreign_keys: bool = False) -> sqlite3.Connection:
    """An autocommit connection (``isolation_level=None``; use :func:`transaction`) that
    any thread may use under the store's lock, in WAL mode with ``synchronous=NORMAL``
    (durable at each checkpoint, never corrupted by a crash).

    :param path: the database file, or ``":memory:"``.
    :raises sqlite3.DatabaseError: the file cannot be opened (callers turn it into their
        own error).
    """
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    if foreign_keys:
        conn.execute("PRAGMA foreign_keys = ON")
    if path != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection):
    """One explicit transaction on an autocommit connection (``isolation_level=None``):
    ``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception. Nested use joins
    the outer transaction.

    :raises BankReadOnlyError: the file or folder is read-only (nothing changed).
    :raises DiskFullError: the disk filled up (rolled back: nothing changed).
    :raises BankBusyError: another process held the file past the wait (nothing changed).
    :raises BankCorruptError: a constraint failed (the bank is out of step; rolled back).
    """
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except (sqlite3.OperationalError, sqlite3.IntegrityError) as e:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        typed = storage_error(e)
        if typed is None:
            raise
        raise typed from e


@contextlib.contextmanager
def locked_transaction(lock, conn: sqlite3.Connection):
    """Hold ``lock`` (the store's ``threading.RLock``) and run one :func:`transaction` on
    ``conn``: a store's ``with store.transaction() as conn:``. The lock is released however
    the block ends.

    :raises: as :func:`transaction`.
    """
    with lock, transaction(conn) as c:
        yield c


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty one)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
        return 0
    return int(conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)


def migrate(conn: sqlite3.Connection, steps: Sequence[Callable[[Any], None]], *,
            path: str | None, target: Any = None, what: str,
            newer_error: type[Exception], foreign_error: type[Exception],
            before: Callable[[int], None] | None = None) -> int:
    """Bring a database up to ``len(steps)``: ``steps[n - 1](target)`` builds version
    ``n``, each in its own transaction with its row in ``schema_version``. An existing
    file is copied to ``<path>.v<old>.bak`` before its first migration.

    :param target: what the steps get (the connection when ``None``; the bank passes its
        ``sqlite_utils.Database``).
    :param what: the file's role in messages (``"bank"``, ``"practice history"``).
    :param before: ``before(old_version)`` runs once before the first migration of an
        existing file (a backup of the whole data folder).
    :returns: the version before migrating.
    :raises newer_error: the file was written by a newer EduApp (left unchanged).
    :raises foreign_error: it has tables but no schema version (not ours; left unchanged).
    """
    latest = len(steps)
    current = schema_version(conn)
    if current > latest:
        raise newer_error(code="store.newer", values={
            "what": _what(what), "current": current, "latest": latest})
    if current == 0 and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone():
        raise foreign_error(code="store.foreign", values={"what": _what(what)})
    if current == latest:
        return current
    if current > 0 and path:
        copy_database(path, f"{path}.v{current}.bak")
        if before is not None:
            before(current)
    for version in range(current + 1, latest + 1):
        with transaction(conn):
            if schema_version(conn) >= version:  # another process migrated meanwhile
                continue
            if version == 1:
                conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                             "applied_at REAL NOT NULL)")
            steps[version - 1](conn if target is None else target)
            conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)",
                         (version, time.time()))
    return current


def move_aside(path: str) -> str:
    """Rename a damaged database (and its ``-wal``/``-shm`` files) to
    ``<path>.damaged-<YYYYmmdd-HHMMSS>`` so a fresh one can take its place; nothing is
    deleted.

    :returns: the new path of the damaged file.
    :raises OSError: it cannot be renamed.
    :raises BankBusyError: another process has it open (it is left in place).
    """
    refuse_if_in_use(path, "recovery")
    aside = f"{path}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.replace(path + suffix, aside + suffix)
    return aside
