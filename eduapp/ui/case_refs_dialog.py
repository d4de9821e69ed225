"""Choose what a checklist item of a case refers to (``fact:ID``, ``exam:ID``,
``diagnosis``, ``skill:NAME``…), ticking entries of a list of everything the script
holds; the case editor's "Choose what it refers to…" button opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout)


class RefsDialog(QDialog):
    """Choose what a checklist item refers to, from everything the script holds.

    :param refs: ``[(reference, description)]`` offered.
    :param chosen: the references ticked at the start.
    """

    def __init__(self, refs: list[tuple[str, str]], chosen: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("What the item refers to"))
        v = QVBoxLayout(self)
        hint = QLabel(self.tr("The item counts as done when the student did any of the "
                              "ticked things."))
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.list = QListWidget()
        for ref, text in refs:
            item = QListWidgetItem(f"{ref} — {text}" if text else ref)
            item.setData(Qt.UserRole, ref)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if ref in chosen else Qt.Unchecked)
            self.list.addItem(item)
        v.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.resize(560, 480)

    def chosen(self) -> list[str]:
        """The ticked references, in list order."""
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]


__all__ = ["RefsDialog"]
