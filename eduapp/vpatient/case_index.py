"""What the offline matcher (:mod:`.matcher`) knows of one case script, built once per case.

:class:`CaseIndex` gathers, from a :class:`.model.CaseScript`, everything the reading of a
question (:mod:`.reading`) and the scoring of facts (:mod:`.fact_scores`) look up: the
topics the script owns, what each fact covers, the presenting symptoms a fact of the
history of the presenting complaint inherits, each fact's compiled keywords and example
questions, the medicines its answer names (:func:`named_drugs`), each answer as text and
as English stems, and the case's vocabulary with its spelling correction
(:class:`.spelling.Speller`).
"""

from __future__ import annotations

import re

from .lexicon import Concept, concepts
from .model import CaseScript
from .spelling import QUESTION_WORDS, Speller, Views
from .text import STOPWORDS, Pattern, compile_pattern, normalise, question_views, stem

__all__ = ["CaseIndex", "named_drugs"]

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


class CaseIndex:
    """The look-up tables of one case script for the offline matcher (read-only once
    built, but for two caches whose entries never change: safe to share between threads).

    Fact ids key every per-fact table; concept ids are the lexicon's (:mod:`.lexicon`).

    :param case: a validated script.
    :ivar case: the script.
    :ivar lexicon: ``{concept id: Concept}``, the shared lexicon.
    :ivar drug_names: ``{fact id: [medicine names its answer names]}`` (its keywords too:
        "have you been taking your furosemide?" is about the case's drugs).
    :ivar all_drugs: every medicine name of the case.
    :ivar regular_drugs: the medicine names of facts that are not the treatment so far.
    :ivar fact_patterns: ``{fact id: (keyword patterns incl. its drug names, example
        question patterns, example questions normalised)}``.
    :ivar example_words: ``{normalised example question: its English content stems}``.
    :ivar owned: every topic some fact covers.
    :ivar covers: ``{fact id: its topics}``, plus ``past_history`` for a fact of the past.
    :ivar inherited: ``{fact id: presenting symptoms}`` for a fact of the history of the
        presenting complaint (empty for the others).
    :ivar hpi_symptoms: symptoms of this illness whose own course the history tells.
    :ivar relief_symptoms: symptoms a fact tells the relief of.
    :ivar past_facts: ids of the facts of the past history.
    :ivar answers: ``{fact id: answer normalised, spaces removed}``.
    :ivar answer_stems: ``{fact id: the English stems of its answer}``.
    :ivar attribute_fact: ``{fact id: whether it is a fact of the history of the complaint
        that tells attributes only (character, onset ...), no symptom}``.
    :ivar fact_topics: ``{fact id: its topics}``.
    :ivar pain_case: whether the presenting complaint is a pain.
    :ivar presenting: the symptoms of the presenting complaint but "pain".
    :ivar speller: the case's vocabulary and spelling correction.
    """

    def __init__(self, case: CaseScript):
        self.case = case
        self.lexicon: dict[str, Concept] = concepts()
        lexicon = self.lexicon
        # the medicines a fact names ("Ramipril, bisoprolol ... furosemide", "蒙脱石散和颠茄片")
        # are its keywords: "have you been taking your furosemide?" is about the case's
        # drugs, and the frame (adherence, treatment so far) decides between the facts
        self.drug_names = {f.id: named_drugs(f.answer) for f in case.facts}
        self.all_drugs = frozenset(n for names in self.drug_names.values() for n in names)
        self.regular_drugs = frozenset(
            n for f in case.facts if "treatment_so_far" not in f.topics
            for n in self.drug_names[f.id])
        self.fact_patterns: dict[str, tuple[list[Pattern], list[Pattern], list[str]]] = {
            f.id: ([compile_pattern(k) for k in f.keywords]
                   + [compile_pattern(n) for n in self.drug_names[f.id]],
                   [compile_pattern(q) for q in f.questions],
                   [normalise(q) for q in f.questions])
            for f in case.facts}
        self.example_words = {
            q: frozenset(stem(w) for w in re.findall(r"[a-z]+", q)
                         if w not in STOPWORDS and w not in QUESTION_WORDS
                         and w not in ("what", "how", "who", "why"))
            for _, _, qn in self.fact_patterns.values() for q in qn}
        owned: set[str] = set()
        for f in case.facts:
            owned.update(f.topics)
        self.owned = owned
        # what each fact covers: its topics, and for a fact of the past history the
        # past-history frame itself ("any history of stroke?" may ask the fact that
        # lists strokes among other past conditions)
        self.covers = {f.id: frozenset(f.topics) | (
            {"past_history"} if f.category == "past" else set()) for f in case.facts}
        # the history of the presenting complaint is about the presenting symptom:
        # "where is the headache?" asks the site fact, which need not repeat "headache"
        presenting = {t for f in case.facts if f.category == "presenting" for t in f.topics
                      if t in lexicon and lexicon[t].kind == "symptom"}
        presenting -= {t for f in case.facts if f.category != "presenting" for t in f.topics}
        self.inherited = {f.id: presenting - set(f.topics) if f.category == "hpi" else set()
                          for f in case.facts}
        # every symptom of the chief complaint: the context of the whole interview ("发烧
        # 的时候抽过筋吗" asks about fits; the fever is the reason the child is here)
        # symptoms of this illness whose own course the history tells (an hpi fact with
        # its onset: "今天早上开始喘得快"); "before" asked of one asks the past
        self.hpi_symptoms = frozenset(
            t for f in case.facts if f.category == "hpi" and "onset" in f.topics
            for t in f.topics
            if t in lexicon and lexicon[t].negative) - frozenset(
            t for f in case.facts if f.category != "hpi" for t in f.topics)
        self.relief_symptoms = frozenset(
            t for f in case.facts if f.category != "presenting" and "relieving" in f.topics
            for t in f.topics if t in lexicon and lexicon[t].negative)
        self.past_facts = frozenset(f.id for f in case.facts if f.category == "past")
        # each fact's answer as text and as English stems (for :meth:`answer_tells` and
        # :func:`.fact_scores.echo`)
        self.answers = {f.id: normalise(f.answer).replace(" ", "") for f in case.facts}
        self.answer_stems = {f.id: frozenset(stem(w) for w in re.findall(
            r"[a-z]+", normalise(f.answer))) for f in case.facts}
        # facts of the history of the complaint that tell attributes only (character,
        # onset ...), no symptom
        self.attribute_fact = {f.id: f.category == "hpi" and bool(f.topics) and all(
            t in lexicon and lexicon[t].kind == "frame" for t in f.topics)
            for f in case.facts}
        self.fact_topics = {f.id: frozenset(f.topics) for f in case.facts}
        #: the presenting complaint is a pain ("is it worse when you breathe in?": "it")
        self.pain_case = any(f.category == "presenting" and "pain" in f.topics
                             for f in case.facts)
        self.presenting = frozenset(
            t for f in case.facts if f.category == "presenting" for t in f.topics
            if t in lexicon and lexicon[t].kind == "symptom" and t != "pain")
        self.speller = Speller(
            [p for kw, qs, _ in self.fact_patterns.values() for p in kw + qs],
            (t for f in case.facts for t in f.keywords + f.questions),
            {normalise(k).replace(" ", "") for f in case.facts for k in f.keywords})
        self._told: dict[tuple[str, str], bool] = {}

    def tells(self, fact_id: str, concept_id: str) -> bool:
        """Whether the answer of ``fact_id`` speaks of ``concept_id`` (one of the
        concept's lexicon patterns matches the answer's text); cached per pair."""
        key = (fact_id, concept_id)
        if key not in self._told:
            answer = next(f.answer for f in self.case.facts if f.id == fact_id)
            views = question_views(answer)
            self._told[key] = any(p.evidence(*views) for p in self.lexicon[concept_id].patterns)
        return self._told[key]

    def answer_tells(self, fact_id: str, words: frozenset, views: Views) -> bool:
        """Whether the answer of ``fact_id`` holds the words a concept matched in a
        question (``words``: English stems, or zero-based character positions of the
        question's ``views[2]``, read as one stretch)."""
        if not words:
            return False
        if all(isinstance(i, int) for i in words):
            text = "".join(views[2][i] for i in sorted(words) if i < len(views[2]))
            text = re.sub(r"[的了过吗呢着]", "", text)  # "吐的" tells no more than "吐"
            return bool(text) and text in self.answers[fact_id]
        return set(map(str, words)) <= self.answer_stems[fact_id]
