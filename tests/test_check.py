"""Check and repair: a bank damaged in several ways (a page overwritten, the file
truncated, its first page destroyed, an FTS shadow table deleted, a media file removed) is
detected, reported, and repaired or restored with nothing lost beyond the last backup;
logical problems (set order, twins, versions, orphan media, invalid items) are found and
fixed; commands refuse to answer from a damaged file."""

from __future__ import annotations

import os
import sqlite3

import pytest

from eduapp.bank import Bank
from eduapp.bank import backup as B
from eduapp.bank import check as C
from eduapp.bank import repair as R
from eduapp.domain import Media
from eduapp.errors import BankCorruptError
from tests.conftest import make_case_set, make_sba

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
PAGE = 4096


def _bank_with_history(data_dir: str) -> tuple[dict, dict]:
    """300 items, a case set and an image, backed up; then 60 more items. Returns
    ``(stems by uid in the backup, stems by uid added after it)``."""
    bank = Bank.open_in(data_dir, backups=False)
    for i in range(300):
        media = [Media(name="ecg.png", mime="image/png", data=PNG)] if i == 7 else []
        bank.save_item(make_sba(f"Backed-up zanzibar question {i}: which drug lowers "
                                f"mortality after myocardial infarction? " * 2, media=media))
    bank.save_set(make_case_set())
    backed = {i.uid: i.stem for i in bank.get_items(bank.query_ids())}
    bank.close()
    B.create_backup(data_dir, "manual")
    bank = Bank.open_in(data_dir, backups=False)
    for i in range(60):
        bank.save_item(make_sba(f"Later question {i} about sepsis and antibiotics"))
    later = {i.uid: i.stem for i in bank.get_items(bank.query_ids())
             if i.uid not in backed}
    bank.close()
    return backed, later


def _pages(path: str, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND "
                                           "pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        conn.close()


def overwrite_page(path: str, table: str = "items") -> None:
    """Overwrite one 4 KiB leaf page of ``table`` with noise (a failing disk, a sync tool)."""
    pages = _pages(path, table)
    with open(path, "r+b") as fh:
        fh.seek((pages[len(pages) // 3] - 1) * PAGE)
        fh.write(os.urandom(PAGE))


def truncate(path: str) -> None:
    """Cut the file to 60 % of its size, on a page boundary."""
    size = os.path.getsize(path)
    with open(path, "r+b") as fh:
        fh.truncate(size * 6 // 10 // PAGE * PAGE)


def destroy_first_page(path: str) -> None:
    with open(path, "r+b") as fh:
        fh.write(b"\0" * PAGE)


def drop_fts_shadow(path: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE items_fts_idx")
    conn.commit()
    conn.close()


def remove_media(path: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM media")
    conn.commit()
    conn.close()


DAMAGE = [
    # (how, problem code, exit code of `bank check`, can the bank still be opened)
    (overwrite_page, "integrity", 1, False),
    (truncate, "unreadable", 3, False),
    (destroy_first_page, "unreadable", 3, False),
    (drop_fts_shadow, "search_index", 1, True),
    (remove_media, "media_missing", 1, True),
]


@pytest.mark.parametrize("damage,code,exit_code,opens", DAMAGE,
                         ids=[d[0].__name__ for d in DAMAGE])
def test_damage_is_detected_reported_and_repaired(run_cli, data_dir, damage, code, exit_code,
                                                  opens):
    backed, later = _bank_with_history(data_dir)
    path = os.path.join(data_dir, "bank.sqlite")
    damage(path)

    rc, out, _ = run_cli("bank", "check", "--json")
    assert rc == exit_code and not out["ok"]
    assert code in {p["code"] for p in out["problems"]}
    rc, text, _ = run_cli("bank", "check")
    assert rc == exit_code and "bank.sqlite" in text

    if not opens:  # commands do not answer from a damaged file
        rc, _, err = run_cli("bank", "stats")
        assert rc == 3 and "bank check --repair" in err
        rc, _, err = run_cli("bank", "search", "mortality")
        assert rc == 3 and "bank check --repair" in err

    rc, out, _ = run_cli("bank", "check", "--repair", "--json")
    assert rc == 1, out
    repair = out["repair"]
    assert repair["after"]["ok"], repair
    assert repair["actions"]
    if code in C.FILE_DAMAGE:
        assert repair["kept_aside"] and all(os.path.exists(p) for p in repair["kept_aside"])

    rc, out, _ = run_cli("bank", "check", "--json")
    assert rc == 0 and out["ok"]

    bank = Bank.open_in(data_dir)
    try:
        now = {i.uid: i.stem for i in bank.get_items(bank.query_ids())}
        # nothing that was in the backup is lost
        assert all(now.get(uid) == stem for uid, stem in backed.items())
        # of what came after the backup, only the rows on the damaged pages may be lost,
        # and the report says how many
        missing_later = [uid for uid in later if uid not in now]
        if code in ("search_index", "media_missing"):
            assert not missing_later
            assert not repair["lost"]
        else:  # the report says what after the backup may be lost
            assert any("after the backup" in line or "made after" in line
                       for line in repair["lost"])
        assert len(bank.search("zanzibar", limit=1000)) == 300
        assert len(bank.search("sepsis", limit=1000)) == len(later) - len(missing_later)
        [item] = [i for i in bank.get_items(bank.query_ids()) if i.media]
        assert bank.get_media(item.media[0].sha256).data == PNG
    finally:
        bank.close()


def test_a_damaged_file_with_no_backup_keeps_what_can_be_read(data_dir):
    bank = Bank.open_in(data_dir, backups=False)
    for i in range(300):
        bank.save_item(make_sba(f"Only copy {i} of a question about heart failure " * 2))
    bank.close()
    path = os.path.join(data_dir, "bank.sqlite")
    overwrite_page(path)
    report = C.check_data_folder(data_dir)
    assert "integrity" in report.codes()
    result = R.repair_data_folder(data_dir, report)
    assert result.after.ok
    assert any("no good backup" in line for line in result.lost)
    bank = Bank.open_in(data_dir)
    n = bank.count()
    bank.close()
    assert 250 < n < 300  # one page of rows lost, everything else kept


def test_logical_problems_are_found_and_repaired(data_dir):
    bank = Bank.open_in(data_dir, backups=False)
    a = bank.save_item(make_sba("English twin", language="en"))
    b = bank.save_item(make_sba("中文对照题", language="zh"))
    s = bank.save_set(make_case_set())
    bad = bank.save_item(make_sba("Will lose its key"))
    bank.close()
    conn = sqlite3.connect(os.path.join(data_dir, "bank.sqlite"))
    conn.execute("UPDATE items SET twin_uid = ? WHERE id = ?", (b.uid, a.id))
    conn.execute("UPDATE items SET set_position = set_position + 5 WHERE set_uid = ?", (s.uid,))
    conn.execute("DELETE FROM item_versions WHERE item_id = ?", (a.id,))
    conn.execute("INSERT INTO media(sha256, mime, size, data) VALUES ('ab', 'image/png', 1, x'00')")
    conn.execute("UPDATE items SET options = replace(options, '\"correct\":true', "
                 "'\"correct\":false') WHERE id = ?", (bad.id,))
    conn.commit()
    conn.close()
    report = C.check_data_folder(data_dir)
    assert {"twin", "set_order", "version_missing", "media_orphan", "media_damaged",
            "item_invalid"} <= report.codes()
    invalid = [p for p in report.problems if p.code == "item_invalid"][0]
    assert not invalid.repairable and f"item {bad.id}" in invalid.examples[0]
    result = R.repair_data_folder(data_dir, report)
    assert result.after.codes() == {"item_invalid"}  # needs a teacher's edit
    bank = Bank.open_in(data_dir)
    assert bank.get_item(b.id).twin_uid == a.uid
    assert [i.set_position for i in bank.get_set(s.uid).items] == [0, 1]
    assert [v.version for v in bank.history(a.id)] == [1]
    bank.close()


def test_commands_check_once_and_then_trust_an_unchanged_file(data_dir, monkeypatch):
    Bank.open_in(data_dir).close()
    calls = []
    real = C.quick_check
    monkeypatch.setattr(C, "quick_check", lambda p: calls.append(p) or real(p))
    for _ in range(3):
        Bank.open_in(data_dir).close()
    assert calls == []  # closed by an EduApp that had verified it: still known good
    path = os.path.join(data_dir, "bank.sqlite")
    [page] = _pages(path, "items")  # the (empty) items table's one page
    with open(path, "r+b") as fh:  # something else writes to the file
        fh.seek((page - 1) * PAGE)
        fh.write(b"\xee" * PAGE)
    with pytest.raises(BankCorruptError):
        Bank.open_in(data_dir)
    assert calls == [path]


def test_check_of_a_clean_folder_includes_the_practice_history(run_cli, data_dir):
    from eduapp.practice.store import PracticeStore
    Bank.open_in(data_dir).close()
    PracticeStore.open_in(data_dir).close()
    rc, out, _ = run_cli("bank", "check", "--json")
    assert rc == 0 and out["ok"] and set(out["files"]) == {"bank.sqlite", "practice.sqlite"}
    path = os.path.join(data_dir, "practice.sqlite")
    destroy_first_page(path)
    rc, out, _ = run_cli("bank", "check", "--json")
    assert rc == 1 and [p["file"] for p in out["problems"]] == ["practice.sqlite"]


def test_a_lost_saved_copy_of_an_older_version_comes_back_from_a_backup(data_dir):
    bank = Bank.open_in(data_dir, backups=False)
    item = bank.save_item(make_sba("First wording of the question"))
    bank.close()
    B.create_backup(data_dir, "manual")
    bank = Bank.open_in(data_dir, backups=False)
    item.stem = "Second wording of the question"
    bank.save_item(item, note="reworded")
    bank.close()
    conn = sqlite3.connect(os.path.join(data_dir, "bank.sqlite"))
    conn.execute("UPDATE item_versions SET data = NULL WHERE version = 1")
    conn.commit()
    conn.close()
    report = C.check_data_folder(data_dir)
    assert report.codes() == {"version_snapshot"}
    result = R.repair_data_folder(data_dir, report)
    assert result.after.ok and not result.lost
    bank = Bank.open_in(data_dir)
    assert [(v.version, v.item.stem) for v in bank.history(item.id)] == [
        (2, "Second wording of the question"), (1, "First wording of the question")]
    bank.close()
