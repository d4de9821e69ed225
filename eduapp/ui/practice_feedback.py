"""The panel under a practice question once it is answered: the FSRS rating row (Again,
Hard, Good, Easy), the feedback (right / partly right / not right, each option's
explanation, model answer, rubric, references), the self-mark row for short answers, and
the tutor (its status, a question box, the reply)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from .flow_layout import FlowLayout
from .practice_question import LETTERS
from .rich_text import labelled


class FeedbackPanel(QWidget):
    """Feedback, rating, self-marking and the tutor for the current question.

    Signals: ``rated(int)`` the student's FSRS rating (1 Again .. 4 Easy);
    ``self_marked(float)`` the student's own mark of a short answer (0, 0.5 or 1);
    ``asked()`` the tutor question in ``tutor_edit`` is to be sent.
    """

    rated = Signal(int)
    self_marked = Signal(float)
    asked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        rating = FlowLayout()
        self.rating_label = QLabel(self.tr("How well did you know it?"))
        rating.addWidget(self.rating_label)
        self.rating_buttons = []
        for value, label in ((1, self.tr("1 Again")), (2, self.tr("2 Hard")),
                             (3, self.tr("3 Good")), (4, self.tr("4 Easy"))):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setAutoDefault(False)  # never drawn as the default button of a dialog
            b.setFocusPolicy(Qt.NoFocus)
            b.clicked.connect(lambda _=False, r=value: self.rated.emit(r))
            rating.addWidget(b)
            self.rating_buttons.append(b)
        v.addLayout(rating)
        self.rating_note = QLabel()
        self.rating_note.setObjectName("hint")
        self.rating_note.setWordWrap(True)
        v.addWidget(self.rating_note)
        self.feedback = QTextBrowser()
        self.feedback.setOpenExternalLinks(False)
        v.addWidget(self.feedback, 1)
        marks = FlowLayout()
        self.mark_label = QLabel()
        marks.addWidget(self.mark_label)
        self.mark_buttons = []
        for score, label in ((0.0, self.tr("Wrong")), (0.5, self.tr("Partly right")),
                             (1.0, self.tr("Right"))):
            b = QPushButton(label)
            b.setFocusPolicy(Qt.NoFocus)
            b.clicked.connect(lambda _=False, s=score: self.self_marked.emit(s))
            marks.addWidget(b)
            self.mark_buttons.append(b)
        v.addLayout(marks)
        self.tutor_status_label = QLabel()
        self.tutor_status_label.setWordWrap(True)
        self.tutor_status_label.setObjectName("hint")
        v.addWidget(self.tutor_status_label)
        tutor = QHBoxLayout()
        self.tutor_edit = QLineEdit()
        self.tutor_edit.setPlaceholderText(self.tr("Ask the tutor about this question"))
        self.tutor_edit.returnPressed.connect(self.asked)
        tutor.addWidget(self.tutor_edit, 1)
        ask = QPushButton(self.tr("Ask"))
        ask.setObjectName("askButton")
        ask.setFocusPolicy(Qt.NoFocus)
        ask.clicked.connect(lambda: self.asked.emit())
        tutor.addWidget(ask)
        v.addLayout(tutor)

    def show_question(self, q) -> None:
        """The feedback, rating row and self-mark row for question ``q`` (a
        :class:`~eduapp.practice.session.QuestionView`)."""
        self.feedback.setHtml(self.feedback_html(q) if q.feedback else "")
        self._show_rating(q)
        pending = q.feedback is not None and q.item.type == "short" and (
            q.feedback.score is None or q.feedback.marked_by == "llm")
        self.mark_label.setText(self.tr("Mark your answer:") if q.feedback and
                                q.feedback.score is None else self.tr("Disagree? Your mark:"))
        for w in (self.mark_label, *self.mark_buttons):
            w.setVisible(bool(pending))

    def _show_rating(self, q) -> None:
        """The Again/Hard/Good/Easy row once the answer is recorded. Only the student's own
        rating shows as a checked button; the automatic one (what the card gets unless the
        student rates it) is named in the note, so no button looks pressed before the
        student chose one."""
        visible = bool(q.rateable or (q.rating and q.feedback))
        for w in (self.rating_label, *self.rating_buttons, self.rating_note):
            w.setVisible(visible)
        if not visible:
            return
        mine = q.rated_by == "student"
        for value, b in enumerate(self.rating_buttons, start=1):
            b.setChecked(mine and value == q.rating)
            b.setEnabled(q.rateable)
        note = ""
        if q.rateable:
            note = self.tr("Press 1-4. Your rating sets when this question comes back for "
                           "review.")
            if not mine and q.rating in (1, 2, 3, 4):
                note += ("" if note.endswith("。") else " ") + self.tr("Unless you rate it, it counts as {rating}.").format(
                    rating=self.rating_buttons[q.rating - 1].text())
        self.rating_note.setText(note)

    def feedback_html(self, q) -> str:
        """The feedback of ``q`` as rich text (its ``feedback`` must be set)."""
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
            parts.append(labelled(self.tr("Model answer:"), fb.model_answer))
        if fb.rubric:
            parts.append(labelled(self.tr("Rubric:"), fb.rubric))
        if fb.missing:
            parts.append(labelled(self.tr("Missing:"), "; ".join(fb.missing)))
        if fb.marker_comment:
            parts.append(f"<p>{html.escape(fb.marker_comment)}</p>")
        if fb.student_score is not None:
            parts.append("<p>" + html.escape(self.tr("Your own mark: {score:.0%}").format(
                score=fb.student_score)) + "</p>")
        if fb.explanation:
            parts.append(f"<p>{html.escape(fb.explanation)}</p>")
        if fb.references:
            parts.append(labelled(self.tr("References:"), "; ".join(fb.references)))
        return "".join(parts)

    def show_tutor(self, reply, status) -> None:
        """Show the tutor's ``reply`` (:class:`~eduapp.practice.tutor.TutorReply`) in place
        of the feedback; when a model is configured (``status``, a
        :class:`~eduapp.practice.tutor.TutorStatus`) but the reply came offline, say that it
        did not answer."""
        sources = [self.tr("this question") if k == 0 and src == "Question" else src
                   for k, src in enumerate(reply.sources)]
        text = reply.text
        if reply.by == "offline" and status.available:  # configured, but it did not answer
            text = self.tr("{provider} ({model}) did not answer (not reachable or "
                           "failed), so here are the explanations and notes.").format(
                provider=status.provider, model=status.model) + "\n\n" + text
        self.feedback.setMarkdown(text + "\n\n" + self.tr("Sources: {s}").format(
            s="; ".join(sources)))


__all__ = ["FeedbackPanel"]
