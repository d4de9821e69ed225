"""Item statistics for the teacher (classical test theory), vectorised with numpy.

Data: each student's *first* attempt at each item (later attempts are practice, not
measurement). Scores are 0..1 (1 right); a response matrix has students as rows and items
as columns.

* Difficulty (facility) index ``p_j``: the mean score on item ``j`` over the students who
  answered it (Ebel & Frisbie, *Essentials of Educational Measurement*).
* Corrected point-biserial discrimination ``r_pb``: the Pearson correlation between the
  item score and the *rest score* (the student's score on the other items, item removed
  from the total, so the item does not correlate with itself; Henrysson 1963). The
  point-biserial equals Pearson's r with a dichotomous variable:
  ``r_pb = (M1 - M0) / s · sqrt(p q)`` with ``s`` the population SD of the rest score.
  With practice data students answer different subsets, so the rest score is the
  *proportion* right on the other items they answered; with a complete matrix that is a
  linear function of the rest sum and gives the same r.
* Distractor choice rates: share of the item's first attempts choosing each option.
* KR-20 reliability of an exam (Kuder & Richardson 1937, formula 20):
  ``KR20 = k/(k-1) · (1 - Σ p_j q_j / σ²_X)`` with ``k`` items, ``q = 1 - p`` and
  ``σ²_X`` the population variance (divide by N) of the students' total scores.

An exam sitting (scanned answer sheets, :func:`analyse_sitting`) adds, on a complete
candidates × items matrix: the standard error of measurement
``SEM = σ_X · sqrt(1 - KR20)`` (Harvill 1991, NCME module 9), choice rates in the upper
and lower 27 % groups by total score (Kelley 1939), distractors chosen by fewer than 5 %
(non-functional, Haladyna & Downing 1993) and a distractor the upper group prefers to
the key; its thresholds and their sources are :data:`SITTING_THRESHOLDS` and
:data:`THRESHOLD_SOURCES`.

Items that need attention (:data:`THRESHOLDS`): ``p < 0.2`` (too hard, or mis-keyed),
``p > 0.95`` (too easy), ``r_pb < 0.15`` (poor discrimination; negative: check the key),
a distractor nobody picks (non-functioning; needs ≥ 20 answers), flagged by ≥ 10 % of the
students who saw it (and at least 3). p and r_pb are judged from 10 answers up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

THRESHOLDS = {"p_low": 0.2, "p_high": 0.95, "r_pb_low": 0.15, "min_n": 10,
              "min_n_distractors": 20, "flag_rate": 0.10, "min_flags": 3}


@dataclass
class ItemStat:
    """Statistics of one item.

    :ivar n: students who answered it (first attempts). :ivar p: facility 0..1.
    :ivar r_pb: corrected point-biserial, -1..1, or ``None`` (too few / no variance).
    :ivar option_rates: share choosing each option (zero-based), 0..1.
    :ivar keys: zero-based key options (given, or inferred from right answers).
    :ivar flags: students who flagged it.
    :ivar upper_rates: / :ivar lower_rates: share choosing each option in the upper and
        lower 27 % groups by total score (sittings only; else empty).
    :ivar issues: why it needs attention, as ``(code, values)``: ``very_hard`` /
        ``very_easy`` ``{p, limit}``, ``poor_discrimination`` ``{r_pb, limit}``,
        ``negative_discrimination`` ``{r_pb}``, ``unused_distractor`` ``{option}`` (a
        letter), ``flagged`` ``{flags, n}``; :func:`describe` words them.
    """

    item_uid: str
    n: int
    p: float | None
    r_pb: float | None
    option_rates: list[float] = field(default_factory=list)
    keys: list[int] = field(default_factory=list)
    flags: int = 0
    mean_seconds: float | None = None
    issues: list[tuple[str, dict]] = field(default_factory=list)
    upper_rates: list[float] = field(default_factory=list)
    lower_rates: list[float] = field(default_factory=list)

    @property
    def attention(self) -> list[str]:
        """The issues as English sentences (CSV, CLI); empty when none."""
        return [describe(code, values, "en") for code, values in self.issues]

    def note(self, code: str, **values) -> None:
        """Record an issue."""
        self.issues.append((code, values))


#: How each issue is worded, in English and Chinese.
ISSUE_TEXT = {
    "very_hard": ("very hard: p = {p:.2f} (< {limit}); check the key",
                  "过难：p = {p:.2f}（< {limit}），请核对答案"),
    "very_easy": ("very easy: p = {p:.2f} (> {limit})", "过易：p = {p:.2f}（> {limit}）"),
    "poor_discrimination": ("poor discrimination: r_pb = {r_pb:.2f} (< {limit})",
                            "区分度差：r_pb = {r_pb:.2f}（< {limit}）"),
    "negative_discrimination": ("negative discrimination: r_pb = {r_pb:.2f}; check the key",
                                "区分度为负：r_pb = {r_pb:.2f}，请核对答案"),
    "unused_distractor": ("distractor {option} is never chosen", "干扰项 {option} 无人选择"),
    "flagged": ("flagged by {flags} of {n} students", "{n} 名学生中有 {flags} 人标记此题"),
    "nonfunctional_distractor": ("distractor {option} chosen by {rate:.0%} (< {limit:.0%}): "
                                 "non-functional",
                                 "干扰项 {option} 选择率 {rate:.0%}（< {limit:.0%}）：无效干扰项"),
    "distractor_beats_key": ("the upper group chose distractor {option} ({rate:.0%}) more "
                             "than the key ({key_rate:.0%}); check the key and the wording",
                             "高分组选择干扰项 {option}（{rate:.0%}）多于正确答案"
                             "（{key_rate:.0%}），请核对答案与题干"),
}

#: Thresholds for a sitting of an exam (:func:`analyse_sitting`); ``p_low``/``p_high`` is
#: the facility band the teacher may change.
SITTING_THRESHOLDS = {"p_low": 0.20, "p_high": 0.90, "r_pb_low": 0.20, "nonfunctional": 0.05,
                      "group": 0.27, "min_n": 10}

#: Where each sitting threshold comes from (shown beside the statistics).
THRESHOLD_SOURCES = {
    "p_low": "Facility below 0.20: very hard or mis-keyed; items outside 0.20-0.90 tell "
             "little about most candidates (Ebel & Frisbie, Essentials of Educational "
             "Measurement, 5th ed. 1991). The teacher may set another band.",
    "p_high": "Facility above 0.90: very easy (same source and band as p_low).",
    "r_pb_low": "Corrected point-biserial below 0.20: poor discrimination (Ebel 1965: "
                ">= 0.40 very good, 0.30-0.39 reasonably good, 0.20-0.29 marginal, < 0.20 "
                "poor); a negative value usually means a wrong key.",
    "nonfunctional": "A distractor chosen by fewer than 5 % of candidates is non-functional "
                     "(Haladyna & Downing 1993, Educ. Psychol. Meas. 53:999).",
    "group": "Upper and lower groups are the top and bottom 27 % by total score "
             "(Kelley 1939, J. Educ. Psychol. 30:17).",
    "min_n": "Items are judged from 10 candidates up; with fewer, p and r_pb are shown but "
             "not flagged (too few to tell an item's fault from chance).",
    "kr20": "KR-20 (Kuder & Richardson 1937) on right/wrong scores (full credit = right); "
            "SEM = SD of totals x sqrt(1 - KR-20) (Harvill 1991).",
}


def describe(code: str, values: dict, language: str = "en") -> str:
    """One issue of :attr:`ItemStat.issues` as a sentence in ``language`` (``en``/``zh``).

    :raises KeyError: an unknown issue code.
    """
    en, zh = ISSUE_TEXT[code]
    return (zh if language == "zh" else en).format(**values)


def point_biserial_corrected(X: np.ndarray, M: np.ndarray | None = None) -> np.ndarray:
    """Corrected point-biserial of every column of a students × items score matrix.

    :param X: scores 0..1, shape (students, items); values where ``M`` is false ignored.
    :param M: answered mask of the same shape (``None``: all answered).
    :returns: shape (items,), ``nan`` where undefined.
    """
    X = np.asarray(X, dtype=float)
    M = np.ones(X.shape, bool) if M is None else np.asarray(M, bool)
    X = np.where(M, X, 0.0)
    total = X.sum(1)
    count = M.sum(1)
    valid = M & (count > 1)[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        rest = (total[:, None] - X) / (count[:, None] - 1)
        rest = np.where(valid, rest, 0.0)
        W = valid.astype(float)
        w = W.sum(0)
        mx = (W * X).sum(0) / w
        mr = (W * rest).sum(0) / w
        dx = (X - mx) * W
        dr = (rest - mr) * W
        cov = (dx * dr).sum(0)
        r = cov / np.sqrt((dx * dx).sum(0) * (dr * dr).sum(0))
    return np.where(np.isfinite(r), r, np.nan)


def facility(X: np.ndarray, M: np.ndarray | None = None) -> np.ndarray:
    """Difficulty index p of every column: mean score of those who answered (nan if none)."""
    X = np.asarray(X, dtype=float)
    M = np.ones(X.shape, bool) if M is None else np.asarray(M, bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(M, X, 0.0).sum(0) / M.sum(0)


def kr20(X: np.ndarray) -> float | None:
    """KR-20 of a complete students × items matrix of 0/1 scores (unanswered = 0).

    :returns: the reliability, or ``None`` with fewer than 2 items or 2 students, or no
        variance in the totals.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 2:
        return None
    k = X.shape[1]
    p = X.mean(0)
    var = X.sum(1).var()  # population variance, as Kuder & Richardson
    if var <= 0:
        return None
    return float(k / (k - 1) * (1 - (p * (1 - p)).sum() / var))


def item_statistics(student: np.ndarray, item: np.ndarray, score: np.ndarray,
                    item_uids: list[str], *, choice: np.ndarray | None = None,
                    n_options: np.ndarray | None = None, flagged: np.ndarray | None = None,
                    seconds: np.ndarray | None = None,
                    keys: dict[str, list[int]] | None = None) -> list[ItemStat]:
    """Statistics of every item from first attempts given as parallel arrays.

    :param student: zero-based student index per attempt. :param item: zero-based item
        index per attempt (into ``item_uids``). :param score: 0..1 per attempt.
    :param choice: chosen option (zero-based; -1 for none or non-choice items).
    :param n_options: number of options of the item, per attempt (the rate table of an
        item has that many columns; a distractor nobody picks shows as 0).
    :param flagged: 0/1 per attempt. :param seconds: time per attempt.
    :param keys: key options per item uid (else inferred: options picked by right answers).
    :returns: one :class:`ItemStat` per uid, in ``item_uids`` order.
    """
    student = np.asarray(student, dtype=np.int64)
    item = np.asarray(item, dtype=np.int64)
    score = np.asarray(score, dtype=float)
    S = int(student.max()) + 1 if len(student) else 0
    I = len(item_uids)
    X = np.zeros((S, I))
    M = np.zeros((S, I), bool)
    X[student, item] = score
    M[student, item] = True
    p = facility(X, M)
    r = point_biserial_corrected(X, M)
    n = M.sum(0)
    rates = counts = None
    width = np.zeros(I, np.int64)
    if choice is not None and n_options is not None and len(item):
        np.maximum.at(width, item, np.asarray(n_options, dtype=np.int64))
        K = max(1, int(width.max()))
        choice = np.asarray(choice, dtype=np.int64)
        ok = (choice >= 0) & (choice < K)
        counts = np.bincount(item[ok] * K + choice[ok], minlength=I * K).reshape(I, K)
        right = np.bincount(item[ok] * K + choice[ok], weights=(score[ok] >= 1.0),
                            minlength=I * K).reshape(I, K)
        with np.errstate(invalid="ignore", divide="ignore"):
            rates = counts / np.maximum(n, 1)[:, None]
    flags = (np.bincount(item, weights=np.asarray(flagged, float), minlength=I)
             if flagged is not None else np.zeros(I))
    secs = (np.bincount(item, weights=np.asarray(seconds, float), minlength=I)
            if seconds is not None else None)
    out = []
    t = THRESHOLDS
    for j, uid in enumerate(item_uids):
        nj = int(n[j])
        pj = None if nj == 0 else float(p[j])
        rj = None if np.isnan(r[j]) else float(r[j])
        st = ItemStat(uid, nj, pj, rj, flags=int(flags[j]),
                      mean_seconds=float(secs[j] / nj) if secs is not None and nj else None)
        if rates is not None:
            st.option_rates = [float(x) for x in rates[j, :int(width[j])]]
            st.keys = list((keys or {}).get(uid) or
                           [int(k) for k in np.nonzero(right[j])[0]])
        if nj >= t["min_n"] and pj is not None:
            if pj < t["p_low"]:
                st.note("very_hard", p=pj, limit=t["p_low"])
            if pj > t["p_high"]:
                st.note("very_easy", p=pj, limit=t["p_high"])
            if rj is not None and rj < 0:
                st.note("negative_discrimination", r_pb=rj)
            elif rj is not None and rj < t["r_pb_low"]:
                st.note("poor_discrimination", r_pb=rj, limit=t["r_pb_low"])
        if nj >= t["min_n_distractors"] and st.option_rates:
            for k, rate in enumerate(st.option_rates):
                if rate == 0 and k not in st.keys:
                    st.note("unused_distractor", option=chr(65 + k))
        if st.flags >= t["min_flags"] and nj and st.flags / nj >= t["flag_rate"]:
            st.note("flagged", flags=st.flags, n=nj)
        out.append(st)
    return out


def sem(X: np.ndarray) -> float | None:
    """Standard error of measurement ``σ_X · sqrt(1 - KR20)`` of a complete 0/1 matrix,
    in questions (number right); ``None`` when KR-20 is undefined (Harvill 1991).
    A negative KR-20 is taken as 0 (the SEM is then the SD of the totals)."""
    r = kr20(X)
    if r is None:
        return None
    return float(np.asarray(X, float).sum(1).std() * np.sqrt(1 - max(0.0, min(1.0, r))))


@dataclass
class SittingAnalysis:
    """Item analysis of one sitting of an exam.

    :ivar items: per question, in master order (:class:`ItemStat`; ``n`` is the number of
        candidates, ``p`` the mean share of the question's marks earned, 0..1).
    :ivar candidates: candidates analysed. :ivar kr20: reliability, or ``None``.
    :ivar sem: standard error of measurement in questions (number right), or ``None``.
    :ivar mean: / :ivar sd: of the total number right (questions; population SD).
    :ivar thresholds: the thresholds used (:data:`SITTING_THRESHOLDS` plus changes).
    """

    items: list[ItemStat]
    candidates: int
    kr20: float | None
    sem: float | None
    mean: float | None
    sd: float | None
    thresholds: dict

    def to_dict(self) -> dict:
        return {"candidates": self.candidates, "kr20": self.kr20, "sem": self.sem,
                "mean": self.mean, "sd": self.sd, "thresholds": self.thresholds,
                "sources": THRESHOLD_SOURCES,
                "items": [{"item_uid": s.item_uid, "n": s.n, "p": s.p, "r_pb": s.r_pb,
                           "option_rates": s.option_rates, "upper_rates": s.upper_rates,
                           "lower_rates": s.lower_rates, "keys": s.keys,
                           "issues": [{"code": c, **v} for c, v in s.issues],
                           "attention": s.attention} for s in self.items]}


def analyse_sitting(scores: np.ndarray, item_uids: list[str], *,
                    chosen: np.ndarray | None = None, keys: list[list[int]] | None = None,
                    n_options: list[int] | None = None,
                    thresholds: dict | None = None) -> SittingAnalysis:
    """Classical item analysis of one sitting (every candidate answered every question;
    a blank answer scores 0).

    :param scores: shape (candidates, items): share of each question's marks earned,
        0..1 (negative marks count as 0 here).
    :param chosen: shape (candidates, items, options): True where the candidate marked
        that option (master option order; columns past an item's options stay False).
    :param keys: zero-based key options per item (master order).
    :param n_options: options per item (default: the width of ``chosen``).
    :param thresholds: overrides of :data:`SITTING_THRESHOLDS` (e.g. the teacher's
        ``p_low``/``p_high`` band).
    :returns: :class:`SittingAnalysis`. Facility p is the mean score; the corrected
        point-biserial correlates the item with the total of the other items (Henrysson
        1963); KR-20 uses right (score 1) / not right; groups are the top and bottom
        ``group`` share by total, ties broken by candidate order.
    """
    X = np.clip(np.asarray(scores, float), 0, 1)
    N, I = X.shape if X.ndim == 2 else (0, 0)
    t = {**SITTING_THRESHOLDS, **(thresholds or {})}
    p = X.mean(0) if N else np.full(I, np.nan)
    r = point_biserial_corrected(X) if N > 1 else np.full(I, np.nan)
    right = (X >= 1.0).astype(float)
    rel = kr20(right)
    err = sem(right)
    totals = right.sum(1)
    g = max(1, int(round(t["group"] * N))) if N else 0
    order = np.argsort(-X.sum(1), kind="stable")
    upper, lower = order[:g], order[N - g:] if N else order
    rates = up = low = None
    if chosen is not None and N:
        C = np.asarray(chosen, bool).astype(float)
        rates, up, low = C.mean(0), C[upper].mean(0), C[lower].mean(0)
    items = []
    for j, uid in enumerate(item_uids):
        pj = float(p[j]) if N else None
        rj = None if np.isnan(r[j]) else float(r[j])
        st = ItemStat(uid, N, pj, rj)
        k_opts = []
        if rates is not None:
            if keys is not None and j < len(keys):
                k_opts = list(keys[j])
            st.keys = k_opts
            n_opts = int(n_options[j]) if n_options is not None else rates.shape[1]
            st.option_rates = [float(x) for x in rates[j][:n_opts]]
            st.upper_rates = [float(x) for x in up[j][:n_opts]]
            st.lower_rates = [float(x) for x in low[j][:n_opts]]
        if pj is not None and N >= max(2, t["min_n"]):
            if pj < t["p_low"]:
                st.note("very_hard", p=pj, limit=t["p_low"])
            if pj > t["p_high"]:
                st.note("very_easy", p=pj, limit=t["p_high"])
            if rj is not None and rj < 0:
                st.note("negative_discrimination", r_pb=rj)
            elif rj is not None and rj < t["r_pb_low"]:
                st.note("poor_discrimination", r_pb=rj, limit=t["r_pb_low"])
        if st.option_rates and k_opts and N >= max(2, t["min_n"]):
            key_up = max(st.upper_rates[k] for k in k_opts if k < len(st.upper_rates))
            for k, rate in enumerate(st.option_rates):
                if k in k_opts:
                    continue
                if rate < t["nonfunctional"]:
                    st.note("nonfunctional_distractor", option=chr(65 + k), rate=rate,
                            limit=t["nonfunctional"])
                if st.upper_rates[k] > key_up:
                    st.note("distractor_beats_key", option=chr(65 + k),
                            rate=st.upper_rates[k], key_rate=key_up)
        items.append(st)
    return SittingAnalysis(items=items, candidates=N, kr20=rel, sem=err,
                           mean=float(totals.mean()) if N else None,
                           sd=float(totals.std()) if N else None, thresholds=t)
