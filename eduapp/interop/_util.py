"""Helpers the format modules share: safe reading, decoding, XML, zips, images, HTML.

Nothing here knows a question format. Every failure a user's file can cause is turned into
:class:`ImportFileError` (whole file) so that parsers never leak another exception type.
"""

from __future__ import annotations

import html
import mimetypes
import os
import re
import stat
import zipfile
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Iterable

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from ..domain import Item, ItemSet, Media
from ..errors import ImportFileError
from ..files import atomic_write  # noqa: F401 - the writers' one atomic write

#: Largest single file an importer reads into memory (bytes).
MAX_FILE_BYTES = 512 * 1024 * 1024
#: Zip limits, checked from the central directory before any member is read.
MAX_ZIP_ENTRIES = 50_000
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024
#: A member that expands more than this many times over is treated as a zip bomb.
MAX_ZIP_RATIO = 200
#: Zip members that are never content (macOS resource forks, Finder and Windows junk).
JUNK_PARTS = ("__MACOSX",)
JUNK_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")

UID_RE = re.compile(r"[0-9a-f]{32}")


# --- files -------------------------------------------------------------------------


def read_bytes(path: str, *, allow_empty: bool = False) -> bytes:
    """The bytes of ``path``.

    :raises ImportFileError: missing/unreadable file, a folder, larger than
        :data:`MAX_FILE_BYTES`, or empty (unless ``allow_empty``).
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError("this is a folder, not a file", file=path)
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"the file is too large ({size // (1024 * 1024)} MB; "
                                  f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)", file=path)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise ImportFileError(f"cannot read the file ({e.strerror or e})", file=path) from None
    if not allow_empty and not data.strip():
        raise ImportFileError("the file is empty", file=path)
    return data


def read_head(path: str, size: int = 8) -> bytes:
    """The first ``size`` bytes of ``path`` (to tell a zip from XML without reading it all).

    :raises ImportFileError: missing, unreadable or empty file, or a folder.
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError("this is a folder, not a file", file=path)
        with open(path, "rb") as fh:
            head = fh.read(size)
    except OSError as e:
        raise ImportFileError(f"cannot read the file ({e.strerror or e})", file=path) from None
    if not head:
        raise ImportFileError("the file is empty", file=path)
    return head


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or mostly control characters (not text)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return ctrl > len(head) * 0.05


def decode_text(data: bytes, path: str, *, allow_gb18030: bool = True) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    GB18030 is the Chinese national encoding (a superset of GBK/GB2312) that Excel on a
    Chinese Windows writes; a file that is not valid UTF-8 but decodes strictly as GB18030
    is taken to be GB18030.

    :raises ImportFileError: binary data, or bytes that are neither UTF-8 nor GB18030
        (the message names the line of the first bad byte).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError("the file claims UTF-16 but is not valid UTF-16",
                                  file=path) from None
    if looks_binary(data):
        raise ImportFileError("the file is binary data, not text", file=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    if allow_gb18030:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if not any(0xE000 <= ord(c) <= 0xF8FF for c in text):  # private use = wrong guess
                return text
    line = data.count(b"\n", 0, first_bad) + 1
    raise ImportFileError(f"the text is not UTF-8 (bad byte at offset {first_bad}); save it "
                          "as UTF-8", file=path, line=line)


def answer_fraction(item: Item, option) -> float:
    """The share of ``item``'s marks that choosing ``option`` earns, as exported to Moodle
    XML, GIFT and QTI: the option's own ``fraction`` when set; for a multiple-response
    item ``1/k`` for each of its ``k`` keys and ``-1/k`` for a distractor (so that ticking
    everything scores 0, Moodle's usual multichoice grading); otherwise 1 for the key
    and 0 for a distractor.

    :param option: one of ``item.options``.
    :returns: a fraction in -1..1.
    """
    if option.fraction is not None:
        return option.fraction
    if item.type == "multi":
        keys = sum(1 for o in item.options if o.correct)
        if not keys:
            return 0.0
        return 1 / keys if option.correct else -1 / keys
    return 1.0 if option.correct else 0.0


def line_at(text: str, pos: int) -> int:
    """1-based line number of character offset ``pos`` in ``text``."""
    return text.count("\n", 0, max(pos, 0)) + 1


# --- XML ---------------------------------------------------------------------------


def parse_xml(data: bytes | str, path: str):
    """Parse XML with defusedxml (no DTD entities, no external entities, no expansion bombs).

    :returns: the root ``xml.etree.ElementTree.Element``.
    :raises ImportFileError: not well-formed (with the line), forbidden DTD/entity
        constructs, or not text.
    """
    if isinstance(data, bytes):
        data = _to_utf8_xml(data, path)
    try:
        return SafeET.fromstring(data, forbid_dtd=False)
    except DefusedXmlException as e:
        raise ImportFileError(f"the XML uses a forbidden construct ({type(e).__name__}); "
                              "entities and external references are not allowed",
                              file=path) from None
    except SafeET.ParseError as e:
        line = getattr(e, "position", (None,))[0]
        msg = str(e).split(":")[0]
        raise ImportFileError(f"the XML is not well-formed ({msg})", file=path,
                              line=line) from None
    except LookupError as e:
        raise ImportFileError(f"the XML declares an unknown encoding ({e})", file=path) from None
    except (ValueError, TypeError, RecursionError) as e:
        raise ImportFileError(f"the XML cannot be read ({e})", file=path) from None


_DECL = re.compile(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_EXPAT_NATIVE = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1",
                 "utf-16", "utf16"}


def _to_utf8_xml(data: bytes, path: str) -> bytes:
    """Re-encode XML declared in a multi-byte encoding expat cannot read (GB18030, GBK,
    Big5, Shift_JIS ...) as UTF-8, declaration included.

    :raises ImportFileError: the bytes do not match the declared encoding.
    """
    m = _DECL.match(data[:200])
    if not m or m.group(2).decode("ascii").lower() in _EXPAT_NATIVE:
        return data
    enc = m.group(2).decode("ascii")
    try:
        text = data.decode(enc)
    except LookupError:
        raise ImportFileError(f"the XML declares an unknown encoding {enc!r}", file=path) from None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ImportFileError(f"the XML is not valid {enc} text", file=path, line=line) from None
    text = re.sub(r"encoding=[\"'][A-Za-z0-9._-]+[\"']", 'encoding="UTF-8"', text, count=1)
    return text.lstrip("\ufeff").encode("utf-8")


def local(tag) -> str:
    """The tag name without namespace, lower-cased and with ``-`` removed, so that QTI 2
    camelCase (``choiceInteraction``) and QTI 3 kebab-case (``qti-choice-interaction``)
    compare equal: both give ``choiceinteraction`` (the ``qti-`` prefix is dropped)."""
    if not isinstance(tag, str):
        return ""
    name = tag.rsplit("}", 1)[-1]
    if name.startswith("qti-"):
        name = name[4:]
    return name.replace("-", "").lower()


def attr(el, name: str, default: str = "") -> str:
    """Attribute ``name`` of ``el`` whether written camelCase or kebab-case (QTI 2 / 3)."""
    if el is None:
        return default
    if name in el.attrib:
        return el.attrib[name]
    kebab = re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
    return el.attrib.get(kebab, default)


def tag_lines(text: str, tag: str) -> list[int]:
    """Line numbers of each ``<tag`` start tag in ``text`` outside comments and CDATA, in
    document order (ElementTree keeps no line numbers)."""
    masked = re.sub(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>",
                    lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    out, line, last = [], 1, 0
    for m in re.finditer(rf"<{tag}[\s>/]", masked):
        line += masked.count("\n", last, m.start())
        last = m.start()
        out.append(line)
    return out


# --- zips --------------------------------------------------------------------------


def _bad_name(name: str) -> str | None:
    if "\x00" in name:
        return "contains a NUL byte"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "is an absolute path"
    if any(part == ".." for part in norm.split("/")):
        return "climbs out of the archive (..)"
    return None


def is_junk(name: str) -> bool:
    """True for ``__MACOSX/`` resource forks, ``._*`` AppleDouble files, ``.DS_Store`` and
    similar entries that are never content."""
    parts = name.replace("\\", "/").split("/")
    return (any(p in JUNK_PARTS for p in parts) or parts[-1] in JUNK_NAMES
            or parts[-1].startswith("._"))


def open_zip(path: str) -> zipfile.ZipFile:
    """Open a zip after checking its central directory, before any member is read.

    Refused: member names with ``..`` or absolute paths, symlinks, more than
    :data:`MAX_ZIP_ENTRIES` members, a member over :data:`MAX_ZIP_MEMBER_BYTES`, a total
    over :data:`MAX_ZIP_TOTAL_BYTES`, a compression ratio over :data:`MAX_ZIP_RATIO`
    (zip bombs), encrypted members.

    :raises ImportFileError: not a zip, truncated, or any check above fails.
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ImportFileError(f"not a readable zip archive ({e})", file=path) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ImportFileError(f"the archive has {len(infos)} entries; the limit is "
                                  f"{MAX_ZIP_ENTRIES}", file=path)
        total = 0
        for info in infos:
            why = _bad_name(info.filename)
            if why:
                raise ImportFileError(f"archive entry {info.filename!r} {why}; refused",
                                      file=path)
            mode = info.external_attr >> 16
            if info.create_system == 3 and stat.S_ISLNK(mode):
                raise ImportFileError(f"archive entry {info.filename!r} is a symbolic link; "
                                      "refused", file=path)
            if info.flag_bits & 0x1:
                raise ImportFileError(f"archive entry {info.filename!r} is encrypted",
                                      file=path)
            if info.file_size > MAX_ZIP_MEMBER_BYTES:
                raise ImportFileError(f"archive entry {info.filename!r} is too large "
                                      f"({info.file_size} bytes)", file=path)
            if (info.file_size > 1024 * 1024
                    and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)):
                raise ImportFileError(f"archive entry {info.filename!r} expands "
                                      f"{info.file_size // max(info.compress_size, 1)} times "
                                      "(a zip bomb?); refused", file=path)
            total += info.file_size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise ImportFileError(f"the archive expands to {total // (1024 * 1024)} MB; the "
                                  f"limit is {MAX_ZIP_TOTAL_BYTES // (1024 * 1024)} MB",
                                  file=path)
    except ImportFileError:
        zf.close()
        raise
    return zf


def read_member(zf: zipfile.ZipFile, name: str, path: str) -> bytes:
    """Read one checked member, never more than its declared size.

    :raises ImportFileError: missing member, CRC error, truncated archive.
    """
    try:
        info = zf.getinfo(name)
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise ImportFileError(f"archive entry {name!r} is larger than it declares",
                                  file=path)
        return data
    except KeyError:
        raise ImportFileError(f"the archive has no entry {name!r}", file=path) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ImportFileError(f"archive entry {name!r} cannot be read ({e})",
                              file=path) from None


# --- media -------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
)


def image_mime(data: bytes) -> str | None:
    """The image MIME type the magic bytes of ``data`` show, or ``None`` when ``data`` is
    not a PNG, JPEG, GIF, BMP, TIFF, ICO, WebP or SVG image."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in head:
        return "image/svg+xml"
    return None


def guess_mime(name: str) -> str:
    """MIME type from a file name (``application/octet-stream`` when unknown)."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def make_media(name: str, data: bytes, path: str, where: str | None = None
               ) -> tuple[Media | None, ImportFileError | None]:
    """A :class:`Media` for ``data`` named ``name``, or an error when a file named as an
    image (by extension) is not one by its magic bytes.

    :returns: ``(media, None)`` or ``(None, error)``.
    """
    base = os.path.basename(name.replace("\\", "/")) or "file"
    mime = guess_mime(base)
    real = image_mime(data)
    if mime.startswith("image/") and real is None:
        return None, ImportFileError(f"{base!r} is named as an image but is not one; "
                                     "left out", file=path, item=where)
    if real:
        mime = real
    return Media(name=base, mime=mime, data=data), None


def attach_media(item: Item, media: Media, result) -> None:
    """Add ``media`` to ``item.media`` (once) and its bytes to ``result.media``."""
    if media.data is not None:
        result.media.setdefault(media.sha256, media)
    if not any(m.sha256 == media.sha256 and m.name == media.name for m in item.media):
        item.media.append(Media(name=media.name, mime=media.mime, data=media.data,
                                sha256=media.sha256))


def media_bytes(item: Item, media: dict | None) -> list[Media]:
    """The media of ``item`` that have bytes, taken from the item or from ``media`` (the
    export's table keyed by sha256)."""
    out = []
    for m in item.media:
        data = m.data
        if data is None and media and m.sha256 in media:
            data = media[m.sha256].data
        if data is not None:
            out.append(Media(name=m.name, mime=m.mime, data=data, sha256=m.sha256))
    return out


# --- identity ----------------------------------------------------------------------


def set_identity(item: Item, external_id: str) -> None:
    """Give an imported item its stable identity from the format's own id.

    An id that is an EduApp uid (32 lowercase hex, written by our exporters when the item
    had no idnumber) becomes ``uid`` again; any other id becomes ``idnumber``.
    """
    external_id = (external_id or "").strip()
    if not external_id:
        return
    if external_id.startswith("eduapp_"):
        external_id = external_id[len("eduapp_"):]
    if UID_RE.fullmatch(external_id):
        item.uid = external_id
    else:
        item.idnumber = external_id


def export_id(item: Item) -> str:
    """The id an exporter writes: the item's idnumber, else its uid."""
    return item.idnumber or item.uid


def units_items(units: Iterable) -> list[Item]:
    """Items of ``units`` in order, set members expanded (a set's shared vignette is
    prepended to each member that has none, so the exported question stands alone)."""
    out: list[Item] = []
    for unit in units:
        if isinstance(unit, ItemSet):
            for member in unit.items:
                if unit.kind == "case" and unit.vignette and not member.vignette:
                    member = replace(member, vignette=unit.vignette)
                out.append(member)
        else:
            out.append(unit)
    return out


# --- HTML --------------------------------------------------------------------------

_SIMPLE_TAGS = {"p", "br", "div", "span"}


class _Simple(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.simple = True

    def handle_starttag(self, tag, attrs):
        if tag not in _SIMPLE_TAGS or (tag == "span" and attrs) or (
                tag in ("p", "div") and any(k not in ("dir", "lang") for k, _ in attrs)):
            self.simple = False
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "div") and self.parts and not "".join(self.parts).endswith("\n\n"):
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in _SIMPLE_TAGS:
            self.simple = False

    def handle_data(self, data):
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))

    def handle_comment(self, data):
        self.simple = False


def simplify_html(text: str) -> tuple[str, bool]:
    """Plain text for HTML that holds nothing but paragraphs, line breaks and text.

    :returns: ``(text, True)`` when ``text`` was simple (entities decoded, ``<p>`` become
        blank lines), else ``(text, False)`` unchanged.
    """
    if "<" not in text and "&" not in text:
        return text.strip(), True
    parser = _Simple()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; be safe anyway
        return text, False
    if not parser.simple:
        return text, False
    out = "".join(parser.parts)
    out = "\n".join(line.strip() for line in out.split("\n"))
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, True


def text_to_html(text: str) -> str:
    """Escape plain text into HTML paragraphs (blank line = new ``<p>``, newline = ``<br/>``)."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br/>") + "</p>" for p in paras)


def html_to_text(text: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded), for places that
    cannot show HTML (CSV, Aiken, Anki fields are HTML already)."""
    if "<" not in text and "&" not in text:
        return text.strip()
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)</p\s*>", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip()


@dataclass
class Located:
    """A piece of text and the 1-based line where it starts in its file."""

    text: str
    line: int


#: Text-format names as ``Item.extra["text_format"]`` stores them. Absent means EduApp's
#: own: plain text or Markdown.
TEXT_FORMATS = ("html", "plain", "moodle", "markdown")


def import_text(text: str, fmt: str) -> tuple[str, str | None]:
    """Normalise an imported text and its format.

    :param fmt: ``html``, ``plain``, ``moodle`` (Moodle auto-format) or ``markdown``.
    :returns: ``(text, text_format)``; HTML that is only paragraphs and line breaks becomes
        plain text with format ``None`` (EduApp's own), Markdown gives ``None`` too.
    """
    text = text or ""
    if fmt == "html":
        simple, ok = simplify_html(text)
        return (simple, None) if ok else (text.strip(), "html")
    if fmt == "markdown" or not fmt:
        return text.strip(), None
    return text.strip(), fmt
