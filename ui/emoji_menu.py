"""The composer's emoji picker: a small grid of the emoji shops use most, by mouse or by keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QMenu, QToolButton, QWidget, QWidgetAction

from ui.theme import ui_font

COLUMNS = 8


class EmojiMenu(QMenu):
    """Opened from the keyboard as well as by a click: the first emoji has the keyboard, the arrows
    move through the grid, and Enter or Space puts the emoji in the message (it was a grid the
    arrows could not reach: an owner without a mouse could only close it again)."""

    def __init__(
        self, emoji: Sequence[str], chosen: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        grid = QWidget(self)
        layout = QGridLayout(grid)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        for i, each in enumerate(emoji):
            button = QToolButton(grid)
            button.setText(each)
            button.setAutoRaise(True)
            button.setFont(ui_font(4))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, e=each: self._choose(e, chosen))
            button.installEventFilter(self)
            layout.addWidget(button, i // COLUMNS, i % COLUMNS)
            self.buttons.append(button)
        self.grid_action = QWidgetAction(self)
        self.grid_action.setDefaultWidget(grid)
        self.addAction(self.grid_action)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.PopupFocusReason)

    def _choose(self, emoji: str, chosen: Callable[[str], None]) -> None:
        self.close()
        chosen(emoji)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched not in self.buttons:
            return False
        at = self.buttons.index(watched)  # type: ignore[arg-type]
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.buttons[at].click()
            return True
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -COLUMNS, Qt.Key.Key_Down: COLUMNS}
        step = steps.get(Qt.Key(key))
        if step is None:
            return False
        target = at + step
        if 0 <= target < len(self.buttons):
            self.buttons[target].setFocus(Qt.FocusReason.OtherFocusReason)
        return True  # at an edge the keyboard stays put, not passed to the menu (which would close)
