"""Shared fixtures for the format tests: a small bank that uses every item type, and a
helper that compares the fields a format is documented to keep (docs/formats.md)."""

from __future__ import annotations

import base64

import pytest

from eduapp.domain import Item, ItemSet, Media, Option

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==")


def sample_units() -> list:
    """Items of every type, English and Chinese, with feedback, tags, categories, media."""
    ecg = Media(name="ecg.png", mime="image/png", data=PNG)
    return [
        Item(type="sba", stem="Which drug reverses heparin?", category="Pharmacology/Antidotes",
             options=[Option("Protamine sulfate", True, "It binds heparin."),
                      Option("Vitamin K", False, "That reverses warfarin."),
                      Option("Naloxone", False), Option("None of the above", False, fixed=True)],
             explanation="Protamine is a basic protein that neutralises heparin.",
             tags=["haematology", "antidotes"], idnumber="PHARM-7", media=[ecg],
             hints=["Think of a basic protein."]),
        Item(type="multi", stem="哪些是心肌梗死的危险因素？", language="zh", category="心内科",
             options=[Option("吸烟", True), Option("糖尿病", True), Option("蓝色眼睛", False),
                      Option("高血压", True)],
             explanation="吸烟、糖尿病和高血压都是危险因素。", tags=["心血管"]),
        Item(type="multi", stem="Select the loop diuretics.",
             options=[Option("Furosemide", True, fraction=0.5),
                      Option("Bumetanide", True, fraction=0.5),
                      Option("Spironolactone", False, fraction=-1.0)]),
        Item(type="tf", stem="The SA node is the normal pacemaker of the heart.",
             options=[Option("True", True, "Correct."), Option("False", False, "It is.")]),
        Item(type="short", stem="Name the artery most often occluded in anterior MI.",
             options=[Option("LAD", True), Option("left anterior descending", True),
                      Option("left*", True, fraction=0.5)]),
        Item(type="numerical", stem="Upper limit of a normal resting heart rate (bpm)?",
             options=[Option("100", True, tolerance=5.0)]),
        Item(type="matching", stem="Match each drug to its class.",
             options=[Option("Atenolol", True, match="Beta blocker"),
                      Option("Amlodipine", True, match="Calcium channel blocker"),
                      Option("Ramipril", True, match="ACE inhibitor")]),
        Item(type="essay", stem="Discuss the management of STEMI.",
             model_answer="Reperfusion within 120 minutes; aspirin; anticoagulation."),
        Item(type="description", stem="The next questions are about the heart."),
        Item(type="cloze", stem="The {1:SHORTANSWER:=mitral} valve has {1:NUMERICAL:=2} "
                                "cusps and is on the {1:MULTICHOICE:=left~right} side.",
             extra={"cloze": {"subquestions": []}}),
    ]


def sample_set() -> ItemSet:
    """A case cluster of two questions."""
    return ItemSet(kind="case", title="Chest pain", vignette="A 58-year-old man has chest pain.",
                   items=[Item(type="sba", stem="What is the diagnosis?",
                               options=[Option("STEMI", True), Option("GERD", False)]),
                          Item(type="sba", stem="First drug?",
                               options=[Option("Aspirin", True), Option("Paracetamol", False)])]
                   ).attach()


@pytest.fixture
def units():
    from eduapp.interop.moodle_xml import parse_cloze
    us = sample_units()
    for u in us:
        if u.type == "cloze":
            u.extra["cloze"]["subquestions"] = parse_cloze(u.stem)
    return us


@pytest.fixture
def media_table(units):
    table = {}
    for item in units:
        for m in item.media:
            table[m.sha256] = m
    return table


def option_view(o: Option, keep: set) -> dict:
    d = {"text": o.text, "correct": o.correct}
    for name in ("explanation", "fraction", "match", "tolerance", "fixed"):
        if name in keep:
            d[name] = getattr(o, name)
    return d


def assert_kept(before: Item, after: Item, fields: set, option_fields: set) -> None:
    """The fields named survive a round trip unchanged."""
    for name in fields:
        if name == "uid":  # identity: the idnumber when there is one, else the uid
            assert (after.idnumber, after.uid if not before.idnumber else "") == \
                (before.idnumber, before.uid if not before.idnumber else "")
            continue
        assert getattr(after, name) == getattr(before, name), (name, before.type)
    if "options" in fields or option_fields:
        assert [option_view(o, option_fields) for o in after.options] == \
            [option_view(o, option_fields) for o in before.options], before.type
