"""Scoring through the form's key, negative marking, partial credit, and the sitting's
item analysis against a response matrix worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eduapp.marking.scoring import question_score, response_matrices, score_candidate
from eduapp.practice.itemstats import analyse_sitting, describe, sem
from tests.marking.conftest import make_exam


# -- a 5 x 4 response matrix worked by hand -----------------------------------------------
#
#        item1 item2 item3 item4  total
#   c1     1     1     1     1      4
#   c2     1     1     1     0      3
#   c3     1     1     0     0      2
#   c4     1     0     0     1      2
#   c5     0     0     0     0      0
#
# p = (4/5, 3/5, 2/5, 2/5); sum pq = .16 + .24 + .24 + .24 = .88
# totals 4,3,2,2,0: mean 2.2, population variance (3.24+.64+.04+.04+4.84)/5 = 1.76
# KR-20 = 4/3 * (1 - .88/1.76) = 2/3;  SEM = sqrt(1.76) * sqrt(1 - 2/3) = sqrt(1.76/3)
# item 1, rest score = total - item = 3,2,1,1,0 (mean 1.4); item mean .8
#   cov sum = .2*1.6 + .2*.6 + .2*-.4 + .2*-.4 + -.8*-1.4 = 1.4
#   sum (x - .8)^2 = .8;  sum (r - 1.4)^2 = 2.56+.36+.16+.16+1.96 = 5.2
#   r_pb(1) = 1.4 / sqrt(.8 * 5.2) = 1.4 / sqrt(4.16)
# item 4, x = 1,0,0,1,0 (mean .4), rest = 3,3,2,1,0 (mean 1.8)
#   cov sum = .6*1.2 + -.4*1.2 + -.4*.2 + .6*-.8 + -.4*-1.8 = .72-.48-.08-.48+.72 = .4
#   sum (x - .4)^2 = 1.2;  sum (r - 1.8)^2 = 1.44+1.44+.04+.64+3.24 = 6.8
#   r_pb(4) = .4 / sqrt(1.2 * 6.8) = .4 / sqrt(8.16)
# choices of item 1 (key A, 4 options): A A A A B -> rates .8 .2 0 0: C and D are
#   chosen by fewer than 5 %: non-functional.
# upper / lower 27 %: round(.27 * 5) = 1 candidate each: c1 (total 4) and c5 (total 0).

HAND = np.array([[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]], float)


def test_item_statistics_match_the_hand_worked_matrix():
    chosen = np.zeros((5, 4, 4), bool)
    for c, k in enumerate([0, 0, 0, 0, 1]):
        chosen[c, 0, k] = True
    a = analyse_sitting(HAND, ["i1", "i2", "i3", "i4"], chosen=chosen,
                        keys=[[0], [1], [2], [3]], n_options=[4, 4, 4, 4],
                        thresholds={"min_n": 5})
    assert [s.p for s in a.items] == pytest.approx([0.8, 0.6, 0.4, 0.4], abs=1e-15)
    assert a.kr20 == pytest.approx(2 / 3, abs=1e-12)
    assert a.sem == pytest.approx(math.sqrt(1.76 / 3), abs=1e-12)
    assert sem(HAND) == a.sem
    assert a.mean == pytest.approx(2.2) and a.sd == pytest.approx(math.sqrt(1.76))
    assert a.items[0].r_pb == pytest.approx(1.4 / math.sqrt(4.16), abs=1e-12)
    assert a.items[3].r_pb == pytest.approx(0.4 / math.sqrt(8.16), abs=1e-12)
    one = a.items[0]
    assert one.option_rates == pytest.approx([0.8, 0.2, 0.0, 0.0])
    assert one.upper_rates == [1.0, 0.0, 0.0, 0.0] and one.lower_rates == [0.0, 1.0, 0.0, 0.0]
    codes = [(c, v.get("option")) for c, v in one.issues]
    assert codes == [("nonfunctional_distractor", "C"), ("nonfunctional_distractor", "D")]
    assert a.candidates == 5 and a.thresholds["p_low"] == 0.2


def test_flags_need_enough_candidates_and_follow_the_teachers_band():
    quiet = analyse_sitting(HAND, ["a", "b", "c", "d"])  # 5 < min_n 10: shown, not flagged
    assert all(not s.issues for s in quiet.items)
    X = np.tile(HAND, (4, 1))  # 20 candidates, the same pattern
    band = analyse_sitting(X, list("abcd"), thresholds={"p_low": 0.5, "p_high": 0.7})
    assert [c for c, _ in band.items[0].issues] == ["very_easy"]
    assert [c for c, _ in band.items[2].issues] == ["very_hard"]
    assert band.items[1].issues == []


def test_a_distractor_the_upper_group_prefers_is_flagged_with_evidence():
    rng = np.random.default_rng(1)
    N = 40
    ability = np.sort(rng.random(N))[::-1]
    X = (rng.random((N, 6)) < ability[:, None]).astype(float)
    # item 0: the strong half picks distractor C (wrong), the weak half picks the key A
    X[:, 0] = 0
    X[N // 2:, 0] = 1
    chosen = np.zeros((N, 6, 4), bool)
    chosen[:N // 2, 0, 2] = True
    chosen[N // 2:, 0, 0] = True
    chosen[:, 1:, 0] = True
    a = analyse_sitting(X, list("abcdef"), chosen=chosen, keys=[[0]] * 6,
                        n_options=[4] * 6)
    issues = dict(a.items[0].issues)
    beats = issues["distractor_beats_key"]
    upper = a.items[0].upper_rates  # the top 11 of 40 by total score
    assert beats == {"option": "C", "rate": upper[2], "key_rate": upper[0]}
    assert upper[2] > 0.8 > 0.2 > upper[0]
    assert "negative_discrimination" in issues
    text = describe("distractor_beats_key", issues["distractor_beats_key"], "zh")
    assert "高分组" in text and "C" in text


@pytest.mark.parametrize("kind,keys,picked,negative,partial,expected", [
    ("sba", [2], [2], 0.25, True, 2.0),
    ("sba", [2], [1], 0.25, True, -0.5),
    ("sba", [2], [], 0.25, True, 0.0),          # blank never loses marks
    ("sba", [2], [1], 0.0, True, 0.0),
    ("multi", [0, 3], [0, 3], 0.25, True, 2.0),
    ("multi", [0, 3], [0], 0.0, True, 1.0),      # (1 right - 0 wrong) / 2 keys
    ("multi", [0, 3], [0, 1], 0.25, True, -0.5),  # (1 - 1) / 2 = 0 -> penalty
    ("multi", [0, 3], [0, 1, 3], 0.0, True, 1.0),  # (2 - 1) / 2
    ("multi", [0, 3], [0], 0.25, False, -0.5),   # all or nothing
])
def test_question_score_rules(kind, keys, picked, negative, partial, expected):
    from eduapp.domain import Item, Option
    item = Item(type=kind, stem="s", options=[Option(str(j), j in keys) for j in range(5)])
    identity = list(range(5))
    chosen, score = question_score(item, picked, identity, 2.0, negative, partial)
    assert chosen == sorted(picked) and score == pytest.approx(expected)


def test_a_candidate_is_scored_through_their_forms_key_back_to_the_master():
    exam = make_exam(10, multi_every=0)
    exam.pass_mark = 6
    form = exam.form("B")
    right = {q.number: q.key for q in form.questions}
    answers = dict(right)
    wrong_number = form.questions[0].number
    answers[wrong_number] = "A" if right[wrong_number] != "A" else "B"
    answers[form.questions[1].number] = ""
    answers[form.questions[2].number] = None  # under review
    s = score_candidate(exam, "B", "20240001", answers)
    assert (s.total, s.pending, s.passed, s.max_marks) == (7.0, 1, None, 10.0)
    # questions come back in master order with the master's option indices
    master = exam.items()
    for q, item in zip(s.questions, master):
        assert q.item_id == item.id
        if q.response and q.score == 1.0:
            assert q.chosen == item.key_indices
    exam.negative_marking = 1.0
    answers[form.questions[2].number] = "E" if right[form.questions[2].number] != "E" else "D"
    s = score_candidate(exam, "B", "20240001", answers)
    assert (s.total, s.pending, s.passed) == (5.0, 0, False)
    X, C, keys, n_opts = response_matrices(exam, [s])
    assert X.shape == (1, 10) and C.shape == (1, 10, 5) and n_opts == [5] * 10
    assert X.sum() == 7.0  # negative marks count as 0 in the item analysis
    assert keys == [i.key_indices for i in master]
