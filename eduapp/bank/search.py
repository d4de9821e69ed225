"""Finding items: the filters of a listing, full-text search ranked by bm25, the light
rows of the item table and the values of the filter menus.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn``, ``_lock`` and
``path``).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from typing import Sequence

from ..domain import Item
from ..errors import ValidationError
from . import migrations
from .migrations import ITEM_FTS_WEIGHTS
from .textindex import match_expression

#: Columns the item table view shows, in order.
TABLE_COLUMNS = ("id", "type", "stem", "topic", "system", "exam_type", "language", "status",
                 "version", "updated_at", "set_uid")


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


class SearchMixin:
    """Ids, items and table rows matching a query and an :class:`ItemFilter`."""

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
