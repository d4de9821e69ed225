"""The case-script format: the shipped cases are valid and round-trip, bad scripts are
refused with a sentence that says what is wrong, and nothing leaks the diagnosis."""

from __future__ import annotations

import copy
import json

import pytest

from eduapp.errors import ImportFileError, ValidationError
from eduapp.vpatient import CaseScript, case_from_json, load_case, match_terms, save_case


def test_six_cases_ship_three_per_language(cases):
    langs = sorted(c.language for c in cases.values())
    assert len(cases) >= 6 and langs.count("en") >= 3 and langs.count("zh") >= 3
    styles = {c.checklist.style for c in cases.values()}
    assert styles == {"osce", "cn_history"}  # both station formats are used


@pytest.mark.parametrize("case_id", ["chest-pain-en", "dyspnoea-en", "headache-en",
                                     "abdominal-pain-zh", "fever-child-zh", "polyuria-zh"])
def test_shipped_case_round_trips_and_is_playable(cases, case_id, tmp_path):
    case = cases[case_id]
    assert case.problems() == []
    path = tmp_path / "case.json"
    save_case(case, str(path))
    again = load_case(str(path))
    assert again.to_dict() == case.to_dict()
    assert case.states and case.rules, "every shipped case branches"
    assert case.debrief.teaching_points and case.objectives


def test_no_answer_about_this_illness_names_the_diagnosis(cases):
    # a relative's "heart attack" is family history; the illness itself is never named
    for case in cases.values():
        terms = [case.diagnosis.name, *case.diagnosis.synonyms]
        for f in case.facts:
            if f.category not in ("family", "past"):
                assert not match_terms(f.answer, terms), (case.id, f.id)
        assert not match_terms(case.opening, terms)


def _doc(cases):
    return copy.deepcopy(cases["chest-pain-en"].to_dict())


def test_checklist_item_must_refer_to_something_in_the_script(cases):
    doc = _doc(cases)
    doc["checklist"]["sections"][0]["items"][0]["refs"] = ["fact:no_such_fact"]
    with pytest.raises(ValidationError, match="no_such_fact"):
        CaseScript.from_dict(doc).validate()


@pytest.mark.parametrize("change, message", [
    (lambda d: d["facts"][1].update(topics=["not_a_concept"]), "unknown topic"),
    (lambda d: d["facts"].append(dict(d["facts"][0])), "two facts have the id"),
    (lambda d: d.update(language="fr"), "language"),
    (lambda d: d["rules"][0]["then"].update(goto="nowhere"), "unknown state"),
    (lambda d: d["states"][0]["exam"].update(xray="?"), "unknown examination"),
    (lambda d: d.update(investigation_unlisted="maybe"), "investigation_unlisted"),
    (lambda d: d["checklist"]["sections"][0]["items"][0].update(weight=0), "positive weight"),
])
def test_invalid_scripts_are_refused(cases, change, message):
    doc = _doc(cases)
    change(doc)
    with pytest.raises(ValidationError, match=message):
        CaseScript.from_dict(doc).validate()


def test_wrong_types_and_unknown_fields_name_the_field(cases):
    doc = _doc(cases)
    doc["patient"]["age"] = "fifty"
    with pytest.raises(ValidationError, match=r"patient\.age must be a number"):
        CaseScript.from_dict(doc)
    doc = _doc(cases)
    doc["facts"][0]["colour"] = "red"
    with pytest.raises(ValidationError, match="colour"):
        CaseScript.from_dict(doc)


def test_diagnosis_may_be_a_plain_name_and_ref_a_single_string(cases):
    doc = _doc(cases)
    doc["diagnosis"] = "STEMI"
    doc["checklist"]["sections"][0]["items"][0] = {"id": "x", "text": "onset",
                                                   "ref": "fact:onset"}
    case = CaseScript.from_dict(doc).validate()
    assert case.diagnosis.name == "STEMI" and case.checklist.sections[0].items[0].refs == [
        "fact:onset"]


def test_bad_json_reports_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "eduapp-vpatient",\n "id": }', encoding="utf-8")
    with pytest.raises(ImportFileError) as e:
        load_case(str(path))
    assert e.value.line == 2 and "bad.json" in str(e.value)


def test_newer_format_version_is_refused(cases):
    doc = _doc(cases)
    doc["version"] = 99
    with pytest.raises(ImportFileError, match="newer"):
        case_from_json(json.dumps(doc), "x.json")


def test_vpatient_imports_no_qt():
    import subprocess
    import sys
    code = ("import sys, eduapp.vpatient, eduapp.pdf.debrief; sys.exit(1 if any("
            "m.split('.')[0] == 'PySide6' for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
