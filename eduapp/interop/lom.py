"""IEEE LOM metadata for an item's provenance, for content packages (QTI).

An IMS content package may describe each resource with a ``<metadata>`` block in IEEE LOM
(IEEE 1484.12.1-2002, LOMv1.0 vocabulary; the IMS QTI 2.1 and 3.0 packaging guides put
item metadata there). EduApp writes what LOM has a place for:

- ``lifeCycle/contribute`` with role ``author`` (the author) and role ``validator`` (the
  last reviewer, with the review date ``YYYY-MM-DD``); a contributor is a vCard ``FN``
  (a person's name, or ``model (provider)`` for a language model);
- ``relation`` with kind ``isbasedon`` for each source (guideline or textbook), its edition
  and year in the description.

Pure functions: any thread.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..domain import Item
from ..provenance import author_of, review_date, reviewer_of

__all__ = ["LOM_NS", "lom_metadata"]

LOM_NS = "http://ltsc.ieee.org/xsd/LOM"


def _vcard(c) -> str:
    if c.kind == "model":
        name = f"{c.model or 'model'} ({c.provider})" if c.provider else (c.model or c.name)
    else:
        name = c.name or c.kind
    return escape(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEND:VCARD")


def _contribute(role: str, c, date: str = "") -> str:
    when = f"<date><dateTime>{date}</dateTime></date>" if date else ""
    return (f"<contribute><role><source>LOMv1.0</source><value>{role}</value></role>"
            f"<entity>{_vcard(c)}</entity>{when}</contribute>")


def lom_metadata(item: Item) -> str:
    """A ``<metadata>`` element (LOM in :data:`LOM_NS`) for ``item``'s provenance, or
    ``""`` when it records no author, reviewer or source."""
    prov = item.provenance or {}
    parts = []
    author = author_of(prov)
    reviewer = reviewer_of(prov)
    if author is not None and author.kind != "unrecorded":
        parts.append(_contribute("author", author))
    if reviewer is not None and reviewer.kind != "unrecorded":
        parts.append(_contribute("validator", reviewer, review_date(prov)))
    life = f"<lifeCycle>{''.join(parts)}</lifeCycle>" if parts else ""
    relations = []
    for src in prov.get("sources") or []:
        if not isinstance(src, dict) or not src.get("title"):
            continue
        extra = ", ".join(str(x) for x in (src.get("kind"), src.get("edition"), src.get("year"))
                          if x)
        text = f"{src['title']} ({extra})" if extra else str(src["title"])
        relations.append("<relation><kind><source>LOMv1.0</source><value>isbasedon</value>"
                         "</kind><resource><description><string>"
                         f"{escape(text)}</string></description></resource></relation>")
    if not life and not relations:
        return ""
    return f'<metadata><lom xmlns="{LOM_NS}">{life}{"".join(relations)}</lom></metadata>'
