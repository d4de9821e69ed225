"""The enemy rule: items generated from one item model never share an exam unless the
teacher allows it."""

from __future__ import annotations

from eduapp.authoring.aig import generate_into_bank, resolve
from eduapp.exams import Blueprint, assemble
from tests.conftest import make_sba


def _approve_aig(bank, model_id, n):
    stored = generate_into_bank(bank, resolve(model_id), count=n, seed=1)
    bank.set_status([i.id for i in stored.items], "approved")
    return stored.items


def test_one_item_per_item_model_on_an_exam(bank):
    potassium = _approve_aig(bank, "en-potassium", 4)
    sodium = _approve_aig(bank, "en-hyponatraemia", 3)
    for k in range(3):
        bank.save_item(make_sba(f"Hand-written question {k} about electrolytes",
                                status="approved", topic="electrolytes"))
    result = assemble(bank, Blueprint.from_dict({"rows": [{"count": 5}]}), seed=3)
    ids = [i.id for s in result.exam.sections for u in s.units for i in u.items]
    assert len(ids) == 5 and result.complete
    assert len(set(ids) & {i.id for i in potassium}) == 1
    assert len(set(ids) & {i.id for i in sodium}) == 1


def test_shortfall_names_the_enemies_and_the_teacher_can_allow_them(bank):
    _approve_aig(bank, "en-potassium", 4)
    blueprint = Blueprint.from_dict({"rows": [{"count": 3}]})
    result = assemble(bank, blueprint, seed=1)
    [short] = result.shortfalls
    assert short.found == 1 and short.reasons["enemies"] == 3
    assert "enemy" in short.message
    allowed = assemble(bank, blueprint, seed=1, allow_enemies=True)
    assert allowed.complete
    in_file = assemble(bank, Blueprint.from_dict({"rows": [{"count": 3}],
                                                  "allow_enemies": True}), seed=1)
    assert in_file.complete
    assert Blueprint.from_dict(blueprint.to_dict()).allow_enemies is False
    assert Blueprint.from_dict({"rows": [{"count": 3}], "allow_enemies": True}
                               ).to_dict()["allow_enemies"] is True


def test_cli_exam_build_allow_enemies(run_cli, bank, tmp_path):
    _approve_aig(bank, "en-potassium", 3)
    bank.close()
    code, out, _ = run_cli("exam", "build", "--query", "potassium", "--count", "3", "--out",
                           tmp_path / "a", "--json")
    assert code == 1 and out["shortfalls"][0]["reasons"]["enemies"] == 2
    # the item used above is now recent; the other two may share an exam when allowed
    code, out, _ = run_cli("exam", "build", "--query", "potassium", "--count", "2", "--out",
                           tmp_path / "b", "--allow-enemies", "--json")
    assert code == 0 and not out["shortfalls"]
