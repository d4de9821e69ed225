"""``practice.sqlite``: student profiles, attempts, FSRS cards, sessions and aggregates.

The practice history lives in its own SQLite file in the data directory, apart from the
item bank: students exchange attempt files and teachers merge them, so attempts refer to
items by the bank's stable ``uid`` plus ``version`` and carry the item's facets
(topic, system, discipline, Bloom level, difficulty) as they were when answered.

Schema versions and forward migrations work like the bank's (:mod:`eduapp.bank.migrations`):
a ``schema_version`` table, one transaction per migration, a ``.v<n>.bak`` copy before
migrating an existing file, and a file from a newer EduApp refused untouched.

Aggregates (``daily_stats``, ``totals``) are kept up to date on every answer so that the
dashboard never scans the attempts; :meth:`PracticeStore.rebuild_aggregates` recomputes
them from the attempts (after an import, or when in doubt).

Threads: a store may be shared between threads; every public method takes the store's
lock. Each writing method is one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time

from .. import storage
from ..storage import locked_transaction
from ..errors import EduAppError, NotFoundError, Phrase, ValidationError
from .aggregates import rebuild_aggregates

PRACTICE_FILE = "practice.sqlite"


class PracticeStoreError(EduAppError):
    """The practice history file cannot be used as it is."""


class PracticeCorruptError(PracticeStoreError):
    """``practice.sqlite`` is not a readable SQLite database or fails its integrity check."""


class PracticeVersionError(PracticeStoreError):
    """``practice.sqlite`` was written by a newer EduApp whose schema this one does not know."""


#: Dimensions the aggregates are kept for (columns of ``attempts``).

#: Columns of an attempt row, in order (also the keys of an exported attempt).
ATTEMPT_COLUMNS = ("uid", "profile_uid", "item_uid", "item_version", "session_uid", "exam_id",
                   "mode", "item_type", "answered_at", "seconds", "response", "choice",
                   "n_options", "correct", "score", "student_score", "marked_by", "flagged",
                   "topic", "system", "discipline", "bloom", "difficulty")


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated DDL inside the current transaction (``executescript`` would
    commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    """Profiles, attempts, cards, flags, sessions, aggregates and the topic graph."""
    _run_script(conn, """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        course TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT 'local',
        exam_date REAL, settings TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL);
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, profile_id INTEGER NOT NULL
        REFERENCES profiles(id), item_uid TEXT NOT NULL, item_version INTEGER NOT NULL
        DEFAULT 1, session_uid TEXT, exam_id TEXT, mode TEXT NOT NULL DEFAULT 'tutor',
        item_type TEXT NOT NULL DEFAULT 'sba', answered_at REAL NOT NULL,
        seconds REAL NOT NULL DEFAULT 0, response TEXT, choice INTEGER NOT NULL DEFAULT -1,
        n_options INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL, score REAL NOT NULL,
        student_score REAL, marked_by TEXT NOT NULL DEFAULT 'auto',
        flagged INTEGER NOT NULL DEFAULT 0, topic TEXT NOT NULL DEFAULT '',
        system TEXT NOT NULL DEFAULT '', discipline TEXT NOT NULL DEFAULT '',
        bloom TEXT NOT NULL DEFAULT '', difficulty REAL);
    CREATE INDEX idx_attempts_profile_item ON attempts(profile_id, item_uid, answered_at);
    CREATE INDEX idx_attempts_item ON attempts(item_uid);
    CREATE INDEX idx_attempts_exam ON attempts(exam_id) WHERE exam_id IS NOT NULL;
    CREATE INDEX idx_attempts_session ON attempts(session_uid);
    CREATE TABLE cards (
        profile_id INTEGER NOT NULL REFERENCES profiles(id), item_uid TEXT NOT NULL,
        state INTEGER NOT NULL, step INTEGER, stability REAL, difficulty REAL,
        due REAL NOT NULL, last_review REAL, reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0, topic TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (profile_id, item_uid)) WITHOUT ROWID;
    CREATE INDEX idx_cards_due ON cards(profile_id, due);
    CREATE TABLE flags (
        profile_id INTEGER NOT NULL, item_uid TEXT NOT NULL, flagged_at REAL NOT NULL,
        PRIMARY KEY (profile_id, item_uid)) WITHOUT ROWID;
    CREATE TABLE item_status (
        profile_id INTEGER NOT NULL, item_uid TEXT NOT NULL, last_correct INTEGER NOT NULL,
        last_at REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (profile_id, item_uid))
        WITHOUT ROWID;
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, profile_id INTEGER NOT NULL,
        mode TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
        exam_id TEXT, spec TEXT NOT NULL DEFAULT '{}', snapshot TEXT NOT NULL,
        state TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
    CREATE INDEX idx_sessions_profile ON sessions(profile_id, status, updated_at);
    CREATE TABLE daily_stats (
        profile_id INTEGER NOT NULL, day INTEGER NOT NULL, dim TEXT NOT NULL,
        value TEXT NOT NULL, n INTEGER NOT NULL, correct REAL NOT NULL, seconds REAL NOT NULL,
        PRIMARY KEY (profile_id, dim, day, value)) WITHOUT ROWID;
    CREATE TABLE totals (
        profile_id INTEGER NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL,
        n INTEGER NOT NULL, correct REAL NOT NULL, seconds REAL NOT NULL,
        theta REAL NOT NULL, fast REAL NOT NULL, slow REAL NOT NULL, last_at REAL NOT NULL,
        PRIMARY KEY (profile_id, dim, value)) WITHOUT ROWID;
    CREATE TABLE prerequisites (
        topic TEXT NOT NULL, requires TEXT NOT NULL, PRIMARY KEY (topic, requires))
        WITHOUT ROWID;
    """)


def _v2(conn: sqlite3.Connection) -> None:
    """Virtual-patient encounters: transcript, revealed facts, orders, timings and score
    (JSON columns written by :mod:`eduapp.vpatient.records`)."""
    _run_script(conn, """
    CREATE TABLE encounters (
        id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, profile_id INTEGER NOT NULL
        REFERENCES profiles(id), case_id TEXT NOT NULL, case_title TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en', engine TEXT NOT NULL DEFAULT 'offline',
        started_at REAL NOT NULL, finished_at REAL NOT NULL, seconds REAL NOT NULL DEFAULT 0,
        sim_minutes REAL NOT NULL DEFAULT 0, questions INTEGER NOT NULL DEFAULT 0,
        tests INTEGER NOT NULL DEFAULT 0, cost REAL NOT NULL DEFAULT 0,
        score REAL NOT NULL, diagnosis_correct INTEGER NOT NULL DEFAULT 0,
        transcript TEXT NOT NULL DEFAULT '[]', revealed TEXT NOT NULL DEFAULT '[]',
        orders TEXT NOT NULL DEFAULT '[]', result TEXT NOT NULL DEFAULT '{}');
    CREATE INDEX idx_encounters_profile ON encounters(profile_id, finished_at);
    CREATE INDEX idx_encounters_case ON encounters(case_id);
    """)


#: Forward migrations: ``MIGRATIONS[n - 1]`` builds schema version ``n``.
MIGRATIONS = [_v1, _v2]

#: Columns of an encounter row (JSON columns decoded on reading).
ENCOUNTER_COLUMNS = ("uid", "case_id", "case_title", "language", "engine", "started_at",
                     "finished_at", "seconds", "sim_minutes", "questions", "tests", "cost",
                     "score", "diagnosis_correct", "transcript", "revealed", "orders",
                     "result")
_ENCOUNTER_JSON = ("transcript", "revealed", "orders", "result")
SCHEMA_VERSION = len(MIGRATIONS)


def check_readable(path: str) -> None:
    """:raises PracticeCorruptError: ``path`` exists but is not a sound SQLite database."""
    storage.check_readable(path, PracticeCorruptError, "a practice history", thorough=True)


def migrate(conn: sqlite3.Connection, path: str | None) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION` (:func:`eduapp.storage.migrate`);
    returns the version before.

    :raises PracticeVersionError: the file is newer than this EduApp (left unchanged).
    :raises PracticeCorruptError: it has tables but no schema version (not ours).
    """
    def backup_first(_old: int) -> None:
        from ..bank.backup import auto_backup  # the whole data folder, before the upgrade
        auto_backup(os.path.dirname(os.path.abspath(path)), "migration")
    return storage.migrate(conn, MIGRATIONS, path=path, what="practice history",
                           newer_error=PracticeVersionError,
                           foreign_error=PracticeCorruptError, before=backup_first)


def _salvage(damaged: str, store: "PracticeStore") -> int:
    """Copy whatever profiles and attempts can still be read from a damaged file into
    ``store`` (best effort). :returns: attempts recovered."""
    try:
        conn = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return 0
    profiles, attempts = [], []
    try:
        cols = "uid, name, course, origin"
        profiles = [dict(zip(("uid", "name", "course", "origin"), r)) for r in conn.execute(
            f"SELECT {cols} FROM profiles")]
        by_id = {r[0]: r[1] for r in conn.execute("SELECT id, uid FROM profiles")}
        names = [c for c in ATTEMPT_COLUMNS if c != "profile_uid"]
        cur = conn.execute(f"SELECT profile_id, {', '.join(names)} FROM attempts")
        while True:
            try:
                row = cur.fetchone()
            except sqlite3.DatabaseError:
                break
            if row is None:
                break
            d = dict(zip(names, row[1:]))
            d["profile_uid"] = by_id.get(row[0])
            try:
                d["response"] = json.loads(d["response"]) if d["response"] else None
            except ValueError:
                d["response"] = None
            if d["profile_uid"]:
                attempts.append(d)
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()
    if not profiles:
        return 0
    return store.merge(profiles, attempts)["added"]


class PracticeStore:
    """The practice history database (``practice.sqlite``, WAL mode).

    :param path: the file, created when missing; ``":memory:"`` for tests.
    :raises PracticeCorruptError: the file is damaged (left untouched; see :meth:`open_in`).
    :raises PracticeVersionError: the file comes from a newer EduApp (left untouched).
    """

    def __init__(self, path: str):
        self.path = path
        self.lock = threading.RLock()
        #: when :meth:`open_in` had to move a damaged file aside: its new path.
        self.recovered_from: str | None = None
        #: attempts copied back from the damaged file.
        self.salvaged = 0
        if path != ":memory:":
            check_readable(path)
        try:
            conn = storage.connect(path)
            migrate(conn, None if path == ":memory:" else path)
        except sqlite3.DatabaseError as e:
            raise PracticeCorruptError(code="practice.cannot-open",
                                       values={"path": path, "detail": str(e)}) from None
        self.conn = conn

    @classmethod
    def open_in(cls, data_dir: str, *, recover: bool = True) -> "PracticeStore":
        """Open (or create) ``practice.sqlite`` in ``data_dir``.

        :param recover: when the file is damaged, move it aside as
            ``practice.sqlite.damaged-<time>`` (never deleted), start a fresh history and
            copy into it every profile and attempt that can still be read; the store's
            :attr:`recovered_from` and :attr:`salvaged` say so, for a message to the user.
        :raises PracticeCorruptError: damaged and ``recover`` is false.
        """
        from ..config import ensure_data_dir
        ensure_data_dir(data_dir)
        path = os.path.join(data_dir, PRACTICE_FILE)
        try:
            return cls(path)
        except PracticeCorruptError:
            if not recover:
                raise
        aside = storage.move_aside(path)
        store = cls(path)
        store.recovered_from = aside
        store.salvaged = _salvage(aside, store)
        return store

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    def transaction(self):
        """``with store.transaction() as conn:`` hold the lock and run one transaction."""
        return locked_transaction(self.lock, self.conn)

    # ------------------------------------------------------------------ profiles

    def create_profile(self, name: str, course: str = "", *, uid: str | None = None,
                       origin: str = "local") -> int:
        """Add a student profile. :returns: its id. :raises ValidationError: empty name."""
        from ..domain import new_uid
        if not name.strip():
            raise ValidationError(code="practice.profile-no-name")
        with self.transaction() as c:
            return c.execute("INSERT INTO profiles(uid, name, course, origin, created_at) "
                             "VALUES (?, ?, ?, ?, ?)", (uid or new_uid(), name.strip(),
                                                        course.strip(), origin,
                                                        time.time())).lastrowid

    def profiles(self, origin: str | None = "local") -> list[dict]:
        """Profiles as dicts ``{id, uid, name, course, origin, exam_date, created_at}``;
        ``origin=None`` lists imported classmates too."""
        sql = "SELECT id, uid, name, course, origin, exam_date, created_at FROM profiles"
        params: list = []
        if origin:
            sql += " WHERE origin = ?"
            params.append(origin)
        with self.lock:
            rows = self.conn.execute(sql + " ORDER BY name, id", params).fetchall()
        keys = ("id", "uid", "name", "course", "origin", "exam_date", "created_at")
        return [dict(zip(keys, r)) for r in rows]

    def profile(self, profile_id: int) -> dict:
        """:raises NotFoundError: no such profile."""
        for p in self.profiles(origin=None):
            if p["id"] == profile_id:
                return p
        raise NotFoundError(code="practice.profile-not-found", values={"id": profile_id})

    def update_profile(self, profile_id: int, **fields) -> None:
        """Change ``name``, ``course`` or ``exam_date`` (epoch seconds or ``None``)."""
        allowed = {"name", "course", "exam_date"}
        bad = set(fields) - allowed
        if bad:
            raise ValidationError(code="practice.profile-fields", values={"fields": sorted(bad)})
        with self.transaction() as c:
            for k, v in fields.items():
                c.execute(f"UPDATE profiles SET {k} = ? WHERE id = ?", (v, profile_id))

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile and its whole history."""
        with self.transaction() as c:
            for table in ("attempts", "cards", "flags", "item_status", "sessions",
                          "daily_stats", "totals", "encounters"):
                c.execute(f"DELETE FROM {table} WHERE profile_id = ?", (profile_id,))
            c.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))

    # ------------------------------------------------------------------ attempts

    def attempts(self, profile_id: int | None = None, *, item_uid: str | None = None,
                 exam_id: str | None = None, session_uid: str | None = None) -> list[dict]:
        """Attempts as dicts with the :data:`ATTEMPT_COLUMNS` keys (``response`` decoded),
        oldest first."""
        where, params = ["1"], []
        for col, val in (("a.profile_id", profile_id), ("a.item_uid", item_uid),
                         ("a.exam_id", exam_id), ("a.session_uid", session_uid)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        cols = ", ".join("p.uid" if c == "profile_uid" else f"a.{c}" for c in ATTEMPT_COLUMNS)
        with self.lock:
            rows = self.conn.execute(
                f"SELECT {cols} FROM attempts a JOIN profiles p ON p.id = a.profile_id "
                f"WHERE {' AND '.join(where)} ORDER BY a.answered_at, a.id", params).fetchall()
        out = []
        for r in rows:
            d = dict(zip(ATTEMPT_COLUMNS, r))
            d["response"] = json.loads(d["response"]) if d["response"] else None
            out.append(d)
        return out

    def insert_attempt(self, conn: sqlite3.Connection, profile_id: int, a: dict) -> bool:
        """Insert one attempt inside the caller's transaction (duplicates by ``uid`` are
        ignored). :returns: whether it was new."""
        values = [a.get(c) for c in ATTEMPT_COLUMNS if c != "profile_uid"]
        i = ATTEMPT_COLUMNS.index("response") - 1
        if values[i] is not None:
            values[i] = json.dumps(values[i], ensure_ascii=False)
        names = [c for c in ATTEMPT_COLUMNS if c != "profile_uid"]
        cur = conn.execute(f"INSERT OR IGNORE INTO attempts(profile_id, {', '.join(names)}) "
                           f"VALUES (?, {', '.join('?' * len(names))})", [profile_id, *values])
        return cur.rowcount > 0

    # ------------------------------------------------------------------ encounters

    def save_encounter(self, profile_id: int, record: dict) -> int:
        """Store one virtual-patient encounter (one transaction).

        :param record: a dict with the :data:`ENCOUNTER_COLUMNS` keys (``uid``, ``case_id``,
            ``score`` 0..100, ``started_at``/``finished_at`` epoch seconds, ``seconds`` real
            time, ``sim_minutes`` simulated time, ``transcript``/``revealed``/``orders``/
            ``result`` JSON-ready values ...); missing optional keys take their defaults.
        :returns: the row id (an encounter already stored under ``uid`` is kept as it was).
        :raises ValidationError: no ``uid``, ``case_id`` or ``score``.
        :raises NotFoundError: no such profile.
        """
        for key in ("uid", "case_id", "score"):
            if record.get(key) in (None, ""):
                raise ValidationError(code="practice.encounter-field", values={"field": key})
        self.profile(profile_id)
        values = dict(record)
        for key in _ENCOUNTER_JSON:
            values[key] = json.dumps(values.get(key, {} if key == "result" else []),
                                     ensure_ascii=False)
        now = time.time()
        values.setdefault("started_at", now)
        values.setdefault("finished_at", now)
        values["diagnosis_correct"] = int(bool(values.get("diagnosis_correct")))
        cols = [c for c in ENCOUNTER_COLUMNS if c in values]
        with self.transaction() as c:
            c.execute(f"INSERT OR IGNORE INTO encounters(profile_id, {', '.join(cols)}) VALUES "
                      f"(?, {', '.join('?' * len(cols))})", [profile_id] + [values[k] for k in cols])
            return c.execute("SELECT id FROM encounters WHERE uid = ?",
                             (record["uid"],)).fetchone()[0]

    def encounters(self, profile_id: int | None = None, *, case_id: str | None = None,
                   with_details: bool = True) -> list[dict]:
        """Encounters, oldest first, as dicts with ``id``, ``profile_id``, ``student`` (the
        profile's name) and the :data:`ENCOUNTER_COLUMNS` keys (JSON decoded).

        :param with_details: include ``transcript``, ``revealed``, ``orders`` and ``result``
            (leave out for lists).
        """
        cols = [c for c in ENCOUNTER_COLUMNS if with_details or c not in _ENCOUNTER_JSON]
        where, params = ["1"], []
        if profile_id is not None:
            where.append("e.profile_id = ?")
            params.append(profile_id)
        if case_id is not None:
            where.append("e.case_id = ?")
            params.append(case_id)
        with self.lock:
            rows = self.conn.execute(
                f"SELECT e.id, e.profile_id, p.name, {', '.join('e.' + c for c in cols)} "
                f"FROM encounters e JOIN profiles p ON p.id = e.profile_id "
                f"WHERE {' AND '.join(where)} ORDER BY e.finished_at, e.id", params).fetchall()
        out = []
        for r in rows:
            d = {"id": r[0], "profile_id": r[1], "student": r[2], **dict(zip(cols, r[3:]))}
            for key in _ENCOUNTER_JSON:
                if key in d:
                    d[key] = json.loads(d[key] or "null")
            d["diagnosis_correct"] = bool(d["diagnosis_correct"])
            out.append(d)
        return out

    def merge_encounters(self, encounters: list[dict]) -> dict:
        """Add exported encounters (each with ``profile_uid`` and the
        :data:`ENCOUNTER_COLUMNS` keys) without duplicates (by ``uid``), in one transaction;
        their students must be known here (merge the profiles first).

        :returns: ``{"added": n, "duplicates": n}``.
        :raises ValidationError: an encounter names an unknown student or lacks a field.
        """
        added = dups = 0
        with self.transaction() as c:
            ids = {r[0]: r[1] for r in c.execute("SELECT uid, id FROM profiles")}
            for e in encounters:
                pid = ids.get(e.get("profile_uid"))
                if pid is None:
                    raise ValidationError(code="practice.unknown-student", values={
                        "what": Phrase("word.encounter"), "uid": e.get("uid")})
                for key in ("uid", "case_id", "score"):
                    if e.get(key) in (None, ""):
                        raise ValidationError(code="practice.encounter-field", values={"field": key})
                values = {k: e[k] for k in ENCOUNTER_COLUMNS if k in e}
                for key in _ENCOUNTER_JSON:
                    if key in values:
                        values[key] = json.dumps(values[key], ensure_ascii=False)
                values["diagnosis_correct"] = int(bool(values.get("diagnosis_correct")))
                values.setdefault("started_at", values.get("finished_at") or time.time())
                values.setdefault("finished_at", values["started_at"])
                cols = list(values)
                cur = c.execute(f"INSERT OR IGNORE INTO encounters(profile_id, {', '.join(cols)}) "
                                f"VALUES (?, {', '.join('?' * len(cols))})",
                                [pid] + [values[k] for k in cols])
                if cur.rowcount > 0:
                    added += 1
                else:
                    dups += 1
        return {"added": added, "duplicates": dups}

    # ------------------------------------------------------------------ merge (exchange)

    def merge(self, profiles: list[dict], attempts: list[dict]) -> dict:
        """Merge exported profiles and attempts, without duplicates (attempt ``uid``), in
        one transaction; profiles unknown here are added as ``origin='imported'`` (unless
        the profile dict says otherwise, as when salvaging a damaged file).
        Aggregates of the profiles that got attempts are rebuilt.

        :returns: ``{"added": n, "duplicates": n, "profiles": n_new_profiles}``.
        :raises ValidationError: an attempt names a profile not in ``profiles`` or here.
        """
        added = dups = new_profiles = 0
        touched: set[int] = set()
        with self.transaction() as c:
            ids = {r[0]: r[1] for r in c.execute("SELECT uid, id FROM profiles")}
            for p in profiles:
                if p["uid"] not in ids:
                    ids[p["uid"]] = c.execute(
                        "INSERT INTO profiles(uid, name, course, origin, created_at) VALUES "
                        "(?, ?, ?, ?, ?)", (p["uid"], p.get("name") or "?",
                                            p.get("course") or "",
                                            p.get("origin") or "imported",
                                            time.time())).lastrowid
                    new_profiles += 1
            for a in attempts:
                pid = ids.get(a.get("profile_uid"))
                if pid is None:
                    raise ValidationError(code="practice.unknown-student", values={
                        "what": Phrase("word.attempt"), "uid": a.get("uid")})
                if self.insert_attempt(c, pid, a):
                    added += 1
                    touched.add(pid)
                else:
                    dups += 1
            for pid in touched:
                rebuild_aggregates(c, pid)
        return {"added": added, "duplicates": dups, "profiles": new_profiles}

    # ------------------------------------------------------------------ topic graph

    def prerequisites(self) -> dict[str, list[str]]:
        """The topic graph: ``{topic: [topics it requires]}``."""
        with self.lock:
            out: dict[str, list[str]] = {}
            for t, r in self.conn.execute("SELECT topic, requires FROM prerequisites "
                                          "ORDER BY topic, requires"):
                out.setdefault(t, []).append(r)
            return out

    def set_prerequisites(self, topic: str, requires: list[str]) -> None:
        """Replace what ``topic`` requires (the teacher edits the graph).

        :raises ValidationError: the change would make a cycle (names it).
        """
        graph = self.prerequisites()
        graph[topic] = [r for r in requires if r and r != topic]
        seen: dict[str, int] = {}

        def visit(t: str, path: list[str]) -> None:
            state = seen.get(t, 0)
            if state == 1:
                raise ValidationError(code="practice.prerequisite-cycle",
                                      values={"path": " → ".join(path + [t])})
            if state == 2:
                return
            seen[t] = 1
            for r in graph.get(t, []):
                visit(r, path + [t])
            seen[t] = 2
        for t in list(graph):
            visit(t, [])
        with self.transaction() as c:
            c.execute("DELETE FROM prerequisites WHERE topic = ?", (topic,))
            c.executemany("INSERT INTO prerequisites VALUES (?, ?)",
                          [(topic, r) for r in graph[topic]])
