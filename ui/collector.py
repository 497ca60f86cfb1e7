"""The cyclic garbage collector runs on the window's thread between events, never in a background thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the window's thread looks at the collector's counts. A catch-up allocates ~10,000
# tracked objects a second in the op threads; a young pass over a tenth of that is well under 1 ms.
# While nothing is due the checks slow down, to one every IDLE_CHECK_MS (an idle app on a laptop
# should not wake ten times a second).
CHECK_MS = 100
IDLE_CHECK_MS = 2_000


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects from a timer on the GUI thread, generation by
    generation as CPython's own thresholds would.

    A collector pass holds the GIL from start to end, and CPython runs it in whichever thread
    happened to allocate: during a catch-up, mostly an op thread re-reading chat-list rows, which
    runs below the window's priority. The window then waits for the pass and for as long as that
    thread waits for a core to finish it (measured: passes of 11 ms of CPU holding the window 34 ms
    during a page scroll). Here a pass runs on the window's thread, between two events, at its
    priority. Objects of Qt wrappers caught in cycles are finalised on the GUI thread too.

    Full passes keep CPython's guard against quadratic work: only when the objects added to the
    oldest generation since the last full pass are a quarter of those that survived it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._survived_full = len(gc.get_objects(2))
        self._old_seen = -1  # the oldest generation's count when a full pass was last considered
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        if self.collect_due() is None:
            self.timer.setInterval(min(IDLE_CHECK_MS, self.timer.interval() * 2))
        else:
            self.timer.setInterval(CHECK_MS)

    def collect_due(self) -> int | None:
        """Run the pass CPython would have run by now, if any; returns its generation."""
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first:
            return None
        if old > third and self._full_pass_due():
            generation = 2
        elif middle > second:
            generation = 1
        else:
            generation = 0
        gc.collect(generation)
        if generation == 2:
            self._survived_full = len(gc.get_objects(2))
        return generation

    def _full_pass_due(self) -> bool:
        """Counting the oldest generation lists it: done once per middle pass, not at every check."""
        old = gc.get_count()[2]
        if old == self._old_seen:
            return False
        self._old_seen = old
        gained = len(gc.get_objects(2)) - self._survived_full
        return gained > self._survived_full // 4

    def stop(self) -> None:
        """Automatic collection back on (the app is quitting, or a test ends)."""
        self.timer.stop()
        gc.enable()


_installed: GuiThreadCollector | None = None


def collect_on_the_gui_thread(app: QObject) -> GuiThreadCollector:
    """The app's one collector (a second start in the same process keeps the first)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed


def collect_if_due() -> int | None:
    """On the calling (GUI) thread: the pass the app's collector would run now, if it is installed."""
    return None if _installed is None else _installed.collect_due()
