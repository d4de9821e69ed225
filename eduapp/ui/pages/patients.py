"""The teacher's virtual-patient page: the case editor (every part of the script in
forms, see :mod:`eduapp.ui.case_editor`), a check that lists every problem, a box to try how
a student's question is matched, import/export, draft generation with the language model,
and the class results per case and per checklist item.

Shipped cases are read-only; saving one stores an edited copy in the bank under the same
id, which then replaces the shipped one for the students. Unsaved edits are marked next to
the case title; choosing another case or starting a new one asks first (Save, Discard,
Cancel), as the item editor does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ...domain import Changes
from ...errors import EduAppError
from ..app import current_language
from ..case_editor import CaseEditor
from ..ops import Op, error_text, show_error
from ..page import Page

if TYPE_CHECKING:
    from ...workspace import Workspace


class PatientsPage(Page):
    """Write, check and review virtual-patient cases.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self._loaded = ""
        self._modified = False
        self._leaving = False  # saving from the "unsaved changes" question
        self._reverting = False
        self._problem_rows = 0  # problems (not warnings) the last check listed
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Patient cases"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        split = QSplitter(Qt.Horizontal)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        self.case_list = QListWidget()
        self.case_list.setMinimumWidth(180)
        self.case_list.setWordWrap(True)
        self.case_list.currentItemChanged.connect(self._case_chosen)
        lv.addWidget(self.case_list, 1)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setToolTip(self.tr("Start a blank case in the interface language"))
        self.new_button.clicked.connect(lambda: self.new_case())
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setToolTip(self.tr("Start a new draft case as a copy of the "
                                                 "selected one"))
        self.duplicate_button.clicked.connect(lambda: self.duplicate_case())
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(lambda: self.import_files())
        self.generate_button = QPushButton(self.tr("Generate draft…"))
        self.generate_button.clicked.connect(lambda: self.generate())
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.duplicate_button)
        lv.addLayout(row)
        lv.addWidget(self.import_button)
        lv.addWidget(self.generate_button)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        self.header = QLabel()
        self.header.setObjectName("sectionTitle")
        self.header.setWordWrap(True)
        rv.addWidget(self.header)
        self.editor = CaseEditor(current_language())
        self.editor.edited.connect(self._edited)
        self.editor.build_checklist_button.clicked.connect(lambda: self.build_checklist())
        self.tabs = self.editor
        self.try_tab = self.tabs.addTab(self._build_try(), self.tr("Try a question"))
        self.results_tab = self.tabs.addTab(self._build_results(), self.tr("Class results"))
        rv.addWidget(self.tabs, 1)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.problems.hide()  # shown while it lists problems (_list_problems)
        rv.addWidget(self.problems)
        row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        row.addWidget(self.status_label, 1)
        self.check_button = QPushButton(self.tr("Check the case"))
        self.check_button.clicked.connect(lambda: self.check())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export_case())
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(lambda: self.revert())
        self.save_button = QPushButton(self.tr("Save to the bank"))
        self.save_button.clicked.connect(lambda: self.save())
        for b in (self.check_button, self.export_button, self.revert_button, self.save_button):
            row.addWidget(b)
        rv.addLayout(row)
        split.addWidget(right)
        split.setStretchFactor(1, 3)

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
        if changes.documents and not self._leaving:
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
                # with unsaved edits the form stays as it is: only the list is redone
                self.case_list.blockSignals(self._modified)
                self.case_list.setCurrentRow(row)
                self.case_list.blockSignals(False)
                return
        if self.case_list.count() and not self._modified:
            self.case_list.setCurrentRow(0)

    def _in_bank(self, case_id: str) -> bool:
        from ...vpatient.library import DOCUMENT_KIND
        return any(d.uid == f"vp-{case_id}" for d in
                   self.app.bank.documents(kind=DOCUMENT_KIND, limit=100000))

    def current_id(self) -> str:
        """The id of the case selected in the list."""
        item = self.case_list.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def _case_chosen(self, item, previous=None) -> None:
        if item is None or self._reverting:
            return
        was_modified = self._modified
        if not self.maybe_leave():
            self._reverting = True  # stay on the case with the unsaved edits
            try:
                self.case_list.setCurrentItem(previous)
            finally:
                self._reverting = False
            return
        if was_modified and not self._modified and self._loaded:
            # saved: the list changed (a "(bank)" mark); reload it, showing the new choice
            self.refresh(item.data(Qt.UserRole))
            return
        self.load(item.data(Qt.UserRole + 1).to_dict())

    # ------------------------------------------------------------------ form <-> script

    def load(self, data: dict) -> None:
        """Show a script (its JSON dict) in the editor; it counts as saved."""
        self.editor.load(data)
        self._loaded = self.editor.snapshot()
        self._modified = True  # so that the mark is cleared below
        self._set_modified(False)
        self.problems.clear()
        self.problems.hide()
        self.status_label.clear()
        self.try_result.clear()
        self._show_results()

    def script_dict(self) -> dict:
        """The edited script as its JSON dict (see :meth:`CaseEditor.script_dict`)."""
        return self.editor.script_dict()

    def edited_case(self):
        """The edited :class:`~eduapp.vpatient.CaseScript` (not validated).

        :raises ValidationError: a field of the wrong type (the message names it).
        """
        from ...vpatient import CaseScript
        return CaseScript.from_dict(self.script_dict())

    # ------------------------------------------------------------------ unsaved edits

    def _edited(self) -> None:
        self._set_modified(self.editor.snapshot() != self._loaded)

    def _set_modified(self, modified: bool) -> None:
        if modified == self._modified and self.header.text():
            return
        self._modified = modified
        title = self.editor.f_title.text().strip() or self.tr("(new)")
        self.header.setText(title + (" · " + self.tr("✎ unsaved changes") if modified
                                     else ""))
        self.revert_button.setEnabled(modified)
        window = self.window()
        if window is not self and "[*]" in window.windowTitle():
            window.setWindowModified(modified)

    def is_modified(self) -> bool:
        """Whether the form holds edits that are not saved (typing not yet settled
        counts)."""
        self.settle()
        return self._modified

    def settle(self) -> None:
        """Check now what waits for typing to pause (:meth:`CaseEditor.settle`)."""
        self.editor.settle()

    def maybe_leave(self) -> bool:
        """Ask what to do with unsaved edits before the editor shows another case: Save,
        Discard or Cancel.

        :returns: ``True`` when the caller may go on (nothing unsaved, saved, or
            discarded); ``False`` to stay (Cancel, or the case could not be saved).
        """
        self.settle()
        if not self._modified:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Case {id} has unsaved changes. Save them before you leave it?")
                    .format(id=self.editor.f_id.text() or self.tr("(new)")))
        save = box.addButton(self.tr("Save"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            self._leaving = True
            try:
                return self.save(refresh=False)
            finally:
                self._leaving = False
        if box.clickedButton() is discard:
            self._modified = False
            self._loaded = ""
            return True
        return False

    def can_leave(self) -> bool:
        """Whether the page may be left (another page, closing the window): asks about
        unsaved edits (:meth:`maybe_leave`)."""
        return self.maybe_leave()

    def revert(self) -> None:
        """Drop the unsaved edits: show the case as it was loaded (a new case that was never
        saved is dropped: the case chosen in the list is shown again)."""
        import json
        self.settle()
        if self._loaded:
            self.load(json.loads(self._loaded))
            return
        self._modified = False
        keep = self.current_id()
        self.refresh(keep or None)

    # ------------------------------------------------------------------ actions

    def check(self) -> bool:
        """Validate the edited script and list its problems: the rows with a problem
        (marked in their table too) first, then what the script's own check finds.

        :returns: valid.
        """
        self.settle()
        self.problems.clear()
        self.editor.recheck()
        tab_names = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        rows = self.editor.row_problems()
        for tab, row, problem in rows:
            item = QListWidgetItem(f"{tab_names[tab]} · {row}: {problem}")
            item.setData(Qt.UserRole, tab)
            self.problems.addItem(item)
        try:
            problems = self.edited_case().problems()
        except EduAppError as e:
            problems = [error_text(e)]
        marked = {row for _tab, row, _p in rows}
        for p in problems:
            # the script's own check repeats what a row already shows: leave those out
            if not any(f" {row.lower()} " in f" {p.lower()} ".replace("'", " ").replace("_", " ")
                       for row in marked):
                self.problems.addItem(p)
        n = self._problem_rows = self.problems.count()
        warnings = self.language_warnings()
        for text in warnings:
            item = QListWidgetItem(self.tr("Warning: {w}").format(w=text))
            item.setForeground(Qt.darkYellow)
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)
        if n:
            self.status_label.setText(self.problem_count(n))
        elif warnings:
            self.status_label.setText(self.tr("The case is valid; read the warnings."))
        else:
            self.status_label.setText(self.tr("The case is valid."))
        return not n

    def problem_count(self, n: int, saved: bool = True) -> str:
        """"1 problem to fix." / "{n} problems to fix." (``saved=False``: "Not saved: …")."""
        if saved:
            return self.tr("1 problem to fix.") if n == 1 else \
                self.tr("{n} problems to fix.").format(n=n)
        return self.tr("Not saved: 1 problem to fix.") if n == 1 else \
            self.tr("Not saved: {n} problems to fix.").format(n=n)

    def language_warnings(self) -> list[str]:
        """Sentences naming the parts of the edited case written in the other language
        than the case's (:func:`~eduapp.vpatient.model.language_mismatches`)."""
        from ...vpatient.model import language_mismatches
        try:
            found = language_mismatches(self.edited_case())
        except EduAppError:
            return []
        english = self.editor.f_language.currentData() != "zh"
        parts = {"chief_complaint": self.tr("the chief complaint"),
                 "opening": self.tr("the opening line"),
                 "fact": self.tr("history facts"), "exam": self.tr("examinations"),
                 "investigation": self.tr("investigations"),
                 "diagnosis": self.tr("the diagnosis"),
                 "differential": self.tr("the differential"),
                 "management": self.tr("management steps")}
        out = []
        for part, ids in found.items():
            named = ", ".join(i for i in ids if i)
            where = f"{parts.get(part, part)} ({named})" if named else parts.get(part, part)
            out.append((self.tr("{where}: written in Chinese, but the case is in English")
                        if english else
                        self.tr("{where}: written in English, but the case is in Chinese"))
                       .format(where=where))
        return out

    def _go_to_problem(self, item) -> None:
        tab = item.data(Qt.UserRole)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def save(self, refresh: bool = True) -> bool:
        """Check and save the edited case to the bank (through the Workspace).

        :returns: whether it was saved (nothing is saved while a problem is listed).
        """
        if not self.check():
            self.status_label.setText(self.problem_count(self._problem_rows, saved=False))
            return False
        case = self.edited_case()
        saved = []

        def done(_result) -> None:
            saved.append(True)
            self._loaded = self.editor.snapshot()
            self._set_modified(False)
            if refresh:
                self.refresh(case.id)
            self.status_label.setText(self.tr("Saved to the bank."))
        Op(self, lambda ws: ws.save_case(case)).success(done).run()
        return bool(saved) or not Op.synchronous

    def build_checklist(self) -> None:
        """Replace the checklist with one built from the script's content."""
        from dataclasses import asdict
        from ...vpatient import draft_checklist
        try:
            case = self.edited_case()
        except EduAppError as e:
            show_error(self, e)
            return
        data = self.script_dict()
        data["checklist"] = asdict(draft_checklist(case))
        self.editor.load(data)
        self._edited()
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
        """Start a blank case (after asking about unsaved edits): nothing comes from the
        selected case; its language is the interface language, its status draft."""
        if not self.maybe_leave():
            return
        language = "zh" if current_language() == "zh" else "en"
        data = {"id": self._free_id("new-case"), "title": self.tr("New case"),
                "language": language, "status": "draft",
                "facts": [{"id": "cc", "category": "presenting",
                           "topics": ["chief_complaint"], "keywords": [], "answer": ""}],
                "checklist": {"style": "cn_history" if language == "zh" else "osce",
                              "sections": []}}
        self._start_unsaved(data)

    def duplicate_case(self) -> None:
        """Start a new draft case as a copy of the selected one (id ``<id>-copy``, title
        marked as a copy; after asking about unsaved edits)."""
        item = self.case_list.currentItem()
        if item is None or not self.maybe_leave():
            return
        data = item.data(Qt.UserRole + 1).to_dict()
        data.pop("provenance", None)
        data.update(id=self._free_id(f"{data['id']}-copy"),
                    title=self.tr("{title} (copy)").format(title=data.get("title", "")),
                    status="draft")
        self._start_unsaved(data)

    def _free_id(self, base: str) -> str:
        ids = {self.case_list.item(i).data(Qt.UserRole) for i in range(self.case_list.count())}
        n, cid = 1, base
        while cid in ids:
            n += 1
            cid = f"{base}-{n}"
        return cid

    def _start_unsaved(self, data: dict) -> None:
        self.case_list.blockSignals(True)
        self.case_list.setCurrentRow(-1)
        self.case_list.blockSignals(False)
        self.load(data)
        self._loaded = ""  # a new case is unsaved until it is saved
        self._edited()
        self.tabs.setCurrentIndex(0)

    def export_case(self) -> None:
        """Write the edited case as a JSON file."""
        if not self.check():
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case"),
                                              f"{self.editor.f_id.text() or 'case'}.json",
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
            self.problems.setVisible(bool(errors))
        Op(self, lambda ws: ws.import_cases(paths)).success(show).run()

    def generate(self) -> None:
        """Generate a draft case with the default provider (reviewed before students use
        it)."""
        topic, ok = QInputDialog.getText(self, self.tr("Generate a draft case"),
                                         self.tr("Topic (e.g. pulmonary embolism):"))
        if not ok or not topic.strip():
            return
        language = self.editor.f_language.currentData() or "en"
        def run(ws: Workspace, ctx):
            return ws.generate_case_script(topic, language, cancel=ctx.cancelled)
        Op(self, run).with_progress(self.tr("Writing a draft case…")) \
            .success(lambda saved: self.refresh(saved.value.id)).run()

    # ------------------------------------------------------------------ class results

    def _show_results(self) -> None:
        case_id = self.editor.f_id.text().strip()
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
