"""Practice: student profiles, sessions (tutor and timed), FSRS scheduling, analytics,
recommendations, the learning path and item statistics. No Qt here.

::

    from eduapp.practice import PracticeService, TestSpec
    svc = PracticeService.open_in(data_dir, bank)
    pid = svc.create_profile("Li Wei", "MBBS 2026")
    session = svc.start(pid, TestSpec(topics=["myocardial infarction"], count=10))
    session.choose_option(0); feedback = session.check(); session.next()

Modules: :mod:`.store` (``practice.sqlite``), :mod:`.builder` (custom tests),
:mod:`.session`, :mod:`.grading`, :mod:`.marking` (short answers), :mod:`.tutor`,
:mod:`.scheduling` (FSRS), :mod:`.analytics` (mastery, dashboard, learning path),
:mod:`.itemstats` (p, r_pb, KR-20), :mod:`.exchange` (attempt files), :mod:`.report`.
"""

from .analytics import AreaStats, Dashboard, PlanDay, PlannedSession, WeakArea
from .builder import MODES, POOLS, TestSpec
from .exchange import export_attempts, import_attempts, read_attempts
from .grading import Feedback, OptionFeedback, feedback_for, score_response
from .itemstats import ItemStat, THRESHOLDS, facility, item_statistics, kr20, \
    point_biserial_corrected
from .marking import LLMMarker, Mark, SelfMarker, ShortAnswerMarker
from .scheduling import CardState, Spacer, expected_seconds, rating_for
from .service import Deck, PracticeService, Recommendation
from .session import QuestionView, Session, SessionDamagedError
from .store import (PRACTICE_FILE, SCHEMA_VERSION, PracticeCorruptError, PracticeStore,
                    PracticeStoreError, PracticeVersionError)
from .tutor import Grounding, Tutor, TutorReply, grounding, offline_reply, tutor_messages

__all__ = [
    "AreaStats", "Dashboard", "PlanDay", "PlannedSession", "WeakArea",
    "MODES", "POOLS", "TestSpec",
    "export_attempts", "import_attempts", "read_attempts",
    "Feedback", "OptionFeedback", "feedback_for", "score_response",
    "ItemStat", "THRESHOLDS", "facility", "item_statistics", "kr20", "point_biserial_corrected",
    "LLMMarker", "Mark", "SelfMarker", "ShortAnswerMarker",
    "CardState", "Spacer", "expected_seconds", "rating_for",
    "Deck", "PracticeService", "Recommendation",
    "QuestionView", "Session", "SessionDamagedError",
    "PRACTICE_FILE", "SCHEMA_VERSION", "PracticeCorruptError", "PracticeStore",
    "PracticeStoreError", "PracticeVersionError",
    "Grounding", "Tutor", "TutorReply", "grounding", "offline_reply", "tutor_messages",
]
