"""The offline matcher: a student's question -> the script fact(s) it asks for.

This is the main interview engine (the built-in model is too weak to role-play). It works
in three steps, for English and Chinese questions alike:

1. **Concepts.** The question is normalised (:mod:`.text`: spoken Chinese variants folded,
   拉过肚子 -> 拉肚子, 头有点疼 -> 头疼; polite openers such as 请问 / "could you tell me"
   and a form of address such as 妈妈你好 / "Auntie," dropped) and every concept of the
   shared lexicon (:mod:`.lexicon`) whose phrase pattern occurs in it gets a strength (the
   pattern's specificity: English content words, Chinese characters / 2); an English
   pattern must occur within one sentence. English words not in the vocabulary and not
   words of English (pyspellchecker's dictionary) are corrected to the closest vocabulary
   word with rapidfuzz (similarity >= 85, or one letter added, dropped, changed or two
   swapped), so "breathles", "palpitatons" and "ligth" still match; Chinese pinyin-input
   slips (发少 for 发烧) are mended first (:class:`.text.HomophoneRepair`). A specific history frame
   overrides the generic one it competes with ("have you ever smoked" is about smoking,
   not past history; "出生的时候有什么问题" is the birth history, not the complaint); the
   patient's ideas beat the complaint ("你觉得是怎么回事"); a part of the history asked with
   an attribute's words and no symptom is that part ("what kind of work do you do?");
   "before" with a symptom that is not presenting asks about that symptom; in Chinese
   "A的时候B" a symptom only in A counts half (B is asked). A long-standing condition or
   one of the case's own drug names asked with no symptom is not an onset question, and
   "anything for your blood pressure?" asks the regular medicines; a change asked of a
   non-presenting symptom ("饭量有没有变化") asks that symptom; eating as the circumstance
   of a complaint is not the appetite; "chest" alone is the site of another symptom named
   in it; a worry about a named condition is the patient's concerns; adherence or marital
   status in a case without such a fact goes to the drugs / social history fact.
   A concept the case has no fact for goes to a narrower or neighbouring one it has
   (:data:`_RELATIVES`: "大便正常吗" -> the fact about diarrhoea, appetite -> diet,
   "any operations?" -> the past history, blood in the urine -> the urine fact; chest
   tightness -> chest pain where chest pain is the complaint). A symptom that is also an action (cough, a deep breath, lying
   back) named with what makes a pain worse or better is the circumstance ("咳一下会不会
   更痛"). A recent infection or illness ("any infection recently?", "最近有没有生过病")
   is the review of systems (fever, a cold), not the past history. "X之前" after a
   symptom or an event of this illness is a time, not "previously"; "before" asked of a
   symptom whose own course the history of this illness tells asks the past ("孩子以前
   有没有喘过"). Medicines asked with the complaint named and no long-standing condition
   or habit word are what was tried ("did you take any tablets for the pain?"); a
   medicine named as what brought a symptom down is the circumstance, answered by the
   fact that tells how that symptom is relieved ("吃了退烧药能退下去吗"). A relative's age
   or death is the family history; "living with family" the social history; a light
   that hurts the eyes photophobia; "after work" a time, not the occupation; a
   long-standing condition asked "what is it like" that condition. An age asked within
   a part of the history is a time in it ("since what age?" of cigarettes), not the
   patient's age; the past history asked of the presenting symptom alone is earlier bouts
   of it ("have you been in hospital with your breathing before?"); "how far" asked of a
   symptom that is not the complaint is how far it spreads, and rest named with what eased
   the complaint a relief, neither the exercise tolerance; "were you well before this?"
   is the review of recent illness; who answers for a child ("您是孩子的妈妈吗") is told
   from the persona's informant, and who came along today is no part of the history.
   The generic frames give way in a fixed order, so the result never depends on the
   string hash seed.
   A greeting and self-introduction before the question ("Hi Mr Morgan, I'm one of the
   medical students - what's the problem today?") are split off (:func:`.text.
   split_introduction`): credited as a skill, and the question after them is matched.
2. **Facts.** The medicines a fact's answer names (:func:`named_drugs`) are its keywords,
   the frame deciding between drugs, adherence and treatment so far.
   Each fact scores the strongest of its topics that matched, plus 0.3 for
   each further one, plus its own keywords and example questions (as patterns, and by
   rapidfuzz similarity >= 88 to the whole question, an English example only when the
   question holds half its content words: "what did you do for work" is not in "what
   did they do for you?"), plus 0.3 x the presenting symptom
   for a fact of the history of the presenting complaint, minus 0.75 x the strength of every
   frame the question asks that the fact does not cover (so "where is the pain?" goes to
   the location fact, not to the chief complaint that also mentions pain; an attribute
   (not where it spreads, whose words name body parts) asked of a symptom another fact
   covers also takes the attribute fact's own match away: "your leg have swelling since
   when?" and "how high does the swelling go?" are the swelling's fact).
   A symptom or condition the question names that a fact does not cover counts against
   that fact (negative evidence: "back pain when you pee" is not the back-pain fact),
   unless the fact's own keywords account for it, the fact answers a dominant part of
   the history asked ("any heart problems in the family?"), or it is a presenting
   symptom (the context of the whole interview: "发烧的时候抽过筋吗" asks about fits).
3. **Decision (acceptance rule).** The best fact answers, alone, when it scores at least
   :data:`THRESHOLD` and beats the runner-up by :data:`MARGIN` (a specific fact beats
   the chief complaint on a tie, and, with no word of the past asked, a fact of this
   illness beats one of the past history: "奶吃得咋样"). A runner-up closer than that,
   neither preferred, leaves the choice to the answers: the fact whose answer holds more
   of the question's own content words answers ("does it feel like something is
   tearing?" - "it's not tearing or ripping"); failing that the answer is ``unsure``
   with both ``candidates``: the patient asks which is meant rather than guess or
   reveal both. Several facts answer only a compound question: clauses split
   at question marks, semicolons, 还有/以及 or an "and"/"or" that starts a new question,
   each answered clearly (also when the whole question places nothing); words joined
   by and/or/或者/和 only settle a near-tie or join parts of the history ("出生和发育情况
   怎么样"), except a list of symptoms ("有没有发烧、呕吐？", "any cough, or fever?"), whose parts are each
   answered when each clearly asks for a fact or names a symptom the patient denies.
   An offer or request ("would you like some pain relief?", "要不要喝点水？") asks for no
   fact, nor does a statement of what the student is about to do ("I'm going to listen
   to your chest now.") unless a fact clearly wins and a part of it opens like a
   question; nor an invitation to ask or add that names no symptom or part of the
   history ("any questions before I present to my consultant?"). An English question made mostly of words the lexicon and the case do not know
   ("what's the weather like outside?") is not placed on a weak match (score <= 2).
   A thin win (one one-word concept, score < 1.5) is not accepted while another fact's
   own case-specific keywords stand in the question unexplained: a wrong answer costs
   more than "I'm not sure".
   The chief complaint does not answer a question that names its symptom but not the
   complaint, beside words no concept and no fact explains ("is the pain on the left
   side or in the centre?", "腰背部痛吗"): :data:`CC_FALLBACK_STRICT`, chosen with
   bench/bench_vpatient_tradeoff.py (it lowered wrong answers on the sets that had this
   kind and cost no right answer on any set).
   A fact won by its case keywords alone - none of its own topics asked - barely
   (< :data:`KEYWORD_MARGIN`) ahead of a fact whose topic the question asks is no answer
   ("how often do you go to the gym?": the gym is where the headache began, the exercise
   taken is the social history); a fact defined by its keywords alone (no topics: "not
   tearing, not in my back") keeps them, and an attribute asked through a value that is
   such a fact's keyword ("does it feel like tearing?") does not count against it.
   A part of the history that decides what is asked (:data:`_DOMINANT`: travel, pets ...)
   and that no fact holds is not answered by a fact that matched on another word
   ("最近有没有带孩子出过远门？" is not who looks after the child).
   A symptom the case does not list, asked more strongly than any fact, is denied (when
   the case's ``unlisted_symptoms`` is ``negative``). Communication skills (introduction,
   empathy, summary ...) are recognised separately. Otherwise the answer is "unsure":
   the patient says they are not sure what the student means.

Chinese patterns are matched as characters, but a pattern may not start or end inside
a common word (:data:`.text.BOUND_WORDS`: "不舒服了" does not say "服了"), and a word in
the gap of a ``*`` pattern is a word of its own. A short Chinese yes/no question whose
topic is one character ("有没有喘？") is understood.

Deterministic and pure; one :class:`Matcher` per case, safe to share between threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .lexicon import GENERIC_FRAMES, HISTORY_FRAMES, concepts
from .model import CaseScript
from .text import (STOPWORDS, HomophoneRepair, compile_pattern, is_chinese, is_english_word,
                   normalise, question_views, split_introduction, stem)

__all__ = ["Match", "Matcher", "THRESHOLD", "MARGIN"]

#: Minimum score for a fact to be answered: one English content word or one two-character
#: Chinese word of a topic the fact covers; a single Chinese character (weight 0.8) only
#: adds to a fact that something else matched.
THRESHOLD = 0.9
_TIE = 0.05
#: The best fact must beat the runner-up by this much to answer (scores are in units of
#: one matched content word, see THRESHOLD); closer than that the patient asks what is
#: meant. Set from the tuned question sets, where every right answer but exact ties with
#: the chief complaint won by 0.2 or more.
MARGIN = 0.15
_FRAME_PENALTY = 0.75
_KEYWORD_BONUS = 1.0
#: Frames that decide what a question is about whatever else it names ("does anyone in
#: your family have heart problems?" asks for the family history): missing one costs a
#: fact twice the frame's strength.
_DOMINANT = frozenset({"family_history", "allergies", "surgery", "medications",
                       "treatment_so_far", "adherence", "vaccination", "birth_history", "travel",
                       "smoking", "alcohol", "recreational_drugs", "sick_contacts",
                       "accompanied", "pets", "hobbies", "blood_group", "insurance", "height",
                       "hometown", "bedtime"})
#: Frames that always displace another when both are asked.
#: Attributes of a symptom: asked about a symptom a fact covers, they cost it nothing.
_ATTRIBUTES = frozenset({"onset", "duration", "progression", "frequency", "location",
                         "radiation", "character", "severity", "aggravating", "relieving",
                         "timing"})
_ABSOLUTE = {"family_history": ("past_history", "previous_episodes", "medications",
                                "allergies"),
             # "allergic to any medicines or foods?" asks the allergies, not the diet
             "allergies": ("medications", "treatment_so_far", "recreational_drugs", "diet"),
             # "会叫爸爸妈妈了吗" asks what the child can say, not about the parents
             "development": ("family_history",),
             # "您是孩子的妈妈吗" asks who is answering, not about the family
             "informant": ("family_history", "name_age", "social"),
             # "是家里人陪你来的吗" asks who came along today, not the family or home
             "accompanied": ("family_history", "social", "chief_complaint"),
             # "家里有没有养宠物" asks about pets, not the family; "你老家是哪里的" the
             # home town, not where the pain is
             "pets": ("family_history", "social"), "hobbies": ("social", "exercise"),
             "insurance": ("social",), "height": ("name_age", "severity"),
             # "孩子平时几点睡觉" asks the daily routine, not whether sleep is a problem
             "bedtime": ("sleep", "activity_child"),
             "hometown": ("location", "social", "travel"),
             # "tightness when exercising" is what exertion brings on, not the exercise
             # the patient takes
             "exercise_tolerance": ("exercise",),
             "adherence": ("medications", "treatment_so_far"),
             # "疫苗按时接种了吗" asks about the vaccines, not about taking medicines
             "vaccination": ("adherence", "treatment_so_far"),
             # someone at home with a cold now is a sick contact, not a family history
             "sick_contacts": ("family_history",),
             # "what do you think is going on?" asks the patient's ideas, not the complaint
             # "你担心会影响学习吗" is the worry, not only the impact
             "ice": ("chief_complaint", "severity", "impact"),
             # "之前有没有什么慢性病" names an illness: the past history, not earlier
             # episodes of this complaint
             "past_history": ("previous_episodes",)}
#: Parts of the history whose object may be any condition: a fact covering one of these,
#: when the question asks it, is not counted against for naming a condition it lacks.
_HISTORY_OBJECTS = frozenset({"family_history", "past_history", "allergies", "surgery",
                              "medications", "treatment_so_far",
                              "vaccination", "sick_contacts"})
#: Below this score a fact won through a single one-word concept (see
#: :meth:`Matcher._unexplained`).
_THIN = 1.5
#: Whether the chief complaint may answer a question that names its symptom but not the
#: complaint itself, beside words that no concept and no fact explains ("Is the pain on
#: the left side or in the centre?", "腰背部痛吗", "is this different from your normal
#: headaches?"): with ``True`` such a question is "unsure" (see :meth:`Matcher._stray`).
#: Measured by bench/bench_vpatient_tradeoff.py.
CC_FALLBACK_STRICT = True
#: Whether a fact won by its own case keywords alone (none of its topics asked) is refused
#: while the question holds an English word the lexicon and the case do not know
#: (:meth:`Matcher._unknown_words`).
#: Measured by bench/bench_vpatient_tradeoff.py.
KEYWORD_ONLY_STRICT = False
#: A fact that wins with less than this score (one one-word concept: 1.0) is not answered
#: while the question holds an English word the lexicon and the case do not know
#: (:meth:`Matcher._unknown_words`); 0 turns the rule off. Measured by
#: bench/bench_vpatient_tradeoff.py.
STRAY_THIN = 0.0
#: A fact won by its case keywords alone, ahead of a fact whose topic the question asks
#: by less than this, does not answer (see the module docstring, step 3).
KEYWORD_MARGIN = 0.5
#: Chinese characters of a yes/no question's frame that point at no part of the history.
_ZH_FILLER = re.compile(r"有没有|有无|是不是|会不会|最近|现在|平时|孩子|宝宝|你|您|他|她|还|有|没|"
                        r"过|了|吗|呢|啊|呀|么|不|的|吧|嘛|是|会|也|都|就|得|着|在|这|那|个|一|"
                        r"点|些|下|请问|问|要|能|觉得|感觉|一直|经常|老|总")
#: Everyday words of a question that point at no part of the history.
_FILLER = frozenset({"feel", "notic", "get", "today", "now", "recent", "recently", "still",
                     "much", "many", "well", "know", "said", "lately", "time", "bit",
                     "little", "else", "thing", "okay", "sort", "kind", "mean", "seem",
                     "just", "been", "going", "come", "right", "last", "long", "happen",
                     "usual", "normal", "okay", "alright", "sure", "able", "need", "want",
                     "around", "take", "make", "mind", "about", "there", "those", "these"})
#: The order the generic frames give way in (see :meth:`Matcher._concepts`): "when" and the
#: complaint first, while a history frame that may go later still counts against them
#: ("have you noticed chest pain when walking lately?" is not asking when it began).
_GENERIC_ORDER = ("onset", "chief_complaint", "past_history", "previous_episodes")
#: A concept asked in a case with no fact for it, answered by the first of its narrower
#: or neighbouring concepts that the case has ("大便正常吗" in a case whose fact covers
#: diarrhoea; "how is your eating?" in a case with a diet fact but no appetite fact;
#: "胸闷" where a fact covers chest pain): the patient answers from that fact rather than
#: deny a symptom the script speaks about.
_RELATIVES = {"bowel_habit": ("diarrhea", "constipation", "blood_stool"),
              "urinary": ("polyuria", "dysuria", "hematuria", "wet_nappies"),
              "appetite": ("vital_feeding", "diet"),
              "wheeze": ("dyspnea",),
              "sputum": ("cough",),
              "nausea": ("vomiting",), "vomiting": ("nausea",),
              "hematuria": ("urinary", "wet_nappies"), "dysuria": ("urinary",),
              "blood_stool": ("bowel_habit", "diarrhea"),
              "constipation": ("bowel_habit", "diarrhea"), "diarrhea": ("bowel_habit",),
              # "any operations?" in a case whose past history tells the operations
              # ("以前身体挺好 ... 没做过手术"); see :data:`_TOLD_RELATIVES`
              "surgery": ("past_history",)}
#: Relatives answered only by a fact whose answer speaks of the concept asked: a past
#: history that says nothing of operations does not answer "any operations?" (the
#: script does not hold it, see :meth:`Matcher._tells`).
_TOLD_RELATIVES = frozenset({"surgery", "wheeze"})
#: A question to the patient whether it is some disease ("is it a heart attack?", "是不是
#: 阑尾炎", "could this be my heart?"), and words that name a disease.
_DIAGNOSIS_ASKED = re.compile(
    r"^\s*(?:so,?\s*|and\s*)?(?:is it|is this|is that|could it be|could this be|might it be|"
    r"would it be|do you think (?:it is|this is|it might be|it could be|you have|you have got)|"
    r"are you worried it is)\b"
    r"|^(?:那|所以|你说|您说)?(?:是不是|会不会|该不会|难道是|你觉得是|您觉得是|可能是)")
_DISEASE_WORD = re.compile(
    r"炎|癌|梗|瘤|结石|出血|中风|脑卒中|衰竭|糖尿病|\b(?:attack|disease|infection|cancer|"
    r"bleed|failure|failing|stroke|clot|embolism|tumou?r|appendicitis|pneumonia|"
    r"meningitis|diabetes|angina|aneurysm|haemorrhage|hemorrhage|migraine)\b")
#: Symptoms that are also things a patient does: named with what makes a complaint worse
#: or better ("咳一下会不会更痛", "does it hurt more when you cough or take a deep breath?")
#: they are the circumstance, not a symptom asked about (lying back is a position when
#: the complaint is a pain; "breathless when you lie flat" is orthopnoea).
_ACTIONS = frozenset({"cough", "vomiting", "dyspnea", "orthopnea"})
#: Attributes whose words may hold the symptom they are asked of ("烧得高": severity and
#: fever); a site in the words of a location or radiation is only a site ("into your neck").
_OF_SYMPTOM = frozenset({"severity", "frequency", "duration", "progression", "timing"})
_FUZZ_WHOLE = 88
_FUZZ_WORD = 85


@dataclass
class Match:
    """What a question asked for.

    :ivar kind: ``fact`` (``fact_ids`` answer it), ``negative`` (a symptom the case does
        not list: the patient denies it), ``builtin`` (name/age/occupation, or who answers for the patient, from the
        demographics), ``skill`` (only communication, e.g. a greeting, or an offer such as
        "would you like some water?") or ``unsure``.
    :ivar fact_ids: the facts to reveal (one, or two for a compound question).
    :ivar concepts: ``{concept id: strength}`` found in the question.
    :ivar skills: communication skills shown by the question.
    :ivar score: the best fact's score (0 when none).
    :ivar denied: the unlisted symptom concept denied (``negative``), or the part of the
        history asked that the script does not hold (``unsure``: "do you have pets?").
    :ivar scores: ``{fact id: score}`` of every fact that scored (for the benchmark).
    :ivar candidates: ``unsure`` only: the facts (best first) that scored within
        :data:`MARGIN` of each other, none clearly the one asked for (never revealed).
    """

    kind: str
    fact_ids: list[str] = field(default_factory=list)
    concepts: dict[str, float] = field(default_factory=dict)
    skills: list[str] = field(default_factory=list)
    score: float = 0.0
    denied: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    candidates: list[str] = field(default_factory=list)


#: English words that open a question: after "and"/"or" they start a second question
#: ("do you smoke, and how much do you drink?"), unlike "hot and sweaty".
_QUESTION_OPENERS = ("do", "does", "did", "are", "is", "was", "were", "have", "has", "had",
                     "how", "what", "when", "where", "which", "who", "why", "any", "can",
                     "could", "would", "will", "tell", "anything", "ever")


#: English question words: not counted as known words (:meth:`Matcher._unknown_words`).
_QUESTION_WORDS = frozenset({"what", "when", "where", "which", "whose", "does", "have",
                             "were", "would", "could", "should", "will"})


#: What a Chinese yes/no question wraps around its topic word (有没有…, …吗, 会不会…,
#: the person asked about); what is left is the topic.
_ZH_FRAME_WORDS = re.compile(r"有没有|有无|是不是|会不会|最近|现在|平时|孩子|宝宝|你|您|他|她|"
                             r"还|有|没|过|了|吗|呢|啊|呀|么|不|的|吧|嘛|\W")


#: Medicine names in an answer: English generic-name endings and common brands, Chinese
#: dosage forms (…片, …散, …胶囊, …糖浆) and common names. Source: WHO INN stems
#: (-pril, -olol, -sartan, -dipine, -statin ...), which name a drug's class.
_DRUG_EN = re.compile(
    r"\b(?!cholesterol)(?:[a-z]{3,}(?:pril|olol|sartan|dipine|statin|formin|semide|thiazide|cillin|mycin|"
    r"floxacin|prazole|tidine|amol|profen|parin|farin|xaban|gliptin|glutide|lukast|terol|"
    r"olone|zepam|oxetine|triptan|azosin)|aspirin|insulin|warfarin|gaviscon|paracetamol|"
    r"ibuprofen|codeine|morphine|salbutamol|ventolin|digoxin|clopidogrel|heparin|"
    r"rennies?|nurofen|calpol|co-codamol|gtn)\b", re.IGNORECASE)
_DRUG_ZH = re.compile(r"[^\W\d_和与及了点的吃给用喝过一些是在子儿小每]{2,3}(?:片|散|胶囊|糖浆|颗粒|口服液|滴剂|软膏)|"
                      r"布洛芬|对乙酰氨基酚|阿司匹林|胰岛素|青霉素|头孢|阿莫西林|美林|泰诺林|"
                      r"二甲双胍|硝苯地平|氨氯地平|降压药|降糖药")


def named_drugs(text: str) -> list[str]:
    """The medicine names in ``text`` (a fact's answer), lower-case, in order, each once
    (see :data:`_DRUG_EN`, :data:`_DRUG_ZH`); ``[]`` when it names none."""
    out: list[str] = []
    for m in list(_DRUG_EN.finditer(text or "")) + list(_DRUG_ZH.finditer(text or "")):
        name = m.group(0).lower()
        if name not in out:
            out.append(name)
    return out


def _raw_words(texts) -> frozenset[str]:
    """The English words of 4+ letters in ``texts``, normalised but not stemmed."""
    return frozenset(w for text in texts for w in re.findall(r"[a-z]+", normalise(text))
                     if len(w) >= 4)


@lru_cache(maxsize=1)
def _lexicon_raw_words() -> frozenset[str]:
    """:func:`_raw_words` of every English pattern of the lexicon (computed once)."""
    return _raw_words(p.text for c in concepts().values() for p in c.patterns
                      if not is_chinese(p.text))


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """The Chinese words of the lexicon's patterns (each literal part of a pattern)."""
    return frozenset(part for c in concepts().values() for p in c.patterns if is_chinese(p.text)
                     for part in normalise(p.text).lstrip("=").replace(" ", "").split("*"))


def _clauses(question: str) -> tuple[list[str], bool]:
    """The separate questions in ``question`` and whether they are whole questions.

    Whole questions: split at question marks and semicolons, at Chinese 还有/以及/另外,
    and at English "and"/"or" where a new question starts (a question word or auxiliary
    follows: "do you smoke, and how much do you drink?"). Failing those, words joined by
    "and"/"or"/或者/还是/和/、 give parts marked ``False``: out of their sentence they
    lose its sense ("走路或者咳嗽的时候会不会更疼" is one question, "hot and sweaty" one
    state), so they may only settle which of the facts the whole question could not choose
    between ("any fluttering or pain in your chest?"), never add a fact to a clear answer.
    Parts of one character are dropped.

    :returns: ``(parts, whole_questions)``; one part when nothing splits.
    """
    # ("antacids or anything before the ambulance came" is one question: "or anything"
    # closes a list, it opens no new one)
    opener = r",?\s+(?:and|or(?!\s+anything\b))\s+(?=(?:" + "|".join(_QUESTION_OPENERS) + r")\b)"
    out: list[str] = []
    for chunk in re.split(r"[;；?？]|，?还有|，?以及|，?另外", question):
        out.extend(re.split(opener, chunk, flags=re.IGNORECASE))
    out = [c for c in out if len(c.strip()) > 2]
    if len(out) >= 2:
        return out, True
    pieces = re.split(r",?\s+(?:and|or)\s+|或者|还是|、|和", question, flags=re.IGNORECASE)
    return [p for p in pieces if len(p.strip()) > 1], False


def _span(evidence: frozenset) -> frozenset:
    """The whole stretch a pattern's evidence covers: for Chinese character positions
    every position from the first to the last (gaps included); English words as they are."""
    if evidence and all(isinstance(i, int) for i in evidence):
        return frozenset(range(min(evidence), max(evidence) + 1))
    return evidence


class Matcher:
    """Matches questions to the facts of one :class:`CaseScript`.

    :param case: a validated script.
    """

    def __init__(self, case: CaseScript):
        self.case = case
        self.lexicon = concepts()
        # the medicines a fact names ("Ramipril, bisoprolol ... furosemide", "蒙脱石散和颠茄片")
        # are its keywords: "have you been taking your furosemide?" is about the case's
        # drugs, and the frame (adherence, treatment so far) decides between the facts
        self._drug_names = {f.id: named_drugs(f.answer) for f in case.facts}
        self._all_drugs = frozenset(n for names in self._drug_names.values() for n in names)
        self._regular_drugs = frozenset(
            n for f in case.facts if "treatment_so_far" not in f.topics
            for n in self._drug_names[f.id])
        self._fact_patterns = {
            f.id: ([compile_pattern(k) for k in f.keywords]
                   + [compile_pattern(n) for n in self._drug_names[f.id]],
                   [compile_pattern(q) for q in f.questions],
                   [normalise(q) for q in f.questions])
            for f in case.facts}
        self._example_words = {
            q: frozenset(stem(w) for w in re.findall(r"[a-z]+", q)
                         if w not in STOPWORDS and w not in _QUESTION_WORDS
                         and w not in ("what", "how", "who", "why"))
            for _, _, qn in self._fact_patterns.values() for q in qn}
        owned: set[str] = set()
        for f in case.facts:
            owned.update(f.topics)
        self._owned = owned
        # what each fact covers: its topics, and for a fact of the past history the
        # past-history frame itself ("any history of stroke?" may ask the fact that
        # lists strokes among other past conditions)
        self._covers = {f.id: frozenset(f.topics) | (
            {"past_history"} if f.category == "past" else set()) for f in case.facts}
        # the history of the presenting complaint is about the presenting symptom:
        # "where is the headache?" asks the site fact, which need not repeat "headache"
        presenting = {t for f in case.facts if f.category == "presenting" for t in f.topics
                      if t in self.lexicon and self.lexicon[t].kind == "symptom"}
        presenting -= {t for f in case.facts if f.category != "presenting" for t in f.topics}
        self._inherited = {f.id: presenting - set(f.topics) if f.category == "hpi" else set()
                           for f in case.facts}
        # every symptom of the chief complaint: the context of the whole interview ("发烧
        # 的时候抽过筋吗" asks about fits; the fever is the reason the child is here)
        # symptoms of this illness whose own course the history tells (an hpi fact with
        # its onset: "今天早上开始喘得快"); "before" asked of one asks the past
        self._hpi_symptoms = frozenset(
            t for f in case.facts if f.category == "hpi" and "onset" in f.topics
            for t in f.topics
            if t in self.lexicon and self.lexicon[t].negative) - frozenset(
            t for f in case.facts if f.category != "hpi" for t in f.topics)
        self._relief_symptoms = frozenset(
            t for f in case.facts if f.category != "presenting" and "relieving" in f.topics
            for t in f.topics if t in self.lexicon and self.lexicon[t].negative)
        self._past_facts = frozenset(f.id for f in case.facts if f.category == "past")
        # each fact's answer as text and as English stems (for :meth:`_echo`)
        self._answers = {f.id: normalise(f.answer).replace(" ", "") for f in case.facts}
        self._answer_stems = {f.id: frozenset(stem(w) for w in re.findall(
            r"[a-z]+", normalise(f.answer))) for f in case.facts}
        # facts of the history of the complaint that tell attributes only (character,
        # onset ...), no symptom
        self._attribute_fact = {f.id: f.category == "hpi" and bool(f.topics) and all(
            t in self.lexicon and self.lexicon[t].kind == "frame" for t in f.topics)
            for f in case.facts}
        self._fact_topics = {f.id: frozenset(f.topics) for f in case.facts}
        #: the presenting complaint is a pain ("is it worse when you breathe in?": "it")
        self._pain_case = any(f.category == "presenting" and "pain" in f.topics
                              for f in case.facts)
        self._presenting = frozenset(
            t for f in case.facts if f.category == "presenting" for t in f.topics
            if t in self.lexicon and self.lexicon[t].kind == "symptom" and t != "pain")
        vocab: set[str] = set()
        for c in self.lexicon.values():
            for p in c.patterns:
                vocab.update(p._words)
        for kw, qs, _ in self._fact_patterns.values():
            for p in kw + qs:
                vocab.update(p._words)
        self._vocab = sorted(w for w in vocab if len(w) >= 4 and w.isalpha())
        self._all_words = frozenset(vocab)
        prefixes: set[str] = set()
        for c in self.lexicon.values():
            for p in c.patterns:
                prefixes.update(p._prefixes)
        for kw, qs, _ in self._fact_patterns.values():
            for p in kw + qs:
                prefixes.update(p._prefixes)
        self._all_prefixes = tuple(sorted(p for p in prefixes if len(p) >= 3))
        self._corrections: dict[str, str] = {}
        self._told: dict[tuple[str, str], bool] = {}
        # the vocabulary as written (before stemming: "familly" is near "family", not
        # near its stem "famy")
        self._raw_vocab = sorted(_lexicon_raw_words() | _raw_words(
            t for f in case.facts for t in f.keywords + f.questions))
        # the Chinese words of the interview (the lexicon's and the case's), for mending
        # pinyin-input slips (发少 -> 发烧)
        zh_words = _lexicon_words() | {normalise(k).replace(" ", "")
                                       for f in case.facts for k in f.keywords}
        self._homophones = HomophoneRepair(zh_words)

    # ---------------------------------------------------------------- steps

    def _unknown_words(self, views) -> tuple[int, int]:
        """``(unknown, known)``: the English content words of the question (4+ letters)
        that the lexicon and the case do not know and that they know (``(0, 0)`` for
        Chinese); a word within rapidfuzz similarity 85 of a known one, or a misspelling
        of one (:meth:`_correction`), is known."""
        if is_chinese(views[0]):
            return 0, 0
        known = unknown = 0
        for w in re.findall(r"[a-z]+", views[0]):
            if w in STOPWORDS or len(w) < 4 or w in _QUESTION_WORDS:
                continue
            s = stem(w)
            if s in self._all_words or any(s.startswith(p) for p in self._all_prefixes) \
                    or self._correction(w) or process.extractOne(
                        s, self._vocab, scorer=fuzz.ratio, score_cutoff=_FUZZ_WORD):
                known += 1
            else:
                unknown += 1
        return unknown, known

    def _views(self, question: str):
        norm, words, nospace = question_views(self._homophones.repair(question))
        extra = {c for c in map(self._correction, set(re.findall(r"[a-z]+", norm))) if c}
        return norm, frozenset(words | extra), nospace

    def _correction(self, raw: str) -> str:
        """The vocabulary word that ``raw`` (one lower-case English word) is a misspelling
        of, or ``""``: within rapidfuzz similarity 85 (5+ letters) or one letter added,
        dropped, changed or two swapped (optimal string alignment), the length changed by
        one at most ("consultant" is no misspelling of "constant"). A word the vocabulary
        or a prefix pattern knows is none ("shoot" is "shoot*", not "shots"), nor a word
        of English ("might" is not "night"), unless it is a form of a vocabulary word the
        stemmer missed ("weighed" -> "weight")."""
        cached = self._corrections.get(raw)
        if cached is not None:
            return cached
        w = stem(raw)
        out = ""
        if len(w) >= 4 and w not in self._vocab_set and not w.startswith(self._all_prefixes):
            english = is_english_word(raw)
            if not english:
                # of the words one edit away, the most alike ("fevr": "fever", not "fear")
                near = process.extract(raw, self._raw_vocab, scorer=OSA.distance,
                                       score_cutoff=1, limit=20)
                if near:
                    out = stem(max((h[0] for h in near),
                                   key=lambda v: (fuzz.ratio(raw, v), v)))
            if not out:
                hit = process.extractOne(w, self._vocab, scorer=fuzz.ratio,
                                         score_cutoff=_FUZZ_WORD) if len(w) >= 5 else None
                if hit and abs(len(hit[0]) - len(w)) > 1:
                    hit = None
                if english:
                    out = hit[0] if hit and hit[0].startswith(w) else ""
                else:
                    hit = hit or process.extractOne(w, self._vocab, scorer=OSA.distance,
                                                    score_cutoff=1)
                    out = hit[0] if hit and abs(len(hit[0]) - len(w)) <= 1 else ""
        self._corrections[raw] = out
        return out

    @property
    def _vocab_set(self) -> frozenset[str]:
        vs = getattr(self, "_vs", None)
        if vs is None:
            vs = self._vs = frozenset(self._vocab)
        return vs

    def concepts_in(self, question: str) -> dict[str, float]:
        """``{concept id: strength}`` of the lexicon concepts found in ``question``."""
        return self._concepts(question)[0]

    def _concepts(self, question: str) -> tuple[dict[str, float], dict[str, frozenset]]:
        """:meth:`concepts_in` and, per concept found, what of the question it matched
        (English words or Chinese character positions)."""
        views = self._views(question)
        # an English pattern must occur within one sentence ("I'm a medical student.
        # What's the problem?" does not ask about "medical problems")
        sentences = [views]
        if not is_chinese(views[0]):
            parts = [p for p in re.split(r"[.!?;]+", question) if p.strip()]
            if len(parts) > 1:
                sentences = [self._views(p) for p in parts]
        hits: dict[str, list[tuple[float, frozenset]]] = {}
        evidence: dict[str, frozenset] = {}
        spans: dict[str, frozenset] = {}
        for cid, c in self.lexicon.items():
            for p in c.patterns:
                ev = None
                for sv in sentences:
                    e = p.evidence(*sv)
                    if e is not None:
                        ev = e if ev is None else ev | e
                if ev is not None:
                    hits.setdefault(cid, []).append((p.weight, ev))
                    evidence[cid] = evidence.get(cid, frozenset()) | ev
                    spans[cid] = spans.get(cid, frozenset()) | _span(ev)
        # a concept seen only inside another one's words is part of it ("头疼" is not
        # a second "疼"; "stomach pain" is not a second "pain"; "看什么病" is not "什么病"),
        # but one that lies wholly in the gap of a "*" pattern is a word of its own
        # ("现在哪个位置最疼": "位置" is a location, not part of "现在*疼"); each pattern
        # that matched is judged on its own
        found: dict[str, float] = {}
        own: dict[str, frozenset] = {}  # what the patterns kept matched
        when: set[str] = set()  # symptoms named only as when the asked thing happens
        for cid, pats in hits.items():
            # (a symptom inside the words of an attribute asked of it stays: "烧得高不高"
            # asks how high the fever is)
            kept = [(w, ev) for w, ev in pats
                    if not any(o != cid and ev < spans[o] and ev & evidence[o]
                               and not evidence[o] <= evidence[cid]
                               # a symptom word of its own that only shares its last
                               # character with another's gap pattern ("小便的时候有没有
                               # 尿痛": 尿痛 is dysuria, not part of "小便*尿")
                               and not (self.lexicon[cid].negative
                                        and len(ev - evidence[o]) >= len(ev & evidence[o]))
                               and not (self.lexicon[cid].negative
                                        and o in _OF_SYMPTOM)
                               for o in hits)]
            if kept:
                found[cid] = max(w for w, _ in kept)
                own[cid] = frozenset().union(*(ev for _, ev in kept))
        # a short Chinese yes/no question whose only word is one character ("有没有喘？",
        # "吐了吗？") asks about that symptom as clearly as a two-character word does
        nospace = views[2]
        if is_chinese(nospace):
            core = _ZH_FRAME_WORDS.sub("", nospace)
            for cid in found:
                if self.lexicon[cid].kind == "symptom" and found[cid] < THRESHOLD \
                        and 0 < len(core) <= 2 and set(core) <= {
                            nospace[i] for i in evidence[cid]}:
                    found[cid] = 1.0
        # "A的时候B": A is when, B is what is asked ("烧起来的时候抽过筋吗" asks about fits);
        # a symptom named only in the "when" part counts half
        if is_chinese(nospace):
            k = nospace.find("的时候")
            after = frozenset(range(k + 3, len(nospace))) if k > 0 else frozenset()
            if after and any(evidence[c] & after for c in found
                             if self.lexicon[c].kind != "skill"):
                for cid in found:
                    if self.lexicon[cid].kind == "symptom" and max(own[cid]) < k:
                        found[cid] *= 0.5
                        when.add(cid)
                # a symptom named across it is the whole question ("解小便的时候疼不疼"
                # is pain on passing urine, not what makes the pain worse)
                if any(self.lexicon[c].kind == "symptom" and c != "pain"
                       and min(evidence[c]) < k < max(evidence[c]) for c in found):
                    found.pop("aggravating", None)
        # snoring is asked of the sleep ("孩子睡觉打不打鼾", "does he snore in his sleep?"):
        # the sleep is where it happens, not what is asked
        if "snoring" in found:
            found.pop("sleep", None)
        # "what problems do you have with your heart?": a condition that is not the
        # presenting complaint makes "what problem" a question about that condition
        if "chief_complaint" in found and any(
                self.lexicon[c].kind == "symptom" and not self.lexicon[c].negative
                and c != "pain" and c not in self._presenting for c in found):
            del found["chief_complaint"]
        # eating as the circumstance of a complaint ("吃了东西以后疼得更厉害吗", "is it worse
        # after you eat?", in a case whose complaint is a pain "跟吃东西有关系吗") asks what
        # brings the complaint on, not about the appetite
        if ("appetite" in found or "diet" in found) and any(
                c in found for c in ("aggravating", "relieving", "timing")) and (
                "pain" in found or any(c in self._presenting for c in found)
                or self._pain_case and not any(self.lexicon[c].negative for c in found
                                               if c not in ("appetite", "diet"))
                and re.search(r"有关|关系|\b(?:related|relation|connected|linked)\b", views[0])):
            found.pop("appetite", None)
            found.pop("diet", None)
        # "chest" alone is a site when another symptom is named in it ("any fluttering or
        # racing in your chest?", "胸口有没有发紧、心慌"): not a question about chest pain
        chest_words = {nospace[i] if isinstance(i, int) and i < len(nospace) else i
                       for i in evidence.get("chest_pain", ())}
        if "chest_pain" in found and chest_words <= {"chest", "胸", "口", "部"} and any(
                self.lexicon[c].negative and c != "chest_pain" for c in found):
            del found["chest_pain"]
        # a symptom that is also something the patient does, named as what makes the
        # complaint worse or better ("咳一下会不会更痛", "does it hurt more when you
        # cough?"), is the circumstance, not a symptom asked about
        # ("it" is the complaint when the complaint is a pain; "the cough" / "your
        # breathing" with a determiner is the symptom itself: "what makes your cough worse?")
        if any(c in found for c in ("aggravating", "relieving")) and (
                "pain" in hits or any(c in self._presenting for c in found)
                or self._pain_case) and not re.search(
                r"\b(?:the|your|his|her|this|that)\s+(?:cough\w*|breath\w*|vomit\w*|"
                r"sickness)\b", views[0]):
            for cid in [c for c in found if c in _ACTIONS and c not in self._presenting
                        and (c != "orthopnea" or self._pain_case or "pain" in hits)]:
                del found[cid]
        # whether a medicine brought a symptom down ("吃了退烧药能退下去吗", "用药后体温降得
        # 下来吗") asks how that symptom is relieved, when a fact tells what relieves it:
        # the medicine is the circumstance
        relief_of_medicine = "relieving" in found and any(
            c in self._relief_symptoms for c in found)
        if relief_of_medicine:
            found.pop("treatment_so_far", None)
            found.pop("medications", None)
        # a recent infection or illness ("any infection recently, like a chest infection
        # or a sore throat?", "最近有没有生过别的病") is the review of systems - fever, a
        # cold - not the past history or a long-standing condition
        if "recent_illness" in found:
            strength = found.pop("recent_illness")
            for cid in [c for c in found if c in ("past_history", "previous_episodes")
                        or self.lexicon[c].kind == "symptom"
                        and not self.lexicon[c].negative
                        # "feeling unwell with a cold" is the cold, not today's complaint
                        or c == "chief_complaint"
                        and evidence[c] & evidence["recent_illness"]]:
                del found[cid]
            for cid in ("fever", "ear_throat"):
                found[cid] = max(found.get(cid, 0.0), strength)
                evidence[cid] = evidence.get(cid, frozenset()) | evidence["recent_illness"]
        # a light that hurts the eyes is photophobia, not a question about vision
        if "photophobia" in found and "vision" in found and {
                nospace[i] if isinstance(i, int) and i < len(nospace) else i
                for i in evidence["vision"]} <= {"eye", "ey", "眼", "睛"}:
            del found["vision"]
        # how much is drunk asked after thirst or passing urine ("口渴、尿多…每天大概喝
        # 多少？") is the water drunk, not alcohol
        if "alcohol" in found and any(c in found for c in ("thirst", "polyuria")) and not re.search(
                r"酒|\b(?:alcohol|beer|wine|spirits|pints?|units?)\b", views[0]):
            del found["alcohol"]
        # talking to someone ("before I talk to my senior", "did you speak to the GP?")
        # is no trouble with speech
        if "speech" in found and {str(w) for w in evidence["speech"]} <= {"talk", "speak"} \
                and re.search(r"\b(?:talk|speak)\w* (?:to|with)\b", views[0]):
            del found["speech"]
        # "after work" / "at work" is a time or a place, not the occupation asked
        if "occupation" in found and evidence["occupation"] <= {"work"} and re.search(
                r"\b(?:after|before|at|from|during|since) work\b", views[0]):
            del found["occupation"]
        # an age asked within a part of the history is a time in it, not the patient's
        # age: "how old was your father when he died?" is the family history, "since what
        # age?" of cigarettes the smoking history, "几岁开始喝酒的" the drinking
        if any(c in _DOMINANT for c in found):
            found.pop("name_age", None)
        # a relative with an infection now ("家里其他人最近有没有感冒？", "has anyone at
        # home had a cold this week?") is a sick contact, not the family history
        if "family_history" in found and "sick_contacts" in self._owned and any(
                c in found for c in ("fever", "ear_throat", "cough", "diarrhea", "vomiting",
                                     "rash", "recent_illness")) and re.search(
                r"最近|这几天|这两天|这段时间|现在|近来|\b(?:recent\w*|lately|at the moment|"
                r"this week|currently|now)\b", views[0]):
            found["sick_contacts"] = found.pop("family_history")
            evidence["sick_contacts"] = evidence.get("sick_contacts", frozenset()) \
                | evidence["family_history"]
        # "are you living with family?" asks the social history
        if "social" in found and "family_history" in found and (
                "liv" in evidence["social"] or "住" in "".join(
                    nospace[i] for i in evidence["social"]
                    if isinstance(i, int) and i < len(nospace))):
            del found["family_history"]
        # "pain" is the generic one: "关节疼吗" asks about joints, not the pain complained of
        if "pain" in found and any(self.lexicon[o].negative for o in found):
            del found["pain"]
        # "how far" asked of a symptom that is not the complaint ("how far up your legs
        # does the swelling go?") is how far that symptom spreads, not how far the
        # patient can walk
        if "exercise_tolerance" in found and evidence["exercise_tolerance"] <= {
                "how", "far", "furthest", "up"} and any(
                self.lexicon[c].negative and c not in self._presenting
                and c not in ("dyspnea", "pain", "chest_pain") for c in found):
            del found["exercise_tolerance"]
        # a change asked with the site and no word of how bad ("一开始是哪里疼，后来有没有
        # 变化？", "has the pain moved since it started?") is a change of the site
        if "progression" in found and "location" in found and "severity" not in found:
            del found["progression"]
        # "lost weight without trying" is no treatment tried
        if "treatment_so_far" in found and re.search(r"\bwithout (?:trying|try)\b", views[0]):
            del found["treatment_so_far"]
        # rest named as what eased the complaint ("did it settle when you rested?", "休息
        # 一下能好吗") is a relief, not the exercise tolerance
        if "exercise_tolerance" in found and "relieving" in found and all(
                str(w).startswith("rest") or w in STOPWORDS or w == "when"
                for w in evidence["exercise_tolerance"]):
            del found["exercise_tolerance"]
        # the past history asked of the presenting symptom alone ("have you been in
        # hospital with your breathing before?", "以前因为肚子疼住过院吗") asks about earlier
        # bouts of this complaint
        if "past_history" in found and "previous_episodes" in self._owned and any(
                c in self._presenting for c in found) and not any(
                self.lexicon[c].kind == "symptom" and c not in self._presenting
                and c != "pain" for c in found):
            found["previous_episodes"] = max(found.pop("past_history"),
                                             found.get("previous_episodes", 0.0))
            evidence["previous_episodes"] = evidence.get("previous_episodes", frozenset()) \
                | evidence["past_history"]
        for strong, weak in _ABSOLUTE.items():
            if strong in found:
                for w in weak:
                    found.pop(w, None)
        # "以前有没有嗓子疼" / "ever had chest pain before?" asks about that symptom, not
        # about earlier episodes of the complaint that brought the patient (which the
        # previous-episodes frame means): a symptom named that is not presenting takes it
        # (unless a presenting symptom is named too: "以前拉过肚子或者肚子疼过吗" asks about
        # earlier bouts of this trouble)
        # (but a symptom of this illness, told in the history of the presenting complaint,
        # asked "before" asks the past: "孩子以前有没有喘过" when the wheeze began today)
        # ("anything similar before, maybe after your heart attack?" still compares with
        # this complaint)
        if "previous_episodes" in found and any(
                self.lexicon[o].kind == "symptom" and o not in self._presenting and o != "pain"
                and o in self._owned and o not in self._hpi_symptoms for o in found) \
                and not any(o in self._presenting for o in found) \
                and not re.search(r"\bsimilar\b|\blike (?:this|that|it)\b|类似|这样|这种",
                                  views[0]):
            del found["previous_episodes"]
        # "than before" / "比以前" compares with how things were, it asks no earlier bouts
        # ("getting puffed out more easily than before?", "比以前更容易累吗")
        if "previous_episodes" in found and re.search(
                r"\bthan (?:before|usual|normal|it was|they were)\b|比以前|比之前|比平时|比原来",
                views[0]):
            del found["previous_episodes"]
        # "lately" is a time, not earlier bouts, when a symptom that is not the complaint
        # is asked ("have you been under a lot of stress lately?")
        if "previous_episodes" in found and evidence["previous_episodes"] <= {"lat", "lately"} \
                and any(self.lexicon[c].kind == "symptom" and c not in self._presenting
                        and c != "pain" for c in found):
            del found["previous_episodes"]
        # "X之前" after an event of this illness ("烧起来之前有没有打寒战", "发病之前有没有
        # 感冒") is a time in the story, not "previously"
        # ("just before it started" / "before it came on" likewise)
        if "previous_episodes" in found and re.search(
                r"\bbefore (?:it|this|the \w+) (?:start|began|begin|came on|come on|kick)",
                views[0]):
            del found["previous_episodes"]
        before = nospace.find("之前") if is_chinese(nospace) else -1
        if "previous_episodes" in found and before > 0 and "以前" not in nospace and (
                re.search(r"(?:起来|开始|发病|发作|生病|发烧|烧|疼|痛|吐|拉|咳|喘|来医院|"
                          r"来看病|住院)(?:的)?之前", nospace)
                or any(before - 1 in evidence[c] for c in found
                       if self.lexicon[c].kind == "symptom")):
            del found["previous_episodes"]
        # a long-standing condition named (high blood pressure, diabetes, heart trouble)
        # with no symptom: "how long have you had diabetes?" asks the past history, not
        # the onset of the complaint; "do you take anything for your blood pressure?" asks
        # the regular medicines, not what was tried for the complaint
        chronic = [c for c in found if self.lexicon[c].kind == "symptom"
                   and not self.lexicon[c].negative and c not in ("pain", "activity_child")]
        # (a medicine the patient tried for this complaint - "paracetamol or anything
        # before you came in" - is what was tried, not a regular medicine)
        drug = any(n in nospace if is_chinese(n) else re.search(r"\b" + re.escape(n), views[0])
                   for n in self._regular_drugs)
        if (chronic or drug) and not any(self.lexicon[c].negative for c in found):
            for cid in ("onset", "duration", "progression"):
                found.pop(cid, None)
            # "what's your cholesterol like?" asks about the condition, not the character
            # of a pain
            if "pain" not in found:
                found.pop("character", None)
            if "treatment_so_far" in found and "medications" not in found:
                found["medications"] = found.pop("treatment_so_far")
                evidence["medications"] = evidence["treatment_so_far"]
        # "did you take any tablets for the pain?": medicines asked with the complaint
        # named, and no long-standing condition, drug or habit word, are what was tried
        regular = re.search(r"\b(?:regular\w*|usual\w*|normally|daily|every day|long[- ]term)\b"
                            r"|平时|平常|长期|常规|每天|天天|一直|经常", views[0])
        # "自己有没有吃什么药" / "have you taken anything yourself?" with no habit word is
        # what the patient tried
        if "medications" in found and "treatment_so_far" not in found and not regular \
                and not chronic and not drug and re.search(
                    r"自己|\b(?:yourself|himself|herself)\b", views[0]):
            found["treatment_so_far"] = found.pop("medications")
            evidence["treatment_so_far"] = evidence["medications"]
        if "medications" in found and "treatment_so_far" not in found and not chronic \
                and not drug and not regular and not any(c in _ATTRIBUTES for c in found) and (
                "pain" in found or any(c in self._presenting for c in found)):
            found["treatment_so_far"] = found.pop("medications")
            evidence["treatment_so_far"] = evidence["medications"]
        # a concept the case has no fact for, answered from a narrower or neighbouring one
        # it has ("大便正常吗" -> the fact about diarrhoea; see :data:`_RELATIVES`)
        for cid, near in _RELATIVES.items():
            if cid in found and cid not in self._owned:
                alt = next((n for n in near if n in self._owned and (
                    cid not in _TOLD_RELATIVES or any(
                        self._tells(f.id, cid) for f in self.case.facts if n in f.topics))),
                    "")
                if alt:
                    found[alt] = max(found.pop(cid), found.get(alt, 0.0))
                    evidence[alt] = evidence.get(alt, frozenset()) | evidence[cid]
        # a tightness in the chest where chest pain is the complaint is that complaint
        # ("do you get tightness in your chest when you walk uphill?"); elsewhere it is
        # a symptom of its own
        if "chest_tightness" in found and "chest_tightness" not in self._owned \
                and "chest_pain" in self._presenting:
            found["chest_pain"] = max(found.pop("chest_tightness"), found.get("chest_pain", 0))
            evidence["chest_pain"] = evidence.get("chest_pain", frozenset()) \
                | evidence["chest_tightness"]
        # "have you been taking your tablets?" in a case with no fact about adherence is
        # answered from the regular medicines
        if "adherence" in found and "adherence" not in self._owned \
                and "medications" not in found:
            found["medications"] = found.pop("adherence")
            evidence["medications"] = evidence["adherence"]
        # asking the patient whether it is a named disease ("is it a heart attack?",
        # "是不是阑尾炎？", "do you think it's a brain bleed?") asks what they think it is:
        # their ideas and concerns, never a fact that happens to name the disease
        if _DIAGNOSIS_ASKED.search(views[0]) and (_DISEASE_WORD.search(views[0]) or any(
                self.lexicon[c].kind == "symptom" and not self.lexicon[c].negative
                and c not in ("pain", "activity_child") for c in found)) and not any(
                c in HISTORY_FRAMES or c in ("past_history", "family_history") for c in found):
            found["ice"] = max(found.get("ice", 0.0), 2.0)
            evidence.setdefault("ice", frozenset())
        # a worry about a named condition ("您担心孩子是肺炎吗", "are you worried it's your
        # heart?") is the patient's concerns, not a question about that condition
        if "ice" in found and not any(c in HISTORY_FRAMES or c == "past_history"
                                      for c in found):
            for cid in [c for c in found if self.lexicon[c].kind == "symptom"
                        and not self.lexicon[c].negative]:
                del found[cid]
        # a change asked of a symptom that is not the complaint ("饭量有没有变化", "have
        # you been sick since it started?") asks about that symptom, not how the
        # complaint has progressed
        if "progression" in found and any(
                self.lexicon[c].negative and c not in self._presenting for c in found):
            del found["progression"]
        # a part of the history asked with an attribute's words and no symptom ("what kind
        # of work do you do?", "where do you work?", "did the tablets help?") asks that
        # part of the history, not an attribute of the complaint
        if any(c in HISTORY_FRAMES and c != "previous_episodes" for c in found) and not any(
                self.lexicon[c].kind == "symptom" for c in found):
            for cid in [c for c in found if c in _ATTRIBUTES and c != "onset"]:
                del found[cid]
        # a specific history frame beats the generic frames it competes with
        # in a fixed order (a frozenset's order changes from run to run with the string
        # hash seed): each generic frame is judged with the ones before it already gone
        for generic in _GENERIC_ORDER:
            if generic in found:
                rivals = [s for cid, s in found.items()
                          if cid != generic and (cid in HISTORY_FRAMES or (
                              generic == "chief_complaint" and self.lexicon[cid].kind == "frame"
                              and cid not in GENERIC_FRAMES) or (
                              generic == "onset" and cid in _ATTRIBUTES) or (
                              generic == "previous_episodes"
                              and cid in _ATTRIBUTES | {"impact", "exercise_tolerance"}))]
                # "when" and "before" inside a history question belong to that question
                # ("when did you stop smoking?"); the broad frames need a rival as strong
                weak = generic in ("onset", "previous_episodes", "chief_complaint")
                if rivals and (weak and any(cid in HISTORY_FRAMES for cid in found
                                            if cid != generic)
                               or max(rivals) >= found[generic]):
                    del found[generic]
        # likewise "are you married?" in a case whose social history says who the patient
        # lives with ("I live with my wife") and has no fact about marriage (after the
        # generic frames: "why did your wife call an ambulance?" still asks the complaint)
        if "marital" in found and "marital" not in self._owned and "social" in self._owned \
                and "social" not in found:
            found["social"] = found.pop("marital")
            evidence["social"] = evidence["marital"]
        kept = {cid: evidence[cid] for cid in found}
        # every word any concept matched, kept or not (for :meth:`_unexplained`)
        kept["*"] = frozenset().union(*evidence.values()) if evidence else frozenset()
        # (a medicine named only as the circumstance of relief: its name is no keyword
        # evidence for the facts that do not tell the relief, see :meth:`_fact_scores`)
        if relief_of_medicine:
            kept["!relief"] = frozenset()
        # (symptoms named only as the time of what is asked are context, not evidence
        # against a fact: "小便的时候有没有尿痛")
        kept["!when"] = frozenset(when)
        return found, kept

    def _fact_scores(self, question: str, found: dict[str, float], views,
                     evidence: dict[str, frozenset] | None = None) -> dict[str, float]:
        norm = views[0]
        evidence = evidence or {}
        frames = {cid: s for cid, s in found.items() if self.lexicon[cid].kind == "frame"}
        symptoms = {cid: s for cid, s in found.items() if self.lexicon[cid].negative}
        conditions = {cid: s for cid, s in found.items()
                      if self.lexicon[cid].kind == "symptom" and cid != "pain"}
        symptoms_all = [cid for cid in found if self.lexicon[cid].kind == "symptom"]
        dominant = [cid for cid in frames if cid in _DOMINANT]
        top = max(dominant, key=lambda c: frames[c], default="")
        scores: dict[str, float] = {}
        for f in self.case.facts:
            hits = sorted((found[t] for t in f.topics if t in found), reverse=True)
            score = hits[0] + 0.3 * sum(hits[1:]) if hits else 0.0
            if hits:
                score += 0.3 * sum(found[t] for t in self._inherited[f.id] if t in found)
            kw, qs, qnorm = self._fact_patterns[f.id]
            # a keyword of an attribute of the complaint read inside a symptom the fact
            # does not cover is that symptom's word ("have you lost weight?" does not ask
            # the fact whose pain is "like a weight on my chest")
            elsewhere = frozenset().union(*(evidence.get(t, frozenset()) for t in symptoms_all
                                            if t not in f.topics)) \
                if self._attribute_fact[f.id] else frozenset()
            kw_hits = [(p.weight, e) for p in kw if (e := p.evidence(*views)) is not None]
            kw_best = max((w for w, e in kw_hits if not (e and e <= elsewhere)), default=0.0)
            kw_words = frozenset().union(*(e for _, e in kw_hits)) if kw_best else frozenset()
            if "!relief" in evidence and "relieving" not in f.topics:
                kw_best = 0.0
            if kw_best:
                score = max(score, kw_best + _KEYWORD_BONUS) + (0.3 * hits[0] if hits else 0)
            q_best = max((p.weight for p in qs if p.matches(*views)), default=0.0)
            if q_best:
                score = max(score, q_best + _KEYWORD_BONUS)
            if qnorm:
                scorer = fuzz.ratio if is_chinese(norm) else fuzz.token_set_ratio
                # an English example counts only when the question holds half its
                # content words or more: token_set_ratio alone finds "what did you do for
                # work" in "what did they do for you?"
                sim = max((scorer(norm, q) for q in qnorm
                           if is_chinese(q) or 2 * len(self._example_words[q] & views[1])
                           >= len(self._example_words[q])),
                          default=0)
                if sim >= _FUZZ_WHOLE:
                    score = max(score, 2.5)
            if score <= 0:
                continue
            # asked about a symptom the fact covers, an attribute or "any trouble with"
            # (呼吸有没有不舒服) costs it nothing, and an attribute asked of it makes the
            # question about it ("烧是一阵一阵的吗": the fever, even as one character)
            covers_symptom = f.category != "presenting" and any(
                t in symptoms for t in f.topics)
            if covers_symptom and max(s for t, s in symptoms.items() if t in f.topics) \
                    < THRESHOLD:
                score += 0.3 * max((s for cid, s in frames.items()
                                    if cid in _ATTRIBUTES or cid == "onset"), default=0.0)
            # a relative named makes it the family history whatever else is asked ("does
            # your mum have any medical problems?" is not the patient's own history)
            penalty = sum(s * ((4 if cid == "family_history" else 2) if cid == top else 1)
                          for cid, s in frames.items()
                          if cid not in self._covers[f.id]
                          # a part of the history no fact holds counts against none
                          # (the acceptance rule decides whether anything answers)
                          and (cid in self._owned or cid not in _DOMINANT)
                          and not (covers_symptom and (cid in _ATTRIBUTES
                                                       or cid in ("chief_complaint",
                                                                  "onset")))
                          # whether a medicine brought the symptom down ("吃了退烧药能
                          # 退下来吗") is told by the fact with what relieves that symptom
                          and not (covers_symptom and cid == "treatment_so_far"
                                   and "relieving" in frames and "relieving" in f.topics)
                          # an attribute asked through a value that is the fact's own
                          # keyword ("does it feel like tearing?" for the fact "not
                          # tearing"): the fact answers that attribute
                          # (or any attribute, for a fact defined by its keywords
                          # alone: "does it feel like ripping?" for "not tearing or
                          # ripping")
                          and not (cid in _ATTRIBUTES and kw_words
                                   and (evidence.get(cid, frozenset()) & kw_words
                                        or not f.topics)))
            # the chief complaint does not answer for a symptom it does not cover ("any
            # trouble with your bowels?" is not "what is troubling you?")
            if f.category == "presenting" and symptoms and not any(
                    t in symptoms for t in f.topics):
                penalty += max(symptoms.values())
            # an attribute asked of a symptom this fact does not cover ("吐了几次" is not
            # about how often she passes urine); the history of the presenting complaint
            # covers the presenting symptoms ("口渴多久了" asks the onset fact)
            context = self._presenting if f.category == "hpi" else frozenset()
            if symptoms and not any(t in symptoms for t in f.topics) \
                    and not any(t in symptoms for t in self._inherited[f.id] | context) \
                    and any(t in _ATTRIBUTES or t == "onset" for t in f.topics if t in found):
                penalty += max(symptoms.values())
                # the onset asked of a symptom another fact covers is that symptom's
                # onset: the fact's own match on "when" does not count ("your leg have
                # swelling since when?", "什么时候开始吐的" are not the complaint's onset)
                # (likewise any attribute but where it spreads, whose words name body
                # parts: "any weakness down one side?", "how high does the swelling go?")
                # (unless the fact's own answer tells that symptom, as the story of
                # this illness does: "昨天开始恶心呕吐" answers "什么时候开始恶心呕吐的")
                if any(t in self._owned for t in symptoms) and not all(
                        self._answer_tells(f.id, evidence.get(t, frozenset()), views)
                        for t in symptoms):
                    penalty += max((found[t] for t in f.topics if t in found and (
                        t == "onset" or t in _ATTRIBUTES and t != "radiation")), default=0.0)
            # negative evidence: a symptom or condition the question names that the fact
            # does not cover counts against it ("back pain when you pee" is not the fact
            # about back pain; "a heart attack before" is not the previous episodes of
            # this complaint); the presenting symptoms are context, not evidence
            # A fact that answers a dominant part of the history the question asks for
            # takes any condition as its object ("any heart problems in the family?"); the
            # other parts of the history (past history, drugs ...) take a condition that no
            # fact of the case covers ("any asthma in the past?"), but one that another
            # fact covers is that fact's ("any history of stroke?"); words that
            # the fact's own keywords or another of its concepts account for (half of the
            # condition's words or more) are its own ("chest tightness when walking" for
            # the fact whose keywords name "tightness walking")
            # (earlier bouts asked with the complaint named take the other symptoms of
            # those bouts along: "以前拉过肚子或者肚子疼过吗")
            elif f.category != "presenting" and not any(
                    t in _DOMINANT for t in f.topics if t in frames) and not (
                    "previous_episodes" in frames and "previous_episodes" in f.topics):
                own = frozenset().union(*(evidence.get(t, frozenset()) for t in f.topics
                                          if t in found),
                                        *(p.evidence(*views) or frozenset() for p in kw))
                history = any(t in _HISTORY_OBJECTS for t in f.topics if t in frames)
                # a condition no fact covers counts only when it is what the question is
                # mainly about ("胸闷气短" still asks about the breathlessness it covers)
                covered = max((s for t, s in conditions.items() if t in f.topics),
                              default=0.0)
                uncovered = [s for t, s in conditions.items()
                             if t not in f.topics and t not in self._inherited[f.id]
                             and t not in evidence.get("!when", ())
                             and t not in self._presenting
                             and (t in self._owned or s > covered)
                             and not (history and t not in self._owned)
                             and 2 * len(evidence.get(t, frozenset()) & own)
                             < len(evidence.get(t, frozenset()))]
                if uncovered:
                    penalty += max(uncovered)
            scores[f.id] = score - _FRAME_PENALTY * penalty
        return scores

    # ---------------------------------------------------------------- API

    def match(self, question: str) -> Match:
        """What ``question`` asks for; see the module docstring for the rules.

        A question of several clauses ("Do you smoke, and how much do you drink?") whose
        clauses each ask for a different fact reveals those facts (up to three).

        :param question: the student's words, English or Chinese.
        :returns: a :class:`Match` (``kind == "unsure"`` when nothing matches well).
        """
        # a greeting and self-introduction before the question ("Hi Mr Morgan, I'm one of
        # the medical students - what's the problem today?") are a communication skill:
        # credited, and the question after them is answered
        head, rest = split_introduction(question)
        if head:
            m = self.match(rest)
            shown = [c for c in self._concepts(head)[0] if self.lexicon[c].kind == "skill"]
            for skill in shown or ["introduction"]:
                if skill not in m.skills:
                    m.skills.append(skill)
                m.concepts.setdefault(skill, 1.0)
            return m
        whole = self._match_one(question)
        clauses, questions = _clauses(question)
        if len(clauses) < 2:
            return whole
        parts = [self._match_one(c) for c in clauses]
        ids: list[str] = []
        for m in parts:
            if m.kind != "fact":
                continue
            # a clause that asks only an attribute ("Do you smoke? How many a day?") goes
            # on with the one before it: it adds no fact of its own
            if all(c in _ATTRIBUTES or c == "onset" or self.lexicon[c].kind == "skill"
                   for c in m.concepts):
                continue
            for f in m.fact_ids:
                if f not in ids:
                    ids.append(f)
        if len(ids) < 2:
            return whole
        # a list of symptoms ("有没有发烧、呕吐？", "any cough or fever?"): each named
        # symptom is answered when each part on its own clearly asks for a fact or names a
        # symptom the patient denies; an English "and" joins one state ("hot and sweaty")
        # (not when the list is what an attribute is asked of: "口渴、多尿从什么时候开始的？";
        # and a part counts only by a symptom the whole question names: "racing in your
        # chest" names no chest pain when the chest is where the fluttering is)
        if not questions and whole.kind in ("fact", "unsure") \
                and not any(c in _ATTRIBUTES or c in ("onset", "past_history")
                            or c in HISTORY_FRAMES for c in whole.concepts) \
                and re.search(r"、|或者|还是|和|\bor\b|,|，", question, re.IGNORECASE) and all(
                m.kind in ("fact", "negative") and any(
                    self.lexicon[c].negative and c in whole.concepts for c in m.concepts)
                for m in parts):
            whole.kind = "fact"
            whole.fact_ids = ids[:3]
            whole.candidates = []
            return whole
        # a compound question: its clauses each answered clearly, and together they
        # account for the whole question's answer (whole questions only) or for the facts
        # it could not choose between ("any chest pain or palpitations?")
        # (or, the whole placing nothing, separate questions each answered clearly -
        # "体重有变化吗？视力呢？" - or parts of the history joined by and/和 - "出生和发育
        # 情况怎么样")
        # parts of the history joined by or/and, each clearly asked ("do you smoke or
        # drink?", "抽烟喝酒吗"): each is answered
        # (a relative or an allergy named scopes over the list: "家里人有没有哮喘或者过敏"
        # is the family's, "any allergy to aspirin or other medicine?" the allergies)
        if whole.kind == "fact" and len(parts) == len(ids) \
                and not {"family_history", "allergies"} & set(whole.concepts) and all(
                m.kind == "fact" and any(c in _DOMINANT for c in m.concepts) for m in parts):
            whole.fact_ids = ids[:3]
            return whole
        each = all(m.kind == "fact" for m in parts)
        if questions and whole.kind == "fact" and set(whole.fact_ids) <= set(ids) \
                or whole.kind == "unsure" and whole.candidates \
                and set(whole.candidates) <= set(ids) \
                or whole.kind == "unsure" and each and (questions or all(
                    c in HISTORY_FRAMES for c in whole.concepts)):
            whole.kind = "fact"
            whole.fact_ids = ids[:3]
            whole.candidates = []
        return whole

    def _unexplained(self, fact_id: str, info: dict[str, float],
                     evidence: dict[str, frozenset], views) -> list[str]:
        """The words of a question that another fact's own keywords claim and that no
        concept found and no keyword of ``fact_id`` explains (English words stemmed,
        Chinese character positions): a case-specific word pointing elsewhere
        ("have you taken the Gaviscon for your blood pressure?")."""
        kw, _, _ = self._fact_patterns[fact_id]
        own = set(evidence.get("*", ()))
        for p in kw:
            own |= set(p.evidence(*views) or ())
        other: set = set()
        for fid, (okw, _, _) in self._fact_patterns.items():
            if fid != fact_id:
                for p in okw:
                    if p.text not in self._all_drugs:
                        other |= set(p.evidence(*views) or ())
        return sorted(str(w) for w in other - own
                      if not (isinstance(w, str) and (w in STOPWORDS or stem(w) in _FILLER)))

    def _answer_tells(self, fact_id: str, words: frozenset, views) -> bool:
        """Whether the answer of ``fact_id`` holds the words a concept matched (English
        stems, or the Chinese characters at those positions of the question, as one
        stretch)."""
        if not words:
            return False
        if all(isinstance(i, int) for i in words):
            text = "".join(views[2][i] for i in sorted(words) if i < len(views[2]))
            text = re.sub(r"[的了过吗呢着]", "", text)  # "吐的" tells no more than "吐"
            return bool(text) and text in self._answers[fact_id]
        return set(map(str, words)) <= self._answer_stems[fact_id]

    def _tells(self, fact_id: str, concept_id: str) -> bool:
        """Whether the answer of ``fact_id`` speaks of ``concept_id`` (one of the
        concept's lexicon patterns matches the answer's text); cached per pair."""
        key = (fact_id, concept_id)
        if key not in self._told:
            answer = next(f.answer for f in self.case.facts if f.id == fact_id)
            views = question_views(answer)
            self._told[key] = any(p.evidence(*views) for p in self.lexicon[concept_id].patterns)
        return self._told[key]

    def _echo(self, views, fact_ids) -> dict[str, int]:
        """``{fact id: how many content words of the question its answer holds}`` for
        ``fact_ids`` (English stems of 4+ letters, not function or filler words; Chinese
        two-character words outside the yes/no frame)."""
        norm, _, nospace = views
        if is_chinese(nospace):
            flat = _ZH_FILLER.sub(" ", nospace)
            asked = {piece[i:i + 2] for piece in flat.split() for i in range(len(piece) - 1)}
            return {f: sum(1 for w in asked if w in self._answers[f]) for f in fact_ids}
        asked = {stem(w) for w in re.findall(r"[a-z]+", norm)
                 if w not in STOPWORDS and w not in _QUESTION_WORDS and len(w) >= 4}
        asked -= _FILLER
        return {f: len(asked & self._answer_stems[f]) for f in fact_ids}

    def _stray(self, views, evidence: dict[str, frozenset], fact_id: str) -> list[str]:
        """The content of a question that no concept matched and no keyword of
        ``fact_id`` explains: English content words (stemmed; function, question and
        filler words left out), or Chinese characters outside every concept's match and
        outside the words of a yes/no frame (:data:`_ZH_FILLER`). ``[]`` when everything
        is accounted for ("any chest pain?", "肚子还疼吗")."""
        norm, words, nospace = views
        seen = set(evidence.get("*", ()))
        kw, _, _ = self._fact_patterns[fact_id]
        for p in kw:
            seen |= set(p.evidence(*views) or ())
        if is_chinese(nospace):
            out = []
            covered = {i for i in seen if isinstance(i, int)}
            rest = "".join(ch if i not in covered else " " for i, ch in enumerate(nospace))
            for piece in _ZH_FILLER.sub(" ", rest).split():
                if re.search(r"[\u4e00-\u9fff]", piece):
                    out.append(piece)
            return out
        return sorted(w for w in (stem(x) for x in re.findall(r"[a-z]+", norm)
                                  if x not in STOPWORDS and x not in _QUESTION_WORDS)
                      if w not in seen and w not in STOPWORDS and w not in _FILLER
                      and w not in _QUESTION_WORDS and len(w) > 2
                      and w not in ("how", "who", "why", "feel", "yet"))

    def _match_one(self, question: str) -> Match:
        views = self._views(question)
        found, evidence = self._concepts(question)
        skills = [cid for cid in found if self.lexicon[cid].kind == "skill"]
        info = {cid: s for cid, s in found.items() if self.lexicon[cid].kind != "skill"}
        scores = self._fact_scores(question, info, views, evidence)
        presenting = {f.id for f in self.case.facts if f.category == "presenting"}
        # on a tie the specific fact answers rather than the chief complaint
        # (and, asked with no word of the past, a fact of this illness rather than of the
        # past history: "奶吃得咋样" is today's feeding, not the feeding history)
        past_asked = any(c in info for c in ("past_history", "previous_episodes",
                                              "birth_history", "development"))
        ranked = sorted(scores.items(), key=lambda kv: (-round(kv[1] / _TIE),
                                                        kv[0] in presenting,
                                                        not past_asked
                                                        and kv[0] in self._past_facts))
        best_id, best = ranked[0] if ranked else ("", 0.0)
        # an offer or a request ("would you like some pain relief?", "要不要喝点水？",
        # "我们先给你量个血压好吗？") asks for no fact: the patient agrees
        if "offer" in skills:
            return Match("skill", [], found, skills, best, scores=scores)
        # a statement of what the student is about to do ("I'm going to listen to your
        # chest now.", "I'm going to get my registrar to see you straight away.") asks
        # for nothing unless something clearly asks for a fact or one of its parts opens
        # like a question
        if ("explanation" in skills or "summary" in skills) \
                and not re.search(r"[?？吗呢]", question) and (
                best < _THIN or not any(re.match(
                    r"\s*(?:" + "|".join(_QUESTION_OPENERS) + r")\b", part, re.IGNORECASE)
                    for part in re.split(r"[.!,;]", question))):
            return Match("skill", [], found, skills, best, scores=scores)
        # likewise an invitation to ask or add ("do you have any questions before I
        # present to my consultant?", "还有什么要补充的吗？") that names no symptom and no
        # part of the history ("小便有没有问题" asks) unless a fact clearly wins
        if "closing" in skills and best < _THIN and not any(
                self.lexicon[c].kind == "symptom" or c in _DOMINANT
                or c in HISTORY_FRAMES and c not in GENERIC_FRAMES
                for c in info):
            return Match("skill", [], found, skills, best, scores=scores)
        # an English question whose words are mostly unknown to the interview vocabulary
        # ("what's the weather like outside?") is not placed on a weak match
        unknown, known = self._unknown_words(views)
        if best <= 2.0 and unknown >= 2 and unknown > known:
            return Match("unsure", [], found, skills, best, scores=scores)
        # the acceptance rule for a thin win: a fact that won through one one-word concept
        # while the question holds interview words that fact does not explain ("do you feel
        # it anywhere apart from your chest?", "do you often get headaches?") is a guess; a
        # wrong answer costs more than "I'm not sure what you mean"
        if THRESHOLD <= best < _THIN and self._unexplained(best_id, info, evidence, views):
            return Match("unsure", [], found, skills, best, scores=scores)
        # the chief complaint won only because the question names its symptom, beside
        # words nothing explains ("is the pain on the left side or in the centre?",
        # "腰背部痛吗"): the question asks something about it the matcher cannot place,
        # and "what brings you in" is not the answer to it
        if CC_FALLBACK_STRICT and best_id in presenting and "chief_complaint" not in info \
                and self._stray(views, evidence, best_id):
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact won by its case keyword alone - none of its topics asked - while the
        # question holds an English word the vocabulary does not know ("did you enjoy the
        # wedding?" does not ask whether the tablets were stopped for it)
        if KEYWORD_ONLY_STRICT and best >= THRESHOLD and best_id \
                and not any(t in info for t in self._fact_topics[best_id]) \
                and self._unknown_words(views)[0] >= 1:
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact won with a score below STRAY_THIN while the question holds a word the
        # interview vocabulary does not know ("do you have any pets at home?" is not the
        # social history)
        if THRESHOLD <= best < STRAY_THIN and self._unknown_words(views)[0] >= 1:
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact that won on its case keywords alone, barely ahead of a fact whose own topic
        # the question asks ("how often do you go to the gym?": the gym is where the
        # headache began, but the exercise the patient takes is the social history); a
        # fact with no topics is defined by its keywords and keeps them
        if len(ranked) > 1 and best_id and ranked[1][1] >= THRESHOLD \
                and best - ranked[1][1] < KEYWORD_MARGIN \
                and self._covers[best_id] and not any(t in info for t in self._covers[best_id]) \
                and any(t in info for t in self._covers[ranked[1][0]]):
            best_id, best = ranked[1]
            ranked = [ranked[1], ranked[0]] + ranked[2:]
        # a part of the history that decides what is asked ("最近有没有带孩子出过远门？",
        # "any pets at home?") and that no fact of the script holds: a fact that matched
        # on another word of the question is not its answer
        # (one part of a list the script holds is still answered: "do you drink or use
        # any drugs?" tells the drinking)
        asked = max((c for c in info if c in _DOMINANT), key=lambda c: info[c], default="")
        if asked and asked not in self._owned and (not best_id or best < THRESHOLD or (
                asked not in self._covers[best_id] and not any(
                    c in _DOMINANT and info[c] >= THRESHOLD for c in self._covers[best_id]
                    if c in info))):
            return Match("unsure", [], found, skills, best, asked, scores=scores)
        # who is answering for the patient ("您是孩子的妈妈吗？", "are you his mum?"):
        # told from the persona's informant
        if self.case.patient.persona.informant and info.get("informant", 0) >= THRESHOLD \
                and info["informant"] >= best:
            return Match("builtin", [], found, skills, best, "informant", scores=scores)
        unowned = {cid: s for cid, s in info.items()
                   if self.lexicon[cid].negative and cid not in self._owned}
        denied, denied_s = max(unowned.items(), key=lambda kv: kv[1], default=("", 0.0))
        if best >= THRESHOLD and best >= denied_s:
            # the acceptance rule: the best fact answers alone, and only when it clearly
            # beats the runner-up; a runner-up within MARGIN is a question the patient
            # cannot place, so they ask what is meant rather than guess (the specific fact
            # beats the chief complaint on a tie: "尿量多吗" is about the urine)
            second_id, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
            tie = round(best / _TIE) == round(second / _TIE)
            if second >= THRESHOLD and best - second < MARGIN \
                    and not (second_id in presenting and best_id not in presenting) \
                    and not (tie and not past_asked and second_id in self._past_facts
                             and best_id not in self._past_facts | presenting):
                # two facts this close, neither preferred: the one whose answer holds
                # more of the question's own words answers ("does it feel like something
                # is tearing?" - "it's not tearing or ripping")
                echo = self._echo(views, (best_id, second_id))
                if echo[best_id] != echo[second_id] and not {best_id, second_id} & presenting:
                    pick = max((best_id, second_id), key=echo.__getitem__)
                    return Match("fact", [pick], found, skills, scores[pick], scores=scores)
                return Match("unsure", [], found, skills, best, scores=scores,
                             candidates=[best_id, second_id])
            return Match("fact", [best_id], found, skills, best, scores=scores)
        if denied and self.case.unlisted_symptoms == "negative" and denied_s >= THRESHOLD:
            return Match("negative", [], found, skills, best, denied, scores=scores)
        if info.get("name_age", 0) >= THRESHOLD and info["name_age"] >= best:
            return Match("builtin", [], found, skills, best, "name_age", scores=scores)
        if info.get("occupation", 0) >= THRESHOLD and self.case.patient.occupation \
                and "occupation" not in self._owned:
            return Match("builtin", [], found, skills, best, "occupation", scores=scores)
        if skills:
            return Match("skill", [], found, skills, best, scores=scores)
        # two facts the question pointed at equally, each counting against the other
        # ("any fluttering in your chest?"): the patient asks which is meant
        second_id, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
        candidates = [best_id, second_id] if second > 0 and best - second < MARGIN else []
        return Match("unsure", [], found, skills, best, scores=scores, candidates=candidates)


def is_open_question(question: str) -> bool:
    """Whether a question is open (invites the patient to tell their story) rather than
    closed (yes/no): one of its sentences starts with what/how/tell me/describe ... or
    asks 哪里/怎么/什么/说说 ... without being a yes/no question (…吗, 有没有, 是不是).
    A greeting before it does not matter ("Hello, I'm Dr Li. What brings you in?")."""
    for sentence in re.split(r"[.?!。？！;；]", question):
        q = normalise(sentence)
        if not q:
            continue
        if is_chinese(q):
            flat = q.replace(" ", "")
            if re.search(r"(吗|么|是不是|有没有|对不对)$", flat) or "有没有" in flat:
                continue
            if re.search(r"(怎么|哪|什么|说说|讲讲|谈谈|描述|介绍|情况|如何)", flat):
                return True
        elif re.match(r"(what|how|tell|describe|could you tell|can you tell|can you "
                      r"describe|why|talk me|walk me|in your own words)", q) or "tell me" in q:
            return True
    return False
