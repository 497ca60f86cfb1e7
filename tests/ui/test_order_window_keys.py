"""An order's window worked from the keyboard: Tab goes down the window as it reads, and out of the
lines' table to the fields under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_order_window_layout import new_order_open


def tab_stops(qtbot: Any, start: QWidget, count: int) -> list[QWidget]:
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    stops: list[QWidget] = []
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        stops.append(now)
    return stops


def test_tab_leaves_the_lines_for_the_note_and_payment_fields(window: Any, qtbot: Any) -> None:
    """Tab went round the table's cells (item, option, quantity, price, total, item…) for ever."""
    order_window = new_order_open(window, qtbot)
    order_window.activateWindow()
    stops = tab_stops(qtbot, order_window.table, 3)
    assert stops[0] is order_window.memo
    assert order_window.table not in stops


def test_tab_goes_from_the_moves_to_the_lines_then_the_fields_then_the_history(
    window: Any, qtbot: Any
) -> None:
    """The history list came between the buttons and the order's lines, and the scroll area around
    the lines took a Tab of its own that showed nothing."""
    order_window = new_order_open(window, qtbot)
    order_window.activateWindow()
    first_move = order_window.move_row.findChildren(QWidget, "changeOrder")[0]
    stops = tab_stops(qtbot, first_move, 25)
    assert order_window.body not in stops
    table, memo, history = (
        stops.index(w) for w in (order_window.table, order_window.memo, order_window.history_view)
    )
    assert table < memo < history
