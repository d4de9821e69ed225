"""Widgets of the Generate page: the request form, the low-quality banner, the review
queue's draft list and the document view (rendered Markdown with an edit toggle).

They hold no logic of their own: the page builds a :class:`~eduapp.authoring.QuestionSpec`
from the form, runs the model calls through ``Op`` and stores through the bank.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout,
                               QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QSpinBox, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..authoring.finding_text import describe_finding
from ..domain import BLOOM_LEVELS, Document, Item
from .app import current_language

#: What the form can ask for: questions (review queue), lecture notes, a case study.
KINDS = ("questions", "notes", "case")
#: Question types of :class:`~eduapp.authoring.QuestionSpec` (``vignette`` is an SBA item).
QUESTION_TYPES = ("sba", "multi", "tf", "short", "vignette")
#: Target facility index per difficulty choice (``None``: let the model choose).
DIFFICULTIES = (None, 0.85, 0.65, 0.45)

BANNER_STYLE = ("QFrame#lowQualityBanner { background: #fff7ed; border: 1px solid #fdba74;"
                " border-radius: 4px; } QFrame#lowQualityBanner QLabel { color: #9a3412; }")


def _combo() -> QComboBox:
    """A combo box that does not widen the form to its longest entry."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


class LowQualityBanner(QFrame):
    """A visible warning that the embedded model writes low-quality content, with a button
    to configure a stronger provider (emits :attr:`settings_requested`)."""

    settings_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lowQualityBanner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self.tr(
            "⚠ Low quality: the built-in model (SmolLM2-135M) works offline, but what it writes "
            "is often wrong and it cannot write real Chinese. Check every draft, and use a "
            "stronger provider (OpenAI, DeepSeek, Qwen, or a local Ollama or vLLM server) for "
            "material you mean to keep."))
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Configure a provider…"))
        self.button.clicked.connect(self.settings_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignVCenter)


class GenerationForm(QWidget):
    """What to generate: kind, topic, language, provider; for questions the type, count,
    Bloom level, difficulty, learning objectives and blind verification; optional source
    text for every kind.

    :ivar kind_changed: ``(kind)`` when the user picks questions, notes or a case study.
    :ivar provider_changed: ``(name)`` when another provider is chosen.
    """

    kind_changed = Signal(str)
    provider_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kind = _combo()
        for value, label in zip(KINDS, (self.tr("Questions"), self.tr("Lecture notes"),
                                        self.tr("Case study"))):
            self.kind.addItem(label, value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Generate"), self.kind)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("e.g. atrial fibrillation, 急性心肌梗死"))
        form.addRow(self.tr("Topic"), self.topic)
        self.language = _combo()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Chinese"), "zh")
        # New content defaults to the interface language, as exams and practice do.
        self.language.setCurrentIndex(self.language.findData(current_language()))
        form.addRow(self.tr("Language"), self.language)
        self.provider = _combo()
        self.provider.currentIndexChanged.connect(
            lambda _=0: self.provider_changed.emit(self.provider_name()))
        form.addRow(self.tr("Provider"), self.provider)
        outer.addLayout(form)

        self.questions = QGroupBox(self.tr("Questions"))
        qform = QFormLayout(self.questions)
        qform.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.qtype = _combo()
        for value in QUESTION_TYPES:
            self.qtype.addItem(self.type_label(value), value)
        qform.addRow(self.tr("Type"), self.qtype)
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(5)
        qform.addRow(self.tr("How many"), self.count)
        self.bloom = _combo()
        self.bloom.addItem(self.tr("Any"), "")
        for value in BLOOM_LEVELS:
            self.bloom.addItem(self.bloom_label(value), value)
        qform.addRow(self.tr("Bloom level"), self.bloom)
        self.difficulty = _combo()
        for value, label in zip(DIFFICULTIES, (self.tr("Any"), self.tr("Easy (p ≈ 0.85)"),
                                               self.tr("Moderate (p ≈ 0.65)"),
                                               self.tr("Hard (p ≈ 0.45)"))):
            self.difficulty.addItem(label, value)
        self.difficulty.setToolTip(self.tr("Expected facility index: the share of candidates "
                                           "who answer correctly"))
        qform.addRow(self.tr("Difficulty"), self.difficulty)
        self.objectives = QPlainTextEdit()
        self.objectives.setPlaceholderText(self.tr("one learning objective per line "
                                                   "(optional)"))
        self.objectives.setFixedHeight(60)
        qform.addRow(self.tr("Objectives"), self.objectives)
        self.verify = QCheckBox(self.tr("Verify answers with a second blind call"))
        self.verify.setChecked(True)
        self.verify.setToolTip(self.tr("The model answers each question without seeing the "
                                       "key; a disagreement becomes a finding."))
        qform.addRow(self.verify)
        outer.addWidget(self.questions)

        source_label = QLabel(self.tr("Source text (optional): your notes or a guideline "
                                      "excerpt to base the content on"))
        source_label.setWordWrap(True)
        outer.addWidget(source_label)
        self.source = QPlainTextEdit()
        self.source.setPlaceholderText(self.tr("Paste text here…"))
        self.source.setMinimumHeight(90)
        outer.addWidget(self.source, 1)

    # -- labels -------------------------------------------------------------------------

    def type_label(self, kind: str) -> str:
        """Human name of a question type."""
        return {"sba": self.tr("Single best answer"), "multi": self.tr("Multiple response"),
                "tf": self.tr("True/false"), "short": self.tr("Short answer"),
                "vignette": self.tr("Clinical vignette (single best answer)")}.get(kind, kind)

    def bloom_label(self, level: str) -> str:
        """Human name of a Bloom level."""
        return {"remember": self.tr("Remember"), "understand": self.tr("Understand"),
                "apply": self.tr("Apply"), "analyze": self.tr("Analyse"),
                "evaluate": self.tr("Evaluate"), "create": self.tr("Create")}.get(level, level)

    # -- values -------------------------------------------------------------------------

    def set_providers(self, profiles, select: str) -> None:
        """Fill the provider menu with ``profiles`` and choose ``select`` (else the
        first); emits :attr:`provider_changed` once."""
        self.provider.blockSignals(True)
        self.provider.clear()
        for p in profiles:
            self.provider.addItem(self.provider_label(p), p.name)
        self.provider.setCurrentIndex(max(self.provider.findData(select), 0))
        self.provider.blockSignals(False)
        self.provider_changed.emit(self.provider_name())

    def provider_label(self, profile) -> str:
        """How a provider profile is named in the menu: the built-in model by what it is
        (its profile name ``embedded`` is an identifier), others as ``name · model``."""
        if profile.is_embedded:
            return self.tr("Built-in model (offline, low quality)")
        return f"{profile.name} · {profile.model}" if profile.model else profile.name

    def provider_name(self) -> str:
        """Name of the chosen provider profile (``""`` when there is none)."""
        return self.provider.currentData() or ""

    def current_kind(self) -> str:
        """``questions``, ``notes`` or ``case``."""
        return self.kind.currentData()

    def set_kind(self, kind: str) -> None:
        """Choose what to generate."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def objectives_list(self) -> list[str]:
        """The learning objectives, one per non-empty line."""
        return [line.strip() for line in self.objectives.toPlainText().splitlines()
                if line.strip()]

    def _kind_changed(self, _index: int) -> None:
        self.questions.setVisible(self.current_kind() == "questions")
        self.kind_changed.emit(self.current_kind())


class DraftList(QListWidget):
    """The review queue's drafts: two lines each (stem; type, topic and a findings badge),
    several can be selected."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)

    def badge(self, findings) -> str:
        """``✖ 1 · ⚠ 2 · ℹ 1``, or ``✓ no findings``."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in findings or []:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        parts = [f"{icon} {counts[sev]}" for sev, icon in (("error", "✖"), ("warning", "⚠"),
                                                            ("info", "ℹ")) if counts.get(sev)]
        return " · ".join(parts) if parts else self.tr("✓ no findings")

    def severity_label(self, severity: str) -> str:
        """``error``/``warning``/``info`` in the interface language."""
        return {"error": self.tr("Error"), "warning": self.tr("Warning"),
                "info": self.tr("Note")}.get(severity, severity)

    def set_items(self, items: list[Item], type_label) -> None:
        """Show ``items`` (with their ``findings``); ``type_label(item)`` names the type."""
        self.clear()
        for item in items:
            stem = " ".join((item.stem or item.vignette or "").split())
            if len(stem) > 110:
                stem = stem[:108] + "…"
            n = len(item.findings or [])
            meta = self.tr("#{id} · {type} · {topic} · {badge}").format(
                id=item.id, type=type_label(item), topic=item.topic or "—",
                badge=self.badge(item.findings))
            entry = QListWidgetItem(f"{stem}\n{meta}")
            entry.setData(Qt.UserRole, item.id)
            entry.setToolTip("\n".join(f"{self.severity_label(f.severity)}: "
                                       f"{describe_finding(f, current_language())}"
                                       for f in item.findings)
                             if n else self.tr("The quality gate found nothing."))
            if any(f.severity == "error" for f in item.findings or []):
                entry.setForeground(Qt.darkRed)
            self.addItem(entry)

    def selected_ids(self) -> list[int]:
        """Ids of the selected drafts, in list order."""
        rows = sorted(self.row(e) for e in self.selectedItems())
        return [self.item(r).data(Qt.UserRole) for r in rows]

    def select_ids(self, ids: list[int]) -> bool:
        """Select the rows of ``ids``; :returns: whether any was found."""
        wanted = set(ids)
        found = False
        self.clearSelection()
        for r in range(self.count()):
            if self.item(r).data(Qt.UserRole) in wanted:
                self.item(r).setSelected(True)
                if not found:
                    self.setCurrentRow(r)
                    self.scrollToItem(self.item(r))
                found = True
        return found


class DocumentView(QWidget):
    """A lecture-notes or case-study document: its Markdown rendered, an Edit toggle that
    shows the Markdown source, and Save (emits :attr:`save_requested` with the edited
    :class:`~eduapp.domain.Document`; the page stores it)."""

    save_requested = Signal(object)
    open_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: Document | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document")))
        self.recent = QComboBox()
        self.recent.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.recent.setMinimumContentsLength(20)
        self.recent.activated.connect(self._open_recent)
        top.addWidget(self.recent, 1)
        self.edit_toggle = QPushButton(self.tr("Edit Markdown"))
        self.edit_toggle.setCheckable(True)
        self.edit_toggle.toggled.connect(self._toggle_edit)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self._save)
        top.addWidget(self.edit_toggle)
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.info = QLabel()
        self.info.setObjectName("editorHeader")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.stack = QStackedWidget()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(12)
        self.source = QPlainTextEdit()
        self.stack.addWidget(self.browser)
        self.stack.addWidget(self.source)
        layout.addWidget(self.stack, 1)
        self.set_document(None)

    def kind_label(self, kind: str) -> str:
        """Human name of a document kind."""
        return {"notes": self.tr("Lecture notes"), "case": self.tr("Case study"),
                "handout": self.tr("Handout")}.get(kind, kind)

    def set_recent(self, documents: list[Document]) -> None:
        """Fill the document menu (newest first), keeping the shown one chosen."""
        self.recent.blockSignals(True)
        self.recent.clear()
        if not documents:
            self.recent.addItem(self.tr("No lecture notes or case studies yet"), None)
        for d in documents:
            self.recent.addItem(f"{self.kind_label(d.kind)}: {d.title}", d.id)
        if self.document is not None and self.document.id is not None:
            self.recent.setCurrentIndex(max(self.recent.findData(self.document.id), 0))
        self.recent.blockSignals(False)

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` rendered (a copy is edited), or an empty, disabled view."""
        self.document = copy.deepcopy(doc) if doc else None
        self.edit_toggle.blockSignals(True)
        self.edit_toggle.setChecked(False)
        self.edit_toggle.blockSignals(False)
        self.stack.setCurrentWidget(self.browser)
        for w in (self.edit_toggle, self.save_button, self.browser, self.source):
            w.setEnabled(doc is not None)
        if doc is None:
            self.info.setText(self.tr("Generate lecture notes or a case study, or choose a "
                                      "document above."))
            self.browser.clear()
            self.source.clear()
            return
        note = self.tr("{kind} · {status} · saved in the document store").format(
            kind=self.kind_label(doc.kind), status=self.status_label(doc.status))
        if str(doc.provenance.get("quality", "")).startswith("low"):
            note += " · " + self.tr("written by the built-in model: low quality, check it "
                                    "carefully")
        self.info.setText(note)
        self.source.setPlainText(doc.body)
        self.browser.setMarkdown(doc.body)
        if doc.id is not None:
            index = self.recent.findData(doc.id)
            if index >= 0:
                self.recent.setCurrentIndex(index)

    def status_label(self, status: str) -> str:
        """Human name of a review status."""
        return {"draft": self.tr("Draft"), "reviewed": self.tr("Reviewed"),
                "approved": self.tr("Approved"), "retired": self.tr("Retired")}.get(status,
                                                                                     status)

    def markdown(self) -> str:
        """The Markdown as edited now."""
        return self.source.toPlainText()

    def edited_document(self) -> Document | None:
        """The shown document with the edited Markdown (title from its first ``# `` line)."""
        if self.document is None:
            return None
        doc = copy.deepcopy(self.document)
        doc.body = self.markdown()
        for line in doc.body.splitlines():
            if line.startswith("# ") and line[2:].strip():
                doc.title = line[2:].strip()
                break
        return doc

    def _toggle_edit(self, editing: bool) -> None:
        if editing:
            self.stack.setCurrentWidget(self.source)
            self.source.setFocus()
        else:
            self.browser.setMarkdown(self.markdown())
            self.stack.setCurrentWidget(self.browser)

    def _save(self) -> None:
        doc = self.edited_document()
        if doc is not None:
            self.save_requested.emit(doc)

    def _open_recent(self, index: int) -> None:
        doc_id = self.recent.itemData(index)
        if doc_id is not None:
            self.open_requested.emit(doc_id)


__all__ = ["KINDS", "QUESTION_TYPES", "DIFFICULTIES", "LowQualityBanner", "GenerationForm",
           "DraftList", "DocumentView"]
