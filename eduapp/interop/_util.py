"""Helpers the format modules share: safe reading, decoding, XML, zips, images, HTML.

Nothing here knows a question format. Every failure a user's file can cause is turned into
:class:`ImportFileError` (whole file) so that parsers never leak another exception type.
"""

from __future__ import annotations

import functools
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
from ..htmltext import html_to_text as _html_to_text

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
    """True when the first 8 KiB hold NUL bytes or more than 5 % control characters other
    than tab, line ends and Word's U+0007/U+000B/U+000C (not text)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    # tab, LF, CR and the marks Word's text export writes (bell = end of cell, vertical
    # tab = manual line break, form feed = page break) are text
    ctrl = sum(1 for b in head if b < 32 and b not in (7, 9, 10, 11, 12, 13))
    return ctrl > len(head) * 0.05


#: Code pages tried after UTF-8, besides the detector's guess: the Chinese national
#: encoding (what Excel writes on a Chinese Windows) and Windows-1252 (Excel's "ANSI" on a
#: Western European Windows: German, French, Spanish ...).
FALLBACK_ENCODINGS = ("gb18030", "cp1252")
#: Encodings that spreadsheets and word processors write and a detector's guess may name;
#: exotic guesses (``hp_roman8``, ``mac_greek`` ...) fit any byte string and are ignored.
USUAL_ENCODINGS = frozenset({
    "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp",
    "euc_kr", "cp949", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "iso8859-2", "iso8859-5", "iso8859-7", "iso8859-15", "koi8-r"})
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "cp936", "hz"}
_SINGLE_BYTE_SYMBOLS = set("°µ€§²³±×÷·«»„“”‘’–—…¼½¾£¥©®™¶¡¿ªº")


def _canonical(encoding: str) -> str:
    import codecs  # noqa: PLC0415

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding.lower()


def _latin_mark(c: str) -> bool:
    """A non-ASCII Latin letter or Latin-1 symbol (what multi-byte text read in a Western
    code page turns into), not a common unit sign such as ``°`` or ``µ``."""
    import unicodedata  # noqa: PLC0415

    if ord(c) <= 127 or c in _SINGLE_BYTE_SYMBOLS:
        return False
    name = unicodedata.name(c, "")
    return name.startswith("LATIN") or 0xA0 <= ord(c) <= 0xBF


def implausible(text: str, encoding: str) -> str | None:
    """Why ``text`` (bytes decoded as ``encoding``) is not believable as what a person
    wrote, or ``None`` when it is.

    The checks catch the usual wrong-code-page guesses: U+FFFD, private-use or C0/C1
    control characters; for the GB family, Han characters mostly outside GB2312 (the 6,763
    characters in everyday use; Latin text read as GBK gives rare extension characters);
    for a single-byte code page, non-ASCII characters that come in runs (Chinese or UTF-8
    bytes read as Windows-1252 give ``Ã¤``/``ÑªÇå`` runs; real umlauts and accents stand
    between ASCII letters).
    """
    if "\ufffd" in text:
        return "it gives replacement characters (U+FFFD)"
    bad = [c for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v\x07")
           or 0x7F <= ord(c) <= 0x9F or 0xE000 <= ord(c) <= 0xF8FF]
    if bad:
        return f"it gives control or private-use characters (U+{ord(bad[0]):04X})"
    enc = _canonical(encoding)
    han = re.findall("[\u3400-\u9fff\uf900-\ufaff]", text)
    if enc in _GB_FAMILY and han:
        common = 0
        for c in han:
            try:
                c.encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
        if common < 0.85 * len(han):
            return (f"{len(han) - common} of its {len(han)} Chinese characters are rare ones "
                    "outside GB2312, the sign of text in another code page")
    if enc not in _GB_FAMILY and not enc.startswith(("utf", "big5", "shift", "euc", "iso2022")):
        if han:
            return "a single-byte code page cannot hold Chinese characters"
        latin = [i for i, c in enumerate(text) if ord(c) > 127 and _latin_mark(c)]
        if latin:
            runs = sum(1 for i in latin if i + 1 < len(text) and _latin_mark(text[i + 1]))
            if runs > 0.25 * len(latin):
                return "its accented letters come in runs, the sign of multi-byte text"
    return None


def detect_encoding(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text file and name the encoding it was read in.

    Order: a BOM (UTF-8, UTF-16); strict UTF-8; then the guess of ``charset-normalizer``
    (a maintained detector; its guess alone is not trusted because any byte string that
    happens to be valid GB18030 decodes "cleanly"), then :data:`FALLBACK_ENCODINGS`. Each
    candidate must decode strictly and pass :func:`implausible`; the first that does wins.

    :returns: ``(text, encoding)`` with ``encoding`` a Python codec name (``utf-8``,
        ``gb18030``, ``cp1252`` ...).
    :raises ImportFileError: binary data, or no candidate gives plausible text; the message
        names the encodings tried and why each was refused, and asks for UTF-8 (nothing of
        the file is imported then).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ImportFileError("the file claims UTF-16 but is not valid UTF-16",
                                  file=path) from None
    if looks_binary(data):
        raise ImportFileError("the file is binary data, not text", file=path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    candidates: list[str] = []
    try:
        from charset_normalizer import from_bytes  # noqa: PLC0415

        guesses = [_canonical(m.encoding) for m in from_bytes(data)]
    except ImportError:  # pragma: no cover - a declared dependency
        guesses = []
    for enc in [_canonical(e) for e in FALLBACK_ENCODINGS] + guesses:
        if enc not in candidates and (enc in FALLBACK_ENCODINGS or enc in USUAL_ENCODINGS
                                      or _canonical(enc) in USUAL_ENCODINGS):
            candidates.append(enc)
    refused = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            refused.append(f"{enc}: not valid")
            continue
        why = implausible(text, enc)
        if why is None:
            return text, enc
        refused.append(f"{enc}: {why}")
    line = data.count(b"\n", 0, first_bad) + 1
    raise ImportFileError(
        f"the text is not UTF-8 (bad byte at offset {first_bad}) and no other encoding "
        f"reads it as plausible text ({'; '.join(refused)}); nothing was imported. Save it "
        "as UTF-8 (Excel: 'CSV UTF-8')", file=path, line=line)


def decode_text(data: bytes, path: str, *, allow_gb18030: bool = True) -> str:
    """The text of a text file, decoded as :func:`detect_encoding` decides.

    :param allow_gb18030: kept for callers; detection always considers GB18030.
    :raises ImportFileError: see :func:`detect_encoding`.
    """
    return detect_encoding(data, path)[0]


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
    return _local(tag)


@functools.lru_cache(maxsize=4096)
def _local(tag: str) -> str:
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
    """Visible text of an HTML fragment for places that cannot show HTML (Aiken, GIFT and
    CSV text, titles): :func:`eduapp.htmltext.html_to_text`, the one HTML-to-text path."""
    return _html_to_text(text)


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


# --- characters XML 1.0 forbids ----------------------------------------------------

#: C0 controls other than tab, LF and CR, the non-characters U+FFFE/U+FFFF and lone
#: surrogates: none may appear in an XML 1.0 document (XML 1.0, section 2.2 "Char").
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Word's vertical tab (manual line break) and form feed (page break) mean a new line.
_AS_NEWLINE = {"\x0b": "\n", "\x0c": "\n"}


def clean_text(text: str) -> str:
    """``text`` without characters XML 1.0 forbids: U+000B (Word's manual line break) and
    U+000C (page break) become a newline, every other forbidden character (U+0007 Word's
    end-of-cell mark, NUL ...) is removed. Text without them is returned as it is."""
    if not text or not XML_FORBIDDEN.search(text):
        return text
    return XML_FORBIDDEN.sub(lambda m: _AS_NEWLINE.get(m.group(0), ""), text)


def _clean_value(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: _clean_value(v)
                for k, v in value.items()}
    return value


_ITEM_TEXT_FIELDS = ("stem", "vignette", "explanation", "model_answer", "rubric", "topic",
                     "system", "discipline", "category", "idnumber")
_OPTION_TEXT_FIELDS = ("text", "explanation", "match")


def clean_item(item: Item) -> bool:
    """Apply :func:`clean_text` to every text of ``item`` in place (fields, options, tags,
    hints, references, ``extra``); an option text loses the spaces the removal leaves at its
    ends. :returns: True when anything changed."""
    changed = False
    for name in _ITEM_TEXT_FIELDS:
        old = getattr(item, name)
        new = clean_text(old)
        if new != old:
            setattr(item, name, new.strip() if name != "stem" else new)
            changed = True
    for o in item.options:
        for name in _OPTION_TEXT_FIELDS:
            old = getattr(o, name, None)
            if isinstance(old, str):
                new = clean_text(old)
                if new != old:
                    setattr(o, name, new.strip())
                    changed = True
    for name in ("tags", "hints", "references"):
        old = getattr(item, name)
        new = _clean_value(old)
        if new != old:
            setattr(item, name, new)
            changed = True
    new_extra = _clean_value(item.extra)
    if new_extra != item.extra:
        item.extra = new_extra
        changed = True
    return changed


def clean_units(units) -> None:
    """:func:`clean_item` on every item of ``units`` and the texts of each set."""
    for unit in units:
        if isinstance(unit, ItemSet):
            unit.title = clean_text(unit.title)
            unit.vignette = clean_text(unit.vignette)
            for o in unit.options:
                o.text = clean_text(o.text).strip()
                o.explanation = clean_text(o.explanation)
            for member in unit.items:
                clean_item(member)
        else:
            clean_item(unit)


# --- Moodle's validation rules -----------------------------------------------------

#: The answer grades Moodle accepts, as fractions (``question_bank::fraction_options_full``
#: in ``question/engine/bank.php``): 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40,
#: 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 and 0 per cent, and
#: their negatives.
MOODLE_GRADES = tuple(sorted({s * g for g in (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0) for s in (1, -1)}))


def moodle_grade(fraction: float) -> float:
    """``fraction`` (rounded to 7 places, as written) when it is one of
    :data:`MOODLE_GRADES` within 0.00001 (Moodle's ``match_grade_options`` in
    ``lib/questionlib.php`` with ``matchgrades=error``).

    :raises ValidationError: a grade Moodle would refuse on import, naming the nearest
        accepted one (``33%`` next to ``33.33333%``).
    """
    from ..errors import ValidationError  # noqa: PLC0415

    for grade in MOODLE_GRADES:
        if abs(fraction - grade) < 0.00001:
            return round(fraction, 7)
    nearest = min(MOODLE_GRADES, key=lambda g: abs(g - fraction))
    raise ValidationError(f"the grade {fraction * 100:g}% is not one Moodle accepts (the "
                          f"nearest is {nearest * 100:.7g}%)")


def validate_cloze(subquestions: list[dict]) -> None:
    """Check cloze subquestions as Moodle's ``qtype_multianswer`` does on import.

    :raises ValidationError: no subquestions; a subquestion with no answer at 100%; a
        multiple-choice subquestion with fewer than two choices (naming the subquestion,
        1-based).
    """
    from ..errors import ValidationError  # noqa: PLC0415

    if not subquestions:
        raise ValidationError("the cloze question has no subquestions ({1:SHORTANSWER:=...} "
                              "gaps)")
    for n, sub in enumerate(subquestions, start=1):
        answers = sub.get("answers") or []
        if sub.get("type") in ("multichoice", "multiresponse") and len(answers) < 2:
            raise ValidationError(f"cloze subquestion {n} is a choice with fewer than two "
                                  "choices")
        if not answers:
            raise ValidationError(f"cloze subquestion {n} has no answer")
        if not any(abs(float(a.get("fraction") or 0) - 1.0) < 1e-5 for a in answers) and \
                sub.get("type") != "multiresponse":
            raise ValidationError(f"cloze subquestion {n} has no correct answer (one answer "
                                  "must be worth 100%)")


def moodle_grade_problem(item: Item) -> str | None:
    """Why Moodle would refuse ``item``'s answer grades (a mark share outside
    :data:`MOODLE_GRADES`, such as 1/11 = 9.09091% for each of 11 keys), or ``None``.
    Used by the Moodle XML and GIFT writers' ``cannot_represent``."""
    from ..errors import ValidationError  # noqa: PLC0415

    if item.type not in ("sba", "multi", "short", "numerical"):
        return None
    for o in item.options:
        try:
            moodle_grade(answer_fraction(item, o))
        except ValidationError as e:
            return str(e)
    return None
