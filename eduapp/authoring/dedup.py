"""Near-duplicate ("enemy item") detection against the bank, English and Chinese.

Two items are near duplicates when one is a close copy of the other: the same stem with a
few words changed, options reordered or one distractor swapped, an age or a sentence of the
vignette edited. The NBME guide warns that such items must not appear together in one
exam, since one cues or repeats the other (NBME, *Constructing Written Test Questions for
the Basic and Clinical Sciences*, 4th ed., on assembling test forms), and a bank full of
them inflates its size. Paraphrases and translations are not looked for.

How: every item becomes a token sequence (English words, lower-cased; each run of Chinese
characters as its character bigrams, as the bank's search index does), its stem and its
sorted option texts. Candidates come from a bottom-k sketch index: each item keeps the
``k`` smallest hashes of its token-pair shingles, an inverted index maps each kept hash
to the items that keep it, and an item that shares at least two kept hashes with the new
one (about Jaccard >= 0.2) is a candidate. Hashes kept by very many items (boilerplate
such as "which of the following") are skipped. Candidates are then scored with
``rapidfuzz`` (``token_set_ratio`` and ``token_sort_ratio`` on the stems, the same on the
option sets, and the keys compared), so only close copies are reported. A stem of 60+
characters that is nearly all of the other's (``partial_ratio`` >= 95, options alike) counts
as a copy too: a generated draft that repeats a bank item but is cut off mid-word.

Speed: about 0.3-1 ms to check an item against 100,000 (see ``bench/bench_gate.py``);
building the index takes about 25 microseconds per item. Not thread-safe for writes: build
it on one thread, then query from any.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Hashable, Iterable

from rapidfuzz import fuzz

from ..domain import Finding, Item
from .finding_text import make_finding

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["DuplicateMatch", "DuplicateIndex", "duplicate_findings", "similarity"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
_MARKUP = re.compile(r"<[^>]{0,200}>|&[a-z]+;|\*\*|__")
_MASK = (1 << 64) - 1


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", _MARKUP.sub(" ", text)).casefold()
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        run, word = m.group(1), m.group(2)
        if run:
            out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
        else:
            out.append(word)
    return out


@dataclass
class _Entry:
    stem: str          # normalised tokens of the full stem, space-joined
    options: str       # normalised tokens of the sorted option texts
    key: str           # normalised tokens of the key option(s)
    sketch: tuple      # bottom-k hashes


@dataclass(frozen=True)
class DuplicateMatch:
    """One item of the index that is a near copy of the item checked.

    :ivar key: the key the item was added under (the bank id for :meth:`DuplicateIndex.from_bank`).
    :ivar score: similarity 0..100 (100: same text after normalisation).
    """

    key: Hashable
    score: float


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", _MARKUP.sub("", text)).casefold())


def _same_key(a: str, b: str) -> bool:
    # numbers must agree exactly (0.3 mg is not 0.5 mg); the words may be edited a little
    return re.sub(r"\D", "", a) == re.sub(r"\D", "", b) and fuzz.ratio(a, b) >= 85


def _entry(item: Item, k: int) -> _Entry:
    stem_toks = _tokens(item.full_stem)
    opt_texts = sorted(" ".join(_tokens(o.text)) for o in item.options)
    key_text = "|".join(sorted(_squash(o.text) for o in item.options if o.correct))
    seq = stem_toks + [t for o in opt_texts for t in o.split()]
    if len(seq) > 1:
        shingles = {hash((seq[i], seq[i + 1])) & _MASK for i in range(len(seq) - 1)}
    else:
        shingles = {hash(t) & _MASK for t in seq}
    sketch = tuple(heapq.nsmallest(k, shingles))
    return _Entry(" ".join(stem_toks), " | ".join(opt_texts), key_text, sketch)


def _score(a: _Entry, b: _Entry) -> float:
    stem = min(fuzz.token_set_ratio(a.stem, b.stem), fuzz.token_sort_ratio(a.stem, b.stem) + 8)
    if a.options and b.options:
        opts = fuzz.token_sort_ratio(a.options, b.options)
        score = 0.75 * stem + 0.25 * opts
    else:
        score = stem
    shorter = min(len(a.stem), len(b.stem))
    if shorter >= 60 and score < 95:
        # a copy cut off (or padded): one stem is most of the other's opening words
        part = fuzz.partial_ratio(a.stem, b.stem)
        opts = fuzz.token_sort_ratio(a.options, b.options) if a.options and b.options else part
        if part >= 95 and opts >= 80:
            score = max(score, 0.75 * part + 0.25 * opts)
    if a.key and b.key and not _same_key(a.key, b.key):
        score = min(score, 60.0)  # same stem, another key: a different question
    return score


def similarity(a: Item, b: Item) -> float:
    """How close two items are, 0..100, as the index scores candidates (stems weigh 3/4,
    option sets 1/4; a different key caps the score at 60)."""
    return _score(_entry(a, 1), _entry(b, 1))


class DuplicateIndex:
    """An in-memory near-duplicate index of items.

    :param threshold: the score (0..100) from which a candidate is reported; 90 gave
        >= 95 % precision on the annotated pairs (see ``tests/authoring``).
    :param sketch_size: hashes kept per item (``k`` of the bottom-k sketch).
    :param max_posting: a hash kept by more than this many items is ignored at query time
        (boilerplate shingles).

    ::

        index = DuplicateIndex.from_bank(bank)
        for m in index.query(new_item):
            print(m.key, m.score)
    """

    def __init__(self, threshold: float = 90.0, sketch_size: int = 12, max_posting: int = 2000):
        self.threshold = threshold
        self.k = sketch_size
        self.max_posting = max_posting
        self._entries: dict[Hashable, _Entry] = {}
        self._postings: dict[int, list] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def from_bank(cls, bank: Bank, filters=None, **kw) -> "DuplicateIndex":
        """An index of the bank's items (not deleted; ``filters`` an ``ItemFilter``), keyed by
        item id. Reads in chunks of 2,000 items. Run on a worker thread for large banks.
        """
        index = cls(**kw)
        ids = bank.query_ids("", filters)
        for start in range(0, len(ids), 2000):
            for item in bank.get_items(ids[start:start + 2000]):
                index.add(item.id, item)
        return index

    def add(self, key: Hashable, item: Item) -> None:
        """Add (or replace) ``item`` under ``key``."""
        if key in self._entries:
            self.remove(key)
        e = _entry(item, self.k)
        self._entries[key] = e
        for h in e.sketch:
            self._postings.setdefault(h, []).append(key)

    def add_many(self, pairs: Iterable[tuple[Hashable, Item]]) -> None:
        """Add ``(key, item)`` pairs."""
        for key, item in pairs:
            self.add(key, item)

    def remove(self, key: Hashable) -> None:
        """Forget the item under ``key`` (no error when absent)."""
        e = self._entries.pop(key, None)
        if e is None:
            return
        for h in e.sketch:
            lst = self._postings.get(h)
            if lst is not None:
                try:
                    lst.remove(key)
                except ValueError:
                    pass

    def query(self, item: Item, *, limit: int = 5, exclude: Hashable | None = None,
              threshold: float | None = None) -> list[DuplicateMatch]:
        """The items of the index that are near copies of ``item``, best first.

        :param limit: at most this many matches.
        :param exclude: a key to leave out (the item itself when it is in the index).
        :param threshold: override the index's reporting threshold (0..100).
        :returns: matches with ``score >= threshold``.
        """
        e = _entry(item, self.k)
        counts: Counter = Counter()
        for h in e.sketch:
            lst = self._postings.get(h)
            if lst and len(lst) <= self.max_posting:
                counts.update(lst)
        need = 2 if len(e.sketch) >= 4 else 1
        cut = self.threshold if threshold is None else threshold
        out: list[DuplicateMatch] = []
        for key, n in counts.most_common(300):
            if n < need:
                break
            if key == exclude:
                continue
            s = _score(e, self._entries[key])
            if s >= cut:
                out.append(DuplicateMatch(key, round(s, 1)))
        out.sort(key=lambda m: -m.score)
        return out[:limit]


def duplicate_findings(item: Item, index: DuplicateIndex, *, exclude: Hashable | None = None,
                       describe: Callable[[Hashable], str] | None = None) -> list[Finding]:
    """The gate's ``near-duplicate`` findings for ``item`` against ``index``.

    :param describe: ``describe(key) -> str``: a few words on the matched item (its
        status, where it came from and the start of its stem) so the teacher sees which
        bank item is copied without looking it up; ``None`` names bank ids only.
    :returns: one ``warning`` finding naming the closest copies (bank ids), or ``[]``.
    """
    matches = index.query(item, exclude=exclude if exclude is not None else item.id)
    if not matches:
        return []
    names = []
    for m in matches:
        what = ""
        if describe is not None:
            try:
                what = describe(m.key)
            except Exception:  # noqa: BLE001 - a vanished item is still named by its id
                what = ""
        names.append(f"#{m.key} ({m.score:.0f}%{': ' + what if what else ''})")
    return [make_finding("near-duplicate", "warning", "near-duplicate",
                         {"names": "; ".join(names)},
                         language="zh" if item.language == "zh" else "en")]
