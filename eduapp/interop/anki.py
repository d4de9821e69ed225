"""Anki decks (``apkg``): export a deck for practice in Anki; import Basic and Cloze notes.

An ``.apkg`` is a zip holding an SQLite collection and the media (Anki manual, "Shared
decks"; ``rslib/src/import_export/package`` in ankitects/anki):

* ``collection.anki2`` (legacy, schema 11: note types as JSON in ``col.models``) or
  ``collection.anki21`` (same schema) or ``collection.anki21b`` (Anki 2.1.50+, schema 18,
  the SQLite file compressed with zstd; note types in the ``notetypes``/``fields`` tables);
* ``media``: JSON ``{"0": "foo.png"}`` mapping zip members to file names (legacy), or a
  zstd-compressed protobuf ``MediaEntries`` (new packages; members then are zstd too).

Import: a note of EduApp's own note type carries the whole item as JSON (lossless round
trip); a Cloze note (``{{c1::answer::hint}}``) becomes a ``cloze`` item written in Moodle's
cloze syntax; any other note (Basic, custom types) becomes a ``short`` item: first field the
stem, second the model answer, further fields kept in ``extra["anki"]``. The note GUID is
the item's identity. A set member's note also carries its set's fields (``extra`` key
:data:`SET_KEY`), so the import rebuilds the set; a member of a set the deck does not carry
(a deck from an older EduApp) is imported by the bank as a standalone question with a note.
Reading ``collection.anki21b`` needs the ``zstandard`` package.

Export uses ``genanki``: one note per item with fields Question, Options, Answer,
Explanation and a hidden EduApp field (JSON), decks named after categories.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import tempfile
import warnings

from ..domain import Item, ItemSet, Option
from ..errors import ExportError, ImportFileError, Phrase, ValidationError, os_reason
from ..files import atomic_write
from . import archives, filereading, identity, mediafiles, richtext
from .base import ParseResult, units_items
from .cloze import parse_cloze

NAME = "apkg"
EXTENSIONS = (".apkg", ".colpkg")

#: Stable ids so that re-exports update the same note type and deck in Anki.
MODEL_ID = 1_607_392_319
DECK_ID_BASE = 2_059_400_110
EDUAPP_FIELD = "EduApp"


def detect(head: bytes, path: str) -> bool:
    """True for a zip named ``.apkg``/``.colpkg`` or a zip whose first member is an Anki
    collection."""
    if not head.startswith(b"PK"):
        return False
    return path.lower().endswith((".apkg", ".colpkg")) or b"collection.anki2" in head[:200]


# --- import --------------------------------------------------------------------------


def _zstd(data: bytes, path: str) -> bytes:
    try:
        import zstandard  # noqa: PLC0415 - optional dependency, only for new packages
    except ImportError:
        raise ImportFileError(file=path,
                              code="anki.needs-zstd",
                              values={"file": "collection.anki21b", "package": "zstandard",
                                      "command": "pip install zstandard",
                                      "option": "'Support older Anki versions'"}) from None
    try:
        return zstandard.ZstdDecompressor().decompress(
            data, max_output_size=archives.MAX_ZIP_MEMBER_BYTES)
    except zstandard.ZstdError as e:
        raise ImportFileError(file=path,
                              code="anki.compressed-unreadable",
                              values={"detail": str(e)}) from None


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        if i >= len(buf):
            raise ValueError("truncated varint")
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def _media_entries(buf: bytes) -> list[dict]:
    """Decode Anki's ``MediaEntries`` protobuf: ``repeated MediaEntry entries = 1`` with
    ``name = 1`` (string), ``size = 2``, ``sha1 = 3``, ``legacy_zip_filename = 255``."""
    out = []
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        if key >> 3 == 1 and key & 7 == 2:
            length, i = _varint(buf, i)
            sub, i = buf[i:i + length], i + length
            entry: dict = {}
            j = 0
            while j < len(sub):
                k, j = _varint(sub, j)
                field_no, wire = k >> 3, k & 7
                if wire == 2:
                    ln, j = _varint(sub, j)
                    value = sub[j:j + ln]
                    j += ln
                    if field_no == 1:
                        entry["name"] = value.decode("utf-8", errors="replace")
                elif wire == 0:
                    value, j = _varint(sub, j)
                    if field_no == 255:
                        entry["legacy"] = value
                else:
                    raise ValueError("unexpected protobuf wire type")
            out.append(entry)
        else:
            raise ValueError("unexpected protobuf field")
    return out


#: ``{{c1::answer}}`` or ``{{c1::answer::hint}}``; the answer may hold single colons and
#: the hint anything up to ``}}`` (Anki's rslib ``cloze.rs`` splits at the first ``::``).
_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def _cloze_to_moodle(text: str) -> tuple[str, list[str]]:
    """``{{c1::answer::hint}}`` -> ``{1:SHORTANSWER:=answer}`` (Moodle cloze syntax).

    :returns: ``(text, hints)``: the Moodle text and one hint per gap in order (``""``
        where the deletion has none); a hint is never part of the answer.
    """
    hints: list[str] = []

    def sub(m):
        answer = richtext.html_to_text(m.group(2))
        answer = re.sub(r"([~}#\\])", r"\\\1", answer)
        hints.append(richtext.html_to_text(m.group(3) or ""))
        return "{1:SHORTANSWER:=" + answer + "}"
    return _ANKI_CLOZE.sub(sub, text), hints


def _field_text(value: str) -> tuple[str, str | None]:
    value = re.sub(r"\[sound:([^\]]+)\]", r"[sound:\1]", value)
    return richtext.import_text(value, "html")


def _note_item(model: dict, fields: list[str], guid: str, tags: str, path: str) -> Item:
    names = model["fields"]
    by_name = dict(zip(names, fields))
    if EDUAPP_FIELD in by_name and by_name[EDUAPP_FIELD].strip():
        data = json.loads(html.unescape(by_name[EDUAPP_FIELD]))
        item = Item.from_dict(data)
        item.id = None
        item.provenance = {**item.provenance, "source": "imported", "file": path,
                           "format": NAME}
        return item
    first = fields[0] if fields else ""
    is_cloze = model.get("cloze") or re.search(r"\{\{c\d+::", first)
    extra_fields = {}
    if is_cloze:
        moodle_text, hints = _cloze_to_moodle(first)
        stem, fmt = _field_text(moodle_text)
        item = Item(type="cloze", stem=stem)
        subquestions = parse_cloze(stem)
        for sub, hint in zip(subquestions, hints):
            if hint:
                sub["hint"] = hint  # shown in the blank: ``______ [hint]``
        item.extra["cloze"] = {"subquestions": subquestions}
        if len(fields) > 1:
            item.explanation = _field_text(fields[1])[0]
        rest = list(zip(names, fields))[2:]
    else:
        stem, fmt = _field_text(first)
        back = _field_text(fields[1])[0] if len(fields) > 1 else ""
        # a card with nothing on its back is text to read, not a question
        item = Item(type="short" if back else "description", stem=stem, model_answer=back)
        if back and "\n" not in back and len(back) <= 200 and "<" not in back:
            item.options = [Option(text=back, correct=True)]
        rest = list(zip(names, fields))[2:]
    if fmt:
        item.extra["text_format"] = fmt
    for name, value in rest:
        if value.strip():
            extra_fields[name] = value
    item.extra["anki"] = {"note_type": model.get("name", "")}
    if extra_fields:
        item.extra["anki"]["fields"] = extra_fields
    item.tags = [t for t in tags.split() if t]
    identity.set_identity(item, guid)
    item.provenance = {"source": "imported", "file": path, "format": NAME}
    return item


def _models(db: sqlite3.Connection) -> tuple[dict, dict]:
    """Note types ``{id: {"name", "fields": [...], "cloze": bool}}`` and decks
    ``{id: name}`` from either schema."""
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    models: dict = {}
    decks: dict = {}
    if "notetypes" in tables and "fields" in tables:
        for ntid, name in db.execute("select id, name from notetypes"):
            models[ntid] = {"name": name, "fields": [], "cloze": False}
        for ntid, _ord, name in db.execute("select ntid, ord, name from fields order by ntid, "
                                           "ord"):
            if ntid in models:
                models[ntid]["fields"].append(name)
        if "decks" in tables:
            for did, name in db.execute("select id, name from decks"):
                decks[did] = name.replace("\x1f", "::")
    else:
        row = db.execute("select models, decks from col").fetchone()
        for mid, m in json.loads(row[0]).items():
            models[int(mid)] = {"name": m.get("name", ""), "cloze": m.get("type") == 1,
                                "fields": [f["name"] for f in sorted(m.get("flds", []),
                                                                     key=lambda f: f["ord"])]}
        for did, d in json.loads(row[1] or "{}").items():
            decks[int(did)] = d.get("name", "")
    return models, decks


def parse(path: str) -> ParseResult:
    """Read an Anki package (``.apkg``).

    :returns: one item per note in note order, with media files the notes refer to (images
        checked by magic bytes); notes of an unknown note type or that break an item rule
        are errors naming the note; media no note refers to and Anki's template files
        (``_name``) are left out and counted in a note (``warnings``): no question content.
    :raises ImportFileError: unreadable, empty or unsafe zip; no collection inside; a
        collection that is not SQLite; ``collection.anki21b`` without ``zstandard``.
    """
    filereading.read_head(path)
    zf = archives.open_zip(path)
    result = ParseResult(format=NAME, file=path)
    try:
        names = set(zf.namelist())
        new_format = "collection.anki21b" in names
        if new_format:
            col = _zstd(archives.read_member(zf, "collection.anki21b", path), path)
        elif "collection.anki21" in names:
            col = archives.read_member(zf, "collection.anki21", path)
        elif "collection.anki2" in names:
            col = archives.read_member(zf, "collection.anki2", path)
        else:
            raise ImportFileError(file=path,
                                  code="anki.no-collection",
                                  values={"name": "collection.anki2"})
        if not col.startswith(b"SQLite format 3\x00"):
            raise ImportFileError(file=path, code="anki.not-sqlite")
        media_map: dict[str, str] = {}
        if "media" in names:
            raw = archives.read_member(zf, "media", path)
            try:
                if raw.lstrip().startswith(b"{"):
                    media_map = {str(k): str(v) for k, v in json.loads(raw).items()}
                elif raw:
                    entries = _media_entries(_zstd(raw, path))
                    for n, entry in enumerate(entries):
                        media_map[str(entry.get("legacy", n))] = entry.get("name", str(n))
            except (ValueError, AttributeError) as e:
                result.errors.append(ImportFileError(file=path,
                                                     code="anki.media-list",
                                                     values={"detail": str(e)}))
        with tempfile.TemporaryDirectory(prefix="eduapp-anki-") as tmp:
            db_path = os.path.join(tmp, "collection.sqlite")
            with open(db_path, "wb") as fh:
                fh.write(col)
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            try:
                models, decks = _models(db)
                note_deck = {}
                try:
                    for nid, did in db.execute("select nid, did from cards order by ord desc"):
                        note_deck[nid] = did
                except sqlite3.DatabaseError:
                    pass
                rows = db.execute("select id, guid, mid, tags, flds from notes order by id"
                                  ).fetchall()
            except (sqlite3.DatabaseError, json.JSONDecodeError, KeyError, TypeError) as e:
                raise ImportFileError(file=path, code="anki.unreadable",
                                      values={"detail": str(e)}) from None
            finally:
                db.close()
        by_name = {v: k for k, v in media_map.items()}
        referenced: set[str] = set()
        for n, (nid, guid, mid, tags, flds) in enumerate(rows, start=1):
            label = f"note {n} ({guid})"
            model = models.get(mid)
            if model is None:
                result.errors.append(ImportFileError(file=path,
                                                     item=label,
                                                     code="anki.no-note-type",
                                                     values={"label": label}))
                continue
            fields = (flds or "").split("\x1f")
            try:
                item = _note_item(model, fields, guid or "", tags or "", path)
                if dict(zip(model["fields"], fields)).get(EDUAPP_FIELD, "").strip():
                    result.stated_language.add(item.uid)  # EduApp's own note: the JSON says
                deck = decks.get(note_deck.get(nid))
                if deck and not item.category and deck != "Default" and \
                        EDUAPP_FIELD not in model["fields"]:
                    item.category = deck.replace("::", "/")
                item.validate()
            except (ValidationError, ValueError, TypeError, KeyError) as e:
                result.errors.append(ImportFileError(
                    file=path, item=label, code="anki.note-failed",
                    values={"label": label, "detail": e}))
                continue
            refs = re.findall(r'src=["\']([^"\']+)["\']|\[sound:([^\]]+)\]', "\x1f".join(fields))
            wanted = [a or b for a, b in refs] + [m.name for m in item.media]
            item.media = [m for m in item.media if m.data is not None]
            for ref in wanted:
                ref = html.unescape(ref)
                member = by_name.get(ref)
                if member is None or member not in names:
                    continue
                data = archives.read_member(zf, member, path)
                if new_format and data.startswith(b"\x28\xb5\x2f\xfd"):
                    data = _zstd(data, path)
                media, err = mediafiles.make_media(ref, data, path, label)
                if err:
                    result.errors.append(err)
                elif media:
                    mediafiles.attach_media(item, media, result)
                    referenced.add(ref)
            result.add(item, label)
        _rebuild_sets(result, path)
        unused = [v for v in media_map.values() if v not in referenced]
        # Anki keeps files named "_..." for the note types' templates (fonts, scripts,
        # add-on data), which EduApp does not import: nothing a student sees is lost
        for kind, names_ in ((Phrase("word.anki.templates"),
                              [n for n in unused if n.startswith("_")]),
                             (Phrase("word.anki.unused-media"),
                              [n for n in unused if not n.startswith("_")])):
            if names_:
                result.warnings.append(ImportFileError(file=path, code="anki.left-out", values={
                    "n": len(names_), "kind": kind, "names": sorted(names_)[:5]}))
    finally:
        zf.close()
    return result


# --- export --------------------------------------------------------------------------

_CSS = """.card { font-family: "Noto Sans", "Microsoft YaHei", "PingFang SC", sans-serif;
 font-size: 18px; text-align: left; color: #222; background: #fff; }
.vignette { color: #444; margin-bottom: .6em; }
ol.options { padding-left: 1.6em; } .answer { font-weight: bold; color: #1b5e20; }
.explanation { margin-top: .8em; color: #333; }"""


def _model():
    import genanki  # noqa: PLC0415 - heavy import only when exporting

    return genanki.Model(
        MODEL_ID, "EduApp Question",
        fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"},
                {"name": "Explanation"}, {"name": EDUAPP_FIELD}],
        templates=[{
            "name": "Question",
            "qfmt": "{{Question}}{{#Options}}<ol class=options type=A>{{Options}}</ol>"
                    "{{/Options}}",
            "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
                    "{{#Explanation}}<div class=explanation>{{Explanation}}</div>"
                    "{{/Explanation}}",
        }],
        css=_CSS)


def _html(text: str, item: Item) -> str:
    if item.extra.get("text_format") == "html":
        return text
    return richtext.text_to_html(text)


#: ``extra`` key of an exported set member's JSON that carries its set (``ItemSet.to_dict``
#: without the members), so that an import rebuilds the set
SET_KEY = "eduapp_set"


def _set_header(item_set: ItemSet) -> dict:
    """What a member's note carries of its set: the set's ``eduapp-json`` fields, members
    left out."""
    header = item_set.to_dict()
    header.pop("items", None)
    return header


def _rebuild_sets(result: ParseResult, path: str) -> None:
    """Put the members of each set the deck carries (:data:`SET_KEY`) back into an
    :class:`ItemSet`, in set order, where the first member stood. A set with fewer than two
    members left in the deck (the others deleted in Anki) cannot be a set: its members
    become standalone questions (a case member gets the shared vignette) and a note says so.
    """
    headers: dict[str, dict] = {}
    members: dict[str, list[Item]] = {}
    for item in result.units:
        header = item.extra.pop(SET_KEY, None) if isinstance(item, Item) else None
        if isinstance(header, dict) and header.get("uid") and item.set_uid == header["uid"]:
            headers.setdefault(header["uid"], header)
            members.setdefault(header["uid"], []).append(item)
    if not headers:
        return
    placed: set[str] = set()
    units: list = []
    lonely = 0
    for unit in result.units:
        uid = unit.set_uid if isinstance(unit, Item) else None
        if uid not in headers:
            units.append(unit)
            continue
        if uid in placed:
            continue
        placed.add(uid)
        group = sorted(members[uid], key=lambda i: i.set_position)
        try:
            item_set = ItemSet.from_dict({**headers[uid], "items": []})
            item_set.items = group
            item_set.attach()
            item_set.validate()
        except (ValidationError, TypeError, ValueError):
            for item in group:
                if headers[uid].get("kind") == "case" and not item.vignette:
                    item.vignette = headers[uid].get("vignette") or ""
                item.set_uid, item.set_position = None, 0
            units.extend(group)
            lonely += len(group)
            continue
        units.append(item_set)
        result.entries[id(item_set)] = result.entries.get(id(group[0]), (None, None))
    result.units = units
    if lonely:
        result.warnings.append(ImportFileError(
            f"{lonely} note(s) belong to item sets with fewer than two notes left in the "
            "deck: imported as standalone questions", file=path))


def _fields(item: Item, data_item: Item | None = None,
            set_header: dict | None = None) -> list[str]:
    """The note fields of ``item`` (as shown: a case member with its set's vignette); the
    hidden EduApp field holds ``data_item`` (the item as stored, default ``item``) as JSON,
    with its set's fields when it belongs to one."""
    question = _html(item.stem, item)
    if item.vignette:
        question = f"<div class=vignette>{_html(item.vignette, item)}</div>{question}"
    # Anki keeps only media a field refers to (its importer and "Check Media" drop the
    # rest): show each image the text does not show already
    for m in item.media:
        if (m.mime or "").startswith("image/") and m.name not in question:
            question += f'<div><img src="{html.escape(m.name)}"></div>'
    options = ""
    answer = ""
    letters = [chr(65 + k) if k < 26 else str(k + 1) for k in range(len(item.options))]
    if item.type in ("sba", "multi", "tf"):
        options = "".join(f"<li>{_html(o.text, item)}</li>" for o in item.options)
        answer = ", ".join(f"{letters[k]}. {html.escape(richtext.html_to_text(o.text))}"
                           for k, o in enumerate(item.options) if o.correct)
        notes = [f"{letters[k]}: {_html(o.explanation, item)}"
                 for k, o in enumerate(item.options) if o.explanation]
    elif item.type == "matching":
        answer = "<br>".join(f"{html.escape(o.text)} → {html.escape(o.match or '')}"
                             for o in item.options if o.text)
        notes = []
    elif item.type in ("short", "numerical"):
        answer = " / ".join(html.escape(o.text) + (f" ± {o.tolerance:g}" if o.tolerance else "")
                            for o in item.options if o.correct) or html.escape(item.model_answer)
        notes = []
    else:
        answer = _html(item.model_answer, item) if item.model_answer else ""
        notes = []
    explanation = _html(item.explanation, item) if item.explanation else ""
    if notes:
        explanation += "".join(f"<div>{n}</div>" for n in notes)
    payload = (data_item or item).to_dict()
    if set_header:
        payload["extra"] = {**payload.get("extra", {}), SET_KEY: set_header}
    data = html.escape(json.dumps(payload, ensure_ascii=False), quote=False)
    return [question, options, answer, explanation, data]


def _notes(units):
    """``(shown, stored, set header)`` per item of ``units``: a set member is shown with
    its set's shared vignette and stored as it is, with its set's fields."""
    for unit in units:
        if isinstance(unit, ItemSet):
            header = _set_header(unit)
            for shown, stored in zip(units_items([unit]), unit.items):
                yield shown, stored, header
        else:
            yield unit, unit, None


def write(units, path: str, documents=(), media: dict | None = None,
          deck_name: str = "EduApp") -> None:
    """Write ``units`` as an Anki deck (``.apkg``) with ``genanki``.

    One note per item (set members one by one, each with its set's shared vignette, and
    the set's own fields in the hidden EduApp field, so an import rebuilds the set);
    categories become sub-decks ``EduApp::A::B``; note GUID = item uid; tags with spaces get
    ``_``. The hidden EduApp field holds the item as JSON, so importing the deck back into
    EduApp is lossless (media included).

    :raises ExportError: the file cannot be written.
    """
    import genanki  # noqa: PLC0415

    model = _model()
    decks: dict[str, genanki.Deck] = {}
    media_files: dict[str, bytes] = {}
    for item, stored, header in _notes(units):
        name = deck_name + ("::" + item.category.replace("/", "::") if item.category else "")
        if name not in decks:
            did = DECK_ID_BASE + int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
            decks[name] = genanki.Deck(did, name)
        for m in mediafiles.media_bytes(item, media):
            media_files.setdefault(m.name, m.data)
        # a note that came from Anki keeps its GUID, so that Anki updates it in place
        guid = item.idnumber if item.idnumber and item.provenance.get("format") == NAME \
            else item.uid
        note = genanki.Note(model=model, fields=_fields(item, stored, header), guid=guid,
                            tags=[re.sub(r"\s+", "_", t) for t in item.tags if t.strip()])
        decks[name].add_note(note)
    if not decks:
        decks[deck_name] = genanki.Deck(DECK_ID_BASE, deck_name)
    try:
        with tempfile.TemporaryDirectory(prefix="eduapp-apkg-") as tmp:
            paths = []
            for name, data in media_files.items():
                safe = os.path.basename(name) or "file"
                p = os.path.join(tmp, safe)
                with open(p, "wb") as fh:
                    fh.write(data)
                paths.append(p)
            out = os.path.join(tmp, "deck.apkg")
            with warnings.catch_warnings():
                # genanki warns (on stderr) about HTML tags Anki itself renders fine;
                # the real-Anki test checks the notes instead
                warnings.simplefilter("ignore", UserWarning)
                genanki.Package(list(decks.values()), media_files=paths).write_to_file(out)
            with open(out, "rb") as src:
                atomic_write(path, lambda dst: shutil.copyfileobj(src, dst), binary=True)
    except OSError as e:
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None


__all__ = ["NAME", "EXTENSIONS", "MODEL_ID", "detect", "parse", "write"]
