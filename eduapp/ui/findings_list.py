"""The quality-gate findings of the item in the item editor: one entry per finding, with
a severity icon, the message in the interface language and the words it is about;
clicking an entry selects those words in the field they are in."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QStyle

from ..authoring.finding_text import describe_finding
from .option_table import OptionTable


class FindingsList(QListWidget):
    """The findings list of one item editor.

    A finding's span is ``[field, start, end]``: zero-based character offsets into a text
    field (``stem``, ``vignette``, ``explanation``, ``model_answer``) or into the text of
    option ``i`` (field ``options[i]``).

    :param fields: the editor's text boxes by field name.
    :param options: the editor's option grid.
    :param language: ``() -> "en" | "zh"``, the interface language, asked each time.
    """

    def __init__(self, fields: dict[str, QPlainTextEdit], options: OptionTable,
                 language: Callable[[], str], parent=None):
        super().__init__(parent)
        self._fields = fields
        self._options = options
        self._language = language
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumHeight(110)
        self.itemClicked.connect(lambda entry: self.highlight_span(entry.data(Qt.UserRole)))

    def show_findings(self, findings) -> None:
        """List ``findings`` (:class:`~eduapp.domain.Finding` objects of the item the
        editor shows), or say there are none."""
        self.clear()
        if not findings:
            self.addItem(self.tr("No findings."))
            return
        style = self.style()
        icons = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
                 "info": QStyle.SP_MessageBoxInformation}
        for f in findings:
            quoted = self._quote(f.span)
            text = describe_finding(f, self._language()) + (f"\n«{quoted}»" if quoted else "")
            entry = QListWidgetItem(style.standardIcon(icons.get(f.severity,
                                                                 QStyle.SP_MessageBoxQuestion)),
                                    text)
            entry.setToolTip(self.tr("Rule: {rule}. Click to show the words in the item.")
                             .format(rule=f.rule) if quoted else self.tr("Rule: {rule}.")
                             .format(rule=f.rule))
            entry.setData(Qt.UserRole, list(f.span) if f.span else None)
            self.addItem(entry)

    def _locate(self, span):
        """``(widget, text)`` of the field a finding span ``[field, start, end]`` names:
        a text box, or the option table's cell for ``options[i]``."""
        if not span or len(span) != 3:
            return None, ""
        field = str(span[0])
        if field in self._fields:
            return self._fields[field], self._fields[field].toPlainText()
        if field.startswith("options[") and field.endswith("]"):
            try:
                row = int(field[8:-1])
            except ValueError:
                return None, ""
            text = self._options.option_text(row)
            return (row, text) if text is not None else (None, "")
        return None, ""

    def _quote(self, span) -> str:
        """The words a finding is about (at most 80 characters), or ``""``."""
        _where, text = self._locate(span)
        if not text:
            return ""
        start, end = max(0, int(span[1])), min(len(text), int(span[2]))
        words = text[start:end].strip()
        return words if len(words) <= 80 else words[:78] + "…"

    def highlight_span(self, span) -> None:
        """Select the words of a finding span in the field they are in."""
        where, text = self._locate(span)
        if where is None or not text:
            return
        start, end = max(0, int(span[1])), min(len(text), int(span[2]))
        if isinstance(where, int):
            self._options.show_option(where)
            return
        cursor = where.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        where.setTextCursor(cursor)
        where.setFocus()


__all__ = ["FindingsList"]
