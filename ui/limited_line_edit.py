"""A one-line field held to a length limit that says when a paste, a drop or typing did not all fit.

QLineEdit's maxLength cuts a paste silently: a pasted menu title lost its end mid-word and only the
"24/24" counter hinted at it. It also drops keys typed into a full field without a sign, so an owner
typing fast (or in Korean, through the input method) lost the end of a name without seeing why. The
limit stays (it is WhatsApp's); the owner is told what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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

from app.graphemes import cut_to
from app.text import nfc
from app.wire import whatsapp_length

# QLineEdit's own largest maxLength (its default).
QT_MAX_LENGTH = 32767


def text_length(text: str) -> int:
    """Length as WhatsApp's limits count it, on the desktop and the relay alike
    (app.wire.whatsapp_length: an emoji is one), never as Qt counts (UTF-16 units: an emoji two)."""
    return whatsapp_length(text)


class LimitedLineEdit(QLineEdit):
    """`cut_short` is emitted after text pasted or dropped in was cut to maxLength (after textEdited);
    `full` when typed text (a key, or the input method's commit) did not go in because the field holds
    maxLength already. maxLength counts as `text_length` does: Qt's own limit (UTF-16 units) is set
    out of its way, at twice it, which no text within the limit reaches."""

    cut_short = Signal(int)  # the limit
    full = Signal(int)  # the limit

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit = super().maxLength()

    def setMaxLength(self, limit: int) -> None:
        self._limit = limit
        super().setMaxLength(min(2 * limit, QT_MAX_LENGTH))

    def maxLength(self) -> int:
        return self._limit

    def setText(self, text: str | None) -> None:
        """As QLineEdit's: cut to maxLength (between two whole characters)."""
        super().setText(cut_to(text or "", self._limit))

    def room(self) -> int:
        """Characters an insertion may bring: up to maxLength, counting the selection it replaces."""
        return max(0, self._limit - text_length(self.text()) + text_length(self.selectedText()))

    def _insert(self, text: str, room: int, insert: Callable[[str], None]) -> None:
        """Insert `text` cut to `room`, between two whole characters (never half an emoji)."""
        fitting = cut_to(text, room)
        insert(fitting)
        if fitting != text:
            self.cut_short.emit(self._limit)

    def paste_composed(self) -> None:
        """Paste the clipboard's text with its Hangul composed (NFC): copied from a Mac file name it
        comes as decomposed jamo, three letters a syllable, and was cut to the limit mid-syllable."""
        self._insert(nfc(QGuiApplication.clipboard().text()), self.room(), self.insert)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            self.paste_composed()
            return
        typed = event.text()
        if typed.isprintable() and typed and not self.isReadOnly() and text_length(typed) > self.room():
            self.full.emit(self._limit)  # the key does not go in, and the owner is told
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit, room = event.commitString(), self.room()
        if not commit or self.isReadOnly() or text_length(commit) <= room:
            super().inputMethodEvent(event)
            return
        fitting = QInputMethodEvent(event.preeditString(), event.attributes())
        fitting.setCommitString(cut_to(commit, room), event.replacementStart(), event.replacementLength())
        super().inputMethodEvent(fitting)
        self.full.emit(self._limit)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not mime.hasText() or event.source() is self:
            super().dropEvent(event)
            return
        # Dropped as the clipboard is pasted: its Hangul composed (paste_composed); inserted at the
        # drop, beside the text there (a selection elsewhere in the field stays).
        text = nfc(mime.text())

        def dropped(fitting: str) -> None:
            composed = QMimeData()
            composed.setText(fitting)
            drop = QDropEvent(
                event.position(),
                event.possibleActions(),
                composed,
                event.buttons(),
                event.modifiers(),
                event.type(),
            )
            super(LimitedLineEdit, self).dropEvent(drop)
            event.setDropAction(drop.dropAction())
            event.setAccepted(drop.isAccepted())

        self._insert(text, max(0, self._limit - text_length(self.text())), dropped)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        paste = menu.findChild(QAction, "edit-paste")  # the name Qt gives its menu's Paste
        if paste is not None:
            paste.triggered.disconnect()  # Qt's own paste, which keeps decomposed Hangul as it came
            paste.triggered.connect(self.paste_composed)
        menu.exec(event.globalPos())
        menu.deleteLater()
