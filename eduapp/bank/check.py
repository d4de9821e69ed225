"""Check the data folder's databases (after Anki's Check Database).

:func:`check_data_folder` runs, on the bank: SQLite's ``integrity_check`` and
``foreign_key_check``, the FTS5 ``integrity-check`` of both search indexes (and that they
index exactly the stored items and documents), that every item validates, that item sets
are complete and in order, that media are referenced and present (and match their
SHA-256), that translation twins point at each other, and that item versions are
consistent; on every other database of the folder (``practice.sqlite`` ...) the two SQLite
checks. It only reads.

:func:`eduapp.bank.repair.repair_data_folder` fixes what it finds.

:func:`verify_on_open` is the cheap check a command makes before it answers from the bank:
``PRAGMA quick_check``, skipped while the file is unchanged since the last time it passed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

from ..config import BANK_FILE
from ..errors import BankCorruptError, ValidationError
from . import backup as _backup
from . import migrations
from ..domain import Item, Option

Progress = Callable[[str, float], None]

#: Problem codes that mean the file itself is damaged (repair recovers or restores it).
FILE_DAMAGE = ("unreadable", "integrity")
#: Problem codes that mean this EduApp cannot open the bank (``bank check`` exits 3).
CANNOT_OPEN = ("unreadable", "schema_newer")
#: The FTS5 indexes of the bank: the table each indexes, and its columns.
_FTS_TABLES = {"items_fts": ("items", migrations.ITEM_FTS_COLUMNS),
               "documents_fts": ("documents", migrations.DOC_FTS_COLUMNS)}
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

    :ivar code: what kind (``integrity``, ``schema``, ``schema_newer``, ``search_index``, ``item_invalid``,
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
        """This EduApp cannot open the bank at all: it is unreadable, or it comes from a
        newer EduApp (``bank check`` exits 3, with or without ``--repair``)."""
        return any(p.code in CANNOT_OPEN and p.file == BANK_FILE for p in self.problems)

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


# ------------------------------------------------------------------ opening

def _connect_ro(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(migrations.read_only_uri(path), uri=True, timeout=30)
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
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(_file_state(path), fh)
        os.replace(tmp, _stamp_path(path))
    except OSError:  # a full disk, a read-only folder: no stamp, and no stray .part
        with contextlib.suppress(OSError):
            os.remove(tmp)


def verify_on_open(path: str) -> None:
    """The check a command makes before it reads the bank: ``PRAGMA quick_check`` (about
    a second for 100,000 items), skipped while the file is unchanged since it last passed.

    :raises BankCorruptError: the file is damaged (a sentence saying what to do).
    """
    if is_verified(path):
        return
    problem = quick_check(path)
    if problem:
        raise BankCorruptError(code="bank.damaged", values={
            "path": path, "problem": problem, "repair": "`eduapp bank check --repair`",
            "restore": "`eduapp bank restore latest`"})
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


_VALIDATE_COLUMNS = "id, type, stem, vignette, options, model_answer, status, language, " \
    "bloom, difficulty"
_JSON_COLUMNS = ("tags", "refs", "hints", "provenance", "extra")


def _check_fts_safely(path: str, writable: str | None, out: list[Problem]) -> None:
    try:
        conn = _connect_ro(path)
        try:
            _check_fts(conn, writable, out)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        out.append(Problem("search_index", BANK_FILE, f"the search index cannot be read ({e})",
                           1, True))


def _check_items(conn: sqlite3.Connection, out: list[Problem],
                 progress: Progress | None) -> int:
    """Every live item passes :meth:`Item.validate` (built from the columns the rules
    read, so 100,000 items take seconds), and its other JSON columns parse."""
    bad = []
    n = 0
    total = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] or 1
    for row in conn.execute(f"SELECT {_VALIDATE_COLUMNS} FROM items WHERE deleted_at IS NULL"):
        n += 1
        try:
            item_id, kind, stem, vignette, options, answer, status, language, bloom, p = row
            Item(type=kind, stem=stem or "", vignette=vignette or "",
                 options=[Option.from_dict(o) for o in json.loads(options or "[]")],
                 model_answer=answer or "", status=status, language=language,
                 bloom=bloom or "", difficulty=p).validate()
        except ValidationError as e:
            bad.append(f"item {row[0]}: {e}")
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            bad.append(f"item {row[0]}: unreadable content ({e})")
        if progress and n % 5000 == 0:
            progress("items", 0.3 + 0.4 * n / total)
    where = " OR ".join(f"({c} IS NOT NULL AND NOT json_valid({c}))" for c in _JSON_COLUMNS)
    for (item_id,) in conn.execute(f"SELECT id FROM items WHERE deleted_at IS NULL AND "
                                   f"({where})"):
        bad.append(f"item {item_id}: unreadable tags, references, hints or provenance")
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
        "i.deleted_at IS NULL) AS n, (SELECT COUNT(*) FROM items i WHERE i.set_uid = s.uid "
        "AND i.deleted_at IS NOT NULL) AS t FROM item_sets s WHERE s.deleted_at IS NULL AND "
        "n < 2").fetchall()
    # a live set whose questions went to the trash without it (a set is deleted as one
    # unit): the questions come back out of the trash
    trashed = [r for r in small if r[2] + r[3] >= 2]
    small = [r for r in small if r[2] + r[3] < 2]
    if trashed:
        out.append(Problem("set_trashed", BANK_FILE, f"{len(trashed)} item set(s) have their "
                           "questions in the trash", len(trashed), True,
                           _examples(trashed, lambda r: f"set {r[1] or r[0]}: {r[3]} "
                                     "question(s) in the trash")))
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
    if os.path.exists(path) and os.path.getsize(path) == 0:
        out.append(Problem("unreadable", BANK_FILE, "the bank file is empty (0 bytes); "
                           "`eduapp bank check --repair` or `eduapp bank restore latest` "
                           "brings back the latest backup", 1, True))
        return None
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
            version = migrations.schema_version(_Db(conn))
        except sqlite3.DatabaseError as e:
            out.append(Problem("unreadable", BANK_FILE, f"the bank's schema cannot be read "
                               f"({e})", 1, True))
            return None
        if version != migrations.SCHEMA_VERSION:
            newer = version > migrations.SCHEMA_VERSION
            out.append(Problem("schema_newer" if newer else "schema", BANK_FILE, f"the bank has schema version {version}; "
                               f"this EduApp uses {migrations.SCHEMA_VERSION} (open it once with "
                               "EduApp to upgrade it)" if version < migrations.SCHEMA_VERSION else
                               f"the bank comes from a newer EduApp (schema {version})", 1,
                               False))
            return None
        if progress:
            progress("search index", 0.2)
        writable = path if os.access(os.path.dirname(path) or ".", os.W_OK) and \
            os.access(path, os.W_OK) else None
        # FTS5's integrity-check is SQLite work that lets go of the GIL: it runs on a
        # second thread (its own connections) while this one validates the items
        fts_problems: list[Problem] = []
        fts = threading.Thread(target=_check_fts_safely, args=(path, writable, fts_problems))
        fts.start()
        try:
            items = _check_items(conn, out, progress)
        finally:
            fts.join()
        out.extend(fts_problems)
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
    """Enough of ``sqlite_utils.Database`` for :func:`migrations.schema_version`."""

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


__all__ = ["CheckReport", "FILE_DAMAGE", "Problem", "check_data_folder", "is_verified",
           "quick_check", "stamp_verified", "verify_on_open"]
