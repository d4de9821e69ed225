"""Reading the text files people give EduApp (import files, blueprints, virtual-patient
scripts, item models, settings): a size limit, clear errors for a missing, empty,
unreadable or binary file, and decoding whatever encoding the file is in - a BOM (UTF-8,
UTF-16, UTF-32), strict UTF-8, then the usual code pages (GB18030 as Chinese Windows and
Excel write it, Windows-1252 ...), each checked for plausible text.

Every failure is an :class:`~eduapp.errors.ImportFileError` naming the file: a sentence,
never a ``UnicodeDecodeError``. :func:`read_text` is the one call for a user's text file.
"""

from __future__ import annotations

import codecs
import os
import re

from .errors import ImportFileError, Phrase, os_reason
from .messages import ERROR_TEXT

#: Largest single file an importer reads into memory (bytes).
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_bytes(path: str, *, allow_empty: bool = False) -> bytes:
    """The bytes of ``path``.

    :raises ImportFileError: missing/unreadable file, a folder, larger than
        :data:`MAX_FILE_BYTES`, or empty (unless ``allow_empty``).
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError(file=path, code="import.folder")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ImportFileError(file=path, code="import.too-large",
                                  values={"mb": size // (1024 * 1024),
                                          "max": MAX_FILE_BYTES // (1024 * 1024)})
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise ImportFileError(file=path, code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not allow_empty and not data.strip():
        raise ImportFileError(file=path, code="import.empty")
    return data


def read_head(path: str, size: int = 8) -> bytes:
    """The first ``size`` bytes of ``path`` (to tell a zip from XML without reading it all).

    :raises ImportFileError: missing, unreadable or empty file, or a folder.
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError(file=path, code="import.folder")
        with open(path, "rb") as fh:
            head = fh.read(size)
    except OSError as e:
        raise ImportFileError(file=path, code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not head:
        raise ImportFileError(file=path, code="import.empty")
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


#: Byte-order marks and the codec each names (UTF-32 first: its little-endian mark begins
#: with UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names (``utf-8-sig``,
    ``utf-16``, ``utf-32``: each strips its mark and knows its byte order), or ``None``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def detect_encoding(data: bytes, path: str, *, detector: bool = True,
                    consequence: str = "nothing was imported") -> tuple[str, str]:
    """Decode a text file and name the encoding it was read in.

    Order: a BOM (UTF-8, UTF-16, UTF-32); strict UTF-8; then the guess of ``charset-normalizer``
    (a maintained detector; its guess alone is not trusted because any byte string that
    happens to be valid GB18030 decodes "cleanly"), then :data:`FALLBACK_ENCODINGS`. Each
    candidate must decode strictly and pass :func:`implausible`; the first that does wins.

    :returns: ``(text, encoding)`` with ``encoding`` a Python codec name (``utf-8``,
        ``gb18030``, ``cp1252`` ...).
    :param detector: ``False`` tries only :data:`FALLBACK_ENCODINGS` after UTF-8 (for
        files whose format says UTF-8, where a wrong byte is more likely a slip than a
        code page such as Windows-1250).
    :param consequence: what the failure means, for the message (``"nothing was
        imported"``, ``"nothing was built"``).
    :raises ImportFileError: binary data, or no candidate gives plausible text; the message
        names the encodings tried and why each was refused, and asks for UTF-8.
    """
    marked = bom_encoding(data)
    if marked and marked != "utf-8-sig":
        try:
            return data.decode(marked), marked
        except UnicodeDecodeError:
            raise ImportFileError(file=path, code="text.bad-bom",
                                  values={"encoding": marked.upper()}) from None
    if looks_binary(data):
        raise ImportFileError(file=path, code="text.binary")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    candidates: list[str] = []
    try:
        from charset_normalizer import from_bytes  # noqa: PLC0415

        guesses = [_canonical(m.encoding) for m in from_bytes(data)] if detector else []
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
    raise ImportFileError(file=path, line=line, code="text.no-encoding",
                          values={"offset": first_bad, "tried": "; ".join(refused),
                                  "consequence": _phrase("done", consequence),
                                  "hint": "Excel: 'CSV UTF-8'"})


def _phrase(kind: str, text: str):
    """``text`` (``"blueprint"``, ``"no exam was built"``) as the catalogue phrase of that
    kind when there is one (worded in the reader's language), else as it is."""
    codes = {"done": {"nothing was imported": "done.nothing-imported",
                      "no exam was built": "done.no-exam",
                      "nothing was played": "done.nothing-played",
                      "nothing was generated": "done.nothing-generated",
                      "nothing was read from it": "done.nothing-read"}}
    code = codes.get(kind, {}).get(text) or f"{kind}.{text.replace(' ', '-')}"
    return Phrase(code) if code in ERROR_TEXT else text


def read_text(path: str, *, what: str = "file",
              consequence: str = "nothing was read from it") -> str:
    """The text of a user's text file (a blueprint, a script, an item model, settings),
    decoded by :func:`detect_encoding` (GBK and UTF-16 files read as well as UTF-8).

    :param what: how messages name the file's role (``"blueprint"``).
    :param consequence: what a failure means, for the message.
    :returns: the text (BOM removed).
    :raises ImportFileError: missing, unreadable, empty, binary, too large, or in no
        encoding that gives plausible text (the message names ``what``).
    """
    try:
        text, _encoding = detect_encoding(read_bytes(path), path, consequence=consequence)
    except ImportFileError as e:
        if what == "file":
            raise
        raise ImportFileError(file=path, line=e.line, code="text.role",
                              values={"what": _phrase("role", what), "error": e}) from None
    return text
