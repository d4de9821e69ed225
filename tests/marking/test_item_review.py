"""Closing the loop: a sitting flags an item with evidence, a model drafts a rewrite
(scripted OpenAI-compatible server on loopback, the real client), a person accepts an
edited version or rejects it; the bank gets a new version, the past exam does not change."""

from __future__ import annotations

import random

import pytest

from eduapp.errors import ValidationError
from eduapp.exams import Blueprint, ExamStore, assemble, make_forms
from eduapp.marking import MarkingService, MarkingStore, SheetRead
from eduapp.marking.itemreview import suggestion_to_text, text_to_suggestion
from tests.exams.sample import fill_en
from tests.llm.scripted_server import answer, scripted_profile, scripted_server  # noqa: F401


@pytest.fixture
def flagged(bank, data_dir):
    return make_flagged_sitting(bank, data_dir)


def make_flagged_sitting(bank, data_dir):
    """A one-form exam of 8 single-answer items sat by 20 candidates; question 1 is
    answered right by the weakest half only, the strongest half chose one distractor.
    Returns ``(service, exam, the first FormQuestion)``."""
    fill_en(bank)
    r = assemble(bank, Blueprint.from_dict({"rows": [{"system": "respiratory",
                                                       "count": 8}]}), seed=1)
    make_forms(r.exam, 1)
    exam = r.exam
    ExamStore(bank).save(exam)
    svc = MarkingService(bank, MarkingStore.open_in(data_dir))
    sitting = svc.store.sitting(exam.id, exam.uid, exam.title)
    form = exam.form("A")
    rng = random.Random(3)
    first = form.questions[0]
    wrong = next(c for c in "ABCDE" if c != first.key)
    for n in range(20):
        strong = n < 10
        answers = {}
        for q in form.questions[1:]:
            right = rng.random() < (0.85 if strong else 0.35)
            answers[q.number] = q.key if right else next(c for c in "ABCDE" if c != q.key)
        answers[first.number] = wrong if strong else first.key
        svc.store.save_sheet(sitting, SheetRead(file="class.pdf", page=n + 1, exam_uid=exam.uid,
                                                form="A", candidate=f"{20240000 + n}",
                                                answers=answers))
    return svc, exam, first


REWRITE = {"stem": "Which drug is first line for an acute asthma attack in an adult?",
           "options": [{"text": t, "correct": k == 0} for k, t in enumerate(
               ["Salbutamol", "Montelukast", "Theophylline", "Omalizumab", "Cromoglicate"])],
           "explanation": "An inhaled short-acting beta-2 agonist relieves bronchospasm.",
           "rationale": "The upper group preferred a distractor that was arguably correct."}


def test_flagged_item_rewrite_accepted_as_a_new_version(flagged, scripted_server,
                                                        scripted_profile):
    svc, exam, first = flagged
    analysis, _ = svc.statistics(exam.id)
    assert analysis.candidates == 20
    (entry,) = [e for e in svc.item_queue(exam.id) if e.item.id == first.item_id]
    codes = [i["code"] for i in entry.evidence["issues"]]
    assert "negative_discrimination" in codes and "distractor_beats_key" in codes
    assert any("upper group" in r for r in entry.reasons)
    assert entry.rewrite is None
    before = svc.bank.get_item(first.item_id)

    scripted_server.script(answer(REWRITE))
    rw = svc.draft_rewrite(exam.id, first.item_id, scripted_profile)
    assert rw["status"] == "pending" and rw["suggestion"]["stem"] == REWRITE["stem"]
    prompt = scripted_server.requests[-1].body["messages"][1]["content"]
    assert "point-biserial" in prompt and "upper 27 % group" in prompt
    assert svc.bank.get_item(first.item_id).version == before.version  # nothing changed yet
    assert svc.item_queue(exam.id)[0].rewrite["id"] == rw["id"]

    text = suggestion_to_text(rw["suggestion"]).replace("Montelukast", "Ipratropium")
    edited = text_to_suggestion(text, rw["suggestion"]["rationale"])
    done = svc.decide_rewrite(rw["id"], "accept", edited=edited, by="Dr Li")
    assert done["status"] == "edited" and done["by"] == "Dr Li"
    after = svc.bank.get_item(first.item_id)
    assert after.version == before.version + 1 == done["new_version"]
    assert after.stem == REWRITE["stem"] and after.options[1].text == "Ipratropium"
    assert after.key_indices == [0]
    notes = {v.version: v.note for v in svc.bank.history(first.item_id)}
    assert notes[after.version].startswith(f"revised after the sitting of exam {exam.id}")
    # the past exam keeps the version it was sat with
    again = ExamStore(svc.bank).get(exam.id)
    assert again.items()[0].stem == before.stem and again.items()[0].version == before.version
    with pytest.raises(ValidationError, match="already edited"):
        svc.decide_rewrite(rw["id"], "reject")


def test_a_rewrite_can_be_rejected_and_a_malformed_one_is_refused(flagged, scripted_server,
                                                                  scripted_profile):
    svc, exam, first = flagged
    svc.statistics(exam.id)
    two_keys = dict(REWRITE, options=[dict(o, correct=True) for o in REWRITE["options"]])
    scripted_server.script(answer(two_keys))
    with pytest.raises(ValidationError, match="exactly one key"):
        svc.draft_rewrite(exam.id, first.item_id, scripted_profile)
    scripted_server.script(answer(REWRITE))
    rw = svc.draft_rewrite(exam.id, first.item_id, scripted_profile)
    version = svc.bank.get_item(first.item_id).version
    assert svc.decide_rewrite(rw["id"], "reject", by="Dr Li")["status"] == "rejected"
    assert svc.bank.get_item(first.item_id).version == version
    with pytest.raises(ValidationError, match="no options"):
        text_to_suggestion("just a stem")
