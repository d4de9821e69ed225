"""The trash: deleting items (and their sets) undoably, restoring them, listing them, and
emptying the trash for good.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn`` and ``_lock``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Iterable

from ..storage import transaction


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


class TrashMixin:
    """Items in and out of the trash."""

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
