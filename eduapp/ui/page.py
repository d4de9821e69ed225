"""``Page``: the base of the main window's pages. A page refreshes what a change touched
at once when it is on screen, else when it is shown again, so hidden pages cost nothing
while the user works elsewhere (after Anki's refresh-if-visible of its browser)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QWidget

from ..domain import Changes

if TYPE_CHECKING:
    from .app import App


class Page(QWidget):
    """A page of the main window.

    Subclasses say which refreshes a change needs in :meth:`refreshers`; the main window
    calls :meth:`on_changes` for every broadcast and :meth:`on_shown` when the page comes up.

    :param app: the :class:`~eduapp.ui.app.App` (``app.workspace`` holds the use cases).
    """

    def __init__(self, app: "App", parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self._pending: list[Callable[[], None]] = []

    def refreshers(self, changes: Changes) -> list[Callable[[], None]]:
        """The refresh methods ``changes`` calls for (none by default)."""
        return []

    def on_changes(self, changes: Changes) -> None:
        """Run the refreshes ``changes`` needs now if the page is visible, else remember
        them (each once) for :meth:`on_shown`."""
        for refresh in self.refreshers(changes):
            if self.isVisible():
                refresh()
            elif refresh not in self._pending:
                self._pending.append(refresh)

    def on_shown(self) -> None:
        """Catch up with the changes made while the page was hidden."""
        pending, self._pending = self._pending, []
        for refresh in pending:
            refresh()
