"""GIFT (``gift``): Moodle's plain-text question format.

Rules follow the Moodle documentation page "GIFT format"
(https://docs.moodle.org/en/GIFT_format) and ``question/format/gift/format.php``:

* questions are separated by blank lines; lines starting with ``//`` are comments, and a
  comment ``// [id:X] [tag:T]`` before a question gives its idnumber and tags (Moodle 4.2);
* ``$CATEGORY: path`` sets the category of the questions after it;
* ``::title::`` names a question; ``[html]``/``[markdown]``/``[plain]``/``[moodle]`` give the
  text format of the text after it;
* ``\\~ \\= \\# \\{ \\} \\:`` are escaped control characters and ``\\n`` a newline;
* the answer block ``{...}`` decides the type: empty -> essay; ``#...`` -> numerical
  (``value:tolerance``, ``min..max``); a ``~`` -> multiple choice (``=`` right, ``~%n%``
  weights; several positive weights and no single ``=`` -> multiple response); only ``=``
  answers that all hold ``->`` -> matching; ``T``/``TRUE``/``F``/``FALSE`` -> true/false
  (``#wrong feedback#right feedback``); other ``=`` answers -> short answer; no block ->
  description. ``#`` starts per-answer feedback and ``####`` the general feedback. Text
  after the block makes a missing-word question (the gap is written ``_____``).
"""

from __future__ import annotations

import re

from ..domain import Item, Option
from ..errors import ImportFileError, ValidationError
from ..files import atomic_write
from . import filereading, grades, identity, richtext, textencoding
from .base import ParseResult, short_without_answers_as_essay, units_items
from .moodle_xml import TRUE_WORDS, category_of

NAME = "gift"
EXTENSIONS = (".gift", ".txt")

#: Escaped control characters -> private-use placeholders while the structure is parsed.
_ESC = {"\\\\": "\ue006", "\\~": "\ue000", "\\=": "\ue001", "\\#": "\ue002",
        "\\{": "\ue003", "\\}": "\ue004", "\\:": "\ue005"}
_UNESC = {"\ue006": "\\", "\ue000": "~", "\ue001": "=", "\ue002": "#", "\ue003": "{",
          "\ue004": "}", "\ue005": ":"}
_ESC_RE = re.compile(r"\\[\\~=#{}:]")
_FORMATS = {"html": "html", "markdown": "markdown", "plain": "plain", "moodle": "moodle"}
GAP = "_____"


def detect(head: bytes, path: str) -> bool:
    """True for ``.gift`` files, and for text whose blocks look like GIFT (``::title::`` or
    an answer block with ``=``/``~``)."""
    if path.lower().endswith(".gift"):
        return True
    try:
        text = head.decode("utf-8", errors="ignore")
    except Exception:  # noqa: BLE001
        return False
    if text.lstrip().startswith(("<", "{")):
        return False
    return bool(re.search(r"^\s*::.+?::", text, re.M) or re.search(r"\{\s*[=~#]", text)
                or "$CATEGORY:" in text)


def _mask(text: str) -> str:
    return _ESC_RE.sub(lambda m: _ESC[m.group(0)], text)


def _unmask(text: str) -> str:
    for k, v in _UNESC.items():
        text = text.replace(k, v)
    return text


def _clean(text: str, collapse: bool = True) -> str:
    """Unmask placeholders, turn ``\\n`` into newlines, and tidy whitespace."""
    if collapse:
        text = re.sub(r"\s*\n\s*", " ", text)
    else:
        text = "\n".join(line.strip() for line in text.strip().split("\n"))
    text = text.strip().replace("\\n", "\n")
    return _unmask(text)


def _format_marker(text: str) -> tuple[str, str | None]:
    m = re.match(r"\s*\[(html|markdown|plain|moodle)\]", text)
    if m:
        return text[m.end():], _FORMATS[m.group(1)]
    return text, None


def _blocks(text: str):
    """Yield ``(first_line, block_text, comment_lines)`` per blank-line separated block.

    Comment lines are dropped from the block. As in Moodle, a blank line always ends a
    question, so one unclosed brace cannot swallow the rest of the file."""
    lines = text.split("\n")
    block: list[str] = []
    comments: list[str] = []
    start = 0
    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            if not block:
                comments.append(stripped)
            continue
        if not stripped:
            if block:
                yield start, "\n".join(block), comments
            block, comments = [], []
            continue
        if not block:
            start = n
        block.append(line)
    if block:
        yield start, "\n".join(block), comments


def _split_answers(body: str) -> list[tuple[str, str]]:
    """Split an answer block body into ``(marker, text)`` with marker ``=`` or ``~``."""
    out = []
    for m in re.finditer(r"([=~])([^=~]*)", body):
        out.append((m.group(1), m.group(2)))
    return out


def _weight(text: str) -> tuple[float | None, str]:
    """A ``%50%`` answer weight as a fraction Moodle accepts.

    :raises ValidationError: a weight outside Moodle's grade list (``%33%``).
    """
    m = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", text)
    if m:
        return grades.moodle_grade(float(m.group(1)) / 100.0), text[m.end():]
    return None, text


def _feedback(text: str) -> tuple[str, str]:
    answer, _, fb = text.partition("#")
    return answer, fb


def _answer_text(text: str) -> tuple[str, str | None]:
    body, fmt = _format_marker(text.strip())
    cleaned = _clean(body)
    return richtext.import_text(cleaned, fmt or "markdown")[0], fmt


def _number(text: str) -> tuple[str, float | None]:
    """``value``, ``value:tolerance`` or ``min..max`` -> (value text, tolerance)."""
    text = _clean(text)
    if ".." in text:
        lo, _, hi = text.partition("..")
        lo_f, hi_f = float(lo), float(hi)
        mid = (lo_f + hi_f) / 2
        return f"{mid:g}", abs(hi_f - lo_f) / 2
    if ":" in text:
        value, _, tol = text.partition(":")
        float(value)
        return value.strip(), float(tol)
    float(text)
    return text.strip(), None


def _parse_block(masked: str, comments: list[str], category: str, path: str) -> Item | None:
    item = Item(type="description", stem="")
    item.category = category
    item.provenance = {"source": "imported", "file": path, "format": NAME}
    for comment in comments:
        for key, value in _ID_TAG.findall(comment):
            value = _unescape_id(value).strip()
            if not value:
                continue
            if key == "id":
                identity.set_identity(item, value)
            else:
                item.tags.append(value)
    text = masked.strip()
    m = re.match(r"::(.*?)::", text, re.S)
    if m:
        title = _clean(m.group(1))
        if title:
            item.extra["title"] = title
            if not item.idnumber and not comments_have_id(comments):
                identity.set_identity(item, title)
                item.extra["_id_from_title"] = True
        text = text[m.end():]
    text, fmt = _format_marker(text)
    open_at = text.find("{")
    if open_at < 0:
        if "}" in text:
            raise ValidationError(code="gift.stray-closing")
        stem, tf = richtext.import_text(_clean(text, collapse=False), fmt or "markdown")
        item.stem = stem
        if tf:
            item.extra["text_format"] = tf
        return item
    close_at = text.find("}", open_at)
    if close_at < 0:
        raise ValidationError(code="gift.no-closing")
    before, body, after = text[:open_at], text[open_at + 1:close_at], text[close_at + 1:]
    if "{" in body:
        raise ValidationError(code="gift.second-opening")
    if "{" in after or "}" in after:
        raise ValidationError(code="gift.two-blocks")
    stem_raw = before.rstrip()
    if after.strip():
        item.extra["gift_missing_word"] = True
        stem_raw = before.rstrip() + " " + GAP + " " + after.strip()
        stem_raw = stem_raw.strip()
    stem, tf = richtext.import_text(_clean(stem_raw, collapse=False), fmt or "markdown")
    item.stem = stem
    if tf:
        item.extra["text_format"] = tf
    body, _, general = body.partition("####")
    if general.strip():
        item.explanation = _answer_text(general)[0]
    body_s = body.strip()
    if not body_s:
        item.type = "essay"
    elif body_s.startswith("#"):
        item.type = "numerical"
        rest = body_s[1:].strip()
        if not re.match(r"[=~]", rest):
            rest = "=" + rest
        for marker, chunk in _split_answers(rest):
            weight, chunk = _weight(chunk)
            answer, fb = _feedback(chunk)
            fb_text = _answer_text(fb)[0] if fb else ""
            if marker == "~" or not answer.strip():
                item.options.append(Option(text="*", correct=False, explanation=fb_text,
                                           fraction=weight if weight else None))
                continue
            if _clean(answer).strip() == "*":  # ``=%50%*``: any other answer earns a share
                frac = 1.0 if weight is None else weight
                item.options.append(Option(text="*", correct=frac > 0, explanation=fb_text,
                                           fraction=None if frac in (0.0, 1.0) else frac))
                continue
            try:
                value, tol = _number(answer)
            except ValueError:
                raise ValidationError(code="gift.bad-number",
                                      values={"answer": _clean(answer)}) from None
            frac = 1.0 if weight is None else weight
            opt = Option(text=value, correct=frac > 0, explanation=fb_text, tolerance=tol)
            if frac != (1.0 if opt.correct else 0.0):
                opt.fraction = frac
            item.options.append(opt)
    elif "~" in body_s:
        answers = _split_answers(body_s)
        if body_s[0] not in "=~":
            raise ValidationError(code="gift.text-before-answer")
        weights = []
        for marker, chunk in answers:
            weight, chunk = _weight(chunk)
            if weight is None:
                weight = 1.0 if marker == "=" else 0.0
            answer, fb = _feedback(chunk)
            text_a, _ = _answer_text(answer)
            item.options.append(Option(text=text_a,
                                       explanation=_answer_text(fb)[0] if fb else ""))
            weights.append(weight)
        full = sum(1 for w in weights if w >= 0.99999)
        positive = sum(1 for w in weights if w > 0)
        item.type = "sba" if full == 1 or positive <= 1 else "multi"
        for opt, w in zip(item.options, weights):
            opt.correct = w >= 0.99999 if item.type == "sba" else w > 0
            if w != (1.0 if opt.correct else 0.0):
                opt.fraction = w
        if item.type == "multi":
            grades.normalise_multi(item)
    elif re.fullmatch(r"(T|TRUE|F|FALSE)(#.*)?", body_s, re.S | re.I) and \
            body_s.split("#")[0].strip().upper() in ("T", "TRUE", "F", "FALSE"):
        item.type = "tf"
        head, *fbs = body_s.split("#")
        truth = head.strip().upper() in ("T", "TRUE")
        wrong_fb = _answer_text(fbs[0])[0] if len(fbs) > 0 else ""
        right_fb = _answer_text(fbs[1])[0] if len(fbs) > 1 else ""
        item.options = [Option(text="True", correct=truth,
                               explanation=right_fb if truth else wrong_fb),
                        Option(text="False", correct=not truth,
                               explanation=wrong_fb if truth else right_fb)]
    else:
        answers = _split_answers(body_s)
        if not answers or body_s[0] != "=":
            raise ValidationError(code="gift.unknown-type",
                                  values={"block": "{" + _clean(body_s)[:40] + "}"})
        if all("->" in chunk for _, chunk in answers):
            item.type = "matching"
            for _, chunk in answers:
                left, _, right = chunk.partition("->")
                left_t = _answer_text(left)[0]
                item.options.append(Option(text=left_t, correct=bool(left_t),
                                           match=_answer_text(right)[0]))
        else:
            item.type = "short"
            for _, chunk in answers:
                weight, chunk = _weight(chunk)
                answer, fb = _feedback(chunk)
                frac = 1.0 if weight is None else weight
                opt = Option(text=_answer_text(answer)[0], correct=frac > 0,
                             explanation=_answer_text(fb)[0] if fb else "")
                if frac != (1.0 if opt.correct else 0.0):
                    opt.fraction = frac
                item.options.append(opt)
    return item


#: ``[id:...]``/``[tag:...]`` in a comment, with backslash escapes inside, as
#: Moodle 4.2's ``extract_idnumber_and_tags_from_comment`` reads them.
_ID_TAG = re.compile(r"\[(id|tag):((?:\\.|[^\]\\])*)\]")


def _escape_id(value: str) -> str:
    """An idnumber or tag for a ``// [id:...]`` comment: backslash and ``]`` escaped (Moodle's
    ``write_idnumber_and_tags``), line breaks flattened (a comment is one line)."""
    value = " ".join(value.splitlines())
    return value.replace("\\", "\\\\").replace("]", "\\]")


def _unescape_id(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def comments_have_id(comments: list[str]) -> bool:
    """True when a ``// [id:...]`` comment names the question's idnumber."""
    return any("[id:" in c for c in comments)


def parse(path: str) -> ParseResult:
    """Read a GIFT file.

    :param path: a UTF-8 (or GB18030) text file.
    :returns: items in file order; a question that cannot be read (unbalanced braces,
        an unreadable answer block, a broken item rule) is an error with its first line,
        and the rest of the file still parses.
    :raises ImportFileError: unreadable, empty, binary or undecodable file.
    """
    data = filereading.read_bytes(path)
    text, encoding = textencoding.detect_encoding(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = ParseResult(format=NAME, file=path, encoding=encoding)
    category = ""
    for n, (line, block, comments) in enumerate(_blocks(text), start=1):
        masked = _mask(block)
        stripped = masked.strip()
        if stripped.startswith("$CATEGORY:"):
            first, _, rest = stripped.partition("\n")
            category = category_of(_unmask(first[len("$CATEGORY:"):]).strip())
            if not rest.strip():
                continue
            masked = rest
        try:
            item = _parse_block(masked, comments, category, path)
            if item is None:
                continue
            item.validate()
        except ValidationError as e:
            result.errors.append(ImportFileError(None if e.code else str(e),
                                                 file=path,
                                                 line=line,
                                                 item=n,
                                                 code=e.code,
                                                 values=e.values))
            continue
        except (ValueError, TypeError, IndexError) as e:
            result.errors.append(ImportFileError(file=path,
                                                 line=line,
                                                 item=n,
                                                 code="import.question-unreadable",
                                                 values={"detail": str(e)}))
            continue
        result.add(item, n, line)
    _unique_title_ids(result)
    return result


def _unique_title_ids(result: ParseResult) -> None:
    """A title becomes the idnumber only when no other question in the file has it (two
    questions titled alike must not be merged by a re-import)."""
    seen: dict[str, int] = {}
    for item in result.items:
        if item.extra.get("_id_from_title"):
            seen[item.idnumber] = seen.get(item.idnumber, 0) + 1
    for item in result.items:
        if item.extra.pop("_id_from_title", None) and seen.get(item.idnumber, 0) > 1:
            item.idnumber = ""


# --- export ------------------------------------------------------------------------


#: what Python's ``str.splitlines`` and a GIFT reader may take for a line break
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def escape(text: str) -> str:
    """Escape GIFT control characters (and backslashes, newlines) in ``text``."""
    text = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        text = text.replace(ch, "\\" + ch)
    # every line break becomes the two characters \n: a real one would end the line,
    # and an empty line ends the question (GIFT's separator)
    return _LINE_BREAKS.sub(r"\\n", text.replace("\r\n", "\n"))


def _weight_str(fraction: float) -> str:
    pct = fraction * 100
    if abs(pct - round(pct)) < 1e-9:
        return f"%{int(round(pct))}%"
    return f"%{pct:.5f}".rstrip("0") + "%"


def _marker(item: Item) -> str:
    fmt = item.extra.get("text_format")
    return f"[{fmt}]" if fmt in ("html", "plain", "moodle") else "[markdown]"


def _answers(item: Item) -> str:
    fb = lambda o: f"#{escape(o.explanation)}" if o.explanation else ""  # noqa: E731
    lines = []
    if item.type in ("sba", "multi"):
        for o in item.options:
            frac = grades.answer_fraction(item, o)
            if item.type == "sba" and o.correct and frac == 1.0:
                lines.append(f"={escape(o.text)}{fb(o)}")
            elif frac == 0.0:
                lines.append(f"~{escape(o.text)}{fb(o)}")
            else:
                lines.append(f"~{_weight_str(frac)}{escape(o.text)}{fb(o)}")
    elif item.type == "tf":
        true_opt = next((o for o in item.options if o.text.strip().lower() in TRUE_WORDS),
                        item.options[0] if item.options else None)
        truth = bool(true_opt and true_opt.correct)
        right = next((o for o in item.options if o.correct), None)
        wrong = next((o for o in item.options if not o.correct), None)
        text = "TRUE" if truth else "FALSE"
        wfb = wrong.explanation if wrong else ""
        rfb = right.explanation if right else ""
        if wfb or rfb:
            text += f"#{escape(wfb)}"
        if rfb:
            text += f"#{escape(rfb)}"
        return text
    elif item.type == "short":
        for o in item.options:
            frac = o.fraction if o.fraction is not None else (1.0 if o.correct else 0.0)
            w = "" if frac == 1.0 else _weight_str(frac)
            lines.append(f"={w}{escape(o.text)}{fb(o)}")
    elif item.type == "numerical":
        for o in item.options:
            if o.text == "*":
                lines.append(f"~{fb(o)}" if o.explanation else "~")
                continue
            frac = o.fraction if o.fraction is not None else (1.0 if o.correct else 0.0)
            w = "" if frac == 1.0 else _weight_str(frac)
            tol = f":{o.tolerance:g}" if o.tolerance is not None else ""
            lines.append(f"={w}{escape(o.text)}{tol}{fb(o)}")
        return "#\n" + "\n".join("    " + line for line in lines) + "\n"
    elif item.type == "matching":
        for o in item.options:
            lines.append(f"={escape(o.text)} -> {escape(o.match or '')}")
    elif item.type == "essay":
        return ""
    if not lines:  # never an empty line inside { }: it would end the question
        return ""
    return "\n" + "\n".join("    " + line for line in lines) + "\n"


def adapt(item: Item) -> str | None:
    """``write_file``'s hook: a short item with only a model answer is written as an essay
    (``{}``; GIFT has no place for the model answer)."""
    return short_without_answers_as_essay(item, model_answer_kept=False)


def cannot_represent(item: Item) -> str | None:
    """Why GIFT cannot hold ``item``: a cloze question's embedded answers (GIFT has one
    answer block per question; Moodle's own GIFT export leaves cloze out too); a numerical
    catch-all answer (``*``) worth marks (Moodle's GIFT reader gives ``~`` 0%)."""
    if item.type == "cloze":
        return "GIFT cannot hold the embedded answers of a cloze question"
    if item.type == "numerical" and any(o.text.strip() == "*" and
                                        grades.answer_fraction(item, o) != 0
                                        for o in item.options):
        return ("GIFT's catch-all numerical answer (~) always scores 0; this item gives "
                "marks for any other answer")
    return grades.moodle_grade_problem(item)


def dumps(units, media: dict | None = None) -> str:
    """The GIFT text for ``units`` (sets are written member by member)."""
    out: list[str] = []
    category = None
    for item in units_items(units):
        if item.category != category:
            category = item.category
            path = " ".join(category.splitlines()) if category else ""
            out.append(f"$CATEGORY: $course$/top{'/' + path if path else ''}\n\n")
        head = f"// [id:{_escape_id(identity.export_id(item))}]" + "".join(
            f" [tag:{_escape_id(t)}]" for t in item.tags if t.strip())
        title = item.extra.get("title")
        title_s = f"::{escape(title)}::" if title else ""
        stem = item.full_stem
        if item.type == "cloze":
            out.append("// a cloze question: written as a description, GIFT cannot hold "
                       "its embedded answers\n")
        if item.type in ("description", "cloze"):
            out.append(f"{head}\n{title_s}{_marker(item)}{escape(stem)}\n\n")
            continue
        answers = _answers(item)
        general = f"####{escape(item.explanation)}\n" if item.explanation else ""
        block = "{" + answers + general + "}"
        if item.extra.get("gift_missing_word") and GAP in stem:
            before, _, after = stem.partition(GAP)
            body = f"{escape(before.rstrip())} {block} {escape(after.lstrip())}"
        else:
            body = f"{escape(stem)} {block}"
        out.append(f"{head}\n{title_s}{_marker(item)}{body}\n\n")
    return "".join(out)


def write(units, path: str, documents=(), media: dict | None = None) -> None:
    """Write ``units`` as a GIFT file (UTF-8, atomic).

    Each question is preceded by ``// [id:...] [tag:...]`` (Moodle 4.2 reads these) so a
    re-import keeps identity and tags. Cloze items are written as descriptions (GIFT has no
    embedded answers); media, hints and marks are not written (GIFT cannot hold them).

    :raises ExportError: the file cannot be written.
    """
    text = dumps(units, media)
    atomic_write(path, lambda fh: fh.write(text))


__all__ = ["NAME", "EXTENSIONS", "detect", "parse", "dumps", "write", "escape"]
