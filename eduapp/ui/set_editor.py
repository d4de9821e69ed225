"""The item-set editor: the A3/A4 shared vignette or the B1 shared option list, the set's
title and its questions in order, edited together and saved through
:meth:`~eduapp.workspace.Workspace.save_set`."""

from __future__ import annotations

import copy


from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QListWidget, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QHBoxLayout, QHeaderView, QVBoxLayout)

from ..domain import ItemSet, Option
from .ops import Op, show_error


class SetEditor(QDialog):
    """Edit one :class:`~eduapp.domain.ItemSet` (a copy); Save stores it with an op.

    :param app: the :class:`~eduapp.ui.app.App` (the op's workspace).
    :ivar saved: the stored set after Save, else ``None``.
    """

    def __init__(self, app, item_set: ItemSet, parent=None):
        super().__init__(parent)
        self.app = app
        self.item_set = copy.deepcopy(item_set)
        self.saved: ItemSet | None = None
        shared = item_set.kind == "shared_options"
        self.setWindowTitle(self.tr("Item set: {title}").format(
            title=item_set.title or self.tr("(untitled)")))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Shared options (B1 / extended matching): every question of the "
                              "set answers from this list.") if shared else
                      self.tr("Case cluster (A3/A4): students read this vignette before each "
                              "question of the set."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.title = QLineEdit(item_set.title)
        form.addRow(self.tr("Title"), self.title)
        self.vignette = QPlainTextEdit(item_set.vignette)
        self.vignette.setPlaceholderText(self.tr("Shared instruction") if shared
                                         else self.tr("Clinical vignette: patient, setting, "
                                                      "findings"))
        self.vignette.setMinimumHeight(120)
        form.addRow(self.tr("Shared instruction") if shared else self.tr("Vignette"),
                    self.vignette)
        layout.addLayout(form)
        self.options = QTableWidget(0, 1)
        self.options.setHorizontalHeaderLabels([self.tr("Shared option")])
        self.options.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.options.setWordWrap(True)
        for o in item_set.options:
            self._add_option(o.text)
        self.add_option = QPushButton(self.tr("Add option"))
        self.remove_option = QPushButton(self.tr("Remove option"))
        self.add_option.clicked.connect(lambda: self._add_option(""))
        self.remove_option.clicked.connect(self._remove_option)
        row = QHBoxLayout()
        row.addWidget(self.add_option)
        row.addWidget(self.remove_option)
        row.addStretch(1)
        for w in (self.options, self.add_option, self.remove_option):
            w.setVisible(shared)
        layout.addWidget(self.options, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Questions of the set (edit each in the item editor)")))
        self.members = QListWidget()
        self.members.setWordWrap(True)
        for n, item in enumerate(item_set.items, start=1):
            self.members.addItem(f"{n}. #{item.id} · {item.stem}")
        layout.addWidget(self.members, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(self.tr("Save set"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_option(self, text: str) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        self.options.setItem(row, 0, QTableWidgetItem(text))
        self.options.setVerticalHeaderItem(row, QTableWidgetItem(chr(ord("A") + row)
                                                                 if row < 26 else str(row + 1)))

    def _remove_option(self) -> None:
        row = self.options.currentRow()
        if row >= 0:
            self.options.removeRow(row)

    def edited_set(self) -> ItemSet:
        """The set as the dialog shows it now (not yet validated or stored)."""
        s = copy.deepcopy(self.item_set)
        s.title = self.title.text().strip()
        s.vignette = self.vignette.toPlainText().strip()
        if s.kind == "shared_options":
            texts = [self.options.item(r, 0).text().strip() if self.options.item(r, 0) else ""
                     for r in range(self.options.rowCount())]
            old = {o.text: o for o in self.item_set.options}
            s.options = [Option(t, explanation=old[t].explanation if t in old else "")
                         for t in texts if t]
        return s

    def save(self) -> None:
        """Store the set (one transaction); a rule it breaks is shown as a sentence."""
        item_set = self.edited_set()

        def done(result):
            self.saved = result.value
            self.accept()
        Op(self, lambda ws: ws.save_set(item_set)).success(done).run()


__all__ = ["SetEditor"]


def edit_set_of(page, editor, set_uid: str) -> None:
    """Open the set editor (shared vignette or shared options, title, questions) for the
    set ``set_uid`` from a page with an item ``editor``; unsaved edits of the item are asked
    about first, and the item is shown again as saved afterwards."""
    if not editor.maybe_leave():
        return
    try:
        item_set = page.app.bank.get_set(set_uid)
    except Exception as e:  # noqa: BLE001 - gone meanwhile: say so
        show_error(page, e)
        return
    dialog = SetEditor(page.app, item_set, page)
    if dialog.exec() and dialog.saved is not None and editor.item is not None:
        try:
            editor.set_item(page.app.bank.get_item(editor.item.id))
        except Exception:  # noqa: BLE001 - the member left the set meanwhile
            editor.set_item(None)
