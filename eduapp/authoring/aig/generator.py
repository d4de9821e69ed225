"""Step 3 of AIG: every valid combination of an item model's values (or a seeded sample),
rendered into single-best-answer items, with duplicates removed and the quality gate run.

How a combination becomes an item: the scenario's domains (or the variables' own) are
combined; derived variables are computed from the values as printed (rounded to their
decimals, so a candidate recomputing the anion gap from the stem gets the same number);
global and scenario constraints filter; the key rules give the key and must agree with
the scenario's expected answer (a disagreement means the ranges let a combination slip
into another scenario: it is dropped and counted as ``inconsistent``); the distractors are
the other scenarios' answers (the scenario's preferred ``distractors`` first); options keep
the order of the model's ``answers`` (NBME: options in a logical order); every option gets
its explanation template filled in.

Duplicates: two items with the same text (whitespace and case aside) are one; two items
with the same key and the same numbers whose remaining words are 92 % alike or more
(``rapidfuzz.fuzz.ratio``) are near duplicates, e.g. two listed values that say the same
thing in other words. Items that differ in a laboratory value are distinct items (as in
Gierl et al. 2012), and they are **enemies**: all items of one model share the
provenance ``enemy_group`` ``aig:<model id>``, which the exam assembler keeps to one per
exam.

Pure computation, any thread: about 50-150 microseconds per item with the gate.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz

from ...domain import Item, ItemSet, Option
from ...errors import ValidationError
from ..dedup import DuplicateIndex
from ..gate import gate_findings, passes_gate
from .expr import compile_expr, names_in
from .formatting import format_number, format_quantity
from .model import ItemModel, Scenario

__all__ = ["Combination", "AigResult", "combinations", "count_combinations",
           "generate_from_model", "render_combination", "enemy_group", "Deduplicator",
           "sample_combinations",
           "run_gate", "ENUMERATION_LIMIT"]

#: Raw combinations (before constraints) up to which a model is enumerated in full; above
#: it, samples are drawn at random and ``count_combinations`` reports the raw product.
ENUMERATION_LIMIT = 300_000

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\}")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def enemy_group(source_id: str) -> str:
    """The provenance ``enemy_group`` of items generated from ``source_id``."""
    return f"aig:{source_id}"


@dataclass(frozen=True)
class Combination:
    """One valid combination of a model's values.

    :ivar scenario: the scenario id.
    :ivar values: variable name -> raw value (number, text, or value object), derived
        variables included.
    :ivar key: the key's answer id.
    """

    scenario: str
    values: dict
    key: str

    def signature(self) -> str:
        """A stable text identity of the combination (scenario and values)."""
        return json.dumps([self.scenario, self.values], ensure_ascii=False, sort_keys=True)


@dataclass
class AigResult:
    """What one generation produced (nothing stored yet).

    :ivar units: generated units in order: lone :class:`Item` objects, and
        :class:`ItemSet` objects for B1 sets of a knowledge table.
    :ivar valid: valid combinations (item models) or items (tables) available in total.
    :ivar considered: combinations rendered or examined for this result.
    :ivar invalid: combinations rejected by a constraint.
    :ivar inconsistent: combinations whose key rule disagreed with the scenario.
    :ivar duplicates: exact duplicates removed; :ivar near_duplicates: near copies removed.
    :ivar rejected: items with a gate ``error`` (left out).
    :ivar flagged: items kept with a gate ``warning``.
    """

    source_id: str
    kind: str
    units: list = field(default_factory=list)
    valid: int = 0
    considered: int = 0
    invalid: int = 0
    inconsistent: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    flagged: int = 0
    rejected_examples: list[str] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        """Every generated item, set members in their sets' order."""
        out: list[Item] = []
        for u in self.units:
            out.extend(u.items if isinstance(u, ItemSet) else [u])
        return out

    def summary(self) -> dict:
        """Counts as a JSON-ready dict."""
        return {"source": self.source_id, "kind": self.kind, "items": len(self.items),
                "units": len(self.units), "valid": self.valid,
                "considered": self.considered, "invalid": self.invalid,
                "inconsistent": self.inconsistent, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "rejected": self.rejected,
                "flagged": self.flagged}


# --------------------------------------------------------------------------- combining

def _scenario_domains(model: ItemModel, s: Scenario) -> list[tuple[str, list]]:
    out = []
    for v in model.variables:
        if v.formula:
            continue
        d = s.values.get(v.name) or v.domain
        out.append((v.name, d.expand()))
    return out


def _raw_total(model: ItemModel) -> int:
    total = 0
    for s in model.scenarios:
        n = 1
        for v in model.variables:
            if not v.formula:
                n *= (s.values.get(v.name) or v.domain).size()
        total += n
    return total


def _plain(value):
    """The value an expression sees: a value object's ``value`` (e.g. its points in a
    risk score), else its ``text``; numbers and strings as they are."""
    if isinstance(value, dict):
        return value.get("value", value.get("text", ""))
    return value


class _Evaluator:
    """Constraint, formula and key-rule evaluation for one model (compiled once)."""

    def __init__(self, model: ItemModel):
        self.model = model
        self.formulas = [(v.name, compile_expr(v.formula), v.decimals)
                         for v in model.variables if v.formula]
        self.globals = [compile_expr(c) for c in model.constraints]
        self.local = {s.id: [compile_expr(c) for c in s.constraints] for s in model.scenarios}
        self.rules = [(compile_expr(r.when), r.answer) for r in model.key_rules]
        self.domains = {}
        for s in model.scenarios:
            doms = _scenario_domains(model, s)
            self.domains[s.id] = ([n for n, _ in doms], [vals for _, vals in doms],
                                  [[_plain(v) for v in vals] for _, vals in doms])

    def env(self, scenario: Scenario, names: list[str], plain: tuple) -> dict:
        env = dict(zip(names, plain))
        env["scenario"] = scenario.id
        for name, fn, dec in self.formulas:
            try:
                value = fn(env)
            except ZeroDivisionError:
                raise ValidationError(code="aig.divides-by-zero", values={"name": name}) from None
            if isinstance(value, float):
                value = int(round(value)) if dec == 0 else round(value, dec)
            env[name] = value
        return env

    def check(self, scenario: Scenario, env: dict) -> str | None:
        """The key's answer id; ``""`` when a constraint fails; ``None`` when inconsistent."""
        for c in self.globals:
            if not c(env):
                return ""
        for c in self.local[scenario.id]:
            if not c(env):
                return ""
        if not self.rules:
            return scenario.answer
        key = next((answer for fn, answer in self.rules if fn(env)), "")
        if not key or (scenario.answer and key != scenario.answer):
            return None
        return key

    def combination(self, scenario: Scenario, raw: tuple, plain: tuple,
                    stats: dict | None) -> Combination | None:
        names = self.domains[scenario.id][0]
        env = self.env(scenario, names, plain)
        key = self.check(scenario, env)
        if not key:
            if stats is not None:
                k = "inconsistent" if key is None else "invalid"
                stats[k] = stats.get(k, 0) + 1
            return None
        values = dict(zip(names, raw))
        for name, _fn, _dec in self.formulas:
            values[name] = env[name]
        return Combination(scenario.id, values, key)


def combinations(model: ItemModel, stats: dict | None = None) -> Iterator[Combination]:
    """Every valid combination, scenario by scenario, values in domain order.

    :param stats: if given, ``invalid`` and ``inconsistent`` counts are added to it.
    :raises ValidationError: a formula or constraint fails to evaluate (unknown name,
        division by zero).
    """
    ev = _Evaluator(model)
    for s in model.scenarios:
        _names, raws, plains = ev.domains[s.id]
        for raw, plain in zip(itertools.product(*raws), itertools.product(*plains)):
            c = ev.combination(s, raw, plain, stats)
            if c is not None:
                yield c


def sample_combinations(model: ItemModel, rng: random.Random,
                        stats: dict | None = None) -> Iterator[Combination]:
    """Valid combinations in a random order without repeats, scenario by scenario in turn
    (so a sample of 20 covers every scenario, whatever the size of each one's product),
    each drawn by index from that scenario's raw product (a sample of 20 from 100,000
    combinations does not enumerate them all). Ends when every index has been tried."""
    ev = _Evaluator(model)
    streams = [_scenario_stream(ev, s, rng, stats) for s in model.scenarios]
    while streams:
        rng.shuffle(streams)
        for stream in list(streams):
            c = next(stream, None)
            if c is None:
                streams.remove(stream)
            else:
                yield c


def _scenario_stream(ev: "_Evaluator", s: Scenario, rng: random.Random,
                     stats: dict | None) -> Iterator[Combination]:
    """Valid combinations of one scenario in random order (``None`` never yielded)."""
    names, raws, plains = ev.domains[s.id]
    total = 1
    for vals in raws:
        total *= len(vals)
    tried: set[int] = set()
    batch = 16
    while len(tried) < total:
        if total - len(tried) <= 4 * batch:
            fresh = [i for i in range(total) if i not in tried]
            rng.shuffle(fresh)
        else:
            fresh = [i for i in rng.sample(range(total), batch) if i not in tried]
        for index in fresh:
            tried.add(index)
            picks = []
            rest = index
            for vals in reversed(raws):
                rest, k = divmod(rest, len(vals))
                picks.append(k)
            picks.reverse()
            raw = tuple(vals[k] for vals, k in zip(raws, picks))
            plain = tuple(vals[k] for vals, k in zip(plains, picks))
            c = ev.combination(s, raw, plain, stats)
            if c is not None:
                yield c
        batch = min(batch * 2, 65536)


@lru_cache(maxsize=256)
def _count(fingerprint: str, model_json: str) -> int:
    """Valid combinations: only the variables that constraints, key rules and formulas
    read are enumerated; the others multiply the count (they cannot make a combination
    invalid)."""
    model = ItemModel.from_dict(json.loads(model_json), validate=False)
    ev = _Evaluator(model)
    exprs = list(model.constraints) + [r.when for r in model.key_rules]
    for s in model.scenarios:
        exprs += s.constraints
    read: set[str] = set()
    for e in exprs:
        read |= names_in(e)
    formulas = {v.name: v.formula for v in model.variables if v.formula}
    frontier = [n for n in read if n in formulas]
    while frontier:  # what the formulas that are read depend on
        for n in names_in(formulas[frontier.pop()]):
            if n not in read:
                read.add(n)
                if n in formulas:
                    frontier.append(n)
    total = 0
    for s in model.scenarios:
        names, raws, plains = ev.domains[s.id]
        keep = [k for k, n in enumerate(names) if n in read]
        free = 1
        for k, vals in enumerate(raws):
            if k not in keep:
                free *= len(vals)
        sub_names = [names[k] for k in keep]
        valid = 0
        for plain in itertools.product(*(plains[k] for k in keep)):
            env = ev.env(s, sub_names, plain)
            if ev.check(s, env):
                valid += 1
        total += valid * free
    return total


def count_combinations(model: ItemModel) -> int:
    """Valid combinations of ``model`` (all enumerated, remembered per model content,
    when the raw product is at most :data:`ENUMERATION_LIMIT`; otherwise the raw
    product, an upper bound)."""
    if _raw_total(model) > ENUMERATION_LIMIT:
        return _raw_total(model)
    return _count(model.fingerprint(), json.dumps(model.to_dict(), sort_keys=True))


# --------------------------------------------------------------------------- rendering

def _display(model: ItemModel, name: str, value, attr: str | None) -> str:
    if isinstance(value, dict):
        if attr:
            if attr not in value:
                raise ValidationError(code="aig.no-attribute",
                                      values={"name": name, "attr": attr})
            return str(value[attr])
        return str(value.get("text", ""))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        v = model.variable(name)
        if attr == "value":  # the number alone, for arithmetic in explanations
            return format_number(value, v.decimals, model.language, v.trim)
        return format_quantity(value, v.decimals, v.unit, model.language, v.trim)
    return str(value)


_AN = re.compile(r"\b([Aa]) (?=(?:8\d*|11|18)\b)")


def _render(text: str, model: ItemModel, values: dict, labels: dict) -> str:
    def sub(m: re.Match) -> str:
        name, attr = m.group(1), m.group(2)
        if name == "scenario":
            return labels.get("scenario", "")
        return _display(model, name, values[name], attr)
    out = text
    for _ in range(3 if "{" in text else 0):  # values may hold other variables' placeholders
        new = _PLACEHOLDER.sub(sub, out)
        if new == out:
            break
        out = new
    if model.language == "en":  # "an 80-year-old", "an 18-year-old"
        out = _AN.sub(lambda m: m.group(1) + "n ", out)
    return " ".join(out.split()) if "\n" not in out else out.strip()


def _overlaps(a: str, b: str) -> bool:
    """One answer text contains the other ("doxycycline" and "doxycycline with
    rifampicin"): as a distractor it would be a second defensible key (NBME guide:
    one best answer), so such a pair never shares an item."""
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if not (a and b):
        return False
    if a.isascii() and b.isascii():  # whole words: "pseudohyponatraemia" is not "hyponatraemia"
        return bool(re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a))
    return a in b or b in a


def _options(model: ItemModel, scenario: Scenario, key: str) -> list[str]:
    prefer = list(scenario.distractors)
    prefer += [s.answer for s in model.scenarios if s.answer]
    prefer += [a.id for a in model.answers]
    texts = {a.id: a.text for a in model.answers}
    chosen = [key]
    for a in prefer:
        if a not in chosen and a not in scenario.exclude \
                and not _overlaps(texts.get(a, a), texts.get(key, key)):
            chosen.append(a)
        if len(chosen) == model.option_count:
            break
    order = {a.id: n for n, a in enumerate(model.answers)}
    return sorted(chosen, key=order.__getitem__)


def _uid(source_id: str, fingerprint: str, signature: str) -> str:
    raw = f"{source_id}\x1f{fingerprint}\x1f{signature}".encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]


def render_combination(model: ItemModel, combo: Combination, *, fingerprint: str = "",
                       scenario_index: dict | None = None) -> Item:
    """The draft item of one combination (no gate run; see :func:`generate_from_model`).

    :returns: an ``sba`` :class:`Item` with ``vignette`` (the stem template filled in),
        ``stem`` (the lead-in), options with explanations, status ``draft`` and provenance
        ``{"source": "aig", "aig_kind": "item-model", "model_id", "model_version",
        "scenario", "combination", "enemy_group"}``.
    :raises ValidationError: a template names a value attribute that does not exist.
    """
    fingerprint = fingerprint or model.fingerprint()
    scenarios = scenario_index or {s.id: s for s in model.scenarios}
    s = scenarios[combo.scenario]
    labels = {"scenario": s.label}
    vals = combo.values
    options = []
    for aid in _options(model, s, combo.key):
        a = model.answer(aid)
        correct = aid == combo.key
        why = a.why_correct if correct else a.wrong_for(s.id)
        options.append(Option(text=_render(a.text, model, vals, labels), correct=correct,
                              explanation=_render(why, model, vals, labels)))
    zh = model.language == "zh"
    item = Item(
        type="sba", vignette=_render(model.stem, model, vals, labels),
        stem=_render(model.lead_in, model, vals, labels), options=options,
        explanation=_render(model.explanation, model, vals, labels), topic=model.topic,
        system=model.system, discipline=model.discipline, bloom=model.bloom,
        difficulty=model.difficulty, exam_type=model.exam_type or ("A2" if zh else "SBA"),
        language=model.language, status="draft",
        tags=list(dict.fromkeys(["aig", *model.tags])), references=list(model.references),
        provenance={"source": "aig", "aig_kind": "item-model", "model_id": model.id,
                    "model_title": model.title, "model_version": fingerprint,
                    "scenario": combo.scenario, "combination": combo.values,
                    "enemy_group": enemy_group(model.id)},
        uid=_uid(model.id, fingerprint, combo.signature()))
    return item


# --------------------------------------------------------------------------- dedup & gate

def _text_of(item: Item) -> str:
    return " ".join((item.full_stem + " || " + " | ".join(o.text for o in item.options)
                     ).casefold().split())


class Deduplicator:
    """Drops exact duplicates and near duplicates among generated items (see the module
    docstring for the rule). Not thread-safe; one per generation."""

    def __init__(self, threshold: float = 92.0):
        self.threshold = threshold
        self._exact: set[str] = set()
        self._buckets: dict[tuple, list[str]] = {}

    def verdict(self, item: Item) -> str:
        """``"new"`` (and remembered), ``"duplicate"`` or ``"near-duplicate"``."""
        text = _text_of(item)
        if text in self._exact:
            return "duplicate"
        keys = "|".join(o.text for o in item.options if o.correct)
        numbers = tuple(_NUM.findall(item.full_stem))
        masked = _NUM.sub("#", item.full_stem.casefold())
        bucket = self._buckets.setdefault((keys, numbers), [])
        for other in bucket:
            if fuzz.ratio(masked, other) >= self.threshold:
                return "near-duplicate"
        self._exact.add(text)
        bucket.append(masked)
        return "new"


def run_gate(items: list[Item], index: DuplicateIndex | None = None) -> None:
    """Run the quality gate on ``items`` (findings into ``item.findings``).

    :param index: near-duplicate index of the bank, or ``None`` for the linter only.
    """
    for item in items:
        item.findings = gate_findings(item, index=index)


def _admit(result: AigResult, unit, dedup: Deduplicator, index: DuplicateIndex | None) -> bool:
    members = unit.items if isinstance(unit, ItemSet) else [unit]
    for m in members:
        verdict = dedup.verdict(m)
        if verdict != "new":
            if verdict == "duplicate":
                result.duplicates += 1
            else:
                result.near_duplicates += 1
            return False
    run_gate(members, index)
    if any(f.severity == "error" for m in members for f in m.findings):
        result.rejected += 1
        if len(result.rejected_examples) < 5:
            bad = next(f for m in members for f in m.findings if f.severity == "error")
            result.rejected_examples.append(f"{members[0].full_stem[:80]}: {bad.message}")
        return False
    if not all(passes_gate(m.findings) for m in members):
        result.flagged += 1
    result.units.append(unit)
    return True


def generate_from_model(model: ItemModel, *, count: int | None = None, seed: int | None = None,
                        index: DuplicateIndex | None = None) -> AigResult:
    """Generate items from an item model.

    :param count: at most this many items (a sample); ``None`` for every valid combination.
    :param seed: sample seed (same seed, same model, same items); ``None`` gives combination
        order for ``count=None`` and a fresh random sample otherwise.
    :param index: near-duplicate index of the bank for the gate (items of the same model
        should be left out of it: they are enemies, not duplicates), or ``None``.
    :returns: an :class:`AigResult`; items carry their gate findings; items with a gate
        error are left out and counted in ``rejected``.
    :raises ValidationError: the model is invalid or fails to evaluate.
    """
    model.validate()
    if count is not None and count < 1:
        raise ValidationError(code="aig.count-min")
    fp = model.fingerprint()
    scen = {s.id: s for s in model.scenarios}
    result = AigResult(model.id, "item-model")
    dedup = Deduplicator()
    stats: dict = {}
    if count is None:
        if _raw_total(model) > ENUMERATION_LIMIT:
            raise ValidationError(code="aig.too-many-combinations",
                                  values={"id": model.id, "n": f"{_raw_total(model):,}"})
        source: Iterator[Combination] = combinations(model, stats)
    else:
        source = sample_combinations(model, random.Random(seed), stats)
    for c in source:
        if count is not None and len(result.units) >= count:
            break
        result.considered += 1
        _admit(result, render_combination(model, c, fingerprint=fp, scenario_index=scen),
               dedup, index)
    result.valid = count_combinations(model) if count is None or _raw_total(
        model) <= ENUMERATION_LIMIT else _raw_total(model)
    result.invalid = stats.get("invalid", 0)
    result.inconsistent = stats.get("inconsistent", 0)
    return result
