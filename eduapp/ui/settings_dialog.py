"""Settings: interface language, data folder, PDFs, and LLM provider profiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from ..config import choose_data_dir
from ..domain import Changes
from ..errors import EduAppError
from .ops import Op, error_text


class SettingsDialog(QDialog):
    """Tabs: General (language, page size, institution, concurrency), Data folder,
    Providers (add, edit, test, choose the default).

    :param app: the :class:`~eduapp.ui.app.App`; settings are saved on OK.
    """

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), self.tr("General"))
        tabs.addTab(self._data_tab(), self.tr("Data folder"))
        tabs.addTab(self._backups_tab(), self.tr("Backups"))
        tabs.addTab(self._providers_tab(), self.tr("Providers"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- general --------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        s = self.app.settings
        self.language = QComboBox()
        for value, label in (("", self.tr("Follow the system")), ("en", "English"),
                             ("zh", "简体中文")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        form.addRow(self.tr("Interface language"), self.language)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(s.page_size)
        form.addRow(self.tr("PDF page size"), self.page_size)
        self.institution = QLineEdit(s.institution)
        form.addRow(self.tr("Institution (exam covers)"), self.institution)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 32)
        self.concurrency.setValue(s.concurrency)
        form.addRow(self.tr("Generation requests at once"), self.concurrency)
        self.recent = QSpinBox()
        self.recent.setRange(0, 50)
        self.recent.setValue(s.recent_exam_window)
        form.addRow(self.tr("Avoid items used in the last N exams"), self.recent)
        self.allow_reviewed = QCheckBox(self.tr("Students may also practise reviewed items "
                                                "(not yet approved)"))
        self.allow_reviewed.setToolTip(self.tr("Off: practice serves approved items only. "
                                               "Drafts and retired items are never served."))
        self.allow_reviewed.setChecked(s.practice_allow_reviewed)
        form.addRow(self.tr("Practice"), self.allow_reviewed)
        return w

    # -- data folder ----------------------------------------------------------------------

    def _data_tab(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(QLabel(self.tr("The item bank, settings and provider profiles are "
                                        "kept in this folder:")))
        row = QHBoxLayout()
        self.data_dir = QLineEdit(self.app.data_dir)
        self.data_dir.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_data_dir)
        row.addWidget(self.data_dir, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        note = QLabel(self.tr("A new folder takes effect the next time EduApp starts; the "
                              "eduapp command uses it too (unless --data-dir or "
                              "EDUAPP_DATA_DIR says otherwise)."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return w

    def _choose_data_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.app.data_dir)
        if path:
            self.data_dir.setText(path)

    def _backups_tab(self) -> QWidget:
        """Automatic backups and how many to keep (``eduapp.bank.backup``)."""
        from PySide6.QtWidgets import QCheckBox
        w = QWidget()
        form = QFormLayout(w)
        s = self.app.settings
        self.backups_auto = QCheckBox(self.tr("Back up automatically"))
        self.backups_auto.setChecked(bool(s.backups_auto))
        form.addRow(self.backups_auto)
        spins = []
        minutes = self.tr(" min")
        for value, low, high, suffix in ((s.backup_interval_minutes, 5, 24 * 60, minutes),
                                         (s.backup_keep_recent, 1, 1000, ""),
                                         (s.backup_keep_days, 0, 3650, ""),
                                         (s.backup_keep_weeks, 0, 520, "")):
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setValue(int(value))
            spin.setSuffix(suffix)
            spins.append(spin)
        self.backup_interval, self.keep_recent, self.keep_days, self.keep_weeks = spins
        form.addRow(self.tr("While the app is open, at most every"), self.backup_interval)
        form.addRow(self.tr("Keep the newest"), self.keep_recent)
        form.addRow(self.tr("Keep one a day for this many days"), self.keep_days)
        form.addRow(self.tr("Keep one a week for this many weeks"), self.keep_weeks)
        return w

    # -- providers ------------------------------------------------------------------------

    def _store(self):
        return self.app.workspace.providers

    def _providers_tab(self) -> QWidget:
        w = QWidget()
        layout = QHBoxLayout(w)
        left = QVBoxLayout()
        self.provider_list = QListWidget()
        self.provider_list.currentRowChanged.connect(self._show_provider)
        left.addWidget(self.provider_list, 1)
        add_row = QHBoxLayout()
        self.preset = QComboBox()
        from ..llm import PRESET_LABELS
        for kind, label in PRESET_LABELS.items():
            self.preset.addItem(label, kind)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_provider)
        add_row.addWidget(self.preset, 1)
        add_row.addWidget(add)
        left.addLayout(add_row)
        layout.addLayout(left, 1)
        right = QFormLayout()
        self.p_name = QLabel()
        self.p_url = QLineEdit()
        self.p_model = QLineEdit()
        self.p_key = QLineEdit()
        self.p_key.setEchoMode(QLineEdit.Password)
        self.p_key.setPlaceholderText(self.tr("stored in the system keychain"))
        right.addRow(self.tr("Name"), self.p_name)
        right.addRow(self.tr("Base URL"), self.p_url)
        right.addRow(self.tr("Model"), self.p_model)
        right.addRow(self.tr("API key"), self.p_key)
        buttons = QHBoxLayout()
        self.p_save = QPushButton(self.tr("Save"))
        self.p_test = QPushButton(self.tr("Test connection"))
        self.p_default = QPushButton(self.tr("Make default"))
        self.p_delete = QPushButton(self.tr("Delete"))
        self.p_save.clicked.connect(self._save_provider)
        self.p_test.clicked.connect(self._test_provider)
        self.p_default.clicked.connect(self._make_default)
        self.p_delete.clicked.connect(self._delete_provider)
        for b in (self.p_save, self.p_test, self.p_default, self.p_delete):
            buttons.addWidget(b)
        right.addRow(buttons)
        self.p_result = QLabel()
        self.p_result.setWordWrap(True)
        right.addRow(self.p_result)
        self.p_note = QLabel(self.tr("The embedded model (SmolLM2-135M) works offline but "
                                     "writes low-quality content and no Chinese; for real "
                                     "teaching material use a stronger provider."))
        self.p_note.setWordWrap(True)
        right.addRow(self.p_note)
        layout.addLayout(right, 2)
        self._fill_providers()
        return w

    def _fill_providers(self, select: str | None = None) -> None:
        self.provider_list.clear()
        try:
            profiles = self._store().list()
        except EduAppError as e:
            self.p_result.setText(error_text(e))
            return
        default = self.app.settings.default_provider
        for p in profiles:
            name = (self.tr("Built-in model (offline, low quality)") if p.is_embedded
                    else p.name)
            label = name + (self.tr(" (default)") if p.name == default else "")
            entry = QListWidgetItem(label)
            entry.setData(Qt.UserRole, p.name)
            self.provider_list.addItem(entry)
            if p.name == (select or default):
                self.provider_list.setCurrentItem(entry)

    def _chosen_provider(self):
        entry = self.provider_list.currentItem()
        return self._store().get(entry.data(Qt.UserRole)) if entry else None

    def _show_provider(self, _row: int) -> None:
        p = self._chosen_provider()
        if p is None:
            return
        self.p_name.setText(p.name)
        self.p_url.setText(p.base_url)
        self.p_model.setText(p.model)
        self.p_key.clear()
        embedded = p.is_embedded
        for w in (self.p_url, self.p_key):
            w.setEnabled(not embedded)
        self.p_delete.setEnabled(not embedded)
        self.p_note.setVisible(embedded)
        self.p_result.clear()

    def _add_provider(self) -> None:
        from ..llm import preset_profile
        kind = self.preset.currentData()
        names = set(self._store().names())
        name, n = kind, 2
        while name in names:
            name, n = f"{kind}-{n}", n + 1
        try:
            self._store().save(preset_profile(kind, name))
            self.app.changed.emit(Changes(providers=True))
        except EduAppError as e:
            QMessageBox.warning(self, self.tr("Providers"), error_text(e))
            return
        self._fill_providers(select=name)

    def _save_provider(self) -> None:
        p = self._chosen_provider()
        if p is None:
            return
        try:
            changed = p.with_changes(base_url=self.p_url.text().strip() or p.base_url,
                                     model=self.p_model.text().strip() or p.model)
            self._store().save(changed)
            self.app.changed.emit(Changes(providers=True))
            if self.p_key.text():
                self._store().set_api_key(p.name, self.p_key.text())
                self.p_key.clear()
            self.p_result.setText(self.tr("Saved."))
        except EduAppError as e:
            self.p_result.setText(error_text(e))

    def _test_provider(self) -> None:
        p = self._chosen_provider()
        if p is None:
            return
        self.p_result.setText(self.tr("Testing {name}…").format(name=p.name))

        def work(_ws):
            from ..llm import test_connection
            return test_connection(p)

        def done(result):
            latency, model = result
            self.p_result.setText(self.tr("Works: {model} answered in {ms:.0f} ms.")
                                  .format(model=model, ms=latency * 1000))
        Op(self, work).success(done).failure(lambda e: self.p_result.setText(error_text(e))).run()

    def _make_default(self) -> None:
        """Make the chosen provider the default at once (generation, practice and exams
        use it from now on)."""
        p = self._chosen_provider()
        if p is None:
            return
        try:
            self.app.update_settings(default_provider=p.name)
        except EduAppError as e:
            QMessageBox.warning(self, self.tr("Providers"), error_text(e))
        self._fill_providers(select=p.name)

    def _delete_provider(self) -> None:
        p = self._chosen_provider()
        if p is None or p.is_embedded:
            return
        try:
            self._store().delete(p.name)
            if self.app.settings.default_provider == p.name:
                self.app.update_settings(default_provider="embedded")
            else:
                self.app.changed.emit(Changes(providers=True))
        except EduAppError as e:
            QMessageBox.warning(self, self.tr("Providers"), error_text(e))
        self._fill_providers()

    # -- save -----------------------------------------------------------------------------

    def _accept(self) -> None:
        old_language = self.app.ui_language()
        try:
            self.app.update_settings(
                language=self.language.currentData(), page_size=self.page_size.currentText(),
                institution=self.institution.text().strip(),
                concurrency=self.concurrency.value(), recent_exam_window=self.recent.value(),
                practice_allow_reviewed=self.allow_reviewed.isChecked(),
                backups_auto=self.backups_auto.isChecked(),
                backup_interval_minutes=self.backup_interval.value(),
                backup_keep_recent=self.keep_recent.value(),
                backup_keep_days=self.keep_days.value(),
                backup_keep_weeks=self.keep_weeks.value())
        except EduAppError as e:
            QMessageBox.warning(self, self.tr("Settings"), error_text(e))
            return
        if self.data_dir.text() != self.app.data_dir:
            try:
                choose_data_dir(self.data_dir.text())
            except EduAppError as e:
                QMessageBox.warning(self, self.tr("Settings"), error_text(e))
                return
        self.accept()
        if self.app.ui_language() != old_language:
            self.app.language_changed.emit(self.app.ui_language())
