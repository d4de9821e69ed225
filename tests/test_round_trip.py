"""Own exports come back: every format the bank writes re-imports into an empty bank with
no error and the counts the export announced; re-imports into the same bank count
truthfully and find the items they hold (tour 1, defects 3, 4, 5, 18)."""

from __future__ import annotations

import glob
import os

import pytest

from eduapp.bank.check import check_data_folder
from eduapp.domain import UID_MAX_CHARS, Item, Option, check_uid
from eduapp.errors import ValidationError
from eduapp.workspace import Workspace

from .conftest import REPO

STARTER_EN = os.path.join(REPO, "question_banks", "starter_en.json")
NOTES_EN = os.path.join(REPO, "question_banks", "notes_en.json")


@pytest.fixture
def ws(data_dir):
    with Workspace(data_dir) as w:
        yield w


def _fresh(tmp_path, name) -> Workspace:
    folder = tmp_path / name
    folder.mkdir()
    return Workspace(str(folder))


# --- defect 4: one uid rule -----------------------------------------------------------

@pytest.mark.parametrize("uid, ok", [
    ("0123456789abcdef0123456789abcdef", True),
    ("starter-en-card-001", True),          # the starter banks' readable uids
    ("Q:42/版本二", True),
    ("", False), ("two words", False), ("tab\there", False), ("ctl\x01", False),
    ("x" * (UID_MAX_CHARS + 1), False), (42, False),
])
def test_one_uid_rule(uid, ok):
    if ok:
        assert check_uid(uid) == uid
        Item(type="essay", stem="Explain.", uid=uid).validate()
    else:
        with pytest.raises(ValidationError):
            check_uid(uid)
        with pytest.raises(ValidationError):
            Item(type="essay", stem="Explain.", uid=uid).validate()


def test_csv_export_of_readable_uids_reimports(ws, tmp_path):
    ws.import_files([STARTER_EN])
    out = str(tmp_path / "all.csv")
    written = ws.export_items("csv", out).exported
    with _fresh(tmp_path, "other") as other:
        summary = other.import_files([out], "csv").summary
        assert summary.errors == []
        assert summary.imported == written == 42
        uids = {i.uid for i in other.bank.get_items(other.bank.query_ids(""))}
        assert "starter-en-card-001" in uids


# --- defect 18: truthful counts, lossy re-imports find the bank's items ---------------

def test_reimporting_unchanged_documents_counts_them_skipped(ws):
    first = ws.import_files([NOTES_EN]).summary
    assert (first.documents, first.documents_updated, first.documents_skipped) == (8, 0, 0)
    again = ws.import_files([NOTES_EN]).summary
    assert (again.documents, again.documents_updated, again.documents_skipped) == (0, 0, 8)
    assert not ws.import_files([NOTES_EN]).changes.documents


def test_reimporting_own_aiken_export_finds_every_item(ws, tmp_path):
    ws.import_files([STARTER_EN])
    bank = ws.bank
    before = {i.uid: (i.version, i.set_uid, i.type, i.status)
              for i in bank.get_items(bank.query_ids(""))}
    out = str(tmp_path / "all.txt")
    written = ws.export_items("aiken", out).exported
    summary = ws.import_files([out], "aiken").summary
    assert summary.errors == []
    assert (summary.imported, summary.updated, summary.skipped) == (0, 0, written)
    after = {i.uid: (i.version, i.set_uid, i.type, i.status)
             for i in bank.get_items(bank.query_ids(""))}
    assert after == before  # no duplicate drafts, no set left, no tf turned sba
    assert check_data_folder(ws.data_dir).ok


def test_reimported_lossy_edit_is_one_update_with_a_new_version(ws, tmp_path):
    ws.import_files([STARTER_EN])
    out = tmp_path / "all.txt"
    ws.export_items("aiken", str(out))
    text = out.read_text(encoding="utf-8")
    first_stem = text.split("\n", 1)[0]
    out.write_text(text.replace(first_stem, first_stem + " (revised)", 1), encoding="utf-8")
    summary = ws.import_files([str(out)], "aiken").summary
    # a changed stem is another question (no id in Aiken to say otherwise)
    assert (summary.imported, summary.updated, summary.skipped) == (1, 0, 38)


def test_reimport_of_gift_without_ids_matches_by_words(ws, tmp_path):
    item = Item(type="sba", stem="Which **drug** lowers mortality after MI?",
                options=[Option("*Aspirin*", True), Option("Digoxin")], status="approved",
                provenance={"source": "manual"})
    ws.bank.save_item(item)
    path = tmp_path / "plain.gift"
    path.write_text("Which drug lowers mortality after MI? {=Aspirin ~Digoxin}\n",
                    encoding="utf-8")
    summary = ws.import_files([str(path)], "gift").summary
    assert (summary.imported, summary.updated, summary.skipped) == (0, 0, 1)
    assert ws.import_matches([str(path)], "gift") == []
    assert len(ws.bank.query_ids("")) == 1


# --- defect 3: sets survive an Anki round trip; no export drops an item silently ------

def _counts(w: Workspace) -> tuple[int, int]:
    stats = w.bank.stats()
    return stats["items"], stats["sets"]


def test_apkg_round_trip_rebuilds_the_sets(ws, tmp_path):
    ws.import_files([STARTER_EN])
    deck = str(tmp_path / "all.apkg")
    assert ws.export_items("apkg", deck).exported == 42
    with _fresh(tmp_path, "other") as other:
        summary = other.import_files([deck]).summary
        assert summary.errors == [] and summary.imported == 42
        assert _counts(other) == _counts(ws) == (42, 4)
        assert check_data_folder(other.data_dir).ok
        back = other.export_items("eduapp-json", str(tmp_path / "back.json"))
        assert back.exported == 42 and back.not_represented == []


def test_members_of_a_set_the_file_lacks_become_standalone_with_a_note(ws, tmp_path):
    ws.import_files([STARTER_EN])
    sheet = str(tmp_path / "all.csv")  # CSV keeps set_uid but not the set itself
    ws.export_items("csv", sheet)
    with _fresh(tmp_path, "other") as other:
        summary = other.import_files([sheet]).summary
        assert summary.errors == [] and summary.imported == 42
        assert any("imported as standalone questions" in w["message"]
                   for w in summary.warnings)
        assert check_data_folder(other.data_dir).ok
        assert other.export_items("eduapp-json", str(tmp_path / "b.json")).exported == 42


def test_export_of_a_bank_with_a_missing_set_names_no_loss(ws, tmp_path):
    ws.import_files([STARTER_EN])
    ws.bank.conn.execute("DELETE FROM item_sets WHERE uid = 'starter-en-set-card-01'")
    ws.bank.conn.commit()
    out = ws.export_items("eduapp-json", str(tmp_path / "all.json"))
    assert out.exported == 42 and out.not_represented == []


# --- defect 5 and the general rule: every own export of the shipped bank re-imports -----

SHIPPED = sorted(glob.glob(os.path.join(REPO, "question_banks", "*.json")))
FORMATS = ["eduapp-json", "apkg", "moodle-xml", "gift", "aiken", "qti", "qti3", "csv"]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The whole shipped bank (every question_banks/*.json) in a workspace."""
    folder = tmp_path_factory.mktemp("shipped")
    with Workspace(str(folder)) as w:
        summary = w.import_files(SHIPPED).summary
        assert summary.errors == []
        yield w


def _snapshot(w: Workspace) -> dict:
    bank = w.bank
    return {i.uid: {k: v for k, v in i.to_dict().items() if k != "updated_at"}
            for i in bank.get_items(bank.query_ids(""))}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_own_export_of_the_shipped_bank_reimports(shipped, tmp_path, fmt):
    out = str(tmp_path / f"all.{fmt}")
    report = shipped.export_items(fmt, out)
    total = shipped.bank.stats()["items"]
    assert report.exported + len(report.not_represented) == total
    with _fresh(tmp_path, "empty") as other:
        summary = other.import_files([out], "qti" if fmt == "qti3" else fmt).summary
        assert summary.errors == []
        assert summary.imported == report.exported
        assert other.bank.stats()["items"] == report.exported
        assert check_data_folder(other.data_dir).ok
        if fmt == "eduapp-json":  # lossless: the very same items, sets and documents
            assert _snapshot(other) == _snapshot(shipped)
            assert other.bank.stats()["sets"] == shipped.bank.stats()["sets"]
            assert other.bank.stats()["documents"] == shipped.bank.stats()["documents"]
    before = _snapshot(shipped)
    again = shipped.import_files([out], "qti" if fmt == "qti3" else fmt).summary
    assert again.errors == []
    assert (again.imported, again.updated, again.skipped) == (0, 0, report.exported)
    assert _snapshot(shipped) == before


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti", "qti3"])
def test_short_item_with_only_a_model_answer_is_written_as_an_essay_and_said(ws, tmp_path,
                                                                             fmt):
    item = Item(type="short", stem="Outline the treatment of DKA.\n\nName four steps.",
                model_answer="Fluids first.\n\nThen insulin, potassium, the cause.",
                explanation="Fluids come first.\n\n\nInsulin after.", idnumber="DKA-1")
    ws.bank.save_item(item)
    out = str(tmp_path / f"one.{fmt}")
    report = ws.export_items(fmt, out)
    assert report.exported == 1 and report.not_represented == []
    assert [c["item"] for c in report.changed] == ["DKA-1"]
    assert "essay" in report.changed[0]["message"]
    with _fresh(tmp_path, "empty") as other:
        summary = other.import_files([out], "qti" if fmt == "qti3" else fmt).summary
        assert summary.errors == [] and summary.imported == 1
        back = other.bank.get_items(other.bank.query_ids(""))[0]
        assert back.type == "essay"
        if fmt != "gift":
            assert "insulin" in back.model_answer


def test_gift_writes_no_line_break_inside_a_field(tmp_path):
    from eduapp.interop import gift, parse_file
    item = Item(type="sba", stem="Line one\rline two\u2028three\n\nfour",
                options=[Option("A\n\nB", True, "why\r\n\r\nnot"), Option("C")],
                explanation="x\n\n\ny", tags=["t\nu"], category="a\nb")
    text = gift.dumps([item])
    question = text.split("\n\n")[1]  # after the $CATEGORY block
    assert question.strip() and "\n\n" not in question.strip()
    path = tmp_path / "one.gift"
    path.write_text(text, encoding="utf-8")
    result = parse_file(str(path), "gift")
    assert result.errors == [] and len(result.items) == 1
    assert result.items[0].options[0].text.split() == ["A", "B"]


def test_deck_from_an_older_export_without_sets_imports_whole(ws, tmp_path, monkeypatch):
    """The tester's deck: members name their sets, the deck does not carry them."""
    from eduapp.interop import anki
    ws.import_files([STARTER_EN])
    monkeypatch.setattr(anki, "_set_header", lambda item_set: None)
    deck = str(tmp_path / "old.apkg")
    ws.export_items("apkg", deck)
    monkeypatch.undo()
    with _fresh(tmp_path, "other") as other:
        summary = other.import_files([deck]).summary
        assert summary.errors == [] and summary.imported == 42
        assert any("standalone" in w["message"] for w in summary.warnings)
        assert check_data_folder(other.data_dir).ok
        assert other.export_items("eduapp-json", str(tmp_path / "b.json")).exported == 42
        case_member = other.bank.get_items(other.bank.query_ids(""))
        assert all(i.set_uid is None for i in case_member)
