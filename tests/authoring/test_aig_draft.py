"""A strong provider drafts an item model (scripted OpenAI-compatible server, real HTTP);
the built-in model is refused."""

from __future__ import annotations

import copy

import pytest

from eduapp.authoring.aig import DRAFT_SCHEMA, draft_item_model, generate_from_model
from eduapp.errors import LLMOutputError, LLMUnavailableError
from eduapp.llm import preset_profile
from tests.llm.scripted_server import answer  # the fixtures come from tests/authoring/conftest.py

DRAFT = {
    "title": "Hypercalcaemia: first treatment", "topic": "hypercalcaemia",
    "system": "endocrine", "problem": "Choose the first treatment of hypercalcaemia.",
    "variables": [
        {"name": "age", "source": "history", "values": [], "min": 40, "max": 80, "step": 10,
         "unit": ""},
        {"name": "ca", "source": "laboratory", "values": [], "min": 2.9, "max": 3.5,
         "step": 0.1, "unit": "mmol/L"},
        {"name": "history", "source": "history", "values": ["feels unwell"], "min": 0,
         "max": 0, "step": 0, "unit": ""}],
    "scenarios": [
        {"id": "malignancy", "label": "hypercalcaemia of malignancy", "answer": "fluids",
         "values": [{"variable": "history", "values": ["has metastatic breast cancer",
                                                       "has multiple myeloma"]}]},
        {"id": "pth", "label": "mild primary hyperparathyroidism", "answer": "review",
         "values": [{"variable": "ca", "values": ["2.7", "2.8"]},
                    {"variable": "history", "values": ["has no symptoms"]}]}],
    "answers": [
        {"id": "fluids", "text": "IV 0.9% sodium chloride", "why_correct": "Rehydrate first.",
         "why_wrong": "Not needed at this level."},
        {"id": "review", "text": "Outpatient review and parathyroid hormone level",
         "why_correct": "Mild and asymptomatic.", "why_wrong": "Too slow for {ca}."},
        {"id": "furosemide", "text": "IV furosemide", "why_correct": "",
         "why_wrong": "Loop diuretics are not first-line."}],
    "stem": "A {age}-year-old {history}. Corrected calcium is {ca}.",
    "lead_in": "Which is the most appropriate first treatment?",
    "explanation": "This is {scenario}.", "references": ["Society for Endocrinology 2016"]}


def test_a_strong_provider_drafts_a_model_that_generates(scripted_server, scripted_profile):
    scripted_server.script(answer(DRAFT))
    model, prov = draft_item_model(scripted_profile, "hypercalcaemia", "en")
    assert model.id == "draft-en-hypercalcaemia" and model.language == "en"
    assert model.variable("ca").decimals == 1
    assert prov["provider"] == "scripted" and prov["prompt"] == "item_model"
    request = scripted_server.requests[0]
    assert request.body["response_format"]["type"] == "json_schema"
    assert "hypercalcaemia" in request.body["messages"][-1]["content"]
    result = generate_from_model(model, count=10, seed=1)
    assert result.items and all(len(i.key_indices) == 1 for i in result.items)


def test_a_draft_that_is_not_a_valid_model_gets_one_repair(scripted_server, scripted_profile):
    broken = copy.deepcopy(DRAFT)
    broken["stem"] = "A {age}-year-old with {weight} kg."       # unknown placeholder
    scripted_server.script(answer(broken), answer(DRAFT))
    model, prov = draft_item_model(scripted_profile, "hypercalcaemia", "en")
    assert prov["attempts"] == 2
    repair = scripted_server.requests[1].body["messages"][-1]["content"]
    assert "weight" in repair
    scripted_server.script(answer(broken), answer(broken))
    with pytest.raises(LLMOutputError, match="still not usable"):
        draft_item_model(scripted_profile, "hypercalcaemia", "en")


def test_the_embedded_model_is_refused():
    with pytest.raises(LLMUnavailableError, match="stronger provider"):
        draft_item_model(preset_profile("embedded"), "anything", "zh")


def test_the_schema_is_strict_compatible():
    from eduapp.llm.structured import is_strict_compatible
    assert is_strict_compatible(DRAFT_SCHEMA)
