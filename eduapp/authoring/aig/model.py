"""Cognitive models and item models for automatic item generation (AIG), as data.

After Gierl, Lai & Turner, "Using automatic item generation to create multiple-choice test
items", *Medical Education* 2012;46:757-765: step 1, a **cognitive model** (the problem,
its scenarios, the sources of information that tell them apart, and the rules that tie a
combination of features to the answer); step 2, an **item model** (a stem template with
variables, their allowed values and constraints, the key rule and the distractors); step 3,
generation by combining the values (:mod:`.generator`).

One :class:`ItemModel` holds both models in one JSON document (``format:
"eduapp-item-model"``; documented in ``docs/item-models.md``):

* ``cognitive_model``: ``problem`` (text), ``sources`` (``{"history": [variable names],
  "laboratory": [...]}``) and ``notes``;
* ``variables``: each a list of ``values``, a numeric ``range`` (min, max, step), or a
  ``formula`` over other variables (derived: the anion gap, a risk score), with
  ``decimals`` and ``unit`` for numbers;
* ``scenarios`` (the cognitive model's diagnoses or situations): each names its expected
  ``answer`` and may narrow any variable (``values``: a list or a range) and add
  ``constraints``;
* ``answers``: the option texts with ``why_correct`` / ``why_wrong`` explanation templates;
* ``key_rules``: ``{"when": expression, "answer": id}`` in order; when a model has key
  rules they decide the key: the first that holds gives it, and a combination for which
  none holds, or whose scenario expects another answer, is inconsistent and not generated
  (so the rules check the scenario ranges); without rules the scenario's answer is the key;
* ``stem`` (the vignette template), ``lead_in``, ``explanation``, ``options``
  (``count`` 3-6 and optional per-scenario ``distractors`` preferences).

Pure data, no I/O except :meth:`ItemModel.load` / :meth:`ItemModel.save`; any thread.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ...domain import BLOOM_LEVELS, EXAM_TYPES, LANGUAGES
from ...errors import Phrase, ValidationError, os_reason
from .expr import compile_expr, names_in

__all__ = ["MODEL_FORMAT", "Domain", "Variable", "Scenario", "Answer", "KeyRule", "ItemModel",
           "template_names"]

MODEL_FORMAT = "eduapp-item-model"
#: Most values one numeric range may have (a model with more is almost surely a typo).
MAX_RANGE_VALUES = 2000

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\}")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,80}$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")


def template_names(text: str) -> set[str]:
    """Variable names a template refers to (``{age}``, ``{sex.she}`` -> ``{"age", "sex"}``)."""
    return {m.group(1) for m in _PLACEHOLDER.finditer(text or "")}


@dataclass
class Domain:
    """The values a variable may take: a list, or a numeric range.

    :ivar values: listed values: numbers, strings, or objects ``{"text": ..., "value": ...,
        <attribute>: ...}`` (``text`` is printed; ``value``, when given, is what
        expressions see, e.g. the points of a risk factor; attributes are used in
        templates as ``{sex.She}``).
    :ivar min, max, step: an inclusive numeric range (``step`` > 0), used when ``values``
        is ``None``.
    """

    values: list | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None

    def expand(self) -> list:
        """Every value of the domain, in order (a range: ``min, min+step, ... <= max``,
        rounded to the step's decimals so 7.1 + 0.02 stays 7.12)."""
        if self.values is not None:
            return list(self.values)
        places = _decimals_of(self.step)
        n = int(round((self.max - self.min) / self.step + 1e-9)) + 1
        out = [round(self.min + k * self.step, places) for k in range(n)]
        if places == 0:
            out = [int(v) for v in out]
        return [v for v in out if v <= self.max + 1e-9]

    def size(self) -> int:
        """How many values :meth:`expand` gives, without building them."""
        if self.values is not None:
            return len(self.values)
        return int(round((self.max - self.min) / self.step + 1e-9)) + 1

    def to_json(self):
        """A list, or ``{"min", "max", "step"}``."""
        if self.values is not None:
            return list(self.values)
        return {"min": self.min, "max": self.max, "step": self.step}

    @classmethod
    def parse(cls, raw, where: "Phrase | str") -> "Domain":
        """From a list or a ``{"min", "max", "step"}`` object.

        :raises ValidationError: naming ``where`` (``variable 'na'``).
        """
        if isinstance(raw, list):
            if not raw:
                raise ValidationError(code="aig.values-empty", values={"where": where})
            for v in raw:
                if isinstance(v, dict):
                    if not isinstance(v.get("text"), str):
                        raise ValidationError(code="aig.value-text",
                                              values={"where": where, "field": '"text"'})
                elif isinstance(v, bool) or not isinstance(v, (str, int, float)):
                    raise ValidationError(code="aig.value-kinds", values={"where": where})
            return cls(values=list(raw))
        if isinstance(raw, dict):
            try:
                lo, hi, step = (float(raw["min"]), float(raw["max"]),
                                float(raw.get("step", 1)))
            except (KeyError, TypeError, ValueError):
                raise ValidationError(code="aig.range-fields",
                                      values={"where": where,
                                              "fields": ['"min"', '"max"', '"step"']}) from None
            if step <= 0:
                raise ValidationError(code="aig.step", values={"where": where})
            if lo > hi:
                raise ValidationError(code="aig.min-max",
                                      values={"where": where, "min": f"{lo:g}", "max": f"{hi:g}"})
            d = cls(min=_int_if_whole(lo), max=_int_if_whole(hi), step=_int_if_whole(step))
            if d.size() > MAX_RANGE_VALUES:
                raise ValidationError(code="aig.range-size",
                                      values={"where": where, "n": d.size(),
                                              "max": MAX_RANGE_VALUES})
            return d
        raise ValidationError(code="aig.domain-kind",
                              values={"where": where, "range": '{"min", "max", "step"}'})


def _int_if_whole(x: float):
    return int(x) if float(x).is_integer() else x


def _decimals_of(x) -> int:
    text = repr(float(x))
    if "e" in text:
        return 6
    frac = text.split(".")[1].rstrip("0")
    return len(frac)


@dataclass
class Variable:
    """One variable of the stem.

    :ivar name: the placeholder name (``na`` for ``{na}``).
    :ivar domain: allowed values (``None`` for a ``formula``).
    :ivar formula: an expression over other variables (derived value), or ``""``.
    :ivar decimals: digits after the decimal point when the value is a number.
    :ivar unit: unit written after a number (``mmol/L``, ``岁``) or ``""``.
    :ivar source: the cognitive model's source of information (``history``,
        ``examination``, ``laboratory``, ``imaging``) or ``""``.
    :ivar label: a human name for the editor and explanations (``serum sodium``).
    :ivar trim: drop trailing zeros after the decimal point (TSH ``0.05`` but ``35``).
    """

    name: str
    domain: Domain | None = None
    formula: str = ""
    decimals: int = 0
    unit: str = ""
    source: str = ""
    label: str = ""
    trim: bool = False

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"name": self.name}
        if self.formula:
            d["formula"] = self.formula
        elif self.domain is not None:
            j = self.domain.to_json()
            d["values" if isinstance(j, list) else "range"] = j
        for k in ("decimals", "unit", "source", "label", "trim"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        return d


@dataclass
class Answer:
    """One option text the model can use, as key or distractor.

    :ivar why_correct: explanation template when it is the key.
    :ivar why_wrong: explanation template when it is a distractor.
    :ivar why_wrong_in: per-scenario replacements of ``why_wrong`` (scenario id ->
        template): why this option is wrong *for that scenario*. In JSON, ``why_wrong``
        may be an object ``{"default": ..., "<scenario id>": ...}``.
    """

    id: str
    text: str
    why_correct: str = ""
    why_wrong: str = ""
    why_wrong_in: dict[str, str] = field(default_factory=dict)

    def wrong_for(self, scenario_id: str) -> str:
        """The ``why_wrong`` template for a scenario."""
        return self.why_wrong_in.get(scenario_id, self.why_wrong)

    def to_dict(self) -> dict:
        wrong: Any = self.why_wrong
        if self.why_wrong_in:
            wrong = {"default": self.why_wrong, **self.why_wrong_in}
        return {"id": self.id, "text": self.text, "why_correct": self.why_correct,
                "why_wrong": wrong}


@dataclass
class Scenario:
    """One scenario of the cognitive model (a diagnosis, a clinical situation).

    :ivar answer: id of the answer it leads to ("" when only ``key_rules`` decide).
    :ivar values: per-variable narrowed domains for this scenario.
    :ivar constraints: expressions every combination of this scenario must satisfy.
    :ivar distractors: answer ids preferred as distractors for this scenario, in order.
    :ivar exclude: answer ids never shown for this scenario (answers that would be
        defensible too, so the item keeps a single best answer).
    """

    id: str
    label: str = ""
    answer: str = ""
    values: dict[str, Domain] = field(default_factory=dict)
    constraints: list[str] = field(default_factory=list)
    distractors: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"id": self.id}
        if self.label:
            d["label"] = self.label
        if self.answer:
            d["answer"] = self.answer
        if self.values:
            d["values"] = {k: v.to_json() for k, v in self.values.items()}
        if self.constraints:
            d["constraints"] = list(self.constraints)
        if self.distractors:
            d["distractors"] = list(self.distractors)
        if self.exclude:
            d["exclude"] = list(self.exclude)
        return d


@dataclass
class KeyRule:
    """``when`` the expression holds, the key is ``answer`` (first rule wins)."""

    when: str
    answer: str

    def to_dict(self) -> dict:
        return {"when": self.when, "answer": self.answer}


@dataclass
class ItemModel:
    """A cognitive model and item model (see the module docstring for the JSON shape).

    :ivar option_count: options per item (3..6; NBME: 4-5, Chinese A-type: 5).
    :ivar difficulty: expected facility index p (0..1) of the items, or ``None``.
    """

    id: str
    title: str
    language: str
    stem: str
    lead_in: str
    variables: list[Variable]
    scenarios: list[Scenario]
    answers: list[Answer]
    key_rules: list[KeyRule] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    explanation: str = ""
    option_count: int = 5
    topic: str = ""
    system: str = ""
    discipline: str = ""
    bloom: str = ""
    difficulty: float | None = None
    exam_type: str = ""
    tags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    cognitive_model: dict = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------

    def variable(self, name: str) -> Variable:
        """The variable ``name``. :raises KeyError: no such variable."""
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(name)

    def answer(self, answer_id: str) -> Answer:
        """The answer ``answer_id``. :raises KeyError: no such answer."""
        for a in self.answers:
            if a.id == answer_id:
                return a
        raise KeyError(answer_id)

    def fingerprint(self) -> str:
        """12 hex digits identifying this exact content (changes with any edit); kept in
        each generated item's provenance as the model version."""
        raw = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()[:12]

    # -- validation ----------------------------------------------------------------

    def validate(self) -> None:
        """Check the model can generate items.

        :raises ValidationError: with the first problem as a sentence naming the field:
            bad id or language, duplicate or unknown names, a template or expression that
            refers to an unknown variable, an expression outside the allowed syntax, an
            answer id that does not exist, fewer answers than ``option_count``.
        """
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ValidationError(code="aig.bad-id", values={"id": self.id})
        if not self.title.strip():
            raise ValidationError(code="aig.no-title", values={"id": self.id})
        if self.language not in LANGUAGES:
            raise ValidationError(code="aig.language",
                                  values={"id": self.id, "choices": list(LANGUAGES)})
        if self.bloom and self.bloom not in BLOOM_LEVELS:
            raise ValidationError(code="aig.bloom",
                                  values={"id": self.id, "bloom": self.bloom})
        if self.exam_type and self.exam_type not in EXAM_TYPES:
            raise ValidationError(code="aig.exam-type",
                                  values={"id": self.id, "type": self.exam_type})
        if self.difficulty is not None and not 0 <= self.difficulty <= 1:
            raise ValidationError(code="aig.difficulty", values={"id": self.id})
        if not 3 <= self.option_count <= 6:
            raise ValidationError(code="aig.option-count",
                                  values={"id": self.id, "field": "options.count"})
        if not self.stem.strip() or not self.lead_in.strip():
            raise ValidationError(code="aig.no-stem", values={"id": self.id})
        names: set[str] = set()
        for v in self.variables:
            if not _NAME.match(v.name or ""):
                raise ValidationError(code="aig.var-name", values={"name": v.name})
            if v.name in names:
                raise ValidationError(code="aig.var-twice", values={"name": v.name})
            if v.domain is None and not v.formula:
                raise ValidationError(code="aig.var-empty", values={"name": v.name})
            names.add(v.name)
        if not self.scenarios:
            raise ValidationError(code="aig.no-scenario", values={"id": self.id})
        answer_ids = [a.id for a in self.answers]
        if len(set(answer_ids)) != len(answer_ids):
            raise ValidationError(code="aig.answer-ids", values={"id": self.id})
        texts = [" ".join(a.text.casefold().split()) for a in self.answers]
        if len(set(texts)) != len(texts) or not all(texts):
            raise ValidationError(code="aig.answer-texts", values={"id": self.id})
        if len(self.answers) < self.option_count:
            raise ValidationError(code="aig.too-few-answers",
                                  values={"id": self.id, "n": self.option_count,
                                          "have": len(self.answers)})
        for v in self.variables:
            if v.formula:
                compile_expr(v.formula)
                unknown = names_in(v.formula) - names
                if unknown:
                    raise ValidationError(code="aig.formula-unknown",
                                          values={"name": v.name, "names": sorted(unknown)})
        seen: set[str] = set()
        for s in self.scenarios:
            if not _ID.match(s.id or ""):
                raise ValidationError(code="aig.scenario-id", values={"id": s.id})
            if s.id in seen:
                raise ValidationError(code="aig.scenario-twice", values={"id": s.id})
            seen.add(s.id)
            if s.answer and s.answer not in answer_ids:
                raise ValidationError(code="aig.scenario-answer",
                                      values={"id": s.id, "answer": s.answer})
            if not s.answer and not self.key_rules:
                raise ValidationError(code="aig.scenario-no-answer", values={"id": s.id})
            for name in s.values:
                if name not in names:
                    raise ValidationError(code="aig.scenario-unknown-var",
                                          values={"id": s.id, "name": name})
                if self.variable(name).formula:
                    raise ValidationError(code="aig.scenario-derived",
                                          values={"id": s.id, "name": name})
            for d in s.distractors + s.exclude:
                if d not in answer_ids:
                    raise ValidationError(code="aig.scenario-distractor",
                                          values={"id": s.id, "answer": d})
            if s.answer and s.answer in s.exclude:
                raise ValidationError(code="aig.scenario-excludes-own", values={"id": s.id})
            if len(answer_ids) - len(set(s.exclude)) < self.option_count:
                raise ValidationError(code="aig.scenario-too-few",
                                      values={"id": s.id, "n": self.option_count})
            self._check_exprs(s.constraints, names,
                              Phrase("aig.w-scenario-constraint", id=s.id))
        self._check_exprs(self.constraints, names, Phrase("aig.w-constraint"))
        for a in self.answers:
            for sid in a.why_wrong_in:
                if sid not in seen:
                    raise ValidationError(code="aig.why-wrong-scenario",
                                          values={"answer": a.id, "id": sid})
        for r in self.key_rules:
            if r.answer not in answer_ids:
                raise ValidationError(code="aig.rule-answer",
                                      values={"when": r.when, "answer": r.answer})
            self._check_exprs([r.when], names, Phrase("aig.w-key-rule"))
        allowed = names | {"scenario"}
        for where, text in [("stem", self.stem), ("lead_in", self.lead_in),
                            ("explanation", self.explanation)] + [
                (Phrase("aig.w-answer", id=a.id), " ".join([a.text, a.why_correct, a.why_wrong,
                                               *a.why_wrong_in.values()]))
                for a in self.answers]:
            unknown = template_names(text) - allowed
            if unknown:
                raise ValidationError(code="aig.unknown-placeholders",
                                      values={"where": where, "names": [
                                          "{" + u + "}" for u in sorted(unknown)]})
        for v in self.variables:  # listed text values may refer to other variables
            for value in (v.domain.values or []) if v.domain else []:
                text = value.get("text") if isinstance(value, dict) else value
                if isinstance(text, str) and v.name in template_names(text):
                    raise ValidationError(code="aig.value-self", values={"name": v.name})

    @staticmethod
    def _check_exprs(exprs: list[str], names: set[str], what: "Phrase | str") -> None:
        for e in exprs:
            compile_expr(e)
            unknown = names_in(e) - names - {"scenario"}
            if unknown:
                raise ValidationError(code="aig.unknown-names",
                                      values={"what": what, "expr": e, "names": sorted(unknown)})

    # -- JSON ----------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The ``eduapp-item-model`` JSON shape (``docs/item-models.md``)."""
        d: dict[str, Any] = {"format": MODEL_FORMAT, "version": 1, "id": self.id,
                             "title": self.title, "language": self.language}
        for k in ("topic", "system", "discipline", "bloom", "exam_type"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        if self.difficulty is not None:
            d["difficulty"] = self.difficulty
        if self.tags:
            d["tags"] = list(self.tags)
        if self.references:
            d["references"] = list(self.references)
        if self.cognitive_model:
            d["cognitive_model"] = self.cognitive_model
        d["variables"] = [v.to_dict() for v in self.variables]
        d["scenarios"] = [s.to_dict() for s in self.scenarios]
        d["answers"] = [a.to_dict() for a in self.answers]
        if self.key_rules:
            d["key_rules"] = [r.to_dict() for r in self.key_rules]
        if self.constraints:
            d["constraints"] = list(self.constraints)
        d["stem"] = self.stem
        d["lead_in"] = self.lead_in
        d["explanation"] = self.explanation
        d["options"] = {"count": self.option_count}
        return d

    @classmethod
    def from_dict(cls, d: dict, *, validate: bool = True) -> "ItemModel":
        """Build from the JSON shape.

        :param validate: also run :meth:`validate`.
        :raises ValidationError: a wrong format, a missing or mistyped field (named).
        """
        if not isinstance(d, dict):
            raise ValidationError(code="aig.not-object")
        if d.get("format", MODEL_FORMAT) != MODEL_FORMAT:
            raise ValidationError(code="aig.wrong-format",
                                  values={"format": d.get("format"), "expected": MODEL_FORMAT})
        known = {"format", "version", "id", "title", "language", "topic", "system",
                 "discipline", "bloom", "difficulty", "exam_type", "tags", "references",
                 "cognitive_model", "variables", "scenarios", "answers", "key_rules",
                 "constraints", "stem", "lead_in", "explanation", "options"}
        unknown = set(d) - known
        if unknown:
            raise ValidationError(code="aig.unknown-fields",
                                  values={"fields": sorted(unknown)})
        for req in ("id", "title", "language", "variables", "scenarios", "answers", "stem",
                    "lead_in"):
            if req not in d:
                raise ValidationError(code="aig.missing-field", values={"field": req})
        variables = []
        for n, raw in enumerate(_list(d["variables"], "variables"), 1):
            if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
                raise ValidationError(code="aig.var-needs-name",
                                      values={"n": n, "field": '"name"'})
            where = Phrase("aig.w-variable", name=raw["name"])
            domain = None
            if "values" in raw:
                domain = Domain.parse(raw["values"], where)
            elif "range" in raw:
                domain = Domain.parse(raw["range"], where)
            try:
                decimals = int(raw.get("decimals", 0))
            except (TypeError, ValueError):
                raise ValidationError(code="aig.decimals", values={"where": where}) from None
            variables.append(Variable(name=raw["name"], domain=domain,
                                      formula=str(raw.get("formula", "")), decimals=decimals,
                                      unit=str(raw.get("unit", "")),
                                      source=str(raw.get("source", "")),
                                      label=str(raw.get("label", "")),
                                      trim=bool(raw.get("trim", False))))
        scenarios = []
        for n, raw in enumerate(_list(d["scenarios"], "scenarios"), 1):
            if not isinstance(raw, dict):
                raise ValidationError(code="aig.scenario-object", values={"n": n})
            sid = str(raw.get("id", ""))
            values = raw.get("values") or {}
            if not isinstance(values, dict):
                raise ValidationError(code="aig.scenario-values",
                                      values={"id": sid, "field": '"values"'})
            scenarios.append(Scenario(
                id=sid, label=str(raw.get("label", "")), answer=str(raw.get("answer", "")),
                values={k: Domain.parse(v, Phrase("aig.w-scenario-var", id=sid, name=k))
                        for k, v in values.items()},
                constraints=[str(c) for c in _list(raw.get("constraints") or [],
                                                   f"scenario {sid!r} constraints")],
                distractors=[str(c) for c in _list(raw.get("distractors") or [],
                                                   f"scenario {sid!r} distractors")],
                exclude=[str(c) for c in _list(raw.get("exclude") or [],
                                               f"scenario {sid!r} exclude")]))
        answers = []
        for n, raw in enumerate(_list(d["answers"], "answers"), 1):
            if not isinstance(raw, dict) or not raw.get("id") or not isinstance(
                    raw.get("text"), str):
                raise ValidationError(code="aig.answer-fields",
                                      values={"n": n, "fields": ['"id"', '"text"']})
            wrong = raw.get("why_wrong", "")
            wrong_in: dict[str, str] = {}
            if isinstance(wrong, dict):
                wrong_in = {str(k): str(v) for k, v in wrong.items() if k != "default"}
                wrong = wrong.get("default", "")
            answers.append(Answer(id=str(raw["id"]), text=raw["text"],
                                  why_correct=str(raw.get("why_correct", "")),
                                  why_wrong=str(wrong), why_wrong_in=wrong_in))
        rules = []
        for n, raw in enumerate(_list(d.get("key_rules") or [], "key_rules"), 1):
            if not isinstance(raw, dict) or "when" not in raw or "answer" not in raw:
                raise ValidationError(code="aig.rule-fields",
                                      values={"n": n, "fields": ['"when"', '"answer"']})
            rules.append(KeyRule(when=str(raw["when"]), answer=str(raw["answer"])))
        options = d.get("options") or {}
        if not isinstance(options, dict):
            raise ValidationError(code="aig.options-object",
                                  values={"field": '"options"', "example": '{"count": 5}'})
        difficulty = d.get("difficulty")
        if difficulty is not None and (isinstance(difficulty, bool)
                                       or not isinstance(difficulty, (int, float))):
            raise ValidationError(code="item.difficulty-number")
        cm = d.get("cognitive_model") or {}
        if not isinstance(cm, dict):
            raise ValidationError(code="aig.field-object",
                                  values={"field": '"cognitive_model"'})
        try:
            count = int(options.get("count", 5))
        except (TypeError, ValueError):
            raise ValidationError(code="aig.option-count-int",
                                  values={"field": "options.count"}) from None
        model = cls(
            id=str(d["id"]), title=str(d["title"]), language=str(d["language"]),
            stem=str(d["stem"]), lead_in=str(d["lead_in"]), variables=variables,
            scenarios=scenarios, answers=answers, key_rules=rules,
            constraints=[str(c) for c in _list(d.get("constraints") or [], "constraints")],
            explanation=str(d.get("explanation", "")), option_count=count,
            topic=str(d.get("topic", "")), system=str(d.get("system", "")),
            discipline=str(d.get("discipline", "")), bloom=str(d.get("bloom", "")),
            difficulty=difficulty, exam_type=str(d.get("exam_type", "")),
            tags=[str(t) for t in _list(d.get("tags") or [], "tags")],
            references=[str(t) for t in _list(d.get("references") or [], "references")],
            cognitive_model=cm)
        if validate:
            model.validate()
        return model

    @classmethod
    def load(cls, path: str) -> "ItemModel":
        """Read an item-model JSON file.

        :raises ValidationError: unreadable file, bad JSON (with its line), bad content
            (prefixed with the path).
        """
        raw = read_json(path, "item model")
        try:
            return cls.from_dict(raw)
        except ValidationError as e:
            raise ValidationError(code="aig.in-file", values={"path": path, "detail": e}) from None

    def save(self, path: str) -> None:
        """Write the model as UTF-8 JSON (indented, Chinese kept as characters); the file
        is written whole or not at all.

        :raises ValidationError: the file cannot be written.
        """
        write_json(path, self.to_dict())


def _list(value, what: str) -> list:
    if not isinstance(value, list):
        raise ValidationError(code="aig.must-be-list", values={"field": f'"{what}"'})
    return value


#: How callers name the file they read (``what``) -> its catalogue word.
_WHAT = {"item model": "aig.w-item-model", "notes file": "aig.w-notes-file"}


def _what(what):
    return Phrase(_WHAT[what]) if isinstance(what, str) and what in _WHAT else what


def read_json(path: str, what: str):
    """Read a JSON file in any encoding :func:`eduapp.textfiles.read_text` reads (UTF-8,
    GBK, UTF-16 ...).

    :raises ValidationError: unreadable, binary, undecodable or not JSON (with line).
    """
    from ...errors import ImportFileError
    from ...textfiles import read_text
    try:
        return json.loads(read_text(path, what=what))
    except ImportFileError as e:
        raise ValidationError(str(e)) from None
    except json.JSONDecodeError as e:
        raise ValidationError(code="bp.bad-json",
                              values={"path": path, "line": e.lineno, "detail": e.msg}) from None


def write_json(path: str, data) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    :raises ValidationError: the folder does not exist or is not writable.
    """
    import os
    import tempfile
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".aig-", suffix=".json", dir=folder)
    except OSError as e:
        raise ValidationError(code="file.cannot-write",
                              values={"path": path, "reason": os_reason(e)}) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ValidationError(code="file.cannot-write",
                              values={"path": path, "reason": os_reason(e)}) from None
