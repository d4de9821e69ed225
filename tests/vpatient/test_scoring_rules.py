"""The kinds of scoring fault the second tester tour found: an open first question phrased
colloquially, a management item credited in full for half of it, and which cases students
may play."""

from __future__ import annotations

import pytest

from eduapp.vpatient import CaseLibrary
from eduapp.vpatient.engine import is_open_opening, step_credit
from eduapp.vpatient.model import ManagementStep


@pytest.mark.parametrize("question", [
    "so whats been going on", "So what's been going on?", "what brings you in",
    "Okay, how can I help you today?", "right, talk me through it",
    "Hi there, I'm Dr Li, so what seems to be the problem", "tell me what happened",
    "哪里不舒服", "那您今天哪里不舒服？", "好，您说说怎么回事"])
def test_open_openings_are_recognised(question):
    assert is_open_opening(question)


@pytest.mark.parametrize("question", [
    "Do you have chest pain?", "Any chest pain?", "so, is the pain sharp?",
    "So do you smoke", "Hello", "您胸痛吗？", "有没有发烧？"])
def test_closed_questions_are_not_open(question):
    assert not is_open_opening(question)


@pytest.mark.parametrize("turns, credited", [
    (["so whats been going on"], True),
    (["Hello, I'm Dr Li.", "so whats been going on"], True),   # a greeting first
    (["Do you smoke?", "what brings you in"], False),          # closed first
])
def test_open_first_question_earns_the_communication_item(encounter, turns, credited):
    enc = encounter("chest-pain-en")
    for t in turns:
        enc.ask(t)
    report = enc.finish()
    comm = next(s for s in report.sections if s.id == "communication")
    item = next(i for i in comm.items if i.text == "Starts with an open question")
    assert item.done is credited
    assert (item.text in [m["text"] for m in report.missed]) is (not credited)


def test_chinese_open_first_question(encounter):
    enc = encounter("fever-child-zh")
    enc.ask("孩子哪里不舒服？")
    assert "skill:open_question" in enc.done


def test_step_credit_counts_essential_elements():
    step = ManagementStep("analgesia", "Analgesia: GTN and IV morphine with an antiemetic",
                          ["morphine", "gtn"],
                          [["gtn", "nitrate"], ["morphine", "opioid"],
                           ["antiemetic", "metoclopramide"]])
    assert step_credit(step, "GTN and IV morphine") == pytest.approx(2 / 3)
    assert step_credit(step, "gtn, morphine and metoclopramide") == 1.0
    assert step_credit(step, "aspirin") == 0.0
    plain = ManagementStep("aspirin", "Aspirin 300 mg", ["aspirin"])
    assert step_credit(plain, "give aspirin") == 1.0


def test_half_a_management_step_earns_part_of_its_weight(encounter):
    enc = encounter("chest-pain-en")
    enc.plan("aspirin 300 mg, ticagrelor, primary PCI, GTN and IV morphine")
    report = enc.finish()
    mgmt = next(s for s in report.sections if s.id == "management")
    analgesia = next(i for i in mgmt.items if i.id.endswith("analgesia") or
                     i.text.startswith("Analgesia"))
    assert not analgesia.done
    assert analgesia.credit == pytest.approx(2 / 3)
    assert mgmt.points == pytest.approx(mgmt.max_points - analgesia.weight / 3)
    assert "Analgesia: GTN and IV morphine with an antiemetic" in report.management["missed"]
    assert report.management["partial"]
    # naming the antiemetic later completes it (plans count together)
    enc2 = encounter("chest-pain-en")
    enc2.plan("GTN and IV morphine")
    enc2.plan("and metoclopramide")
    mgmt2 = next(s for s in enc2.finish().sections if s.id == "management")
    assert next(i for i in mgmt2.items if i.text.startswith("Analgesia")).done


def test_students_play_only_approved_cases(tmp_path, cases):
    from eduapp.bank import Bank
    bank = Bank(str(tmp_path / "bank.sqlite"))
    lib = CaseLibrary(bank)
    base = cases["chest-pain-en"].to_dict()
    from eduapp.vpatient import CaseScript
    for cid, status in (("draft-case", "draft"), ("reviewed-case", "reviewed"),
                        ("approved-case", "approved")):
        lib.save(CaseScript.from_dict({**base, "id": cid, "status": status}))
    # a draft edit of a shipped case leaves the shipped version playable
    lib.save(CaseScript.from_dict({**base, "title": "draft edit", "status": "draft"}))
    ids = [c.id for c in lib.student_cases()]
    assert "draft-case" not in ids and "reviewed-case" not in ids
    assert "approved-case" in ids
    shipped = next(c for c in lib.student_cases() if c.id == "chest-pain-en")
    assert shipped.title != "draft edit"
    with_reviewed = [c.id for c in lib.student_cases(allow_reviewed=True)]
    assert "reviewed-case" in with_reviewed and "draft-case" not in with_reviewed
    assert "draft-case" in [c.id for c in lib.cases()]  # the teacher sees every case
