"""``marking.sqlite``: sittings of exams, the sheets read, marks awaiting review (with
their image crops), every manual fix, and each item's results per sitting.

A file of its own in the data folder, beside ``bank.sqlite`` and ``practice.sqlite``:
sittings refer to the bank's exam id and uid, and item results to the item's stable
``uid`` (plus id and version), so an item's history across sittings survives edits and
new versions of the item. Forward migrations as in :mod:`eduapp.practice.store` (a
``schema_version`` table, one transaction each; a file from a newer EduApp is refused).

Threads: one store may be shared; every public method takes the store's lock and each
write is one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time

from ..storage import transaction
from ..errors import EduAppError, NotFoundError
from .model import Flag, SheetRead

MARKING_FILE = "marking.sqlite"


class MarkingStoreError(EduAppError):
    """``marking.sqlite`` cannot be used as it is (damaged, or from a newer EduApp)."""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in """
    CREATE TABLE sittings (
        id INTEGER PRIMARY KEY, exam_id INTEGER NOT NULL UNIQUE, exam_uid TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '', class_list TEXT NOT NULL DEFAULT '[]',
        created_at REAL NOT NULL, updated_at REAL NOT NULL);
    CREATE TABLE sheets (
        id INTEGER PRIMARY KEY, sitting_id INTEGER NOT NULL REFERENCES sittings(id),
        file TEXT NOT NULL, page INTEGER NOT NULL, status TEXT NOT NULL,
        candidate TEXT, data TEXT NOT NULL, read_at REAL NOT NULL,
        UNIQUE (sitting_id, file, page));
    CREATE TABLE flags (
        id INTEGER PRIMARY KEY, sheet_id INTEGER NOT NULL REFERENCES sheets(id),
        question TEXT NOT NULL, reason TEXT NOT NULL, data TEXT NOT NULL, crop BLOB,
        resolution TEXT, resolved_at REAL);
    CREATE INDEX idx_flags_sheet ON flags(sheet_id);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY, sitting_id INTEGER NOT NULL, flag_id INTEGER,
        file TEXT NOT NULL, page INTEGER NOT NULL, question TEXT NOT NULL,
        detected TEXT, old TEXT, new TEXT, by TEXT NOT NULL DEFAULT '', at REAL NOT NULL);
    CREATE TABLE item_results (
        sitting_id INTEGER NOT NULL REFERENCES sittings(id), item_uid TEXT NOT NULL,
        item_id INTEGER, version INTEGER, exam_id INTEGER NOT NULL, sat_at REAL NOT NULL,
        n INTEGER NOT NULL, p REAL, r_pb REAL, data TEXT NOT NULL,
        PRIMARY KEY (sitting_id, item_uid));
    CREATE INDEX idx_item_results_uid ON item_results(item_uid, sat_at);
    CREATE TABLE rewrites (
        id INTEGER PRIMARY KEY, sitting_id INTEGER NOT NULL REFERENCES sittings(id),
        item_uid TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
        suggestion TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending',
        final TEXT, new_version INTEGER, by TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL, decided_at REAL);
    CREATE INDEX idx_rewrites_item ON rewrites(sitting_id, item_uid)
    """.split(";"):
        conn.execute(statement)


MIGRATIONS = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


class MarkingStore:
    """The marking history. ::

        store = MarkingStore.open_in(data_dir)
        sitting = store.sitting(exam.id, exam.uid, exam.title)
        store.save_sheet(sitting, sheet_read)
    """

    def __init__(self, path: str):
        self.path = path
        self.lock = threading.RLock()
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise MarkingStoreError(code="marking.store-unusable",
                                    values={"path": path, "detail": str(e)}) from None

    @classmethod
    def open_in(cls, data_dir: str) -> "MarkingStore":
        """The store in ``data_dir`` (created when missing)."""
        os.makedirs(data_dir, exist_ok=True)
        return cls(os.path.join(data_dir, MARKING_FILE))

    def _migrate(self) -> None:
        conn = self.conn
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name='schema_version'").fetchone()
        current = int(conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
                      or 0) if has else 0
        if current > SCHEMA_VERSION:
            raise MarkingStoreError(code="marking.store-newer",
                                    values={"path": self.path, "version": current})
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with transaction(conn):
                if version == 1:
                    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                                 "applied_at REAL NOT NULL)")
                MIGRATIONS[version - 1](conn)
                conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version, time.time()))

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # -- sittings ---------------------------------------------------------------------

    def sitting(self, exam_id: int, exam_uid: str, title: str = "") -> int:
        """The sitting id of exam ``exam_id`` (one sitting per exam; made on first use)."""
        with self.lock, transaction(self.conn) as conn:
            row = conn.execute("SELECT id FROM sittings WHERE exam_id = ?", (exam_id,)).fetchone()
            if row:
                return row[0]
            t = time.time()
            return conn.execute("INSERT INTO sittings(exam_id, exam_uid, title, created_at, "
                                "updated_at) VALUES (?, ?, ?, ?, ?)",
                                (exam_id, exam_uid, title, t, t)).lastrowid

    def find_sitting(self, exam_id: int) -> int | None:
        """The sitting id of exam ``exam_id``, or ``None`` when nothing was marked yet."""
        with self.lock:
            row = self.conn.execute("SELECT id FROM sittings WHERE exam_id = ?",
                                    (exam_id,)).fetchone()
        return row[0] if row else None

    def set_class_list(self, sitting_id: int, rows: list[dict]) -> None:
        """Keep the class list (``[{"candidate", "name", "language"}]``) with the sitting."""
        with self.lock, transaction(self.conn) as conn:
            conn.execute("UPDATE sittings SET class_list = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(rows, ensure_ascii=False), time.time(), sitting_id))

    def class_list(self, sitting_id: int) -> list[dict]:
        with self.lock:
            row = self.conn.execute("SELECT class_list FROM sittings WHERE id = ?",
                                    (sitting_id,)).fetchone()
        return json.loads(row[0]) if row else []

    # -- sheets and flags ---------------------------------------------------------------

    def save_sheet(self, sitting_id: int, sheet: SheetRead) -> int:
        """Store a page as read, replacing an earlier read of the same file and page.
        A reviewer's decision on the earlier read is kept for a flag of the same question
        and reason (reading a folder again does not undo the review).

        :returns: the sheet id; each flag's ``id`` is set.
        """
        with self.lock, transaction(self.conn) as conn:
            old = conn.execute("SELECT id FROM sheets WHERE sitting_id = ? AND file = ? AND "
                               "page = ?", (sitting_id, sheet.file, sheet.page)).fetchone()
            decided, corrected = {}, []
            if old:
                decided = {(q, r): (v, t) for q, r, v, t in conn.execute(
                    "SELECT question, reason, resolution, resolved_at FROM flags WHERE "
                    "sheet_id = ? AND resolution IS NOT NULL", (old[0],))}
                corrected = conn.execute(
                    "SELECT question, reason, data, crop, resolution, resolved_at FROM flags "
                    "WHERE sheet_id = ? AND reason = 'corrected'", (old[0],)).fetchall()
                conn.execute("DELETE FROM flags WHERE sheet_id = ?", (old[0],))
                conn.execute("DELETE FROM sheets WHERE id = ?", (old[0],))
            sid = conn.execute(
                "INSERT INTO sheets(sitting_id, file, page, status, candidate, data, read_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sitting_id, sheet.file, sheet.page, sheet.status, sheet.candidate,
                 json.dumps(sheet.to_dict(), ensure_ascii=False), time.time())).lastrowid
            for f in sheet.flags:
                f.resolution, at = decided.get((f.question, f.reason), (None, None))
                f.id = conn.execute(
                    "INSERT INTO flags(sheet_id, question, reason, data, crop, resolution, "
                    "resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (sid, f.question, f.reason, json.dumps(f.to_dict(), ensure_ascii=False),
                     f.crop, f.resolution, at)).lastrowid
            for row in corrected:  # a person's correction outlives a re-read
                conn.execute("INSERT INTO flags(sheet_id, question, reason, data, crop, "
                             "resolution, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (sid, *row))
            conn.execute("UPDATE sittings SET updated_at = ? WHERE id = ?",
                         (time.time(), sitting_id))
        return sid

    def files(self, sitting_id: int) -> list[tuple[str, int]]:
        """``(file, pages stored)`` of every scan file read for the sitting."""
        with self.lock:
            return [tuple(r) for r in self.conn.execute(
                "SELECT file, COUNT(*) FROM sheets WHERE sitting_id = ? GROUP BY file "
                "ORDER BY file", (sitting_id,))]

    def forget_file(self, sitting_id: int, file: str, by: str = "") -> int:
        """Remove every page read from ``file`` (a batch scanned twice, the wrong class)
        with its flags; logged. :returns: pages removed."""
        with self.lock, transaction(self.conn) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM sheets WHERE sitting_id = ? "
                                              "AND file = ?", (sitting_id, file))]
            for sid in ids:
                conn.execute("DELETE FROM flags WHERE sheet_id = ?", (sid,))
                conn.execute("DELETE FROM sheets WHERE id = ?", (sid,))
            if ids:
                conn.execute("INSERT INTO review_log(sitting_id, flag_id, file, page, question, "
                             "detected, old, new, by, at) VALUES (?, NULL, ?, 0, 'file', '', "
                             "?, 'removed', ?, ?)",
                             (sitting_id, file, f"{len(ids)} page(s)", by, time.time()))
        return len(ids)

    def sheets(self, sitting_id: int) -> list[tuple[int, SheetRead]]:
        """Every stored page with its flags (crops not loaded), in file and page order."""
        with self.lock:
            rows = self.conn.execute("SELECT id, data FROM sheets WHERE sitting_id = ? "
                                     "ORDER BY file, page", (sitting_id,)).fetchall()
            flags = self.conn.execute(
                "SELECT f.id, f.sheet_id, f.data, f.resolution FROM flags f JOIN sheets s "
                "ON s.id = f.sheet_id WHERE s.sitting_id = ? ORDER BY f.id",
                (sitting_id,)).fetchall()
        by_sheet: dict[int, list[Flag]] = {}
        for fid, sid, data, resolution in flags:
            by_sheet.setdefault(sid, []).append(_flag(fid, data, resolution))
        out = []
        for sid, data in rows:
            s = SheetRead.from_dict(json.loads(data))
            s.flags = by_sheet.get(sid, [])
            out.append((sid, s))
        return out

    def add_flag(self, sitting_id: int, file: str, page: int, flag: Flag) -> int:
        """Attach a flag to a stored page (a person's own correction); returns its id.

        :raises NotFoundError: no such page was read for the sitting.
        """
        with self.lock, transaction(self.conn) as conn:
            row = conn.execute("SELECT id FROM sheets WHERE sitting_id = ? AND file = ? AND "
                               "page = ?", (sitting_id, file, page)).fetchone()
            if not row:
                raise NotFoundError(code="marking.page-not-read",
                                    values={"page": page, "file": file})
            conn.execute("DELETE FROM flags WHERE sheet_id = ? AND question = ? AND "
                         "reason = ?", (row[0], flag.question, flag.reason))
            flag.id = conn.execute(
                "INSERT INTO flags(sheet_id, question, reason, data, crop) VALUES "
                "(?, ?, ?, ?, ?)", (row[0], flag.question, flag.reason,
                                    json.dumps(flag.to_dict(), ensure_ascii=False),
                                    flag.crop)).lastrowid
        return flag.id

    def flag_crop(self, flag_id: int) -> bytes:
        """The PNG crop of a flag. :raises NotFoundError: no such flag."""
        with self.lock:
            row = self.conn.execute("SELECT crop FROM flags WHERE id = ?", (flag_id,)).fetchone()
        if not row:
            raise NotFoundError(code="marking.no-flag", values={"id": flag_id})
        return row[0] or b""

    def resolve(self, flag_id: int, value: str, by: str = "") -> dict:
        """Record a reviewer's decision for a flag and log it (old and new value, who,
        when). Deciding again replaces the decision and logs again.

        :returns: the log entry as a dict.
        :raises NotFoundError: no such flag.
        """
        with self.lock, transaction(self.conn) as conn:
            row = conn.execute(
                "SELECT f.question, f.data, f.resolution, s.file, s.page, s.sitting_id "
                "FROM flags f JOIN sheets s ON s.id = f.sheet_id WHERE f.id = ?",
                (flag_id,)).fetchone()
            if not row:
                raise NotFoundError(code="marking.no-flag", values={"id": flag_id})
            question, data, old, file, page, sitting_id = row
            t = time.time()
            conn.execute("UPDATE flags SET resolution = ?, resolved_at = ? WHERE id = ?",
                         (value, t, flag_id))
            detected = json.loads(data).get("detected", "")
            conn.execute("INSERT INTO review_log(sitting_id, flag_id, file, page, question, "
                         "detected, old, new, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (sitting_id, flag_id, file, page, question, detected, old, value,
                          by, t))
        return {"flag": flag_id, "file": file, "page": page, "question": question,
                "detected": detected, "old": old, "new": value, "by": by, "at": t}

    def review_log(self, sitting_id: int) -> list[dict]:
        """Every manual fix of the sitting, oldest first."""
        with self.lock:
            rows = self.conn.execute(
                "SELECT flag_id, file, page, question, detected, old, new, by, at FROM "
                "review_log WHERE sitting_id = ? ORDER BY id", (sitting_id,)).fetchall()
        keys = ("flag", "file", "page", "question", "detected", "old", "new", "by", "at")
        return [dict(zip(keys, r)) for r in rows]

    # -- item results -------------------------------------------------------------------

    def save_item_results(self, sitting_id: int, exam_id: int, rows: list[dict]) -> None:
        """Replace the sitting's item results: ``[{"item_uid", "item_id", "version", "n",
        "p", "r_pb", ...}]`` (the whole dict is kept as JSON too)."""
        t = time.time()
        with self.lock, transaction(self.conn) as conn:
            conn.execute("DELETE FROM item_results WHERE sitting_id = ?", (sitting_id,))
            conn.executemany(
                "INSERT INTO item_results(sitting_id, item_uid, item_id, version, exam_id, "
                "sat_at, n, p, r_pb, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sitting_id, r["item_uid"], r.get("item_id"), r.get("version"), exam_id, t,
                  r["n"], r.get("p"), r.get("r_pb"), json.dumps(r, ensure_ascii=False))
                 for r in rows])

    def item_results(self, sitting_id: int) -> dict[str, dict]:
        """The sitting's stored item results by item uid."""
        with self.lock:
            rows = self.conn.execute("SELECT item_uid, data FROM item_results WHERE "
                                     "sitting_id = ?", (sitting_id,)).fetchall()
        return {u: json.loads(d) for u, d in rows}

    # -- rewrites -----------------------------------------------------------------------

    def add_rewrite(self, sitting_id: int, item_uid: str, item_id: int, version: int,
                    suggestion: dict) -> int:
        """Store a suggested rewrite (status ``pending``); returns its id."""
        with self.lock, transaction(self.conn) as conn:
            return conn.execute(
                "INSERT INTO rewrites(sitting_id, item_uid, item_id, version, suggestion, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (sitting_id, item_uid, item_id, version,
                 json.dumps(suggestion, ensure_ascii=False), time.time())).lastrowid

    def rewrites(self, sitting_id: int) -> dict[str, dict]:
        """The latest rewrite per item uid of the sitting."""
        with self.lock:
            rows = self.conn.execute(f"SELECT {_REWRITE_COLUMNS} FROM rewrites WHERE "
                                     "sitting_id = ? ORDER BY id", (sitting_id,)).fetchall()
        return {r[1]: _rewrite_row(r) for r in rows}

    def rewrite(self, rewrite_id: int) -> dict:
        """:raises NotFoundError: no such rewrite."""
        with self.lock:
            r = self.conn.execute(f"SELECT {_REWRITE_COLUMNS} FROM rewrites WHERE id = ?",
                                  (rewrite_id,)).fetchone()
        if not r:
            raise NotFoundError(code="marking.no-rewrite", values={"id": rewrite_id})
        return _rewrite_row(r)

    def decide_rewrite(self, rewrite_id: int, status: str, final: dict | None,
                       new_version: int | None, by: str) -> None:
        """Record a person's decision (``accepted``, ``edited`` or ``rejected``)."""
        with self.lock, transaction(self.conn) as conn:
            conn.execute("UPDATE rewrites SET status = ?, final = ?, new_version = ?, by = ?, "
                         "decided_at = ? WHERE id = ?",
                         (status, json.dumps(final, ensure_ascii=False) if final else None,
                          new_version, by, time.time(), rewrite_id))

    def item_history(self, item_uid: str) -> list[dict]:
        """An item's results in every sitting, oldest first: ``[{"exam_id", "sat_at",
        "version", "n", "p", "r_pb", "issues", ...}]``."""
        with self.lock:
            rows = self.conn.execute(
                "SELECT exam_id, sat_at, data FROM item_results WHERE item_uid = ? "
                "ORDER BY sat_at", (item_uid,)).fetchall()
        return [{**json.loads(d), "exam_id": e, "sat_at": t} for e, t, d in rows]


def _rewrite_row(r) -> dict:
    return {"id": r[0], "item_uid": r[1], "item_id": r[2], "version": r[3],
            "suggestion": json.loads(r[4]), "status": r[5],
            "final": json.loads(r[6]) if r[6] else None, "new_version": r[7], "by": r[8],
            "created_at": r[9], "decided_at": r[10]}


_REWRITE_COLUMNS = ("id, item_uid, item_id, version, suggestion, status, final, new_version, "
                    "by, created_at, decided_at")


def _flag(fid: int, data: str, resolution: str | None) -> Flag:
    d = json.loads(data)
    return Flag(question=d["question"], reason=d["reason"], choices=d.get("choices", []),
                detected=d.get("detected", ""), levels=d.get("levels", []),
                position=d.get("position", []), multiple=bool(d.get("multiple")), id=fid,
                resolution=resolution)
