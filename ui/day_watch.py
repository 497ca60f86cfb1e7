"""Says when this computer's day changes, so that "Today", "Yesterday" and weekday labels are redrawn."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app import relay_clock

# Checked once a minute rather than timed to midnight: a timer set for midnight is late by as long as
# the laptop slept through it, and a new time zone (travel, a change of summer time) moves the day too.
CHECK_MS = 60_000


def local_today() -> date:
    """Today on this computer's clock and in its time zone (tests move the clock, relay_clock.local_time)."""
    return datetime.fromtimestamp(relay_clock.local_time()).date()


class DayWatch(QObject):
    """`day_changed` once the local date differs from the one last seen: the app left open overnight
    still showed yesterday's messages under "Today" and their clock times in the chat list."""

    day_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day = local_today()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        today = local_today()
        if today != self.day:
            self.day = today
            self.day_changed.emit()
