"""Removing the characters XML 1.0 forbids (Word's line-break and end-of-cell marks,
NUL ...) from every text of imported items, so that any export can write them."""

from __future__ import annotations

import re

from ..domain import Item, ItemSet

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
