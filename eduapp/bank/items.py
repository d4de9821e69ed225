"""Items: saving (a new version when the content changes), reading by id, uid, content
hash or ID number, and setting the review status or recording a review.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn``, ``_lock`` and
``_before_risky``, and its version and media writes).
"""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Iterable, Sequence

from ..domain import STATUSES, Item, Media, content_changed
from ..errors import NotFoundError, ValidationError
from ..storage import transaction
from .rows import ITEM_COLUMNS, ITEM_SELECT, fts_row, item_from_row, item_row


class ItemsMixin:
    """Writing and reading items."""

    def _row_to_item(self, row: sqlite3.Row | tuple) -> Item:
        item = item_from_row(row)
        item.media = [Media(name=n, mime=m, sha256=s) for n, s, m in self.conn.execute(
            "SELECT name, sha256, mime FROM item_media WHERE item_id = ?", (item.id,))]
        return item

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
        cols = ", ".join(ITEM_COLUMNS)
        cur = self.conn.execute(
            f"INSERT INTO items ({cols}) VALUES ({', '.join('?' * len(ITEM_COLUMNS))})",
            item_row(item))
        item.id = cur.lastrowid
        self.conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                          "facets) VALUES (?, ?, ?, ?, ?, ?)", fts_row(item, set_vignette))
        self._store_version(item, note)
        if item.media:
            self._store_item_media(item)
        return item

    def _update_item(self, item: Item, old: Item, note: str) -> bool:
        """Write ``item`` over ``old`` (same id). Returns True when the content changed
        (and the version went up).

        Either way ``item`` becomes the stored row: its ``id``, ``created_at`` and
        ``version`` are the bank's afterwards (an unchanged re-import used to keep
        ``id=None``, so a set save trashed its members and indexed a row that is no item).
        """
        changed = content_changed(old, item)
        volatile = ("version", "created_at", "updated_at")
        item.id = old.id
        item.created_at = old.created_at
        a, b = item.to_dict(), old.to_dict()
        if not changed and all(a[k] == b[k] for k in a if k not in volatile):
            item.version, item.updated_at = old.version, old.updated_at
            return False
        item.version = old.version + 1 if changed else old.version
        item.updated_at = time.time()
        sets = ", ".join(f"{c} = ?" for c in ITEM_COLUMNS)
        self.conn.execute(f"UPDATE items SET {sets} WHERE id = ?",
                          item_row(item) + (item.id,))
        self.conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item.id,))
        self.conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                          "facets) VALUES (?, ?, ?, ?, ?, ?)",
                          fts_row(item, self._set_vignette(item.set_uid)))
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
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE id = ?",
                                    (item.id,)).fetchone()
            if row:
                return self._row_to_item(row)
        row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE uid = ?",
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
            raise ValidationError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
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
            raise NotFoundError(f"no item with id {', '.join(map(str, missing))}")

    def get_item(self, item_id: int) -> Item:
        """The item with this id.

        :raises NotFoundError: no such item, or it is in the trash.
        """
        with self._lock:
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE id = ? AND "
                                    "deleted_at IS NULL", (item_id,)).fetchone()
            if not row:
                raise NotFoundError(f"no item with id {item_id}")
            return self._row_to_item(row)

    def get_item_by_uid(self, uid: str) -> Item:
        """The item with this uid. :raises NotFoundError: no such item."""
        with self._lock:
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE uid = ? AND "
                                    "deleted_at IS NULL", (uid,)).fetchone()
            if not row:
                raise NotFoundError(f"no item with uid {uid}")
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
                f"SELECT {ITEM_SELECT} FROM items WHERE idnumber = ? AND deleted_at IS NULL "
                "ORDER BY id", (idnumber,))]

    def get_items(self, ids: Sequence[int]) -> list[Item]:
        """Items for ``ids`` in the order given; ids not in the bank are left out."""
        with self._lock:
            by_id = {}
            for chunk in range(0, len(ids), 500):
                part = list(ids[chunk:chunk + 500])
                for row in self.conn.execute(
                        f"SELECT {ITEM_SELECT} FROM items WHERE deleted_at IS NULL AND id IN "
                        f"({', '.join('?' * len(part))})", part):
                    item = self._row_to_item(row)
                    by_id[item.id] = item
            return [by_id[i] for i in ids if i in by_id]

    def ids_by_provenance(self, key: str, value) -> list[int]:
        """Ids of items whose ``provenance[key] == value`` (e.g. a ``generation_id``, so a
        retried generation is not stored twice)."""
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM items WHERE deleted_at IS NULL AND "
                "json_extract(provenance, '$.' || ?) = ?", (key, value))]
