"""Import and export dialogs: format detection, a preview of what a file holds (counts by
type, the entries that will be rejected and why), progress with cancel, and export of the
selection, the current search or the whole bank."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QRadioButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from .app import current_language
from .ops import Op, error_text

if TYPE_CHECKING:
    from ..workspace import Workspace

#: File formats by the names people know them by.
FORMAT_NAMES = {"eduapp-json": "EduApp JSON", "moodle-xml": "Moodle XML", "gift": "GIFT",
                "aiken": "Aiken", "qti": "QTI", "csv": "CSV", "apkg": "Anki"}

#: Formats offered for import and export (names of the interop registry).
IMPORT_FORMATS = ("auto", "eduapp-json", "moodle-xml", "gift", "aiken", "qti", "csv", "apkg")
EXPORT_FORMATS = {"eduapp-json": ".json", "moodle-xml": ".xml", "gift": ".gift",
                  "aiken": ".txt", "qti": ".zip", "qti3": ".qti3.zip", "csv": ".csv",
                  "apkg": ".apkg"}


def _where(error: dict) -> str:
    where = os.path.basename(error.get("file") or "")
    if error.get("line"):
        where += f":{error['line']}"
    if error.get("item") not in (None, ""):
        where += f" #{error['item']}"
    return where


class ImportDialog(QDialog):
    """Pick files, preview them, import them (one transaction per file).

    :param app: the :class:`~eduapp.ui.app.App`.
    :param paths: files to start with.
    :ivar summary: the :class:`~eduapp.bank.ImportSummary` after a finished import.
    """

    def __init__(self, app, paths: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.app = app
        self.summary = None
        self.setWindowTitle(self.tr("Import items"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        files_row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        add = QPushButton(self.tr("Add files…"))
        add.clicked.connect(self._add_files)
        files_row.addWidget(self.files, 1)
        files_row.addWidget(add, 0, Qt.AlignTop)
        layout.addLayout(files_row)
        form = QFormLayout()
        self.format = QComboBox()
        for name in IMPORT_FORMATS:
            self.format.addItem(self.tr("Detect automatically") if name == "auto" else name, name)
        self.format.currentIndexChanged.connect(lambda _=0: self.preview())
        form.addRow(self.tr("Format"), self.format)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the file says, else detected from the text"), None)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.currentIndexChanged.connect(lambda _=0: self.preview())
        form.addRow(self.tr("Language of the items"), self.language)
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("optional, e.g. Year 3/Cardiology"))
        form.addRow(self.tr("Put into category"), self.category)
        self.strict = QCheckBox(self.tr("Reject a whole file on its first error"))
        form.addRow("", self.strict)
        layout.addLayout(form)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("File / entry"), self.tr("What"),
                                   self.tr("Decision")])
        self.tree.setColumnWidth(0, 260)
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for path in paths or []:
            self.files.addItem(path)
        if paths:
            self.preview()

    def paths(self) -> list[str]:
        """The files in the list."""
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import items"), "",
            self.tr("Item files (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;All files (*)"))
        for path in paths:
            if path not in self.paths():
                self.files.addItem(path)
        if paths:
            self.preview()

    def preview(self) -> None:
        """Parse the files off the GUI thread and show what each holds."""
        paths, fmt = self.paths(), self.format.currentData()
        language = self.language.currentData()
        if not paths:
            return
        self.status.setText(self.tr("Reading…"))

        def work(ws: Workspace, ctx):
            from ..errors import ImportFileError
            from ..interop import parse_file
            out = []
            for n, path in enumerate(paths):
                ctx.check()
                ctx.progress(os.path.basename(path), n / len(paths))
                try:
                    out.append((path, parse_file(path, fmt, language=language), None))
                except ImportFileError as e:
                    out.append((path, None, e))
            return out, ws.import_matches(paths, fmt)

        Op(self, work).with_progress(self.tr("Reading files…"), cancellable=True) \
            .latest_only("import-preview").success(self._show_preview).run()

    def _show_matches(self, matches) -> None:
        """A node per incoming item that is like a bank item: what matched and why, and a
        choice: keep the bank's item, replace it, or import the file's as new."""
        self.decision_boxes = []
        if not matches:
            return
        top = QTreeWidgetItem([self.tr("Like items in your bank ({n})").format(n=len(matches)),
                               self.tr("Choose for each: nothing is rewritten unless you say so")])
        self.tree.addTopLevelItem(top)
        for m in matches:
            if m.reason == "idnumber":
                why = self.tr("same ID number as bank item #{id} ({status}), other content "
                              "({score:.0f}% alike)")
            else:
                why = self.tr("{score:.0f}% like bank item #{id} ({status})")
            why = why.format(id=m.bank_id, status=m.bank_status, score=m.score)
            stem = m.stem if len(m.stem) <= 80 else m.stem[:79] + "…"
            bank_stem = m.bank_stem if len(m.bank_stem) <= 120 else m.bank_stem[:119] + "…"
            node = QTreeWidgetItem(top, [f"{os.path.basename(m.file)} · {stem}", why])
            node.setToolTip(0, m.stem)
            node.setToolTip(1, self.tr("Bank item #{id}: {stem}").format(id=m.bank_id,
                                                                          stem=bank_stem))
            box = QComboBox()
            box.addItem(self.tr("Keep the bank's item"), "keep")
            box.addItem(self.tr("Replace it (new version)"), f"replace:{m.bank_id}")
            box.addItem(self.tr("Import as a new item"), "new")
            self.tree.setItemWidget(node, 2, box)
            self.decision_boxes.append((m, box))
        top.setExpanded(True)

    def decisions(self) -> dict[str, dict[int, str]]:
        """``{path: {unit index: decision}}`` as the choices of the matches say."""
        out: dict[str, dict[int, str]] = {}
        for m, box in getattr(self, "decision_boxes", []):
            out.setdefault(m.file, {})[m.index] = box.currentData()
        return out

    def _type_names(self) -> dict[str, str]:
        """Item types by their names in the interface language."""
        return {"sba": self.tr("single best answer"), "multi": self.tr("multiple response"),
                "tf": self.tr("true/false"), "short": self.tr("short answer"),
                "matching": self.tr("matching"), "numerical": self.tr("numerical"),
                "essay": self.tr("essay"), "cloze": self.tr("cloze"),
                "description": self.tr("description")}

    def _show_preview(self, preview) -> None:
        parsed, matches = preview
        self.tree.clear()
        total = 0
        for path, result, error in parsed:
            node = QTreeWidgetItem([os.path.basename(path), ""])
            self.tree.addTopLevelItem(node)
            if error is not None:
                node.setText(1, self.tr("cannot be imported: {why}").format(
                    why=error.describe_message(current_language())))
                continue
            counts = result.counts()
            sets = counts.pop("sets", 0)
            n = sum(counts.values())
            total += n
            names = self._type_names()
            sep = "、" if current_language() == "zh" else ", "
            parts = sep.join(self.tr("{type} {n}").format(type=names.get(k, k), n=v)
                             for k, v in sorted(counts.items()))
            languages = {}
            for item in result.items:
                languages[item.language] = languages.get(item.language, 0) + 1
            node.setText(1, self.tr("{fmt}: {n} items ({parts}), {sets} sets, {docs} documents; "
                                    "languages: {langs}")
                         .format(fmt=FORMAT_NAMES.get(result.format, result.format), n=n,
                                 parts=parts or "-", sets=sets, docs=len(result.documents),
                                 langs=", ".join(f"{k} {v}" for k, v in sorted(
                                     languages.items())) or "-"))
            for e in result.errors:
                QTreeWidgetItem(node, [_where(e.to_dict()),
                                       e.describe_message(current_language())])
            for w in result.warnings:
                QTreeWidgetItem(node, [_where(w.to_dict()),
                                       self.tr("note: {message}").format(
                                           message=w.describe_message(current_language()))])
            node.setExpanded(bool(result.errors or result.warnings))
        self._show_matches(matches)
        self.status.setText(self.tr("{n} items ready to import.").format(n=total))
        self.import_button.setEnabled(total > 0)

    def run_import(self) -> None:
        """Import every file in its own transaction; Cancel stops between files (the
        files already done stay imported, the one in progress is rolled back)."""
        paths, fmt = self.paths(), self.format.currentData()
        language = self.language.currentData()
        category, strict = self.category.text().strip().strip("/"), self.strict.isChecked()
        decisions = self.decisions()

        def work(ws: Workspace, ctx):
            def on_file(n, path):
                ctx.progress(self.tr("Importing {name}…").format(name=os.path.basename(path)),
                             n / len(paths))
            return ws.import_files(paths, fmt, category=category, strict=strict,
                                   language=language or "", on_file=on_file,
                                   cancel=ctx.cancelled, decisions=decisions)

        def done(outcome):
            self.summary = outcome.summary
            self.accept()

        Op(self, work).with_progress(self.tr("Importing…"), cancellable=True) \
            .success(done).run()


class ExportDialog(QDialog):
    """Export the selection, the items the current search shows, or the whole bank.

    :param app: the :class:`~eduapp.ui.app.App`.
    :param selected_ids: ids of the selected items (may be empty).
    :param shown_ids: ids the table shows now (the current search and filters).
    """

    def __init__(self, app, selected_ids: list[int], shown_ids: list[int], parent=None):
        super().__init__(parent)
        self.app = app
        self.selected_ids, self.shown_ids = list(selected_ids), list(shown_ids)
        self.written: tuple[int, str] | None = None
        #: items the format could not hold (``{"item", "uid", "message"}``), after export
        self.left_out: list[dict] = []
        self.setWindowTitle(self.tr("Export items"))
        layout = QVBoxLayout(self)
        self.scope = QButtonGroup(self)
        for n, label in enumerate((
                self.tr("Selected items ({n})").format(n=len(self.selected_ids)),
                self.tr("Items shown by the current search ({n})").format(n=len(self.shown_ids)),
                self.tr("The whole bank"))):
            button = QRadioButton(label)
            self.scope.addButton(button, n)
            layout.addWidget(button)
        self.scope.button(0 if self.selected_ids else 1).setChecked(True)
        self.scope.button(0).setEnabled(bool(self.selected_ids))
        form = QFormLayout()
        self.format = QComboBox()
        for name in EXPORT_FORMATS:
            self.format.addItem(name, name)
        self.format.currentIndexChanged.connect(self._suggest_name)
        form.addRow(self.tr("Format"), self.format)
        path_row = QHBoxLayout()
        self.path = QLineEdit(os.path.join(os.path.expanduser("~"), "eduapp-items.json"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("File"), path_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.run_export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _suggest_name(self) -> None:
        root, _ext = os.path.splitext(self.path.text())
        if root.endswith(".qti3"):
            root = root[:-len(".qti3")]
        self.path.setText(root + EXPORT_FORMATS[self.format.currentData()])

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export items"), self.path.text())
        if path:
            self.path.setText(path)

    def chosen_ids(self) -> list[int] | None:
        """Ids to export, or ``None`` for the whole bank."""
        scope = self.scope.checkedId()
        return self.selected_ids if scope == 0 else self.shown_ids if scope == 1 else None

    def run_export(self) -> None:
        """Write the file off the GUI thread (atomically, by the format module)."""
        ids, fmt, path = self.chosen_ids(), self.format.currentData(), self.path.text().strip()
        if not path:
            return

        def done(outcome):
            self.written = (outcome.exported, path)
            self.left_out = outcome.not_represented
            self.accept()

        Op(self, lambda ws: ws.export_items(fmt, path, ids=ids)).with_progress(self.tr("Exporting…")).success(done).run()
