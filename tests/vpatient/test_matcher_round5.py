"""Kinds of question found failing after held out 13 (matcher round 5), each tested with
NEW sentences that are in no question set: the fix covers the family of phrasings (both
languages, other cases), not the sentence that showed it."""

from __future__ import annotations

import dataclasses

import pytest

from eduapp.vpatient import Matcher


@pytest.mark.parametrize("case_id, question", [
    ("chest-pain-en", "Have you ever been operated on?"),
    ("headache-en", "Any surgery in the past?"),
    ("dyspnoea-en", "Have you had any operations apart from the heart?"),
    ("fever-child-zh", "宝宝以前开过刀吗？"),
])
def test_the_surgical_history_is_its_own_fact(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == ["surgery"]


@pytest.mark.parametrize("case_id, question", [
    ("chest-pain-en", "Have you ever been operated on?"),
    ("headache-en", "Any surgery in the past?"),
    ("fever-child-zh", "宝宝以前开过刀吗？"),
])
def test_a_past_history_silent_on_operations_does_not_answer_them(cases, case_id, question):
    case = cases[case_id]
    case = dataclasses.replace(case, facts=[f for f in case.facts if f.id != "surgery"])
    match = Matcher(case).match(question)
    assert match.fact_ids == [] and match.denied == "surgery"


def test_a_past_history_that_tells_the_operations_answers_them(cases):
    # polyuria-zh has no surgery fact; its past history ends "没做过手术"
    assert Matcher(cases["polyuria-zh"]).match("以前动过刀没有？").fact_ids == ["pmh"]


@pytest.mark.parametrize("case_id, question", [
    # a symptom named in a fact's topics that its answer never speaks of is not that
    # fact's: the breathless patient was never scripted to wheeze or sweat at night
    ("dyspnoea-en", "Have you been wheezy at all?"),
    ("dyspnoea-en", "Any night sweats lately?"),
    # snoring is not a rattly chest, and the sleep it happens in is not what is asked
    ("fever-child-zh", "宝宝晚上睡觉打呼吗？"),
    ("fever-child-zh", "他睡着了会打鼾吗"),
])
def test_symptoms_the_script_does_not_speak_of_are_denied(cases, case_id, question):
    match = Matcher(cases[case_id]).match(question)
    assert match.kind == "negative" and match.fact_ids == []


@pytest.mark.parametrize("case_id, question, fact", [
    # pain when pressed is told where the answer says so ("按着更疼"), not what makes
    # the pain worse in daily life
    ("abdominal-pain-zh", "我按一下这里，疼得更厉害吗？", "character"),
    ("abdominal-pain-zh", "压着的时候痛不痛？", "character"),
    # whether the complaint has eased over time is its course, not what relieves it
    ("chest-pain-en", "Has the pain let up at all since it started?", "duration"),
    ("chest-pain-en", "Has it settled at all since you called the ambulance?", "duration"),
    ("headache-en", "Has the headache eased off at all since it began?", "severity"),
    # "at any point" is a time, not a place
    ("chest-pain-en", "Did the GP mention a statin at any point?", "lipids"),
    # the calves are the legs the no-clot answer speaks of
    ("chest-pain-en", "Any tenderness in your calves?", "no_calf"),
])
def test_kinds_of_round_five(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question", [
    ("headache-en", "Is your scalp tender to touch?"),
    ("chest-pain-en", "Is your chest wall tender?"),
])
def test_tenderness_no_fact_speaks_of_is_not_the_character(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == []


def test_anything_that_eases_it_is_still_the_relief(cases):
    assert Matcher(cases["chest-pain-en"]).match(
        "Does anything ease it at all?").fact_ids == ["relieving"]


@pytest.mark.parametrize("case_id, question, facts", [
    # feeling faint is near-fainting, told with the loss of consciousness, not dizziness
    ("headache-en", "Have you felt faint at all?", ["loc"]),
    ("chest-pain-en", "Did you feel like fainting when it came on?", ["palpitations"]),
    # how fast it peaked is how it began
    ("headache-en", "How quickly did it get that bad?", ["onset"]),
    # sleepiness is a symptom of its own; how one sleeps is another
    ("polyuria-zh", "最近是不是特别犯困？", ["fatigue"]),
    ("fever-child-zh", "孩子这两天是不是睡得多，老想睡？", ["activity"]),
    # one part of a list the script holds is answered though another is not
    ("dyspnoea-en", "Do you drink, or take any street drugs?", ["alcohol"]),
    ("dyspnoea-en", "Any operations, or trips abroad recently?", ["surgery"]),
    # a cold in the last days is the review of systems, not the complaint or old bouts
    ("chest-pain-en", "Have you been unwell with a cold or flu this week?", ["no_cough"]),
    # "or anything" closes a list; it opens no second question
    ("headache-en", "Did you take paracetamol or anything before you came in?", ["treatment"]),
    # how active one is, is the exercise the patient takes
    ("headache-en", "Would you say you keep active?", ["social"]),
    # stopping a named medicine is adherence, whatever reason is given
    ("dyspnoea-en", "Did you stop your water tablets because of the toilet trips?",
     ["adherence"]),
])
def test_kinds_of_held_out_14_to_16(cases, case_id, question, facts):
    assert Matcher(cases[case_id]).match(question).fact_ids == facts


@pytest.mark.parametrize("case_id, question", [
    # the daily routine is not a sleep problem, and no script holds it
    ("abdominal-pain-zh", "你一般晚上几点睡？"),
    ("polyuria-zh", "平时作息规律吗？"),
    ("headache-en", "What time do you usually go to bed?"),
    # an offer to dim the light asks nothing
    ("headache-en", "Would it help if we closed the blinds?"),
    # a lump no answer speaks of is denied, not the ear answer that mentions the ears
    ("fever-child-zh", "脖子上有没有摸到淋巴结？"),
    ("fever-child-zh", "耳朵后面有没有长包？"),
    # "normally" of the sleep is no earlier bout of the complaint
    ("headache-en", "Are you sleeping normally?"),
])
def test_more_questions_the_scripts_do_not_answer(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == []


def test_a_question_the_script_does_not_hold_was_still_understood(cases):
    # the tester's tour: pets and insurance counted as "not understood" in the debrief
    from eduapp.vpatient import Encounter
    enc = Encounter(cases["polyuria-zh"])
    enc.ask("你们有医保吗？")
    enc.ask("家里养宠物吗？")
    assert enc.unsure == 0
    enc.ask("今天天气怎么样呀")
    assert enc.unsure == 1


def test_a_fact_without_topics_answers_its_own_example_question(cases):
    # the tester's tour: a teacher's new fact with an example question but no topic
    import dataclasses
    case = cases["headache-en"]
    mine = dataclasses.replace(next(f for f in case.facts if f.id == "surgery"),
                               id="ops", topics=[], questions=["any operations"])
    case = dataclasses.replace(case, facts=[f for f in case.facts if f.id != "surgery"]
                               + [mine])
    assert Matcher(case).match("Any operations?").fact_ids == ["ops"]


def test_the_parents_blood_group_is_no_family_history(cases):
    assert Matcher(cases["fever-child-zh"]).match("孩子爸妈是什么血型？").fact_ids == []
