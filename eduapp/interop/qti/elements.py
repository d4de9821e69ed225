"""Reading QTI item XML: element lookup by local name, text and inner HTML of an element,
the normalised HTML of a text field, and the exception that skips one item."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from .. import richtext, xmlparse


VOID = {"br", "img", "hr", "col", "source", "param"}


def _ser_attrs(el) -> str:
    out = []
    for k, v in el.attrib.items():
        name = k.rsplit("}", 1)[-1]
        if name in ("id",) or k.startswith("{http://www.w3.org/2001/XMLSchema-instance}"):
            continue
        out.append(f" {name}={quoteattr(v)}")
    return "".join(out)


def inner_html(el, skip=lambda e: False, replace=None) -> str:
    """The content of ``el`` as HTML without namespaces; ``skip(e)`` drops a child,
    ``replace(e)`` may return a string to put in place of a child."""
    parts = [escape(el.text or "")]
    for child in el:
        if not isinstance(child.tag, str):  # comments, processing instructions
            parts.append(escape(child.tail or ""))
            continue
        rep = replace(child) if replace else None
        if rep is not None:
            parts.append(rep)
        elif not skip(child):
            name = child.tag.rsplit("}", 1)[-1]
            if name.startswith("qti-"):
                name = name[4:]
            inner = inner_html(child, skip, replace)
            if name in VOID and not inner.strip():
                parts.append(f"<{name}{_ser_attrs(child)}/>")
            else:
                parts.append(f"<{name}{_ser_attrs(child)}>{inner}</{name}>")
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def find(el, name: str):
    for e in el.iter():
        if xmlparse.local(e.tag) == name:
            return e
    return None


def children(el, name: str) -> list:
    return [c for c in el if xmlparse.local(c.tag) == name]


def text_of(el) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


class ItemSkipped(Exception):
    """An item that cannot be imported (becomes a ParseResult error)."""


def html_field(raw: str) -> tuple[str, str | None]:
    raw = re.sub(r"<[^>]*class=\"eduapp-media\"[^>]*/>", "", raw)
    if "<pre" not in raw:
        raw = re.sub(r"\s+", " ", raw)
        raw = re.sub(r"\s*(<br/>)\s*", r"\1", raw)
    raw = re.sub(r"<p>\s*</p>", "", raw).strip()
    if raw.startswith("<div>") and raw.endswith("</div>") and \
            raw[5:-6].count("<div") == raw[5:-6].count("</div") and \
            "</div>" not in raw[5:-6].replace("</div>", "", raw[5:-6].count("<div")):
        raw = raw[5:-6]
    return richtext.import_text(raw, "html")


def feedback_text(fb) -> str:
    body = find(fb, "contentbody")
    return html_field(inner_html(body if body is not None else fb))[0]
