"""IMS QTI 2.1, 2.2 and 3.0 (``qti``): single items and content packages.

Rules follow the 1EdTech specifications "IMS Question & Test Interoperability (QTI)
Assessment, Section and Item Information Model" v2.1/v2.2 and "QTI 3.0 ASI" (element names
in QTI 3 are the 2.x names in kebab-case with a ``qti-`` prefix: ``qti-choice-interaction``),
and "IMS Content Packaging" for ``imsmanifest.xml``.

Import reads: one ``assessmentItem`` XML file; a package (zip, or a folder, or its
``imsmanifest.xml``) whose manifest lists ``imsqti_item_*`` resources (without a manifest,
every XML file whose root is an item). Interactions: ``choice`` (single -> ``sba``/``tf``,
multiple -> ``multi``; a ``mapping`` gives partial credit), ``textEntry`` (one gap ->
``short``, or ``numerical`` for float/integer responses; several gaps or ``inlineChoice``
-> ``cloze`` written in Moodle's cloze syntax), ``match`` -> ``matching``, ``order`` ->
``matching`` with positions (kept as order for re-export), ``extendedText`` -> ``essay``.
Correct answers come from ``correctResponse``, else from the ``mapping``, else from the
common hand-written processing ``match(variable, baseValue)``; templates (``match_correct``,
``map_response``) need nothing more. Other interactions (hotspot, gapMatch, hottext ...)
are reported and the item is skipped. QTI 1.2 (``questestinterop``) is reported as not
supported.

Export (:func:`write`) writes a package zip: ``imsmanifest.xml``, one item file per item
under ``items/``, media under ``media/``; QTI 2.1 by default or 3.0 (``version="3.0"``).
"""

from __future__ import annotations

import html as html_mod
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.sax.saxutils import escape, quoteattr

from ..domain import Item, ItemSet, Option
from ..errors import ExportError, ImportFileError, ValidationError
from ..files import atomic_write
from . import archives, filereading, grades, identity, mediafiles, richtext, xmlparse
from .base import ParseResult, units_items
from .lom import lom_metadata
from .moodle_xml import TRUE_WORDS, _normalise_multi, parse_cloze

NAME = "qti"
EXTENSIONS = (".zip", ".xml")

NS = {"2.1": "http://www.imsglobal.org/xsd/imsqti_v2p1",
      "2.2": "http://www.imsglobal.org/xsd/imsqti_v2p2",
      "3.0": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"}
SUPPORTED = {"choiceinteraction", "textentryinteraction", "inlinechoiceinteraction",
             "matchinteraction", "orderinteraction", "extendedtextinteraction",
             "hottextinteraction", "gapmatchinteraction"}
#: Interactions mapped to the nearest type EduApp holds; the import summary says so.
APPROXIMATED = {"hottextinteraction": "a multiple-response question over its hot spans",
                "gapmatchinteraction": "a cloze question with a drop-down per gap"}
MEDIA_ATTRS = {"img": "src", "object": "data", "audio": "src", "video": "src",
               "source": "src"}


def detect(head: bytes, path: str) -> bool:
    """True for a folder holding ``imsmanifest.xml``, a ``.zip`` holding one, or XML whose
    root is a QTI item, a QTI content-package manifest or a QTI 1.2 ``questestinterop``."""
    if os.path.isdir(path):
        return os.path.exists(os.path.join(path, "imsmanifest.xml"))
    if head.startswith(b"PK"):
        if path.lower().endswith(".apkg"):
            return False
        try:
            with zipfile.ZipFile(path) as zf:
                return any(n.endswith("imsmanifest.xml") or n.endswith(".xml")
                           for n in zf.namelist()[:5000])
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
    sample = head[:8192]
    return (b"assessmentItem" in sample or b"qti-assessment-item" in sample
            or b"questestinterop" in sample
            or (b"<manifest" in sample and b"imsqti" in head))


# --- sources: a folder or a zip ------------------------------------------------------


class _Source:
    """Files of a package addressed by ``/``-separated relative paths."""

    def names(self) -> list[str]:
        raise NotImplementedError

    def read(self, name: str) -> bytes:
        raise NotImplementedError

    def exists(self, name: str) -> bool:
        return name in self._set

    def close(self) -> None:
        pass


class _ZipSource(_Source):
    def __init__(self, path: str):
        self.path = path
        self.zf = archives.open_zip(path)
        self._names = [i.filename for i in self.zf.infolist()
                       if not i.is_dir() and not archives.is_junk(i.filename)]
        self._set = set(self._names)

    def names(self):
        return self._names

    def read(self, name):
        return archives.read_member(self.zf, name, self.path)

    def close(self):
        self.zf.close()


class _FolderSource(_Source):
    """Files under a folder; listed only when needed (a lone item file next to thousands of
    other files does not walk them), symlinks and paths leaving the folder refused."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)
        self._names: list[str] | None = None

    def names(self):
        if self._names is None:
            names = []
            for folder, dirs, files in os.walk(self.root):
                dirs[:] = [d for d in dirs if not archives.is_junk(d)]
                for f in files:
                    full = os.path.join(folder, f)
                    rel = os.path.relpath(full, self.root).replace(os.sep, "/")
                    if not archives.is_junk(rel) and not os.path.islink(full):
                        names.append(rel)
                    if len(names) > archives.MAX_ZIP_ENTRIES:
                        raise ImportFileError("the folder holds too many files", file=self.root)
            self._names = sorted(names)
        return self._names

    def _full(self, name: str) -> str | None:
        full = os.path.join(self.root, *name.split("/"))
        if os.path.islink(full):
            return None
        real = os.path.realpath(full)
        if not real.startswith(self.root + os.sep):
            return None
        return real

    def exists(self, name):
        full = self._full(name)
        return bool(full) and os.path.isfile(full) and not archives.is_junk(name)

    def read(self, name):
        full = self._full(name)
        if full is None:
            raise ImportFileError(f"{name!r} lies outside the package folder or is a link",
                                  file=self.root)
        return filereading.read_bytes(full, allow_empty=True)


def _join(base_dir: str, href: str) -> str | None:
    """Resolve ``href`` against ``base_dir`` inside a package; ``None`` when it is a URL or
    would leave the package."""
    href = html_mod.unescape(href.split("#")[0].split("?")[0]).replace("\\", "/")
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("/"):
        return None
    from urllib.parse import unquote
    joined = posixpath.normpath(posixpath.join(base_dir, unquote(href)))
    if joined.startswith("../") or joined == "..":
        return None
    return joined


# --- XHTML serialisation --------------------------------------------------------------

_VOID = {"br", "img", "hr", "col", "source", "param"}


def _ser_attrs(el) -> str:
    out = []
    for k, v in el.attrib.items():
        name = k.rsplit("}", 1)[-1]
        if name in ("id",) or k.startswith("{http://www.w3.org/2001/XMLSchema-instance}"):
            continue
        out.append(f" {name}={quoteattr(v)}")
    return "".join(out)


def _inner(el, skip=lambda e: False, replace=None) -> str:
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
            inner = _inner(child, skip, replace)
            if name in _VOID and not inner.strip():
                parts.append(f"<{name}{_ser_attrs(child)}/>")
            else:
                parts.append(f"<{name}{_ser_attrs(child)}>{inner}</{name}>")
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _find(el, name: str):
    for e in el.iter():
        if xmlparse.local(e.tag) == name:
            return e
    return None


def _children(el, name: str) -> list:
    return [c for c in el if xmlparse.local(c.tag) == name]


def _text(el) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


# --- import ---------------------------------------------------------------------------


class _Entry(Exception):
    """An item that cannot be imported (becomes a ParseResult error)."""


@dataclass
class _Decl:
    cardinality: str = "single"
    base_type: str = "identifier"
    correct: list[str] = field(default_factory=list)
    mapping: dict[str, float] = field(default_factory=dict)
    default: float = 0.0
    upper: float | None = None
    case_sensitive: bool = True


def _decls(root) -> dict[str, _Decl]:
    out = {}
    for d in _children(root, "responsedeclaration"):
        decl = _Decl(cardinality=xmlparse.attr(d, "cardinality", "single"),
                     base_type=xmlparse.attr(d, "baseType", "identifier"))
        cr = _find(d, "correctresponse")
        if cr is not None:
            decl.correct = [_text(v) for v in _children(cr, "value")]
        mp = _find(d, "mapping")
        if mp is not None:
            try:
                decl.default = float(xmlparse.attr(mp, "defaultValue", "0") or 0)
                ub = xmlparse.attr(mp, "upperBound")
                decl.upper = float(ub) if ub else None
                for entry in _children(mp, "mapentry"):
                    decl.mapping[xmlparse.attr(entry, "mapKey")] = float(
                        xmlparse.attr(entry, "mappedValue", "0"))
                    if xmlparse.attr(entry, "caseSensitive", "true").lower() == "false":
                        decl.case_sensitive = False
            except ValueError:
                raise _Entry("a mapping value is not a number") from None
        out[xmlparse.attr(d, "identifier")] = decl
    return out


def _rp_matches(root, resp_id: str) -> list[str]:
    """Values compared with ``resp_id`` in hand-written response processing
    (``match``/``member``/``stringMatch``/``equal`` of the variable and a ``baseValue``)
    inside a branch that sets a score."""
    rp = _find(root, "responseprocessing")
    out = []
    if rp is None:
        return out
    for cond in rp.iter():
        if xmlparse.local(cond.tag) not in ("match", "member", "stringmatch", "equal"):
            continue
        var = [c for c in cond if xmlparse.local(c.tag) == "variable"
               and xmlparse.attr(c, "identifier") == resp_id]
        vals = [c for c in cond if xmlparse.local(c.tag) == "basevalue"]
        if var and vals:
            out.extend(_text(v) for v in vals)
    return out


def _rp_tolerance(root) -> float | None:
    rp = _find(root, "responseprocessing")
    if rp is None:
        return None
    for e in rp.iter():
        if xmlparse.local(e.tag) == "equal" and xmlparse.attr(e, "toleranceMode") == "absolute":
            tol = xmlparse.attr(e, "tolerance", "0").split()
            try:
                return float(tol[0]) if tol else 0.0
            except ValueError:
                return None
    return None


def _rp_bands(root, decl: "_Decl") -> list[tuple[str, float, float]]:
    """Numerical tolerance bands in response processing: each ``responseIf``/
    ``responseElseIf`` whose condition is an ``equal`` (``toleranceMode`` absolute, or
    exact) of RESPONSE with a ``baseValue`` or ``correct``, and which sets SCORE to a
    ``baseValue``.

    :returns: ``[(value, tolerance, score)]`` in document order (score as written, not
        yet divided by the top score); empty when the processing has no such branch.
    """
    rp = _find(root, "responseprocessing")
    out: list[tuple[str, float, float]] = []
    if rp is None:
        return out
    for branch in rp.iter():
        if xmlparse.local(branch.tag) not in ("responseif", "responseelseif"):
            continue
        cond = next((c for c in branch if xmlparse.local(c.tag) == "equal"), None)
        sov = next((c for c in branch if xmlparse.local(c.tag) == "setoutcomevalue"
                    and xmlparse.attr(c, "identifier") == "SCORE"), None)
        if cond is None or sov is None:
            continue
        value = next((_text(c) for c in cond if xmlparse.local(c.tag) == "basevalue"), None)
        if value is None and any(xmlparse.local(c.tag) == "correct" for c in cond):
            value = decl.correct[0] if decl.correct else None
        score_el = next((c for c in sov if xmlparse.local(c.tag) == "basevalue"), None)
        if value is None or score_el is None:
            continue
        try:
            tol_parts = xmlparse.attr(cond, "tolerance", "0").split() or ["0"]
            tol = float(tol_parts[0]) if xmlparse.attr(cond, "toleranceMode",
                                                      "exact") == "absolute" else 0.0
            out.append((value, tol, float(_text(score_el))))
        except ValueError:
            continue
    return out


class _ItemReader:
    def __init__(self, source: _Source | None, base_dir: str, path: str, result: ParseResult,
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
            rel = _join(self.base_dir, ref)
            where = f"{self.label}"
            if rel is None:
                continue
            if self.source is not None and not self.source.exists(rel):
                # packages in the wild often refer from a sub-folder to a root-level media
                # folder as if the item were at the root: accept that form too
                alt = _join("", ref)
                if alt and self.source.exists(alt):
                    rel = alt
            if self.source is None or not self.source.exists(rel):
                self.result.errors.append(ImportFileError(
                    f"{self.label}: the file {ref!r} it shows is not in the package; the "
                    "item is imported without it", file=self.path, item=where))
                continue
            media, err = mediafiles.make_media(rel, self.source.read(rel), self.path, where)
            if err:
                self.result.errors.append(err)
            else:
                mediafiles.attach_media(item, media, self.result)
                e.attrib[MEDIA_ATTRS[name]] = media.name


def _is_interaction(e) -> bool:
    return xmlparse.local(e.tag).endswith("interaction")


def _html_field(raw: str) -> tuple[str, str | None]:
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


def _feedback_text(fb) -> str:
    body = _find(fb, "contentbody")
    return _html_field(_inner(body if body is not None else fb))[0]


def _parse_item(root, reader: _ItemReader) -> Item:
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
    decls = _decls(root)
    body = _find(root, "itembody")
    if body is None:
        raise _Entry("the item has no itemBody")
    inters = [e for e in body.iter() if _is_interaction(e)]
    names = [xmlparse.local(e.tag) for e in inters]
    unsupported = sorted({n for n in names if n not in SUPPORTED})
    if unsupported:
        raise _Entry(f"the item uses {', '.join(unsupported)}, which EduApp cannot hold; "
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
            text = _feedback_text(r)
            if text:
                notes.append(text)
    if notes:
        item.rubric = "\n\n".join(notes)
    dropped = [xmlparse.local(e.tag) for e in body.iter()
               if xmlparse.local(e.tag) in ("feedbackblock", "templateblock", "templateinline")
               and _text(e)]
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
        raise _Entry(f"the item has {len(inters)} interactions ({kinds}); EduApp holds one "
                     "question per item; skipped")

    def skip(e):
        return xmlparse.local(e.tag) in skip_tags or (e in block_inters)

    gap_texts: dict = {}

    def replace(e):
        if e in gap_texts:
            return gap_texts[e]
        if e in candidate_blocks:
            return _inner(e, skip, replace)
        if xmlparse.local(e.tag) == "gapmatchinteraction":
            return _gap_match_html(e, decls, skip, replace)
        return None

    prompt = ""
    if block_inters:
        inter = block_inters[0]
        pr = _children(inter, "prompt")
        if pr:
            prompt = _inner(pr[0])
    if len(gaps) == 1 and xmlparse.local(gaps[0].tag) == "textentryinteraction":
        gap_texts[gaps[0]] = "_____"
    elif gaps:
        for n, g in enumerate(gaps, start=1):
            if xmlparse.local(g.tag) != "gapmatchinteraction":
                gap_texts[g] = escape(_cloze_gap(g, decls, root))
    stem_html = _inner(body, skip, replace)
    if prompt:
        stem_html = f"{stem_html}<p>{prompt}</p>" if stem_html.strip() else prompt
    if block_inters and xmlparse.local(block_inters[0].tag) == "hottextinteraction":
        # the passage with its hot spans in brackets, after the stem: what the candidate
        # reads before choosing the spans (the options)
        passage = _inner(block_inters[0], lambda e: xmlparse.local(e.tag) == "prompt",
                         lambda e: ("[" + _inner(e) + "]")
                         if xmlparse.local(e.tag) == "hottext" else None)
        stem_html = f"{stem_html}<div>{passage}</div>"
    stem, fmt = _html_field(stem_html)
    if len(gaps) == 1 and stem.endswith("_____") and "_____" not in stem[:-5]:
        stem = stem[:-5].rstrip()
    item.stem = stem
    if fmt:
        item.extra["text_format"] = fmt
    choice_ids: dict[str, Option] = {}
    if block_inters:
        inter = block_inters[0]
        kind = xmlparse.local(inter.tag)
        decl = decls.get(xmlparse.attr(inter, "responseIdentifier"), _Decl())
        if kind == "choiceinteraction":
            _read_choice(root, inter, decl, item, choice_ids)
            if xmlparse.attr(inter, "shuffle"):
                qti["shuffle"] = xmlparse.attr(inter, "shuffle")
        elif kind == "hottextinteraction":
            _read_hottext(inter, decl, item)
        elif kind in ("matchinteraction", "orderinteraction"):
            _read_match(root, inter, decl, item, kind)
            if kind == "orderinteraction":
                qti["interaction"] = "order"
        else:
            item.type = "essay"
            if decl.correct:
                item.model_answer = "\n".join(decl.correct)
    elif len(gaps) == 1 and xmlparse.local(gaps[0].tag) == "textentryinteraction":
        _read_text_entry(root, gaps[0], decls, item)
    elif gaps:
        item.type = "cloze"
        item.extra["cloze"] = {"subquestions": parse_cloze(item.stem)}
    modal = {}
    for fb in [e for e in root if xmlparse.local(e.tag) == "modalfeedback"]:
        text = _feedback_text(fb)
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


def _read_choice(root, inter, decl: _Decl, item: Item, ids: dict) -> None:
    choices = _children(inter, "simplechoice")
    correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0} or set(
        _rp_matches(root, xmlparse.attr(inter, "responseIdentifier")))
    max_choices = xmlparse.attr(inter, "maxChoices", "1")
    multiple = decl.cardinality in ("multiple", "ordered") or max_choices not in ("1", "")
    item.type = "multi" if multiple else "sba"
    for c in choices:
        ident = xmlparse.attr(c, "identifier")
        fbs = [f for f in c.iter() if xmlparse.local(f.tag) == "feedbackinline"]
        text = _html_field(_inner(c, lambda e: xmlparse.local(e.tag) == "feedbackinline"))[0]
        opt = Option(text=text, correct=ident in correct,
                     fixed=xmlparse.attr(c, "fixed") == "true")
        if fbs:
            opt.explanation = _feedback_text(fbs[0])
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
            _normalise_multi(item)
    if item.type == "sba" and len(item.options) == 2 and all(
            o.text.strip().lower() in TRUE_WORDS | {"false", "f", "no", "错误", "错", "否",
                                                    "faux", "falsch", "falso"}
            for o in item.options):
        item.type = "tf"


def _read_hottext(inter, decl: _Decl, item: Item) -> None:
    """A hottextInteraction as a multiple-response (``maxChoices`` != 1) or single-best-
    answer item whose options are the hot spans, in passage order."""
    spans = [e for e in inter.iter() if xmlparse.local(e.tag) == "hottext"]
    if len(spans) < 2:
        raise _Entry("the hottext interaction has fewer than two hot spans")
    correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0}
    single = xmlparse.attr(inter, "maxChoices", "1") == "1" and decl.cardinality == "single"
    item.type = "sba" if single else "multi"
    for e in spans:
        item.options.append(Option(text=_html_field(_inner(e))[0],
                                   correct=xmlparse.attr(e, "identifier") in correct))
    if item.type == "multi":
        _normalise_multi(item)


def _gap_match_html(inter, decls, skip, replace) -> str:
    """A gapMatchInteraction as cloze HTML: its passage with each ``gap`` replaced by a
    Moodle MULTICHOICE gap over the gap texts (the right one from the directedPair
    ``gapText gap`` values)."""
    decl = decls.get(xmlparse.attr(inter, "responseIdentifier"), _Decl())
    texts = [(xmlparse.attr(g, "identifier"), _text(g)) for g in _children(inter, "gaptext")]
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

    prompt = _children(inter, "prompt")
    head = f"<p>{_inner(prompt[0])}</p>" if prompt else ""
    return head + _inner(inter, skip, gap)


def _read_match(root, inter, decl: _Decl, item: Item, kind: str) -> None:
    item.type = "matching"
    if kind == "orderinteraction":
        choices = _children(inter, "simplechoice")
        order = decl.correct
        for c in choices:
            ident = xmlparse.attr(c, "identifier")
            pos = order.index(ident) + 1 if ident in order else 0
            item.options.append(Option(text=_html_field(_inner(c))[0], correct=True,
                                       match=str(pos) if pos else ""))
        return
    sets = _children(inter, "simplematchset")
    if len(sets) != 2:
        raise _Entry("a match interaction needs two simpleMatchSets")
    texts = [{xmlparse.attr(c, "identifier"): _html_field(_inner(c))[0]
              for c in _children(s, "simpleassociablechoice")} for s in sets]
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


def _read_text_entry(root, gap, decls, item: Item) -> None:
    decl = decls.get(xmlparse.attr(gap, "responseIdentifier"), _Decl())
    numeric = decl.base_type in ("float", "integer")
    item.type = "numerical" if numeric else "short"
    bands = _rp_bands(root, decl) if numeric else []
    if bands:
        top = max(score for _, _, score in bands) or 1.0
        for value, tol, score in bands:
            frac = round(score / top, 7)
            opt = Option(text=value, correct=frac > 0, tolerance=tol)
            if frac not in (0.0, 1.0):
                opt.fraction = frac
            item.options.append(opt)
        return
    tol = _rp_tolerance(root) if numeric else None
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
    if not decl.case_sensitive:
        item.extra["qti"] = {"case_sensitive": False}


def _cloze_escape(text: str) -> str:
    return re.sub(r"([~}#\\])", r"\\\1", text)


def _cloze_gap(gap, decls, root) -> str:
    decl = decls.get(xmlparse.attr(gap, "responseIdentifier"), _Decl())
    if xmlparse.local(gap.tag) == "inlinechoiceinteraction":
        answers = []
        correct = set(decl.correct) or {k for k, v in decl.mapping.items() if v > 0}
        for c in _children(gap, "inlinechoice"):
            mark = "=" if xmlparse.attr(c, "identifier") in correct else ""
            answers.append(mark + _cloze_escape(_text(c)))
        return "{1:MULTICHOICE:" + "~".join(answers) + "}"
    kind = "NUMERICAL" if decl.base_type in ("float", "integer") else "SHORTANSWER"
    values = list(decl.correct) + [k for k, v in decl.mapping.items()
                                   if v > 0 and k not in decl.correct]
    return "{1:" + kind + ":" + "~".join("=" + _cloze_escape(v) for v in values) + "}"


def _parse_item_file(data: bytes, reader: _ItemReader) -> Item | None:
    try:
        root = xmlparse.parse_xml(data, reader.path)
    except ImportFileError as e:
        reader.result.errors.append(ImportFileError(f"{reader.label}: {e.message}",
                                                    file=reader.path, line=e.line,
                                                    item=reader.label))
        return None
    return _item_from_root(root, reader)


def _item_from_root(root, reader: _ItemReader) -> Item | None:
    name = xmlparse.local(root.tag)
    if name != "assessmentitem":
        reader.result.errors.append(ImportFileError(
            f"{reader.label}: the root element is <{name}>, not an assessmentItem; skipped",
            file=reader.path, item=reader.label))
        return None
    try:
        item = _parse_item(root, reader)
        item.validate()
    except (_Entry, ValidationError) as e:
        reader.result.errors.append(ImportFileError(f"{reader.label}: {e}", file=reader.path,
                                                    item=reader.label))
        return None
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as e:
        reader.result.errors.append(ImportFileError(
            f"{reader.label}: the item cannot be read ({e})", file=reader.path,
            item=reader.label))
        return None
    return item


def _scan_items(source: _Source) -> list[str]:
    """Every XML file of the package whose start names an assessment item."""
    out = []
    for n in source.names():
        if n.lower().endswith(".xml") and not n.endswith("imsmanifest.xml"):
            head = source.read(n)[:4096]
            if b"assessmentItem" in head or b"qti-assessment-item" in head:
                out.append(n)
    return out


def _test_items(source: _Source, tests: list[str], path: str) -> list[str]:
    """Items referred to by ``assessmentItemRef`` in the package's assessment tests."""
    out = []
    for test in tests:
        try:
            root = xmlparse.parse_xml(source.read(test), path)
        except ImportFileError:
            continue
        for ref in root.iter():
            if xmlparse.local(ref.tag) == "assessmentitemref":
                rel = _join(posixpath.dirname(test), ref.attrib.get("href", ""))
                if rel and source.exists(rel) and rel not in out:
                    out.append(rel)
    return out


def _manifest_items(source: _Source, path: str, result: ParseResult,
                    tests_out: list | None = None) -> list[str]:
    manifests = sorted((n for n in source.names() if n.rsplit("/", 1)[-1] == "imsmanifest.xml"),
                       key=lambda n: n.count("/"))
    if not manifests:
        return _scan_items(source)
    mname = manifests[0]
    base = posixpath.dirname(mname)
    root = xmlparse.parse_xml(source.read(mname), path)
    if xmlparse.local(root.tag) != "manifest":
        raise ImportFileError("imsmanifest.xml has no <manifest> root", file=path)
    out: list[str] = []
    qti1: list[str] = []
    tests: list[str] = []
    for res in root.iter():
        if xmlparse.local(res.tag) != "resource":
            continue
        rtype = res.attrib.get("type", "")
        href = res.attrib.get("href", "")
        if not href:
            continue
        xml_base = res.attrib.get("{http://www.w3.org/XML/1998/namespace}base", "")
        if "imsqti_item" in rtype or "imsqti_apipitem" in rtype or "assessmentitem" in \
                rtype.lower():
            rel = _join(posixpath.join(base, xml_base), href)
            if rel is None:
                result.errors.append(ImportFileError(
                    f"manifest resource {href!r} points outside the package; skipped",
                    file=path))
            elif not source.exists(rel):
                result.errors.append(ImportFileError(
                    f"manifest resource {href!r} is not in the package; skipped", file=path))
            else:
                out.append(rel)
        elif "questestinterop" in rtype or re.search(r"xmlv1p\d", rtype):
            qti1.append(href)
        elif "imsqti_test" in rtype:
            rel = _join(posixpath.join(base, xml_base), href)
            if rel and source.exists(rel):
                tests.append(rel)
    if tests_out is not None:
        tests_out.extend(tests)
    if not out:
        out = _test_items(source, tests, path)
    if not out:
        out = _scan_items(source)
    if not out and qti1:
        raise ImportFileError(f"this is a QTI 1.x package ({', '.join(qti1)}), which EduApp "
                              "does not read; export QTI 2.1 or 3.0 from the source system",
                              file=path)
    return out


def _section_rubrics(source: _Source, tests: list[str], path: str) -> list[tuple]:
    """Candidate-view ``rubricBlock``s of the assessment tests' sections (shared case texts,
    instructions): ``[(section identifier, title, text, [item paths in the section])]``."""
    out = []
    for test in tests:
        try:
            root = xmlparse.parse_xml(source.read(test), path)
        except ImportFileError:
            continue
        for section in root.iter():
            if xmlparse.local(section.tag) != "assessmentsection":
                continue
            blocks = [r for r in section if xmlparse.local(r.tag) == "rubricblock"
                      and (not xmlparse.attr(r, "view").split()
                           or "candidate" in xmlparse.attr(r, "view").split())]
            text = "\n\n".join(t for t in (_feedback_text(r) for r in blocks) if t)
            if not text:
                continue
            refs = [_join(posixpath.dirname(test), ref.attrib.get("href", ""))
                    for ref in section.iter() if xmlparse.local(ref.tag) == "assessmentitemref"]
            out.append((xmlparse.attr(section, "identifier"), xmlparse.attr(section, "title"), text,
                        [r for r in refs if r]))
    return out


def _apply_section_rubrics(result: ParseResult, by_path: dict, rubrics: list[tuple],
                           path: str) -> None:
    """Keep each section's candidate text: the shared vignette of a case set of the
    section's items (one item: its vignette), reported as a note naming the section."""
    for ident, title, text, refs in rubrics:
        members = [by_path[r] for r in refs if r in by_path]
        members = [m for m in members if any(u is m for u in result.units)]
        label = ident or title or "section"
        if not members:
            result.warnings.append(ImportFileError(
                f"section {label}: its candidate instructions were not imported (none of its "
                f"items could be): {text[:80]}", file=path, item=label))
            continue
        if len(members) == 1:
            item = members[0]
            item.vignette = f"{text}\n\n{item.vignette}".strip()
        else:
            at = next(k for k, u in enumerate(result.units) if u is members[0])
            result.units = [u for u in result.units if not any(u is m for m in members)]
            result.units.insert(at, ItemSet(kind="case", title=title or ident,
                                            vignette=text, items=members).attach())
        result.warnings.append(ImportFileError(
            f"section {label}: its candidate rubricBlock is kept as the shared text of its "
            f"{len(members)} item(s)", file=path, item=label))


def _parse_package(source: _Source, path: str) -> ParseResult:
    result = ParseResult(format=NAME, file=path)
    try:
        tests: list[str] = []
        names = _manifest_items(source, path, result, tests)
        if not names and not result.errors:
            raise ImportFileError("the package holds no QTI 2.x/3.0 items", file=path)
        by_path = {}
        for n in names:
            reader = _ItemReader(source, posixpath.dirname(n), path, result, n)
            item = _parse_item_file(source.read(n), reader)
            if item is not None:
                result.units.append(item)
                by_path[n] = item
        _apply_section_rubrics(result, by_path, _section_rubrics(source, tests, path), path)
    finally:
        source.close()
    return result


def parse(path: str) -> ParseResult:
    """Read a QTI item file, a package zip, a package folder or its ``imsmanifest.xml``.

    :returns: items in manifest order; an item with an unsupported interaction, several
        interactions, a QTI 1.2 resource, or a missing file is an error naming the entry
        (the rest still imports). Media shown by items are read from the package (and
        checked to be images where named as images).
    :raises ImportFileError: unreadable/empty/binary file, unsafe zip (see
        :func:`eduapp.interop.archives.open_zip`), XML that is not well-formed, QTI 1.2, or
        no items at all.
    """
    if os.path.isdir(path):
        if not os.path.exists(os.path.join(path, "imsmanifest.xml")):
            raise ImportFileError("the folder has no imsmanifest.xml", file=path)
        return _parse_package(_FolderSource(path), path)
    if filereading.read_head(path).startswith(b"PK"):
        return _parse_package(_ZipSource(path), path)
    data = filereading.read_bytes(path)
    if filereading.looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("the file is binary data, not QTI XML or a zip", file=path)
    root = xmlparse.parse_xml(data, path)
    name = xmlparse.local(root.tag)
    if name == "manifest":
        return _parse_package(_FolderSource(os.path.dirname(os.path.abspath(path))), path)
    if name == "questestinterop":
        raise ImportFileError("this is QTI 1.2, which EduApp does not read; export QTI 2.1 "
                              "or 3.0 from the source system", file=path)
    if name == "assessmenttest":
        raise ImportFileError("this is an assessmentTest, which only lists items; import "
                              "the package (zip or folder) that holds them", file=path)
    if name != "assessmentitem":
        raise ImportFileError(f"not a QTI item: the root element is <{name}>", file=path)
    result = ParseResult(format=NAME, file=path)
    folder = os.path.dirname(os.path.abspath(path))
    source = None
    try:
        source = _FolderSource(folder)
    except ImportFileError:
        source = None
    reader = _ItemReader(source, "", path, result, os.path.basename(path))
    item = _item_from_root(root, reader)
    if item is not None:
        result.units.append(item)
    return result


# --- export ---------------------------------------------------------------------------

# Elements of the QTI content model (1EdTech imsqti_v2p1.xsd; QTI 3.0 adds ruby). HTML's
# ``u`` is in neither: it is unwrapped like every other unknown tag. In 2.1 a ``ruby`` keeps
# its base text and drops its annotation (``rt``/``rp``), as a reader without ruby shows it.
_ALLOWED = {"p", "br", "div", "span", "b", "i", "strong", "em", "sub", "sup", "img",
            "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "caption", "a",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "blockquote", "hr", "small",
            "big", "tt", "q", "cite", "abbr", "dl", "dt", "dd"}
_RUBY = {"ruby", "rt", "rb", "rp"}
#: MathML (QTI 2.1 and 3.0 both import the MathML 2/3 schema in this namespace).
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
_ATTRS = {"img": ("src", "alt", "width", "height"), "a": ("href",),
          "td": ("colspan", "rowspan"), "th": ("colspan", "rowspan")}


class _Xhtml(HTMLParser):
    """HTML -> well-formed XHTML restricted to the QTI content model (unknown tags are
    unwrapped, ``style``/``id``/event attributes dropped, void elements closed)."""

    def __init__(self, rewrite, version: str = "2.1"):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.rewrite = rewrite
        self.allowed = _ALLOWED | _RUBY if version == "3.0" else _ALLOWED
        self.dropping = 0  # depth inside an rt/rp whose text 2.1 cannot hold
        self.math: list[str] = []  # open MathML elements (kept whole, in their namespace)

    def _math_start(self, tag, attrs, void: bool = False) -> bool:
        name = tag.split(":")[-1]
        if name != "math" and not self.math:
            return False
        keep = "".join(f" {k.split(':')[-1]}={quoteattr(v)}" for k, v in attrs
                       if v is not None and not k.startswith("xmlns"))
        if name == "math" and not self.math:
            keep = f' xmlns="{MATHML_NS}"' + keep
        if void:
            self.out.append(f"<{name}{keep}/>")
        else:
            self.out.append(f"<{name}{keep}>")
            self.math.append(name)
        return True

    def handle_starttag(self, tag, attrs):
        if not self.dropping and self._math_start(tag, attrs):
            return
        if tag in ("rt", "rp") and tag not in self.allowed:
            self.dropping += 1
            return
        if tag not in self.allowed or self.dropping:
            return
        if tag == "a" and not any(k == "href" and v for k, v in attrs):
            return  # an anchor without href is not a QTI ``a`` (href is required)
        keep = []
        for k, v in attrs:
            if k in _ATTRS.get(tag, ()) and v is not None:
                if k in ("src",):
                    v = self.rewrite(v)
                keep.append(f" {k}={quoteattr(v)}")
        if tag == "img" and not any(a.startswith(" alt=") for a in keep):
            keep.append(' alt=""')
        if tag in _VOID:
            self.out.append(f"<{tag}{''.join(keep)}/>")
        else:
            self.out.append(f"<{tag}{''.join(keep)}>")
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if not self.dropping and self._math_start(tag, attrs, void=True):
            return
        self.handle_starttag(tag, attrs)
        if tag in self.stack and tag not in _VOID and self.stack[-1] == tag:
            self.out.append(f"</{self.stack.pop()}>")

    def handle_endtag(self, tag):
        if self.math:
            name = tag.split(":")[-1]
            if name in self.math:
                while self.math:
                    open_name = self.math.pop()
                    self.out.append(f"</{open_name}>")
                    if open_name == name:
                        break
            return
        if tag in ("rt", "rp") and tag not in self.allowed:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in self.stack:
            while self.stack:
                t = self.stack.pop()
                self.out.append(f"</{t}>")
                if t == tag:
                    break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data))

    def close(self):
        super().close()
        while self.math:
            self.out.append(f"</{self.math.pop()}>")
        while self.stack:
            self.out.append(f"</{self.stack.pop()}>")


def to_xhtml(text: str, text_format: str | None, rewrite=lambda s: s,
             version: str = "2.1") -> str:
    """Item text as QTI-safe XHTML: HTML is cleaned (see :class:`_Xhtml`), other text is
    escaped into paragraphs."""
    if text_format != "html":
        return richtext.text_to_html(text)
    parser = _Xhtml(rewrite, version)
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


_TEMPLATE = {"2.1": {
    "item": "assessmentItem", "rd": "responseDeclaration", "od": "outcomeDeclaration",
    "cr": "correctResponse", "value": "value", "mapping": "mapping", "me": "mapEntry",
    "dv": "defaultValue", "body": "itemBody", "choice_i": "choiceInteraction",
    "prompt": "prompt", "sc": "simpleChoice", "fi": "feedbackInline",
    "te": "textEntryInteraction", "et": "extendedTextInteraction",
    "mi": "matchInteraction", "sms": "simpleMatchSet", "sac": "simpleAssociableChoice",
    "oi": "orderInteraction", "rp": "responseProcessing", "rc": "responseCondition",
    "ri": "responseIf", "re": "responseElse", "rei": "responseElseIf", "match": "match", "var": "variable",
    "correct": "correct", "sov": "setOutcomeValue", "bv": "baseValue", "isnull": "isNull",
    "mr": "mapResponse", "equal": "equal", "mf": "modalFeedback", "rb": "rubricBlock",
    "ici": "inlineChoiceInteraction", "ic": "inlineChoice"}}
_TEMPLATE["3.0"] = {k: "qti-" + re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), v)
                    for k, v in _TEMPLATE["2.1"].items()}


def _a(version: str, name: str) -> str:
    """Attribute name in the version's spelling (camelCase in 2.x, kebab-case in 3.0)."""
    if version == "3.0":
        return re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
    return name


def qti_identifier(item: Item) -> str:
    """A valid QTI identifier (an XML NCName) for ``item``: its idnumber when that is one,
    else ``eduapp_<uid>``."""
    ident = item.idnumber
    if ident and re.fullmatch(r"[A-Za-z_][\w.\-]*", ident):
        return ident
    return "eduapp_" + item.uid


def _fmt(x: float) -> str:
    return f"{x:.7g}"


def item_xml(item: Item, version: str = "2.1", media_paths: dict | None = None) -> str:
    """One item as a QTI ``assessmentItem`` document (2.1 or 3.0).

    :param media_paths: media name -> path relative to the item file (``../media/x.png``).
    :raises ExportError: an item type QTI cannot hold (there is none today).
    """
    t = _TEMPLATE["3.0" if version == "3.0" else "2.1"]
    A = lambda n: _a(version, n)  # noqa: E731
    media_paths = media_paths or {}
    fmt = item.extra.get("text_format")

    def rewrite(src: str) -> str:
        name = posixpath.basename(src.replace("@@PLUGINFILE@@/", "").replace("\\", "/"))
        from urllib.parse import unquote
        return media_paths.get(unquote(name), src)

    def x(text: str) -> str:
        return to_xhtml(text, fmt, rewrite, "3.0" if version == "3.0" else "2.1")

    def correct(values) -> str:
        return _correct(t, values)

    def mapping_xml(entries, attrs="") -> str:  # a mapping needs at least one mapEntry
        return (f'<{t["mapping"]}{attrs} {A("defaultValue")}="0">' + "".join(entries)
                + f'</{t["mapping"]}>') if entries else ""

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
                       f'"{_fmt(grades.answer_fraction(item, o))}" '
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
                           f'{A("mappedValue")}="{_fmt(f)}"{case}/>')
        mapping = "" if numeric else mapping_xml(entries)
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
            score_rules = ("bands", bands) if bands else ""
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
    rp = _processing(t, score_rules, has_fb, item)
    if item.explanation:
        inner = x(item.explanation)
        if version == "3.0":
            inner = f"<qti-content-body>{inner}</qti-content-body>"
        fbs.append(f'<{t["mf"]} {A("outcomeIdentifier")}="FEEDBACK" identifier="EXPLANATION" '
                   f'{A("showHide")}="hide" title="Explanation">{inner}</{t["mf"]}>')
    ns = NS["3.0"] if version == "3.0" else NS["2.1"]
    xsd = ("https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
           if version == "3.0" else "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
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


def _correct(t, values) -> str:
    """A ``correctResponse`` holding ``values`` (already escaped); nothing when there are none,
    as the XSD wants at least one ``value``."""
    values = list(values)
    if not values:
        return ""
    return (f'<{t["cr"]}>' + "".join(f'<{t["value"]}>{v}</{t["value"]}>' for v in values)
            + f'</{t["cr"]}>')


def _processing(t, rules, has_fb: bool, item: Item) -> str:
    """Inline response processing equivalent to the 1EdTech templates (match_correct,
    map_response) plus setting FEEDBACK so per-option feedbackInline shows."""
    A = lambda n: _a("3.0" if t["item"].startswith("qti-") else "2.1", n)  # noqa: E731

    def sov(ident, inner):
        return f'<{t["sov"]} identifier="{ident}">{inner}</{t["sov"]}>'

    def bv(base, v):
        return f'<{t["bv"]} {A("baseType")}="{base}">{v}</{t["bv"]}>'

    var = f'<{t["var"]} identifier="RESPONSE"/>'
    parts = []
    if rules == "match":
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["match"]}>{var}<{t["correct"]} '
                     f'identifier="RESPONSE"/></{t["match"]}>{sov("SCORE", bv("float", 1))}'
                     f'</{t["ri"]}><{t["re"]}>{sov("SCORE", bv("float", 0))}</{t["re"]}>'
                     f'</{t["rc"]}>')
    elif rules == "map":
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["isnull"]}>{var}</{t["isnull"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["ri"]}><{t["re"]}>'
                     + sov("SCORE", f'<{t["mr"]} identifier="RESPONSE"/>') +
                     f'</{t["re"]}></{t["rc"]}>')
    elif isinstance(rules, tuple) and rules[0] == "bands":
        branches = []
        for value, tol, frac in rules[1]:
            tag = t["rei"]
            mode = (f'{A("toleranceMode")}="absolute" tolerance="{_fmt(tol)} {_fmt(tol)}"'
                    if tol else f'{A("toleranceMode")}="exact"')
            branches.append(f'<{tag}><{t["equal"]} {mode}>{var}{bv("float", _fmt(value))}'
                            f'</{t["equal"]}>{sov("SCORE", bv("float", _fmt(frac)))}</{tag}>')
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["isnull"]}>{var}</{t["isnull"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["ri"]}>'
                     + "".join(branches)
                     + f'<{t["re"]}>{sov("SCORE", bv("float", 0))}</{t["re"]}></{t["rc"]}>')
    elif isinstance(rules, tuple):
        tol = _fmt(rules[1])
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["equal"]} {A("toleranceMode")}="absolute" '
                     f'tolerance="{tol} {tol}">{var}<{t["correct"]} identifier="RESPONSE"/>'
                     f'</{t["equal"]}>{sov("SCORE", bv("float", 1))}</{t["ri"]}><{t["re"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["re"]}></{t["rc"]}>')
    elif rules == "cloze":
        n = len((item.extra.get("cloze") or {}).get("subquestions") or [])
        for k in range(1, n + 1):
            v = f'<{t["var"]} identifier="RESPONSE_{k}"/>'
            add = (f'<{_sum(t)}><{t["var"]} identifier="SCORE"/>'
                   + bv("float", _fmt(1 / n)) + f'</{_sum(t)}>')
            parts.append(f'<{t["rc"]}><{t["ri"]}><{t["match"]}>{v}<{t["correct"]} '
                         f'identifier="RESPONSE_{k}"/></{t["match"]}>{sov("SCORE", add)}'
                         f'</{t["ri"]}></{t["rc"]}>')
    if has_fb and item.type in ("sba", "multi", "tf"):
        parts.append(sov("FEEDBACK", var))
    if not parts:
        return ""
    return f'<{t["rp"]}>' + "".join(parts) + f'</{t["rp"]}>\n'


def _sum(t) -> str:
    return "qti-sum" if t["item"].startswith("qti-") else "sum"


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
                         f'{A("baseType")}="identifier">' + _correct(t, keys[:1])
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
                         + _correct(t, [escape(a["text"]) for a in right]) + f'</{t["rd"]}>')
            gap = f'<{t["te"]} {A("responseIdentifier")}="{rid}"/>'
        following = pieces[k] if k < len(pieces) else ""
        out.append(gap + piece(following))
    return "<p>" + "".join(out) + "</p>"


_MANIFEST = {
    "2.1": ("http://www.imsglobal.org/xsd/imscp_v1p1",
            "http://www.imsglobal.org/xsd/imscp_v1p1 "
            "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd",
            "imsqti_item_xmlv2p1", "QTIv2.1 Package"),
    "3.0": ("http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1",
            "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1 "
            "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd",
            "imsqti_item_xmlv3p0", "QTI Package"),
}


def write(units, path: str, documents=(), media: dict | None = None,
          version: str = "2.1") -> None:
    """Write ``units`` as a QTI content package (zip): ``imsmanifest.xml``, one
    ``items/<id>.xml`` per item and ``media/<sha256 prefix>/<name>`` per file.

    :param version: ``"2.1"`` (default) or ``"3.0"``; a path ending ``.qti3.zip`` picks 3.0.
    :param media: bytes of files the items refer to, by sha256.
    :raises ExportError: unknown version or the file cannot be written.
    """
    if path.lower().endswith(".qti3.zip"):
        version = "3.0"
    if version not in _MANIFEST:
        raise ExportError(f"QTI version {version!r} cannot be written; use 2.1 or 3.0")
    ns, schema_loc, rtype, schema = _MANIFEST[version]
    items = units_items(units)
    resources = []
    files: dict[str, bytes] = {}
    used_ids: set[str] = set()
    for item in items:
        ident = qti_identifier(item)
        base = ident
        n = 1
        while ident in used_ids:
            n += 1
            ident = f"{base}_{n}"
        used_ids.add(ident)
        media_paths = {}
        deps = []
        for m in mediafiles.media_bytes(item, media):
            rel = f"media/{m.sha256[:16]}/{m.name}"
            files[rel] = m.data
            media_paths[m.name] = "../" + rel
            deps.append(rel)
        href = f"items/{ident}.xml"
        text = item_xml(item, version, media_paths)
        if ident != qti_identifier(item):
            text = text.replace(f'identifier="{qti_identifier(item)}"',
                                f'identifier="{ident}"', 1)
        files[href] = text.encode("utf-8")
        resources.append(
            f'<resource identifier="RES_{ident}" type="{rtype}" href="{href}">'
            + lom_metadata(item)  # provenance: author, reviewer, sources (eduapp.interop.lom)
            + f'<file href="{href}"/>' + "".join(f'<file href={quoteattr(d)}/>' for d in deps)
            + "</resource>")
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="{ns}" '
                f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                f'xsi:schemaLocation="{schema_loc}" identifier="MANIFEST_EDUAPP">\n'
                f"<metadata><schema>{schema}</schema><schemaversion>"
                f"{'3.0.0' if version == '3.0' else '2.1'}</schemaversion></metadata>\n"
                "<organizations/>\n<resources>\n" + "\n".join(resources)
                + "\n</resources>\n</manifest>\n")

    def writer(fh):
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("imsmanifest.xml", manifest)
            for name, data in files.items():
                zf.writestr(name, data)

    atomic_write(path, writer, binary=True)


def write_qti3(units, path: str, documents=(), media: dict | None = None) -> None:
    """:func:`write` with ``version="3.0"``."""
    write(units, path, documents, media, version="3.0")


__all__ = ["NAME", "EXTENSIONS", "NS", "detect", "parse", "item_xml", "qti_identifier",
           "to_xhtml", "write", "write_qti3"]
