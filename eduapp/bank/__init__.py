"""The SQLite item bank: items, item sets, versions, media, documents, FTS5 search.

``Bank(path)`` opens or creates a bank; see :mod:`eduapp.bank.repository` (and its parts:
items, versions, media, sets, documents, trash, search, importing). Search text is
prepared by :mod:`eduapp.bank.textindex` (English stemming, Chinese bigrams). Backups of
the data folder are :mod:`eduapp.bank.backup`; checking its databases is
:mod:`eduapp.bank.check` and repairing them :mod:`eduapp.bank.repair`; restoring a backup
is :mod:`eduapp.bank.restore`
(``docs/backups.md``).
"""

from .backup import BackupInfo, auto_backup, create_backup, list_backups
from .check import CheckReport, check_data_folder
from .notes import NOTE_TEXT, describe_note
from .repair import RepairReport, repair_data_folder
from .restore import RestoreResult, restore_backup
from .importing import ImportSummary
from .repository import Bank
from .search import TABLE_COLUMNS, ItemFilter
from .trash import TrashEntry
from .versions import ItemVersion
from .migrations import SCHEMA_VERSION
from .textindex import index_text, match_expression

__all__ = ["Bank", "ItemFilter", "ImportSummary", "ItemVersion", "TrashEntry", "TABLE_COLUMNS",
           "SCHEMA_VERSION", "index_text", "match_expression", "NOTE_TEXT", "describe_note",
           "BackupInfo", "RestoreResult", "auto_backup", "create_backup", "list_backups",
           "restore_backup", "CheckReport", "check_data_folder", "RepairReport",
           "repair_data_folder"]
