"""The item bank: storage, versions, sets, trash, media, documents, migrations, bad files."""

from __future__ import annotations

import os
import sqlite3

import pytest

from eduapp.bank import Bank, ItemFilter, SCHEMA_VERSION
from eduapp.domain import Document, Item, ItemSet, Media, Option
from eduapp.errors import (BankCorruptError, BankVersionError, NotFoundError,
                           ValidationError)
from eduapp.interop import ParseResult

from .conftest import make_case_set, make_sba

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
       b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
       b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def test_save_and_get_round_trips_every_field(bank):
    item = make_sba(tags=["acs", "mortality"], topic="acute coronary syndrome",
                    system="cardiology", discipline="pharmacology", bloom="apply",
                    difficulty=0.6, exam_type="A1", language="en", references=["ESC 2023"],
                    hints=["think antiplatelet"], provenance={"source": "manual"},
                    idnumber="q-17", marks=2.0, extra={"shuffle": True}, category="Cardio/ACS")
    item.options[4].fixed = True
    saved = bank.save_item(item)
    got = bank.get_item(saved.id)
    a, b = got.to_dict(), item.to_dict()
    assert a == b


def test_content_edit_makes_a_new_version_and_keeps_history(bank):
    item = bank.save_item(make_sba())
    item.stem = "Which drug lowers mortality after an MI?"
    bank.save_item(item, note="clearer stem")
    item.tags = ["edited-tags-only"]
    bank.save_item(item)
    history = bank.history(item.id)
    assert [v.version for v in history] == [2, 1]
    assert history[0].note == "clearer stem"
    assert history[1].item.stem.startswith("Which drug reduces")
    assert bank.item_version(item.id, 1).stem.startswith("Which drug reduces")
    assert bank.get_item(item.id).tags == ["edited-tags-only"]


def test_invalid_item_is_refused_and_nothing_stored(bank):
    bad = Item(type="sba", stem="Pick one", options=[Option("a", True), Option("b", True)])
    with pytest.raises(ValidationError, match="exactly one key"):
        bank.save_item(bad)
    assert bank.count() == 0


def test_set_status_all_or_nothing(bank):
    a = bank.save_item(make_sba())
    with pytest.raises(NotFoundError):
        bank.set_status([a.id, 999], "approved")
    assert bank.get_item(a.id).status == "draft"
    assert bank.set_status([a.id], "approved") == 1
    assert bank.get_item(a.id).status == "approved"
    with pytest.raises(ValidationError):
        bank.set_status([a.id], "published")


def test_item_set_is_stored_once_with_members_in_order(bank):
    s = bank.save_set(make_case_set())
    got = bank.get_set(s.uid)
    assert [i.stem for i in got.items] == ["What is the most likely diagnosis?",
                                           "What is the first investigation?"]
    assert bank.stats()["sets"] == 1
    # a search hit on the shared vignette finds the set as one unit
    units = bank.units(bank.query_ids("crushing chest pain"))
    assert len(units) == 1 and isinstance(units[0], ItemSet)


def test_shared_option_set_members_share_options_with_own_keys(bank):
    options = [Option(t) for t in ("Furosemide", "Spironolactone", "Amiloride",
                                   "Hydrochlorothiazide", "Acetazolamide")]
    s = ItemSet(kind="shared_options", options=options, exam_type="B1", items=[
        Item(type="sba", stem="Causes hyperkalaemia and gynaecomastia",
             options=[Option("", i == 1) for i in range(5)]),
        Item(type="sba", stem="Used for altitude sickness",
             options=[Option("", i == 4) for i in range(5)])])
    bank.save_set(s)
    got = bank.get_set(s.uid)
    assert [o.text for o in got.items[0].options] == [o.text for o in options]
    assert [m.key_indices for m in got.items] == [[1], [4]]


def test_deleting_a_member_trashes_the_whole_set_and_undo_restores_it(bank):
    s = bank.save_set(make_case_set())
    lone = bank.save_item(make_sba("Lone item"))
    deleted = bank.delete_items([s.items[0].id])
    assert sorted(deleted) == sorted(i.id for i in s.items)
    assert bank.count() == 1
    bank.restore_items(deleted)
    assert bank.count() == 3 and bank.get_set(s.uid)
    bank.delete_items([lone.id])
    assert bank.purge_deleted() == 1
    with pytest.raises(NotFoundError):
        bank.get_item(lone.id)


def test_media_is_stored_once_and_dropped_when_nothing_refers_to_it(bank):
    m = Media(name="ecg.png", mime="image/png", data=PNG)
    a = bank.save_item(make_sba("ECG one", media=[m]))
    b = bank.save_item(make_sba("ECG two", media=[Media(name="ecg.png", mime="image/png",
                                                        data=PNG)]))
    assert bank.stats()["media"] == 1
    assert bank.get_media(m.sha256).data == PNG
    bank.delete_items([a.id])
    bank.purge_deleted()
    assert bank.get_media(m.sha256).data == PNG  # b still uses it
    bank.delete_items([b.id])
    bank.purge_deleted()
    with pytest.raises(NotFoundError):
        bank.get_media(m.sha256)


def test_filters(bank):
    bank.save_item(make_sba("en item", language="en", system="cardiology", tags=["x"],
                            category="Med/Cardio"))
    bank.save_item(make_sba("zh item 心肌", language="zh", system="respiratory",
                            status="approved", category="Med/Resp"))
    assert bank.count(ItemFilter(languages=["zh"])) == 1
    assert bank.count(ItemFilter(tags=["x"])) == 1
    assert bank.count(ItemFilter(category="Med")) == 2
    assert bank.count(ItemFilter(category="Med/Cardio")) == 1
    assert bank.count(ItemFilter(statuses=["approved"], systems=["respiratory"])) == 1
    assert bank.facets()["system"] == ["cardiology", "respiratory"]


def test_documents_are_stored_and_searchable(bank):
    doc = bank.save_document(Document(kind="notes", title="哮喘的诊断与治疗", body="# 哮喘\n吸入糖皮质激素",
                                      topic="asthma", system="respiratory", language="zh"))
    assert bank.documents("哮喘")[0].id == doc.id
    assert bank.documents(topic="respiratory")[0].id == doc.id
    bank.delete_document(doc.id)
    assert bank.documents("哮喘") == []


def test_import_is_one_transaction_and_reimport_does_not_duplicate(bank):
    items = [make_sba(f"Question {n}") for n in range(3)]
    result = ParseResult(units=list(items), format="gift", file="x.gift")
    s = bank.import_result(result)
    assert (s.imported, s.updated, s.skipped) == (3, 0, 0)
    again = ParseResult(units=[make_sba(f"Question {n}") for n in range(3)], format="gift",
                        file="x.gift")
    s2 = bank.import_result(again)
    assert (s2.imported, s2.updated, s2.skipped) == (0, 0, 3)
    assert bank.count() == 3


def test_changed_item_with_same_idnumber_updates_with_new_version(bank):
    bank.import_result(ParseResult(units=[make_sba("Old stem", idnumber="Q1")], format="moodle-xml"))
    s = bank.import_result(ParseResult(units=[make_sba("New stem", idnumber="Q1")],
                                       format="moodle-xml"))
    assert (s.imported, s.updated) == (0, 1)
    (item,) = bank.search("stem")
    assert item.stem == "New stem" and item.version == 2


def test_invalid_unit_is_reported_and_the_rest_imported(bank):
    bad = Item(type="sba", stem="No key", options=[Option("a"), Option("b")])
    s = bank.import_result(ParseResult(units=[make_sba("Good"), bad], file="f.json"))
    assert s.imported == 1 and len(s.errors) == 1 and "key" in s.errors[0]["message"]


def test_strict_import_stores_nothing(bank):
    from eduapp.errors import ImportFileError
    bad = Item(type="sba", stem="No key", options=[Option("a"), Option("b")])
    with pytest.raises(ImportFileError):
        bank.import_result(ParseResult(units=[make_sba("Good"), bad], file="f.json"),
                           strict=True)
    assert bank.count() == 0


def test_new_bank_has_current_schema_and_wal(data_dir):
    b = Bank.open_in(data_dir)
    assert b.stats()["schema_version"] == SCHEMA_VERSION
    assert b.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    b.close()


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "bank.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(BankCorruptError, match="not an EduApp bank"):
        Bank(str(path))
    assert path.read_bytes() == b"this is not a database" * 100


def test_newer_schema_is_refused_and_not_written(tmp_path):
    path = str(tmp_path / "bank.sqlite")
    Bank(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 5,))
    conn.commit()
    conn.close()
    before = os.path.getmtime(path)
    with pytest.raises(BankVersionError, match="newer EduApp"):
        Bank(path)
    assert os.path.getmtime(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = str(tmp_path / "other.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BankCorruptError, match="not an EduApp bank"):
        Bank(path)


def test_migration_backs_up_an_older_bank(tmp_path, monkeypatch):
    from eduapp.bank import migrations
    path = str(tmp_path / "bank.sqlite")
    Bank(path).close()

    n = len(migrations.MIGRATIONS)

    def newer(db):
        db.execute("CREATE TABLE extra_newer (x)")
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [newer])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", n + 1)
    b = Bank(path)
    assert b.previous_version == n and migrations.schema_version(b.db) == n + 1
    assert os.path.exists(path + f".v{n}.bak")
    b.close()


def test_reimport_after_delete_imports_a_fresh_copy(bank):
    item = make_sba("Deleted then re-imported")
    stored = bank.save_item(item)
    bank.delete_items([stored.id])
    again = Item.from_dict(stored.to_dict())
    s = bank.import_result(ParseResult(units=[again], format="eduapp-json"))
    assert s.imported == 1 and bank.count() == 1
    assert bank.search("re-imported")[0].uid != stored.uid


def test_duplicates_inside_one_file_are_stored_once(bank):
    s = bank.import_result(ParseResult(units=[make_sba("Same"), make_sba("Same")],
                                       format="gift"))
    assert (s.imported, s.skipped) == (1, 1) and bank.count() == 1


def test_history_of_an_imported_item_then_edited(bank):
    s = bank.import_result(ParseResult(units=[make_sba("Imported stem")], format="gift"))
    item = bank.get_item(s.item_ids[0])
    item.stem = "Edited stem"
    bank.save_item(item, note="fixed")
    versions = bank.history(item.id)
    assert [(v.version, v.item.stem) for v in versions] == [(2, "Edited stem"),
                                                            (1, "Imported stem")]
    assert bank.item_version(item.id, 1).stem == "Imported stem"


def test_collector_pause_is_counted_and_restored():
    """Imports pause the cyclic garbage collector; nested and overlapping pauses end with
    it running again, and a collector the user had switched off stays off."""
    import gc

    from eduapp.domain import collector_paused
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_import_leaves_the_collector_running_even_when_it_fails(bank, tmp_path):
    import gc

    from eduapp.errors import ImportFileError
    from eduapp.interop import parse_file
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "eduapp-json", "items": [{"type": "sba"}]}', encoding="utf-8")
    with pytest.raises(ImportFileError):
        bank.import_result(parse_file(str(bad)), strict=True)
    assert gc.isenabled()
