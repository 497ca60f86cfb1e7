"""Where orders meet the main window: the board, order windows, and repainting chats when orders move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.order_board import OrderBoard
    from ui.order_window import OrderWindow


class OrderActions(QObject):
    """Owned by the main window (ui/menus.py builds it): opens the board and orders, spreads changes."""

    changed = Signal(object)  # contact id whose orders changed, or None

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.board: OrderBoard | None = None
        self.open_orders: dict[int, OrderWindow] = {}
        window.chat.view.order_requested.connect(self.open_order)
        self.changed.connect(self._repaint)

    def open_board(self) -> OrderBoard:
        from ui.order_board import OrderBoard

        if self.board is None:
            self.board = OrderBoard(self.ctx, self)
            self.board.chat_requested.connect(self.window.show_chat)
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()
        return self.board

    def open_order(self, order_id: int) -> OrderWindow:
        from ui.order_window import OrderWindow

        existing = self.open_orders.get(order_id)
        if existing is None:
            existing = OrderWindow(self.ctx, order_id, self.window)
            existing.moved.connect(lambda _oid, contact_id: self.changed.emit(contact_id))
            existing.finished.connect(lambda _r, oid=order_id: self.open_orders.pop(oid, None))
            self.open_orders[order_id] = existing
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing

    def _repaint(self, contact_id: int | None) -> None:
        self.window.chat.view.chat_model.orders_changed()
        if contact_id is not None:
            self.window.on_conversations_changed({contact_id}, from_sync=False)
        if self.board is not None:
            self.board.reload()
        for order_window in self.open_orders.values():
            order_window.reload()
