"""A layout that places its widgets in a row and wraps onto the next line when the row is
full (like words in a paragraph), so a row of buttons or filters never forces a wide
window and nothing in it is cut at narrow widths."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapped into as many lines as the width needs.

    The layout's height depends on its width (``hasHeightForWidth``), so the parent grows
    by a line when the widgets wrap. A widget with a horizontal ``Expanding`` size policy
    (or one added with :meth:`addWidget` ``stretch`` > 0) takes the space left on its line.

    :param spacing: pixels between widgets and between lines (``-1``: the style's).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list = []
        self._stretch: dict[QWidget, int] = {}
        self._spacing = spacing
        self._width = 0  # the width of the last placement (the minimum height follows it)
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def __del__(self):
        try:
            while self.takeAt(0) is not None:
                pass
        except RuntimeError:  # Qt deleted the layout's items already
            self._items.clear()

    # ------------------------------------------------------------------ QLayout API

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt API
        """Add ``widget``; ``stretch`` > 0 lets it take the room left on its line."""
        super().addWidget(widget)
        if stretch:
            self._stretch[widget] = stretch

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt API
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(item.widget(), None)
            return item
        return None

    def expandingDirections(self):  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)
        if rect.width() != self._width:
            # another width, another number of lines: the parents ask for the minimum
            # height again (once: the same width next time ends it)
            self._width = rect.width()
            QTimer.singleShot(0, self._relayout)

    def _relayout(self) -> None:
        try:
            self.invalidate()
        except RuntimeError:  # the layout was deleted meanwhile
            pass

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """All widgets on one line."""
        width = height = 0
        gap = self._gap()
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (gap if width else 0)
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the widest single widget (any narrower and something would be cut);
        as high as the lines need at the width the layout has now, so a parent squeezed
        in height never lays the wrapped lines over its other widgets."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        size += QSize(m.left() + m.right(), m.top() + m.bottom())
        width = self.geometry().width()
        if width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(width)))
        return size

    # ------------------------------------------------------------------ placing

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return max(parent.style().pixelMetric(QStyle.PM_LayoutHorizontalSpacing), 6)

    def _visible(self) -> list:
        return [i for i in self._items if i.widget() is None or not i.widget().isHidden()]

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the widgets out in ``rect`` (only measure when not ``move``); returns the
        height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._gap()
        lines: list[list] = []
        line: list = []
        used = 0
        for item in self._visible():
            w = item.sizeHint().width()
            if line and used + gap + w > area.width():
                lines.append(line)
                line, used = [], 0
            line.append(item)
            used += (gap if used else 0) + w
        if line:
            lines.append(line)
        y = area.y()
        for line in lines:
            hints = [min(i.sizeHint().width(), area.width()) for i in line]
            spare = area.width() - sum(hints) - gap * (len(line) - 1)
            grow = [self._stretch.get(i.widget(), 0) or (
                1 if i.widget() is not None and i.widget().sizePolicy().horizontalPolicy()
                in (QSizePolicy.Expanding, QSizePolicy.MinimumExpanding) else 0)
                for i in line]
            total = sum(grow)
            if total and spare > 0:
                hints = [w + spare * g // total for w, g in zip(hints, grow)]
            # a wrapped label gets the height its width needs; the line is as tall as its
            # tallest widget, the others centred on it
            heights = [i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                       for i, w in zip(line, hints)]
            height = max(heights)
            x = area.x()
            for item, w, h in zip(line, hints, heights):
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if lines else m.top() + m.bottom()


__all__ = ["FlowLayout"]
