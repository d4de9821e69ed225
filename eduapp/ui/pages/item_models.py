"""The Item models page: edit cognitive/item models and knowledge tables, see a live
preview of the items they generate with counts, import and export JSON, and generate
drafts into the bank (automatic item generation, offline).

The page holds no logic of its own: it turns its tables into the model's JSON shape
(:mod:`eduapp.authoring.aig`), and every generation runs through ``Op``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QSpinBox, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ...authoring.aig import (AigSource, ItemModel, KnowledgeTable, count_combinations,
                              count_table_items, generate, load_file, proposed_tables,
                              save_user_model)
from ...domain import Changes
from ...errors import EduAppError
from ..ops import Op, error_text, show_error
from ..flow_layout import FlowLayout
from ..page import Page
from ..rich_text import labelled

if TYPE_CHECKING:
    from ...workspace import Workspace

ERROR_STYLE = "color: #b91c1c;"
OK_STYLE = "color: #0f766e;"
#: Items shown in the live preview.
PREVIEW_COUNT = 8

_RANGE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)"
                    r"(?:\s+step\s+(\d+(?:\.\d+)?))?\s*$")


def values_to_text(var: dict) -> str:
    """A variable's domain as one table cell: ``a | b | c``, ``120..140 step 2``,
    ``= na - cl - hco3``, or JSON when values are objects."""
    if var.get("formula"):
        return f"= {var['formula']}"
    if "range" in var:
        r = var["range"]
        return f"{r['min']}..{r['max']} step {r.get('step', 1)}"
    values = var.get("values") or []
    if any(isinstance(v, dict) or (isinstance(v, str) and ("|" in v or not v.strip()))
           for v in values):
        return json.dumps(values, ensure_ascii=False)
    return " | ".join(str(v) for v in values)


def _number(text: str):
    try:
        v = float(text)
    except ValueError:
        return text
    return int(v) if v.is_integer() and "." not in text else v


def text_to_values(text: str) -> dict:
    """The inverse of :func:`values_to_text`: ``{"values": [...]}``, ``{"range": {...}}``
    or ``{"formula": ...}``. :raises ValueError: JSON that does not parse."""
    t = text.strip()
    if t.startswith("="):
        return {"formula": t[1:].strip()}
    if t.startswith("["):
        return {"values": json.loads(t)}
    m = _RANGE.match(t)
    if m:
        return {"range": {"min": _number(m.group(1)), "max": _number(m.group(2)),
                          "step": _number(m.group(3) or "1")}}
    return {"values": [_number(v.strip()) for v in t.split("|")]} if t else {"values": []}


class ItemModelsPage(Page):
    """Edit item models and knowledge tables, preview, import/export, generate.

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.sources: list[AigSource] = []
        self.current: ItemModel | KnowledgeTable | None = None
        self._loading = False
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(400)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build()
        self.reload_sources()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Item models"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr(
            "Automatic item generation, offline: a cognitive model and an item model (or a "
            "table from a lecture note) make many questions at once. Edit the variables, "
            "scenarios and answers, watch the preview, then generate drafts for review."))
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        split = QSplitter(Qt.Horizontal)
        layout.addWidget(split, 1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.source_list = QListWidget()
        # long titles wrap onto a second line instead of being cut; the whole title and
        # the id are the tooltip
        self.source_list.setWordWrap(True)
        self.source_list.setTextElideMode(Qt.ElideNone)
        self.source_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.source_list.setResizeMode(QListWidget.Adjust)
        self.source_list.setMinimumWidth(180)
        self.source_list.setSpacing(2)
        # wrapped rows get their height again whenever the list's width changes
        self.source_list.installEventFilter(self)
        self.source_list.currentRowChanged.connect(self._open_row)
        lv.addWidget(self.source_list, 1)
        row = FlowLayout()  # the buttons wrap when the list is narrow
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.export_button.clicked.connect(self.export_file)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        self.save_button = QPushButton(self.tr("Save as mine"))
        self.save_button.setToolTip(self.tr("Keep this model in your data folder; it is "
                                            "listed first from now on"))
        self.save_button.clicked.connect(self.save_model)
        self.draft_button = QPushButton(self.tr("Draft with a language model…"))
        self.draft_button.setToolTip(self.tr("A strong provider drafts a model from a topic "
                                             "for you to correct (not the built-in model)"))
        self.draft_button.clicked.connect(self.draft_model)
        row.addWidget(self.save_button)
        row.addWidget(self.draft_button)
        self.propose_button = QPushButton(self.tr("Tables from lecture notes…"))
        self.propose_button.setToolTip(self.tr("Tables in the bank's notes and case studies "
                                               "that could become knowledge tables"))
        self.propose_button.clicked.connect(self.propose_tables)
        row.addWidget(self.propose_button)
        lv.addLayout(row)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        rv.addWidget(self.tabs, 3)
        self._build_model_tab()
        self.variables = self._table([self.tr("Name"), self.tr("Values, range or = formula"),
                                      self.tr("Unit"), self.tr("Decimals"), self.tr("Source")])
        self.variables.setColumnWidth(1, 320)
        self.tabs.addTab(self._with_buttons(self.variables), self.tr("Variables"))
        self.scenarios = self._table([self.tr("Id"), self.tr("Label"), self.tr("Answer"),
                                      self.tr("Values (JSON)"), self.tr("Constraints")])
        self.scenarios.setColumnWidth(3, 320)
        self.tabs.addTab(self._with_buttons(self.scenarios), self.tr("Scenarios"))
        self.answers = self._table([self.tr("Id"), self.tr("Option text"),
                                    self.tr("Why correct"), self.tr("Why wrong")])
        self.tabs.addTab(self._with_buttons(self.answers), self.tr("Answers"))
        self.rules = self._table([self.tr("When"), self.tr("Key answer")])
        self.tabs.addTab(self._with_buttons(self.rules), self.tr("Key rules"))
        self.table_view = self._table([])
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.directions = self._table([self.tr("From column"), self.tr("To column"),
                                       self.tr("Stem template ({cue})")])
        tw = QWidget()
        tv = QVBoxLayout(tw)
        tv.addWidget(QLabel(self.tr("Knowledge table (edit it in the lecture note)")))
        tv.addWidget(self.table_view, 2)
        tv.addWidget(QLabel(self.tr("Question directions: row cue column → asked column")))
        tv.addWidget(self._with_buttons(self.directions), 1)
        self.tabs.addTab(tw, self.tr("Table"))
        self.json_edit = QPlainTextEdit()
        self.apply_json_button = QPushButton(self.tr("Apply JSON"))
        self.apply_json_button.clicked.connect(self.apply_json)
        jw = QWidget()
        jv = QVBoxLayout(jw)
        jv.addWidget(self.json_edit)
        jv.addWidget(self.apply_json_button, 0, Qt.AlignRight)
        self.tabs.addTab(jw, self.tr("JSON"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        rv.addWidget(self.message)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        rv.addWidget(self.counts)
        self.preview = QTextBrowser()
        rv.addWidget(self.preview, 2)
        gen = QHBoxLayout()
        gen.addWidget(QLabel(self.tr("Questions:")))
        self.count = QSpinBox()
        self.count.setRange(1, 5000)
        self.count.setValue(20)
        gen.addWidget(self.count)
        gen.addWidget(QLabel(self.tr("Seed:")))
        self.seed = QSpinBox()
        self.seed.setRange(0, 999999)
        self.seed.setValue(1)
        gen.addWidget(self.seed)
        gen.addStretch(1)
        self.generate_button = QPushButton(self.tr("Generate drafts into the bank"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate_into_bank)
        gen.addWidget(self.generate_button)
        rv.addLayout(gen)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 700])  # the list a third, the model two thirds

    def _build_model_tab(self) -> None:
        w = QWidget()
        form = QFormLayout(w)
        self.model_id = QLineEdit()
        self.model_title = QLineEdit()
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.problem = QLineEdit()
        self.stem = QPlainTextEdit()
        self.stem.setMaximumHeight(90)
        self.lead_in = QLineEdit()
        self.explanation = QPlainTextEdit()
        self.explanation.setMaximumHeight(70)
        self.option_count = QSpinBox()
        self.option_count.setRange(3, 6)
        self.constraints = QLineEdit()
        self.constraints.setPlaceholderText(self.tr("expressions separated by ;"))
        form.addRow(self.tr("Id"), self.model_id)
        form.addRow(self.tr("Title"), self.model_title)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Problem (cognitive model)"), self.problem)
        form.addRow(self.tr("Stem template"), self.stem)
        form.addRow(self.tr("Lead-in"), self.lead_in)
        form.addRow(self.tr("Explanation template"), self.explanation)
        form.addRow(self.tr("Options per item"), self.option_count)
        form.addRow(self.tr("Constraints"), self.constraints)
        for widget in (self.model_id, self.model_title, self.problem, self.lead_in,
                       self.constraints):
            widget.textEdited.connect(self._edited)
        for widget in (self.stem, self.explanation):
            widget.textChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        self.option_count.valueChanged.connect(self._edited)
        self.tabs.addTab(w, self.tr("Model"))

    def _table(self, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        t.horizontalHeader().setStretchLastSection(True)
        t.itemChanged.connect(self._edited)
        return t

    def _with_buttons(self, table: QTableWidget) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(table, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add row"))
        remove = QPushButton(self.tr("Remove row"))
        add.clicked.connect(lambda: self._add_row(table))
        remove.clicked.connect(lambda: self._remove_row(table))
        table.add_button, table.remove_button = add, remove
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        v.addLayout(row)
        return w

    def _add_row(self, table: QTableWidget) -> None:
        table.insertRow(table.rowCount())
        table.setCurrentCell(table.rowCount() - 1, 0)

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._edited()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        """Re-lay the model list out when it is resized, so a title wrapped at the old
        width is not cut at the new one."""
        if watched is self.source_list and event.type() == QEvent.Resize:
            QTimer.singleShot(0, self.source_list.doItemsLayout)
        return super().eventFilter(watched, event)

    # -- sources --------------------------------------------------------------------------

    def reload_sources(self, select: str | None = None) -> None:
        """Reload the list of models and tables (shipped, the teacher's, the bank's)."""
        def done(sources):
            self.sources = sources
            self.source_list.blockSignals(True)
            self.source_list.clear()
            for s in sources:
                kind = self.tr("table") if s.kind == "table" else self.tr("model")
                # the kind on a line of its own: a title never shares a line with text
                # of the other script (Qt reckons such a line too low and cuts it)
                entry = QListWidgetItem(f"{s.title}\n{kind} · {s.language}")
                entry.setData(Qt.UserRole, s.id)
                entry.setToolTip(f"{s.title}\n{s.id}")
                self.source_list.addItem(entry)
            self.source_list.blockSignals(False)
            ids = [s.id for s in sources]
            row = ids.index(select) if select in ids else (0 if ids else -1)
            self.source_list.setCurrentRow(row)
            if row >= 0:
                self._open_row(row)
        Op(self, lambda ws: ws.item_model_sources()).latest_only(
            "aig-sources").success(done).run()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.sources):
            self.show_model(self.sources[row].model)

    def show_model(self, model: ItemModel | KnowledgeTable) -> None:
        """Fill the editor from ``model`` and refresh the preview."""
        self.current = model
        self._loading = True
        try:
            d = model.to_dict()
            is_table = isinstance(model, KnowledgeTable)
            self.model_id.setText(model.id)
            self.model_title.setText(model.title)
            self.language.setCurrentIndex(max(0, self.language.findData(model.language)))
            for w in (self.problem, self.stem, self.lead_in, self.explanation,
                      self.option_count, self.constraints, self.model_id):
                w.setEnabled(not is_table)
            if is_table:
                for w in (self.problem, self.lead_in, self.constraints):
                    w.clear()
                self.stem.clear()
                self.explanation.clear()
                for t in (self.variables, self.scenarios, self.answers, self.rules):
                    t.setRowCount(0)
                self._fill(self.directions, [[str(x.source), str(x.target), x.stem]
                                             for x in model.directions])
                self.table_view.setColumnCount(len(model.header))
                self.table_view.setHorizontalHeaderLabels(
                    [f"{i}: {h}" for i, h in enumerate(model.header)])
                self._fill(self.table_view, model.rows)
            else:
                self.problem.setText(model.cognitive_model.get("problem", ""))
                self.stem.setPlainText(model.stem)
                self.lead_in.setText(model.lead_in)
                self.explanation.setPlainText(model.explanation)
                self.option_count.setValue(model.option_count)
                self.constraints.setText("; ".join(model.constraints))
                self._fill(self.variables, [[v["name"], values_to_text(v), v.get("unit", ""),
                                             str(v.get("decimals", 0)), v.get("source", "")]
                                            for v in d["variables"]])
                self._fill(self.scenarios, [
                    [s["id"], s.get("label", ""), s.get("answer", ""),
                     json.dumps(s.get("values", {}), ensure_ascii=False),
                     "; ".join(s.get("constraints", []))] for s in d["scenarios"]])
                self._fill(self.answers, [
                    [a["id"], a["text"], a["why_correct"],
                     a["why_wrong"] if isinstance(a["why_wrong"], str)
                     else json.dumps(a["why_wrong"], ensure_ascii=False)]
                    for a in d["answers"]])
                self._fill(self.rules, [[r["when"], r["answer"]] for r in d.get("key_rules", [])])
                self.directions.setRowCount(0)
                self.table_view.setRowCount(0)
            self.json_edit.setPlainText(json.dumps(d, ensure_ascii=False, indent=1))
            table_tab = self.tabs.indexOf(self.table_view.parentWidget())
            if is_table:
                self.tabs.setCurrentIndex(table_tab)
            elif self.tabs.currentIndex() == table_tab:
                self.tabs.setCurrentIndex(0)
        finally:
            self._loading = False
        self.refresh_preview()

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(text)))
        table.blockSignals(False)

    @staticmethod
    def _cell(table: QTableWidget, r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text().strip() if item is not None else ""

    # -- editing ----------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._preview_timer.start()

    def model_from_editor(self) -> ItemModel | KnowledgeTable:
        """The model the widgets describe.

        :raises EduAppError: a cell that does not parse, or a model that is not valid
            (the reason, as a sentence).
        """
        if isinstance(self.current, KnowledgeTable):
            t = self.current
            spec = t.to_dict()
            spec["directions"] = []
            for r in range(self.directions.rowCount()):
                src, dst = self._cell(self.directions, r, 0), self._cell(self.directions, r, 1)
                if not src and not dst:
                    continue
                if not (src.isdigit() and dst.isdigit()):
                    raise EduAppError(self.tr("Direction {0}: the columns are numbers "
                                              "(0, 1, 2 …)").format(r + 1))
                spec["directions"].append({"from": int(src), "to": int(dst),
                                           "stem": self._cell(self.directions, r, 2)})
            model = KnowledgeTable.from_dict(spec, source=t.source)
            model.table_index = t.table_index
            return model
        d = dict(self.current.to_dict()) if isinstance(self.current, ItemModel) else {}
        d.update({"format": "eduapp-item-model", "version": 1,
                  "id": self.model_id.text().strip(), "title": self.model_title.text().strip(),
                  "language": self.language.currentData(),
                  "stem": self.stem.toPlainText().strip(), "lead_in": self.lead_in.text().strip(),
                  "explanation": self.explanation.toPlainText().strip(),
                  "options": {"count": self.option_count.value()},
                  "constraints": [c.strip() for c in self.constraints.text().split(";")
                                  if c.strip()]})
        cm = dict(d.get("cognitive_model") or {})
        cm["problem"] = self.problem.text().strip()
        d["cognitive_model"] = cm
        variables = []
        for r in range(self.variables.rowCount()):
            name = self._cell(self.variables, r, 0)
            if not name:
                continue
            try:
                v = {"name": name, **text_to_values(self._cell(self.variables, r, 1))}
            except ValueError:
                raise EduAppError(self.tr("Variable {0}: the values are not valid JSON")
                                  .format(name)) from None
            unit, dec, src = (self._cell(self.variables, r, c) for c in (2, 3, 4))
            if unit:
                v["unit"] = unit
            if dec:
                if not dec.isdigit():
                    raise EduAppError(self.tr("Variable {0}: decimals must be a whole "
                                              "number").format(name))
                v["decimals"] = int(dec)
            if src:
                v["source"] = src
            old = next((x for x in self.current.to_dict()["variables"] if x["name"] == name),
                       {}) if isinstance(self.current, ItemModel) else {}
            for keep in ("label", "trim"):
                if keep in old:
                    v[keep] = old[keep]
            variables.append(v)
        d["variables"] = variables
        scenarios = []
        for r in range(self.scenarios.rowCount()):
            sid = self._cell(self.scenarios, r, 0)
            if not sid:
                continue
            raw = self._cell(self.scenarios, r, 3) or "{}"
            try:
                values = json.loads(raw)
            except ValueError:
                raise EduAppError(self.tr("Scenario {0}: the values are not valid JSON")
                                  .format(sid)) from None
            s = {"id": sid, "label": self._cell(self.scenarios, r, 1),
                 "answer": self._cell(self.scenarios, r, 2), "values": values,
                 "constraints": [c.strip() for c in self._cell(self.scenarios, r, 4).split(";")
                                 if c.strip()]}
            old = next((x for x in self.current.to_dict()["scenarios"] if x["id"] == sid),
                       {}) if isinstance(self.current, ItemModel) else {}
            for keep in ("distractors", "exclude"):
                if keep in old:
                    s[keep] = old[keep]
            scenarios.append(s)
        d["scenarios"] = scenarios
        answers = []
        for r in range(self.answers.rowCount()):
            aid = self._cell(self.answers, r, 0)
            if not aid:
                continue
            wrong = self._cell(self.answers, r, 3)
            if wrong.startswith('{"'):  # per-scenario texts; "{na} is ..." is a template
                try:
                    wrong = json.loads(wrong)
                except ValueError:
                    raise EduAppError(self.tr("Answer {0}: \"why wrong\" is not valid JSON")
                                      .format(aid)) from None
            answers.append({"id": aid, "text": self._cell(self.answers, r, 1),
                            "why_correct": self._cell(self.answers, r, 2), "why_wrong": wrong})
        d["answers"] = answers
        d["key_rules"] = [{"when": self._cell(self.rules, r, 0),
                           "answer": self._cell(self.rules, r, 1)}
                          for r in range(self.rules.rowCount())
                          if self._cell(self.rules, r, 0)]
        return ItemModel.from_dict(d)

    def apply_json(self) -> None:
        """Replace the model with the JSON tab's text."""
        try:
            raw = json.loads(self.json_edit.toPlainText())
        except ValueError as e:
            self._say(self.tr("The JSON does not parse: {0}").format(e), error=True)
            return
        try:
            model = (KnowledgeTable.from_dict(raw) if raw.get("format") ==
                     "eduapp-knowledge-table" else ItemModel.from_dict(raw))
        except EduAppError as e:
            self._say(error_text(e), error=True)
            return
        self.show_model(model)

    # -- preview and generation -----------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    def refresh_preview(self) -> None:
        """Rebuild the model from the editor and show its counts and a few items."""
        if self.current is None:
            return
        try:
            model = self.model_from_editor()
        except EduAppError as e:
            self._say(error_text(e), error=True)
            self.counts.setText(self.tr("No preview: fix the model first."))
            return
        seed = self.seed.value()

        def work(_ws):
            total = (count_combinations(model) if isinstance(model, ItemModel)
                     else count_table_items(model))
            return total, generate(model, count=PREVIEW_COUNT, seed=seed)

        def done(result):
            total, report = result
            self.current = model
            self._say(self.tr("The model is valid."))
            self.counts.setText(self.tr(
                "{0} possible questions · preview of {1} · {2} flagged by the gate · "
                "{3} duplicates dropped · {4} rejected").format(
                    total, len(report.items), report.flagged,
                    report.duplicates + report.near_duplicates, report.rejected))
            self.preview.setHtml(self._preview_html(report.items))

        def failed(error):
            self._say(error_text(error), error=True)
            self.counts.setText(self.tr("No preview: fix the model first."))

        Op(self, work).latest_only("aig-preview").success(done).failure(failed).run()

    def _preview_html(self, items) -> str:
        from html import escape
        parts = []
        for n, item in enumerate(items, 1):
            def option(o) -> str:
                if o.match:
                    return f"<li>{escape(o.text)} → {escape(o.match)}</li>"
                if o.correct:
                    return f"<li><b>{escape(o.text)}</b> ✓</li>"
                return f"<li>{escape(o.text)}</li>"
            opts = "".join(option(o) for o in item.options)
            flags = "".join(f"<div style='color:#b45309'>⚠ {escape(f.rule)}: "
                            f"{escape(f.message)}</div>"
                            for f in item.findings if f.severity != "info")
            parts.append(labelled(f"{n}.", item.full_stem)
                         + f"<ol type='A'>{opts}</ol>{flags}")
        return "".join(parts)

    def generate_into_bank(self) -> None:
        """Generate the chosen number of drafts into the bank."""
        try:
            model = self.model_from_editor()
        except EduAppError as e:
            self._say(error_text(e), error=True)
            return
        kind = "table" if isinstance(model, KnowledgeTable) else "item-model"
        source = AigSource(model.id, model.title, model.language, kind, model)
        count, seed = self.count.value(), self.seed.value()

        def done(stored):
            self._say(self.tr("{0} draft questions stored in the bank for review ({1} were "
                              "there already). Open the Item bank or the Generate page's "
                              "review queue to approve them.").format(
                                  len(stored.items), stored.already_in_bank))

        Op(self, lambda ws: ws.generate_from_model(source, count=count, seed=seed)) \
            .with_progress(self.tr("Generating questions…")).success(done).run()

    # -- files ------------------------------------------------------------------------------

    def import_file(self) -> None:
        """Open an item-model or knowledge-table JSON (or a Markdown file with tables)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an item model"), "",
            self.tr("Item models and tables (*.json *.md);;All files (*)"))
        if not path:
            return
        try:
            found = load_file(path)
        except EduAppError as e:
            show_error(self, e)
            return
        self.show_model(found[0].model)
        self._say(self.tr("Imported {0} from {1}. Save it to keep it in your list.")
                  .format(found[0].title, path))

    def export_file(self) -> None:
        """Write the model in the editor to a JSON file."""
        try:
            model = self.model_from_editor()
        except EduAppError as e:
            show_error(self, e)
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the item model"),
                                              f"{model.id}.json", self.tr("JSON (*.json)"))
        if not path:
            return
        try:
            from ...authoring.aig.model import write_json
            write_json(path, model.to_dict())
        except EduAppError as e:
            show_error(self, e)
            return
        self._say(self.tr("Exported to {0}.").format(path))

    def save_model(self) -> None:
        """Save the model in the teacher's folder and list it; a table from a note in the
        bank is marked in that note instead."""
        try:
            model = self.model_from_editor()
        except EduAppError as e:
            show_error(self, e)
            return
        if isinstance(model, KnowledgeTable) and model.source.startswith("document:"):
            def marked(doc):
                self._say(self.tr("Marked as a knowledge table in “{0}”.").format(doc.title))
                self.reload_sources(select=model.id)
            Op(self, lambda ws: ws.mark_knowledge_table(model)) \
                .success(lambda saved: marked(saved.value)).run()
            return
        try:
            path = save_user_model(self.app.data_dir, model)
        except EduAppError as e:
            show_error(self, e)
            return
        self._say(self.tr("Saved as {0}.").format(path))
        self.reload_sources(select=model.id)

    def propose_tables(self) -> None:
        """Offer the unmarked tables of the bank's notes; the chosen one opens in the
        editor with first column → every other column as its directions."""
        def choose(tables):
            if not tables:
                self._say(self.tr("No unmarked table with 4 or more rows in the notes of the "
                                  "bank."), error=True)
                return
            titles = [t.title for t in tables]
            title, ok = QInputDialog.getItem(self, self.tr("Tables from lecture notes"),
                                             self.tr("Make a knowledge table of:"), titles, 0,
                                             False)
            if not ok:
                return
            self.show_model(tables[titles.index(title)])
            self._say(self.tr("Proposed: check the question directions, then save to mark "
                              "the table in its note."))
        Op(self, lambda ws: proposed_tables(ws.bank)).success(choose).run()

    def draft_model(self) -> None:
        """Ask the default provider to draft a model from a topic."""
        topic, ok = QInputDialog.getText(self, self.tr("Draft an item model"),
                                         self.tr("Topic (a strong provider is needed):"))
        if not ok or not topic.strip():
            return
        language = self.language.currentData() or "en"
        def work(ws: Workspace, ctx):
            return ws.draft_item_model(topic.strip(), language, cancel=ctx.cancelled)[0]

        def done(model):
            self.show_model(model)
            self._say(self.tr("Draft written by a language model: check every value, rule "
                              "and explanation, then save it."))

        Op(self, work).with_progress(self.tr("Drafting an item model…"), cancellable=True) \
            .success(done).run()

    def on_changes(self, changes: Changes) -> None:
        """Documents changed: their marked tables may have too."""
        if changes.documents:
            self.reload_sources(select=self.current.id if self.current else None)
