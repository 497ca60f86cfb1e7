"""Says when the computer woke from sleep, so that the relay's long poll is started afresh."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app import relay_clock

log = logging.getLogger(__name__)

TICK_MS = 5_000
# Between two ticks 5 s apart, this much on this computer's clock: it slept (a timer does not run
# while it sleeps), or its clock was set forward.
SLEPT_AFTER_SECONDS = 60.0


class WakeWatch(QObject):
    """`woke` a few seconds after the laptop's lid is opened again. The long poll sent before it
    slept is usually on a connection that died meanwhile (another Wi-Fi, a relay that restarted):
    nothing arrived on it until its read timeout, while the window said it was online."""

    woke = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last = relay_clock.local_time()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = relay_clock.local_time()
        gap, self.last = now - self.last, now
        if gap > SLEPT_AFTER_SECONDS:
            log.info("the computer was asleep for about %d min; reconnecting to the relay", gap // 60)
            self.woke.emit()
