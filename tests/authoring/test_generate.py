"""Generation against the scripted OpenAI-compatible server (real openai client, real HTTP):
questions, notes, cases, repair, provider down, idempotent retries, verification, CLI."""

from __future__ import annotations

import json

import pytest

from eduapp.authoring import (QuestionSpec, accept, discard, generate_case, generate_notes,
                              generate_questions, question_schema, regenerate, review_queue)
from eduapp.bank import ItemFilter
from eduapp.errors import LLMOutputError, LLMUnavailableError
from eduapp.llm import validate_json
from tests.authoring.conftest import CASE, NOTES, auto, sba_answer, schema_name
from eduapp.llm.scripted_server import answer, error


def test_schema_valid_answers_become_drafts_with_provenance(bank, scripted_server,
                                                            scripted_profile):
    assert not validate_json(sba_answer(), question_schema("sba"))
    auto(scripted_server)
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2))
    assert len(res.items) == 2 and not res.failures and not res.reused
    for item in res.items:
        stored = bank.get_item(item.id)
        assert stored.status == "draft" and stored.type == "sba"
        assert stored.key_indices == [0] and all(o.explanation for o in stored.options)
        p = stored.provenance
        assert p["source"] == "generated" and p["provider"] == "scripted"
        assert p["model"] == "test-model" and p["prompt_version"] and p["at"] > 0
        assert p["generation_id"] == res.generation_id
        assert p["verification"]["agrees"] is True
        assert "quality" not in p  # not the embedded model
    assert bank.ids_by_provenance("generation_id", res.generation_id) == [i.id for i in res.items]
    # the request asked for the item schema, and carried the topic
    body = scripted_server.chat_requests[0]
    assert schema_name(body) == "item" and "anaphylaxis" in body["messages"][-1]["content"]


def test_worked_examples_come_from_approved_items_on_the_topic(bank, scripted_server,
                                                                scripted_profile):
    from tests.conftest import make_sba
    ex = bank.save_item(make_sba("Which drug is first-line for anaphylaxis in adults?",
                                 status="approved", topic="anaphylaxis"))
    bank.save_item(make_sba("A draft item about anaphylaxis doses?", topic="anaphylaxis"))
    auto(scripted_server)
    generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=1),
                       verify=False)
    prompt = scripted_server.chat_requests[0]["messages"][-1]["content"]
    assert ex.stem in prompt and "draft item" not in prompt


def test_broken_json_then_repair(bank, scripted_server, scripted_profile):
    scripted_server.script(answer('{"stem": "Which drug', finish_reason="stop"),
                           answer(sba_answer()))
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=1),
                             verify=False)
    assert len(res.items) == 1 and res.items[0].provenance["attempts"] == 2
    repair = scripted_server.chat_requests[1]["messages"]
    assert repair[-2]["role"] == "assistant" and "not valid JSON" in repair[-1]["content"]


def test_key_out_of_range_is_repaired_once_then_reported(bank, scripted_server,
                                                         scripted_profile):
    bad = sba_answer(key=4, options=sba_answer()["options"][:4])
    spec = QuestionSpec("anaphylaxis", count=1, n_options=5)
    # a 4-option answer fails the 5-option schema; then key 4 of 4 options fails the check
    scripted_server.script(answer(bad), answer(bad))
    with pytest.raises(LLMOutputError):
        generate_questions(bank, scripted_profile, spec, verify=False)
    assert bank.count() == 0


def test_what_still_fails_is_reported_and_the_rest_stored(bank, scripted_server,
                                                          scripted_profile):
    scripted_server.script(answer(sba_answer()), answer("not json"), answer("still not json"))
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2),
                             verify=False)
    assert len(res.items) == 1 and len(res.failures) == 1
    assert "nothing was stored" in res.failures[0] or "not stored" in res.failures[0]
    assert bank.count() == 1


def test_provider_down_is_a_clear_error_and_nothing_is_stored(bank, scripted_server,
                                                              scripted_profile):
    scripted_server.stop()
    with pytest.raises(LLMUnavailableError) as e:
        generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2))
    assert "unreachable" in str(e.value)
    assert bank.count() == 0


def test_provider_failing_midway_stores_nothing(bank, scripted_server, scripted_profile):
    scripted_server.script(answer(sba_answer()), error(500), error(500))
    with pytest.raises(LLMUnavailableError):
        generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2),
                           verify=False)
    assert bank.count() == 0


def test_retry_with_the_same_generation_id_stores_nothing_twice(bank, scripted_server,
                                                                scripted_profile):
    auto(scripted_server)
    first = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2),
                               generation_id="gen-1")
    n_requests = len(scripted_server.chat_requests)
    again = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=2),
                               generation_id="gen-1")
    assert again.reused and [i.id for i in again.items] == [i.id for i in first.items]
    assert len(scripted_server.chat_requests) == n_requests  # no model call
    assert bank.count() == 2


def test_verification_disagreement_is_a_finding(bank, scripted_server, scripted_profile):
    auto(scripted_server, verdict="C")
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=1))
    item = res.items[0]
    assert "verification-disagrees" in [f.rule for f in item.findings]
    verify_body = scripted_server.chat_requests[-1]
    text = verify_body["messages"][-1]["content"]
    assert "Intramuscular adrenaline" in text and "key" not in text.lower()
    assert item.provenance["verification"] == {**item.provenance["verification"],
                                               "answer": ["C"], "key": ["A"], "agrees": False}


@pytest.mark.parametrize("kind,data,check", [
    ("tf", {"statement": "Adrenaline is given intramuscularly in anaphylaxis.", "answer": True,
            "explanation": "The IM route is first-line.", "system": "immunology", "tags": [],
            "references": []},
     lambda i: i.type == "tf" and i.key_indices == [0]),
    ("multi", {"stem": "Which are signs of anaphylaxis? Select all that apply.", "options": [
        {"text": "Stridor", "correct": True, "explanation": "Airway oedema."},
        {"text": "Hypotension", "correct": True, "explanation": "Vasodilatation."},
        {"text": "Bradycardia", "correct": False, "explanation": "Tachycardia is usual."},
        {"text": "Jaundice", "correct": False, "explanation": "Unrelated."}],
        "explanation": "Airway, breathing or circulation problems.", "system": "immunology",
        "tags": [], "references": []},
     lambda i: i.type == "multi" and i.key_indices == [0, 1]),
    ("short", {"question": "Name the first-line drug for anaphylaxis.",
               "model_answer": "Intramuscular adrenaline 0.5 mg.",
               "accepted_answers": ["adrenaline", "epinephrine"],
               "rubric": [{"point": "adrenaline", "marks": 1}], "explanation": "",
               "system": "immunology", "tags": [], "references": ["Resus Council UK 2021"]},
     lambda i: i.type == "short" and i.model_answer and i.rubric and i.references),
    ("vignette", {**sba_answer(), "vignette": "A 25-year-old woman develops wheeze, lip "
                  "swelling and a blood pressure of 80/50 mm Hg ten minutes after eating "
                  "peanuts.", "stem": "Which of the following is the most appropriate next "
                  "step?"},
     lambda i: i.type == "sba" and i.vignette and i.exam_type == "SBA"),
])
def test_every_question_type(bank, scripted_server, scripted_profile, kind, data, check):
    assert not validate_json(data, question_schema(kind))
    auto(scripted_server, item=data)
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=1,
                                                                  kind=kind))
    assert check(bank.get_item(res.items[0].id))


def test_review_queue_accept_discard_regenerate(bank, scripted_server, scripted_profile):
    auto(scripted_server)
    res = generate_questions(bank, scripted_profile, QuestionSpec("anaphylaxis", count=3),
                             verify=False)
    a, b, c = (i.id for i in res.items)
    queue = review_queue(bank)
    assert [i.id for i in queue] == [c, b, a]
    assert accept(bank, [a], "approved") == 1
    discard(bank, [b])
    new = regenerate(bank, scripted_profile, c, verify=False)
    left = {i.id for i in review_queue(bank)}
    assert left == {new.items[0].id}
    assert bank.query_ids("", ItemFilter(statuses=["approved"])) == [a]


def test_notes_and_case_documents(bank, scripted_server, scripted_profile):
    notes, case = NOTES, CASE
    scripted_server.script(answer(notes), answer(case))
    doc = generate_notes(bank, scripted_profile, "anaphylaxis")
    assert doc.kind == "notes" and "## Learning objectives" in doc.body
    assert "| Adrenaline | 0.5 mg |" in doc.body and doc.data == notes
    c = generate_case(bank, scripted_profile, "anaphylaxis", generation_id="case-1")
    stored = bank.get_document(c.id)
    assert stored.kind == "case" and stored.data["final_diagnosis"] == "Anaphylaxis"
    assert "## Differential diagnosis" in stored.body
    again = generate_case(bank, scripted_profile, "anaphylaxis", generation_id="case-1")
    assert again.id == c.id and len(scripted_server.chat_requests) == 2


# --------------------------------------------------------------------------- CLI

def test_cli_generate_questions_json(run_cli, scripted_server, saved_profile, bank):
    auto(scripted_server)
    code, out, err = run_cli("generate", "questions", "--topic", "anaphylaxis", "--count", "2",
                             "--provider", "scripted", "--json")
    assert code == 0, err
    assert len(out["items"]) == 2
    first = out["items"][0]
    assert set(first) >= {"id", "type", "stem", "options", "status", "findings"}
    assert first["status"] == "draft" and first["options"][0] == {
        "text": "Intramuscular adrenaline", "correct": True,
        "explanation": "Explanation of intramuscular adrenaline."}
    assert all(set(f) == {"rule", "severity", "span", "message"} for i in out["items"]
               for f in i["findings"])


def test_cli_generate_with_provider_down(run_cli, scripted_server, saved_profile, bank):
    scripted_server.stop()
    code, out, err = run_cli("generate", "questions", "--topic", "asthma", "--provider",
                             "scripted", "--json")
    assert code == 3 and "unreachable" in out["error"]
    assert bank.count() == 0


def test_cli_notes_out_file(run_cli, scripted_server, saved_profile, tmp_path):
    scripted_server.responder = lambda body: answer({
        "title": "Asthma", "learning_objectives": ["a objective", "b objective"],
        "sections": [{"heading": "One", "body": "Body text of section one."},
                     {"heading": "Two", "body": "Body text of section two."}],
        "key_points": ["point one", "point two", "point three"],
        "summary_table": {"columns": ["A", "B"], "rows": [["1", "2"]]},
        "self_check": [{"question": "Why so?", "answer": "x"},
                       {"question": "What then?", "answer": "y"}]})
    out = tmp_path / "notes.md"
    code, _, err = run_cli("generate", "notes", "--topic", "asthma", "--provider", "scripted",
                           "--out", out)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# Asthma")


def test_cli_providers_list_and_test(run_cli, scripted_server, saved_profile):
    code, out, _ = run_cli("providers", "list", "--json")
    assert code == 0
    names = [p["name"] for p in out["providers"]]
    assert names[0] == "embedded" and "scripted" in names
    from eduapp.llm.scripted_server import TEST_KEY
    assert TEST_KEY not in json.dumps(out)
    assert next(p for p in out["providers"] if p["name"] == "scripted")["has_key"] is True
    scripted_server.script(answer("OK"))
    code, out, _ = run_cli("providers", "test", "scripted", "--json")
    assert code == 0 and out["ok"] and out["model"] == "test-model"
    code, out, _ = run_cli("providers", "test", "nope", "--json")
    assert code == 3 and "no provider called" in out["error"]
