"""Kinds of question found failing in held out 5 (matcher round 3), each tested with NEW
sentences that are in no question set: the fix must cover the family of phrasings (both
languages, other symptoms, other cases), not the sentence that showed it."""

from __future__ import annotations

import pytest

from eduapp.vpatient import Matcher


@pytest.mark.parametrize("case_id, question, fact", [
    # onset of a symptom that is not the complaint goes to that symptom's fact
    ('dyspnoea-en', 'When did your ankles start swelling?', 'oedema'),
    ('dyspnoea-en', 'How long have your feet been puffy?', 'oedema'),
    ('dyspnoea-en', 'When did the cough begin?', 'cough'),
    ('headache-en', 'When did the vomiting start?', 'vomiting'),
    ('chest-pain-en', 'When did the sweating start?', 'sweating'),
    ('abdominal-pain-zh', '什么时候开始吐的？', 'nausea_vomit'),
    ('abdominal-pain-zh', '发烧是什么时候开始的？', 'fever'),
    ('polyuria-zh', '看东西模糊有多久了？', 'vision'),
    ('polyuria-zh', '体重下降多长时间了？', 'weight'),
    ('fever-child-zh', '流鼻涕几天了？', 'rash'),
    # how long a long-standing condition
    ('chest-pain-en', 'How many years have you had high blood pressure?', 'pmh'),
    ('dyspnoea-en', 'How long have you been diabetic?', 'htn_dm'),
    ('polyuria-zh', '高血压有几年了？', 'pmh'),
    # the site fixed or moving
    ('abdominal-pain-zh', '疼痛的位置有没有变过？', 'site_migration'),
    ('abdominal-pain-zh', '一直是在同一个地方疼吗？', 'site_migration'),
    ('abdominal-pain-zh', '疼痛有没有挪地方？', 'site_migration'),
    ('chest-pain-en', 'Is it more on the left or on the right?', 'site'),
    ('chest-pain-en', 'Does the pain stay in one place?', 'radiation'),
    ('headache-en', 'Is it on one side of your head or both sides?', 'site'),
    # colour of sputum is the cough fact
    ('dyspnoea-en', 'What colour is the stuff you cough up?', 'cough'),
    ('dyspnoea-en', 'Is your phlegm green or yellow?', 'cough'),
    ('chest-pain-en', 'Are you coughing anything up?', 'no_cough'),
    ('fever-child-zh', '痰是什么颜色的？', 'cough'),
    ('fever-child-zh', '咳出来的痰是黄的还是白的？', 'cough'),
    # recent illness is the review of systems
    ('dyspnoea-en', 'Have you had a cold or flu recently?', 'fever'),
    ('headache-en', 'Have you been unwell with anything recently?', 'fever'),
    ('chest-pain-en', 'Any recent infections?', 'no_cough'),
    ('polyuria-zh', '最近感冒过吗？', 'infection'),
    ('polyuria-zh', '这段时间有没有生过什么病？', 'infection'),
    # a concept the case lacks answered by a neighbour
    ('polyuria-zh', '大便怎么样？', 'gi'),
    ('polyuria-zh', '排便正常吗？', 'gi'),
    ('dyspnoea-en', "How's your appetite been?", 'diet'),
    ('headache-en', 'Have you felt nauseous?', 'vomiting'),
    # an action as the circumstance of a pain
    ('abdominal-pain-zh', '深呼吸的时候疼得厉害吗？', 'aggravating'),
    ('abdominal-pain-zh', '打喷嚏或者咳嗽的时候肚子更疼吗？', 'aggravating'),
    ('chest-pain-en', 'Does it hurt more when you cough?', 'relieving'),
    ('chest-pain-en', 'Is it worse when you take a deep breath?', 'relieving'),
    # tablets for the pain are what was tried
    ('headache-en', 'Have you taken any medication for the headache?', 'treatment'),
    ('chest-pain-en', 'Did you take any tablets for it?', 'treatment_so_far'),
    ('abdominal-pain-zh', '肚子疼吃过什么药没有？', 'treatment'),
    ('fever-child-zh', '发烧给孩子吃了什么药？', 'treatment'),
    ('chest-pain-en', 'Do you take any regular tablets?', 'drugs'),
    ('headache-en', 'Are you on any regular medication?', 'drugs'),
    # a relative's age or death is the family history
    ('chest-pain-en', 'How old was your dad when he died?', 'family'),
    ('headache-en', 'What did your mother die of?', 'family'),
    ('dyspnoea-en', 'Is your mum still alive?', 'family'),
    # living with family is the social history
    ('headache-en', 'Do you live with your family?', 'social'),
    ('dyspnoea-en', 'Who do you live with at home?', 'social'),
    ('abdominal-pain-zh', '你跟家里人住在一起吗？', 'social'),
    # exercise tolerance in lay words
    ('dyspnoea-en', 'How far can you walk before you have to stop?', 'exertion'),
    ('dyspnoea-en', 'Can you get up the stairs without stopping?', 'exertion'),
    ('dyspnoea-en', 'Are you able to do your own shopping?', 'exertion'),
    ('dyspnoea-en', 'Can you get dressed without getting breathless?', 'exertion'),
    # confusion
    ('headache-en', 'Have you felt confused at all?', 'loc'),
    ('headache-en', 'Did you know where you were afterwards?', 'loc'),
    ('polyuria-zh', '有没有糊里糊涂、不认人？', 'fatigue'),
    # usual headaches compared
    ('headache-en', 'Is this like the headaches you usually get?', 'previous'),
    ('headache-en', 'Do you get headaches normally?', 'previous'),
    ('headache-en', 'How does this compare with your usual headaches?', 'previous'),
    # homophone slips
    ('abdominal-pain-zh', '有没有恶信想吐？', 'nausea_vomit'),
    ('polyuria-zh', '有没有头运？', 'fatigue'),
    ('fever-child-zh', '身上起珍子了吗？', 'rash'),
    ('fever-child-zh', '咳数厉害吗？', 'cough'),
    ('polyuria-zh', '有没有心荒？', 'breathing'),
    # child development
    ('fever-child-zh', '孩子会说话了吗？', 'development'),
    ('fever-child-zh', '孩子几个月会走路的？', 'development'),
    # cold hands and feet
    ('fever-child-zh', '发烧的时候孩子手脚冰凉吗？', 'chills_convulsion'),
    ('fever-child-zh', '烧起来的时候小脚丫凉不凉？', 'chills_convulsion'),
    ('fever-child-zh', '孩子手凉不凉？', 'chills_convulsion'),
    # lying back or leaning forward with a pain is a position; exertion in lay words
    ('chest-pain-en', 'Does sitting forward or lying back change it?', 'relieving'),
    ('chest-pain-en', 'Have you had any tightness on exertion in the last few weeks?', 'previous'),
    ('dyspnoea-en', 'Do you get puffed even when you talk?', 'exertion'),
    ('dyspnoea-en', 'Have you had to open the window at night for air?', 'pnd'),
    ('chest-pain-en', 'When exactly did it kick in?', 'onset'),
    ('chest-pain-en', 'Has it been non-stop since then?', 'duration'),
    # spoken Chinese: 不得劲, a habit verb split by 过, 蔫, nocturia without 尿, a clear head
    ('abdominal-pain-zh', '你哪儿不得劲儿？', 'cc'),
    ('chest-pain-en', '这几天抽过烟吗？', 'smoking'),
    ('polyuria-zh', '最近喝过酒没有？', 'social'),
    ('fever-child-zh', '孩子这两天蔫不蔫？', 'activity'),
    ('polyuria-zh', '夜里起来几回？', 'thirst_polyuria'),
    ('polyuria-zh', '现在脑子还清楚吗？', 'fatigue'),
    ('abdominal-pain-zh', '小便里带血吗？', 'urine'),
    ('abdominal-pain-zh', '校医院给你吃的药有效果吗？', 'treatment'),
    ('polyuria-zh', '最开始是什么不舒服？', 'onset'),
    ('abdominal-pain-zh', '是担心影响考试吗？', 'ice'),
    # "before it started" is a time, not "previously"; where a non-presenting symptom is
    ('chest-pain-en', 'What were you doing right before it came on?', 'onset'),
    ('headache-en', 'Is the numbness on one side of your body?', 'neuro'),
    ('headache-en', 'Is it at the front of your head?', 'site'),
    ('dyspnoea-en', "What's the furthest you've walked this week?", 'exertion'),
    ('headache-en', 'What have you taken for it so far?', 'treatment'),
    ('chest-pain-en', 'How do you feel about being here?', 'ice'),
    # any attribute asked of a symptom another fact covers goes to that fact
    ('dyspnoea-en', 'How high up your legs does the swelling go?', 'oedema'),
    ('headache-en', 'How bad is the sickness?', 'vomiting'),
    ('polyuria-zh', '看东西模糊是什么时候开始的？', 'vision'),
    # blood or pain in the urine where only the urine in general is told
    ('fever-child-zh', '小便颜色正常吗？', 'urine'),
    # exam-style Chinese
    ('polyuria-zh', '每日饮水量多少？', 'thirst_polyuria'),
    ('polyuria-zh', '近期有无感染？', 'infection'),
    # ice with severity
    ('fever-child-zh', '您觉得孩子病得重不重？', 'ice'),
    ('abdominal-pain-zh', '你自己觉得严重吗？最怕的是什么？', 'ice'),
    # allergies to foods
    ('headache-en', 'Any allergies to food or medicine?', 'allergies'),
    ('abdominal-pain-zh', '对什么食物或者药物过敏吗？', 'allergies'),
    # orthopnoea
    ('dyspnoea-en', 'Can you lie flat in bed at night?', 'orthopnoea'),
    ('dyspnoea-en', 'How many pillows do you sleep on?', 'orthopnoea'),
    # runny nose
    ('fever-child-zh', '鼻子堵不堵，有没有流涕？', 'rash'),
    # photophobia vs vision
    ('headache-en', 'Does bright light bother your eyes?', 'light'),
    ('headache-en', 'Any problems with your eyesight?', 'neuro'),
    # chief complaint with unexplained words: unsure rather than cc
    # "X之前" after an event of this illness is a time, not "previously"
    ('polyuria-zh', '口渴之前有没有感冒发烧？', 'infection'),
    ('abdominal-pain-zh', '疼起来之前有没有拉肚子？', 'bowel'),
    # whether a medicine brought the symptom down is the course of that symptom
    ('fever-child-zh', '退烧药吃下去烧能退吗？', 'fever_course'),
    ('fever-child-zh', '布洛芬吃了以后烧能退吗？', 'fever_course'),
    # the onset of a one-character symptom is that symptom's
    ('abdominal-pain-zh', '吐是几点开始的？', 'nausea_vomit'),
    # on a tie, with no word of the past, this illness before the past history
    ('fever-child-zh', '孩子喝奶喝得怎么样？', 'feeding'),
    # a long-standing condition asked "what is it like" is that condition
    ('chest-pain-en', "How's your blood pressure been lately?", 'pmh'),
    ('dyspnoea-en', 'What is your diabetes like these days?', 'htn_dm'),
    # tightness in the chest where chest pain is the complaint is that complaint
    ('chest-pain-en', 'Any tightness in your chest?', 'cc'),
    # a single-character symptom with a degree word (特别累, 容易饿, 奶量)
    ('polyuria-zh', '平时容易累吗？', 'fatigue'),
    ('polyuria-zh', '会不会老是觉得饿？', 'weight'),
    ('fever-child-zh', '这两天奶量怎么样？', 'feeding'),
    # a spot is a place, and a banging is a character
    ('headache-en', 'Can you put a finger on one spot where it hurts?', 'site'),
    ('headache-en', 'Is it a banging sort of pain?', 'character'),
    ('headache-en', 'Did the pain hit full strength straight away?', 'onset'),
])
def test_kinds_of_round_three(cases, case_id, question, fact):
    assert Matcher(cases[case_id]).match(question).fact_ids == [fact]


@pytest.mark.parametrize("case_id, question, facts", [
    # separate questions each answered clearly, when the whole places nothing; parts of
    # the history joined by and/和
    ("polyuria-zh", "最近体重怎么样？眼睛呢？", {"weight", "vision"}),
    ("fever-child-zh", "孩子出生时和生长发育都正常吗？", {"birth", "development"}),
])
def test_compound_questions_each_answered(cases, case_id, question, facts):
    assert set(Matcher(cases[case_id]).match(question).fact_ids) == facts


@pytest.mark.parametrize("case_id, question", [
    # the chief complaint's symptom named beside words nothing explains is not answered
    # with "what brings you in"
    ("chest-pain-en", "Is the pain worse on the left or the right side of the centre?"),
    ("abdominal-pain-zh", "腰眼疼不疼？"),
    ("headache-en", "Is the headache sort of bandlike or behind your eyeballs?"),
])
def test_the_complaint_is_no_answer_beside_unexplained_words(cases, case_id, question):
    m = Matcher(cases[case_id]).match(question)
    assert "cc" not in m.fact_ids


@pytest.mark.parametrize("case_id, question, kind", [
    # a statement of what the student is about to do asks for nothing
    ("chest-pain-en", "I'm going to have a listen to your heart now.", "skill"),
    ("abdominal-pain-zh", "我给您按一下肚子。", "skill"),
    # a symptom the case does not list and has no neighbour for is still denied
    ("chest-pain-en", "Any blood in your wee?", "negative"),
    # feeling the cold in a fever is the fever (chills), not unknown
    ("fever-child-zh", "孩子有没有怕冷、打哆嗦？", "fact"),
])
def test_neighbours_do_not_swallow_denials(cases, case_id, question, kind):
    assert Matcher(cases[case_id]).match(question).kind == kind
