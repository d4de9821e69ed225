"""Check the data folder's databases, and repair what can be repaired (after Anki's
Check Database).

:func:`check_data_folder` runs, on the bank: SQLite's ``integrity_check`` and
``foreign_key_check``, the FTS5 ``integrity-check`` of both search indexes (and that they
index exactly the stored items and documents), that every item validates, that item sets
are complete and in order, that media are referenced and present (and match their
SHA-256), that translation twins point at each other, and that item versions are
consistent; on every other database of the folder (``practice.sqlite`` ...) the two SQLite
checks. It only reads.

:func:`repair_data_folder` fixes what the check found: it rebuilds the search indexes,
deletes orphan media, renumbers set members, takes missing media from the newest backup
that has them, restores twins and version rows; a damaged file is first recovered into a
new file (the ``sqlite3`` tool's ``.recover``, else a row-by-row salvage in Python) with
everything the latest good backup holds and the recovered file lacks added back, or, when
nothing can be read, replaced by the latest good backup. The damaged file is kept aside
(``bank.sqlite.damaged-<time>``), never deleted, and the report says what was lost.

:func:`verify_on_open` is the cheap check a command makes before it answers from the bank:
``PRAGMA quick_check``, skipped while the file is unchanged since the last time it passed.
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
from dataclasses import asdict, dataclass, field
from typing import Callable

from ..config import BANK_FILE
from ..errors import BackupError, BankCorruptError, ValidationError
from . import backup as _backup
from . import schema
from .repository import _ITEM_SELECT, fts_row, item_from_row
from .textindex import index_text

Progress = Callable[[str, float], None]

#: Problem codes that mean the file itself is damaged (repair recovers or restores it).
FILE_DAMAGE = ("unreadable", "integrity")
#: Tables of the bank that hold content (kept by recovery, merged from a backup).
_FTS_TABLES = {"items_fts": ("items", schema.ITEM_FTS_COLUMNS),
               "documents_fts": ("documents", schema.DOC_FTS_COLUMNS)}
_FTS_SHADOWS = {
    "data": "CREATE TABLE '{t}_data'(id INTEGER PRIMARY KEY, block BLOB)",
    "idx": "CREATE TABLE '{t}_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID",
    "content": "CREATE TABLE '{t}_content'(id INTEGER PRIMARY KEY{cols})",
    "docsize": "CREATE TABLE '{t}_docsize'(id INTEGER PRIMARY KEY, sz BLOB)",
    "config": "CREATE TABLE '{t}_config'(k PRIMARY KEY, v) WITHOUT ROWID",
}
_EXAMPLES = 5


@dataclass
class Problem:
    """One kind of problem found, with how many and a few examples.

    :ivar code: what kind (``integrity``, ``search_index``, ``item_invalid``,
        ``set_order``, ``media_missing``, ``media_orphan`` ... see the module doc).
    :ivar file: the database it is in (``bank.sqlite``, ``practice.sqlite``).
    :ivar message: a sentence for people (English; the app words its own from ``code``).
    :ivar count: how many rows (items, sets, media, pages) are affected.
    :ivar repairable: ``--repair`` can fix it without a person's decision.
    :ivar examples: up to five short descriptions (``item 12: ...``).
    """

    code: str
    file: str
    message: str
    count: int = 1
    repairable: bool = True
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape: ``{code, file, message, count, repairable, examples}``."""
        return asdict(self)


@dataclass
class CheckReport:
    """What :func:`check_data_folder` found.

    :ivar data_dir: the folder checked.
    :ivar problems: empty when everything is fine.
    :ivar items: live items in the bank (``None`` when it could not be counted).
    :ivar seconds: how long the check took.
    """

    data_dir: str
    problems: list[Problem] = field(default_factory=list)
    items: int | None = None
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No problem found."""
        return not self.problems

    @property
    def damaged_files(self) -> list[str]:
        """The databases that are damaged as files (unreadable or failing SQLite's check)."""
        return sorted({p.file for p in self.problems if p.code in FILE_DAMAGE})

    @property
    def unreadable(self) -> bool:
        """The bank cannot be opened at all (``bank check`` exits 3 without ``--repair``)."""
        return any(p.code == "unreadable" and p.file == BANK_FILE for p in self.problems)

    def codes(self) -> set[str]:
        """The problem codes found."""
        return {p.code for p in self.problems}

    def to_dict(self) -> dict:
        """``{"ok", "items", "seconds", "files", "problems": [...]}``."""
        return {"ok": self.ok, "items": self.items, "seconds": round(self.seconds, 3),
                "files": self.files, "problems": [p.to_dict() for p in self.problems]}

    def lines(self) -> list[str]:
        """The report in words, one line per problem (with examples indented)."""
        if self.ok:
            return [f"checked {', '.join(self.files) or 'nothing'}: no problems found"
                    + (f" ({self.items} items)" if self.items is not None else "")]
        out = []
        for p in self.problems:
            out.append(f"{p.file}: {p.message}" + ("" if p.repairable else
                                                     " (needs a person: not repaired)"))
            out.extend(f"    {e}" for e in p.examples)
        return out


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


# ------------------------------------------------------------------ opening

def _connect_ro(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return conn


def _stamp_path(path: str) -> str:
    return os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".verified")


def _file_state(path: str) -> list:
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append([st.st_size, st.st_mtime_ns] if st.st_size else None)
        except FileNotFoundError:
            out.append(None)
    return out


def quick_check(path: str) -> str | None:
    """``PRAGMA quick_check`` on a database (read-only).

    :returns: ``None`` when it passes, else what is wrong (a short text).
    """
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    if not _backup.is_sqlite(path):
        return "not an SQLite database"
    try:
        conn = _connect_ro(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return str(e)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def is_verified(path: str) -> bool:
    """Whether ``path`` is byte-for-byte as it was when it last passed :func:`quick_check`
    (or was last closed by an EduApp that had verified it)."""
    try:
        with open(_stamp_path(path), encoding="utf-8") as fh:
            return json.load(fh) == _file_state(path)
    except (OSError, ValueError):
        return False


def stamp_verified(path: str) -> None:
    """Record that ``path`` as it is now is known good (best effort: a read-only folder
    simply gets checked every time)."""
    if not os.path.exists(path):
        return
    tmp = _stamp_path(path) + ".part"
    with contextlib.suppress(OSError):
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(_file_state(path), fh)
        os.replace(tmp, _stamp_path(path))


def verify_on_open(path: str) -> None:
    """The check a command makes before it reads the bank: ``PRAGMA quick_check`` (about
    a second for 100,000 items), skipped while the file is unchanged since it last passed.

    :raises BankCorruptError: the file is damaged (a sentence saying what to do).
    """
    if is_verified(path):
        return
    problem = quick_check(path)
    if problem:
        raise BankCorruptError(
            f"{path} is damaged ({problem}). Nothing was read from it. Repair it with "
            "`eduapp bank check --repair` (in the app: Tools → Check database) or go back "
            "to a backup with `eduapp bank restore latest`")
    stamp_verified(path)


# ------------------------------------------------------------------ checking

def _examples(rows, fmt) -> list[str]:
    return [fmt(r) for r in rows[:_EXAMPLES]]


def _check_sqlite(conn: sqlite3.Connection, name: str, out: list[Problem]) -> bool:
    """``integrity_check`` and ``foreign_key_check``; returns False when the file is
    damaged (later checks may then fail)."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(100)")]
    except sqlite3.DatabaseError as e:
        rows = [str(e)]
    if rows != ["ok"]:
        out.append(Problem("integrity", name, f"the file is damaged: SQLite's integrity check "
                           f"reports {len(rows)} error(s)", len(rows), True, rows[:_EXAMPLES]))
        return False
    try:
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as e:
        fk = [(str(e), None, "", None)]
    if fk:
        by = {}
        for table, rowid, parent, _ in fk:
            by.setdefault((table, parent), []).append(rowid)
        for (table, parent), rowids in by.items():
            out.append(Problem("foreign_key", name, f"{len(rowids)} row(s) of {table} refer to "
                               f"missing rows of {parent}", len(rowids), True,
                               _examples(rowids, lambda r: f"{table} row {r}")))
    return True


def _check_fts(conn: sqlite3.Connection, writable_path: str | None, out: list[Problem]) -> None:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    for fts, (table, _cols) in _FTS_TABLES.items():
        missing = [s for s in _FTS_SHADOWS if f"{fts}_{s}" not in names]
        if fts not in names or missing:
            out.append(Problem("search_index", BANK_FILE,
                               f"the search index of {table} is missing parts "
                               f"({', '.join(missing) or fts}); search cannot work", 1, True))
            continue
        try:
            stray = conn.execute(f"SELECT COUNT(*) FROM {fts} WHERE rowid NOT IN "
                                 f"(SELECT id FROM {table})").fetchone()[0]
            unindexed = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE id NOT IN "
                                     f"(SELECT rowid FROM {fts})").fetchone()[0]
        except sqlite3.DatabaseError as e:
            out.append(Problem("search_index", BANK_FILE, f"the search index of {table} "
                               f"cannot be read ({e})", 1, True))
            continue
        if stray or unindexed:
            out.append(Problem("search_index", BANK_FILE,
                               f"the search index of {table} is out of step: {unindexed} "
                               f"not indexed, {stray} indexed but gone", stray + unindexed,
                               True))
            continue
        if writable_path is None:
            continue
        try:  # 'integrity-check' is an INSERT: run it in a transaction that is rolled back
            rw = sqlite3.connect(writable_path, isolation_level=None, timeout=30)
            try:
                rw.execute("BEGIN")
                try:
                    rw.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
                finally:
                    rw.execute("ROLLBACK")
            finally:
                rw.close()
        except sqlite3.OperationalError as e:
            if "readonly" in str(e) or "locked" in str(e):
                continue
            out.append(Problem("search_index", BANK_FILE, f"the search index of {table} is "
                               f"damaged ({e})", 1, True))
        except sqlite3.DatabaseError as e:
            out.append(Problem("search_index", BANK_FILE, f"the search index of {table} is "
                               f"damaged ({e})", 1, True))


def _check_items(conn: sqlite3.Connection, out: list[Problem],
                 progress: Progress | None) -> int:
    bad = []
    n = 0
    total = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] or 1
    for row in conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE deleted_at IS NULL"):
        n += 1
        try:
            item_from_row(row).validate()
        except ValidationError as e:
            bad.append(f"item {row[0]}: {e}")
        except (ValueError, TypeError, KeyError) as e:
            bad.append(f"item {row[0]}: unreadable content ({e})")
        if progress and n % 5000 == 0:
            progress("items", 0.3 + 0.4 * n / total)
    if bad:
        out.append(Problem("item_invalid", BANK_FILE, f"{len(bad)} item(s) break a rule and "
                           "need editing", len(bad), False, bad[:_EXAMPLES]))
    return n


def _check_sets(conn: sqlite3.Connection, out: list[Problem]) -> None:
    orphans = conn.execute(
        "SELECT i.id, i.set_uid FROM items i LEFT JOIN item_sets s ON s.uid = i.set_uid "
        "WHERE i.set_uid IS NOT NULL AND i.deleted_at IS NULL AND "
        "(s.uid IS NULL OR s.deleted_at IS NOT NULL)").fetchall()
    if orphans:
        out.append(Problem("set_missing", BANK_FILE, f"{len(orphans)} item(s) belong to a set "
                           "that is missing or in the trash", len(orphans), True,
                           _examples(orphans, lambda r: f"item {r[0]}: set {r[1]}")))
    small = conn.execute(
        "SELECT s.uid, s.title, (SELECT COUNT(*) FROM items i WHERE i.set_uid = s.uid AND "
        "i.deleted_at IS NULL) AS n FROM item_sets s WHERE s.deleted_at IS NULL AND n < 2"
    ).fetchall()
    if small:
        out.append(Problem("set_incomplete", BANK_FILE, f"{len(small)} item set(s) have fewer "
                           "than two questions", len(small), False,
                           _examples(small, lambda r: f"set {r[1] or r[0]}: {r[2]} question(s)")))
    disordered = conn.execute(
        "SELECT set_uid, COUNT(*), MIN(set_position), MAX(set_position), "
        "COUNT(DISTINCT set_position) FROM items WHERE set_uid IS NOT NULL AND "
        "deleted_at IS NULL GROUP BY set_uid HAVING MIN(set_position) != 0 OR "
        "MAX(set_position) != COUNT(*) - 1 OR COUNT(DISTINCT set_position) != COUNT(*) "
        "OR MIN(set_position) IS NULL").fetchall()
    if disordered:
        out.append(Problem("set_order", BANK_FILE, f"{len(disordered)} item set(s) have their "
                           "questions out of order", len(disordered), True,
                           _examples(disordered, lambda r: f"set {r[0]}")))


def _check_media(conn: sqlite3.Connection, out: list[Problem]) -> None:
    missing = conn.execute(
        "SELECT 'item', item_id, name, sha256 FROM item_media WHERE sha256 NOT IN "
        "(SELECT sha256 FROM media) UNION ALL SELECT 'document', document_id, name, sha256 "
        "FROM document_media WHERE sha256 NOT IN (SELECT sha256 FROM media)").fetchall()
    if missing:
        out.append(Problem("media_missing", BANK_FILE, f"{len(missing)} image(s) or file(s) "
                           "that items or documents use are missing", len(missing), True,
                           _examples(missing, lambda r: f"{r[0]} {r[1]}: {r[2]}")))
    damaged = []
    for sha, size, data in conn.execute("SELECT sha256, size, data FROM media"):
        data = data if isinstance(data, bytes) else (data or "").encode()
        if hashlib.sha256(data).hexdigest() != sha or (size is not None and size != len(data)):
            damaged.append(sha)
    if damaged:
        out.append(Problem("media_damaged", BANK_FILE, f"{len(damaged)} media file(s) do not "
                           "match their checksum", len(damaged), True,
                           _examples(damaged, lambda s: f"media {s[:12]}")))
    orphans = conn.execute("SELECT sha256 FROM media WHERE sha256 NOT IN (SELECT sha256 FROM "
                           "item_media) AND sha256 NOT IN (SELECT sha256 FROM document_media)"
                           ).fetchall()
    if orphans:
        out.append(Problem("media_orphan", BANK_FILE, f"{len(orphans)} media file(s) are not "
                           "used by any item or document", len(orphans), True,
                           _examples(orphans, lambda r: f"media {r[0][:12]}")))


def _check_twins(conn: sqlite3.Connection, out: list[Problem]) -> None:
    rows = conn.execute(
        "SELECT a.id, a.uid, b.id, b.twin_uid FROM items a JOIN items b ON b.uid = a.twin_uid "
        "WHERE a.twin_uid IS NOT NULL AND a.twin_uid != '' AND a.deleted_at IS NULL AND "
        "b.deleted_at IS NULL AND (b.twin_uid IS NULL OR b.twin_uid != a.uid)").fetchall()
    if rows:
        out.append(Problem("twin", BANK_FILE, f"{len(rows)} translation link(s) point one way "
                           "only", len(rows), True,
                           _examples(rows, lambda r: f"item {r[0]} -> item {r[2]}")))


def _check_versions(conn: sqlite3.Connection, out: list[Problem]) -> None:
    missing = conn.execute(
        "SELECT i.id, i.version FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_versions v "
        "WHERE v.item_id = i.id AND v.version = i.version)").fetchall()
    if missing:
        out.append(Problem("version_missing", BANK_FILE, f"{len(missing)} item(s) have no "
                           "history entry for their current version", len(missing), True,
                           _examples(missing, lambda r: f"item {r[0]} version {r[1]}")))
    future = conn.execute(
        "SELECT v.item_id, v.version FROM item_versions v JOIN items i ON i.id = v.item_id "
        "WHERE v.version > i.version").fetchall()
    if future:
        out.append(Problem("version_future", BANK_FILE, f"{len(future)} history entries are "
                           "newer than their item", len(future), False,
                           _examples(future, lambda r: f"item {r[0]} version {r[1]}")))
    hollow = conn.execute(
        "SELECT v.item_id, v.version FROM item_versions v JOIN items i ON i.id = v.item_id "
        "WHERE v.version < i.version AND v.data IS NULL").fetchall()
    if hollow:
        out.append(Problem("version_snapshot", BANK_FILE, f"{len(hollow)} older version(s) "
                           "lost their saved copy", len(hollow), True,
                           _examples(hollow, lambda r: f"item {r[0]} version {r[1]}")))


def _check_bank(path: str, out: list[Problem], progress: Progress | None) -> int | None:
    if not _backup.is_sqlite(path):
        out.append(Problem("unreadable", BANK_FILE, "the bank is not an SQLite database any "
                           "more (its first page is damaged)", 1, True))
        return None
    try:
        conn = _connect_ro(path)
    except sqlite3.DatabaseError as e:
        out.append(Problem("unreadable", BANK_FILE, f"the bank cannot be opened ({e})", 1, True))
        return None
    try:
        if progress:
            progress("integrity", 0.0)
        if not _check_sqlite(conn, BANK_FILE, out):
            return None
        try:
            version = schema.schema_version(_Db(conn))
        except sqlite3.DatabaseError as e:
            out.append(Problem("unreadable", BANK_FILE, f"the bank's schema cannot be read "
                               f"({e})", 1, True))
            return None
        if version != schema.SCHEMA_VERSION:
            out.append(Problem("schema", BANK_FILE, f"the bank has schema version {version}; "
                               f"this EduApp uses {schema.SCHEMA_VERSION} (open it once with "
                               "EduApp to upgrade it)" if version < schema.SCHEMA_VERSION else
                               f"the bank comes from a newer EduApp (schema {version})", 1,
                               False))
            return None
        if progress:
            progress("search index", 0.2)
        writable = path if os.access(os.path.dirname(path) or ".", os.W_OK) and \
            os.access(path, os.W_OK) else None
        _check_fts(conn, writable, out)
        items = _check_items(conn, out, progress)
        if progress:
            progress("sets, media, twins, versions", 0.8)
        _check_sets(conn, out)
        _check_media(conn, out)
        _check_twins(conn, out)
        _check_versions(conn, out)
        return conn.execute("SELECT COUNT(*) FROM items WHERE deleted_at IS NULL"
                            ).fetchone()[0] if items is not None else None
    except sqlite3.DatabaseError as e:
        out.append(Problem("integrity", BANK_FILE, f"the bank could not be read to the end "
                           f"({e})", 1, True, [str(e)]))
        return None
    finally:
        conn.close()


class _Db:
    """Enough of ``sqlite_utils.Database`` for :func:`schema.schema_version`."""

    def __init__(self, conn):
        self.conn = conn

    def table_names(self):
        return [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]

    def execute(self, sql, params=()):
        return self.conn.execute(sql, params)


def check_data_folder(data_dir: str, *, progress: Progress | None = None) -> CheckReport:
    """Check every database in the data folder (read-only).

    :param progress: ``progress(stage, fraction 0..1)``, called from this thread.
    :returns: the report; ``report.ok`` when nothing is wrong.
    """
    start = time.perf_counter()
    report = CheckReport(data_dir=data_dir)
    databases, _ = _backup.covered_entries(data_dir)
    if BANK_FILE not in databases and os.path.exists(os.path.join(data_dir, BANK_FILE)):
        databases.insert(0, BANK_FILE)
    report.files = databases
    for name in databases:
        path = os.path.join(data_dir, name)
        if name == BANK_FILE:
            report.items = _check_bank(path, report.problems, progress)
            if not any(p.file == BANK_FILE for p in report.problems):
                stamp_verified(path)
            continue
        if not _backup.is_sqlite(path):
            if os.path.getsize(path):
                report.problems.append(Problem("unreadable", name, f"{name} is not an SQLite "
                                               "database any more", 1, True))
            continue
        try:
            conn = _connect_ro(path)
        except sqlite3.DatabaseError as e:
            report.problems.append(Problem("unreadable", name, f"{name} cannot be opened ({e})",
                                           1, True))
            continue
        try:
            _check_sqlite(conn, name, report.problems)
        finally:
            conn.close()
    report.seconds = time.perf_counter() - start
    if progress:
        progress("done", 1.0)
    return report


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
                     f"tokenize='{schema.FTS_TOKENIZE}')")
    vignettes = dict(conn.execute("SELECT uid, vignette FROM item_sets"))
    n = 0
    batch = []
    for row in conn.execute(f"SELECT {_ITEM_SELECT} FROM items").fetchall():
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
    dst.execute("ATTACH DATABASE ? AS bk", (f"file:{backup_path}?mode=ro",))
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
    aside = f"{path}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.replace(path + suffix, aside + suffix)
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


__all__ = ["CheckReport", "Problem", "RepairReport", "check_data_folder", "is_verified",
           "quick_check", "rebuild_search_index", "repair_data_folder", "stamp_verified",
           "verify_on_open"]
