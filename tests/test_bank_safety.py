"""Bad conditions that once lost data or broke the bank: a re-import of the same file, an
out-of-step search index, a constraint failure reaching the user, several processes
sharing one data folder."""

from __future__ import annotations

import glob
import json
import os
import sqlite3
import time

import pytest

from eduapp.bank import Bank, check_data_folder
from eduapp.bank.repair import repair_data_folder
from eduapp.errors import BankCorruptError

from .conftest import REPO, make_case_set, make_sba

SHIPPED = sorted(glob.glob(os.path.join(REPO, "question_banks", "*.json")))


def _live_state(bank: Bank) -> dict:
    with bank.read() as conn:
        return {
            "items": conn.execute("SELECT uid, version, deleted_at IS NULL, set_uid, "
                                  "set_position FROM items ORDER BY uid").fetchall(),
            "sets": conn.execute("SELECT uid, deleted_at IS NULL FROM item_sets ORDER BY uid"
                                 ).fetchall(),
            "fts": conn.execute("SELECT rowid FROM items_fts ORDER BY rowid").fetchall(),
            "documents": conn.execute("SELECT uid, deleted_at IS NULL FROM documents ORDER BY "
                                      "uid").fetchall()}


@pytest.mark.parametrize("path", SHIPPED, ids=os.path.basename)
def test_reimporting_a_shipped_bank_changes_nothing(run_cli, data_dir, path):
    code, _out, err = run_cli("bank", "import", path)
    assert code == 0, err
    bank = Bank.open_in(data_dir)
    try:
        before = _live_state(bank)
    finally:
        bank.close()
    code, out, err = run_cli("bank", "import", path, "--json")
    assert code == 0, err
    assert out["imported"] == 0 and out["updated"] == 0
    bank = Bank.open_in(data_dir)
    try:
        assert _live_state(bank) == before
        assert bank.stats()["deleted"] == 0
        # the next new item gets an id the search index has not used (was IntegrityError)
        bank.save_item(make_sba("A brand-new question after the re-import?"))
    finally:
        bank.close()
    report = check_data_folder(data_dir)
    assert report.ok, report.lines()


def test_unchanged_set_member_keeps_its_id_and_stays_live(bank):
    case = make_case_set()
    bank.save_set(case)
    ids = [m.id for m in case.items]
    again = make_case_set()
    for new, old in zip(again.items, case.items):
        new.uid = old.uid
    again.uid = case.uid
    again.attach()
    bank.save_set(again)
    assert [m.id for m in again.items] == ids
    assert [m.id for m in bank.get_set(case.uid).items] == ids


def _damage_like_the_old_reimport(data_dir: str) -> tuple[str, list[int]]:
    """What the old re-import did: every member of a set in the trash, its search rows
    written again under fresh rowids (the set itself live)."""
    bank = Bank.open_in(data_dir)
    case = make_case_set()
    bank.save_set(case)
    bank.save_item(make_sba("A lone question about aspirin?"))
    ids = [m.id for m in case.items]
    bank.close()
    conn = sqlite3.connect(os.path.join(data_dir, "bank.sqlite"), isolation_level=None)
    conn.execute("UPDATE items SET deleted_at = ? WHERE set_uid = ?", (time.time(), case.uid))
    conn.execute("INSERT INTO items_fts(rowid, stem, options, explanation, tags, facets) "
                 "SELECT NULL, stem, options, explanation, tags, facets FROM items_fts "
                 "WHERE rowid IN (?, ?)", ids)
    conn.close()
    return case.uid, ids


def test_new_item_in_an_out_of_step_bank_is_a_typed_error(data_dir, run_cli):
    _damage_like_the_old_reimport(data_dir)
    bank = Bank.open_in(data_dir)
    try:
        with pytest.raises(BankCorruptError, match="check --repair"):
            bank.save_item(make_sba("Which one is new here?"))
    finally:
        bank.close()


def test_check_repair_restores_trashed_set_members_and_the_index(data_dir, run_cli):
    set_uid, ids = _damage_like_the_old_reimport(data_dir)
    code, out, _ = run_cli("bank", "check")
    assert code == 1 and "in the trash" in out and "search index" in out
    report = repair_data_folder(data_dir)
    assert report.after.ok, report.after.lines()
    assert any("out of the trash" in a for a in report.actions)
    bank = Bank.open_in(data_dir)
    try:
        assert [m.id for m in bank.get_set(set_uid).items] == ids
        assert bank.stats()["deleted"] == 0
        bank.save_item(make_sba("Which one is new here?"))
        assert len(bank.search("aspirin")) >= 1
    finally:
        bank.close()
    assert run_cli("bank", "check")[0] == 0


# ------------------------------------------------------------------ many processes, one folder

def _cli(data_dir: str, *args) -> "subprocess.CompletedProcess":
    import subprocess
    import sys
    env = {**os.environ, "PYTHONPATH": REPO, "EDUAPP_DATA_DIR": data_dir}
    return subprocess.run([sys.executable, "-m", "eduapp.cli", "--data-dir", data_dir,
                           *map(str, args)], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120)


def test_the_app_and_commands_share_a_data_folder(data_dir):
    """The app keeps the bank open and writes; meanwhile it checks the file and backs up
    (as the app does in the background) and commands run in other processes. Its WAL must
    stay the one on disk and every process must see every change."""
    from eduapp.bank import check, create_backup
    from eduapp.workspace import Workspace
    from eduapp.bank.check import check_data_folder as check_folder
    ws = Workspace(data_dir)
    try:
        bank = ws.bank
        bank.save_item(make_sba("Which drug is written by the open app?"))
        wal = os.path.join(data_dir, "bank.sqlite-wal")
        inode = os.stat(wal).st_ino
        # what the app does in the background while open
        assert check.quick_check(bank.path) is None
        assert check_folder(data_dir).ok
        create_backup(data_dir, "manual")
        extra = Bank.open_in(data_dir)
        extra.close()
        path = os.path.join(REPO, "question_banks", "starter_en.json")
        for args in (("bank", "stats"), ("bank", "check"), ("bank", "import", path),
                     ("bank", "set-status", "reviewed", "1"), ("bank", "backup"),
                     ("bank", "stats")):
            done = _cli(data_dir, *args)
            assert done.returncode == 0, (args, done.stderr)
            assert os.path.exists(wal) and os.stat(wal).st_ino == inode, args
        tool = __import__("shutil").which("sqlite3")
        if tool:  # the sqlite3 tool, too
            import subprocess
            subprocess.run([tool, bank.path, "SELECT COUNT(*) FROM items"], check=True,
                           capture_output=True, timeout=30)
            assert os.path.exists(wal) and os.stat(wal).st_ino == inode
        # the app sees what the commands did, and writes again
        assert bank.stats()["items"] == 1 + 42
        assert bank.get_item(1).status == "reviewed"
        late = bank.save_item(make_sba("Which drug is written after the commands ran?"))
        assert os.stat(wal).st_ino == inode
        done = _cli(data_dir, "bank", "search", "after the commands ran", "--json")
        assert done.returncode == 0
        assert [i["id"] for i in json.loads(done.stdout)["items"]] == [late.id]
    finally:
        ws.close()
    done = _cli(data_dir, "bank", "check")
    assert done.returncode == 0, done.stdout + done.stderr


def test_repair_and_restore_refuse_while_another_process_has_the_bank_open(data_dir):
    from eduapp.bank import create_backup
    from eduapp.bank.restore import restore_backup
    from eduapp.errors import BankBusyError
    from eduapp.storage import in_use_elsewhere
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba())
    create_backup(data_dir, "manual")
    bank.close()
    import subprocess
    import sys
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT COUNT(*) FROM items').fetchone(); sys.stdin.read()",
         os.path.join(data_dir, "bank.sqlite")], stdin=subprocess.PIPE, cwd=REPO)
    try:
        deadline = time.time() + 20
        while not in_use_elsewhere(os.path.join(data_dir, "bank.sqlite")):
            assert time.time() < deadline
            time.sleep(0.05)
        with pytest.raises(BankBusyError, match="open in another EduApp"):
            restore_backup(data_dir, "latest")
        done = _cli(data_dir, "bank", "restore", "latest")
        assert done.returncode == 3 and "open in another EduApp" in done.stderr
    finally:
        holder.communicate(b"", timeout=20)
    assert not in_use_elsewhere(os.path.join(data_dir, "bank.sqlite"))
    restore_backup(data_dir, "latest")


# ------------------------------------------------------------------ a lost bank, a read-only folder

def test_an_empty_or_missing_bank_with_backups_is_refused_not_started_anew(run_cli, data_dir):
    from eduapp.errors import BankMissingError
    path = os.path.join(REPO, "question_banks", "starter_en.json")
    assert run_cli("bank", "import", path)[0] == 0
    assert run_cli("bank", "backup")[0] == 0
    bank_file = os.path.join(data_dir, "bank.sqlite")
    for name in os.listdir(data_dir):
        if name.startswith("bank.sqlite"):
            os.remove(os.path.join(data_dir, name))
    open(bank_file, "wb").close()  # 0 bytes, as after a crashed copy
    for args in (("bank", "stats"), ("bank", "import", path)):
        code, _out, err = run_cli(*args)
        assert code == 3 and "empty (0 bytes)" in err and "bank restore latest" in err, err
    assert os.path.getsize(bank_file) == 0  # nothing was written into it
    code, out, err = run_cli("bank", "check")
    assert code == 3, out + err
    os.remove(bank_file)
    code, _out, err = run_cli("bank", "stats")
    assert code == 3 and "is missing" in err
    with pytest.raises(BankMissingError):
        Bank.open_in(data_dir)
    Bank.open_in(data_dir, allow_new=True).close()  # the user chose to start empty
    os.remove(bank_file)
    assert run_cli("bank", "restore", "latest")[0] == 0
    code, out, _ = run_cli("bank", "stats", "--json")
    assert code == 0 and out["items"] == 42


def test_a_fresh_folder_still_starts_an_empty_bank(run_cli):
    code, out, _ = run_cli("bank", "stats", "--json")
    assert code == 0 and out["items"] == 0


def test_every_command_on_a_read_only_folder_says_one_sentence(tmp_path):
    from tests.test_bad_conditions import _cli as cli
    import subprocess
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        data = str(mnt / "data")
        assert cli(data, "bank", "import", os.path.join(REPO, "question_banks",
                                                        "starter_en.json"))[0] == 0
        assert cli(data, "bank", "backup")[0] == 0
        if subprocess.run(["mount", "-o", "remount,ro", str(mnt)],
                          capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        out_dir = tmp_path / "exam"
        expect = {("bank", "backup"): 3, ("bank", "restore", "latest"): 3,
                  ("bank", "backups"): 0, ("bank", "check"): 0, ("bank", "stats"): 0,
                  ("bank", "set-status", "reviewed", "1"): 3,
                  ("generate", "aig", "en-acid-base", "--count", "2", "--seed", "1"): 3,
                  ("exam", "build", "--query", "asthma", "--count", "1", "--out",
                   str(out_dir)): 0}
        for args, want in expect.items():
            code, out, err = cli(data, *args)
            assert code == want, (args, out, err)
            assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, (args, err)
            if want == 3:
                assert "read-only" in err, (args, err)
        # the exam's PDFs were printed, and the user is told it was not recorded
        assert sorted(os.listdir(out_dir)) == ["key_A.pdf", "manifest.json", "paper_A.pdf",
                                               "sheet_A.pdf", "teacher.pdf"]
        assert "not recorded" in out and json.load(open(out_dir / "manifest.json"))[
            "exam_id"] is None
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_check_of_a_bank_from_a_newer_eduapp_exits_3(run_cli, data_dir):
    Bank.open_in(data_dir).close()
    conn = sqlite3.connect(os.path.join(data_dir, "bank.sqlite"), isolation_level=None)
    conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (99, 0)")
    conn.close()
    for args in (("bank", "check"), ("bank", "check", "--repair")):
        code, out, err = run_cli(*args)
        assert code == 3 and "newer EduApp" in out, (args, out, err)


def test_set_status_applies_to_the_ids_found_and_reports_the_rest(run_cli, data_dir):
    bank = Bank.open_in(data_dir)
    a = bank.save_item(make_sba("First question?"))
    b = bank.save_item(make_sba("Second question?"))
    bank.close()
    code, out, _ = run_cli("bank", "set-status", "reviewed", a.id, 9999, b.id)
    assert code == 1 and "2 item(s) set to reviewed" in out and "9999" in out
    code, out, _ = run_cli("bank", "set-status", "retired", a.id, 9999, "--json")
    assert code == 1 and out["changed"] == 1 and out["missing"] == [9999]
    code, _out, err = run_cli("bank", "set-status", "draft", 9998, 9999)
    assert code == 3 and "9998, 9999" in err
    bank = Bank.open_in(data_dir)
    try:
        assert [bank.get_item(i).status for i in (a.id, b.id)] == ["retired", "reviewed"]
    finally:
        bank.close()


# ------------------------------------------------------------------ users' text files

def _zh_blueprint() -> str:
    return json.dumps({"format": "eduapp-blueprint", "version": 1, "title": "内科期末考试",
                       "language": "zh", "rows": [{"system": "cardiology", "count": 1}]},
                      ensure_ascii=False)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16"])
def test_exam_blueprint_in_any_usual_encoding_builds(run_cli, tmp_path, encoding):
    path = os.path.join(REPO, "question_banks", "starter_zh.json")
    assert run_cli("bank", "import", path)[0] == 0
    blueprint = tmp_path / "blueprint.json"
    blueprint.write_bytes(_zh_blueprint().encode(encoding))
    code, out, err = run_cli("exam", "build", "--blueprint", blueprint, "--out",
                             tmp_path / "out", "--json")
    assert code == 0, err
    assert out["title"] == "内科期末考试"


@pytest.mark.parametrize("content", [os.urandom(0) + bytes(range(256)) * 8,
                                     b"\x81\x30\x81\x30\xff\xfe\xfd" * 50, b""])
def test_a_garbage_blueprint_is_one_sentence_exit_3(run_cli, tmp_path, content):
    blueprint = tmp_path / "garbage.json"
    blueprint.write_bytes(content)
    code, _out, err = run_cli("exam", "build", "--blueprint", blueprint, "--out",
                              tmp_path / "out")
    assert code == 3 and "blueprint" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
    assert not os.path.exists(tmp_path / "out")


def test_every_users_text_file_is_read_through_one_decoder(tmp_path):
    """Scripts, item models, knowledge tables, class lists, settings and case scripts in
    GBK or UTF-16 read as in UTF-8."""
    from eduapp.authoring.aig.catalog import load_file
    from eduapp.config import Settings
    from eduapp.marking.classlist import read_class_list
    from eduapp.textfiles import read_text
    text = "姓名,准考证号\n李明,20240001\n"
    for encoding in ("gbk", "utf-16", "utf-8-sig"):
        path = tmp_path / f"list-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        assert read_text(str(path)) == text
        assert read_class_list(str(path))[0]["name"] == "李明"
        (tmp_path / "settings.json").write_bytes(
            json.dumps({"institution": "北京协和医学院"}, ensure_ascii=False).encode(encoding))
        assert Settings.load(str(tmp_path)).institution == "北京协和医学院"
        table = tmp_path / f"table-{encoding}.md"
        table.write_bytes(("# 抗菌药物\n\n| 药物 | 类别 |\n|---|---|\n| 青霉素 | β-内酰胺类 |\n"
                           "| 红霉素 | 大环内酯类 |\n| 庆大霉素 | 氨基糖苷类 |\n"
                           "| 环丙沙星 | 喹诺酮类 |\n").encode(encoding))
        assert load_file(str(table))
    model = os.path.join(REPO, "question_banks", "item_models", "en-acid-base.json")
    gbk_model = tmp_path / "model.json"
    gbk_model.write_bytes(open(model, encoding="utf-8").read().encode("utf-16"))
    assert load_file(str(gbk_model))


def test_a_gbk_vp_script_plays(run_cli, tmp_path):
    case = os.path.join(REPO, "question_banks", "cases", "abdominal_pain_zh.json")
    assert run_cli("vp", "import", case)[0] == 0
    case_id = json.load(open(case, encoding="utf-8"))["id"]
    script = tmp_path / "script.txt"
    script.write_bytes("哪里痛？\n有没有发热？\n".encode("gbk"))
    code, out, err = run_cli("vp", "play", case_id, "--script", script)
    assert code in (0, 1) and "codec" not in err, err


def test_a_full_disk_in_a_multi_file_import_says_what_was_imported(tmp_path):
    from tests.test_bad_conditions import _cli as cli, _fill_disk, _items_file
    import subprocess
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        data = str(mnt / "data")
        assert cli(data, "bank", "import", _items_file(tmp_path / "first.json", 40,
                                                        "first"))[0] == 0
        assert cli(data, "bank", "backup")[0] == 0
        _fill_disk(str(mnt), leave=96 * 1024)
        small = _items_file(tmp_path / "small.json", 2, "small")
        big = _items_file(tmp_path / "big.json", 1200, "big")
        late = _items_file(tmp_path / "late.json", 1, "late")
        code, out, err = cli(data, "bank", "import", small, big, late)
        assert code == 3 and "disk is full" in err, err
        assert "small.json (2)" in err and "Not imported: big.json, late.json" in err
        code, out, err = cli(data, "bank", "stats", "--json")
        assert json.loads(out)["items"] == 42
        strays = [n for n in os.listdir(data) if n.endswith(".part")]
        assert strays == []
        os.remove(mnt / "filler.bin")
        assert cli(data, "bank", "check")[0] == 0
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_failed_verified_stamp_leaves_no_part_file(bank, monkeypatch):
    import errno
    from eduapp.bank import check
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(check.json, "dump", full)
    check.stamp_verified(bank.path)
    folder = os.path.dirname(bank.path)
    assert [n for n in os.listdir(folder) if n.endswith(".part")] == []


def test_a_constraint_failure_in_a_command_is_one_sentence_exit_3(data_dir, run_cli):
    _damage_like_the_old_reimport(data_dir)
    code, _out, err = run_cli("generate", "aig", "en-acid-base", "--count", "3", "--seed", "1")
    assert code == 3 and "check --repair" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
