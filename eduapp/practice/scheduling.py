"""Spaced repetition: every answered item becomes an FSRS card.

The scheduler is FSRS (Free Spaced Repetition Scheduler, Ye et al.; the ``fsrs`` package,
``fsrs.Scheduler.review_card``) with its default parameters and 90 % desired retention.
A card's state lives in the ``cards`` table of ``practice.sqlite`` in epoch seconds.

Grades come from correctness and answer time (:func:`rating_for`); the thresholds:

=================================================  ===============
answer                                             FSRS rating
=================================================  ===============
wrong (score < 0.5), or not answered               Again
right but slow: ``seconds > 1.5 × expected``       Hard
partly right (0.5 ≤ score < 0.8)                   Hard
right                                              Good
right and fast: ``seconds < 0.4 × expected``       Easy
=================================================  ===============

The expected time (:func:`expected_seconds`) is 60 s for a choice item, 90 s when it has a
clinical vignette (NBME pacing is about 90 s per vignette item), 120 s for short answers.

This automatic rating is only the default: once the answer is shown the student may rate
the card Again, Hard, Good or Easy themselves (as in Anki), and
:meth:`~eduapp.practice.session.Session.rate` reschedules the card from its state before
that answer with the student's rating instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler, State

#: Rating thresholds, as fractions of :func:`expected_seconds`.
SLOW_FACTOR = 1.5
FAST_FACTOR = 0.4
#: Scores (0..1) at or above which an answer counts as right / partly right.
RIGHT_SCORE = 0.8
PARTLY_RIGHT_SCORE = 0.5


def expected_seconds(item_type: str, has_vignette: bool = False) -> float:
    """The time a prepared student needs for one item, in seconds (see module doc)."""
    if item_type in ("short", "essay", "cloze"):
        return 120.0
    return 90.0 if has_vignette else 60.0


def rating_for(score: float | None, seconds: float, expected: float = 60.0) -> Rating:
    """The FSRS rating for an answer.

    :param score: 0..1 (1 right, 0 wrong), ``None`` when unanswered.
    :param seconds: time spent on the item, seconds.
    :param expected: expected time for the item, seconds (:func:`expected_seconds`).
    """
    if score is None or score < PARTLY_RIGHT_SCORE:
        return Rating.Again
    if score < RIGHT_SCORE or seconds > SLOW_FACTOR * expected:
        return Rating.Hard
    if seconds < FAST_FACTOR * expected:
        return Rating.Easy
    return Rating.Good


def _dt(t: float | None) -> datetime | None:
    return None if t is None else datetime.fromtimestamp(t, tz=timezone.utc)


@dataclass
class CardState:
    """A card as stored: FSRS state (1 learning, 2 review, 3 relearning), learning step,
    stability (days), difficulty (1..10), due and last review (epoch seconds), counts."""

    state: int = int(State.Learning)
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: float = 0.0
    last_review: float | None = None
    reps: int = 0
    lapses: int = 0


class Spacer:
    """FSRS scheduling of practice cards.

    :param fuzz: FSRS interval fuzzing (off in tests for repeatable intervals).
    :param desired_retention: target recall probability, 0..1.
    """

    def __init__(self, *, fuzz: bool = True, desired_retention: float = 0.9):
        self.scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def review(self, card: CardState | None, rating: Rating, at: float,
               seconds: float = 0.0) -> CardState:
        """The card after a review with ``rating`` at ``at`` (epoch seconds); a new card
        when ``card`` is ``None``."""
        if card is None:
            fc = Card(card_id=1, due=_dt(at))
            reps = lapses = 0
        else:
            fc = Card(card_id=1, state=State(card.state), step=card.step,
                      stability=card.stability, difficulty=card.difficulty,
                      due=_dt(card.due), last_review=_dt(card.last_review))
            reps, lapses = card.reps, card.lapses
        new, _log = self.scheduler.review_card(fc, rating, _dt(at),
                                               int(seconds * 1000) if seconds else None)
        lapse = card is not None and card.state == int(State.Review) and rating == Rating.Again
        return CardState(int(new.state), new.step, new.stability, new.difficulty,
                         new.due.timestamp(), at, reps + 1, lapses + (1 if lapse else 0))

    def retrievability(self, card: CardState, at: float) -> float:
        """Predicted recall probability (0..1) of ``card`` at ``at`` (FSRS forgetting curve)."""
        fc = Card(card_id=1, state=State(card.state), step=card.step, stability=card.stability,
                  difficulty=card.difficulty, due=_dt(card.due),
                  last_review=_dt(card.last_review))
        return float(self.scheduler.get_card_retrievability(fc, _dt(at)))


def load_card(conn, profile_id: int, item_uid: str) -> CardState | None:
    """The stored card, or ``None``."""
    row = conn.execute("SELECT state, step, stability, difficulty, due, last_review, reps, "
                       "lapses FROM cards WHERE profile_id = ? AND item_uid = ?",
                       (profile_id, item_uid)).fetchone()
    return CardState(*row) if row else None


def save_card(conn, profile_id: int, item_uid: str, card: CardState, topic: str = "") -> None:
    """Insert or replace a card (inside the caller's transaction)."""
    conn.execute("INSERT OR REPLACE INTO cards(profile_id, item_uid, state, step, stability, "
                 "difficulty, due, last_review, reps, lapses, topic) VALUES "
                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (profile_id, item_uid, card.state, card.step, card.stability, card.difficulty,
                  card.due, card.last_review, card.reps, card.lapses, topic))
