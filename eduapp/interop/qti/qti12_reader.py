"""Reading QTI 1.2 (``questestinterop``), the version Canvas, Blackboard and Respondus still
export: every ``item`` of a document (inside ``assessment``/``section``/``objectbank`` or
alone), whether the file comes alone or in a content package.

Rules follow the IMS "QTI ASI Information Model" v1.2 (``presentation`` with
``response_lid``/``response_str``/``response_num``, ``resprocessing`` with ``respcondition``
``conditionvar`` ``varequal``/``vargte``/``varlte`` ``and``/``or``/``not``/``other`` and
``setvar``), plus Canvas's ``qtimetadata`` field ``question_type``, which says what an
item is when its structure alone does not (a matching question and a set of drop-downs
look alike). Mapping: one ``response_lid`` -> ``sba``/``tf`` (``rcardinality`` Single) or
``multi`` (Multiple; an ``and`` of the keys is all-or-nothing, per-option ``Add`` scores
give fractions); ``response_str`` -> ``short`` (accepted ``varequal`` answers), ``essay``
(none) or ``numerical`` (Canvas numerical questions, ``vargte``/``varlte`` ranges);
``response_num`` -> ``numerical``; several labelled ``response_lid``s -> ``matching``, or
``cloze`` when the stem holds each one's ``[name]`` (Canvas drop-downs and blanks); no
response -> ``description``. Hotspots, file uploads, calculated and ordering questions are
errors naming the item; the rest still imports.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ...domain import Item, Option
from ...errors import ImportFileError, ValidationError
from .. import grades, identity, mediafiles, richtext, xmlparse
from ..base import ParseResult
from ..cloze import parse_cloze
from .elements import ItemSkipped, children, find, html_field, text_of
from .source import Source, join_href
from .versions import NAME

#: Canvas question types EduApp cannot hold.
UNSUPPORTED_TYPES = {"file_upload_question": "a file upload",
                     "calculated_question": "a calculated (formula) question"}
_RESPONSES = ("response_lid", "response_str", "response_num", "response_grp", "response_xy",
              "response_extension")
#: Canvas's placeholder for the package root in links to files.
_FILE_BASES = ("$IMS_CC_FILE_BASE$", "$IMS-CC-FILEBASE$", "%24IMS_CC_FILE_BASE%24",
               "%24IMS-CC-FILEBASE%24")


@dataclass
class Context:
    """Where a QTI 1.2 document is read from: the package (``None`` for a lone file whose
    folder cannot be listed), the document's folder in it, the path the user gave and the
    result the items and errors go to."""

    source: Source | None
    base_dir: str
    path: str
    result: ParseResult


def parse_document(root, ctx: Context) -> None:
    """Add every item of the ``questestinterop`` element ``root`` to ``ctx.result`` (an
    item that cannot be read is an error naming it; the others still import)."""
    for n, el in enumerate((e for e in root.iter() if xmlparse.local(e.tag) == "item"),
                           start=1):
        label = xmlparse.attr(el, "ident") or xmlparse.attr(el, "title") or f"item {n}"
        try:
            item = _item(el, ctx, label)
            item.validate()
        except (ItemSkipped, ValidationError) as e:
            ctx.result.errors.append(ImportFileError(f"{label}: {e}", file=ctx.path,
                                                     item=label))
            continue
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as e:
            ctx.result.errors.append(ImportFileError(
                f"{label}: the item cannot be read ({e})", file=ctx.path, item=label))
            continue
        ctx.result.units.append(item)


# --- text and media ---------------------------------------------------------------------


def _material(el) -> tuple[str, bool]:
    """The text of the ``material`` children of ``el`` (``mattext``, ``matimage`` as an
    image), and whether it is HTML."""
    parts, is_html = [], False
    for mat in (c for c in el if xmlparse.local(c.tag) in ("material", "flow_mat")):
        for m in mat.iter():
            name = xmlparse.local(m.tag)
            if name in ("mattext", "matemtext"):
                is_html = is_html or "html" in xmlparse.attr(m, "texttype").lower()
                parts.append("".join(m.itertext()))
            elif name == "matimage" and xmlparse.attr(m, "uri"):
                is_html = True
                parts.append(f'<img src="{xmlparse.attr(m, "uri")}" alt=""/>')
    return "\n".join(p for p in parts if p.strip()), is_html


def _text(raw: str, is_html: bool, item: Item | None = None,
          ctx: Context | None = None) -> tuple[str, str | None]:
    """A field's text and format, with the media it shows attached to ``item``."""
    if not is_html:
        return richtext.import_text(raw, "markdown")
    if item is not None and ctx is not None:
        raw = re.sub(r'(src=["\'])([^"\']+)(["\'])',
                     lambda m: m.group(1) + _media(m.group(2), item, ctx) + m.group(3), raw)
    return html_field(raw)


def _media(ref: str, item: Item, ctx: Context) -> str:
    """Attach the package file ``ref`` names to ``item``; its new name, or ``ref`` when
    it is a URL or not in the package (reported)."""
    plain = ref
    for base in _FILE_BASES:
        plain = plain.replace(base, "")
    plain = plain.lstrip("/")
    if ref.startswith("data:") or re.match(r"^[a-z][a-z0-9+.-]*:", plain, re.I):
        return ref
    rel = join_href(ctx.base_dir, plain)
    source = ctx.source
    if source is not None and rel is not None and not source.exists(rel):
        # exporters in the wild put files beside the document or under an extra folder
        tail = "/" + posixpath.normpath(plain)
        rel = next((n for n in source.names() if n.endswith(tail) or n == plain), None)
    if source is None or rel is None or not source.exists(rel):
        ctx.result.errors.append(ImportFileError(
            f"{item.extra.get('title') or item.idnumber or 'an item'}: the file {ref!r} it "
            "shows is not in the package; the item is imported without it", file=ctx.path,
            item=item.idnumber or None))
        return ref
    media, err = mediafiles.make_media(rel, source.read(rel), ctx.path, item.idnumber)
    if err:
        ctx.result.errors.append(err)
        return ref
    mediafiles.attach_media(item, media, ctx.result)
    return media.name


# --- response processing ----------------------------------------------------------------


@dataclass
class _Condition:
    """One ``respcondition``: the ``(respident, value, negated)`` tests of its
    ``conditionvar``, its numeric range tests, the score it sets and its feedback ids."""

    equals: list[tuple[str, str, bool]]
    ranges: dict[str, list[float | None]]
    score: float
    uses_and: bool
    feedback: list[str]


def _conditions(el) -> list[_Condition]:
    out = []
    proc = find(el, "resprocessing")
    for rc in ([] if proc is None else children(proc, "respcondition")):
        cv = find(rc, "conditionvar")
        equals, ranges = [], {}
        for test, negated in _tests(cv):
            name = xmlparse.local(test.tag)
            ident = xmlparse.attr(test, "respident")
            if name == "varequal":
                equals.append((ident, text_of(test), negated))
            elif name in ("vargte", "vargt", "varlte", "varlt") and not negated:
                bounds = ranges.setdefault(ident, [None, None])
                bounds[0 if name.startswith("varg") else 1] = float(text_of(test))
        score = 0.0
        for sv in children(rc, "setvar"):
            try:
                value = float(text_of(sv) or 0)
            except ValueError:
                continue
            action = xmlparse.attr(sv, "action", "Set").lower()
            score = score - value if action == "subtract" else (
                score + value if action == "add" else value)
        fbs = [xmlparse.attr(d, "linkrefid") for d in children(rc, "displayfeedback")]
        out.append(_Condition(equals, ranges, score,
                              cv is not None and find(cv, "and") is not None, fbs))
    return out


def _tests(el, negated: bool = False):
    """``(test element, negated)`` for every ``var*`` test under ``el``."""
    for c in ([] if el is None else el):
        name = xmlparse.local(c.tag)
        if name == "not":
            yield from _tests(c, not negated)
        elif name in ("and", "or"):
            yield from _tests(c, negated)
        elif name.startswith("var"):
            yield c, negated


def _label_scores(conds: list[_Condition], ident: str) -> dict[str, float]:
    """Score each label of response ``ident`` earns: the conditions that test it (not
    negated) and set a score, summed (Respondus ``Add``) or the largest (``Set``)."""
    out: dict[str, float] = {}
    for c in conds:
        for rid, value, negated in c.equals:
            if rid == ident and not negated and c.score:
                out[value] = out.get(value, 0.0) + c.score
    return out


# --- items ------------------------------------------------------------------------------


def _item(el, ctx: Context, label: str) -> Item:
    meta = {text_of(find(f, "fieldlabel")).lower(): text_of(find(f, "fieldentry"))
            for f in el.iter() if xmlparse.local(f.tag) == "qtimetadatafield"}
    qtype = meta.get("question_type", "")
    if qtype in UNSUPPORTED_TYPES:
        raise ItemSkipped(f"this is {UNSUPPORTED_TYPES[qtype]}, which EduApp cannot hold; "
                          "skipped")
    item = Item(type="description", stem="")
    item.provenance = {"source": "imported", "file": ctx.path, "format": NAME}
    if xmlparse.attr(el, "title"):
        item.extra["title"] = xmlparse.attr(el, "title")
    identity.set_identity(item, xmlparse.attr(el, "ident"))
    pres = find(el, "presentation")
    if pres is None:
        raise ItemSkipped("the item has no presentation")
    stem_parts, is_html = [], False
    responses = []
    for node in _walk(pres):
        name = xmlparse.local(node.tag)
        if name in _RESPONSES:
            responses.append(node)
        elif name in ("flow", "presentation"):
            text, html = _material(node)
            stem_parts.append(text)
            is_html = is_html or html
    kinds = {xmlparse.local(r.tag) for r in responses}
    if kinds & {"response_grp", "response_xy", "response_extension"}:
        raise ItemSkipped(f"the item uses {', '.join(sorted(kinds))}, which EduApp cannot "
                          "hold; skipped")
    item.stem, fmt = _text("\n".join(p for p in stem_parts if p), is_html, item, ctx)
    if fmt:
        item.extra["text_format"] = fmt
    conds = _conditions(el)
    feedback = _feedback(el)
    lids = [r for r in responses if xmlparse.local(r.tag) == "response_lid"]
    if len(responses) == 1 and lids and not _material(lids[0])[0]:
        _read_choice(lids[0], conds, feedback, item, qtype)
    elif lids and len(lids) == len(responses):
        _read_labelled(lids, conds, item, qtype)
    elif len(responses) == 1:
        _read_text(responses[0], conds, item, qtype)
    elif responses:
        raise ItemSkipped(f"the item has {len(responses)} responses of different kinds; "
                          "EduApp holds one question per item; skipped")
    general = feedback.get("general_fb") or feedback.get("correct_fb") or ""
    if general:
        item.explanation = general
    return item


def _walk(el):
    """``el``, its ``flow`` descendants and its responses (a response's own material, its
    label, is not the stem's)."""
    yield el
    for c in el:
        name = xmlparse.local(c.tag)
        if name in _RESPONSES:
            yield c
        elif name == "flow":
            yield from _walk(c)


def _feedback(el) -> dict[str, str]:
    """``itemfeedback`` texts by ident."""
    out = {}
    for fb in (c for c in el if xmlparse.local(c.tag) == "itemfeedback"):
        raw, is_html = _material(fb)
        if not raw:
            flow = find(fb, "flow_mat")
            raw, is_html = _material(flow) if flow is not None else ("", False)
        if raw:
            out[xmlparse.attr(fb, "ident")] = _text(raw, is_html)[0]
    return out


def _labels(lid) -> list[tuple[str, str]]:
    """``(ident, text)`` of each ``response_label`` of a response."""
    out = []
    for lab in (e for e in lid.iter() if xmlparse.local(e.tag) == "response_label"):
        raw, is_html = _material(lab)
        out.append((xmlparse.attr(lab, "ident"), _text(raw, is_html)[0]))
    return out


def _read_choice(lid, conds, feedback, item: Item, qtype: str) -> None:
    ident = xmlparse.attr(lid, "ident")
    scores = _label_scores(conds, ident)
    multiple = xmlparse.attr(lid, "rcardinality", "Single").lower() == "multiple" or \
        qtype == "multiple_answers_question"
    all_or_nothing = any(c.uses_and and c.score > 0 for c in conds)
    top = max(scores.values(), default=0.0)
    positive = sum(v for v in scores.values() if v > 0)
    item.type = "multi" if multiple else "sba"
    for lab_id, text in _labels(lid):
        score = scores.get(lab_id, 0.0)
        opt = Option(text=text, correct=score > 0 if multiple else (top > 0 and score == top))
        if not all_or_nothing and top > 0:
            frac = round(max(-1.0, min(1.0, score / (positive if multiple else top))), 7)
            if frac != (1.0 if opt.correct else 0.0):
                opt.fraction = frac
        fb = feedback.get(f"{lab_id}_fb") or next(
            (feedback[f] for c in conds for f in c.feedback if f in feedback
             and any(v == lab_id and not neg for _r, v, neg in c.equals)), "")
        opt.explanation = fb
        item.options.append(opt)
    if multiple:
        grades.normalise_multi(item)
    elif qtype == "true_false_question" or (
            len(item.options) == 2 and {o.text.strip().lower() for o in item.options}
            == {"true", "false"}):
        item.type = "tf"


def _read_labelled(lids, conds, item: Item, qtype: str) -> None:
    """Several responses each with its own label: drop-downs or blanks in the stem
    (``[name]``, Canvas) as a cloze question, else a matching question."""
    names = [_material(lid)[0].strip() for lid in lids]
    in_stem = all(n and f"[{n}]" in item.stem for n in names)
    if qtype in ("multiple_dropdowns_question", "fill_in_multiple_blanks_question") or (
            not qtype and in_stem):
        blanks = qtype == "fill_in_multiple_blanks_question"
        for lid, name in zip(lids, names):
            scores = _label_scores(conds, xmlparse.attr(lid, "ident"))
            labels = _labels(lid)
            if blanks:
                right = [t for i, t in labels if scores.get(i, 0) > 0] or [t for _i, t in labels]
                gap = "{1:SHORTANSWER:" + "~".join("=" + _escape(t) for t in right) + "}"
            else:
                gap = "{1:MULTICHOICE:" + "~".join(
                    ("=" if scores.get(i, 0) > 0 else "") + _escape(t) for i, t in labels) + "}"
            item.stem = item.stem.replace(f"[{name}]", gap, 1)
        item.type = "cloze"
        item.extra["cloze"] = {"subquestions": parse_cloze(item.stem)}
        return
    item.type = "matching"
    rights: list[str] = []
    for lid, left in zip(lids, names):
        scores = _label_scores(conds, xmlparse.attr(lid, "ident"))
        labels = _labels(lid)
        for _i, t in labels:
            if t not in rights:
                rights.append(t)
        right = next((t for i, t in labels if scores.get(i, 0) > 0), "")
        item.options.append(Option(text=left, correct=bool(right), match=right))
    used = {o.match for o in item.options}
    item.options += [Option(text="", correct=False, match=r) for r in rights if r not in used]


def _escape(text: str) -> str:
    return re.sub(r"([~}#\\=])", r"\\\1", text)


def _read_text(resp, conds, item: Item, qtype: str) -> None:
    ident = xmlparse.attr(resp, "ident")
    numeric = xmlparse.local(resp.tag) == "response_num" or qtype == "numerical_question"
    positive = [c for c in conds if c.score > 0]
    top = max((c.score for c in positive), default=1.0)
    if numeric:
        item.type = "numerical"
        for c in positive:
            frac = round(c.score / top, 7)
            lo, hi = c.ranges.get(ident, [None, None])
            values = [v for r, v, neg in c.equals if r == ident and not neg]
            if lo is not None and hi is not None:
                opt = Option(text=f"{(lo + hi) / 2:g}", correct=True, tolerance=(hi - lo) / 2)
            elif values:
                opt = Option(text=values[0], correct=True, tolerance=0.0)
            else:
                continue
            if frac != 1.0:
                opt.fraction = frac
            item.options.append(opt)
        if not item.options:
            raise ItemSkipped("the numerical question has no answer EduApp can read")
        return
    answers = []
    for c in positive:
        for r, value, neg in c.equals:
            if r == ident and not neg and value not in answers:
                answers.append(value)
    if not answers or qtype == "essay_question":
        item.type = "essay"
        return
    item.type = "short"
    item.options = [Option(text=a, correct=True) for a in answers]
