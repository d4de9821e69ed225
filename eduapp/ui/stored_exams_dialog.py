"""The stored exams: pick one to open it again on the Exams page."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from .ops import Op


class StoredExamsDialog(QDialog):
    """List the exams stored in the bank (newest first); Open (or a double click) chooses
    one.

    :param app: the :class:`~eduapp.ui.app.App`.
    :ivar chosen: the id of the chosen exam, or ``None``.
    """

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Stored exams"))
        self.resize(680, 400)
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setHeaderLabels([self.tr("ID"), self.tr("Title"), self.tr("Created"),
                                   self.tr("Language"), self.tr("Questions"),
                                   self.tr("Forms")])
        for col, width in enumerate((50, 260, 130, 70, 80)):
            self.list.setColumnWidth(col, width)
        self.list.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.list.selectedItems())))
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setEnabled(False)
        self.open_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.open_button.clicked.connect(self.open_selected)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        Op(self, lambda ws: ws.stored_exams()).success(self._show).run()

    def _show(self, exams) -> None:
        languages = {"en": self.tr("English"), "zh": self.tr("Chinese")}
        for e in exams:
            row = QTreeWidgetItem([str(e.id), e.title,
                                   time.strftime("%Y-%m-%d %H:%M", time.localtime(e.created_at)),
                                   languages.get(e.language, e.language), str(e.questions),
                                   str(e.forms or 0)])
            row.setData(0, Qt.UserRole, e.id)
            self.list.addTopLevelItem(row)
        self.info.setText(self.tr("No exam is stored yet: build one and export its PDFs.")
                          if not exams else
                          self.tr("Choose an exam to preview or export it again, exactly as "
                                  "it was built."))

    def open_selected(self) -> None:
        """Choose the selected exam and close."""
        rows = self.list.selectedItems()
        if rows:
            self.chosen = rows[0].data(0, Qt.UserRole)
            self.accept()
