"""A background refresh's result waits for the window's events queued before it: a scroll paints first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

from ui.ops import run_read


class Window(QObject):
    """Stands in for the window: notes when its queued repaint is handled."""

    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.order.append("repaint")
            return True
        return super().event(event)


def test_a_catch_up_batch_reaches_the_list_after_a_repaint_already_waiting(ctx: Any, qtbot: Any) -> None:
    order: list[str] = []
    window = Window(order)
    for behind, expected in ((True, ["repaint", "rows"]), (False, ["rows", "repaint"])):
        order.clear()
        run_read(ctx, lambda _s: "rows", order.append, behind_window=behind)
        assert QThreadPool.globalInstance().waitForDone(5_000)  # its result is posted to the window
        QCoreApplication.postEvent(window, QEvent(QEvent.Type.UpdateRequest))  # then a scroll's repaint
        qtbot.waitUntil(lambda: len(order) == 2)
        assert order == expected
