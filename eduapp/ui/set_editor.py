"""The item-set editor: the A3/A4 shared vignette or the B1 shared option list, the set's
title and its questions in order, edited together and saved through
:meth:`~eduapp.workspace.Workspace.save_set`."""

from __future__ import annotations

import copy


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QListWidget, QMessageBox, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QHBoxLayout,
                               QHeaderView, QVBoxLayout)

from ..domain import ItemSet
from .ops import Op, show_error


class SetEditError(Exception):
    """The edited option list drops an option that is some member's key.

    :ivar members: ``n. #id · stem`` of each such member (1-based ``n``)."""

    def __init__(self, members: list[str]):
        super().__init__("an emptied shared option is a key")
        self.members = members


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
        if shared:  # a one-line instruction; the option list gets the room
            self.vignette.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        else:
            self.vignette.setMinimumHeight(120)
        form.addRow(self.tr("Shared instruction") if shared else self.tr("Vignette"),
                    self.vignette)
        layout.addLayout(form)
        self.options = QTableWidget(0, 1)
        self.options.setHorizontalHeaderLabels([self.tr("Shared option")])
        self.options.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.options.setWordWrap(True)
        self.options.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.options.setSelectionMode(QAbstractItemView.SingleSelection)
        for n, o in enumerate(item_set.options):
            self._add_option(o.text, n)
        self.add_option = QPushButton(self.tr("Add option"))
        self.remove_option = QPushButton(self.tr("Remove option"))
        self.move_up = QPushButton(self.tr("Move up"))
        self.move_down = QPushButton(self.tr("Move down"))
        self.add_option.clicked.connect(lambda: self._add_option(""))
        self.remove_option.clicked.connect(lambda: self._remove_option())
        self.move_up.clicked.connect(lambda: self._move_option(-1))
        self.move_down.clicked.connect(lambda: self._move_option(1))
        row = QHBoxLayout()
        for b in (self.add_option, self.remove_option, self.move_up, self.move_down):
            row.addWidget(b)
        row.addStretch(1)
        for w in (self.options, self.add_option, self.remove_option, self.move_up,
                  self.move_down):
            w.setVisible(shared)
        layout.addWidget(self.options, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Questions of the set (edit each in the item editor)")))
        self.members = QListWidget()
        self.members.setWordWrap(True)
        self._show_members()
        if shared:  # each member's key follows its option as options move
            self.options.itemChanged.connect(lambda _cell: self._show_members())
        layout.addWidget(self.members, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(self.tr("Save set"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # Each row's cell carries the zero-based index the option had in the stored set
    # (``None`` for a new one), so moving or removing rows moves every member's key with
    # its option text instead of leaving it at the old position.

    def _add_option(self, text: str, old_index: int | None = None) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        cell = QTableWidgetItem(text)
        cell.setData(Qt.UserRole, old_index)
        self.options.setItem(row, 0, cell)
        self._letter_rows()
        if old_index is None:
            self.options.setCurrentCell(row, 0)

    def _letter_rows(self) -> None:
        for row in range(self.options.rowCount()):
            self.options.setVerticalHeaderItem(
                row, QTableWidgetItem(chr(ord("A") + row) if row < 26 else str(row + 1)))

    def _show_members(self) -> None:
        """List the set's questions; for shared options, each with its key as the option
        list now stands (letter and text)."""
        self.members.clear()
        rows = {self._old_index(r): r for r in range(self.options.rowCount())
                if self.options.item(r, 0) is not None} \
            if self.item_set.kind == "shared_options" else {}
        for n, item in enumerate(self.item_set.items, start=1):
            text = f"{n}. #{item.id} · {item.stem}"
            keys = [rows[i] for i, o in enumerate(item.options) if o.correct and i in rows]
            if keys:
                text += "  —  " + self.tr("key: {keys}").format(keys=", ".join(
                    f"{self.options.verticalHeaderItem(r).text()} "
                    f"({self.options.item(r, 0).text()})" for r in sorted(keys)))
            self.members.addItem(text)

    def _old_index(self, row: int) -> int | None:
        cell = self.options.item(row, 0)
        return cell.data(Qt.UserRole) if cell is not None else None

    def _keyed_members(self, old_index: int | None) -> list[str]:
        """``#id · stem`` of the members whose key is the stored option ``old_index``."""
        if old_index is None:
            return []
        return [f"{n}. #{m.id} · {m.stem[:60]}" for n, m in enumerate(self.item_set.items, 1)
                if old_index < len(m.options) and m.options[old_index].correct]

    def _refuse_removal(self, letter: str, text: str, members: list[str]) -> None:
        QMessageBox.warning(
            self, self.tr("Option is a key"),
            self.tr("Option {letter} (\u201c{text}\u201d) is the key of:\n{members}\n\n"
                    "Give these questions another key in the item editor first, then "
                    "remove the option.").format(letter=letter, text=text,
                                                  members="\n".join(members)))

    def _remove_option(self) -> None:
        row = self.options.currentRow()
        if row < 0:
            return
        members = self._keyed_members(self._old_index(row))
        if members:
            cell = self.options.item(row, 0)
            self._refuse_removal(self.options.verticalHeaderItem(row).text(),
                                 cell.text() if cell else "", members)
            return
        self.options.removeRow(row)
        self._letter_rows()
        self._show_members()

    def _move_option(self, step: int) -> None:
        row = self.options.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.options.rowCount():
            return
        a, b = self.options.takeItem(row, 0), self.options.takeItem(target, 0)
        self.options.setItem(row, 0, b)
        self.options.setItem(target, 0, a)
        self.options.setCurrentCell(target, 0)
        self._show_members()

    def edited_set(self) -> ItemSet:
        """The set as the dialog shows it now (not yet validated or stored)."""
        s = copy.deepcopy(self.item_set)
        s.title = self.title.text().strip()
        s.vignette = self.vignette.toPlainText().strip()
        if s.kind == "shared_options":
            rows = []
            for r in range(self.options.rowCount()):
                cell = self.options.item(r, 0)
                text = cell.text().strip() if cell is not None else ""
                if text:
                    rows.append((self._old_index(r), text))
            orphaned = s.rearrange_options(rows)
            if orphaned:  # a key's text was emptied: keep the stored options
                raise SetEditError([f"{n + 1}. #{s.items[n].id} · {s.items[n].stem[:60]}"
                                    for n in orphaned])
        return s

    def save(self) -> None:
        """Store the set (one transaction); a rule it breaks is shown as a sentence."""
        try:
            item_set = self.edited_set()
        except SetEditError as e:
            QMessageBox.warning(
                self, self.tr("Option is a key"),
                self.tr("An option you emptied is the key of:\n{members}\n\nGive these "
                        "questions another key in the item editor first, or type the option "
                        "text again.").format(members="\n".join(e.members)))
            return

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
