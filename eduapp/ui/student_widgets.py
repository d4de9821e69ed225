"""Widgets shared by the student pages (Practice and Progress)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QComboBox, QHBoxLayout, QLineEdit, QMenu,
                               QToolButton, QWidget, QWidgetAction)


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


#: Date formats a typed date may use (ISO first; what Chinese and British users write).
DATE_FORMATS = ("yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "d/M/yyyy", "d.M.yyyy",
                "d MMM yyyy", "d MMMM yyyy")


def parse_date(text: str, locale: QLocale | None = None) -> QDate | None:
    """The date a person typed (``2026-12-20``, ``2026/12/20``, ``2026年12月20日``,
    ``20/12/2026``, ``20 Dec 2026``), or ``None`` when ``text`` is no valid date. Month
    names are read in ``locale`` (default: Qt's default locale) and in English."""
    text = " ".join((text or "").split())
    for loc in (locale or QLocale(), QLocale(QLocale.English, QLocale.UnitedKingdom)):
        for fmt in DATE_FORMATS:
            d = loc.toDate(text, fmt)
            if d.isValid():
                return d
    return None


class DateField(QWidget):
    """A date a person may type (any of :data:`DATE_FORMATS`) or pick from a calendar in
    the interface language; shown as ``yyyy-MM-dd``. Unlike ``QDateEdit`` it takes a
    whole typed date and has no hidden "empty" date.

    :param locale: the calendar's language (day and month names, first day of week).
    """

    def __init__(self, locale: QLocale, parent=None):
        super().__init__(parent)
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("2026-12-20")
        self.edit.setMaximumWidth(130)
        h.addWidget(self.edit)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(locale)
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.button = QToolButton()
        self.button.setText("▾")
        # the calendar pops up without a nested event loop (menu.popup, not exec)
        self.button.clicked.connect(lambda _=False: self.show_calendar())
        self.menu.aboutToShow.connect(self._open_at_date)
        h.addWidget(self.button)
        self._locale = locale

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.edit.setToolTip(text)
        self.button.setToolTip(text)

    def setMinimumDate(self, d: QDate) -> None:  # noqa: N802 (Qt's name)
        """Days before ``d`` are greyed out in the calendar (a typed one is the caller's
        to refuse)."""
        self.calendar.setMinimumDate(d)

    def date(self) -> QDate | None:
        """The date typed or picked, ``None`` when the text is no date."""
        return parse_date(self.edit.text(), self._locale)

    def setDate(self, d: QDate) -> None:  # noqa: N802 (Qt's name)
        self.edit.setText(d.toString("yyyy-MM-dd"))

    def show_calendar(self) -> None:
        """Pop the calendar up under the field, at the field's date (else today)."""
        self.menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))

    def _open_at_date(self) -> None:
        """The calendar opens at the date in the field, else at today."""
        d = self.date() or QDate.currentDate()
        self.calendar.setSelectedDate(d)
        self.calendar.setCurrentPage(d.year(), d.month())

    def _picked(self, d: QDate) -> None:
        self.setDate(d)
        self.menu.hide()
