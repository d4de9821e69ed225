"""Moodle's embedded-answer (cloze) syntax: reading the gaps of a cloze text and checking
them as Moodle does on import. Moodle XML, GIFT, QTI and Anki items keep cloze questions in
this syntax (``Item.extra["cloze"]["subquestions"]``)."""

from __future__ import annotations

import re

from ..errors import ValidationError


_CLOZE_RE = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
_CLOZE_TYPES = {
    "SHORTANSWER": "shortanswer", "SA": "shortanswer", "MW": "shortanswer",
    "SHORTANSWER_C": "shortanswer_c", "SAC": "shortanswer_c", "MWC": "shortanswer_c",
    "NUMERICAL": "numerical", "NM": "numerical",
    "MULTICHOICE": "multichoice", "MC": "multichoice", "MULTICHOICE_V": "multichoice",
    "MCV": "multichoice", "MULTICHOICE_H": "multichoice", "MCH": "multichoice",
    "MULTICHOICE_S": "multichoice", "MCS": "multichoice", "MULTICHOICE_VS": "multichoice",
    "MCVS": "multichoice", "MULTICHOICE_HS": "multichoice", "MCHS": "multichoice",
    "MULTIRESPONSE": "multiresponse", "MR": "multiresponse", "MULTIRESPONSE_H":
    "multiresponse", "MRH": "multiresponse", "MULTIRESPONSE_S": "multiresponse",
    "MRS": "multiresponse", "MULTIRESPONSE_HS": "multiresponse", "MRHS": "multiresponse",
}


def _unescape_cloze(text: str) -> str:
    return re.sub(r"\\([~}#/\\=%:])", r"\1", text)


def parse_cloze(text: str) -> list[dict]:
    """The embedded answers of a Moodle cloze (multianswer) text.

    Syntax from the Moodle docs page "Embedded Answers (Cloze) question type":
    ``{weight:TYPE:=right#feedback~%50%half~wrong}``.

    :returns: one dict per gap in order: ``{"position": 1-based, "weight": int, "type":
        "shortanswer"|"shortanswer_c"|"numerical"|"multichoice"|"multiresponse",
        "variant": the TYPE code as written, "answers": [{"text", "fraction", "feedback",
        "tolerance"?}]}``.
    :raises ValidationError: a gap with an unknown TYPE code.
    """
    out = []
    for n, m in enumerate(_CLOZE_RE.finditer(text), start=1):
        code = m.group(2)
        if code not in _CLOZE_TYPES:
            raise ValidationError(code="cloze.unknown-type", values={"n": n, "type": code})
        answers = []
        for part in re.split(r"(?<!\\)~", m.group(3)):
            if not part.strip():
                continue
            fraction = 0.0
            if part.startswith("="):
                fraction, part = 1.0, part[1:]
            else:
                wm = re.match(r"%(-?\d+(?:\.\d+)?)%", part)
                if wm:
                    fraction, part = float(wm.group(1)) / 100.0, part[wm.end():]
            split = re.split(r"(?<!\\)#", part, maxsplit=1)
            answer_text, feedback = split[0], (split[1] if len(split) > 1 else "")
            entry = {"text": _unescape_cloze(answer_text).strip(), "fraction": fraction,
                     "feedback": _unescape_cloze(feedback).strip()}
            if _CLOZE_TYPES[code] == "numerical" and re.search(r"(?<!\\):", entry["text"]):
                value, _, tol = entry["text"].partition(":")
                entry["text"] = value.strip()
                try:
                    entry["tolerance"] = float(tol)
                except ValueError:
                    pass
            answers.append(entry)
        out.append({"position": n, "weight": int(m.group(1) or 1), "type": _CLOZE_TYPES[code],
                    "variant": code, "answers": answers})
    return out


def validate_cloze(subquestions: list[dict]) -> None:
    """Check cloze subquestions as Moodle's ``qtype_multianswer`` does on import.

    :raises ValidationError: no subquestions; a subquestion with no answer at 100%; a
        multiple-choice subquestion with fewer than two choices (naming the subquestion,
        1-based).
    """
    if not subquestions:
        raise ValidationError(code="cloze.no-gaps", values={"example": "{1:SHORTANSWER:=...}"})
    for n, sub in enumerate(subquestions, start=1):
        answers = sub.get("answers") or []
        if sub.get("type") in ("multichoice", "multiresponse") and len(answers) < 2:
            raise ValidationError(code="cloze.too-few-choices", values={"n": n})
        if not answers:
            raise ValidationError(code="cloze.no-answer", values={"n": n})
        if not any(abs(float(a.get("fraction") or 0) - 1.0) < 1e-5 for a in answers) and \
                sub.get("type") != "multiresponse":
            raise ValidationError(code="cloze.no-correct", values={"n": n})
