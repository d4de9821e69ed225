"""The Exams page: the exam's cover details, the blueprint grid with live counts of what
the bank can supply, assembly with precise shortfalls (and drafts generated for a short
cell), the item list with manual edits, a PDF preview and the export of every PDF."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from ...domain import Changes
from ...authoring.gate import describe_hint
from ...errors import EduAppError, describe_value, os_reason
from ..app import current_language
from ...exams import Blueprint, cell_availability, make_forms
from ..exam_widgets import BlueprintGrid, ExamItemTable, PdfPreview, page_images
from ..ops import Op, error_text
from ..flow_layout import FlowLayout
from ..page import Page
from ..stored_exams_dialog import StoredExamsDialog

if TYPE_CHECKING:
    from ...workspace import Workspace

MAX_FORMS = 8


class ExamsPage(Page):
    """Assemble an exam from a blueprint, edit it, preview and export its PDFs.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.exam = None
        self.shortfalls: list = []
        self.notes: list[str] = []
        self.approximated: list[tuple[int, dict[str, int]]] = []
        self.export_dir = ""
        self._bp_extra: dict = {}
        self._revision = 0
        self._preview_dir = tempfile.TemporaryDirectory(prefix="eduapp-preview-")
        self._build()
        self.grid.add_row()
        self._refresh_systems()
        self._set_exam(None)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Exams"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(self._header())

        split = QSplitter(Qt.Horizontal)
        left = QSplitter(Qt.Vertical)
        left.addWidget(self._blueprint_box())
        left.addWidget(self._shortfall_box())
        left.addWidget(self._items_box())
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setStretchFactor(2, 3)
        left.setSizes([300, 100, 260])
        split.addWidget(left)
        split.addWidget(self._preview_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([680, 380])
        layout.addWidget(split, 1)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)
        self._count_timer.timeout.connect(self.refresh_counts)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._preview_timer.timeout.connect(self.refresh_preview)

    def _header(self) -> QWidget:
        box = QWidget()
        # label/field pairs that wrap onto more lines in a narrow window
        flow = FlowLayout(box, spacing=10)
        flow.setContentsMargins(0, 0, 0, 0)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Examination"))
        self.course_edit = QLineEdit()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 600)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setSpecialValueText(self.tr("not printed"))
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("English"), "en")
        self.language_box.addItem(self.tr("Chinese"), "zh")
        self.language_box.setCurrentIndex(1 if self.app.ui_language() == "zh" else 0)
        self.forms_spin = QSpinBox()
        self.forms_spin.setRange(1, MAX_FORMS)
        self.forms_spin.setValue(2)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2 ** 31 - 1)
        self.seed_spin.setSpecialValueText(self.tr("random"))
        self.seed_spin.setToolTip(self.tr("The same seed, bank and blueprint give the same "
                                          "exam; \"random\" draws a new one each time."))
        self.drafts_check = QCheckBox(self.tr("Include drafts"))
        self.drafts_check.setToolTip(self.tr("Also use draft and reviewed items, not only "
                                             "approved ones."))
        self.enemies_check = QCheckBox(self.tr("Allow siblings"))
        self.enemies_check.setToolTip(self.tr(
            "Allow several questions generated from one item model on the same form (they "
            "are near-variants of each other, so by default only one is used)."))
        self.digits_spin = QSpinBox()
        self.digits_spin.setRange(4, 16)
        self.digits_spin.setValue(13 if self.language_box.currentData() == "zh" else 8)
        self.title_edit.setMinimumWidth(220)
        self.course_edit.setMinimumWidth(220)
        pairs = [(self.tr("Title"), self.title_edit, 3), (self.tr("Course"), self.course_edit, 2),
                 (self.tr("Date"), self.date_edit, 0), (self.tr("Duration"), self.duration_spin, 0),
                 (self.tr("Forms"), self.forms_spin, 0), (self.tr("Seed"), self.seed_spin, 0),
                 (self.tr("Language"), self.language_box, 0),
                 (self.tr("Candidate digits"), self.digits_spin, 0)]
        for label, widget, stretch in pairs:
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            text = QLabel(label)
            text.setBuddy(widget)
            row.addWidget(text)
            row.addWidget(widget, 1)
            flow.addWidget(pair, stretch)
        flow.addWidget(self.enemies_check)
        flow.addWidget(self.drafts_check)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.drafts_check.toggled.connect(lambda _=False: self._count_timer.start())
        self.forms_spin.valueChanged.connect(self._forms_changed)
        for widget in (self.title_edit, self.course_edit):
            widget.editingFinished.connect(self._header_edited)
        self.date_edit.dateChanged.connect(self._header_edited)
        self.duration_spin.valueChanged.connect(self._header_edited)
        self.digits_spin.valueChanged.connect(self._header_edited)
        return box

    def _blueprint_box(self) -> QWidget:
        box = QGroupBox(self.tr("Blueprint"))
        layout = QVBoxLayout(box)
        self.grid = BlueprintGrid()
        self.grid.changed.connect(self._grid_changed)
        layout.addWidget(self.grid, 1)
        bar = FlowLayout()
        self.add_row_button = QPushButton(self.tr("Add row"))
        self.remove_row_button = QPushButton(self.tr("Remove row"))
        self.load_button = QPushButton(self.tr("Load…"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.stored_button = QPushButton(self.tr("Stored exams…"))
        self.stored_button.setToolTip(self.tr("Open an exam built before, to preview or "
                                              "export it again."))
        self.stored_button.clicked.connect(self.open_stored_exam)
        self.total_label = QLabel()
        self.build_button = QPushButton(self.tr("Build exam"))
        self.build_button.setDefault(True)
        self.add_row_button.clicked.connect(lambda: self.grid.add_row())
        self.remove_row_button.clicked.connect(
            lambda: self.grid.remove_rows(self.grid.selected_rows()))
        self.load_button.clicked.connect(self.load_blueprint)
        self.save_button.clicked.connect(self.save_blueprint)
        self.build_button.clicked.connect(self.build)
        for b in (self.add_row_button, self.remove_row_button, self.load_button,
                  self.save_button, self.stored_button):
            bar.addWidget(b)
        bar.addWidget(self.total_label, 1)
        bar.addWidget(self.build_button)
        layout.addLayout(bar)
        return box

    def _shortfall_box(self) -> QWidget:
        self.shortfall_group = QGroupBox(self.tr("Shortfalls"))
        layout = QVBoxLayout(self.shortfall_group)
        self.shortfall_list = QListWidget()
        self.shortfall_list.setWordWrap(True)
        self.shortfall_list.currentRowChanged.connect(self._shortfall_selected)
        layout.addWidget(self.shortfall_list, 1)
        bar = QHBoxLayout()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.generate_button = QPushButton(self.tr("Generate drafts for this cell"))
        self.generate_button.clicked.connect(self.generate_for_selected)
        self.generate_button.setToolTip(self.tr(
            "Ask the default language-model provider for draft questions that fit this "
            "cell; they go to the bank as drafts for review."))
        bar.addWidget(self.result_label, 1)
        bar.addWidget(self.generate_button)
        layout.addLayout(bar)
        return self.shortfall_group

    def _items_box(self) -> QWidget:
        box = QGroupBox(self.tr("Questions"))
        layout = QVBoxLayout(box)
        self.items = ExamItemTable()
        self.items.itemSelectionChanged.connect(self._update_item_buttons)
        layout.addWidget(self.items, 1)
        bar = FlowLayout()
        self.items_label = QLabel()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("A locked question (or set) keeps its place in "
                                            "every form."))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.lock_button.clicked.connect(self.toggle_lock)
        bar.addWidget(self.items_label, 1)
        for b in (self.remove_button, self.up_button, self.down_button, self.lock_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        return box

    def _preview_box(self) -> QWidget:
        box = QGroupBox(self.tr("Preview"))
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.document_box = QComboBox()
        self.document_box.currentIndexChanged.connect(lambda _=0: self._preview_timer.start())
        bar.addWidget(self.document_box, 1)
        self.export_button = QPushButton(self.tr("Export PDFs…"))
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_pdfs)
        self.open_button.clicked.connect(self.open_folder)
        bar.addWidget(self.export_button)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.preview = PdfPreview()
        layout.addWidget(self.preview, 1)
        return box

    # -- blueprint ----------------------------------------------------------------------

    def language(self) -> str:
        """``en`` or ``zh``: the exam's language."""
        return self.language_box.currentData()

    def blueprint(self) -> Blueprint:
        """The :class:`Blueprint` the grid and the header describe."""
        extra = self._bp_extra
        return Blueprint(cells=self.grid.cells(),
                         title=self.title_edit.text().strip(),
                         course=self.course_edit.text().strip(),
                         language=self.language(),
                         duration=self.duration_spin.value() or None,
                         instructions=extra.get("instructions", ""),
                         candidate_digits=self.digits_spin.value(),
                         pass_mark=extra.get("pass_mark"),
                         sections=extra.get("sections", []),
                         recent_exam_window=extra.get("recent_exam_window"))

    def set_blueprint(self, blueprint: Blueprint) -> None:
        """Show ``blueprint`` in the grid and the header (fields it leaves empty keep
        their values)."""
        self._bp_extra = {"instructions": blueprint.instructions,
                          "pass_mark": blueprint.pass_mark,
                          "sections": list(blueprint.sections),
                          "recent_exam_window": blueprint.recent_exam_window}
        if blueprint.title:
            self.title_edit.setText(blueprint.title)
        if blueprint.course:
            self.course_edit.setText(blueprint.course)
        if blueprint.duration:
            self.duration_spin.setValue(blueprint.duration)
        if blueprint.language:
            self.language_box.setCurrentIndex(self.language_box.findData(blueprint.language))
        if blueprint.candidate_digits:
            self.digits_spin.setValue(blueprint.candidate_digits)
        self.grid.set_cells(blueprint.cells)

    def load_blueprint(self) -> None:
        """The Load… button: choose a blueprint JSON file and load it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load blueprint"), "",
                                              self.tr("Blueprints (*.json);;All files (*)"))
        if path:
            self.load_blueprint_file(path)

    def load_blueprint_file(self, path: str) -> None:
        """Read the blueprint JSON file ``path`` into the grid (a bad file is reported)."""
        try:
            blueprint = Blueprint.load(path)
        except EduAppError as e:
            QMessageBox.warning(self, self.tr("Load blueprint"), error_text(e))
            return
        self.set_blueprint(blueprint)

    def save_blueprint(self) -> None:
        """The Save… button: choose a file and write the blueprint to it."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save blueprint"),
                                              "blueprint.json", self.tr("Blueprints (*.json)"))
        if path:
            self.save_blueprint_file(path)

    def save_blueprint_file(self, path: str) -> None:
        """Write the blueprint as JSON (``docs/blueprint.md``) to ``path``."""
        try:
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(self.blueprint().to_dict(), fh, ensure_ascii=False, indent=1)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save blueprint"), self.tr(
                "Cannot write {path} ({error}).").format(
                    path=path, error=describe_value(os_reason(e), current_language())))

    def _grid_changed(self) -> None:
        total = sum(c.count for c in self.grid.cells())
        self.total_label.setText(self.tr("1 question asked for") if total == 1 else
                                 self.tr("{n} questions asked for").format(n=total))
        self.remove_row_button.setEnabled(self.grid.rowCount() > 0)
        self.build_button.setEnabled(self.grid.rowCount() > 0)
        self._count_timer.start()

    def _language_changed(self) -> None:
        self.digits_spin.setValue(13 if self.language() == "zh" else 8)
        self._count_timer.start()

    def _refresh_systems(self) -> None:
        try:
            self.grid.set_systems(self.app.bank.facets().get("system", []))
        except Exception:  # noqa: BLE001 - a facet list is a convenience
            pass

    def refresh_counts(self) -> None:
        """Recount, off the GUI thread, how many questions each row can draw on; a count
        that arrives after a newer edit is dropped."""
        cells = self.grid.cells()
        if not cells:
            return
        blueprint = self.blueprint()
        drafts = self.drafts_check.isChecked()
        window = self.app.settings.recent_exam_window
        language = self.language()
        Op(self, lambda ws: cell_availability(ws.bank, blueprint, include_drafts=drafts,
                                              recent_window=window, language=language)) \
            .latest_only("exams-available").success(self.grid.set_availability).run()

    # -- building -----------------------------------------------------------------------

    def build(self) -> None:
        """Assemble the exam from the blueprint (off the GUI thread) and show it, its
        shortfalls and its preview."""
        blueprint = self.blueprint()
        if not blueprint.cells:
            return
        seed = self.seed_spin.value() or None
        drafts = self.drafts_check.isChecked()
        enemies = True if self.enemies_check.isChecked() else None
        forms = self.forms_spin.value()
        date = self.date_edit.date().toString("yyyy-MM-dd")
        choosing, forming = self.tr("Choosing questions…"), self.tr("Making the forms…")

        def work(ws: Workspace, ctx):
            ctx.progress(choosing, None)
            result = ws.assemble_exam(blueprint, seed=seed, include_drafts=drafts,
                                      language=blueprint.language, allow_enemies=enemies)
            result.exam.date = date
            if result.exam.question_count:
                ctx.progress(forming, None)
                make_forms(result.exam, forms)
            return result

        Op(self, work).with_progress(self.tr("Assembling the exam…")) \
            .latest_only("exams-build").success(self._built).run()

    def _built(self, result) -> None:
        self.shortfalls = list(result.shortfalls)
        self.notes = list(result.notes)
        self.approximated = list(result.approximated)
        if self.seed_spin.value() == 0:
            self.seed_spin.setToolTip(self.tr("Last exam built with seed {seed}.").format(
                seed=result.exam.seed))
        self._set_exam(result.exam if result.exam.question_count else None)
        self._show_shortfalls()
        if not result.exam.question_count:
            self.result_label.setText(self.tr("Nothing could be assembled: no question in "
                                              "the bank fits the blueprint."))

    def save_state(self) -> dict:
        """The blueprint, the build options and the exam built (with the person's edits
        to it), for a rebuilt window (a language change)."""
        return {"blueprint": self.blueprint(), "bp_extra": dict(self._bp_extra),
                "date": self.date_edit.date(), "forms": self.forms_spin.value(),
                "seed": self.seed_spin.value(), "drafts": self.drafts_check.isChecked(),
                "exam": self.exam, "shortfalls": list(self.shortfalls),
                "notes": list(self.notes), "approximated": list(self.approximated),
                "export_dir": self.export_dir}

    def restore_state(self, state: dict) -> None:
        """Take over what :meth:`save_state` returned: the exam is shown as it was."""
        self.set_blueprint(state["blueprint"])
        self._bp_extra = dict(state.get("bp_extra") or {})
        self.date_edit.setDate(state["date"])
        self.forms_spin.setValue(state["forms"])
        self.seed_spin.setValue(state["seed"])
        self.drafts_check.setChecked(state["drafts"])
        self.export_dir = state.get("export_dir", "")
        self.shortfalls = list(state.get("shortfalls") or [])
        self.notes = list(state.get("notes") or [])
        self.approximated = list(state.get("approximated") or [])
        self._set_exam(state.get("exam"))
        self._show_shortfalls()

    def _row_name(self, cell: int, cells: list) -> str:
        """``Row 2 (cardiology)``: the blueprint row as the grid shows it.

        :param cells: the grid's rows (``self.grid.cells()``, read once per listing)."""
        row = self.tr("Row {row}").format(row=cell + 1)
        topic = ""
        if 0 <= cell < len(cells):
            topic = cells[cell].topic or cells[cell].system or cells[cell].query
        return self.tr("{row} ({topic})").format(row=row, topic=topic) if topic else row

    def _shortfall_text(self, s, cells: list) -> str:
        """The shortfall's sentence in the interface language (the assembler's own
        ``message`` is English, for the CLI)."""
        r = s.reasons
        available = (self.tr("{n} usable available") if r.get("include_drafts")
                     else self.tr("{n} approved available")).format(n=r.get("usable", 0))
        text = self.tr("{row}: {needed} needed, {available}").format(
            row=self._row_name(s.cell, cells), needed=s.needed, available=available)
        if r.get("usable", 0) != s.found:
            text += self.tr(", {n} placed").format(n=s.found)
        why = []
        if r.get("recent"):
            why.append(self.tr("{n} used in the last {window} exam(s)").format(
                n=r["recent"], window=r.get("window", 0)))
        if r.get("taken"):
            why.append(self.tr("{n} already used by another row").format(n=r["taken"]))
        if r.get("duplicates"):
            why.append(self.tr("{n} near-duplicate(s) of chosen items skipped").format(
                n=r["duplicates"]))
        if r.get("enemies"):
            why.append(self.tr("{n} skipped: another item of the same item model is on the "
                               "exam").format(n=r["enemies"]))
        if r.get("too_large"):
            why.append(self.tr("{n} item set(s) too large for the remaining count").format(
                n=r["too_large"]))
        if r.get("drafts"):
            why.append(self.tr("{n} draft or reviewed not included: tick “Include drafts” to "
                               "use them")
                       .format(n=r["drafts"]))
        if why:
            text += self.tr(" ({reasons})").format(reasons=self.tr("; ").join(why))
        return text

    def _show_shortfalls(self) -> None:
        self.shortfall_list.clear()
        cells = self.grid.cells()
        for s in self.shortfalls:
            entry = QListWidgetItem("⚠ " + self._shortfall_text(s, cells))
            entry.setData(Qt.UserRole, s.cell)
            entry.setToolTip(self.tr("Row {row}: {found} of {needed} placed; {missing} "
                                     "missing.").format(row=s.cell + 1, found=s.found,
                                                        needed=s.needed,
                                                        missing=s.needed - s.found))
            self.shortfall_list.addItem(entry)
        for cell, short in self.approximated:
            bands = self.tr(", ").join(
                self.tr("{band}: {n} short").format(band=self.grid.band_label(b), n=n)
                for b, n in short.items())
            entry = QListWidgetItem("ℹ " + self.tr(
                "{row}: difficulty mix approximated ({bands})").format(
                    row=self._row_name(cell, cells), bands=bands))
            entry.setData(Qt.UserRole, cell)
            self.shortfall_list.addItem(entry)
        if self.exam is not None:
            if self.shortfalls:
                self.result_label.setText(self.tr(
                    "Cells not filled: {n}. The exam holds what was found.")
                    .format(n=len(self.shortfalls)))
            else:
                self.result_label.setText(self.tr("Every cell of the blueprint was filled."))
        self.shortfall_group.setTitle(
            self.tr("Shortfalls ({n})").format(n=len(self.shortfalls)) if self.shortfalls
            else self.tr("Shortfalls"))
        if self.shortfalls:
            self.shortfall_list.setCurrentRow(0)
        self._shortfall_selected()

    def selected_shortfall(self):
        """The shortfall selected in the list, or ``None``."""
        row = self.shortfall_list.currentRow()
        if 0 <= row < len(self.shortfalls):
            return self.shortfalls[row]
        return None

    def _shortfall_selected(self, *_args) -> None:
        self.generate_button.setEnabled(self.selected_shortfall() is not None)

    def generate_for_selected(self) -> None:
        """Generate draft questions for the selected shortfall's missing count, with the
        default provider (cancellable); they are stored as drafts for review."""
        shortfall = self.selected_shortfall()
        if shortfall is None:
            return
        request = dict(shortfall.request)

        def done(result):
            n = len(result.items)
            text = (self.tr("1 draft question stored for review. Approve it in the Item "
                            "bank, or tick \"Include drafts\", then build again.") if n == 1 else
                    self.tr("{n} draft questions stored for review. Approve them in the Item "
                            "bank, or tick \"Include drafts\", then build again.")).format(n=n)
            if result.failures:
                text += "\n\n" + self.tr("{n} could not be produced:").format(
                    n=len(result.failures)) + "\n" + "\n".join(
                    result.describe_failures(current_language())[:10])
            if getattr(result, "hint", ""):
                text += "\n\n" + describe_hint(result.hint, current_language())
            QMessageBox.information(self, self.tr("Generate drafts"), text)

        def work(ws: Workspace, ctx):
            def progress(n, total):
                ctx.progress(f"{n}/{total}", n / total if total else None)
            return ws.fill_shortfall(request, on_progress=progress, cancel=ctx.cancelled)

        Op(self, work).with_progress(self.tr("Generating {n} draft questions…").format(
            n=request.get("count", 1)), cancellable=True).success(done).run()

    # -- the assembled exam -------------------------------------------------------------

    def _set_exam(self, exam) -> None:
        self.exam = exam
        self._revision += 1
        self._show_items()
        has = exam is not None
        self.export_button.setEnabled(has)
        self._fill_documents()
        if not has:
            self.preview.show_message(self.tr("Build an exam to preview its papers, keys and "
                                              "answer sheets here."))
        else:
            self._preview_timer.start()

    def _show_items(self, select: int | None = None) -> None:
        self.items.show_exam(self.exam)
        if self.exam is None:
            self.items_label.setText("")
        else:
            n, m = self.exam.question_count, self.exam.total_marks
            questions = (self.tr("1 question") if n == 1 else
                         self.tr("{n} questions").format(n=n))
            marks = self.tr("1 mark") if m == 1 else self.tr("{m:g} marks").format(m=m)
            self.items_label.setText(f"{questions} · {marks}")
        if select is not None:
            self.items.select_item(select)
        self._update_item_buttons()

    def _update_item_buttons(self) -> None:
        item_id = self.items.selected_item_id()
        has = item_id is not None and self.exam is not None
        for b in (self.remove_button, self.up_button, self.down_button, self.lock_button):
            b.setEnabled(has)
        if has:
            s, u = self.exam.locate(item_id)
            units = self.exam.sections[s].units
            self.up_button.setEnabled(u > 0)
            self.down_button.setEnabled(u < len(units) - 1)
            self.lock_button.setText(self.tr("Unlock") if units[u].locked else self.tr("Lock"))
        else:
            self.lock_button.setText(self.tr("Lock"))

    def _edited_exam(self, select: int | None = None) -> None:
        """After a manual edit: forms again (same seed), list, preview."""
        self._revision += 1
        if self.exam.question_count:
            make_forms(self.exam, self.forms_spin.value())
        self._show_items(select)
        self.export_button.setEnabled(bool(self.exam.question_count))
        self._preview_timer.start()

    def remove_selected(self) -> None:
        """Take the selected question out of the exam (a set goes as a whole)."""
        item_id = self.items.selected_item_id()
        if item_id is None or self.exam is None:
            return
        self.exam.remove(item_id)
        self._edited_exam()
        if not self.exam.question_count:
            self._set_exam(None)

    def move_selected(self, step: int) -> None:
        """Move the selected question's unit ``step`` places within its section."""
        item_id = self.items.selected_item_id()
        if item_id is None or self.exam is None:
            return
        s, u = self.exam.locate(item_id)
        target = u + step
        if not 0 <= target < len(self.exam.sections[s].units):
            return
        self.exam.move(item_id, target)
        self._edited_exam(select=item_id)

    def toggle_lock(self) -> None:
        """Lock the selected question's unit in place in every form, or unlock it."""
        item_id = self.items.selected_item_id()
        if item_id is None or self.exam is None:
            return
        s, u = self.exam.locate(item_id)
        self.exam.lock(item_id, not self.exam.sections[s].units[u].locked)
        self._edited_exam(select=item_id)

    def _header_edited(self, *_args) -> None:
        if self.exam is not None:
            self._revision += 1
            self._preview_timer.start()

    def _forms_changed(self) -> None:
        if self.exam is not None and self.exam.question_count:
            make_forms(self.exam, self.forms_spin.value())
            self._revision += 1
            self._fill_documents()
            self._preview_timer.start()

    def exam_for_output(self):
        """A copy of the exam with the header's details and forms, safe to hand to a
        worker thread (``None`` without an exam)."""
        if self.exam is None or not self.exam.question_count:
            return None
        exam = copy.deepcopy(self.exam)
        exam.title = self.title_edit.text().strip() or exam.title
        exam.course = self.course_edit.text().strip()
        exam.date = self.date_edit.date().toString("yyyy-MM-dd")
        exam.duration = self.duration_spin.value() or None
        exam.candidate_digits = self.digits_spin.value()
        if len(exam.forms) != self.forms_spin.value():
            make_forms(exam, self.forms_spin.value())
        return exam

    # -- preview ------------------------------------------------------------------------

    def _fill_documents(self) -> None:
        current = self.document_box.currentData()
        self.document_box.blockSignals(True)
        self.document_box.clear()
        if self.exam is not None:
            for form in self.exam.forms:
                self.document_box.addItem(self.tr("Form {code}: paper").format(code=form.code),
                                          ("paper", form.code))
                self.document_box.addItem(self.tr("Form {code}: answer key").format(
                    code=form.code), ("key", form.code))
                self.document_box.addItem(self.tr("Form {code}: answer sheet").format(
                    code=form.code), ("sheet", form.code))
            self.document_box.addItem(self.tr("Teacher's version"), ("teacher", ""))
        index = self.document_box.findData(current)
        self.document_box.setCurrentIndex(max(0, index))
        self.document_box.blockSignals(False)

    def refresh_preview(self) -> None:
        """Render the document chosen in the menu (off the GUI thread) and show it."""
        exam = self.exam_for_output()
        choice = self.document_box.currentData()
        if exam is None or not choice:
            return
        kind, code = choice
        folder = self._preview_dir.name
        path = os.path.join(folder, f"{self._revision}-{kind}{code}.pdf")
        images = self.preview.needs_images

        def work(ws: Workspace):
            ws.render_exam_document(exam, kind, code, path)
            return path, (page_images(path, folder) if images else None)

        def failed(error):
            self.preview.show_message(error_text(error) if isinstance(error, EduAppError) else
                                      self.tr("The preview could not be made."))

        self.preview.show_message(self.tr("Rendering the preview…"))
        Op(self, work).latest_only("exams-preview").failure(failed) \
            .success(lambda r: self.preview.show_pdf(*r)).run()

    # -- export -------------------------------------------------------------------------

    def export_pdfs(self) -> None:
        """The Export PDFs… button: choose a folder, then :meth:`export_pdfs_to` it."""
        if self.exam is None or not self.exam.question_count:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export PDFs into"),
                                                  self.export_dir or os.path.expanduser("~"))
        if folder:
            self.export_pdfs_to(folder)

    def export_pdfs_to(self, folder: str) -> None:
        """Store the exam and write every PDF and ``manifest.json`` (what ``eduapp exam
        build`` writes) into ``folder``."""
        exam = self.exam_for_output()
        if exam is None:
            return
        extra = {"shortfalls": [s.to_dict() for s in self.shortfalls], "notes": self.notes}

        def done(files):
            self.exam.id = exam.id
            self.export_dir = files.folder
            self.open_button.setEnabled(True)
            n = sum(len(v) for v in files.forms.values()) + 1
            if exam.id is None:  # a read-only data folder: printed, not recorded
                self.window().statusBar().showMessage(self.tr(
                    "The data folder is read-only: {n} PDFs and the manifest were written "
                    "to {path}, but the exam was not stored.").format(
                        n=n, path=files.folder), 15000)
                return
            self.window().statusBar().showMessage(self.tr(
                "Exam {id} stored; {n} PDFs and the manifest written to {path}.").format(
                    id=exam.id, n=n, path=files.folder), 10000)

        Op(self, lambda ws: ws.publish_exam(exam, folder, extra=extra)) \
            .with_progress(self.tr("Writing the PDFs…")).success(done).run()

    def open_stored_exam(self) -> None:
        """The Stored exams… button: choose a stored exam and show it as it was built."""
        dialog = StoredExamsDialog(self.app, self)
        if dialog.exec() and dialog.chosen is not None:
            exam_id = dialog.chosen
            Op(self, lambda ws: ws.open_exam(exam_id)).success(self.show_stored_exam).run()

    def show_stored_exam(self, exam) -> None:
        """Show a stored exam: its header, questions, forms and preview (exporting it
        again writes the same forms)."""
        if exam.blueprint:
            try:
                self.set_blueprint(Blueprint.from_dict(exam.blueprint))
            except EduAppError:
                pass  # an old or hand-made blueprint: the exam itself is what matters
        widgets = (self.forms_spin, self.title_edit, self.course_edit, self.date_edit,
                   self.duration_spin, self.digits_spin, self.language_box)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.title_edit.setText(exam.title)
            self.course_edit.setText(exam.course)
            date = QDate.fromString(exam.date or "", "yyyy-MM-dd")
            if date.isValid():
                self.date_edit.setDate(date)
            self.duration_spin.setValue(exam.duration or 0)
            self.digits_spin.setValue(exam.candidate_digits)
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(exam.language)))
            self.forms_spin.setValue(max(1, len(exam.forms)))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.shortfalls, self.notes, self.approximated = [], [], []
        self._set_exam(exam)
        self._show_shortfalls()
        self.window().statusBar().showMessage(
            self.tr("Opened exam {id} ({title}).").format(id=exam.id, title=exam.title), 8000)

    def open_folder(self) -> None:
        """Open the folder of the last export in the file manager."""
        if self.export_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.export_dir))

    # -- refresh ------------------------------------------------------------------------

    def refreshers(self, changes: Changes) -> list:
        """Items or stored exams changed: the systems offered and the live counts."""
        if changes.items or changes.exams:
            return [self._refresh_systems, self._count_timer.start]
        return []


