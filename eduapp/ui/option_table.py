"""The options grid of the item editor: one row per option (key tick, text, partial
credit in percent, explanation), rows lettered A, B, C…; long texts wrap and are edited in
a several-line box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QPlainTextEdit,
                               QStyledItemDelegate, QTableWidget, QTableWidgetItem)

from ..domain import Option
from ..errors import ValidationError

#: Columns of the option table.
KEY_COL, TEXT_COL, CREDIT_COL, WHY_COL = range(4)


class MultiLineDelegate(QStyledItemDelegate):
    """Edits a table cell in a several-line text box, so a long option or explanation is
    read whole while it is edited (Tab leaves the box; the row grows to fit the text)."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        box = QPlainTextEdit(parent)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(max(option.rect.height(), box.fontMetrics().height() * 3 + 12))
        return box

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        editor.setPlainText(index.data(Qt.EditRole) or "")

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        model.setData(index, editor.toPlainText(), Qt.EditRole)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802 - Qt API
        rect = option.rect
        rect.setHeight(max(rect.height(), editor.minimumHeight()))
        editor.setGeometry(rect)


def credit_text(fraction: float | None) -> str:
    """A partial-credit fraction (-1..1) as the percent the editor shows (``33.33``), or
    ``""`` for none."""
    if fraction is None:
        return ""
    return f"{fraction * 100:.2f}".rstrip("0").rstrip(".")


def parse_credit(text: str, row: int) -> float | None:
    """The fraction (-1..1) of a percent typed in the Credit column, ``None`` when empty.

    :param row: zero-based option row (named in the error as a letter).
    :raises ValidationError: not a number, or outside -100..100.
    """
    text = (text or "").strip().rstrip("%").strip()
    if not text:
        return None
    letter = _letter(row)
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValidationError(f"option {letter}: the credit must be a percent between -100 "
                              f"and 100, not {text!r}") from None
    if not -100 <= value <= 100:
        raise ValidationError(f"option {letter}: the credit must be between -100 and 100 %")
    return round(value / 100, 7)


def _letter(row: int) -> str:
    """The letter of zero-based option ``row`` (A..Z, then 27, 28…)."""
    return chr(ord("A") + row) if row < 26 else str(row + 1)


class OptionTable(QTableWidget):
    """The options of one item as an editable grid (see the module docstring).

    Each row keeps the :class:`~eduapp.domain.Option` it was filled from, so fields the
    grid does not show (a matching pair's ``match``, a numerical ``tolerance``, ``fixed``)
    survive an edit.
    """

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Option"),
                                        self.tr("Credit %"), self.tr("Explanation")])
        self.horizontalHeaderItem(CREDIT_COL).setToolTip(self.tr(
            "Partial credit in percent (-100..100) for multiple-response and numerical "
            "items; empty: 100 for a key, 0 for a distractor"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(KEY_COL, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.Stretch)
        header.setSectionResizeMode(CREDIT_COL, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(WHY_COL, QHeaderView.Interactive)
        header.resizeSection(WHY_COL, 150)
        # row heights follow the text as columns get wider or narrower
        header.sectionResized.connect(
            lambda *_: self.verticalHeader().resizeSections(QHeaderView.ResizeToContents))
        # long options wrap and rows grow to fit: nothing is cut off
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.verticalHeader().setVisible(True)
        self.setItemDelegateForColumn(TEXT_COL, MultiLineDelegate(self))
        self.setItemDelegateForColumn(WHY_COL, MultiLineDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setMinimumHeight(200)

    def set_options(self, options: list[Option]) -> None:
        """Show ``options``, one row each, in order."""
        self.setRowCount(0)
        for option in options:
            self.add_option(option)

    def add_option(self, option: Option) -> None:
        """Append a row showing ``option``."""
        row = self.rowCount()
        self.insertRow(row)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        check.setCheckState(Qt.Checked if option.correct else Qt.Unchecked)
        check.setData(Qt.UserRole, option)
        self.setItem(row, KEY_COL, check)
        self.setItem(row, TEXT_COL, QTableWidgetItem(option.text))
        credit = QTableWidgetItem(credit_text(option.fraction))
        credit.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setItem(row, CREDIT_COL, credit)
        self.setItem(row, WHY_COL, QTableWidgetItem(option.explanation))
        self.setVerticalHeaderItem(row, QTableWidgetItem(_letter(row)))

    def remove_current_option(self) -> None:
        """Remove the selected row (if any) and letter the rows again."""
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            for r in range(self.rowCount()):
                self.setVerticalHeaderItem(r, QTableWidgetItem(_letter(r)))

    def options(self) -> list[Option]:
        """The options as the grid shows them; rows with neither text nor explanation are
        left out.

        :raises ValidationError: a credit that is not a percent between -100 and 100.
        """
        options = []
        for r in range(self.rowCount()):
            key_cell = self.item(r, KEY_COL)
            if key_cell is None:  # a row being added right now
                continue
            base: Option = key_cell.data(Qt.UserRole) or Option("")
            text, credit, why = (self.item(r, c).text().strip() if self.item(r, c) else ""
                                 for c in (TEXT_COL, CREDIT_COL, WHY_COL))
            if not text and not why:
                continue
            options.append(Option(text=text, correct=key_cell.checkState() == Qt.Checked,
                                  explanation=why, fraction=parse_credit(credit, r),
                                  match=base.match, tolerance=base.tolerance, fixed=base.fixed))
        return options

    def option_text(self, row: int) -> str | None:
        """The text cell of zero-based ``row``, or ``None`` when there is no such row."""
        cell = self.item(row, TEXT_COL) if 0 <= row < self.rowCount() else None
        return cell.text() if cell is not None else None

    def show_option(self, row: int) -> None:
        """Select the text cell of zero-based ``row`` and scroll it into view."""
        self.setCurrentCell(row, TEXT_COL)
        self.scrollToItem(self.item(row, TEXT_COL))


__all__ = ["OptionTable", "MultiLineDelegate", "credit_text", "parse_credit",
           "KEY_COL", "TEXT_COL", "CREDIT_COL", "WHY_COL"]
