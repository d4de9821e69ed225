"""Parsing XML from a user's file safely (defusedxml) and reading its elements whatever
the namespace and the QTI 2 / QTI 3 spelling of names."""

from __future__ import annotations

import functools
import re

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from ..errors import ImportFileError
from . import textencoding


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
        raise ImportFileError(file=path, code="xml.forbidden",
                              values={"kind": type(e).__name__}) from None
    except SafeET.ParseError as e:
        line = getattr(e, "position", (None,))[0]
        msg = str(e).split(":")[0]
        raise ImportFileError(file=path,
                              line=line,
                              code="xml.not-well-formed",
                              values={"detail": msg}) from None
    except LookupError as e:
        raise ImportFileError(file=path, code="xml.unknown-encoding",
                              values={"detail": str(e)}) from None
    except (ValueError, TypeError, RecursionError) as e:
        raise ImportFileError(file=path, code="xml.unreadable",
                              values={"detail": str(e)}) from None


_DECL = re.compile(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_EXPAT_NATIVE = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1",
                 "utf-16", "utf16"}


def undeclared_to_utf8(data: bytes, path: str) -> tuple[bytes, str]:
    """XML whose bytes are not what it says: no BOM, no declared encoding or UTF-8 declared,
    but not valid UTF-8 (a Moodle XML file edited in Notepad on a Chinese Windows and saved
    as "ANSI", i.e. GBK). Decoded as GB18030 or Windows-1252 when
    :func:`~eduapp.interop.textencoding.detect_encoding` finds either plausible, and
    re-encoded as UTF-8.

    :returns: ``(xml bytes, encoding assumed)``; the bytes unchanged and ``""`` when the
        file is UTF-8 or states its encoding (a BOM, another declared encoding).
    :raises ImportFileError: no encoding reads the bytes as plausible text.
    """
    m = _DECL.match(data[:200])
    declared = m.group(2).decode("ascii").lower() if m else ""
    if textencoding.bom_encoding(data) or declared not in ("", "utf-8", "utf8"):
        return data, ""
    try:
        data.decode("utf-8")
        return data, ""
    except UnicodeDecodeError:
        pass
    # what Notepad's "ANSI" is on a Chinese or a Western Windows; nothing more exotic
    text, encoding = textencoding.detect_encoding(data, path, detector=False)
    text = re.sub(r"encoding=[\"'][A-Za-z0-9._-]+[\"']", 'encoding="UTF-8"', text, count=1)
    return text.encode("utf-8"), encoding


def _to_utf8_xml(data: bytes, path: str) -> bytes:
    """Re-encode XML declared in a multi-byte encoding expat cannot read (GB18030, GBK,
    Big5, Shift_JIS ...), or marked UTF-32 by its byte-order mark, as UTF-8, declaration
    included.

    :raises ImportFileError: the bytes do not match the declared encoding.
    """
    m = _DECL.match(data[:200])
    if textencoding.bom_encoding(data) == "utf-32":
        enc = "utf-32"
    elif not m or m.group(2).decode("ascii").lower() in _EXPAT_NATIVE:
        return data
    else:
        enc = m.group(2).decode("ascii")
    try:
        text = data.decode(enc)
    except LookupError:
        raise ImportFileError(file=path, code="xml.unknown-encoding",
                              values={"detail": repr(enc)}) from None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ImportFileError(file=path,
                              line=line,
                              code="xml.bad-encoding",
                              values={"encoding": enc}) from None
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
