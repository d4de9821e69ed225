"""The student's practice page: profiles, the custom test builder, tutor and timed
sessions, short-answer marking, the tutor, resume.

Keyboard first: 1-5 or A-E choose an option, Shift+letter (or a right-click) strikes it
out, Enter checks (tutor) or moves on (timed), Ctrl+Enter submits a short answer, F flags,
H highlights the text selected in the stem, L shows the lab values, Left/Right move; once
the answer is shown, 1-4 rate the FSRS card (Again, Hard, Good, Easy). The page holds a
:class:`~eduapp.practice.Session`; each action is a few milliseconds of SQLite and runs on
the GUI thread; building a session, marking a short answer with the LLM and asking the
tutor run through :class:`~eduapp.ui.ops.Op`.

The parts live in their own modules: the builder (:mod:`..practice_builder`), the question
and navigator (:mod:`..practice_question`), the rating/feedback/tutor panel
(:mod:`..practice_feedback`), the lab values (:mod:`..lab_panel`) and the end of a session
(:mod:`..practice_summary`); this page wires them to the session and the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QPushButton, QSplitter,
                               QStackedWidget, QVBoxLayout, QWidget)

from ...domain import Changes
from ...errors import EduAppError
from ..ops import Op, error_text, show_error
from ..lab_panel import LabPanel
from ..page import Page
from ..practice_builder import SessionBuilder
from ..practice_feedback import FeedbackPanel
from ..practice_question import QuestionPanel, SessionNavigator
from ..practice_summary import confirm_end, summary_text
from ..student_widgets import StudentPicker


class PracticePage(Page):
    """Practice for the student chosen at the top.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.session = None
        self._ready = False
        self.setFocusPolicy(Qt.StrongFocus)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    @property
    def service(self):
        return self.app.workspace.practice

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Practice"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Student:")))
        self.profile_box = StudentPicker(self.app)
        self.profile_box.student_changed.connect(self._profile_changed)
        top.addWidget(self.profile_box)
        new_profile = QPushButton(self.tr("New student…"))
        new_profile.clicked.connect(self.new_profile)
        top.addWidget(new_profile)
        layout.addLayout(top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_builder())
        self.stack.addWidget(self._build_question())
        layout.addWidget(self.stack, 1)

    def _build_builder(self) -> QWidget:
        b = self.builder = SessionBuilder(self.app)
        b.start_button.clicked.connect(self.start_custom)
        b.review_button.clicked.connect(self.start_reviews)
        b.recommend_button.clicked.connect(self.start_recommended)
        b.resume_button.clicked.connect(self.resume)
        # the builder's controls, as the page's (shortcuts, tests and screenshots reach them)
        self.topic_list, self.system_list, self.tags_edit = b.topic_list, b.system_list, \
            b.tags_edit
        self.language_box, self.type_boxes, self.pool_boxes = b.language_box, b.type_boxes, \
            b.pool_boxes
        self.count_spin, self.available_label, self.mode_box, self.pace_spin = \
            b.count_spin, b.available_label, b.mode_box, b.pace_spin
        self.start_button, self.review_button, self.recommend_button, self.resume_button = \
            b.start_button, b.review_button, b.recommend_button, b.resume_button
        self.deck_label, self.recommend_label = b.deck_label, b.recommend_label
        return b

    def _build_question(self) -> QWidget:
        w = QWidget()
        split = QSplitter(Qt.Horizontal)
        lay = QHBoxLayout(w)
        lay.addWidget(split)
        left = QWidget()
        # the question keeps room for its buttons beside the lab values (narrower, they
        # would wrap into more lines than the height has)
        left.setMinimumWidth(360)
        v = QVBoxLayout(left)
        qp = self.question_panel = QuestionPanel()
        qp.chosen.connect(self.choose)
        qp.struck.connect(self.strike)
        qp.answer_edit.submitted.connect(self._submit_text)
        qp.prev_button.clicked.connect(lambda: self.move(-1))
        qp.flag_button.clicked.connect(lambda: self.toggle_flag())
        qp.check_button.clicked.connect(lambda: self.check())
        qp.next_button.clicked.connect(lambda: self.move(1))
        qp.submit_button.clicked.connect(lambda: self.submit())
        qp.end_button.clicked.connect(lambda: self.leave())
        qp.highlight_button.clicked.connect(lambda: self.highlight_selection())
        qp.lab_button.toggled.connect(self._show_labs)
        v.addWidget(qp, 3)  # the question and the feedback share the height
        fp = self.feedback_panel = FeedbackPanel()
        fp.rated.connect(self.rate)
        fp.self_marked.connect(self.self_mark)
        fp.asked.connect(self.ask_tutor)
        v.addWidget(fp, 2)
        split.addWidget(left)
        self.navigator = SessionNavigator()
        self.navigator.itemClicked.connect(lambda it: self.go(self.navigator.row(it)))
        split.addWidget(self.navigator)
        self.lab_panel = LabPanel(self.app.ui_language())
        self.lab_panel.hide()
        split.addWidget(self.lab_panel)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(2, 3)
        split.setChildrenCollapsible(False)
        self.question_split = split
        # the parts' controls, as the page's (shortcuts, tests and screenshots reach them)
        for name in ("position_label", "clock_label", "set_label", "stem_label",
                     "answer_edit", "removed_label", "prev_button", "flag_button",
                     "check_button", "next_button", "submit_button", "end_button",
                     "highlight_button", "lab_button"):
            setattr(self, name, getattr(qp, name))
        for name in ("rating_label", "rating_buttons", "rating_note", "feedback",
                     "mark_label", "mark_buttons", "tutor_status_label", "tutor_edit"):
            setattr(self, name, getattr(fp, name))
        return w

    @property
    def _option_buttons(self):
        """The option buttons of the question shown (zero-based, in option order)."""
        return self.question_panel.option_buttons

    # ------------------------------------------------------------------ profiles

    def on_shown(self) -> None:
        """Called by the main window when the page comes up."""
        if not self._ready:
            try:
                store = self.service.store
            except EduAppError as e:  # e.g. a history file from a newer EduApp
                self.notice.setText(error_text(e))
                self.notice.show()
                self.stack.setEnabled(False)
                return
            self._ready = self.builder.ready = True
            if store.recovered_from:
                self.notice.setText(self.tr(
                    "The practice history was damaged. It was kept as {path}; {n} answers "
                    "could be recovered into a fresh history.").format(
                    path=store.recovered_from, n=store.salvaged))
                self.notice.show()
            self.refresh_profiles()
            self.refresh_builder()

    def on_changes(self, changes: Changes) -> None:
        """Items changed in the bank: refresh the builder, or mark questions of the running
        session that were deleted (the session goes on from its own copy)."""
        if not changes.items or not self._ready:
            return
        if self.session is None:
            self.refresh_builder()
        else:
            self.session.removed = self.service.removed_uids(
                [i.uid for i in self.session.items])
            self.show_question()

    def refresh_profiles(self) -> None:
        """Fill the student picker; the shared current student stays selected."""
        self.profile_box.refresh(self.service.profiles())
        self.builder.update_buttons()

    def profile_id(self) -> int | None:
        return self.app.student_id

    def _profile_changed(self, _profile_id=None) -> None:
        self.leave()
        self.refresh_builder()
        self.app.changed.emit(Changes(practice=True))

    def new_profile(self) -> None:
        """The New student… button: ask for the name and course, then add the profile.
        (A slot with no parameters: ``clicked`` passes ``checked``, which must not land
        in an optional parameter.)"""
        name, ok = QInputDialog.getText(self, self.tr("New student"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        course, _ = QInputDialog.getText(self, self.tr("New student"),
                                         self.tr("Course (optional):"))
        self.add_profile(name, course)

    def add_profile(self, name: str, course: str = "") -> None:
        """Add a student profile and make it the current student."""
        try:
            pid, changes = self.app.workspace.create_student(name, course or "")
        except EduAppError as e:
            show_error(self, e)
            return
        self.app.student_id = pid
        self.app.changed.emit(changes)
        self.refresh_profiles()
        self.refresh_builder()

    # ------------------------------------------------------------------ builder

    def refresh_builder(self) -> None:
        """Refresh the builder's lists and counts (see :meth:`SessionBuilder.refresh`)."""
        self.builder.refresh()

    def spec(self):
        """The :class:`~eduapp.practice.TestSpec` the builder shows."""
        return self.builder.spec()

    def start_custom(self) -> None:
        self.builder.save_choices()
        self.start_spec(self.spec())

    def start_reviews(self) -> None:
        pid = self.profile_id()
        if pid is not None:
            self.start_spec(self.service.review_spec(pid))

    def start_recommended(self) -> None:
        pid = self.profile_id()
        if pid is not None:
            spec = self.service.recommend(pid).spec
            language = self.builder.language()
            spec.languages = [language] if language else []  # the builder's language
            self.start_spec(spec)

    def start_spec(self, spec) -> None:
        """Build a session from ``spec`` on a worker and show its first question."""
        pid = self.profile_id()
        if pid is None:
            return
        Op(self, lambda ws: ws.practice.start(pid, spec)) \
            .with_progress(self.tr("Choosing questions…")) \
            .success(lambda session: self._started(session, spec.count)).run()

    def _started(self, session, asked: int) -> None:
        """Show a new session; say so when fewer questions matched than were asked for."""
        self.show_session(session)
        if len(session) > asked:
            self.notice.setText(self.tr(
                "This session has {n} questions (you asked for {want}): a case cluster or "
                "question set is served whole.").format(n=len(session), want=asked))
            self.notice.show()
        elif len(session) < asked:
            self.notice.setText(self.tr(
                "Only {n} questions match your choices, so this session has {n} (you asked "
                "for {want}; that setting is kept).").format(n=len(session), want=asked))
            self.notice.show()

    def resume(self) -> None:
        """Open the student's last unfinished session where it stopped."""
        pid = self.profile_id()
        if pid is None:
            return
        try:
            session = self.service.resume(pid)
        except EduAppError as e:
            show_error(self, e)
            self.refresh_builder()
            return
        if session is not None:
            self.show_session(session)

    def show_session(self, session) -> None:
        self.session = session
        self.notice.hide()
        self.stack.setCurrentIndex(1)
        status = self.app.workspace.tutor_status()
        self.tutor_status_label.setText(status.describe(self.app.ui_language()))
        if session.time_limit is not None and not session.finished:
            self.timer.start()
        self.show_question()
        self.setFocus()

    def leave(self) -> None:
        """Back to the builder (an unfinished session stays resumable)."""
        self.timer.stop()
        self.session = None
        self.stack.setCurrentIndex(0)
        if self._ready:
            self.refresh_builder()

    # ------------------------------------------------------------------ question view

    def show_question(self) -> None:
        s = self.session
        if s is None:
            return
        q = s.question()
        self.question_panel.show_question(q, s)
        self.feedback_panel.show_question(q)
        self.navigator.show_session(s)
        self._update_clock()

    def _update_clock(self) -> None:
        s = self.session
        # the clock shows while a timed session runs; once it is submitted, none
        self.question_panel.show_clock(s.remaining() if s and not s.finished else None)

    # ------------------------------------------------------------------ actions

    def _guard(self, fn, *args):
        """Run a session action; an expected failure is shown as a sentence."""
        try:
            return fn(*args)
        except EduAppError as e:
            show_error(self, e)
            return None

    def choose(self, option: int) -> None:
        """Choose option ``option`` (zero-based) of the current question."""
        s = self.session
        if s is None or s.finished:
            return
        q = s.question()
        if q.checked or q.item.type not in ("sba", "multi", "tf") or \
                option >= len(q.item.options):
            return
        self._guard(s.choose_option, option)
        self.show_question()

    def strike(self, option: int) -> None:
        """Strike option ``option`` out (or back in)."""
        s = self.session
        if s is None or s.finished or option >= len(s.question().item.options):
            return
        self._guard(s.toggle_strike, option)
        self.show_question()

    def highlight_selection(self) -> None:
        """Highlight the text selected in the stem (or clear a highlight there)."""
        s = self.session
        if s is None or not self.stem_label.hasSelectedText():
            return
        start = self.stem_label.selectionStart()
        end = start + len(self.stem_label.selectedText())
        self._guard(s.toggle_highlight, start, end)
        self.show_question()

    def _show_labs(self, shown: bool) -> None:
        self.lab_panel.setVisible(shown)
        if shown:  # the question keeps about half of the width
            # and the navigator keeps its whole rows ("2. not answered")
            total = sum(self.question_split.sizes())
            nav = max(self.navigator.minimumWidth(), total // 10)
            self.question_split.setSizes([(total - nav) * 11 // 18, nav,
                                          (total - nav) * 7 // 18])

    def rate(self, rating: int) -> None:
        """The student's FSRS rating (1 Again .. 4 Easy) of the current answer."""
        s = self.session
        if s is None or not s.question().rateable:
            return
        self._guard(s.rate, rating)
        self.show_question()
        self.app.changed.emit(Changes(practice=True))

    def _submit_text(self) -> None:
        """Ctrl+Enter in the answer box: check (tutor) or keep it and move on (timed)."""
        s = self.session
        if s is None or s.finished:
            return
        if s.mode == "tutor":
            self.check()
        else:
            self.move(1)

    def toggle_flag(self) -> None:
        if self.session is not None:
            self._guard(self.session.toggle_flag)
            self.show_question()

    def move(self, step: int) -> None:
        if self.session is not None:
            self.go(self.session.index + step)

    def go(self, index: int) -> None:
        s = self.session
        if s is None:
            return
        self._save_text()
        self._guard(s.go, index)
        self.show_question()

    def _save_text(self) -> None:
        s = self.session
        if s is None or s.finished:
            return
        q = s.question()
        if q.item.type not in ("sba", "multi", "tf") and not q.checked:
            text = self.answer_edit.toPlainText()
            if text != (q.response or ""):
                self._guard(s.select, text)

    def check(self) -> None:
        """Tutor mode: mark the current answer (short answers on a worker: the LLM)."""
        s = self.session
        if s is None or s.finished or s.mode != "tutor":
            return
        q = s.question()
        if q.checked:
            return
        if q.item.type in ("sba", "multi", "tf"):
            if not q.response:
                return
            self._guard(s.check)
            self.show_question()
            self.app.changed.emit(Changes(practice=True))
            return
        text = self.answer_edit.toPlainText()
        if not text.strip():
            return
        self._busy(True)
        Op(self, lambda _ws: s.check(text)).with_progress(self.tr("Marking…")) \
            .success(lambda _fb: self._after_check(s)) \
            .failure(lambda e: (self._busy(False), show_error(self, e))).run()

    def _busy(self, busy: bool) -> None:
        """While a worker marks, the question cannot be changed."""
        self.stack.setEnabled(not busy)

    def _after_check(self, session) -> None:
        self._busy(False)
        if session is self.session:
            self.show_question()
        self.app.changed.emit(Changes(practice=True))

    def self_mark(self, score: float) -> None:
        if self.session is not None:
            self._guard(self.session.self_mark, score)
            self.show_question()
            self.app.changed.emit(Changes(practice=True))

    def submit(self) -> None:
        """Submit a timed session (then review), or end a tutor session; with questions
        not answered yet, ask first."""
        s = self.session
        if s is None or s.finished:
            return
        self._save_text()
        unanswered = sum(1 for n in s.navigator() if not n["answered"])
        if unanswered:
            running = self.timer.isActive()
            self.timer.stop()
            if not confirm_end(self, unanswered, s.mode):
                if running:
                    self.timer.start()
                return
        self.timer.stop()
        if s.mode == "timed":
            self._busy(True)
            Op(self, lambda _ws: s.submit()).with_progress(self.tr("Marking…")) \
                .success(lambda _r: self._after_submit(s)) \
                .failure(lambda e: (self._busy(False), show_error(self, e))).run()
        else:
            self._guard(s.submit)
            self._after_submit(s)

    def _after_submit(self, session, time_up: bool = False) -> None:
        self._busy(False)
        self.app.changed.emit(Changes(practice=True))
        if session is not self.session:
            return
        self.notice.setText(summary_text(session.results(), time_up))
        self.notice.show()
        self._guard(session.go, 0)
        self.show_question()

    def _tick(self) -> None:
        s = self.session
        if s is None:
            self.timer.stop()
            return
        if not self.stack.isEnabled():  # a worker is marking this session
            return
        s.tick()
        self._update_clock()
        if s.finished:
            self.timer.stop()
            self._after_submit(s, time_up=True)

    def ask_tutor(self) -> None:
        """Ask the tutor about the current question (LLM when configured, else the
        question's explanations and lecture notes)."""
        s = self.session
        if s is None:
            return
        question = self.tutor_edit.text().strip() or self.tr("Explain this question.")
        item = s.question().item
        lang = self.app.ui_language()
        Op(self, lambda ws: ws.practice.ask_tutor(item, question, language=lang)) \
            .with_progress(self.tr("Asking the tutor…")) \
            .latest_only("practice.tutor").success(self._show_tutor).run()

    def _show_tutor(self, reply) -> None:
        self.feedback_panel.show_tutor(reply, self.app.workspace.tutor_status())

    # ------------------------------------------------------------------ keyboard

    def keyPressEvent(self, event) -> None:
        """1-5 / A-E choose, Shift+letter strikes, Enter checks, F flags, arrows move."""
        s = self.session
        if s is None or self.stack.currentIndex() != 1 or not self.stack.isEnabled() or \
                self.answer_edit.hasFocus() or \
                self.tutor_edit.hasFocus():
            super().keyPressEvent(event)
            return
        key = event.key()
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        q = s.question()
        if Qt.Key_1 <= key <= Qt.Key_4 and q.rateable:
            self.rate(key - Qt.Key_1 + 1)
        elif Qt.Key_1 <= key <= Qt.Key_9:
            self.choose(key - Qt.Key_1)
        elif Qt.Key_A <= key <= Qt.Key_E and shift:
            self.strike(key - Qt.Key_A)
        elif Qt.Key_A <= key <= Qt.Key_E:
            self.choose(key - Qt.Key_A)
        elif key == Qt.Key_F:
            self.toggle_flag()
        elif key == Qt.Key_H:
            self.highlight_selection()
        elif key == Qt.Key_L:
            self.lab_button.toggle()
        elif key in (Qt.Key_Return, Qt.Key_Enter):
            if s.mode == "tutor" and not s.finished and not s.question().checked:
                self.check()
            else:
                self.move(1)
        elif key == Qt.Key_Right:
            self.move(1)
        elif key == Qt.Key_Left:
            self.move(-1)
        else:
            super().keyPressEvent(event)
