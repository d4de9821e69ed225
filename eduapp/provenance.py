"""Provenance of content: which guideline or textbook it rests on, who wrote it, who
reviewed it and when.

An item's (or set's, or document's) ``provenance`` is a plain JSON object (see
``docs/eduapp-json.md``). Older keys stay as they were (``source``, ``provider``,
``model``, ``prompt_version``, ``generation_id``, ``file``, ``format``, ``at``,
``verification``); the keys below were added for issue 16 and are all optional, so a
bank or file without them is still valid (nothing to migrate: the bank stores provenance
as one JSON column)::

    {
      "source": "starter",
      "sources": [{"kind": "guideline", "title": "2024 ESC Guidelines for the management of
                   atrial fibrillation", "edition": "2024", "year": 2024}, ...],
      "author": {"kind": "human" | "model" | "unrecorded", "name": "...",
                 "provider": "...", "model": "..."},
      "reviewer": {"kind": "human" | "model", "name": "...", "provider": "...", "model": "..."},
      "reviewed_at": "2026-11-30",
      "review_changes": "what the reviewer changed (empty when nothing)",
      "revisions": [{"date": "2026-11-30", "by": {...contributor...}, "change": "..."}]
    }

A *contributor* (``author``, ``reviewer``, ``revisions[].by``) is a person
(``kind: human``, ``name``) or a language model (``kind: model``, ``provider`` and
``model``, optionally a ``name`` for the run); ``unrecorded`` says honestly that nobody
wrote down who made it. Dates are ISO ``YYYY-MM-DD`` strings (day precision is what a
review record needs, and strings sort in date order, so SQLite can compare them).

Pure functions, no I/O: any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError

__all__ = ["CONTRIBUTOR_KINDS", "SOURCE_KINDS", "parse_reference", "sources_from_references",
           "author_of", "reviewer_of", "review_date", "review_year", "describe_contributor",
           "check_provenance", "normalise_provenance", "contributor_from_text", "Contributor"]

#: Who made or checked content.
CONTRIBUTOR_KINDS = ("human", "model", "unrecorded")

#: What a source is.
SOURCE_KINDS = ("guideline", "textbook", "article", "other")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Contributor:
    """A person or a model that wrote or reviewed content.

    :ivar kind: one of :data:`CONTRIBUTOR_KINDS`.
    :ivar name: a person's name, or a label for a model run.
    :ivar provider: for models: who serves it (``OpenAI``, ``DeepSeek``, ``embedded``).
    :ivar model: for models: the model name as the provider spells it.
    """

    kind: str
    name: str = ""
    provider: str = ""
    model: str = ""

    def to_dict(self) -> dict:
        """The JSON shape, empty fields left out."""
        return {k: v for k, v in (("kind", self.kind), ("name", self.name),
                                  ("provider", self.provider), ("model", self.model)) if v}


# ------------------------------------------------------------------ references -> sources

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_EDITION_EN = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+ed(?:ition|\.)?", re.I)
_EDITION_ZH = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]+)\s*版")
_GUIDELINE = re.compile(r"guideline|guidance|consensus|recommendation|standards? of|report\b|"
                        r"criteria|statement|指南|共识|规范|标准|建议|诊断\s*[（(]WS", re.I)
_TEXTBOOK = re.compile(r"\bed\.|edition|textbook|principles of|pharmacological basis|"
                       r"pathologic basis|《[^》]{1,20}》\s*第\s*\S+\s*版|人民卫生出版社", re.I)
_ARTICLE = re.compile(r"\bet al\b|N Engl J Med|Lancet|JAMA|BMJ|\d{4};\d+:", re.I)
_TITLE_ZH = re.compile(r"《([^》]+)》")
_STANDARD = re.compile(r"\b(?:GB|WS|GB/T|WS/T|YY)\s*[\d.]+\s*[—–-]\s*(\d{2}|\d{4})(?!\d)")


def parse_reference(text: str) -> dict:
    """A structured source from one free-text reference.

    :param text: a citation as teachers write it (``"2024 ESC Guidelines for the management
        of atrial fibrillation (Eur Heart J 2024;45:3314-3414)"``, ``"《内科学》第9版（人民卫生
        出版社，2018）"``, ``"Harrison's Principles of Internal Medicine, 21st ed. (2022)"``).
    :returns: ``{"kind", "title", "edition", "year"}``: ``kind`` one of
        :data:`SOURCE_KINDS`; ``title`` the reference text itself (the Chinese title inside
        《》 when there is one); ``edition`` the edition as written (``"21st ed."``,
        ``"第9版"``; for guidelines and articles the year), ``""`` when none; ``year`` the
        latest year (int) named in the text, or ``None``. Rules: the kind is ``textbook``
        when an edition is named, else ``guideline`` for guideline/consensus/criteria/指南/
        共识 wording, else ``article`` for journal citations, else ``other``.
    """
    text = " ".join(str(text).split())
    years = [int(y) for y in _YEAR.findall(text)]
    # Chinese national standards give the year after a dash, two digits before 2000:
    # 《…》（GB 14938—94）, WS 288—2017
    for m in _STANDARD.finditer(text):
        y = int(m.group(1))
        years.append(y + 1900 if y < 100 else y)
    year = max(years) if years else None
    m_en, m_zh = _EDITION_EN.search(text), _EDITION_ZH.search(text)
    edition = m_en.group(0) if m_en else m_zh.group(0) if m_zh else ""
    m_title = _TITLE_ZH.search(text)
    named = m_title.group(1) if m_title else text
    if edition and not _GUIDELINE.search(named):
        kind = "textbook"
    elif _GUIDELINE.search(text):
        kind = "guideline"
    elif _ARTICLE.search(text):
        kind = "article"
    elif _TEXTBOOK.search(text):
        kind = "textbook"
    else:
        kind = "other"
    if not edition and kind in ("guideline", "article") and year:
        edition = str(year)
    title = m_title.group(1) if m_title and kind == "textbook" else text
    return {"kind": kind, "title": title, "edition": edition, "year": year}


def sources_from_references(references: list[str]) -> list[dict]:
    """:func:`parse_reference` for each reference, in order (empty ones skipped)."""
    return [parse_reference(r) for r in references if str(r).strip()]


# ------------------------------------------------------------------ reading provenance

def _contributor(value) -> Contributor | None:
    if not isinstance(value, dict) or not value.get("kind"):
        return None
    return Contributor(kind=str(value.get("kind", "")), name=str(value.get("name", "")),
                       provider=str(value.get("provider", "")), model=str(value.get("model", "")))


def author_of(provenance: dict) -> Contributor | None:
    """Who wrote the content: ``provenance["author"]``, else, for items generated before
    the author was recorded, the model named by the older ``provider``/``model`` keys;
    ``None`` when nothing says."""
    if not isinstance(provenance, dict):
        return None
    found = _contributor(provenance.get("author"))
    if found:
        return found
    if provenance.get("source") == "generated" and (provenance.get("model")
                                                      or provenance.get("provider")):
        return Contributor("model", provider=str(provenance.get("provider", "")),
                           model=str(provenance.get("model", "")))
    return None


def reviewer_of(provenance: dict) -> Contributor | None:
    """Who last reviewed the content (``provenance["reviewer"]``), or ``None``."""
    return _contributor(provenance.get("reviewer")) if isinstance(provenance, dict) else None


def review_date(provenance: dict) -> str:
    """The last review date ``YYYY-MM-DD``, or ``""`` when the content was never reviewed."""
    if not isinstance(provenance, dict):
        return ""
    value = str(provenance.get("reviewed_at") or "")
    return value if _DATE.match(value) else ""


def review_year(provenance: dict) -> int | None:
    """The year of the last review, or ``None``."""
    date = review_date(provenance)
    return int(date[:4]) if date else None


def describe_contributor(c: Contributor | None, *, language: str = "en") -> str:
    """One line for the editor: ``"Dr Li (human)"``, ``"model gpt-4o via OpenAI"``,
    ``"not recorded"``."""
    zh = language == "zh"
    if c is None or c.kind == "unrecorded":
        base = "未记录" if zh else "not recorded"
        return f"{base} ({c.name})" if c is not None and c.name else base
    if c.kind == "model":
        model = c.model or ("未知模型" if zh else "unknown model")
        via = f" · {c.provider}" if c.provider else ""
        label = f"模型 {model}{via}" if zh else f"model {model}{via}"
        return f"{label} ({c.name})" if c.name else label
    return f"{c.name or ('未署名' if zh else 'unnamed')}（人工）" if zh else \
        f"{c.name or 'unnamed'} (human)"


def check_provenance(provenance: dict, *, complete: bool = False) -> None:
    """Check the issue-16 provenance keys that are present.

    :param complete: also require ``sources`` (each with a year), ``author``, ``reviewer``
        and ``reviewed_at`` (the starter bank's rule).
    :raises ValidationError: a malformed key (an unknown contributor kind, a model without
        ``model``, a date not ``YYYY-MM-DD``, a source without a title), or, with
        ``complete``, a missing one.
    """
    if not isinstance(provenance, dict):
        raise ValidationError(code="prov.not-object")
    for key in ("author", "reviewer"):
        value = provenance.get(key)
        if value is None:
            if complete:
                raise ValidationError(code="prov.missing", values={"key": key})
            continue
        c = _contributor(value)
        if c is None or c.kind not in CONTRIBUTOR_KINDS:
            raise ValidationError(code="prov.kind",
                                  values={"key": key, "choices": list(CONTRIBUTOR_KINDS)})
        if c.kind == "model" and not (c.model and c.provider):
            raise ValidationError(code="prov.model", values={"key": key})
        if c.kind == "human" and not c.name:
            raise ValidationError(code="prov.person", values={"key": key})
    if "reviewed_at" in provenance or complete:
        if not review_date(provenance):
            raise ValidationError(code="prov.date", values={"format": "YYYY-MM-DD"})
    sources = provenance.get("sources")
    if sources is None:
        if complete:
            raise ValidationError(code="prov.no-sources")
        return
    if not isinstance(sources, list) or (complete and not sources):
        raise ValidationError(code="prov.sources-list")
    for s in sources:
        if not isinstance(s, dict) or not str(s.get("title", "")).strip():
            raise ValidationError(code="prov.source-title")
        if s.get("kind") not in SOURCE_KINDS:
            raise ValidationError(code="prov.source-kind",
                                  values={"choices": list(SOURCE_KINDS)})
        if complete and not isinstance(s.get("year"), int):
            raise ValidationError(code="prov.source-year",
                                  values={"title": s["title"][:60]})


# ------------------------------------------------------------------ older / free-form shapes

_MODEL_NOTE = re.compile(r"[(（]\s*(?:model-assisted|model|模型辅助|模型)\s*[:：]\s*"
                         r"(?P<provider>[^\s)）]+)\s+(?P<model>[^)）]+?)\s*[)）]", re.I)
_SELF_CHECK = re.compile(r"self[- ]check|自查|author", re.I)


def contributor_from_text(text: str, *, author: dict | None = None) -> dict:
    """A contributor from a free-text name.

    ``"EduApp content team (model-assisted: Anthropic Claude)"`` -> a model (provider
    ``Anthropic``, model ``Claude``, name ``EduApp content team``); a reviewer written as
    the author's self-check (``"author self-check ..."``, ``"作者自查"``) -> the ``author``
    contributor with that text as its name; anything else -> a person of that name.
    """
    text = " ".join(str(text).split())
    m = _MODEL_NOTE.search(text)
    if m:
        name = (text[:m.start()] + text[m.end():]).strip(" ,;，；")
        d = {"kind": "model", "provider": m.group("provider"), "model": m.group("model").strip()}
        if name:
            d["name"] = name
        return d
    if author and _SELF_CHECK.search(text):
        return {**author, "name": text}
    return {"kind": "human", "name": text}


def normalise_provenance(provenance: dict, references: list[str] = ()) -> dict:
    """The provenance in the shape of this module, from older or free-form spellings:
    ``reference``/``references`` strings -> ``sources`` (with the item's ``references``);
    ``author``/``reviewer`` as text -> contributors (:func:`contributor_from_text`);
    ``reviewed``/``review_date`` -> ``reviewed_at``. Keys already in shape are kept; the
    input is not changed.

    :returns: a new dict; run :func:`check_provenance` on it to see what is still missing.
    """
    prov = dict(provenance or {})
    if not prov.get("sources"):
        refs = [str(r) for r in references if str(r).strip()]
        for key in ("reference", "references"):
            value = prov.get(key)
            extra = [value] if isinstance(value, str) else list(value or [])
            refs += [r for r in extra if r and r not in refs]
        if refs:
            prov["sources"] = sources_from_references(refs)
    for key in ("reference", "references"):
        if key in prov and prov.get("sources"):
            prov.pop(key)
    if isinstance(prov.get("author"), str):
        prov["author"] = contributor_from_text(prov["author"])
    if isinstance(prov.get("reviewer"), str):
        author = prov["author"] if isinstance(prov.get("author"), dict) else None
        prov["reviewer"] = contributor_from_text(prov["reviewer"], author=author)
    for key in ("reviewed", "review_date", "reviewed_on"):
        value = prov.get(key)
        if isinstance(value, str) and _DATE.match(value.strip()) and not prov.get("reviewed_at"):
            prov["reviewed_at"] = value.strip()
            prov.pop(key)
    return prov
