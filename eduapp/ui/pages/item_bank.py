"""The item bank page: search, filters, the item table, the editor, history, delete with
undo, import and export."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCollator, QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QSplitter, QTableView, QTextBrowser, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ...bank import ItemFilter
from ...domain import EXAM_TYPE_INFO, EXAM_TYPES, ITEM_TYPES, STATUSES, Changes, Item, Option
from ...errors import ApprovalBlockedError, describe_record
from ..app import current_language
from ..item_editor import ItemEditor
from ..item_history import choose_version
from ..models import ItemTableModel
from ..approval import confirm_approval, user_name
from ..ops import Op, error_text, show_error
from ...domain import facet_name, topic_name
from ..flow_layout import FlowLayout
from ..page import Page
from ..transfer_dialogs import ExportDialog, ImportDialog
from ..trash_dialog import TrashDialog


class ItemBankPage(Page):
    """Browse, search, filter, edit, delete (with undo), import and export items; the
    trash; Ctrl+Z undoes the last delete or edit (several steps back).

    :param app: the :class:`~eduapp.ui.app.App`.
    """

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.model = ItemTableModel(app.bank, self)
        self._last_deleted: list[int] = []
        #: what Ctrl+Z undoes, newest last: ``("delete", ids)`` or ``("edit", id, version)``
        self._undo: list[tuple] = []
        self._facets_loaded = False
        self._wanted_filters: dict[str, object] = {}  # kept over a rebuilt window
        self._build()
        self.run_query()  # the rows first; the filter menus fill once they are shown

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Item bank"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        # the search box and the filters wrap onto a second line in a narrow window
        bar = FlowLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search stems, options, explanations, tags "
                                               "(English or 中文)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self._debounce.start())
        self.search.setMinimumWidth(220)
        bar.addWidget(self.search, 4)
        self.filters: dict[str, QComboBox] = {}
        for key, label in (("type", self.tr("Type")), ("exam_type", self.tr("Exam type")),
                           ("topic", self.tr("Topic")), ("system", self.tr("System")),
                           ("tag", self.tr("Tag")),
                           ("status", self.tr("Status")), ("language", self.tr("Language")),
                           ("reviewed", self.tr("Last review"))):
            box = QComboBox()
            box.setToolTip(label)
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.currentIndexChanged.connect(lambda _=0: self.run_query())
            # the full choice as a tooltip: narrow boxes cut "X: multiple response (…)" short
            box.currentIndexChanged.connect(
                lambda _=0, b=box, name=label: b.setToolTip(f"{name}: {b.currentText()}"))
            self.filters[key] = box
            bar.addWidget(box, 1)
        layout.addLayout(bar)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(180)
        self._debounce.timeout.connect(self.run_query)

        split = QSplitter()
        # the category tree (Moodle-style paths "Medicine/Cardiology"): choosing a
        # category shows its items and those of its sub-categories
        self.category_tree = QTreeWidget()
        self.category_tree.setHeaderLabel(self.tr("Categories"))
        self.category_tree.setMinimumWidth(120)
        self.category_tree.itemSelectionChanged.connect(self._category_chosen)
        self.category_tree.setVisible(False)  # shown once the bank has categories
        split.addWidget(self.category_tree)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setWordWrap(False)
        for col, width in enumerate((60, 70, 420, 140, 110, 70, 60, 80, 50, 120)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        left_layout.addWidget(self.table, 1)
        actions = FlowLayout()  # wraps in a narrow window: no button is cut
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New item"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setShortcut("Delete")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setEnabled(False)
        self.preview_button = QPushButton(self.tr("Preview as student…"))
        self.preview_button.setToolTip(self.tr("Try the selected item as a student sees it "
                                               "in practice."))
        self.preview_button.clicked.connect(self.preview_as_student)
        self.trash_button = QPushButton(self.tr("Trash…"))
        self.trash_button.clicked.connect(self.show_trash)
        # Ctrl+Z on the page (a text box with focus keeps its own typing undo)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo_last)
        self.addAction(self.undo_action)
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.new_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_last)
        self.import_button.clicked.connect(self.import_files)
        self.export_button.clicked.connect(self.export_items)
        actions.addWidget(self.count_label)
        for b in (self.new_button, self.delete_button, self.undo_button, self.preview_button,
                  self.trash_button, self.import_button, self.export_button):
            actions.addWidget(b)
        left_layout.addLayout(actions)
        split.addWidget(left)
        self.editor = ItemEditor(self.app.bank)
        self.editor.ui_language = lambda: "zh" if self.app.ui_language() == "zh" else "en"
        self.editor.save_requested.connect(self.save_item)
        self.editor.history_requested.connect(self.show_history)
        self.editor.set_requested.connect(self.edit_set)
        right = QSplitter(Qt.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self.editor)
        self.evidence = QTextBrowser()
        self.evidence.setMinimumHeight(60)
        self.evidence.setPlaceholderText(self.tr("Statistics: select an item."))
        right.addWidget(self.evidence)
        right.setStretchFactor(0, 5)
        right.setStretchFactor(1, 1)
        right.setSizes([600, 110])
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([150, 640, 480])
        # dragging a divider never hides the editor (and its Save button) or the list
        split.setChildrenCollapsible(False)
        self.editor.setMinimumWidth(340)
        left.setMinimumWidth(260)
        layout.addWidget(split, 1)

    # -- filters and query --------------------------------------------------------------

    def refresh_facets(self) -> None:
        """Refill the filter menus from the bank (read off the GUI thread: distinct tags
        over 100,000 items take a second), keeping the current choices."""
        Op(self, lambda ws: ws.bank.facets()).latest_only("item-bank-facets") \
            .success(self._fill_facets).run()

    def _named(self, values: list[str], name) -> list[tuple[str, str]]:
        """``(stored value, name in the interface language)`` of ``values``, sorted by
        name (Chinese names by pinyin); ``name`` is :func:`~eduapp.domain.topic_name` or
        :func:`~eduapp.domain.facet_name`."""
        ui = self.app.ui_language()
        collator = QCollator(QLocale(QLocale.Chinese, QLocale.China) if ui == "zh"
                             else QLocale(QLocale.English))
        collator.setCaseSensitivity(Qt.CaseInsensitive)
        pairs = [(v, name(v, ui)) for v in values if v]
        return sorted(pairs, key=lambda p: collator.sortKey(p[1]))

    def _fill_facets(self, facets: dict) -> None:
        zh = self.app.ui_language() == "zh"
        this_year = time.localtime().tm_year
        labels = {"type": [(t, self.editor.type_label(t)) for t in ITEM_TYPES],
                  # every exam type, saying which exam uses it (X: 考研, TF/SAQ: course exams)
                  "exam_type": [(t, EXAM_TYPE_INFO[t]["zh" if zh else "en"])
                                for t in EXAM_TYPES],
                  "reviewed": [(y, self.tr("Reviewed before {year} or never").format(year=y))
                               for y in range(this_year + 1, this_year - 9, -1)],
                  "status": [(s, self.editor.status_label(s)) for s in STATUSES],
                  "language": [("en", self.tr("English")), ("zh", self.tr("Chinese"))],
                  "topic": self._named(facets["topic"], topic_name),
                  "system": self._named(facets["system"], facet_name),
                  "tag": [(t, t) for t in facets["tag"]]}
        alls = {"type": self.tr("All types"), "topic": self.tr("All topics"),
                "system": self.tr("All systems"),
                "tag": self.tr("All tags"), "status": self.tr("All statuses"),
                "language": self.tr("All languages"), "exam_type": self.tr("All exam types"),
                "reviewed": self.tr("Any review date")}
        for key, box in self.filters.items():
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(alls[key], "")  # not None: PySide6 mis-counts None userData
            # wide enough for the "All ..." label in either language; longer choices
            # are elided and shown whole in the tooltip
            box.setMinimumContentsLength(max(10, QFontMetrics(box.font()).horizontalAdvance(
                alls[key]) // max(1, QFontMetrics(box.font()).horizontalAdvance("x")) + 1))
            for value, label in labels[key]:
                box.addItem(label, value)
            wanted = self._wanted_filters.pop(key, None)
            index = box.findData(wanted if wanted else current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self.editor.set_systems(facets["system"])
        self._fill_categories(facets.get("category", []))

    def _fill_categories(self, paths: list[str]) -> None:
        """Show the category paths as a tree under "All categories", keeping the choice;
        the tree hides while the bank has no categories."""
        current = self.current_category()
        tree = self.category_tree
        tree.blockSignals(True)
        tree.clear()
        root = QTreeWidgetItem([self.tr("All categories")])
        root.setData(0, Qt.UserRole, "")
        tree.addTopLevelItem(root)
        nodes: dict[str, QTreeWidgetItem] = {"": root}
        chosen = root
        for path in paths:
            parts = [p for p in path.strip("/").split("/") if p]
            for depth in range(len(parts)):
                key = "/".join(parts[:depth + 1])
                if key not in nodes:
                    node = QTreeWidgetItem(nodes["/".join(parts[:depth])], [parts[depth]])
                    node.setData(0, Qt.UserRole, key)
                    nodes[key] = node
                if key == current:
                    chosen = nodes[key]
        root.setExpanded(True)
        tree.setCurrentItem(chosen)
        chosen.setSelected(True)
        tree.blockSignals(False)
        tree.setVisible(len(nodes) > 1)

    def current_category(self) -> str:
        """The category path chosen in the tree (``""``: all)."""
        items = self.category_tree.selectedItems()
        return items[0].data(0, Qt.UserRole) or "" if items else ""

    def _category_chosen(self) -> None:
        self.run_query()

    def current_filter(self) -> ItemFilter:
        """The :class:`ItemFilter` the filter menus describe."""
        return self._filter_from({k: b.currentData() for k, b in self.filters.items()})

    def run_query(self) -> None:
        """Search (ranked) or list (newest first) with the current filters, off the GUI
        thread; a result that arrives after a newer query is dropped."""
        text = self.search.text().strip()
        filters = self.current_filter()
        Op(self, lambda ws: ws.bank.query_ids(text, filters, order="-id", prefix_last=True)) \
            .latest_only("item-bank-query").success(self._show_ids).run()

    def _show_ids(self, ids: list[int]) -> None:
        selected = self.selected_ids()
        sel = self.table.selectionModel()
        sel.blockSignals(True)  # a refresh is no reason to leave (or reload) the editor
        try:
            self.model.set_ids(ids)
            if selected:
                self.select_ids(selected)
        finally:
            sel.blockSignals(False)
        self.table.viewport().update()
        self.count_label.setText(self.tr("1 item") if len(ids) == 1 else
                                 self.tr("{n} items").format(n=len(ids)))
        if not self._facets_loaded:
            self._facets_loaded = True
            self.refresh_facets()

    # -- selection ----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.item_id(r) for r in rows]

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows showing ``ids`` (those that are shown)."""
        wanted = set(ids)
        sel = self.table.selectionModel()
        sel.clearSelection()
        for row, item_id in enumerate(self.model.ids):
            if item_id in wanted:
                sel.select(self.model.index(row, 0), QItemSelectionModel.Select |
                           QItemSelectionModel.Rows)
                if len(wanted) == 1:
                    self.table.scrollTo(self.model.index(row, 0))
                    break

    def save_state(self) -> dict:
        """The search, the filters and the editor (with unsaved edits) for a rebuilt
        window (a language change)."""
        return {"search": self.search.text(),
                "filters": {k: b.currentData() for k, b in self.filters.items()},
                "selected": self.selected_ids(), "editor": self.editor.save_state()}

    def restore_state(self, state: dict) -> None:
        """Take over what :meth:`save_state` returned."""
        self._wanted_filters = dict(state.get("filters") or {})
        self.search.blockSignals(True)
        self.search.setText(state.get("search", ""))
        self.search.blockSignals(False)
        self.editor.restore_state(state.get("editor") or {})
        selected = list(state.get("selected") or [])

        def show(ids):
            self._show_ids(ids)
            sel = self.table.selectionModel()
            sel.blockSignals(True)
            self.select_ids(selected)
            sel.blockSignals(False)
        filters = self._filter_from(self._wanted_filters)
        text = self.search.text().strip()
        Op(self, lambda ws: ws.bank.query_ids(text, filters, order="-id", prefix_last=True)) \
            .latest_only("item-bank-query").success(show).run()

    def _filter_from(self, values: dict) -> ItemFilter:
        def one(key):
            value = values.get(key)
            return (value,) if value else ()
        year = values.get("reviewed")
        return ItemFilter(types=one("type"), topics=one("topic"), systems=one("system"),
                          tags=one("tag"),
                          statuses=one("status"), languages=one("language"),
                          exam_types=one("exam_type"), category=self.current_category(),
                          reviewed_before=int(year) if year else None)

    def can_leave(self) -> bool:
        """Whether the page may be left (another page, closing the window): asks what to
        do with unsaved edits in the editor (:meth:`ItemEditor.maybe_leave`)."""
        return self.editor.maybe_leave()

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        current = self.editor.item
        if current is not None and ids != [current.id] and not self.editor.maybe_leave():
            # Cancel: stay on the edited item
            sel = self.table.selectionModel()
            sel.blockSignals(True)
            if current.id is not None:
                self.select_ids([current.id])
            else:
                sel.clearSelection()
            sel.blockSignals(False)
            return
        if len(ids) == 1 and current is not None and current.id == ids[0]:
            return  # the item shown already (a refresh kept the selection)
        if len(ids) == 1:
            try:
                self.editor.set_item(self.app.bank.get_item(ids[0]))
            except Exception:  # noqa: BLE001 - deleted meanwhile
                self.editor.set_item(None)
        else:
            self.editor.set_item(None)
        self.refresh_evidence()

    # -- statistics and student preview -------------------------------------------------

    def refresh_evidence(self) -> None:
        """Show the selected item's practice statistics and marked sittings beside it
        (read off the GUI thread)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            self.evidence.clear()
            return
        item_id = ids[0]
        Op(self, lambda ws: ws.item_evidence(item_id)).latest_only("item-bank-evidence") \
            .success(self._show_evidence).failure(lambda _e: self.evidence.clear()).run()

    def _show_evidence(self, evidence) -> None:
        import html
        from ...practice.itemstats import describe
        lang = "zh" if self.app.ui_language() == "zh" else "en"

        def num(v, fmt="{:.2f}"):
            return "—" if v is None else fmt.format(v)
        parts = []
        st = evidence.practice
        if st is None or not st.n:
            parts.append(html.escape(self.tr("Practice: nobody has answered it yet.")))
        else:
            line = self.tr("Practice: {n} students · facility p = {p} · point-biserial "
                           "r_pb = {r}").format(n=st.n, p=num(st.p), r=num(st.r_pb))
            if st.mean_seconds:
                line += " · " + self.tr("{s:.0f} s on average").format(s=st.mean_seconds)
            parts.append(html.escape(line))
            parts += [f"⚠ {html.escape(describe(c, v, lang))}" for c, v in st.issues]
        if not evidence.sittings:
            parts.append(html.escape(self.tr("Exams: not in a marked sitting yet.")))
        for s in evidence.sittings[-5:]:
            when = time.strftime("%Y-%m-%d", time.localtime(s.get("sat_at") or 0))
            parts.append(html.escape(self.tr("Exam {exam} ({when}): {n} candidates · p = {p} · "
                                             "r_pb = {r}").format(
                exam=s.get("exam_id"), when=when, n=s.get("n", 0), p=num(s.get("p")),
                r=num(s.get("r_pb")))))
            for issue in s.get("issues") or []:
                values = {k: v for k, v in issue.items() if k != "code"}
                try:
                    parts.append(f"⚠ {html.escape(describe(issue['code'], values, lang))}")
                except (KeyError, ValueError, IndexError):
                    continue
        self.evidence.setHtml("<br/>".join(parts))

    def preview_as_student(self) -> None:
        """The Preview as student… button: the selected item as practice shows it."""
        from ..student_preview import StudentPreviewDialog
        ids = self.selected_ids()
        if len(ids) != 1:
            self.window().statusBar().showMessage(self.tr("Select one item to preview."), 4000)
            return
        item = self.app.bank.get_item(ids[0])
        vignette = self.app.workspace.set_vignette(item.set_uid)
        if vignette and vignette.strip() and vignette.strip() in item.full_stem:
            vignette = ""  # the item carries the case already
        StudentPreviewDialog(item, vignette, self).exec()

    # -- actions ------------------------------------------------------------------------

    def new_item(self) -> None:
        """Start a new single-best-answer item in the editor (stored on Save); unsaved
        edits of the item shown are asked about first."""
        if not self.editor.maybe_leave():
            return
        self.editor.set_item(None)
        self.table.clearSelection()
        language = "zh" if self.app.ui_language() == "zh" else "en"
        item = Item(type="sba", stem="", options=[Option("") for _ in range(5)],
                    language=language, provenance={"source": "manual"})
        self.editor.set_item(item)
        self.editor.stem.setFocus()

    def save_item(self, item: Item, override: bool = False) -> None:
        """Store the edited item (a new version when its content changed). Approving a
        flagged item asks first (:func:`~eduapp.ui.approval.confirm_approval`)."""
        by = user_name()

        def blocked(error):
            if isinstance(error, ApprovalBlockedError):
                if confirm_approval(self, error):
                    self.save_item(item, override=True)
                return
            show_error(self, error)
        before = item.version if item.id is not None else None
        self._store(lambda ws: ws.save_item(item, override=override, by=by), blocked, before)

    def _store(self, use_case, failed=None, before: int | None = None) -> None:
        """Run ``use_case(ws) -> Saved`` (an edit, a restored version) and show the item.
        With ``before`` (the item's version before the change), a new version can be
        undone with Ctrl+Z."""
        def saved(result):
            stored: Item = result.value
            if before is not None and stored.id is not None and stored.version > before:
                self._push_undo(("edit", stored.id, stored.version))
            self.model.invalidate()
            self.refresh_facets()
            if stored.id not in self.model.ids:
                self.run_query()
            shown = self.editor.item
            # the person may have moved on to another item while this one was saved
            if shown is not None and shown.uid == stored.uid and not self.editor.is_modified():
                self.editor.set_item(stored)
            self.window().statusBar().showMessage(
                self.tr("Saved item {id} (version {v}).").format(id=stored.id, v=stored.version),
                5000)
        op = Op(self, use_case).success(saved)
        if failed is not None:
            op.failure(failed)
        op.run()

    def delete_selected(self) -> None:
        """Move the selected items to the trash (whole sets for set members); undoable."""
        ids = self.selected_ids()
        if not ids:
            return

        def done(result):
            deleted, _changes = result
            self._last_deleted = deleted
            self._push_undo(("delete", list(deleted)))
            self.editor.set_item(None)
            self.run_query()
            self.window().statusBar().showMessage(
                (self.tr("Deleted 1 item. Press Undo delete (Ctrl+Z) to bring it back.")
                 if len(deleted) == 1 else
                 self.tr("Deleted {n} items. Press Undo delete (Ctrl+Z) to bring them back.")
                 .format(n=len(deleted))), 10000)
        Op(self, lambda ws: ws.delete_items(ids)).success(done).run()

    def _push_undo(self, step: tuple) -> None:
        self._undo.append(step)
        del self._undo[:-20]  # keep the last 20 steps
        self._undo_state()

    def _undo_state(self) -> None:
        """Enable the Undo button and say what it will undo."""
        self.undo_button.setEnabled(bool(self._undo))
        if not self._undo:
            self.undo_button.setToolTip(self.tr("Nothing to undo."))
        elif self._undo[-1][0] == "delete":
            n = len(self._undo[-1][1])
            self.undo_button.setToolTip(
                (self.tr("Undo the delete of 1 item (Ctrl+Z).") if n == 1 else
                 self.tr("Undo the delete of {n} items (Ctrl+Z).")).format(n=n))
        else:
            self.undo_button.setToolTip(self.tr("Undo the edit of item {id} (Ctrl+Z).")
                                        .format(id=self._undo[-1][1]))

    def undo_last(self) -> None:
        """Ctrl+Z / Undo: undo the last delete (the items come back from the trash) or
        the last edit (the version before it becomes current again, as a new version)."""
        if not self._undo:
            self.window().statusBar().showMessage(self.tr("Nothing to undo."), 4000)
            return
        step = self._undo.pop()
        self._undo_state()
        if step[0] == "delete":
            self.undo_delete(step[1])
            return
        _kind, item_id, version = step
        self._store(lambda ws: ws.undo_edit(item_id, version))

    def undo_delete(self, ids: list[int] | None = None) -> None:
        """Restore the items of the last delete (or ``ids``)."""
        ids = ids if ids is not None else self._last_deleted
        if not ids:
            return
        self._undo = [s for s in self._undo if s != ("delete", list(ids))]
        self._undo_state()

        def done(_n):
            self._last_deleted = []
            self.run_query()
            self.select_ids(ids)
        Op(self, lambda ws: ws.restore_items(ids)).success(done).run()

    def edit_set(self, set_uid: str) -> None:
        """Open the set editor for the set of the item shown (:func:`edit_set_of`)."""
        from ..set_editor import edit_set_of
        edit_set_of(self, self.editor, set_uid)

    def show_trash(self) -> None:
        """The Trash… button: list deleted items; restore them or empty the trash."""
        dialog = TrashDialog(self.app, self)
        dialog.exec()
        if dialog.restored:
            restored = set(dialog.restored)
            self._undo = [s for s in self._undo
                          if not (s[0] == "delete" and restored & set(s[1]))]
            self._undo_state()

    def show_history(self, item_id: int) -> None:
        """Show an item's versions; restoring one saves it as a new version."""
        version = choose_version(self.app.bank, item_id, self)
        if version is not None:
            current = self.app.bank.get_item(item_id).version
            self._store(lambda ws: ws.restore_version(item_id, version), before=current)

    def import_files(self) -> None:
        """The Import… button: the import dialog with no files chosen yet."""
        self.import_paths(None)

    def import_paths(self, paths: list[str] | None) -> None:
        """Open the import dialog on ``paths`` (preview, then import), then show the
        summary."""
        dialog = ImportDialog(self.app, paths, self)
        if not dialog.exec() or dialog.summary is None:
            return
        summary = dialog.summary
        self.refresh_facets()
        self.run_query()
        text = self.tr("Imported {i}, updated {u}, skipped {s}.").format(
            i=summary.imported, u=summary.updated, s=summary.skipped)
        if summary.errors:
            lines = [f"{os.path.basename(e['file'] or '')}"
                     f"{':' + str(e['line']) if e.get('line') else ''}: "
                     f"{describe_record(e, current_language())}"
                     for e in summary.errors[:20]]
            more = len(summary.errors) - len(lines)
            if more > 0:
                lines.append(self.tr("… and {n} more").format(n=more))
            QMessageBox.warning(self, self.tr("Import"), text + "\n\n" + "\n".join(lines))
        elif summary.warnings:
            lines = [f"{e['item'] or os.path.basename(e['file'] or '')}: "
                     f"{describe_record(e, current_language())}" for e in summary.warnings[:20]]
            QMessageBox.information(self, self.tr("Import"), text + "\n\n" + "\n".join(lines))
        else:
            self.window().statusBar().showMessage(text, 8000)

    def export_items(self) -> None:
        """Open the export dialog for the selection, the current search or the bank."""
        dialog = ExportDialog(self.app, self.selected_ids(), list(self.model.ids), self)
        if dialog.exec() and dialog.written:
            n, path = dialog.written
            text = (self.tr("Exported 1 item to {path}.") if n == 1 else
                    self.tr("Exported {n} items to {path}.")).format(n=n, path=path)
            if dialog.left_out:
                lines = [f"{e['item']}: {e['message']}" for e in dialog.left_out[:20]]
                more = len(dialog.left_out) - len(lines)
                if more > 0:
                    lines.append(self.tr("… and {n} more").format(n=more))
                QMessageBox.information(
                    self, self.tr("Export"),
                    text + "\n\n" + self.tr("Left out, the format cannot hold them:") + "\n"
                    + "\n".join(lines))
            else:
                self.window().statusBar().showMessage(text, 8000)

    # -- refresh ------------------------------------------------------------------------

    def refreshers(self, changes: Changes) -> list:
        """Items changed: the facets and the listing."""
        return [self.refresh_facets, self.run_query] if changes.items else []
