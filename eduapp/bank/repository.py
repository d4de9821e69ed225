"""The item bank: one SQLite file holding items, item sets, versions, media and documents.

Threads: a :class:`Bank` may be shared between threads; every public method takes the
bank's lock, so calls are serialised (SQLite allows one writer anyway). Each public
method that writes is one transaction: it stores everything or nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import sqlite_utils

from .. import storage
from ..domain import (STATUSES, Document, Item, ItemSet, Media, Option, collector_paused,
                      content_changed, new_uid)
from ..errors import (BankCorruptError, BankReadOnlyError, ImportFileError, NotFoundError,
                      ValidationError)
from . import migrations
from ..htmltext import html_to_text
from ..storage import transaction
from .lookups import BankLookups
from .migrations import ITEM_FTS_WEIGHTS
from .textindex import index_text, item_fts_values, match_expression

_ITEM_JSON = ("options", "tags", "refs", "hints", "provenance", "extra")
_ITEM_COLUMNS = (
    "uid", "type", "stem", "vignette", "options", "explanation", "model_answer", "rubric",
    "tags", "topic", "system", "discipline", "category", "bloom", "difficulty", "exam_type",
    "language", "status", "refs", "hints", "provenance", "idnumber", "set_uid",
    "set_position", "twin_uid", "version", "marks", "extra", "content_hash", "created_at",
    "updated_at")
_ITEM_SELECT = "id, " + ", ".join(_ITEM_COLUMNS)

#: SQLite page cache during an import, in KiB (64 MiB: the item indexes of a 100,000-item
#: import stay in memory; the default 2 MiB made each index insert a page read).
_IMPORT_CACHE_KIB = 65536

#: Columns the item table view shows, in order.
TABLE_COLUMNS = ("id", "type", "stem", "topic", "system", "exam_type", "language", "status",
                 "version", "updated_at", "set_uid")


def _read_only_place(path: str) -> bool:
    """Whether the bank file at ``path`` (or, when it does not exist, its folder) cannot be
    written: a read-only medium, a locked share."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return False
    if not os.access(folder, os.W_OK | os.X_OK):
        return True
    return os.path.exists(path) and not os.access(path, os.W_OK)


def _dumps(value) -> str:
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def item_from_row(row: sqlite3.Row | tuple) -> Item:
    """An :class:`Item` from a row of ``SELECT id, <_ITEM_COLUMNS> FROM items`` (media
    not filled in).

    :raises ValueError: a JSON column that does not parse; :raises TypeError: a row of the
        wrong shape (both only for a damaged row).
    """
    values = dict(zip(("id",) + _ITEM_COLUMNS, row))
    for key in _ITEM_JSON:
        values[key] = json.loads(values[key]) if values[key] else (
            {} if key in ("provenance", "extra") else [])
    values["options"] = [Option.from_dict(o) for o in values["options"]]
    values["references"] = values.pop("refs")
    values.pop("content_hash")
    for key in ("vignette", "explanation", "model_answer", "rubric", "topic", "system",
                "discipline", "category", "bloom", "exam_type", "idnumber"):
        values[key] = values[key] or ""
    values["set_position"] = values["set_position"] or 0
    values["marks"] = values["marks"] if values["marks"] is not None else 1.0
    return Item(**values)


def fts_row(item: Item, set_vignette: str = "") -> tuple:
    """The ``items_fts`` row of ``item``: ``(rowid, stem, options, explanation, tags,
    facets)`` (:func:`~.textindex.item_fts_values`; the stem column holds the title too);
    ``set_vignette`` is its set's shared text."""
    return (item.id,) + item_fts_values(item, set_vignette)


@dataclass
class ItemFilter:
    """Which items a listing or search shows. Empty tuples mean "any".

    :ivar category: a category path; items in it and in its sub-categories match.
    :ivar include_retired: show retired items (off by default in pickers, on in the bank).
    :ivar reviewed_before: a year (e.g. ``2024``): only items whose last review
        (``provenance.reviewed_at``, ``YYYY-MM-DD``) is before 1 January of that year, or
        that record no review at all: the stale content to look at again. ``None``: any.
        (A year-only date such as ``"2019"`` from an import compares as expected; other
        free text sorts after the digits and is left out.) Cost: it reads every row's
        provenance, about 0.3 s (count) to 0.5 s (ids) for 100,000 items on a loaded
        2-core machine; run it off the GUI thread.
    """

    types: Sequence[str] = ()
    statuses: Sequence[str] = ()
    languages: Sequence[str] = ()
    topics: Sequence[str] = ()
    systems: Sequence[str] = ()
    exam_types: Sequence[str] = ()
    blooms: Sequence[str] = ()
    tags: Sequence[str] = ()
    category: str = ""
    include_retired: bool = True
    reviewed_before: int | None = None

    def where(self, alias: str = "items") -> tuple[str, list]:
        """SQL conditions (joined by AND, starting with the deleted check) and parameters."""
        parts = [f"{alias}.deleted_at IS NULL"]
        params: list = []
        for col, values in (("type", self.types), ("status", self.statuses),
                            ("language", self.languages), ("topic", self.topics),
                            ("system", self.systems), ("exam_type", self.exam_types),
                            ("bloom", self.blooms)):
            if values:
                parts.append(f"{alias}.{col} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        for tag in self.tags:
            parts.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ?)")
            params.append(tag)
        if self.category:
            cat = self.category.strip("/")
            parts.append(f"({alias}.category = ? OR {alias}.category LIKE ? ESCAPE '\\')")
            escaped = cat.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.extend([cat, escaped + "/%"])
        if not self.include_retired:
            parts.append(f"{alias}.status != 'retired'")
        if self.reviewed_before is not None:
            # ISO dates compare as strings, and a missing date is '' (never reviewed, so
            # included); one json_extract per row (it parses the JSON: the cost of the filter)
            parts.append(f"COALESCE(json_extract({alias}.provenance, '$.reviewed_at'), '') < ?")
            params.append(f"{int(self.reviewed_before):04d}-01-01")
        return " AND ".join(parts), params


@dataclass
class ImportSummary:
    """What an import did, in the DESIGN.md shape.

    :ivar imported: new items stored. :ivar updated: existing items that got a new version.
    :ivar skipped: items already in the bank unchanged.
    :ivar errors: ``{file, line, item, message}`` for each rejected entry.
    :ivar warnings: ``{file, line, item, message}`` for each entry imported with a change
        the user should know of (approximated type, content moved or left out).
    """

    imported: int = 0
    updated: int = 0
    skipped: int = 0
    documents: int = 0
    errors: list[dict] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """``{"imported", "updated", "skipped", "documents", "errors", "warnings"}``."""
        return {"imported": self.imported, "updated": self.updated, "skipped": self.skipped,
                "documents": self.documents, "errors": self.errors,
                "warnings": self.warnings}

    def add(self, other: "ImportSummary") -> None:
        """Add ``other``'s counts and errors to this summary."""
        self.imported += other.imported
        self.updated += other.updated
        self.skipped += other.skipped
        self.documents += other.documents
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.item_ids.extend(other.item_ids)


@dataclass
class ItemVersion:
    """One stored version of an item: its number, when it was saved (epoch seconds), a note
    and the item as it was."""

    version: int
    saved_at: float
    note: str
    item: Item


def _same_text(a: str, b: str) -> bool:
    """Equal once HTML is reduced to text and whitespace normalised."""
    return " ".join(html_to_text(a or "").split()) == " ".join(html_to_text(b or "").split())


#: Item fields a re-import from a format without them must not blank (the format cannot
#: carry them: Moodle XML has no model answer or Bloom level, Aiken has only stem and
#: options, QTI has no tags or category ...).
_KEEP_WHEN_EMPTY = ("explanation", "model_answer", "rubric", "topic", "system", "discipline",
                    "category", "bloom", "exam_type", "idnumber", "twin_uid")
_KEEP_LISTS = ("tags", "references", "hints", "media")


def keep_uncarried_fields(item: Item, old: Item) -> None:
    """Fill what a re-imported ``item`` lacks from the bank's ``old`` version of it, in
    place, so that an update from a format that cannot carry a field never blanks it.

    * empty text fields (:data:`_KEEP_WHEN_EMPTY`), empty lists (tags, references, hints,
      media) and an unset difficulty take the old value;
    * a stem that is the old vignette and stem run together (formats without a vignette
      write the full stem) becomes the old vignette and stem again;
    * options whose texts match the old ones keep the old per-option explanation,
      fraction, tolerance and ``fixed`` flag where the new option has none;
    * ``extra`` is the old one updated with the new keys; ``marks`` and ``language`` stay
      the bank's when the new ones are the defaults.

    An unchanged item thus compares equal to ``old`` and gets no new version.
    """
    if old.vignette and not item.vignette and _same_text(item.stem, old.full_stem):
        item.stem, item.vignette = old.stem, old.vignette
    elif _same_text(item.stem, old.stem) and item.stem != old.stem and \
            item.extra.get("text_format") != old.extra.get("text_format"):
        item.stem = old.stem  # same text, other markup (HTML written for Moodle/QTI)
    for name in _KEEP_WHEN_EMPTY:
        if not (getattr(item, name) or "").strip() and (getattr(old, name) or ""):
            setattr(item, name, getattr(old, name))
    if item.explanation != old.explanation and _same_text(item.explanation, old.explanation):
        item.explanation = old.explanation
    for name in _KEEP_LISTS:
        if not getattr(item, name) and getattr(old, name):
            setattr(item, name, list(getattr(old, name)))
    if item.difficulty is None:
        item.difficulty = old.difficulty
    if item.marks == 1.0 and old.marks != 1.0:
        item.marks = old.marks
    if len(item.options) == len(old.options) and all(
            _same_text(a.text, b.text) and (a.match or "") == (b.match or "")
            for a, b in zip(item.options, old.options)):
        for a, b in zip(item.options, old.options):
            if a.text != b.text:
                a.text = b.text
            if not a.explanation and b.explanation:
                a.explanation = b.explanation
            elif a.explanation != b.explanation and _same_text(a.explanation, b.explanation):
                a.explanation = b.explanation
            if a.fraction is None and b.fraction is not None and a.correct == b.correct:
                a.fraction = b.fraction
            if a.tolerance in (None, 0.0) and b.tolerance:
                a.tolerance = b.tolerance
            if not a.fixed and b.fixed:
                a.fixed = True
    elif not item.options and old.options:
        item.options = [Option.from_dict(o.to_dict()) for o in old.options]
    item.extra = {**old.extra, **item.extra}


@dataclass
class TrashEntry:
    """One item in the trash: its id, type, the start of its stem (at most 300
    characters, the set's vignette first), topic, language, its set (``""`` if none) and
    when it was deleted (epoch seconds)."""

    id: int
    type: str
    stem: str
    topic: str
    language: str
    set_uid: str
    deleted_at: float


class Bank(BankLookups):
    """The item bank in one SQLite file (WAL mode).

    :param path: the database file, created when missing; ``":memory:"`` for tests.
    :raises BankCorruptError: the file is not an EduApp bank or is damaged (left untouched).
    :raises BankVersionError: the file comes from a newer EduApp (left untouched).

    ::

        bank = Bank(os.path.join(data_dir, "bank.sqlite"))
        item = bank.save_item(Item(type="tf", stem="Aspirin is an NSAID.", options=[...]))
    """

    def __init__(self, path: str, *, verify: bool = True, read_only: bool | None = None,
                 backups: bool = True):
        self.path = path
        self._lock = threading.RLock()
        self.verified = False
        if read_only is None:
            read_only = path != ":memory:" and _read_only_place(path)
        self.read_only = read_only
        #: Make a backup of the data folder before risky operations (imports, migrations,
        #: bulk status changes, emptying the trash): :mod:`eduapp.bank.backup`.
        self.backups = backups and path != ":memory:" and not read_only
        if path != ":memory:":
            if read_only and not os.path.exists(path):
                raise BankReadOnlyError(code="bank.folder-read-only-empty",
                                        values={"folder": os.path.dirname(path)})
            try:
                migrations.check_readable(path)
            except BankCorruptError as e:
                raise BankCorruptError(code="bank.corrupt-repair", values={
                    "detail": e, "command": "`eduapp bank check --repair`"}) from None
            if verify:
                from .check import verify_on_open
                verify_on_open(path)
                self.verified = True
        try:
            if read_only:
                conn = sqlite3.connect(migrations.read_only_uri(path), uri=True,
                                       check_same_thread=False, isolation_level=None)
            else:
                conn = storage.connect(path, foreign_keys=True)
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = sqlite_utils.Database(conn)
            if read_only:
                version = migrations.schema_version(self.db)
                if version != migrations.SCHEMA_VERSION:
                    conn.close()
                    raise BankReadOnlyError(code="bank.read-only-upgrade", values={
                        "folder": os.path.dirname(path), "version": version})
                self.previous_version = version
            else:
                current = migrations.schema_version(self.db)
                if self.backups and 0 < current < migrations.SCHEMA_VERSION:
                    self._before_risky("migration", min_gap=0.0)
                self.previous_version = migrations.migrate(self.db, None if path == ":memory:"
                                                       else path)
        except sqlite3.OperationalError as e:
            typed = migrations.storage_error(e)
            if typed is None:
                raise BankCorruptError(code="bank.cannot-open",
                                       values={"path": path, "detail": str(e)}) from None
            raise typed from None
        except sqlite3.DatabaseError as e:
            raise BankCorruptError(code="bank.cannot-open",
                                       values={"path": path, "detail": str(e)}) from None
        self.conn = conn

    @classmethod
    def open_in(cls, data_dir: str, **kwargs) -> "Bank":
        """Open (or create) ``bank.sqlite`` in ``data_dir``; a folder that exists but cannot
        be written opens read-only (:attr:`read_only`). ``kwargs`` go to :class:`Bank`."""
        from ..config import BANK_FILE, ensure_data_dir
        if not (os.path.isdir(data_dir) and _read_only_place(os.path.join(data_dir,
                                                                          BANK_FILE))):
            ensure_data_dir(data_dir)
        return cls(os.path.join(data_dir, BANK_FILE), **kwargs)

    def _before_risky(self, reason: str, min_gap: float | None = None) -> None:
        """Back the data folder up before a risky operation (unless nothing changed since
        the last backup, or it is younger than :data:`backup.RISKY_MIN_GAP`).

        :raises DiskFullError: or ``BackupError``: the backup failed, so the operation is
            not started (nothing was changed).
        """
        if not self.backups:
            return
        from . import backup
        backup.auto_backup(os.path.dirname(os.path.abspath(self.path)), reason,
                           min_gap=backup.RISKY_MIN_GAP if min_gap is None else min_gap)

    def transaction(self):
        """Hold the bank's lock and run one transaction: for stores that keep their own
        tables in this database (exams). Use as ``with bank.transaction() as conn: ...``;
        an exception rolls everything back."""
        bank = self

        class _Tx:
            def __enter__(self_):
                bank._lock.acquire()
                self_.cm = transaction(bank.conn)
                return self_.cm.__enter__()

            def __exit__(self_, *exc):
                try:
                    return self_.cm.__exit__(*exc)
                finally:
                    bank._lock.release()
        return _Tx()

    def read(self):
        """Hold the bank's lock for a series of reads on ``bank.conn`` (``with bank.read()
        as conn:``)."""
        bank = self

        class _Read:
            def __enter__(self_):
                bank._lock.acquire()
                return bank.conn

            def __exit__(self_, *exc):
                bank._lock.release()
                return False
        return _Read()

    def ids_by_provenance(self, key: str, value) -> list[int]:
        """Ids of items whose ``provenance[key] == value`` (e.g. a ``generation_id``, so a
        retried generation is not stored twice)."""
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM items WHERE deleted_at IS NULL AND "
                "json_extract(provenance, '$.' || ?) = ?", (key, value))]

    def close(self) -> None:
        """Close the connection (checkpointing the WAL). A bank verified when it was
        opened is recorded as still good (only SQLite wrote to it since)."""
        with self._lock:
            if getattr(self, "_read_conn", None) is not None:
                self._read_conn.close()
                self._read_conn = None
            self.conn.close()
            if self.verified and not self.read_only:
                from .check import stamp_verified
                stamp_verified(self.path)

    # ------------------------------------------------------------------ rows <-> items

    def _row_to_item(self, row: sqlite3.Row | tuple) -> Item:
        item = item_from_row(row)
        item.media = [Media(name=n, mime=m, sha256=s) for n, s, m in self.conn.execute(
            "SELECT name, sha256, mime FROM item_media WHERE item_id = ?", (item.id,))]
        return item

    @staticmethod
    def _item_row(item: Item, content_hash: str | None = None) -> tuple:
        return (item.uid, item.type, item.stem, item.vignette,
                _dumps([o.to_dict() for o in item.options]), item.explanation,
                item.model_answer, item.rubric, _dumps(item.tags), item.topic, item.system,
                item.discipline, item.category.strip("/"), item.bloom, item.difficulty,
                item.exam_type, item.language, item.status, _dumps(item.references),
                _dumps(item.hints), _dumps(item.provenance), item.idnumber, item.set_uid,
                item.set_position, item.twin_uid, item.version, item.marks,
                _dumps(item.extra), content_hash or item.content_hash(), item.created_at,
                item.updated_at)

    def _fts_row(self, item: Item, set_vignette: str = "") -> tuple:
        return fts_row(item, set_vignette)

    def _set_vignette(self, set_uid: str | None) -> str:
        if not set_uid:
            return ""
        row = self.conn.execute("SELECT vignette FROM item_sets WHERE uid = ?",
                                (set_uid,)).fetchone()
        return row[0] or "" if row else ""

    # ------------------------------------------------------------------ items: write

    def _insert_item(self, item: Item, set_vignette: str = "", note: str = "created") -> Item:
        t = time.time()
        item.created_at = item.created_at or t
        item.updated_at = item.updated_at or t
        cols = ", ".join(_ITEM_COLUMNS)
        cur = self.conn.execute(
            f"INSERT INTO items ({cols}) VALUES ({', '.join('?' * len(_ITEM_COLUMNS))})",
            self._item_row(item))
        item.id = cur.lastrowid
        self.conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                          "facets) VALUES (?, ?, ?, ?, ?, ?)", self._fts_row(item, set_vignette))
        self._store_version(item, note)
        if item.media:
            self._store_item_media(item)
        return item

    def _store_version(self, item: Item, note: str, previous: Item | None = None) -> None:
        """Record ``item``'s version. The current version's row holds no copy (``data`` is
        NULL: the items row is it); when a content change supersedes it, the superseded
        version's row gets its snapshot."""
        if previous is not None and previous.version != item.version:
            self.conn.execute("UPDATE item_versions SET data = ? WHERE item_id = ? AND "
                              "version = ? AND data IS NULL",
                              (_dumps(previous.to_dict(with_ids=True)), previous.id,
                               previous.version))
        self.conn.execute(
            "INSERT OR IGNORE INTO item_versions(item_id, version, data, saved_at, note) "
            "VALUES (?, ?, NULL, ?, ?)", (item.id, item.version, item.updated_at, note))

    def _store_item_media(self, item: Item) -> None:
        self.conn.execute("DELETE FROM item_media WHERE item_id = ?", (item.id,))
        for m in item.media:
            if m.data is not None:
                self._put_media(m)
            elif not self.conn.execute("SELECT 1 FROM media WHERE sha256 = ?",
                                       (m.sha256,)).fetchone():
                raise ValidationError(code="bank.image-missing", values={"name": m.name})
            self.conn.execute("INSERT OR REPLACE INTO item_media(item_id, name, sha256, mime) "
                              "VALUES (?, ?, ?, ?)", (item.id, m.name, m.sha256, m.mime))

    def _put_media(self, m: Media) -> None:
        self.conn.execute("INSERT OR IGNORE INTO media(sha256, mime, size, data) "
                          "VALUES (?, ?, ?, ?)", (m.sha256, m.mime, len(m.data), m.data))

    def _update_item(self, item: Item, old: Item, note: str) -> bool:
        """Write ``item`` over ``old`` (same id). Returns True when the content changed
        (and the version went up)."""
        changed = content_changed(old, item)
        volatile = ("version", "created_at", "updated_at")
        a, b = item.to_dict(), old.to_dict()
        if not changed and all(a[k] == b[k] for k in a if k not in volatile):
            return False
        item.id = old.id
        item.created_at = old.created_at
        item.version = old.version + 1 if changed else old.version
        item.updated_at = time.time()
        sets = ", ".join(f"{c} = ?" for c in _ITEM_COLUMNS)
        self.conn.execute(f"UPDATE items SET {sets} WHERE id = ?",
                          self._item_row(item) + (item.id,))
        self.conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item.id,))
        self.conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                          "facets) VALUES (?, ?, ?, ?, ?, ?)",
                          self._fts_row(item, self._set_vignette(item.set_uid)))
        self._store_version(item, note, previous=old)
        self._store_item_media(item)
        return True

    def save_item(self, item: Item, note: str = "edited") -> Item:
        """Insert a new item or save an edited one (matched by ``id``, else ``uid``).

        A change of content (stem, options, explanation ...) stores a new version; other
        changes (tags, status) are saved in place.

        :param note: what the change was, kept in the item's history.
        :returns: the stored item with ``id``, ``version`` and times filled in.
        :raises ValidationError: the item breaks a structural rule (``Item.validate``).
        """
        item.validate()
        with self._lock, transaction(self.conn):
            old = self._find_existing(item)
            if old is None:
                return self._insert_item(item, self._set_vignette(item.set_uid))
            self._update_item(item, old, note)
            return item

    def _find_existing(self, item: Item) -> Item | None:
        if item.id is not None:
            row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE id = ?",
                                    (item.id,)).fetchone()
            if row:
                return self._row_to_item(row)
        row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE uid = ?",
                                (item.uid,)).fetchone()
        return self._row_to_item(row) if row else None

    def set_status(self, ids: Iterable[int], status: str) -> int:
        """Set the review status of items (a reviewer's approval is such a call).

        :param ids: item ids.
        :param status: one of ``draft``, ``reviewed``, ``approved``, ``retired``.
        :returns: how many items changed.
        :raises ValidationError: unknown status.
        :raises NotFoundError: an id that is not in the bank (nothing is changed then).
        """
        if status not in STATUSES:
            raise ValidationError(code="bank.unknown-status",
                                  values={"status": status, "choices": list(STATUSES)})
        ids = list(ids)
        if len(ids) > 1:
            self._before_risky("status")
        with self._lock, transaction(self.conn):
            self._require_ids(ids)
            cur = self.conn.execute(
                f"UPDATE items SET status = ?, updated_at = ? WHERE id IN "
                f"({', '.join('?' * len(ids))}) AND status != ?",
                [status, time.time(), *ids, status])
            return cur.rowcount

    def record_review(self, ids: Iterable[int], reviewer: dict, date: str | None = None,
                      changes: str = "") -> int:
        """Record that ``reviewer`` checked these items against current sources: sets
        ``provenance.reviewer``, ``reviewed_at`` and ``review_changes`` (other provenance
        keys are kept), in one transaction. Content and version do not change.

        :param reviewer: a contributor (``{"kind": "human", "name": ...}``, see
            :mod:`eduapp.provenance`).
        :param date: ``YYYY-MM-DD``; today (local time) when ``None``.
        :param changes: what the review changed, one sentence (``""``: nothing).
        :returns: how many items were updated.
        :raises ValidationError: a malformed reviewer or date.
        :raises NotFoundError: an id that is not in the bank (nothing is changed then).
        """
        from ..provenance import check_provenance
        date = date or time.strftime("%Y-%m-%d")
        check_provenance({"reviewer": reviewer, "reviewed_at": date})
        ids = list(ids)
        with self._lock, transaction(self.conn):
            self._require_ids(ids)
            cur = self.conn.execute(
                "UPDATE items SET provenance = json_set(CASE WHEN json_valid(provenance) AND "
                "provenance != '' THEN provenance ELSE '{}' END, '$.reviewer', json(?), "
                "'$.reviewed_at', ?, '$.review_changes', ?), updated_at = ? WHERE id IN "
                f"({', '.join('?' * len(ids))})",
                [json.dumps(reviewer, ensure_ascii=False), date, changes, time.time(), *ids])
            return cur.rowcount

    def _require_ids(self, ids: Sequence[int]) -> None:
        found = {r[0] for r in self.conn.execute(
            f"SELECT id FROM items WHERE deleted_at IS NULL AND id IN "
            f"({', '.join('?' * len(ids))})", list(ids))} if ids else set()
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(code="bank.item-not-found", values={"ids": missing})

    def delete_items(self, ids: Iterable[int]) -> list[int]:
        """Move items to the trash (undoable with :meth:`restore_items`). Deleting a member
        of an item set deletes the whole set: a set is one unit.

        :returns: the ids actually deleted (set members included).
        :raises NotFoundError: an id that is not in the bank.
        """
        ids = list(ids)
        with self._lock, transaction(self.conn):
            self._require_ids(ids)
            all_ids = set(ids)
            for (set_uid,) in self.conn.execute(
                    f"SELECT DISTINCT set_uid FROM items WHERE set_uid IS NOT NULL AND id IN "
                    f"({', '.join('?' * len(ids))})", ids).fetchall():
                all_ids.update(r[0] for r in self.conn.execute(
                    "SELECT id FROM items WHERE set_uid = ?", (set_uid,)))
                self.conn.execute("UPDATE item_sets SET deleted_at = ? WHERE uid = ?",
                                  (time.time(), set_uid))
            out = sorted(all_ids)
            self.conn.execute(f"UPDATE items SET deleted_at = ? WHERE id IN "
                              f"({', '.join('?' * len(out))})", [time.time(), *out])
            return out

    def restore_items(self, ids: Iterable[int]) -> int:
        """Take items (and their sets) back out of the trash. :returns: how many."""
        ids = list(ids)
        if not ids:
            return 0
        with self._lock, transaction(self.conn):
            marks = ", ".join("?" * len(ids))
            sets = f"SELECT set_uid FROM items WHERE id IN ({marks}) AND set_uid IS NOT NULL"
            self.conn.execute(f"UPDATE item_sets SET deleted_at = NULL WHERE uid IN ({sets})",
                              ids)
            return self.conn.execute(f"UPDATE items SET deleted_at = NULL WHERE id IN ({marks}) "
                                     f"OR set_uid IN ({sets})", ids + ids).rowcount

    def trash(self, limit: int = 5000) -> list[TrashEntry]:
        """The items in the trash, most recently deleted first.

        :param limit: at most this many entries.
        """
        with self._lock:
            rows = self.conn.execute(
                "SELECT id, type, substr(CASE WHEN vignette != '' THEN vignette || ' ' ELSE '' "
                "END || stem, 1, 300), coalesce(topic, ''), coalesce(language, ''), "
                "coalesce(set_uid, ''), deleted_at FROM items WHERE deleted_at IS NOT NULL "
                "ORDER BY deleted_at DESC, id DESC LIMIT ?", (int(limit),)).fetchall()
        return [TrashEntry(*r) for r in rows]

    def purge_deleted(self) -> int:
        """Delete trashed items and sets for good, with their history, and drop media
        files no item or document refers to any more (after a backup of the data folder).

        :returns: items purged.
        """
        self._before_risky("trash")
        with self._lock, transaction(self.conn):
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM items WHERE deleted_at IS NOT NULL")]
            for chunk in range(0, len(ids), 500):
                part = ids[chunk:chunk + 500]
                marks = ", ".join("?" * len(part))
                for sql in ("DELETE FROM items_fts WHERE rowid IN ({})",
                            "DELETE FROM item_media WHERE item_id IN ({})",
                            "DELETE FROM item_versions WHERE item_id IN ({})",
                            "DELETE FROM items WHERE id IN ({})"):
                    self.conn.execute(sql.format(marks), part)
            self.conn.execute("DELETE FROM item_sets WHERE deleted_at IS NOT NULL")
            self._drop_orphan_media()
            return len(ids)

    def _drop_orphan_media(self) -> None:
        self.conn.execute("DELETE FROM media WHERE sha256 NOT IN (SELECT sha256 FROM "
                          "item_media) AND sha256 NOT IN (SELECT sha256 FROM document_media)")

    # ------------------------------------------------------------------ items: read

    def get_item(self, item_id: int) -> Item:
        """The item with this id.

        :raises NotFoundError: no such item, or it is in the trash.
        """
        with self._lock:
            row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE id = ? AND "
                                    "deleted_at IS NULL", (item_id,)).fetchone()
            if not row:
                raise NotFoundError(code="bank.item-not-found", values={"ids": item_id})
            return self._row_to_item(row)

    def get_item_by_uid(self, uid: str) -> Item:
        """The item with this uid. :raises NotFoundError: no such item."""
        with self._lock:
            row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE uid = ? AND "
                                    "deleted_at IS NULL", (uid,)).fetchone()
            if not row:
                raise NotFoundError(code="bank.uid-not-found", values={"uid": uid})
            return self._row_to_item(row)

    def query_ids_by_hash(self, content_hash: str) -> list[int]:
        """Ids of live items with this content hash (:meth:`Item.content_hash`)."""
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM items WHERE content_hash = ? AND deleted_at IS NULL",
                (content_hash,))]

    def items_by_idnumber(self, idnumber: str) -> list[Item]:
        """Live items with this ID number (an exchange format's own id), oldest first."""
        if not idnumber:
            return []
        with self._lock:
            return [self._row_to_item(r) for r in self.conn.execute(
                f"SELECT {_ITEM_SELECT} FROM items WHERE idnumber = ? AND deleted_at IS NULL "
                "ORDER BY id", (idnumber,))]

    def get_items(self, ids: Sequence[int]) -> list[Item]:
        """Items for ``ids`` in the order given; ids not in the bank are left out."""
        with self._lock:
            by_id = {}
            for chunk in range(0, len(ids), 500):
                part = list(ids[chunk:chunk + 500])
                for row in self.conn.execute(
                        f"SELECT {_ITEM_SELECT} FROM items WHERE deleted_at IS NULL AND id IN "
                        f"({', '.join('?' * len(part))})", part):
                    item = self._row_to_item(row)
                    by_id[item.id] = item
            return [by_id[i] for i in ids if i in by_id]

    def history(self, item_id: int) -> list[ItemVersion]:
        """Every stored version of an item, newest first."""
        with self._lock:
            rows = self.conn.execute("SELECT version, saved_at, note, data FROM item_versions "
                                     "WHERE item_id = ? ORDER BY version DESC", (item_id,))
            out = []
            for version, saved_at, note, data in rows.fetchall():
                out.append(ItemVersion(version, saved_at, note or "",
                                       self._version_item(item_id, data)))
            return out

    def _version_item(self, item_id: int, data: str | None) -> Item:
        """The item a version row stands for: its snapshot, or the current row (NULL)."""
        if data is None:
            row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE id = ?",
                                    (item_id,)).fetchone()
            if not row:
                raise NotFoundError(code="bank.item-not-found", values={"ids": item_id})
            return self._row_to_item(row)
        d = json.loads(data)
        d.pop("id", None)
        item = Item.from_dict(d)
        item.id = item_id
        return item

    def item_version(self, item_id: int, version: int) -> Item:
        """The item as it was at ``version`` (exams keep the versions they used).

        :raises NotFoundError: no such item version.
        """
        with self._lock:
            row = self.conn.execute("SELECT data FROM item_versions WHERE item_id = ? AND "
                                    "version = ?", (item_id, version)).fetchone()
            if not row:
                raise NotFoundError(code="bank.no-version",
                                    values={"id": item_id, "version": version})
            return self._version_item(item_id, row[0])

    def query_ids(self, query: str = "", filters: ItemFilter | None = None,
                  order: str = "id", limit: int | None = None, *,
                  prefix_last: bool = False) -> list[int]:
        """Ids of the items that match, best first for a text query.

        :param query: free text (English, Chinese or mixed); empty lists everything.
        :param order: for listings without a query: ``id``, ``updated_at``, ``topic``,
            ``type``, ``status`` (descending with a leading ``-``).
        :param limit: at most this many ids.
        :returns: item ids (ints).
        """
        filters = filters or ItemFilter()
        where, params = filters.where()
        expr = match_expression(query, prefix_last=prefix_last) if query else None
        lim = f" LIMIT {int(limit)}" if limit else ""
        if query and expr is None:
            return []
        with self._lock:
            if expr:
                weights = ", ".join(str(w) for w in ITEM_FTS_WEIGHTS)
                sql = (f"SELECT items.id FROM items_fts JOIN items ON items.id = "
                       f"items_fts.rowid WHERE items_fts MATCH ? AND {where} "
                       f"ORDER BY bm25(items_fts, {weights}){lim}")
                return [r[0] for r in self.conn.execute(sql, [expr, *params])]
            desc = order.startswith("-")
            col = order.lstrip("-")
            if col not in ("id", "updated_at", "topic", "type", "status", "system",
                           "language", "exam_type", "version", "stem"):
                raise ValidationError(code="bank.bad-sort", values={"order": order})
            sql = (f"SELECT id FROM items WHERE {where} ORDER BY {col} "
                   f"{'DESC' if desc else 'ASC'}, id{lim}")
            return [r[0] for r in self.conn.execute(sql, params)]

    def search(self, query: str, limit: int = 50, filters: ItemFilter | None = None) -> list[Item]:
        """Items matching ``query`` ranked by bm25 (stem weighs most), at most ``limit``."""
        return self.get_items(self.query_ids(query, filters, limit=limit))

    def table_rows(self, ids: Sequence[int]) -> list[tuple]:
        """Light rows for the item table, in :data:`TABLE_COLUMNS` order, for ``ids``
        (the order given; missing ids left out). The stem is cut to 300 characters.

        Reads through a second, read-only connection (WAL lets it read while a long query
        or an import holds the main one), so the GUI thread never waits for them."""
        conn, lock = self._reader()
        with lock:
            found = {}
            for chunk in range(0, len(ids), 500):
                part = list(ids[chunk:chunk + 500])
                for row in conn.execute(
                        "SELECT id, type, substr(CASE WHEN vignette != '' THEN vignette || ' ' "
                        "ELSE '' END || stem, 1, 300), topic, system, exam_type, language, "
                        "status, version, updated_at, set_uid FROM items WHERE id IN "
                        f"({', '.join('?' * len(part))})", part):
                    found[row[0]] = row
            return [found[i] for i in ids if i in found]

    def _reader(self) -> tuple[sqlite3.Connection, threading.RLock]:
        """The read-only connection and its lock (the main ones for in-memory banks)."""
        if self.path == ":memory:":
            return self.conn, self._lock
        if getattr(self, "_read_conn", None) is None:
            self._read_conn = sqlite3.connect(migrations.read_only_uri(self.path), uri=True,
                                              check_same_thread=False)
            self._read_lock = threading.RLock()
        return self._read_conn, self._read_lock

    def facets(self) -> dict[str, list[str]]:
        """Distinct values for the filter menus: ``topic``, ``system``, ``discipline``,
        ``exam_type``, ``category``, ``tag``, ``language``, ``type``, ``status``; sorted."""
        with self._lock:
            out = {}
            for col in ("topic", "system", "discipline", "exam_type", "category", "language",
                        "type", "status", "bloom"):
                out[col] = [r[0] for r in self.conn.execute(
                    f"SELECT DISTINCT {col} FROM items WHERE deleted_at IS NULL AND "
                    f"{col} IS NOT NULL AND {col} != '' ORDER BY {col}")]
            out["tag"] = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT j.value FROM items, json_each(items.tags) AS j WHERE "
                "items.deleted_at IS NULL ORDER BY j.value")]
            return out

    def count(self, filters: ItemFilter | None = None) -> int:
        """Number of items (not in the trash) matching ``filters``."""
        where, params = (filters or ItemFilter()).where()
        with self._lock:
            return self.conn.execute(f"SELECT COUNT(*) FROM items WHERE {where}",
                                     params).fetchone()[0]

    def stats(self) -> dict:
        """Counts for ``eduapp bank stats``: ``items``, ``sets``, ``documents``, ``media``,
        ``deleted``, and ``by_type``/``by_status``/``by_language``/``by_system``/
        ``by_exam_type`` dicts, plus ``schema_version``, ``path`` and ``read_only``."""
        with self._lock:
            q = self.conn.execute
            out = {"path": self.path, "schema_version": migrations.schema_version(self.db),
                   "read_only": self.read_only,
                   "items": q("SELECT COUNT(*) FROM items WHERE deleted_at IS NULL").fetchone()[0],
                   "sets": q("SELECT COUNT(*) FROM item_sets WHERE deleted_at IS NULL").fetchone()[0],
                   "documents": q("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL"
                                  ).fetchone()[0],
                   "media": q("SELECT COUNT(*) FROM media").fetchone()[0],
                   "deleted": q("SELECT COUNT(*) FROM items WHERE deleted_at IS NOT NULL"
                                ).fetchone()[0]}
            for col in ("type", "status", "language", "system", "exam_type"):
                out[f"by_{col}"] = {k or "": v for k, v in q(
                    f"SELECT {col}, COUNT(*) FROM items WHERE deleted_at IS NULL "
                    f"GROUP BY {col} ORDER BY COUNT(*) DESC")}
            return out

    # ------------------------------------------------------------------ item sets

    def _row_to_set(self, row) -> ItemSet:
        (sid, uid, kind, title, vignette, options, exam_type, language, topic, system, tags,
         provenance, extra, created_at, updated_at) = row
        s = ItemSet(kind=kind, title=title or "", vignette=vignette or "",
                    options=[Option.from_dict(o) for o in json.loads(options or "[]")],
                    exam_type=exam_type or "", language=language or "en", topic=topic or "",
                    system=system or "", tags=json.loads(tags or "[]"),
                    provenance=json.loads(provenance or "{}"), extra=json.loads(extra or "{}"),
                    uid=uid, id=sid, created_at=created_at or 0, updated_at=updated_at or 0)
        s.items = [self._row_to_item(r) for r in self.conn.execute(
            f"SELECT {_ITEM_SELECT} FROM items WHERE set_uid = ? AND deleted_at IS NULL "
            "ORDER BY set_position", (uid,)).fetchall()]
        return s

    _SET_SELECT = ("id, uid, kind, title, vignette, options, exam_type, language, topic, "
                   "system, tags, provenance, extra, created_at, updated_at")

    def get_set(self, uid: str) -> ItemSet:
        """The item set with this uid, members in order.

        :raises NotFoundError: no such set.
        """
        with self._lock:
            row = self.conn.execute(f"SELECT {self._SET_SELECT} FROM item_sets WHERE uid = ? "
                                    "AND deleted_at IS NULL", (uid,)).fetchone()
            if not row:
                raise NotFoundError(code="bank.set-not-found", values={"uid": uid})
            return self._row_to_set(row)

    def save_set(self, item_set: ItemSet, note: str = "edited") -> ItemSet:
        """Insert or update an item set and all its members, in one transaction.

        Members are stored in the set's order; a member dropped from the set is moved to
        the trash with it (undoable).

        :raises ValidationError: the set or a member breaks a rule.
        """
        item_set.attach()
        item_set.validate()
        with self._lock, transaction(self.conn):
            self._save_set(item_set, note)
        return item_set

    def _save_set(self, s: ItemSet, note: str) -> str:
        """Store a set; returns ``inserted``, ``updated`` or ``unchanged``."""
        t = time.time()
        row = self.conn.execute("SELECT id, created_at FROM item_sets WHERE uid = ?",
                                (s.uid,)).fetchone()
        values = (s.kind, s.title, s.vignette, _dumps([o.to_dict() for o in s.options]),
                  s.exam_type, s.language, s.topic, s.system, _dumps(s.tags),
                  _dumps(s.provenance), _dumps(s.extra))
        outcome = "inserted"
        if row:
            old = self.conn.execute("SELECT kind, title, vignette, options, exam_type, language, "
                                    "topic, system, tags, provenance, extra FROM item_sets "
                                    "WHERE uid = ?", (s.uid,)).fetchone()
            s.id, s.created_at = row
            outcome = "unchanged" if tuple(old) == values else "updated"
            s.updated_at = t if outcome == "updated" else s.updated_at
            self.conn.execute("UPDATE item_sets SET kind=?, title=?, vignette=?, options=?, "
                              "exam_type=?, language=?, topic=?, system=?, tags=?, provenance=?, "
                              "extra=?, updated_at=?, deleted_at=NULL WHERE uid = ?",
                              values + (s.updated_at or t, s.uid))
        else:
            s.created_at = s.created_at or t
            s.updated_at = s.updated_at or t
            cur = self.conn.execute(
                "INSERT INTO item_sets(uid, kind, title, vignette, options, exam_type, language, "
                "topic, system, tags, provenance, extra, created_at, updated_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (s.uid,) + values + (s.created_at, s.updated_at))
            s.id = cur.lastrowid
        keep = set()
        for member in s.items:
            old = self._find_existing(member)
            if old is None:
                self._insert_item(member, s.vignette)
            elif self._update_item(member, old, note) and outcome == "unchanged":
                outcome = "updated"
            else:  # re-index: the shared vignette may have changed
                self.conn.execute("DELETE FROM items_fts WHERE rowid = ?", (member.id,))
                self.conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, "
                                  "tags, facets) VALUES (?, ?, ?, ?, ?, ?)",
                                  self._fts_row(member, s.vignette))
            keep.add(member.id)
        dropped = [r[0] for r in self.conn.execute(
            "SELECT id FROM items WHERE set_uid = ? AND deleted_at IS NULL", (s.uid,))
            if r[0] not in keep]
        if dropped:
            self.conn.execute(f"UPDATE items SET deleted_at = ? WHERE id IN "
                              f"({', '.join('?' * len(dropped))})", [t, *dropped])
        return outcome

    def units(self, ids: Sequence[int]) -> list[Item | ItemSet]:
        """The units that hold ``ids``, in the order of their first id: a lone item, or the
        whole set for a set member (each set once, members in set order)."""
        with self._lock:
            out: list[Item | ItemSet] = []
            seen_sets: set[str] = set()
            for item in self.get_items(ids):
                if item.set_uid:
                    if item.set_uid not in seen_sets:
                        seen_sets.add(item.set_uid)
                        try:
                            out.append(self.get_set(item.set_uid))
                        except NotFoundError:
                            out.append(item)
                else:
                    out.append(item)
            return out

    # ------------------------------------------------------------------ media

    def get_media(self, sha256: str) -> Media:
        """A stored media file with its bytes. :raises NotFoundError: not in the bank."""
        with self._lock:
            row = self.conn.execute("SELECT mime, data FROM media WHERE sha256 = ?",
                                    (sha256,)).fetchone()
            name = self.conn.execute("SELECT name FROM item_media WHERE sha256 = ? UNION "
                                     "SELECT name FROM document_media WHERE sha256 = ? LIMIT 1",
                                     (sha256, sha256)).fetchone()
        if not row:
            raise NotFoundError(code="bank.media-not-found", values={"sha": sha256[:12]})
        return Media(name=name[0] if name else sha256, mime=row[0], data=row[1], sha256=sha256)

    def media_for(self, units: Iterable[Item | ItemSet]) -> dict[str, Media]:
        """Bytes of every media file the units refer to, by sha256 (for exports, PDFs)."""
        out: dict[str, Media] = {}
        for unit in units:
            for item in unit.items if isinstance(unit, ItemSet) else [unit]:
                for m in item.media:
                    if m.sha256 not in out:
                        try:
                            out[m.sha256] = self.get_media(m.sha256)
                        except NotFoundError:
                            pass
        return out

    # ------------------------------------------------------------------ documents

    _DOC_SELECT = ("id, uid, kind, title, body, topic, system, tags, language, status, data, "
                   "provenance, created_at, updated_at")

    def _row_to_document(self, row) -> Document:
        (did, uid, kind, title, body, topic, system, tags, language, status, data, provenance,
         created_at, updated_at) = row
        doc = Document(kind=kind, title=title, body=body or "", topic=topic or "",
                       system=system or "", tags=json.loads(tags or "[]"),
                       language=language or "en", status=status or "draft",
                       data=json.loads(data or "{}"), provenance=json.loads(provenance or "{}"),
                       uid=uid, id=did, created_at=created_at or 0, updated_at=updated_at or 0)
        doc.media = [Media(name=n, mime=m, sha256=s) for n, s, m in self.conn.execute(
            "SELECT name, sha256, mime FROM document_media WHERE document_id = ?", (did,))]
        return doc

    def save_document(self, doc: Document) -> Document:
        """Insert or update a document (matched by ``id``, else ``uid``) and index it.

        :raises ValidationError: unknown kind or language, no title.
        """
        doc.validate()
        with self._lock, transaction(self.conn):
            self._save_document(doc)
        return doc

    def _save_document(self, doc: Document) -> str:
        t = time.time()
        row = self.conn.execute("SELECT id, created_at FROM documents WHERE uid = ? OR id = ?",
                                (doc.uid, doc.id)).fetchone()
        values = (doc.kind, doc.title, doc.body, doc.topic, doc.system, _dumps(doc.tags),
                  doc.language, doc.status, _dumps(doc.data), _dumps(doc.provenance))
        if row:
            doc.id, doc.created_at = row
            doc.updated_at = t
            self.conn.execute("UPDATE documents SET kind=?, title=?, body=?, topic=?, system=?, "
                              "tags=?, language=?, status=?, data=?, provenance=?, updated_at=?, "
                              "deleted_at=NULL WHERE id = ?", values + (t, doc.id))
            self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (doc.id,))
            outcome = "updated"
        else:
            doc.created_at = doc.created_at or t
            doc.updated_at = doc.updated_at or t
            cur = self.conn.execute(
                "INSERT INTO documents(uid, kind, title, body, topic, system, tags, language, "
                "status, data, provenance, created_at, updated_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.uid,) + values + (doc.created_at, doc.updated_at))
            doc.id = cur.lastrowid
            outcome = "inserted"
        self.conn.execute("INSERT INTO documents_fts(rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                          (doc.id, index_text(doc.title), index_text(doc.body),
                           index_text(" ".join(doc.tags + [doc.topic, doc.system]))))
        self.conn.execute("DELETE FROM document_media WHERE document_id = ?", (doc.id,))
        for m in doc.media:
            if m.data is not None:
                self._put_media(m)
            self.conn.execute("INSERT OR REPLACE INTO document_media(document_id, name, sha256, "
                              "mime) VALUES (?, ?, ?, ?)", (doc.id, m.name, m.sha256, m.mime))
        return outcome

    def get_document(self, doc_id: int) -> Document:
        """:raises NotFoundError: no such document."""
        with self._lock:
            row = self.conn.execute(f"SELECT {self._DOC_SELECT} FROM documents WHERE id = ? AND "
                                    "deleted_at IS NULL", (doc_id,)).fetchone()
            if not row:
                raise NotFoundError(code="bank.document-not-found", values={"id": doc_id})
            return self._row_to_document(row)

    def documents(self, query: str = "", *, kind: str | None = None, topic: str | None = None,
                  language: str | None = None, limit: int = 200) -> list[Document]:
        """Documents matching a text query (ranked) and/or kind, topic and language.

        :param topic: matched case-insensitively against the document's topic and system.
        """
        where = ["d.deleted_at IS NULL"]
        params: list = []
        if kind:
            where.append("d.kind = ?")
            params.append(kind)
        if language:
            where.append("d.language = ?")
            params.append(language)
        if topic:
            where.append("(lower(d.topic) = lower(?) OR lower(d.system) = lower(?))")
            params.extend([topic, topic])
        cols = ", ".join(f"d.{c.strip()}" for c in self._DOC_SELECT.split(","))
        with self._lock:
            expr = match_expression(query) if query else None
            if query and not expr:
                return []
            if expr:
                sql = (f"SELECT {cols} FROM documents_fts JOIN documents d ON d.id = "
                       f"documents_fts.rowid WHERE documents_fts MATCH ? AND "
                       f"{' AND '.join(where)} ORDER BY bm25(documents_fts, 4.0, 1.0, 2.0) "
                       f"LIMIT {int(limit)}")
                params = [expr, *params]
            else:
                sql = (f"SELECT {cols} FROM documents d WHERE {' AND '.join(where)} "
                       f"ORDER BY d.updated_at DESC LIMIT {int(limit)}")
            return [self._row_to_document(r) for r in self.conn.execute(sql, params).fetchall()]

    def delete_document(self, doc_id: int) -> None:
        """Move a document to the trash. :raises NotFoundError: no such document."""
        with self._lock, transaction(self.conn):
            if not self.conn.execute("UPDATE documents SET deleted_at = ? WHERE id = ? AND "
                                     "deleted_at IS NULL", (time.time(), doc_id)).rowcount:
                raise NotFoundError(code="bank.document-not-found", values={"id": doc_id})

    # ------------------------------------------------------------------ import / export

    def import_result(self, result, *, strict: bool = False) -> ImportSummary:
        """Store what a parser read from one file, in one transaction.

        Identity: an item whose ``uid`` is in the bank, else whose non-empty ``idnumber`` is,
        else whose content hash is, is that item: unchanged -> skipped, changed -> updated
        with a new version. Anything else is imported. Items without provenance get
        ``{"source": "imported", "file", "format", "at"}``.

        :param result: an :class:`eduapp.interop.ParseResult`.
        :param strict: reject the whole file when the parser reported any error.
        :returns: counts and the parser's errors in the DESIGN.md shape.
        :raises ImportFileError: ``strict`` and the file had errors (nothing stored).
        """
        with collector_paused():
            return self._import_result(result, strict)

    def _import_result(self, result, strict: bool) -> ImportSummary:
        summary = ImportSummary(errors=[e.to_dict() for e in result.errors],
                                warnings=[w.to_dict() for w in getattr(result, "warnings", [])])
        if strict and result.errors:
            first = result.errors[0]
            raise ImportFileError(file=first.file, line=first.line, item=first.item,
                                  code="import.strict", values={"detail": first})
        stamp = {"source": "imported", "file": os.path.basename(result.file or ""),
                 "format": result.format, "at": time.time()}
        units = []
        for n, unit in enumerate(result.units, start=1):
            try:
                for item in unit.items if isinstance(unit, ItemSet) else [unit]:
                    item.validate()
                    if not item.provenance:
                        item.provenance = dict(stamp)
                if isinstance(unit, ItemSet):
                    unit.validate()
            except ValidationError as e:
                if strict:
                    raise ImportFileError(file=result.file, item=n, code="import.strict",
                                          values={"detail": e}) from None
                summary.errors.append(ImportFileError(file=result.file, item=n,
                                                      code=e.code, values=e.values,
                                                      message=None if e.code else str(e)
                                                      ).to_dict())
                continue
            units.append(unit)
        if self.read_only:
            raise BankReadOnlyError(code="import.read-only")
        if units or result.documents:
            self._before_risky("import")
        lang = (getattr(result, "language_forced", None),
                getattr(result, "stated_language", frozenset()))
        with self._lock, self._large_cache(), transaction(self.conn):
            for media in result.media.values():
                if media.data is not None:
                    self._put_media(media)
            fresh, known = self._split_fresh(units)
            self._bulk_insert(fresh, summary)
            for unit in known:
                with self._savepoint():
                    self._import_unit(unit, stamp, summary, lang)
            for doc in result.documents:
                self._save_document(doc)
                summary.documents += 1
        return summary

    @contextlib.contextmanager
    def _large_cache(self):
        """A page cache of :data:`_IMPORT_CACHE_KIB` for the duration (then the usual size,
        and the memory handed back)."""
        usual = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(usual)}")
            self.conn.execute("PRAGMA shrink_memory")

    def _split_fresh(self, units) -> tuple[list[tuple[Item, str]], list]:
        """Lone items (with their content hash) that match nothing in the bank (nor an
        earlier one in the file), and
        everything else (sets, possible matches), for the slow, matching path. Items whose
        uid is only in the trash get a new uid."""
        keys = {"uid": set(), "idnumber": set(), "content_hash": set()}
        hashes: dict[int, str] = {}
        for unit in units:
            for item in unit.items if isinstance(unit, ItemSet) else [unit]:
                keys["uid"].add(item.uid)
                if item.idnumber:
                    keys["idnumber"].add(item.idnumber)
                hashes[id(item)] = item.content_hash()
                keys["content_hash"].add(hashes[id(item)])
        live: dict[str, set] = {}
        for col, values in keys.items():
            rows = self.conn.execute(
                f"SELECT {col}, deleted_at IS NULL FROM items WHERE {col} IN "
                f"(SELECT value FROM json_each(?))", (json.dumps(list(values)),)).fetchall()
            live[col] = {v for v, alive in rows if alive}
            if col == "uid":
                trashed = {v for v, alive in rows if not alive}
        fresh: list[Item] = []
        known: list = []
        seen = {"uid": set(), "idnumber": set(), "content_hash": set()}
        for unit in units:
            if isinstance(unit, ItemSet):
                known.append(unit)
                continue
            h = hashes[id(unit)]
            ident = {"uid": unit.uid, "idnumber": unit.idnumber, "content_hash": h}
            if any(v and (v in live[c] or v in seen[c]) for c, v in ident.items()):
                known.append(unit)
                continue
            if unit.uid in trashed:
                unit.uid = new_uid()
            for c, v in ident.items():
                if v:
                    seen[c].add(v)
            fresh.append((unit, h))
        return fresh, known

    def _bulk_insert(self, fresh: list[tuple[Item, str]], summary: ImportSummary) -> None:
        """Insert new lone items with a few ``executemany`` calls (the import fast path)."""
        if not fresh:
            return
        items = [item for item, _h in fresh]
        next_id = (self.conn.execute("SELECT MAX(id) FROM items").fetchone()[0] or 0) + 1
        t = time.time()
        rows, fts, versions = [], [], []
        for n, (item, content_hash) in enumerate(fresh):
            item.id = next_id + n
            item.created_at = item.created_at or t
            item.updated_at = item.updated_at or t
            rows.append((item.id,) + self._item_row(item, content_hash))
            fts.append(self._fts_row(item))
            versions.append((item.id, item.version, item.updated_at))
        cols = ", ".join(("id",) + _ITEM_COLUMNS)
        self.conn.executemany(f"INSERT INTO items ({cols}) VALUES "
                              f"({', '.join('?' * (len(_ITEM_COLUMNS) + 1))})", rows)
        self.conn.executemany("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                              "facets) VALUES (?, ?, ?, ?, ?, ?)", fts)
        self.conn.executemany("INSERT INTO item_versions(item_id, version, data, saved_at, "
                              "note) VALUES (?, ?, NULL, ?, 'imported')", versions)
        for item in items:
            if item.media:
                self._store_item_media(item)
        summary.imported += len(items)
        summary.item_ids.extend(item.id for item in items)

    def _savepoint(self):
        conn = self.conn

        class _SP:
            def __enter__(self_):
                conn.execute("SAVEPOINT unit")

            def __exit__(self_, exc_type, exc, tb):
                if exc_type:
                    conn.execute("ROLLBACK TO unit")
                conn.execute("RELEASE unit")
                return False
        return _SP()

    def _match(self, item: Item) -> Item | None:
        for col, value in (("uid", item.uid), ("idnumber", item.idnumber),
                           ("content_hash", item.content_hash())):
            if not value:
                continue
            row = self.conn.execute(f"SELECT {_ITEM_SELECT} FROM items WHERE {col} = ? AND "
                                    "deleted_at IS NULL LIMIT 1", (value,)).fetchone()
            if row:
                return self._row_to_item(row)
        return None

    @staticmethod
    def _adopt(item: Item, old: Item, fmt: str, forced_language: str | None = None,
               stated: frozenset | set = frozenset()) -> None:
        """Make a re-imported ``item`` the bank's ``old`` one: same uid, and, unless the
        format carries review status (``eduapp-json``), the status the bank gave it."""
        item.uid = old.uid
        if fmt != "eduapp-json":
            item.status = old.status
            keep_uncarried_fields(item, old)
            if not forced_language and item.uid not in stated:
                item.language = old.language  # detected only: the bank's may be a correction
        if fmt != "eduapp-json" or item.provenance.get("source") == "imported":
            item.provenance = old.provenance or item.provenance

    def _import_unit(self, unit, stamp: dict, summary: ImportSummary,
                     lang: tuple = (None, frozenset())) -> None:
        if isinstance(unit, ItemSet):
            if not self.conn.execute("SELECT 1 FROM item_sets WHERE uid = ?", (unit.uid,)).fetchone():
                existing = self._match(unit.items[0])
                if existing and existing.set_uid:
                    unit.uid = existing.set_uid
                    unit.attach()
            for item in unit.items:
                old = self._match(item)
                if old is not None:
                    self._adopt(item, old, stamp["format"], *lang)
            before = {r[0] for r in self.conn.execute("SELECT uid FROM items WHERE set_uid = ?",
                                                      (unit.uid,))}
            versions = {r[0]: r[1] for r in self.conn.execute(
                "SELECT uid, version FROM items WHERE set_uid = ?", (unit.uid,))}
            outcome = self._save_set(unit, "imported")
            for item in unit.items:
                if item.uid not in before:
                    summary.imported += 1
                elif versions.get(item.uid) != item.version or outcome == "updated":
                    summary.updated += 1
                else:
                    summary.skipped += 1
                summary.item_ids.append(item.id)
            return
        item = unit
        old = self._match(item)
        if old is None:
            self._insert_item(item, note="imported")
            summary.imported += 1
        else:
            self._adopt(item, old, stamp["format"], *lang)
            if self._update_item(item, old, "imported"):
                summary.updated += 1
            else:
                summary.skipped += 1
        summary.item_ids.append(item.id)

    def export_units(self, query: str = "", filters: ItemFilter | None = None,
                     ids: Sequence[int] | None = None) -> list[Item | ItemSet]:
        """The units to export: ``ids`` if given, else every item matching ``query`` and
        ``filters``, sets whole and in order of their lowest id."""
        if ids is None:
            ids = self.query_ids(query, filters)
            if not query:
                ids = sorted(ids)
        return self.units(ids)
