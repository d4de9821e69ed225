"""The practice session builder: what to practise (topics, systems, tags), how (language,
question types, pools, count, tutor or timed mode, pace), the review-deck and recommended
sessions, resume; the choices are kept between sessions in the data folder."""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QCollator, QLocale, QSettings, QSignalBlocker, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QWidget)

from ..domain import facet_name, topic_name
from ..errors import EduAppError
from .ops import error_text

#: The builder's choices kept between sessions, in the data folder (UI state).
UI_STATE_FILE = "ui-state.ini"


class SessionBuilder(QWidget):
    """The builder form. The page connects ``start_button``, ``review_button``,
    ``recommend_button`` and ``resume_button`` to its actions; :meth:`spec` is the
    :class:`~eduapp.practice.TestSpec` shown.

    :param app: the :class:`~eduapp.ui.app.App` (its practice service, current student and
        interface language).
    :ivar ready: set by the page once the practice history could be opened; until then
        nothing is counted or listed.
    """

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.ready = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._build_lists(), 4)
        outer.addWidget(self._build_how(), 3)

    @property
    def service(self):
        return self.app.workspace.practice

    def _build_lists(self) -> QGroupBox:
        lists = QGroupBox(self.tr("What to practise"))
        grid = QGridLayout(lists)
        self.topic_list = QListWidget()
        self.system_list = QListWidget()
        for lst in (self.topic_list, self.system_list):
            lst.setSelectionMode(QAbstractItemView.MultiSelection)
            lst.setWordWrap(True)
            lst.setTextElideMode(Qt.ElideNone)
        for column, text in enumerate((self.tr("Topics (none selected: all)"),
                                       self.tr("Systems (none selected: all)"))):
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(label, 0, column)
        grid.addWidget(self.topic_list, 1, 0)
        grid.addWidget(self.system_list, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for lst in (self.topic_list, self.system_list):
            lst.itemSelectionChanged.connect(self.update_available)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.editingFinished.connect(self.update_available)
        grid.addWidget(self.tags_edit, 2, 0, 1, 2)
        return lists

    def _build_how(self) -> QGroupBox:
        opts = QGroupBox(self.tr("How"))
        form = QFormLayout(opts)
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("English"), "en")
        self.language_box.addItem(self.tr("Chinese"), "zh")
        self.language_box.addItem(self.tr("Both languages"), "")
        self.language_box.setCurrentIndex(self.language_box.findData(
            self.app.ui_language()))
        self.language_box.currentIndexChanged.connect(lambda _=0: self.refresh())
        form.addRow(self.tr("Question language"), self.language_box)
        self.type_boxes = {}
        types = QGridLayout()
        for n, (key, label) in enumerate((("sba", self.tr("Single best answer")),
                                          ("multi", self.tr("Multiple response")),
                                          ("tf", self.tr("True/false")),
                                          ("short", self.tr("Short answer")))):
            box = QCheckBox(label)
            box.setChecked(True)
            box.toggled.connect(lambda _=False: self.update_available())
            self.type_boxes[key] = box
            types.addWidget(box, n // 2, n % 2)
        form.addRow(self.tr("Question types"), types)
        self.pool_boxes = {}
        pools = QGridLayout()
        for n, (key, label) in enumerate((("unused", self.tr("Unused")),
                                          ("incorrect", self.tr("Incorrect")),
                                          ("flagged", self.tr("Flagged")),
                                          ("due", self.tr("Due for review")))):
            box = QCheckBox(label)
            box.toggled.connect(lambda _=False: self.update_available())
            self.pool_boxes[key] = box
            pools.addWidget(box, n // 2, n % 2)
        form.addRow(self.tr("Only from (none ticked: all)"), pools)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 300)
        self.count_spin.setValue(20)
        self.count_spin.valueChanged.connect(lambda _=0: self.update_available())
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
        self.restore_choices()
        self.start_button = QPushButton(self.tr("Start"))
        form.addRow(self.start_button)
        self.deck_label = QLabel()
        self.deck_label.setWordWrap(True)
        form.addRow(self.deck_label)
        self.review_button = QPushButton(self.tr("Start today's reviews"))
        form.addRow(self.review_button)
        self.recommend_button = QPushButton(self.tr("Start the recommended session"))
        form.addRow(self.recommend_button)
        self.recommend_label = QLabel()
        self.recommend_label.setWordWrap(True)
        form.addRow(self.recommend_label)
        self.resume_button = QPushButton(self.tr("Resume where I stopped"))
        form.addRow(self.resume_button)
        return opts

    # ------------------------------------------------------------------ contents

    def language(self) -> str:
        """The question language chosen: ``en``, ``zh`` or ``""`` for both."""
        return self.language_box.currentData()

    def update_buttons(self) -> None:
        """The start buttons work once a student is chosen."""
        has = self.app.student_id is not None
        for b in (self.start_button, self.review_button, self.recommend_button,
                  self.resume_button):
            b.setEnabled(has)

    def refresh(self) -> None:
        """Topics and systems with their question counts in the chosen language (only
        what students may be served), named in the interface language; the deck counts and
        resumable sessions of the current student."""
        if not self.ready:  # the page is being built, or the history cannot be read
            return
        language = self.language()
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
                names = {v: (topic_name(v, ui) if key == "topic" else facet_name(v, ui))
                         for v in counts if v}
                for value in sorted(names, key=lambda v: collator.sortKey(names[v])):
                    item = QListWidgetItem(self.tr("{name} ({n})").format(
                        name=names[value], n=counts[value]))
                    item.setData(Qt.UserRole, value)
                    if names[value] != value:  # the stored value, for the teacher's words
                        item.setToolTip(value)
                    lst.addItem(item)
                    item.setSelected(value in chosen)
        self.update_available()
        pid = self.app.student_id
        self.update_buttons()
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

    def update_available(self) -> None:
        """Say how many questions match the builder's choices (pools aside) and whether
        the session will be shorter than asked."""
        if not self.ready:
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
        from ..practice import TestSpec
        language = self.language()
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

    def save_choices(self) -> None:
        """Keep the builder's choices (count, mode, pace, types, language) for next time."""
        st = self._ui_state()
        st.setValue("practice/builder", json.dumps({
            "count": self.count_spin.value(), "mode": self.mode_box.currentData(),
            "pace": self.pace_spin.value(), "language": self.language(),
            "types": [k for k, b in self.type_boxes.items() if b.isChecked()]}))
        st.sync()

    def restore_choices(self) -> None:
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


__all__ = ["SessionBuilder", "UI_STATE_FILE"]
