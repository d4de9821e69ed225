"""An item as a student meets it in practice: the case (a set's shared vignette), the
stem, lettered option buttons without the key; answering shows right and wrong with the
explanations, as practice feedback does. Nothing is recorded."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..domain import CHOICE_TYPES, Item
from .rich_text import labelled

LETTERS = "ABCDEFGHIJ"
OPTION_STYLE = "text-align: left; padding: 6px;"
RIGHT_STYLE = "background: #d8f5dd; color: #0b3d17;"
WRONG_STYLE = "background: #fde2e1; color: #5c1310;"


class StudentPreviewDialog(QDialog):
    """Try ``item`` as a student would.

    :param item: the item to show (its key is never shown before an answer).
    :param set_vignette: the shared case of the item's set, shown above the stem.
    """

    def __init__(self, item: Item, set_vignette: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Preview as a student"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("This is how the question looks in practice. Answer it to see "
                              "the feedback; nothing is recorded."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.case_label = QLabel(html.escape(set_vignette).replace("\n", "<br/>"))
        self.case_label.setWordWrap(True)
        self.case_label.setVisible(bool(set_vignette.strip()))
        layout.addWidget(self.case_label)
        self.stem_label = QLabel(html.escape(item.full_stem).replace("\n", "<br/>"))
        self.stem_label.setWordWrap(True)
        self.stem_label.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.stem_label)
        self.choice = item.type in CHOICE_TYPES
        self.option_buttons: list[QPushButton] = []
        for i, o in enumerate(item.options if self.choice else []):
            b = QPushButton(f"{LETTERS[i] if i < len(LETTERS) else i + 1}. {o.text}")
            b.setCheckable(True)
            b.setStyleSheet(OPTION_STYLE)
            b.clicked.connect(lambda _=False, k=i: self._chosen(k))
            self.option_buttons.append(b)
            layout.addWidget(b)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setPlaceholderText(self.tr("Your answer"))
        self.answer_edit.setVisible(not self.choice)
        layout.addWidget(self.answer_edit, 1 if not self.choice else 0)
        bar = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.reset_button = QPushButton(self.tr("Try again"))
        self.reset_button.clicked.connect(self.reset)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        bar.addWidget(self.check_button)
        bar.addWidget(self.reset_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.feedback = QTextBrowser()
        layout.addWidget(self.feedback, 1)
        self.reset()

    def _chosen(self, index: int) -> None:
        if self.item.type != "multi":  # one answer: choosing one clears the others
            for i, b in enumerate(self.option_buttons):
                b.setChecked(i == index)

    def chosen(self) -> list[int]:
        """Zero-based indices of the chosen options."""
        return [i for i, b in enumerate(self.option_buttons) if b.isChecked()]

    def reset(self) -> None:
        """Clear the answer and the feedback."""
        for b in self.option_buttons:
            b.setChecked(False)
            b.setEnabled(True)
            b.setStyleSheet(OPTION_STYLE)
        self.answer_edit.clear()
        self.answer_edit.setReadOnly(False)
        self.feedback.clear()
        self.feedback.setVisible(False)
        self.check_button.setEnabled(True)

    def check(self) -> None:
        """Show right and wrong, the explanations, the model answer."""
        item = self.item
        chosen = set(self.chosen())
        parts = []
        if self.choice:
            keys = set(item.key_indices)
            right = chosen == keys
            parts.append("<p style='color:%s'><b>%s</b></p>" % (
                ("#1a7f37", html.escape(self.tr("Right"))) if right else
                ("#b42318", html.escape(self.tr("Not right")))))
            parts.append("<ul>")
            for i, (b, o) in enumerate(zip(self.option_buttons, item.options)):
                b.setEnabled(False)
                b.setStyleSheet(OPTION_STYLE + (RIGHT_STYLE if o.correct else
                                                WRONG_STYLE if i in chosen else ""))
                mark = "✔" if o.correct else "✘"
                you = html.escape(self.tr(" (your answer)")) if i in chosen else ""
                parts.append(f"<li>{mark} <b>{LETTERS[i] if i < len(LETTERS) else i + 1}."
                             f"</b> {html.escape(o.text)}{you}"
                             + (f"<br/><i>{html.escape(o.explanation)}</i>" if o.explanation
                                else "") + "</li>")
            parts.append("</ul>")
        else:
            self.answer_edit.setReadOnly(True)
            if item.model_answer:
                parts.append(labelled(self.tr("Model answer:"), item.model_answer))
            if item.rubric:
                parts.append(labelled(self.tr("Rubric:"), item.rubric))
        if item.explanation:
            parts.append(f"<p>{html.escape(item.explanation)}</p>")
        self.feedback.setHtml("".join(parts))
        self.feedback.setVisible(True)
        self.check_button.setEnabled(False)
