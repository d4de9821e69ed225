"""``eduapp-json``: EduApp's lossless exchange format (``docs/eduapp-json.md``)."""

from __future__ import annotations

import base64
import binascii
import json
import time
from typing import Iterable

from ..domain import Document, Item, ItemSet, Media
from ..errors import ImportFileError, Phrase, ValidationError, os_reason
from ..messages import ERROR_TEXT
from ..files import atomic_write
from . import textencoding
from .base import ParseResult, Unit, flatten

NAME = "eduapp-json"
EXTENSIONS = (".json", ".eduapp.json")
FORMAT_VERSION = 1


def detect(head: bytes, path: str) -> bool:
    """True when the first bytes are a JSON object naming ``"format": "eduapp-json"``."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"{") and b'"eduapp-json"' in head


def _line_of(raw: str, needle: str, start: int = 0) -> int | None:
    pos = raw.find(needle, start)
    return raw.count("\n", 0, pos) + 1 if pos >= 0 else None


def parse(path: str) -> ParseResult:
    """Read an ``eduapp-json`` file.

    :param path: file path.
    :returns: units (items and sets in file order: sets after lone items), documents,
        media bytes by sha256, and one error per entry that fails validation.
    :raises ImportFileError: unreadable file, not UTF-8, not JSON, not ``eduapp-json``,
        or a newer format version.
    """
    try:
        with open(path, "rb") as fh:
            raw_bytes = fh.read()
    except OSError as e:
        raise ImportFileError(file=path,
                              code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not raw_bytes.strip():
        raise ImportFileError(file=path, code="import.empty")
    encoding = textencoding.bom_encoding(raw_bytes) or "utf-8-sig"  # UTF-16 from Notepad
    try:
        raw = raw_bytes.decode(encoding)
    except UnicodeDecodeError as e:
        raise ImportFileError(file=path, code="import.not-utf8-at",
                              values={"byte": e.start}) from None
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ImportFileError(file=path,
                              line=e.lineno,
                              code="import.bad-json",
                              values={"detail": e.msg}) from None
    if not isinstance(doc, dict) or doc.get("format") != NAME:
        raise ImportFileError(file=path,
                              code="json.not-ours",
                              values={"format": "eduapp-json",
                                      "marker": '"format": "eduapp-json"'})
    version = doc.get("version", 1)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ImportFileError(file=path,
                              code="json.newer",
                              values={"version": version, "known": FORMAT_VERSION})
    result = ParseResult(format=NAME, file=path)
    for sha, entry in (doc.get("media") or {}).items():
        try:
            data = base64.b64decode(entry["data"], validate=True)
            result.media[sha] = Media(name=entry.get("name", sha), mime=entry.get("mime", ""),
                                      data=data)
        except (KeyError, TypeError, binascii.Error):
            result.errors.append(ImportFileError(file=path, item=sha, code="json.bad-media"))
    for key, build in (("items", Item.from_dict), ("sets", ItemSet.from_dict),
                       ("documents", Document.from_dict)):
        entries = doc.get(key) or []
        if not isinstance(entries, list):
            result.errors.append(ImportFileError(file=path,
                                                 code="json.must-be-list",
                                                 values={"field": f'"{key}"'}))
            continue
        search_from = raw.find(f'"{key}"')
        for n, entry in enumerate(entries, start=1):
            try:
                obj = build(entry)
                obj.validate()
            except (ValidationError, TypeError) as e:
                label = None
                if isinstance(entry, dict):
                    label = (entry.get("uid") or entry.get("title")
                             or str(entry.get("stem") or "")[:40])
                line = _line_of(raw, f'"{label}', max(search_from, 0)) if label else None
                result.errors.append(ImportFileError(file=path,
                                                     line=line,
                                                     item=n,
                                                     code="json.entry",
                                                     values={"what": Phrase(f"word.entry.{key[:-1]}") if f"word.entry.{key[:-1]}" in ERROR_TEXT else key[:-1], "n": n, "detail": e}))
                continue
            if isinstance(obj, Document):
                result.documents.append(obj)
            else:
                result.add(obj, n)  # numbered as its errors are (no line: finding it
                #                     for every entry would make a large file slow)
                result.stated_language.add(obj.uid)
                if isinstance(obj, ItemSet):
                    result.stated_language.update(i.uid for i in obj.items)
    return result


def dump(units: Iterable[Unit], documents: Iterable[Document] = (),
         media: dict[str, Media] | None = None) -> dict:
    """The ``eduapp-json`` document for ``units`` and ``documents`` as a dict.

    :param media: bytes of the media files referred to, by sha256; entries without data
        are left out of the table (the reference stays).
    """
    items, sets = [], []
    for unit in units:
        (sets if isinstance(unit, ItemSet) else items).append(unit.to_dict())
    out = {"format": NAME, "version": FORMAT_VERSION, "exported_at": time.time(),
           "items": items, "sets": sets, "documents": [d.to_dict() for d in documents]}
    table = {}
    for sha, m in (media or {}).items():
        if m.data is not None:
            table[sha] = {"name": m.name, "mime": m.mime,
                          "data": base64.b64encode(m.data).decode("ascii")}
    if table:
        out["media"] = table
    return out


def write(units: Iterable[Unit], path: str, documents: Iterable[Document] = (),
          media: dict[str, Media] | None = None) -> None:
    """Write an ``eduapp-json`` file atomically (a temp file renamed over ``path``).

    :raises ExportError: the folder is not writable or the disk is full; ``path`` is then
        left as it was.
    """
    doc = dump(units, documents, media)
    atomic_write(path, lambda fh: json.dump(doc, fh, ensure_ascii=False, indent=1))


__all__ = ["NAME", "EXTENSIONS", "detect", "parse", "dump", "write", "flatten"]
