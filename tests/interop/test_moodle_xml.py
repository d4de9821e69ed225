"""Moodle XML: what a teacher exporting from Moodle gets in EduApp, and back."""

from __future__ import annotations

import os

import pytest

from eduapp.errors import ImportFileError
from eduapp.interop import moodle_xml, parse_file, write_file

from .conftest import assert_kept

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "moodle_all.xml")


@pytest.fixture(scope="module")
def parsed():
    return moodle_xml.parse(FIXTURE)


def by_title(result, title):
    return next(i for i in result.items if i.extra.get("title") == title)


@pytest.mark.parametrize("title,type_,n_options,keys", [
    ("MI drug", "sba", 3, [0]),
    ("Risk factors", "multi", 4, [0, 1, 2]),
    ("TF", "tf", 2, [0]),
    ("SA", "short", 2, [0, 1]),
    ("Num", "numerical", 2, [0]),
    ("Match", "matching", 3, [0, 1]),
    ("Essay", "essay", 0, []),
    ("Intro", "description", 0, []),
    ("Cloze", "cloze", 0, []),
    ("Legacy image", "sba", 2, [0]),
])
def test_each_question_type_is_read(parsed, title, type_, n_options, keys):
    item = by_title(parsed, title)
    assert item.type == type_
    assert len(item.options) == n_options
    assert item.key_indices == keys


def test_fractions_feedback_and_settings(parsed):
    multi = by_title(parsed, "Risk factors")
    assert [o.fraction for o in multi.options] == [0.3333333, 0.3333333, 0.3333334, -1.0]
    assert multi.options[3].explanation == "Not a risk factor."
    assert multi.extra["text_format"] == "moodle"
    sba = by_title(parsed, "MI drug")
    assert sba.idnumber == "CARD-001"
    assert sba.marks == 2.0
    assert sba.explanation == "Aspirin first."
    assert sba.options[0].explanation == "Yes."
    assert sba.options[2].text == "<b>Heparin</b> infusion"
    assert sba.hints == ["Think antiplatelet."]
    assert sba.tags == ["cardiology", "pharmacology"]
    assert sba.extra["moodle"]["penalty"] == "0.3333333"
    assert sba.extra["moodle"]["hint_flags"] == [{"shownumcorrect": True}]
    short = by_title(parsed, "SA")
    assert short.options[1].text == "left*" and short.options[1].fraction == 0.5
    assert short.extra["moodle"]["usecase"] == "0"
    assert short.stem == "Name the **vessel** most often occluded."
    num = by_title(parsed, "Num")
    assert num.options[0].tolerance == 5.0
    assert num.extra["moodle"]["units"] == [{"unit": "bpm", "multiplier": "1"}]
    essay = by_title(parsed, "Essay")
    assert essay.model_answer == "Reperfusion within 120 minutes."
    assert essay.extra["moodle"]["responsefieldlines"] == "15"


def test_categories_are_paths_without_the_moodle_context(parsed):
    assert by_title(parsed, "MI drug").category == "Cardiology/Ischaemic heart disease"
    assert by_title(parsed, "TF").category == "Physiology"


def test_embedded_and_legacy_images_become_media_with_bytes(parsed):
    sba = by_title(parsed, "MI drug")
    assert [m.name for m in sba.media] == ["ecg.png"]
    assert sba.media[0].data.startswith(b"\x89PNG")
    assert "@@PLUGINFILE@@/ecg.png" in sba.stem
    assert sba.media[0].sha256 in parsed.media
    legacy = by_title(parsed, "Legacy image")
    assert [m.name for m in legacy.media] == ["heart.png"]


def test_cloze_keeps_text_and_subquestions(parsed):
    cloze = by_title(parsed, "Cloze")
    assert "{1:SHORTANSWER:=mitral#Good~%50%bicuspid}" in cloze.stem
    subs = cloze.extra["cloze"]["subquestions"]
    assert [s["type"] for s in subs] == ["shortanswer", "numerical", "multichoice"]
    assert subs[0]["answers"][1] == {"text": "bicuspid", "fraction": 0.5, "feedback": ""}
    assert subs[1]["weight"] == 2 and subs[1]["answers"][0]["tolerance"] == 0.0
    assert subs[2]["answers"][1]["text"] == "right~ish"


def test_unknown_types_and_broken_questions_are_reported_with_lines(parsed):
    messages = {(e.line, e.message) for e in parsed.errors}
    assert (90, "question type 'calculated' is not one EduApp knows; skipped") in messages
    assert any(line == 102 and "two options" in msg for line, msg in messages)
    assert not any(i.extra.get("title") in ("Calc", "Broken") for i in parsed.items)


def test_round_trip_of_a_moodle_file_keeps_everything(parsed, tmp_path):
    out = tmp_path / "again.xml"
    moodle_xml.write(parsed.units, str(out), media=parsed.media)
    again = moodle_xml.parse(str(out))
    assert len(again.items) == len(parsed.items)
    keep = {"type", "stem", "explanation", "tags", "category", "idnumber", "hints", "marks",
            "model_answer", "extra"}
    for a, b in zip(parsed.items, again.items):
        if not a.idnumber:  # the uid travels as <idnumber> when there is no idnumber
            assert b.uid == a.uid
        a_extra = a.extra.get("cloze")
        assert_kept(a, b, keep - ({"extra"} if a_extra else set()),
                    {"explanation", "fraction", "match", "tolerance"})
        assert [m.sha256 for m in a.media] == [m.sha256 for m in b.media]


def test_round_trip_of_an_eduapp_bank(units, media_table, tmp_path):
    out = tmp_path / "bank.xml"
    write_file(units, str(out), "moodle-xml", media=media_table)
    again = parse_file(str(out))
    assert again.format == "moodle-xml"
    assert [i.type for i in again.items] == [i.type for i in units]
    for a, b in zip(units, again.items):
        assert_kept(a, b, {"type", "stem", "explanation", "tags", "category", "idnumber",
                           "uid", "hints", "marks", "model_answer", "language"} - {"language"},
                    {"explanation", "fraction", "match", "tolerance"})
    assert again.items[0].media[0].data.startswith(b"\x89PNG")


def test_set_members_are_written_with_the_shared_vignette(tmp_path):
    from .conftest import sample_set
    s = sample_set()
    out = tmp_path / "set.xml"
    moodle_xml.write([s], str(out))
    again = moodle_xml.parse(str(out))
    assert [i.stem.split("\n\n")[0] for i in again.items] == [s.vignette, s.vignette]


@pytest.mark.parametrize("content,fragment", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary", "binary"),
    (b"<quiz><question type='multichoice'>", "not well-formed"),
    (b"<html><body/></html>", "not <quiz>"),
    (b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<quiz>&x;</quiz>", "forbidden"),
    (b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b"<quiz>&b;</quiz>", "forbidden"),
])
def test_unreadable_files_raise_a_sentence(tmp_path, content, fragment):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        moodle_xml.parse(str(path))
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_an_image_that_is_not_an_image_is_left_out_and_reported(tmp_path):
    path = tmp_path / "fake.xml"
    path.write_text('<quiz><question type="description"><name><text>d</text></name>'
                    '<questiontext format="html"><text>x</text>'
                    '<file name="x.png" path="/" encoding="base64">aGVsbG8=</file>'
                    "</questiontext></question></quiz>")
    result = moodle_xml.parse(str(path))
    assert result.items[0].media == []
    assert "not one" in result.errors[0].message


def test_xml_declared_in_gb18030_is_read(tmp_path):
    path = tmp_path / "zh.xml"
    text = ('<?xml version="1.0" encoding="GB18030"?><quiz><question type="truefalse">'
            '<name><text>判断</text></name><questiontext format="plain_text"><text>窦房结是正常起搏点。'
            '</text></questiontext><answer fraction="100"><text>true</text></answer>'
            '<answer fraction="0"><text>false</text></answer></question></quiz>')
    path.write_bytes(text.encode("gb18030"))
    [item] = moodle_xml.parse(str(path)).items
    assert item.stem == "窦房结是正常起搏点。" and item.extra["title"] == "判断"


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(b"<quiz>\n<question type='description'>\n<name><text>\xff\xfe</text>"
                     b"</name></question></quiz>")
    with pytest.raises(ImportFileError) as info:
        moodle_xml.parse(str(path))
    assert info.value.line == 3
