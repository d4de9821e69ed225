"""Item statistics against values computed by hand (classical test theory)."""

import math

import numpy as np
import pytest

from eduapp.practice import facility, item_statistics, kr20, point_biserial_corrected

# 5 students x 4 items; totals 4, 3, 2, 1, 0
X = np.array([[1, 1, 1, 1],
              [1, 1, 1, 0],
              [1, 1, 0, 0],
              [1, 0, 0, 0],
              [0, 0, 0, 0]], float)


def test_facility_by_hand():
    assert facility(X).tolist() == pytest.approx([0.8, 0.6, 0.4, 0.2])


def test_kr20_by_hand():
    # sum pq = .16 + .24 + .24 + .16 = 0.8; totals 4,3,2,1,0: population variance 2
    # KR-20 = 4/3 * (1 - 0.8 / 2) = 0.8
    assert kr20(X) == pytest.approx(0.8)


def test_corrected_point_biserial_by_hand():
    r = point_biserial_corrected(X)
    # item 1: x = 1,1,1,1,0, rest = 3,2,1,0,0 -> cov 1.2, ssx 0.8, ssr 6.8
    assert r[0] == pytest.approx(1.2 / math.sqrt(0.8 * 6.8))
    # same value from (M1 - M0) / s * sqrt(pq): M1 = 1.5, M0 = 0, s = sqrt(1.36), pq = .16
    assert r[0] == pytest.approx(1.5 / math.sqrt(1.36) * 0.4)
    # item 2: x = 1,1,1,0,0, rest = 3,2,1,1,0 -> 1.8 / sqrt(1.2 * 5.2)
    assert r[1] == pytest.approx(1.8 / math.sqrt(1.2 * 5.2))
    assert r[3] == pytest.approx(0.5145, abs=1e-4)


def test_kr20_undefined_cases():
    assert kr20(np.ones((5, 4))) is None
    assert kr20(np.ones((1, 4))) is None


def test_sparse_matrix_matches_naive_loop():
    rng = np.random.default_rng(7)
    S, I = 60, 12
    M = rng.random((S, I)) < 0.7
    Xs = (rng.random((S, I)) < 0.6).astype(float)
    r = point_biserial_corrected(Xs, M)
    for j in range(I):
        xs, rs = [], []
        for s in range(S):
            if M[s, j] and M[s].sum() > 1:
                others = [Xs[s, k] for k in range(I) if k != j and M[s, k]]
                xs.append(Xs[s, j])
                rs.append(sum(others) / len(others))
        assert r[j] == pytest.approx(np.corrcoef(xs, rs)[0, 1])


def test_item_statistics_flags_and_distractors():
    # 20 students, item 0: key A, options B and C chosen, D never; item 1 answered by all
    student = np.repeat(np.arange(20), 2)
    item = np.tile([0, 1], 20)
    choice = np.array([[0, 1, 2][s % 3] if j == 0 else 0 for s in range(20) for j in (0, 1)])
    score = np.array([1.0 if (j == 0 and c == 0) or (j == 1 and s < 19) else 0.0
                      for (s, j), c in zip([(s, j) for s in range(20) for j in (0, 1)], choice)])
    flagged = np.array([1.0 if j == 0 and s < 4 else 0.0 for s in range(20) for j in (0, 1)])
    stats = item_statistics(student, item, score, ["a", "b"], choice=choice,
                            n_options=np.full(40, 4), flagged=flagged)
    a, b = stats
    assert a.n == 20 and a.p == pytest.approx(7 / 20)
    assert a.option_rates == pytest.approx([7 / 20, 7 / 20, 6 / 20, 0.0])
    assert a.keys == [0]
    assert any("distractor D is never chosen" in s for s in a.attention)
    assert any("flagged by 4 of 20" in s for s in a.attention)
    assert ("unused_distractor", {"option": "D"}) in a.issues
    from eduapp.practice.itemstats import describe
    assert [describe(c, v, "zh") for c, v in a.issues if c in ("unused_distractor",
                                                                "flagged")] == [
        "干扰项 D 无人选择", "20 名学生中有 4 人标记此题"]
    assert b.p == pytest.approx(0.95)
    assert not any(s.startswith("very easy") for s in b.attention)  # 0.95 is not > 0.95


@pytest.mark.parametrize("p_scores, reason", [
    ([1] * 1 + [0] * 19, "very hard"),
    ([1] * 20, "very easy"),
])
def test_item_statistics_thresholds(p_scores, reason):
    n = len(p_scores)
    stats = item_statistics(np.arange(n), np.zeros(n, int), np.array(p_scores, float), ["x"])
    assert any(s.startswith(reason) for s in stats[0].attention)


def test_item_statistics_speed_1000_by_200():
    import time
    rng = np.random.default_rng(1)
    S, I = 1000, 200
    student = np.repeat(np.arange(S), I)
    item = np.tile(np.arange(I), S)
    ability = rng.normal(size=S)[student]
    score = (rng.random(S * I) < 1 / (1 + np.exp(-ability))).astype(float)
    t = time.perf_counter()
    stats = item_statistics(student, item, score, [str(i) for i in range(I)],
                            choice=rng.integers(0, 5, S * I), n_options=np.full(S * I, 5))
    assert time.perf_counter() - t < 1.0
    assert all(s.r_pb is not None and s.r_pb > 0.15 for s in stats)
