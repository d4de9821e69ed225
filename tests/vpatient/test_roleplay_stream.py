"""The role-play patient streaming its answer sentence by sentence through the leak guard,
against the scripted OpenAI-compatible server (real client, real HTTP, real SSE): nothing
that names the diagnosis or an unasked fact is ever handed to the screen, in English and
Chinese."""

from __future__ import annotations

import pytest

from eduapp.vpatient import LLMPatient
from tests.llm.scripted_server import answer, error


def _streaming(profile, shown: list[str]) -> LLMPatient:
    patient = LLMPatient(profile)
    patient.stream_to = shown.append
    return patient


def test_a_clean_answer_streams_in_sentences(encounter, scripted_server, scripted_profile):
    text = ("It started about an hour ago. I was carrying the shopping upstairs! "
            "Then it just got worse and worse")
    scripted_server.script(answer(text, chunk_size=3))
    shown: list[str] = []
    enc = encounter("chest-pain-en", _streaming(scripted_profile, shown))
    reply, _ = enc.ask("When did this start?")
    assert shown == ["It started about an hour ago.",
                     "It started about an hour ago. I was carrying the shopping upstairs!",
                     text]
    assert reply.by == "llm" and reply.text == text and enc.revealed == ["onset"]
    assert scripted_server.chat_requests[-1]["stream"] is True


@pytest.mark.parametrize("leak", [
    "It began an hour ago. Honestly, I think it's a heart attack. My dad had one.",
    "It began an hour ago. Is it an acute myocardial infarction?",
    "It began an hour ago. Doctor, is it a STEMI",  # the leak is in the unfinished tail
    "It began an hour ago. The pain goes down my left arm.",  # a fact not asked yet
])
def test_a_leaking_stream_is_stopped_before_the_leak_is_shown(encounter, scripted_server,
                                                              scripted_profile, cases, leak):
    scripted_server.script(answer(leak, chunk_size=2))
    shown: list[str] = []
    enc = encounter("chest-pain-en", _streaming(scripted_profile, shown))
    reply, _ = enc.ask("When did it start?")
    assert shown == ["It began an hour ago."]  # the sentence before the leak only
    assert reply.by == "guard" and "half six" in reply.text
    assert enc.transcript[-1].text == reply.text and enc.guarded


def test_a_chinese_stream_is_guarded_by_sentence(encounter, scripted_server,
                                                 scripted_profile):
    scripted_server.script(answer("昨天晚上开始肚子疼。是不是阑尾炎啊？", chunk_size=1))
    shown: list[str] = []
    enc = encounter("abdominal-pain-zh", _streaming(scripted_profile, shown))
    reply, _ = enc.ask("什么时候开始疼的？")
    assert shown == ["昨天晚上开始肚子疼。"]
    assert reply.by == "guard" and "阑尾" not in reply.text


def test_a_failing_stream_falls_back_to_the_offline_answer(encounter, scripted_server,
                                                           scripted_profile):
    scripted_server.script(error(500), error(500))
    shown: list[str] = []
    enc = encounter("chest-pain-en", _streaming(scripted_profile, shown))
    reply, _ = enc.ask("Do you smoke?")
    assert shown == [] and reply.by == "offline" and "Twenty a day" in reply.text
