"""Read-only look-ups on the item bank that other packages need (practice sessions, the
progress page, item statistics): small queries by item uid, kept here so that the bank is
the only code that writes SQL against its tables (DESIGN.md). Mixed into
:class:`~eduapp.bank.Bank`; every method takes the bank's lock and may run on any thread.
"""

from __future__ import annotations

import json
from typing import Iterable, Sequence

#: Columns :meth:`BankLookups.live_values` may list.
VALUE_COLUMNS = ("topic", "system", "discipline", "bloom", "language", "exam_type")


class BankLookups:
    """Look-ups by uid and distinct values (a mixin of :class:`~eduapp.bank.Bank`, which
    provides ``read()``)."""

    def stems(self, uids: Iterable[str]) -> dict[str, str]:
        """``{uid: stem}`` for the given item uids (deleted items too: reports name them)."""
        uids = list(uids)
        if not uids:
            return {}
        with self.read() as conn:
            return dict(conn.execute(
                "SELECT uid, stem FROM items WHERE uid IN (SELECT value FROM json_each(?))",
                (json.dumps(uids),)).fetchall())

    def live_uids(self, uids: Iterable[str]) -> set[str]:
        """Which of ``uids`` are in the bank and not in the trash."""
        uids = list(uids)
        if not uids:
            return set()
        with self.read() as conn:
            return {r[0] for r in conn.execute(
                "SELECT uid FROM items WHERE deleted_at IS NULL AND uid IN (SELECT value "
                "FROM json_each(?))", (json.dumps(uids),))}

    def live_values(self, column: str) -> list[str]:
        """The distinct non-empty values of ``column`` (topic, system ...) that at least one
        live, non-retired item has, sorted.

        :raises ValueError: a column not in :data:`VALUE_COLUMNS`.
        """
        if column not in VALUE_COLUMNS:
            raise ValueError(f"cannot list values of {column!r}")
        with self.read() as conn:
            # distinct values come from the column's index; one live item proves each
            return [r[0] for r in conn.execute(
                f"SELECT v FROM (SELECT DISTINCT {column} AS v FROM items) WHERE v != '' AND "
                f"EXISTS (SELECT 1 FROM items i WHERE i.{column} = v AND i.deleted_at IS NULL "
                f"AND i.status != 'retired') ORDER BY v")]

    def unit_keys(self, where: str, params: Sequence) -> list[tuple[int, str, str | None]]:
        """``(id, uid, set_uid)`` of the live items matching an :class:`ItemFilter`'s
        ``where("items")`` conditions, in id order."""
        with self.read() as conn:
            return [tuple(r) for r in conn.execute(
                f"SELECT id, uid, set_uid FROM items WHERE {where} ORDER BY id", list(params))]

    def unit_keys_for_uids(self, uids: Iterable[str], statuses: Sequence[str] = ()
                           ) -> list[tuple[int, str, str | None]]:
        """``(id, uid, set_uid)`` of the live items among ``uids`` (any order).

        :param statuses: only items in one of these review statuses (empty: any)."""
        uids = list(uids)
        if not uids:
            return []
        status_sql, params = _status_condition(statuses)
        with self.read() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT id, uid, set_uid FROM items WHERE deleted_at IS NULL AND uid IN "
                f"(SELECT value FROM json_each(?)){status_sql}", [json.dumps(uids), *params])]

    def set_member_ids(self, set_uids: Iterable[str], statuses: Sequence[str] = ()
                       ) -> dict[str, list[int]]:
        """``{set_uid: [item ids in set order]}`` of the live members of the given sets.

        :param statuses: only members in one of these review statuses (empty: any)."""
        members: dict[str, list[int]] = {}
        set_uids = sorted(set(set_uids))
        if not set_uids:
            return members
        status_sql, params = _status_condition(statuses)
        with self.read() as conn:
            for set_uid, item_id in conn.execute(
                    "SELECT set_uid, id FROM items WHERE deleted_at IS NULL AND set_uid IN "
                    f"(SELECT value FROM json_each(?)){status_sql} ORDER BY set_position",
                    [json.dumps(set_uids), *params]):
                members.setdefault(set_uid, []).append(item_id)
        return members

    def value_counts(self, column: str, statuses: Sequence[str] = (),
                     languages: Sequence[str] = ()) -> dict[str, int]:
        """``{value: live items}`` of ``column`` (topic, system ...) over the live items in
        one of ``statuses`` and ``languages`` (empty: any), descriptions not counted;
        items without a value are counted under ``""``.

        :raises ValueError: a column not in :data:`VALUE_COLUMNS`.
        """
        if column not in VALUE_COLUMNS:
            raise ValueError(f"cannot count values of {column!r}")
        status_sql, params = _status_condition(statuses)
        lang_sql, lang_params = _status_condition(languages, "language")
        with self.read() as conn:
            return dict(conn.execute(
                f"SELECT {column}, COUNT(*) FROM items WHERE deleted_at IS NULL AND status != "
                f"'retired' AND type != 'description'{status_sql}{lang_sql} GROUP BY 1",
                [*params, *lang_params]).fetchall())


    def topic_systems(self, statuses: Sequence[str] = (),
                      languages: Sequence[str] = ()) -> dict[str, str]:
        """``{topic: system}`` over the live items in one of ``statuses`` and
        ``languages`` (empty: any), descriptions not counted: each topic's most common
        non-empty system (ties: the first by name). Topics without a system are left out."""
        status_sql, params = _status_condition(statuses)
        lang_sql, lang_params = _status_condition(languages, "language")
        with self.read() as conn:
            rows = conn.execute(
                "SELECT topic, system, COUNT(*) FROM items WHERE deleted_at IS NULL AND "
                "status != 'retired' AND type != 'description' AND topic != '' AND "
                f"system != ''{status_sql}{lang_sql} GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
                [*params, *lang_params]).fetchall()
        out: dict[str, str] = {}
        for topic, system, _n in rows:
            out.setdefault(topic, system)
        return out


def _status_condition(values: Sequence[str], column: str = "status") -> tuple[str, list]:
    """`` AND <column> IN (...)`` and its parameters, or nothing for no values."""
    if not values:
        return "", []
    return f" AND {column} IN ({', '.join('?' * len(values))})", list(values)
