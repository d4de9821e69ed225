"""FSRS ratings from correctness and time, and card scheduling on a fixed clock."""

import pytest
from fsrs import Rating, State

from eduapp.practice import Spacer, expected_seconds, rating_for
from eduapp.practice.scheduling import CardState

from .conftest import T0


@pytest.mark.parametrize("score, seconds, rating", [
    (0.0, 30, Rating.Again),
    (None, 5, Rating.Again),          # not answered
    (0.4, 30, Rating.Again),
    (0.6, 30, Rating.Hard),           # partly right
    (1.0, 91, Rating.Hard),           # right but slow: > 1.5 x 60 s
    (1.0, 60, Rating.Good),
    (1.0, 24, Rating.Good),           # 0.4 x 60 = 24 s is not fast
    (1.0, 23, Rating.Easy),           # right and fast
])
def test_rating_thresholds(score, seconds, rating):
    assert rating_for(score, seconds, 60.0) == rating


def test_expected_seconds():
    assert expected_seconds("sba") == 60 and expected_seconds("sba", True) == 90
    assert expected_seconds("short") == 120


def test_new_card_schedules():
    spacer = Spacer(fuzz=False)
    again = spacer.review(None, Rating.Again, T0)
    good = spacer.review(None, Rating.Good, T0)
    easy = spacer.review(None, Rating.Easy, T0)
    assert again.due == pytest.approx(T0 + 60)          # first learning step: 1 min
    assert good.due == pytest.approx(T0 + 600)          # second step: 10 min
    assert easy.state == State.Review and easy.due >= T0 + 86400
    assert good.reps == 1 and good.last_review == T0


def test_review_lengthens_interval_and_lapse_counts():
    spacer = Spacer(fuzz=False)
    card = spacer.review(None, Rating.Easy, T0)
    first = card.due - T0
    card2 = spacer.review(card, Rating.Good, card.due)
    assert card2.due - card.due > first
    lapsed = spacer.review(card2, Rating.Again, card2.due)
    assert lapsed.lapses == 1 and lapsed.state == State.Relearning
    assert 0 < spacer.retrievability(card2, card2.due) <= 1


def test_card_state_roundtrip_through_store(service, student, clock):
    from eduapp.practice.scheduling import load_card, save_card
    card = CardState(state=2, step=None, stability=3.0, difficulty=5.0, due=T0 + 86400,
                     last_review=T0, reps=2, lapses=0)
    with service.store.transaction() as conn:
        save_card(conn, student, "u1", card, "renal")
        assert load_card(conn, student, "u1") == card
