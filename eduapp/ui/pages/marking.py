"""The Marking page: drop scanned answer sheets, watch them being read, decide every
flagged mark from its image crop (keyboard first), see the scores, the problems found
(duplicates, other exams, missing pages, names not on the class list), the item
analysis, and the log of every manual fix. All logic is in :mod:`eduapp.marking`."""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QProgressBar, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ...errors import describe_record
from ...marking.model import describe_sheet_message
from ..ops import Op
from ..page import Page

if TYPE_CHECKING:
    from ...workspace import Workspace

SCAN_FILTER = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp"


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QTableWidget.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectRows)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


class MarkingPage(Page):
    """Mark scanned answer sheets of a stored exam.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.result = None
        self.queue: list = []
        self.class_list: str | None = None
        self._dirty = False
        self.setAcceptDrops(True)
        self._build()
        self.refresh_exams()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Marking"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exam:")))
        self.exam_box = QComboBox()
        self.exam_box.setMinimumWidth(320)
        self.exam_box.currentIndexChanged.connect(self._exam_chosen)
        top.addWidget(self.exam_box, 1)
        self.class_button = QPushButton(self.tr("Class list…"))
        self.class_button.clicked.connect(self._choose_class_list)
        top.addWidget(self.class_button)
        self.scan_button = QPushButton(self.tr("Add scans…"))
        self.scan_button.setToolTip(self.tr("PDF files from the scanner or photos; you can "
                                            "also drop them on this page"))
        self.scan_button.clicked.connect(self._choose_scans)
        top.addWidget(self.scan_button)
        self.report_button = QPushButton(self.tr("Write reports…"))
        self.report_button.clicked.connect(self._write_reports)
        top.addWidget(self.report_button)
        layout.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.summary = QLabel(self.tr("Choose an exam, then add or drop its scanned answer "
                                      "sheets (PDF or images)."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._review_tab(), self.tr("Review"))
        self.results_table = _table([self.tr("Candidate"), self.tr("Student"), self.tr("Form"),
                                     self.tr("Marks"), "%", self.tr("Result"),
                                     self.tr("Under review")])
        self.tabs.addTab(self.results_table, self.tr("Results"))
        problems = QWidget()
        pl = QVBoxLayout(problems)
        self.problems = QListWidget()
        pl.addWidget(self.problems, 1)
        self.forget_button = QPushButton(self.tr("Remove a scan file…"))
        self.forget_button.setToolTip(self.tr("Remove every page read from one file, e.g. a "
                                              "batch that was scanned twice"))
        self.forget_button.clicked.connect(self._forget_file)
        self.correct_button = QPushButton(self.tr("Correct a candidate number…"))
        self.correct_button.clicked.connect(self._correct_number)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        pl.addLayout(buttons)
        self.tabs.addTab(problems, self.tr("Problems"))
        stats = QWidget()
        sl = QVBoxLayout(stats)
        self.stats_label = QLabel()
        self.stats_label.setWordWrap(True)
        sl.addWidget(self.stats_label)
        self.stats_table = _table(["#", self.tr("Item"), "p", "r_pb",
                                   self.tr("Options (all / upper group)"),
                                   self.tr("Needs attention"), self.tr("Earlier sittings")])
        sl.addWidget(self.stats_table, 1)
        self.tabs.addTab(stats, self.tr("Statistics"))
        self.tabs.addTab(self._items_tab(), self.tr("Flagged items"))
        self.log_table = _table([self.tr("File"), self.tr("Page"), self.tr("Question"),
                                 self.tr("Seen"), self.tr("Before"), self.tr("Decided"),
                                 self.tr("By")])
        self.tabs.addTab(self.log_table, self.tr("Log"))
        layout.addWidget(self.tabs, 1)

    def _review_tab(self) -> QWidget:
        split = QSplitter(Qt.Horizontal)
        self.flag_list = QListWidget()
        self.flag_list.currentRowChanged.connect(self._show_flag)
        split.addWidget(self.flag_list)
        panel = QWidget()
        self.review_panel = panel
        pl = QVBoxLayout(panel)
        self.crop = QLabel()
        self.crop.setAlignment(Qt.AlignCenter)
        self.crop.setMinimumHeight(120)
        self.crop.setMaximumHeight(260)
        self.crop.setStyleSheet("background: white; border: 1px solid #bbb;")
        pl.addWidget(self.crop, 1)
        self.flag_text = QLabel()
        self.flag_text.setWordWrap(True)
        pl.addWidget(self.flag_text)
        self.choice_row = QHBoxLayout()
        pl.addLayout(self.choice_row)
        self.choice_buttons: list[QPushButton] = []
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("Type the candidate number"))
        self.number_edit.returnPressed.connect(self._decide)
        pl.addWidget(self.number_edit)
        row = QHBoxLayout()
        self.blank_button = QPushButton(self.tr("No answer"))
        self.blank_button.setToolTip(self.tr("Clear the choice (Backspace)"))
        self.blank_button.clicked.connect(self._clear_choice)
        row.addWidget(self.blank_button)
        self.decide_button = QPushButton(self.tr("Decide"))
        self.decide_button.setToolTip(self.tr("Record this answer and go to the next (Enter)"))
        self.decide_button.setDefault(True)
        self.decide_button.clicked.connect(self._decide)
        row.addWidget(self.decide_button)
        pl.addLayout(row)
        self.keys_hint = QLabel(self.tr("Keys: A–H pick or unpick a letter · Backspace no "
                                        "answer · Enter decide · ↑/↓ another mark"))
        self.keys_hint.setObjectName("hint")
        pl.addWidget(self.keys_hint)
        split.addWidget(panel)
        split.setSizes([300, 700])
        for k in range(8):
            sc = QShortcut(QKeySequence(chr(65 + k)), panel)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda k=k: self._toggle(k))
        for key in (Qt.Key_Return, Qt.Key_Enter):
            sc = QShortcut(QKeySequence(key), panel)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(self._decide)
        sc = QShortcut(QKeySequence(Qt.Key_Backspace), panel)
        sc.setContext(Qt.WidgetWithChildrenShortcut)
        sc.activated.connect(self._clear_choice)
        for key, step in ((Qt.Key_Down, 1), (Qt.Key_Up, -1)):
            sc = QShortcut(QKeySequence(key), panel)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda step=step: self._step(step))
        self._set_review_enabled(False)
        return split

    def _items_tab(self) -> QWidget:
        split = QSplitter(Qt.Horizontal)
        self.item_list = QListWidget()
        self.item_list.currentRowChanged.connect(self._show_item)
        split.addWidget(self.item_list)
        panel = QWidget()
        pl = QVBoxLayout(panel)
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        pl.addWidget(self.evidence)
        sides = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("As sat (stays in the past exam)")))
        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        left.addWidget(self.original)
        right.addWidget(QLabel(self.tr("Suggested rewrite (edit freely; * marks the key)")))
        self.suggestion = QPlainTextEdit()
        right.addWidget(self.suggestion)
        sides.addLayout(left)
        sides.addLayout(right)
        pl.addLayout(sides, 1)
        self.rationale = QLabel()
        self.rationale.setWordWrap(True)
        pl.addWidget(self.rationale)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(self.tr("Suggest a rewrite"))
        self.suggest_button.clicked.connect(self._suggest)
        self.accept_button = QPushButton(self.tr("Accept as a new version"))
        self.accept_button.clicked.connect(lambda: self._decide_rewrite("accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(lambda: self._decide_rewrite("reject"))
        for b in (self.suggest_button, self.accept_button, self.reject_button):
            row.addWidget(b)
        pl.addLayout(row)
        split.addWidget(panel)
        split.setSizes([260, 740])
        self.items: list = []
        self._show_item(-1)
        return split

    def _show_items(self, items) -> None:
        current = self.item_list.currentRow()
        self.items = items
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for e in items:
            status = e.rewrite["status"] if e.rewrite else ""
            label = self.tr("#{id} {stem}").format(id=e.item.id, stem=e.item.stem[:40])
            if status:
                label += f" · {self._status_text(status)}"
            self.item_list.addItem(label)
        self.item_list.blockSignals(False)
        if items:
            self.item_list.setCurrentRow(min(max(0, current), len(items) - 1))
        else:
            self._show_item(-1)

    def _status_text(self, status: str) -> str:
        return {"pending": self.tr("rewrite suggested"), "accepted": self.tr("rewrite accepted"),
                "edited": self.tr("edited rewrite accepted"),
                "rejected": self.tr("rewrite rejected")}.get(status, status)

    def current_item(self):
        """The flagged item shown, or ``None``."""
        row = self.item_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self, row: int) -> None:
        from ...marking.itemreview import suggestion_to_text
        e = self.current_item()
        self.suggest_button.setEnabled(e is not None)
        pending = bool(e and e.rewrite and e.rewrite["status"] == "pending")
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        if e is None:
            self.evidence.setText(self.tr("No item needs attention, or the statistics have "
                                          "not been computed yet."))
            self.original.clear()
            self.suggestion.clear()
            self.rationale.clear()
            return
        ev = e.evidence
        fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
        rates = " ".join(f"{chr(65 + k)} {r:.0%}" for k, r in enumerate(ev.get("option_rates", [])))
        upper = " ".join(f"{chr(65 + k)} {r:.0%}" for k, r in enumerate(ev.get("upper_rates", [])))
        self.evidence.setText(self.tr("{reasons}\np = {p} · r_pb = {r} · chosen: {rates} · "
                                      "upper group: {upper}").format(
            reasons="; ".join(e.reasons), p=fmt(ev.get("p")), r=fmt(ev.get("r_pb")),
            rates=rates, upper=upper))
        self.original.setPlainText(suggestion_to_text({
            "stem": e.item.full_stem, "explanation": e.item.explanation,
            "options": [{"text": o.text, "correct": o.correct} for o in e.item.options]}))
        rw = e.rewrite
        if rw:
            shown = rw["final"] if rw.get("final") else rw["suggestion"]
            self.suggestion.setPlainText(suggestion_to_text(shown))
            self.rationale.setText(self.tr("{status} · why: {why}").format(
                status=self._status_text(rw["status"]), why=shown.get("rationale") or "–"))
        else:
            self.suggestion.clear()
            self.rationale.setText(self.tr("Ask the language model for a rewrite; nothing "
                                           "changes until you accept it."))

    def _suggest(self) -> None:
        e, exam_id = self.current_item(), self.exam_id()
        if e is None or exam_id is None:
            return
        item_id = e.item.id

        def work(ws: Workspace, ctx):
            return ws.marking.draft_rewrite(exam_id, item_id, ws.provider(),
                                            cancel=ctx.cancelled)

        Op(self, work).with_progress(self.tr("Drafting a rewrite…"), cancellable=True) \
            .success(lambda _: self._refresh_stats_and_log()).run()

    def _decide_rewrite(self, decision: str) -> None:
        from ...marking.itemreview import suggestion_to_text, text_to_suggestion
        e = self.current_item()
        if e is None or not e.rewrite:
            return
        rw = e.rewrite
        edited = None
        text = self.suggestion.toPlainText()
        if decision == "accept" and text.strip() != suggestion_to_text(rw["suggestion"]).strip():
            try:
                edited = text_to_suggestion(text, rw["suggestion"].get("rationale", ""))
            except Exception as err:  # noqa: BLE001 - a ValidationError, shown as a sentence
                from ..ops import show_error
                show_error(self, err)
                return
        try:
            by = getpass.getuser()
        except (KeyError, OSError):
            by = ""
        rid = rw["id"]
        Op(self, lambda ws: ws.decide_rewrite(rid, decision, edited=edited, by=by)) \
            .success(lambda _: self._refresh_stats_and_log()).run()

    # -- exams ------------------------------------------------------------------------

    def refresh_exams(self) -> None:
        """Reload the stored exams into the chooser (newest first)."""
        Op(self, lambda ws: ws.exams.list()).latest_only("marking-exams") \
            .success(self._show_exams).run()

    def _show_exams(self, exams) -> None:
        current = self.exam_id()
        self.exam_box.blockSignals(True)
        self.exam_box.clear()
        for e in exams:
            self.exam_box.addItem(self.tr("#{id} · {title} · {n} questions · {forms} form(s)")
                                  .format(id=e.id, title=e.title, n=e.questions,
                                          forms=e.forms), e.id)
        self.exam_box.blockSignals(False)
        ids = [e.id for e in exams]
        if current in ids:
            self.exam_box.setCurrentIndex(ids.index(current))
        self._exam_chosen()

    def exam_id(self) -> int | None:
        """The chosen exam's id, or ``None``."""
        return self.exam_box.currentData() if self.exam_box.count() else None

    def _exam_chosen(self, *_):
        enabled = self.exam_id() is not None
        for b in (self.scan_button, self.report_button, self.class_button):
            b.setEnabled(enabled)
        if enabled:
            self.refresh()

    # -- marking ----------------------------------------------------------------------

    def _choose_class_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Class list"), "",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.class_list = path
            self.class_button.setText(self.tr("Class list: {name}")
                                      .format(name=os.path.basename(path)))

    def _choose_scans(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Scanned answer sheets"), "",
            self.tr("Scans ({patterns})").format(patterns=SCAN_FILTER))
        if paths:
            self.mark_files(paths)

    def dragEnterEvent(self, event):  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and self.exam_id() is not None:
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.mark_files(paths)
            event.acceptProposedAction()

    def mark_files(self, paths: list[str]) -> None:
        """Read ``paths`` against the chosen exam on a worker, showing progress."""
        exam_id = self.exam_id()
        if exam_id is None:
            return
        class_list = self.class_list
        from ...marking import page_count
        total = 0
        for p in paths:
            try:
                total += page_count(p)
            except Exception:  # noqa: BLE001 - the reader reports the file properly
                total += 1
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Reading {n} page(s)…").format(n=total))

        def work(ws: Workspace, ctx):
            def progress(done, file):
                ctx.progress(os.path.basename(file), done / max(1, total))
            return ws.mark_scans(exam_id, list(paths), class_list=class_list,
                                 progress=progress, cancelled=ctx.cancelled.is_set)

        Op(self, work).on_progress(self._on_progress).success(self._marked) \
            .failure(lambda e: self.progress.setVisible(False)).run()

    def _on_progress(self, text: str, fraction: float) -> None:
        if fraction >= 0:
            self.progress.setValue(int(round(fraction * self.progress.maximum())))
        self.progress.setFormat(f"%v / %m · {text}")

    def _marked(self, result) -> None:
        self.progress.setValue(self.progress.maximum())
        self.progress.setVisible(False)
        self._show_result(result)
        if result.pending:
            self.tabs.setCurrentIndex(0)
            self.flag_list.setFocus()

    def refresh(self) -> None:
        """Reload the chosen exam's sitting (results, review queue, statistics, log)."""
        exam_id = self.exam_id()
        if exam_id is None:
            return
        Op(self, lambda ws: ws.marking.results(exam_id)) \
            .latest_only("marking-results").success(self._show_result).run()

    def _show_result(self, result) -> None:
        self.result = result
        self.summary.setText(self.tr(
            "{read} of {sheets} page(s) read · {n} candidate(s) · {pending} mark(s) await "
            "review · {problems} problem(s)").format(
            read=result.read, sheets=result.sheets, n=len(result.scores),
            pending=result.pending, problems=self._problem_count(result)))
        _fill(self.results_table, [[s.candidate or "?", s.name, s.form, f"{s.total:g}",
                                    f"{s.percent:.0f}", self._verdict(s), s.pending or ""]
                                   for s in result.scores])
        self._show_problems(result)
        self.queue = [e for e in result.flagged if e.flag.resolution is None]
        self.flag_list.blockSignals(True)
        self.flag_list.clear()
        from ...marking import reason_text
        language = self.app.ui_language()
        for e in self.queue:
            q = (self.tr("candidate number") if e.flag.question == "candidate" else
                 self.tr("form") if e.flag.question == "form" else
                 self.tr("question {n}").format(n=e.flag.question))
            item = QListWidgetItem(self.tr("{file} p{page} · {candidate} · {question}")
                                   .format(file=os.path.basename(e.file), page=e.page,
                                           candidate=e.candidate or "?", question=q))
            item.setToolTip(reason_text(e.flag.reason, language))
            self.flag_list.addItem(item)
        self.flag_list.blockSignals(False)
        if self.queue:
            self.flag_list.setCurrentRow(0)  # shows it (currentRowChanged)
        else:
            self._set_review_enabled(False)
            self.crop.clear()
            self.flag_text.setText(self.tr("Nothing awaits review."))
        self._refresh_stats_and_log()

    def _problem_count(self, r) -> int:
        return (len(r.duplicates) + len(r.other_exam) + len(r.unreadable)
                + len(r.missing_pages) + len(r.unmatched) + len(r.errors))

    def _verdict(self, s) -> str:
        if s.pending:
            return self.tr("under review")
        if s.passed is None:
            return ""
        return self.tr("pass") if s.passed else self.tr("fail")

    def _show_problems(self, r) -> None:
        self.problems.clear()
        lines = []
        for d in r.duplicates:
            where = ", ".join(f"{os.path.basename(s['file'])} p{s['page']}" for s in d["sheets"])
            lines.append(self.tr("Candidate {c} appears on more than one sheet ({where}); "
                                 "not scored until fixed").format(c=d["candidate"], where=where))
        for e in r.other_exam:
            lines.append(self.tr("{file} page {page} is a sheet of another exam")
                         .format(file=os.path.basename(e["file"]), page=e["page"]))
        for e in r.unreadable:
            lines.append(self.tr("{file} page {page} could not be read: {why}")
                         .format(file=os.path.basename(e["file"]), page=e["page"],
                                 why=describe_sheet_message(e["message"],
                                                            self.app.ui_language())))
        for e in r.errors:
            lines.append(self.tr("{file} could not be opened: {why}")
                         .format(file=os.path.basename(e["file"]),
                                 why=describe_record(e, self.app.ui_language())))
        for m in r.missing_pages:
            lines.append(self.tr("Candidate {c} is missing sheet page(s) {pages}")
                         .format(c=m["candidate"], pages=", ".join(map(str, m["missing"]))))
        for u in r.unmatched:
            lines.append(self.tr("{c} is not on the class list ({file} p{page})")
                         .format(c=u["candidate"] or "?", file=os.path.basename(u["file"]),
                                 page=u["page"]))
        for a in r.absent:
            lines.append(self.tr("No sheet for {c} {name}").format(c=a["candidate"],
                                                                   name=a["name"]))
        self.problems.addItems(lines or [self.tr("No problems found.")])

    def _refresh_stats_and_log(self) -> None:
        exam_id = self.exam_id()

        def work(ws: Workspace):
            svc = ws.marking
            analysis, exam = svc.statistics(exam_id)
            history = {i.uid: [h for h in svc.item_history(i.uid) if h["exam_id"] != exam_id]
                       for i in exam.items()}
            return (analysis, exam, svc.review_log(exam_id), svc.item_queue(exam_id),
                    history)

        Op(self, work).latest_only("marking-stats").success(self._show_stats).run()

    def _show_stats(self, payload) -> None:
        analysis, exam, log, items, history = payload
        self._show_items(items)
        from ...practice.itemstats import describe
        language = self.app.ui_language()
        fmt = lambda v, f="{:.2f}": "–" if v is None else f.format(v)  # noqa: E731
        self.stats_label.setText(self.tr(
            "{n} candidate(s) with nothing under review · KR-20 {kr20} · SEM {sem} "
            "questions · mean {mean} right (SD {sd})").format(
            n=analysis.candidates, kr20=fmt(analysis.kr20, "{:.3f}"), sem=fmt(analysis.sem),
            mean=fmt(analysis.mean), sd=fmt(analysis.sd)))
        rows = []
        for n, (item, st) in enumerate(zip(exam.items(), analysis.items), 1):
            opts = " ".join(f"{chr(65 + k)} {r:.0%}/{st.upper_rates[k]:.0%}"
                            for k, r in enumerate(st.option_rates))
            earlier = "; ".join(self.tr("exam {id}: p {p}, r_pb {r}").format(
                id=h["exam_id"], p=fmt(h.get("p")), r=fmt(h.get("r_pb")))
                for h in history.get(item.uid, []))
            rows.append([n, f"#{item.id} {item.stem[:60]}", fmt(st.p), fmt(st.r_pb), opts,
                         "; ".join(describe(c, v, language) for c, v in st.issues), earlier])
        _fill(self.stats_table, rows if analysis.candidates else [])
        _fill(self.log_table, [[os.path.basename(e["file"]), e["page"], e["question"],
                                e["detected"], e["old"] if e["old"] is not None else "",
                                e["new"] or self.tr("(no answer)"), e["by"]] for e in log])

    def _forget_file(self) -> None:
        exam_id = self.exam_id()
        if exam_id is None:
            return
        files = self.app.workspace.marking.scan_files(exam_id)
        if not files:
            return
        labels = [self.tr("{file} ({n} page(s))").format(file=f, n=n) for f, n in files]
        label, ok = QInputDialog.getItem(self, self.tr("Remove a scan file"),
                                         self.tr("Remove every page read from:"), labels, 0,
                                         False)
        if not ok or label not in labels:
            return
        file = files[labels.index(label)][0]
        try:
            by = getpass.getuser()
        except (KeyError, OSError):
            by = ""
        Op(self, lambda ws: ws.marking.forget_file(exam_id, file, by)) \
            .success(lambda _: self.refresh()).run()

    def _correct_number(self) -> None:
        exam_id = self.exam_id()
        if exam_id is None:
            return
        pages = self.app.workspace.marking.pages_read(exam_id)
        if not pages:
            return
        labels = [self.tr("{file} p{page} · {candidate}").format(
            file=os.path.basename(f), page=p, candidate=c or "?") for f, p, c in pages]
        label, ok = QInputDialog.getItem(self, self.tr("Correct a candidate number"),
                                         self.tr("Sheet:"), labels, 0, False)
        if not ok or label not in labels:
            return
        file, page, seen = pages[labels.index(label)]
        number, ok = QInputDialog.getText(self, self.tr("Correct a candidate number"),
                                          self.tr("Candidate number:"), text=seen or "")
        if not ok:
            return
        try:
            by = getpass.getuser()
        except (KeyError, OSError):
            by = ""
        Op(self, lambda ws: ws.marking.correct_candidate(exam_id, file, page,
                                                                    number, by)) \
            .success(lambda _: self.refresh()).run()

    def _write_reports(self) -> None:
        exam_id = self.exam_id()
        if exam_id is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"))
        if not folder:
            return
        size = self.app.settings.page_size
        Op(self, lambda ws: ws.marking.write_reports(exam_id, folder,
                                                                page_size=size)) \
            .with_progress(self.tr("Writing the reports…")) \
            .success(lambda files: self.summary.setText(
                self.tr("Class report, results, item analysis, result slips and the review "
                        "log written to {folder}").format(folder=folder))).run()

    # -- review -----------------------------------------------------------------------

    def _set_review_enabled(self, on: bool) -> None:
        for w in (self.decide_button, self.blank_button, self.number_edit):
            w.setEnabled(on)

    def current_entry(self):
        """The review entry shown, or ``None``."""
        row = self.flag_list.currentRow()
        return self.queue[row] if 0 <= row < len(self.queue) else None

    def _show_flag(self, row: int) -> None:
        entry = self.current_entry()
        for b in self.choice_buttons:
            self.choice_row.removeWidget(b)
            b.setParent(None)
            b.deleteLater()
        self.choice_buttons = []
        if entry is None:
            self._set_review_enabled(False)
            return
        flag = entry.flag
        from ...marking import reason_text
        self._set_review_enabled(True)
        Op(self, lambda ws: ws.marking.flag_crop(flag.id)) \
            .latest_only("marking-crop").success(self._show_crop).run()
        levels = ", ".join(f"{c} {v:.0%}" for c, v in zip(flag.choices, flag.levels)
                           if v >= 0.05)
        self.flag_text.setText(self.tr("{reason}\nSeen: {seen} · darkness: {levels}").format(
            reason=reason_text(flag.reason, self.app.ui_language()),
            seen=flag.detected or "–", levels=levels or "–"))
        is_number = flag.question == "candidate"
        self.number_edit.setVisible(is_number)
        if is_number:
            self.number_edit.setText((entry.candidate or "").replace("?", ""))
            self.number_edit.setFocus()
            return
        picked = set(flag.detected.split(" ")[0]) if flag.reason in ("double", "erased",
                                                                      "outside") else set()
        for k, letter in enumerate(flag.choices):
            b = QPushButton(letter)
            b.setCheckable(True)
            b.setChecked(letter in picked)
            b.setFocusPolicy(Qt.NoFocus)
            b.setToolTip(self.tr("Key {letter}").format(letter=letter))
            self.choice_row.addWidget(b)
            self.choice_buttons.append(b)

    def _show_crop(self, png: bytes) -> None:
        pix = QPixmap()
        pix.loadFromData(png, "PNG")
        if not pix.isNull():
            target = max(200, self.crop.width() - 8)
            self.crop.setPixmap(pix.scaledToWidth(min(target, pix.width() * 3),
                                                  Qt.SmoothTransformation))

    def _toggle(self, k: int) -> None:
        entry = self.current_entry()
        if entry is None or k >= len(self.choice_buttons):
            return
        if not entry.flag.multiple:  # one letter: pick it, or unpick it when it is alone
            alone = [b.isChecked() for b in self.choice_buttons] == [j == k for j in range(
                len(self.choice_buttons))]
            for j, b in enumerate(self.choice_buttons):
                b.setChecked(j == k and not alone)
        else:
            b = self.choice_buttons[k]
            b.setChecked(not b.isChecked())

    def _clear_choice(self) -> None:
        for b in self.choice_buttons:
            b.setChecked(False)
        if self.number_edit.isVisible():
            self.number_edit.clear()

    def _step(self, step: int) -> None:
        row = self.flag_list.currentRow() + step
        if 0 <= row < self.flag_list.count():
            self.flag_list.setCurrentRow(row)

    def _decide(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if entry.flag.question == "candidate":
            value = self.number_edit.text().strip()
        else:
            value = "".join(b.text() for b in self.choice_buttons if b.isChecked())
        try:
            by = getpass.getuser()
        except (KeyError, OSError):  # no user name in this environment
            by = ""

        flag_id = entry.flag.id
        Op(self, lambda ws: ws.marking.resolve(flag_id, value, by)) \
            .success(lambda _: self.refresh()).run()
