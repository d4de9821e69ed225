"""Scoring facts against what a question asks (step 2 of the offline matcher,
:mod:`.matcher`), and the checks its acceptance rules make on the words of a question.

:func:`fact_scores` gives each fact of the case a score from the concepts a question asks
(:func:`.reading.read_question`): the strongest of its topics asked plus 0.3 for each
further one, its own keywords and example questions, the presenting symptom a fact of the
history of the presenting complaint inherits, minus a penalty for every frame asked that
the fact does not cover and for a symptom or condition named that it does not cover
(negative evidence). :func:`unexplained`, :func:`stray` and :func:`echo` look at the
question's words that no concept or keyword explains, or that a fact's answer holds.
(The checklist score of an interview is :mod:`.scoring`, not this.)
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .case_index import CaseIndex
from .reading import ATTRIBUTES, DOMINANT, THRESHOLD
from .spelling import QUESTION_WORDS, Views
from .text import STOPWORDS, is_chinese, stem

__all__ = ["fact_scores", "unexplained", "echo", "stray"]

#: What each frame asked that a fact does not cover costs it, times the frame's strength.
_FRAME_PENALTY = 0.75
#: Added to the weight of a fact's own keyword or example question that matched.
_KEYWORD_BONUS = 1.0
#: Parts of the history whose object may be any condition: a fact covering one of these,
#: when the question asks it, is not counted against for naming a condition it lacks.
_HISTORY_OBJECTS = frozenset({"family_history", "past_history", "allergies", "surgery",
                              "medications", "treatment_so_far",
                              "vaccination", "sick_contacts"})
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
#: rapidfuzz similarity (0..100) of a question to a fact's example question that
#: counts as asking it.
_FUZZ_WHOLE = 88


def fact_scores(index: CaseIndex, found: dict[str, float], views: Views,
                evidence: dict[str, frozenset] | None = None) -> dict[str, float]:
    """The score of each fact of the case for a question (step 2 of the matcher; see
    the module docstring).

    :param index: the case's :class:`.case_index.CaseIndex`.
    :param found: ``{concept id: strength}`` asked (skills left out), from
        :func:`.reading.read_question`.
    :param views: the question as read (:meth:`.spelling.Speller.views`).
    :param evidence: what each concept matched, from :func:`.reading.read_question`.
    :returns: ``{fact id: score}`` of every fact that scored above 0 before its
        penalties, in units of one matched content word (may be negative after them).
    """
    lexicon = index.lexicon
    norm = views[0]
    evidence = evidence or {}
    frames = {cid: s for cid, s in found.items() if lexicon[cid].kind == "frame"}
    symptoms = {cid: s for cid, s in found.items() if lexicon[cid].negative}
    conditions = {cid: s for cid, s in found.items()
                  if lexicon[cid].kind == "symptom" and cid != "pain"}
    symptoms_all = [cid for cid in found if lexicon[cid].kind == "symptom"]
    dominant = [cid for cid in frames if cid in DOMINANT]
    top = max(dominant, key=lambda c: frames[c], default="")
    scores: dict[str, float] = {}
    for f in index.case.facts:
        hits = sorted((found[t] for t in f.topics if t in found), reverse=True)
        score = hits[0] + 0.3 * sum(hits[1:]) if hits else 0.0
        if hits:
            score += 0.3 * sum(found[t] for t in index.inherited[f.id] if t in found)
        kw, qs, qnorm = index.fact_patterns[f.id]
        # a keyword of an attribute of the complaint read inside a symptom the fact
        # does not cover is that symptom's word ("have you lost weight?" does not ask
        # the fact whose pain is "like a weight on my chest")
        elsewhere = frozenset().union(*(evidence.get(t, frozenset()) for t in symptoms_all
                                        if t not in f.topics)) \
            if index.attribute_fact[f.id] else frozenset()
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
                       if is_chinese(q) or 2 * len(index.example_words[q] & views[1])
                       >= len(index.example_words[q])),
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
                                if cid in ATTRIBUTES or cid == "onset"), default=0.0)
        # a relative named makes it the family history whatever else is asked ("does
        # your mum have any medical problems?" is not the patient's own history)
        penalty = sum(s * ((4 if cid == "family_history" else 2) if cid == top else 1)
                      for cid, s in frames.items()
                      if cid not in index.covers[f.id]
                      # a part of the history no fact holds counts against none
                      # (the acceptance rule decides whether anything answers)
                      and (cid in index.owned or cid not in DOMINANT)
                      and not (covers_symptom and (cid in ATTRIBUTES
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
                      and not (cid in ATTRIBUTES and kw_words
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
        context = index.presenting if f.category == "hpi" else frozenset()
        if symptoms and not any(t in symptoms for t in f.topics) \
                and not any(t in symptoms for t in index.inherited[f.id] | context) \
                and any(t in ATTRIBUTES or t == "onset" for t in f.topics if t in found):
            penalty += max(symptoms.values())
            # the onset asked of a symptom another fact covers is that symptom's
            # onset: the fact's own match on "when" does not count ("your leg have
            # swelling since when?", "什么时候开始吐的" are not the complaint's onset)
            # (likewise any attribute but where it spreads, whose words name body
            # parts: "any weakness down one side?", "how high does the swelling go?")
            # (unless the fact's own answer tells that symptom, as the story of
            # this illness does: "昨天开始恶心呕吐" answers "什么时候开始恶心呕吐的")
            if any(t in index.owned for t in symptoms) and not all(
                    index.answer_tells(f.id, evidence.get(t, frozenset()), views)
                    for t in symptoms):
                penalty += max((found[t] for t in f.topics if t in found and (
                    t == "onset" or t in ATTRIBUTES and t != "radiation")), default=0.0)
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
                t in DOMINANT for t in f.topics if t in frames) and not (
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
                         if t not in f.topics and t not in index.inherited[f.id]
                         and t not in evidence.get("!when", ())
                         and t not in index.presenting
                         and (t in index.owned or s > covered)
                         and not (history and t not in index.owned)
                         and 2 * len(evidence.get(t, frozenset()) & own)
                         < len(evidence.get(t, frozenset()))]
            if uncovered:
                penalty += max(uncovered)
        scores[f.id] = score - _FRAME_PENALTY * penalty
    return scores


def unexplained(index: CaseIndex, fact_id: str, info: dict[str, float],
                evidence: dict[str, frozenset], views: Views) -> list[str]:
    """The words of a question that another fact's own keywords claim and that no
    concept found and no keyword of ``fact_id`` explains (English words stemmed,
    Chinese character positions): a case-specific word pointing elsewhere
    ("have you taken the Gaviscon for your blood pressure?")."""
    kw, _, _ = index.fact_patterns[fact_id]
    own = set(evidence.get("*", ()))
    for p in kw:
        own |= set(p.evidence(*views) or ())
    other: set = set()
    for fid, (okw, _, _) in index.fact_patterns.items():
        if fid != fact_id:
            for p in okw:
                if p.text not in index.all_drugs:
                    other |= set(p.evidence(*views) or ())
    return sorted(str(w) for w in other - own
                  if not (isinstance(w, str) and (w in STOPWORDS or stem(w) in _FILLER)))


def echo(index: CaseIndex, views: Views, fact_ids) -> dict[str, int]:
    """``{fact id: how many content words of the question its answer holds}`` for
    ``fact_ids`` (English stems of 4+ letters, not function or filler words; Chinese
    two-character words outside the yes/no frame)."""
    norm, _, nospace = views
    if is_chinese(nospace):
        flat = _ZH_FILLER.sub(" ", nospace)
        asked = {piece[i:i + 2] for piece in flat.split() for i in range(len(piece) - 1)}
        return {f: sum(1 for w in asked if w in index.answers[f]) for f in fact_ids}
    asked = {stem(w) for w in re.findall(r"[a-z]+", norm)
             if w not in STOPWORDS and w not in QUESTION_WORDS and len(w) >= 4}
    asked -= _FILLER
    return {f: len(asked & index.answer_stems[f]) for f in fact_ids}


def stray(index: CaseIndex, views: Views, evidence: dict[str, frozenset],
          fact_id: str) -> list[str]:
    """The content of a question that no concept matched and no keyword of
    ``fact_id`` explains: English content words (stemmed; function, question and
    filler words left out), or Chinese characters outside every concept's match and
    outside the words of a yes/no frame (:data:`_ZH_FILLER`). ``[]`` when everything
    is accounted for ("any chest pain?", "肚子还疼吗")."""
    norm, words, nospace = views
    seen = set(evidence.get("*", ()))
    kw, _, _ = index.fact_patterns[fact_id]
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
                              if x not in STOPWORDS and x not in QUESTION_WORDS)
                  if w not in seen and w not in STOPWORDS and w not in _FILLER
                  and w not in QUESTION_WORDS and len(w) > 2
                  and w not in ("how", "who", "why", "feel", "yet"))
