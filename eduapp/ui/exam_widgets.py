"""Widgets of the Exams page: the blueprint grid, the item list of an assembled exam and
the PDF preview (QtPdf when it is there, else page images from ``pdftoppm``)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit,
                               QScrollArea, QSpinBox, QStackedWidget, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain import BLOOM_LEVELS, CHOICE_TYPES, EXAM_TYPES, SYSTEMS, facet_key, facet_name
from ..domain import topic_name
from .app import current_language
from ..exams import DIFFICULTY_BANDS, BlueprintCell, CellAvailability, Exam, unit_format

try:  # QtPdf is an optional part of some PySide6 builds
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the PySide6 build
    HAVE_QTPDF = False

SHORT = QColor("#f8d7da")
SHORT_TEXT = QColor("#842029")


class BlueprintGrid(QTableWidget):
    """The blueprint as an editable table, one row per cell: system, topic, count, Bloom
    level, item type, exam type, difficulty band, and the live "available" count.

    Constraints the grid has no column for (query, tags, language, a difficulty mix, a
    list of several types) are kept with the row and written back unchanged.

    :ivar changed: emitted whenever a row is added, removed or edited.
    """

    changed = Signal()
    SYSTEM, TOPIC, COUNT, AVAILABLE, BLOOM, TYPE, EXAM_TYPE, DIFFICULTY = range(8)

    def __init__(self, parent=None):
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels([
            self.tr("System"), self.tr("Topic"), self.tr("Count"), self.tr("Available"),
            self.tr("Bloom level"), self.tr("Type"), self.tr("Exam type"),
            self.tr("Difficulty")])
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((135, 80, 55, 70, 100, 100, 70, 80)):
            self.setColumnWidth(col, width)
        self._systems: list[str] = list(SYSTEMS)
        self._extras: list[dict] = []
        self._availability: list[CellAvailability] | None = None

    # -- labels -------------------------------------------------------------------------

    def bloom_label(self, level: str) -> str:
        """The Bloom level as shown (translated)."""
        return {"remember": self.tr("Remember"), "understand": self.tr("Understand"),
                "apply": self.tr("Apply"), "analyze": self.tr("Analyse"),
                "evaluate": self.tr("Evaluate"), "create": self.tr("Create")}.get(level, level)

    def type_label(self, item_type: str) -> str:
        """An item type as shown (translated)."""
        return {"sba": self.tr("Single best answer"), "multi": self.tr("Multiple response"),
                "tf": self.tr("True/false")}.get(item_type, item_type)

    def band_label(self, band: str) -> str:
        """A difficulty band as shown (translated)."""
        return {"easy": self.tr("Easy"), "medium": self.tr("Medium"),
                "hard": self.tr("Hard")}.get(band, band)

    # -- rows ---------------------------------------------------------------------------

    def set_systems(self, systems: list[str]) -> None:
        """Offer ``systems`` (the bank's) besides the standard ones in the System menus."""
        merged = list(SYSTEMS) + [s for s in systems if s and s not in SYSTEMS]
        self._systems = merged
        for row in range(self.rowCount()):
            box = self.cellWidget(row, self.SYSTEM)
            current = facet_key(box.currentText())
            with QSignalBlocker(box):
                self._fill_systems(box, current)

    def _fill_systems(self, box: QComboBox, value: str) -> None:
        """Offer the systems in ``box`` by their names in the interface language (the
        stored key as item data) and show ``value``."""
        box.clear()
        box.addItem("", "")
        language = current_language()
        for key in self._systems:
            box.addItem(facet_name(key, language), key)
        index = box.findData(value) if value else 0
        if index >= 0:
            box.setCurrentIndex(index)
        else:
            box.setCurrentText(facet_name(value, language))

    def _combo(self, entries: list[tuple[str, object]], value) -> QComboBox:
        box = QComboBox()
        for label, data in entries:
            box.addItem(label, data)
        index = box.findData(value)
        if index < 0:
            box.addItem(" / ".join(value) if isinstance(value, list) else str(value), value)
            index = box.count() - 1
        box.setCurrentIndex(index)
        box.currentIndexChanged.connect(self._edited)
        return box

    def add_row(self, cell: BlueprintCell | None = None) -> int:
        """Append a row for ``cell`` (a 10-question "any" cell when ``None``); returns it."""
        cell = cell or BlueprintCell(count=10)
        row = self.rowCount()
        self.insertRow(row)
        system = QComboBox()
        system.setEditable(True)
        self._fill_systems(system, cell.system)
        system.lineEdit().setPlaceholderText(self.tr("any"))
        system.currentTextChanged.connect(self._edited)
        self.setCellWidget(row, self.SYSTEM, system)
        topic = QLineEdit(cell.topic)
        topic.setPlaceholderText(self.tr("any"))
        topic.setFrame(False)
        topic.textChanged.connect(self._edited)
        self.setCellWidget(row, self.TOPIC, topic)
        count = QSpinBox()
        count.setRange(1, 500)
        count.setValue(max(1, cell.count))
        count.setFrame(False)
        count.valueChanged.connect(self._edited)
        self.setCellWidget(row, self.COUNT, count)
        any_ = self.tr("any")
        self.setCellWidget(row, self.BLOOM, self._combo(
            [(any_, "")] + [(self.bloom_label(b), b) for b in BLOOM_LEVELS], cell.bloom))
        types = list(cell.types) if cell.types and set(cell.types) != set(CHOICE_TYPES) else []
        self.setCellWidget(row, self.TYPE, self._combo(
            [(any_, [])] + [(self.type_label(t), [t]) for t in CHOICE_TYPES], types))
        self.setCellWidget(row, self.EXAM_TYPE, self._combo(
            [(any_, [])] + [(t, [t]) for t in EXAM_TYPES], list(cell.exam_types)))
        self.setCellWidget(row, self.DIFFICULTY, self._combo(
            [(any_, "")] + [(self.band_label(b), b) for b in DIFFICULTY_BANDS],
            cell.difficulty))
        available = QTableWidgetItem("…")
        available.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        available.setTextAlignment(Qt.AlignCenter)
        self.setItem(row, self.AVAILABLE, available)
        self._extras.append({k: v for k, v in (
            ("query", cell.query), ("tags", list(cell.tags)), ("language", cell.language),
            ("difficulty_mix", dict(cell.difficulty_mix))) if v})
        self._show_extras(row)
        self._availability = None
        self.changed.emit()
        return row

    def _show_extras(self, row: int) -> None:
        extra = self._extras[row]
        parts = []
        if extra.get("query"):
            parts.append(self.tr("text search: {q}").format(q=extra["query"]))
        if extra.get("tags"):
            parts.append(self.tr("tags: {t}").format(t=", ".join(extra["tags"])))
        if extra.get("language"):
            parts.append(self.tr("language: {l}").format(l=extra["language"]))
        if extra.get("difficulty_mix"):
            parts.append(self.tr("difficulty mix: {m}").format(m=", ".join(
                f"{self.band_label(k)} {v:g}" for k, v in extra["difficulty_mix"].items())))
        topic = self.cellWidget(row, self.TOPIC)
        topic.setToolTip("\n".join(parts))
        if extra.get("query") and not topic.text():
            topic.setPlaceholderText(f'"{extra["query"]}"')

    def remove_rows(self, rows: list[int]) -> None:
        """Remove the rows ``rows`` (indices)."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < self.rowCount():
                self.removeRow(row)
                del self._extras[row]
        self._availability = None
        self.changed.emit()

    def selected_rows(self) -> list[int]:
        """Indices of the selected rows (or of the row with the focus)."""
        rows = {i.row() for i in self.selectionModel().selectedRows()}
        if not rows and self.currentRow() >= 0:
            rows = {self.currentRow()}
        return sorted(rows)

    def set_cells(self, cells: list[BlueprintCell]) -> None:
        """Replace every row with ``cells``."""
        with QSignalBlocker(self):
            self.setRowCount(0)
            self._extras = []
            for cell in cells:
                self.add_row(cell)
        self.changed.emit()

    def cells(self) -> list[BlueprintCell]:
        """The rows as :class:`BlueprintCell` objects, in order."""
        out = []
        for row in range(self.rowCount()):
            extra = self._extras[row]
            types = self.cellWidget(row, self.TYPE).currentData() or list(CHOICE_TYPES)
            out.append(BlueprintCell(
                count=self.cellWidget(row, self.COUNT).value(),
                system=facet_key(self.cellWidget(row, self.SYSTEM).currentText()),
                topic=self.cellWidget(row, self.TOPIC).text().strip(),
                bloom=self.cellWidget(row, self.BLOOM).currentData() or "",
                types=list(types),
                exam_types=list(self.cellWidget(row, self.EXAM_TYPE).currentData() or []),
                difficulty=self.cellWidget(row, self.DIFFICULTY).currentData() or "",
                query=extra.get("query", ""), tags=list(extra.get("tags", [])),
                language=extra.get("language", ""),
                difficulty_mix=dict(extra.get("difficulty_mix", {}))))
        return out

    def _edited(self, *_args) -> None:
        self.changed.emit()

    # -- availability -------------------------------------------------------------------

    def set_availability(self, counts: list[CellAvailability]) -> None:
        """Show how many questions each row can draw on; rows that cannot be filled are
        highlighted, with the reason in the tooltip."""
        self._availability = counts
        for row, avail in enumerate(counts[:self.rowCount()]):
            item = self.item(row, self.AVAILABLE)
            wanted = self.cellWidget(row, self.COUNT).value()
            item.setText(str(avail.available))
            short = avail.available < wanted
            tips = [self.tr("{n} questions match this row and can be used.").format(
                n=avail.available)]
            if avail.drafts:
                tips.append(self.tr("{n} more are drafts or reviewed, not approved (tick "
                                    "\"Include drafts\" to use them).").format(n=avail.drafts))
            if avail.recent:
                tips.append(self.tr("{n} more were used in recent exams.").format(
                    n=avail.recent))
            if short:
                tips.insert(0, self.tr("Cannot be filled: {want} wanted, {n} available.")
                            .format(want=wanted, n=avail.available))
            item.setToolTip("\n".join(tips))
            item.setBackground(QBrush(SHORT) if short else QBrush())
            item.setForeground(QBrush(SHORT_TEXT) if short else QBrush())
            font = item.font()
            font.setBold(short)
            item.setFont(font)

    def short_rows(self) -> list[int]:
        """Rows whose count exceeds what is available (per the last counts shown)."""
        if not self._availability:
            return []
        return [row for row, a in enumerate(self._availability[:self.rowCount()])
                if a.available < self.cellWidget(row, self.COUNT).value()]


class ExamItemTable(QTableWidget):
    """The questions of an assembled exam in master order: number, stem, topic, format,
    set marker and lock. Each row's item id is in ``Qt.UserRole`` of column 0."""

    NUMBER, STEM, TOPIC, FORMAT, SET, LOCK = range(6)

    def __init__(self, parent=None):
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels([self.tr("No."), self.tr("Stem"), self.tr("Topic"),
                                        self.tr("Format"), self.tr("Set"), self.tr("Lock")])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(self.STEM, QHeaderView.Stretch)
        for col, width in ((self.NUMBER, 40), (self.TOPIC, 110), (self.FORMAT, 60),
                           (self.SET, 100), (self.LOCK, 60)):
            self.setColumnWidth(col, width)

    def show_exam(self, exam: Exam | None) -> None:
        """Fill the table from ``exam`` (empty for ``None``)."""
        self.setRowCount(0)
        if exam is None:
            return
        rows = []
        set_no = 0
        for _s, _u, unit in exam.units():
            fmt = unit_format(unit.items, unit.item_set.kind if unit.item_set else None,
                              unit.item_set.exam_type if unit.item_set else "")
            if unit.item_set is not None:
                set_no += 1
            for m, item in enumerate(unit.items):
                marker = ""
                if unit.item_set is not None:
                    marker = self.tr("Set {n} ({m}/{k})").format(n=set_no, m=m + 1,
                                                                  k=unit.size)
                rows.append((item, fmt, marker, unit.locked))
        self.setRowCount(len(rows))
        for row, (item, fmt, marker, locked) in enumerate(rows):
            stem = " ".join(item.stem.split())
            values = (str(row + 1), stem,
                      topic_name(item.topic, current_language()) if item.topic else
                      facet_name(item.system or "", current_language()), fmt, marker,
                      self.tr("locked") if locked else "")
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if col == self.STEM:
                    cell.setToolTip(" ".join((item.vignette + " " + item.stem).split()))
                if col in (self.NUMBER, self.LOCK, self.FORMAT):
                    cell.setTextAlignment(Qt.AlignCenter)
                self.setItem(row, col, cell)
            self.item(row, self.NUMBER).setData(Qt.UserRole, item.id)

    def selected_item_id(self) -> int | None:
        """Item id of the selected row, or ``None``."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.item(rows[0].row(), self.NUMBER).data(Qt.UserRole)

    def select_item(self, item_id: int) -> None:
        """Select the row of ``item_id`` (when shown)."""
        for row in range(self.rowCount()):
            if self.item(row, self.NUMBER).data(Qt.UserRole) == item_id:
                self.selectRow(row)
                self.scrollToItem(self.item(row, 0))
                return


def page_images(pdf: str, out_dir: str, dpi: int = 60) -> list[str]:
    """Render each page of ``pdf`` to a PNG in ``out_dir`` with ``pdftoppm`` (poppler);
    returns the PNG paths in page order, empty when ``pdftoppm`` is not installed.
    Any thread (no widgets)."""
    tool = shutil.which("pdftoppm")
    if not tool:
        return []
    prefix = os.path.join(out_dir, os.path.splitext(os.path.basename(pdf))[0])
    subprocess.run([tool, "-png", "-r", str(dpi), pdf, prefix], check=True,
                   capture_output=True, timeout=120)
    return sorted(glob.glob(prefix + "-*.png"))


class PdfPreview(QWidget):
    """Shows one PDF: in a ``QPdfView`` when QtPdf is available, else as page images
    (made by :func:`page_images` on a worker) in a scroll area; or a message."""

    def __init__(self, parent=None, use_qtpdf: bool = HAVE_QTPDF):
        super().__init__(parent)
        self.use_qtpdf = use_qtpdf
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName("plannedText")
        self.stack.addWidget(self.message)
        self.path = ""
        self._pages = 0
        if use_qtpdf:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(8)
            self.stack.addWidget(self.view)
        else:
            self.scroll = QScrollArea()
            self.scroll.setWidgetResizable(True)
            self.scroll.setAlignment(Qt.AlignHCenter)
            self.images = QWidget()
            self.images_layout = QVBoxLayout(self.images)
            self.images_layout.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            self.scroll.setWidget(self.images)
            self.stack.addWidget(self.scroll)

    @property
    def needs_images(self) -> bool:
        """Whether the caller must make page images (no QtPdf)."""
        return not self.use_qtpdf

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a document."""
        if self.use_qtpdf:
            self.document.close()
        self.path = ""
        self._pages = 0
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_pdf(self, path: str, images: list[str] | None = None) -> None:
        """Show the PDF at ``path`` (with QtPdf), or its page ``images`` (fallback)."""
        self.path = path
        if self.use_qtpdf:
            self.document.close()
            self.document.load(path)
            self._pages = self.document.pageCount()
            self.stack.setCurrentWidget(self.view)
            return
        while self.images_layout.count():
            w = self.images_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._pages = 0
        for png in images or []:
            label = QLabel()
            label.setPixmap(QPixmap(png))
            label.setStyleSheet("border: 1px solid #bbb; background: white;")
            self.images_layout.addWidget(label)
            self._pages += 1
        self.stack.setCurrentWidget(self.scroll)

    def page_count(self) -> int:
        """Pages of the document shown (0 when none)."""
        return self._pages
