"""What Esc may close in a window, in the order it appeared: notices (a history gap, a synced folder, a
file saved) and panels (the search, the customer's details, a quoted reply). Esc closes the notice the
keyboard is in, or else the newest thing shown. Notices that must stay (a full disk, a token refused)
are not among them, or say they cannot be closed now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(slots=True)
class _Notice:
    widget: QWidget
    close: Callable[[], None]
    closable: Callable[[], bool]
    news: bool  # news the owner may not have read (a panel is not): never put away while she writes
    shown: int = 0  # when it last appeared, in the order of appearing


class ClosableNotices(QObject):
    """Follows when each notice appears; `close_for_escape` closes one for the window's Esc."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notices: list[_Notice] = []
        self._ticks = count(1)

    def add(
        self,
        widget: QWidget,
        close: Callable[[], None],
        closable: Callable[[], bool] = lambda: True,
        *,
        news: bool = True,
    ) -> None:
        """`widget` is closed by `close` (as its Close button does) while `closable()` says so;
        `news`: a notice, else a panel the owner opened (the search), which Esc closes while she
        writes too."""
        self._notices.append(_Notice(widget, close, closable, news))
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A window restored from the taskbar shows its children again: not a new appearance.
        if event.type() == QEvent.Type.Show and not event.spontaneous():
            for notice in self._notices:
                if notice.widget is watched:
                    notice.shown = next(self._ticks)
        return False

    def _open(self) -> list[_Notice]:
        return [n for n in self._notices if n.widget.isVisible() and n.closable()]

    def holding_focus(self) -> QWidget | None:
        """The closable notice the keyboard is in (Tab took it to its buttons), or None."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        # A notice's own buttons; a panel holding the keyboard (the search field) still gives way to
        # a notice that appeared after it.
        found = next((n for n in self._open() if n.news and n.widget.isAncestorOf(focus)), None)
        return None if found is None else found.widget

    def newest(self, *, news: bool = True) -> QWidget | None:
        """The closable notice or panel that appeared last among those showing, or None; without
        `news`, panels only."""
        shown = [n for n in self._open() if news or not n.news]
        return max(shown, key=lambda n: n.shown).widget if shown else None

    def close(self, widget: QWidget) -> None:
        for notice in self._notices:
            if notice.widget is widget:
                notice.close()
