"""``eduapp bank backup|backups|restore|check``: backups of the data folder, and the check
and repair of its databases (:mod:`eduapp.bank.backup`, :mod:`eduapp.bank.restore`,
:mod:`eduapp.bank.check`).

None of these opens the bank through :class:`~eduapp.bank.Bank`: they must work on a bank
that is damaged, and a restore or a repair replaces the files.
"""

from __future__ import annotations

import datetime as _dt

from ..bank import backup, check, repair, restore
from ..files import human_size

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 3


def _when(t: float) -> str:
    return _dt.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")


def run_backup(args, ctx) -> int:
    """Back up the data folder now; exit 1 when a database in it failed its check."""
    info = backup.create_backup(ctx.data_dir, "manual")
    lines = [f"backup written: {info.path}",
             f"  {human_size(info.size)}, {info.items if info.items is not None else 'no'} items, "
             f"files: {', '.join(info.files) or 'none'}"]
    if not info.good:
        lines.append("warning: a database in this backup failed its check; run "
                     "`eduapp bank check --repair`")
    ctx.emit({"backup": info.to_dict()}, lines)
    return EXIT_OK if info.good else EXIT_REJECTED


def run_backups(args, ctx) -> int:
    """List the backups, newest first: date, size, item count, why, name."""
    found = backup.list_backups(ctx.data_dir)
    lines = [f"{_when(b.created_at)}  {human_size(b.size):>9}  "
             f"{(str(b.items) if b.items is not None else '-'):>7} items  {b.reason:<9} "
             f"{'' if b.good else '[' + b.check + '] '}{b.name}" for b in found]
    ctx.emit({"folder": backup.backup_dir(ctx.data_dir),
              "backups": [b.to_dict() for b in found]},
             lines or [f"no backups yet in {backup.backup_dir(ctx.data_dir)}"])
    return EXIT_OK


def run_restore(args, ctx) -> int:
    """Put a backup back; the current files are kept aside first, never deleted."""
    result = restore.restore_backup(ctx.data_dir, args.backup)
    lines = [f"restored {result.backup.name} ({_when(result.backup.created_at)}, "
             f"{result.backup.items if result.backup.items is not None else 'no'} items)"]
    if result.kept_aside:
        lines.append(f"the files it replaced are kept in {result.kept_aside}")
    ctx.emit(result.to_dict(), lines)
    return EXIT_OK


def run_check(args, ctx) -> int:
    """Check the data folder's databases; ``--repair`` fixes what can be fixed.

    Exit 0: no problem; 1: problems found (and repaired with ``--repair``); 3: the bank
    cannot be opened (and could not be recovered).
    """
    report = check.check_data_folder(ctx.data_dir)
    payload = report.to_dict()
    lines = report.lines()
    repaired = None
    if args.repair and not report.ok:
        repaired = repair.repair_data_folder(ctx.data_dir, report)
        lines += repaired.lines()
    payload["repair"] = repaired.to_dict() if repaired else None
    ctx.emit(payload, lines)
    if report.ok:
        return EXIT_OK
    final = repaired.after if repaired else report
    return EXIT_FAILED if final.unreadable else EXIT_REJECTED
