"""Repair what :func:`eduapp.bank.check.check_data_folder` found (after Anki's Check
Database).

:func:`repair_data_folder` rebuilds the search indexes, deletes orphan media, renumbers
set members, takes missing media and lost saved copies of older item versions from the
newest backup that has them, restores twins and version rows. A damaged file is first
recovered into a new file (:mod:`eduapp.bank.salvage`: the ``sqlite3`` tool's ``.recover``
when it works, else a row-by-row salvage in Python that halves any read that hits a
damaged page), and everything the latest good backup holds that the recovered file
lacks is added back; when nothing can be read, the latest good backup's copy takes its
place. The damaged file is kept aside (``bank.sqlite.damaged-<time>``), never deleted, and
the report says what was lost.

Every connection to the folder's databases must be closed first (the CLI never opens them
for ``bank check``; the app closes its stores and reopens them afterwards).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field

from ..config import BANK_FILE
from ..domain import Media
from ..errors import BackupError
from ..storage import move_aside, refuse_if_in_use
from . import backup as _backup
from . import migrations
from .check import _EXAMPLES, _FTS_SHADOWS, _FTS_TABLES, CheckReport, Progress, \
    check_data_folder
from .rows import ITEM_SELECT, fts_row, item_from_row
from .restore import opened_backup_database
from .salvage import merge_from, recover_rows
from .textindex import index_text

@dataclass
class RepairReport:
    """What :func:`repair_data_folder` did.

    :ivar actions: sentences, one per repair made.
    :ivar lost: sentences saying what could not be saved (empty: nothing was lost).
    :ivar kept_aside: damaged files moved aside (kept, never deleted).
    :ivar restored_from: the backup used, if any (file name).
    :ivar before: the check before; :ivar after: the check after the repairs.
    """

    actions: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    kept_aside: list[str] = field(default_factory=list)
    restored_from: str | None = None
    before: CheckReport | None = None
    after: CheckReport | None = None

    def to_dict(self) -> dict:
        """``{"actions", "lost", "kept_aside", "restored_from", "before", "after"}``."""
        return {"actions": self.actions, "lost": self.lost, "kept_aside": self.kept_aside,
                "restored_from": self.restored_from,
                "before": self.before.to_dict() if self.before else None,
                "after": self.after.to_dict() if self.after else None}

    def lines(self) -> list[str]:
        """The repair in words."""
        out = [f"repaired: {a}" for a in self.actions] or ["nothing was repaired"]
        out += [f"lost: {x}" for x in self.lost]
        out += [f"kept aside: {k}" for k in self.kept_aside]
        if self.after is not None:
            out += (["after the repair: no problems found"] if self.after.ok else
                    ["still to do:"] + [f"  {line}" for line in self.after.lines()])
        return out


# ------------------------------------------------------------------ repairing

def _writable(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def rebuild_search_index(conn: sqlite3.Connection) -> int:
    """Drop both FTS5 indexes (even with shadow tables missing) and index every item and
    document again, inside the caller's transaction.

    :returns: the number of items indexed.
    """
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    for fts, (_table, cols) in _FTS_TABLES.items():
        if fts in names:
            for suffix, sql in _FTS_SHADOWS.items():
                if f"{fts}_{suffix}" not in names:
                    conn.execute(sql.format(t=fts, cols="".join(f", c{i}" for i in
                                                               range(len(cols)))))
            conn.execute(f"DROP TABLE {fts}")
        else:
            for suffix in _FTS_SHADOWS:
                if f"{fts}_{suffix}" in names:
                    conn.execute(f"DROP TABLE {fts}_{suffix}")
        conn.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(cols)}, "
                     f"tokenize='{migrations.FTS_TOKENIZE}')")
    vignettes = dict(conn.execute("SELECT uid, vignette FROM item_sets"))
    n = 0
    batch = []
    for row in conn.execute(f"SELECT {ITEM_SELECT} FROM items").fetchall():
        try:
            item = item_from_row(row)
        except (ValueError, TypeError, KeyError):
            continue
        batch.append(fts_row(item, vignettes.get(item.set_uid) or ""))
        n += 1
        if len(batch) >= 2000:
            conn.executemany("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                             "facets) VALUES (?, ?, ?, ?, ?, ?)", batch)
            batch = []
    if batch:
        conn.executemany("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                         "facets) VALUES (?, ?, ?, ?, ?, ?)", batch)
    docs = []
    for did, title, body, tags, topic, system in conn.execute(
            "SELECT id, title, body, tags, topic, system FROM documents").fetchall():
        try:
            words = json.loads(tags or "[]")
        except ValueError:
            words = []
        docs.append((did, index_text(title or ""), index_text(body or ""),
                     index_text(" ".join(words + [topic or "", system or ""]))))
    conn.executemany("INSERT INTO documents_fts(rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                     docs)
    return n


def _snapshots_from_backups(data_dir: str, wanted: set[tuple[str, int]]) -> dict:
    """``{(uid, version): item JSON}`` for older item versions whose saved copy is gone,
    taken from backups in which that version was the item's current one (newest first);
    the JSON is what :meth:`Bank._store_version` would have saved."""
    found: dict[tuple[str, int], str] = {}
    for info in _backup.list_backups(data_dir):
        if not wanted - set(found):
            break
        if not info.good or BANK_FILE not in info.files:
            continue
        try:
            with opened_backup_database(info) as path:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    for uid, version in wanted - set(found):
                        row = conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE uid = ? "
                                           "AND version = ?", (uid, version)).fetchone()
                        if row is None:
                            continue
                        item = item_from_row(row)
                        item.media = [Media(name=n, mime=m, sha256=h) for n, h, m in
                                      conn.execute("SELECT name, sha256, mime FROM item_media "
                                                   "WHERE item_id = ?", (item.id,))]
                        found[(uid, version)] = json.dumps(item.to_dict(with_ids=True),
                                                           ensure_ascii=False,
                                                           separators=(",", ":"))
                finally:
                    conn.close()
        except (BackupError, sqlite3.DatabaseError, OSError, ValueError, TypeError):
            continue
    return found


def _media_from_backups(data_dir: str, wanted: set[str]) -> dict[str, tuple]:
    """``{sha256: (mime, size, data)}`` for the wanted media found in backups, newest
    backup first."""
    found: dict[str, tuple] = {}
    for info in _backup.list_backups(data_dir):
        if not wanted - set(found):
            break
        if BANK_FILE not in info.files:
            continue
        try:
            with opened_backup_database(info) as path:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    for sha in wanted - set(found):
                        row = conn.execute("SELECT mime, size, data FROM media WHERE sha256 = ?",
                                           (sha,)).fetchone()
                        if row and hashlib.sha256(row[2]).hexdigest() == sha:
                            found[sha] = tuple(row)
                finally:
                    conn.close()
        except (BackupError, sqlite3.DatabaseError, OSError):
            continue
    return found


def _restore_set_members(conn: sqlite3.Connection) -> int:
    """Take back out of the trash the questions of live sets left with fewer than two:
    those trashed last (one deletion, as an unchanged re-import once did); inside the
    caller's transaction.

    :returns: the number of questions restored.
    """
    n = 0
    for (uid,) in conn.execute(
            "SELECT s.uid FROM item_sets s WHERE s.deleted_at IS NULL AND (SELECT COUNT(*) "
            "FROM items i WHERE i.set_uid = s.uid AND i.deleted_at IS NULL) < 2").fetchall():
        n += conn.execute(
            "UPDATE items SET deleted_at = NULL WHERE set_uid = ? AND deleted_at = (SELECT "
            "MAX(deleted_at) FROM items WHERE set_uid = ?)", (uid, uid)).rowcount
    return n


def _repair_logical(data_dir: str, report: CheckReport, out: RepairReport) -> None:
    path = os.path.join(data_dir, BANK_FILE)
    codes = {p.code for p in report.problems if p.file == BANK_FILE}
    if not codes:
        return
    conn = _writable(path)
    try:
        snapshots = {}
        if "version_snapshot" in codes:
            snapshots = _snapshots_from_backups(data_dir, {tuple(r) for r in conn.execute(
                "SELECT i.uid, v.version FROM item_versions v JOIN items i ON i.id = "
                "v.item_id WHERE v.version < i.version AND v.data IS NULL")})
        media_rows = {}
        if codes & {"media_missing", "media_damaged"}:
            wanted = {r[0] for r in conn.execute(
                "SELECT sha256 FROM item_media WHERE sha256 NOT IN (SELECT sha256 FROM media) "
                "UNION SELECT sha256 FROM document_media WHERE sha256 NOT IN "
                "(SELECT sha256 FROM media)")}
            for sha, _size, data in conn.execute("SELECT sha256, size, data FROM media"):
                if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != sha:
                    wanted.add(sha)
            media_rows = _media_from_backups(data_dir, wanted)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if "set_trashed" in codes:
                n = _restore_set_members(conn)
                out.actions.append(f"took {n} set question(s) back out of the trash")
            if "search_index" in codes:
                n = rebuild_search_index(conn)
                out.actions.append(f"rebuilt the search index ({n} items)")
            if media_rows:
                conn.executemany("INSERT OR REPLACE INTO media(sha256, mime, size, data) "
                                 "VALUES (?, ?, ?, ?)",
                                 [(sha, *row) for sha, row in media_rows.items()])
                out.actions.append(f"took {len(media_rows)} media file(s) back from backups")
            if codes & {"media_missing"}:
                gone = conn.execute(
                    "SELECT 'item', item_id, name FROM item_media WHERE sha256 NOT IN "
                    "(SELECT sha256 FROM media) UNION ALL SELECT 'document', document_id, name "
                    "FROM document_media WHERE sha256 NOT IN (SELECT sha256 FROM media)"
                ).fetchall()
                if gone:
                    conn.execute("DELETE FROM item_media WHERE sha256 NOT IN "
                                 "(SELECT sha256 FROM media)")
                    conn.execute("DELETE FROM document_media WHERE sha256 NOT IN "
                                 "(SELECT sha256 FROM media)")
                    out.lost.append(f"{len(gone)} media file(s) are in no backup and were "
                                    "unlinked: " + ", ".join(f"{k} {i}: {n}" for k, i, n in
                                                             gone[:_EXAMPLES]))
            if "media_damaged" in codes:
                still = [sha for sha, data in conn.execute("SELECT sha256, data FROM media")
                         if not isinstance(data, bytes) or
                         hashlib.sha256(data).hexdigest() != sha]
                if still:
                    out.lost.append(f"{len(still)} damaged media file(s) are in no backup "
                                    "(kept as they are)")
            if "media_orphan" in codes or "search_index" in codes:
                n = conn.execute("DELETE FROM media WHERE sha256 NOT IN (SELECT sha256 FROM "
                                 "item_media) AND sha256 NOT IN (SELECT sha256 FROM "
                                 "document_media)").rowcount
                if n:
                    out.actions.append(f"deleted {n} media file(s) nothing uses")
            if "set_missing" in codes:
                n = conn.execute("UPDATE item_sets SET deleted_at = NULL WHERE deleted_at IS "
                                 "NOT NULL AND uid IN (SELECT set_uid FROM items WHERE "
                                 "deleted_at IS NULL)").rowcount
                m = conn.execute("UPDATE items SET set_uid = NULL, set_position = 0 WHERE "
                                 "deleted_at IS NULL AND set_uid IS NOT NULL AND set_uid NOT "
                                 "IN (SELECT uid FROM item_sets)").rowcount
                if n:
                    out.actions.append(f"took {n} item set(s) out of the trash with their "
                                       "questions")
                if m:
                    out.actions.append(f"{m} question(s) of missing sets became single items")
                    out.lost.append(f"the shared vignette or options of the set(s) of {m} "
                                    "question(s)")
            if codes & {"set_order", "set_missing", "set_trashed"}:
                fixed = 0
                for (set_uid,) in conn.execute("SELECT DISTINCT set_uid FROM items WHERE "
                                               "set_uid IS NOT NULL").fetchall():
                    ids = [r[0] for r in conn.execute(
                        "SELECT id FROM items WHERE set_uid = ? AND deleted_at IS NULL ORDER BY "
                        "set_position IS NULL, set_position, id", (set_uid,))]
                    for pos, item_id in enumerate(ids):
                        fixed += conn.execute("UPDATE items SET set_position = ? WHERE id = ? "
                                              "AND set_position IS NOT ?",
                                              (pos, item_id, pos)).rowcount
                if fixed:
                    out.actions.append(f"put {fixed} set question(s) back in order")
            if "twin" in codes:
                n = conn.execute(
                    "UPDATE items SET twin_uid = (SELECT a.uid FROM items a WHERE a.twin_uid = "
                    "items.uid AND a.deleted_at IS NULL ORDER BY a.id LIMIT 1) WHERE deleted_at "
                    "IS NULL AND uid IN (SELECT twin_uid FROM items WHERE deleted_at IS NULL) "
                    "AND (twin_uid IS NULL OR twin_uid = '' OR twin_uid NOT IN "
                    "(SELECT uid FROM items WHERE deleted_at IS NULL))").rowcount
                if n:
                    out.actions.append(f"linked {n} translation(s) back to their twin")
            if "version_missing" in codes:
                n = conn.execute(
                    "INSERT INTO item_versions(item_id, version, data, saved_at, note) "
                    "SELECT id, version, NULL, updated_at, 'repaired' FROM items i WHERE NOT "
                    "EXISTS (SELECT 1 FROM item_versions v WHERE v.item_id = i.id AND "
                    "v.version = i.version)").rowcount
                out.actions.append(f"recorded the current version of {n} item(s) in their "
                                   "history")
            if snapshots:
                for (uid, version), data in snapshots.items():
                    conn.execute("UPDATE item_versions SET data = ? WHERE version = ? AND "
                                 "data IS NULL AND item_id = (SELECT id FROM items WHERE "
                                 "uid = ?)", (data, version, uid))
                out.actions.append(f"took the saved text of {len(snapshots)} older item "
                                   "version(s) back from backups")
            if "version_snapshot" in codes:
                n = conn.execute("SELECT COUNT(*) FROM item_versions v JOIN items i ON i.id = "
                                 "v.item_id WHERE v.version < i.version AND v.data IS NULL"
                                 ).fetchone()[0]
                if n:
                    out.lost.append(f"the saved text of {n} older item version(s)")
            if "foreign_key" in codes:
                n = 0
                for table, parent_col, parent in (("item_versions", "item_id", "items"),
                                                  ("item_media", "item_id", "items"),
                                                  ("document_media", "document_id", "documents"),
                                                  ("exam_items", "exam_id", "exams")):
                    n += conn.execute(f"DELETE FROM {table} WHERE {parent_col} NOT IN "
                                      f"(SELECT id FROM {parent})").rowcount
                if n:
                    out.actions.append(f"deleted {n} row(s) that belonged to nothing")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def _salvage_file(data_dir: str, name: str, out: RepairReport) -> bool:
    """Recover the damaged database ``name`` into a new file, add back what the latest
    good backup holds, and swap it in (the damaged file kept aside). Falls back to the
    backup's copy when nothing can be read. :returns: whether the file was replaced."""
    path = os.path.join(data_dir, name)
    refuse_if_in_use(path, "repair")
    good = next((b for b in _backup.list_backups(data_dir) if b.good and name in b.files), None)
    tmp = os.path.join(data_dir, f".{name}.recovering")
    for p in (tmp, tmp + "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(p)
    with contextlib.ExitStack() as stack:
        backup_copy = stack.enter_context(opened_backup_database(good, name)) \
            if good else None
        usable = _backup.is_sqlite(path) and recover_rows(path, tmp, backup_copy, name)
        if usable:
            conn = _writable(tmp)
            try:
                fragments = 0
                with contextlib.suppress(sqlite3.DatabaseError):
                    fragments = conn.execute("SELECT COUNT(*) FROM lost_and_found").fetchone()[0]
                    conn.execute("DROP TABLE lost_and_found")
                added = merge_from(conn, backup_copy) if backup_copy else {}
                out.actions.append(f"recovered what SQLite could still read of {name} into a "
                                   "new file")
                if added:
                    what = ", ".join(f"{n} {t}" for t, n in sorted(added.items()))
                    out.actions.append(f"added back from the backup {good.name}: {what}")
                    out.restored_from = good.name
                if good:
                    since = time.strftime("%Y-%m-%d %H:%M", time.localtime(good.created_at))
                    out.lost.append(f"what was written to {name} after the backup of {since} "
                                    "and stored on the damaged part of the file")
                if name == BANK_FILE:
                    lost_ids = _lost_item_ids(conn)
                    if lost_ids:
                        out.lost.append(f"{len(lost_ids)} item(s) added or changed after the "
                                        "last backup could not be read: ids "
                                        + ", ".join(map(str, lost_ids[:20])))
                if fragments:
                    out.lost.append(f"{fragments} unreadable fragment(s) of {name} that "
                                    "belonged to no table")
                if not good:
                    out.lost.append(f"there was no good backup of {name}: what SQLite could not "
                                    "read is lost")
            finally:
                conn.close()
        elif backup_copy:
            shutil.copyfile(backup_copy, tmp)
            out.actions.append(f"nothing of {name} could be read: restored it from the "
                               f"backup {good.name}")
            out.lost.append(f"changes to {name} made after "
                            f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(good.created_at))}")
            out.restored_from = good.name
        else:
            out.lost.append(f"{name} cannot be read and there is no backup of it; it was left "
                            "as it is")
            with contextlib.suppress(FileNotFoundError):
                os.remove(tmp)
            return False
    if name == BANK_FILE:
        conn = _writable(tmp)
        try:
            conn.execute("BEGIN IMMEDIATE")
            n = rebuild_search_index(conn)
            conn.execute("COMMIT")
            out.actions.append(f"rebuilt the search index ({n} items)")
        finally:
            conn.close()
    aside = move_aside(path)
    os.replace(tmp, path)
    out.kept_aside.append(aside)
    return True


def _lost_item_ids(conn: sqlite3.Connection) -> list[int]:
    """Items that have history entries but no row: their rows were on the damaged pages
    and were written after the last backup (purging an item deletes its history too)."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT item_id FROM item_versions WHERE item_id NOT IN (SELECT id FROM "
        "items) ORDER BY item_id")]


def repair_data_folder(data_dir: str, report: CheckReport | None = None, *,
                       progress: Progress | None = None) -> RepairReport:
    """Repair what :func:`check_data_folder` found (checking first when ``report`` is not
    given). Every connection to the folder's databases must be closed (the app closes its
    stores first); the bank is rewritten in place only through a new file swapped in.

    :returns: what was repaired, what was lost, and the check afterwards.
    """
    report = report or check_data_folder(data_dir)
    out = RepairReport(before=report)
    for name in report.damaged_files:
        if progress:
            progress(f"recovering {name}", 0.1)
        _salvage_file(data_dir, name, out)
    if report.damaged_files:
        report = check_data_folder(data_dir)
    if progress:
        progress("repairing", 0.6)
    _repair_logical(data_dir, report, out)
    out.after = check_data_folder(data_dir)
    if progress:
        progress("done", 1.0)
    return out


__all__ = ["RepairReport", "rebuild_search_index", "repair_data_folder"]
