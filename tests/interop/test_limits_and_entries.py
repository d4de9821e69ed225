"""One size limit per field for every importer (tour 1, defect 22), and one numbering of
a file's entries for import and lint, with lint saying what it could not read (defect 6)."""

from __future__ import annotations

import pytest

from eduapp.domain import Item, ItemSet, Option
from eduapp.interop import eduapp_json, limits, parse_file, write_file

HUGE = "x" * (limits.LONG_TEXT + 1)


def _item(stem="Which drug lowers mortality after myocardial infarction?", **kw) -> Item:
    return Item(type="sba", stem=stem, options=[Option("Aspirin", True), Option("Digoxin")],
                **kw)


# one writer per format that carries a stem; the oversized entry is the second of three
@pytest.mark.parametrize("fmt, ext", [("eduapp-json", "json"), ("moodle-xml", "xml"),
                                      ("gift", "gift"), ("aiken", "txt"), ("qti", "zip"),
                                      ("csv", "csv"), ("apkg", "apkg")])
def test_an_oversized_stem_is_refused_by_every_importer(tmp_path, fmt, ext):
    units = [_item(idnumber="Q1"), _item(stem=HUGE, idnumber="Q2"),
             _item(stem="Which drug reverses heparin?", idnumber="Q3")]
    path = str(tmp_path / f"three.{ext}")
    write_file(units, path, fmt)
    result = parse_file(path, fmt)
    assert [i.idnumber for i in result.items if i.idnumber] in (["Q1", "Q3"], [])
    assert len(result.items) == 2
    [error] = [e for e in result.errors if "characters long" in e.message]
    assert f"{limits.LONG_TEXT + 1:,}" in error.message and f"{limits.LONG_TEXT:,}" in error.message


def test_five_million_character_gift_stem_is_an_error_naming_the_entry(run_cli, tmp_path):
    path = tmp_path / "big.gift"
    path.write_text("::a:: Which drug lowers mortality? {=Aspirin ~Digoxin}\n\n"
                    f"::b:: {'x' * 5_000_000} {{=a ~b}}\n\n"
                    "::c:: Which drug reverses heparin? {=Protamine ~Vitamin K}\n",
                    encoding="utf-8")
    code, out, _ = run_cli("bank", "import", path, "--format", "gift", "--json")
    assert code == 1 and out["imported"] == 2
    [error] = out["errors"]
    assert error["item"] == 2 and error["line"] == 3 and "5,000,000" in error["message"]


@pytest.mark.parametrize("mutate, field", [
    (lambda i: setattr(i, "explanation", HUGE), "explanation"),
    (lambda i: setattr(i.options[0], "text", "y" * (limits.OPTION_TEXT + 1)), "option 1"),
    (lambda i: setattr(i, "tags", ["t"] * (limits.MAX_LIST + 1)), "tags"),
    (lambda i: setattr(i, "topic", "z" * (limits.LABEL + 1)), "topic"),
])
def test_every_field_has_a_limit(mutate, field):
    item = _item()
    assert limits.item_problem(item) is None
    mutate(item)
    assert field in limits.item_problem(item)


def test_a_set_member_over_the_limit_names_its_question():
    s = ItemSet(kind="case", vignette="A 58-year-old man has chest pain.",
                items=[_item(), _item(stem=HUGE)]).attach()
    assert limits.unit_problem(s).startswith("question 2 of the set")


# --- defect 6: lint prints what it cannot read, exits 1, numbers entries as import does

BROKEN = ("::a:: Which drug lowers mortality after MI? {=Aspirin ~Digoxin}\n\n"
          "::b:: Which drug reverses heparin? {=Protamine ~Vitamin K\n\n"
          "::c:: Which vitamin reverses warfarin? {=Vitamin K ~Vitamin C}\n")


def test_lint_reports_unreadable_entries_and_exits_1(run_cli, tmp_path):
    path = tmp_path / "broken.gift"
    path.write_text(BROKEN, encoding="utf-8")
    code, out, _ = run_cli("lint", path, "--format", "gift")
    assert code == 1
    assert "(entry 2): the answer block has no closing brace" in out
    assert "(entry 3): Which vitamin reverses warfarin?" in out
    code, js, _ = run_cli("lint", path, "--format", "gift", "--json")
    assert code == 1 and [i["entry"] for i in js["items"]] == [1, 3]
    _, imp, _ = run_cli("bank", "import", path, "--format", "gift", "--json")
    assert [e["item"] for e in imp["errors"]] == [e["item"] for e in js["errors"]] == [2]


def test_bank_validation_errors_use_the_parsers_numbering(tmp_path):
    from eduapp.interop.base import ParseResult
    result = ParseResult(format="gift", file="x.gift")
    result.add(_item(), 1, 1)
    bad = _item()
    bad.options[1].correct = True  # two keys on an sba: refused by the bank
    result.add(bad, 7, 12)
    from eduapp.bank import Bank
    bank = Bank.open_in(str(tmp_path))
    try:
        summary = bank.import_result(result)
    finally:
        bank.close()
    assert summary.imported == 1
    assert [(e["item"], e["line"]) for e in summary.errors] == [(7, 12)]


def test_eduapp_json_lint_numbers_entries(run_cli, tmp_path):
    path = tmp_path / "two.json"
    eduapp_json.write([_item(), _item(stem="Which drug reverses heparin?")], str(path))
    code, js, _ = run_cli("lint", path, "--json")
    assert code == 0 and [i["entry"] for i in js["items"]] == [1, 2]
