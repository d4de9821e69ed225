"""Question generation: one item per model call, validated, gated and stored as drafts.

Pipeline for each item: build the prompt (template + worked examples from the bank +
optional source text, sized for the provider), ask for JSON that fits the item schema
(:func:`eduapp.llm.complete_json_result`: the schema and what a schema cannot express
(the key is in range, a multiple-response item has a key and a distractor) are checked
together, with one repair retry for both: at most two calls per item), build the :class:`~eduapp.domain.Item`, verify it blind, run the
gate. All items of one call are stored together, in one transaction, as ``draft`` items
under one ``generation_id``: a retried operation with the same id stores nothing twice.

Worker threads only (network); callbacks run on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..domain import SYSTEMS, Changes, Item, Option, new_uid, now
from ..errors import (CancelledError, EduAppError, LLMOutputError, LLMUnavailableError,
                      ValidationError, describe_error)
from ..llm import complete_json_result, run_batch, validate_json
from ..provenance import sources_from_references
from .dedup import DuplicateIndex
from .gate import LOW_QUALITY, STRONGER_PROVIDER_HINT, gate_findings
from .prompting import (authoring_prompt, budget_for, example_block, extras_text,
                        worked_examples)
from .output_schemas import QUESTION_KINDS, grammar_schema, question_schema
from .verify import verify_item

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["QuestionSpec", "GenerationResult", "generate_questions", "check_generated",
           "item_from_json", "existing_generation"]


@dataclass
class QuestionSpec:
    """What to generate.

    :ivar topic: the knowledge point, any language (``"atrial fibrillation"``).
    :ivar count: number of items (1..50); one model call each.
    :ivar kind: ``sba``, ``multi``, ``tf``, ``short`` or ``vignette`` (an NBME-style
        clinical vignette; stored as an ``sba`` item with ``vignette`` set).
    :ivar language: ``en`` or ``zh``.
    :ivar bloom: Bloom level (``remember`` ... ``create``) or ``""``.
    :ivar difficulty: target facility index p in 0..1, or ``None``.
    :ivar objectives: learning objectives the items should test.
    :ivar source_text: text to base the items on (its references are copied).
    :ivar system: organ system for the items, or ``""`` to let the model pick.
    :ivar n_options: options per ``sba``/``vignette`` item (4 or 5).
    """

    topic: str
    count: int = 5
    kind: str = "sba"
    language: str = "en"
    bloom: str = ""
    difficulty: float | None = None
    objectives: list[str] = field(default_factory=list)
    source_text: str = ""
    system: str = ""
    n_options: int = 5

    def validate(self) -> None:
        """:raises ValidationError: empty topic, unknown kind/language, count or
        n_options out of range."""
        if not self.topic.strip():
            raise ValidationError(code="gen.no-topic")
        if self.kind not in QUESTION_KINDS:
            raise ValidationError(code="gen.unknown-kind", values={
                "kind": self.kind, "choices": list(QUESTION_KINDS)})
        if self.language not in ("en", "zh"):
            raise ValidationError(code="gen.language", values={"choices": ["en", "zh"]})
        if not 1 <= self.count <= 50:
            raise ValidationError(code="gen.count", values={"max": 50})
        if self.n_options not in (4, 5):
            raise ValidationError(code="gen.n-options")
        if self.difficulty is not None and not 0 <= self.difficulty <= 1:
            raise ValidationError(code="gen.difficulty")

    @classmethod
    def for_request(cls, request: dict) -> "QuestionSpec":
        """The spec that fills an exam blueprint cell the bank could not: from the
        assembler's generation request (``Shortfall.request``: ``{topic, system, type,
        bloom, difficulty, count, language}``); count clamped to 1..50, a type the
        generator cannot write becomes ``sba``."""
        kind = request.get("type") if request.get("type") in ("sba", "multi", "tf") else "sba"
        return cls(topic=request.get("topic") or request.get("system") or "medicine",
                   count=max(1, min(50, int(request.get("count") or 1))), kind=kind,
                   language=request.get("language") or "en", bloom=request.get("bloom") or "",
                   difficulty=request.get("difficulty"), system=request.get("system") or "")

    def to_dict(self) -> dict:
        """The spec as recorded in provenance (without the source text)."""
        return {"topic": self.topic, "type": self.kind, "language": self.language,
                "bloom": self.bloom, "difficulty": self.difficulty,
                "objectives": list(self.objectives), "n_options": self.n_options,
                "system": self.system, "has_source": bool(self.source_text)}


@dataclass
class GenerationResult:
    """What a generation produced.

    :ivar generation_id: the id the items are stored under.
    :ivar items: the stored draft items, with their gate findings in ``findings``.
    :ivar failures: one sentence per item that could not be produced (still invalid after
        the repair retry); those items were not stored.
    :ivar reused: the id had been stored before, so nothing was generated: ``items`` are
        the ones stored then.
    :ivar low_quality: the embedded model wrote them (see :data:`~.gate.LOW_QUALITY`).
    :ivar hint: advice to show with the result (use a stronger provider), or ``""``.
    :ivar provider: the name of the provider profile that wrote them.
    :ivar changes: what the generation changed (items, when any were stored).
    :ivar failure_errors: the errors behind ``failures``, in the same order (worded in any
        language by :meth:`describe_failures`).
    """

    generation_id: str
    items: list[Item] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    reused: bool = False
    low_quality: bool = False
    hint: str = ""
    provider: str = ""
    changes: Changes = field(default_factory=Changes)
    failure_errors: list[EduAppError] = field(default_factory=list)

    def describe_failures(self, language: str = "en") -> list[str]:
        """``failures`` worded in ``language`` (``en``/``zh``)."""
        if len(self.failure_errors) != len(self.failures):
            return list(self.failures)
        return [describe_error(e, language) for e in self.failure_errors]


def existing_generation(bank: Bank, generation_id: str) -> list[Item]:
    """Items already stored under ``generation_id`` (not deleted), in generation order."""
    items = bank.get_items(bank.ids_by_provenance("generation_id", generation_id))
    return sorted(items, key=lambda i: (i.provenance.get("generation_index", 0), i.id or 0))


def check_generated(data: dict, kind: str) -> list[str]:
    """What a schema cannot say about a generated item: the problems that make it unusable.

    :param data: schema-valid JSON of :func:`~.schemas.question_schema` ``(kind)``.
    :returns: problems as sentences for the repair prompt; empty when usable.
    """
    problems = []
    if kind in ("sba", "vignette"):
        n = len(data.get("options", []))
        k = data.get("key")
        if not isinstance(k, int) or not 0 <= k < n:
            problems.append(f"key {k} is out of range: it must be an option index from 0 to "
                            f"{n - 1}")
    elif kind == "multi":
        marks = [bool(o.get("correct")) for o in data.get("options", [])]
        if not any(marks):
            problems.append("no option is marked correct; mark at least one")
        elif all(marks):
            problems.append("every option is marked correct; at least one must be wrong")
    if kind in ("sba", "vignette", "multi"):
        texts = [" ".join(o.get("text", "").casefold().split()) for o in data.get("options", [])]
        if len(set(texts)) < len(texts):
            problems.append("two options have the same text; every option must differ")
    return problems


def item_from_json(data: dict, spec: QuestionSpec) -> Item:
    """Build the draft :class:`Item` from a checked generated answer.

    :raises ValidationError: the item breaks a structural rule (``Item.validate``).
    """
    kind, zh = spec.kind, spec.language == "zh"
    system = spec.system or (data.get("system") if data.get("system") in SYSTEMS else "")
    common = dict(topic=spec.topic, system=system, bloom=spec.bloom,
                  difficulty=spec.difficulty, language=spec.language, status="draft",
                  tags=list(dict.fromkeys([*data.get("tags", []), "generated"])),
                  references=list(data.get("references", [])),
                  explanation=data.get("explanation", ""))
    if kind in ("sba", "vignette"):
        options = [Option(o["text"].strip(), i == data["key"], o["explanation"].strip())
                   for i, o in enumerate(data["options"])]
        item = Item(type="sba", stem=data["stem"].strip(), vignette=data.get("vignette", "").strip(),
                    options=options, exam_type=("A2" if kind == "vignette" else "A1") if zh
                    else "SBA", **common)
    elif kind == "multi":
        options = [Option(o["text"].strip(), bool(o["correct"]), o["explanation"].strip())
                   for o in data["options"]]
        item = Item(type="multi", stem=data["stem"].strip(), options=options,
                    exam_type="X" if zh else "MCQ", **common)
    elif kind == "tf":
        t, f = ("正确", "错误") if zh else ("True", "False")
        ans = bool(data["answer"])
        item = Item(type="tf", stem=data["statement"].strip(), exam_type="TF",
                    options=[Option(t, ans), Option(f, not ans)], **common)
    else:  # short
        rubric = "\n".join(f"- {p['point']} ({p['marks']})" for p in data["rubric"])
        item = Item(type="short", stem=data["question"].strip(),
                    options=[Option(a.strip(), True) for a in data["accepted_answers"]],
                    model_answer=data["model_answer"].strip(), rubric=rubric, exam_type="SAQ",
                    **common)
    item.validate()
    return item


def _messages(spec: QuestionSpec, profile, bank: Bank, avoid: list[str]) -> tuple[list[dict], object]:
    budget = budget_for(profile)
    prompt = authoring_prompt(f"question_{spec.kind}", spec.language)
    examples = worked_examples(bank, spec.topic, spec.language, spec.kind, budget.examples)
    user = prompt.render(
        topic=spec.topic, n_options=spec.n_options,
        extras=extras_text(spec.language, bloom=spec.bloom, difficulty=spec.difficulty,
                           objectives=spec.objectives, source=spec.source_text,
                           source_chars=budget.source_chars, avoid=avoid[-2:]),
        examples=example_block(examples, spec.kind, spec.language, budget.example_chars))
    system = authoring_prompt("author_system", spec.language).text
    return [{"role": "system", "content": system}, {"role": "user", "content": user}], prompt


def _generate_one(profile, spec: QuestionSpec, bank: Bank, index: int, avoid: list[str],
                  cancel) -> tuple[Item, dict]:
    msgs, prompt = _messages(spec, profile, bank, avoid)
    strict = question_schema(spec.kind, spec.n_options)
    # llama.cpp's grammar ignores integer bounds: the built-in model gets them as enums
    schema = grammar_schema(strict) if profile.is_embedded else strict
    budget = budget_for(profile)
    temperature = 0.7 if index else 0.4
    kw = dict(schema_name="item", language=spec.language, max_tokens=budget.max_tokens,
              temperature=temperature, cancel=cancel)
    try:
        res = complete_json_result(
            profile, msgs, schema, check=lambda d: check_generated(d, spec.kind)
            + validate_json(d, strict), **kw)
    except LLMOutputError as e:
        raise LLMOutputError(code="gen.item-failed",
                             values={"n": index + 1, "detail": e}) from None
    attempts = res.attempts
    try:
        item = item_from_json(res.data, spec)
    except ValidationError as e:
        raise LLMOutputError(code="gen.item-not-stored",
                             values={"n": index + 1, "detail": e}) from None
    prov = {"source": "generated", "provider": profile.name, "provider_kind": profile.kind,
            "model": res.model, **prompt.provenance(), "at": now(),
            "structured_output": res.mode, "attempts": attempts, "generation_index": index,
            "spec": spec.to_dict(),
            # issue-16 provenance: the author, and the sources the model cited (unchecked
            # until a reviewer records a review)
            "author": {"kind": "model", "provider": profile.name, "model": res.model or ""},
            "sources": sources_from_references(item.references)}
    if profile.is_embedded:
        prov["quality"] = LOW_QUALITY
        prov["suggestion"] = STRONGER_PROVIDER_HINT
    item.provenance = prov
    return item, res.data


def generate_questions(bank: Bank, profile, spec: QuestionSpec, *, generation_id: str | None = None,
                       verify: bool = True, verifier=None, concurrency: int = 1,
                       index: DuplicateIndex | None = None,
                       on_progress: Callable[[int, int], None] | None = None,
                       cancel=None) -> GenerationResult:
    """Generate ``spec.count`` questions, gate them and store them as drafts.

    One model call per item (plus a repair call when needed, plus one blind-verification
    call when ``verify``). Items that still fail after the repair retry are reported in
    ``failures`` and not stored; the others are stored together in one transaction.
    Worker thread.

    :param bank: the :class:`~eduapp.bank.Bank` (worked examples, duplicates, storage).
    :param profile: the :class:`~eduapp.llm.ProviderProfile` that writes.
    :param generation_id: id of this operation (default a new one); if items are already
        stored under it, they are returned (``reused=True``) and nothing is generated.
    :param verify: answer each choice item blind and flag disagreements.
    :param verifier: the profile that verifies (default ``profile``).
    :param concurrency: requests in flight at once (1 for the embedded model).
    :param index: duplicate index of the bank (default: built from the bank).
    :param on_progress: ``on_progress(done, total)`` after each item.
    :returns: a :class:`GenerationResult`.
    :raises ValidationError: a bad spec.
    :raises LLMUnavailableError: the provider cannot be used; nothing was stored.
    :raises LLMOutputError: not one item could be produced; nothing was stored.
    :raises CancelledError: ``cancel`` was set; nothing was stored.

    ::

        res = generate_questions(bank, store.get("embedded"), QuestionSpec("asthma", count=4))
        for item in res.items:
            print(item.id, [f.rule for f in item.findings])
    """
    spec.validate()
    gid = generation_id or new_uid()
    low = bool(profile.is_embedded)
    stored = existing_generation(bank, gid)
    if stored:
        for item in stored:
            item.findings = gate_findings(item)
        return GenerationResult(gid, stored, reused=True, low_quality=low,
                                hint=STRONGER_PROVIDER_HINT if low else "",
                                provider=profile.name)
    verifier = verifier or profile
    if profile.is_embedded:
        concurrency = 1
    avoid: list[str] = []
    done = [0]

    def one(i: int):
        item, _ = _generate_one(profile, spec, bank, i, avoid if concurrency == 1 else [], cancel)
        avoid.append(item.stem)
        if verify:
            v = verify_item(verifier, item, cancel=cancel)
            if v is not None:
                item.provenance["verification"] = v
        done[0] += 1
        if on_progress is not None:
            on_progress(done[0], spec.count)
        return item

    outcomes = run_batch(one, range(spec.count), concurrency, cancel=cancel)
    for o in outcomes:  # an unusable provider or a cancel stores nothing at all
        if isinstance(o.error, (LLMUnavailableError, CancelledError)):
            raise o.error
    for o in outcomes:
        if o.error is not None and not isinstance(o.error, LLMOutputError):
            raise o.error  # a bug: let it surface
    items = [o.value for o in outcomes if o.ok]
    failures = [str(o.error) for o in outcomes if not o.ok]
    if not items:
        first = next(o.error for o in outcomes if not o.ok)
        if len(failures) == 1:
            raise first
        raise LLMOutputError(code="gen.none-produced",
                             values={"count": spec.count, "detail": first})
    if index is None:
        index = DuplicateIndex.from_bank(bank)
    with bank.transaction():
        if existing_generation(bank, gid):  # another worker stored this id meanwhile
            return generate_questions(bank, profile, spec, generation_id=gid)
        for item in items:
            item.provenance["generation_id"] = gid
            bank.save_item(item, note="generated")
    for item in items:
        item.findings = gate_findings(item, index=index, bank=bank)
        index.add(item.id, item)
    return GenerationResult(gid, items, failures, low_quality=low,
                            hint=STRONGER_PROVIDER_HINT if low else "", provider=profile.name,
                            changes=Changes(items=True),
                            failure_errors=[o.error for o in outcomes if not o.ok])
