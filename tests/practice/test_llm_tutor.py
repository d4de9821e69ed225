"""The LLM tutor and the LLM short-answer marker against the scripted OpenAI-compatible
server (real client, real HTTP, streaming), and their offline fall-backs."""

from __future__ import annotations

from eduapp.domain import Document, Item, Option
from eduapp.practice.marking import LLMMarker
from eduapp.practice.tutor import Tutor
from tests.conftest import make_sba
from eduapp.llm.scripted_server import answer, error


def _item(bank):
    bank.save_document(Document(kind="notes", title="ACS lecture", topic="acs",
                                body="Aspirin 300 mg at once in suspected ACS."))
    return bank.save_item(make_sba(topic="acs", references=["ESC 2023"]))


def test_tutor_answers_from_the_item_and_notes(bank, scripted_server, scripted_profile):
    item = _item(bank)
    scripted_server.script(answer("Warfarin does not act fast enough; aspirin (A) does."))
    deltas = []
    reply = Tutor(bank, scripted_profile).ask(item, "Why is B wrong?", on_delta=deltas.append)
    assert reply.by == "llm" and "aspirin" in reply.text.lower()
    assert reply.sources == ["Question", "ACS lecture", "ESC 2023"]
    sent = scripted_server.chat_requests[-1]["messages"]
    assert "Aspirin 300 mg" in sent[0]["content"]  # the notes ground the answer
    assert "✔" in sent[0]["content"]  # the key is given, so the tutor cannot change it
    assert sent[-1] == {"role": "user", "content": "Why is B wrong?"}
    assert "".join(deltas) == reply.text


def test_tutor_falls_back_to_explanations_when_the_provider_is_down(bank, scripted_server,
                                                                    scripted_profile):
    item = _item(bank)
    scripted_server.stop()
    reply = Tutor(bank, scripted_profile).ask(item, "Why?")
    assert reply.by == "offline"
    assert "why Warfarin" in reply.text and "Aspirin 300 mg" in reply.text


def test_llm_marker_scores_and_lists_what_is_missing(bank, scripted_server, scripted_profile):
    item = Item(type="short", stem="Name two first-line treatments of anaphylaxis.",
                model_answer="IM adrenaline; fluids", rubric="adrenaline 1; fluids 1",
                options=[Option("adrenaline", True)])
    scripted_server.script(answer({"score": 0.5, "missing": ["fluids"],
                                   "comment": "Adrenaline is right; fluids are missing."}))
    mark = LLMMarker(scripted_profile).mark(item, "adrenaline")
    assert (mark.score, mark.missing, mark.by) == (0.5, ["fluids"], "llm")


def test_llm_marker_falls_back_to_self_marking(bank, scripted_server, scripted_profile):
    item = Item(type="short", stem="Name the antidote to opioids.", model_answer="naloxone",
                options=[Option("naloxone", True)])
    scripted_server.script(error(500), error(500), error(500), error(500))
    mark = LLMMarker(scripted_profile).mark(item, "naloxone")
    assert mark.score is None and mark.by == "pending"
