"""Fixtures for the virtual-patient tests: the shipped cases, an encounter factory with a
fake clock, and the scripted OpenAI-compatible server."""

from __future__ import annotations

import pytest

from eduapp.vpatient import Encounter, shipped_cases
from tests.llm.scripted_server import scripted_profile, scripted_server  # noqa: F401


@pytest.fixture(scope="session")
def cases():
    """The shipped cases by id."""
    return {c.id: c for c in shipped_cases()}


class FakeClock:
    """Real time that moves only when told (seconds)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def encounter(cases):
    """``encounter(case_id, patient=None)`` -> a fresh Encounter on a fake clock."""
    def make(case_id, patient=None, **kw):
        return Encounter(cases[case_id], patient, clock=FakeClock(), **kw)
    return make
