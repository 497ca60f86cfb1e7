"""Dates typed into a date edit the way the owner writes them.

Qt's date edit takes typed digits section by section, and goes on to the next section by itself once
one is complete. A separator typed after that moved once more: "2026.12.24" into the Korean format
("yyyy. M. d.") gave 1월 12일, and ". " (as the field itself shows dates) moved twice. A click put the
cursor in a section without selecting it, and digits typed there, or over the whole text selected,
were refused. Here a separator (. - / , or a space) only goes on when Qt has not already; a click
selects the section clicked; digits typed over everything start at the first section.

Korean times are shown with 오전/오후 before a 12-hour hour ("오후 2:30"), a section digits cannot
go into: a digit typed there goes on to the hour, and an hour typed with two digits is read on the
24-hour clock ("14:30", "09:05"), 오전/오후 following it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

SEPARATORS = frozenset(".-/, ")


class _TypedDates(QObject):
    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.line = edit.lineEdit()
        self.moved = False  # on a new section since the last digit: a separator now is no step
        self.hour_typed = ""  # digits typed into a 12-hour hour section, read as a 24-hour hour

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
            if edit.currentSection() == QDateTimeEdit.Section.AmPmSection:
                self._next_section()  # 오전/오후 takes no digits: they are the hour's
            before = edit.currentSectionIndex()
            if not self._hour_on_the_24_hour_clock(text):
                edit.event(event)
            self.moved = edit.currentSectionIndex() != before  # Qt went on by itself
            if self.moved:
                self.hour_typed = ""
            event.accept()
            return True
        self.hour_typed = ""
        if text and text in SEPARATORS:
            if not self.moved:
                self._next_section()
            self.moved = True
            event.accept()
            return True
        self.moved = False
        return False

    def _next_section(self) -> None:
        edit = self.edit
        index = edit.currentSectionIndex()
        if index + 1 < edit.sectionCount():
            edit.setCurrentSectionIndex(index + 1)
            edit.setSelectedSection(edit.sectionAt(index + 1))

    def _hour_on_the_24_hour_clock(self, digit: str) -> bool:
        """A 12-hour hour typed with two digits (00–23) is set as that hour: True when done here."""
        edit = self.edit
        if edit.currentSection() != QDateTimeEdit.Section.HourSection or not (
            edit.displayedSections() & QDateTimeEdit.Section.AmPmSection
        ):
            return False
        typed = self.hour_typed + digit
        if len(typed) < 2:
            self.hour_typed = typed if digit in "012" else ""
            return False  # Qt shows the first digit (3–9: the hour, and it goes on)
        self.hour_typed = ""
        hour = int(typed)
        if hour > 23:
            return False
        edit.setTime(QTime(hour, edit.time().minute()))  # 오전/오후 follow
        self._next_section()
        return True


def typed_dates(edit: QDateTimeEdit) -> None:
    """Let the owner type dates into `edit` as they write them (a QDateEdit is a QDateTimeEdit)."""
    keeper = _TypedDates(edit)
    edit.installEventFilter(keeper)
    edit.lineEdit().installEventFilter(keeper)
