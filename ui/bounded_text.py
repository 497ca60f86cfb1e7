"""A plain text box that never takes in more than it keeps: a 5 MB paste is cut before Qt lays it out.

Qt inserts a paste whole and lays it out (over a second for 5 MB, the window frozen) before a
length check could cut it. The owner's texts (replies, notes, descriptions, the bot's answers) are
checked against WhatsApp's own limits when saved or sent; this only keeps a mistaken paste cheap.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QPlainTextEdit, QWidget

# Far above any limit a text is checked against, so a long text is still seen whole and trimmed by
# the owner; far below what freezes the window.
MAX_CHARS = 65_536


class BoundedTextEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None, *, max_chars: int = MAX_CHARS) -> None:
        super().__init__(parent)
        self.max_chars = max_chars
        # Tab goes on to the next field: a tab character means nothing in a WhatsApp text or a note,
        # and a box that keeps Tab holds a keyboard user in it (the contact panel's notes did).
        self.setTabChangesFocus(True)

    def setPlaceholderText(self, placeholder_text: str) -> None:
        """Qt repaints the box for its hint only when the box turns empty or not: a hint changed in an
        empty box showed the old one until something else repainted it (the reply box kept saying
        the number a chat was on after she wrote to the shop's other number)."""
        if placeholder_text != self.placeholderText():
            super().setPlaceholderText(placeholder_text)
            if self.document().isEmpty():
                self.viewport().update()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and len(text := source.text()) > self.room():
            self.insertPlainText(text[: self.room()])  # only what the box keeps goes in
        else:
            super().insertFromMimeData(source)

    def room(self) -> int:
        """Characters a paste may bring: up to max_chars, counting what it replaces."""
        held = self.document().characterCount() - 1  # the document's own closing paragraph mark
        return max(0, self.max_chars - held + len(self.textCursor().selectedText()))
