"""Mastery, dashboard, weak areas, percentile, recommendations, learning path."""

import math
from datetime import date

import pytest

from eduapp.domain import Document
from eduapp.errors import ValidationError
from eduapp.practice import TestSpec
from eduapp.practice.aggregates import (K_FACTOR, day_number, item_logit_difficulty,
                                        update_aggregates)
from eduapp.practice.analytics import area_stats, topo_order

from .conftest import T0


def _facets(topic="renal"):
    return {"topic": topic, "system": "nephrology", "discipline": "physiology",
            "bloom": "apply"}


def test_elo_mastery_known_answers(service, student):
    with service.store.transaction() as conn:
        update_aggregates(conn, student, T0, 1.0, 30, _facets(), 0.5)   # b = 0
        (a,) = area_stats(conn, student, "topic")
        assert a.mastery == pytest.approx(1 / (1 + math.exp(-0.2)))      # theta 0.4 * 0.5
        update_aggregates(conn, student, T0 + 60, 0.0, 50, _facets(), 0.9)  # easy, wrong
        (a,) = area_stats(conn, student, "topic")
    b = math.log(0.1 / 0.9)
    theta = 0.2 - K_FACTOR / (1 + math.exp(-(0.2 - b)))
    assert theta == pytest.approx(-0.1666, abs=1e-3)
    assert a.mastery == pytest.approx(1 / (1 + math.exp(-theta)))
    assert a.n == 2 and a.accuracy == 0.5 and a.mean_seconds == 40


def test_hard_right_answers_raise_mastery_more():
    def after(p):
        b = item_logit_difficulty(p)
        return K_FACTOR * (1 - 1 / (1 + math.exp(b)))
    assert after(0.3) > after(0.9)
    assert item_logit_difficulty(None) == pytest.approx(math.log(0.4 / 0.6))


def _answer(service, student, clock, topic, pattern, days_apart=0.0):
    for k, right in enumerate(pattern):
        with service.store.transaction() as conn:
            update_aggregates(conn, student, clock.advance(60 + days_apart * 86400),
                              float(right), 40, _facets(topic), 0.6)


def test_weak_area_in_words(service, student, clock):
    _answer(service, student, clock, "Renal acid-base", [1] * 6 + [0] * 16)
    _answer(service, student, clock, "Cardiology", [1] * 10)
    weak = service.weak_areas(student)
    assert [w.stats.value for w in weak] == ["Renal acid-base"]
    assert weak[0].sentence() == "Renal acid-base: 27% over 22 items, falling"
    assert weak[0].sentence("zh") == "Renal acid-base：22 题正确率 27%，下降"


def test_dashboard_trend_streak_heatmap_due(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], topics=["renal acid-base"], count=5,
                                        seed=1))
    for day in range(3):
        clock.advance(86400)
        s.choose_option(0 if day != 1 else 1)
        s.check()
        s.next()
    d = service.dashboard(student, days=7)
    assert d.attempts == 3 and d.accuracy == pytest.approx(2 / 3)
    assert len(d.trend) == 7 and d.trend[-1][1] == 1 and d.trend[-2][2] == 0.0
    assert d.trend[0][1] == 0 and d.trend[0][2] is None
    assert d.streak == 3 and d.longest_streak == 3
    assert d.heatmap_topics == ["renal acid-base"] and len(d.heatmap_weeks) == 8
    assert [a.value for a in d.areas["bloom"]] == ["apply"]
    assert d.due_by_day[0][0] == date.fromordinal(day_number(clock()))
    assert d.due_now == service.deck(student).due_now >= 1
    clock.advance(3 * 86400)
    assert service.dashboard(student).streak == 0


def test_percentile_against_class(service, clock):
    ids = [service.create_profile(f"S{i}") for i in range(4)]
    for i, pid in enumerate(ids):
        _answer(service, pid, clock, "renal", [1] * (i + 1) * 3 + [0] * (12 - (i + 1) * 3))
    d = [service.dashboard(pid).percentile for pid in ids]
    assert d == [12.5, 37.5, 62.5, 87.5]


def test_recommendation_uses_due_and_weak(service, student, clock):
    _answer(service, student, clock, "renal acid-base", [0] * 8)
    s = service.start(student, TestSpec(types=["sba"], topics=["cardiology"], count=1, seed=2))
    s.choose_option(3)
    s.check()
    clock.advance(120)
    rec = service.recommend(student)
    assert rec.spec.topics == ["renal acid-base"] and rec.spec.uids == [s.items[0].uid]
    assert rec.reasons[0] == "1 reviews due"
    session = service.start(student, rec.spec)
    assert session.items[0].uid == s.items[0].uid


def test_resources_link_documents(service):
    service.bank.save_document(Document(kind="notes", title="Acid-base lecture",
                                        topic="renal acid-base", body="# Anion gap"))
    service.bank.save_document(Document(kind="handout", title="ABG cheat sheet",
                                        topic="renal acid-base"))
    r = service.resources("renal acid-base")
    assert [d.title for d in r["notes"]] == ["Acid-base lecture"]
    assert [d.title for d in r["handout"]] == ["ABG cheat sheet"] and r["case"] == []


def test_topo_order_puts_prerequisites_first():
    graph = {"acid-base": ["renal physiology"], "renal physiology": ["cell biology"]}
    assert topo_order(["acid-base", "cardiology"], graph) == [
        "cell biology", "renal physiology", "acid-base", "cardiology"]


def test_prerequisite_cycle_refused(service):
    service.store.set_prerequisites("b", ["a"])
    with pytest.raises(ValidationError, match="circle"):
        service.store.set_prerequisites("a", ["b"])
    assert service.store.prerequisites() == {"b": ["a"]}


def test_learning_path_weak_first_with_prerequisites_and_exam(service, student, clock):
    from tests.conftest import make_sba
    for i in range(6):  # a topic is planned only when the bank has questions on it
        service.bank.save_item(make_sba(f"Physiology {i}?", topic="renal physiology",
                                        status="approved"))
    _answer(service, student, clock, "renal acid-base", [0] * 8)
    _answer(service, student, clock, "renal physiology", [1, 0, 0, 1, 0, 0])
    service.store.set_prerequisites("renal acid-base", ["renal physiology"])
    plan = service.learning_path(student, days=5)
    assert len(plan) == 5
    topics = [s.topic for d in plan for s in d.sessions if s.kind != "review"]
    assert topics.index("renal physiology") < topics.index("renal acid-base")
    assert "immunology" in topics                      # a bank topic not started yet
    service.store.update_profile(student, exam_date=clock() + 3 * 86400)
    plan = service.learning_path(student)
    assert len(plan) == 3
    assert {s.kind for s in plan[-1].sessions} <= {"consolidate", "review"}


def test_rebuild_matches_incremental(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], count=8, seed=3))
    for k in range(len(s)):
        clock.advance(3600 * 7)
        s.choose_option(k % 2)
        s.check()
        s.next()
    from eduapp.practice.aggregates import rebuild_aggregates

    def snap(conn):
        return [sorted(conn.execute(f"SELECT * FROM {t} WHERE profile_id = ?", (student,)))
                for t in ("daily_stats", "totals", "item_status")]
    with service.store.transaction() as conn:
        before = snap(conn)
        rebuild_aggregates(conn, student)
        after = snap(conn)
    for b, a in zip(before, after):
        assert len(b) == len(a)
        for rb, ra in zip(b, a):
            assert [x for x in rb if isinstance(x, str)] == [x for x in ra if isinstance(x, str)]
            assert [x for x in rb if not isinstance(x, str)] == pytest.approx(
                [x for x in ra if not isinstance(x, str)])
