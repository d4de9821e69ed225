"""Widgets shared by the student pages (Practice and Progress)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox


class StudentPicker(QComboBox):
    """The student chooser at the top of the Practice and Progress pages. Both show the
    one shared current student (``app.student_id``).

    Signal ``student_changed(object)``: the user chose another student (its profile id).
    """

    student_changed = Signal(object)

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.setMinimumContentsLength(14)
        self.currentIndexChanged.connect(self._chosen)

    def refresh(self, profiles: list[dict]) -> None:
        """Offer ``profiles`` (``{"id", "name", "course"}`` dicts). The shared current
        student stays chosen; when it is gone (or none was), the first one is."""
        cur = self.app.student_id
        with QSignalBlocker(self):
            self.clear()
            for p in profiles:
                self.addItem(p["name"] + (f" ({p['course']})" if p.get("course") else ""),
                             p["id"])
            ids = [p["id"] for p in profiles]
            if ids:
                if cur not in ids:
                    cur = self.app.student_id = ids[0]
                self.setCurrentIndex(ids.index(cur))

    def _chosen(self, index: int) -> None:
        self.app.student_id = self.itemData(index)
        self.student_changed.emit(self.itemData(index))
