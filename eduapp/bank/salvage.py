"""Reading what SQLite can still read out of a damaged database file into a new file,
and adding back the rows a backup holds that the new file lacks.

:func:`recover_rows` tries the ``sqlite3`` tool's ``.recover`` first (when the installed
build supports it), else copies row by row in Python, halving any read that hits a damaged
page so that one bad page costs only its own rows. :func:`merge_from` then adds back what
a backup's copy holds. Used by :mod:`eduapp.bank.repair`; any thread, on closed files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess

from ..config import BANK_FILE


def recover_rows(path: str, dst: str, template: str | None, name: str) -> bool:
    """Recover what SQLite can still read of the damaged database ``path`` into a new
    file ``dst`` (``path`` is only read, through a scratch copy).

    :param template: a good copy of the same database (from a backup), or ``None``: its
        schema serves when the damaged file's cannot be read.
    :param name: the file's name in the data folder (``bank.sqlite`` ...): the bank
        counts as recovered only with its items and schema-version tables.
    :returns: whether ``dst`` now holds a usable database.
    """
    with _scratch(dst + ".source") as source:
        _readable_copy(path, source)
        for attempt in (_recover_cli, _salvage_python):
            for p in (dst, dst + "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(p)
            if attempt(source, dst, template) and _usable(dst, name):
                return True
    return False


_RECOVER_WORKS: dict[str, bool] = {}


def _has_recover(tool: str) -> bool:
    """Whether ``tool .recover`` works: it needs SQLite's ``sqlite_dbpage`` table, which
    some builds leave out (Debian 12's ``sqlite3`` prints "SQL logic error"). Probed once
    on a tiny database."""
    if tool not in _RECOVER_WORKS:
        import tempfile
        with tempfile.TemporaryDirectory() as work:
            probe = os.path.join(work, "probe.sqlite")
            c = sqlite3.connect(probe)
            c.execute("CREATE TABLE t(x)")
            c.execute("INSERT INTO t VALUES ('eduapp')")
            c.commit()
            c.close()
            try:
                done = subprocess.run([tool, probe, ".recover"], capture_output=True,
                                      text=True, timeout=20)
                _RECOVER_WORKS[tool] = done.returncode == 0 and "eduapp" in done.stdout
            except (OSError, subprocess.SubprocessError):
                _RECOVER_WORKS[tool] = False
    return _RECOVER_WORKS[tool]


def _usable(path: str, name: str) -> bool:
    """Whether a recovered file holds the tables that matter (the bank's items and schema
    version; any table for other databases)."""
    try:
        c = sqlite3.connect(path)
        try:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE "
                                              "type = 'table'")}
        finally:
            c.close()
    except sqlite3.DatabaseError:
        return False
    return {"items", "schema_version"} <= tables if name == BANK_FILE else bool(tables)


def _recover_cli(src: str, dst: str, _template: str | None = None) -> bool:
    """``sqlite3 SRC .recover --ignore-freelist | sqlite3 DST`` (the freelist holds what
    was deleted on purpose: it stays deleted)."""
    tool = shutil.which("sqlite3")
    if not tool or not _has_recover(tool):
        return False
    with open(os.devnull, "wb") as null:
        reader = subprocess.Popen([tool, src, ".recover --ignore-freelist"],
                                  stdout=subprocess.PIPE, stderr=null)
        writer = subprocess.run([tool, dst], stdin=reader.stdout, capture_output=True)
        reader.stdout.close()
        reader.wait()
    return writer.returncode == 0 and os.path.exists(dst)


def _readable_copy(src: str, dst: str) -> str:
    """A copy of ``src`` at ``dst`` whose header's page count is cut to the pages really
    in the file (a truncated file otherwise fails before its schema can be read)."""
    import struct
    shutil.copyfile(src, dst)
    with open(dst, "r+b") as fh:
        header = fh.read(100)
        if len(header) < 100:
            return dst
        page = struct.unpack(">H", header[16:18])[0]
        page = 65536 if page == 1 else page
        pages = os.path.getsize(dst) // page if page else 0
        if page and struct.unpack(">I", header[28:32])[0] > pages:
            fh.seek(28)
            fh.write(struct.pack(">I", pages))
    return dst


def _salvage_python(src: str, dst: str, template: str | None) -> bool:
    """Copy every row SQLite can still read from ``src`` into a new ``dst``: the schema
    from ``src`` (else from ``template``), rows by rowid ranges, halving a range that hits
    a damaged page down to single rows, so one bad page costs only its own rows."""
    schema_rows = None
    for source in (src, template):
        if not source:
            continue
        try:
            c = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                schema_rows = c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                        "WHERE sql IS NOT NULL").fetchall()
            finally:
                c.close()
            break
        except sqlite3.DatabaseError:
            continue
    if not schema_rows:
        return False
    virtual = [n for t, n, _tb, sql in schema_rows if sql.upper().startswith("CREATE VIRTUAL")]
    out = sqlite3.connect(dst, isolation_level=None)
    try:
        srcc = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        srcc.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        srcc = None  # not even the schema can be read: nothing to salvage
        out.close()
        return False
    try:
        out.execute("BEGIN")
        tables = []
        for kind, name, _tbl, sql in schema_rows:
            if kind != "table" or name.startswith("sqlite_") or \
                    any(name.startswith(v + "_") for v in virtual):
                continue
            out.execute(sql)
            if not sql.upper().startswith("CREATE VIRTUAL"):
                tables.append((name, "WITHOUT ROWID" not in sql.upper()))
        for name, has_rowid in tables:
            if srcc is not None:
                _copy_rows(srcc, out, name, has_rowid)
        for kind, name, _tbl, sql in schema_rows:
            if kind in ("index", "trigger", "view"):
                with contextlib.suppress(sqlite3.DatabaseError):
                    out.execute(sql)
        out.execute("COMMIT")
    finally:
        out.close()
        if srcc is not None:
            srcc.close()
    return True


def _copy_rows(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
               has_rowid: bool) -> None:
    try:
        cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        cols = []
    cols = cols or [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
    if not cols:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(cols))})'
    if not has_rowid:
        with contextlib.suppress(sqlite3.DatabaseError):
            dst.executemany(insert, src.execute(f'SELECT {names} FROM "{table}"').fetchall())
        return
    try:
        top = src.execute(f'SELECT MAX(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = None  # the right edge of the table is damaged: walk until rows stop

    def copy(lo: int, hi: int) -> int:
        try:
            rows = src.execute(f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?',
                               (lo, hi)).fetchall()
        except sqlite3.DatabaseError:
            if lo == hi:
                return 0
            mid = (lo + hi) // 2
            return copy(lo, mid) + copy(mid + 1, hi)
        dst.executemany(insert, rows)
        return len(rows)

    step, lo, idle = 512, 0, 0
    while (top is None and idle < 64) or (top is not None and lo <= top):
        idle = 0 if copy(lo, lo + step - 1) else idle + 1
        lo += step


def merge_from(dst: sqlite3.Connection, backup_path: str) -> dict[str, int]:
    """Add every row of the backup's tables that ``dst`` lacks (matched by primary key or
    unique column; rows ``dst`` has win). :returns: rows added per table."""
    dst.execute("ATTACH DATABASE ? AS bk", (backup_path,))  # a temporary copy
    added = {}
    try:
        ours = {r[0]: r[1] for r in dst.execute("SELECT name, sql FROM main.sqlite_master "
                                                "WHERE type = 'table'")}
        theirs = {r[0] for r in dst.execute("SELECT name FROM bk.sqlite_master WHERE "
                                            "type = 'table'")}
        virtual = [n for n, sql in ours.items() if (sql or "").upper().startswith("CREATE VIRTUAL")]
        dst.execute("BEGIN")
        for name in sorted(ours):
            if name not in theirs or name.startswith("sqlite_") or name in virtual or \
                    name == "lost_and_found" or any(name.startswith(v + "_") for v in virtual):
                continue
            a = [r[1] for r in dst.execute(f'PRAGMA main.table_info("{name}")')]
            b = {r[1] for r in dst.execute(f'PRAGMA bk.table_info("{name}")')}
            cols = ", ".join(f'"{c}"' for c in a if c in b)
            n = dst.execute(f'INSERT OR IGNORE INTO main."{name}" ({cols}) SELECT {cols} '
                            f'FROM bk."{name}"').rowcount
            if n > 0:
                added[name] = n
        dst.execute("COMMIT")
    finally:
        dst.execute("DETACH DATABASE bk")
    return added


@contextlib.contextmanager
def _scratch(path: str):
    """Yield ``path`` and delete it (and its journal files) afterwards."""
    try:
        yield path
    finally:
        for p in (path, path + "-journal", path + "-wal", path + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(p)
