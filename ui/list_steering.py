"""Up and Down in a search box move the highlight in the list of what it found, as in a browser's
address bar: Enter then takes the line the owner sees highlighted, never only the first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

PAGE = 8
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -PAGE, Qt.Key.Key_PageDown: PAGE}


class _SteersList(QObject):
    def __init__(self, search: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(search)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Shift+Up selects text in the box, as it always has
        step = _STEPS.get(Qt.Key(event.key()))
        model = self.view.model()
        if step is None or model is None or model.rowCount() == 0:
            return False
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else -1
        target = max(0, min(model.rowCount() - 1, row + step))
        index = model.index(target, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        event.accept()
        return True


def steer_list_from(search: QLineEdit, view: QAbstractItemView) -> None:
    """Up/Down (PageUp/PageDown by eight) typed in `search` move `view`'s current line."""
    search.installEventFilter(_SteersList(search, view))
