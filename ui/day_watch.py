"""Says when this computer's day or time zone changes, so that "Today", "Yesterday", weekday labels and
clock times are redrawn."""

from __future__ import annotations

import time
from datetime import date, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app import relay_clock
from ui.formatting import local

# Checked once a minute rather than timed to midnight: a timer set for midnight is late by as long as
# the laptop slept through it, and a new time zone (travel, a change of summer time) moves the day too.
CHECK_MS = 60_000


def local_today() -> date:
    """Today on the clock times are shown on (the shop's, else this computer's: ui/formatting.local),
    set right by the relay's (relay_clock: a laptop 7 minutes slow still turns the day at midnight
    as WhatsApp's stamps do)."""
    return local(relay_clock.now()).date()


def local_offset() -> timedelta | None:
    """How far the clock times are shown on is from UTC now (its time zone, summer time included)."""
    return local(relay_clock.now()).utcoffset()


def read_time_zone_again() -> None:
    """This computer's time zone read afresh. The C library reads it once and keeps it: a laptop
    carried from Seoul to Los Angeles, whose system moved its clock to Pacific time on waking, still
    had every time written on Seoul's until Shop Inbox was restarted. (Windows has no tzset: there
    Python keeps the zone it started with.)"""
    if hasattr(time, "tzset"):
        time.tzset()


class DayWatch(QObject):
    """`day_changed` once the local date differs from the one last seen: the app left open overnight
    still showed yesterday's messages under "Today" and their clock times in the chat list.
    `zone_changed` once this computer's time zone moved (travel): every clock time shown is another
    hour now, and messages may fall on other days."""

    day_changed = Signal()
    zone_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day = local_today()
        self.offset = local_offset()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        read_time_zone_again()
        today, offset = local_today(), local_offset()
        moved = offset != self.offset
        self.offset = offset
        if moved:
            self.zone_changed.emit()
        if today != self.day:
            self.day = today
            self.day_changed.emit()
