"""Rows of the ``items`` table and the :class:`~eduapp.domain.Item` they hold: the column
list, the JSON encoding of list and dict columns, and the full-text index row.

Plain functions over values (no connection): the bank's modules and the repair
(:mod:`eduapp.bank.repair`) share them. Any thread.
"""

from __future__ import annotations

import json
import sqlite3

from ..domain import Item, Option
from .textindex import item_fts_values

_ITEM_JSON = ("options", "tags", "refs", "hints", "provenance", "extra")
ITEM_COLUMNS = (
    "uid", "type", "stem", "vignette", "options", "explanation", "model_answer", "rubric",
    "tags", "topic", "system", "discipline", "category", "bloom", "difficulty", "exam_type",
    "language", "status", "refs", "hints", "provenance", "idnumber", "set_uid",
    "set_position", "twin_uid", "version", "marks", "extra", "content_hash", "created_at",
    "updated_at")
ITEM_SELECT = "id, " + ", ".join(ITEM_COLUMNS)


def dumps(value) -> str:
    """``value`` (a list or dict) as compact JSON; ``[]`` or ``{}`` when empty."""
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def item_from_row(row: sqlite3.Row | tuple) -> Item:
    """An :class:`Item` from a row of ``SELECT id, <ITEM_COLUMNS> FROM items`` (media
    not filled in).

    :raises ValueError: a JSON column that does not parse; :raises TypeError: a row of the
        wrong shape (both only for a damaged row).
    """
    values = dict(zip(("id",) + ITEM_COLUMNS, row))
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


def item_row(item: Item, content_hash: str | None = None) -> tuple:
    """The values of ``item`` in :data:`ITEM_COLUMNS` order (``id`` not included);
    ``content_hash`` when the caller computed it already."""
    return (item.uid, item.type, item.stem, item.vignette,
            dumps([o.to_dict() for o in item.options]), item.explanation,
            item.model_answer, item.rubric, dumps(item.tags), item.topic, item.system,
            item.discipline, item.category.strip("/"), item.bloom, item.difficulty,
            item.exam_type, item.language, item.status, dumps(item.references),
            dumps(item.hints), dumps(item.provenance), item.idnumber, item.set_uid,
            item.set_position, item.twin_uid, item.version, item.marks,
            dumps(item.extra), content_hash or item.content_hash(), item.created_at,
            item.updated_at)


def fts_row(item: Item, set_vignette: str = "") -> tuple:
    """The ``items_fts`` row of ``item``: ``(rowid, stem, options, explanation, tags,
    facets)`` (:func:`~.textindex.item_fts_values`; the stem column holds the title too);
    ``set_vignette`` is its set's shared text.

    :raises ValueError: the item has no bank id yet (a row indexed under a made-up rowid
        would be "indexed but gone" and block the id of the next new item).
    """
    if item.id is None:
        raise ValueError(f"item {item.uid} is indexed before it is stored (no id)")
    return (item.id,) + item_fts_values(item, set_vignette)
