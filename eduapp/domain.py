"""Plain dataclasses shared by every layer: items, item sets, documents, findings.

Nothing here talks to a database, a model or Qt. Field names use the item-writing terms
of the NBME guide ("Constructing Written Test Questions for the Basic and Clinical
Sciences"): an *item* has a *stem* (with an optional clinical *vignette* before the
lead-in), *options* of which the correct ones are the *key* and the others *distractors*.

Conventions for units: times are Unix epoch seconds (``float``); difficulty is an
expected facility index ``p`` in 0..1 (share of candidates who answer correctly; higher is
easier) or ``None`` when unknown; option indices are zero-based.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from .errors import Phrase, ValidationError

# --- vocabularies ------------------------------------------------------------------

#: Item types. ``sba`` single best answer (one key; a clinical vignette item is an ``sba``
#: with ``vignette`` set), ``multi`` multiple response, ``tf`` true/false, ``short`` short
#: answer (options are the accepted answers), ``matching`` (option ``text`` -> ``match``),
#: ``numerical`` (option ``text`` is the number, ``tolerance`` its +/- range), ``essay``,
#: ``cloze`` (embedded answers, Moodle multianswer), ``description`` (text only, no answer).
ITEM_TYPES = ("sba", "multi", "tf", "short", "matching", "numerical", "essay", "cloze",
              "description")
CHOICE_TYPES = ("sba", "multi", "tf")

#: Review status of an item: nothing reaches ``approved`` without a person.
STATUSES = ("draft", "reviewed", "approved", "retired")

#: Bloom's taxonomy (revised, Anderson & Krathwohl 2001), lowest to highest.
BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")

#: Exam-type labels teachers use as a facet. The Chinese medical licensing exam
#: (执业医师资格考试) uses A1 (single-sentence best answer), A2 (case best answer), A3/A4
#: (case cluster, shared vignette) and B1 (shared options). X (multiple response, 多项选择题)
#: is the type of the graduate entrance exam (考研西医综合), not of the licensing exam. SBA
#: and EMQ are the NBME/USMLE-style formats; MCQ a generic multiple-choice label. TF
#: (true/false, 判断题) and SAQ (short answer, 简答题) are course-exam formats that neither
#: licensing exam uses. :data:`EXAM_TYPE_INFO` says which exam each belongs to.
EXAM_TYPES = ("A1", "A2", "A3", "A4", "B1", "X", "SBA", "EMQ", "MCQ", "TF", "SAQ")

#: For each exam type: ``(exam, description)`` in English and Chinese, where ``exam`` is
#: ``licensing-cn`` (执业医师资格考试), ``postgraduate-cn`` (考研西医综合), ``licensing-us``
#: (USMLE/NBME style) or ``course`` (school tests only). Sources: 国家医学考试中心 question-type
#: descriptions; 全国硕士研究生招生考试西医综合考试大纲 (A, B and X types); NBME item-writing guide.
EXAM_TYPE_INFO: dict[str, dict] = {
    "A1": {"exam": "licensing-cn", "en": "A1: single-sentence best answer (Chinese licensing exam)",
           "zh": "A1型题：单句型最佳选择题（执业医师资格考试）"},
    "A2": {"exam": "licensing-cn", "en": "A2: case best answer (Chinese licensing exam)",
           "zh": "A2型题：病例摘要型最佳选择题（执业医师资格考试）"},
    "A3": {"exam": "licensing-cn", "en": "A3: case cluster, one patient (Chinese licensing exam)",
           "zh": "A3型题：病例组型最佳选择题（执业医师资格考试）"},
    "A4": {"exam": "licensing-cn", "en": "A4: case series, evolving case (Chinese licensing exam)",
           "zh": "A4型题：病例串型最佳选择题（执业医师资格考试）"},
    "B1": {"exam": "licensing-cn", "en": "B1: shared options (Chinese licensing exam)",
           "zh": "B1型题：标准配伍题（执业医师资格考试）"},
    "X": {"exam": "postgraduate-cn",
          "en": "X: multiple response (graduate entrance exam 考研西医综合, not the licensing exam)",
          "zh": "X型题：多项选择题（考研西医综合题型，执业医师考试不用）"},
    "SBA": {"exam": "licensing-us", "en": "SBA: single best answer (NBME/USMLE style)",
            "zh": "SBA：单一最佳答案题（NBME/USMLE风格）"},
    "EMQ": {"exam": "licensing-us", "en": "EMQ: extended matching (NBME style)",
            "zh": "EMQ：扩展配伍题（NBME风格）"},
    "MCQ": {"exam": "course", "en": "MCQ: multiple choice, generic (course exams)",
            "zh": "MCQ：一般多项选择题（课程考试）"},
    "TF": {"exam": "course", "en": "TF: true/false (course exams; no licensing exam uses it)",
           "zh": "判断题（课程考试题型，执业医师考试不用）"},
    "SAQ": {"exam": "course", "en": "SAQ: short answer (course exams; no licensing exam uses it)",
            "zh": "简答题（课程考试题型，执业医师考试不用）"},
}

#: Languages of content.
LANGUAGES = ("en", "zh")

#: Kinds of item set: ``case`` = shared vignette over several questions (A3/A4, case
#: cluster); ``shared_options`` = one option list answered by several stems (B1, EMQ).
SET_KINDS = ("case", "shared_options")

#: Kinds of document in the document store.
DOCUMENT_KINDS = ("notes", "case", "handout", "vpatient")

#: Systems used by the starter bank and the blueprint grid (free text is allowed too).
SYSTEMS = ("cardiology", "respiratory", "endocrine", "infectious disease", "nephrology",
           "neurology", "gastroenterology", "pharmacology", "haematology", "musculoskeletal",
           "reproductive", "psychiatry", "dermatology", "immunology")

#: Chinese names of systems and disciplines (the bilingual taxonomy the interface shows;
#: the bank stores the English key). Values without an entry are shown as stored.
FACET_NAMES_ZH = {
    # systems (:data:`SYSTEMS`)
    "cardiology": "心血管系统", "respiratory": "呼吸系统", "endocrine": "内分泌系统",
    "infectious disease": "感染性疾病", "nephrology": "泌尿系统", "neurology": "神经系统",
    "gastroenterology": "消化系统", "pharmacology": "药理学", "haematology": "血液系统",
    "musculoskeletal": "运动系统", "reproductive": "生殖系统", "psychiatry": "精神病学",
    "dermatology": "皮肤病学", "immunology": "免疫学",
    # disciplines
    "internal medicine": "内科学", "surgery": "外科学", "paediatrics": "儿科学",
    "obstetrics and gynaecology": "妇产科学", "pathology": "病理学", "physiology": "生理学",
    "biochemistry": "生物化学", "microbiology": "微生物学", "anatomy": "解剖学",
    "infectious diseases": "传染病学", "diagnostics": "诊断学",
    # further systems and disciplines of the starter banks
    "rheumatology": "风湿病学", "epidemiology and biostatistics": "流行病学与卫生统计学",
    "preventive medicine": "预防医学", "emergency medicine": "急诊医学", "emergency": "急诊",
    "ethics and law": "伦理与法律", "medical ethics and law": "医学伦理学与卫生法学",
    "oncology": "肿瘤学", "ophthalmology": "眼科学", "otorhinolaryngology": "耳鼻咽喉科学",
    "genetics": "医学遗传学", "geriatrics": "老年医学", "urology": "泌尿外科学",
    "public health": "公共卫生", "pharmacy": "药学", "nursing": "护理学",
}


def facet_name(value: str, language: str = "en") -> str:
    """The name of a system or discipline ``value`` to show in ``language`` (``en``: the
    value with a capital letter; ``zh``: :data:`FACET_NAMES_ZH`, else the value)."""
    if language == "zh":
        return FACET_NAMES_ZH.get(value.strip().lower(), value)
    return value[:1].upper() + value[1:] if value else value


def topic_name(value: str, language: str = "en") -> str:
    """The name of a topic ``value`` to show in ``language``: a topic that is a system or
    discipline of the taxonomy (``cardiology``) is named as :func:`facet_name` names it
    (``心血管系统`` in ``zh``); any other topic is free text and stays as written."""
    key = (value or "").strip().lower()
    if key in FACET_NAMES_ZH:
        return facet_name(key, language)
    return value


def facet_key(text: str) -> str:
    """The stored value of a system or discipline typed or shown as ``text``: the English
    key of a Chinese name of :data:`FACET_NAMES_ZH` (``心血管系统`` -> ``cardiology``), a
    known key in any case (``Cardiology`` -> ``cardiology``), else ``text`` stripped."""
    text = (text or "").strip()
    if text.lower() in FACET_NAMES_ZH:
        return text.lower()
    return _FACET_KEYS.get(text, text)


_FACET_KEYS = {zh: key for key, zh in FACET_NAMES_ZH.items()}


def now() -> float:
    """Current time in Unix epoch seconds."""
    return time.time()


@functools.cache
def _field_names(cls) -> frozenset[str]:
    """The field names of dataclass ``cls`` (computed once: ``fields()`` is slow, and an
    import of 100,000 items asks for them half a million times)."""
    return frozenset(f.name for f in fields(cls))


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = True


@contextlib.contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while many objects are built.

    An import of 100,000 items makes millions of dicts, lists and dataclasses; the
    collector walks all of them on each full collection, which was 3.6 s of a 4.7 s parse.
    Reference counting still frees everything as usual; only reference cycles wait for the
    collector. Nested and concurrent uses (two imports on two worker threads) are counted:
    the collector runs again when the last one ends, if it was running before the first.
    """
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


def new_uid() -> str:
    """A fresh stable identifier (32 lowercase hex characters, a UUID4)."""
    return uuid.uuid4().hex


#: The longest uid (characters) an item, set or document may have.
UID_MAX_CHARS = 200


def check_uid(value, what: str = "uid") -> str:
    """The one rule for an item's, set's or document's ``uid`` (and ``set_uid``), shared by
    the bank, ``eduapp-json``, CSV and every other reader: a text of 1 to
    :data:`UID_MAX_CHARS` characters without spaces or control characters. EduApp makes
    32 lowercase hex digits (:func:`new_uid`); the starter banks use readable ids such as
    ``starter-en-card-001``; both are uids.

    :param what: the field's name for the message (``uid``, ``set_uid``).
    :returns: ``value`` unchanged.
    :raises ValidationError: not a text, empty, too long, or holding a space or a
        control character.
    """
    if not isinstance(value, str) or not value:
        raise ValidationError(f"{what} {value!r} is not a text of 1 to {UID_MAX_CHARS} "
                              "characters")
    if len(value) > UID_MAX_CHARS:
        raise ValidationError(f"{what} {value[:40]!r}... is longer than {UID_MAX_CHARS} "
                              "characters")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValidationError(f"{what} {value!r} holds a space or a control character")
    return value


# --- items -------------------------------------------------------------------------


@dataclass
class Option:
    """One answer option of an item.

    :ivar text: the option as shown (for ``numerical``: the number as text; for ``short``:
        one accepted answer; for ``matching``: the left-hand prompt).
    :ivar correct: whether choosing it is (part of) the key.
    :ivar explanation: why it is right or wrong (per-option feedback).
    :ivar fraction: partial credit in -1..1 (Moodle's fractional grades), ``None`` when the
        plain ``correct`` flag says all (1 for a key, 0 for a distractor).
    :ivar match: for ``matching``: the right-hand answer paired with ``text``.
    :ivar tolerance: for ``numerical``: accepted absolute error (same unit as the answer).
    :ivar fixed: keep this option in place when options are shuffled ("none of the above").
    """

    text: str
    correct: bool = False
    explanation: str = ""
    fraction: float | None = None
    match: str | None = None
    tolerance: float | None = None
    fixed: bool = False

    def to_dict(self) -> dict:
        """A JSON-ready dict; optional fields that are unset are left out."""
        d: dict[str, Any] = {"text": self.text, "correct": self.correct,
                             "explanation": self.explanation}
        for name in ("fraction", "match", "tolerance"):
            value = getattr(self, name)
            if value is not None:
                d[name] = value
        if self.fixed:
            d["fixed"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Option":
        """Build from :meth:`to_dict` output; unknown keys raise :class:`ValidationError`."""
        if isinstance(d, str):
            return cls(text=d)
        known = _field_names(cls)
        unknown = d.keys() - known
        if unknown:
            raise ValidationError(code="item.unknown-option-fields",
                                  values={"fields": sorted(unknown)})
        if "text" not in d:
            raise ValidationError(code="item.option-no-text")
        return cls(**d)


@dataclass
class Media:
    """A file an item or document refers to (an X-ray, an ECG strip).

    :ivar name: file name as referred to in the text (``ecg1.png``).
    :ivar mime: MIME type (``image/png``).
    :ivar data: the bytes; may be ``None`` when only the reference is loaded.
    :ivar sha256: hex digest of ``data``; the bank stores each distinct file once.
    """

    name: str
    mime: str = "application/octet-stream"
    data: bytes | None = None
    sha256: str = ""

    def __post_init__(self):
        if self.data is not None and not self.sha256:
            self.sha256 = hashlib.sha256(self.data).hexdigest()


@dataclass
class Finding:
    """One quality-gate finding on an item.

    :ivar rule: stable rule id (``negative-stem``, ``all-of-the-above`` ...).
    :ivar severity: ``error`` (the item is wrong), ``warning`` (an item-writing flaw) or
        ``info``.
    :ivar span: ``[field, start, end]``: the field (``stem``, ``options[2]``,
        ``explanation``) and zero-based character offsets in it, end exclusive; or ``None``.
    :ivar message: a sentence for the teacher (in the item's language, else English).
    :ivar code: language-neutral id of the sentence (``eduapp.authoring.finding_text``
        words it in either language); ``""`` when only ``message`` is known.
    :ivar values: the values the sentence names (option numbers, the word found ...).
    """

    rule: str
    severity: str
    message: str
    span: list | None = None
    code: str = ""
    values: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The DESIGN.md finding shape ``{rule, severity, span, message}`` (the stable CLI
        contract; ``code`` and ``values`` stay in the object)."""
        return {"rule": self.rule, "severity": self.severity, "span": self.span,
                "message": self.message}


#: Fields of an item that are its content (hashed for identity, kept in versions).
CONTENT_FIELDS = ("type", "stem", "vignette", "options", "explanation", "model_answer",
                  "rubric")


def content_changed(old: "Item", new: "Item") -> bool:
    """Whether ``new`` says something else than ``old`` (any of :data:`CONTENT_FIELDS`):
    a new version, and a fresh review for an approved item."""
    return any(getattr(old, f) != getattr(new, f) for f in CONTENT_FIELDS)


@dataclass
class Item:
    """One exam question.

    :ivar id: the bank's row id (positive int), ``None`` before it is stored.
    :ivar uid: stable identity across banks and exports (hex); also the GUID on export.
    :ivar type: one of :data:`ITEM_TYPES`.
    :ivar stem: the question (lead-in); may hold the whole text for imported items.
    :ivar vignette: clinical vignette shown before the stem (NBME style), or ``""``.
    :ivar options: answer options in display order.
    :ivar explanation: general explanation / feedback.
    :ivar model_answer: for ``short``/``essay``: the model answer.
    :ivar rubric: for ``short``/``essay``: the marking rubric.
    :ivar tags: free tags.
    :ivar topic: knowledge point (``myocardial infarction``).
    :ivar system: organ system (see :data:`SYSTEMS`).
    :ivar discipline: ``physiology``, ``pharmacology``, ``internal medicine`` ...
    :ivar category: Moodle-style category path, ``/``-separated.
    :ivar bloom: one of :data:`BLOOM_LEVELS` or ``""``.
    :ivar difficulty: expected facility index p in 0..1, or ``None``.
    :ivar exam_type: one of :data:`EXAM_TYPES` or ``""``.
    :ivar language: ``en`` or ``zh``.
    :ivar status: one of :data:`STATUSES`.
    :ivar references: citations (guideline, textbook chapter).
    :ivar media: files referred to by the text.
    :ivar hints: hints shown on request (Moodle).
    :ivar provenance: where it came from: ``{"source": "generated"|"imported"|"manual"|
        "starter", "provider", "model", "prompt_version", "generation_id", "file",
        "format", "at"}`` plus, optionally, ``sources`` (guideline/textbook with edition
        and year), ``author``, ``reviewer``, ``reviewed_at``, ``review_changes`` and
        ``revisions`` (shapes in :mod:`eduapp.provenance`); only the keys that apply.
    :ivar idnumber: an external id (Moodle idnumber, QTI identifier).
    :ivar set_uid: uid of the :class:`ItemSet` this item belongs to, or ``None``.
    :ivar set_position: zero-based position inside its set.
    :ivar twin_uid: uid of the same question in the other language, or ``None``.
    :ivar version: 1 for a new item, +1 on each content change.
    :ivar marks: default marks when used in an exam.
    :ivar extra: format-specific data kept for round trips (Moodle ``shuffleanswers``,
        cloze subquestions ...). JSON-serialisable.
    :ivar created_at: epoch seconds. :ivar updated_at: epoch seconds.
    :ivar findings: quality-gate findings (not stored with the content).
    """

    type: str
    stem: str
    options: list[Option] = field(default_factory=list)
    vignette: str = ""
    explanation: str = ""
    model_answer: str = ""
    rubric: str = ""
    tags: list[str] = field(default_factory=list)
    topic: str = ""
    system: str = ""
    discipline: str = ""
    category: str = ""
    bloom: str = ""
    difficulty: float | None = None
    exam_type: str = ""
    language: str = "en"
    status: str = "draft"
    references: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    idnumber: str = ""
    set_uid: str | None = None
    set_position: int = 0
    twin_uid: str | None = None
    version: int = 1
    marks: float = 1.0
    extra: dict = field(default_factory=dict)
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    # -- derived ------------------------------------------------------------------

    @property
    def key_indices(self) -> list[int]:
        """Zero-based indices of the correct options."""
        return [i for i, o in enumerate(self.options) if o.correct]

    @property
    def full_stem(self) -> str:
        """Vignette and lead-in as one text (what a candidate reads)."""
        return f"{self.vignette}\n\n{self.stem}".strip() if self.vignette else self.stem

    def content_hash(self) -> str:
        """SHA-256 hex of the content fields, whitespace-normalised: the identity of an
        item that arrives without uid or idnumber (re-importing a file does not duplicate)."""
        payload = {"type": self.type, "stem": " ".join(self.full_stem.split()),
                   "options": [" ".join(o.text.split()) for o in self.options]}
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()

    def validate(self) -> None:
        """Check the structural rules every stored item must keep.

        :raises ValidationError: unknown type/status/language/Bloom level, empty stem,
            a choice item with fewer than 2 options, an ``sba``/``tf`` without exactly one
            key, a ``multi`` without a key, difficulty outside 0..1.
        """
        if self.type not in ITEM_TYPES:
            raise ValidationError(code="item.unknown-type", values={"type": self.type})
        check_uid(self.uid)
        if self.set_uid is not None:
            check_uid(self.set_uid, "set_uid")
        if self.status not in STATUSES:
            raise ValidationError(code="item.unknown-status", values={"status": self.status})
        if self.language not in LANGUAGES:
            raise ValidationError(code="item.unknown-language", values={"language": self.language})
        if self.bloom and self.bloom not in BLOOM_LEVELS:
            raise ValidationError(code="item.unknown-bloom", values={"bloom": self.bloom})
        if not self.stem.strip() and not self.vignette.strip():
            raise ValidationError(code="item.no-stem")
        if self.difficulty is not None and not 0.0 <= self.difficulty <= 1.0:
            raise ValidationError(code="item.difficulty-range",
                                  values={"value": self.difficulty})
        if self.type in CHOICE_TYPES:
            if len(self.options) < 2:
                raise ValidationError(code="item.too-few-options")
            keys = len(self.key_indices)
            if self.type in ("sba", "tf") and keys != 1:
                raise ValidationError(code="item.key-count", values={
                    "type": Phrase(f"word.type.{self.type}"), "n": keys})
            if self.type == "multi" and keys < 1:
                raise ValidationError(code="item.multi-no-key")
        if self.type in ("short", "numerical") and not self.options and not self.model_answer:
            raise ValidationError(code="item.no-accepted-answer",
                                  values={"type": Phrase(f"word.type.{self.type}")})
        if self.type == "matching" and len([o for o in self.options if o.match]) < 2:
            raise ValidationError(code="item.matching-pairs")

    # -- serialisation -------------------------------------------------------------

    def to_dict(self, *, with_ids: bool = False) -> dict:
        """The ``eduapp-json`` shape of an item (see ``docs/eduapp-json.md``).

        :param with_ids: include the bank row ``id`` (left out of exports: it is local).
        """
        d: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("findings", "media", "options"):
                continue
            if f.name == "id" and not with_ids:
                continue
            d[f.name] = getattr(self, f.name)
        d["options"] = [o.to_dict() for o in self.options]
        d["media"] = [{"name": m.name, "mime": m.mime, "sha256": m.sha256} for m in self.media]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Item":
        """Build from an ``eduapp-json`` item dict.

        Missing optional fields take their defaults; media entries carry no bytes (the
        exchange file keeps them in its top-level ``media`` table).

        :raises ValidationError: missing ``type``/``stem``, unknown fields, bad options.
        """
        if not isinstance(d, dict):
            raise ValidationError(code="item.not-object")
        data = dict(d)
        data.pop("findings", None)
        known = _field_names(cls)
        unknown = data.keys() - known
        if unknown:
            raise ValidationError(code="item.unknown-fields", values={"fields": sorted(unknown)})
        for required in ("type", "stem"):
            if required not in data:
                raise ValidationError(code="item.missing-field", values={"field": required})
        data["options"] = [Option.from_dict(o) for o in data.get("options") or []]
        data["media"] = [Media(name=m["name"], mime=m.get("mime", "application/octet-stream"),
                               sha256=m.get("sha256", ""))
                         for m in data.get("media") or []]
        for list_field in ("tags", "references", "hints"):
            value = data.get(list_field)
            if value is None:
                data[list_field] = []
            elif not isinstance(value, list):
                raise ValidationError(code="item.not-list", values={"field": list_field})
        if data.get("difficulty") is not None:
            try:
                data["difficulty"] = float(data["difficulty"])
            except (TypeError, ValueError):
                raise ValidationError(code="item.difficulty-number") from None
        if not data.get("uid"):
            data.pop("uid", None)
        return cls(**data)


@dataclass
class ItemSet:
    """Several items that must stay together: a case cluster or a shared option list.

    A ``case`` set (A3/A4, case cluster) has a shared ``vignette`` read before each of its
    questions. A ``shared_options`` set (B1, EMQ) has one ``options`` list that every member
    answers; each member item carries the same option texts (kept in step by the bank) with
    its own key. Exams, exports and practice treat a set as one unit, members in order.

    :ivar kind: one of :data:`SET_KINDS`.
    :ivar title: short label (``Chest pain in a 58-year-old``).
    :ivar vignette: the shared case text (``case``) or the shared instruction (B1).
    :ivar options: the shared option list (``shared_options`` only).
    :ivar items: the member items, in order; each has ``set_uid == uid``.
    """

    kind: str
    items: list[Item] = field(default_factory=list)
    title: str = ""
    vignette: str = ""
    options: list[Option] = field(default_factory=list)
    exam_type: str = ""
    language: str = "en"
    topic: str = ""
    system: str = ""
    tags: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0

    def attach(self) -> "ItemSet":
        """Point every member at this set (``set_uid``, ``set_position``), copy the shared
        option texts into ``shared_options`` members (keeping each member's key and
        explanations), and return ``self``."""
        for pos, item in enumerate(self.items):
            item.set_uid = self.uid
            item.set_position = pos
            if self.kind == "shared_options" and self.options:
                old = item.options
                item.options = [
                    Option(text=o.text,
                           correct=old[i].correct if i < len(old) else False,
                           explanation=old[i].explanation if i < len(old) else o.explanation)
                    for i, o in enumerate(self.options)]
        return self

    def rearrange_options(self, rows: Sequence[tuple[int | None, str]]) -> list[int]:
        """Give a ``shared_options`` set a new option list, moving each member's key,
        explanations and fractions with the option they belong to (not with its position).

        :param rows: the new list in order, one ``(old_index, text)`` per option:
            ``old_index`` is the zero-based index of the option it was in ``self.options``
            (its text may have been edited), or ``None`` for a new option. An old option
            not named in ``rows`` is removed.
        :returns: the zero-based positions (in ``self.items``) of members whose key was
            among the removed options; when there are any, nothing is changed.
        :raises ValidationError: an ``old_index`` out of range or named twice.
        """
        olds = [i for i, _ in rows if i is not None]
        if len(set(olds)) != len(olds) or any(not 0 <= i < len(self.options) for i in olds):
            raise ValidationError("each shared option can be placed once")
        removed = set(range(len(self.options))) - set(olds)
        orphaned = [pos for pos, item in enumerate(self.items)
                    if any(item.options[i].correct for i in removed if i < len(item.options))]
        if orphaned:
            return orphaned
        self.options = [Option(text, explanation=self.options[i].explanation
                               if i is not None else "") for i, text in rows]
        for item in self.items:
            old = item.options
            item.options = [
                replace(old[i], text=text) if i is not None and i < len(old)
                else Option(text) for i, text in rows]
        return []

    def validate(self) -> None:
        """:raises ValidationError: unknown kind, fewer than 2 members, a member that is
        invalid, or a ``shared_options`` set without options."""
        if self.kind not in SET_KINDS:
            raise ValidationError(code="set.unknown-kind", values={"kind": self.kind})
        check_uid(self.uid)
        if len(self.items) < 2:
            raise ValidationError(code="set.too-few")
        if self.kind == "shared_options" and len(self.options) < 2:
            raise ValidationError(code="set.shared-options")
        if self.kind == "case" and not self.vignette.strip():
            raise ValidationError(code="set.no-vignette")
        for item in self.items:
            item.validate()

    def to_dict(self, *, with_ids: bool = False) -> dict:
        """The ``eduapp-json`` shape of a set, members inline under ``items``."""
        d: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("items", "options"):
                continue
            if f.name == "id" and not with_ids:
                continue
            d[f.name] = getattr(self, f.name)
        d["options"] = [o.to_dict() for o in self.options]
        d["items"] = [i.to_dict(with_ids=with_ids) for i in self.items]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "ItemSet":
        """Build from an ``eduapp-json`` set dict (members under ``items``).

        :raises ValidationError: unknown fields or invalid members.
        """
        if not isinstance(d, dict):
            raise ValidationError(code="set.not-object")
        data = dict(d)
        known = _field_names(cls)
        unknown = data.keys() - known
        if unknown:
            raise ValidationError(code="set.unknown-fields", values={"fields": sorted(unknown)})
        if "kind" not in data:
            raise ValidationError(code="set.no-kind", values={"field": "kind"})
        data["options"] = [Option.from_dict(o) for o in data.get("options") or []]
        data["items"] = [Item.from_dict(i) for i in data.get("items") or []]
        if not data.get("uid"):
            data.pop("uid", None)
        return cls(**data).attach()


@dataclass
class Document:
    """A lecture note, case study or handout in the document store (Markdown).

    :ivar kind: one of :data:`DOCUMENT_KINDS`.
    :ivar body: Markdown text; images refer to ``media`` by name.
    :ivar data: structured form where there is one (a generated case study's fields).
    """

    kind: str
    title: str
    body: str = ""
    topic: str = ""
    system: str = ""
    tags: list[str] = field(default_factory=list)
    language: str = "en"
    status: str = "draft"
    data: dict = field(default_factory=dict)
    media: list[Media] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0

    def validate(self) -> None:
        """:raises ValidationError: unknown kind or language, or an empty title."""
        if self.kind not in DOCUMENT_KINDS:
            raise ValidationError(code="document.unknown-kind", values={"kind": self.kind})
        if self.language not in LANGUAGES:
            raise ValidationError(code="item.unknown-language", values={"language": self.language})
        if not self.title.strip():
            raise ValidationError(code="document.no-title")

    def to_dict(self, *, with_ids: bool = False) -> dict:
        """The ``eduapp-json`` shape of a document."""
        d = asdict(self)
        d["media"] = [{"name": m.name, "mime": m.mime, "sha256": m.sha256} for m in self.media]
        if not with_ids:
            d.pop("id")
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        """:raises ValidationError: unknown fields or a missing kind/title."""
        if not isinstance(d, dict):
            raise ValidationError(code="document.not-object")
        data = dict(d)
        known = _field_names(cls)
        unknown = data.keys() - known
        if unknown:
            raise ValidationError(code="document.unknown-fields", values={"fields": sorted(unknown)})
        for required in ("kind", "title"):
            if required not in data:
                raise ValidationError(code="document.missing-field", values={"field": required})
        data["media"] = [Media(name=m["name"], mime=m.get("mime", "application/octet-stream"),
                               sha256=m.get("sha256", "")) for m in data.get("media") or []]
        if not data.get("uid"):
            data.pop("uid", None)
        return cls(**data)


@dataclass
class Changes:
    """What a mutation changed, so each view refreshes only what it shows
    (after Anki's ``OpChanges``)."""

    items: bool = False
    documents: bool = False
    exams: bool = False
    practice: bool = False
    providers: bool = False
    settings: bool = False

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def any(self) -> bool:
        """True when anything changed."""
        return any(getattr(self, f.name) for f in fields(self))
