"""``RowTable``: an editable table of rows (dicts) with typed columns, Add/Remove buttons
and a "Row check" column that says what is wrong with each row, in red (the case editor's
facts, findings, tests, checklist items, states and rules are each one).

Lists inside a cell are separated by commas (``,`` or ``，``), example questions by ``;``;
a ``map`` cell holds ``key: text`` parts separated by ``|``; ``counters`` are
``name=value`` separated by commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..domain import facet_key

__all__ = ["Column", "RowTable", "split_list", "ERROR", "ERROR_BG", "ID_PATTERN"]

#: Text and background of a problem.
ERROR = QColor("#b91c1c")
ERROR_BG = QColor("#fee2e2")
#: What an id may hold (as :meth:`eduapp.vpatient.CaseScript.problems` checks).
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")
_ERROR, _ERROR_BG = ERROR, ERROR_BG


def split_list(text: str, sep: str = ",") -> list[str]:
    """``"a, b，c"`` -> ``["a", "b", "c"]`` (``sep`` ``;`` also splits on ``；``)."""
    text = text.replace("，", ",").replace("；", ";")
    return [x.strip() for x in text.split(sep) if x.strip()]


def _number(text: str):
    """A float from a cell, ``None`` for an empty cell, else the text itself (the model's
    check then names the field)."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _fmt_number(value) -> str:
    return "" if value is None else (f"{value:g}" if isinstance(value, (int, float))
                                     else str(value))


def _parse_counters(text: str) -> dict:
    out = {}
    for part in split_list(text):
        name, _, value = part.partition("=")
        out[name.strip()] = _number(value) if value.strip() else 1.0
    return out


def _fmt_counters(d: dict) -> str:
    return ", ".join(f"{k}={_fmt_number(v)}" for k, v in (d or {}).items())


def _parse_map(text: str) -> dict:
    out = {}
    for part in text.split("|"):
        if part.strip():
            key, _, value = part.partition(":")
            out[key.strip()] = value.strip()
    return out


def _fmt_map(d: dict) -> str:
    return " | ".join(f"{k}: {v}" for k, v in (d or {}).items())


@dataclass
class Column:
    """One column of a :class:`RowTable`.

    :ivar key: the field of the row dict.
    :ivar kind: ``text``, ``list`` (comma-separated), ``questions`` (``;``-separated),
        ``number``, ``choice`` (a combo of ``choices``), ``counters``, ``map``.
    :ivar choices: ``[(stored value, shown name)]`` for ``choice``.
    :ivar editable: a ``choice`` combo also takes typed values.
    :ivar default: the value of a new row.
    """

    key: str
    header: str
    kind: str = "text"
    choices: list = field(default_factory=list)
    editable: bool = False
    default: object = ""
    width: int = 0


class RowTable(QWidget):
    """A table of rows (dicts) with Add/Remove buttons and a "Check" column.

    :param columns: the :class:`Column` list.
    :param check: ``check(row dict, row index) -> str``: what is wrong with a row ("" when
        nothing); shown in the last column.
    :signal changed: any cell or row changed.
    """

    changed = Signal()

    def __init__(self, columns: list[Column], add_text: str, remove_text: str,
                 check=None, check_header: str = "", parent=None):
        super().__init__(parent)
        self.columns = columns
        self.check = check
        self._loading = False
        self._extra: list[dict] = []
        self._cache: list[dict] | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        n = len(columns) + (1 if check else 0)
        self.table = QTableWidget(0, n)
        self.table.setHorizontalHeaderLabels([c.header for c in columns]
                                             + ([check_header] if check else []))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(90)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for i in range(len(columns)):
            self.fit_column(i)
        self.table.itemChanged.connect(self._cell_changed)
        v.addWidget(self.table, 1)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button = QPushButton(remove_text)
        self.remove_button.clicked.connect(self.remove_current)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        v.addLayout(self.buttons)

    def fit_column(self, i: int) -> None:
        """Widen column ``i`` so its header and, for a choice column, its longest choice
        show whole ("Presenting complaint", not "Presenting co"); never narrower than the
        column's own ``width``. Longer cell texts are elided, their tooltip holds all."""
        c = self.columns[i]
        header = self.table.horizontalHeader()
        width = max(header.sectionSizeHint(i), c.width or (
            80 if c.kind in ("number", "choice") else 160))
        if c.kind == "choice" and c.choices:
            metrics = self.table.fontMetrics()
            widest = max(metrics.horizontalAdvance(shown) for _stored, shown in c.choices)
            width = max(width, widest + 44)  # the combo box's frame and arrow
        self.table.setColumnWidth(i, width)

    # -------------------------------------------------------------- rows

    def set_rows(self, rows: list[dict], check: bool = True) -> None:
        """Show ``rows`` (fields the columns do not show are kept per row); ``check``:
        fill the Check column now (a caller loading several tables checks once at the
        end)."""
        self._loading = True
        try:
            self.table.setRowCount(0)
            self._extra = []
            for r in rows:
                self._insert(r)
        finally:
            self._loading = False
        if check:
            self.recheck()

    def add_row(self, row: dict) -> int:
        """Append a row (defaults for missing fields), select it; :returns: its index."""
        full = {c.key: c.default for c in self.columns}
        full.update(row)
        self._loading = True
        try:
            n = self._insert(full)
        finally:
            self._loading = False
        self.table.setCurrentCell(n, 0)
        self.recheck()
        self.changed.emit()
        return n

    def remove_current(self) -> None:
        """Remove the selected row."""
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self._extra[row]
        self.recheck()
        self.changed.emit()

    def _insert(self, r: dict) -> int:
        n = self.table.rowCount()
        self.table.insertRow(n)
        keys = {c.key for c in self.columns}
        self._extra.append({k: v for k, v in r.items() if k not in keys})
        for col, c in enumerate(self.columns):
            value = r.get(c.key, c.default)
            if c.kind == "choice":
                box = QComboBox()
                box.setEditable(c.editable)
                for stored, shown in c.choices:
                    box.addItem(shown, stored)
                i = box.findData(value)
                if i >= 0:
                    box.setCurrentIndex(i)
                elif c.editable:
                    box.setCurrentText(str(value or ""))
                else:
                    box.addItem(str(value), value)
                    box.setCurrentIndex(box.count() - 1)
                box.setToolTip(box.currentText())
                box.currentTextChanged.connect(box.setToolTip)
                box.currentIndexChanged.connect(self._widget_changed)
                box.currentTextChanged.connect(self._widget_changed)
                self.table.setCellWidget(n, col, box)
            else:
                item = QTableWidgetItem(self._format(c, value))
                item.setToolTip(item.text())
                self.table.setItem(n, col, item)
        if self.check:
            item = QTableWidgetItem("")
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            self.table.setItem(n, len(self.columns), item)
        return n

    @staticmethod
    def _format(c: Column, value) -> str:
        if c.kind == "list":
            return ", ".join(value or [])
        if c.kind == "questions":
            return "; ".join(value or [])
        if c.kind == "number":
            return _fmt_number(value)
        if c.kind == "counters":
            return _fmt_counters(value)
        if c.kind == "map":
            return _fmt_map(value)
        return "" if value is None else str(value)

    def cell_text(self, row: int, key: str) -> str:
        """The text of a cell (a combo's stored value)."""
        col = next(i for i, c in enumerate(self.columns) if c.key == key)
        c = self.columns[col]
        if c.kind == "choice":
            box = self.table.cellWidget(row, col)
            if c.editable:
                text = box.currentText().strip()
                i = box.findText(text)
                if i >= 0:
                    return box.itemData(i)
                return facet_key(text)
            return box.currentData() or ""
        item = self.table.item(row, col)
        return item.text() if item else ""

    def set_cell(self, row: int, key: str, text: str) -> None:
        """Put ``text`` in a (text) cell, as a user's edit."""
        col = next(i for i, c in enumerate(self.columns) if c.key == key)
        self.table.item(row, col).setText(text)

    def row(self, n: int) -> dict:
        """Row ``n`` as a dict of the script's JSON shape."""
        out = dict(self._extra[n])
        for c in self.columns:
            text = self.cell_text(n, c.key)
            if c.kind == "list":
                out[c.key] = split_list(text)
            elif c.kind == "questions":
                out[c.key] = split_list(text, ";")
            elif c.kind == "number":
                value = _number(text)
                if value is None and c.default is not None:
                    value = c.default
                out[c.key] = value
            elif c.kind == "counters":
                out[c.key] = _parse_counters(text)
            elif c.kind == "map":
                out[c.key] = _parse_map(text)
            else:
                out[c.key] = (text or "").strip() if isinstance(text, str) else text
        return out

    def rows(self) -> list[dict]:
        """All rows, in order (read once per check pass while one runs)."""
        if self._cache is not None:
            return self._cache
        return [self.row(n) for n in range(self.table.rowCount())]

    # -------------------------------------------------------------- checks

    def _cell_changed(self, item) -> None:
        if self._loading or (self.check and item.column() == len(self.columns)):
            return
        self._loading = True
        item.setToolTip(item.text())  # long texts are cut in the cell
        self._loading = False
        self.recheck()
        self.changed.emit()

    def _widget_changed(self, *_args) -> None:
        if not self._loading:
            self.recheck()
            self.changed.emit()

    def recheck(self) -> None:
        """Refill the Check column."""
        if not self.check:
            return
        self._loading = True
        self._cache = None
        self._cache = rows = self.rows()
        try:
            for n in range(self.table.rowCount()):
                problem = self.check(rows[n], n)
                item = self.table.item(n, len(self.columns))
                item.setText(problem or "✓")
                item.setToolTip(problem)
                item.setForeground(QBrush(_ERROR if problem else QColor("#15803d")))
                item.setBackground(QBrush(_ERROR_BG) if problem else QBrush())
                for col in range(len(self.columns)):  # the whole row shows it, wherever
                    cell = self.table.item(n, col)     # the table is scrolled to
                    if cell is not None:
                        cell.setBackground(QBrush(_ERROR_BG) if problem else QBrush())
        finally:
            self._loading = False
            self._cache = None

    def problems(self) -> list[tuple[int, str]]:
        """``(row, problem)`` for each row with one."""
        out = []
        if not self.check:
            return out
        self._cache = None
        self._cache = rows = self.rows()
        try:
            for n, row in enumerate(rows):
                p = self.check(row, n)
                if p:
                    out.append((n, p))
        finally:
            self._cache = None
        return out
