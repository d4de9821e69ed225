"""The laboratory reference-values panel students open beside a practice question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)


class LabPanel(QWidget):
    """Laboratory reference values (:mod:`eduapp.practice.labvalues`): a filter box and a
    table of analyte (its unit on a second line), adult range in SI units (NBME list) and
    the Chinese textbook range, with names in the interface language."""

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        from ..practice.labvalues import GROUPS
        self.language = language
        self.groups = GROUPS
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Lab values (adult reference ranges)"))
        title.setObjectName("sectionTitle")
        v.addWidget(title)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a test, e.g. potassium"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.fill)
        v.addWidget(self.filter)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Test (unit)"), self.tr("Range (SI)"),
                                              self.tr("Range (CN)")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setTextElideMode(Qt.ElideNone)
        for c, width in ((1, 92), (2, 92)):  # long names and ranges wrap
            header.setSectionResizeMode(c, QHeaderView.Fixed)
            self.table.setColumnWidth(c, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        v.addWidget(self.table, 1)
        source = QLabel(self.tr("Sources: NBME laboratory values (USMLE), converted to SI; "
                                "Diagnostics (9th edition, People's Medical Publishing "
                                "House). Each laboratory sets its own ranges."))
        source.setWordWrap(True)
        source.setObjectName("hint")
        v.addWidget(source)
        self.fill()

    def fill(self, _text: str = "") -> None:
        """Show the values matching the filter, a group heading before each group."""
        from ..practice.labvalues import lab_values
        rows = lab_values(self.filter.text())
        zh = self.language == "zh"
        self.table.setRowCount(0)
        group = None
        for v in rows:
            if v.group != group:
                group = v.group
                r = self.table.rowCount()
                self.table.insertRow(r)
                head = QTableWidgetItem(self.groups[group][1 if zh else 0])
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                self.table.setItem(r, 0, head)
                self.table.setSpan(r, 0, 1, 3)
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = v.name(self.language) + (f"\n{v.unit}" if v.unit else "")
            for c, text in enumerate((name, v.si.replace("; ", "\n"),
                                      (v.cn or "–").replace("; ", "\n"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if zh:  # a line mixing CJK and Latin text is taller than Qt reckons: room for it
            for r in range(self.table.rowCount()):
                self.table.setRowHeight(r, self.table.rowHeight(r) + 8)


__all__ = ["LabPanel"]
