"""Slips mended before a question is read: the interview vocabulary of one case and the
spelling correction the offline matcher (:mod:`.matcher`) applies to a question.

English words not in the vocabulary and not words of English (pyspellchecker's dictionary,
:func:`.text.is_english_word`) are corrected to the closest vocabulary word with rapidfuzz
(similarity >= 85, or one letter added, dropped, changed or two swapped), so "breathles",
"palpitatons" and "ligth" still match; Chinese pinyin-input slips (发少 for 发烧) are
mended with :class:`.text.HomophoneRepair` over the Chinese words of the interview.

One :class:`Speller` per case (built by :class:`.case_index.CaseIndex`); it caches its
corrections, a plain dict whose entries never change once written, so it is safe to share
between threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .lexicon import concepts
from .text import (STOPWORDS, HomophoneRepair, Pattern, is_chinese, is_english_word, normalise,
                   question_views, stem)

__all__ = ["Speller", "QUESTION_WORDS"]

#: English question words: not counted as known words (:meth:`Speller.unknown_words`), nor
#: as content words of a question or an example question.
QUESTION_WORDS = frozenset({"what", "when", "where", "which", "whose", "does", "have",
                            "were", "would", "could", "should", "will"})
#: rapidfuzz similarity (0..100) at which a word is taken for a vocabulary word.
FUZZ_WORD = 85

#: A question as the matcher reads it: ``(normalised text, stemmed words, text without
#: spaces)``, as :func:`.text.question_views` returns it.
Views = tuple[str, frozenset[str], str]


def raw_words(texts: Iterable[str]) -> frozenset[str]:
    """The English words of 4+ letters in ``texts``, normalised but not stemmed."""
    return frozenset(w for text in texts for w in re.findall(r"[a-z]+", normalise(text))
                     if len(w) >= 4)


@lru_cache(maxsize=1)
def lexicon_raw_words() -> frozenset[str]:
    """:func:`raw_words` of every English pattern of the lexicon (computed once)."""
    return raw_words(p.text for c in concepts().values() for p in c.patterns
                     if not is_chinese(p.text))


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """The Chinese words of the lexicon's patterns (each literal part of a pattern)."""
    return frozenset(part for c in concepts().values() for p in c.patterns if is_chinese(p.text)
                     for part in normalise(p.text).lstrip("=").replace(" ", "").split("*"))


class Speller:
    """The vocabulary of one case's interview and the spelling correction over it.

    :param case_patterns: the compiled patterns of the case's facts (keywords, the
        medicines their answers name, example questions); the lexicon's patterns are added.
    :param case_texts: the same keywords and example questions as written (for the
        unstemmed vocabulary: "familly" is near "family", not near its stem "famy").
    :param zh_keywords: the case's Chinese keywords, normalised, spaces removed (for
        mending pinyin-input slips beside the lexicon's Chinese words).
    """

    def __init__(self, case_patterns: list[Pattern], case_texts: Iterable[str],
                 zh_keywords: Iterable[str]):
        vocab: set[str] = set()
        prefixes: set[str] = set()
        for p in chain((p for c in concepts().values() for p in c.patterns), case_patterns):
            vocab.update(p._words)
            prefixes.update(p._prefixes)
        #: stemmed vocabulary words of 4+ letters, sorted (rapidfuzz choices)
        self.vocab = sorted(w for w in vocab if len(w) >= 4 and w.isalpha())
        self.vocab_set = frozenset(self.vocab)
        #: every stemmed word of every pattern
        self.all_words = frozenset(vocab)
        #: the prefixes of ``word*`` patterns, 3+ letters, sorted
        self.all_prefixes = tuple(sorted(p for p in prefixes if len(p) >= 3))
        self._corrections: dict[str, str] = {}
        # the vocabulary as written (before stemming: "familly" is near "family", not
        # near its stem "famy")
        self.raw_vocab = sorted(lexicon_raw_words() | raw_words(case_texts))
        # the Chinese words of the interview (the lexicon's and the case's), for mending
        # pinyin-input slips (发少 -> 发烧)
        self.homophones = HomophoneRepair(lexicon_words() | set(zh_keywords))

    def views(self, question: str) -> Views:
        """``question`` as the matcher reads it (:data:`Views`), pinyin-input slips
        mended and each corrected English word (:meth:`correction`) added to the words."""
        norm, words, nospace = question_views(self.homophones.repair(question))
        extra = {c for c in map(self.correction, set(re.findall(r"[a-z]+", norm))) if c}
        return norm, frozenset(words | extra), nospace

    def correction(self, raw: str) -> str:
        """The vocabulary word that ``raw`` (one lower-case English word) is a misspelling
        of, or ``""``: within rapidfuzz similarity 85 (5+ letters) or one letter added,
        dropped, changed or two swapped (optimal string alignment), the length changed by
        one at most ("consultant" is no misspelling of "constant"). A word the vocabulary
        or a prefix pattern knows is none ("shoot" is "shoot*", not "shots"), nor a word
        of English ("might" is not "night"), unless it is a form of a vocabulary word the
        stemmer missed ("weighed" -> "weight"). Cached per word."""
        cached = self._corrections.get(raw)
        if cached is not None:
            return cached
        w = stem(raw)
        out = ""
        if len(w) >= 4 and w not in self.vocab_set and not w.startswith(self.all_prefixes):
            english = is_english_word(raw)
            if not english:
                # of the words one edit away, the most alike ("fevr": "fever", not "fear")
                near = process.extract(raw, self.raw_vocab, scorer=OSA.distance,
                                       score_cutoff=1, limit=20)
                if near:
                    out = stem(max((h[0] for h in near),
                                   key=lambda v: (fuzz.ratio(raw, v), v)))
            if not out:
                hit = process.extractOne(w, self.vocab, scorer=fuzz.ratio,
                                         score_cutoff=FUZZ_WORD) if len(w) >= 5 else None
                if hit and abs(len(hit[0]) - len(w)) > 1:
                    hit = None
                if english:
                    out = hit[0] if hit and hit[0].startswith(w) else ""
                else:
                    hit = hit or process.extractOne(w, self.vocab, scorer=OSA.distance,
                                                    score_cutoff=1)
                    out = hit[0] if hit and abs(len(hit[0]) - len(w)) <= 1 else ""
        self._corrections[raw] = out
        return out

    def unknown_words(self, views: Views) -> tuple[int, int]:
        """``(unknown, known)``: the English content words of the question (4+ letters)
        that the lexicon and the case do not know and that they know (``(0, 0)`` for
        Chinese); a word within rapidfuzz similarity 85 of a known one, or a misspelling
        of one (:meth:`correction`), is known."""
        if is_chinese(views[0]):
            return 0, 0
        known = unknown = 0
        for w in re.findall(r"[a-z]+", views[0]):
            if w in STOPWORDS or len(w) < 4 or w in QUESTION_WORDS:
                continue
            s = stem(w)
            if s in self.all_words or any(s.startswith(p) for p in self.all_prefixes) \
                    or self.correction(w) or process.extractOne(
                        s, self.vocab, scorer=fuzz.ratio, score_cutoff=FUZZ_WORD):
                known += 1
            else:
                unknown += 1
        return unknown, known
