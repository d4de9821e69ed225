"""The learning order of new topics (prerequisites first, grouped by system, weakest
system first, then the curriculum's order, each with its reason), session lengths that
keep the count asked for, and one "due" number for the deck and the plan."""

from __future__ import annotations

from eduapp.practice import PracticeService, PracticeStore, TestSpec
from eduapp.practice.analytics import learning_order
from tests.conftest import make_case_set, make_sba


def test_prerequisites_come_first_then_systems_in_curriculum_order():
    topics = ["acute kidney injury", "asthma", "heart failure", "pharmacokinetics",
              "renal physiology"]
    systems = {"acute kidney injury": "nephrology", "renal physiology": "nephrology",
               "asthma": "respiratory", "heart failure": "cardiology",
               "pharmacokinetics": "pharmacology"}
    graph = {"acute kidney injury": ["renal physiology"], "heart failure": ["pharmacokinetics"]}
    places = learning_order(topics, graph, systems)
    order = [p.topic for p in places]
    # pharmacology before the organ systems; cardiology, respiratory, nephrology after;
    # a prerequisite before the topic that builds on it (not alphabetical)
    assert order == ["pharmacokinetics", "heart failure", "asthma", "renal physiology",
                     "acute kidney injury"]
    why = {p.topic: p for p in places}
    assert why["renal physiology"].code == "before"
    assert why["acute kidney injury"].code == "after"
    assert why["asthma"].code == "next-system"
    from eduapp.practice.analytics import PlannedSession
    s = PlannedSession("new", "renal physiology", 5, "", "before",
                       dict(why["renal physiology"].values))
    assert s.describe("en") == "new; learn it before acute kidney injury, which build on it"
    assert s.describe("zh").startswith("新主题；先学它")
    s = PlannedSession("new", "asthma", 5, "", "next-system", dict(why["asthma"].values))
    assert "呼吸系统" in s.describe("zh") and "Respiratory" in s.describe("en")


def test_the_weakest_system_the_student_works_on_comes_first():
    topics = ["asthma", "heart failure", "copd"]
    systems = {"asthma": "respiratory", "copd": "respiratory", "heart failure": "cardiology"}
    places = learning_order(topics, {}, systems, {"respiratory": 0.3, "cardiology": 0.8},
                            available={"copd": 9, "asthma": 2})
    assert [p.topic for p in places] == ["copd", "asthma", "heart failure"]
    assert places[0].code == "weak-system" and places[0].values["mastery"] == 0.3


def test_plan_orders_new_topics_by_learning_order(bank, data_dir, clock):
    for topic, system in (("angina", "cardiology"), ("beta blockers", "pharmacology"),
                          ("asthma", "respiratory")):
        for i in range(3):
            bank.save_item(make_sba(f"{topic} question {i}?", topic=topic, system=system,
                                    status="approved"))
    svc = PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False)
    pid = svc.create_profile("Li Wei")
    svc.store.set_prerequisites("angina", ["beta blockers"])
    plan = svc.learning_path(pid, days=3, per_day=6)
    new = [s.topic for d in plan for s in d.sessions if s.kind == "new"]
    assert new[:3] == ["beta blockers", "angina", "asthma"]
    reasons = {s.topic: s.reason for d in plan for s in d.sessions if s.kind == "new"}
    assert "before angina" in reasons["beta blockers"]
    svc.close()


def test_a_session_keeps_the_count_asked_for_when_sets_would_overflow(bank, data_dir, clock):
    for i in range(25):
        bank.save_item(make_sba(f"Single question {i}?", topic="mixed", status="approved"))
    for k in range(3):
        case = make_case_set(f"Case {k}: a man of 58 has crushing chest pain.")
        case.items.append(make_sba(f"Case {k} third question?"))
        case.attach()
        for it in case.items:
            it.topic, it.status = "mixed", "approved"
        bank.save_set(case)
    svc = PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False)
    pid = svc.create_profile("Li Wei")
    for seed in range(8):
        s = svc.start(pid, TestSpec(count=20, mode="timed", seed=seed))
        assert len(s) == 20, seed
        s.submit()
    svc.close()


def test_the_plan_counts_every_review_due_today_as_the_deck_does(bank, data_dir, clock):
    for i in range(30):
        bank.save_item(make_sba(f"Review question {i}?", topic="renal", status="approved"))
    svc = PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False)
    pid = svc.create_profile("Li Wei")
    s = svc.start(pid, TestSpec(count=30, mode="timed"))
    s.submit()                      # all unanswered: wrong, due again soon
    clock.advance(3 * 86400)
    deck = svc.deck(pid)
    assert deck.due_today > 20
    plan = svc.learning_path(pid, per_day=40)
    reviews = sum(x.count for x in plan[0].sessions if x.kind == "review")
    assert reviews == deck.due_today
    svc.close()
