"""News said aloud by a screen reader without taking the keyboard from where the owner is: the relay
lost or back, a message not sent. A strip appearing or a bubble turning red says nothing to her."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel

log = logging.getLogger(__name__)


class Announcements(QObject):
    """The app's one announcer: `said` carries each announcement (tests and logs follow it)."""

    said = Signal(str)


_announcements: Announcements | None = None


def announcements() -> Announcements:
    global _announcements
    if _announcements is None:
        _announcements = Announcements()
    return _announcements


def announce(source: QObject, text: str) -> None:
    """Ask assistive technology to read `text` now, politely (after what it is reading), as news
    from `source` (the widget that shows it)."""
    if not text:
        return
    if QAccessible.isActive():  # no screen reader: no accessibility tree is built for the event
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))
    log.debug("announced news from %s", type(source).__name__)
    announcements().said.emit(text)


def show_news(note: QLabel, text: str) -> None:
    """Put `text` in `note` (a line that appears under the work: saved, not attached, answered
    elsewhere) and show it, saying it aloud when it is new: nobody can Tab to a label, and a
    screen reader reads none that appears by itself."""
    new = note.isHidden() or note.text() != text
    note.setText(text)
    note.show()
    if new:
        announce(note, text)
