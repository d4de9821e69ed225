"""Reading what a question asks: the lexicon concepts it names, and the frame rules that
settle which of them it asks about (step 1 of the offline matcher, :mod:`.matcher`).

:func:`read_question` finds every concept of the shared lexicon (:mod:`.lexicon`) whose
phrase pattern occurs in the question (an English pattern within one sentence) and drops a
concept seen only inside another one's words (:func:`_find_concepts`), and then applies
the frame rules, one after another in a fixed order (a new rule goes where its example
questions say it must: before or after the rules it relies on): a specific
history frame overrides the generic one it competes with (:data:`GENERIC_ORDER`,
:data:`_ABSOLUTE`), the patient's ideas beat the complaint, a symptom that is also an
action named with what makes a pain worse is the circumstance (:data:`_ACTIONS`), a
concept the case has no fact for goes to a neighbouring one it has (:data:`_RELATIVES`) ...
each rule is written beside the example questions that call for it.

:func:`split_clauses` splits a compound question into its separate questions.
"""

from __future__ import annotations

import re

from .case_index import CaseIndex
from .lexicon import GENERIC_FRAMES, HISTORY_FRAMES, Concept
from .spelling import Views
from .text import STOPWORDS, is_chinese

__all__ = ["read_question", "split_clauses", "span", "THRESHOLD", "DOMINANT", "ATTRIBUTES",
           "GENERIC_ORDER", "QUESTION_OPENERS"]

#: The strength of one clearly asked word: one English content word or one two-character
#: Chinese word of a concept (a single Chinese character weighs 0.8). Fact scores are in
#: the same unit, and it is the minimum score for a fact to be answered (the acceptance
#: rules of :mod:`.matcher`, which re-exports it).
THRESHOLD = 0.9
#: Frames that decide what a question is about whatever else it names ("does anyone in
#: your family have heart problems?" asks for the family history): missing one costs a
#: fact twice the frame's strength.
DOMINANT = frozenset({"family_history", "allergies", "surgery", "medications",
                      "treatment_so_far", "adherence", "vaccination", "birth_history", "travel",
                      "smoking", "alcohol", "recreational_drugs", "sick_contacts",
                      "accompanied", "pets", "hobbies", "blood_group", "insurance", "height",
                      "hometown", "bedtime"})
#: Attributes of a symptom: asked about a symptom a fact covers, they cost it nothing.
ATTRIBUTES = frozenset({"onset", "duration", "progression", "frequency", "location",
                        "radiation", "character", "severity", "aggravating", "relieving",
                        "timing"})
#: Frames that always displace another when both are asked.
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
             # snoring is asked of the sleep ("孩子睡觉打不打鼾", "does he snore in his
             # sleep?"): the sleep is where it happens, not what is asked
             "snoring": ("sleep",),
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
#: The order the generic frames give way in (see :func:`read_question`): "when" and the
#: complaint first, while a history frame that may go later still counts against them
#: ("have you noticed chest pain when walking lately?" is not asking when it began).
GENERIC_ORDER = ("onset", "chief_complaint", "past_history", "previous_episodes")
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
#: script does not hold it, see :meth:`.case_index.CaseIndex.tells`).
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

#: English words that open a question: after "and"/"or" they start a second question
#: ("do you smoke, and how much do you drink?"), unlike "hot and sweaty".
QUESTION_OPENERS = ("do", "does", "did", "are", "is", "was", "were", "have", "has", "had",
                    "how", "what", "when", "where", "which", "who", "why", "any", "can",
                    "could", "would", "will", "tell", "anything", "ever")


#: What a Chinese yes/no question wraps around its topic word (有没有…, …吗, 会不会…,
#: the person asked about); what is left is the topic.
_ZH_FRAME_WORDS = re.compile(r"有没有|有无|是不是|会不会|最近|现在|平时|孩子|宝宝|你|您|他|她|"
                             r"还|有|没|过|了|吗|呢|啊|呀|么|不|的|吧|嘛|\W")


def split_clauses(question: str) -> tuple[list[str], bool]:
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
    opener = r",?\s+(?:and|or(?!\s+anything\b))\s+(?=(?:" + "|".join(QUESTION_OPENERS) + r")\b)"
    out: list[str] = []
    for chunk in re.split(r"[;；?？]|，?还有|，?以及|，?另外", question):
        out.extend(re.split(opener, chunk, flags=re.IGNORECASE))
    out = [c for c in out if len(c.strip()) > 2]
    if len(out) >= 2:
        return out, True
    pieces = re.split(r",?\s+(?:and|or)\s+|或者|还是|、|和", question, flags=re.IGNORECASE)
    return [p for p in pieces if len(p.strip()) > 1], False


def span(evidence: frozenset) -> frozenset:
    """The whole stretch a pattern's evidence covers: for Chinese character positions
    every position from the first to the last (gaps included); English words as they are."""
    if evidence and all(isinstance(i, int) for i in evidence):
        return frozenset(range(min(evidence), max(evidence) + 1))
    return evidence


def _condition(lexicon: dict[str, Concept], cid: str) -> bool:
    """Whether concept ``cid`` is a condition: a symptom of the lexicon that is not denied
    when a case does not list it (high blood pressure, diabetes, heart trouble; also the
    generic "pain" and the child's activity, which the callers leave out where it
    matters)."""
    return lexicon[cid].kind == "symptom" and not lexicon[cid].negative


def _other_symptom(index: CaseIndex, cid: str) -> bool:
    """Whether concept ``cid`` is a symptom or condition that is not the complaint: not
    one of the case's presenting symptoms, nor the generic "pain"."""
    return index.lexicon[cid].kind == "symptom" and cid not in index.presenting \
        and cid != "pain"


def _find_concepts(index: CaseIndex, question: str) -> tuple[
        Views, dict[str, list[tuple[float, frozenset]]], dict[str, float],
        dict[str, frozenset], set[str]]:
    """The concepts whose patterns occur in ``question``, before the frame rules: a concept
    seen only inside another one's words dropped, a one-character topic of a short Chinese
    yes/no question made whole, and a symptom only in the "when" part of "A的时候B" halved.

    :returns: ``(views, hits, found, evidence, when)``: the question as read
        (:meth:`.spelling.Speller.views`), ``{concept id: [(pattern weight, evidence)]}``
        of every pattern that matched, ``{concept id: strength}`` kept, ``{concept id:
        what its patterns matched}`` (English stems or character positions), and the
        symptoms named only as when the asked thing happens.
    """
    lexicon = index.lexicon
    views_of = index.speller.views
    views = views_of(question)
    # an English pattern must occur within one sentence ("I'm a medical student.
    # What's the problem?" does not ask about "medical problems")
    sentences = [views]
    if not is_chinese(views[0]):
        parts = [p for p in re.split(r"[.!?;]+", question) if p.strip()]
        if len(parts) > 1:
            sentences = [views_of(p) for p in parts]
    hits: dict[str, list[tuple[float, frozenset]]] = {}
    evidence: dict[str, frozenset] = {}
    spans: dict[str, frozenset] = {}
    for cid, c in lexicon.items():
        for p in c.patterns:
            ev = None
            for sv in sentences:
                e = p.evidence(*sv)
                if e is not None:
                    ev = e if ev is None else ev | e
            if ev is not None:
                hits.setdefault(cid, []).append((p.weight, ev))
                evidence[cid] = evidence.get(cid, frozenset()) | ev
                spans[cid] = spans.get(cid, frozenset()) | span(ev)
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
                           and not (lexicon[cid].negative
                                    and len(ev - evidence[o]) >= len(ev & evidence[o]))
                           and not (lexicon[cid].negative
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
            if lexicon[cid].kind == "symptom" and found[cid] < THRESHOLD \
                    and 0 < len(core) <= 2 and set(core) <= {
                        nospace[i] for i in evidence[cid]}:
                found[cid] = 1.0
    # "A的时候B": A is when, B is what is asked ("烧起来的时候抽过筋吗" asks about fits);
    # a symptom named only in the "when" part counts half
    if is_chinese(nospace):
        k = nospace.find("的时候")
        after = frozenset(range(k + 3, len(nospace))) if k > 0 else frozenset()
        if after and any(evidence[c] & after for c in found
                         if lexicon[c].kind != "skill"):
            for cid in found:
                if lexicon[cid].kind == "symptom" and max(own[cid]) < k:
                    found[cid] *= 0.5
                    when.add(cid)
            # a symptom named across it is the whole question ("解小便的时候疼不疼"
            # is pain on passing urine, not what makes the pain worse)
            if any(lexicon[c].kind == "symptom" and c != "pain"
                   and min(evidence[c]) < k < max(evidence[c]) for c in found):
                found.pop("aggravating", None)
    return views, hits, found, evidence, when


def read_question(index: CaseIndex,
                  question: str) -> tuple[dict[str, float], dict[str, frozenset]]:
    """What ``question`` asks, in the case of ``index``: the lexicon concepts found in it,
    after the frame rules (see the module docstring).

    :param index: the case's :class:`.case_index.CaseIndex`.
    :param question: one question (or clause), English or Chinese.
    :returns: ``(found, evidence)``: ``found`` is ``{concept id: strength}`` (strength in
        units of one matched content word, see :data:`THRESHOLD`); ``evidence`` is, per
        concept found, what of the question it matched (English stems, or zero-based
        character positions of the question's text without spaces), plus ``"*"``: every
        word any concept matched, kept or not; ``"!when"``: the symptoms named only as
        when the asked thing happens; and ``"!relief"`` (empty) when a medicine is named
        only as what brought a symptom down.
    """
    lexicon = index.lexicon
    views, hits, found, evidence, when = _find_concepts(index, question)
    nospace = views[2]
    # "what problems do you have with your heart?": a condition that is not the
    # presenting complaint makes "what problem" a question about that condition
    if "chief_complaint" in found and any(
            _condition(lexicon, c) and c != "pain" and c not in index.presenting
            for c in found):
        del found["chief_complaint"]
    # eating as the circumstance of a complaint ("吃了东西以后疼得更厉害吗", "is it worse
    # after you eat?", in a case whose complaint is a pain "跟吃东西有关系吗") asks what
    # brings the complaint on, not about the appetite
    if ("appetite" in found or "diet" in found) and any(
            c in found for c in ("aggravating", "relieving", "timing")) and (
            "pain" in found or any(c in index.presenting for c in found)
            or index.pain_case and not any(lexicon[c].negative for c in found
                                           if c not in ("appetite", "diet"))
            and re.search(r"有关|关系|\b(?:related|relation|connected|linked)\b", views[0])):
        found.pop("appetite", None)
        found.pop("diet", None)
    # "chest" alone is a site when another symptom is named in it ("any fluttering or
    # racing in your chest?", "胸口有没有发紧、心慌"): not a question about chest pain
    chest_words = {nospace[i] if isinstance(i, int) and i < len(nospace) else i
                   for i in evidence.get("chest_pain", ())}
    if "chest_pain" in found and chest_words <= {"chest", "胸", "口", "部"} and any(
            lexicon[c].negative and c != "chest_pain" for c in found):
        del found["chest_pain"]
    # a symptom that is also something the patient does, named as what makes the
    # complaint worse or better ("咳一下会不会更痛", "does it hurt more when you
    # cough?"), is the circumstance, not a symptom asked about
    # ("it" is the complaint when the complaint is a pain; "the cough" / "your
    # breathing" with a determiner is the symptom itself: "what makes your cough worse?")
    if any(c in found for c in ("aggravating", "relieving")) and (
            "pain" in hits or any(c in index.presenting for c in found)
            or index.pain_case) and not re.search(
            r"\b(?:the|your|his|her|this|that)\s+(?:cough\w*|breath\w*|vomit\w*|"
            r"sickness)\b", views[0]):
        for cid in [c for c in found if c in _ACTIONS and c not in index.presenting
                    and (c != "orthopnea" or index.pain_case or "pain" in hits)]:
            del found[cid]
    # whether a medicine brought a symptom down ("吃了退烧药能退下去吗", "用药后体温降得
    # 下来吗") asks how that symptom is relieved, when a fact tells what relieves it:
    # the medicine is the circumstance
    relief_of_medicine = "relieving" in found and any(
        c in index.relief_symptoms for c in found)
    if relief_of_medicine:
        found.pop("treatment_so_far", None)
        found.pop("medications", None)
    # a recent infection or illness ("any infection recently, like a chest infection
    # or a sore throat?", "最近有没有生过别的病") is the review of systems - fever, a
    # cold - not the past history or a long-standing condition
    if "recent_illness" in found:
        strength = found.pop("recent_illness")
        for cid in [c for c in found if c in ("past_history", "previous_episodes")
                    or _condition(lexicon, c)
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
    if any(c in DOMINANT for c in found):
        found.pop("name_age", None)
    # a relative with an infection now ("家里其他人最近有没有感冒？", "has anyone at
    # home had a cold this week?") is a sick contact, not the family history
    if "family_history" in found and "sick_contacts" in index.owned and any(
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
    if "pain" in found and any(lexicon[o].negative for o in found):
        del found["pain"]
    # "how far" asked of a symptom that is not the complaint ("how far up your legs
    # does the swelling go?") is how far that symptom spreads, not how far the
    # patient can walk
    if "exercise_tolerance" in found and evidence["exercise_tolerance"] <= {
            "how", "far", "furthest", "up"} and any(
            lexicon[c].negative and c not in index.presenting
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
    if "past_history" in found and "previous_episodes" in index.owned and any(
            c in index.presenting for c in found) and not any(
            _other_symptom(index, c) for c in found):
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
            _other_symptom(index, o) and o in index.owned and o not in index.hpi_symptoms for o in found) \
            and not any(o in index.presenting for o in found) \
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
            and any(_other_symptom(index, c) for c in found):
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
                   if lexicon[c].kind == "symptom")):
        del found["previous_episodes"]
    # a long-standing condition named (high blood pressure, diabetes, heart trouble)
    # with no symptom: "how long have you had diabetes?" asks the past history, not
    # the onset of the complaint; "do you take anything for your blood pressure?" asks
    # the regular medicines, not what was tried for the complaint
    chronic = [c for c in found if _condition(lexicon, c)
               and c not in ("pain", "activity_child")]
    # (a medicine the patient tried for this complaint - "paracetamol or anything
    # before you came in" - is what was tried, not a regular medicine)
    drug = any(n in nospace if is_chinese(n) else re.search(r"\b" + re.escape(n), views[0])
               for n in index.regular_drugs)
    if (chronic or drug) and not any(lexicon[c].negative for c in found):
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
            and not drug and not regular and not any(c in ATTRIBUTES for c in found) and (
            "pain" in found or any(c in index.presenting for c in found)):
        found["treatment_so_far"] = found.pop("medications")
        evidence["treatment_so_far"] = evidence["medications"]
    # a concept the case has no fact for, answered from a narrower or neighbouring one
    # it has ("大便正常吗" -> the fact about diarrhoea; see :data:`_RELATIVES`)
    for cid, near in _RELATIVES.items():
        if cid in found and cid not in index.owned:
            alt = next((n for n in near if n in index.owned and (
                cid not in _TOLD_RELATIVES or any(
                    index.tells(f.id, cid) for f in index.case.facts if n in f.topics))),
                "")
            if alt:
                found[alt] = max(found.pop(cid), found.get(alt, 0.0))
                evidence[alt] = evidence.get(alt, frozenset()) | evidence[cid]
    # a tightness in the chest where chest pain is the complaint is that complaint
    # ("do you get tightness in your chest when you walk uphill?"); elsewhere it is
    # a symptom of its own
    if "chest_tightness" in found and "chest_tightness" not in index.owned \
            and "chest_pain" in index.presenting:
        found["chest_pain"] = max(found.pop("chest_tightness"), found.get("chest_pain", 0))
        evidence["chest_pain"] = evidence.get("chest_pain", frozenset()) \
            | evidence["chest_tightness"]
    # "have you been taking your tablets?" in a case with no fact about adherence is
    # answered from the regular medicines
    if "adherence" in found and "adherence" not in index.owned \
            and "medications" not in found:
        found["medications"] = found.pop("adherence")
        evidence["medications"] = evidence["adherence"]
    # asking the patient whether it is a named disease ("is it a heart attack?",
    # "是不是阑尾炎？", "do you think it's a brain bleed?") asks what they think it is:
    # their ideas and concerns, never a fact that happens to name the disease
    if _DIAGNOSIS_ASKED.search(views[0]) and (_DISEASE_WORD.search(views[0]) or any(
            _condition(lexicon, c) and c not in ("pain", "activity_child")
            for c in found)) and not any(
            c in HISTORY_FRAMES or c in ("past_history", "family_history") for c in found):
        found["ice"] = max(found.get("ice", 0.0), 2.0)
        evidence.setdefault("ice", frozenset())
    # a worry about a named condition ("您担心孩子是肺炎吗", "are you worried it's your
    # heart?") is the patient's concerns, not a question about that condition
    if "ice" in found and not any(c in HISTORY_FRAMES or c == "past_history"
                                  for c in found):
        for cid in [c for c in found if _condition(lexicon, c)]:
            del found[cid]
    # a change asked of a symptom that is not the complaint ("饭量有没有变化", "have
    # you been sick since it started?") asks about that symptom, not how the
    # complaint has progressed
    if "progression" in found and any(
            lexicon[c].negative and c not in index.presenting for c in found):
        del found["progression"]
    # a part of the history asked with an attribute's words and no symptom ("what kind
    # of work do you do?", "where do you work?", "did the tablets help?") asks that
    # part of the history, not an attribute of the complaint
    if any(c in HISTORY_FRAMES and c != "previous_episodes" for c in found) and not any(
            lexicon[c].kind == "symptom" for c in found):
        for cid in [c for c in found if c in ATTRIBUTES and c != "onset"]:
            del found[cid]
    # a specific history frame beats the generic frames it competes with
    # in a fixed order (a frozenset's order changes from run to run with the string
    # hash seed): each generic frame is judged with the ones before it already gone
    for generic in GENERIC_ORDER:
        if generic in found:
            rivals = [s for cid, s in found.items()
                      if cid != generic and (cid in HISTORY_FRAMES or (
                          generic == "chief_complaint" and lexicon[cid].kind == "frame"
                          and cid not in GENERIC_FRAMES) or (
                          generic == "onset" and cid in ATTRIBUTES) or (
                          generic == "previous_episodes"
                          and cid in ATTRIBUTES | {"impact", "exercise_tolerance"}))]
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
    if "marital" in found and "marital" not in index.owned and "social" in index.owned \
            and "social" not in found:
        found["social"] = found.pop("marital")
        evidence["social"] = evidence["marital"]
    kept = {cid: evidence[cid] for cid in found}
    # every word any concept matched, kept or not (for :func:`.fact_scores.unexplained`)
    kept["*"] = frozenset().union(*evidence.values()) if evidence else frozenset()
    # (a medicine named only as the circumstance of relief: its name is no keyword
    # evidence for the facts that do not tell the relief, see :func:`.fact_scores.fact_scores`)
    if relief_of_medicine:
        kept["!relief"] = frozenset()
    # (symptoms named only as the time of what is asked are context, not evidence
    # against a fact: "小便的时候有没有尿痛")
    kept["!when"] = frozenset(when)
    return found, kept