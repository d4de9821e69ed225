"""Writing one EduApp item as a QTI ``assessmentItem`` document, 2.1 or 3.0."""

from __future__ import annotations

import posixpath
import re
from xml.sax.saxutils import escape, quoteattr

from ...domain import Item
from .. import grades, mediafiles, richtext
from ..cloze import parse_cloze
from .response_processing import correct_response, format_number, response_processing
from .versions import ITEM_SCHEMA, NS, TEMPLATE, attribute_name
from .xhtml import to_xhtml


def qti_identifier(item: Item) -> str:
    """A valid QTI identifier (an XML NCName) for ``item``: its idnumber when that is one,
    else ``eduapp_<uid>``."""
    ident = item.idnumber
    if ident and re.fullmatch(r"[A-Za-z_][\w.\-]*", ident):
        return ident
    return "eduapp_" + item.uid


def item_xml(item: Item, version: str = "2.1", media_paths: dict | None = None) -> str:
    """One item as a QTI ``assessmentItem`` document (2.1 or 3.0).

    :param media_paths: media name -> path relative to the item file (``../media/x.png``).
    :raises ExportError: an item type QTI cannot hold (there is none today).
    """
    t = TEMPLATE["3.0" if version == "3.0" else "2.1"]
    A = lambda n: attribute_name(version, n)  # noqa: E731
    media_paths = media_paths or {}
    fmt = item.extra.get("text_format")

    def rewrite(src: str) -> str:
        name = posixpath.basename(src.replace("@@PLUGINFILE@@/", "").replace("\\", "/"))
        from urllib.parse import unquote
        return media_paths.get(unquote(name), src)

    def x(text: str) -> str:
        return to_xhtml(text, fmt, rewrite, "3.0" if version == "3.0" else "2.1")

    def correct(values) -> str:
        return correct_response(t, values)

    def mapping_xml(entries, attrs="", default: float = 0.0) -> str:
        # a mapping needs at least one mapEntry; defaultValue scores any other response
        return (f'<{t["mapping"]}{attrs} {A("defaultValue")}="{format_number(default)}">'
                + "".join(entries) + f'</{t["mapping"]}>') if entries else ""

    def inline(text: str) -> str:  # feedbackInline holds inline content only
        return escape(richtext.html_to_text(text) if fmt == "html" else text)

    decls, body, rp, fbs = [], [], [], []
    multiple = item.type == "multi"
    has_fb = any(o.explanation for o in item.options)
    stem_xhtml = x(item.full_stem)
    referenced = set(re.findall(r'(?:src|data)="([^"]+)"', stem_xhtml))
    for name, rel in media_paths.items():
        if rel not in referenced:
            mime = mediafiles.guess_mime(name)
            if mime.startswith("image/"):
                stem_xhtml += (f'<p><img src={quoteattr(rel)} alt={quoteattr(name)} '
                               f'class="eduapp-media"/></p>')
    card = "multiple" if multiple else "single"
    score_rules = ""
    if item.type in ("sba", "multi", "tf"):
        ids = [f"choice_{k + 1}" for k in range(len(item.options))]
        keys = [i for i, o in zip(ids, item.options) if o.correct]
        mapping = ""
        fractions = item.type == "multi" or any(o.fraction is not None for o in item.options)
        if fractions:
            entries = [f'<{t["me"]} {A("mapKey")}="{i}" {A("mappedValue")}='
                       f'"{format_number(grades.answer_fraction(item, o))}" '
                       f'{A("caseSensitive")}="true"/>' for i, o in zip(ids, item.options)]
            mapping = mapping_xml(entries, f' {A("lowerBound")}="0" {A("upperBound")}="1"')
        decls.append(f'<{t["rd"]} identifier="RESPONSE" cardinality="{card}" '
                     f'{A("baseType")}="identifier">{correct(keys)}{mapping}</{t["rd"]}>')
        choices = []
        for i, o in zip(ids, item.options):
            fb = (f'<{t["fi"]} {A("outcomeIdentifier")}="FEEDBACK" identifier="{i}" '
                  f'{A("showHide")}="show">{inline(o.explanation)}</{t["fi"]}>') \
                if o.explanation \
                else ""
            fixed = "true" if o.fixed else "false"
            choices.append(f'<{t["sc"]} identifier="{i}" fixed="{fixed}">{x(o.text)}{fb}'
                           f'</{t["sc"]}>')
        shuffle = _shuffle(item)
        body.append(f'<div>{stem_xhtml}</div><{t["choice_i"]} {A("responseIdentifier")}='
                    f'"RESPONSE" shuffle="{shuffle}" {A("maxChoices")}='
                    f'"{0 if multiple else 1}">' + "".join(choices) + f'</{t["choice_i"]}>')
        score_rules = "map" if fractions else "match"
    elif item.type in ("short", "numerical"):
        numeric = item.type == "numerical"
        base = "float" if numeric else "string"
        accepted = [o for o in item.options if o.correct and o.text != "*"]
        # Moodle's catch-all answer "*": its share goes to any other response
        other = max([grades.answer_fraction(item, o) for o in item.options
                     if o.text == "*"] + [0.0])
        entries = []
        for o in item.options:
            if o.text == "*":
                continue
            f = o.fraction if o.fraction is not None else (1.0 if o.correct else 0.0)
            # caseSensitive is required on every mapEntry by the QTI 2.1 XSD
            case = f' {A("caseSensitive")}="' + ("true" if numeric else (
                "false" if (item.extra.get("qti") or {}).get("case_sensitive") is False
                or (item.extra.get("moodle") or {}).get("usecase") == "0" else "true")) + '"'
            entries.append(f'<{t["me"]} {A("mapKey")}={quoteattr(o.text)} '
                           f'{A("mappedValue")}="{format_number(f)}"{case}/>')
        mapping = "" if numeric else mapping_xml(entries, default=other)
        cr = correct(escape(o.text) for o in accepted[:1])
        decls.append(f'<{t["rd"]} identifier="RESPONSE" cardinality="single" '
                     f'{A("baseType")}="{base}">{cr}{mapping}</{t["rd"]}>')
        body.append(f'<div>{stem_xhtml}</div><p><{t["te"]} {A("responseIdentifier")}='
                    f'"RESPONSE" {A("expectedLength")}="20"/></p>')
        if numeric:
            # every band: (value, tolerance, fraction), best first, so a response inside
            # several bands earns the best (Moodle's numerical grading)
            bands = []
            for o in item.options:
                try:
                    value = float(o.text)
                except (TypeError, ValueError):
                    continue  # "*" (any other answer) or not a number: no band
                frac = grades.answer_fraction(item, o)
                if frac > 0:
                    bands.append((value, abs(o.tolerance or 0.0), frac))
            bands.sort(key=lambda b: -b[2])
            score_rules = ("bands", bands, other) if bands else ""
        else:
            score_rules = "map" if mapping else ""
    elif item.type == "matching" and (item.extra.get("qti") or {}).get("interaction") == "order":
        ordered = sorted([(int(o.match), k) for k, o in enumerate(item.options)
                          if (o.match or "").isdigit()])
        ids = [f"choice_{k + 1}" for k in range(len(item.options))]
        decls.append(f'<{t["rd"]} identifier="RESPONSE" cardinality="ordered" '
                     f'{A("baseType")}="identifier">{correct(ids[k] for _, k in ordered)}'
                     f'</{t["rd"]}>')
        body.append(f'<div>{stem_xhtml}</div><{t["oi"]} {A("responseIdentifier")}="RESPONSE" '
                    f'shuffle="true">' + "".join(
                        f'<{t["sc"]} identifier="{i}">{x(o.text)}</{t["sc"]}>'
                        for i, o in zip(ids, item.options)) + f'</{t["oi"]}>')
        score_rules = "match" if ordered else ""
    elif item.type == "matching":
        lefts = [(f"L{k + 1}", o) for k, o in enumerate(item.options) if o.text]
        rights: list[tuple[str, str]] = []
        for o in item.options:
            if o.match and o.match not in [r for _, r in rights]:
                rights.append((f"R{len(rights) + 1}", o.match))
        rid = {r: i for i, r in rights}
        pairs = [f"{li} {rid[o.match]}" for li, o in lefts if o.match in rid]
        decls.append(f'<{t["rd"]} identifier="RESPONSE" cardinality="multiple" '
                     f'{A("baseType")}="directedPair">{correct(pairs)}'
                     + mapping_xml([f'<{t["me"]} {A("mapKey")}="{p}" {A("mappedValue")}="1" '
                                    f'{A("caseSensitive")}="true"/>' for p in pairs])
                     + f'</{t["rd"]}>')
        sms = (f'<{t["sms"]}>' + "".join(
            f'<{t["sac"]} identifier="{i}" {A("matchMax")}="1">{x(o.text)}</{t["sac"]}>'
            for i, o in lefts) + f'</{t["sms"]}><{t["sms"]}>' + "".join(
            f'<{t["sac"]} identifier="{i}" {A("matchMax")}="{len(lefts)}">{x(r)}</{t["sac"]}>'
            for i, r in rights) + f'</{t["sms"]}>')
        body.append(f'<div>{stem_xhtml}</div><{t["mi"]} {A("responseIdentifier")}="RESPONSE" '
                    f'shuffle="true" {A("maxAssociations")}="{len(lefts)}">{sms}</{t["mi"]}>')
        score_rules = "map" if pairs else ""
    elif item.type == "essay":
        cr = f'<{t["cr"]}><{t["value"]}>{escape(item.model_answer)}</{t["value"]}></{t["cr"]}>' \
            if item.model_answer else ""
        decls.append(f'<{t["rd"]} identifier="RESPONSE" cardinality="single" '
                     f'{A("baseType")}="string">{cr}</{t["rd"]}>')
        body.append(f'<div>{stem_xhtml}</div><{t["et"]} {A("responseIdentifier")}="RESPONSE"/>')
    elif item.type == "cloze":
        body.append(_cloze_body(item, t, A, decls, fmt, rewrite))
        score_rules = "cloze"
    else:  # description
        body.append(f"<div>{stem_xhtml}</div>")
    if item.rubric:
        inner = x(item.rubric)
        if version == "3.0":
            inner = f"<qti-content-body>{inner}</qti-content-body>"
        body.append(f'<{t["rb"]} view="scorer">{inner}</{t["rb"]}>')
    outcomes = [f'<{t["od"]} identifier="SCORE" cardinality="single" {A("baseType")}="float">'
                f'<{t["dv"]}><{t["value"]}>0</{t["value"]}></{t["dv"]}></{t["od"]}>']
    if has_fb or item.explanation:
        outcomes.append(f'<{t["od"]} identifier="FEEDBACK" cardinality="{card}" '
                        f'{A("baseType")}="identifier"/>')
    rp = response_processing(t, score_rules, has_fb, item)
    if item.explanation:
        inner = x(item.explanation)
        if version == "3.0":
            inner = f"<qti-content-body>{inner}</qti-content-body>"
        fbs.append(f'<{t["mf"]} {A("outcomeIdentifier")}="FEEDBACK" identifier="EXPLANATION" '
                   f'{A("showHide")}="hide" title="Explanation">{inner}</{t["mf"]}>')
    ns = NS["3.0"] if version == "3.0" else NS["2.1"]
    xsd = ITEM_SCHEMA["3.0" if version == "3.0" else "2.1"]
    title = item.extra.get("title") or " ".join(richtext.html_to_text(item.full_stem).split())[:80]
    lang = f' xml:lang="{item.language}"' if item.language else ""
    if item.idnumber and qti_identifier(item) != item.idnumber and len(item.idnumber) <= 256:
        # an idnumber that is not an XML name (k]Z{4#:x=~) travels as the item's label
        lang += f" label={quoteattr(item.idnumber)}"
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{t["item"]} xmlns="{ns}" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{ns} {xsd}" identifier="{qti_identifier(item)}" '
            f'title={quoteattr(title or "Item")} adaptive="false" '
            f'{A("timeDependent")}="false"{lang}>\n'
            + "\n".join(decls + outcomes)
            + f'\n<{t["body"]}>' + "".join(body) + f'</{t["body"]}>\n'
            + rp + "\n".join(fbs) + f'\n</{t["item"]}>\n')


def _shuffle(item: Item) -> str:
    """``shuffle`` of a choice interaction as the source had it: QTI's own attribute, else
    Moodle's ``shuffleanswers`` (``1``/``true``/``0``/``false``), else ``true`` for choice
    items and ``false`` for true/false (whose order True, False is meaningful)."""
    qti_value = str((item.extra.get("qti") or {}).get("shuffle", "")).strip().lower()
    if qti_value in ("true", "false"):
        return qti_value
    moodle_value = str((item.extra.get("moodle") or {}).get("shuffleanswers", "")).strip()
    if moodle_value.lower() in ("1", "true"):
        return "true"
    if moodle_value.lower() in ("0", "false"):
        return "false"
    return "true" if item.type != "tf" else "false"


def _cloze_body(item: Item, t, A, decls: list, fmt, rewrite) -> str:
    subs = (item.extra.get("cloze") or {}).get("subquestions")
    if subs is None:
        subs = parse_cloze(item.stem)
    pieces = re.split(r"\{\d*:[A-Z_]+:(?:\\.|[^\\}])*\}", item.full_stem)
    def piece(text: str) -> str:
        return escape(richtext.html_to_text(text) if fmt == "html" else text)

    out = [piece(pieces[0])]
    for k, sub in enumerate(subs, start=1):
        rid = f"RESPONSE_{k}"
        answers = sub.get("answers") or []
        if sub.get("type") in ("multichoice", "multiresponse"):
            keys = [f"g{k}_{j + 1}" for j, a in enumerate(answers) if a.get("fraction", 0) >= 1]
            decls.append(f'<{t["rd"]} identifier="{rid}" cardinality="single" '
                         f'{A("baseType")}="identifier">' + correct_response(t, keys[:1])
                         + f'</{t["rd"]}>')
            gap = (f'<{t["ici"]} {A("responseIdentifier")}="{rid}" shuffle="false">'
                   + "".join(f'<{t["ic"]} identifier="g{k}_{j + 1}">{escape(a["text"])}'
                             f'</{t["ic"]}>' for j, a in enumerate(answers))
                   + f'</{t["ici"]}>')
        else:
            base = "float" if sub.get("type") == "numerical" else "string"
            right = [a for a in answers if a.get("fraction", 0) >= 1][:1]
            decls.append(f'<{t["rd"]} identifier="{rid}" cardinality="single" '
                         f'{A("baseType")}="{base}">'
                         + correct_response(t, [escape(a["text"]) for a in right])
                         + f'</{t["rd"]}>')
            gap = f'<{t["te"]} {A("responseIdentifier")}="{rid}"/>'
        following = pieces[k] if k < len(pieces) else ""
        out.append(gap + piece(following))
    return "<p>" + "".join(out) + "</p>"
