"""The item editor: every field of an item and its quality-gate findings. It edits a
copy; ``Save`` hands the edited item to the page, which stores it through an op.

Its parts live beside it: the options grid in :mod:`.option_table`, the images in
:mod:`.image_list`, the findings list in :mod:`.findings_list`, the History… dialog in
:mod:`.item_history`."""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from ..authoring import lint_item
from ..domain import (BLOOM_LEVELS, EXAM_TYPE_INFO, EXAM_TYPES, ITEM_TYPES, STATUSES, Item,
                      Option, facet_key, facet_name)
from ..errors import ValidationError
from ..provenance import (author_of, describe_contributor, review_date, reviewer_of,
                          sources_from_references)
from .findings_list import FindingsList
from .flow_layout import FlowLayout
from .image_list import ImageList
from .ops import error_text
from .option_table import OptionTable
from .rich_text import labelled, plain_html

if TYPE_CHECKING:
    from ..bank import Bank


def lint(item: Item) -> list:
    """Quality-gate findings for ``item`` (``authoring.lint_item``'s list of findings)."""
    return lint_item(item)


def _pair(first: QWidget, second: QWidget) -> QWidget:
    """``first`` and ``second`` side by side as one widget (a label and its field), so a
    wrapping row moves them together."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    row.addWidget(second, 1)
    return box


class ItemEditor(QWidget):
    """Edits one item. Emits ``save_requested(Item)``; the page stores it.

    Fields: type, status, language, exam type, vignette, stem, options (correct flag, text,
    explanation), general explanation, model answer and rubric, tags, topic, system,
    discipline, Bloom level, difficulty (0..1), references, images, provenance (author,
    sources with edition and year, last review; the reviewer's name and review date are
    editable); findings below.
    """

    save_requested = Signal(object)
    history_requested = Signal(int)
    #: ``(set uid)``: the person wants to edit the item set this item belongs to
    set_requested = Signal(str)
    #: ``(bool)``: the form now differs (or no longer differs) from the item loaded
    modified_changed = Signal(bool)

    def __init__(self, bank: Bank, parent=None):
        super().__init__(parent)
        self.bank = bank
        #: ``() -> "en" | "zh"``: the interface language (the page sets the App's)
        self.ui_language = lambda: "en"
        self.item: Item | None = None
        self._loaded: dict | None = None
        self._modified = False
        self._loading = False
        self._build()
        self._watch_edits()
        self.set_item(None)

    # -- layout -------------------------------------------------------------------------

    def _combo(self, values, labels=None) -> QComboBox:
        box = QComboBox()
        for n, v in enumerate(values):
            box.addItem(labels[n] if labels else v, v)
        return box

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.header = QLabel()
        self.header.setObjectName("editorHeader")
        self.header.setWordWrap(True)
        form.addRow(self.header)
        row = FlowLayout()  # the pairs of a row wrap in a narrow editor
        self.type_box = self._combo(ITEM_TYPES, [self.type_label(t) for t in ITEM_TYPES])
        self.status_box = self._combo(STATUSES, [self.status_label(s) for s in STATUSES])
        self.language_box = self._combo(("en", "zh"), [self.tr("English"), self.tr("Chinese")])
        self.exam_type_box = self._combo(("",) + EXAM_TYPES)
        for n, t in enumerate(EXAM_TYPES, start=1):  # which exam uses the type, as a tooltip
            self.exam_type_box.setItemData(n, EXAM_TYPE_INFO[t]["en"], Qt.ToolTipRole)
        row.addWidget(self.type_box, 2)
        row.addWidget(_pair(QLabel(self.tr("Status")), self.status_box), 1)
        form.addRow(self.tr("Type"), row)
        row2 = FlowLayout()
        row2.addWidget(self.language_box, 1)
        row2.addWidget(_pair(QLabel(self.tr("Exam type")), self.exam_type_box), 1)
        form.addRow(self.tr("Language"), row2)
        self.set_label = QLabel()
        self.set_label.setWordWrap(True)
        self.set_label.setObjectName("setNote")
        self.set_label.setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        self.set_button = QPushButton(self.tr("Edit set…"))
        self.set_button.setToolTip(self.tr("Edit the set's shared vignette or shared options "
                                           "and see its questions"))
        self.set_button.clicked.connect(
            lambda: self.item is not None and self.item.set_uid
            and self.set_requested.emit(self.item.set_uid))
        set_row = QHBoxLayout()
        set_row.addWidget(self.set_label, 1)
        set_row.addWidget(self.set_button, 0, Qt.AlignTop)
        form.addRow(set_row)
        self.vignette = QPlainTextEdit()
        self.vignette.setPlaceholderText(self.tr("Clinical vignette: patient, setting, findings"))
        self.vignette.setFixedHeight(80)
        form.addRow(self.tr("Vignette"), self.vignette)
        self.stem = QPlainTextEdit()
        self.stem.setPlaceholderText(self.tr("Lead-in question"))
        self.stem.setFixedHeight(70)
        form.addRow(self.tr("Stem"), self.stem)
        self.options = OptionTable()
        form.addRow(self.tr("Options"), self.options)
        buttons = QHBoxLayout()
        self.add_option = QPushButton(self.tr("Add option"))
        self.remove_option = QPushButton(self.tr("Remove option"))
        self.add_option.clicked.connect(lambda: self.options.add_option(Option("")))
        self.remove_option.clicked.connect(self.options.remove_current_option)
        buttons.addWidget(self.add_option)
        buttons.addWidget(self.remove_option)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.explanation = QPlainTextEdit()
        self.explanation.setFixedHeight(70)
        form.addRow(self.tr("Explanation"), self.explanation)
        self.model_answer = QPlainTextEdit()
        self.model_answer.setFixedHeight(50)
        form.addRow(self.tr("Model answer"), self.model_answer)
        self.rubric = QPlainTextEdit()
        self.rubric.setFixedHeight(50)
        form.addRow(self.tr("Rubric"), self.rubric)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated"))
        form.addRow(self.tr("Tags"), self.tags)
        self.topic = QLineEdit()
        form.addRow(self.tr("Topic"), self.topic)
        facets = FlowLayout()
        self.system = QComboBox()
        self.system.setEditable(True)
        self.system.setMinimumContentsLength(12)
        self.system.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.discipline = QLineEdit()
        facets.addWidget(self.system, 1)
        facets.addWidget(_pair(QLabel(self.tr("Discipline")), self.discipline), 1)
        form.addRow(self.tr("System"), facets)
        levels = FlowLayout()
        self.bloom = self._combo(("",) + BLOOM_LEVELS)
        self.difficulty_known = QCheckBox(self.tr("Expected p"))
        self.difficulty = QDoubleSpinBox()
        self.difficulty.setRange(0.0, 1.0)
        self.difficulty.setSingleStep(0.05)
        self.difficulty.setToolTip(self.tr("Expected facility index: the share of candidates "
                                           "who answer correctly (0..1; higher is easier)"))
        self.difficulty_known.toggled.connect(self.difficulty.setEnabled)
        levels.addWidget(self.bloom, 1)
        levels.addWidget(_pair(self.difficulty_known, self.difficulty))
        form.addRow(self.tr("Bloom level"), levels)
        self.references = QPlainTextEdit()
        self.references.setPlaceholderText(self.tr("one reference per line"))
        self.references.setFixedHeight(50)
        form.addRow(self.tr("References"), self.references)
        self.images = ImageList(self.bank)
        form.addRow(self.tr("Images"), self.images)
        self.provenance_label = QLabel()
        self.provenance_label.setObjectName("provenanceNote")
        self.provenance_label.setWordWrap(True)
        self.provenance_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow(self.tr("Provenance"), self.provenance_label)
        review = FlowLayout()
        self.reviewer = QLineEdit()
        self.reviewer.setPlaceholderText(self.tr("reviewer's name"))
        self.reviewed_at = QLineEdit()
        self.reviewed_at.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.reviewed_at.setMaximumWidth(110)
        self.reviewed_today = QPushButton(self.tr("Reviewed today"))
        self.reviewed_today.setToolTip(self.tr("Record that you checked this item against "
                                               "current sources today"))
        self.reviewed_today.clicked.connect(
            lambda: self.reviewed_at.setText(time.strftime("%Y-%m-%d")))
        self.reviewer.setMinimumWidth(120)
        review.addWidget(self.reviewer, 2)
        review.addWidget(_pair(self.reviewed_at, self.reviewed_today), 1)
        form.addRow(self.tr("Reviewed by"), review)
        self.findings = FindingsList(
            {"stem": self.stem, "vignette": self.vignette, "explanation": self.explanation,
             "model_answer": self.model_answer}, self.options, lambda: self.ui_language())
        form.addRow(self.tr("Quality gate"), self.findings)
        scroll.setWidget(body)
        # the body scrolls up and down only: the editor never gets narrower than its rows
        # (a splitter dragged further would cut combo boxes and columns off at the right)
        scroll.setMinimumWidth(body.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width()
                               + 2 * scroll.frameWidth())
        outer.addWidget(scroll, 1)
        actions = QHBoxLayout()
        self.history_button = QPushButton(self.tr("History…"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut("Ctrl+S")
        self.history_button.clicked.connect(
            lambda: self.item and self.item.id and self.history_requested.emit(self.item.id))
        self.revert_button.clicked.connect(lambda: self.set_item(self.item))
        self.save_button.clicked.connect(lambda: self._save())
        actions.addWidget(self.history_button)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        outer.addLayout(actions)

    # -- unsaved edits ------------------------------------------------------------------

    def _watch_edits(self) -> None:
        """Recheck :meth:`is_modified` whenever a field of the form changes."""
        for box in (self.vignette, self.stem, self.explanation, self.model_answer, self.rubric,
                    self.references):
            box.textChanged.connect(self._edited)
        for line in (self.tags, self.topic, self.discipline, self.reviewer, self.reviewed_at):
            line.textChanged.connect(self._edited)
        for combo in (self.type_box, self.status_box, self.language_box, self.exam_type_box,
                      self.bloom):
            combo.currentIndexChanged.connect(self._edited)
        self.system.currentTextChanged.connect(self._edited)
        self.difficulty_known.toggled.connect(self._edited)
        self.difficulty.valueChanged.connect(self._edited)
        self.options.itemChanged.connect(self._edited)
        self.images.changed.connect(self._edited)
        self.options.model().rowsInserted.connect(self._edited)
        self.options.model().rowsRemoved.connect(self._edited)

    def _snapshot(self):
        """The form as an item, or ``"invalid"`` when a field cannot be read (which counts
        as a change)."""
        try:
            return self.edited_item()
        except ValidationError:
            return "invalid"

    def _edited(self, *_args) -> None:
        if self._loading or self.item is None:
            return
        self._set_modified(self._snapshot() != self._loaded)

    def _set_modified(self, modified: bool) -> None:
        changed = modified != self._modified
        self._modified = modified
        base = getattr(self, "_header_base", "")
        if self.item is not None:
            self.header.setText(base + (" · " + self.tr("✎ unsaved changes") if modified
                                        else ""))
        window = self.window()
        if window is not self and "[*]" in window.windowTitle():
            window.setWindowModified(modified)
        if changed:
            self.modified_changed.emit(modified)

    def is_modified(self) -> bool:
        """Whether the form holds edits that are not saved."""
        return self._modified

    def mark_saved(self) -> None:
        """Take what the form shows as saved (after :attr:`save_requested` was handled)."""
        self._loaded = self._snapshot()
        self._set_modified(False)

    def save_state(self) -> dict:
        """What the editor holds: the item loaded, as the form read it then, and the
        form's edits when they are not saved (for a rebuilt window)."""
        edited = self._snapshot() if self._modified else None
        return {"item": copy.deepcopy(self.item), "loaded": self._loaded,
                "edited": edited if isinstance(edited, Item) else None}

    def restore_state(self, state: dict) -> None:
        """Show what :meth:`save_state` returned, unsaved edits marked as such."""
        if state.get("edited") is not None:
            self.set_item(state["edited"])
            self._loaded = state.get("loaded")
            self._edited()
        else:
            self.set_item(state.get("item"))

    def maybe_leave(self) -> bool:
        """Ask what to do with unsaved edits before the editor shows something else:
        Save (stores them through :attr:`save_requested`), Discard, or Cancel.

        :returns: ``True`` when the caller may go on (nothing unsaved, saved, or
            discarded); ``False`` to stay on this item (Cancel, or the edit could not be
            saved).
        """
        if self.item is None or not self._modified:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Item {id} has unsaved changes. Save them before you leave it?")
                    .format(id=self.item.id if self.item.id else self.tr("(new)")))
        save = box.addButton(self.tr("Save"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            return self._save()
        if box.clickedButton() is discard:
            self.set_item(self.item)
            return True
        return False


    def type_label(self, t: str) -> str:
        """Human name of an item type."""
        return {"sba": self.tr("Single best answer"), "multi": self.tr("Multiple response"),
                "tf": self.tr("True/false"), "short": self.tr("Short answer"),
                "matching": self.tr("Matching"), "numerical": self.tr("Numerical"),
                "essay": self.tr("Essay"), "cloze": self.tr("Cloze"),
                "description": self.tr("Description")}.get(t, t)

    def source_label(self, source: str) -> str:
        """Human name of where an item came from (its provenance source)."""
        return {"manual": self.tr("written by hand"), "starter": self.tr("starter bank"),
                "imported": self.tr("imported"), "generated": self.tr("generated")
                }.get(source, source)

    def status_label(self, s: str) -> str:
        """Human name of a review status."""
        return {"draft": self.tr("Draft"), "reviewed": self.tr("Reviewed"),
                "approved": self.tr("Approved"), "retired": self.tr("Retired")}.get(s, s)

    # -- load / read back -----------------------------------------------------------------

    def set_systems(self, systems: list[str]) -> None:
        """Fill the system box's suggestions."""
        current = facet_key(self.system.currentText())
        self.system.clear()
        self.system.addItem("", "")
        for value in systems:
            self.system.addItem(facet_name(value, self.ui_language()), value)
        self._show_system(current)

    def _show_system(self, value: str) -> None:
        """Show the stored system ``value`` by its name in the interface language."""
        index = self.system.findData(value)
        if index >= 0:
            self.system.setCurrentIndex(index)
        else:
            self.system.setCurrentText(facet_name(value, self.ui_language()) if value else "")

    def set_item(self, item: Item | None) -> None:
        """Show ``item`` (a copy is edited) or an empty, disabled editor for ``None``; any
        unsaved edits of the form are dropped (ask :meth:`maybe_leave` first)."""
        self._loading = True
        try:
            self._load(item)
        finally:
            self._loading = False
        self._header_base = self.header.text()
        self._loaded = self._snapshot() if self.item is not None else None
        self._modified = True  # so that _set_modified(False) signals and clears the mark
        self._set_modified(False)

    def _load(self, item: Item | None) -> None:
        self.item = copy.deepcopy(item) if item else None
        enabled = item is not None
        for w in self.findChildren(QWidget):
            if w is not self:
                w.setEnabled(enabled)
        if item is None:
            self.set_label.setVisible(False)
            self.set_button.setVisible(False)
            self.header.setText(self.tr("Select an item to edit it, or press New item."))
            self.header.setEnabled(True)
            return
        self.header.setText(self.tr("Item {id} · version {version} · {source}").format(
            id=item.id if item.id else self.tr("(new)"), version=item.version,
            source=self.source_label(item.provenance.get("source", "manual"))))
        if item.twin_uid:
            try:
                twin = self.bank.get_item_by_uid(item.twin_uid)
                self.header.setText(self.header.text() + " · " + self.tr(
                    "translation: item {id} ({language})").format(id=twin.id,
                                                                  language=twin.language))
            except Exception:  # noqa: BLE001 - the twin may not be in this bank
                pass
        self._select(self.type_box, item.type)
        self._select(self.status_box, item.status)
        self._select(self.language_box, item.language)
        self._select(self.exam_type_box, item.exam_type)
        self.show_provenance(item)
        self.vignette.setPlainText(item.vignette)
        self.stem.setPlainText(item.stem)
        self.options.set_options(item.options)
        self.explanation.setPlainText(item.explanation)
        self.model_answer.setPlainText(item.model_answer)
        self.rubric.setPlainText(item.rubric)
        self.tags.setText(", ".join(item.tags))
        self.topic.setText(item.topic)
        self._show_system(item.system)
        self.discipline.setText(facet_name(item.discipline, self.ui_language())
                                if self.ui_language() == "zh" else item.discipline)
        self._select(self.bloom, item.bloom)
        self.difficulty_known.setChecked(item.difficulty is not None)
        self.difficulty.setEnabled(item.difficulty is not None)
        self.difficulty.setValue(item.difficulty if item.difficulty is not None else 0.5)
        self.references.setPlainText("\n".join(item.references))
        self.images.set_media(item.media)
        self.set_label.setVisible(bool(item.set_uid))
        self.set_button.setVisible(bool(item.set_uid))
        if item.set_uid:
            text = self.tr(
                "Question {n} of an item set: the set is kept, exported and printed as one "
                "unit. The shared vignette is edited with the set.").format(
                    n=item.set_position + 1)
            try:
                shared = self.bank.get_set(item.set_uid)
            except Exception:  # noqa: BLE001 - a set missing from this bank: the note only
                shared = None
            if shared is not None and shared.vignette:
                vignette = shared.vignette if len(shared.vignette) <= 600 \
                    else shared.vignette[:598] + "…"
                text += "<br>" + labelled(self.tr("Shared vignette:"), vignette,
                                          paragraph=False)
            if shared is not None and shared.kind == "shared_options" and shared.options:
                text += "<br>" + labelled(self.tr("Shared options:"), "; ".join(
                    f"{chr(65 + n) if n < 26 else n + 1}. {o.text}"
                    for n, o in enumerate(shared.options)), paragraph=False)
            self.set_label.setText(text)
        self.history_button.setEnabled(item.id is not None)
        self.findings.show_findings(item.findings or lint(item))

    @staticmethod
    def _select(box: QComboBox, value) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def edited_item(self) -> Item:
        """The item as the form shows it now (not yet validated or stored)."""
        item = copy.deepcopy(self.item)
        item.type = self.type_box.currentData()
        item.status = self.status_box.currentData()
        item.language = self.language_box.currentData()
        item.exam_type = self.exam_type_box.currentData()
        item.vignette = self.vignette.toPlainText().strip()
        item.stem = self.stem.toPlainText().strip()
        item.options = self.options.options()
        item.explanation = self.explanation.toPlainText().strip()
        item.model_answer = self.model_answer.toPlainText().strip()
        item.rubric = self.rubric.toPlainText().strip()
        item.tags = [t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()]
        item.topic = self.topic.text().strip()
        item.system = facet_key(self.system.currentText())
        item.discipline = facet_key(self.discipline.text())
        item.bloom = self.bloom.currentData()
        item.difficulty = self.difficulty.value() if self.difficulty_known.isChecked() else None
        item.references = [r.strip() for r in self.references.toPlainText().splitlines()
                           if r.strip()]
        item.media = self.images.media()
        self._read_review(item)
        return item

    def _read_review(self, item: Item) -> None:
        """Put the reviewer and review date of the form into ``item.provenance`` (a person,
        typed by the teacher), when they differ from what the item had."""
        name = self.reviewer.text().strip()
        date = self.reviewed_at.text().strip()
        old = dict(item.provenance or {})
        if "reviewed_at" in old and not review_date(old):
            old.pop("reviewed_at")  # a malformed date from an import: the form shows none
            item.provenance = old
        old_reviewer = reviewer_of(old)
        shown = old_reviewer.name if old_reviewer and old_reviewer.kind == "human" else ""
        if name == shown and date == review_date(old):
            return
        prov = dict(old)
        if name != shown:
            if name:
                prov["reviewer"] = {"kind": "human", "name": name}
            elif old_reviewer and old_reviewer.kind == "human":
                prov.pop("reviewer", None)
        if date:
            prov["reviewed_at"] = date
        else:
            prov.pop("reviewed_at", None)
        item.provenance = prov

    def show_provenance(self, item: Item) -> None:
        """Fill the provenance lines: author, sources with edition and year, reviewer and
        review date, what the review changed, and the number of recorded revisions."""
        prov = item.provenance or {}
        lang = self.ui_language()
        for n, t in enumerate(EXAM_TYPES, start=1):  # which exam uses each type
            self.exam_type_box.setItemData(n, EXAM_TYPE_INFO[t][lang], Qt.ToolTipRole)
        sources = prov.get("sources") or sources_from_references(item.references)
        parts = []
        for src in sources[:6]:
            title = str(src.get("title", ""))
            if len(title) > 80:
                title = title[:77] + "…"
            extra = ", ".join(str(x) for x in (src.get("edition"), src.get("year"))
                              if x and str(x) not in title)
            parts.append(plain_html(f"{title} ({extra})" if extra else title))
        lines = [self.tr("Author: {who}").format(who=plain_html(describe_contributor(
                     author_of(prov), language=lang)))]
        lines.append(self.tr("Sources: {list}").format(
            list="; ".join(parts) if parts else self.tr("none recorded")))
        date = review_date(prov)
        if date:
            lines.append(self.tr("Last review: {date} by {who}").format(
                date=date, who=plain_html(describe_contributor(reviewer_of(prov), language=lang))))
        else:
            lines.append(self.tr("Never reviewed."))
        if prov.get("review_changes"):
            lines.append(self.tr("Review changes: {text}").format(
                text=plain_html(str(prov["review_changes"]))))
        revisions = prov.get("revisions") or []
        if revisions:
            last = revisions[-1]
            lines.append(self.tr("Revised {n} time(s); last on {date}: {change}").format(
                n=len(revisions), date=plain_html(str(last.get("date", ""))),
                change=plain_html(str(last.get("change", ""))[:200])))
        self.provenance_label.setText("<br>".join(lines))
        reviewer = reviewer_of(prov)
        self.reviewer.setText(reviewer.name if reviewer and reviewer.kind == "human" else "")
        self.reviewed_at.setText(date)

    def _save(self) -> bool:
        """Validate the form and hand the item to the page (:attr:`save_requested`).

        :returns: whether it was handed on (``False``: a message said what is wrong).
        """
        if self.item is None:
            return False
        try:
            item = self.edited_item()
            item.validate()
            from ..provenance import check_provenance
            check_provenance(item.provenance)
        except ValidationError as e:
            QMessageBox.warning(self, self.tr("Cannot save"), error_text(e))
            return False
        self.findings.show_findings(lint(item))
        self.mark_saved()
        self.save_requested.emit(item)
        return True


__all__ = ["ItemEditor"]
