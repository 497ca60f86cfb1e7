"""Dates typed into a date edit the way the owner writes them.

Qt's date edit takes typed digits section by section, and goes on to the next section by itself once
one is complete. A separator typed after that moved once more: "2026.12.24" into the Korean format
("yyyy. M. d.") gave 1월 12일, and ". " (as the field itself shows dates) moved twice. A click put the
cursor in a section without selecting it, and digits typed there, or over the whole text selected,
were refused. Here a separator (. - / , or a space) only goes on when Qt has not already; a click
selects the section clicked; digits typed over everything start at the first section.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

SEPARATORS = frozenset(".-/, ")


class _TypedDates(QObject):
    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.line = edit.lineEdit()
        self.moved = False  # on a new section since the last digit: a separator now is no step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Compared as objects only: events still arrive while the edit is being destroyed.
        kind = event.type()
        if watched is self.line and kind == QEvent.Type.MouseButtonRelease:
            self.edit.setSelectedSection(self.edit.currentSection())  # typed digits replace it
            self.moved = True
        elif watched is self.edit and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        edit, text = self.edit, event.text()
        if text.isdigit():
            if self.line.hasSelectedText() and self.line.selectedText() == self.line.text():
                edit.setCurrentSectionIndex(0)  # everything selected: the date is typed from the start
                edit.setSelectedSection(edit.sectionAt(0))
            before = edit.currentSectionIndex()
            edit.event(event)
            self.moved = edit.currentSectionIndex() != before  # Qt went on by itself
            event.accept()
            return True
        if text and text in SEPARATORS:
            index = edit.currentSectionIndex()
            if not self.moved and index + 1 < edit.sectionCount():
                edit.setCurrentSectionIndex(index + 1)
                edit.setSelectedSection(edit.sectionAt(index + 1))
            self.moved = True
            event.accept()
            return True
        self.moved = False
        return False


def typed_dates(edit: QDateTimeEdit) -> None:
    """Let the owner type dates into `edit` as they write them (a QDateEdit is a QDateTimeEdit)."""
    keeper = _TypedDates(edit)
    edit.installEventFilter(keeper)
    edit.lineEdit().installEventFilter(keeper)
