"""The teacher's virtual-patient page: a case editor (form for the patient and the facts, the
rest of the script as JSON), a check that lists every problem, a box to try how a student's
question is matched, import/export, draft generation with the language model, and the class
results per case and per checklist item.

Shipped cases are read-only; saving one stores an edited copy in the bank under the same
id, which then replaces the shipped one for the students.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from ...domain import Changes
from ...errors import EduAppError
from ..ops import Op, error_text, show_error
from ..page import Page

_FORM_KEYS = ("id", "title", "language", "topic", "system", "status", "chief_complaint",
              "opening", "patient", "facts")
_FACT_COLUMNS = ("id", "category", "topics", "keywords", "answer")


class PatientsPage(Page):
    """Write, check and review virtual-patient cases.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Virtual patients"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        split = QSplitter(Qt.Horizontal)
        layout.addWidget(split, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        self.case_list = QListWidget()
        self.case_list.setMinimumWidth(220)
        self.case_list.currentItemChanged.connect(self._case_chosen)
        lv.addWidget(self.case_list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.new_case)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_files)
        self.generate_button = QPushButton(self.tr("Generate draft…"))
        self.generate_button.clicked.connect(self.generate)
        for b in (self.new_button, self.import_button, self.generate_button):
            buttons.addWidget(b)
        lv.addLayout(buttons)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_form(), self.tr("Patient"))
        self.tabs.addTab(self._build_facts(), self.tr("History facts"))
        self.script_edit = QPlainTextEdit()
        self.script_edit.setToolTip(self.tr("Examination, investigations, diagnosis, "
                                            "differential, management, checklist, debrief, "
                                            "states and rules (see docs/case-scripts.md)."))
        script_tab = QWidget()
        sv = QVBoxLayout(script_tab)
        sv.addWidget(self.script_edit, 1)
        self.checklist_button = QPushButton(self.tr("Build the checklist from the script"))
        self.checklist_button.clicked.connect(self.build_checklist)
        sv.addWidget(self.checklist_button)
        self.tabs.addTab(script_tab, self.tr("Script (JSON)"))
        self.tabs.addTab(self._build_try(), self.tr("Try a question"))
        self.tabs.addTab(self._build_results(), self.tr("Class results"))
        rv.addWidget(self.tabs, 1)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        rv.addWidget(self.problems)
        row = QHBoxLayout()
        self.status_label = QLabel()
        row.addWidget(self.status_label, 1)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_case)
        self.save_button = QPushButton(self.tr("Save to the bank"))
        self.save_button.clicked.connect(self.save)
        for b in (self.check_button, self.export_button, self.save_button):
            row.addWidget(b)
        rv.addLayout(row)
        split.addWidget(right)
        split.setStretchFactor(1, 3)

    def _build_form(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.f_id = QLineEdit()
        self.f_title = QLineEdit()
        self.f_language = QComboBox()
        self.f_language.addItem(self.tr("English"), "en")
        self.f_language.addItem(self.tr("Chinese"), "zh")
        self.f_topic = QLineEdit()
        self.f_system = QLineEdit()
        self.f_status = QComboBox()
        for s in ("draft", "reviewed", "approved", "retired"):
            self.f_status.addItem(s, s)
        self.f_cc = QLineEdit()
        self.f_opening = QPlainTextEdit()
        self.f_opening.setMaximumHeight(60)
        self.f_name = QLineEdit()
        self.f_age = QDoubleSpinBox()
        self.f_age.setRange(0, 120)
        self.f_age.setDecimals(1)
        self.f_sex = QLineEdit()
        self.f_occupation = QLineEdit()
        self.f_setting = QLineEdit()
        self.f_style = QLineEdit()
        self.f_mood = QLineEdit()
        self.f_informant = QLineEdit()
        for label, widget in ((self.tr("Case id:"), self.f_id), (self.tr("Title:"), self.f_title),
                              (self.tr("Language:"), self.f_language),
                              (self.tr("Topic:"), self.f_topic),
                              (self.tr("System:"), self.f_system),
                              (self.tr("Status:"), self.f_status),
                              (self.tr("Chief complaint:"), self.f_cc),
                              (self.tr("Opening line:"), self.f_opening),
                              (self.tr("Name:"), self.f_name),
                              (self.tr("Age (years):"), self.f_age),
                              (self.tr("Sex:"), self.f_sex),
                              (self.tr("Occupation:"), self.f_occupation),
                              (self.tr("Setting:"), self.f_setting),
                              (self.tr("Speech style:"), self.f_style),
                              (self.tr("Emotional state:"), self.f_mood),
                              (self.tr("Informant:"), self.f_informant)):
            form.addRow(label, widget)
        return w

    def _build_facts(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        hint = QLabel(self.tr("One row per fact a student may ask for. Topics are concepts "
                              "of the shared interview lexicon (onset, location, smoking, "
                              "fever…); keywords are this case's own words, in either "
                              "language; separate them with commas."))
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.facts = QTableWidget(0, len(_FACT_COLUMNS))
        self.facts.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Category"),
                                              self.tr("Topics"), self.tr("Keywords"),
                                              self.tr("Answer")])
        self.facts.horizontalHeader().setStretchLastSection(True)
        self.facts.setSelectionBehavior(QAbstractItemView.SelectRows)
        v.addWidget(self.facts, 1)
        row = QHBoxLayout()
        self.add_fact_button = QPushButton(self.tr("Add fact"))
        self.add_fact_button.clicked.connect(lambda: self._add_fact_row({}))
        self.remove_fact_button = QPushButton(self.tr("Remove fact"))
        self.remove_fact_button.clicked.connect(
            lambda: self.facts.removeRow(self.facts.currentRow())
            if self.facts.currentRow() >= 0 else None)
        row.addWidget(self.add_fact_button)
        row.addWidget(self.remove_fact_button)
        row.addStretch(1)
        v.addLayout(row)
        return w

    def _build_try(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        hint = QLabel(self.tr("Type a question the way a student would ask it, to see "
                              "which fact the offline patient answers with."))
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.try_edit = QLineEdit()
        self.try_edit.returnPressed.connect(self.try_question)
        v.addWidget(self.try_edit)
        self.try_result = QLabel()
        self.try_result.setWordWrap(True)
        self.try_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        v.addWidget(self.try_result)
        v.addStretch(1)
        return w

    def _build_results(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.results_label = QLabel()
        self.results_label.setWordWrap(True)
        v.addWidget(self.results_label)
        self.results = QTableWidget(0, 3)
        self.results.setHorizontalHeaderLabels([self.tr("Done by"), self.tr("Section"),
                                                self.tr("Checklist item")])
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        v.addWidget(self.results, 1)
        return w

    # ------------------------------------------------------------------ case list

    def on_shown(self) -> None:
        """Refresh the case list."""
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Refresh after imports or saves elsewhere, and new encounters."""
        if changes.documents:
            self.refresh()
        elif changes.practice:
            self._show_results()

    def refresh(self, select: str | None = None) -> None:
        """Fill the case list; keep (or select) a case id."""
        keep = select or (self.current_id() if self.case_list.currentItem() else None)
        lib = self.app.workspace.patients
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for c in lib.cases():
            mark = "" if lib.is_shipped(c.id) and not self._in_bank(c.id) else \
                self.tr(" (bank)")
            item = QListWidgetItem(f"{c.title}{mark}")
            item.setData(Qt.UserRole, c.id)
            item.setData(Qt.UserRole + 1, c)
            self.case_list.addItem(item)
        self.case_list.blockSignals(False)
        for row in range(self.case_list.count()):
            if self.case_list.item(row).data(Qt.UserRole) == keep:
                self.case_list.setCurrentRow(row)
                return
        if self.case_list.count():
            self.case_list.setCurrentRow(0)

    def _in_bank(self, case_id: str) -> bool:
        from ...vpatient.library import DOCUMENT_KIND
        return any(d.uid == f"vp-{case_id}" for d in
                   self.app.bank.documents(kind=DOCUMENT_KIND, limit=100000))

    def current_id(self) -> str:
        """The id of the case selected in the list."""
        item = self.case_list.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def _case_chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.load(item.data(Qt.UserRole + 1).to_dict())

    # ------------------------------------------------------------------ form <-> script

    def load(self, data: dict) -> None:
        """Show a script (its JSON dict) in the editor."""
        p = data.get("patient", {})
        persona = p.get("persona", {})
        self.f_id.setText(data.get("id", ""))
        self.f_title.setText(data.get("title", ""))
        self.f_language.setCurrentIndex(max(0, self.f_language.findData(data.get("language"))))
        self.f_topic.setText(data.get("topic", ""))
        self.f_system.setText(data.get("system", ""))
        self.f_status.setCurrentIndex(max(0, self.f_status.findData(data.get("status"))))
        self.f_cc.setText(data.get("chief_complaint", ""))
        self.f_opening.setPlainText(data.get("opening", ""))
        self.f_name.setText(p.get("name", ""))
        self.f_age.setValue(float(p.get("age", 0) or 0))
        self.f_sex.setText(p.get("sex", ""))
        self.f_occupation.setText(p.get("occupation", ""))
        self.f_setting.setText(p.get("setting", ""))
        self.f_style.setText(persona.get("speech_style", ""))
        self.f_mood.setText(persona.get("emotional_state", ""))
        self.f_informant.setText(persona.get("informant", ""))
        self.facts.setRowCount(0)
        self._extra_fact_fields = {f["id"]: {k: v for k, v in f.items()
                                             if k not in _FACT_COLUMNS}
                                   for f in data.get("facts", [])}
        for f in data.get("facts", []):
            self._add_fact_row(f)
        rest = {k: v for k, v in data.items() if k not in _FORM_KEYS}
        self.script_edit.setPlainText(json.dumps(rest, ensure_ascii=False, indent=1))
        self.problems.clear()
        self.status_label.clear()
        self.try_result.clear()
        self._show_results()

    def _add_fact_row(self, f: dict) -> None:
        row = self.facts.rowCount()
        self.facts.insertRow(row)
        values = (f.get("id", ""), f.get("category", "hpi"), ", ".join(f.get("topics", [])),
                  ", ".join(f.get("keywords", [])), f.get("answer", ""))
        for col, value in enumerate(values):
            self.facts.setItem(row, col, QTableWidgetItem(value))

    def script_dict(self) -> dict:
        """The edited script as a JSON dict.

        :raises EduAppError: the JSON tab is not valid JSON (with the line).
        """
        try:
            rest = json.loads(self.script_edit.toPlainText() or "{}")
        except json.JSONDecodeError as e:
            raise EduAppError(self.tr("The script JSON has an error on line {line}: {msg}")
                              .format(line=e.lineno, msg=e.msg)) from None
        if not isinstance(rest, dict):
            raise EduAppError(self.tr("The script JSON must be an object."))

        def split(text: str) -> list[str]:
            return [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]
        facts = []
        extra = getattr(self, "_extra_fact_fields", {})
        for row in range(self.facts.rowCount()):
            cells = [(self.facts.item(row, c).text() if self.facts.item(row, c) else "")
                     for c in range(len(_FACT_COLUMNS))]
            fid = cells[0].strip()
            facts.append({**extra.get(fid, {}), "id": fid, "category": cells[1].strip(),
                          "topics": split(cells[2]), "keywords": split(cells[3]),
                          "answer": cells[4].strip()})
        data = {**rest, "id": self.f_id.text().strip(), "title": self.f_title.text().strip(),
                "language": self.f_language.currentData(), "topic": self.f_topic.text().strip(),
                "system": self.f_system.text().strip(), "status": self.f_status.currentData(),
                "chief_complaint": self.f_cc.text().strip(),
                "opening": self.f_opening.toPlainText().strip(),
                "patient": {"name": self.f_name.text().strip(), "age": self.f_age.value(),
                            "sex": self.f_sex.text().strip(),
                            "occupation": self.f_occupation.text().strip(),
                            "setting": self.f_setting.text().strip(),
                            "persona": {"speech_style": self.f_style.text().strip(),
                                        "emotional_state": self.f_mood.text().strip(),
                                        "informant": self.f_informant.text().strip()}},
                "facts": facts}
        return data

    def edited_case(self):
        """The edited :class:`~eduapp.vpatient.CaseScript` (not validated).

        :raises EduAppError: bad JSON or a field of the wrong type.
        """
        from ...vpatient import CaseScript
        return CaseScript.from_dict(self.script_dict())

    # ------------------------------------------------------------------ actions

    def check(self) -> bool:
        """Validate the edited script and list its problems. :returns: valid."""
        self.problems.clear()
        try:
            problems = self.edited_case().problems()
        except EduAppError as e:
            problems = [error_text(e)]
        for p in problems:
            self.problems.addItem(p)
        self.status_label.setText(self.tr("The case is valid.") if not problems else
                                  self.tr("{n} problem(s) to fix.").format(n=len(problems)))
        return not problems

    def save(self) -> None:
        """Check and save the edited case to the bank."""
        if not self.check():
            return
        case = self.edited_case()
        Op(self, lambda ws: ws.save_case(case)) \
            .success(lambda _: (self.status_label.setText(self.tr("Saved to the bank.")),
                                self.refresh(case.id))).run()

    def build_checklist(self) -> None:
        """Replace the checklist with one built from the script's content."""
        from ...vpatient import draft_checklist
        from dataclasses import asdict
        try:
            case = self.edited_case()
        except EduAppError as e:
            show_error(self, e)
            return
        data = json.loads(self.script_edit.toPlainText() or "{}")
        data["checklist"] = asdict(draft_checklist(case))
        self.script_edit.setPlainText(json.dumps(data, ensure_ascii=False, indent=1))
        self.check()

    def try_question(self) -> None:
        """Show how the offline matcher answers the typed question with the edited script."""
        from ...vpatient import Matcher
        from ...vpatient.engine import offline_reply
        question = self.try_edit.text().strip()
        if not question:
            return
        try:
            case = self.edited_case()
            reply = offline_reply(case, Matcher(case), question)
        except EduAppError as e:
            self.try_result.setText(error_text(e))
            return
        m = reply.match
        kinds = {"fact": self.tr("answers with fact {ids}").format(ids=", ".join(m.fact_ids)),
                 "negative": self.tr("denies it (a symptom the case does not list)"),
                 "builtin": self.tr("answers from the demographics"),
                 "skill": self.tr("a communication skill, no fact"),
                 "unsure": self.tr("does not understand (no fact matches well enough)")}
        concepts = ", ".join(f"{k} {v:g}" for k, v in sorted(m.concepts.items()))
        self.try_result.setText(self.tr("The patient {what}:\n“{text}”\nConcepts found: {c}")
                                .format(what=kinds.get(m.kind, m.kind), text=reply.text,
                                        c=concepts or "—"))

    def new_case(self) -> None:
        """Start a new case from the selected one's structure, with an empty history."""
        data = self.script_dict() if self.case_list.count() else {}
        data.update(id="new-case", title=self.tr("New case"), status="draft", facts=[
            {"id": "cc", "category": "presenting", "topics": ["chief_complaint"],
             "keywords": [], "answer": ""}])
        self.case_list.clearSelection()
        self.load(data)
        self.tabs.setCurrentIndex(0)

    def export_case(self) -> None:
        """Write the edited case as a JSON file."""
        if not self.check():
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case"),
                                              f"{self.f_id.text() or 'case'}.json",
                                              self.tr("Case scripts (*.json)"))
        if path:
            from ...vpatient import save_case
            try:
                save_case(self.edited_case(), path)
            except EduAppError as e:
                show_error(self, e)

    def import_files(self, paths: list[str] | None = None) -> None:
        """Import case-script files into the bank (each validated; problems reported)."""
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import cases"), "",
                                                    self.tr("Case scripts (*.json)"))
        if not paths:
            return
        def show(result):
            done, errors, _changes = result
            self.refresh(done[-1] if done else None)
            self.status_label.setText(self.tr("{n} case(s) imported.").format(n=len(done)))
            self.problems.clear()
            for e in errors:
                self.problems.addItem(e)
        Op(self, lambda ws: ws.import_cases(paths)).success(show).run()

    def generate(self) -> None:
        """Generate a draft case with the default provider (reviewed before students use
        it)."""
        topic, ok = QInputDialog.getText(self, self.tr("Generate a draft case"),
                                         self.tr("Topic (e.g. pulmonary embolism):"))
        if not ok or not topic.strip():
            return
        language = self.f_language.currentData() or "en"
        def run(ws, ctx):
            return ws.generate_case_script(topic, language, cancel=ctx.cancelled)
        Op(self, run).with_progress(self.tr("Writing a draft case…")) \
            .success(lambda saved: self.refresh(saved.value.id)).run()

    # ------------------------------------------------------------------ class results

    def _show_results(self) -> None:
        case_id = self.f_id.text().strip()
        if not case_id:
            return
        try:
            results = self.app.workspace.case_class_results(case_id)
        except EduAppError as e:
            self.results_label.setText(error_text(e))
            return
        self.results.setRowCount(0)
        if not results:
            self.results_label.setText(self.tr("No student has played this case yet."))
            return
        r = results[0]
        self.results_label.setText(self.tr(
            "{n} student(s); mean score {score:.0f}; right diagnosis {dx:.0%}; {q:.0f} "
            "questions on average. Least done first:").format(
            n=r.students, score=r.mean_score, dx=r.diagnosis_rate, q=r.mean_questions))
        for item in r.items:
            row = self.results.rowCount()
            self.results.insertRow(row)
            for col, text in enumerate((f"{item.rate:.0%}", item.section, item.text)):
                self.results.setItem(row, col, QTableWidgetItem(text))
