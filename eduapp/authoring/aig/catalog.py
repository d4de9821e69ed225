"""Where item models and knowledge tables come from: the models shipped in
``question_banks/item_models/``, the tables marked in the starter lecture notes
(``question_banks/notes_*.json``), the notes in the bank, and files the teacher names.

Reads files and the bank; any thread (the bank read holds the bank's lock).
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...domain import Document
from ...errors import NotFoundError, ValidationError, os_reason
from ...resources import QUESTION_BANKS
from .generator import count_combinations
from .model import MODEL_FORMAT, ItemModel, read_json
from .tables import (TABLE_FORMAT, KnowledgeTable, count_table_items, mark_table,
                     parse_markdown_tables, propose_tables, tables_of_document)

if TYPE_CHECKING:
    from ...bank import Bank

__all__ = ["AigSource", "MODELS_DIR", "shipped_sources", "catalog", "resolve", "load_file",
           "user_models_dir", "user_sources", "save_user_model", "proposed_tables",
           "save_table_mark"]

MODELS_DIR = os.path.join(QUESTION_BANKS, "item_models")


@dataclass
class AigSource:
    """An item model or a knowledge table, ready to generate from.

    :ivar kind: ``item-model`` or ``table``.
    :ivar origin: the file path, or ``document:<uid>`` for a table in a note.
    """

    id: str
    title: str
    language: str
    kind: str
    model: ItemModel | KnowledgeTable
    origin: str = ""

    def combinations(self) -> int:
        """Valid combinations (item model) or questions (table) it can make."""
        if isinstance(self.model, ItemModel):
            return count_combinations(self.model)
        return count_table_items(self.model)

    def to_dict(self) -> dict:
        """``{"id", "title", "language", "kind", "combinations"}`` (``generate aig --list``)."""
        return {"id": self.id, "title": self.title, "language": self.language,
                "kind": self.kind, "combinations": self.combinations()}


def _source(model) -> AigSource:
    kind = "item-model" if isinstance(model, ItemModel) else "table"
    origin = getattr(model, "source", "") if kind == "table" else ""
    return AigSource(model.id, model.title, model.language, kind, model, origin)


def _notes_documents(path: str) -> list[Document]:
    raw = read_json(path, "notes file")
    return [Document.from_dict(d) for d in (raw.get("documents") or [])
            if isinstance(d, dict)]


@lru_cache(maxsize=4)
def _shipped(stamp: tuple) -> tuple[AigSource, ...]:
    out: list[AigSource] = []
    for path in sorted(glob.glob(os.path.join(MODELS_DIR, "*.json"))):
        src = _source(ItemModel.load(path))
        src.origin = path
        out.append(src)
    for path in sorted(glob.glob(os.path.join(QUESTION_BANKS, "notes_*.json"))):
        for doc in _notes_documents(path):
            out.extend(_source(t) for t in tables_of_document(doc))
    return tuple(out)


def _stamp() -> tuple:
    paths = glob.glob(os.path.join(MODELS_DIR, "*.json")) + glob.glob(
        os.path.join(QUESTION_BANKS, "notes_*.json"))
    return tuple(sorted((p, os.path.getmtime(p)) for p in paths))


def shipped_sources() -> list[AigSource]:
    """The item models and marked knowledge tables that ship with EduApp, models first.

    :raises ValidationError: a shipped file is broken (a packaging fault).
    """
    return list(_shipped(_stamp()))


def user_models_dir(data_dir: str) -> str:
    """The folder of the teacher's own item models (``<data dir>/item_models``)."""
    return os.path.join(data_dir, "item_models")


def user_sources(data_dir: str) -> list[AigSource]:
    """The teacher's saved item models and tables; a file that no longer loads is skipped
    (it can still be opened with ``--file`` to see why)."""
    out = []
    for path in sorted(glob.glob(os.path.join(user_models_dir(data_dir), "*.json"))):
        try:
            out.extend(load_file(path))
        except ValidationError:
            continue
    return out


def save_user_model(data_dir: str, model) -> str:
    """Save an item model or knowledge table in the teacher's folder as ``<id>.json``
    (replacing an earlier save). :returns: the path. :raises ValidationError: invalid
    model or unwritable folder."""
    from .model import write_json
    model.validate()
    folder = user_models_dir(data_dir)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{model.id}.json")
    write_json(path, model.to_dict())
    return path


def catalog(bank: Bank=None, data_dir: str | None = None) -> list[AigSource]:
    """The teacher's own models (``data_dir``), the shipped sources (a shipped model the
    teacher saved a copy of is listed once, as the teacher's), and the knowledge tables
    marked in the bank's documents (a note imported from the starter files is listed once).

    :param bank: a :class:`~eduapp.bank.Bank`, or ``None``.
    :param data_dir: the data folder, or ``None``.
    """
    mine = user_sources(data_dir) if data_dir else []
    seen = {s.id for s in mine}
    out = mine + [s for s in shipped_sources() if s.id not in seen]
    if bank is None:
        return out
    seen = {s.id for s in out}
    for doc in bank.documents(limit=100000):
        if not (doc.data or {}).get("knowledge_tables"):
            continue
        try:
            tables = tables_of_document(doc)
        except ValidationError:
            continue  # a note edited after its tables were marked: shown in the editor
        for t in tables:
            if t.id not in seen:
                seen.add(t.id)
                out.append(_source(t))
    return out


def proposed_tables(bank: Bank) -> list[KnowledgeTable]:
    """Tables of the bank's documents that could become knowledge tables and are not
    marked yet (see :func:`~.tables.propose_tables`), notes first."""
    out = []
    for doc in sorted(bank.documents(limit=100000), key=lambda d: (d.kind != "notes", d.id)):
        marked = {m.get("table") for m in (doc.data or {}).get("knowledge_tables") or []}
        out += [t for t in propose_tables(doc) if t.table_index not in marked]
    return out


def save_table_mark(bank: Bank, table: KnowledgeTable):
    """Mark ``table`` (its ``source`` is ``document:<uid>``) in its document in the bank.

    :returns: the saved :class:`~eduapp.domain.Document`.
    :raises NotFoundError: the document is not in the bank (any more).
    :raises ValidationError: the table is invalid.
    """
    uid = table.source.split(":", 1)[1] if table.source.startswith("document:") else ""
    for doc in bank.documents(limit=100000):
        if doc.uid == uid:
            full = bank.get_document(doc.id)
            return bank.save_document(mark_table(full, table))
    raise NotFoundError(code="aig.note-missing", values={"title": table.title})


def load_file(path: str) -> list[AigSource]:
    """Sources in a file the teacher names: an item-model JSON, a knowledge-table JSON,
    or a Markdown file (every table that qualifies, proposed with first column -> each
    other column; see :func:`~.tables.propose_tables`).

    :raises ValidationError: unreadable, not one of these formats, or invalid.
    """
    if path.lower().endswith((".md", ".markdown", ".txt")):
        from ...errors import ImportFileError
        from ...textfiles import read_text
        try:
            body = read_text(path, what="knowledge table")
        except ImportFileError as e:
            raise ValidationError(str(e)) from None
        if not parse_markdown_tables(body):
            raise ValidationError(code="aig.no-md-table", values={"path": path})
        base = os.path.splitext(os.path.basename(path))[0]
        zh = sum(1 for c in body if "\u4e00" <= c <= "\u9fff") > len(body) * 0.1
        doc = Document(kind="notes", title=base, body=body, language="zh" if zh else "en",
                       uid=base)
        tables = propose_tables(doc)
        if not tables:
            raise ValidationError(code="aig.md-table-small", values={"path": path})
        for t in tables:
            t.source = path
        return [_source(t) for t in tables]
    raw = read_json(path, "item model")
    fmt = raw.get("format", MODEL_FORMAT) if isinstance(raw, dict) else None
    try:
        if fmt == MODEL_FORMAT:
            src = _source(ItemModel.from_dict(raw))
        elif fmt == TABLE_FORMAT:
            table = KnowledgeTable.from_dict(raw, source=path)
            src = _source(table)
        else:
            raise ValidationError(code="aig.unknown-format", values={"format": fmt})
    except ValidationError as e:
        raise ValidationError(code="aig.in-file", values={"path": path, "detail": e}) from None
    src.origin = path
    return [src]


def resolve(name: str, bank: Bank=None, data_dir: str | None = None) -> AigSource:
    """The source with id ``name`` in :func:`catalog`, else a file at path ``name``.

    :raises NotFoundError: neither an id nor a readable file.
    """
    for s in catalog(bank, data_dir):
        if s.id == name:
            return s
    if os.path.isfile(name):
        found = load_file(name)
        if len(found) == 1:
            return found[0]
        raise ValidationError(code="aig.many-tables", values={"name": name, "n": len(found)})
    ids = ", ".join(s.id for s in catalog(bank, data_dir))
    raise NotFoundError(code="aig.not-found", values={"name": name, "ids": ids})


def dumps_model(model) -> str:
    """The JSON text of an item model or knowledge table (for export)."""
    return json.dumps(model.to_dict(), ensure_ascii=False, indent=1)
