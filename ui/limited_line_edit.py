"""A one-line field held to a length limit that says when a paste, a drop or typing did not all fit.

QLineEdit's maxLength cuts a paste silently: a pasted menu title lost its end mid-word and only the
"24/24" counter hinted at it. It also drops keys typed into a full field without a sign, so an owner
typing fast (or in Korean, through the input method) lost the end of a name without seeing why. The
limit stays (it is WhatsApp's); the owner is told what happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDropEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QLineEdit

from app.text import nfc


def text_length(text: str) -> int:
    """Length as QLineEdit counts it against maxLength (UTF-16 units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


class LimitedLineEdit(QLineEdit):
    """`cut_short` is emitted after text pasted or dropped in was cut to maxLength (after textEdited);
    `full` when typed text (a key, or the input method's commit) did not go in because the field holds
    maxLength already."""

    cut_short = Signal(int)  # the limit
    full = Signal(int)  # the limit

    def room(self) -> int:
        """Characters an insertion may bring: up to maxLength, counting the selection it replaces."""
        return self.maxLength() - text_length(self.text()) + text_length(self.selectedText())

    def _insert(self, text: str, insert: Callable[[], None]) -> None:
        room = self.room()
        insert()
        if text_length(text) > room:
            self.cut_short.emit(self.maxLength())

    def paste_composed(self) -> None:
        """Paste the clipboard's text with its Hangul composed (NFC): copied from a Mac file name it
        comes as decomposed jamo, three letters a syllable, and was cut to the limit mid-syllable."""
        text = nfc(QGuiApplication.clipboard().text())
        self._insert(text, lambda: self.insert(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            self.paste_composed()
        else:
            typed, before = event.text(), self.text()
            super().keyPressEvent(event)
            if typed.isprintable() and typed and self.text() == before and self._at_limit():
                self.full.emit(self.maxLength())

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit, room = event.commitString(), self.room()
        super().inputMethodEvent(event)
        if commit and not self.isReadOnly() and text_length(commit) > room:
            self.full.emit(self.maxLength())

    def _at_limit(self) -> bool:
        return not self.isReadOnly() and text_length(self.text()) >= self.maxLength()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not mime.hasText() or event.source() is self:
            super().dropEvent(event)
            return
        # Dropped as the clipboard is pasted: its Hangul composed (paste_composed).
        composed = QMimeData()
        composed.setText(nfc(mime.text()))
        drop = QDropEvent(
            event.position(),
            event.possibleActions(),
            composed,
            event.buttons(),
            event.modifiers(),
            event.type(),
        )
        self._insert(composed.text(), lambda: super(LimitedLineEdit, self).dropEvent(drop))
        event.setDropAction(drop.dropAction())
        event.setAccepted(drop.isAccepted())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        paste = menu.findChild(QAction, "edit-paste")  # the name Qt gives its menu's Paste
        if paste is not None:
            paste.triggered.disconnect()  # Qt's own paste, which keeps decomposed Hangul as it came
            paste.triggered.connect(self.paste_composed)
        menu.exec(event.globalPos())
        menu.deleteLater()
