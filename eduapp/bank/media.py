"""Media files (images ...) stored once by their SHA-256 and referred to by items and
documents.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn`` and ``_lock``).
"""

from __future__ import annotations

from typing import Iterable

from ..domain import Item, ItemSet, Media
from ..errors import NotFoundError, ValidationError


class MediaMixin:
    """Storing an item's media, reading media bytes back, and dropping unused ones."""

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

    def _drop_orphan_media(self) -> None:
        self.conn.execute("DELETE FROM media WHERE sha256 NOT IN (SELECT sha256 FROM "
                          "item_media) AND sha256 NOT IN (SELECT sha256 FROM document_media)")
