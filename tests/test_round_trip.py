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
