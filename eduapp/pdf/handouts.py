"""Handouts: lecture notes (a :class:`~eduapp.domain.Document` whose ``body`` is Markdown)
and case studies (a Document of kind ``case`` with structured ``data``), in English or
Chinese, one clean style: a title block with a rule, headings in bold, 10.5 pt text.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Paragraph, Spacer

from ..domain import Document, Media
from .base import RULE, Styles, atomic_output, build_pdf, frame_size, page_label, page_size
from .fonts import rich
from .markdown import markdown_flowables

#: Order and headings of the usual case-study fields; other fields follow in their order.
CASE_FIELDS = (
    ("learning_objectives", "Learning objectives", "学习目标"),
    ("presentation", "Presentation", "主诉与现病史"),
    ("chief_complaint", "Chief complaint", "主诉"),
    ("history", "History", "病史"),
    ("examination", "Examination", "体格检查"),
    ("investigations", "Investigations", "辅助检查"),
    ("differential_diagnosis", "Differential diagnosis", "鉴别诊断"),
    ("diagnosis", "Diagnosis", "诊断"),
    ("management", "Management", "治疗"),
    ("outcome", "Outcome", "转归"),
    ("discussion", "Discussion", "讨论"),
    ("questions", "Questions for discussion", "思考题"),
    ("key_points", "Key points", "要点"),
    ("references", "References", "参考文献"),
)
_SKIP = {"title", "topic", "system", "language"}


def _heading(key: str, lang: str) -> str:
    for name, en, zh in CASE_FIELDS:
        if name == key:
            return zh if lang == "zh" else en
    return key.replace("_", " ").capitalize()


def _value_markdown(value, depth: int = 0) -> str:
    """Markdown for a JSON value of a case field."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)):
        return str(value)
    pad = "  " * depth
    if isinstance(value, list):
        lines = []
        for v in value:
            if isinstance(v, dict):
                parts = [f"**{k.replace('_', ' ')}:** {x}" if not isinstance(x, (list, dict))
                         else f"**{k.replace('_', ' ')}:**" for k, x in v.items()]
                lines.append(f"{pad}- " + "; ".join(parts))
            elif isinstance(v, list):
                lines.append(_value_markdown(v, depth + 1))
            else:
                lines.append(f"{pad}- {v}")
        return "\n".join(lines)
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, (list, dict)):
                lines.append(f"{pad}- **{k.replace('_', ' ')}:**")
                lines.append(_value_markdown(v, depth + 1))
            else:
                lines.append(f"{pad}- **{k.replace('_', ' ')}:** {v}")
        return "\n".join(lines)
    return str(value)


def _title_block(doc: Document, st: Styles, kind_label: str) -> list:
    out = [Paragraph(rich(kind_label), st.small), Paragraph(rich(doc.title, bold=True), st.h1)]
    meta = " · ".join(x for x in (doc.topic, doc.system) if x)
    if meta:
        out.append(Paragraph(rich(meta), st.small))
    out += [Spacer(1, 2), HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=8)]
    return out


def _media_by_name(doc: Document, media: dict[str, Media] | None) -> dict[str, Media]:
    by_name = {}
    for m in doc.media:
        full = (media or {}).get(m.sha256) or (media or {}).get(m.name) or m
        by_name[m.name] = full
    return by_name


def render_notes_pdf(doc: Document, path: str, *, media: dict[str, Media] | None = None,
                 size_name: str = "A4") -> int:
    """Write lecture notes (``doc.body`` as Markdown) to ``path`` atomically.

    :param media: images by sha256 or name (``bank.get_media``), for ``![alt](name)``.
    :returns: the number of pages.
    :raises MissingMediaError: an image the text refers to is missing.
    """
    lang = doc.language
    st = Styles(lang)
    size = page_size(size_name)
    fw, _ = frame_size(size)
    label = {"notes": ("Lecture notes", "讲义"), "handout": ("Handout", "讲义"),
             "case": ("Case study", "病例分析")}.get(doc.kind, ("Handout", "讲义"))
    story = _title_block(doc, st, label[1] if lang == "zh" else label[0])
    story += markdown_flowables(doc.body, st, fw, _media_by_name(doc, media))
    return _write(path, story, size, doc, lang)


def render_case_pdf(doc: Document, path: str, *, media: dict[str, Media] | None = None,
                size_name: str = "A4") -> int:
    """Write a case study to ``path`` atomically: its structured ``data`` fields under
    headings (:data:`CASE_FIELDS` first, in that order), else its Markdown ``body``.

    :returns: the number of pages.
    """
    lang = doc.language
    st = Styles(lang)
    size = page_size(size_name)
    fw, _ = frame_size(size)
    story = _title_block(doc, st, "病例分析" if lang == "zh" else "Case study")
    by_name = _media_by_name(doc, media)
    data = doc.data or {}
    keys = [k for k, _, _ in CASE_FIELDS if k in data] + [
        k for k in data if k not in {f[0] for f in CASE_FIELDS} and k not in _SKIP]
    for key in keys:
        text = _value_markdown(data[key])
        if not text.strip():
            continue
        story.append(Paragraph(rich(_heading(key, lang), bold=True), st.h2))
        story += markdown_flowables(text, st, fw, by_name)
    if doc.body.strip():
        if keys:
            story.append(Spacer(1, 4 * mm))
        story += markdown_flowables(doc.body, st, fw, by_name)
    return _write(path, story, size, doc, lang)


def _write(path, story, size, doc: Document, lang: str) -> int:
    def footer(n, total):
        return doc.title, page_label(n, total, lang)
    with atomic_output(path) as tmp:
        return build_pdf(tmp, story, size=size, title=doc.title, footer=footer,
                         subject=doc.kind)
