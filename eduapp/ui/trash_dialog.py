"""The trash of the item bank: deleted items listed, restored, or deleted for good."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from .ops import Op


class TrashDialog(QDialog):
    """List the items in the trash; restore the selected ones or empty the trash (after a
    confirmation). Work runs through :class:`~eduapp.ui.ops.Op`, so the pages hear of it.

    :param app: the :class:`~eduapp.ui.app.App`.
    :ivar restored: ids restored while the dialog was open.
    """

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.restored: list[int] = []
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.setHeaderLabels([self.tr("ID"), self.tr("Deleted"), self.tr("Topic"),
                                   self.tr("Stem")])
        for col, width in enumerate((60, 130, 140)):
            self.list.setColumnWidth(col, width)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setEnabled(False)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the trash again (off the GUI thread)."""
        Op(self, lambda ws: ws.trash()).latest_only("trash").success(self._show).run()

    def _show(self, entries) -> None:
        self.list.clear()
        for e in entries:
            stem = " ".join(e.stem.split())
            row = QTreeWidgetItem([str(e.id), time.strftime("%Y-%m-%d %H:%M",
                                                             time.localtime(e.deleted_at)),
                                   e.topic, ("▣ " if e.set_uid else "") + stem[:160]])
            row.setData(0, Qt.UserRole, e.id)
            row.setToolTip(3, stem)
            self.list.addTopLevelItem(row)
        n = len(entries)
        self.info.setText(self.tr("The trash is empty.") if not n else
                          self.tr("1 deleted item. Restore it, or empty the trash to delete "
                                  "it for good.") if n == 1 else
                          self.tr("{n} deleted items. Restore them, or empty the trash to "
                                  "delete them for good.").format(n=n))
        self.empty_button.setEnabled(bool(n))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        return [r.data(0, Qt.UserRole) for r in self.list.selectedItems()]

    def restore_selected(self) -> None:
        """Take the selected items (with their sets) out of the trash."""
        ids = self.selected_ids()
        if not ids:
            return

        def done(_result):
            self.restored.extend(ids)
            self.reload()
        Op(self, lambda ws: ws.restore_items(ids)).success(done).run()

    def empty_trash(self) -> None:
        """Ask, then delete every item in the trash for good."""
        n = self.list.topLevelItemCount()
        if not n:
            return
        answer = QMessageBox.question(
            self, self.tr("Empty trash"),
            (self.tr("Delete 1 item for good? This cannot be undone.") if n == 1 else
             self.tr("Delete {n} items for good? This cannot be undone.").format(n=n)),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        Op(self, lambda ws: ws.empty_trash()).success(lambda _r: self.reload()).run()
