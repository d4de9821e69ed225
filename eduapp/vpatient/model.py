"""The case script of a virtual patient: what the teacher writes, what the engine plays.

A :class:`CaseScript` holds learning objectives, the patient (demographics and persona),
the chief complaint and opening line, the hidden history facts (each with the concepts and
words a student may ask it by), examination findings by system, investigations (result,
cost, turnaround), the diagnosis with accepted synonyms, the differential, the expected
management, a weighted scoring checklist in sections, debrief teaching points, and states
with rules (after OpenLabyrinth's nodes and counters: the patient worsens when a key step
is missed for too long, improves after the right treatment).

The JSON form (``format: "eduapp-vpatient"``, ``version: 1``) is documented in
``docs/case-scripts.md``; :func:`load_case`, :func:`save_case`,
:meth:`CaseScript.from_dict` and :meth:`CaseScript.to_dict` round-trip it, and
:meth:`CaseScript.validate` checks that every reference (checklist items, rules) points at
something in the script.

Checklist and rule references are strings: ``fact:ID``, ``exam:ID``,
``investigation:ID``, ``management:ID``, ``diagnosis``, ``differential:N`` (zero-based
index into ``differential``), ``skill:NAME`` (one of :data:`SKILLS`) and, in rules only,
``state:ID``.
"""

from __future__ import annotations

import json
import os
import typing
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass

from ..errors import ImportFileError, Phrase, ValidationError, os_reason

__all__ = ["CaseScript", "Patient", "Persona", "Fact", "ExamFinding", "Investigation",
           "Diagnosis", "ManagementStep", "ChecklistItem", "ChecklistSection",
           "GlobalRating", "Checklist", "Debrief", "State", "Condition", "Effect", "Rule",
           "Lines", "load_case", "save_case", "case_from_json", "FORMAT", "FORMAT_VERSION",
           "SKILLS", "FACT_CATEGORIES", "EXAM_SYSTEMS"]

FORMAT = "eduapp-vpatient"
FORMAT_VERSION = 1

#: Communication skills the engine recognises (问诊技巧 / OSCE communication items).
SKILLS = ("introduction", "open_question", "empathy", "summary", "closing", "explanation",
          "no_jargon")

#: Parts of the history a fact belongs to (for the debrief and the checklist sections).
FACT_CATEGORIES = ("presenting", "hpi", "ros", "past", "drugs", "allergies", "family",
                   "social", "ice", "other")

#: Examination systems offered in the menus, in this order (others are allowed too).
EXAM_SYSTEMS = ("general", "vitals", "cardiovascular", "respiratory", "abdominal",
                "neurological", "head_neck", "skin", "musculoskeletal", "ent", "other")


@dataclass
class Persona:
    """How the patient speaks and feels.

    :ivar speech_style: e.g. "plain words, short answers, no medical terms".
    :ivar emotional_state: e.g. "anxious", "in pain, irritable".
    :ivar informant: who answers when it is not the patient (a parent for a child).
    """

    speech_style: str = ""
    emotional_state: str = ""
    informant: str = ""


@dataclass
class Patient:
    """Demographics: ``age`` in years (a fraction for infants, e.g. 1.5)."""

    name: str
    age: float
    sex: str
    occupation: str = ""
    setting: str = ""
    persona: Persona = field(default_factory=Persona)


@dataclass
class Fact:
    """One hidden history fact and the ways a student may ask for it.

    :ivar id: unique within the case (``[a-z0-9_]+``).
    :ivar category: one of :data:`FACT_CATEGORIES`.
    :ivar answer: what the patient says, in the case language and in character.
    :ivar topics: concepts of the shared lexicon (``eduapp/vpatient/lexicon.json``) this
        fact answers, e.g. ``["onset"]`` or ``["past_history", "hypertension"]``.
    :ivar keywords: case-specific words or phrases (both languages) that ask for it.
    :ivar questions: example questions (used as patterns and for fuzzy matching).
    :ivar leak_terms: words that give this fact away; the LLM leak guard replaces an
        answer that contains one before the fact was asked for. Empty: not guarded.
    :ivar reveals: ids of other facts this answer also tells (the opening complaint that
        says "it started an hour ago, like a heavy weight"): when this fact is revealed,
        those count as revealed too (in the encounter and for the checklist).
    """

    id: str
    category: str
    answer: str
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    leak_terms: list[str] = field(default_factory=list)
    reveals: list[str] = field(default_factory=list)


@dataclass
class ExamFinding:
    """A finding on examination. ``minutes`` of simulated time, ``cost`` in the case's
    currency (usually 0 for examination)."""

    id: str
    system: str
    name: str
    finding: str
    keywords: list[str] = field(default_factory=list)
    minutes: float = 2
    cost: float = 0


@dataclass
class Investigation:
    """A test that can be ordered: ``result`` text, ``cost`` in the case's currency,
    ``minutes`` until the result comes back (turnaround)."""

    id: str
    name: str
    result: str
    synonyms: list[str] = field(default_factory=list)
    category: str = "lab"
    cost: float = 0
    minutes: float = 30


@dataclass
class Diagnosis:
    """A diagnosis by ``name`` with accepted ``synonyms`` (both languages allowed)."""

    name: str
    synonyms: list[str] = field(default_factory=list)


@dataclass
class ManagementStep:
    """An expected step of management, matched by ``name`` and ``synonyms``.

    ``elements`` lists the step's essential parts when it has several ("GTN and IV
    morphine with an antiemetic": ``[["gtn", "nitrate", ...], ["morphine", ...],
    ["antiemetic", "metoclopramide", ...]]``; each part is a list of alternative terms).
    With elements, a plan earns the step's share of credit for each part it names
    (2 of 3 parts: 2/3 of the item's weight) and the step is done only when it names
    them all; without elements, naming the step or any synonym does it in full.
    """

    id: str
    name: str
    synonyms: list[str] = field(default_factory=list)
    elements: list[list[str]] = field(default_factory=list)


@dataclass
class ChecklistItem:
    """A scored checklist item: done when any of ``refs`` was done (see the module
    docstring for the reference forms). ``weight`` in points."""

    id: str
    text: str
    refs: list[str]
    weight: float = 1.0


@dataclass
class ChecklistSection:
    """A section such as 现病史, 相关病史, 问诊技巧, or History / Examination / Management."""

    id: str
    title: str
    items: list[ChecklistItem] = field(default_factory=list)


@dataclass
class GlobalRating:
    """The OSCE global rating: ``scale`` points (1..scale), counted with ``weight`` points
    in the total. Offline it is derived from the checklist share and efficiency."""

    scale: int = 5
    weight: float = 0.0


@dataclass
class Checklist:
    """Sections of items; ``style`` is ``osce`` or ``cn_history`` (病史采集)."""

    style: str = "osce"
    sections: list[ChecklistSection] = field(default_factory=list)
    global_rating: GlobalRating | None = None


@dataclass
class Debrief:
    """What the student reads after the encounter."""

    summary: str = ""
    teaching_points: list[str] = field(default_factory=list)


@dataclass
class State:
    """A state of the patient (a node). ``exam`` overrides findings by exam id; ``vitals``
    and ``patient_says`` are shown when the state is entered."""

    id: str
    description: str = ""
    vitals: str = ""
    patient_says: str = ""
    exam: dict[str, str] = field(default_factory=dict)


@dataclass
class Condition:
    """When a rule fires: all given parts must hold.

    :ivar state: the current state id (empty: any).
    :ivar minutes_at_least: simulated minutes since the start.
    :ivar done: references that must all have been done.
    :ivar not_done: references none of which may have been done.
    :ivar counters_at_least: ``{counter: value}`` minimums.
    """

    state: str = ""
    minutes_at_least: float | None = None
    done: list[str] = field(default_factory=list)
    not_done: list[str] = field(default_factory=list)
    counters_at_least: dict[str, float] = field(default_factory=dict)


@dataclass
class Effect:
    """What a rule does: go to a state, say something (system message), add to counters."""

    goto: str = ""
    message: str = ""
    counters: dict[str, float] = field(default_factory=dict)


@dataclass
class Rule:
    """``when`` -> ``then``, at most once per encounter."""

    id: str
    when: Condition
    then: Effect


@dataclass
class Lines:
    """The patient's stock replies (empty: the engine's default in the case language)."""

    unsure: str = ""
    clarify: str = ""
    negative: str = ""
    greeting: str = ""
    summary: str = ""
    closing: str = ""
    empathy: str = ""
    explanation: str = ""
    refuse: str = ""
    unknown: str = ""


@dataclass
class CaseScript:
    """A whole virtual-patient case; see the module docstring.

    :ivar language: ``en`` or ``zh``: the patient answers in it.
    :ivar unlisted_symptoms: ``negative`` (the patient denies a symptom the script does not
        list) or ``unsure``.
    :ivar exam_unlisted: ``normal`` or ``not_available`` for an examination not listed.
    :ivar investigation_unlisted: ``normal`` or ``not_available`` for an unlisted test.
    :ivar currency: the unit of every ``cost`` (``CNY``, ``GBP`` ...).
    """

    id: str
    title: str
    language: str
    patient: Patient
    chief_complaint: str
    opening: str
    facts: list[Fact]
    diagnosis: Diagnosis
    checklist: Checklist
    topic: str = ""
    system: str = ""
    objectives: list[str] = field(default_factory=list)
    exam: list[ExamFinding] = field(default_factory=list)
    investigations: list[Investigation] = field(default_factory=list)
    differential: list[Diagnosis] = field(default_factory=list)
    management: list[ManagementStep] = field(default_factory=list)
    debrief: Debrief = field(default_factory=Debrief)
    states: list[State] = field(default_factory=list)
    initial_state: str = ""
    rules: list[Rule] = field(default_factory=list)
    lines: Lines = field(default_factory=Lines)
    unlisted_symptoms: str = "negative"
    exam_unlisted: str = "normal"
    investigation_unlisted: str = "not_available"
    currency: str = ""
    status: str = "draft"
    provenance: dict = field(default_factory=dict)

    # -------------------------------------------------------------- lookups

    def fact(self, fact_id: str) -> Fact:
        """:raises KeyError: no such fact."""
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    def exam_finding(self, exam_id: str) -> ExamFinding:
        """:raises KeyError: no such examination."""
        for e in self.exam:
            if e.id == exam_id:
                return e
        raise KeyError(exam_id)

    def investigation(self, inv_id: str) -> Investigation:
        """:raises KeyError: no such investigation."""
        for i in self.investigations:
            if i.id == inv_id:
                return i
        raise KeyError(inv_id)

    def state(self, state_id: str) -> State:
        """:raises KeyError: no such state."""
        for s in self.states:
            if s.id == state_id:
                return s
        raise KeyError(state_id)

    def known_refs(self) -> set[str]:
        """Every reference a checklist item or rule may use in this script."""
        refs = {"diagnosis"}
        refs |= {f"fact:{f.id}" for f in self.facts}
        refs |= {f"exam:{e.id}" for e in self.exam}
        refs |= {f"investigation:{i.id}" for i in self.investigations}
        refs |= {f"management:{m.id}" for m in self.management}
        refs |= {f"differential:{n}" for n in range(len(self.differential))}
        refs |= {f"skill:{s}" for s in SKILLS}
        return refs

    # -------------------------------------------------------------- validation

    def problems(self) -> list[str]:
        """Everything wrong with the script, as sentences (empty when valid)."""
        from .lexicon import concept_ids
        out: list[str] = []
        if self.language not in ("en", "zh"):
            out.append(f"language must be 'en' or 'zh', not {self.language!r}")
        for name in ("id", "title", "chief_complaint", "opening"):
            if not str(getattr(self, name)).strip():
                out.append(f"the case has no {name}")
        if not self.diagnosis.name.strip():
            out.append("the diagnosis has no name")
        for label, ids in (("fact", [f.id for f in self.facts]),
                           ("examination", [e.id for e in self.exam]),
                           ("investigation", [i.id for i in self.investigations]),
                           ("management step", [m.id for m in self.management]),
                           ("state", [s.id for s in self.states]),
                           ("rule", [r.id for r in self.rules])):
            seen = set()
            for i in ids:
                if not i or not i.replace("_", "").replace("-", "").isalnum():
                    out.append(f"{label} id {i!r} must be letters, digits, '_' or '-'")
                if i in seen:
                    out.append(f"two {label}s have the id {i!r}")
                seen.add(i)
        concepts = concept_ids()
        for f in self.facts:
            if f.category not in FACT_CATEGORIES:
                out.append(f"fact {f.id}: unknown category {f.category!r}")
            if not f.answer.strip():
                out.append(f"fact {f.id} has no answer")
            if not (f.topics or f.keywords or f.questions):
                out.append(f"fact {f.id} cannot be asked: give it topics, keywords or "
                           f"questions")
            for t in f.topics:
                if t not in concepts:
                    out.append(f"fact {f.id}: unknown topic {t!r} (see lexicon.json)")
            for r in f.reveals:
                if r == f.id or r not in {g.id for g in self.facts}:
                    out.append(f"fact {f.id} reveals {r!r}, which is not another fact")
        for option in ("unlisted_symptoms",):
            if getattr(self, option) not in ("negative", "unsure"):
                out.append(f"{option} must be 'negative' or 'unsure'")
        for option in ("exam_unlisted", "investigation_unlisted"):
            if getattr(self, option) not in ("normal", "not_available"):
                out.append(f"{option} must be 'normal' or 'not_available'")
        if self.checklist.style not in ("osce", "cn_history"):
            out.append("checklist style must be 'osce' or 'cn_history'")
        known = self.known_refs()
        item_ids = set()
        if not any(s.items for s in self.checklist.sections):
            out.append("the checklist has no items")
        for s in self.checklist.sections:
            for it in s.items:
                if it.id in item_ids:
                    out.append(f"two checklist items have the id {it.id!r}")
                item_ids.add(it.id)
                if not it.refs:
                    out.append(f"checklist item {it.id} refers to nothing")
                if it.weight <= 0:
                    out.append(f"checklist item {it.id} needs a positive weight")
                for r in it.refs:
                    if r not in known:
                        out.append(f"checklist item {it.id} refers to {r!r}, which is not "
                                   f"in the script")
        states = {s.id for s in self.states}
        if self.states and self.initial_state not in states:
            out.append(f"initial_state {self.initial_state!r} is not one of the states")
        for rule in self.rules:
            if rule.when.state and rule.when.state not in states:
                out.append(f"rule {rule.id}: unknown state {rule.when.state!r}")
            if rule.then.goto and rule.then.goto not in states:
                out.append(f"rule {rule.id}: goes to unknown state {rule.then.goto!r}")
            for r in rule.when.done + rule.when.not_done:
                if r not in known and not (r.startswith("state:") and r[6:] in states):
                    out.append(f"rule {rule.id} refers to {r!r}, which is not in the script")
        for s in self.states:
            for exam_id in s.exam:
                if exam_id not in {e.id for e in self.exam}:
                    out.append(f"state {s.id} changes unknown examination {exam_id!r}")
        return out

    def validate(self) -> "CaseScript":
        """:returns: ``self``. :raises ValidationError: the first few problems, as one
        sentence."""
        problems = self.problems()
        if problems:
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValidationError(code="vp.invalid", values={
                "id": self.id or "?", "problems": "; ".join(problems[:5]),
                "more": Phrase("vp.more", n=len(problems) - 5) if len(problems) > 5 else ""})
        return self

    # -------------------------------------------------------------- JSON

    def to_dict(self) -> dict:
        """The JSON shape (``format``, ``version`` first)."""
        return {"format": FORMAT, "version": FORMAT_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> "CaseScript":
        """Build a script from its JSON shape (not validated: call :meth:`validate`).

        ``diagnosis`` may be a string (a name without synonyms); a checklist item may give
        ``ref`` (one reference) instead of ``refs``.

        :raises ValidationError: not an object, wrong format or version, unknown or
            missing fields, wrong types (the message names the field).
        """
        if not isinstance(data, dict):
            raise ValidationError(code="vp.not-object")
        data = dict(data)
        fmt = data.pop("format", FORMAT)
        version = data.pop("version", FORMAT_VERSION)
        if fmt != FORMAT:
            raise ValidationError(code="vp.wrong-format",
                                  values={"format": fmt, "expected": FORMAT})
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ValidationError(code="vp.newer",
                                  values={"version": version, "known": FORMAT_VERSION})
        return _build(cls, data, "case")


# ------------------------------------------------------------------ dataclass building

def _build(cls, data, where: str):
    """A dataclass ``cls`` from a dict, checking field names and basic types."""
    if not isinstance(data, dict):
        raise ValidationError(code="vp.field-object", values={"where": where})
    data = dict(data)
    if cls is Diagnosis and isinstance(data, str):
        data = {"name": data}
    if cls is ChecklistItem and "ref" in data and "refs" not in data:
        ref = data.pop("ref")
        data["refs"] = ref if isinstance(ref, list) else [ref]
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValidationError(code="vp.unknown-fields",
                              values={"where": where, "fields": sorted(unknown)})
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ValidationError(code="vp.missing-field",
                                      values={"where": where, "field": f.name})
            continue
        kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
    return cls(**kwargs)


def _convert(tp, value, where: str):
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        if value is None and type(None) in args:
            return None
        tp = next(a for a in args if a is not type(None))
        return _convert(tp, value, where)
    if tp is Diagnosis and isinstance(value, str):
        value = {"name": value}
    if is_dataclass(tp):
        return _build(tp, value, where)
    if origin is list:
        if not isinstance(value, list):
            raise ValidationError(code="vp.field-list", values={"where": where})
        return [_convert(args[0], v, f"{where}[{n}]") for n, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ValidationError(code="vp.field-dict", values={"where": where})
        return {str(k): _convert(args[1], v, f"{where}.{k}") for k, v in value.items()}
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError(code="vp.field-number", values={"where": where})
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(code="vp.field-int", values={"where": where})
        return value
    if tp is str:
        if not isinstance(value, str):
            raise ValidationError(code="vp.field-text", values={"where": where})
        return value
    return value


# ------------------------------------------------------------------ files

def case_from_json(text: str, source: str = "") -> CaseScript:
    """Parse and validate a case script from JSON text.

    :param source: the file name, for messages.
    :raises ImportFileError: not JSON (with the line), or an invalid script.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ImportFileError(None, source or None, e.lineno, code="vp.bad-json",
                              values={"detail": e.msg, "line": e.lineno,
                                      "column": e.colno}) from None
    try:
        return CaseScript.from_dict(data).validate()
    except ValidationError as e:
        raise ImportFileError(None if e.code else str(e), source or None, code=e.code,
                              values=e.values) from None


def load_case(path: str) -> CaseScript:
    """Read and validate a case script file (JSON in any encoding
    :func:`eduapp.textfiles.read_text` reads: UTF-8, GBK, UTF-16 ...).

    :raises ImportFileError: unreadable, not JSON, or invalid (says where and why).
    """
    from ..textfiles import read_text
    return case_from_json(read_text(path, what="case script", consequence="nothing was "
                                    "imported"), path)


def save_case(case: CaseScript, path: str) -> None:
    """Validate ``case`` and write it as UTF-8 JSON (to a temporary file, then renamed).

    :raises ValidationError: the script is invalid (nothing written).
    :raises ExportError: the file cannot be written.
    """
    from ..errors import ExportError
    case.validate()
    folder = os.path.dirname(os.path.abspath(path)) or "."
    tmp = os.path.join(folder, f".{os.path.basename(path)}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(case.to_dict(), fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise ExportError(code="file.cannot-write",
                          values={"path": path, "reason": os_reason(e)}) from None


# ---------------------------------------------------------------------- language check

#: What :func:`language_mismatches` reads: ``(part, [(id, text)])`` getters.
_LANGUAGE_PARTS = (
    ("chief_complaint", lambda c: [("", c.chief_complaint)]),
    ("opening", lambda c: [("", c.opening)]),
    ("fact", lambda c: [(f.id, f.answer) for f in c.facts]),
    ("exam", lambda c: [(e.id, f"{e.name} {e.finding}") for e in c.exam]),
    ("investigation", lambda c: [(i.id, f"{i.name} {i.result}") for i in c.investigations]),
    ("diagnosis", lambda c: [("", c.diagnosis.name)]),
    ("differential", lambda c: [(str(n), d.name) for n, d in enumerate(c.differential)]),
    ("management", lambda c: [(m.id, m.name) for m in c.management]),
)


def script_language(text: str) -> str:
    """``zh``, ``en`` or ``""`` (too little text to say) for ``text``, by script.

    Rule: CJK ideographs against Latin letters; text with at least 2 ideographs where
    ideographs are 40% or more of the two is Chinese; text with at least 8 Latin letters
    and under 15% ideographs is English; anything else (lab values, "SpO2 94%", mixed
    text) says nothing. Latin letters count per word (a unit such as "mmol/L" is one), so
    the usual Latin abbreviations in Chinese text keep it Chinese.
    """
    import re
    cjk = len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text or ""))
    latin_words = re.findall(r"[A-Za-z]+", text or "")
    latin = sum(len(w) for w in latin_words)
    units = len(latin_words)
    if cjk >= 2 and cjk >= 0.4 * (cjk + units):
        return "zh"
    if latin >= 8 and cjk < 0.15 * (cjk + latin):
        return "en"
    return ""


def language_mismatches(case: "CaseScript") -> dict[str, list[str]]:
    """The parts of ``case`` written in the other language than the case's (a case copied
    from one in the other language, a finding pasted from elsewhere): the patient would
    answer, and the menus show, text in the wrong language.

    :returns: ``{part: [ids]}`` for parts ``chief_complaint``, ``opening``, ``fact``,
        ``exam``, ``investigation``, ``diagnosis``, ``differential`` (zero-based indices as
        strings) and ``management`` whose text :func:`script_language` reads as the other
        language; ids are ``""`` for the single fields. Empty when all agree. A warning,
        not an error: a bilingual case may mean it.
    """
    if case.language not in ("en", "zh"):
        return {}
    out: dict[str, list[str]] = {}
    for part, get in _LANGUAGE_PARTS:
        for ident, text in get(case):
            found = script_language(text)
            if found and found != case.language:
                out.setdefault(part, []).append(ident)
    return out
