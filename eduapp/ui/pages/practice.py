"""The student's practice page: profiles, the custom test builder, tutor and timed
sessions, short-answer marking, the tutor, resume.

Keyboard first: 1-5 or A-E choose an option, Shift+letter (or a right-click) strikes it
out, Enter checks (tutor) or moves on (timed), Ctrl+Enter submits a short answer, F flags,
H highlights the text selected in the stem, L shows the lab values, Left/Right move; once
the answer is shown, 1-4 rate the FSRS card (Again, Hard, Good, Easy). The page holds a
:class:`~eduapp.practice.Session`; each action is a few milliseconds of SQLite and runs on
the GUI thread; building a session, marking a short answer with the LLM and asking the
tutor run through :class:`~eduapp.ui.ops.Op`.
"""

from __future__ import annotations

import html
import json
import os

from PySide6.QtCore import QCollator, QLocale, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QStackedWidget, QTableWidget, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from ...domain import Changes, facet_name
from ...errors import EduAppError
from ..ops import Op, error_text, show_error
from ..page import Page
from ..student_widgets import StudentPicker

LETTERS = "ABCDEFGHIJ"
OPTION_STYLE = "text-align: left; padding: 6px;"
HIGHLIGHT = "#fff0a0"
#: The builder's choices kept between sessions, in the data folder (UI state).
UI_STATE_FILE = "ui-state.ini"


class OptionButton(QPushButton):
    """One answer option: click chooses, right-click strikes out."""

    struck = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.setFocusPolicy(Qt.NoFocus)
        self.setCheckable(True)
        self.setStyleSheet(OPTION_STYLE)

    def mousePressEvent(self, event):
        if event.button() == Qt.RightButton:
            self.struck.emit(self.index)
            return
        super().mousePressEvent(event)


class AnswerEdit(QPlainTextEdit):
    """The short-answer box: Ctrl+Enter (or Ctrl+Return) emits ``submitted``; plain Enter
    starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and \
                event.modifiers() & Qt.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class LabPanel(QWidget):
    """Laboratory reference values (:mod:`eduapp.practice.labvalues`): a filter box and a
    table of analyte (its unit on a second line), adult range in SI units (NBME list) and
    the Chinese textbook range, with names in the interface language."""

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        from ...practice.labvalues import GROUPS
        self.language = language
        self.groups = GROUPS
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Lab values (adult reference ranges)"))
        title.setObjectName("sectionTitle")
        v.addWidget(title)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a test, e.g. potassium"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.fill)
        v.addWidget(self.filter)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Test (unit)"), self.tr("Range (SI)"),
                                              self.tr("Range (CN)")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setTextElideMode(Qt.ElideNone)
        for c, width in ((1, 92), (2, 92)):  # long names and ranges wrap
            header.setSectionResizeMode(c, QHeaderView.Fixed)
            self.table.setColumnWidth(c, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        v.addWidget(self.table, 1)
        source = QLabel(self.tr("Sources: NBME laboratory values (USMLE), converted to SI; "
                                "Diagnostics (9th edition, People's Medical Publishing "
                                "House). Each laboratory sets its own ranges."))
        source.setWordWrap(True)
        source.setObjectName("hint")
        v.addWidget(source)
        self.fill()

    def fill(self, _text: str = "") -> None:
        """Show the values matching the filter, a group heading before each group."""
        from ...practice.labvalues import lab_values
        rows = lab_values(self.filter.text())
        zh = self.language == "zh"
        self.table.setRowCount(0)
        group = None
        for v in rows:
            if v.group != group:
                group = v.group
                r = self.table.rowCount()
                self.table.insertRow(r)
                head = QTableWidgetItem(self.groups[group][1 if zh else 0])
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                self.table.setItem(r, 0, head)
                self.table.setSpan(r, 0, 1, 3)
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = v.name(self.language) + (f"\n{v.unit}" if v.unit else "")
            for c, text in enumerate((name, v.si.replace("; ", "\n"),
                                      (v.cn or "–").replace("; ", "\n"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()


class PracticePage(Page):
    """Practice for the student chosen at the top.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.session = None
        self._option_buttons: list[OptionButton] = []
        self._pool: list[OptionButton] = []
        self._ready = False
        self.setFocusPolicy(Qt.StrongFocus)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    @property
    def service(self):
        return self.app.workspace.practice

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Practice"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Student:")))
        self.profile_box = StudentPicker(self.app)
        self.profile_box.student_changed.connect(self._profile_changed)
        top.addWidget(self.profile_box)
        new_profile = QPushButton(self.tr("New student…"))
        new_profile.clicked.connect(self.new_profile)
        top.addWidget(new_profile)
        layout.addLayout(top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_builder())
        self.stack.addWidget(self._build_question())
        layout.addWidget(self.stack, 1)

    def _build_builder(self) -> QWidget:
        w = QWidget()
        outer = QHBoxLayout(w)
        lists = QGroupBox(self.tr("What to practise"))
        grid = QGridLayout(lists)
        self.topic_list = QListWidget()
        self.system_list = QListWidget()
        for lst in (self.topic_list, self.system_list):
            lst.setSelectionMode(QAbstractItemView.MultiSelection)
        grid.addWidget(QLabel(self.tr("Topics (none selected: all)")), 0, 0)
        grid.addWidget(QLabel(self.tr("Systems (none selected: all)")), 0, 1)
        grid.addWidget(self.topic_list, 1, 0)
        grid.addWidget(self.system_list, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for lst in (self.topic_list, self.system_list):
            lst.itemSelectionChanged.connect(self._update_available)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.editingFinished.connect(self._update_available)
        grid.addWidget(self.tags_edit, 2, 0, 1, 2)
        outer.addWidget(lists, 4)

        opts = QGroupBox(self.tr("How"))
        form = QFormLayout(opts)
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("English"), "en")
        self.language_box.addItem(self.tr("Chinese"), "zh")
        self.language_box.addItem(self.tr("Both languages"), "")
        self.language_box.setCurrentIndex(self.language_box.findData(
            self.app.ui_language()))
        self.language_box.currentIndexChanged.connect(lambda _=0: self.refresh_builder())
        form.addRow(self.tr("Question language"), self.language_box)
        self.type_boxes = {}
        types = QHBoxLayout()
        for key, label in (("sba", self.tr("Single best answer")),
                           ("multi", self.tr("Multiple response")),
                           ("tf", self.tr("True/false")), ("short", self.tr("Short answer"))):
            box = QCheckBox(label)
            box.setChecked(True)
            box.toggled.connect(lambda _=False: self._update_available())
            self.type_boxes[key] = box
            types.addWidget(box)
        form.addRow(self.tr("Question types"), types)
        self.pool_boxes = {}
        pools = QHBoxLayout()
        for key, label in (("unused", self.tr("Unused")), ("incorrect", self.tr("Incorrect")),
                           ("flagged", self.tr("Flagged")), ("due", self.tr("Due for review"))):
            box = QCheckBox(label)
            box.toggled.connect(lambda _=False: self._update_available())
            self.pool_boxes[key] = box
            pools.addWidget(box)
        form.addRow(self.tr("Only from (none ticked: all)"), pools)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 300)
        self.count_spin.setValue(20)
        self.count_spin.valueChanged.connect(lambda _=0: self._update_available())
        form.addRow(self.tr("Questions"), self.count_spin)
        self.available_label = QLabel()
        self.available_label.setWordWrap(True)
        form.addRow(self.available_label)
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("Tutor: feedback after each answer"), "tutor")
        self.mode_box.addItem(self.tr("Timed: a clock, review at the end"), "timed")
        form.addRow(self.tr("Mode"), self.mode_box)
        self.pace_spin = QSpinBox()
        self.pace_spin.setRange(10, 600)
        self.pace_spin.setValue(90)
        self.pace_spin.setSuffix(self.tr(" s per question"))
        form.addRow(self.tr("Timed pace"), self.pace_spin)
        self._restore_choices()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.start_custom)
        form.addRow(self.start_button)
        self.deck_label = QLabel()
        self.deck_label.setWordWrap(True)
        form.addRow(self.deck_label)
        self.review_button = QPushButton(self.tr("Start today's reviews"))
        self.review_button.clicked.connect(self.start_reviews)
        form.addRow(self.review_button)
        self.recommend_button = QPushButton(self.tr("Start the recommended session"))
        self.recommend_button.clicked.connect(self.start_recommended)
        form.addRow(self.recommend_button)
        self.recommend_label = QLabel()
        self.recommend_label.setWordWrap(True)
        form.addRow(self.recommend_label)
        self.resume_button = QPushButton(self.tr("Resume where I stopped"))
        self.resume_button.clicked.connect(self.resume)
        form.addRow(self.resume_button)
        outer.addWidget(opts, 3)
        return w

    def _build_question(self) -> QWidget:
        w = QWidget()
        split = QSplitter(Qt.Horizontal)
        lay = QHBoxLayout(w)
        lay.addWidget(split)
        left = QWidget()
        v = QVBoxLayout(left)
        head = QHBoxLayout()
        self.position_label = QLabel()
        head.addWidget(self.position_label)
        head.addStretch(1)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        head.addWidget(self.clock_label)
        v.addLayout(head)
        self.set_label = QLabel()
        self.set_label.setWordWrap(True)
        self.set_label.setTextFormat(Qt.RichText)
        v.addWidget(self.set_label)
        self.stem_label = QLabel()
        self.stem_label.setWordWrap(True)
        self.stem_label.setTextFormat(Qt.RichText)
        self.stem_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.stem_label.setFocusPolicy(Qt.NoFocus)
        v.addWidget(self.stem_label)
        self.options_box = QVBoxLayout()
        v.addLayout(self.options_box)
        self.answer_edit = AnswerEdit()
        self.answer_edit.setPlaceholderText(self.tr("Type your answer (Ctrl+Enter to submit)"))
        self.answer_edit.submitted.connect(self._submit_text)
        self.answer_edit.setMaximumHeight(100)
        v.addWidget(self.answer_edit)
        self.removed_label = QLabel(self.tr("This question was removed from the bank after the "
                                            "session began; you can still answer it."))
        self.removed_label.setWordWrap(True)
        v.addWidget(self.removed_label)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("← Previous"))
        self.prev_button.clicked.connect(lambda: self.move(-1))
        self.flag_button = QPushButton(self.tr("Flag (F)"))
        self.flag_button.clicked.connect(self.toggle_flag)
        self.check_button = QPushButton(self.tr("Check (Enter)"))
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.submit_button = QPushButton(self.tr("Submit the session"))
        self.submit_button.clicked.connect(self.submit)
        self.end_button = QPushButton(self.tr("Back to the builder"))
        self.end_button.clicked.connect(self.leave)
        for b in (self.prev_button, self.flag_button, self.check_button, self.next_button,
                  self.submit_button, self.end_button):
            b.setFocusPolicy(Qt.NoFocus)
            buttons.addWidget(b)
        v.addLayout(buttons)
        tools = QHBoxLayout()
        self.highlight_button = QPushButton(self.tr("Highlight selection (H)"))
        self.highlight_button.setToolTip(self.tr("Select words of the question with the "
                                                 "mouse, then press H or this button; "
                                                 "again to clear."))
        self.highlight_button.clicked.connect(self.highlight_selection)
        self.lab_button = QPushButton(self.tr("Lab values (L)"))
        self.lab_button.setCheckable(True)
        self.lab_button.toggled.connect(self._show_labs)
        strike_hint = QLabel(self.tr("Right-click an option or press Shift+letter to strike "
                                     "it out."))
        strike_hint.setObjectName("hint")
        strike_hint.setWordWrap(True)
        for b in (self.highlight_button, self.lab_button):
            b.setFocusPolicy(Qt.NoFocus)
            tools.addWidget(b)
        tools.addWidget(strike_hint, 1)
        v.addLayout(tools)
        rating = QHBoxLayout()
        self.rating_label = QLabel(self.tr("How well did you know it?"))
        rating.addWidget(self.rating_label)
        self.rating_buttons = []
        for value, label in ((1, self.tr("1 Again")), (2, self.tr("2 Hard")),
                             (3, self.tr("3 Good")), (4, self.tr("4 Easy"))):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.NoFocus)
            b.clicked.connect(lambda _=False, r=value: self.rate(r))
            rating.addWidget(b)
            self.rating_buttons.append(b)
        rating.addStretch(1)
        v.addLayout(rating)
        self.rating_note = QLabel()
        self.rating_note.setObjectName("hint")
        self.rating_note.setWordWrap(True)
        v.addWidget(self.rating_note)
        self.feedback = QTextBrowser()
        self.feedback.setOpenExternalLinks(False)
        v.addWidget(self.feedback, 1)
        marks = QHBoxLayout()
        self.mark_label = QLabel()
        marks.addWidget(self.mark_label)
        self.mark_buttons = []
        for score, label in ((0.0, self.tr("Wrong")), (0.5, self.tr("Partly right")),
                             (1.0, self.tr("Right"))):
            b = QPushButton(label)
            b.setFocusPolicy(Qt.NoFocus)
            b.clicked.connect(lambda _=False, s=score: self.self_mark(s))
            marks.addWidget(b)
            self.mark_buttons.append(b)
        marks.addStretch(1)
        v.addLayout(marks)
        self.tutor_status_label = QLabel()
        self.tutor_status_label.setWordWrap(True)
        self.tutor_status_label.setObjectName("hint")
        v.addWidget(self.tutor_status_label)
        tutor = QHBoxLayout()
        self.tutor_edit = QLineEdit()
        self.tutor_edit.setPlaceholderText(self.tr("Ask the tutor about this question"))
        self.tutor_edit.returnPressed.connect(self.ask_tutor)
        tutor.addWidget(self.tutor_edit, 1)
        ask = QPushButton(self.tr("Ask"))
        ask.setObjectName("askButton")
        ask.setFocusPolicy(Qt.NoFocus)
        ask.clicked.connect(self.ask_tutor)
        tutor.addWidget(ask)
        v.addLayout(tutor)
        split.addWidget(left)
        self.navigator = QListWidget()
        self.navigator.setFocusPolicy(Qt.NoFocus)
        self.navigator.setMaximumWidth(170)
        self.navigator.setMinimumWidth(96)
        self.navigator.itemClicked.connect(lambda it: self.go(self.navigator.row(it)))
        split.addWidget(self.navigator)
        self.lab_panel = LabPanel(self.app.ui_language())
        self.lab_panel.hide()
        split.addWidget(self.lab_panel)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(2, 3)
        split.setChildrenCollapsible(False)
        self.question_split = split
        return w

    # ------------------------------------------------------------------ profiles

    def on_shown(self) -> None:
        """Called by the main window when the page comes up."""
        if not self._ready:
            try:
                store = self.service.store
            except EduAppError as e:  # e.g. a history file from a newer EduApp
                self.notice.setText(error_text(e))
                self.notice.show()
                self.stack.setEnabled(False)
                return
            self._ready = True
            if store.recovered_from:
                self.notice.setText(self.tr(
                    "The practice history was damaged. It was kept as {path}; {n} answers "
                    "could be recovered into a fresh history.").format(
                    path=store.recovered_from, n=store.salvaged))
                self.notice.show()
            self.refresh_profiles()
            self.refresh_builder()

    def on_changes(self, changes: Changes) -> None:
        """Items changed in the bank: refresh the builder, or mark questions of the running
        session that were deleted (the session goes on from its own copy)."""
        if not changes.items or not self._ready:
            return
        if self.session is None:
            self.refresh_builder()
        else:
            self.session.removed = self.service.removed_uids(
                [i.uid for i in self.session.items])
            self.show_question()

    def refresh_profiles(self) -> None:
        """Fill the student picker; the shared current student stays selected."""
        self.profile_box.refresh(self.service.profiles())
        self._update_buttons()

    def profile_id(self) -> int | None:
        return self.app.student_id

    def _profile_changed(self, _profile_id=None) -> None:
        self.leave()
        self.refresh_builder()
        self.app.changed.emit(Changes(practice=True))

    def new_profile(self) -> None:
        """The New student… button: ask for the name and course, then add the profile.
        (A slot with no parameters: ``clicked`` passes ``checked``, which must not land
        in an optional parameter.)"""
        name, ok = QInputDialog.getText(self, self.tr("New student"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        course, _ = QInputDialog.getText(self, self.tr("New student"),
                                         self.tr("Course (optional):"))
        self.add_profile(name, course)

    def add_profile(self, name: str, course: str = "") -> None:
        """Add a student profile and make it the current student."""
        try:
            pid, changes = self.app.workspace.create_student(name, course or "")
        except EduAppError as e:
            show_error(self, e)
            return
        self.app.student_id = pid
        self.app.changed.emit(changes)
        self.refresh_profiles()
        self.refresh_builder()

    def _update_buttons(self) -> None:
        has = self.profile_id() is not None
        for b in (self.start_button, self.review_button, self.recommend_button,
                  self.resume_button):
            b.setEnabled(has)

    # ------------------------------------------------------------------ builder

    def refresh_builder(self) -> None:
        """Topics and systems with their question counts in the chosen language (only
        what students may be served), the deck counts and resumable sessions."""
        if not self._ready:  # the page is being built, or the history cannot be read
            return
        language = self.language_box.currentData()
        ui = self.app.ui_language()
        languages = [language] if language else []
        collator = QCollator(QLocale(QLocale.Chinese, QLocale.China) if ui == "zh"
                             else QLocale(QLocale.English))  # Chinese names by pinyin
        collator.setCaseSensitivity(Qt.CaseInsensitive)
        for lst, key in ((self.topic_list, "topic"), (self.system_list, "system")):
            chosen = {i.data(Qt.UserRole) for i in lst.selectedItems()}
            counts = self.service.question_counts(key, languages)
            with QSignalBlocker(lst):
                lst.clear()
                names = {v: (v if key == "topic" else facet_name(v, ui)) for v in counts if v}
                for value in sorted(names, key=lambda v: collator.sortKey(names[v])):
                    item = QListWidgetItem(self.tr("{name} ({n})").format(
                        name=names[value], n=counts[value]))
                    item.setData(Qt.UserRole, value)
                    lst.addItem(item)
                    item.setSelected(value in chosen)
        self._update_available()
        pid = self.profile_id()
        self._update_buttons()
        if pid is None:
            self.deck_label.setText(self.tr("Add a student to begin."))
            return
        deck = self.service.deck(pid, detail=False)
        cards = (self.tr("1 card") if deck.total == 1 else
                 self.tr("{n} cards").format(n=deck.total))
        self.deck_label.setText(self.tr("Review deck: {cards}, {due} due now, {today} due "
                                        "today.").format(cards=cards, due=deck.due_now,
                                                         today=deck.due_today))
        self.review_button.setEnabled(deck.due_now > 0)
        self.recommend_label.setText("\n".join(
            [w.sentence(self.app.ui_language()) for w in self.service.weak_areas(pid, 3)]))
        self.resume_button.setEnabled(bool(self.service.open_sessions(pid)))

    def _update_available(self) -> None:
        """Say how many questions match the builder's choices (pools aside) and whether
        the session will be shorter than asked."""
        if not self._ready:
            return
        try:
            n = self.service.matching_count(self.spec())
        except EduAppError as e:
            self.available_label.setText(error_text(e))
            return
        want = self.count_spin.value()
        text = (self.tr("1 question matches these choices.") if n == 1 else
                self.tr("{n} questions match these choices.").format(n=n))
        if n < want:
            text += " " + self.tr("A session will hold {n} (you asked for {want}); your "
                                  "setting is kept.").format(n=n, want=want)
        self.available_label.setText(text)

    def spec(self):
        """The :class:`~eduapp.practice.TestSpec` the builder shows."""
        from ...practice import TestSpec
        language = self.language_box.currentData()
        return TestSpec(
            topics=[i.data(Qt.UserRole) for i in self.topic_list.selectedItems()],
            systems=[i.data(Qt.UserRole) for i in self.system_list.selectedItems()],
            tags=[t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
            types=[k for k, b in self.type_boxes.items() if b.isChecked()],
            languages=[language] if language else [],
            pools=[k for k, b in self.pool_boxes.items() if b.isChecked()],
            count=self.count_spin.value(), mode=self.mode_box.currentData(),
            seconds_per_question=float(self.pace_spin.value()))

    # ------------------------------------------------------------------ kept choices

    def _ui_state(self) -> QSettings:
        """The data folder's UI-state file (builder choices live with the data, so two
        data folders or two test runs never share them)."""
        return QSettings(os.path.join(self.app.data_dir, UI_STATE_FILE), QSettings.IniFormat)

    def _save_choices(self) -> None:
        """Keep the builder's choices (count, mode, pace, types, language) for next time."""
        st = self._ui_state()
        st.setValue("practice/builder", json.dumps({
            "count": self.count_spin.value(), "mode": self.mode_box.currentData(),
            "pace": self.pace_spin.value(), "language": self.language_box.currentData(),
            "types": [k for k, b in self.type_boxes.items() if b.isChecked()]}))
        st.sync()

    def _restore_choices(self) -> None:
        """Put back the choices of the last session started (defaults when none)."""
        try:
            saved = json.loads(self._ui_state().value("practice/builder", "") or "{}")
        except (TypeError, ValueError):
            return
        if not isinstance(saved, dict):
            return
        if isinstance(saved.get("count"), int):
            self.count_spin.setValue(saved["count"])
        if isinstance(saved.get("pace"), int):
            self.pace_spin.setValue(saved["pace"])
        for box, key in ((self.mode_box, "mode"), (self.language_box, "language")):
            k = box.findData(saved.get(key))
            if key in saved and k >= 0:
                box.setCurrentIndex(k)
        if isinstance(saved.get("types"), list) and saved["types"]:
            for key, b in self.type_boxes.items():
                b.setChecked(key in saved["types"])

    def start_custom(self) -> None:
        self._save_choices()
        self.start_spec(self.spec())

    def start_reviews(self) -> None:
        pid = self.profile_id()
        if pid is not None:
            self.start_spec(self.service.review_spec(pid))

    def start_recommended(self) -> None:
        pid = self.profile_id()
        if pid is not None:
            spec = self.service.recommend(pid).spec
            language = self.language_box.currentData()
            spec.languages = [language] if language else []  # the builder's language
            self.start_spec(spec)

    def start_spec(self, spec) -> None:
        """Build a session from ``spec`` on a worker and show its first question."""
        pid = self.profile_id()
        if pid is None:
            return
        Op(self, lambda ws: ws.practice.start(pid, spec)) \
            .with_progress(self.tr("Choosing questions…")) \
            .success(lambda session: self._started(session, spec.count)).run()

    def _started(self, session, asked: int) -> None:
        """Show a new session; say so when fewer questions matched than were asked for."""
        self.show_session(session)
        if len(session) < asked:
            self.notice.setText(self.tr(
                "Only {n} questions match your choices, so this session has {n} (you asked "
                "for {want}; that setting is kept).").format(n=len(session), want=asked))
            self.notice.show()

    def resume(self) -> None:
        """Open the student's last unfinished session where it stopped."""
        pid = self.profile_id()
        if pid is None:
            return
        try:
            session = self.service.resume(pid)
        except EduAppError as e:
            show_error(self, e)
            self.refresh_builder()
            return
        if session is not None:
            self.show_session(session)

    def show_session(self, session) -> None:
        self.session = session
        self.notice.hide()
        self.stack.setCurrentIndex(1)
        status = self.app.workspace.tutor_status()
        self.tutor_status_label.setText(status.describe(self.app.ui_language()))
        if session.time_limit is not None and not session.finished:
            self.timer.start()
        self.show_question()
        self.setFocus()

    def leave(self) -> None:
        """Back to the builder (an unfinished session stays resumable)."""
        self.timer.stop()
        self.session = None
        self.stack.setCurrentIndex(0)
        if self._ready:
            self.refresh_builder()

    # ------------------------------------------------------------------ question view

    def show_question(self) -> None:
        s = self.session
        if s is None:
            return
        q = s.question()
        tutor = s.mode == "tutor"
        self.position_label.setText(self.tr("Question {n} of {total}").format(
            n=q.index + 1, total=q.total) + (self.tr(" · flagged") if q.flagged else ""))
        set_text = ""
        if q.set_kind == "case":
            set_text = (f"<b>{html.escape(q.set_title)}</b> " + self.tr("(question {k} of {m})")
                        .format(k=q.set_position + 1, m=q.set_size)
                        + f"<p>{html.escape(q.set_vignette)}</p>")
        elif q.set_kind == "shared_options":
            set_text = (f"<b>{html.escape(q.set_title)}</b> " + self.tr("(question {k} of {m}, "
                        "shared options)").format(k=q.set_position + 1, m=q.set_size))
        self.set_label.setText(set_text)
        self.set_label.setVisible(bool(set_text))
        self.stem_label.setText(self._stem_html(q.item.full_stem, q.highlights))
        self.removed_label.setVisible(q.removed)
        choice = q.item.type in ("sba", "multi", "tf")
        chosen = set(q.response or []) if isinstance(q.response, list) else set()
        locked = q.checked or s.finished
        n = len(q.item.options) if choice else 0
        while len(self._pool) < n:  # option buttons are made once and reused
            b = OptionButton(len(self._pool), self)
            b.clicked.connect(lambda _=False, k=len(self._pool): self.choose(k))
            b.struck.connect(self.strike)
            self.options_box.addWidget(b)
            self._pool.append(b)
        self._option_buttons = self._pool[:n]
        for i, b in enumerate(self._pool):
            b.setVisible(i < n)
        for i, (b, o) in enumerate(zip(self._option_buttons, q.item.options)):
            font = b.font()
            font.setStrikeOut(i in q.struck)
            b.setFont(font)
            b.setText(f"{LETTERS[i] if i < len(LETTERS) else i + 1}. {o.text}")
            b.setChecked(i in chosen)
            b.setEnabled(not locked)
            colour = ""
            if q.feedback is not None and q.feedback.score is not None:
                colour = ("background: #d8f5dd; color: #0b3d17;" if o.correct else
                          "background: #fde2e1; color: #5c1310;" if i in chosen else "")
            b.setStyleSheet(OPTION_STYLE + colour)
        self.answer_edit.setVisible(not choice)
        if not choice:
            self.answer_edit.blockSignals(True)
            self.answer_edit.setPlainText(q.response if isinstance(q.response, str) else "")
            self.answer_edit.blockSignals(False)
            self.answer_edit.setReadOnly(locked)
        self.check_button.setVisible(tutor and not s.finished)
        self.check_button.setEnabled(not q.checked)
        self.submit_button.setVisible(not s.finished)
        self.submit_button.setText(self.tr("Submit the session") if s.mode == "timed"
                                   else self.tr("End the session"))
        self.flag_button.setText(self.tr("Unflag (F)") if q.flagged else self.tr("Flag (F)"))
        self.feedback.setHtml(self._feedback_html(q) if q.feedback else "")
        self._show_rating(q)
        pending = q.feedback is not None and q.item.type == "short" and (
            q.feedback.score is None or q.feedback.marked_by == "llm")
        self.mark_label.setText(self.tr("Mark your answer:") if q.feedback and
                                q.feedback.score is None else self.tr("Disagree? Your mark:"))
        for w in (self.mark_label, *self.mark_buttons):
            w.setVisible(bool(pending))
        self._refresh_navigator()
        self._update_clock()

    @staticmethod
    def _stem_html(text: str, highlights) -> str:
        """The stem as rich text with the highlighted ranges marked; every character of
        ``text`` stays one character of the label (a line break is ``<br/>``), so the
        label's selection positions are positions in ``text``."""
        marks = sorted(highlights)
        out, pos = [], 0
        for a, b in marks:
            out.append(html.escape(text[pos:a]))
            out.append(f"<span style='background:{HIGHLIGHT}'>{html.escape(text[a:b])}</span>")
            pos = b
        out.append(html.escape(text[pos:]))
        return "".join(out).replace("\n", "<br/>")

    def _show_rating(self, q) -> None:
        """The Again/Hard/Good/Easy row once the answer is recorded: the card's rating is
        checked (the automatic one until the student chooses)."""
        visible = bool(q.rateable or (q.rating and q.feedback))
        for w in (self.rating_label, *self.rating_buttons, self.rating_note):
            w.setVisible(visible)
        if not visible:
            return
        for value, b in enumerate(self.rating_buttons, start=1):
            b.setChecked(value == q.rating)
            b.setEnabled(q.rateable)
        self.rating_note.setText(self.tr("Press 1-4. Your rating sets when this question "
                                         "comes back for review.") if q.rateable else "")

    def _feedback_html(self, q) -> str:
        fb = q.feedback
        parts = []
        if fb.score is None:
            parts.append("<p><b>" + html.escape(self.tr("Compare your answer with the model "
                                                         "answer and mark it.")) + "</b></p>")
        elif fb.correct:
            parts.append("<p style='color:#1a7f37'><b>" + html.escape(self.tr("Right")) +
                         "</b></p>")
        elif fb.verdict == "partly":
            parts.append("<p style='color:#9a6700'><b>" + html.escape(
                self.tr("Partly right ({score:.0%})").format(score=fb.score)) + "</b></p>")
        else:
            parts.append("<p style='color:#b42318'><b>" + html.escape(
                self.tr("Not right ({score:.0%})").format(score=fb.score)) + "</b></p>")
        if fb.options:
            parts.append("<ul>")
            for o in fb.options:
                mark = "✔" if o.correct else "✘"
                you = html.escape(self.tr(" (your answer)")) if o.chosen else ""
                parts.append(f"<li>{mark} <b>{LETTERS[o.index] if o.index < 10 else o.index}"
                             f".</b> {html.escape(o.text)}{you}"
                             + (f"<br/><i>{html.escape(o.explanation)}</i>" if o.explanation
                                else "") + "</li>")
            parts.append("</ul>")
        if fb.model_answer:
            parts.append("<p><b>" + html.escape(self.tr("Model answer:")) + "</b> "
                         + html.escape(fb.model_answer) + "</p>")
        if fb.rubric:
            parts.append("<p><b>" + html.escape(self.tr("Rubric:")) + "</b> "
                         + html.escape(fb.rubric) + "</p>")
        if fb.missing:
            parts.append("<p><b>" + html.escape(self.tr("Missing:")) + "</b> "
                         + html.escape("; ".join(fb.missing)) + "</p>")
        if fb.marker_comment:
            parts.append(f"<p>{html.escape(fb.marker_comment)}</p>")
        if fb.student_score is not None:
            parts.append("<p>" + html.escape(self.tr("Your own mark: {score:.0%}").format(
                score=fb.student_score)) + "</p>")
        if fb.explanation:
            parts.append(f"<p>{html.escape(fb.explanation)}</p>")
        if fb.references:
            parts.append("<p><b>" + html.escape(self.tr("References:")) + "</b> "
                         + html.escape("; ".join(fb.references)) + "</p>")
        return "".join(parts)

    def _refresh_navigator(self) -> None:
        s = self.session
        nav = s.navigator()
        if self.navigator.count() != len(nav):
            self.navigator.clear()
            for _ in nav:
                self.navigator.addItem(QListWidgetItem())
        for i, n in enumerate(nav):
            item = self.navigator.item(i)
            score = n.get("score")
            state = (self.tr("right") if n["correct"] else self.tr("partly right")
                     if score is not None and score >= 0.5 else self.tr("wrong")) \
                if n["correct"] is not None else (self.tr("answered") if n["answered"]
                                                  else self.tr("not answered"))
            item.setText(f"{i + 1}. {state}" + (" ⚑" if n["flagged"] else ""))
        self.navigator.setCurrentRow(s.index)

    def _update_clock(self) -> None:
        s = self.session
        left = s.remaining() if s else None
        if left is None:
            self.clock_label.setText("")
        else:
            m, sec = divmod(int(round(left)), 60)
            self.clock_label.setText(self.tr("Time left {m}:{s:02d}").format(m=m, s=sec))

    # ------------------------------------------------------------------ actions

    def _guard(self, fn, *args):
        """Run a session action; an expected failure is shown as a sentence."""
        try:
            return fn(*args)
        except EduAppError as e:
            show_error(self, e)
            return None

    def choose(self, option: int) -> None:
        """Choose option ``option`` (zero-based) of the current question."""
        s = self.session
        if s is None or s.finished:
            return
        q = s.question()
        if q.checked or q.item.type not in ("sba", "multi", "tf") or \
                option >= len(q.item.options):
            return
        self._guard(s.choose_option, option)
        self.show_question()

    def strike(self, option: int) -> None:
        """Strike option ``option`` out (or back in)."""
        s = self.session
        if s is None or s.finished or option >= len(s.question().item.options):
            return
        self._guard(s.toggle_strike, option)
        self.show_question()

    def highlight_selection(self) -> None:
        """Highlight the text selected in the stem (or clear a highlight there)."""
        s = self.session
        if s is None or not self.stem_label.hasSelectedText():
            return
        start = self.stem_label.selectionStart()
        end = start + len(self.stem_label.selectedText())
        self._guard(s.toggle_highlight, start, end)
        self.show_question()

    def _show_labs(self, shown: bool) -> None:
        self.lab_panel.setVisible(shown)
        if shown:  # the question keeps about half of the width
            total = sum(self.question_split.sizes())
            self.question_split.setSizes([total * 11 // 20, total // 10, total * 7 // 20])

    def rate(self, rating: int) -> None:
        """The student's FSRS rating (1 Again .. 4 Easy) of the current answer."""
        s = self.session
        if s is None or not s.question().rateable:
            return
        self._guard(s.rate, rating)
        self.show_question()
        self.app.changed.emit(Changes(practice=True))

    def _submit_text(self) -> None:
        """Ctrl+Enter in the answer box: check (tutor) or keep it and move on (timed)."""
        s = self.session
        if s is None or s.finished:
            return
        if s.mode == "tutor":
            self.check()
        else:
            self.move(1)

    def toggle_flag(self) -> None:
        if self.session is not None:
            self._guard(self.session.toggle_flag)
            self.show_question()

    def move(self, step: int) -> None:
        if self.session is not None:
            self.go(self.session.index + step)

    def go(self, index: int) -> None:
        s = self.session
        if s is None:
            return
        self._save_text()
        self._guard(s.go, index)
        self.show_question()

    def _save_text(self) -> None:
        s = self.session
        if s is None or s.finished:
            return
        q = s.question()
        if q.item.type not in ("sba", "multi", "tf") and not q.checked:
            text = self.answer_edit.toPlainText()
            if text != (q.response or ""):
                self._guard(s.select, text)

    def check(self) -> None:
        """Tutor mode: mark the current answer (short answers on a worker: the LLM)."""
        s = self.session
        if s is None or s.finished or s.mode != "tutor":
            return
        q = s.question()
        if q.checked:
            return
        if q.item.type in ("sba", "multi", "tf"):
            if not q.response:
                return
            self._guard(s.check)
            self.show_question()
            self.app.changed.emit(Changes(practice=True))
            return
        text = self.answer_edit.toPlainText()
        if not text.strip():
            return
        self._busy(True)
        Op(self, lambda _ws: s.check(text)).with_progress(self.tr("Marking…")) \
            .success(lambda _fb: self._after_check(s)) \
            .failure(lambda e: (self._busy(False), show_error(self, e))).run()

    def _busy(self, busy: bool) -> None:
        """While a worker marks, the question cannot be changed."""
        self.stack.setEnabled(not busy)

    def _after_check(self, session) -> None:
        self._busy(False)
        if session is self.session:
            self.show_question()
        self.app.changed.emit(Changes(practice=True))

    def self_mark(self, score: float) -> None:
        if self.session is not None:
            self._guard(self.session.self_mark, score)
            self.show_question()
            self.app.changed.emit(Changes(practice=True))

    def submit(self) -> None:
        """Submit a timed session (then review), or end a tutor session; with questions
        not answered yet, ask first."""
        s = self.session
        if s is None or s.finished:
            return
        self._save_text()
        unanswered = sum(1 for n in s.navigator() if not n["answered"])
        if unanswered:
            running = self.timer.isActive()
            self.timer.stop()
            question = (self.tr("1 question is not answered.") if unanswered == 1 else
                        self.tr("{n} questions are not answered.").format(n=unanswered))
            question += " " + (self.tr("Submit the session anyway? Unanswered questions "
                                       "count as wrong.") if s.mode == "timed" else
                               self.tr("End the session anyway? Unanswered questions are "
                                       "not counted."))
            answer = QMessageBox.question(
                self, self.tr("Submit") if s.mode == "timed" else self.tr("End the session"),
                question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                if running:
                    self.timer.start()
                return
        self.timer.stop()
        if s.mode == "timed":
            self._busy(True)
            Op(self, lambda _ws: s.submit()).with_progress(self.tr("Marking…")) \
                .success(lambda _r: self._after_submit(s)) \
                .failure(lambda e: (self._busy(False), show_error(self, e))).run()
        else:
            self._guard(s.submit)
            self._after_submit(s)

    def _after_submit(self, session, time_up: bool = False) -> None:
        self._busy(False)
        self.app.changed.emit(Changes(practice=True))
        if session is not self.session:
            return
        r = session.results()
        self.notice.setText((self.tr("Time is up: the session was submitted.") + " "
                             if time_up else "") +
                            self.tr("Session over: {correct} of {total} right ({score:.0%}). "
                                    "Review each question with the navigator.").format(
            correct=r["correct"], total=r["total"], score=r["score"]))
        self.notice.show()
        self._guard(session.go, 0)
        self.show_question()

    def _tick(self) -> None:
        s = self.session
        if s is None:
            self.timer.stop()
            return
        if not self.stack.isEnabled():  # a worker is marking this session
            return
        s.tick()
        self._update_clock()
        if s.finished:
            self.timer.stop()
            self._after_submit(s, time_up=True)

    def ask_tutor(self) -> None:
        """Ask the tutor about the current question (LLM when configured, else the
        question's explanations and lecture notes)."""
        s = self.session
        if s is None:
            return
        question = self.tutor_edit.text().strip() or self.tr("Explain this question.")
        item = s.question().item
        lang = self.app.ui_language()
        Op(self, lambda ws: ws.practice.ask_tutor(item, question, language=lang)) \
            .with_progress(self.tr("Asking the tutor…")) \
            .latest_only("practice.tutor").success(self._show_tutor).run()

    def _show_tutor(self, reply) -> None:
        sources = [self.tr("this question") if k == 0 and src == "Question" else src
                   for k, src in enumerate(reply.sources)]
        text = reply.text
        status = self.app.workspace.tutor_status()
        if reply.by == "offline" and status.available:  # configured, but it did not answer
            text = self.tr("{provider} ({model}) did not answer (not reachable or "
                           "failed), so here are the explanations and notes.").format(
                provider=status.provider, model=status.model) + "\n\n" + text
        self.feedback.setMarkdown(text + "\n\n" + self.tr("Sources: {s}").format(
            s="; ".join(sources)))

    # ------------------------------------------------------------------ keyboard

    def keyPressEvent(self, event) -> None:
        """1-5 / A-E choose, Shift+letter strikes, Enter checks, F flags, arrows move."""
        s = self.session
        if s is None or self.stack.currentIndex() != 1 or not self.stack.isEnabled() or \
                self.answer_edit.hasFocus() or \
                self.tutor_edit.hasFocus():
            super().keyPressEvent(event)
            return
        key = event.key()
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        q = s.question()
        if Qt.Key_1 <= key <= Qt.Key_4 and q.rateable:
            self.rate(key - Qt.Key_1 + 1)
        elif Qt.Key_1 <= key <= Qt.Key_9:
            self.choose(key - Qt.Key_1)
        elif Qt.Key_A <= key <= Qt.Key_E and shift:
            self.strike(key - Qt.Key_A)
        elif Qt.Key_A <= key <= Qt.Key_E:
            self.choose(key - Qt.Key_A)
        elif key == Qt.Key_F:
            self.toggle_flag()
        elif key == Qt.Key_H:
            self.highlight_selection()
        elif key == Qt.Key_L:
            self.lab_button.toggle()
        elif key in (Qt.Key_Return, Qt.Key_Enter):
            if s.mode == "tutor" and not s.finished and not s.question().checked:
                self.check()
            else:
                self.move(1)
        elif key == Qt.Key_Right:
            self.move(1)
        elif key == Qt.Key_Left:
            self.move(-1)
        else:
            super().keyPressEvent(event)
