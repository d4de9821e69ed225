"""The student's virtual-patient page: choose a case, interview the patient in a chat, examine
and order tests from the side panel, give a diagnosis and plan, then read the debrief.

The offline engine answers in a few milliseconds on the GUI thread; a role-play answer from
a language model runs through :class:`~eduapp.ui.ops.Op`, and an answer that arrives after
the encounter was closed is dropped. Answers can be read aloud with Qt's text-to-speech
where the platform has a voice (never required). Each finished encounter is stored in the
chosen student's history.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
                               QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from ...domain import Changes
from ...errors import EduAppError
from ..ops import Op, error_text, show_error
from ..page import Page
from ..rich_text import labelled, plain_html
from ..student_widgets import StudentPicker


def _speech(language: str = "en"):
    """A ``QTextToSpeech`` speaking ``language`` (``en``/``zh``) when the platform has a
    speech engine with a voice for it, else ``None``: read-aloud is never required (the Qt
    TextToSpeech plug-ins are missing on many Linux machines, and offscreen there is none).
    """
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except (ImportError, OSError):  # no module, or a library it needs (libpulse) missing
        return None
    try:
        engine = QTextToSpeech()
        if engine.state() == QTextToSpeech.State.Error:
            return None
        want = QLocale.Language.Chinese if language == "zh" else QLocale.Language.English
        locales = [loc for loc in engine.availableLocales() if loc.language() == want]
        if not locales:
            return None
        engine.setLocale(locales[0])
        if not engine.availableVoices():
            return None
        return engine
    except Exception:  # noqa: BLE001 - a broken speech plug-in must not break the page
        return None


class InterviewPage(Page):
    """Virtual-patient encounters for the student chosen at the top.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.encounter = None
        self.report = None
        self._stamp = 0
        self._voices: dict = {}  # language -> QTextToSpeech, or None: no voice
        self._pending: dict | None = None  # a streamed answer on its way
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Patient interview"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Student:")))
        self.profile_box = StudentPicker(self.app)
        top.addWidget(self.profile_box)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_chooser())
        self.stack.addWidget(self._build_encounter())
        self.stack.addWidget(self._build_debrief())

    def _build_chooser(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(QLabel(self.tr("Choose a patient. Interview them, examine, order tests, "
                                   "then give your diagnosis and plan; you are scored like "
                                   "an OSCE station.")))
        self.case_list = QListWidget()
        self.case_list.itemDoubleClicked.connect(lambda _: self.start())
        v.addWidget(self.case_list, 1)
        row = QHBoxLayout()
        self.llm_box = QCheckBox(self.tr("Role-play the patient with the language model"))
        self.llm_box.setToolTip(self.tr("Uses the default provider from Settings. Its answers "
                                        "are checked so that they never give away the "
                                        "diagnosis; without it, the offline engine answers "
                                        "from the case script."))
        row.addWidget(self.llm_box)
        row.addStretch(1)
        self.start_button = QPushButton(self.tr("Start encounter"))
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        v.addLayout(row)
        return w

    def _build_encounter(self) -> QWidget:
        split = QSplitter(Qt.Horizontal)
        chat = QWidget()
        cv = QVBoxLayout(chat)
        self.patient_label = QLabel()
        self.patient_label.setWordWrap(True)
        self.patient_label.setTextFormat(Qt.PlainText)
        self.patient_label.setObjectName("sectionTitle")
        cv.addWidget(self.patient_label)
        self.chat_view = QTextBrowser()
        self.chat_view.setOpenLinks(False)
        cv.addWidget(self.chat_view, 1)
        ask = QHBoxLayout()
        self.question_edit = QLineEdit()
        self.question_edit.setPlaceholderText(self.tr("Ask the patient a question and press "
                                                      "Enter"))
        self.question_edit.returnPressed.connect(self.ask)
        ask.addWidget(self.question_edit, 1)
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.clicked.connect(self.ask)
        ask.addWidget(self.ask_button)
        cv.addLayout(ask)
        speak = QHBoxLayout()
        self.speak_box = QCheckBox(self.tr("Read the patient's answers aloud"))
        self.speak_box.toggled.connect(self._speak_toggled)
        speak.addWidget(self.speak_box)
        self.speech_note = QLabel()
        self.speech_note.setWordWrap(True)
        self.speech_note.setObjectName("hint")
        speak.addWidget(self.speech_note, 1)
        cv.addLayout(speak)
        split.addWidget(chat)

        side = QWidget()
        sv = QVBoxLayout(side)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("sectionTitle")
        sv.addWidget(self.clock_label)
        self.vitals_label = QLabel()
        self.vitals_label.setWordWrap(True)
        sv.addWidget(self.vitals_label)
        exam_box = QGroupBox(self.tr("Physical examination"))
        ev = QVBoxLayout(exam_box)
        self.exam_list = QListWidget()
        self.exam_list.itemDoubleClicked.connect(lambda _: self.examine())
        ev.addWidget(self.exam_list)
        self.exam_button = QPushButton(self.tr("Examine"))
        self.exam_button.clicked.connect(self.examine)
        ev.addWidget(self.exam_button)
        sv.addWidget(exam_box, 1)
        inv_box = QGroupBox(self.tr("Investigations"))
        iv = QVBoxLayout(inv_box)
        self.test_list = QListWidget()
        # a long test name is elided, never scrolled sideways; its full text is the tip
        self.test_list.setTextElideMode(Qt.ElideMiddle)
        self.test_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.test_list.itemDoubleClicked.connect(lambda _: self.order())
        iv.addWidget(self.test_list)
        other = QHBoxLayout()
        self.other_test = QLineEdit()
        self.other_test.setPlaceholderText(self.tr("Another test…"))
        self.other_test.returnPressed.connect(self.order_other)
        other.addWidget(self.other_test, 1)
        self.order_button = QPushButton(self.tr("Order"))
        self.order_button.clicked.connect(self.order)
        other.addWidget(self.order_button)
        iv.addLayout(other)
        self.wait_button = QPushButton(self.tr("Wait 10 minutes for results"))
        self.wait_button.clicked.connect(lambda: self._act(lambda e: e.wait(10)))
        iv.addWidget(self.wait_button)
        sv.addWidget(inv_box, 1)
        decide = QGroupBox(self.tr("Diagnosis and plan"))
        form = QFormLayout(decide)
        self.diagnosis_edit = QLineEdit()
        self.diagnosis_edit.setPlaceholderText(self.tr("Leading diagnosis; differential…"))
        form.addRow(self.tr("Diagnosis:"), self.diagnosis_edit)
        self.plan_edit = QPlainTextEdit()
        self.plan_edit.setPlaceholderText(self.tr("Management, one step a line"))
        self.plan_edit.setMaximumHeight(80)
        form.addRow(self.tr("Plan:"), self.plan_edit)
        self.submit_button = QPushButton(self.tr("Submit diagnosis and plan"))
        self.submit_button.clicked.connect(self.submit)
        form.addRow(self.submit_button)
        sv.addWidget(decide)
        self.finish_button = QPushButton(self.tr("Finish and see the debrief"))
        self.finish_button.clicked.connect(self.finish)
        sv.addWidget(self.finish_button)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    def _build_debrief(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.debrief_view = QTextBrowser()
        v.addWidget(self.debrief_view, 1)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        row.addWidget(self.pdf_button)
        self.saved_label = QLabel()
        self.saved_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.saved_label.hide()
        row.addWidget(self.saved_label, 1)
        self.open_pdf_button = QPushButton(self.tr("Open"))
        self.open_pdf_button.clicked.connect(self.open_saved_pdf)
        self.open_pdf_button.hide()
        row.addWidget(self.open_pdf_button)
        row.addStretch(1)
        self.back_button = QPushButton(self.tr("Back to the cases"))
        self.back_button.clicked.connect(self.back)
        row.addWidget(self.back_button)
        v.addLayout(row)
        return w

    # ------------------------------------------------------------------ life cycle

    def on_shown(self) -> None:
        """Refresh the students and the cases."""
        self.profile_box.refresh(self.app.workspace.practice.profiles())
        self.refresh_cases()
        provider = self.app.settings.default_provider
        self.llm_box.setEnabled(bool(provider) and provider != "embedded")

    def on_changes(self, changes: Changes) -> None:
        """New or edited cases appear in the list."""
        if (changes.documents or changes.settings) and self.stack.currentIndex() == 0:
            self.refresh_cases()

    def refresh_cases(self) -> None:
        """Fill the case list: the cases students may play (approved; reviewed too when
        the teacher allows reviewed questions in practice)."""
        Op(self, lambda ws: ws.student_cases()).latest_only("vp-cases") \
            .success(self._show_cases).run()

    def _show_cases(self, cases) -> None:
        # a reload (a case saved elsewhere, the page shown again) keeps the case the
        # student picked, never jumps back to the first
        current = self.case_list.currentItem()
        chosen = current.data(Qt.UserRole).id if current is not None else ""
        self.case_list.clear()
        row = 0
        for i, c in enumerate(cases):
            language = self.tr("Chinese") if c.language == "zh" else self.tr("English")
            item = QListWidgetItem(f"{c.title}  ·  {c.chief_complaint}  ({language})")
            item.setData(Qt.UserRole, c)
            self.case_list.addItem(item)
            if c.id == chosen:
                row = i
        if cases:
            self.case_list.setCurrentRow(row)

    def start(self) -> None:
        """Start an encounter with the selected case."""
        item = self.case_list.currentItem()
        if item is None:
            return
        from ...vpatient import Encounter
        case = item.data(Qt.UserRole)
        patient = judge = plan_judge = None
        if self.llm_box.isChecked() and self.llm_box.isEnabled():
            try:
                from ...vpatient import LLMPatient
                from ...vpatient.roleplay import judge_diagnosis, judge_plan
                profile = self.app.workspace.providers.get(self.app.settings.default_provider)
                patient = LLMPatient(profile)
                # wordings the synonyms miss are judged by the model, with its reason
                judge = lambda c, text: judge_diagnosis(profile, c, text)  # noqa: E731
                plan_judge = lambda c, text, ids: judge_plan(profile, c, text, ids)  # noqa: E731
            except EduAppError as e:
                show_error(self, e)
                return
        self._stamp += 1
        self._pending = None
        self.encounter = Encounter(case, patient, judge=judge, plan_judge=plan_judge)
        # the matcher's language tools load while the student reads the case
        from ...vpatient.text import warm_up
        Op(self, lambda _ws: warm_up(case.language)).run()
        self.report = None
        p = case.patient
        who = (f"{p.name}，{p.age:g} 岁，{p.sex}" if case.language == "zh"
               else f"{p.name}, {p.age:g}, {p.sex}")  # in the case's language, as the chat
        self.patient_label.setText(f"{case.title} — {who}")
        self.exam_list.clear()
        for e in case.exam:
            it = QListWidgetItem(e.name)
            it.setData(Qt.UserRole, e.name)
            self.exam_list.addItem(it)
        self.test_list.clear()
        unit = f" {case.currency}" if case.currency else ""
        for i in case.investigations:
            it = QListWidgetItem(self.tr("{name} · {cost}{unit} · {minutes} min").format(
                name=i.name, cost=f"{i.cost:g}", unit=unit, minutes=f"{i.minutes:g}"))
            it.setData(Qt.UserRole, i.name)
            it.setToolTip(it.text())
            self.test_list.addItem(it)
        self.diagnosis_edit.clear()
        self.plan_edit.clear()
        self._render()
        if self.speak_box.isChecked():
            self._speak_toggled(True)  # is there a voice for this case's language?
        self.stack.setCurrentIndex(1)
        self.timer.start()
        self.question_edit.setFocus()

    def _tick(self) -> None:
        enc = self.encounter
        if enc is None:
            return
        s = int(enc.elapsed_seconds)
        unit = f" {enc.case.currency}" if enc.case.currency else ""
        self.clock_label.setText(self.tr("Time {mm}:{ss:02d} · simulated {sim} min · "
                                         "cost {cost}{unit}").format(
            mm=s // 60, ss=s % 60, sim=f"{enc.minutes:g}", cost=f"{enc.cost:g}", unit=unit))

    # ------------------------------------------------------------------ actions

    def _render(self) -> None:
        enc = self.encounter
        if enc is None:
            return
        parts = []
        pending = self._pending
        turns = enc.transcript[:pending["before"]] if pending else enc.transcript
        for t in turns:
            text = plain_html(t.text)
            if t.role == "student":
                parts.append(f'<p align="right" style="margin:6px"><span style="background:'
                             f'#dbeafe">&nbsp;{text}&nbsp;</span></p>')
            elif t.role == "patient":
                parts.append(f'<p style="margin:6px"><span style="background:#f1f5f9">'
                             f'&nbsp;{text}&nbsp;</span></p>')
            else:
                parts.append(f'<p style="color:#555;margin:6px"><i>{text}</i></p>')
        if pending:
            q = html.escape(pending["question"])
            parts.append(f'<p align="right" style="margin:6px"><span style="background:'
                         f'#dbeafe">&nbsp;{q}&nbsp;</span></p>')
            if pending["shown"]:
                a = html.escape(pending["shown"])
                parts.append(f'<p style="margin:6px"><span style="background:#f1f5f9">'
                             f'&nbsp;{a}&nbsp;…</span></p>')
            else:
                waiting = html.escape(self.tr("The patient is answering…"))
                parts.append(f'<p style="color:#555;margin:6px"><i>{waiting}</i></p>')
        self.chat_view.setHtml("".join(parts))
        bar = self.chat_view.verticalScrollBar()
        bar.setValue(bar.maximum())
        if enc.state:
            st = enc.case.state(enc.state)
            self.vitals_label.setText(self.tr("Observations: {vitals}").format(vitals=st.vitals)
                                      if st.vitals else "")
        self._tick()

    def _act(self, fn) -> None:
        if self.encounter is None:
            return
        try:
            fn(self.encounter)
        except (ValueError, EduAppError) as e:
            QMessageBox.warning(self, self.tr("Virtual patients"), error_text(e))
        self._render()

    def ask(self) -> None:
        """Send the typed question to the patient."""
        question = self.question_edit.text().strip()
        enc = self.encounter
        if not question or enc is None:
            return
        self.question_edit.clear()
        from ...vpatient import OfflinePatient
        if isinstance(enc.patient, OfflinePatient):
            enc.ask(question)
            self._after_answer()
            return
        stamp = self._stamp
        panel = self.stack.widget(1)
        panel.setEnabled(False)  # one action at a time: the encounter is not thread-safe
        # until the answer is in, the chat shows the transcript as it was, the question,
        # and the patient's answer as far as it passed the leak guard (whole sentences)
        self._pending = {"before": len(enc.transcript), "question": question, "shown": ""}
        self._render()
        patient = enc.patient

        def run(_ws, ctx):  # worker thread: no widgets here
            patient.stream_to = lambda text: ctx.progress(text)
            try:
                return enc.ask(question)
            finally:
                patient.stream_to = None

        def partial(text: str, _fraction: float) -> None:
            if stamp == self._stamp and self._pending is not None:
                self._pending["shown"] = text
                self._render()

        def settle() -> None:
            panel.setEnabled(True)
            if stamp == self._stamp:
                self._pending = None
                self.question_edit.setFocus()

        def done(_result) -> None:
            settle()
            if stamp == self._stamp:  # the encounter is still open
                self._after_answer()

        def failed(error) -> None:
            settle()
            if stamp == self._stamp:
                self._render()
            show_error(self, error)
        Op(self, run).on_progress(partial).success(done).failure(failed).run()

    def _after_answer(self) -> None:
        self._render()
        if self.speak_box.isChecked():
            voice = self._voice()
            answers = [t for t in self.encounter.transcript if t.role == "patient"]
            if voice is not None and answers:
                voice.say(answers[-1].text)

    def _voice(self):
        """The speech engine for the open case's language, or ``None`` (looked for once
        per language)."""
        language = self.encounter.case.language if self.encounter else "en"
        if language not in self._voices:
            self._voices[language] = _speech(language)
        return self._voices[language]

    def _speak_toggled(self, on: bool) -> None:
        """Turning read-aloud on where there is no voice says so and turns it off."""
        self.speech_note.clear()
        if on and self._voice() is None:
            self.speak_box.blockSignals(True)
            self.speak_box.setChecked(False)
            self.speak_box.blockSignals(False)
            self.speech_note.setText(self.tr("No text-to-speech voice for this language on "
                                             "this computer; the answers are shown only."))

    def examine(self) -> None:
        """Examine the selected system."""
        item = self.exam_list.currentItem()
        if item is not None:
            self._act(lambda e: e.examine(item.data(Qt.UserRole)))

    def order(self) -> None:
        """Order the selected test (or the one typed in the box)."""
        if self.other_test.text().strip():
            self.order_other()
            return
        item = self.test_list.currentItem()
        if item is not None:
            self._act(lambda e: e.order(item.data(Qt.UserRole)))

    def order_other(self) -> None:
        """Order the test typed in the box (it may not be in the case)."""
        text = self.other_test.text().strip()
        if text:
            self.other_test.clear()
            self._act(lambda e: e.order(text))

    def submit(self) -> None:
        """Submit the diagnosis and the plan."""
        dx = self.diagnosis_edit.text().strip()
        plan = self.plan_edit.toPlainText().strip()

        def run(e):
            if dx:
                e.diagnose(dx)
            if plan:
                e.plan(plan.replace("\n", "; "))
        enc = self.encounter
        if enc is None or enc.judge is None:
            self._act(run)  # offline: synonyms only, a few milliseconds
            return
        stamp = self._stamp
        panel = self.stack.widget(1)
        panel.setEnabled(False)  # the model judges on a worker; one action at a time

        def settle(_result=None) -> None:
            panel.setEnabled(True)
            if stamp == self._stamp:
                self._render()
        Op(self, lambda _ws: run(enc)).with_progress(self.tr("Marking your diagnosis and "
                                                             "plan…")) \
            .success(settle).failure(lambda e: (settle(), show_error(self, e))).run()

    def finish(self) -> None:
        """End the encounter, store it for the student, show the debrief."""
        enc = self.encounter
        if enc is None:
            return
        self.timer.stop()
        self._stamp += 1
        self._pending = None
        self.report = enc.finish()
        pid = self.app.student_id
        if pid is not None:
            engine = "offline" if enc.patient.__class__.__name__ == "OfflinePatient" else \
                f"llm:{self.app.settings.default_provider}"
            _row, changes = self.app.workspace.save_encounter(pid, enc, self.report, engine)
            self.app.changed.emit(changes)
        self.saved_label.hide()
        self.open_pdf_button.hide()
        self.debrief_view.setHtml(self.debrief_html(self.report))
        self.stack.setCurrentIndex(2)

    def export_pdf(self) -> None:
        """Save the debrief as a PDF; the dialog opens in the folder used last, else the
        user's Documents folder (not the working folder)."""
        if self.report is None:
            return
        folder = InterviewPage._last_folder or QStandardPaths.writableLocation(
            QStandardPaths.DocumentsLocation) or os.path.expanduser("~")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export debrief"),
            os.path.join(folder, f"{self.report.case_id}-debrief.pdf"),
            self.tr("PDF files (*.pdf)"))
        if path:
            InterviewPage._last_folder = os.path.dirname(path)
            self.write_pdf(path)

    #: the folder a debrief was saved to last (this session)
    _last_folder = ""

    def write_pdf(self, path: str) -> None:
        """Write the debrief PDF to ``path`` off the GUI thread (with a progress
        dialog), then say where it was saved, with a button that opens it."""
        from ...pdf.debrief import render_debrief
        report = self.report
        name = self.profile_box.currentText()
        Op(self, lambda _ws: render_debrief(report, path, student=name)) \
            .with_progress(self.tr("Writing the PDF…")) \
            .success(lambda _pages: self._pdf_saved(path)).run()

    def _pdf_saved(self, path: str) -> None:
        self.saved_label.setText(self.tr("Debrief saved to {path}").format(path=path))
        self.saved_label.show()
        self._saved_path = path
        self.open_pdf_button.show()

    def open_saved_pdf(self) -> None:
        """Open the debrief PDF saved last in the system's viewer."""
        if getattr(self, "_saved_path", ""):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._saved_path))

    def back(self) -> None:
        """Back to the case list."""
        self.encounter = None
        self.stack.setCurrentIndex(0)
        self.refresh_cases()


    def diagnosis_reason(self, dx: dict) -> str:
        """Why the submitted diagnosis counts as correct or not, as a sentence.

        :param dx: the report's ``diagnosis`` dict (``submitted``, ``correct``,
            ``reason``: ``synonym``, ``not judged: …``, the LLM judge's sentence, or "").
        """
        reason = dx.get("reason") or ""
        if not dx.get("submitted"):
            return self.tr("No diagnosis was submitted.")
        if reason == "synonym":
            return self.tr("Your leading diagnosis names the expected diagnosis or one of "
                           "its accepted synonyms.")
        if reason.startswith("not judged:"):
            return self.tr("Your leading diagnosis matches none of the accepted names, and "
                           "the language model could not judge it ({why}).").format(
                why=reason.split(":", 1)[1].strip())
        if reason:
            return self.tr("Judged by the language model: {why}").format(why=reason)
        return self.tr("Your leading diagnosis (the first one you wrote) matches neither the "
                       "expected diagnosis nor its accepted synonyms.")

    def missed_item(self, item) -> str:
        """A checklist item not done in full: its text, with the share earned when a plan
        named part of it ("Analgesia (partly done: 67%)")."""
        if 0 < item.credit < 1:
            return self.tr("{item} (partly done: {share})").format(
                item=item.text, share=f"{item.credit:.0%}")
        return item.text

    def _count(self, n: int, one: str, many: str) -> str:
        return (one if n == 1 else many).format(n=n)

    def debrief_html(self, report) -> str:
        """The debrief as HTML for the page: score, diagnosis with the reason, checklist
        coverage by section with what was missed, efficiency (questions, tests, cost,
        time), management, teaching points and the transcript."""
        e = html.escape

        def para(text: str) -> str:
            return f"<p>{e(text)}</p>"

        def head(text: str) -> str:
            return f"<h3>{e(text)}</h3>"

        sep = self.tr("; ")  # "；" in Chinese
        score = self.tr("Score: {total} / 100").format(total=f"{report.total:.0f}")
        out = [f"<h2>{e(report.case_title)}</h2>", f"<h3>{e(score)}</h3>"]
        if report.global_rating is not None:
            out.append(para(self.tr("Global rating (derived from the checklist): {r} / {s}")
                            .format(r=report.global_rating, s=report.rating_scale)))
        dx = report.diagnosis
        out.append(head(self.tr("Diagnosis")))
        verdict = self.tr("correct") if dx["correct"] else self.tr("not correct")
        colour = "#15803d" if dx["correct"] else "#b91c1c"
        yours = self.tr("Your diagnosis: {d}").format(d=dx["submitted"] or "—")
        expected = self.tr("Expected: {x}").format(x=dx["expected"])
        out.append(f'<p>{e(yours)} <b style="color:{colour}">({e(verdict)})</b><br>'
                   f'{e(expected)}<br><i>{e(self.diagnosis_reason(dx))}</i></p>')
        if report.differential:
            out.append(para(self.tr("Differential you considered: {d}").format(
                d=sep.join(report.differential))))
        out.append(head(self.tr("Checklist by section")))
        section, points, missed_h = self.tr("Section"), self.tr("Points"), self.tr("Missed")
        out.append('<table border="1" cellpadding="4" cellspacing="0" width="100%"><tr>'
                   + "".join(f"<th>{e(h)}</th>" for h in (section, points, missed_h))
                   + "</tr>")
        for s in report.sections:
            missed = sep.join(self.missed_item(i) for i in s.items if not i.done) or "—"
            out.append(f"<tr><td>{e(s.title)}</td><td>{s.points_text}</td>"
                       f"<td>{e(missed)}</td></tr>")
        out.append("</table>")
        f = report.efficiency
        out.append(head(self.tr("Efficiency")))
        seconds = int(f.get("seconds", 0) or 0)
        parts = [
            self._count(f["questions"], self.tr("1 question asked"), self.tr("{n} questions asked")),
            self.tr("{n} not understood").format(n=f["not_understood"]),
            self._count(f["examinations"], self.tr("1 examination"),
                        self.tr("{n} examinations")),
            self._count(f["tests"], self.tr("1 test"), self.tr("{n} tests")),
            self.tr("cost {c} {cur}").format(c=f"{f['cost']:g}", cur=f["currency"]).strip(),
            self.tr("{m} simulated minutes").format(m=f"{f['minutes']:g}"),
            self.tr("real time {mm}:{ss:02d}").format(mm=seconds // 60, ss=seconds % 60)]
        out.append(para(self.tr(", ").join(parts)))
        m = report.management
        out.append(head(self.tr("Management")))
        out.append(para(self.tr("Done: {done}").format(done=sep.join(m["done"]) or "—")))
        out.append(para(self.tr("Missed: {missed}").format(
            missed=sep.join(m["missed"]) or "—")))
        if report.summary:
            out.append(head(self.tr("The case")) + para(report.summary))
        if report.teaching_points:
            out.append(head(self.tr("Teaching points")) + "<ul>"
                       + "".join(f"<li>{e(p)}</li>" for p in report.teaching_points) + "</ul>")
        out.append(head(self.tr("Transcript")))
        who = {"student": self.tr("Student"), "patient": self.tr("Patient"),
               "system": self.tr("System")}
        for t in report.transcript:
            role = who.get(t["role"], t["role"])
            out.append(labelled(role, f"[{t['minutes']:g}′] {t['text']}"))
        return "".join(out)
