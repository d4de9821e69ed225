"""The offline matcher on real-style student questions (written before the matcher was
run on them) and its behaviour at the edges: not understood, denied symptoms, typos."""

from __future__ import annotations

import pytest

from eduapp.vpatient import Matcher
from eduapp.vpatient.bench import QUESTIONS_DIR, evaluate, read_questions

CASE_IDS = ["chest-pain-en", "dyspnoea-en", "headache-en", "abdominal-pain-zh",
            "fever-child-zh", "polyuria-zh"]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_matcher_meets_the_targets_on_student_questions(cases, case_id):
    questions = read_questions(f"{QUESTIONS_DIR}/questions_{case_id}.tsv")
    assert len(questions) >= 40
    assert sum(1 for exp, _ in questions if exp) >= 40
    res = evaluate(cases[case_id], questions)
    assert res.right_share >= 0.90, res.failures
    assert res.wrong_share < 0.02, res.failures


@pytest.mark.parametrize("case_id, question, kind", [
    ("chest-pain-en", "What's the capital of France?", "unsure"),
    ("chest-pain-en", "Any rash?", "negative"),
    ("chest-pain-en", "Have you noticed any blood in your urine?", "negative"),
    ("abdominal-pain-zh", "你喜欢吃苹果吗？", "unsure"),
    ("abdominal-pain-zh", "有没有头疼？", "negative"),
    ("abdominal-pain-zh", "你叫什么名字？", "builtin"),
    ("chest-pain-en", "Good morning, I'm Dr Patel.", "skill"),
])
def test_what_is_not_in_the_script(cases, case_id, question, kind):
    m = Matcher(cases[case_id]).match(question)
    assert m.kind == kind and m.fact_ids == []


def test_spelling_slips_are_forgiven(cases):
    m = Matcher(cases["dyspnoea-en"]).match("Do you get breathles when you lie flaat?")
    assert m.fact_ids == ["orthopnoea"]
    m = Matcher(cases["chest-pain-en"]).match("Any palpitatons?")
    assert m.fact_ids == ["palpitations"]


def test_both_languages_work_in_every_case(cases):
    # a Chinese question in an English case and the reverse: the lexicon is bilingual
    assert Matcher(cases["chest-pain-en"]).match("你抽烟吗？").fact_ids == ["smoking"]
    assert Matcher(cases["abdominal-pain-zh"]).match("Any allergies?").fact_ids == ["allergies"]


def test_a_compound_question_reveals_both_facts(cases):
    m = Matcher(cases["chest-pain-en"]).match("Do you smoke, and how much alcohol do you drink?")
    assert set(m.fact_ids) == {"smoking", "alcohol"}
