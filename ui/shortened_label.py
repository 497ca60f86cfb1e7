"""A one-line label that ends in "…" where its room ends, never widening the window for a long text."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from ui.plain_tooltip import plain_tooltip


class ShortenedLabel(QLabel):
    """One line that ends in "…" where the room ends: eight photos' long names, or a customer's
    500-character WhatsApp name, must not widen their pane, and the window with it, past the screen.
    The whole text stays the label's text, and its tooltip says it when it is cut (after it, the
    label's note, if it has one), unless the label has a tooltip of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._note = ""

    def set_note(self, note: str) -> None:
        """A plain-text word on the text (why a search count stops where it does), shown as the
        tooltip, after the whole text when the label has cut it."""
        self._note = note

    def tip(self) -> str:
        """The tooltip as the owner pointing at the label sees it now: its own, or the whole text
        when it is cut, then the note."""
        if self.toolTip():
            return self.toolTip()
        whole = self.text() if self.shown_text() != self.text() else ""
        return plain_tooltip("\n\n".join(filter(None, [whole, self._note])))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            if tip := self.tip():
                QToolTip.showText(cast(QHelpEvent, event).globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as painted: whole when it fits, else cut with "…"."""
        room = self.contentsRect()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.shown_text()
        )
        painter.end()
