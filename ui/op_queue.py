"""Ops that must run one after another in the order asked (edits, then their undo and redo)."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ui import message_box
from ui.ops import Failure, Success, failure_sentence, run_op

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Queued:
    fn: Callable[[], Any]
    on_success: Success | None
    on_failure: Failure | None


class OpQueue(QObject):
    """Each op starts on a worker after the previous one delivered on the GUI thread.

    A command's redo can start an op, and an undo pressed before it finished waits its turn, so the
    database sees the owner's actions in the order they were made. `busy_changed(bool)` lets a window
    ignore further edits meanwhile.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent
        self._waiting: deque[_Queued] = deque()
        self._running = False

    def is_busy(self) -> bool:
        return self._running or bool(self._waiting)

    def run_in_turn(
        self,
        fn: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        was_busy = self.is_busy()
        self._waiting.append(_Queued(fn, on_success, on_failure))
        if not self._running:
            self._next()
        if not was_busy:
            self.busy_changed.emit(True)

    def _next(self) -> None:
        if not self._waiting:
            self._running = False
            self.busy_changed.emit(False)
            return
        self._running = True
        queued = self._waiting.popleft()

        def succeeded(result: object) -> None:
            try:
                if queued.on_success is not None:
                    queued.on_success(result)
            finally:
                self._next()

        def failed(exc: BaseException) -> None:
            try:
                if queued.on_failure is not None:
                    queued.on_failure(exc)
                else:
                    message_box.warning(
                        self.widget, QCoreApplication.translate("ops", "Shop Inbox"), failure_sentence(exc)
                    )
            finally:
                self._next()

        # On the one writer: the queue's ops are the owner's edits (a read between them is harmless).
        run_op(queued.fn, succeeded, parent=self.widget, on_failure=failed, writes=True)
