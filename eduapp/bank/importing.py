"""Storing what a parser read from one file, in one transaction, and choosing the units an
export writes.

An incoming item that is already in the bank (same uid, else ID number, else content)
updates it; a format that cannot carry a field never blanks it
(:func:`keep_uncarried_fields`). New lone items take a bulk fast path.

A part of :class:`~eduapp.bank.Bank` (it uses the bank's ``conn``, ``_lock`` and
``read_only``, and its item, set, media and document writes).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from typing import Sequence

from ..domain import Item, ItemSet, Option, collector_paused, new_uid
from ..errors import BankReadOnlyError, ImportFileError, ValidationError
from ..htmltext import html_to_text
from ..storage import transaction
from .rows import ITEM_COLUMNS, ITEM_SELECT, fts_row, item_row
from .search import ItemFilter

#: SQLite page cache during an import, in KiB (64 MiB: the item indexes of a 100,000-item
#: import stay in memory; the default 2 MiB made each index insert a page read).
_IMPORT_CACHE_KIB = 65536


@dataclass
class ImportSummary:
    """What an import did, in the DESIGN.md shape.

    :ivar imported: new items stored. :ivar updated: existing items that got a new version.
    :ivar skipped: items already in the bank unchanged.
    :ivar errors: ``{file, line, item, message}`` for each rejected entry.
    :ivar warnings: ``{file, line, item, message}`` for each entry imported with a change
        the user should know of (approximated type, content moved or left out).
    """

    imported: int = 0
    updated: int = 0
    skipped: int = 0
    documents: int = 0
    errors: list[dict] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    documents_updated: int = 0
    documents_skipped: int = 0

    def to_dict(self) -> dict:
        """``{"imported", "updated", "skipped", "documents", "documents_updated",
        "documents_skipped", "errors", "warnings"}``: ``documents`` counts new documents,
        ``documents_updated`` changed ones, ``documents_skipped`` those already in the bank
        unchanged (the item counts work the same way)."""
        return {"imported": self.imported, "updated": self.updated, "skipped": self.skipped,
                "documents": self.documents, "documents_updated": self.documents_updated,
                "documents_skipped": self.documents_skipped, "errors": self.errors,
                "warnings": self.warnings}

    def add(self, other: "ImportSummary") -> None:
        """Add ``other``'s counts and errors to this summary."""
        self.imported += other.imported
        self.updated += other.updated
        self.skipped += other.skipped
        self.documents += other.documents
        self.documents_updated += other.documents_updated
        self.documents_skipped += other.documents_skipped
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.item_ids.extend(other.item_ids)


def _same_text(a: str, b: str) -> bool:
    """Equal once HTML is reduced to text and whitespace normalised."""
    return " ".join(html_to_text(a or "").split()) == " ".join(html_to_text(b or "").split())


#: Item fields a re-import from a format without them must not blank (the format cannot
#: carry them: Moodle XML has no model answer or Bloom level, Aiken has only stem and
#: options, QTI has no tags or category ...).
_KEEP_WHEN_EMPTY = ("explanation", "model_answer", "rubric", "topic", "system", "discipline",
                    "category", "bloom", "exam_type", "idnumber", "twin_uid")
_KEEP_LISTS = ("tags", "references", "hints", "media")


def keep_uncarried_fields(item: Item, old: Item, set_vignette: str = "") -> None:
    """Fill what a re-imported ``item`` lacks from the bank's ``old`` version of it, in
    place, so that an update from a format that cannot carry a field never blanks it.

    * empty text fields (:data:`_KEEP_WHEN_EMPTY`), empty lists (tags, references, hints,
      media) and an unset difficulty take the old value;
    * a stem that is the old vignette and stem run together (formats without a vignette
      write the full stem) becomes the old vignette and stem again;
    * options whose texts match the old ones keep the old per-option explanation,
      fraction, tolerance and ``fixed`` flag where the new option has none;
    * ``extra`` is the old one updated with the new keys; ``marks`` and ``language`` stay
      the bank's when the new ones are the defaults.

    * an ID number that is the old item's uid (written by the export as the id of an item
      without one) is no ID number;
    * a lone item where the bank's is a set member keeps the set membership (``set_uid``,
      ``set_position``: no format but eduapp-json and Anki carry sets), and a stem that is
      the set's shared ``set_vignette`` and the old stem run together becomes the old stem;
    * a true/false item keeps its option texts (``正确``/``错误``) when the format wrote
      only TRUE/FALSE; a title or QTI shuffle flag the export made up is dropped
      (:func:`_drop_derived_extra`);
    * a type the format cannot carry stays the bank's: a true/false item written as a
      two-option single best answer (Aiken), a short-answer item with only a model answer
      written as an essay (Moodle XML, GIFT, QTI need an accepted answer for a short item).

    An unchanged item thus compares equal to ``old`` and gets no new version.

    :param set_vignette: the shared vignette of the bank item's set (``""`` for none).
    """
    if item.idnumber and item.idnumber == old.uid and not old.idnumber:
        item.idnumber = ""  # the export wrote the uid as the id of an item without one
    if item.set_uid is None and old.set_uid:
        item.set_uid, item.set_position = old.set_uid, old.set_position
    if old.set_uid and set_vignette and not old.vignette:  # the export prepended it
        if _same_text(item.vignette, set_vignette):
            item.vignette = ""
        elif not item.vignette and _same_text(item.stem, f"{set_vignette}\n\n{old.stem}"):
            item.stem = old.stem
    if item.type == "tf" == old.type and len(item.options) == len(old.options) == 2 and \
            [o.correct for o in item.options] == [o.correct for o in old.options]:
        for a, b in zip(item.options, old.options):  # the format wrote only TRUE/FALSE
            a.text = b.text
    _drop_derived_extra(item, old, set_vignette)
    if item.type == "sba" and old.type == "tf" and len(item.options) == 2 and \
            [o.correct for o in item.options] == [o.correct for o in old.options]:
        item.type = "tf"
    elif item.type == "essay" and old.type == "short" and not old.options:
        item.type = "short"
    if old.vignette and not item.vignette and _same_text(item.stem, old.full_stem):
        item.stem, item.vignette = old.stem, old.vignette
    elif _same_text(item.stem, old.stem) and item.stem != old.stem and \
            item.extra.get("text_format") != old.extra.get("text_format"):
        item.stem = old.stem  # same text, other markup (HTML written for Moodle/QTI)
    for name in _KEEP_WHEN_EMPTY:
        if not (getattr(item, name) or "").strip() and (getattr(old, name) or ""):
            setattr(item, name, getattr(old, name))
    if item.explanation != old.explanation and _same_text(item.explanation, old.explanation):
        item.explanation = old.explanation
    for name in _KEEP_LISTS:
        if not getattr(item, name) and getattr(old, name):
            setattr(item, name, list(getattr(old, name)))
    if item.difficulty is None:
        item.difficulty = old.difficulty
    if item.marks == 1.0 and old.marks != 1.0:
        item.marks = old.marks
    if len(item.options) == len(old.options) and all(
            _same_text(a.text, b.text) and (a.match or "") == (b.match or "")
            for a, b in zip(item.options, old.options)):
        for a, b in zip(item.options, old.options):
            if a.text != b.text:
                a.text = b.text
            if not a.explanation and b.explanation:
                a.explanation = b.explanation
            elif a.explanation != b.explanation and _same_text(a.explanation, b.explanation):
                a.explanation = b.explanation
            if a.fraction is None and b.fraction is not None and a.correct == b.correct:
                a.fraction = b.fraction
            if a.tolerance in (None, 0.0) and b.tolerance:
                a.tolerance = b.tolerance
            if not a.fixed and b.fixed:
                a.fixed = True
    elif not item.options and old.options:
        item.options = [Option.from_dict(o.to_dict()) for o in old.options]
    item.extra = {**old.extra, **item.extra}


def _derived_shuffle(old: Item) -> str:
    """The ``shuffle`` EduApp's QTI writer gives an item without a QTI one
    (``interop.qti.item_writer._shuffle``): Moodle's ``shuffleanswers``, else ``false``
    for true/false and ``true`` for other items."""
    moodle = str((old.extra.get("moodle") or {}).get("shuffleanswers", "")).strip().lower()
    if moodle in ("1", "true", "0", "false"):
        return "true" if moodle in ("1", "true") else "false"
    return "false" if old.type == "tf" else "true"


def _drop_derived_extra(item: Item, old: Item, set_vignette: str = "") -> None:
    """Leave out of a re-imported ``item`` the format data an export made up from the item
    itself, which the bank's ``old`` does not hold: a title that is only the first words
    of the stem (Moodle's ``<name>``, QTI's ``title``; for a case-set member, of the shared
    vignette) and QTI's ``shuffle`` where it is what the writer derives
    (:func:`_derived_shuffle`). Such a re-import is then ``skipped``, not ``updated``."""
    from .textkey import plain_words
    title = item.extra.get("title")
    if title and not old.extra.get("title") and any(
            plain_words(text).startswith(plain_words(title))
            for text in (old.full_stem, f"{set_vignette}\n\n{old.full_stem}")):
        del item.extra["title"]
    qti = item.extra.get("qti")
    if isinstance(qti, dict) and qti.get("shuffle") == _derived_shuffle(old) and \
            "shuffle" not in (old.extra.get("qti") or {}):
        qti = {k: v for k, v in qti.items() if k != "shuffle"}
        if qti:
            item.extra["qti"] = qti
        else:
            del item.extra["qti"]


class ImportMixin:
    """Imports of parsed files and the units of an export."""

    #: during an import: the words index of the bank (:meth:`_loose_index`) and the
    #: incoming items (by ``id()``) it matched
    _loose: dict | None = None
    _loose_hits: set = frozenset()

    def import_result(self, result, *, strict: bool = False) -> ImportSummary:
        """Store what a parser read from one file, in one transaction.

        Identity: an item whose ``uid`` is in the bank, else whose non-empty ``idnumber`` is,
        else whose content hash is, is that item: unchanged -> skipped, changed -> updated
        with a new version. Anything else is imported. Items without provenance get
        ``{"source": "imported", "file", "format", "at"}``.

        :param result: an :class:`eduapp.interop.ParseResult`.
        :param strict: reject the whole file when the parser reported any error.
        :returns: counts and the parser's errors in the DESIGN.md shape.
        :raises ImportFileError: ``strict`` and the file had errors (nothing stored).
        """
        with collector_paused():
            return self._import_result(result, strict)

    def _import_result(self, result, strict: bool) -> ImportSummary:
        summary = ImportSummary(errors=[e.to_dict() for e in result.errors],
                                warnings=[w.to_dict() for w in getattr(result, "warnings", [])])
        if strict and result.errors:
            first = result.errors[0]
            raise ImportFileError(file=first.file, line=first.line, item=first.item,
                                  code="import.strict", values={"detail": first})
        stamp = {"source": "imported", "file": os.path.basename(result.file or ""),
                 "format": result.format, "at": time.time()}
        units = []
        for n, unit in enumerate(result.units, start=1):
            try:
                for item in unit.items if isinstance(unit, ItemSet) else [unit]:
                    item.validate()
                    if not item.provenance:
                        item.provenance = dict(stamp)
                if isinstance(unit, ItemSet):
                    unit.validate()
            except ValidationError as e:
                entry, line = result.entry_of(unit) if hasattr(result, "entry_of") else (n, None)
                if strict:
                    raise ImportFileError(file=result.file, line=line, item=entry, code="import.strict",
                                          values={"detail": e}) from None
                summary.errors.append(ImportFileError(file=result.file, line=line, item=entry,
                                                      code=e.code, values=e.values,
                                                      message=None if e.code else str(e)
                                                      ).to_dict())
                continue
            units.append(unit)
        if self.read_only:
            raise BankReadOnlyError(code="import.read-only")
        self._loose = None  # built on first need (a re-import of a lossy format)
        self._loose_hits: set[int] = set()
        self._detach_orphans(units, result.file, summary)
        if units or result.documents:
            self._before_risky("import")
        lang = (getattr(result, "language_forced", None),
                getattr(result, "stated_language", frozenset()))
        with self._lock, self._large_cache(), transaction(self.conn):
            for media in result.media.values():
                if media.data is not None:
                    self._put_media(media)
            fresh, known = self._split_fresh(units)
            self._bulk_insert(fresh, summary)
            for unit in known:
                with self._savepoint():
                    self._import_unit(unit, stamp, summary, lang)
            for doc in result.documents:
                outcome = self._save_document(doc)
                if outcome == "inserted":
                    summary.documents += 1
                elif outcome == "updated":
                    summary.documents_updated += 1
                else:
                    summary.documents_skipped += 1
        return summary

    def _detach_orphans(self, units, file: str, summary: ImportSummary) -> None:
        """Lone items of ``units`` that name an item set (``set_uid``) which neither the
        file carries nor the bank holds become standalone items (a CSV row or an Anki note
        of a set member, written with the set's shared vignette in its own), and the
        summary says so: the bank never holds an item pointing at a missing set."""
        in_file = {u.uid for u in units if isinstance(u, ItemSet)}
        named = {u.set_uid for u in units
                 if isinstance(u, Item) and u.set_uid and u.set_uid not in in_file}
        if not named:
            return
        held = {r[0] for r in self.conn.execute(
            "SELECT uid FROM item_sets WHERE deleted_at IS NULL AND uid IN "
            "(SELECT value FROM json_each(?))", (json.dumps(sorted(named)),))}
        missing = named - held
        orphans = [u for u in units if isinstance(u, Item) and u.set_uid in missing]
        for item in orphans:
            item.set_uid, item.set_position = None, 0
        if orphans:
            summary.warnings.append(ImportFileError(
                f"{len(orphans)} item(s) belong to {len(missing)} item set(s) the file does "
                f"not carry ({', '.join(sorted(missing)[:3])}"
                f"{', ...' if len(missing) > 3 else ''}): imported as standalone questions",
                file=file).to_dict())

    def _loose_index(self) -> dict:
        """:func:`~.textkey.loose_key` -> bank item id for every live item (a case-set
        member also under its set's shared vignette and its stem run together, as the
        exports write it); built once per import, on the first item no id matches."""
        if self._loose is None:
            from .textkey import loose_key
            index: dict = {}
            vignettes = dict(self.conn.execute(
                "SELECT uid, vignette FROM item_sets WHERE deleted_at IS NULL AND "
                "kind = 'case'").fetchall())
            for item_id, stem, vignette, options, set_uid in self.conn.execute(
                    "SELECT id, stem, vignette, options, set_uid FROM items WHERE "
                    "deleted_at IS NULL ORDER BY id"):
                opts = [Option.from_dict(o) for o in json.loads(options or "[]")]
                full = f"{vignette}\n\n{stem}" if vignette else stem
                index.setdefault(loose_key(full, opts), item_id)
                if vignettes.get(set_uid) and not vignette:
                    index.setdefault(loose_key(f"{vignettes[set_uid]}\n\n{stem}", opts),
                                     item_id)
            self._loose = index
        return self._loose

    def _loose_match(self, item: Item) -> int | None:
        """The id of the live bank item that says what ``item`` says in other markup (same
        words in stem and options: :func:`~.textkey.loose_key`), else ``None``."""
        from .textkey import loose_key
        if not self.conn.execute("SELECT 1 FROM items WHERE deleted_at IS NULL LIMIT 1"
                                 ).fetchone():
            return None
        return self._loose_index().get(loose_key(item.full_stem, item.options))

    def same_words_ids(self, items: Sequence[Item]) -> list[int | None]:
        """For each of ``items``, the id of the live bank item with the same words in stem
        and options (:func:`~.textkey.loose_key`: what an import finds when no id
        matches), or ``None``. Any thread.

        :returns: one entry per item, in order.
        """
        with self._lock:
            self._loose = None
            try:
                return [self._loose_match(item) for item in items]
            finally:
                self._loose = None

    @contextlib.contextmanager
    def _large_cache(self):
        """A page cache of :data:`_IMPORT_CACHE_KIB` for the duration (then the usual size,
        and the memory handed back)."""
        usual = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(usual)}")
            self.conn.execute("PRAGMA shrink_memory")

    def _split_fresh(self, units) -> tuple[list[tuple[Item, str]], list]:
        """Lone items (with their content hash) that match nothing in the bank (nor an
        earlier one in the file), and
        everything else (sets, possible matches), for the slow, matching path. Items whose
        uid is only in the trash get a new uid."""
        keys = {"uid": set(), "idnumber": set(), "content_hash": set()}
        hashes: dict[int, str] = {}
        for unit in units:
            for item in unit.items if isinstance(unit, ItemSet) else [unit]:
                keys["uid"].add(item.uid)
                if item.idnumber:  # an export writes the uid as the id of an item without one
                    keys["idnumber"].add(item.idnumber)
                    keys["uid"].add(item.idnumber)
                hashes[id(item)] = item.content_hash()
                keys["content_hash"].add(hashes[id(item)])
        live: dict[str, set] = {}
        for col, values in keys.items():
            rows = self.conn.execute(
                f"SELECT {col}, deleted_at IS NULL FROM items WHERE {col} IN "
                f"(SELECT value FROM json_each(?))", (json.dumps(list(values)),)).fetchall()
            live[col] = {v for v, alive in rows if alive}
            if col == "uid":
                trashed = {v for v, alive in rows if not alive}
        fresh: list[Item] = []
        known: list = []
        seen = {"uid": set(), "idnumber": set(), "content_hash": set()}
        for unit in units:
            if isinstance(unit, ItemSet):
                known.append(unit)
                continue
            h = hashes[id(unit)]
            ident = {"uid": unit.uid, "idnumber": unit.idnumber, "content_hash": h}
            if any(v and (v in live[c] or v in seen[c]) for c, v in ident.items()) or \
                    (unit.idnumber and unit.idnumber in live["uid"]) or \
                    self._loose_match(unit) is not None:
                known.append(unit)
                continue
            if unit.uid in trashed:
                unit.uid = new_uid()
            for c, v in ident.items():
                if v:
                    seen[c].add(v)
            fresh.append((unit, h))
        return fresh, known

    def _bulk_insert(self, fresh: list[tuple[Item, str]], summary: ImportSummary) -> None:
        """Insert new lone items with a few ``executemany`` calls (the import fast path)."""
        if not fresh:
            return
        items = [item for item, _h in fresh]
        next_id = (self.conn.execute("SELECT MAX(id) FROM items").fetchone()[0] or 0) + 1
        t = time.time()
        rows, fts, versions = [], [], []
        for n, (item, content_hash) in enumerate(fresh):
            item.id = next_id + n
            item.created_at = item.created_at or t
            item.updated_at = item.updated_at or t
            rows.append((item.id,) + item_row(item, content_hash))
            fts.append(fts_row(item))
            versions.append((item.id, item.version, item.updated_at))
        cols = ", ".join(("id",) + ITEM_COLUMNS)
        self.conn.executemany(f"INSERT INTO items ({cols}) VALUES "
                              f"({', '.join('?' * (len(ITEM_COLUMNS) + 1))})", rows)
        self.conn.executemany("INSERT INTO items_fts(rowid, stem, options, explanation, tags, "
                              "facets) VALUES (?, ?, ?, ?, ?, ?)", fts)
        self.conn.executemany("INSERT INTO item_versions(item_id, version, data, saved_at, "
                              "note) VALUES (?, ?, NULL, ?, 'imported')", versions)
        for item in items:
            if item.media:
                self._store_item_media(item)
        summary.imported += len(items)
        summary.item_ids.extend(item.id for item in items)

    def _savepoint(self):
        conn = self.conn

        class _SP:
            def __enter__(self_):
                conn.execute("SAVEPOINT unit")

            def __exit__(self_, exc_type, exc, tb):
                if exc_type:
                    conn.execute("ROLLBACK TO unit")
                conn.execute("RELEASE unit")
                return False
        return _SP()

    def _match(self, item: Item, loose: bool = False) -> Item | None:
        """The live bank item that ``item`` is: same uid, else ID number, else content
        hash; with ``loose``, else the same words (:meth:`_loose_match`, lone items only)."""
        for col, value in (("uid", item.uid), ("idnumber", item.idnumber),
                           ("uid", item.idnumber), ("content_hash", item.content_hash())):
            if not value:
                continue
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE {col} = ? AND "
                                    "deleted_at IS NULL LIMIT 1", (value,)).fetchone()
            if row:
                return self._row_to_item(row)
        item_id = self._loose_match(item) if loose else None
        if item_id is not None:
            self._loose_hits.add(id(item))
            row = self.conn.execute(f"SELECT {ITEM_SELECT} FROM items WHERE id = ?",
                                    (item_id,)).fetchone()
            return self._row_to_item(row)
        return None

    def _adopt(self, item: Item, old: Item, fmt: str, forced_language: str | None = None,
               stated: frozenset | set = frozenset()) -> None:
        """Make a re-imported ``item`` the bank's ``old`` one: same uid, and, unless the
        format carries review status (``eduapp-json``), the status the bank gave it and
        every field the format cannot carry (:func:`keep_uncarried_fields`). An item found
        by its words alone (:meth:`_loose_match`) keeps the bank's texts: the file holds
        the same words with less markup."""
        item.uid = old.uid
        if id(item) in self._loose_hits:
            item.stem, item.vignette = old.stem, old.vignette
            if len(item.options) == len(old.options):
                for a, b in zip(item.options, old.options):
                    a.text = b.text
        if fmt != "eduapp-json":
            item.status = old.status
            keep_uncarried_fields(item, old, self._set_vignette(old.set_uid))
            if not forced_language and item.uid not in stated:
                item.language = old.language  # detected only: the bank's may be a correction
        if fmt != "eduapp-json" or item.provenance.get("source") == "imported":
            item.provenance = old.provenance or item.provenance

    def _import_unit(self, unit, stamp: dict, summary: ImportSummary,
                     lang: tuple = (None, frozenset())) -> None:
        if isinstance(unit, ItemSet):
            if not self.conn.execute("SELECT 1 FROM item_sets WHERE uid = ?", (unit.uid,)).fetchone():
                existing = self._match(unit.items[0])
                if existing and existing.set_uid:
                    unit.uid = existing.set_uid
                    unit.attach()
            for item in unit.items:
                old = self._match(item)
                if old is not None:
                    self._adopt(item, old, stamp["format"], *lang)
            before = {r[0] for r in self.conn.execute("SELECT uid FROM items WHERE set_uid = ?",
                                                      (unit.uid,))}
            versions = {r[0]: r[1] for r in self.conn.execute(
                "SELECT uid, version FROM items WHERE set_uid = ?", (unit.uid,))}
            outcome = self._save_set(unit, "imported")
            for item in unit.items:
                if item.uid not in before:
                    summary.imported += 1
                elif versions.get(item.uid) != item.version or outcome == "updated":
                    summary.updated += 1
                else:
                    summary.skipped += 1
                summary.item_ids.append(item.id)
            return
        item = unit
        old = self._match(item, loose=True)
        if old is None:
            self._insert_item(item, note="imported")
            summary.imported += 1
        else:
            self._adopt(item, old, stamp["format"], *lang)
            if self._update_item(item, old, "imported"):
                summary.updated += 1
            else:
                summary.skipped += 1
        summary.item_ids.append(item.id)

    def export_units(self, query: str = "", filters: ItemFilter | None = None,
                     ids: Sequence[int] | None = None) -> list[Item | ItemSet]:
        """The units to export: ``ids`` if given, else every item matching ``query`` and
        ``filters``, sets whole and in order of their lowest id."""
        if ids is None:
            ids = self.query_ids(query, filters)
            if not query:
                ids = sorted(ids)
        return self.units(ids)
