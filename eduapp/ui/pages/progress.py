"""The progress page: the student's dashboard (trend, per-topic bars, mastery heat map),
weak areas with their resources, the learning path, the review deck, and the teacher's
class view (item statistics, KR-20, attempt files, class report).

Every number comes from :class:`~eduapp.practice.PracticeService`, loaded on a worker
through :class:`~eduapp.ui.ops.Op`; the page only draws.
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QDateTimeAxis,
                              QHorizontalBarSeries, QLineSeries, QValueAxis)
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser,
                               QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ...domain import Changes, topic_name
from ...errors import describe_record
from ...practice.itemstats import describe
from ..ops import Op
from ..page import Page
from ..student_widgets import DateField, StudentPicker

if TYPE_CHECKING:
    from ...workspace import Workspace


def _pct(x) -> str:
    return "–" if x is None else f"{x:.0%}"


def _locale(language: str) -> QLocale:
    """The locale dates are written in: the interface language's, not the system's."""
    return QLocale(QLocale.Chinese, QLocale.China) if language == "zh" else \
        QLocale(QLocale.English, QLocale.UnitedKingdom)


def count_axis(top: int) -> tuple[int, int]:
    """A count axis from 0 whose every tick is a whole number: ``(maximum, tick count)``
    for a largest value ``top`` (answers per day). Up to 5 the ticks are 0, 1, ... top;
    above, the maximum is rounded up so that 4 equal steps are whole (e.g. 13 -> 16)."""
    top = max(1, int(top))
    if top <= 5:
        return top, top + 1
    step = -(-top // 4)
    return step * 4, 5


def _heat(value: float | None) -> QColor:
    """Red (0) through amber to green (1); light grey without data."""
    if value is None:
        return QColor("#eeeeee")
    r = int(220 - 150 * value)
    g = int(80 + 120 * value)
    return QColor(r, g, 90)


class ProgressPage(Page):
    """Dashboard, weak areas, learning path, deck and the teacher's class view.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self._dirty = True
        self._visible = False
        self.dashboard = None
        self.stats = []
        self._build()

    #: Days from today the exam-date field proposes when no date is saved.
    DEFAULT_EXAM_DAYS = 28

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Progress"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Student:")))
        self.profile_box = StudentPicker(self.app)
        self.profile_box.student_changed.connect(lambda _id: self.refresh())
        top.addWidget(self.profile_box)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.dash_stack = QStackedWidget()
        empty = QWidget()
        e = QVBoxLayout(empty)
        e.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        e.addWidget(self.empty_label)
        to_practice = QPushButton(self.tr("Open Practice"))
        to_practice.clicked.connect(self._open_practice)
        e.addWidget(to_practice, 0, Qt.AlignCenter)
        e.addStretch(2)
        self.dash_stack.addWidget(empty)
        dash = QWidget()
        self.dash_stack.addWidget(dash)
        d = QVBoxLayout(dash)
        charts = QHBoxLayout()
        self.trend_view = QChartView()
        self.trend_view.setRenderHint(QPainter.Antialiasing)
        self.trend_view.setMinimumHeight(220)
        charts.addWidget(self.trend_view, 2)
        self.topic_view = QChartView()
        self.topic_view.setRenderHint(QPainter.Antialiasing)
        charts.addWidget(self.topic_view, 3)
        d.addLayout(charts, 2)
        d.addWidget(QLabel(self.tr("Accuracy by topic and week, and mastery now (the same "
                                   "mastery as the bar chart)")))
        self.heatmap = QTableWidget()
        self.heatmap.setEditTriggers(QTableWidget.NoEditTriggers)
        d.addWidget(self.heatmap, 1)
        self.tabs.addTab(self.dash_stack, self.tr("Dashboard"))

        weak = QWidget()
        w = QVBoxLayout(weak)
        self.weak_view = QTextBrowser()
        self.weak_view.setOpenLinks(False)
        w.addWidget(self.weak_view, 1)
        plan_bar = QHBoxLayout()
        plan_bar.addWidget(QLabel(self.tr("Exam date:")))
        # typed (2026-12-20, 2026年12月20日 ...) or picked from a calendar in the interface
        # language; without a saved date it proposes four weeks from today
        self.exam_date = DateField(_locale(self.app.ui_language()))
        self.exam_date.setDate(QDate.currentDate().addDays(self.DEFAULT_EXAM_DAYS))
        self.exam_date.setMinimumDate(QDate.currentDate())
        self.exam_date.setToolTip(self.tr("Type the date (2026-12-20) or pick it from the "
                                          "calendar"))
        self.exam_date.edit.returnPressed.connect(lambda: self.save_exam_date())
        plan_bar.addWidget(self.exam_date)
        self.save_date_button = QPushButton(self.tr("Set exam date"))
        self.save_date_button.clicked.connect(lambda _=False: self.save_exam_date())
        plan_bar.addWidget(self.save_date_button)
        self.clear_date_button = QPushButton(self.tr("No exam date"))
        self.clear_date_button.clicked.connect(lambda _=False: self.clear_exam_date())
        plan_bar.addWidget(self.clear_date_button)
        plan_bar.addStretch(1)
        w.addLayout(plan_bar)
        self.plan_note = QLabel()
        self.plan_note.setWordWrap(True)
        w.addWidget(self.plan_note)
        self.plan_tree = QTreeWidget()
        self.plan_tree.setHeaderLabels([self.tr("Day / session"), self.tr("Questions"),
                                        self.tr("Why")])
        self.plan_tree.setColumnWidth(0, 320)
        self.plan_tree.setColumnWidth(1, 80)
        w.addWidget(self.plan_tree, 2)  # the plan gets most of the height
        self.tabs.addTab(weak, self.tr("Weak areas and plan"))

        deck = QWidget()
        k = QVBoxLayout(deck)
        self.deck_label = QLabel()
        k.addWidget(self.deck_label)
        self.deck_table = QTableWidget(0, 3)
        self.deck_table.setHorizontalHeaderLabels([self.tr("Topic"), self.tr("Cards"),
                                                   self.tr("Due now")])
        self.deck_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.deck_table.setEditTriggers(QTableWidget.NoEditTriggers)
        k.addWidget(self.deck_table)
        self.tabs.addTab(deck, self.tr("Review deck"))

        teacher = QWidget()
        t = QVBoxLayout(teacher)
        bar = QHBoxLayout()
        for label, slot in ((self.tr("Import attempt files…"), self.import_files),
                            (self.tr("Export my attempts…"), self.export_attempts),
                            (self.tr("Class report (CSV or PDF)…"), self.export_report)):
            b = QPushButton(label)
            b.clicked.connect(lambda _=False, f=slot: f())
            bar.addWidget(b)
        bar.addStretch(1)
        self.exam_box = QComboBox()
        self.exam_box.currentIndexChanged.connect(lambda _=0: self.load_teacher())
        bar.addWidget(QLabel(self.tr("Exam:")))
        bar.addWidget(self.exam_box)
        t.addLayout(bar)
        self.teacher_label = QLabel()
        self.teacher_label.setWordWrap(True)
        t.addWidget(self.teacher_label)
        self.item_table = QTableWidget(0, 6)
        self.item_table.setHorizontalHeaderLabels([
            self.tr("Question"), self.tr("Answers"), self.tr("p"), self.tr("r_pb"),
            self.tr("Options chosen"), self.tr("Needs attention")])
        header = self.item_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        self.item_table.setEditTriggers(QTableWidget.NoEditTriggers)
        t.addWidget(self.item_table, 1)
        prereq = QHBoxLayout()
        prereq.addWidget(QLabel(self.tr("Prerequisites:")))
        self.prereq_topic = QComboBox()
        self.prereq_topic.setEditable(True)
        self.prereq_topic.currentTextChanged.connect(self._show_prereq)
        prereq.addWidget(self.prereq_topic, 1)
        prereq.addWidget(QLabel(self.tr("requires")))
        self.prereq_edit = QLineEdit()
        self.prereq_edit.setPlaceholderText(self.tr("topics, separated by commas"))
        prereq.addWidget(self.prereq_edit, 2)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_prerequisites)
        prereq.addWidget(save)
        t.addLayout(prereq)
        self.tabs.addTab(teacher, self.tr("Class (teacher)"))
        self.encounter_table = QTableWidget(0, 7)
        self.encounter_table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Case"), self.tr("Score"), self.tr("Diagnosis"),
            self.tr("Questions asked"), self.tr("Tests"), self.tr("Cost")])
        self.encounter_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.encounter_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.tabs.addTab(self.encounter_table, self.tr("Virtual patients"))
        self.tabs.currentChanged.connect(lambda _=0: self.refresh())

    # ------------------------------------------------------------------ refresh

    def on_shown(self) -> None:
        self._visible = True
        self.refresh_profiles()
        self.refresh()

    def hideEvent(self, event) -> None:
        self._visible = False
        super().hideEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if changes.practice or changes.items:
            self._dirty = True
            if self._visible and self.isVisible():
                self.refresh_profiles()
                self.refresh()

    def refresh_profiles(self) -> None:
        """Refill the student picker (the shared current student stays chosen)."""
        self.profile_box.refresh(self.app.workspace.practice.profiles())

    def refresh(self) -> None:
        """Load what the current tab shows, on a worker."""
        if self.tabs.currentIndex() == 3:
            self.load_teacher()
            return
        pid = self.app.student_id
        if pid is None:
            self.summary.setText(self.tr("No student yet: add one on the Practice page."))
            self._show_empty(self.tr("Progress shows here once a student has practised.\n"
                                     "Add a student on the Practice page and answer a few "
                                     "questions."))
            return
        lang = self.app.ui_language()
        self.load_encounters(pid)

        def load(ws: Workspace):
            svc = ws.practice
            return (svc.dashboard(pid), svc.learning_path(pid, languages=[lang]),
                    svc.deck(pid),
                    {w.stats.value: svc.resources(w.stats.value)
                     for w in svc.weak_areas(pid)}, svc.store.profile(pid))
        Op(self, load).latest_only("progress.student") \
            .success(lambda r: self.show_student(*r, language=lang)).run()

    def load_encounters(self, pid: int) -> None:
        """Fill the Virtual patients tab with the student's encounters, newest first."""
        Op(self, lambda ws: ws.student_encounters(pid)) \
            .latest_only("progress.encounters").success(self._show_encounters).run()

    def _show_encounters(self, rows: list[dict]) -> None:
        import time as _time
        self.encounter_table.setRowCount(0)
        for r in rows:
            n = self.encounter_table.rowCount()
            self.encounter_table.insertRow(n)
            values = (_time.strftime("%Y-%m-%d %H:%M", _time.localtime(r["finished_at"])),
                      r["case_title"], f"{r['score']:.0f}",
                      self.tr("right") if r["diagnosis_correct"] else self.tr("wrong"),
                      str(r["questions"]), str(r["tests"]), f"{r['cost']:g}")
            for col, text in enumerate(values):
                self.encounter_table.setItem(n, col, QTableWidgetItem(text))

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.dash_stack.setCurrentIndex(0)

    def _open_practice(self) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("practice")

    # ------------------------------------------------------------------ student

    def show_student(self, dash, plan, deck, resources, profile, language="en") -> None:
        self.dashboard = dash
        self._dirty = False
        answers = (self.tr("1 answer") if dash.attempts == 1 else
                   self.tr("{n} answers").format(n=dash.attempts))
        # the same number as the plan's first "Reviews due" row: the deck's due today
        due = (self.tr("1 review due today") if deck.due_today == 1 else
               self.tr("{n} reviews due today").format(n=deck.due_today))
        self.summary.setText(self.tr(
            "{answers} · accuracy {acc} · {sec} s per question · streak {streak} "
            "(longest {longest}) · {due}{pct}").format(
            answers=answers, acc=_pct(dash.accuracy),
            sec="–" if dash.mean_seconds is None else f"{dash.mean_seconds:.0f}",
            streak=self._days(dash.streak), longest=self._days(dash.longest_streak), due=due,
            pct="" if dash.percentile is None else self.tr(" · {p:.0f}th percentile of the "
                                                           "class").format(p=dash.percentile)))
        if dash.attempts:
            self.dash_stack.setCurrentIndex(1)
        else:
            self._show_empty(self.tr("No answers yet: charts of accuracy, topics and weeks "
                                     "appear after the first practice questions."))
        self._trend_chart(dash)
        self._topic_chart(dash)
        self._heatmap(dash)
        self._weak(dash, resources, language)
        self._plan(plan, language)
        self._deck(deck)
        self._exam_note(profile.get("exam_date"), plan, language)

    def _days(self, n: int) -> str:
        """``n`` days in the interface language ("1 day", "{n} days")."""
        return self.tr("1 day") if n == 1 else self.tr("{n} days").format(n=n)

    def _exam_note(self, exam: float | None, plan, language: str) -> None:
        """The line above the plan: the saved exam date (in the interface language) and the
        days left, or that there is none; the date field shows the saved date."""
        from datetime import date
        locale = _locale(language)
        days = self._days(len(plan))
        if not exam:
            self.plan_note.setText(self.tr(
                "No exam date set: the plan below covers the next {days}. Choose the date "
                "of your exam and press Set exam date to plan up to it.").format(days=days))
            self.clear_date_button.setEnabled(False)
            return
        self.clear_date_button.setEnabled(True)
        d = date.fromtimestamp(exam)
        qd = QDate(d.year, d.month, d.day)
        self.exam_date.setDate(qd)
        text = locale.toString(qd, "yyyy年M月d日" if language == "zh" else "d MMMM yyyy")
        first = plan[0].day if plan else date.today()  # the plan's today
        left = QDate(first.year, first.month, first.day).daysTo(qd)
        if left < 0:
            self.plan_note.setText(self.tr("The exam date {date} has passed: set a new one.")
                                   .format(date=text))
        elif left == 0:
            self.plan_note.setText(self.tr("Exam today ({date}).").format(date=text))
        else:
            self.plan_note.setText(self.tr(
                "Exam on {date}: {left} left. The plan below shows the next {days}.").format(
                date=text, left=self._days(left), days=days))

    def _trend_chart(self, dash) -> None:
        """Accuracy (%) and answers per day on a date axis with a few readable ticks."""
        chart = QChart()
        chart.setTitle(self.tr("Accuracy and answers per day"))
        acc = QLineSeries()
        acc.setName(self.tr("Accuracy %"))
        acc.setPointsVisible(True)
        count = QLineSeries()
        count.setName(self.tr("Answers"))
        top = 1
        for day, n, a, _s in dash.trend:
            ms = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch()
            if a is not None:
                acc.append(ms, a * 100)
            count.append(ms, n)
            top = max(top, n)
        chart.addSeries(count)
        chart.addSeries(acc)
        x = QDateTimeAxis()
        x.setFormat("M/d" if self.app.ui_language() == "zh" else "d/M")
        # one date label per ~70 px of chart: narrow charts get fewer, whole dates
        x.setTickCount(max(3, min(6, self.trend_view.width() // 70)))
        if dash.trend:
            first, last = dash.trend[0][0], dash.trend[-1][0]
            x.setRange(QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
                       QDateTime(QDate(last.year, last.month, last.day), QTime(23, 59)))
        chart.addAxis(x, Qt.AlignBottom)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setTickCount(5)  # 0%, 25%, 50%, 75%, 100%
        y.setLabelFormat("%d%%")
        chart.addAxis(y, Qt.AlignLeft)
        y2 = QValueAxis()
        top, ticks = count_axis(top)
        y2.setRange(0, top)
        y2.setTickCount(ticks)  # whole numbers only, never "1, 0, 0, 0, 0"
        y2.setLabelFormat("%d")
        chart.addAxis(y2, Qt.AlignRight)
        count.attachAxis(x)
        count.attachAxis(y2)
        acc.attachAxis(x)
        acc.attachAxis(y)
        self.trend_view.setChart(chart)

    #: Most topics in the bar chart (the weakest; the grid below lists them all).
    CHART_TOPICS = 10

    def _topic_chart(self, dash) -> None:
        """Accuracy and mastery per topic as horizontal bars, full topic names on the
        left, rows in the grid's order (lowest mastery first), numbers from the same
        :class:`~eduapp.practice.analytics.AreaStats`."""
        chart = QChart()
        chart.setTitle(self.tr("Accuracy and mastery by topic"))
        by_name = {a.value: a for a in dash.areas.get("topic", [])}
        # as many rows as have room for a whole label (a short window shows fewer; the
        # grid below lists every topic)
        fit = max(3, (self.topic_view.height() - 170) // 20)
        rows = [t for t in dash.heatmap_topics if t in by_name][:min(self.CHART_TOPICS, fit)]
        rows.reverse()  # a horizontal bar chart draws its first category at the bottom
        acc = QBarSet(self.tr("Accuracy %"))
        mastery = QBarSet(self.tr("Mastery %"))
        for t in rows:
            acc.append(by_name[t].accuracy * 100)
            mastery.append(by_name[t].mastery * 100)
        series = QHorizontalBarSeries()
        series.append(acc)
        series.append(mastery)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        ui = self.app.ui_language()
        y.append([self._short(topic_name(t, ui) or self.tr("(no topic)")) for t in rows])
        font = y.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        y.setLabelsFont(font)
        chart.addAxis(y, Qt.AlignLeft)
        x = QValueAxis()
        x.setRange(0, 100)
        x.setLabelFormat("%d%%")
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        self.topic_view.setChart(chart)

    @staticmethod
    def _short(name: str, width: int = 26) -> str:
        """A topic name cut at a word boundary to about ``width`` characters, with "…"
        (chart labels must stay readable; the grid shows the full name)."""
        if len(name) <= width:
            return name
        cut = name[:width].rsplit(" ", 1)[0] if " " in name[:width] else name[:width]
        return cut.rstrip(" ,;") + "…"

    def _heatmap(self, dash) -> None:
        """Weekly accuracy per topic, then a last column with the mastery now (the bar
        chart's number)."""
        t = self.heatmap
        t.clear()
        weeks = len(dash.heatmap_weeks)
        t.setRowCount(len(dash.heatmap_topics))
        t.setColumnCount(weeks + 1)
        fmt = "%m/%d" if self.app.ui_language() == "zh" else "%d/%m"
        t.setHorizontalHeaderLabels([w.strftime(fmt) for w in dash.heatmap_weeks]
                                    + [self.tr("Mastery now")])
        ui = self.app.ui_language()
        t.setVerticalHeaderLabels([topic_name(topic, ui) or self.tr("(no topic)")
                                   for topic in dash.heatmap_topics])
        for r, row in enumerate(dash.heatmap):
            for c, value in enumerate(list(row) + [dash.heatmap_mastery[r]]):
                cell = QTableWidgetItem("" if value is None else f"{value:.0%}")
                cell.setBackground(QBrush(_heat(value)))
                cell.setTextAlignment(Qt.AlignCenter)
                if c == weeks:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                t.setItem(r, c, cell)
        t.resizeColumnsToContents()

    def _weak(self, dash, resources, language) -> None:
        if not dash.weak:
            self.weak_view.setHtml("<p>" + html.escape(self.tr(
                "No weak areas yet: topics show here once you have answered at least five "
                "questions on them.")) + "</p>")
            return
        names = {"notes": self.tr("Lecture notes"), "case": self.tr("Case studies"),
                 "handout": self.tr("Handouts")}
        parts = ["<h3>" + html.escape(self.tr("Weak areas")) + "</h3><ul>"]
        for w in dash.weak:
            parts.append(f"<li><b>{html.escape(w.sentence(language))}</b>")
            docs = resources.get(w.stats.value, {})
            for kind, items in docs.items():
                if items:
                    parts.append(f"<br/>{html.escape(names[kind])}: " + ", ".join(
                        html.escape(d.title) for d in items))
            parts.append("</li>")
        parts.append("</ul>")
        self.weak_view.setHtml("".join(parts))

    def _plan(self, plan, language: str = "en") -> None:
        """The study plan: one row per day (date in the interface language), its
        sessions with their reasons worded in that language."""
        kinds = {"review": self.tr("Reviews due"), "weak": self.tr("Weak area"),
                 "new": self.tr("New topic"), "consolidate": self.tr("Consolidate")}
        locale = _locale(language)
        fmt = "M月d日 dddd" if language == "zh" else "ddd d MMM"
        self.plan_tree.clear()
        for day in plan:
            top = QTreeWidgetItem([locale.toString(QDate(day.day.year, day.day.month,
                                                         day.day.day), fmt),
                                   str(sum(s.count for s in day.sessions)), ""])
            for s in day.sessions:
                label = kinds.get(s.kind, s.kind)
                sep = "：" if language == "zh" else ": "
                QTreeWidgetItem(top, [f"{label}{sep}{topic_name(s.topic, language)}"
                                      if s.topic else label,
                                      str(s.count), s.describe(language)])
            self.plan_tree.addTopLevelItem(top)
            top.setExpanded(True)

    def _deck(self, deck) -> None:
        cards = (self.tr("1 card") if deck.total == 1 else
                 self.tr("{n} cards").format(n=deck.total))
        self.deck_label.setText(self.tr(
            "{cards}: {learning} learning, {review} in review, {relearning} "
            "relearning. {due} due now, {today} due today.").format(
            cards=cards, learning=deck.learning, review=deck.review,
            relearning=deck.relearning, due=deck.due_now, today=deck.due_today))
        self.deck_table.setRowCount(len(deck.by_topic))
        for r, (topic, cards, due) in enumerate(deck.by_topic):
            name = topic_name(topic, self.app.ui_language()) if topic else self.tr("(no topic)")
            for c, v in enumerate((name, cards, due or 0)):
                self.deck_table.setItem(r, c, QTableWidgetItem(str(v)))

    def save_exam_date(self) -> None:
        """Save the date in the field as the student's exam date (09:00 that day) and
        reload the plan, which then runs up to it."""
        pid = self.app.student_id
        if pid is None:
            QMessageBox.information(self, self.tr("Exam date"),
                                    self.tr("Choose a student first."))
            return
        from datetime import datetime
        d = self.exam_date.date()
        if d is None:
            QMessageBox.warning(self, self.tr("Exam date"), self.tr(
                "“{text}” is not a date: type it like 2026-12-20, or pick it from the "
                "calendar.").format(text=self.exam_date.edit.text()))
            return
        if d < QDate.currentDate():
            QMessageBox.warning(self, self.tr("Exam date"), self.tr(
                "The exam date must be today or later."))
            return
        value = datetime(d.year(), d.month(), d.day(), 9).timestamp()
        self.app.changed.emit(self.app.workspace.set_exam_date(pid, value))
        self.refresh()

    def clear_exam_date(self) -> None:
        """Remove the student's exam date (the plan goes back to the coming week)."""
        pid = self.app.student_id
        if pid is None:
            return
        self.app.changed.emit(self.app.workspace.set_exam_date(pid, None))
        self.exam_date.setDate(QDate.currentDate().addDays(self.DEFAULT_EXAM_DAYS))
        self.refresh()

    # ------------------------------------------------------------------ teacher

    def load_teacher(self) -> None:
        exam = self.exam_box.currentData()

        def load(ws: Workspace):
            svc = ws.practice
            rel = svc.exam_reliability(exam) if exam else None
            stats = svc.item_statistics(exam)
            stems = ws.bank.stems(s.item_uid for s in stats)
            return (stats, stems, svc.exam_ids(), rel, len(svc.store.profiles(origin=None)),
                    sorted(set(svc.bank_values("topic")) | set(
                        svc.store.prerequisites())))
        Op(self, load).latest_only("progress.teacher").success(
            lambda r: self.show_teacher(*r)).run()

    def show_teacher(self, stats, stems, exams, reliability, students, topics) -> None:
        self.stats = stats
        current = self.exam_box.currentData()
        self.exam_box.blockSignals(True)
        self.exam_box.clear()
        self.exam_box.addItem(self.tr("All practice"), None)
        for e in exams:
            self.exam_box.addItem(e, e)
        if current in exams:
            self.exam_box.setCurrentIndex(exams.index(current) + 1)
        self.exam_box.blockSignals(False)
        attention = sum(1 for s in stats if s.issues)
        text = self.tr("{students} students, {items} questions answered, {n} need "
                       "attention (p < 0.2 or > 0.95, r_pb < 0.15, a distractor nobody "
                       "picks, often flagged).").format(students=students, items=len(stats),
                                                        n=attention)
        if reliability is not None:
            value, n_students, n_items = reliability
            text += " " + self.tr("KR-20 of this exam: {v} ({s} students × {i} "
                                  "questions).").format(
                v="–" if value is None else f"{value:.2f}", s=n_students, i=n_items)
        self.teacher_label.setText(text)
        t = self.item_table
        language = self.app.ui_language()
        t.setRowCount(len(stats))
        for r, s in enumerate(stats):
            values = [stems.get(s.item_uid, s.item_uid)[:90], str(s.n),
                      "–" if s.p is None else f"{s.p:.2f}",
                      "–" if s.r_pb is None else f"{s.r_pb:.2f}",
                      " ".join(f"{chr(65 + k)} {v:.0%}" for k, v in enumerate(s.option_rates)),
                      self.tr("; ").join(describe(code, values, language)
                                         for code, values in s.issues)]
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if s.issues:
                    cell.setForeground(QBrush(QColor("#b42318")))
                t.setItem(r, c, cell)
        self.prereq_topic.blockSignals(True)
        text = self.prereq_topic.currentText()
        self.prereq_topic.clear()
        self.prereq_topic.addItems(topics)
        self.prereq_topic.setEditText(text)
        self.prereq_topic.blockSignals(False)

    def _show_prereq(self, topic: str) -> None:
        graph = self.app.workspace.practice.store.prerequisites()
        self.prereq_edit.setText(", ".join(graph.get(topic, [])))

    def save_prerequisites(self) -> None:
        topic = self.prereq_topic.currentText().strip()
        if not topic:
            return
        requires = [t.strip() for t in self.prereq_edit.text().split(",") if t.strip()]
        Op(self, lambda ws: ws.set_prerequisites(topic, requires)).run()

    def import_files(self, paths: list[str] | None = None) -> None:
        """Merge attempt files from other students' machines."""
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import attempt files"), "",
                                                    self.tr("Attempt files (*.json)"))
        if not paths:
            return
        Op(self, lambda ws: ws.import_attempts(paths)) \
            .with_progress(self.tr("Importing attempts…")).success(self._imported).run()

    def _imported(self, outcome) -> None:
        result, _changes = outcome
        text = self.tr("{added} attempts added ({dups} already here), {profiles} new "
                       "students.").format(added=result["added"], dups=result["duplicates"],
                                           profiles=result["profiles"])
        for e in result["errors"]:
            text += "\n" + (f"{os.path.basename(e['file'] or '')}: "
                             f"{describe_record(e, self.app.ui_language())}")
        self.teacher_label.setText(text)
        self.load_teacher()

    def export_attempts(self, path: str | None = None) -> None:
        """Save the current student's attempts for the teacher."""
        pid = self.app.student_id
        if pid is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export my attempts"),
                                                  "attempts.json",
                                                  self.tr("Attempt files (*.json)"))
        if not path:
            return
        Op(self, lambda ws: ws.practice.export_attempts(path, [pid])) \
            .success(lambda n: self.teacher_label.setText(
                self.tr("{n} attempts saved to {path}.").format(n=n, path=path))).run()

    def export_report(self, path: str | None = None) -> None:
        """Write the class report as CSV or PDF (by the file's extension)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Class report"),
                                                  "class-report.pdf",
                                                  self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if not path:
            return
        language = self.app.ui_language()
        Op(self, lambda ws: ws.export_class_report(path, language)) \
            .with_progress(self.tr("Writing the class report…")) \
            .success(lambda _r: self.teacher_label.setText(
                self.tr("Class report saved to {path}.").format(path=path))).run()
