"""Kinds of question found failing in held out 6 (matcher round 4), each tested with NEW
sentences that are in no question set: the fix covers the family of phrasings (both
languages, other cases), not the sentence that showed it."""

from __future__ import annotations

import pytest

from eduapp.vpatient import Matcher
from eduapp.vpatient.engine import offline_reply


@pytest.mark.parametrize("case_id, question, fact", [
    # an age asked within a part of the history is a time in it, not the patient's age
    ('chest-pain-en', 'What age were you when you started smoking?', 'smoking'),
    ('headache-en', 'How old were you when you started drinking?', 'alcohol'),
    ('polyuria-zh', '几岁开始抽烟的？', 'social'),
    # the past history asked of the presenting symptom is earlier bouts of it
    ('dyspnoea-en', 'Have you ever been admitted to hospital because of your breathing?',
     'previous'),
    ('abdominal-pain-zh', '以前有没有因为肚子疼住过院？', 'previous'),
    # "how far" asked of a symptom that is not the complaint is how far it spreads
    ('dyspnoea-en', 'How far up do your ankles swell?', 'oedema'),
    # rest named as what eased the complaint is a relief, not the exercise tolerance
    ('chest-pain-en', 'Does resting make it any better?', 'relieving'),
    ('chest-pain-en', 'Did the pain ease off when you were resting?', 'relieving'),
    # "were you well before?" is the review of systems of recent illness
    ('chest-pain-en', 'Were you well until this happened?', 'no_cough'),
    ('headache-en', 'Were you feeling well up until today?', 'fever'),
    # continuous or with pain-free spells is the course of the pain
    ('abdominal-pain-zh', '中间疼痛有停过吗？', 'character'),
    ('abdominal-pain-zh', '有不痛的时候吗？', 'character'),
])
def test_kinds_of_round_four(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question", [
    # a part of the history that decides what is asked and that the script does not
    # hold: a fact that matched on another word is not its answer
    ("fever-child-zh", "带孩子去外地旅游过吗？", ),
    ("headache-en", "Have you travelled abroad recently?", ),
    ("dyspnoea-en", "Any long-haul flights lately?", ),
    # who came with the patient today is not the social history the script tells
    ("abdominal-pain-zh", "有人陪你来医院吗？", ),
    ("polyuria-zh", "是家里人陪你来的吗？", ),
])
def test_a_part_of_the_history_the_script_lacks_reveals_nothing(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == []


@pytest.mark.parametrize("question, expected", [
    ("您是孩子的妈妈吗？", "乐乐的母亲"),
    ("你是他什么人？", "乐乐的母亲"),
    ("请问您和孩子是什么关系？", "乐乐的母亲"),
])
def test_the_informant_says_who_they_are(cases, question, expected):
    case = cases["fever-child-zh"]
    reply = offline_reply(case, Matcher(case), question)
    assert reply.match.kind == "builtin" and expected in reply.text and reply.facts == []


@pytest.mark.parametrize("case_id, question, keyword_fact", [
    # the gym is only where the headache began; the exercise taken is the social history
    ("headache-en", "Do you exercise at the gym regularly?", "onset"),
    ("headache-en", "How many times a week do you work out at the gym?", "onset"),
])
def test_a_keyword_alone_does_not_beat_the_topic_asked(cases, case_id, question, keyword_fact):
    m = Matcher(cases[case_id]).match(question)
    assert keyword_fact not in m.fact_ids


def test_the_informant_question_in_an_adult_case_reveals_nothing(cases):
    assert Matcher(cases["chest-pain-en"]).match("Are you his mum?").fact_ids == []


def test_a_relative_asked_about_is_still_the_family_history(cases):
    m = Matcher(cases["fever-child-zh"])
    assert m.match("孩子妈妈有没有哮喘？").fact_ids == ["family"]


def test_an_attribute_asked_through_a_keyword_fact_is_not_the_generic_fact(cases):
    # "not tearing" is the fact's own keyword: never answered by the character fact
    m = Matcher(cases["chest-pain-en"])
    assert m.match("Would you call it a ripping kind of pain?").fact_ids in (
        ["no_tearing"], [])


@pytest.mark.parametrize("case_id, question, fact", [
    # pinyin-input slips: same sound, one character changed, no word left
    ("fever-child-zh", "孩子发少了吗？", "fever_course"),
    ("fever-child-zh", "打过以苗没有？", "vaccination"),
    ("polyuria-zh", "晚上起夜小遍几次？", "thirst_polyuria"),
    ("abdominal-pain-zh", "有没有呕土？", "nausea_vomit"),
])
def test_pinyin_slips_are_mended(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


def test_homophone_repair_leaves_real_words_and_typed_symptoms():
    from eduapp.vpatient.text import HomophoneRepair
    repair = HomophoneRepair(["发烧", "疫苗", "小便", "更重", "痛", "喘", "穿"]).repair
    assert repair("发少几天了") == "发烧几天了"
    assert repair("打过以苗吗") == "打过疫苗吗"
    # words of the dictionary stay, whatever they sound like
    assert repair("什么时候开始的") == "什么时候开始的"
    # a one-character word of the interview was typed on purpose
    assert repair("会不会更痛") == "会不会更痛"
    # a run with a grammar character is no slip
    assert repair("喘不上气") == "喘不上气"
    assert repair("no chinese here") == "no chinese here"


# kinds found in held out 8 (written for tuning after round 4), again on new sentences
@pytest.mark.parametrize("case_id, question, fact", [
    # a symptom named as the time of what is asked is context, not evidence against
    ("polyuria-zh", "解小便的时候尿道痛不痛？", "infection"),
    # "heavy" is no heaving
    ("chest-pain-en", "Does it feel heavy, like a weight?", "character"),
    # a change asked with the site is a change of the site
    ("abdominal-pain-zh", "开始在哪儿疼，后来换地方了吗？", "site_migration"),
    # "feeling well before" is the review of recent illness
    ("headache-en", "Were you feeling well before all this started?", "fever"),
])
def test_kinds_of_round_four_held_out_8(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question, not_fact", [
    # a keyword of an attribute of the complaint read inside another symptom's words
    ("chest-pain-en", "Has your weight changed at all?", "character"),
    # "without trying" is no treatment tried
    ("dyspnoea-en", "Any weight loss without trying?", "adherence"),
    # "lately" with a symptom that is not the complaint is a time, not earlier bouts
    ("headache-en", "Have you been feeling low lately?", "previous"),
    # a real word is no misspelling of a vocabulary word of another length
    ("headache-en", "I'll have a word with my consultant, is that all right?", "severity"),
])
def test_words_that_point_elsewhere_do_not_reveal_the_fact(cases, case_id, question, not_fact):
    assert not_fact not in Matcher(cases[case_id]).match(question).fact_ids


@pytest.mark.parametrize("case_id, question", [
    ("polyuria-zh", "我帮你量个体温好吗？"),
    ("abdominal-pain-zh", "给您查个血常规好吗？"),
    ("headache-en", "Is there anything you'd like to ask before I talk to my senior?"),
])
def test_offers_and_invitations_reveal_nothing(cases, case_id, question):
    m = Matcher(cases[case_id]).match(question)
    assert m.fact_ids == [] and m.kind == "skill"


# kinds found in held out 9 (written for tuning after round 4b), on new sentences
@pytest.mark.parametrize("case_id, question, fact", [
    # 诱因 is how the illness began (起病情况), not what makes the pain worse
    ("abdominal-pain-zh", "这次发病有什么诱因吗？", "onset"),
    # a relative with an infection now is a sick contact
    ("fever-child-zh", "家里大人这几天有发烧的吗？", "contacts"),
    # "things around the house" is the exercise tolerance
    ("dyspnoea-en", "Can you manage jobs around the house without getting puffed?", "exertion"),
    # one letter added, dropped or two swapped, in a word that is no English word
    ("headache-en", "Does brigth ligth bother you?", "light"),
    ("headache-en", "Any vomitting?", "vomiting"),
])
def test_kinds_of_round_four_held_out_9(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question", [
    # a form of address after 好的 / 嗯 is no relative asked about
    ("fever-child-zh", "嗯妈妈，我先听听孩子的肺。"),
    # a statement of what happens next, whatever words it holds
    ("chest-pain-en", "Thank you. I'm going to ask my senior to come and see you straight away."),
])
def test_statements_reveal_nothing(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == []


def test_a_real_english_word_is_not_taken_for_a_misspelling():
    from eduapp.vpatient.text import is_english_word
    assert is_english_word("might") and is_english_word("consultant")
    assert not is_english_word("ligth") and not is_english_word("fevr")


# kinds found in held out 10 (written for tuning after round 4c), on new sentences
@pytest.mark.parametrize("case_id, question, fact", [
    # 要 typed for 药 after the kind of medicine
    ("abdominal-pain-zh", "吃过止痛要吗？", "treatment"),
    # "moving your arms and legs" is weakness
    ("headache-en", "Can you move your arms and legs normally?", "neuro"),
    # a medicine taken by oneself, with no habit word, is what was tried
    ("abdominal-pain-zh", "你自己吃过什么药没有？", "treatment"),
    # "pounding" is a character, not pounds of weight
    ("headache-en", "Would you say it's pounding?", "character"),
])
def test_kinds_of_round_four_held_out_10(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question", [
    # parts of the history the scripts do not hold: pets, hobbies, blood group,
    # insurance, height
    ("dyspnoea-en", "Have you got a dog or a cat?"),
    ("chest-pain-en", "What do you do in your spare time?"),
    ("polyuria-zh", "你知道自己什么血型吗？"),
    ("fever-child-zh", "孩子有医保吗？"),
    ("headache-en", "How tall are you?"),
])
def test_history_the_scripts_do_not_hold_reveals_nothing(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == []


@pytest.mark.parametrize("case_id, question, not_fact", [
    # "than before" compares, it asks no earlier bouts
    ("dyspnoea-en", "Are you more breathless than before?", "previous"),
])
def test_comparisons_and_word_forms(cases, case_id, question, not_fact):
    assert not_fact not in Matcher(cases[case_id]).match(question).fact_ids


# kinds found in held out 7 and 11 (after they were measured once), on new sentences
@pytest.mark.parametrize("case_id, question, fact", [
    # a misspelling is compared with the words as written, not with their stems
    ("chest-pain-en", "Does anything run in your familly?", "family"),
    ("headache-en", "Any fevr or shivers?", "fever"),
    # the story of this illness tells when a symptom began when its answer names it
    ("polyuria-zh", "恶心呕吐从什么时候开始的？", "onset"),
])
def test_kinds_of_held_out_7_and_11(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question, not_fact", [
    # pets and the home town are no part of the family history or the site of the pain
    ("fever-child-zh", "家里养没养猫狗这些宠物？", "family"),
    ("abdominal-pain-zh", "你是哪里人？", "site_migration"),
    # water drunk with thirst is not alcohol
    ("polyuria-zh", "口渴得厉害，一天喝多少水？", "social"),
])
def test_history_words_that_point_elsewhere(cases, case_id, question, not_fact):
    assert not_fact not in Matcher(cases[case_id]).match(question).fact_ids


# kinds the tester tour found (2026-12-01), on new sentences
@pytest.mark.parametrize("case_id, question", [
    # asking the patient whether it is a disease asks their ideas: never a fact that
    # happens to name the disease
    ("chest-pain-en", "Could this be a heart attack?"),
    ("headache-en", "Is this a stroke, do you think?"),
    ("fever-child-zh", "会不会是肺炎？"),
    ("abdominal-pain-zh", "你觉得是阑尾炎吗？"),
])
def test_asking_if_it_is_a_disease_is_the_patients_ideas(cases, case_id, question):
    assert Matcher(cases[case_id]).match(question).fact_ids == ["ice"]


@pytest.mark.parametrize("case_id, question, facts", [
    # parts of the history joined by or/and, each clearly asked, are each answered
    ("dyspnoea-en", "Do you drink or smoke at all?", {"alcohol", "smoking"}),
    # but a relative or an allergy scopes over the list
    ("fever-child-zh", "家里有人有哮喘或者湿疹吗？", {"family"}),
])
def test_history_parts_joined_by_or(cases, case_id, question, facts):
    assert set(Matcher(cases[case_id]).match(question).fact_ids) == facts


@pytest.mark.parametrize("case_id, question", [
    ("headache-en", "Thanks, I'll go and get my registrar now."),
    ("polyuria-zh", "好的，我去跟上级医生汇报一下。"),
    ("chest-pain-en", "So to summarise, the pain came on while carrying shopping."),
])
def test_closing_statements_and_summaries_reveal_nothing(cases, case_id, question):
    m = Matcher(cases[case_id]).match(question)
    assert m.fact_ids == [] and m.kind == "skill"


def test_asking_leave_to_ask_keeps_the_open_question_credit(cases):
    from eduapp.vpatient import Encounter
    enc = Encounter(cases["polyuria-zh"])
    enc.ask("您好，我是实习医生，可以问您几个问题吗？")
    enc.ask("您哪里不舒服？")
    assert "skill:open_question" in enc.done


def test_a_question_the_script_cannot_answer_gets_no_feigned_confusion(cases):
    case = cases["dyspnoea-en"]
    reply = offline_reply(case, Matcher(case), "What do you do in your free time?")
    assert reply.facts == [] and reply.text == "I don't think that's got anything to do " \
        "with this, doctor."


@pytest.mark.parametrize("question, fact", [
    # a form of address before 您别 / 还有 is no relative asked about
    ("妈妈你别急，先说说孩子哪里不舒服？", "cc"),
])
def test_a_form_of_address_is_no_relative(cases, question, fact):
    assert Matcher(cases["fever-child-zh"]).match(question).fact_ids == [fact]
