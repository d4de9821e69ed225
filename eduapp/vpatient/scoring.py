"""Score and debrief an encounter: checklist coverage by section with what was missed,
the OSCE global rating, efficiency (questions, tests, cost, time), diagnosis correctness,
the teaching points and the transcript.

The checklist format expresses both the OSCE checklist with a global rating and the
history-taking station of the Chinese licensing exam's practical part (病史采集: 现病史,
相关病史, 问诊技巧; ``style: cn_history``).

Offline there is no examiner, so the global rating is *derived* from the checklist share
(0.85 -> 5, 0.70 -> 4, 0.55 -> 3, 0.40 -> 2, else 1 on a five-point scale, scaled to the
case's ``scale``), lowered by one when more than a third of the questions were not
understood or when the diagnosis is wrong; the report says it is derived.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["ItemResult", "SectionResult", "ScoreReport", "score_encounter", "derived_rating"]

_BANDS = ((0.85, 5), (0.70, 4), (0.55, 3), (0.40, 2))


@dataclass
class ItemResult:
    """A checklist item and whether it was done; ``weight`` in points; ``credit`` 0..1
    the share of the weight earned (1 when done; a management step with elements that the
    plan named in part earns the named share, see
    :func:`~eduapp.vpatient.engine.step_credit`)."""

    id: str
    text: str
    weight: float
    done: bool
    credit: float = 0.0

    @property
    def points(self) -> float:
        """Points earned: ``weight * credit``."""
        return self.weight * self.credit


def item_credit(refs: list[str], done: set[str], partial: dict[str, float]) -> float:
    """0..1: 1 when any of ``refs`` was done, else the best partial credit of a
    ``management:ID`` ref (``partial``: step id -> share), else 0."""
    if any(r in done for r in refs):
        return 1.0
    return max([partial.get(r.split(":", 1)[1], 0.0) for r in refs
                if r.startswith("management:")] + [0.0])


@dataclass
class SectionResult:
    """A checklist section: ``points`` earned of ``max_points``; ``share`` 0..1."""

    id: str
    title: str
    points: float
    max_points: float
    items: list[ItemResult] = field(default_factory=list)

    @property
    def share(self) -> float:
        """0..1."""
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def points_text(self) -> str:
        """``"5.7 / 7"``: points earned of the maximum, one decimal at most (partial
        credit makes thirds: 5.66667 is shown 5.7)."""
        return f"{round(self.points, 1):g} / {round(self.max_points, 1):g}"


@dataclass
class ScoreReport:
    """The result of an encounter.

    :ivar total: 0..100, checklist points plus global-rating points over their maximum.
    :ivar sections: per checklist section.
    :ivar missed: ``[{"section", "item", "text", "credit"}]`` items not done in full, in
        checklist order (``credit`` 0..1: the share earned, above 0 for a management step
        named in part).
    :ivar global_rating: 1..scale (derived offline), or ``None`` when the case has none.
    :ivar efficiency: ``{"questions", "not_understood", "examinations", "tests",
        "unlisted_tests", "repeat_tests", "cost", "currency", "minutes", "seconds"}``.
    :ivar diagnosis: ``{"submitted", "correct", "expected", "reason"}`` (``reason``:
        ``synonym`` or the LLM judge's sentence).
    :ivar differential: names of the differential the student considered.
    :ivar management: ``{"done": [names], "missed": [names], "partial": {name: 0..1},
        "reasons": {id: why}}`` (missed: steps the checklist scores that were not done
        in full; partial: steps named in part, with the share of their elements named;
        reasons: ``synonym`` or the LLM judge's sentence).
    :ivar teaching_points: the case's debrief points; ``summary`` its summary.
    :ivar transcript: the encounter's turns as dicts.
    :ivar revealed: fact ids revealed, in order.
    """

    case_id: str
    case_title: str
    language: str
    style: str
    total: float
    points: float
    max_points: float
    sections: list[SectionResult]
    missed: list[dict]
    global_rating: int | None
    rating_scale: int | None
    efficiency: dict
    diagnosis: dict
    differential: list[str]
    management: dict
    summary: str
    teaching_points: list[str]
    transcript: list[dict]
    revealed: list[str]
    state: str = ""
    guarded: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Everything as JSON-ready dicts (``sections`` keyed by section id, each with
        ``title``, ``score``, ``max``, ``share`` and ``items``)."""
        d = asdict(self)
        d["sections"] = {s.id: {"title": s.title, "score": round(s.points, 2),
                                "max": s.max_points, "share": round(s.share, 3),
                                "items": [asdict(i) for i in s.items]}
                         for s in self.sections}
        d["total"] = round(self.total, 1)
        return d

    def cli_score(self) -> dict:
        """The ``score`` object of ``eduapp vp play --json``: ``{"total", "sections",
        "missed", ...}``."""
        d = self.to_dict()
        for key in ("transcript", "revealed", "teaching_points", "summary"):
            d.pop(key)
        d["missed"] = [m["text"] for m in self.missed]
        d["missed_items"] = self.missed
        return d


def derived_rating(share: float, scale: int = 5, *, many_unclear: bool = False,
                   wrong_diagnosis: bool = False) -> int:
    """The offline global rating (see the module docstring).

    :param share: 0..1 checklist share.
    :param scale: points of the rating scale (>= 2).
    :returns: 1..scale.
    """
    five = next((r for cut, r in _BANDS if share >= cut), 1)
    if many_unclear:
        five -= 1
    if wrong_diagnosis:
        five -= 1
    five = max(1, five)
    return max(1, min(scale, round(1 + (five - 1) * (scale - 1) / 4)))


def score_encounter(enc) -> ScoreReport:
    """Score an :class:`~eduapp.vpatient.engine.Encounter` against its case's checklist."""
    case = enc.case
    sections, missed = [], []
    points = max_points = 0.0
    for sec in case.checklist.sections:
        partial = getattr(enc, "plan_credit", {})
        items = []
        for it in sec.items:
            credit = item_credit(it.refs, enc.done, partial)
            items.append(ItemResult(it.id, it.text, it.weight, credit >= 1.0, credit))
        got = sum(i.points for i in items)
        top = sum(i.weight for i in items)
        sections.append(SectionResult(sec.id, sec.title, got, top, items))
        missed += [{"section": sec.title, "item": i.id, "text": i.text,
                    "credit": round(i.credit, 3)}
                   for i in items if not i.done]
        points += got
        max_points += top
    share = points / max_points if max_points else 0.0
    rating = scale = None
    total_points, total_max = points, max_points
    gr = case.checklist.global_rating
    if gr is not None:
        scale = gr.scale
        rating = derived_rating(
            share, scale, many_unclear=enc.questions > 0 and enc.unsure * 3 > enc.questions,
            wrong_diagnosis=bool(enc.diagnosis_text) and not enc.diagnosis_correct)
        total_points += gr.weight * (rating - 1) / max(1, scale - 1)
        total_max += gr.weight
    listed = [o for o in enc.orders if o["listed"]]
    efficiency = {"questions": enc.questions, "not_understood": enc.unsure,
                  "examinations": len(enc.exams), "tests": len(enc.orders),
                  "unlisted_tests": len(enc.orders) - len(listed),
                  "repeat_tests": sum(1 for o in listed if o.get("repeat")),
                  "cost": round(enc.cost, 2), "currency": case.currency,
                  "minutes": round(enc.minutes, 1), "seconds": round(enc.elapsed_seconds, 1)}
    dx = case.diagnosis
    # steps the checklist scores; the others (alternatives such as thrombolysis when PCI
    # is done) are not "missed"
    scored = {r for sec in case.checklist.sections for it in sec.items for r in it.refs}
    return ScoreReport(
        case_id=case.id, case_title=case.title, language=case.language,
        style=case.checklist.style,
        total=100.0 * total_points / total_max if total_max else 0.0,
        points=round(total_points, 2), max_points=total_max, sections=sections, missed=missed,
        global_rating=rating, rating_scale=scale, efficiency=efficiency,
        diagnosis={"submitted": enc.diagnosis_text, "correct": enc.diagnosis_correct,
                   "expected": dx.name, "reason": enc.diagnosis_reason},
        differential=[d.name for n, d in enumerate(case.differential)
                      if f"differential:{n}" in enc.done],
        management={"done": [m.name for m in case.management if f"management:{m.id}" in enc.done],
                    "missed": [m.name for m in case.management
                               if f"management:{m.id}" not in enc.done
                               and f"management:{m.id}" in scored],
                    "partial": {m.name: round(getattr(enc, "plan_credit", {})[m.id], 3)
                                for m in case.management
                                if m.id in getattr(enc, "plan_credit", {})},
                    "reasons": dict(enc.plan_reasons)},
        summary=case.debrief.summary, teaching_points=list(case.debrief.teaching_points),
        transcript=[t.to_dict() for t in enc.transcript], revealed=list(enc.revealed),
        state=enc.state, guarded=list(enc.guarded))
