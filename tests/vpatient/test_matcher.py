"""The offline matcher on real-style student questions (written before the matcher was
run on them) and its behaviour at the edges: not understood, denied symptoms, typos."""

from __future__ import annotations

import pytest

from eduapp.vpatient import Matcher
from eduapp.vpatient.bench import QUESTIONS_DIR, evaluate, read_questions
from eduapp.vpatient.engine import offline_reply

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


def test_two_facts_that_fit_equally_are_not_both_answered(cases):
    # "manage at home" is the impact on daily life (the exertion fact) as much as the
    # living situation (the social fact): the patient asks what is meant instead of
    # revealing both facts
    case = cases["dyspnoea-en"]
    m = Matcher(case).match("How do you manage at home?")
    assert m.kind == "unsure" and m.fact_ids == []
    assert set(m.candidates) == {"exertion", "social"}
    reply = offline_reply(case, Matcher(case), "How do you manage at home?")
    assert reply.facts == [] and "which do you mean" in reply.text
    # "chest" alone is where the fluttering is, not a question about chest pain
    assert Matcher(case).match("Any fluttering in your chest?").fact_ids == ["palpitations"]


def test_words_joined_by_or_answer_only_what_the_whole_question_asks(cases):
    # the parts of "X or Y" out of their sentence lose its sense: they never add a fact
    m = Matcher(cases["abdominal-pain-zh"]).match("走路或者咳嗽的时候会不会更疼？")
    assert m.fact_ids == ["aggravating"]
    m = Matcher(cases["chest-pain-en"]).match("Does the pain spread to your arm or jaw?")
    assert m.fact_ids == ["radiation"]


def test_an_adjective_pair_is_not_a_compound_question(cases):
    # "hot and sweaty" is one state: only the sweating fact answers, not the fever one too
    m = Matcher(cases["chest-pain-en"]).match("Have you been feeling hot and sweaty?")
    assert m.fact_ids == ["sweating"]


def test_a_condition_the_fact_does_not_cover_counts_against_it(cases):
    # the back-pain fact does not answer pain on passing urine; a heart attack in the
    # past is past history, not a previous episode of this pain
    m = Matcher(cases["chest-pain-en"]).match("Do you get pain in your back when you pee?")
    assert m.fact_ids == [] and m.kind == "negative"
    m = Matcher(cases["dyspnoea-en"]).match("Did you ever have a heart attack before?")
    assert m.fact_ids == ["pmh"]
    # ...but a history frame takes any condition as its object
    m = Matcher(cases["chest-pain-en"]).match("Has anybody in your family had heart trouble?")
    assert m.fact_ids == ["family"]


def test_the_presenting_symptom_is_context_not_the_topic(cases):
    m = Matcher(cases["fever-child-zh"]).match("孩子烧起来的时候抽过筋没有？")
    assert m.fact_ids == ["chills_convulsion"]
    m = Matcher(cases["polyuria-zh"]).match("喝水多有多长时间了？")
    assert m.fact_ids == ["onset"]


def test_chinese_patterns_do_not_cut_common_words(cases):
    from eduapp.vpatient.text import compile_pattern, question_views
    assert not compile_pattern("服了").matches(*question_views("他怎么不舒服了？"))
    assert compile_pattern("服了").matches(*question_views("他服了什么药？"))
    # a word in the gap of a "*" pattern is a word of its own
    found = Matcher(cases["abdominal-pain-zh"]).concepts_in("现在哪个位置最疼？")
    assert "location" in found


def test_a_short_chinese_question_about_a_one_character_symptom_is_understood(cases):
    assert Matcher(cases["fever-child-zh"]).match("有没有喘？").fact_ids == ["breathing"]
    assert Matcher(cases["abdominal-pain-zh"]).match("吐了吗？").fact_ids == ["nausea_vomit"]
    # a longer question keeps the one-character word weak
    assert Matcher(cases["abdominal-pain-zh"]).match("你家楼下的冷饮店好吃吗？").fact_ids == []


def test_the_second_held_out_set_meets_the_targets_pooled(cases):
    # holdout2_*.tsv was written before the acceptance-rule rework (its figures before
    # it: 94.6 % right, 2.0 % wrong). Pooled over the six cases it meets the targets;
    # per case it does not everywhere (see bench/bench_vpatient.py), so only the pooled
    # figures are held here.
    right = with_fact = wrong = total = 0
    for case_id in CASE_IDS:
        questions = read_questions(f"{QUESTIONS_DIR}/holdout2_{case_id}.tsv")
        assert len(questions) >= 25
        res = evaluate(cases[case_id], questions)
        right, with_fact = right + res.right, with_fact + res.with_fact
        wrong, total = wrong + res.wrong, total + res.total
    assert right / with_fact >= 0.90
    assert wrong / total < 0.02


@pytest.mark.parametrize("prefix", ["holdout3", "holdout4", "holdout5", "holdout6", "holdout8",
                                    "holdout9", "holdout10",
                                    "devset",
                                    "devset2", "devset3", "devset4", "devset5", "devset6"])
def test_the_later_sets_meet_the_targets_pooled(cases, prefix):
    # every set measured once before it was tuned on (held out 3 to 6 by independent
    # writers, devsets by the matcher's author): their first-run figures are in
    # bench/bench_vpatient.py; these hold the tuned figures so that no later change
    # loses what was fixed
    right = with_fact = wrong = total = 0
    for case_id in CASE_IDS:
        questions = read_questions(f"{QUESTIONS_DIR}/{prefix}_{case_id}.tsv")
        res = evaluate(cases[case_id], questions)
        right, with_fact = right + res.right, with_fact + res.with_fact
        wrong, total = wrong + res.wrong, total + res.total
    assert right / with_fact >= 0.90
    assert wrong / total < 0.02


@pytest.mark.parametrize("case_id, question, fact", [
    # a verb split by 过/了 is one word again
    ("abdominal-pain-zh", "拉过肚子没有？", "bowel"),
    ("polyuria-zh", "之前发过烧没有？", "infection"),
    # 不太舒服 is 不舒服; a form of address is not a relative asked about
    ("abdominal-pain-zh", "请问你主要是哪儿不太舒服啊？", "cc"),
    ("fever-child-zh", "妈妈你好，孩子今天是哪里不舒服？", "cc"),
    ("headache-en", "Sister, what happen to you today?", "cc"),
    # 这几天 is a time of the story, not "how many days?"
    ("fever-child-zh", "孩子这几天怎么了？", "cc"),
    # what the patient thinks is going on is ICE, not the complaint
    ("polyuria-zh", "你自己觉得是怎么回事？", "ice"),
    ("chest-pain-en", "Do you have any thoughts about what this might be?", "ice"),
    # "A的时候B": B is asked, A is when
    ("abdominal-pain-zh", "咳嗽的时候疼得厉害吗？", "aggravating"),
    ("abdominal-pain-zh", "解小便的时候疼不疼？", "urine"),
    # a pattern of function words is a phrase ("anything for the" is not "for anything")
    ("chest-pain-en", "Are you under the doctor for anything?", "pmh"),
    # an English pattern stays within one sentence
    ("dyspnoea-en", "Hello, I'm a medical student. What's the problem today?", "cc"),
    # a history asked with an attribute's words is that history
    ("chest-pain-en", "What kind of work do you do?", "social"),
    # 'feel like vomiting' is nausea, not the character of the pain
    ("chest-pain-en", "Do you feel like vomiting?", "nausea"),
    # learner English of Chinese-speaking students
    ("dyspnoea-en", "Auntie, you come to hospital because what?", "cc"),
    ("headache-en", "Your head pain is in which place?", "site"),
])
def test_kinds_of_wording_that_used_to_fail(cases, case_id, question, fact):
    m = Matcher(cases[case_id]).match(question)
    assert m.kind == "fact" and m.fact_ids == [fact], (m.kind, m.fact_ids, m.concepts)


def test_a_clause_that_only_goes_on_with_the_last_adds_no_fact(cases):
    m = Matcher(cases["chest-pain-en"]).match("Do you smoke? How many a day?")
    assert m.fact_ids == ["smoking"]
    # a list that an attribute is asked of is one question
    m = Matcher(cases["polyuria-zh"]).match("口渴、多尿大概从什么时候开始的？")
    assert m.fact_ids == ["onset"]


def test_a_list_of_symptoms_is_answered_per_symptom(cases):
    m = Matcher(cases["abdominal-pain-zh"]).match("有没有发烧、呕吐？")
    assert set(m.fact_ids) == {"fever", "nausea_vomit"}
    m = Matcher(cases["headache-en"]).match("Any neck stiffness, or does light bother you?")
    assert set(m.fact_ids) == {"neck", "light"}


def test_words_that_name_no_fact_are_not_answered(cases):
    # generic words do not reveal a fact ("support" a team is not social support)
    for case_id, question in (("chest-pain-en", "What football team do you support?"),
                              ("abdominal-pain-zh", "你的宿舍在几楼？")):
        assert Matcher(cases[case_id]).match(question).fact_ids == []


# ---- the kinds round (vp-matcher2): each test is a kind of question, with sentences that
# are in no question set

@pytest.mark.parametrize("case_id, question, fact", [
    ("chest-pain-en", "Good afternoon Mr Hughes, my name is Lee, I'm a final-year student - "
                      "what's been going on?", "cc"),
    ("dyspnoea-en", "Hello there, I'm one of the doctors on the ward. How far can you walk?",
     "exertion"),
    ("abdominal-pain-zh", "同学你好，我是今天的值班医生，你什么时候开始疼的？", "onset"),
])
def test_a_greeting_and_introduction_do_not_swallow_the_question(cases, question, case_id,
                                                                  fact):
    m = Matcher(cases[case_id]).match(question)
    assert m.fact_ids == [fact]
    assert "introduction" in m.skills


def test_the_introduction_split():
    from eduapp.vpatient.text import split_introduction
    head, rest = split_introduction("Hi Mrs Evans, I'm Tom, one of the students - any cough?")
    assert rest.strip() == "any cough?" and head.startswith("Hi")
    # nothing after it, or no introduction: the question stays whole
    assert split_introduction("Hello") == ("", "Hello")
    assert split_introduction("我是不是说清楚了，哪里疼？")[0] == ""


@pytest.mark.parametrize("case_id, question, fact", [
    # the case's own drug names: the frame decides drugs / adherence / treatment
    ("dyspnoea-en", "Are you still on the bisoprolol?", "drugs"),
    ("dyspnoea-en", "Do you still take your ramipril every day?", "adherence"),
    ("chest-pain-en", "How long have you been on amlodipine?", "drugs"),
    ("abdominal-pain-zh", "颠茄片吃了几次？", "treatment"),
    # a long-standing condition: regular medicines / past history, not the complaint
    ("dyspnoea-en", "Do you take anything for your diabetes?", "drugs"),
    ("chest-pain-en", "How many years have you had high blood pressure?", "pmh"),
])
def test_named_drugs_and_conditions_go_to_the_fact_that_holds_them(cases, case_id,
                                                                  question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


def test_named_drugs():
    from eduapp.vpatient.case_index import named_drugs
    assert named_drugs("Ramipril 5 mg, and the water tablet, furosemide; cholesterol fine") \
        == ["ramipril", "furosemide"]
    assert named_drugs("给了点蒙脱石散和颠茄片，肚子一片都疼") == ["蒙脱石散", "颠茄片"]


@pytest.mark.parametrize("case_id, question, fact", [
    # lay, British and colloquial ways to ask a frame
    ("dyspnoea-en", "Are your slippers getting tight?", "oedema"),
    ("headache-en", "Is the glare from the window bothering you?", "light"),
    ("headache-en", "Did you bang your head at all?", "injury"),
    ("headache-en", "Have you brought anything up?", "vomiting"),
    ("chest-pain-en", "What made your wife call an ambulance?", "cc"),
    ("headache-en", "Do you have a bad reaction to any drugs?", "allergies"),
    ("abdominal-pain-zh", "解过大便没有？", "bowel"),
    ("abdominal-pain-zh", "心口烧不烧？", "other_pain"),
    ("polyuria-zh", "起来的时候眼前一黑吗？", "fatigue"),
    ("fever-child-zh", "预防针都打全了吗？", "vaccination"),
    ("fever-child-zh", "家里几口人？", "social"),
    ("polyuria-zh", "家里长辈有什么慢性病？", "family"),
    ("abdominal-pain-zh", "有没有成家？", "marital"),
    # eating as the circumstance of the complaint, a change in a non-presenting symptom
    ("abdominal-pain-zh", "吃完饭以后会疼得更厉害吗？", "aggravating"),
    ("polyuria-zh", "食量有变化吗？", "weight"),
])
def test_colloquial_forms_of_the_history_frames(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


def test_the_matcher_does_not_depend_on_the_string_hash_seed():
    # a frozenset's order changes with PYTHONHASHSEED; the generic frames give way in a
    # fixed order, so every run answers alike
    import os
    import subprocess
    import sys
    from eduapp.vpatient.lexicon import GENERIC_FRAMES
    from eduapp.vpatient.reading import GENERIC_ORDER
    assert frozenset(GENERIC_ORDER) == GENERIC_FRAMES
    code = ("from eduapp.vpatient.library import shipped_cases\n"
            "from eduapp.vpatient.matcher import Matcher\n"
            "m = Matcher({c.id: c for c in shipped_cases()}['chest-pain-en'])\n"
            "print(m.match('Lately, have you noticed any chest discomfort when you exert "
            "yourself, like walking up a slope?').fact_ids)")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=root, env={**os.environ, "PYTHONHASHSEED": seed,
                                          "PYTHONPATH": root}).stdout
            for seed in ("1", "3")}
    assert len(outs) == 1 and outs != {""}


@pytest.mark.parametrize("case_id, question, fact", [
    # pinyin-input homophone slips and 的 for 得
    ("abdominal-pain-zh", "对青霉素过民吗？", "allergies"),
    ("polyuria-zh", "平时吃啥要吗？", "drugs_allergies"),
    ("fever-child-zh", "奶吃的多步多？", "feeding"),
    # a wee is the urine, not a nappy; pain relief tried is the treatment so far
    ("dyspnoea-en", "Are you going for a wee more or less than usual?", "urine"),
    ("headache-en", "Have you had any pain relief yet?", "treatment"),
    # a relative named is the family history, even in the words of the past history
    ("headache-en", "Has your mum got any medical problems?", "family"),
])
def test_slips_and_lay_words(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]
