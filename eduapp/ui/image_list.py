"""The images of an item in the item editor: a list of their names, Add image… (PNG,
JPEG or GIF from a file), Remove image, and a small preview of the selected one."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from ..domain import Media
from ..errors import describe_value, os_reason
from ..interop.mediafiles import image_mime as _any_image_mime
from .app import current_language

if TYPE_CHECKING:
    from ..bank import Bank

#: The image types Add image… accepts (its file dialog offers these).
ITEM_IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif")


def image_mime(data: bytes) -> str | None:
    """The MIME type of PNG, JPEG or GIF bytes, from their magic number; else ``None``
    (also for other images, such as BMP or SVG)."""
    mime = _any_image_mime(data)
    return mime if mime in ITEM_IMAGE_TYPES else None


class ImageList(QWidget):
    """Edits a list of :class:`~eduapp.domain.Media` (the images of one item).

    :param bank: where images stored without their bytes are read from, for the preview.
    :signal changed: an image was added or removed.
    """

    changed = Signal()

    def __init__(self, bank: Bank, parent=None):
        super().__init__(parent)
        self.bank = bank
        self._media: list[Media] = []
        box = QVBoxLayout(self)  # the list on top, its buttons and the preview below
        box.setContentsMargins(0, 0, 0, 0)
        self.images = QListWidget()
        self.images.setFixedHeight(60)
        self.images.currentRowChanged.connect(self._preview)
        self.add_image = QPushButton(self.tr("Add image…"))
        self.remove_image = QPushButton(self.tr("Remove image"))
        self.add_image.clicked.connect(self._add)
        self.remove_image.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_image)
        buttons.addWidget(self.remove_image)
        self.image_preview = QLabel()
        self.image_preview.setFixedSize(120, 90)
        self.image_preview.setAlignment(Qt.AlignCenter)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addWidget(self.image_preview)
        row.addStretch(1)
        box.addWidget(self.images)
        box.addLayout(row)

    def set_media(self, media: list[Media]) -> None:
        """Show ``media`` (the list is copied)."""
        self._media = list(media)
        self._fill()

    def media(self) -> list[Media]:
        """The images as the list shows them now (a new list)."""
        return list(self._media)

    def _fill(self) -> None:
        self.images.clear()
        for m in self._media:
            self.images.addItem(m.name)
        self.image_preview.clear()

    def _add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.gif)"))
        if not path:
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as e:
            QMessageBox.warning(self, self.tr("Cannot add image"),
                                describe_value(os_reason(e), current_language()))
            return
        mime = image_mime(data)
        if mime is None:
            QMessageBox.warning(self, self.tr("Cannot add image"),
                                self.tr("{name} is not a PNG, JPEG or GIF image.")
                                .format(name=os.path.basename(path)))
            return
        self._media.append(Media(name=os.path.basename(path), mime=mime, data=data))
        self._fill()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.images.currentRow()
        if row >= 0:
            del self._media[row]
            self._fill()
            self.changed.emit()

    def _preview(self, row: int) -> None:
        if row < 0 or row >= len(self._media):
            self.image_preview.clear()
            return
        m = self._media[row]
        data = m.data
        if data is None:
            try:
                data = self.bank.get_media(m.sha256).data
            except Exception:  # noqa: BLE001 - a missing image shows as text
                self.image_preview.setText(self.tr("missing"))
                return
        pix = QPixmap()
        pix.loadFromData(data)
        self.image_preview.setPixmap(pix.scaled(120, 90, Qt.KeepAspectRatio,
                                                Qt.SmoothTransformation))


__all__ = ["ImageList", "image_mime", "ITEM_IMAGE_TYPES"]
