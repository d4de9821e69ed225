"""Backups of the data folder: what they hold, consistency while writing, crash safety,
rotation, restore (current files kept aside), automatic backups before risky operations,
and the ``eduapp bank backup|backups|restore`` commands."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import threading
import time

import pytest

from eduapp.bank import Bank
from eduapp.bank import backup as B
from eduapp.bank import restore as R
from eduapp.config import Settings
from eduapp.domain import Media
from eduapp.errors import BackupError, DiskFullError
from eduapp.interop import ParseResult
from eduapp.practice.store import PracticeStore
from tests.conftest import make_sba

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _fill(data_dir: str, n: int = 20) -> None:
    bank = Bank.open_in(data_dir)
    for i in range(n):
        kw = {"media": [Media(name="ecg.png", mime="image/png", data=PNG)]} if i == 0 else {}
        bank.save_item(make_sba(f"Stem {i}: which drug lowers mortality?", **kw))
    bank.close()
    store = PracticeStore.open_in(data_dir)
    store.create_profile("Li Wei", "Cardiology")
    store.close()
    s = Settings(institution="Peking Union Medical College")
    s.save(data_dir)
    os.makedirs(os.path.join(data_dir, "media"), exist_ok=True)
    with open(os.path.join(data_dir, "media", "scan.png"), "wb") as fh:
        fh.write(PNG)


def _count(path: str, sql: str = "SELECT COUNT(*) FROM items WHERE deleted_at IS NULL"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_backup_holds_bank_practice_settings_and_media(data_dir, tmp_path):
    _fill(data_dir)
    info = B.create_backup(data_dir, "manual")
    assert info.good and info.items == 20 and info.reason == "manual"
    assert {"bank.sqlite", "practice.sqlite", "settings.json", "media/scan.png"} <= set(info.files)
    assert info.name.startswith("eduapp-backup-") and info.name.endswith(".tar.zst")
    assert os.path.dirname(info.path) == os.path.join(data_dir, "backups")
    assert not [f for f in os.listdir(os.path.dirname(info.path)) if f.startswith(".tmp-")]
    out = tmp_path / "unpacked"
    out.mkdir()
    names = R.extract_backup(info, str(out))
    assert set(names) == set(info.files)
    assert _count(str(out / "bank.sqlite")) == 20
    assert _count(str(out / "bank.sqlite"), "SELECT COUNT(*) FROM media") == 1
    assert _count(str(out / "practice.sqlite"), "SELECT COUNT(*) FROM profiles") == 1
    assert json.loads((out / "settings.json").read_text())["institution"].startswith("Peking")
    assert (out / "media" / "scan.png").read_bytes() == PNG
    listed = B.list_backups(data_dir)
    assert [b.name for b in listed] == [info.name] and listed[0].items == 20


def test_backup_is_one_consistent_snapshot_while_another_connection_writes(data_dir):
    _fill(data_dir, 5)
    stop = threading.Event()
    written = []
    writer = Bank.open_in(data_dir, backups=False)

    def write():
        while not stop.is_set():
            writer.save_item(make_sba(f"Written during the backup {len(written)}"))
            written.append(1)
    thread = threading.Thread(target=write)
    thread.start()
    try:
        while len(written) < 3:  # the writer is under way before the first backup
            time.sleep(0.01)
        infos = [B.create_backup(data_dir, "manual", prune=False) for _ in range(4)]
    finally:
        stop.set()
        thread.join()
        writer.close()
    counts = [i.items for i in infos]
    assert all(i.good for i in infos)
    assert counts == sorted(counts) and 8 <= counts[0] and counts[-1] <= 5 + len(written)


def test_a_failed_backup_leaves_nothing_behind_and_older_backups_intact(data_dir, monkeypatch):
    _fill(data_dir)
    first = B.create_backup(data_dir, "manual")
    before = open(first.path, "rb").read()
    real = B._snapshot
    calls = []

    def full_disk(src, dst):
        calls.append(src)
        if len(calls) == 2:  # the second database: the disk fills up half-way
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)
    monkeypatch.setattr(B, "_snapshot", full_disk)
    with pytest.raises(DiskFullError, match="disk is full"):
        B.create_backup(data_dir, "manual")
    assert sorted(os.listdir(os.path.join(data_dir, "backups"))) == sorted([first.name, ".lock"])
    assert open(first.path, "rb").read() == before


def _fake(t: float, good: bool = True) -> B.BackupInfo:
    return B.BackupInfo(path=f"/b/{t}", created_at=t, reason="auto", size=1,
                        check="ok" if good else "damaged")


def test_rotation_keeps_recent_daily_for_a_month_and_weekly_for_a_year():
    now = dt.datetime(2026, 11, 30, 18, 0).timestamp()
    hourly = [_fake(now - h * 3600) for h in range(0, 24 * 400)]  # 400 days, every hour
    keep = B.select_kept(hourly, B.RetentionPolicy(recent=10, days=31, weeks=52), now)
    kept = sorted((b for b in hourly if b.path in keep), key=lambda b: -b.created_at)
    assert kept[:10] == sorted(hourly, key=lambda b: -b.created_at)[:10]
    days = {dt.date.fromtimestamp(b.created_at) for b in kept}
    today = dt.date.fromtimestamp(now)
    assert {today - dt.timedelta(days=d) for d in range(31)} <= days
    oldest = min(b.created_at for b in kept)
    assert (now - oldest) / 86400 < 52 * 7 + 7
    weeks = {dt.date.fromtimestamp(b.created_at).isocalendar()[:2] for b in kept}
    assert len(weeks) >= 52
    assert len(kept) <= 10 + 31 + 53


def test_rotation_never_drops_the_latest_good_backup():
    now = 1_800_000_000.0
    backups = [_fake(now - i, good=False) for i in range(5)] + [_fake(now - 10 * 86400)]
    keep = B.select_kept(backups, B.RetentionPolicy(recent=2, days=0, weeks=0), now)
    assert f"/b/{now - 10 * 86400}" in keep and len(keep) == 3


def test_prune_deletes_files_beyond_the_policy(data_dir):
    _fill(data_dir, 2)
    s = Settings(backup_keep_recent=2, backup_keep_days=0, backup_keep_weeks=0)
    made = [B.create_backup(data_dir, "manual", settings=s) for _ in range(4)]
    left = [b.name for b in B.list_backups(data_dir)]
    assert left == [made[3].name, made[2].name]


def test_restore_puts_a_backup_back_and_keeps_the_current_files_aside(data_dir):
    _fill(data_dir, 10)
    info = B.create_backup(data_dir, "manual")
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba("Written after the backup"))
    bank.close()
    Settings(institution="Changed later").save(data_dir)
    result = R.restore_backup(data_dir, "latest")
    assert result.backup.name == info.name
    assert _count(os.path.join(data_dir, "bank.sqlite")) == 10
    assert Settings.load(data_dir).institution.startswith("Peking")
    kept = result.kept_aside
    assert kept and os.path.isdir(kept)
    assert _count(os.path.join(kept, "bank.sqlite")) == 11
    assert json.load(open(os.path.join(kept, "settings.json")))["institution"] == "Changed later"
    bank = Bank.open_in(data_dir)
    assert bank.count() == 10 and bank.search("mortality")
    bank.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(data_dir):
    _fill(data_dir, 3)
    info = B.create_backup(data_dir, "manual")
    with open(info.path, "r+b") as fh:
        fh.seek(os.path.getsize(info.path) // 2)
        fh.write(b"\xff" * 512)
    with pytest.raises(BackupError):
        R.restore_backup(data_dir, info.name)
    assert _count(os.path.join(data_dir, "bank.sqlite")) == 3
    assert not os.path.exists(os.path.join(data_dir, "backups", "kept"))


def test_risky_operations_make_a_backup_first(data_dir, monkeypatch):
    monkeypatch.setattr(B, "RISKY_MIN_GAP", 0.0)
    bank = Bank.open_in(data_dir)
    ids = [bank.save_item(make_sba(f"Item {i}")).id for i in range(3)]
    bank.import_result(ParseResult(units=[make_sba("Imported")], format="gift"))
    bank.set_status(ids, "approved")
    bank.set_status(ids[:1], "reviewed")  # one item: not a bulk change, no backup
    bank.delete_items(ids[:1])
    bank.purge_deleted()
    bank.close()
    reasons = [b.reason for b in reversed(B.list_backups(data_dir))]
    assert reasons == ["import", "status", "trash"]
    items = [b.items for b in reversed(B.list_backups(data_dir))]
    assert items == [3, 4, 3]  # each taken before its operation


def test_a_migration_makes_a_backup_first(tmp_path, monkeypatch):
    from eduapp.bank import migrations
    bank = Bank.open_in(str(tmp_path))
    bank.save_item(make_sba("Written by the older EduApp"))
    bank.close()
    n = len(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [
        lambda db: db.execute("CREATE TABLE extra_newer (x)")])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", n + 1)
    Bank.open_in(str(tmp_path)).close()
    [info] = B.list_backups(str(tmp_path))
    assert info.reason == "migration" and info.schema_version == n and info.items == 1


def test_an_upgrade_of_the_practice_history_makes_a_backup_first(data_dir, monkeypatch):
    from eduapp.practice import store as practice_store
    _fill(data_dir, 2)
    B.create_backup(data_dir, "manual")
    store = PracticeStore.open_in(data_dir)
    store.create_profile("Zhang Min")
    store.close()
    monkeypatch.setattr(practice_store, "MIGRATIONS", practice_store.MIGRATIONS + [
        lambda conn: conn.execute("CREATE TABLE extra_newer (x)")])
    monkeypatch.setattr(practice_store, "SCHEMA_VERSION", len(practice_store.MIGRATIONS))
    PracticeStore.open_in(data_dir).close()
    newest = B.latest_backup(data_dir)
    assert newest.reason == "migration" and "practice.sqlite" in newest.files


def test_an_empty_new_bank_is_not_backed_up(data_dir):
    Bank.open_in(data_dir).close()
    assert B.auto_backup(data_dir, "import") is None and B.list_backups(data_dir) == []


def test_no_backup_when_nothing_changed_or_when_switched_off(data_dir):
    _fill(data_dir, 2)
    assert B.auto_backup(data_dir, "auto") is not None
    assert B.auto_backup(data_dir, "auto") is None  # nothing changed since
    assert not B.changed_since_last_backup(data_dir)
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba("A change"))
    bank.close()
    assert B.changed_since_last_backup(data_dir)
    assert B.auto_backup(data_dir, "auto", settings=Settings(backups_auto=False)) is None
    assert B.auto_backup(data_dir, "auto") is not None


def test_a_failed_backup_before_an_import_stops_the_import(data_dir, monkeypatch):
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba("Already there"))

    def no_space(*a, **k):
        raise DiskFullError("the disk is full: the backup could not be written")
    monkeypatch.setattr(B, "create_backup", no_space)
    with pytest.raises(DiskFullError):
        bank.import_result(ParseResult(units=[make_sba("New one")], format="gift"))
    assert bank.count() == 1
    bank.close()


# ------------------------------------------------------------------ CLI

def test_cli_backup_list_and_restore(run_cli, data_dir):
    _fill(data_dir, 4)
    code, out, _ = run_cli("bank", "backup", "--json")
    assert code == 0 and out["backup"]["items"] == 4 and out["backup"]["check"] == "ok"
    name = out["backup"]["name"]
    code, out, _ = run_cli("bank", "backups", "--json")
    assert code == 0 and [b["name"] for b in out["backups"]] == [name]
    assert {"created", "size", "items", "reason"} <= set(out["backups"][0])
    code, text, _ = run_cli("bank", "backups")
    assert name in text and "4 items" in text
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba("after"))
    bank.close()
    code, out, _ = run_cli("bank", "restore", name, "--json")
    assert code == 0 and out["backup"]["name"] == name and os.path.isdir(out["kept_aside"])
    code, out, _ = run_cli("bank", "stats", "--json")
    assert out["items"] == 4


def test_cli_backup_of_an_empty_folder_says_there_is_nothing(run_cli, data_dir):
    code, out, err = run_cli("bank", "backup")
    assert code == 3 and "nothing to back up" in err
    assert not os.path.exists(os.path.join(data_dir, "backups"))


def test_cli_restore_without_backups_does_nothing(run_cli, data_dir):
    _fill(data_dir, 1)
    code, out, err = run_cli("bank", "restore", "latest", "--json")
    assert code == 3 and "no good backup" in out["error"]
    code, out, err = run_cli("bank", "restore", "nonsense.tar.zst")
    assert code == 3 and "no backup called" in err
    assert _count(os.path.join(data_dir, "bank.sqlite")) == 1


@pytest.mark.parametrize("size, text", [(0, "0 B"), (1023, "1023 B"), (1536, "1.5 KB"),
                                        (5 * 1024 ** 2, "5.0 MB"), (3 * 1024 ** 3, "3.0 GB"),
                                        (5000 * 1024 ** 3, "5000.0 GB")])
def test_backup_sizes_read_as_people_read_them(size, text):
    from eduapp.files import human_size
    assert human_size(size) == text
