"""The practice question view: position and clock, the set's vignette, the stem with the
student's highlights, the option buttons (click chooses, right-click strikes out) or the
short-answer box, the session's buttons and tools; and the navigator list beside it.

It shows a :class:`~eduapp.practice.session.QuestionView` value; the page connects the
buttons and the ``chosen``/``struck`` signals to the session's actions."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from .flow_layout import FlowLayout
from .rich_text import labelled, plain_html

LETTERS = "ABCDEFGHIJ"
OPTION_STYLE = "text-align: left; padding: 6px;"
HIGHLIGHT = "#fff0a0"


class OptionButton(QPushButton):
    """One answer option: click chooses, right-click strikes out. A long option wraps onto
    more lines (the button grows in height) instead of widening the page."""

    struck = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.setFocusPolicy(Qt.NoFocus)
        self.setCheckable(True)
        self.setStyleSheet(OPTION_STYLE)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.PlainText)
        self._label.setAttribute(Qt.WA_TransparentForMouseEvents)
        inner = QHBoxLayout(self)
        inner.setContentsMargins(8, 6, 8, 6)
        inner.addWidget(self._label)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        """The option's text, shown wrapped by the inner label (not painted by the
        button itself)."""
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self._label.text()

    def sizeHint(self):  # noqa: N802 - Qt API
        return self.layout().sizeHint().expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self):  # noqa: N802 - Qt API
        # one line of text with the margins; the height grows with heightForWidth
        return QSize(60, self.fontMetrics().height() + 12)

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


def stem_html(text: str, highlights) -> str:
    """The stem as rich text with the highlighted ranges marked; every character of
    ``text`` stays one character of the label (a line break is ``<br/>``), so the
    label's selection positions are positions in ``text``.

    :param highlights: ``(start, end)`` character ranges (zero-based, end exclusive).
    """
    marks = sorted(highlights)
    out, pos = [], 0
    for a, b in marks:
        out.append(html.escape(text[pos:a]))
        out.append(f"<span style='background:{HIGHLIGHT}'>{html.escape(text[a:b])}</span>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>")


class QuestionPanel(QWidget):
    """The question being answered.

    Signals: ``chosen(int)`` an option (zero-based) was clicked; ``struck(int)`` one was
    right-clicked. The buttons (``prev_button``, ``flag_button``, ``check_button``,
    ``next_button``, ``submit_button``, ``end_button``, ``highlight_button``,
    ``lab_button``) are connected by the page.
    """

    chosen = Signal(int)
    struck = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.option_buttons: list[OptionButton] = []
        self._pool: list[OptionButton] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.position_label = QLabel()
        head.addWidget(self.position_label)
        head.addStretch(1)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        head.addWidget(self.clock_label)
        v.addLayout(head)
        # the question scrolls when the window is low, instead of squeezing the options
        # until their text disappears
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = QWidget()
        q = QVBoxLayout(body)
        q.setContentsMargins(0, 0, 4, 0)
        self.set_label = QLabel()
        self.set_label.setWordWrap(True)
        self.set_label.setTextFormat(Qt.RichText)
        q.addWidget(self.set_label)
        self.stem_label = QLabel()
        self.stem_label.setWordWrap(True)
        self.stem_label.setTextFormat(Qt.RichText)
        self.stem_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.stem_label.setFocusPolicy(Qt.NoFocus)
        q.addWidget(self.stem_label)
        self.options_box = QVBoxLayout()
        q.addLayout(self.options_box)
        self.answer_edit = AnswerEdit()
        self.answer_edit.setPlaceholderText(self.tr("Type your answer (Ctrl+Enter to submit)"))
        self.answer_edit.setMaximumHeight(100)
        q.addWidget(self.answer_edit)
        self.removed_label = QLabel(self.tr("This question was removed from the bank after the "
                                            "session began; you can still answer it."))
        self.removed_label.setWordWrap(True)
        q.addWidget(self.removed_label)
        q.addStretch(1)
        scroll.setWidget(body)
        scroll.setMinimumHeight(60)
        v.addWidget(scroll, 1)
        buttons = FlowLayout()  # wraps in a narrow window
        self.prev_button = QPushButton(self.tr("← Previous"))
        self.flag_button = QPushButton(self.tr("Flag (F)"))
        self.check_button = QPushButton(self.tr("Check (Enter)"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.submit_button = QPushButton(self.tr("Submit the session"))
        self.end_button = QPushButton(self.tr("Back to the builder"))
        for b in (self.prev_button, self.flag_button, self.check_button, self.next_button,
                  self.submit_button, self.end_button):
            b.setFocusPolicy(Qt.NoFocus)
            buttons.addWidget(b)
        v.addLayout(buttons)
        tools = FlowLayout()
        self.highlight_button = QPushButton(self.tr("Highlight selection (H)"))
        self.highlight_button.setToolTip(self.tr("Select words of the question with the "
                                                 "mouse, then press H or this button; "
                                                 "again to clear."))
        self.lab_button = QPushButton(self.tr("Lab values (L)"))
        self.lab_button.setCheckable(True)
        strike_hint = QLabel(self.tr("Right-click an option or press Shift+letter to strike "
                                     "it out."))
        strike_hint.setObjectName("hint")
        strike_hint.setWordWrap(True)
        for b in (self.highlight_button, self.lab_button):
            b.setFocusPolicy(Qt.NoFocus)
            tools.addWidget(b)
        tools.addWidget(strike_hint, 1)
        v.addLayout(tools)

    def show_question(self, q, session) -> None:
        """Show question ``q`` (a :class:`~eduapp.practice.session.QuestionView`) of
        ``session``: options locked once checked or the session is over, the key and the
        student's wrong choice coloured once marked."""
        s = session
        tutor = s.mode == "tutor"
        self.position_label.setText(self.tr("Question {n} of {total}").format(
            n=q.index + 1, total=q.total) + (self.tr(" · flagged") if q.flagged else ""))
        set_text = ""
        if q.set_kind == "case":
            set_text = (labelled(q.set_title, self.tr("(question {k} of {m})").format(
                k=q.set_position + 1, m=q.set_size), paragraph=False)
                + f"<p>{plain_html(q.set_vignette)}</p>")
        elif q.set_kind == "shared_options":
            set_text = labelled(q.set_title, self.tr("(question {k} of {m}, shared options)")
                                .format(k=q.set_position + 1, m=q.set_size), paragraph=False)
        self.set_label.setText(set_text)
        self.set_label.setVisible(bool(set_text))
        self.stem_label.setText(stem_html(q.item.full_stem, q.highlights))
        self.removed_label.setVisible(q.removed)
        choice = q.item.type in ("sba", "multi", "tf")
        chosen = set(q.response or []) if isinstance(q.response, list) else set()
        locked = q.checked or s.finished
        n = len(q.item.options) if choice else 0
        while len(self._pool) < n:  # option buttons are made once and reused
            b = OptionButton(len(self._pool), self)
            b.clicked.connect(lambda _=False, k=len(self._pool): self.chosen.emit(k))
            b.struck.connect(self.struck)
            self.options_box.addWidget(b)
            self._pool.append(b)
        self.option_buttons = self._pool[:n]
        for i, b in enumerate(self._pool):
            b.setVisible(i < n)
        for i, (b, o) in enumerate(zip(self.option_buttons, q.item.options)):
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

    def show_clock(self, seconds_left: float | None) -> None:
        """The time left (``None``: untimed, no clock)."""
        if seconds_left is None:
            self.clock_label.setText("")
        else:
            m, sec = divmod(int(round(seconds_left)), 60)
            self.clock_label.setText(self.tr("Time left {m}:{s:02d}").format(m=m, s=sec))


class SessionNavigator(QListWidget):
    """One row per question of the session: its number, state (right, partly right,
    wrong, answered, not answered) and a flag mark; the page connects ``itemClicked``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.NoFocus)
        self.setMaximumWidth(220)
        self.setMinimumWidth(96)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def show_session(self, session) -> None:
        """Refresh the rows from ``session.navigator()``; the current question selected."""
        nav = session.navigator()
        if self.count() != len(nav):
            self.clear()
            for _ in nav:
                self.addItem(QListWidgetItem())
        for i, n in enumerate(nav):
            item = self.item(i)
            score = n.get("score")
            state = (self.tr("right") if n["correct"] else self.tr("partly right")
                     if score is not None and score >= 0.5 else self.tr("wrong")) \
                if n["correct"] is not None else (self.tr("answered") if n["answered"]
                                                  else self.tr("not answered"))
            item.setText(f"{i + 1}. {state}" + (" ⚑" if n["flagged"] else ""))
        # as wide as the longest row (within the maximum): no state is cut
        widest = max((self.fontMetrics().horizontalAdvance(self.item(i).text())
                      for i in range(self.count())), default=60)
        # (room for the vertical scroll bar, shown or not, and the row's text margins)
        extra = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 16
        self.setMinimumWidth(min(self.maximumWidth(), widest + extra))
        self.setCurrentRow(session.index)


__all__ = ["AnswerEdit", "LETTERS", "OptionButton", "QuestionPanel", "SessionNavigator",
           "stem_html"]
