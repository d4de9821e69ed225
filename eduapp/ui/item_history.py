"""An item's version history: every saved version, newest first, with a preview and
"Restore this version" (the item editor's History… button)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QListWidget, QSplitter, QTextBrowser,
                               QVBoxLayout)

from ..bank.notes import describe_note
from ..domain import Item
from .app import current_language
from .rich_text import plain_html

if TYPE_CHECKING:
    from ..bank import Bank


class HistoryDialog(QDialog):
    """The versions of an item, newest first, with a preview and "Restore this version"."""

    def __init__(self, versions, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Item history"))
        self.resize(760, 460)
        self.versions = versions
        self.chosen: Item | None = None
        self.chosen_version: int | None = None
        layout = QVBoxLayout(self)
        split = QSplitter()
        self.list = QListWidget()
        for v in versions:
            self.list.addItem(self.tr("Version {n} · {when} · {note}").format(
                n=v.version, when=time.strftime("%Y-%m-%d %H:%M", time.localtime(v.saved_at)),
                note=describe_note(v.note, current_language())))
        self.preview = QTextBrowser()
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([260, 500])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.restore = buttons.addButton(self.tr("Restore this version"),
                                         QDialogButtonBox.AcceptRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self._restore)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if versions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        item = self.versions[row].item
        lines = [f"<p>{plain_html(item.vignette)}</p>" if item.vignette else "",
                 f"<p><b>{plain_html(item.stem)}</b></p><ol type='A'>"]
        for o in item.options:
            mark = " ✔" if o.correct else ""
            lines.append(f"<li>{plain_html(o.text)}{mark}"
                         f"<br><i>{plain_html(o.explanation)}</i></li>")
        lines.append(f"</ol><p>{plain_html(item.explanation)}</p>")
        self.preview.setHtml("".join(lines))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.chosen = self.versions[row].item
            self.chosen_version = self.versions[row].version
            self.accept()


def choose_version(bank: Bank, item_id: int, parent=None) -> int | None:
    """Show an item's versions; return the version number the user chose to restore, or
    ``None``."""
    dialog = HistoryDialog(bank.history(item_id), parent)
    if not dialog.exec() or dialog.chosen is None:
        return None
    return dialog.chosen_version


__all__ = ["HistoryDialog", "choose_version"]
