"""Reading each QTI interaction into an EduApp item: choice, hottext, gapMatch, match and
order, textEntry, inlineChoice (as a cloze gap)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ...domain import Item, Option
from .. import grades, xmlparse
from ..moodle_xml import TRUE_WORDS
from .elements import ItemSkipped, children, feedback_text, html_field, inner_html, text_of
from .responses import (ResponseDecl, processing_bands, processing_matches,
                        processing_otherwise, processing_tolerance)


def read_choice(root, inter, decl: ResponseDecl, item: Item, ids: dict) -> None:
    choices = children(inter, "simplechoice")
    correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0} or set(
        processing_matches(root, xmlparse.attr(inter, "responseIdentifier")))
    max_choices = xmlparse.attr(inter, "maxChoices", "1")
    multiple = decl.cardinality in ("multiple", "ordered") or max_choices not in ("1", "")
    item.type = "multi" if multiple else "sba"
    for c in choices:
        ident = xmlparse.attr(c, "identifier")
        fbs = [f for f in c.iter() if xmlparse.local(f.tag) == "feedbackinline"]
        text = html_field(inner_html(c, lambda e: xmlparse.local(e.tag) == "feedbackinline"))[0]
        opt = Option(text=text, correct=ident in correct,
                     fixed=xmlparse.attr(c, "fixed") == "true")
        if fbs:
            opt.explanation = feedback_text(fbs[0])
        ids[ident] = opt
        item.options.append(opt)
    if decl.mapping:
        positives = [v for v in decl.mapping.values() if v > 0]
        top = decl.upper if (multiple and decl.upper) else (
            sum(positives) if multiple else max(positives or [1.0]))
        top = top or 1.0
        for ident, opt in ids.items():
            value = decl.mapping.get(ident, decl.default)
            frac = round(max(-1.0, min(1.0, value / top)), 7)
            if not multiple:
                opt.correct = frac >= 0.99999 if decl.correct == [] else opt.correct
            if frac != (1.0 if opt.correct else 0.0):
                opt.fraction = frac
        if multiple:
            grades.normalise_multi(item)
    if item.type == "sba" and len(item.options) == 2 and all(
            o.text.strip().lower() in TRUE_WORDS | {"false", "f", "no", "错误", "错", "否",
                                                    "faux", "falsch", "falso"}
            for o in item.options):
        item.type = "tf"


def read_hottext(inter, decl: ResponseDecl, item: Item) -> None:
    """A hottextInteraction as a multiple-response (``maxChoices`` != 1) or single-best-
    answer item whose options are the hot spans, in passage order."""
    spans = [e for e in inter.iter() if xmlparse.local(e.tag) == "hottext"]
    if len(spans) < 2:
        raise ItemSkipped("the hottext interaction has fewer than two hot spans")
    correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0}
    single = xmlparse.attr(inter, "maxChoices", "1") == "1" and decl.cardinality == "single"
    item.type = "sba" if single else "multi"
    for e in spans:
        item.options.append(Option(text=html_field(inner_html(e))[0],
                                   correct=xmlparse.attr(e, "identifier") in correct))
    if item.type == "multi":
        grades.normalise_multi(item)


def gap_match_html(inter, decls, skip, replace) -> str:
    """A gapMatchInteraction as cloze HTML: its passage with each ``gap`` replaced by a
    Moodle MULTICHOICE gap over the gap texts (the right one from the directedPair
    ``gapText gap`` values)."""
    decl = decls.get(xmlparse.attr(inter, "responseIdentifier"), ResponseDecl())
    texts = [(xmlparse.attr(g, "identifier"), text_of(g)) for g in children(inter, "gaptext")]
    right = {}
    for pair in list(decl.correct) + [k for k, v in decl.mapping.items() if v > 0]:
        parts = pair.split()
        if len(parts) == 2:
            right.setdefault(parts[1], parts[0])

    def gap(e):
        if xmlparse.local(e.tag) == "gap":
            want = right.get(xmlparse.attr(e, "identifier"))
            answers = [("=" if ident == want else "") + _cloze_escape(t) for ident, t in texts]
            return escape("{1:MULTICHOICE:" + "~".join(answers) + "}")
        if xmlparse.local(e.tag) in ("gaptext", "prompt"):
            return ""
        return replace(e)

    prompt = children(inter, "prompt")
    head = f"<p>{inner_html(prompt[0])}</p>" if prompt else ""
    return head + inner_html(inter, skip, gap)


def read_match(root, inter, decl: ResponseDecl, item: Item, kind: str) -> None:
    item.type = "matching"
    if kind == "orderinteraction":
        choices = children(inter, "simplechoice")
        order = decl.correct
        for c in choices:
            ident = xmlparse.attr(c, "identifier")
            pos = order.index(ident) + 1 if ident in order else 0
            item.options.append(Option(text=html_field(inner_html(c))[0], correct=True,
                                       match=str(pos) if pos else ""))
        return
    sets = children(inter, "simplematchset")
    if len(sets) != 2:
        raise ItemSkipped("a match interaction needs two simpleMatchSets")
    texts = [{xmlparse.attr(c, "identifier"): html_field(inner_html(c))[0]
              for c in children(s, "simpleassociablechoice")} for s in sets]
    pairs = [v.split() for v in (decl.correct or [k for k, v in decl.mapping.items()
                                                   if v > 0])]
    used = set()
    for left_id, left in texts[0].items():
        targets = [p[1] for p in pairs if len(p) == 2 and p[0] == left_id]
        for t in targets or [None]:
            right = texts[1].get(t, "") if t else ""
            used.add(t)
            item.options.append(Option(text=left, correct=bool(right), match=right))
    for right_id, right in texts[1].items():
        if right_id not in used:
            item.options.append(Option(text="", correct=False, match=right))


def read_text_entry(root, gap, decls, item: Item) -> None:
    decl = decls.get(xmlparse.attr(gap, "responseIdentifier"), ResponseDecl())
    numeric = decl.base_type in ("float", "integer")
    item.type = "numerical" if numeric else "short"
    bands = processing_bands(root, decl) if numeric else []
    if bands:
        top = max(score for _, _, score in bands) or 1.0
        for value, tol, score in bands:
            frac = round(score / top, 7)
            opt = Option(text=value, correct=frac > 0, tolerance=tol)
            if frac not in (0.0, 1.0):
                opt.fraction = frac
            item.options.append(opt)
        _catch_all(item, processing_otherwise(root), top)
        return
    tol = processing_tolerance(root) if numeric else None
    seen = []
    values = list(decl.correct)
    top = max([v for v in decl.mapping.values() if v > 0] or [1.0])
    for k, v in decl.mapping.items():
        if k not in values:
            values.append(k)
    for v in values:
        if v in seen:
            continue
        seen.append(v)
        frac = round(decl.mapping.get(v, top) / top, 7) if decl.mapping else 1.0
        opt = Option(text=v, correct=frac > 0)
        if frac != (1.0 if opt.correct else 0.0):
            opt.fraction = frac
        if numeric:
            opt.tolerance = tol
        item.options.append(opt)
    if decl.mapping and not numeric:
        _catch_all(item, decl.default, top)
    if not decl.case_sensitive:
        item.extra["qti"] = {"case_sensitive": False}


def _catch_all(item: Item, score: float, top: float) -> None:
    """Add Moodle's catch-all answer ``*`` when any other response earns ``score`` (a
    mapping's ``defaultValue``, the ``responseElse`` of numerical bands) out of ``top``."""
    if score <= 0 or any(o.text == "*" for o in item.options):
        return
    frac = round(min(score / (top or 1.0), 1.0), 7)
    item.options.append(Option(text="*", correct=True, fraction=None if frac == 1.0 else frac))


def _cloze_escape(text: str) -> str:
    return re.sub(r"([~}#\\])", r"\\\1", text)


def cloze_gap(gap, decls, root) -> str:
    decl = decls.get(xmlparse.attr(gap, "responseIdentifier"), ResponseDecl())
    if xmlparse.local(gap.tag) == "inlinechoiceinteraction":
        answers = []
        correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0}
        for c in children(gap, "inlinechoice"):
            mark = "=" if xmlparse.attr(c, "identifier") in correct else ""
            answers.append(mark + _cloze_escape(text_of(c)))
        return "{1:MULTICHOICE:" + "~".join(answers) + "}"
    kind = "NUMERICAL" if decl.base_type in ("float", "integer") else "SHORTANSWER"
    values = list(decl.correct) + [k for k, v in decl.mapping.items()
                                   if v > 0 and k not in decl.correct]
    return "{1:" + kind + ":" + "~".join("=" + _cloze_escape(v) for v in values) + "}"
