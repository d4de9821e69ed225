"""Encodings in imports: the format sniffers' view of a file's first bytes and the import
summary's note on an assumed code page. Telling which encoding a text file is in and
decoding it (a BOM, strict UTF-8, then the usual code pages, each checked for plausible
text) is :mod:`eduapp.textfiles`, re-exported here for the importers."""

from __future__ import annotations

from ..errors import ImportFileError
from ..textfiles import (FALLBACK_ENCODINGS, USUAL_ENCODINGS, bom_encoding,  # noqa: F401
                         detect_encoding, implausible, looks_binary)


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
