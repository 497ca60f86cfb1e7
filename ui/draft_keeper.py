"""Keeps an editor's unsaved form on disk a few seconds after an edit and when the focus leaves a field."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.ops import run_op

log = logging.getLogger(__name__)

# Often enough that a dead battery takes a few seconds of typing at most; seldom enough that a
# long message typed without a pause is written a handful of times, not once a key.
KEEP_AFTER_MS = 3000

Work = Callable[[], object]


class DraftKeeper(QObject):
    """`snapshot()` (on the GUI thread) returns the write that keeps the form as it is now (or None
    when there is nothing to keep); the write runs on the one writer, after the writes before it, so
    a kept form and its forgetting land in the order asked."""

    def __init__(self, window: QWidget, snapshot: Callable[[], Work | None]) -> None:
        super().__init__(window)
        self.window = window
        self.snapshot = snapshot
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(KEEP_AFTER_MS)
        self.timer.timeout.connect(self.keep_now)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def edited(self) -> None:
        """The form changed: kept within KEEP_AFTER_MS (the timer is not started again by every
        key, so typing on without a pause is kept as it goes)."""
        self._pending = True
        if not self.timer.isActive():
            self.timer.start()

    def settle(self) -> None:
        """What would be kept was saved: nothing waits to be kept."""
        self.timer.stop()
        self._pending = False

    def is_pending(self) -> bool:
        return self._pending

    def keep_now(self) -> None:
        self.timer.stop()
        if not self._pending:
            return
        self._pending = False
        work = self.snapshot()
        if work is not None:
            run_op(work, writes=True, on_failure=self._not_kept)

    def forget(self, work: Work, then: Callable[[], None] | None = None) -> None:
        """Nothing waits to be kept any more; `work` forgets what was kept (on the writer)."""
        self.timer.stop()
        self._pending = False
        run_op(
            work, (lambda _none: then()) if then is not None else None, writes=True, on_failure=self._not_kept
        )

    def _not_kept(self, exc: BaseException) -> None:
        # The form itself is still on screen; only its copy on disk failed (a full disk, say).
        log.warning("unsaved form of %s not kept: %s", type(self.window).__name__, type(exc).__name__)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """A field lost the focus (to another field, another window or none): what it holds is kept
        now, not in a moment."""
        if not self._pending or old is None or old is new:
            return
        try:
            inside = self.window.isAncestorOf(old)
        except RuntimeError:  # the window is gone
            return
        if inside:
            self.keep_now()
