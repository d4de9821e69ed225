"""The bank's SQLite schema and its forward migrations.

Each migration is a function ``(db) -> None`` that takes the schema from version ``n - 1``
to ``n``; :data:`MIGRATIONS` lists them in order. Opening a bank applies the missing ones,
each in its own transaction, after copying the file aside (``bank.sqlite.v1.bak``) so that
an interrupted or faulty migration never costs the user their bank. A file whose schema is
newer than :data:`SCHEMA_VERSION` is refused, never written.
"""

from __future__ import annotations

import sqlite_utils

from .. import storage
from ..errors import BankCorruptError, BankVersionError
from ..storage import read_only_uri, storage_error, transaction  # noqa: F401 - used as schema.*

#: Columns of the items FTS5 table and their bm25 weights (stem counts most).
ITEM_FTS_COLUMNS = ("stem", "options", "explanation", "tags", "facets")
ITEM_FTS_WEIGHTS = (4.0, 2.0, 1.0, 2.0, 1.0)
DOC_FTS_COLUMNS = ("title", "body", "tags")
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


def _v1(db: sqlite_utils.Database) -> None:
    """Items, item sets, versions, media, documents and their FTS5 indexes."""
    db["items"].create({
        "id": int, "uid": str, "type": str, "stem": str, "vignette": str, "options": str,
        "explanation": str, "model_answer": str, "rubric": str, "tags": str, "topic": str,
        "system": str, "discipline": str, "category": str, "bloom": str, "difficulty": float,
        "exam_type": str, "language": str, "status": str, "refs": str, "hints": str,
        "provenance": str, "idnumber": str, "set_uid": str, "set_position": int,
        "twin_uid": str, "version": int, "marks": float, "extra": str, "content_hash": str,
        "created_at": float, "updated_at": float, "deleted_at": float,
    }, pk="id", not_null={"uid", "type", "stem", "status", "language", "version"})
    db.execute("CREATE UNIQUE INDEX idx_items_uid ON items(uid)")
    for col in ("status", "topic", "system", "language", "type", "idnumber", "content_hash",
                "set_uid", "exam_type", "updated_at"):
        db.execute(f"CREATE INDEX idx_items_{col} ON items({col})")
    db["item_versions"].create({
        "id": int, "item_id": int, "version": int, "data": str, "saved_at": float,
        "note": str}, pk="id", foreign_keys=[("item_id", "items", "id")])
    db.execute("CREATE UNIQUE INDEX idx_versions ON item_versions(item_id, version)")
    db["item_sets"].create({
        "id": int, "uid": str, "kind": str, "title": str, "vignette": str, "options": str,
        "exam_type": str, "language": str, "topic": str, "system": str, "tags": str,
        "provenance": str, "extra": str, "created_at": float, "updated_at": float,
        "deleted_at": float}, pk="id", not_null={"uid", "kind"})
    db.execute("CREATE UNIQUE INDEX idx_sets_uid ON item_sets(uid)")
    db["media"].create({"sha256": str, "mime": str, "size": int, "data": bytes},
                       pk="sha256")
    db["item_media"].create({"item_id": int, "name": str, "sha256": str, "mime": str},
                            pk=("item_id", "name"),
                            foreign_keys=[("item_id", "items", "id"),
                                          ("sha256", "media", "sha256")])
    db.execute("CREATE INDEX idx_item_media_sha ON item_media(sha256)")
    db["documents"].create({
        "id": int, "uid": str, "kind": str, "title": str, "body": str, "topic": str,
        "system": str, "tags": str, "language": str, "status": str, "data": str,
        "provenance": str, "created_at": float, "updated_at": float, "deleted_at": float},
        pk="id", not_null={"uid", "kind", "title"})
    db.execute("CREATE UNIQUE INDEX idx_documents_uid ON documents(uid)")
    db.execute("CREATE INDEX idx_documents_topic ON documents(topic)")
    db["document_media"].create({"document_id": int, "name": str, "sha256": str, "mime": str},
                                pk=("document_id", "name"),
                                foreign_keys=[("document_id", "documents", "id"),
                                              ("sha256", "media", "sha256")])
    db.execute("CREATE INDEX idx_document_media_sha ON document_media(sha256)")
    cols = ", ".join(ITEM_FTS_COLUMNS)
    db.execute(f"CREATE VIRTUAL TABLE items_fts USING fts5({cols}, tokenize='{FTS_TOKENIZE}')")
    cols = ", ".join(DOC_FTS_COLUMNS)
    db.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5({cols}, "
               f"tokenize='{FTS_TOKENIZE}')")


def _v2(db: sqlite_utils.Database) -> None:
    """Exams (``eduapp.exams.store``): one row per assembled exam, its whole definition
    (sections, pinned item versions, forms and keys) as JSON in ``data``; ``exam_items``
    lists the ``(item_id, version)`` pairs it uses, for "used in the last N exams"."""
    db["exams"].create({
        "id": int, "uid": str, "title": str, "language": str, "data": str,
        "created_at": float, "updated_at": float, "deleted_at": float},
        pk="id", not_null={"uid", "title", "data"})
    db.execute("CREATE UNIQUE INDEX idx_exams_uid ON exams(uid)")
    db.execute("CREATE INDEX idx_exams_created ON exams(created_at)")
    db["exam_items"].create({"exam_id": int, "position": int, "item_id": int, "version": int},
                            pk=("exam_id", "position"),
                            foreign_keys=[("exam_id", "exams", "id")])
    db.execute("CREATE INDEX idx_exam_items_item ON exam_items(item_id)")


def _v3(db: sqlite_utils.Database) -> None:
    """Covering indexes for counts of live items (``bank stats``, the status bar): each
    facet with ``deleted_at``, so a GROUP BY reads an index instead of 100k item rows."""
    for col in ("type", "status", "language", "system", "exam_type"):
        db.execute(f"DROP INDEX IF EXISTS idx_items_{col}")
        db.execute(f"CREATE INDEX idx_items_{col}_live ON items({col}, deleted_at)")
    db.execute("CREATE INDEX idx_items_deleted ON items(deleted_at)")
    db.execute("CREATE INDEX idx_sets_deleted ON item_sets(deleted_at)")


#: Import formats that do not state an item's language: items imported from them before
#: language detection existed were all stored as ``en``.
_UNSTATED_LANGUAGE_FORMATS = ("moodle-xml", "gift", "aiken", "csv", "apkg", "qti")


def _v4(db: sqlite_utils.Database) -> None:
    """Repair the language of imported items and rebuild the items' full-text index.

    * An item imported from a format that does not state the language (GIFT, Aiken, CSV,
      Anki, Moodle XML, QTI) gets the language detected from its text
      (:func:`eduapp.language.detect_item_language`): such items were all stored as
      ``en``, so Chinese ones were flagged ``wrong-language`` and missed by
      ``--language zh``. A set whose members are all of one language takes it.
    * The FTS rows are rebuilt: they now hold question titles, and HTML is reduced to
      text by the one HTML-to-text path (table cells apart, comments dropped).
    """
    import json as _json  # noqa: PLC0415

    from ..domain import Item, Option  # noqa: PLC0415
    from ..language import detect_item_language  # noqa: PLC0415
    from .textindex import item_fts_values  # noqa: PLC0415

    conn = db.conn
    rows = conn.execute(
        "SELECT id, type, stem, vignette, options, explanation, model_answer, tags, topic, "
        "system, discipline, category, extra, provenance, language, set_uid FROM items "
        "WHERE deleted_at IS NULL").fetchall()
    vignettes = {uid: v or "" for uid, v in conn.execute("SELECT uid, vignette FROM item_sets")}
    set_languages: dict[str, set] = {}
    fts_rows, repairs = [], []
    for (iid, itype, stem, vignette, options, explanation, model_answer, tags, topic, system,
         discipline, category, extra, provenance, language, set_uid) in rows:
        item = Item(type=itype, stem=stem or "", vignette=vignette or "",
                    options=[Option.from_dict(o) for o in _json.loads(options or "[]")],
                    explanation=explanation or "", model_answer=model_answer or "",
                    tags=_json.loads(tags or "[]"), topic=topic or "", system=system or "",
                    discipline=discipline or "", category=category or "",
                    extra=_json.loads(extra or "{}"), language=language or "en")
        prov = _json.loads(provenance or "{}")
        if prov.get("source") == "imported" and prov.get("format") in \
                _UNSTATED_LANGUAGE_FORMATS:
            detected = detect_item_language(item, default=item.language)
            if detected != item.language:
                item.language = detected
                repairs.append((detected, iid))
        if set_uid:
            set_languages.setdefault(set_uid, set()).add(item.language)
        fts_rows.append((iid,) + item_fts_values(item, vignettes.get(set_uid, "")))
    conn.executemany("UPDATE items SET language = ? WHERE id = ?", repairs)
    conn.execute("DELETE FROM items_fts")
    conn.executemany("INSERT INTO items_fts(rowid, stem, options, explanation, tags, facets) "
                     "VALUES (?, ?, ?, ?, ?, ?)", fts_rows)
    for set_uid, langs in set_languages.items():
        if len(langs) == 1:
            conn.execute("UPDATE item_sets SET language = ? WHERE uid = ?",
                         (langs.pop(), set_uid))


#: Forward migrations, in order: ``MIGRATIONS[n - 1]`` builds schema version ``n``.
MIGRATIONS = [_v1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version recorded in ``db`` (0 for a new, empty database)."""
    return storage.schema_version(db.conn)


def check_readable(path: str, *, thorough: bool = False) -> None:
    """Refuse a file that is not a readable SQLite database (:func:`eduapp.storage.check_readable`).

    :raises BankCorruptError: naming the file and what is wrong (the file is untouched).
    """
    storage.check_readable(path, BankCorruptError, "an EduApp bank", thorough=thorough)


def migrate(db: sqlite_utils.Database, path: str | None) -> int:
    """Bring ``db`` up to :data:`SCHEMA_VERSION` (:func:`eduapp.storage.migrate`).

    :param path: the database file, backed up before the first migration of an existing
        bank (``None`` for in-memory databases).
    :returns: the version before migrating.
    :raises BankVersionError: the database is newer than this EduApp.
    :raises BankCorruptError: the database has tables but no version (not an EduApp bank).
    """
    return storage.migrate(db.conn, MIGRATIONS, path=path, target=db, what="bank",
                           newer_error=BankVersionError, foreign_error=BankCorruptError)
