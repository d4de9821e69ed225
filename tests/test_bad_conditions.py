"""Bad conditions: a full disk during an import, an export and a backup (a small tmpfs
mounted for the test); a data folder on a read-only medium; several EduApp processes
writing to one data folder at once."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from eduapp.bank import Bank
from eduapp.bank import backup as B
from eduapp.cli import main as cli_main
from tests.conftest import REPO, make_sba



@pytest.fixture
def small_fs(tmp_path):
    """A 4 MiB tmpfs (root only; skipped where mounting is not permitted)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here: "
                    + done.stderr.decode(errors="replace").strip())
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _items_file(path, n: int, word: str = "bulk") -> str:
    items = [{"uid": f"{word}-{i}", "type": "sba", "language": "en", "status": "approved",
              "stem": f"{word} question {i}: " + "which finding best explains the murmur? " * 8,
              "options": [{"text": f"option {k} " * 6, "correct": k == 0} for k in range(5)],
              "explanation": "because " * 40} for i in range(n)]
    path.write_text(json.dumps({"format": "eduapp-json", "version": 1, "items": items}))
    return str(path)


def _fill_disk(folder: str, leave: int) -> None:
    """Write a filler file until only about ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with open(os.path.join(folder, "filler.bin"), "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def _cli(data_dir, *args):
    """``eduapp --data-dir DATA ARGS`` in this process: ``(exit code, stdout, stderr)``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(["--data-dir", data_dir, *args])
    return code, out.getvalue(), err.getvalue()


def _integrity(path: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_full_disk_changes_nothing_and_says_so(small_fs, tmp_path):
    data = str(small_fs / "data")
    rc, _, err = _cli(data, "bank", "import", _items_file(tmp_path / "first.json", 40, "first"))
    assert rc == 0, err
    rc, out, err = _cli(data, "bank", "backup", "--json")
    assert rc == 0, err
    first_backup = json.loads(out)["backup"]["name"]
    _fill_disk(str(small_fs), leave=96 * 1024)

    # an import that does not fit
    rc, out, err = _cli(data, "bank", "import", _items_file(tmp_path / "big.json", 1200))
    assert rc == 3 and "disk is full" in err and "nothing" in err, err
    assert "backup" not in err  # the import itself hit the full disk, and rolled back
    rc, out, err = _cli(data, "bank", "stats", "--json")
    assert rc == 0 and json.loads(out)["items"] == 40
    assert _integrity(os.path.join(data, "bank.sqlite")) == "ok"

    # an export that does not fit: no half-written file
    out_path = str(small_fs / "export.json")
    rc, out, err = _cli(data, "bank", "export", "--format", "eduapp-json", "--out", out_path)
    if rc == 0:  # it fitted after all: it is complete
        assert len(json.load(open(out_path))["items"]) == 40
    else:
        assert rc == 3 and ("No space" in err or "disk is full" in err)
        assert not os.path.exists(out_path)
        assert not [f for f in os.listdir(small_fs) if f.startswith(".eduapp-")]

    # a backup that does not fit: no partial file, the older backup intact
    rc, out, err = _cli(data, "bank", "backup")
    if rc != 0:
        assert rc == 3 and "disk is full" in err
    names = sorted(os.listdir(os.path.join(data, "backups")))
    assert not [n for n in names if n.startswith(".tmp-")]
    assert first_backup in names
    rc, out, err = _cli(data, "bank", "check")
    assert rc == 0, out + err
    os.remove(str(small_fs / "filler.bin"))
    rc, out, err = _cli(data, "bank", "restore", first_backup, "--json")
    assert rc == 0 and json.loads(out)["backup"]["items"] == 40


def test_a_read_only_data_folder_opens_read_only_and_says_so(small_fs, tmp_path):
    data = str(small_fs / "data")
    rc, _, err = _cli(data, "bank", "import", _items_file(tmp_path / "a.json", 20, "murmur"))
    assert rc == 0, err
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot remount read-only here")
    rc, out, err = _cli(data, "bank", "stats", "--json")
    assert rc == 0 and json.loads(out)["items"] == 20 and json.loads(out)["read_only"]
    rc, out, err = _cli(data, "bank", "stats")
    assert rc == 0 and "read-only" in out
    rc, out, err = _cli(data, "bank", "search", "murmur", "--json")
    assert rc == 0 and len(json.loads(out)["items"]) == 20
    rc, out, err = _cli(data, "bank", "export", "--format", "gift", "--out",
                        str(tmp_path / "out.gift"))
    assert rc == 0 and os.path.getsize(tmp_path / "out.gift") > 0
    rc, out, err = _cli(data, "bank", "import", _items_file(tmp_path / "b.json", 2, "new"))
    assert rc == 3 and "read-only" in err
    rc, out, err = _cli(data, "bank", "set-status", "draft", "1", "2")
    assert rc == 3 and "read-only" in err
    rc, out, err = _cli(data, "bank", "check")
    assert rc == 0
    bank = Bank.open_in(data)
    assert bank.read_only and bank.count() == 20
    bank.close()


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from eduapp.bank import Bank
    from tests.conftest import make_sba
    bank = Bank.open_in(sys.argv[2])
    for i in range(int(sys.argv[4])):
        bank.save_item(make_sba(f"{sys.argv[3]} concurrent question {i}"))
    bank.close()
""")

BACKER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from eduapp.bank import backup
    for _ in range(3):
        backup.create_backup(sys.argv[2], "manual", prune=False)
""")


def test_several_processes_writing_to_one_folder_never_corrupt_it(data_dir, tmp_path):
    bank = Bank.open_in(data_dir)
    bank.save_item(make_sba("Before everything"))
    bank.close()
    env = dict(os.environ, PYTHONPATH=REPO)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, REPO, data_dir, f"w{k}", "40"],
                              env=env, stderr=subprocess.PIPE) for k in range(3)]
    procs.append(subprocess.Popen([sys.executable, "-c", BACKER, REPO, data_dir], env=env,
                                  stderr=subprocess.PIPE))
    procs.append(subprocess.Popen(
        [sys.executable, "-m", "eduapp.cli", "--data-dir", data_dir, "bank", "import",
         _items_file(tmp_path / "cli.json", 60, "cli")], env=env, stderr=subprocess.PIPE))
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    assert _integrity(os.path.join(data_dir, "bank.sqlite")) == "ok"
    bank = Bank.open_in(data_dir)
    assert bank.count() == 1 + 3 * 40 + 60
    assert len(bank.search("concurrent", limit=500)) == 120
    bank.close()
    backups = B.list_backups(data_dir)
    assert len(backups) >= 3 and all(b.good for b in backups)
    rc, out, err = _cli(data_dir, "bank", "check", "--json")
    assert rc == 0 and json.loads(out)["ok"]
