"""Restoring a backup of the data folder (:mod:`eduapp.bank.backup` makes and lists
them): unpacking it, checking its databases, and putting its files in place with the
current ones kept aside (``backups/kept/<time>-before-restore/``), never deleted. Also
one database of a backup unpacked for a moment, for a repair that takes rows from it.

Threads: every function opens its own files; call from any thread, with every connection
to the folder's databases closed first for a restore.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
from dataclasses import dataclass

from ..config import BANK_FILE
from ..errors import BackupError, Phrase, os_reason
from ..storage import refuse_if_in_use
# the backup folder's lock and the disk-full error are shared with the making of backups
from .backup import (KEPT_DIR, MANIFEST, BackupInfo, _disk_error, _folder_lock, _fsync_dir,
                     backup_dir, covered_entries, find_backup, read_only_error)


@dataclass
class RestoreResult:
    """What a restore did.

    :ivar backup: the backup restored.
    :ivar kept_aside: folder holding the files it replaced (never deleted), or ``None``
        when there was nothing to keep.
    :ivar restored: the members put in place.
    """

    backup: BackupInfo
    kept_aside: str | None
    restored: list[str]

    def to_dict(self) -> dict:
        """``{"backup": {...}, "kept_aside": path, "restored": [...]}``."""
        return {"backup": self.backup.to_dict(), "kept_aside": self.kept_aside,
                "restored": self.restored}


def extract_backup(info: BackupInfo, dest: str, members: list[str] | None = None) -> list[str]:
    """Unpack a backup's members (or only ``members``) into the folder ``dest``.

    :returns: the member names written.
    :raises BackupError: the archive is damaged or holds unsafe paths.
    :raises DiskFullError: the disk filled up.
    """
    import zstandard
    written = []
    try:
        with open(info.path, "rb") as raw:
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                for entry in tar:
                    name = entry.name
                    if name == MANIFEST or (members is not None and name not in members):
                        continue
                    parts = name.split("/")
                    if not entry.isfile() or name.startswith("/") or ".." in parts:
                        raise BackupError(code="backup.unsafe-path",
                                          values={"name": info.name, "path": name})
                    target = os.path.join(dest, *parts)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with tar.extractfile(entry) as src, open(target, "wb") as out:
                        shutil.copyfileobj(src, out, 1 << 20)
                        out.flush()
                        os.fsync(out.fileno())
                    written.append(name)
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise _disk_error(e, Phrase("backup.what-restored")) from None
        raise BackupError(code="backup.unreadable",
                          values={"name": info.name, "detail": str(e)}) from None
    except (tarfile.TarError, zstandard.ZstdError) as e:
        raise BackupError(code="backup.damaged",
                          values={"name": info.name, "detail": str(e)}) from None
    return written


def _read_only_mount(folder: str) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (``os.access`` says
    writable there for root)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def restore_backup(data_dir: str, backup: str | BackupInfo) -> RestoreResult:
    """Put a backup's files back into the data folder. The files it replaces (the
    databases with their WAL, settings, media ...) are first moved into
    ``backups/kept/<time>-before-restore/``, never deleted.

    The caller closes every connection to the folder's databases first (the CLI does not
    open them; the app closes its stores and reopens them afterwards).

    :param backup: a :class:`BackupInfo`, a backup name or path, or ``latest``.
    :raises BackupError: no such backup, or it is damaged (nothing was changed).
    :raises DiskFullError: not enough space to unpack it (nothing was changed).
    :raises BankReadOnlyError: the data folder is read-only (nothing was changed).
    :raises BankBusyError: another EduApp has one of the folder's databases open (nothing
        was changed).
    """
    info = backup if isinstance(backup, BackupInfo) else find_backup(data_dir, backup)
    for name in covered_entries(data_dir)[0]:
        refuse_if_in_use(os.path.join(data_dir, name), "restore")
    folder = backup_dir(data_dir)
    if os.path.isdir(data_dir) and (not os.access(data_dir, os.W_OK)
                                    or _read_only_mount(data_dir)):
        raise read_only_error(data_dir, "no backup can be restored into it")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise _disk_error(e, f"the backup folder {folder}") from None
    with _folder_lock(folder, "no backup can be restored into it"):
        staging = tempfile.mkdtemp(prefix=".tmp-restore-", dir=folder)
        try:
            names = extract_backup(info, staging)
            for name in names:
                path = os.path.join(staging, *name.split("/"))
                if name.endswith(".sqlite") and not _quick_ok(path):
                    raise BackupError(code="backup.member-damaged",
                                      values={"member": name, "name": info.name})
            databases, others = covered_entries(data_dir)
            current = databases + [d + s for d in databases for s in ("-wal", "-shm")] + others
            current = [n for n in current if os.path.exists(os.path.join(data_dir, n))]
            kept = None
            if current:
                kept = os.path.join(folder, KEPT_DIR, time.strftime("%Y%m%d-%H%M%S")
                                    + "-before-restore")
                n = 1
                while os.path.exists(kept):
                    n += 1
                    kept = kept.rsplit("~", 1)[0] + f"~{n}"
                os.makedirs(kept)
            moved: list[str] = []
            placed: list[str] = []
            try:
                for name in current:
                    os.replace(os.path.join(data_dir, name), os.path.join(kept, name))
                    moved.append(name)
                for top in sorted({n.split("/")[0] for n in names}):
                    os.replace(os.path.join(staging, top), os.path.join(data_dir, top))
                    placed.append(top)
            except OSError as e:  # put everything back as it was
                for top in placed:
                    target = os.path.join(data_dir, top)
                    with contextlib.suppress(OSError):
                        shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)
                for name in moved:
                    with contextlib.suppress(OSError):
                        os.replace(os.path.join(kept, name), os.path.join(data_dir, name))
                raise BackupError(code="backup.cannot-place",
                                  values={"reason": os_reason(e)}) from None
            _fsync_dir(data_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(backup=info, kept_aside=kept, restored=names)


def _quick_ok(path: str) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            return bool(row) and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


@contextlib.contextmanager
def opened_backup_database(info: BackupInfo, name: str = BANK_FILE):
    """Unpack one database of a backup into a temporary folder and yield its path (for a
    repair that takes rows from it); the copy is deleted afterwards.

    :raises BackupError: the backup does not hold ``name`` or cannot be read.
    """
    work = tempfile.mkdtemp(prefix=".tmp-read-", dir=os.path.dirname(info.path))
    try:
        if name not in extract_backup(info, work, members=[name]):
            raise BackupError(code="backup.missing-member",
                              values={"name": info.name, "member": name})
        yield os.path.join(work, name)
    finally:
        shutil.rmtree(work, ignore_errors=True)


__all__ = ["RestoreResult", "extract_backup", "opened_backup_database", "restore_backup"]
