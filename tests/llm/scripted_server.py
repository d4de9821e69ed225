"""The scripted OpenAI-compatible server for tests: the server is
:mod:`eduapp.llm.scripted_server`; its fixtures (``scripted_server``, ``scripted_profile``)
are registered for the whole suite in ``tests/conftest.py``. This module re-exports both
for the test modules that import them by name."""

from eduapp.llm.scripted_server import (TEST_KEY, TEST_MODEL, Recorded, Reply,  # noqa: F401
                                        ScriptedServer, answer, error)
from tests.conftest import scripted_profile, scripted_server  # noqa: F401
