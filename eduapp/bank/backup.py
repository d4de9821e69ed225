"""Backups of the whole data folder: the bank, the practice history, settings and media.

A backup is one file ``backups/eduapp-backup-<UTC time>-<reason>.tar.zst`` in the data
folder: a tar archive compressed with Zstandard, whose first member ``manifest.json`` says
when, why and from what it was made. Every SQLite database of the folder (``bank.sqlite``
with its exams, ``practice.sqlite``, any other store's ``*.sqlite``) is copied with SQLite's
online backup API (``sqlite3.Connection.backup``), so the copy is one consistent snapshot
even while the app or a command keeps writing; the copy is checked (``PRAGMA quick_check``)
and the result recorded, so a restore or a repair can pick the latest *good* backup. The
other files (``settings.json``, ``providers.json``; API keys are in the system keychain,
never here) and sub-folders such as ``media/`` are copied as they are.

The archive is written under a temporary name and renamed when complete, so a crash, a
full disk or a killed process during a backup never leaves a half-written backup nor
touches an older one. Rotation (:func:`prune_backups`) keeps the newest few, the newest of
each day for a month and the newest of each week for a year (Anki's scheme; the numbers are
:class:`eduapp.config.Settings` fields), and never the latest good backup. Putting a
backup back is :mod:`eduapp.bank.restore`.

Threads: every function opens its own connections; call from any thread (the GUI calls
them from an ``Op`` worker). Two processes may back up the same folder at once: an
advisory lock file serialises them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field

from ..config import BACKUP_DIR, BANK_FILE, Settings
from ..errors import BackupError, BankReadOnlyError, DiskFullError, Phrase, os_reason
from .migrations import read_only_uri

#: Zstandard level 1: twice as fast as the default 3 for 15 % more bytes (a 100,000-item
#: bank of 437 MB becomes 132 MB instead of 114 MB; ``bench/bench_backup.py``).
ZSTD_LEVEL = 1
SUFFIX = ".tar.zst"
PREFIX = "eduapp-backup-"
MANIFEST = "manifest.json"
KEPT_DIR = "kept"
#: Folder entries never copied into a backup (the backups themselves, caches, leftovers).
_SKIP_DIRS = {BACKUP_DIR, "cache", "tmp", "logs", "models", "__pycache__"}
_SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".bak", ".part", ".bad")
#: A risky operation right after a backup does not make another one (seconds).
RISKY_MIN_GAP = 120.0
_STALE_TMP = 3600.0


@dataclass
class BackupInfo:
    """One backup file.

    :ivar path: absolute path of the ``.tar.zst`` file.
    :ivar created_at: when it was made (epoch seconds).
    :ivar reason: why: ``manual``, ``auto``, ``close``, ``import``, ``migration``,
        ``status``, ``trash``, ``restore``.
    :ivar size: bytes on disk (compressed).
    :ivar items: live items in its bank (``None`` when it has no bank).
    :ivar check: ``ok`` when every database in it passed ``quick_check``, else ``damaged``.
    :ivar files: the members it holds (``bank.sqlite``, ``settings.json``, ``media/x`` ...).
    """

    path: str
    created_at: float
    reason: str
    size: int
    items: int | None = None
    check: str = "ok"
    files: list[str] = field(default_factory=list)
    fingerprint: dict = field(default_factory=dict)
    schema_version: int | None = None

    @property
    def name(self) -> str:
        """The file name (what ``eduapp bank restore NAME`` takes)."""
        return os.path.basename(self.path)

    @property
    def good(self) -> bool:
        """Every database in it passed its check when it was made."""
        return self.check == "ok"

    def to_dict(self) -> dict:
        """``{name, path, created_at, created (ISO local time), reason, size, items,
        check, files}``."""
        d = asdict(self)
        d.pop("fingerprint")
        d["name"] = self.name
        d["created"] = _dt.datetime.fromtimestamp(self.created_at).isoformat(timespec="seconds")
        return d


@dataclass
class RetentionPolicy:
    """Which backups rotation keeps (see :func:`prune_backups`).

    :ivar recent: the newest N, whatever their age.
    :ivar days: the newest backup of each of the last N days (local dates).
    :ivar weeks: the newest backup of each of the last N ISO weeks.
    """

    recent: int = 10
    days: int = 31
    weeks: int = 52

    @classmethod
    def from_settings(cls, settings: Settings) -> "RetentionPolicy":
        """The policy of the user's settings (negative numbers count as 0)."""
        return cls(max(0, int(settings.backup_keep_recent)),
                   max(0, int(settings.backup_keep_days)),
                   max(0, int(settings.backup_keep_weeks)))


# ------------------------------------------------------------------ what a backup covers

def backup_dir(data_dir: str) -> str:
    """``<data_dir>/backups`` (not created)."""
    return os.path.join(data_dir, BACKUP_DIR)


def is_sqlite(path: str) -> bool:
    """Whether ``path`` is a regular file that starts with SQLite's header
    (:func:`eduapp.storage.has_sqlite_header`: read through SQLite, so that an open
    connection of this process keeps its locks)."""
    from ..storage import has_sqlite_header
    return has_sqlite_header(path)


def covered_entries(data_dir: str) -> tuple[list[str], list[str]]:
    """The names in ``data_dir`` a backup copies: ``(databases, other files and folders)``.

    Databases are the ``*.sqlite`` files (copied with the online backup API); the rest are
    regular files and folders other than backups, caches, WAL/journal files, temporary and
    ``.bak`` leftovers, and hidden files.
    """
    databases, others = [], []
    try:
        names = sorted(os.listdir(data_dir))
    except FileNotFoundError:
        return [], []
    for name in names:
        full = os.path.join(data_dir, name)
        if name.startswith(".") or name.endswith(_SKIP_SUFFIXES) or ".damaged-" in name:
            continue
        if os.path.isdir(full):
            if name not in _SKIP_DIRS:
                others.append(name)
        elif name.endswith(".sqlite"):
            databases.append(name)
        elif os.path.isfile(full):
            others.append(name)
    return databases, others


def fingerprint(data_dir: str) -> dict:
    """``{name: [size, mtime_ns]}`` of what a backup covers (databases with their WAL):
    equal fingerprints mean nothing changed, so no new backup is needed."""
    out = {}
    databases, others = covered_entries(data_dir)
    for name in databases + [d + "-wal" for d in databases] + others:
        full = os.path.join(data_dir, name)
        try:
            if os.path.isdir(full):
                total = [0, 0]
                for root, _dirs, files in os.walk(full):
                    for f in files:
                        st = os.stat(os.path.join(root, f))
                        total[0] += st.st_size
                        total[1] = max(total[1], st.st_mtime_ns)
                out[name] = total
            else:
                st = os.stat(full)
                if name.endswith("-wal") and st.st_size == 0:
                    continue  # an empty WAL (left by a reader) holds nothing
                out[name] = [st.st_size, st.st_mtime_ns]
        except FileNotFoundError:
            continue
    return out


# ------------------------------------------------------------------ making a backup

def _disk_error(e: OSError, what: Phrase) -> Exception:
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(code="backup.disk-full", values={"what": what})
    return BackupError(code="backup.cannot-write", values={"what": what, "reason": os_reason(e)})


def _snapshot(src_path: str, dst_path: str) -> tuple[str, int | None, int | None]:
    """Copy the database ``src_path`` to ``dst_path`` with the online backup API (one
    consistent snapshot), then check the copy.

    :returns: ``(check, live items or None, schema version or None)``; check is ``ok``
        or ``damaged``.
    """
    src = sqlite3.connect(read_only_uri(src_path), uri=True, timeout=30)
    try:
        dst = sqlite3.connect(dst_path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            try:
                row = dst.execute("PRAGMA quick_check").fetchone()
                check = "ok" if row and row[0] == "ok" else "damaged"
            except sqlite3.DatabaseError:
                check = "damaged"
            items = version = None
            with contextlib.suppress(sqlite3.DatabaseError):
                version = dst.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            with contextlib.suppress(sqlite3.DatabaseError):
                items = dst.execute("SELECT COUNT(*) FROM items WHERE deleted_at IS NULL"
                                    ).fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    return check, items, version


def read_only_error(data_dir: str, what: str) -> BankReadOnlyError:
    """The sentence for an action that must write into a read-only data folder.

    :param what: what cannot be done, as a clause (``"no backup can be written"``).
    """
    return BankReadOnlyError(f"the data folder {data_dir} is read-only: {what}. Copy the "
                             "folder somewhere writable, or make it writable")


def _folder_lock(folder: str, what: str = "no backup can be written"):
    """An advisory lock on ``folder/.lock`` (POSIX ``flock``; no-op elsewhere), so two
    processes do not back up or prune the same folder at once.

    :raises BankReadOnlyError: the folder is read-only (``what`` says what cannot be done).
    """
    return _locked(folder, what)


@contextlib.contextmanager
def _locked(folder: str, what: str):
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(os.path.join(folder, ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise read_only_error(os.path.dirname(os.path.abspath(folder)), what) from None
        raise _disk_error(e, f"the lock file of {folder}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _stamp(t: float) -> str:
    d = _dt.datetime.fromtimestamp(t, _dt.timezone.utc)
    return d.strftime("%Y%m%dT%H%M%S") + f".{d.microsecond // 1000:03d}Z"


def _parse_name(name: str) -> tuple[float, str] | None:
    """``(created_at, reason)`` from a backup file name, or ``None``."""
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    core = name[len(PREFIX):-len(SUFFIX)]
    stamp, _, reason = core.partition("-")
    try:
        d = _dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return None
    return d.timestamp(), reason or "manual"


def create_backup(data_dir: str, reason: str = "manual", *, settings: Settings | None = None,
                  prune: bool = True) -> BackupInfo:
    """Back up the data folder now.

    :param data_dir: the data folder.
    :param reason: why (a word: ``manual``, ``auto``, ``import`` ...), part of the name.
    :param settings: for the rotation policy (default: the folder's settings).
    :param prune: apply rotation afterwards.
    :returns: the new backup.
    :raises DiskFullError: the disk filled up (nothing was left behind).
    :raises BackupError: the folder holds nothing to back up, cannot be read, or the backup
        cannot be written.

    ::

        info = create_backup(data_dir, "manual")
        print(info.name, info.size, info.items)
    """
    if not any(covered_entries(data_dir)):
        raise BackupError(code="backup.nothing", values={"folder": data_dir})
    folder = backup_dir(data_dir)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise read_only_error(data_dir, "no backup can be written") from None
        raise _disk_error(e, Phrase("backup.what-folder", folder=folder)) from None
    reason = "".join(c for c in reason.lower() if c.isalnum()) or "manual"
    with _folder_lock(folder):
        info = _write_backup(data_dir, folder, reason)
        if prune:
            prune_backups(data_dir, RetentionPolicy.from_settings(
                settings or Settings.load(data_dir)))
    return info


def _write_backup(data_dir: str, folder: str, reason: str) -> BackupInfo:
    import zstandard
    work = tempfile.mkdtemp(prefix=".tmp-", suffix=".part", dir=folder)
    tmp = os.path.join(folder, f".tmp-{uuid.uuid4().hex}.part")
    created = time.time()
    try:
        prints = fingerprint(data_dir)
        databases, others = covered_entries(data_dir)
        snapshots, checks = {}, {}
        items = version = None
        for name in databases:
            path = os.path.join(work, name)
            check, n, v = _snapshot(os.path.join(data_dir, name), path)
            snapshots[name] = path
            checks[name] = check
            if name == BANK_FILE:
                items, version = n, v
        members = list(databases)
        for name in others:
            full = os.path.join(data_dir, name)
            if os.path.isdir(full):
                for root, _dirs, files in os.walk(full):
                    for f in sorted(files):
                        members.append(os.path.relpath(os.path.join(root, f), data_dir))
            else:
                members.append(name)
        manifest = {"format": "eduapp-backup", "version": 1, "created_at": created,
                    "reason": reason, "items": items, "schema_version": version,
                    "check": "ok" if all(c == "ok" for c in checks.values()) else "damaged",
                    "checks": checks, "files": members, "fingerprint": prints}
        blob = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        cctx = zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=-1, write_checksum=True)
        with open(tmp, "wb") as raw:
            with cctx.stream_writer(raw, closefd=False) as zw:
                with tarfile.open(fileobj=zw, mode="w|", format=tarfile.PAX_FORMAT,
                                  copybufsize=1 << 20) as tar:
                    entry = tarfile.TarInfo(MANIFEST)
                    entry.size, entry.mtime = len(blob), int(created)
                    tar.addfile(entry, io.BytesIO(blob))
                    for name in members:
                        source = snapshots.get(name) or os.path.join(data_dir, name)
                        tar.add(source, arcname=name.replace(os.sep, "/"), recursive=False)
            raw.flush()
            os.fsync(raw.fileno())
        final = os.path.join(folder, f"{PREFIX}{_stamp(created)}-{reason}{SUFFIX}")
        while os.path.exists(final):  # two backups within the same millisecond
            created += 0.001
            final = os.path.join(folder, f"{PREFIX}{_stamp(created)}-{reason}{SUFFIX}")
        os.replace(tmp, final)
        _fsync_dir(folder)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise _disk_error(e, Phrase("backup.what-backup")) from None
    except sqlite3.DatabaseError as e:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise BackupError(code="backup.db-unreadable", values={
            "folder": data_dir, "detail": str(e),
            "command": "`eduapp bank check --repair`"}) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupInfo(path=final, created_at=created, reason=reason,
                      size=os.path.getsize(final), items=items, check=manifest["check"],
                      files=members, fingerprint=prints, schema_version=version)


def _fsync_dir(folder: str) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def auto_backup(data_dir: str, reason: str, *, settings: Settings | None = None,
                min_gap: float = 0.0) -> BackupInfo | None:
    """Back up unless automatic backups are off in the settings, nothing changed since the
    newest backup, or the newest backup is younger than ``min_gap`` seconds.

    Called before risky operations (``min_gap`` = :data:`RISKY_MIN_GAP`: an import of ten
    files makes one backup, not ten), by the app's timer and when the app closes.

    :returns: the new backup, or ``None`` when none was needed.
    :raises DiskFullError: or :class:`BackupError`, as :func:`create_backup`.
    """
    settings = settings or Settings.load(data_dir)
    databases = covered_entries(data_dir)[0]
    if not settings.backups_auto or not databases:
        return None
    if databases == [BANK_FILE] and _empty_bank(os.path.join(data_dir, BANK_FILE)):
        return None  # a new, empty bank: nothing to lose yet
    newest = latest_backup(data_dir)
    if newest is not None:
        if newest.fingerprint == fingerprint(data_dir):
            return None
        if min_gap and time.time() - newest.created_at < min_gap:
            return None
    return create_backup(data_dir, reason, settings=settings)


def _empty_bank(path: str) -> bool:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM items) AND NOT EXISTS "
                                "(SELECT 1 FROM documents)").fetchone()[0] == 1
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def changed_since_last_backup(data_dir: str) -> bool:
    """Whether the data folder differs from its newest backup (or has none)."""
    newest = latest_backup(data_dir)
    return newest is None or newest.fingerprint != fingerprint(data_dir)


# ------------------------------------------------------------------ listing

def read_manifest(path: str) -> dict:
    """The manifest of a backup file (only its start is decompressed).

    :raises BackupError: not an EduApp backup, or unreadable.
    """
    import zstandard
    try:
        with open(path, "rb") as raw:
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                entry = tar.next()
                if entry is None or entry.name != MANIFEST:
                    raise BackupError(code="backup.not-backup",
                                      values={"name": os.path.basename(path)})
                return json.loads(tar.extractfile(entry).read().decode("utf-8"))
    except (OSError, tarfile.TarError, zstandard.ZstdError, ValueError) as e:
        raise BackupError(code="backup.unreadable", values={
            "name": os.path.basename(path), "detail": str(e)}) from None


def _info(path: str) -> BackupInfo | None:
    parsed = _parse_name(os.path.basename(path))
    if parsed is None:
        return None
    created, reason = parsed
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    try:
        manifest = read_manifest(path)
    except BackupError:
        return BackupInfo(path=path, created_at=created, reason=reason, size=size,
                          check="unreadable")
    return BackupInfo(path=path, created_at=manifest.get("created_at", created),
                      reason=manifest.get("reason", reason), size=size,
                      items=manifest.get("items"), check=manifest.get("check", "ok"),
                      files=list(manifest.get("files", [])),
                      fingerprint=manifest.get("fingerprint") or {},
                      schema_version=manifest.get("schema_version"))


def list_backups(data_dir: str) -> list[BackupInfo]:
    """Every backup of the data folder, newest first (unreadable ones included, with
    ``check == "unreadable"``)."""
    folder = backup_dir(data_dir)
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    out = [i for i in (_info(os.path.join(folder, n)) for n in names) if i is not None]
    return sorted(out, key=lambda i: i.created_at, reverse=True)


def latest_backup(data_dir: str, *, good: bool = False) -> BackupInfo | None:
    """The newest backup (with ``good``: the newest whose databases passed their check)."""
    for info in list_backups(data_dir):
        if not good or info.good:
            return info
    return None


def find_backup(data_dir: str, name: str) -> BackupInfo:
    """The backup called ``name`` (a file name, a path, or ``latest``: the newest good one).

    :raises BackupError: no such backup.
    """
    if name == "latest":
        info = latest_backup(data_dir, good=True)
        if info is None:
            raise BackupError(code="backup.none-good", values={"folder": data_dir})
        return info
    candidates = [name, os.path.join(backup_dir(data_dir), os.path.basename(name))]
    for path in candidates:
        if os.path.isfile(path):
            info = _info(os.path.abspath(path))
            if info is not None:
                return info
            break
    raise BackupError(code="backup.not-found",
                      values={"name": name, "command": "`eduapp bank backups`"})


# ------------------------------------------------------------------ rotation

def select_kept(backups: list[BackupInfo], policy: RetentionPolicy,
                now: float | None = None) -> set[str]:
    """Paths of the backups rotation keeps: the ``recent`` newest; the newest of each local
    day for ``days`` days and of each ISO week for ``weeks`` weeks; and always the newest
    good backup. (Anki keeps daily, weekly and monthly backups the same way.)

    :param backups: any order.
    :param now: epoch seconds (default: the clock).
    """
    now = time.time() if now is None else now
    ordered = sorted(backups, key=lambda b: b.created_at, reverse=True)
    keep = {b.path for b in ordered[:policy.recent]}
    good = [b for b in ordered if b.good]
    if good:
        keep.add(good[0].path)
    today = _dt.date.fromtimestamp(now)
    days_seen, weeks_seen = set(), set()
    for b in ordered:
        day = _dt.date.fromtimestamp(b.created_at)
        age_days = (today - day).days
        if age_days < policy.days and day not in days_seen:
            days_seen.add(day)
            keep.add(b.path)
        week = day.isocalendar()[:2]
        if age_days < policy.weeks * 7 and week not in weeks_seen:
            weeks_seen.add(week)
            keep.add(b.path)
    return keep


def prune_backups(data_dir: str, policy: RetentionPolicy,
                  now: float | None = None) -> list[str]:
    """Delete the backups :func:`select_kept` does not keep, and temporary files left by
    a backup that crashed more than an hour ago.

    :returns: the paths deleted.
    """
    folder = backup_dir(data_dir)
    backups = [b for b in list_backups(data_dir) if b.check != "unreadable"]
    keep = select_kept(backups, policy, now)
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                os.remove(b.path)
                removed.append(b.path)
    with contextlib.suppress(FileNotFoundError):
        for name in os.listdir(folder):
            full = os.path.join(folder, name)
            if name.startswith(".tmp-") and time.time() - os.path.getmtime(full) > _STALE_TMP:
                if os.path.isdir(full):
                    shutil.rmtree(full, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.remove(full)
    return removed


__all__ = ["BackupInfo", "RetentionPolicy", "auto_backup", "backup_dir",
           "changed_since_last_backup", "covered_entries", "create_backup", "find_backup",
           "fingerprint", "latest_backup", "list_backups", "prune_backups", "read_manifest",
           "select_kept"]

