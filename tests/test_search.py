"""Full-text search: English stemming, Chinese one- and two-character queries, mixed
queries, FTS syntax in user input, ranking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from eduapp.bank import match_expression

from .conftest import make_sba

STEMS = {
    "mi": "A 60-year-old man has an acute myocardial infarction with ST elevation.",
    "copd": "COPD 急性加重期患者的首选治疗是",
    "pneumonia": "社区获得性肺炎患者最常见的病原体是",
    "asthma": "支气管哮喘急性发作时首选的药物是",
    "infarctions": "Infarctions of the posterior wall are best seen in leads V7-V9.",
    "dka": "Diabetic ketoacidosis: the first step in management is fluid resuscitation.",
}


@pytest.fixture
def filled(bank):
    ids = {}
    for key, stem in STEMS.items():
        ids[key] = bank.save_item(make_sba(stem, language="zh" if any(
            "\u4e00" <= c <= "\u9fff" for c in stem) else "en")).id
    return bank, ids


@pytest.mark.parametrize("query, expected", [
    ("患者", {"copd", "pneumonia"}),
    ("肺炎", {"pneumonia"}),
    ("哮喘", {"asthma"}),
    ("肺", {"pneumonia"}),
    ("喘", {"asthma"}),
    ("急性", {"copd", "asthma"}),
    ("首选", {"copd", "asthma"}),
    ("infarctions", {"mi", "infarctions"}),
    ("infarction", {"mi", "infarctions"}),
    ("Myocardial", {"mi"}),
    ("COPD 急性加重", {"copd"}),
    ("copd 肺炎", set()),
    ("ketoacidosis fluid", {"dka"}),
])
def test_queries_find_their_items(filled, query, expected):
    bank, ids = filled
    found = set(bank.query_ids(query))
    assert found == {ids[k] for k in expected}


@pytest.mark.parametrize("query", ['"', "*", "-", ":", "a:b", 'NEAR(a b)', "(", "AND", "OR x",
                                   '"unbalanced', "^x", "患者*", "-患者", "{col}: x", ""])
def test_fts_syntax_in_queries_never_raises(filled, query):
    bank, _ = filled
    bank.query_ids(query)


def test_stem_hits_rank_above_explanation_hits(bank):
    a = bank.save_item(make_sba("Unrelated stem about gout"))
    a.explanation = "Colchicine is mentioned only in the explanation."
    bank.save_item(a)
    b = bank.save_item(make_sba("Colchicine toxicity presents with which finding?"))
    assert bank.query_ids("colchicine")[0] == b.id


def test_search_as_you_type_prefix(filled):
    bank, ids = filled
    assert ids["dka"] in bank.query_ids("ketoac", prefix_last=True)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_a_safe_expression(text):
    import sqlite3
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='porter unicode61')")
    expr = match_expression(text, prefix_last=True)
    if expr is not None:
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (expr,)).fetchall()
