"""The form of a virtual-patient case script: every part of a
:class:`~eduapp.vpatient.CaseScript` in fields and tables, no JSON to type.

Tabs: the case and the patient (demographics, persona, chief complaint, learning
objectives, what unlisted questions and tests return, the patient's stock replies); the
history facts with the ways a student may ask for them; examination findings by system;
investigations (result, cost, turnaround); diagnosis, differential and expected
management; the scoring checklist (sections, items, weights, what each item refers to);
the debrief; states and rules (OpenLabyrinth-style nodes and counters).

Lists inside a table cell are separated by commas (``,`` or ``，``), example questions by
``;``; a state's examination changes are ``exam id: finding`` parts separated by ``|``;
counters are ``name=value`` separated by commas.

Every row is checked as it is committed (single fields once typing pauses for
``SETTLE_MS``): the last column of a table ("Row check") says what is
wrong with the row (a checklist item that refers to something not in the script, a fact
nobody can ask for, a duplicate id), in red; the checks themselves are in
:mod:`.case_checks`. :meth:`CaseEditor.script_dict` reads the form back as the script's
JSON shape (:mod:`.case_form_data` maps keys to fields both ways); fields the form does
not show (``provenance``) are kept. "Choose what it refers to…" opens
:class:`~eduapp.ui.case_refs_dialog.RefsDialog`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from ..domain import SYSTEMS, facet_name
from .case_checks import CaseChecks
from .case_form_data import SHOWN_KEYS, fill_form, read_form
from .case_refs_dialog import RefsDialog
from .row_table import ERROR_BG as _ERROR_BG
from .row_table import Column, RowTable


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return form


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class _AgeBox(QDoubleSpinBox):
    """Age in years: whole years show without a decimal ("22", not "22.0"); a baby's
    "0.5" keeps its fraction."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return f"{round(value, 1):g}"


class CaseEditor(QTabWidget):
    """Every part of a case script in forms; see the module docstring.

    :param language: ``en`` or ``zh``, the interface language (names of systems).
    :signal edited: the form changed (the page rechecks whether it is modified).
    """

    edited = Signal()
    #: milliseconds of quiet after the last keystroke before the form is checked
    SETTLE_MS = 300

    def __init__(self, language: str = "en", parent=None):
        super().__init__(parent)
        self.language = language
        self._loading = False
        self._extra: dict = {}
        #: what is wrong in the form (the tables below call its row checks)
        self.checks = CaseChecks(self)
        self.setUsesScrollButtons(True)
        self.addTab(self._scroll(self._build_case()), self.tr("Case and patient"))
        self.addTab(self._build_facts(), self.tr("History"))
        self.addTab(self._build_exam(), self.tr("Physical examination"))
        self.addTab(self._build_investigations(), self.tr("Investigations"))
        self.addTab(self._scroll(self._build_diagnosis()), self.tr("Diagnosis and management"))
        self.addTab(self._build_checklist(), self.tr("Checklist"))
        self.addTab(self._build_debrief(), self.tr("Debrief"))
        self.addTab(self._build_states(), self.tr("States and rules"))
        # typing is not checked per keystroke: the field checks, the row recheck (the
        # diagnosis is referred to by the checklist) and the page's unsaved-changes test
        # (which reads the whole form back) run once typing pauses (SETTLE_MS)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._recheck_pending = False
        for table in self._tables():  # a committed cell or row: at once
            table.changed.connect(self._on_table_edit)
        self.f_dx.textChanged.connect(self._dx_edited)

    # ------------------------------------------------------------------ layout

    @staticmethod
    def _scroll(w: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(w)
        return area

    def _line(self) -> QLineEdit:
        w = QLineEdit()
        w.textChanged.connect(self._on_edit)
        return w

    def _text(self, height: int = 70) -> QPlainTextEdit:
        w = QPlainTextEdit()
        w.setMinimumHeight(height)
        w.setMaximumHeight(max(height, 140))
        w.textChanged.connect(self._on_edit)
        return w

    def _combo(self, items, editable: bool = False) -> QComboBox:
        w = QComboBox()
        w.setEditable(editable)
        for value, name in items:
            w.addItem(name, value)
        w.currentIndexChanged.connect(self._on_edit)
        if editable:
            w.currentTextChanged.connect(self._on_edit)
        return w

    def status_names(self) -> list[tuple[str, str]]:
        """``(stored value, shown name)`` of the review statuses."""
        return [("draft", self.tr("Draft")), ("reviewed", self.tr("Reviewed")),
                ("approved", self.tr("Approved")), ("retired", self.tr("Retired"))]

    def _build_case(self) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        case_box = QGroupBox(self.tr("Case details"))
        form = _form(case_box)
        self.f_id = self._line()
        self.f_title = self._line()
        self.f_language = self._combo([("en", self.tr("English")), ("zh", self.tr("Chinese"))])
        self.f_topic = self._line()
        self.f_system = self._combo([("", "")] + [(s, facet_name(s, self.language))
                                                  for s in SYSTEMS], editable=True)
        self.f_status = self._combo(self.status_names())
        self.f_cc = self._line()
        self.f_opening = self._text(50)
        self.f_opening.setMaximumHeight(80)
        self.f_objectives = self._text(70)
        self.f_objectives.setPlaceholderText(self.tr("One learning objective a line"))
        for label, widget in ((self.tr("Case id:"), self.f_id), (self.tr("Title:"), self.f_title),
                              (self.tr("Language:"), self.f_language),
                              (self.tr("Topic:"), self.f_topic),
                              (self.tr("System:"), self.f_system),
                              (self.tr("Status:"), self.f_status),
                              (self.tr("Chief complaint:"), self.f_cc),
                              (self.tr("Opening line:"), self.f_opening),
                              (self.tr("Learning objectives:"), self.f_objectives)):
            form.addRow(label, widget)
        outer.addWidget(case_box)

        patient_box = QGroupBox(self.tr("The patient"))
        form = _form(patient_box)
        self.f_name = self._line()
        self.f_age = _AgeBox()
        self.f_age.setRange(0, 120)
        self.f_age.setDecimals(1)
        self.f_age.valueChanged.connect(self._on_edit)
        self.f_sex = self._line()
        self.f_occupation = self._line()
        self.f_setting = self._line()
        self.f_style = self._line()
        self.f_mood = self._line()
        self.f_informant = self._line()
        self.f_informant.setPlaceholderText(self.tr("e.g. mother (for a child); empty: the "
                                                    "patient answers"))
        for label, widget in ((self.tr("Name:"), self.f_name),
                              (self.tr("Age (years):"), self.f_age),
                              (self.tr("Sex:"), self.f_sex),
                              (self.tr("Occupation:"), self.f_occupation),
                              (self.tr("Setting:"), self.f_setting),
                              (self.tr("Speech style:"), self.f_style),
                              (self.tr("Emotional state:"), self.f_mood),
                              (self.tr("Informant:"), self.f_informant)):
            form.addRow(label, widget)
        outer.addWidget(patient_box)

        play_box = QGroupBox(self.tr("When the script has no answer"))
        form = _form(play_box)
        self.f_unlisted = self._combo([("negative", self.tr("the patient denies it")),
                                       ("unsure", self.tr("the patient is not sure"))])
        self.f_exam_unlisted = self._combo([("normal", self.tr("normal")),
                                            ("not_available", self.tr("not available"))])
        self.f_inv_unlisted = self._combo([("normal", self.tr("normal")),
                                           ("not_available", self.tr("not available"))])
        self.f_currency = self._line()
        self.f_currency.setPlaceholderText(self.tr("e.g. CNY, GBP"))
        for label, widget in ((self.tr("A symptom not in the script:"), self.f_unlisted),
                              (self.tr("An examination not in the script:"),
                               self.f_exam_unlisted),
                              (self.tr("A test not in the script:"), self.f_inv_unlisted),
                              (self.tr("Currency of costs:"), self.f_currency)):
            form.addRow(label, widget)
        outer.addWidget(play_box)

        lines_box = QGroupBox(self.tr("The patient's stock replies (empty: the default)"))
        form = _form(lines_box)
        self.f_lines = {}
        for key, label in (("greeting", self.tr("Greeting:")),
                           ("unsure", self.tr("Does not understand:")),
                           ("clarify", self.tr("Asks what is meant:")),
                           ("negative", self.tr("Denies a symptom:")),
                           ("summary", self.tr("After a summary:")),
                           ("closing", self.tr("Anything else?:")),
                           ("empathy", self.tr("After empathy:")),
                           ("explanation", self.tr("After an explanation:")),
                           ("refuse", self.tr("Refuses (role break):")),
                           ("unknown", self.tr("Asked what the script does not hold:"))):
            self.f_lines[key] = self._line()
            form.addRow(label, self.f_lines[key])
        outer.addWidget(lines_box)
        outer.addStretch(1)
        return w

    def _build_facts(self) -> QWidget:
        from ..vpatient.model import FACT_CATEGORIES
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(_hint(self.tr(
            "One row per fact a student may ask for. Topics are concepts of the shared "
            "interview lexicon (onset, location, smoking, fever…); keywords are this case's "
            "own words, in either language, separated by commas; example questions are "
            "separated by ';'. Leak terms give the fact away: the language model may not "
            "say them before the fact was asked for.")))
        names = self.category_names()
        self.facts = RowTable(
            [Column("id", self.tr("Id"), width=90),
             Column("category", self.tr("Category"), "choice",
                    [(c, names.get(c, c)) for c in FACT_CATEGORIES], default="hpi", width=110),
             Column("answer", self.tr("Patient's answer"), width=240),
             Column("topics", self.tr("Topics"), "list"),
             Column("keywords", self.tr("Keywords"), "list"),
             Column("questions", self.tr("Example questions"), "questions"),
             Column("leak_terms", self.tr("Leak terms"), "list", width=110)],
            self.tr("Add fact"), self.tr("Remove fact"), self.checks.check_fact,
            self.tr("Row check"))
        v.addWidget(self.facts, 1)
        return w

    def category_names(self) -> dict[str, str]:
        """Shown names of the fact categories."""
        return {"presenting": self.tr("Presenting complaint"),
                "hpi": self.tr("History of the present illness"),
                "ros": self.tr("Review of systems"), "past": self.tr("Past history"),
                "drugs": self.tr("Drugs"), "allergies": self.tr("Allergies"),
                "family": self.tr("Family history"), "social": self.tr("Social history"),
                "ice": self.tr("Ideas, concerns, expectations"), "other": self.tr("Other")}

    def exam_system_names(self) -> list[tuple[str, str]]:
        """``(stored, shown)`` examination systems."""
        from ..vpatient.model import EXAM_SYSTEMS
        names = {"general": self.tr("General appearance"), "vitals": self.tr("Vital signs"),
                 "cardiovascular": self.tr("Cardiovascular"),
                 "respiratory": self.tr("Respiratory"), "abdominal": self.tr("Abdominal"),
                 "neurological": self.tr("Neurological"), "head_neck": self.tr("Head and neck"),
                 "skin": self.tr("Skin"), "musculoskeletal": self.tr("Musculoskeletal"),
                 "ent": self.tr("Ear, nose and throat"), "other": self.tr("Other")}
        return [(s, names.get(s, s)) for s in EXAM_SYSTEMS]

    def _build_exam(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(_hint(self.tr(
            "Findings by system, as the student reads them after choosing the examination. "
            "Minutes of simulated time; cost in the case's currency.")))
        self.exam = RowTable(
            [Column("id", self.tr("Id"), width=90),
             Column("system", self.tr("System"), "choice", self.exam_system_names(),
                    editable=True, default="general", width=140),
             Column("name", self.tr("Name")),
             Column("finding", self.tr("Finding"), width=260),
             Column("keywords", self.tr("Keywords"), "list"),
             Column("minutes", self.tr("Minutes"), "number", default=2.0),
             Column("cost", self.tr("Cost"), "number", default=0.0)],
            self.tr("Add examination"), self.tr("Remove examination"), self.checks.check_exam,
            self.tr("Row check"))
        v.addWidget(self.exam, 1)
        return w

    def _build_investigations(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(_hint(self.tr(
            "Tests the student can order: the result, its cost, and the turnaround in "
            "minutes until the result comes back. A test not listed here returns what the "
            "first tab says (normal, or not available).")))
        self.investigations = RowTable(
            [Column("id", self.tr("Id"), width=90),
             Column("name", self.tr("Name")),
             Column("result", self.tr("Result"), width=260),
             Column("synonyms", self.tr("Synonyms"), "list"),
             Column("category", self.tr("Category"), "choice",
                    [("lab", self.tr("Laboratory")), ("imaging", self.tr("Imaging")),
                     ("bedside", self.tr("Bedside")), ("other", self.tr("Other"))],
                    editable=True, default="lab", width=100),
             Column("cost", self.tr("Cost"), "number", default=0.0),
             Column("minutes", self.tr("Turnaround (min)"), "number", default=30.0)],
            self.tr("Add test"), self.tr("Remove test"), self.checks.check_investigation,
            self.tr("Row check"))
        v.addWidget(self.investigations, 1)
        return w

    def _build_diagnosis(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        box = QGroupBox(self.tr("Final diagnosis"))
        form = _form(box)
        self.f_dx = self._line()
        self.f_dx_synonyms = self._line()
        self.f_dx_synonyms.setPlaceholderText(self.tr("Accepted other names, separated by "
                                                      "commas (both languages)"))
        form.addRow(self.tr("Diagnosis:"), self.f_dx)
        form.addRow(self.tr("Synonyms:"), self.f_dx_synonyms)
        v.addWidget(box)
        v.addWidget(QLabel(self.tr("Differential diagnosis (referred to as differential:0, "
                                   "differential:1… in the checklist):")))
        self.differential = RowTable(
            [Column("name", self.tr("Diagnosis"), width=220),
             Column("synonyms", self.tr("Synonyms"), "list")],
            self.tr("Add diagnosis"), self.tr("Remove diagnosis"), self.checks.check_named,
            self.tr("Row check"))
        self.differential.setMinimumHeight(160)
        v.addWidget(self.differential, 1)
        v.addWidget(QLabel(self.tr("Expected management:")))
        self.management = RowTable(
            [Column("id", self.tr("Id"), width=90),
             Column("name", self.tr("Step"), width=220),
             Column("synonyms", self.tr("Synonyms"), "list")],
            self.tr("Add step"), self.tr("Remove step"), self.checks.check_management,
            self.tr("Row check"))
        self.management.setMinimumHeight(180)
        v.addWidget(self.management, 1)
        return w

    def _build_checklist(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Style:")))
        self.f_style_box = self._combo([("osce", self.tr("OSCE checklist")),
                                        ("cn_history", self.tr("病史采集 (licensing exam)"))])
        top.addWidget(self.f_style_box)
        self.f_rating = QCheckBox(self.tr("Global rating"))
        self.f_rating.toggled.connect(self._on_edit)
        top.addWidget(self.f_rating)
        self.f_rating_scale = QSpinBox()
        self.f_rating_scale.setRange(2, 10)
        self.f_rating_scale.setPrefix(self.tr("scale 1–"))
        self.f_rating_scale.valueChanged.connect(self._on_edit)
        top.addWidget(self.f_rating_scale)
        self.f_rating_weight = QDoubleSpinBox()
        self.f_rating_weight.setRange(0, 100)
        self.f_rating_weight.setDecimals(1)
        self.f_rating_weight.setSuffix(self.tr(" points"))
        self.f_rating_weight.valueChanged.connect(self._on_edit)
        top.addWidget(self.f_rating_weight)
        top.addStretch(1)
        v.addLayout(top)
        v.addWidget(_hint(self.tr(
            "Sections, then the items with their weight in points and what each refers to "
            "(fact:ID, exam:ID, investigation:ID, management:ID, diagnosis, "
            "differential:N, skill:NAME; several separated by commas: any of them counts). "
            "Choose… lists everything in the script.")))
        self.sections = RowTable(
            [Column("id", self.tr("Section id"), width=110),
             Column("title", self.tr("Section title"), width=260)],
            self.tr("Add section"), self.tr("Remove section"), self.checks.check_section,
            self.tr("Row check"))
        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.sections)
        self.items = RowTable(
            [Column("section", self.tr("Section"), "choice", [], width=100),
             Column("id", self.tr("Id"), width=90),
             Column("text", self.tr("Checklist item"), width=190),
             Column("refs", self.tr("Refers to"), "list", width=150),
             Column("weight", self.tr("Weight"), "number", default=1.0, width=55)],
            self.tr("Add item"), self.tr("Remove item"), self.checks.check_item,
            self.tr("Row check"))
        self.choose_refs_button = QPushButton(self.tr("Choose what it refers to…"))
        self.choose_refs_button.clicked.connect(self.choose_refs)
        self.items.buttons.insertWidget(2, self.choose_refs_button)
        self.build_checklist_button = QPushButton(self.tr("Build the checklist from the "
                                                          "script"))
        self.items.buttons.addWidget(self.build_checklist_button)
        split.addWidget(self.items)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        v.addWidget(split, 1)
        self.sections.changed.connect(self.refresh_section_choices)
        return w

    def _build_debrief(self) -> QWidget:
        w = QWidget()
        form = _form(w)
        self.f_summary = self._text(100)
        self.f_points = self._text(160)
        self.f_points.setMaximumHeight(16777215)
        self.f_points.setPlaceholderText(self.tr("One teaching point a line"))
        form.addRow(self.tr("Summary of the case:"), self.f_summary)
        form.addRow(self.tr("Teaching points:"), self.f_points)
        return w

    def _build_states(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(_hint(self.tr(
            "States of the patient and the rules that move between them (each rule fires at "
            "most once). A state's examination changes are 'exam id: finding' separated by "
            "'|'. Counters are name=value, separated by commas. Leave all empty for a case "
            "that does not change.")))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Initial state:")))
        self.f_initial = self._line()
        row.addWidget(self.f_initial, 1)
        v.addLayout(row)
        self.states = RowTable(
            [Column("id", self.tr("Id"), width=90),
             Column("description", self.tr("Description"), width=200),
             Column("vitals", self.tr("Observations")),
             Column("patient_says", self.tr("Patient says")),
             Column("exam", self.tr("Examination changes"), "map")],
            self.tr("Add state"), self.tr("Remove state"), self.checks.check_state,
            self.tr("Row check"))
        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.states)
        self.rules = RowTable(
            [Column("id", self.tr("Rule id"), width=90),
             Column("state", self.tr("In state"), width=80),
             Column("minutes_at_least", self.tr("After (min)"), "number", default=None,
                    width=70),
             Column("done", self.tr("When done"), "list"),
             Column("not_done", self.tr("When not done"), "list"),
             Column("counters_at_least", self.tr("Counters at least"), "counters"),
             Column("goto", self.tr("Go to state"), width=90),
             Column("message", self.tr("Message"), width=200),
             Column("counters", self.tr("Add to counters"), "counters")],
            self.tr("Add rule"), self.tr("Remove rule"), self.checks.check_rule,
            self.tr("Row check"))
        split.addWidget(self.rules)
        v.addWidget(split, 1)
        return w

    def _tables(self) -> list[RowTable]:
        return [self.facts, self.exam, self.investigations, self.differential,
                self.management, self.sections, self.items, self.states, self.rules]

    # ------------------------------------------------------------------ edits

    def _on_edit(self, *_args) -> None:
        if not self._loading:
            self._settle.start()  # restarts: one check after typing pauses

    def _dx_edited(self, _text: str) -> None:
        if not self._loading:
            self._recheck_pending = True
            self._settle.start()

    def _on_table_edit(self) -> None:
        if not self._loading:
            self._settle.stop()
            self._recheck_pending = False
            self.recheck()
            self.edited.emit()

    def _settled(self) -> None:
        if self._recheck_pending:
            self._recheck_pending = False
            self.recheck()
        else:
            self.check_fields()
        self.edited.emit()

    def settle(self) -> None:
        """Run now the check that waits for typing to pause (before reading whether the
        form is modified, checking or saving)."""
        if self._settle.isActive():
            self._settle.stop()
            self._settled()

    def check_fields(self) -> None:
        """Mark the wrong single fields in red, the problem in their tooltip."""
        wrong = dict((id(w), p) for w, p in self.checks.field_problems())
        for w in (self.f_id, self.f_title, self.f_cc, self.f_opening, self.f_dx,
                  self.f_initial):
            problem = wrong.get(id(w), "")
            w.setStyleSheet(f"background: {_ERROR_BG.name()};" if problem else "")
            w.setToolTip(problem)

    def recheck(self) -> None:
        """Recheck every row (a row may refer to other parts: checklist items, rules,
        states)."""
        with self.checks.refs_fixed():
            for table in self._tables():
                table.recheck()
        self.check_fields()

    def refresh_section_choices(self) -> None:
        """Offer the section ids of the Sections table in the checklist items' Section
        column (an item keeps a section id that is gone, so the row check can name it)."""
        ids = [(r["id"], r["id"]) for r in self.sections.rows() if r["id"]]
        col = 0
        for n in range(self.items.table.rowCount()):
            box = self.items.table.cellWidget(n, col)
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for value, name in ids:
                box.addItem(name, value)
            if current and box.findData(current) < 0:
                box.addItem(current, current)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        self.items.columns[0].choices = ids
        self.items.columns[0].default = ids[0][0] if ids else ""
        self.items.fit_column(0)

    def row_problems(self) -> list[tuple[int, str, str]]:
        """``(tab index, row or field label, problem)`` of every wrong field and row."""
        out = []
        labels = {id(self.f_id): self.tr("Case id"), id(self.f_title): self.tr("Title"),
                  id(self.f_cc): self.tr("Chief complaint"),
                  id(self.f_opening): self.tr("Opening line"),
                  id(self.f_dx): self.tr("Diagnosis"), id(self.f_initial): self.tr("Initial state")}
        for widget, problem in self.checks.field_problems():
            tab = next(i for i in range(self.count()) if self.widget(i).isAncestorOf(widget))
            out.append((tab, labels[id(widget)], problem))
        with self.checks.refs_fixed():
            for table in self._tables():
                tab = next(i for i in range(self.count())
                           if self.widget(i).isAncestorOf(table))
                for n, p in table.problems():
                    row = table.row(n)
                    out.append((tab, row.get("id") or row.get("name") or str(n + 1), p))
        return out

    # ------------------------------------------------------------------ actions

    def choose_refs(self) -> None:
        """Pick what the selected checklist item refers to, from a list of the script."""
        n = self.items.table.currentRow()
        if n < 0:
            return
        dialog = RefsDialog(self.checks.known_refs(), self.items.row(n)["refs"], self)
        if dialog.exec() == QDialog.Accepted:
            self.items.set_cell(n, "refs", ", ".join(dialog.chosen()))

    # ------------------------------------------------------------------ load / read

    def load(self, data: dict) -> None:
        """Show a script (its JSON dict)."""
        self._settle.stop()
        self._recheck_pending = False
        self._loading = True
        try:
            self._extra = {k: v for k, v in data.items() if k not in SHOWN_KEYS}
            fill_form(self, data)
        finally:
            self._loading = False
        for line in self.findChildren(QLineEdit):
            line.setCursorPosition(0)  # long texts show their start, not their end
        self.recheck()

    def script_dict(self) -> dict:
        """The form as the script's JSON shape (not validated; a number typed wrong stays
        text, so that :meth:`~eduapp.vpatient.CaseScript.from_dict` names the field); keys
        the form does not show come back as they were loaded."""
        return {**self._extra, **read_form(self)}

    def snapshot(self) -> str:
        """The form as canonical JSON text (to compare for unsaved edits)."""
        return json.dumps(self.script_dict(), ensure_ascii=False, sort_keys=True)
