"""A business hours' time box on the locale's clock that names midnight as the hours' summaries do.

The summary under the editor said "오후 6:00~자정" while the box above it said "오전 12:00" (an
English one "12:00 AM", a British one "00:00"): two words for one time. The box shows "자정",
"midnight" while its time is 00:00 (the day's start, or its end, which the wire spells "24:00").
The name is Qt's special value text, shown at the box's minimum, 00:00. Qt can neither step a
section nor type digits into it, and "08:00" typed over "10:00" passes through 00:00 at its first
digit. So while the owner types or steps a time the box shows the clock ("오전 12:00" at midnight,
stepped from the name on its hour), and typing and arrow keys work as on any other time; the name
comes back once she leaves the box (or presses Enter).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QTimeEdit, QWidget

from ui.date_typing import typed_dates
from ui.formatting import display_locale, hours_time, time_edit_format

_MIDNIGHT = QTime(0, 0)


class HoursTimeEdit(QTimeEdit):
    """A time of day for business hours: "오전 10:00", "10:00 AM", "10:00"; "자정", "midnight" at 00:00."""

    def __init__(self, time: QTime, parent: QWidget | None = None) -> None:
        super().__init__(time, parent)
        self.setLocale(display_locale())  # its 오전/오후 or AM/PM, as the format it shows
        self.setDisplayFormat(time_edit_format())
        # A click into "10:00" (or Ctrl+A) and "08:00" typed took nothing: Qt's time edit refuses
        # digits typed into a full section it has not selected.
        typed_dates(self)
        # Installed after typed_dates' filter, so it sees a digit first.
        self.installEventFilter(self)
        self.setMinimumTime(_MIDNIGHT)
        self._name_midnight()
        self.editingFinished.connect(self._name_midnight)

    def names_midnight(self) -> bool:
        """Whether the box shows midnight's name rather than a clock."""
        return bool(self.specialValueText()) and self.time() == _MIDNIGHT

    def _name_midnight(self) -> None:
        self.setSpecialValueText(hours_time("00:00"))

    def _show_the_clock(self) -> bool:
        """The clock instead of the name while the owner types or steps the time; True when the
        box named midnight until now ("오전 12:00" now shows, on its hour: a name has no sections,
        and Up from "자정" on 오전/오후 gave noon, not 1:00)."""
        if not self.specialValueText():
            return False  # already (setting it again would move the cursor off the section typed)
        named = self.names_midnight()
        self.setSpecialValueText("")
        if named:
            hour = next(
                i for i in range(self.sectionCount()) if self.sectionAt(i) == QTimeEdit.Section.HourSection
            )
            self.setCurrentSectionIndex(hour)
        return named

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text().isdigit()
            and self._show_the_clock()
        ):
            self.lineEdit().selectAll()  # typed from the first section, as over any whole time
        return False

    def stepBy(self, steps: int) -> None:
        # Arrow keys, Page Up/Down, the wheel and the arrows beside the box all step here.
        self._show_the_clock()
        super().stepBy(steps)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._name_midnight()
