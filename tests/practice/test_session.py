"""Sessions: tutor and timed modes, sets as units, short answers, resume, bad input."""

import pytest

from eduapp.errors import ValidationError
from eduapp.practice import (Mark, PracticeService, PracticeStore, SessionDamagedError,
                             TestSpec)


def _answer_all(session, clock, option=0, seconds=30):
    for _ in range(len(session)):
        clock.advance(seconds)
        q = session.question()
        if q.item.type == "short":
            session.select("adrenaline")
        else:
            session.choose_option(option)
        if session.mode == "tutor":
            session.check()
        session.next()


def test_tutor_mode_feedback_at_once(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], topics=["renal acid-base"], count=5,
                                        seed=1))
    assert len(s) == 5
    clock.advance(20)
    s.choose_option(1)
    fb = s.check()
    assert fb.correct is False and fb.score == 0
    assert [o.correct for o in fb.options][:2] == [True, False]
    assert fb.options[1].chosen and fb.options[0].explanation == "why Aspirin"
    assert fb.explanation == "Aspirin lowers mortality."
    # the attempt, card and aggregates are stored at once
    attempts = service.store.attempts(student)
    assert len(attempts) == 1 and attempts[0]["correct"] == 0
    assert attempts[0]["seconds"] == pytest.approx(20)
    assert attempts[0]["response"] == [1] and attempts[0]["choice"] == 1
    assert service.due_queue(student) == []          # Again -> due in a minute
    clock.advance(61)
    assert service.due_queue(student) == [s.items[0].uid]
    # checking twice does not record twice
    s.check()
    assert len(service.store.attempts(student)) == 1


def test_multi_choice_toggles(service, student):
    s = service.start(student, TestSpec(count=1, types=["sba"], seed=3))
    assert s.choose_option(2) == [2]
    assert s.choose_option(3) == [3]       # single answer replaces


def test_case_set_shows_shared_vignette_with_each_question(service, student):
    s = service.start(student, TestSpec(topics=["cardiology"], count=15, seed=2))
    views = [s.question(i) for i in range(len(s))]
    case = [v for v in views if v.set_kind == "case"]
    assert len(case) == 2
    assert all("crushing chest pain" in v.set_vignette for v in case)
    assert [v.set_position for v in case] == [0, 1] and case[0].set_size == 2
    assert case[1].index == case[0].index + 1           # a set practises as a unit


def test_b1_set_shows_shared_options(service, student):
    s = service.start(student, TestSpec(topics=["renal"], count=1, seed=2))
    assert len(s) == 2                                  # asked for 1, got the whole set
    q = s.question(0)
    assert q.set_kind == "shared_options"
    assert [o.text for o in q.shared_options][:2] == ["Furosemide", "Spironolactone"]


def test_flags_strikes_and_navigation_persist(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], count=4, seed=5))
    assert s.toggle_flag() is True
    assert s.toggle_strike(3) == [3]
    s.next()
    s.next()
    s.previous()
    again = service.load_session(s.uid)
    assert again.index == 1
    assert again.question(0).flagged and again.question(0).struck == [3]
    # a flag joins the flagged pool
    flagged = service.start(student, TestSpec(pools=["flagged"], count=10))
    assert [i.uid for i in flagged.items] == [s.items[0].uid]


def test_resume_after_crash_exactly_where_it_stopped(service, student, clock, data_dir):
    s = service.start(student, TestSpec(types=["sba"], count=6, seed=4))
    for _ in range(3):
        clock.advance(10)
        s.choose_option(0)
        s.check()
        s.next()
    s.choose_option(2)                     # chosen, not yet checked
    uid, items = s.uid, [i.uid for i in s.items]
    # "crash": drop every object without closing, open a new store on the same file
    fresh = PracticeService(service.bank, PracticeStore.open_in(data_dir), clock=clock,
                            fuzz=False)
    resumed = fresh.resume(student)
    assert resumed.uid == uid and [i.uid for i in resumed.items] == items
    assert resumed.index == 3 and resumed.question().response == [2]
    assert [n["checked"] for n in resumed.navigator()] == [True] * 3 + [False] * (len(resumed) - 3)
    assert len(fresh.store.attempts(student)) == 3
    fresh.close()


def test_timed_mode_submit_then_review(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], count=4, mode="timed",
                                        seconds_per_question=60, seed=9))
    assert s.remaining() == 240
    with pytest.raises(ValidationError, match="marked when it is submitted"):
        s.check([0])
    clock.advance(30)
    s.choose_option(0)
    assert s.question().feedback is None              # no feedback in timed mode
    s.toggle_flag()
    s.next()
    clock.advance(30)
    s.choose_option(1)
    assert s.remaining() == pytest.approx(180)
    nav = s.navigator()
    assert nav[0] == {"answered": True, "flagged": True, "checked": False, "correct": None,
                      "score": None}
    feedback = s.submit()
    assert [f.correct for f in feedback] == [True, False, False, False]
    assert s.results()["correct"] == 1 and s.results()["answered"] == 2
    assert len(service.store.attempts(student)) == 4   # unanswered count as wrong
    with pytest.raises(ValidationError):
        s.choose_option(0)
    assert service.load_session(s.uid).question(1).feedback.correct is False


def test_timer_expiry_submits(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], count=2, mode="timed",
                                        seconds_per_question=30, seed=1))
    s.choose_option(0)
    clock.advance(59)
    assert s.tick() == pytest.approx(1)
    clock.advance(5)
    assert s.tick() == 0 and s.status == "submitted"
    assert len(service.store.attempts(student)) == 2


def test_idle_time_is_capped(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], count=1))
    clock.advance(8 * 3600)
    s.choose_option(0)
    s.check()
    assert service.store.attempts(student)[0]["seconds"] == 600


def test_short_answer_self_marking_offline(service, student, clock):
    s = service.start(student, TestSpec(types=["short"], count=1))
    fb = s.check("give oxygen")
    assert fb.score is None and fb.marked_by == "pending"
    assert "0.5 mg IM" in fb.model_answer and fb.rubric == "drug; dose; route"
    assert service.store.attempts(student) == []     # recorded when marked
    fb = s.self_mark(0.5)
    assert fb.score == 0.5 and fb.marked_by == "self"
    assert service.store.attempts(student)[0]["marked_by"] == "self"


def test_short_answer_exact_match_marks_itself(service, student):
    s = service.start(student, TestSpec(types=["short"], count=1))
    assert s.check("Adrenaline.").score == 1.0


class FakeLLMMarker:
    def mark(self, item, answer, language="en"):
        return Mark(score=0.4, missing=["dose", "route"], comment="Drug right.", by="llm")


def test_llm_mark_and_student_disagreement_kept_apart(service, student):
    service.marker = FakeLLMMarker()
    s = service.start(student, TestSpec(types=["short"], count=1))
    fb = s.check("epinephrine")
    assert fb.score == 0.4 and fb.missing == ["dose", "route"] and fb.marked_by == "llm"
    fb = s.self_mark(1.0)
    assert fb.score == 0.4 and fb.student_score == 1.0
    a = service.store.attempts(student)[0]
    assert a["score"] == 0.4 and a["student_score"] == 1.0


def test_llm_marker_falls_back_when_provider_down(monkeypatch):
    from eduapp.errors import LLMUnavailableError
    from eduapp.practice import LLMMarker
    from tests.conftest import make_sba
    import eduapp.llm

    def down(*a, **kw):
        raise LLMUnavailableError("no provider")
    monkeypatch.setattr(eduapp.llm, "complete_json", down)
    assert LLMMarker(profile=None).mark(make_sba(), "x").by == "pending"


def test_item_deleted_from_bank_mid_session(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], topics=["renal acid-base"], count=3,
                                        seed=1))
    service.bank.delete_items([service.bank.get_item_by_uid(s.items[1].uid).id])
    resumed = service.load_session(s.uid)
    assert resumed.question(1).removed and not resumed.question(0).removed
    _answer_all(resumed, clock)
    assert len(service.store.attempts(student)) == 3  # the session went on; nothing lost


def test_damaged_session_state_ends_cleanly(service, student):
    s = service.start(student, TestSpec(types=["sba"], count=2))
    s.choose_option(0)
    s.check()
    with service.store.transaction() as conn:
        conn.execute("UPDATE sessions SET state = '{\"answers\": 3' WHERE uid = ?", (s.uid,))
    with pytest.raises(SessionDamagedError) as e:
        service.resume(student)
    assert "answers already recorded are kept" in str(e.value)
    assert service.resume(student) is None
    assert len(service.store.attempts(student)) == 1


@pytest.mark.parametrize("spec, message", [
    (TestSpec(pools=["nonsense"]), "unknown question pool"),
    (TestSpec(count=0), "1 to 300"),
    (TestSpec(topics=["nothing here"]), "no questions match"),
])
def test_bad_specs(service, student, spec, message):
    with pytest.raises(ValidationError, match=message):
        service.start(student, spec)


def test_pools_unused_incorrect_due(service, student, clock):
    s = service.start(student, TestSpec(types=["sba"], topics=["renal acid-base"], count=5,
                                        seed=1))
    for k in range(5):
        s.choose_option(0 if k < 3 else 1)           # two wrong
        s.check()
        s.next()
    wrong = {i.uid for i in s.items[3:]}
    inc = service.start(student, TestSpec(pools=["incorrect"], count=20))
    assert {i.uid for i in inc.items} == wrong
    unused = service.start(student, TestSpec(pools=["unused"], types=["sba"], count=50))
    assert not {i.uid for i in unused.items} & {i.uid for i in s.items}
    clock.advance(120)
    due = service.start(student, TestSpec(pools=["due"], count=20))
    assert {i.uid for i in due.items} == wrong       # Again -> due after a minute


def test_session_snapshot_survives_bank_edit(service, student):
    s = service.start(student, TestSpec(types=["sba"], count=1))
    item = service.bank.get_item_by_uid(s.items[0].uid)
    item.stem = "Edited stem"
    service.bank.save_item(item)
    assert service.load_session(s.uid).question().item.stem != "Edited stem"
