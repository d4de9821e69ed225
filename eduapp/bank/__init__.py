"""The SQLite item bank: items, item sets, versions, media, documents, FTS5 search.

``Bank(path)`` opens or creates a bank; see :mod:`eduapp.bank.repository`. Search text is
prepared by :mod:`eduapp.bank.textindex` (English stemming, Chinese bigrams).
"""

from .notes import NOTE_TEXT, describe_note
from .repository import (TABLE_COLUMNS, Bank, ImportSummary, ItemFilter, ItemVersion,
                         TrashEntry)
from .schema import SCHEMA_VERSION
from .textindex import index_text, match_expression

__all__ = ["TrashEntry", "describe_note", "NOTE_TEXT", "Bank", "ItemFilter", "ImportSummary", "ItemVersion", "TABLE_COLUMNS",
           "SCHEMA_VERSION", "index_text", "match_expression"]
