"""Repair what :func:`eduapp.bank.check.check_data_folder` found (after Anki's Check
Database).

:func:`repair_data_folder` rebuilds the search indexes, deletes orphan media, renumbers
set members, takes missing media and lost saved copies of older item versions from the
newest backup that has them, restores twins and version rows. A damaged file is first recovered into a new file (the ``sqlite3`` tool's
``.recover`` when it works, else a row-by-row salvage in Python that halves any read that
hits a damaged page), and everything the latest good backup holds that the recovered file
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
import subprocess
import time
from dataclasses import dataclass, field

from ..config import BANK_FILE
from ..domain import Media
from ..errors import BackupError
from ..storage import move_aside
from . import backup as _backup
from . import migrations
from .check import _EXAMPLES, _FTS_SHADOWS, _FTS_TABLES, CheckReport, Progress, \
    check_data_folder
from .rows import ITEM_SELECT, fts_row, item_from_row
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
            with _backup.opened_backup_database(info) as path:
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
            with _backup.opened_backup_database(info) as path:
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
            if "set_order" in codes or "set_missing" in codes:
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


_RECOVER_WORKS: dict[str, bool] = {}


def _has_recover(tool: str) -> bool:
    """Whether ``tool .recover`` works: it needs SQLite's ``sqlite_dbpage`` table, which
    some builds leave out (Debian 12's ``sqlite3`` prints "SQL logic error"). Probed once
    on a tiny database."""
    if tool not in _RECOVER_WORKS:
        import tempfile
        with tempfile.TemporaryDirectory() as work:
            probe = os.path.join(work, "probe.sqlite")
            c = sqlite3.connect(probe)
            c.execute("CREATE TABLE t(x)")
            c.execute("INSERT INTO t VALUES ('eduapp')")
            c.commit()
            c.close()
            try:
                done = subprocess.run([tool, probe, ".recover"], capture_output=True,
                                      text=True, timeout=20)
                _RECOVER_WORKS[tool] = done.returncode == 0 and "eduapp" in done.stdout
            except (OSError, subprocess.SubprocessError):
                _RECOVER_WORKS[tool] = False
    return _RECOVER_WORKS[tool]


def _usable(path: str, name: str) -> bool:
    """Whether a recovered file holds the tables that matter (the bank's items and schema
    version; any table for other databases)."""
    try:
        c = sqlite3.connect(path)
        try:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE "
                                              "type = 'table'")}
        finally:
            c.close()
    except sqlite3.DatabaseError:
        return False
    return {"items", "schema_version"} <= tables if name == BANK_FILE else bool(tables)


def _recover_cli(src: str, dst: str, _template: str | None = None) -> bool:
    """``sqlite3 SRC .recover --ignore-freelist | sqlite3 DST`` (the freelist holds what
    was deleted on purpose: it stays deleted)."""
    tool = shutil.which("sqlite3")
    if not tool or not _has_recover(tool):
        return False
    with open(os.devnull, "wb") as null:
        reader = subprocess.Popen([tool, src, ".recover --ignore-freelist"],
                                  stdout=subprocess.PIPE, stderr=null)
        writer = subprocess.run([tool, dst], stdin=reader.stdout, capture_output=True)
        reader.stdout.close()
        reader.wait()
    return writer.returncode == 0 and os.path.exists(dst)


def _readable_copy(src: str, dst: str) -> str:
    """A copy of ``src`` at ``dst`` whose header's page count is cut to the pages really
    in the file (a truncated file otherwise fails before its schema can be read)."""
    import struct
    shutil.copyfile(src, dst)
    with open(dst, "r+b") as fh:
        header = fh.read(100)
        if len(header) < 100:
            return dst
        page = struct.unpack(">H", header[16:18])[0]
        page = 65536 if page == 1 else page
        pages = os.path.getsize(dst) // page if page else 0
        if page and struct.unpack(">I", header[28:32])[0] > pages:
            fh.seek(28)
            fh.write(struct.pack(">I", pages))
    return dst


def _salvage_python(src: str, dst: str, template: str | None) -> bool:
    """Copy every row SQLite can still read from ``src`` into a new ``dst``: the schema
    from ``src`` (else from ``template``), rows by rowid ranges, halving a range that hits
    a damaged page down to single rows, so one bad page costs only its own rows."""
    schema_rows = None
    for source in (src, template):
        if not source:
            continue
        try:
            c = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                schema_rows = c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                        "WHERE sql IS NOT NULL").fetchall()
            finally:
                c.close()
            break
        except sqlite3.DatabaseError:
            continue
    if not schema_rows:
        return False
    virtual = [n for t, n, _tb, sql in schema_rows if sql.upper().startswith("CREATE VIRTUAL")]
    out = sqlite3.connect(dst, isolation_level=None)
    try:
        srcc = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        srcc.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        srcc = None  # not even the schema can be read: nothing to salvage
        out.close()
        return False
    try:
        out.execute("BEGIN")
        tables = []
        for kind, name, _tbl, sql in schema_rows:
            if kind != "table" or name.startswith("sqlite_") or \
                    any(name.startswith(v + "_") for v in virtual):
                continue
            out.execute(sql)
            if not sql.upper().startswith("CREATE VIRTUAL"):
                tables.append((name, "WITHOUT ROWID" not in sql.upper()))
        for name, has_rowid in tables:
            if srcc is not None:
                _copy_rows(srcc, out, name, has_rowid)
        for kind, name, _tbl, sql in schema_rows:
            if kind in ("index", "trigger", "view"):
                with contextlib.suppress(sqlite3.DatabaseError):
                    out.execute(sql)
        out.execute("COMMIT")
    finally:
        out.close()
        if srcc is not None:
            srcc.close()
    return True


def _copy_rows(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
               has_rowid: bool) -> None:
    try:
        cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        cols = []
    cols = cols or [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
    if not cols:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(cols))})'
    if not has_rowid:
        with contextlib.suppress(sqlite3.DatabaseError):
            dst.executemany(insert, src.execute(f'SELECT {names} FROM "{table}"').fetchall())
        return
    try:
        top = src.execute(f'SELECT MAX(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = None  # the right edge of the table is damaged: walk until rows stop

    def copy(lo: int, hi: int) -> int:
        try:
            rows = src.execute(f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?',
                               (lo, hi)).fetchall()
        except sqlite3.DatabaseError:
            if lo == hi:
                return 0
            mid = (lo + hi) // 2
            return copy(lo, mid) + copy(mid + 1, hi)
        dst.executemany(insert, rows)
        return len(rows)

    step, lo, idle = 512, 0, 0
    while (top is None and idle < 64) or (top is not None and lo <= top):
        idle = 0 if copy(lo, lo + step - 1) else idle + 1
        lo += step


def _merge_from(dst: sqlite3.Connection, backup_path: str) -> dict[str, int]:
    """Add every row of the backup's tables that ``dst`` lacks (matched by primary key or
    unique column; rows ``dst`` has win). :returns: rows added per table."""
    dst.execute("ATTACH DATABASE ? AS bk", (backup_path,))  # a temporary copy
    added = {}
    try:
        ours = {r[0]: r[1] for r in dst.execute("SELECT name, sql FROM main.sqlite_master "
                                                "WHERE type = 'table'")}
        theirs = {r[0] for r in dst.execute("SELECT name FROM bk.sqlite_master WHERE "
                                            "type = 'table'")}
        virtual = [n for n, sql in ours.items() if (sql or "").upper().startswith("CREATE VIRTUAL")]
        dst.execute("BEGIN")
        for name in sorted(ours):
            if name not in theirs or name.startswith("sqlite_") or name in virtual or \
                    name == "lost_and_found" or any(name.startswith(v + "_") for v in virtual):
                continue
            a = [r[1] for r in dst.execute(f'PRAGMA main.table_info("{name}")')]
            b = {r[1] for r in dst.execute(f'PRAGMA bk.table_info("{name}")')}
            cols = ", ".join(f'"{c}"' for c in a if c in b)
            n = dst.execute(f'INSERT OR IGNORE INTO main."{name}" ({cols}) SELECT {cols} '
                            f'FROM bk."{name}"').rowcount
            if n > 0:
                added[name] = n
        dst.execute("COMMIT")
    finally:
        dst.execute("DETACH DATABASE bk")
    return added


@contextlib.contextmanager
def _scratch(path: str):
    """Yield ``path`` and delete it (and its journal files) afterwards."""
    try:
        yield path
    finally:
        for p in (path, path + "-journal", path + "-wal", path + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(p)


def _salvage_file(data_dir: str, name: str, out: RepairReport) -> bool:
    """Recover the damaged database ``name`` into a new file, add back what the latest
    good backup holds, and swap it in (the damaged file kept aside). Falls back to the
    backup's copy when nothing can be read. :returns: whether the file was replaced."""
    path = os.path.join(data_dir, name)
    good = next((b for b in _backup.list_backups(data_dir) if b.good and name in b.files), None)
    tmp = os.path.join(data_dir, f".{name}.recovering")
    for p in (tmp, tmp + "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(p)
    with contextlib.ExitStack() as stack:
        backup_copy = stack.enter_context(_backup.opened_backup_database(good, name)) \
            if good else None
        usable = False
        if _backup.is_sqlite(path):
            source = stack.enter_context(_scratch(tmp + ".source"))
            _readable_copy(path, source)
            for attempt in (_recover_cli, _salvage_python):
                for p in (tmp, tmp + "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        os.remove(p)
                if attempt(source, tmp, backup_copy) and _usable(tmp, name):
                    usable = True
                    break
        if usable:
            conn = _writable(tmp)
            try:
                fragments = 0
                with contextlib.suppress(sqlite3.DatabaseError):
                    fragments = conn.execute("SELECT COUNT(*) FROM lost_and_found").fetchone()[0]
                    conn.execute("DROP TABLE lost_and_found")
                added = _merge_from(conn, backup_copy) if backup_copy else {}
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
