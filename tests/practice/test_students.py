"""What students are served and how their plan, cards and highlights behave: served review
statuses, question counts, the study plan's per-topic cap, the student's own FSRS rating,
stem highlights, the tutor's model status and the lab-values table."""

from __future__ import annotations

import pytest

from eduapp.domain import Item, Option
from eduapp.errors import ValidationError
from eduapp.practice import PracticeService, PracticeStore, TestSpec, builder
from eduapp.practice.labvalues import GROUPS, LAB_VALUES, lab_values
from tests.conftest import make_case_set, make_sba


@pytest.fixture
def mixed_bank(bank):
    """One item in each review status (topic = its status) and a case set whose second
    member is still a draft."""
    for status in ("draft", "reviewed", "approved", "retired"):
        bank.save_item(make_sba(f"A {status} question?", topic=status, status=status))
    case = make_case_set()
    case.items[0].status = "approved"
    case.items[1].status = "draft"
    for it in case.items:
        it.topic = "case"
    bank.save_set(case)
    return bank


def _service(bank, data_dir, clock, allow=False):
    return PracticeService(bank, PracticeStore.open_in(data_dir), clock=clock, fuzz=False,
                           allow_reviewed=lambda: allow)


@pytest.mark.parametrize("allow, served", [
    (False, {"approved", "case"}),
    (True, {"approved", "reviewed", "case"}),
])
def test_only_approved_items_by_default(mixed_bank, data_dir, clock, allow, served):
    svc = _service(mixed_bank, data_dir, clock, allow)
    pid = svc.create_profile("Li Wei")
    session = svc.start(pid, TestSpec(count=50))
    assert {i.topic for i in session.items} == served
    assert all(i.status in builder.served_statuses(allow) for i in session.items)
    # the case set brings only its served member, never the draft
    assert [i.stem for i in session.items if i.topic == "case"] == [
        "What is the most likely diagnosis?"]
    svc.close()


def test_named_items_are_filtered_too(mixed_bank, data_dir, clock):
    """A review queue or a recommendation naming a draft does not serve it."""
    svc = _service(mixed_bank, data_dir, clock)
    pid = svc.create_profile("Li Wei")
    draft = [i for i in mixed_bank.search("draft question", limit=5)][0]
    session = svc.start(pid, TestSpec(uids=[draft.uid], topics=["approved"], count=5))
    assert draft.uid not in {i.uid for i in session.items}
    with pytest.raises(ValidationError):
        builder.choose(mixed_bank, svc.store, pid, TestSpec(), clock(), ("draft",))
    svc.close()


def test_question_counts_per_topic_follow_language_and_status(mixed_bank, data_dir, clock):
    mixed_bank.save_item(make_sba("一个问题？", topic="approved", status="approved",
                                  language="zh"))
    svc = _service(mixed_bank, data_dir, clock)
    counts = svc.question_counts("topic")
    assert counts == {"approved": 2, "case": 1}
    assert svc.question_counts("topic", ["zh"]) == {"approved": 1}
    assert _service(mixed_bank, data_dir, clock, True).question_counts("topic")["reviewed"] == 1
    svc.close()


def test_plan_never_asks_more_per_day_than_the_bank_has(service, student, clock):
    plan = service.learning_path(student, days=7, per_day=40)
    available = service.question_counts("topic")
    for day in plan:
        per_topic: dict[str, int] = {}
        for s in day.sessions:
            if s.topic:
                per_topic[s.topic] = per_topic.get(s.topic, 0) + s.count
        for topic, n in per_topic.items():
            assert n <= available[topic], (day.day, topic, n)
    assert any(s.topic == "immunology" and s.count == 1 for d in plan for s in d.sessions)


def test_plan_reasons_in_both_languages(service, student):
    plan = service.learning_path(student, days=2)
    s = next(s for d in plan for s in d.sessions if s.kind == "new")
    assert s.code == "next-system" and s.describe("en") == s.reason
    assert s.reason.startswith("new; next in ")
    assert s.describe("zh").startswith("新主题；") and "next" not in s.describe("zh")


def test_student_rating_reschedules_the_card(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], topics=["cardiology"], count=1))
    clock.advance(40)  # Good for a plain item (60 s expected) and for a vignette (90 s)
    s.choose_option(0)
    s.check()
    q = s.question()
    assert q.rateable and q.rating == 3                      # right in 40 s: Good

    def due():
        with service.store.lock:
            return service.store.conn.execute(
                "SELECT due, reps FROM cards WHERE profile_id = ?", (student,)).fetchone()
    good_due, reps = due()
    assert s.rate(1) == 1                                    # Again: due in minutes
    again_due, reps_again = due()
    assert again_due < good_due and reps_again == reps == 1  # replaced, not added
    s.rate(4)
    assert due()[0] > good_due                               # Easy: later than Good
    assert s.question().rating == 4
    with pytest.raises(ValidationError):
        s.rate(5)


def test_rating_needs_a_recorded_answer(service, student):
    s = service.start(student, TestSpec(types=["sba"], count=1))
    assert not s.question().rateable
    with pytest.raises(ValidationError):
        s.rate(3)


def test_highlights_toggle_merge_and_persist(service, student):
    s = service.start(student, TestSpec(types=["sba"], count=1))
    assert s.toggle_highlight(0, 4) == [(0, 4)]
    assert s.toggle_highlight(3, 8) == [(0, 8)]              # merged
    assert s.toggle_highlight(2, 5) == [(0, 2), (5, 8)]      # cleared inside
    again = service.load_session(s.uid)
    assert again.question().highlights == [(0, 2), (5, 8)]
    with pytest.raises(ValidationError):
        s.toggle_highlight(5, 5)


def test_tutor_status_names_the_model_or_says_why_none(tmp_path):
    from eduapp.llm.profiles import preset_profile
    from eduapp.workspace import Workspace
    ws = Workspace(str(tmp_path))
    try:
        st = ws.tutor_status()
        assert st.code == "embedded" and not st.available
        assert "too weak" in st.describe("en") and "能力太弱" in st.describe("zh")
        ws.update_settings(default_provider="gone")
        st = ws.tutor_status()
        assert st.code == "missing" and "“gone”" in st.describe("en")
        ws.providers.save(preset_profile("custom", "school",
                                                       base_url="http://127.0.0.1:9/v1",
                                                       model="qwen2.5-14b"))
        ws.update_settings(default_provider="school")
        st = ws.tutor_status()
        assert st.available and "school (qwen2.5-14b)" in st.describe("en")
        assert "school（qwen2.5-14b）" in st.describe("zh")
    finally:
        ws.close()


def test_lab_values_table_is_complete_and_searchable():
    assert len(LAB_VALUES) >= 50
    for v in LAB_VALUES:
        assert v.group in GROUPS and v.en and v.zh and v.si
        assert any("\u4e00" <= ch <= "\u9fff" for ch in v.zh) or v.zh == v.en  # pH, INR
    assert [v.en for v in lab_values("potassium")] == ["Potassium (K⁺)"]
    assert [v.en for v in lab_values("钾")] == ["Potassium (K⁺)"]
    assert {v.group for v in lab_values("脑脊液")} == {"csf"}
