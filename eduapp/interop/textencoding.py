"""Telling which encoding a text file is in and decoding it: a BOM, strict UTF-8, then
the usual code pages (GB18030, Windows-1252 ...), each checked for plausible text."""

from __future__ import annotations

import codecs
import re

from ..errors import ImportFileError
from .filereading import looks_binary

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


def detect_encoding(data: bytes, path: str, *, detector: bool = True) -> tuple[str, str]:
    """Decode a text file and name the encoding it was read in.

    Order: a BOM (UTF-8, UTF-16, UTF-32); strict UTF-8; then the guess of ``charset-normalizer``
    (a maintained detector; its guess alone is not trusted because any byte string that
    happens to be valid GB18030 decodes "cleanly"), then :data:`FALLBACK_ENCODINGS`. Each
    candidate must decode strictly and pass :func:`implausible`; the first that does wins.

    :param detector: ``False`` tries only :data:`FALLBACK_ENCODINGS` after UTF-8 (for
        files whose format says UTF-8, where a wrong byte is more likely a slip than a
        code page such as Windows-1250).
    :returns: ``(text, encoding)`` with ``encoding`` a Python codec name (``utf-8``,
        ``gb18030``, ``cp1252`` ...).
    :raises ImportFileError: binary data, or no candidate gives plausible text; the message
        names the encodings tried and why each was refused, and asks for UTF-8 (nothing of
        the file is imported then).
    """
    marked = bom_encoding(data)
    if marked and marked != "utf-8-sig":
        try:
            return data.decode(marked), marked
        except UnicodeDecodeError:
            raise ImportFileError(file=path,
                                  code="text.bad-bom",
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
    raise ImportFileError(file=path,
                          line=line,
                          code="text.no-encoding",
                          values={"offset": first_bad, "tried": "; ".join(refused), "hint": "Excel: 'CSV UTF-8'"})


def sniff_head(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8, for the format detectors (which look for
    ``ANSWER:``, ``::title::``, a header row, ``<quiz``): a file in UTF-16 or UTF-32 (with
    a BOM), GB18030 or another code page is decoded first, so that its format is
    recognised as it would be in UTF-8. Binary data (a zip) and UTF-8 are returned as they
    are, and so is text no encoding reads plausibly (its parser then says why).

    :param head: the first bytes of the file (a character may be cut at the end).
    """
    marked = bom_encoding(head)
    if marked:
        return head.decode(marked, errors="ignore").encode("utf-8")
    if looks_binary(head):
        return head
    try:
        head.decode("utf-8")
        return head
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3 and e.reason == "unexpected end of data":
            return head  # UTF-8 with its last character cut
    for cut in range(4):  # the last (multi-byte) character may be cut
        try:
            return detect_encoding(head[:len(head) - cut], "")[0].encode("utf-8")
        except ImportFileError:
            continue
    return head


#: How the import summary names an encoding it assumed.
_ENCODING_NAMES = {"gb18030": "GB18030 (GBK, as Chinese Windows and Excel write it)",
                   "cp1252": "Windows-1252 (Western European Windows and Excel)",
                   "big5": "Big5", "shift_jis": "Shift_JIS", "cp932": "Shift_JIS (Windows)",
                   "euc_kr": "EUC-KR", "cp949": "EUC-KR (Windows)"}


def assumed_encoding_note(encoding: str, path: str) -> ImportFileError | None:
    """The import-summary note for a text file that was not UTF-8 and carried no BOM, so
    its encoding (``encoding``, as :func:`detect_encoding` named it) was assumed; ``None``
    for UTF-8 and for UTF-16/UTF-32 with a BOM (stated by the file itself) or no
    encoding at all (not a text format).
    """
    if not encoding or encoding.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    name = _ENCODING_NAMES.get(encoding, encoding.upper())
    return ImportFileError(file=path, code="text.assumed", values={"name": name})
