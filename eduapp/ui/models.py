"""Qt models over the bank. ``ItemTableModel`` shows any number of items (100,000 and
more) smoothly: it holds only the ordered ids and fetches display rows in blocks, on
demand, as the view scrolls."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import time
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..bank import TABLE_COLUMNS
from ..domain import facet_name, topic_name
from .app import current_language

if TYPE_CHECKING:
    from ..bank import Bank

BLOCK = 200
CACHE_BLOCKS = 50


class ItemTableModel(QAbstractTableModel):
    """Rows are item ids; columns are ID, type, stem, topic, system, exam type, language,
    status, version, updated.

    :param bank: an :class:`eduapp.bank.Bank` (reads only, on the GUI thread: each block
        read is one indexed query of at most 200 rows, well under a frame).
    """

    COLUMNS = ("id", "type", "stem", "topic", "system", "exam_type", "language", "status",
               "version", "updated_at")

    def __init__(self, bank: Bank, parent=None):
        super().__init__(parent)
        self.bank = bank
        self.ids: list[int] = []
        self._blocks: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self._src = {name: TABLE_COLUMNS.index(name) for name in self.COLUMNS}

    def headers(self) -> list[str]:
        """Translated column titles."""
        return [self.tr("ID"), self.tr("Type"), self.tr("Stem"), self.tr("Topic"),
                self.tr("System"), self.tr("Exam type"), self.tr("Language"), self.tr("Status"),
                self.tr("Version"), self.tr("Updated")]

    def labels(self) -> dict[str, str]:
        """Short translated labels for types, statuses and languages (made once)."""
        if not hasattr(self, "_labels"):
            self._labels = {
                "sba": self.tr("SBA"), "multi": self.tr("Multiple"),
                "tf": self.tr("True/false"), "short": self.tr("Short"),
                "matching": self.tr("Matching"), "numerical": self.tr("Numerical"),
                "essay": self.tr("Essay"), "cloze": self.tr("Cloze"),
                "description": self.tr("Text"), "draft": self.tr("Draft"),
                "reviewed": self.tr("Reviewed"), "approved": self.tr("Approved"),
                "retired": self.tr("Retired"), "en": self.tr("EN"), "zh": self.tr("中文")}
        return self._labels

    def set_ids(self, ids: list[int]) -> None:
        """Show exactly these items, in this order."""
        self.beginResetModel()
        self.ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached rows (after edits) and repaint."""
        self._blocks.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.ids) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _row(self, row: int) -> tuple | None:
        block = row // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            ids = self.ids[block * BLOCK:(block + 1) * BLOCK]
            try:
                rows = {r[0]: r for r in self.bank.table_rows(ids)}
            except sqlite3.DatabaseError:  # a damaged page: the rows stay blank; the
                rows = {}                  # background check reports it (ui.safety)
            self._blocks[block] = rows
            if len(self._blocks) > CACHE_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return rows.get(self.ids[row])

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.UserRole:
            return self.ids[index.row()]
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        name = self.COLUMNS[index.column()]
        value = row[self._src[name]]
        if name == "stem":
            text = " ".join((value or "").split())
            if row[self._src_set()] and role == Qt.DisplayRole:
                text = "▣ " + text
            return text if role == Qt.ToolTipRole else text[:160]
        if role == Qt.ToolTipRole:
            return None
        if name in ("type", "status", "language"):
            return self.labels().get(value, value)
        if name == "system":
            return facet_name(value or "", current_language())
        if name == "topic":
            return topic_name(value or "", current_language())
        if name == "updated_at":
            return time.strftime("%Y-%m-%d %H:%M", time.localtime(value)) if value else ""
        return value

    def _src_set(self) -> int:
        return TABLE_COLUMNS.index("set_uid")

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers()[section]
        return None

    def item_id(self, row: int) -> int:
        """The item id shown in ``row`` (zero-based)."""
        return self.ids[row]
