"""The offline matcher: a student's question -> the script fact(s) it asks for.

This is the main interview engine (the built-in model is too weak to role-play). It works
in three steps, for English and Chinese questions alike. Where each part lives:

- :mod:`.case_index` - :class:`~.case_index.CaseIndex`, what the matcher knows of one case
  (topics owned, what each fact covers, inherited presenting symptoms, keywords and
  example questions, the drugs an answer names, answers as text and stems), built once;
- :mod:`.spelling` - the case's vocabulary and the mending of slips before reading
  (English misspellings, Chinese pinyin-input slips);
- :mod:`.reading` - step 1, what a question asks: concepts and the frame rules, and the
  split of a compound question into clauses;
- :mod:`.fact_scores` - step 2, each fact's score, and the checks on a question's words
  the acceptance rules make (unexplained, stray, echoed words);
- this module - step 3, the acceptance rules (:class:`Matcher`, its constants) and the
  compound questions; :func:`is_open_question`.

1. **Concepts** (:mod:`.reading`; slips mended first by :mod:`.spelling`). The question is normalised (:mod:`.text`: spoken Chinese variants folded,
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
   (:data:`.reading._RELATIVES`: "大便正常吗" -> the fact about diarrhoea, appetite -> diet,
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
2. **Facts** (:mod:`.fact_scores`). The medicines a fact's answer names
   (:func:`.case_index.named_drugs`) are its keywords, the frame deciding between drugs,
   adherence and treatment so far.
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
3. **Decision (acceptance rule)** (this module). The best fact answers, alone, when it
   scores at least :data:`THRESHOLD` (defined in :mod:`.reading`) and beats the runner-up
   by :data:`MARGIN` (a specific fact beats the chief complaint on a tie, and, with no
   word of the past asked, a fact of this illness beats one of the past history:
   "奶吃得咋样"). A runner-up closer than that, neither preferred, leaves the choice to the answers: the fact whose answer holds more
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
   A part of the history that decides what is asked (:data:`.reading.DOMINANT`: travel,
   pets ...) and that no fact holds is not answered by a fact that matched on another word
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

from .case_index import CaseIndex, named_drugs
from .fact_scores import echo, fact_scores, stray, unexplained
from .lexicon import GENERIC_FRAMES, HISTORY_FRAMES
from .model import CaseScript
from .reading import (ATTRIBUTES, DOMINANT, QUESTION_OPENERS, THRESHOLD, read_question,
                      split_clauses)
from .reading import GENERIC_ORDER as _GENERIC_ORDER
from .text import is_chinese, normalise, split_introduction

__all__ = ["Match", "Matcher", "THRESHOLD", "MARGIN", "CC_FALLBACK_STRICT",
           "KEYWORD_ONLY_STRICT", "STRAY_THIN", "KEYWORD_MARGIN", "is_open_question",
           "named_drugs", "_GENERIC_ORDER"]

#: Scores this close (in units of one matched content word) are a tie when facts are
#: ranked: the specific fact then goes before the chief complaint.
_TIE = 0.05
#: The best fact must beat the runner-up by this much to answer (scores are in units of
#: one matched content word, see THRESHOLD); closer than that the patient asks what is
#: meant. Set from the tuned question sets, where every right answer but exact ties with
#: the chief complaint won by 0.2 or more.
MARGIN = 0.15
#: Below this score a fact won through a single one-word concept (see
#: :func:`.fact_scores.unexplained`).
_THIN = 1.5
#: Whether the chief complaint may answer a question that names its symptom but not the
#: complaint itself, beside words that no concept and no fact explains ("Is the pain on
#: the left side or in the centre?", "腰背部痛吗", "is this different from your normal
#: headaches?"): with ``True`` such a question is "unsure" (see :func:`.fact_scores.stray`).
#: Measured by bench/bench_vpatient_tradeoff.py.
CC_FALLBACK_STRICT = True
#: Whether a fact won by its own case keywords alone (none of its topics asked) is refused
#: while the question holds an English word the lexicon and the case do not know
#: (:meth:`.spelling.Speller.unknown_words`).
#: Measured by bench/bench_vpatient_tradeoff.py.
KEYWORD_ONLY_STRICT = False
#: A fact that wins with less than this score (one one-word concept: 1.0) is not answered
#: while the question holds an English word the lexicon and the case do not know
#: (:meth:`.spelling.Speller.unknown_words`); 0 turns the rule off. Measured by
#: bench/bench_vpatient_tradeoff.py.
STRAY_THIN = 0.0
#: A fact won by its case keywords alone, ahead of a fact whose topic the question asks
#: by less than this, does not answer (see the module docstring, step 3).
KEYWORD_MARGIN = 0.5


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


class Matcher:
    """Matches questions to the facts of one :class:`CaseScript`.

    :param case: a validated script.
    """

    def __init__(self, case: CaseScript):
        self.case = case
        #: the case's look-up tables (:class:`.case_index.CaseIndex`)
        self.index = CaseIndex(case)
        self.lexicon = self.index.lexicon

    # ---------------------------------------------------------------- API

    def concepts_in(self, question: str) -> dict[str, float]:
        """``{concept id: strength}`` of the lexicon concepts found in ``question``
        (:func:`.reading.read_question`)."""
        return read_question(self.index, question)[0]

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
            shown = [c for c in read_question(self.index, head)[0]
                     if self.lexicon[c].kind == "skill"]
            for skill in shown or ["introduction"]:
                if skill not in m.skills:
                    m.skills.append(skill)
                m.concepts.setdefault(skill, 1.0)
            return m
        whole = self._match_one(question)
        clauses, questions = split_clauses(question)
        if len(clauses) < 2:
            return whole
        parts = [self._match_one(c) for c in clauses]
        ids: list[str] = []
        for m in parts:
            if m.kind != "fact":
                continue
            # a clause that asks only an attribute ("Do you smoke? How many a day?") goes
            # on with the one before it: it adds no fact of its own
            if all(c in ATTRIBUTES or c == "onset" or self.lexicon[c].kind == "skill"
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
                and not any(c in ATTRIBUTES or c in ("onset", "past_history")
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
                m.kind == "fact" and any(c in DOMINANT for c in m.concepts) for m in parts):
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

    def _match_one(self, question: str) -> Match:
        """What one question or clause asks for: its concepts read (step 1), the facts
        scored (step 2) and the acceptance rules applied (step 3, the module docstring)."""
        views = self.index.speller.views(question)
        found, evidence = read_question(self.index, question)
        skills = [cid for cid in found if self.lexicon[cid].kind == "skill"]
        info = {cid: s for cid, s in found.items() if self.lexicon[cid].kind != "skill"}
        scores = fact_scores(self.index, info, views, evidence)
        presenting = {f.id for f in self.case.facts if f.category == "presenting"}
        # on a tie the specific fact answers rather than the chief complaint
        # (and, asked with no word of the past, a fact of this illness rather than of the
        # past history: "奶吃得咋样" is today's feeding, not the feeding history)
        past_asked = any(c in info for c in ("past_history", "previous_episodes",
                                              "birth_history", "development"))
        ranked = sorted(scores.items(), key=lambda kv: (-round(kv[1] / _TIE),
                                                        kv[0] in presenting,
                                                        not past_asked
                                                        and kv[0] in self.index.past_facts))
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
                    r"\s*(?:" + "|".join(QUESTION_OPENERS) + r")\b", part, re.IGNORECASE)
                    for part in re.split(r"[.!,;]", question))):
            return Match("skill", [], found, skills, best, scores=scores)
        # likewise an invitation to ask or add ("do you have any questions before I
        # present to my consultant?", "还有什么要补充的吗？") that names no symptom and no
        # part of the history ("小便有没有问题" asks) unless a fact clearly wins
        if "closing" in skills and best < _THIN and not any(
                self.lexicon[c].kind == "symptom" or c in DOMINANT
                or c in HISTORY_FRAMES and c not in GENERIC_FRAMES
                for c in info):
            return Match("skill", [], found, skills, best, scores=scores)
        # an English question whose words are mostly unknown to the interview vocabulary
        # ("what's the weather like outside?") is not placed on a weak match
        unknown, known = self.index.speller.unknown_words(views)
        if best <= 2.0 and unknown >= 2 and unknown > known:
            return Match("unsure", [], found, skills, best, scores=scores)
        # the acceptance rule for a thin win: a fact that won through one one-word concept
        # while the question holds interview words that fact does not explain ("do you feel
        # it anywhere apart from your chest?", "do you often get headaches?") is a guess; a
        # wrong answer costs more than "I'm not sure what you mean"
        if THRESHOLD <= best < _THIN and unexplained(self.index, best_id, info, evidence, views):
            return Match("unsure", [], found, skills, best, scores=scores)
        # the chief complaint won only because the question names its symptom, beside
        # words nothing explains ("is the pain on the left side or in the centre?",
        # "腰背部痛吗"): the question asks something about it the matcher cannot place,
        # and "what brings you in" is not the answer to it
        if CC_FALLBACK_STRICT and best_id in presenting and "chief_complaint" not in info \
                and stray(self.index, views, evidence, best_id):
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact won by its case keyword alone - none of its topics asked - while the
        # question holds an English word the vocabulary does not know ("did you enjoy the
        # wedding?" does not ask whether the tablets were stopped for it)
        if KEYWORD_ONLY_STRICT and best >= THRESHOLD and best_id \
                and not any(t in info for t in self.index.fact_topics[best_id]) \
                and self.index.speller.unknown_words(views)[0] >= 1:
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact won with a score below STRAY_THIN while the question holds a word the
        # interview vocabulary does not know ("do you have any pets at home?" is not the
        # social history)
        if THRESHOLD <= best < STRAY_THIN and self.index.speller.unknown_words(views)[0] >= 1:
            return Match("unsure", [], found, skills, best, scores=scores)
        # a fact that won on its case keywords alone, barely ahead of a fact whose own topic
        # the question asks ("how often do you go to the gym?": the gym is where the
        # headache began, but the exercise the patient takes is the social history); a
        # fact with no topics is defined by its keywords and keeps them
        if len(ranked) > 1 and best_id and ranked[1][1] >= THRESHOLD \
                and best - ranked[1][1] < KEYWORD_MARGIN \
                and self.index.covers[best_id] and not any(t in info for t in self.index.covers[best_id]) \
                and any(t in info for t in self.index.covers[ranked[1][0]]):
            best_id, best = ranked[1]
            ranked = [ranked[1], ranked[0]] + ranked[2:]
        # a part of the history that decides what is asked ("最近有没有带孩子出过远门？",
        # "any pets at home?") and that no fact of the script holds: a fact that matched
        # on another word of the question is not its answer
        # (one part of a list the script holds is still answered: "do you drink or use
        # any drugs?" tells the drinking)
        # (a relative scopes over the question, it is no such part: "孩子父母是什么血型"
        # asks a blood group; a fact with no topics of its own is defined by its keywords
        # and example questions, and answers what they match)
        asked = max((c for c in info if c in DOMINANT and c not in self.index.owned),
                    key=lambda c: info[c], default="")
        if asked and info[asked] >= max((info[c] for c in info if c in DOMINANT),
                                        default=0.0) and (not best_id or best < THRESHOLD or (
                asked not in self.index.covers[best_id]
                and self.index.fact_topics[best_id] and not any(
                    c in DOMINANT and c != "family_history" and info[c] >= THRESHOLD
                    for c in self.index.covers[best_id] if c in info))):
            return Match("unsure", [], found, skills, best, asked, scores=scores)
        # who is answering for the patient ("您是孩子的妈妈吗？", "are you his mum?"):
        # told from the persona's informant
        if self.case.patient.persona.informant and info.get("informant", 0) >= THRESHOLD \
                and info["informant"] >= best:
            return Match("builtin", [], found, skills, best, "informant", scores=scores)
        unowned = {cid: s for cid, s in info.items()
                   if self.lexicon[cid].negative and cid not in self.index.owned}
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
                    and not (tie and not past_asked and second_id in self.index.past_facts
                             and best_id not in self.index.past_facts | presenting):
                # two facts this close, neither preferred: the one whose answer holds
                # more of the question's own words answers ("does it feel like something
                # is tearing?" - "it's not tearing or ripping")
                held = echo(self.index, views, (best_id, second_id))
                if held[best_id] != held[second_id] and not {best_id, second_id} & presenting:
                    pick = max((best_id, second_id), key=held.__getitem__)
                    return Match("fact", [pick], found, skills, scores[pick], scores=scores)
                return Match("unsure", [], found, skills, best, scores=scores,
                             candidates=[best_id, second_id])
            return Match("fact", [best_id], found, skills, best, scores=scores)
        if denied and self.case.unlisted_symptoms == "negative" and denied_s >= THRESHOLD:
            return Match("negative", [], found, skills, best, denied, scores=scores)
        if info.get("name_age", 0) >= THRESHOLD and info["name_age"] >= best:
            return Match("builtin", [], found, skills, best, "name_age", scores=scores)
        if info.get("occupation", 0) >= THRESHOLD and self.case.patient.occupation \
                and "occupation" not in self.index.owned:
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
