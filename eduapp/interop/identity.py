"""An item's identity across formats: the id an exporter writes and how an imported id
becomes the item's uid or idnumber again."""

from __future__ import annotations

import re

from ..domain import Item


UID_RE = re.compile(r"[0-9a-f]{32}")


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
