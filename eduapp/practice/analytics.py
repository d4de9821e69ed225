"""Student analytics: aggregates, mastery, the dashboard, weak areas, percentile, and the
learning path.

Mastery model (kept per student and per topic, system, discipline and Bloom level,
updated on every answer in O(1)): an Elo-style logistic (Rasch/1PL) estimate.

* Item difficulty on the logit scale is ``b = ln((1 - p) / p)`` where ``p`` is the item's
  expected facility index (0..1, the bank's ``difficulty``; 0.6 when unknown; clamped to
  0.05..0.95). An easy item (p = 0.9) has b = -2.2, a hard one (p = 0.3) has b = +0.85.
* The student's ability in the area is ``θ`` (starts at 0). The expected score is
  ``P = 1 / (1 + exp(-(θ - b)))``; after an answer scored ``x`` (0..1),
  ``θ ← θ + K (x - P)`` with ``K = 0.4`` (Elo 1978; Klinkenberg et al. 2011 use the same
  update for adaptive practice). A constant ``K`` weights recent answers most: old
  evidence fades geometrically. Right answers to hard items raise θ more than right
  answers to easy ones; wrong answers to easy items lower it more.
* ``mastery = 1 / (1 + exp(-θ))``: the chance of answering an item of middling
  difficulty (p = 0.5) right, 0..1.
* Trend: two exponentially weighted moving averages of the score, fast (α = 0.3) and
  slow (α = 0.08); ``fast - slow`` above +0.08 is "rising", below -0.08 "falling".

A weak area is a topic with at least :data:`WEAK_MIN_ATTEMPTS` answers and mastery below
:data:`WEAK_MASTERY`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..domain import SYSTEMS, facet_name, topic_name
from .aggregates import DIMENSIONS, TREND_BAND, day_number

WEAK_MIN_ATTEMPTS = 5
#: Most topic sessions in one day of the study plan.
PLAN_TOPICS_PER_DAY = 6
WEAK_MASTERY = 0.6
#: A student needs this many answers to appear in class percentiles.
PERCENTILE_MIN_ATTEMPTS = 10


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _trend(fast: float, slow: float) -> str:
    d = fast - slow
    return "rising" if d > TREND_BAND else "falling" if d < -TREND_BAND else "steady"


@dataclass
class AreaStats:
    """One value of a dimension (a topic, a system ...) for one student.

    :ivar accuracy: mean score 0..1 over all answers. :ivar mean_seconds: per answer.
    :ivar mastery: 0..1 (module doc). :ivar trend: ``rising``, ``falling``, ``steady``.
    :ivar recent: fast EWMA of the score, 0..1.
    """

    dim: str
    value: str
    n: int
    accuracy: float
    mean_seconds: float
    mastery: float
    trend: str
    recent: float
    last_at: float


_WORDS = {
    "en": {"rising": "rising", "falling": "falling", "steady": "steady",
           "fmt": "{value}: {acc:.0%} over {n} items, {trend}", "none": "(no topic)"},
    "zh": {"rising": "上升", "falling": "下降", "steady": "平稳",
           "fmt": "{value}：{n} 题正确率 {acc:.0%}，{trend}", "none": "（无主题）"},
}


@dataclass
class WeakArea:
    """A topic to work on, with the numbers behind it."""

    stats: AreaStats

    def sentence(self, language: str = "en") -> str:
        """``"Renal acid-base: 45% over 22 items, falling"`` (or its Chinese form)."""
        w = _WORDS.get(language, _WORDS["en"])
        s = self.stats
        return w["fmt"].format(value=topic_name(s.value, language) or w["none"],
                               acc=s.accuracy, n=s.n, trend=w[s.trend])


def area_stats(conn, profile_id: int, dim: str = "topic") -> list[AreaStats]:
    """Every value of ``dim`` the student has answered, by name."""
    rows = conn.execute("SELECT value, n, correct, seconds, theta, fast, slow, last_at FROM "
                        "totals WHERE profile_id = ? AND dim = ? ORDER BY value",
                        (profile_id, dim)).fetchall()
    return [AreaStats(dim, v, n, c / n, s / n, _sigmoid(th), _trend(f, sl), f, last)
            for v, n, c, s, th, f, sl, last in rows]


def weak_areas(conn, profile_id: int, limit: int = 5) -> list[WeakArea]:
    """Topics with ≥ :data:`WEAK_MIN_ATTEMPTS` answers and mastery < :data:`WEAK_MASTERY`,
    weakest first (falling trends before steady ones at equal mastery)."""
    areas = [a for a in area_stats(conn, profile_id, "topic")
             if a.n >= WEAK_MIN_ATTEMPTS and a.mastery < WEAK_MASTERY and a.value]
    areas.sort(key=lambda a: (a.mastery - (0.05 if a.trend == "falling" else 0), a.value))
    return [WeakArea(a) for a in areas[:limit]]


def percentile(conn, profile_id: int) -> float | None:
    """The student's overall accuracy as a percentile (0..100) of everyone in the history
    (local profiles and imported classmates) with ≥ :data:`PERCENTILE_MIN_ATTEMPTS`
    answers: ``100 × (below + ½ · equal) / count``. ``None`` with fewer than two students
    or when this student has too few answers."""
    rows = conn.execute("SELECT profile_id, SUM(n), SUM(correct) FROM totals WHERE dim = "
                        "'topic' GROUP BY profile_id").fetchall()
    acc = {pid: c / n for pid, n, c in rows if n >= PERCENTILE_MIN_ATTEMPTS}
    if profile_id not in acc or len(acc) < 2:
        return None
    mine = acc[profile_id]
    below = sum(1 for v in acc.values() if v < mine)
    equal = sum(1 for v in acc.values() if v == mine)
    return 100.0 * (below + 0.5 * equal) / len(acc)


@dataclass
class Dashboard:
    """The numbers behind the student dashboard's charts.

    :ivar trend: one row per day of the window, oldest first: ``(date, n, accuracy or
        None, mean_seconds or None)``.
    :ivar areas: ``{dim: [AreaStats]}`` for topic, system, discipline, bloom.
    :ivar heatmap_topics: row labels, every topic answered, lowest mastery first (the
        per-topic bar chart uses the same rows); :ivar heatmap_weeks: column start dates
        (Mondays); :ivar heatmap: accuracy 0..1 or ``None`` per [topic][week];
        :ivar heatmap_mastery: mastery 0..1 now per row, the :class:`AreaStats` number
        (one source for the grid and the chart).
    :ivar streak: consecutive days up to today (or yesterday) with practice;
        :ivar longest_streak: the longest run ever.
    :ivar due_now: cards due now; :ivar due_by_day: ``(date, count)`` for the next 7 days.
    :ivar percentile: 0..100 against the class, or ``None``.
    """

    attempts: int = 0
    accuracy: float | None = None
    mean_seconds: float | None = None
    trend: list[tuple] = field(default_factory=list)
    areas: dict[str, list[AreaStats]] = field(default_factory=dict)
    heatmap_topics: list[str] = field(default_factory=list)
    heatmap_weeks: list[date] = field(default_factory=list)
    heatmap: list[list[float | None]] = field(default_factory=list)
    heatmap_mastery: list[float | None] = field(default_factory=list)
    streak: int = 0
    longest_streak: int = 0
    due_now: int = 0
    due_by_day: list[tuple] = field(default_factory=list)
    percentile: float | None = None
    weak: list[WeakArea] = field(default_factory=list)


def dashboard(conn, profile_id: int, now: float, days: int = 30, weeks: int = 8) -> Dashboard:
    """Build the :class:`Dashboard` of a student from the aggregates (no attempt scan).

    :param now: epoch seconds. :param days: trend window. :param weeks: heat-map columns.
    """
    d = Dashboard()
    today = day_number(now)
    areas = {dim: area_stats(conn, profile_id, dim) for dim in DIMENSIONS}
    d.areas = areas
    n = sum(a.n for a in areas["topic"])
    d.attempts = n
    if n:
        d.accuracy = sum(a.accuracy * a.n for a in areas["topic"]) / n
        d.mean_seconds = sum(a.mean_seconds * a.n for a in areas["topic"]) / n
    by_day = {day: (k, c, s) for day, k, c, s in conn.execute(
        "SELECT day, SUM(n), SUM(correct), SUM(seconds) FROM daily_stats WHERE profile_id = ? "
        "AND dim = 'topic' AND day > ? GROUP BY day", (profile_id, today - days))}
    for day in range(today - days + 1, today + 1):
        k, c, s = by_day.get(day, (0, 0.0, 0.0))
        d.trend.append((date.fromordinal(day), k, c / k if k else None, s / k if k else None))
    # heat map: topics x weeks (weeks start on Monday)
    monday = today - date.fromordinal(today).weekday()
    first = monday - 7 * (weeks - 1)
    d.heatmap_weeks = [date.fromordinal(first + 7 * w) for w in range(weeks)]
    cells: dict[tuple[str, int], list[float]] = {}
    for day, value, k, c in conn.execute(
            "SELECT day, value, n, correct FROM daily_stats WHERE profile_id = ? AND dim = "
            "'topic' AND day >= ?", (profile_id, first)):
        cell = cells.setdefault((value, (day - first) // 7), [0, 0.0])
        cell[0] += k
        cell[1] += c
    by_name = {a.value: a for a in areas["topic"]}
    d.heatmap_topics = sorted(set(by_name) | {t for t, _ in cells},
                              key=lambda t: (by_name[t].mastery if t in by_name else 1.0, t))
    d.heatmap_mastery = [by_name[t].mastery if t in by_name else None
                         for t in d.heatmap_topics]
    d.heatmap = [[(cells[(t, w)][1] / cells[(t, w)][0]) if (t, w) in cells else None
                  for w in range(weeks)] for t in d.heatmap_topics]
    # streaks
    practiced = [r[0] for r in conn.execute(
        "SELECT DISTINCT day FROM daily_stats WHERE profile_id = ? AND dim = 'topic' "
        "ORDER BY day", (profile_id,))]
    run = best = 0
    prev = None
    for day in practiced:
        run = run + 1 if prev is not None and day == prev + 1 else 1
        best = max(best, run)
        prev = day
    d.longest_streak = best
    d.streak = run if practiced and practiced[-1] >= today - 1 else 0
    # due reviews
    d.due_now = conn.execute("SELECT COUNT(*) FROM cards WHERE profile_id = ? AND due <= ?",
                             (profile_id, now)).fetchone()[0]
    end_of_today = datetime.combine(date.fromordinal(today) + timedelta(days=1),
                                    datetime.min.time()).timestamp()
    counts = dict(conn.execute(
        "SELECT CAST((due - ?) / 86400 AS INTEGER), COUNT(*) FROM cards WHERE profile_id = ? "
        "AND due > ? AND due <= ? GROUP BY 1", (end_of_today, profile_id, end_of_today,
                                                 end_of_today + 6 * 86400)).fetchall())
    d.due_by_day = [(date.fromordinal(today), d.due_now + conn.execute(
        "SELECT COUNT(*) FROM cards WHERE profile_id = ? AND due > ? AND due <= ?",
        (profile_id, now, end_of_today)).fetchone()[0])]
    d.due_by_day += [(date.fromordinal(today + i + 1), counts.get(i, 0)) for i in range(6)]
    d.percentile = percentile(conn, profile_id)
    d.weak = weak_areas(conn, profile_id)
    return d


# ------------------------------------------------------------------ learning path


#: Why a session is planned, per language: ``code -> (English, Chinese)`` templates over
#: :attr:`PlannedSession.values`.
_REASONS = {
    "due": ("reviews due", "到期复习"),
    "weak": ("{value}: {acc:.0%} over {n} items, {trend}", "{value}：{n} 题正确率 {acc:.0%}，{trend}"),
    "unstarted": ("not started yet", "尚未开始"),
    # new topics in the learning order (:func:`learning_order`)
    "before": ("new; learn it before {topics}, which build on it",
               "新主题；先学它，{topics}以它为基础"),
    "after": ("new; its prerequisite {topics} comes first", "新主题；先修的{topics}排在它前面"),
    "weak-system": ("new; in {system}, where your mastery is {mastery:.0%}",
                    "新主题；属于{system}，你在该系统的掌握度为 {mastery:.0%}"),
    "next-system": ("new; next in {system} (systems in curriculum order)",
                    "新主题；{system}的下一个主题（按课程顺序排列系统）"),
    "mastery": ("mastery {mastery:.0%}", "掌握度 {mastery:.0%}"),
    "exam": ("last day before the exam", "考试前最后一天"),
}


@dataclass
class PlannedSession:
    """One session of the plan: ``kind`` is ``review`` (the FSRS queue), ``weak`` (a weak
    topic), ``new`` (a topic not started) or ``consolidate``; ``count`` questions.

    :ivar reason: why, in English; :ivar code: the reason's language-neutral code (a key
        of ``_REASONS``) and :ivar values: its values, for :meth:`describe`.
    """

    kind: str
    topic: str
    count: int
    reason: str
    code: str = ""
    values: dict = field(default_factory=dict)

    def describe(self, language: str = "en") -> str:
        """Why this session is planned, in ``language`` (``en`` or ``zh``)."""
        if self.code not in _REASONS:
            return self.reason
        template = _REASONS[self.code][1 if language == "zh" else 0]
        values = dict(self.values)
        if "trend" in values:
            values["trend"] = _WORDS["zh" if language == "zh" else "en"][values["trend"]]
        if isinstance(values.get("value"), str):
            values["value"] = topic_name(values["value"], language)
        if isinstance(values.get("topics"), list):
            values["topics"] = ("、" if language == "zh" else ", ").join(
                topic_name(t, language) for t in values["topics"])
        if isinstance(values.get("system"), str):
            values["system"] = facet_name(values["system"], language)
        return template.format(**values)


def _session(kind: str, topic: str, count: int, code: str, **values) -> PlannedSession:
    return PlannedSession(kind, topic, count, "", code, values)


@dataclass
class PlanDay:
    """The sessions planned for ``day``."""

    day: date
    sessions: list[PlannedSession] = field(default_factory=list)


def topo_order(topics: list[str], graph: dict[str, list[str]]) -> list[str]:
    """``topics`` ordered so that every topic comes after the topics it requires (among
    ``topics`` and, transitively, anything in ``graph``), keeping the given order
    otherwise (a stable depth-first topological sort)."""
    out: list[str] = []
    seen: set[str] = set()

    def visit(t: str, stack: tuple) -> None:
        if t in seen or t in stack:
            return
        for r in graph.get(t, []):
            visit(r, stack + (t,))
        seen.add(t)
        out.append(t)
    for t in topics:
        visit(t, ())
    wanted = set(topics) | {r for t in topics for r in _closure(t, graph)}
    return [t for t in out if t in wanted]


def _closure(t: str, graph: dict[str, list[str]]) -> set[str]:
    out: set[str] = set()
    todo = list(graph.get(t, []))
    while todo:
        r = todo.pop()
        if r not in out:
            out.add(r)
            todo.extend(graph.get(r, []))
    return out


#: The order systems are usually taught in an integrated curriculum: foundations
#: (immunology, pharmacology, infectious disease) before the organ systems, circulation and
#: breathing before the systems that build on them, mind and skin last. The order of
#: :data:`~eduapp.domain.SYSTEMS` (the blueprint grid's) is used after these; any other
#: system comes after all of them, by name.
CURRICULUM_SYSTEMS = ("anatomy", "physiology", "biochemistry", "genetics", "immunology",
                      "pathology", "microbiology", "pharmacology", "infectious disease",
                      "cardiology", "respiratory", "nephrology", "gastroenterology",
                      "endocrine", "haematology", "neurology", "musculoskeletal",
                      "reproductive", "rheumatology", "oncology", "dermatology", "psychiatry")


@dataclass
class TopicPlace:
    """Where a new topic comes in the learning order and why: ``code`` is a key of
    ``_REASONS`` (``before``, ``after``, ``weak-system``, ``next-system`` or
    ``unstarted``) with its ``values``."""

    topic: str
    code: str
    values: dict = field(default_factory=dict)


def learning_order(topics: list[str], graph: dict[str, list[str]],
                   systems: dict[str, str] | None = None,
                   system_mastery: dict[str, float] | None = None,
                   available: dict[str, int] | None = None) -> list[TopicPlace]:
    """New (not started) ``topics`` in the order to learn them, each with its reason.

    Rule: topics are grouped by their system (``systems``: ``{topic: system}``); systems
    the student has answered come first, weakest mastery first (``system_mastery``:
    ``{system: 0..1}``), then the others in :data:`CURRICULUM_SYSTEMS` order. Within a
    system, topics more others require come first, then topics with more questions
    (``available``), then by name (case ignored). Last, every topic is moved after its prerequisites
    (``graph``: ``{topic: [topics it requires]}``, :func:`topo_order`), so a
    prerequisite is never planned after a topic that builds on it.

    :returns: one :class:`TopicPlace` per topic of ``topics`` (only those), in order.
    """
    systems = systems or {}
    mastery = system_mastery or {}
    available = available or {}
    wanted = set(topics)
    needed_by: dict[str, list[str]] = {}
    for t in topics:
        for r in graph.get(t, []):
            needed_by.setdefault(r, []).append(t)
    curriculum = {s: i for i, s in enumerate(CURRICULUM_SYSTEMS)}
    for s in SYSTEMS:
        curriculum.setdefault(s, len(curriculum))

    def system_key(t: str) -> tuple:
        sys_ = (systems.get(t) or "").strip().lower()
        if sys_ in mastery:
            return (0, mastery[sys_], sys_)
        return (1, curriculum.get(sys_, len(curriculum)), sys_)

    ranked = sorted(topics, key=lambda t: (system_key(t), -len(needed_by.get(t, [])),
                                           -int(available.get(t, 0)), t.casefold(), t))
    ordered = [t for t in topo_order(ranked, graph) if t in wanted]
    out: list[TopicPlace] = []
    for t in ordered:
        sys_ = (systems.get(t) or "").strip().lower()
        requires = [r for r in graph.get(t, []) if r in wanted]
        if needed_by.get(t):
            out.append(TopicPlace(t, "before", {"topics": sorted(needed_by[t])[:3]}))
        elif requires:
            out.append(TopicPlace(t, "after", {"topics": sorted(requires)[:3]}))
        elif sys_ in mastery:
            out.append(TopicPlace(t, "weak-system", {"system": sys_,
                                                     "mastery": mastery[sys_]}))
        elif sys_:
            out.append(TopicPlace(t, "next-system", {"system": sys_}))
        else:
            out.append(TopicPlace(t, "unstarted"))
    return out


def learning_path(conn, profile_id: int, bank_topics: list[str], graph: dict[str, list[str]],
                  now: float, *, days: int = 7, exam_date: float | None = None,
                  per_day: int = 40, available: dict[str, int] | None = None,
                  systems: dict[str, str] | None = None) -> list[PlanDay]:
    """An ordered plan of topics and sessions for the coming days.

    Order of work: topics needing work are the weak areas (weakest first), then topics in
    the bank the student has not started, in the learning order of :func:`learning_order`
    (by system, weakest system first, then the curriculum's order; each session says
    why), then topics below 0.75 mastery; any topic's
    unmastered prerequisites (mastery < 0.75 or not started) are put before it
    (:func:`topo_order`). Each day starts with all the reviews due that day (FSRS; on the
    first day the deck's "due today"), then fills the rest of ``per_day`` questions with topic sessions of half of it each (two), or
    with more, smaller sessions when the bank holds fewer questions on a topic (at most
    :data:`PLAN_TOPICS_PER_DAY` topics a day, each at most once). With an exam date the plan
    runs up to the exam (at most 60 days); the last day before it is a mixed consolidation
    of the weakest topics.

    :param per_day: questions per day. :param exam_date: epoch seconds or ``None``.
    :param systems: ``{topic: system}`` for the learning order of new topics.
    :param available: ``{topic: questions the student can be served}``; a day never plans
        more questions on a topic than that, and a topic with none is left out
        (``None``: no limit, for callers without a bank).
    :returns: one :class:`PlanDay` per day, starting today.
    """
    today = day_number(now)
    if exam_date:
        days = max(1, min(60, day_number(exam_date) - today))

    def room(topic: str) -> int:
        return per_day if available is None else int(available.get(topic, 0))
    areas = {a.value: a for a in area_stats(conn, profile_id, "topic") if a.value}
    weak = [w.stats.value for w in weak_areas(conn, profile_id, limit=50) if room(w.stats.value)]
    system_mastery = {a.value.strip().lower(): a.mastery
                      for a in area_stats(conn, profile_id, "system") if a.value}
    places = {p.topic: p for p in learning_order(
        [t for t in bank_topics if t and t not in areas], graph, systems, system_mastery,
        available)}
    unstarted = list(places)
    shaky = sorted((a for a in areas.values() if a.value not in weak and a.mastery < 0.75),
                   key=lambda a: a.mastery)
    wanted = weak + unstarted + [a.value for a in shaky]
    ordered = topo_order(wanted, graph)
    ordered = [t for t in ordered if (t in wanted or t not in areas or areas[t].mastery < 0.75)
               and room(t)]
    end_of_today = datetime.combine(date.fromordinal(today) + timedelta(days=1),
                                    datetime.min.time()).timestamp()
    due = dict(conn.execute(
        "SELECT CASE WHEN due <= ?1 THEN 0 ELSE CAST((due - ?1) / 86400 AS INTEGER) + 1 END, "
        "COUNT(*) FROM cards WHERE profile_id = ?2 AND due <= ?3 GROUP BY 1",
        (end_of_today, profile_id, end_of_today + (days - 1) * 86400)))
    plan: list[PlanDay] = []
    queue = list(ordered)
    for i in range(days):
        pd = PlanDay(date.fromordinal(today + i))
        # every card due that day (the deck's "due today" on day one, one number for
        # the header and the plan), then topic sessions in the rest of ``per_day``
        n_due = due.get(i, 0)
        if n_due:
            pd.sessions.append(_session("review", "", n_due, "due"))
        left = max(0, per_day - n_due)
        if exam_date and i == days - 1 and days > 1:
            for t in [t for t in (weak or ordered) if room(t)][:3]:
                pd.sessions.append(_session("consolidate", t, min(room(t), max(5, left // 3)),
                                            "exam"))
            plan.append(pd)
            continue
        planned: dict[str, int] = {}
        target, budget = max(5, left // 2), left
        while budget > 0 and len(planned) < PLAN_TOPICS_PER_DAY:
            if not queue:
                queue = [t for t in (weak or ordered) if t not in planned]
                if not queue:
                    break
            t = queue.pop(0)
            if t in planned:
                continue
            count = min(target, room(t), budget)
            if count <= 0:
                continue
            planned[t] = count
            budget -= count
            kind = "weak" if t in weak else "new" if t not in areas else "consolidate"
            if t in weak:
                a = areas[t]
                s = _session(kind, t, count, "weak", value=t, acc=a.accuracy, n=a.n,
                             trend=a.trend)
            elif t in places:
                s = _session(kind, t, count, places[t].code, **places[t].values)
            elif t not in areas:
                s = _session(kind, t, count, "unstarted")
            else:
                s = _session(kind, t, count, "mastery", mastery=areas[t].mastery)
            pd.sessions.append(s)
        plan.append(pd)
    for pd in plan:
        for s in pd.sessions:
            s.reason = s.describe("en")
    return plan


def now() -> float:
    """Epoch seconds (the default clock)."""
    return time.time()
