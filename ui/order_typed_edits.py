"""Before a file made from the stored orders: an order window holding unsaved words asks first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.unsaved_edits import leave_edits

if TYPE_CHECKING:
    from ui.order_window import OrderWindow


def typed_orders_saved_then(
    windows: Iterable[OrderWindow],
    then: Callable[[QWidget | None], None],
    asked_over: QWidget | None = None,
) -> None:
    """The courier sheet and the orders export read the orders as stored: an address, payment
    details, tracking number or note typed in an open order's window and not saved would be left
    out silently. Each such window asks in turn (Save / Export without saving / Cancel); `then` runs
    once every one was answered, and never after Cancel or a refused save. It is given the window
    the last question was asked over (None when none was): the owner is in that window now, and
    what comes next (the file dialog) opens over it, or the board it belongs to comes in front of
    it as the file dialog closes."""
    waiting = [w for w in windows if w.isVisible() and w.has_unsaved_edits()]
    if not waiting:
        then(asked_over)
        return
    window, rest = waiting[0], waiting[1:]
    number = window.detail.number if window.detail is not None else ""
    leave_edits(
        window,
        QCoreApplication.translate(
            "OrderTypedEdits",
            "Save the changes to order {0} before exporting? The file holds only what is saved; "
            "without saving, your changes stay in its window as typed.",
        ).format(number),
        dirty=True,
        save_then=window.save_typed_then,
        then=lambda: typed_orders_saved_then(rest, then, window),
        discard_text=QCoreApplication.translate("OrderTypedEdits", "E&xport without saving"),
    )
