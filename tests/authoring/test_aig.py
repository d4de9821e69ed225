"""Automatic item generation: item models, knowledge tables, the shipped content, bank
storage and the CLI."""

from __future__ import annotations

import copy
import json

import pytest

from eduapp.authoring.aig import (ItemModel, KnowledgeTable,
                                  compile_expr, count_combinations, format_quantity,
                                  generate, generate_from_model, generate_from_table,
                                  generate_into_bank, load_file, parse_markdown_tables,
                                  propose_tables, resolve, shipped_sources,
                                  tables_of_document)
from eduapp.domain import Document, ItemSet
from eduapp.errors import NotFoundError, ValidationError

SHIPPED = shipped_sources()


def tiny_model(**changes) -> dict:
    """A small valid model: serum sodium decides the key through key rules."""
    d = {
        "format": "eduapp-item-model", "version": 1, "id": "t-sodium", "title": "Sodium",
        "language": "en", "system": "endocrine", "topic": "sodium",
        "variables": [
            {"name": "age", "range": {"min": 30, "max": 50, "step": 10}},
            {"name": "sex", "values": [{"text": "woman", "She": "She"},
                                       {"text": "man", "She": "He"}]},
            {"name": "na", "range": {"min": 120, "max": 150, "step": 5}, "unit": "mmol/L"}],
        "scenarios": [
            {"id": "low", "answer": "hypo", "values": {"na": {"min": 120, "max": 130, "step": 5}}},
            {"id": "high", "answer": "hyper", "values": {"na": {"min": 145, "max": 155,
                                                               "step": 5}}},
            {"id": "normal", "answer": "normo", "values": {"na": [135, 140]}}],
        "key_rules": [{"when": "na < 135", "answer": "hypo"},
                      {"when": "na > 145", "answer": "hyper"},
                      {"when": "135 <= na <= 145", "answer": "normo"}],
        "answers": [
            {"id": "hypo", "text": "Hyponatraemia", "why_correct": "Sodium {na} is low.",
             "why_wrong": "Sodium {na} is not low."},
            {"id": "normo", "text": "Normal sodium", "why_correct": "{na} is normal.",
             "why_wrong": "{na} is not normal."},
            {"id": "hyper", "text": "Hypernatraemia", "why_correct": "{na} is high.",
             "why_wrong": {"default": "{na} is not high.", "low": "{na} is low, not high."}},
            {"id": "other", "text": "Pseudohyponatraemia", "why_wrong": "Lipids are normal."}],
        "stem": "A {age}-year-old {sex} has a serum sodium of {na}. {sex.She} feels well.",
        "lead_in": "Which is the sodium disorder?",
        "explanation": "This is {scenario}.", "options": {"count": 4}}
    d.update(changes)
    return d


# -- the shipped models and tables ------------------------------------------------------

def test_twelve_models_six_per_language_across_systems_and_four_tables():
    models = [s for s in SHIPPED if s.kind == "item-model"]
    tables = [s for s in SHIPPED if s.kind == "table"]
    assert len(models) >= 12 and len(tables) >= 4
    for lang in ("en", "zh"):
        mine = [s.model for s in models if s.language == lang]
        assert len(mine) >= 6
        assert len({m.system for m in mine}) >= 4
    topics = " ".join(s.model.topic + s.model.title for s in models).lower()
    for word in ("acid-base", "sodium", "potassium", "anticoagul", "antimicrobial"):
        assert word in topics or word in " ".join(
            t for s in models for t in s.model.tags).lower(), word


@pytest.mark.parametrize("source", SHIPPED, ids=[s.id for s in SHIPPED])
def test_every_shipped_source_makes_50_distinct_items_with_no_gate_error(source):
    if source.kind == "item-model":
        result = generate(source, count=60, seed=7)
    else:
        result = generate(source)
    items = result.items
    assert len(items) >= 50, result.summary()
    assert result.rejected == 0, result.rejected_examples
    assert not [f for i in items for f in i.findings if f.severity == "error"]
    assert len({i.uid for i in items}) == len(items)
    assert len({(i.full_stem, tuple(o.text for o in i.options)) for i in items}) == len(items)
    for i in items:
        i.validate()
        assert i.status == "draft" and i.language == source.language
        assert i.provenance["model_id"] == source.id
        assert i.provenance["enemy_group"] == f"aig:{source.id}"
        if i.type == "sba":
            assert len(i.key_indices) == 1
            assert all(o.explanation for o in i.options)
    flagged = sum(1 for i in items if any(f.severity == "warning" for f in i.findings))
    assert flagged / len(items) < 0.05


def test_acid_base_keys_follow_the_numbers_not_just_the_scenario():
    model = resolve("en-acid-base").model
    for item in generate_from_model(model, count=80, seed=3).items:
        c = item.provenance["combination"]
        ph, paco2, hco3 = c["ph"], c["paco2"], c["hco3"]
        key = item.options[item.key_indices[0]].text
        if ph < 7.35 and paco2 > 45:
            assert key == "Respiratory acidosis"
        elif ph > 7.45 and hco3 > 28:
            assert key == "Metabolic alkalosis"
        elif ph < 7.35:
            assert "metabolic acidosis" in key
            assert (c["ag"] > 16) == key.startswith("High")
        else:
            assert key == "Respiratory alkalosis"
        assert f"pH {ph:.2f}" in item.vignette


def test_af_model_never_asks_about_a_score_of_one_and_valves_get_warfarin():
    model = resolve("en-af-anticoagulation").model
    for item in generate_from_model(model, count=60, seed=1).items:
        c = item.provenance["combination"]
        key = item.options[item.key_indices[0]].text
        if item.provenance["scenario"] == "valve":
            assert key == "Warfarin"
        else:
            assert c["score"] != 1
            assert key == ("Apixaban" if c["score"] >= 2 else "No antithrombotic treatment")


# -- item models --------------------------------------------------------------------------

def test_every_valid_combination_with_key_rules_agreeing_with_scenarios():
    model = ItemModel.from_dict(tiny_model())
    result = generate_from_model(model)
    # low: 3 ages x 2 sexes x 3 values; high: 145 is not > 145, so 2 values; normal: 2
    assert count_combinations(model) == 3 * 2 * (3 + 2 + 2) == 42
    assert result.inconsistent == 3 * 2 * 1           # na 145 in "high" disagrees
    keys = {i.provenance["scenario"]: i.options[i.key_indices[0]].text for i in result.items}
    assert keys == {"low": "Hyponatraemia", "high": "Hypernatraemia", "normal": "Normal sodium"}
    # sex-swapped twins are near duplicates: one of each pair is kept
    assert len(result.items) == 42 // 2 and result.near_duplicates == 21
    item = next(i for i in result.items if i.provenance["scenario"] == "low")
    assert item.vignette.startswith("A 30-year-old") and "mmol/L" in item.vignette
    hyper = next(o for o in item.options if o.text == "Hypernatraemia")
    assert hyper.explanation.endswith("is low, not high.")      # per-scenario why_wrong
    assert [o.text for o in item.options] == ["Hyponatraemia", "Normal sodium",
                                              "Hypernatraemia", "Pseudohyponatraemia"]


def test_samples_are_reproducible_and_cover_every_scenario():
    model = ItemModel.from_dict(tiny_model())
    a = generate_from_model(model, count=6, seed=4).items
    b = generate_from_model(model, count=6, seed=4).items
    c = generate_from_model(model, count=6, seed=5).items
    assert [i.uid for i in a] == [i.uid for i in b] != [i.uid for i in c]
    assert {i.provenance["scenario"] for i in a} == {"low", "high", "normal"}


def test_json_round_trip_and_fingerprint(tmp_path):
    model = ItemModel.from_dict(tiny_model())
    path = tmp_path / "m.json"
    model.save(str(path))
    again = ItemModel.load(str(path))
    assert again.to_dict() == model.to_dict() and again.fingerprint() == model.fingerprint()
    edited = copy.deepcopy(tiny_model())
    edited["lead_in"] = "Which disorder is present?"
    assert ItemModel.from_dict(edited).fingerprint() != model.fingerprint()


@pytest.mark.parametrize("change, words", [
    ({"language": "fr"}, "language"),
    ({"stem": "A {age}-year-old with {weight} kg"}, "unknown placeholder"),
    ({"key_rules": [{"when": "na.__class__", "answer": "hypo"}]}, "not allowed"),
    ({"key_rules": [{"when": "__import__('os')", "answer": "hypo"}]}, "not allowed"),
    ({"key_rules": [{"when": "potassium > 5", "answer": "hypo"}]}, "unknown name"),
    ({"key_rules": [{"when": "na <", "answer": "hypo"}]}, "not a valid expression"),
    ({"key_rules": [{"when": "na < 1", "answer": "nothing"}]}, "not one of the answers"),
    ({"options": {"count": 9}}, "count must be 3 to 6"),
    ({"variables": [{"name": "na", "range": {"min": 1, "max": 100000, "step": 1}}]},
     "use a larger step"),
    ({"variables": [{"name": "na", "range": {"min": 5, "max": 1, "step": 1}}]}, "greater than"),
    ({"colour": "red"}, "unknown item-model field"),
    ({"format": "moodle"}, "not an item model"),
])
def test_bad_models_are_refused_with_the_reason(change, words):
    with pytest.raises(ValidationError, match=words):
        ItemModel.from_dict(tiny_model(**change))


def test_bad_model_file_names_the_line(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('{"id": "x",\n "title": }', encoding="utf-8")
    with pytest.raises(ValidationError, match="line 2"):
        ItemModel.load(str(p))


def test_expressions_are_safe_arithmetic():
    assert compile_expr("na - cl - hco3")({"na": 140, "cl": 104, "hco3": 12}) == 24
    assert compile_expr("2 if age >= 75 else 1 if age >= 65 else 0")({"age": 70}) == 1
    assert compile_expr("x in (1, 2)")({"x": 2}) is True
    for bad in ("open('f')", "(lambda: 1)()", "x[0]", "().__class__"):
        with pytest.raises(ValidationError):
            compile_expr(bad)


@pytest.mark.parametrize("value, dec, unit, lang, text", [
    (135, 0, "mmol/L", "en", "135 mmol/L"),
    (12500, 0, "", "en", "12,500"),
    (12500, 0, "", "zh", "12500"),
    (7.3, 2, "", "en", "7.30"),
    (65, 0, "岁", "zh", "65岁"),
    (45, 0, "%", "en", "45%"),
    (88, 0, "/min", "en", "88/min"),
    (-4, 0, "mmol/L", "en", "\u22124 mmol/L"),
    (38.5, 1, "°C", "zh", "38.5°C"),
])
def test_numbers_and_units_per_language(value, dec, unit, lang, text):
    assert format_quantity(value, dec, unit, lang) == text


def test_an_before_eighty_and_eighteen():
    model = ItemModel.from_dict(tiny_model(variables=[
        {"name": "age", "values": [18, 80, 30]},
        {"name": "sex", "values": [{"text": "man", "She": "He"}]},
        {"name": "na", "range": {"min": 120, "max": 150, "step": 5}, "unit": "mmol/L"}]))
    stems = {i.vignette.split("-year-old")[0] for i in generate_from_model(model).items}
    assert stems == {"An 18", "An 80", "A 30"}


# -- knowledge tables ---------------------------------------------------------------------

NOTE = """# Antidotes

| Poison | Antidote | Mechanism |
|---|---|---|
| Paracetamol | Acetylcysteine | Replenishes glutathione |
| Opioids | Naloxone | Opioid receptor antagonist |
| **Heparin** | Protamine | Binds heparin |
| Methanol | Fomepizole | Blocks alcohol dehydrogenase |
| Ethylene glycol | Fomepizole | Blocks alcohol dehydrogenase |
| Iron | Desferrioxamine | Chelates iron |

Text.

| A | B |
|---|---|
| 1 | 2 |
"""


def test_parse_markdown_tables():
    tables = parse_markdown_tables(NOTE)
    assert [t.header for t in tables] == [["Poison", "Antidote", "Mechanism"], ["A", "B"]]
    assert tables[0].rows[2] == ["Heparin", "Protamine", "Binds heparin"]
    assert len(tables[0].rows) == 6 and tables[1].rows == [["1", "2"]]


def test_table_items_take_distractors_from_the_same_column_and_skip_ambiguous_rows():
    doc = Document(kind="notes", title="Tox", body=NOTE, language="en", uid="tox",
                   data={"knowledge_tables": [{
                       "id": "tox-t", "title": "Antidotes", "table": 0,
                       "directions": [{"from": 0, "to": 1,
                                       "stem": "Which antidote is given for {cue}?"},
                                      {"from": 1, "to": 0}]}]})
    [table] = tables_of_document(doc)
    result = generate_from_table(table, seed=1)
    sbas = [i for i in result.items if i.type == "sba" and i.set_uid is None]
    forward = [i for i in sbas if i.provenance["direction"] == [0, 1]]
    assert len(forward) == 6
    antidotes = {r[1] for r in table.rows}
    for i in forward:
        assert {o.text for o in i.options} <= antidotes
        assert len({o.text for o in i.options}) == len(i.options)
        assert len(i.key_indices) == 1
    methanol = next(i for i in forward if "Methanol" in i.stem)
    assert methanol.options[methanol.key_indices[0]].text == "Fomepizole"
    # reverse: "Fomepizole" names two poisons, so those rows are ambiguous and skipped
    reverse = [i for i in sbas if i.provenance["direction"] == [1, 0]]
    assert not [i for i in reverse if "Fomepizole" in i.stem] and len(reverse) == 4
    wrong = next(o for o in forward[0].options if not o.correct)
    assert "goes with the poison" in wrong.explanation
    sets = [u for u in result.units if isinstance(u, ItemSet)]
    assert sets and all(s.kind == "shared_options" and len(s.options) >= 4 for s in sets)
    for s in sets:
        s.validate()
    matching = [i for i in result.items if i.type == "matching"]
    assert matching and all(len(i.options) >= 4 and all(o.match for o in i.options)
                            for i in matching)


def test_proposed_tables_and_markdown_file(tmp_path):
    doc = Document(kind="notes", title="Tox", body=NOTE, language="en", uid="tox")
    [proposal] = propose_tables(doc)          # the 1-row table is not proposed
    assert [(d.source, d.target) for d in proposal.directions] == [(0, 1), (0, 2)]
    md = tmp_path / "tox.md"
    md.write_text(NOTE, encoding="utf-8")
    [src] = load_file(str(md))
    assert src.kind == "table" and src.combinations() > 0


def test_bad_table_marks_are_refused():
    doc = Document(kind="notes", title="Tox", body=NOTE, language="en", uid="tox",
                   data={"knowledge_tables": [{"id": "x", "table": 5, "directions": [
                       {"from": 0, "to": 1}]}]})
    with pytest.raises(ValidationError, match="points at table 5"):
        tables_of_document(doc)
    with pytest.raises(ValidationError, match="column 7"):
        KnowledgeTable.from_dict({"id": "x", "header": ["a", "b"],
                                  "rows": [["1", "2"]] * 4,
                                  "directions": [{"from": 0, "to": 7}]})


# -- into the bank --------------------------------------------------------------------------

def test_generate_into_bank_stores_drafts_once(bank):
    source = resolve("zh-potassium")
    first = generate_into_bank(bank, source, count=5, seed=2)
    assert len(first.items) == 5 and all(i.id and i.status == "draft" for i in first.items)
    stored = bank.get_items([i.id for i in first.items])
    assert {i.provenance["enemy_group"] for i in stored} == {"aig:zh-potassium"}
    assert all(i.provenance["generation_id"] == first.generation_id for i in stored)
    again = generate_into_bank(bank, source, count=5, seed=2)   # the same five exist
    assert again.already_in_bank == 5 and len(again.items) == 5
    assert not {i.uid for i in again.items} & {i.uid for i in first.items}
    assert bank.count() == 10


def test_aig_drafts_wait_in_the_review_queue(bank):
    from eduapp.authoring import review_queue
    stored = generate_into_bank(bank, resolve("en-liver-tests"), count=3, seed=1)
    assert {i.id for i in review_queue(bank)} == {i.id for i in stored.items}


def test_table_sets_are_stored_whole(bank):
    source = resolve("en-table-antidotes")
    stored = generate_into_bank(bank, source, count=None, seed=0)
    sets = [u for u in stored.units if isinstance(u, ItemSet)]
    assert sets
    back = bank.get_set(sets[0].uid)
    assert len(back.items) == len(sets[0].items) and back.kind == "shared_options"
    assert bank.count() == len(stored.items)


def test_unknown_model_lists_the_known_ones():
    with pytest.raises(NotFoundError, match="en-acid-base"):
        resolve("no-such-model")


# -- CLI --------------------------------------------------------------------------------------

def test_cli_list_shape(run_cli):
    code, out, _ = run_cli("generate", "aig", "--list", "--json")
    assert code == 0
    rows = out["models"]
    assert {tuple(sorted(r)) for r in rows} == {("combinations", "id", "kind", "language",
                                                 "title")}
    kinds = {r["kind"] for r in rows}
    assert kinds == {"item-model", "table"}
    assert all(r["combinations"] >= 50 for r in rows)


def test_cli_generate_json_shape_and_storage(run_cli):
    code, out, _ = run_cli("generate", "aig", "en-acid-base", "--count", "4", "--seed", "3",
                           "--json")
    assert code == 0 and len(out["items"]) == 4
    item = out["items"][0]
    assert set(item) >= {"id", "type", "stem", "options", "status", "findings"}
    assert set(item["options"][0]) >= {"text", "correct", "explanation"}
    assert item["status"] == "draft"
    code, stats, _ = run_cli("bank", "stats", "--json")
    assert stats["items"] == 4


def test_cli_file_and_errors(run_cli, tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(tiny_model(id="my-sodium")), encoding="utf-8")
    code, out, _ = run_cli("generate", "aig", "--file", str(path), "--count", "3", "--json")
    assert code == 0 and len(out["items"]) == 3 and out["model"]["id"] == "my-sodium"
    code, out, _ = run_cli("generate", "aig", "nothing-like-this", "--json")
    assert code == 3 and "no item model" in out["error"]
    code, _, err = run_cli("generate", "aig")
    assert code == 2 and "MODEL" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tiny_model(language="xx")), encoding="utf-8")
    code, out, _ = run_cli("generate", "aig", "--file", str(bad), "--json")
    assert code == 3 and "language" in out["error"]
    code, stats, _ = run_cli("bank", "stats", "--json")
    assert stats["items"] == 3


def test_the_app_proposes_tables_and_a_mark_is_kept_in_the_note(bank):
    from eduapp.authoring.aig import catalog, proposed_tables, save_table_mark
    bank.save_document(Document(kind="notes", title="Tox", body=NOTE, language="en",
                                uid="tox-note", topic="poisoning"))
    [proposal] = proposed_tables(bank)
    assert proposal.source == "document:tox-note" and proposal.table_index == 0
    proposal.directions = proposal.directions[:1]
    doc = save_table_mark(bank, proposal)
    assert doc.data["knowledge_tables"][0]["table"] == 0
    assert proposed_tables(bank) == []                      # marked: not proposed again
    [listed] = [s for s in catalog(bank) if s.id == proposal.id]
    assert listed.kind == "table" and listed.model.topic == "poisoning"
    assert len(generate(listed).items) > 0
