"""A label holding one link that looks disabled when it is: Qt paints a link in the palette's link
colour whatever the label's state (the colour is fixed when the text is read), so a link stayed blue
in a greyed-out group (Settings ▸ Relay while a save runs) and looked as if it could still be clicked.
And in a colour that reads on the window: a dark desktop's own link blue may not (ui/theme.link_colour)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.theme import link_colour


class LinkLabel(QLabel):
    """`text` as a link to `href` (linkActivated says it); while disabled, the same words in the
    palette's disabled text colour, as the labels around it. Read again at each palette change, so a
    light/dark switch gives the link the new palette's colour."""

    def __init__(self, text: str, href: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._words, self._href = text, href
        self._by_tab = False
        self._show()

    def reach_by_tab(self) -> None:
        """Tab stops on the link and Enter opens it: a link only the mouse could follow."""
        self._by_tab = True
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        # Clicked, the link opens without taking the keyboard from the field the owner was in: the
        # setup's help closed, Enter opened it again instead of going on to the next page.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # A label takes the focus with no link in it (Enter then went to the window's default
        # button), and a second Tab gave the link its focus: one Tab stop, on the link.
        if self._by_tab and event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)

    def set_link_text(self, text: str) -> None:
        self._words = text
        self._show()

    def _show(self) -> None:
        words = html.escape(self._words)
        if self.isEnabled():
            colour = link_colour(self.palette()).name()
            self.setText(f'<a href="{html.escape(self._href)}" style="color: {colour}">{words}</a>')
        else:
            self.setText(words)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.EnabledChange, QEvent.Type.PaletteChange):
            self._show()
