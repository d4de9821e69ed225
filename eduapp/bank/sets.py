"""Item sets: a shared vignette (or option list) with its member items, stored and read
as one unit.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn`` and ``_lock``, and
its item writes).
"""

from __future__ import annotations

import json
import time
from typing import Sequence

from ..domain import Item, ItemSet, Option
from ..errors import NotFoundError
from ..storage import transaction
from .rows import ITEM_SELECT, dumps, fts_row


class SetsMixin:
    """Reading and saving item sets; the units (lone items or whole sets) of a list of
    item ids."""

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
            f"SELECT {ITEM_SELECT} FROM items WHERE set_uid = ? AND deleted_at IS NULL "
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
        values = (s.kind, s.title, s.vignette, dumps([o.to_dict() for o in s.options]),
                  s.exam_type, s.language, s.topic, s.system, dumps(s.tags),
                  dumps(s.provenance), dumps(s.extra))
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
                                  fts_row(member, s.vignette))
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
        whole set for a set member (each set once, members in set order). A member whose
        set is missing (a damaged bank) is a lone item: every item of ``ids`` is in the
        result exactly once."""
        with self._lock:
            out: list[Item | ItemSet] = []
            seen_sets: set[str] = set()
            missing_sets: set[str] = set()
            for item in self.get_items(ids):
                if item.set_uid and item.set_uid not in missing_sets:
                    if item.set_uid not in seen_sets:
                        seen_sets.add(item.set_uid)
                        try:
                            out.append(self.get_set(item.set_uid))
                        except NotFoundError:
                            missing_sets.add(item.set_uid)
                            out.append(item)
                else:
                    out.append(item)
            return out
