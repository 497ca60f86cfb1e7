"""A line under a list saying what was just deleted or moved, with Undo (and Ctrl+Z) to bring it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class UndoStrip(QWidget):
    """Hidden until `offer()`; `undo_requested` when the owner presses Undo or Ctrl+Z. The window
    keeps what was deleted and brings it back: the strip only says so and asks."""

    undo_requested = Signal()

    def __init__(
        self,
        keys_on: QWidget,
        *,
        keys_context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        parent: QWidget | None = None,
    ) -> None:
        """`keys_on` and `keys_context`: where Ctrl+Z undoes the delete (keep it off text fields,
        where Ctrl+Z undoes typing); the list, which takes the keyboard back from Undo once done."""
        super().__init__(parent)
        self.keys_on = keys_on
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("Und&o"))
        self.button.clicked.connect(self.undo_requested)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, keys_on)
        shortcut.setContext(keys_context)
        shortcut.activated.connect(self.undo_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button)
        self.hide()

    def offer(self, sentence: str) -> None:
        """Say what was deleted (plain text) and show Undo."""
        self.note.setText(sentence)
        self.button.show()
        self.show()

    def say(self, sentence: str) -> None:
        """Say what became of it (brought back, or why not), with nothing left to undo."""
        had_keyboard = self.button.hasFocus()
        self.note.setText(sentence)
        self.button.hide()
        self.show()
        if had_keyboard:
            self.keys_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def withdraw(self) -> None:
        """Nothing to bring back any more (brought back, or undone already)."""
        # Undo, clicked, had the keyboard: hidden, it handed it on to the next button (the labels'
        # Close, which Enter then pressed). It goes back to the list, where the owner was.
        had_keyboard = self.button.hasFocus()
        self.note.clear()
        self.hide()
        if had_keyboard:
            self.keys_on.setFocus(Qt.FocusReason.OtherFocusReason)
