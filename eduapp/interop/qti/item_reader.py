"""Reading one QTI ``assessmentItem`` (2.1, 2.2 or 3.0) into an EduApp item: the stem and
its rubric blocks, media, the one interaction, modal feedback; what cannot be held is
reported (``ParseResult.errors`` / ``warnings``) and the rest still imports."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ...domain import Item, Option
from ...errors import ImportFileError, ValidationError
from .. import identity, mediafiles, xmlparse
from ..base import ParseResult
from ..cloze import parse_cloze
from .elements import ItemSkipped, children, feedback_text, find, html_field, inner_html, text_of
from .interactions import (cloze_gap, gap_match_html, read_choice, read_hottext, read_match,
                           read_text_entry)
from .responses import ResponseDecl, response_decls
from .source import Source, join_href
from .versions import NAME


SUPPORTED = {"choiceinteraction", "textentryinteraction", "inlinechoiceinteraction",
             "matchinteraction", "orderinteraction", "extendedtextinteraction",
             "hottextinteraction", "gapmatchinteraction"}
#: Interactions mapped to the nearest type EduApp holds; the import summary says so.
APPROXIMATED = {"hottextinteraction": "a multiple-response question over its hot spans",
                "gapmatchinteraction": "a cloze question with a drop-down per gap"}
MEDIA_ATTRS = {"img": "src", "object": "data", "audio": "src", "video": "src",
               "source": "src"}


class ItemReader:
    def __init__(self, source: Source | None, base_dir: str, path: str, result: ParseResult,
                 label: str):
        self.source = source
        self.base_dir = base_dir
        self.path = path
        self.result = result
        self.label = label

    def media(self, el, item: Item) -> None:
        for e in el.iter():
            name = xmlparse.local(e.tag)
            if name not in MEDIA_ATTRS:
                continue
            ref = e.attrib.get(MEDIA_ATTRS[name], "")
            if not ref or ref.startswith("data:"):
                continue
            rel = join_href(self.base_dir, ref)
            where = f"{self.label}"
            if rel is None:
                continue
            if self.source is not None and not self.source.exists(rel):
                # packages in the wild often refer from a sub-folder to a root-level media
                # folder as if the item were at the root: accept that form too
                alt = join_href("", ref)
                if alt and self.source.exists(alt):
                    rel = alt
            if self.source is None or not self.source.exists(rel):
                self.result.errors.append(ImportFileError(
                    file=self.path, item=where, code="qti.media-missing",
                    values={"label": self.label, "ref": ref}))
                continue
            media, err = mediafiles.make_media(rel, self.source.read(rel), self.path, where)
            if err:
                self.result.errors.append(err)
            else:
                mediafiles.attach_media(item, media, self.result)
                e.attrib[MEDIA_ATTRS[name]] = media.name


def _is_interaction(e) -> bool:
    return xmlparse.local(e.tag).endswith("interaction")


def _parse_item(root, reader: ItemReader) -> Item:
    identifier = xmlparse.attr(root, "identifier")
    item = Item(type="description", stem="")
    item.provenance = {"source": "imported", "file": reader.path, "format": NAME}
    if xmlparse.attr(root, "title"):
        item.extra["title"] = xmlparse.attr(root, "title")
    identity.set_identity(item, identifier)
    label = xmlparse.attr(root, "label")
    if label and identifier.startswith("eduapp_") and not item.idnumber:
        item.idnumber = label  # an idnumber that is no XML name travels as the label
    lang = root.attrib.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    if lang[:2] in ("en", "zh"):
        item.language = lang[:2]
        reader.result.stated_language.add(item.uid)
    decls = response_decls(root)
    body = find(root, "itembody")
    if body is None:
        raise ItemSkipped("the item has no itemBody")
    inters = [e for e in body.iter() if _is_interaction(e)]
    names = [xmlparse.local(e.tag) for e in inters]
    unsupported = sorted({n for n in names if n not in SUPPORTED})
    if unsupported:
        raise ItemSkipped(f"the item uses {', '.join(unsupported)}, which EduApp cannot hold; "
                     "skipped")
    qti: dict = {}
    skip_tags = {"feedbackblock", "rubricblock", "feedbackinline", "templateblock",
                 "templateinline"}

    def warn(message: str) -> None:
        reader.result.warnings.append(ImportFileError(
            f"{identifier or reader.label}: {message}", file=reader.path,
            item=identifier or reader.label))

    # rubricBlock: what the candidate sees (view "candidate", or no view) stays in the stem
    # where it stands; scorer/tutor/author/proctor notes become the teacher's marking
    # notes (Item.rubric, printed in the teacher's version only).
    candidate_blocks = set()
    notes = []
    for r in [r for r in body.iter() if xmlparse.local(r.tag) == "rubricblock"]:
        views = xmlparse.attr(r, "view").split()
        if not views or "candidate" in views:
            candidate_blocks.add(r)
        else:
            text = feedback_text(r)
            if text:
                notes.append(text)
    if notes:
        item.rubric = "\n\n".join(notes)
    dropped = [xmlparse.local(e.tag) for e in body.iter()
               if xmlparse.local(e.tag) in ("feedbackblock", "templateblock", "templateinline")
               and text_of(e)]
    if dropped:
        warn(f"{len(dropped)} {'/'.join(sorted(set(dropped)))} element(s) shown only after "
             "an answer or by a template were left out of the stem")
    for name in sorted({n for n in names if n in APPROXIMATED}):
        warn(f"the {name} is imported as {APPROXIMATED[name]} (approximated)")
    reader.media(body, item)
    block_inters = [e for e in inters if xmlparse.local(e.tag) in
                    ("choiceinteraction", "matchinteraction", "orderinteraction",
                     "extendedtextinteraction", "hottextinteraction")]
    gaps = [e for e in inters if e not in block_inters]
    if len(block_inters) > 1 or (block_inters and gaps):
        kinds = ", ".join(sorted(set(names)))
        raise ItemSkipped(f"the item has {len(inters)} interactions ({kinds}); EduApp holds one "
                     "question per item; skipped")

    def skip(e):
        return xmlparse.local(e.tag) in skip_tags or (e in block_inters)

    gap_texts: dict = {}

    def replace(e):
        if e in gap_texts:
            return gap_texts[e]
        if e in candidate_blocks:
            return inner_html(e, skip, replace)
        if xmlparse.local(e.tag) == "gapmatchinteraction":
            return gap_match_html(e, decls, skip, replace)
        return None

    prompt = ""
    if block_inters:
        inter = block_inters[0]
        pr = children(inter, "prompt")
        if pr:
            prompt = inner_html(pr[0])
    if len(gaps) == 1 and xmlparse.local(gaps[0].tag) == "textentryinteraction":
        gap_texts[gaps[0]] = "_____"
    elif gaps:
        for n, g in enumerate(gaps, start=1):
            if xmlparse.local(g.tag) != "gapmatchinteraction":
                gap_texts[g] = escape(cloze_gap(g, decls, root))
    stem_html = inner_html(body, skip, replace)
    if prompt:
        stem_html = f"{stem_html}<p>{prompt}</p>" if stem_html.strip() else prompt
    if block_inters and xmlparse.local(block_inters[0].tag) == "hottextinteraction":
        # the passage with its hot spans in brackets, after the stem: what the candidate
        # reads before choosing the spans (the options)
        passage = inner_html(block_inters[0], lambda e: xmlparse.local(e.tag) == "prompt",
                         lambda e: ("[" + inner_html(e) + "]")
                         if xmlparse.local(e.tag) == "hottext" else None)
        stem_html = f"{stem_html}<div>{passage}</div>"
    stem, fmt = html_field(stem_html)
    if len(gaps) == 1 and stem.endswith("_____") and "_____" not in stem[:-5]:
        stem = stem[:-5].rstrip()
    item.stem = stem
    if fmt:
        item.extra["text_format"] = fmt
    choice_ids: dict[str, Option] = {}
    if block_inters:
        inter = block_inters[0]
        kind = xmlparse.local(inter.tag)
        decl = decls.get(xmlparse.attr(inter, "responseIdentifier"), ResponseDecl())
        if kind == "choiceinteraction":
            read_choice(root, inter, decl, item, choice_ids)
            if xmlparse.attr(inter, "shuffle"):
                qti["shuffle"] = xmlparse.attr(inter, "shuffle")
        elif kind == "hottextinteraction":
            read_hottext(inter, decl, item)
        elif kind in ("matchinteraction", "orderinteraction"):
            read_match(root, inter, decl, item, kind)
            if kind == "orderinteraction":
                qti["interaction"] = "order"
        else:
            item.type = "essay"
            if decl.correct:
                item.model_answer = "\n".join(decl.correct)
    elif len(gaps) == 1 and xmlparse.local(gaps[0].tag) == "textentryinteraction":
        read_text_entry(root, gaps[0], decls, item)
    elif gaps:
        item.type = "cloze"
        item.extra["cloze"] = {"subquestions": parse_cloze(item.stem)}
    modal = {}
    for fb in [e for e in root if xmlparse.local(e.tag) == "modalfeedback"]:
        text = feedback_text(fb)
        ident = xmlparse.attr(fb, "identifier")
        if ident in choice_ids and not choice_ids[ident].explanation:
            choice_ids[ident].explanation = text
        elif text:
            modal[ident] = text
    general = [k for k in modal if k.lower() in ("explanation", "general", "solution")]
    if general or len(modal) == 1:
        item.explanation = modal.pop(general[0] if general else next(iter(modal)))
    if modal:
        qti["modal_feedback"] = modal
    if qti:
        item.extra["qti"] = qti
    return item


def parse_item_file(data: bytes, reader: ItemReader) -> Item | None:
    try:
        root = xmlparse.parse_xml(data, reader.path)
    except ImportFileError as e:
        reader.result.errors.append(ImportFileError(
            file=reader.path, line=e.line, item=reader.label, code="qti.in-item",
            values={"label": reader.label, "detail": e}))
        return None
    return item_from_root(root, reader)


def item_from_root(root, reader: ItemReader) -> Item | None:
    name = xmlparse.local(root.tag)
    if name != "assessmentitem":
        reader.result.errors.append(ImportFileError(
            file=reader.path, item=reader.label, code="qti.item-root",
            values={"label": reader.label, "root": f"<{name}>", "kind": "assessmentItem"}))
        return None
    try:
        item = _parse_item(root, reader)
        item.validate()
    except (ItemSkipped, ValidationError) as e:
        reader.result.errors.append(ImportFileError(
            file=reader.path, item=reader.label, code="qti.in-item",
            values={"label": reader.label, "detail": e}))
        return None
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as e:
        reader.result.errors.append(ImportFileError(
            file=reader.path, item=reader.label, code="qti.item-unreadable",
            values={"label": reader.label, "detail": str(e)}))
        return None
    return item
