"""The matcher's modules after its split by job (case_index, spelling, reading,
fact_scores, matcher): the names other code imports from :mod:`eduapp.vpatient.matcher`
still come from there, and the acceptance switches the trade-off bench sets on that module
at run time still change its answers."""

from __future__ import annotations

import pytest

from eduapp.vpatient import matcher as M


def test_the_public_names_still_import_from_the_matcher():
    from eduapp.vpatient.case_index import named_drugs
    from eduapp.vpatient.matcher import THRESHOLD, _GENERIC_ORDER
    from eduapp.vpatient.matcher import named_drugs as from_matcher
    for name in ("Matcher", "Match", "named_drugs", "_GENERIC_ORDER", "THRESHOLD", "MARGIN",
                 "CC_FALLBACK_STRICT", "KEYWORD_ONLY_STRICT", "STRAY_THIN", "KEYWORD_MARGIN",
                 "is_open_question"):
        assert name in M.__all__ and hasattr(M, name), name
    from eduapp.vpatient.reading import GENERIC_ORDER
    from eduapp.vpatient.reading import THRESHOLD as read_threshold
    assert from_matcher is named_drugs
    assert _GENERIC_ORDER is GENERIC_ORDER
    assert THRESHOLD == read_threshold == 0.9


@pytest.mark.parametrize("case_id, question, strict, loose", [
    # the complaint named beside words nothing explains: "unsure" while strict
    ("headache-en", "Any pain in your jaw when you chew?", ("unsure", []), ("fact", ["cc"])),
    ("abdominal-pain-zh", "睾丸那边疼不疼？", ("unsure", []), ("fact", ["cc"])),
])
def test_the_acceptance_switch_is_read_from_the_matcher_module_at_run_time(
        cases, monkeypatch, case_id, question, strict, loose):
    matcher = M.Matcher(cases[case_id])
    m = matcher.match(question)
    assert (m.kind, m.fact_ids) == strict
    monkeypatch.setattr(M, "CC_FALLBACK_STRICT", False)
    m = matcher.match(question)
    assert (m.kind, m.fact_ids) == loose


def test_the_case_index_is_built_once_and_read_by_every_step(cases):
    matcher = M.Matcher(cases["chest-pain-en"])
    index = matcher.index
    assert index.case is matcher.case
    # every fact has its look-ups; the presenting symptoms are the complaint's
    facts = {f.id for f in matcher.case.facts}
    assert set(index.fact_patterns) == set(index.covers) == set(index.answers) == facts
    assert "chest_pain" in index.presenting
    # the speller mends a slip of the case's vocabulary and leaves words of English be
    assert index.speller.correction("fevr") == "fever"
    assert index.speller.correction("familly") == "famy"  # the stem of "family"
    assert index.speller.correction("might") == ""
