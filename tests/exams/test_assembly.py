"""Blueprints, the assembler, forms, manual edits and stored exams."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eduapp.domain import Item, Option
from eduapp.errors import NotFoundError, ValidationError
from eduapp.exams import (Blueprint, Exam, ExamStore, LETTERS, assemble, make_forms,
                          master_key)
from tests.conftest import make_case_set, make_sba
from tests.exams.sample import b1_set, fill_en, fill_zh


def bp(*rows, **kw) -> Blueprint:
    return Blueprint.from_dict({"rows": list(rows), **kw})


# -- blueprint files ------------------------------------------------------------------

def test_row_split_by_bloom_becomes_one_cell_per_level():
    b = bp({"system": "cardiology", "bloom": {"remember": 2, "apply": 3}, "tags": ["core"]},
           {"topic": "asthma", "count": 4, "difficulty": "hard"})
    assert [(c.system, c.bloom, c.count, c.tags) for c in b.cells[:2]] == [
        ("cardiology", "remember", 2, ["core"]), ("cardiology", "apply", 3, ["core"])]
    assert b.count == 9 and b.cells[2].difficulty == "hard"
    assert Blueprint.from_dict(b.to_dict()).cells == b.cells


@pytest.mark.parametrize("doc, words", [
    ({"rows": []}, "rows"),
    ({"rows": [{"count": 0}]}, "row 1"),
    ({"rows": [{"count": 2, "bloom": "guess"}]}, "Bloom level 'guess'"),
    ({"rows": [{"count": 2, "type": "essay"}]}, "cannot be printed"),
    ({"rows": [{"count": 2, "colour": "red"}]}, "unknown field(s) colour"),
    ({"rows": [{"count": 5, "bloom": {"apply": 2}}]}, "not the sum"),
    ({"rows": [{"count": 1, "difficulty": "tricky"}]}, "difficulty"),
    ({"format": "moodle", "rows": [{"count": 1}]}, "not a blueprint"),
])
def test_bad_blueprints_say_where(doc, words):
    with pytest.raises(ValidationError, match=words.replace("(", r"\(").replace(")", r"\)")):
        Blueprint.from_dict(doc)


def test_blueprint_file_with_bad_json_names_the_line(tmp_path):
    p = tmp_path / "b.json"
    p.write_text('{"rows": [\n  {"count": 1,}\n]}')
    with pytest.raises(ValidationError, match="line 2"):
        Blueprint.load(str(p))


# -- assembly ---------------------------------------------------------------------------

def test_fills_each_cell_from_approved_items_only(bank):
    fill_en(bank)
    bank.save_item(make_sba("a draft cardiology item", system="cardiology", bloom="apply"))
    r = assemble(bank, bp({"system": "cardiology", "bloom": {"remember": 3}},
                          {"system": "respiratory", "count": 5}), seed=1)
    assert r.complete
    items = r.exam.items()
    assert len(items) == 8 and all(i.status == "approved" for i in items)
    assert [i.system for i in items].count("cardiology") == 3
    assert all(i.bloom == "remember" for i in items if i.system == "cardiology")


def test_an_unfillable_cell_says_exactly_what_is_missing_and_asks_for_it(bank):
    for k in range(3):
        bank.save_item(make_sba(f"cardio apply {k}", system="cardiology", bloom="apply",
                                status="approved" if k == 0 else "draft"))
    r = assemble(bank, bp({"system": "cardiology", "bloom": "apply", "count": 3}), seed=1)
    (s,) = r.shortfalls
    assert s.message.startswith("cardiology × apply: 3 needed, 1 approved item available")
    assert "2 draft/reviewed not included (use --include-drafts)" in s.message
    assert s.request == {"topic": "cardiology", "system": "cardiology", "type": "sba",
                         "exam_type": "", "bloom": "apply", "difficulty": None,
                         "difficulty_band": "", "count": 2, "language": "en", "tags": []}
    r = assemble(bank, bp({"system": "cardiology", "bloom": "apply", "count": 3}), seed=1,
                 include_drafts=True)
    assert r.complete and r.exam.question_count == 3


def test_same_seed_same_exam_other_seed_other_exam(bank):
    fill_en(bank, per_cell=6)
    blueprint = bp({"count": 10})
    a = [i.id for i in assemble(bank, blueprint, seed=5).exam.items()]
    assert a == [i.id for i in assemble(bank, blueprint, seed=5).exam.items()]
    assert a != [i.id for i in assemble(bank, blueprint, seed=6).exam.items()]


def test_item_sets_are_drawn_whole_and_counted_by_members(bank):
    case = bank.save_set(make_case_set())
    bank.set_status([m.id for m in case.items], "approved")
    bank.save_item(make_sba("lone one", status="approved"))
    r = assemble(bank, bp({"count": 3}), seed=2)
    assert r.complete
    units = [u for _, _, u in r.exam.units()]
    set_unit = next(u for u in units if u.item_set)
    assert [i.id for i in set_unit.items] == [m.id for m in case.items]
    # a set larger than what is left of a cell is not split
    r = assemble(bank, bp({"count": 1}, {"count": 1}), seed=2)
    assert r.exam.question_count == 1 and "too large" in r.shortfalls[0].message


def test_near_duplicates_and_twins_are_not_both_chosen(bank):
    en = bank.save_item(make_sba("Which drug reduces mortality?", status="approved"))
    bank.save_item(make_sba("Which drug reduces mortality?", status="approved",
                            system="x"))  # same content hash is stored as the same item
    zh = make_sba("哪种药物可降低死亡率？", status="approved", twin_uid=en.uid)
    bank.save_item(zh)
    r = assemble(bank, bp({"count": 2}), seed=1)
    assert r.exam.question_count == 1
    assert "near-duplicate" in r.shortfalls[0].message or \
        "1 approved item available" in r.shortfalls[0].message


def test_items_of_recent_exams_are_avoided(bank):
    fill_en(bank, per_cell=2)
    store = ExamStore(bank)
    first = assemble(bank, bp({"system": "endocrine", "count": 2}), seed=1).exam
    store.save(first)
    second = assemble(bank, bp({"system": "endocrine", "count": 2}), seed=1, recent_window=1)
    assert not {i.id for i in first.items()} & {i.id for i in second.exam.items()}
    third = assemble(bank, bp({"system": "endocrine", "count": 4}), seed=1, recent_window=1)
    assert "used in the last 1 exam" in third.shortfalls[0].message
    assert assemble(bank, bp({"system": "endocrine", "count": 4}), seed=1,
                    recent_window=0).complete


def test_difficulty_mix_is_followed_when_the_bank_allows(bank):
    fill_en(bank, per_cell=6)
    r = assemble(bank, bp({"count": 9, "difficulty_mix": {"easy": 1, "medium": 1,
                                                           "hard": 1}}), seed=3)
    from eduapp.exams import difficulty_band
    bands = [difficulty_band(i.difficulty) for i in r.exam.items()]
    assert sorted(bands) == sorted(["easy"] * 3 + ["medium"] * 3 + ["hard"] * 3)


def test_chinese_exam_gets_sections_by_question_type_with_standard_headings(bank):
    fill_zh(bank)
    r = assemble(bank, bp({"count": 14}, language="zh"), seed=1)
    assert r.complete
    assert [s.title for s in r.exam.sections] == [
        "一、A1型题", "二、A2型题", "三、A3型题", "四、B1型题", "五、X型题（多项选择题）"]
    assert "每一道考试题下面有A、B、C、D、E五个备选答案" in r.exam.sections[0].instructions
    assert r.exam.candidate_digits == 13


# -- forms ------------------------------------------------------------------------------

def _exam(bank, forms=4, seed=11):
    fill_en(bank)
    item = make_sba("Which is not a beta-blocker?", status="approved", system="cardiology",
                    bloom="apply")
    item.options.append(Option("None of the above", fixed=True))
    bank.save_item(item)
    r = assemble(bank, bp({"count": 30}), seed=seed)
    make_forms(r.exam, forms)
    return r.exam


def test_each_form_key_points_at_the_masters_correct_option(bank):
    exam = _exam(bank)
    masters = {i.id: i for i in exam.items()}
    assert [f.code for f in exam.forms] == ["A", "B", "C", "D"]
    assert exam.forms[0].key == master_key(exam)
    orders = set()
    for form in exam.forms:
        orders.add(tuple(q.item_id for q in form.questions))
        assert sorted(q.item_id for q in form.questions) == sorted(masters)
        for q in form.questions:
            item = masters[q.item_id]
            printed = [item.options[src].text for src in q.options]
            assert [printed[LETTERS.index(k)] for k in q.key] == \
                [o.text for o in item.options if o.correct]
    assert len(orders) == 4


def test_fixed_options_sets_and_locked_units_keep_their_place(bank):
    exam = _exam(bank)
    s, u = exam.locate(exam.sections[0].units[2].items[0].id)
    exam.sections[s].units[u].locked = True
    make_forms(exam, 4)
    for form in exam.forms:
        assert form.order[s][u] == u
        for q in form.questions:
            item = exam.sections[q.section].units[q.unit].items[q.member]
            if item.options[-1].text == "None of the above":
                assert q.options[-1] == len(item.options) - 1
        for sec, unit_order in enumerate(form.order):
            for uu in unit_order:
                unit = exam.sections[sec].units[uu]
                qs = [q for q in form.questions if (q.section, q.unit) == (sec, uu)]
                assert [q.member for q in qs] == list(range(unit.size))
                assert [q.number for q in qs] == list(range(qs[0].number,
                                                            qs[0].number + unit.size))
                if unit.item_set and unit.item_set.kind == "shared_options":
                    assert len({tuple(q.options) for q in qs}) == 1


def test_forms_are_reproducible(bank):
    exam = _exam(bank)
    again = [f.to_dict() for f in make_forms(exam, 4)]
    assert again == [f.to_dict() for f in make_forms(exam, 4)]
    with pytest.raises(ValidationError):
        make_forms(exam, 27)


# -- manual edits and storage ---------------------------------------------------------

def test_manual_edits_marks_and_pass_mark(bank):
    fill_en(bank, per_cell=1)
    exam = assemble(bank, bp({"system": "cardiology", "count": 2}), seed=1).exam
    extra = bank.save_item(make_sba("added by hand", status="draft"))
    exam.add(extra, position=0)
    assert exam.items()[0].id == extra.id
    with pytest.raises(ValidationError, match="already"):
        exam.add(extra)
    exam.set_marks(extra.id, 2.5)
    exam.pass_mark = 2.5
    assert exam.total_marks == 4.5
    exam.move(extra.id, 5)
    assert exam.items()[-1].id == extra.id
    exam.lock(extra.id)
    exam.sections[0].title = "Part A"
    sec = exam.add_section("Part B", "Answer all.", minutes=20)
    exam.move(extra.id, 0, section=1)
    assert sec.units[0].items[0].id == extra.id and sec.units[0].locked
    removed = exam.remove(extra.id)
    assert removed.items[0].id == extra.id and exam.question_count == 2
    with pytest.raises(NotFoundError):
        exam.remove(extra.id)


def test_stored_exam_keeps_the_item_versions_it_used(bank):
    fill_en(bank, per_cell=1)
    exam = assemble(bank, bp({"system": "respiratory", "count": 2}), seed=1).exam
    make_forms(exam, 2)
    store = ExamStore(bank)
    exam_id = store.save(exam)
    item = bank.get_item(exam.items()[0].id)
    old_stem = item.stem
    item.stem = "edited after the exam"
    bank.save_item(item)
    assert bank.get_item(item.id).version == 2
    again = store.get(exam_id)
    assert again.items()[0].stem == old_stem and again.items()[0].version == 1
    assert [f.key for f in again.forms] == [f.key for f in exam.forms]
    # even a purge of the item's history leaves the exam readable (snapshot)
    bank.delete_items([item.id])
    bank.purge_deleted()
    assert store.get(exam_id).items()[0].stem == old_stem
    assert [s.title for s in store.list()] == [exam.title]
    store.delete(exam_id)
    with pytest.raises(NotFoundError):
        store.get(exam_id)


def test_feature_packages_do_not_import_qt():
    code = ("import sys, eduapp.exams, eduapp.pdf, eduapp.commands.exam; "
            "assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_pass_mark_above_the_total_is_noted(bank):
    """A blueprint whose pass mark no candidate can reach (11 marks on a one-question
    paper) builds, with a note saying so; a reachable one gives no such note."""
    fill_en(bank)
    r = assemble(bank, bp({"system": "cardiology", "count": 1}, pass_mark=11))
    assert r.exam.total_marks == 1
    assert any("pass mark (11)" in n and "total marks (1)" in n for n in r.notes), r.notes
    ok = assemble(bank, bp({"system": "cardiology", "count": 1}, pass_mark=1))
    assert not any("pass mark" in n for n in ok.notes)
