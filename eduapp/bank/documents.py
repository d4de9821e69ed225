"""Documents: lecture notes, case studies and virtual-patient case scripts, with their
own full-text index and media.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn`` and ``_lock``, and
its media writes).
"""

from __future__ import annotations

import json
import time

from ..domain import Document, Media
from ..errors import NotFoundError
from ..storage import transaction
from .rows import dumps
from .textindex import index_text, match_expression


class DocumentsMixin:
    """Saving, reading, searching and trashing documents."""

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
        """Store ``doc``; returns ``inserted``, ``updated`` or ``unchanged`` (a live document
        with the same uid and the same fields and media: nothing is written)."""
        t = time.time()
        row = self.conn.execute("SELECT id, created_at FROM documents WHERE uid = ? OR id = ?",
                                (doc.uid, doc.id)).fetchone()
        values = (doc.kind, doc.title, doc.body, doc.topic, doc.system, dumps(doc.tags),
                  doc.language, doc.status, dumps(doc.data), dumps(doc.provenance))
        if row and self._document_unchanged(row[0], values, doc):
            doc.id, doc.created_at = row
            return "unchanged"
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

    def _document_unchanged(self, doc_id: int, values: tuple, doc: Document) -> bool:
        """Whether the live document ``doc_id`` already holds ``values`` (the columns
        :meth:`_save_document` writes) and exactly ``doc``'s media."""
        old = self.conn.execute("SELECT kind, title, body, topic, system, tags, language, "
                                "status, data, provenance FROM documents WHERE id = ? AND "
                                "deleted_at IS NULL", (doc_id,)).fetchone()
        if old is None or tuple(old) != values:
            return False
        media = {(n, s, m) for n, s, m in self.conn.execute(
            "SELECT name, sha256, mime FROM document_media WHERE document_id = ?", (doc_id,))}
        return media == {(m.name, m.sha256, m.mime) for m in doc.media}

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
