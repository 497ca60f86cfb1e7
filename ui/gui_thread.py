"""Signals a worker thread raises on the GUI thread: posted there as an event, emitted there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_EMIT_EVENT = QEvent.Type(QEvent.registerEventType())


class _Emit(QEvent):
    def __init__(self, signal: Any, args: tuple[Any, ...]) -> None:
        super().__init__(_EMIT_EVENT)
        self.signal = signal
        self.args = args


class GuiThreadSignals(QObject):
    """Signals a worker thread raises with `post(self.signal, *args)`: posted to the GUI thread as an
    event and emitted there, as ops deliver their results (ui/ops.py `_Delivery`). A Python-defined
    signal emitted from a worker thread crashes PySide 6.8+ now and then (PYSIDE-3124). Lives on the
    GUI thread; what is posted to it after it is gone goes with it."""

    def post(self, signal: Any, *args: Any, behind: bool = False) -> None:
        """Emit `signal(*args)` on the GUI thread; `behind`: below the window's own events queued
        meanwhile (a scroll's paint among them), else where a queued connection would have."""
        priority = Qt.EventPriority.LowEventPriority if behind else Qt.EventPriority.NormalEventPriority
        QCoreApplication.postEvent(self, _Emit(signal, args), priority.value)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _Emit):
            event.signal.emit(*event.args)
            return True
        return super().event(event)
