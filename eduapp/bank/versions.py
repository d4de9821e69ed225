"""The history of items: each saved version, and an item as it was at one of them.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn`` and ``_lock``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..domain import Item
from ..errors import NotFoundError
from .rows import ITEM_SELECT, dumps


@dataclass
class ItemVersion:
    """One stored version of an item: its number, when it was saved (epoch seconds), a note
    and the item as it was."""

    version: int
    saved_at: float
    note: str
    item: Item


class VersionsMixin:
    """Versions of items: written with each change, read by the history and by exams
    (which keep the versions they used)."""

    def _store_version(self, item: Item, note: str, previous: Item | None = None) -> None:
        """Record ``item``'s version. The current version's row holds no copy (``data`` is
        NULL: the items row is it); when a content change supersedes it, the superseded
        version's row gets its snapshot."""
        if previous is not None and previous.version != item.version:
            self.conn.execute("UPDATE item_versions SET data = ? WHERE item_id = ? AND "
                              "version = ? AND data IS NULL",
                              (dumps(previous.to_dict(with_ids=True)), previous.id,
                               previous.version))
        self.conn.execute(
            "INSERT OR IGNORE INTO item_versions(item_id, version, data, saved_at, note) "
            "VALUES (?, ?, NULL, ?, ?)", (item.id, item.version, item.updated_at, note))

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
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE id = ?",
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
