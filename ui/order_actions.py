"""Where orders meet the main window: the board, order windows, and the chat's cards when orders move."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget

from app.changes import Changes
from app.errors import RelayError
from app.order_actions import cancel_overdue, statuses_for, statuses_for_orders
from app.order_notices import BulkMove
from app.queries import MessageRow
from app.relay_pushes import PushTask, worth_retrying
from ui import icons
from ui.chat_menu import START_ORDER_KEYS
from ui.context import AppContext
from ui.enter_key import click_on_enter
from ui.icon_buttons import name_icon_button
from ui.korean_particles import with_particles
from ui.ops import delete_when_closed, run_op
from ui.screen_fit import place_beside
from ui.single_instance import bring_to_front

if TYPE_CHECKING:
    from ui.bulk_notice_dialog import BulkNoticeDialog
    from ui.deposit_dialog import DepositDialog
    from ui.main_window import MainWindow
    from ui.order_board import OrderBoard
    from ui.order_form import StartOrderDialog
    from ui.order_messages_dialog import BatchMessagesDialog
    from ui.order_window import OrderWindow


log = logging.getLogger(__name__)

DEADLINE_CHECK_MS = 60_000
FIRST_DEADLINE_CHECK_MS = 3_000  # after the first paint and sync have started
RESULT_SHOWN_MS = 30_000  # a bulk result on the main window's status line: read, then gone


class OrderActions(QObject):
    """Owned by the main window (ui/menus.py builds it): opens the board, orders and order dialogs.

    Every order change is published as `Changes.orders` (with the chats it concerns) on the context's
    hub: the board, the open order windows, the catalogue (stock) and the chat list refresh themselves.
    """

    # An order window made a move: order id, the state it went to (the board offers its Undo).
    order_moved = Signal(int, str)

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.board: OrderBoard | None = None
        self.open_orders: dict[int, OrderWindow] = {}
        # contact id → the new-order form open for that chat: a second click on the chat's cart
        # brings it up, where it opened a second form and both, saved, made two orders of one cart.
        self.new_orders: dict[int, StartOrderDialog] = {}
        window.chat.view.order_requested.connect(self.open_order)
        window.chat.view.start_order_requested.connect(self._start_from_message)
        ctx.hub.changed.connect(self._hub_changed)
        self.start_button = self._header_button()
        self._status_watched = False  # the main window's status line hides once its result is gone
        # Orders whose payment deadline passed are cancelled (stock released) while the app runs.
        self.deadlines = QTimer(self)
        self.deadlines.setInterval(DEADLINE_CHECK_MS)
        self.deadlines.timeout.connect(self.cancel_overdue)
        self.deadlines.start()
        QTimer.singleShot(FIRST_DEADLINE_CHECK_MS, self.cancel_overdue)

    def cancel_overdue(self) -> None:
        """Cancel orders past their payment deadline; prepare reminders for those due within a day."""
        db = self.ctx.db

        def done(result: tuple[list[int], list[int], Changes]) -> None:
            expired, remind, changes = result
            if expired:
                log.info("%d order(s) cancelled: payment deadline passed", len(expired))
            self.ctx.publish(changes)
            if remind:
                self.offer_reminders(remind)

        run_op(
            lambda: cancel_overdue(db),
            done,
            parent=self.window,
            on_failure=lambda exc: log.warning("payment deadlines not checked: %s", exc),
        )

    def offer_reminders(self, order_ids: list[int]) -> BatchMessagesDialog:
        """The reminders, prepared for the owner to send or not. The dialog takes the keyboard (its
        Alt letters work at once, and the main window behind it no longer takes keys meant for it),
        but not from a reply, search or note she is writing: a notice that came up mid-word took
        the rest of the word. Then it comes up beside her work, and the taskbar marks it."""
        from ui.order_messages_dialog import BatchMessagesDialog
        from ui.typing_now import show_beside_typing, typing_now

        dialog = BatchMessagesDialog(self.ctx, order_ids, self.window, reminder=True)
        delete_when_closed(dialog)  # once its send, if the owner pressed it, has delivered
        dialog.sent.connect(lambda _n: self.ctx.publish(Changes(orders=frozenset(order_ids))))
        if typing_now():
            show_beside_typing(dialog)
            return dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.list.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return dialog

    def open_board(self) -> OrderBoard:
        from ui.order_board import OrderBoard

        if self.board is None:
            self.board = OrderBoard(self.ctx, self)
            self.board.chat_requested.connect(self.window.show_chat)
        bring_to_front(self.board)
        return self.board

    def export_orders(self) -> None:
        """Shop ▸ Export orders…: the board asks for the days and the file."""
        self.open_board().choose_orders_export()

    def open_order(self, order_id: int) -> OrderWindow:
        window = self._order_window(order_id)
        bring_to_front(window)
        return window

    def _order_window(self, order_id: int) -> OrderWindow:
        """The order's window, made (not shown) if it is not open."""
        from ui.order_window import OrderWindow

        existing = self.open_orders.get(order_id)
        if existing is None:
            existing = OrderWindow(self.ctx, order_id, self.window)
            existing.finished.connect(lambda _r, oid=order_id: self.open_orders.pop(oid, None))
            # An exchange's new order, opened from the original's window.
            existing.open_requested.connect(self._exchange_requested)
            existing.moved.connect(lambda oid, _contact, w=existing: self._window_moved(oid, w))
            # The board's Undo of this order, hidden behind its window: Ctrl+Z there takes it back.
            existing.back.undo_requested.connect(lambda oid, w=existing: self._undo_in_window(oid, w))
            existing.back.moved_back.connect(self._window_moved_back)
            self.open_orders[order_id] = existing
        return existing

    def _window_moved(self, order_id: int, window: OrderWindow) -> None:
        self.order_moved.emit(order_id, window.detail.state if window.detail is not None else "")

    def _undo_in_window(self, order_id: int, window: OrderWindow) -> None:
        """Ctrl+Z in the order's window: the board's Undo of its latest move, if it offers one."""
        expected = self.board.move_back.offer_of(order_id) if self.board is not None else None
        if expected is not None:
            window.back.move_back(expected)

    def _window_moved_back(self, order_id: int, sentence: str) -> None:
        if self.board is not None:
            self.board.move_back.moved_back_in_window(order_id, sentence)

    def _exchange_requested(self, order_id: int) -> None:
        from ui.order_window import OrderWindow

        original = self.sender()
        if isinstance(original, OrderWindow):
            self.open_exchange(order_id, original)
        else:
            self.open_order(order_id)

    def open_exchange(self, order_id: int, original: OrderWindow) -> OrderWindow:
        """An exchange's new order beside the original's window, not over it: the original's message
        to the customer (what comes back, what goes out) is the next step, so it stays in front."""
        window = self._order_window(order_id)
        if window.isVisible() or not original.isVisible():
            bring_to_front(window)
            return window
        place_beside(window, original)
        # Shown without taking the focus: a window manager gives a new window the focus after the
        # original asked for it back, and the keyboard left the original's Send.
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        window.show()
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        bring_to_front(original)
        return window

    def _header_button(self) -> QToolButton:
        """ "Start order" beside the chat header's search and info buttons."""
        pane = self.window.chat
        button = QToolButton(pane.header)
        button.setObjectName("startOrderButton")
        button.setIcon(icons.icon("cart"))
        button.setIconSize(QSize(20, 20))
        # Its Chat menu command's key in its tooltip, as the header's search and info buttons have.
        name_icon_button(button, self.tr("Start order"), START_ORDER_KEYS)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.start_order())
        click_on_enter(button)
        layout = pane.header.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(pane.search_button), button)
        pane.refresh_tab_order()
        return button

    def _start_from_message(self, row: MessageRow) -> None:
        """On a list reply "item:<code>" the form opens with that item in it; on a cart that never
        became an order (its card, or the menu), with the cart's items."""
        if row.kind == "order":
            self.start_order(cart=row.id)
            return
        code = ""
        if row.kind == "interactive":
            part = (row.payload or {}).get("interactive") or {}
            reply = part.get("list_reply") or part.get("button_reply") or {}
            reply_id = str(reply.get("id") or "")
            if reply_id.startswith("item:"):
                code = reply_id.removeprefix("item:")
        self.start_order(code)

    def start_order(self, code: str = "", *, cart: int | None = None) -> StartOrderDialog | None:
        """The chat's new-order form (one per chat: an open one is brought up, taking the list reply's
        item `code` or the cart message `cart`'s items into its lines)."""
        from ui.order_form import StartOrderDialog

        conversation = self.window.chat.conversation
        contact_id = self.window.chat.contact_id()
        if contact_id is None or conversation is None or conversation.group_archive:
            return None  # no chat open, or a group archive: nobody to order for
        open_form = self.new_orders.get(contact_id)
        if open_form is not None:  # the lines typed in it so far stay as they are
            if code:  # a list reply naming another item: it joins them
                open_form.take_item(code)
            if cart is not None:  # a cart's items join them
                open_form.take_cart(cart)
            bring_to_front(open_form)
            return open_form
        name = conversation.display_name

        # A customer from a phone export (no number) gets orders too: the owner may only want to
        # write one down. The order window asks for the number when a message is to be sent.
        dialog = StartOrderDialog(self.ctx, contact_id, name, code, self.window, cart=cart)
        dialog.created.connect(self._created)
        dialog.finished.connect(lambda _r: self._form_closed(contact_id, dialog))
        self.new_orders[contact_id] = dialog
        delete_when_closed(dialog)
        dialog.show()
        return dialog

    def _form_closed(self, contact_id: int, dialog: StartOrderDialog) -> None:
        if self.new_orders.get(contact_id) is dialog:
            del self.new_orders[contact_id]

    def offer_notice(self, move: BulkMove, order_ids: list[int]) -> BulkNoticeDialog:
        """Orders a file moved in bulk: their customers' messages, sent or not in one decision."""
        from ui.bulk_notice_dialog import BulkNoticeDialog

        dialog = BulkNoticeDialog(self.ctx, move, order_ids, self.window)
        delete_when_closed(dialog)  # once the owner's decision is written
        dialog.show()
        return dialog

    def open_settings(self) -> None:
        from ui.order_settings_dialog import OrderSettingsDialog

        dialog = OrderSettingsDialog(self.ctx, self.window)
        delete_when_closed(dialog)
        dialog.exec()

    def open_deposits(self, parent: QWidget | None = None) -> DepositDialog:
        """The bank file's deposits matched to orders; `parent`: the window it opens over (the board's
        button), else the main window (the Shop menu)."""
        from ui.deposit_dialog import DepositDialog

        dialog = DepositDialog(self.ctx, parent if parent is not None else self.window)
        # The paid orders' "payment confirmed" messages (the single order's window prepares the
        # same), sent or not in one decision, as after a courier's file.
        dialog.paid.connect(self._offer_payment_messages)
        dialog.restored.connect(self._offer_restored_message)
        dialog.open_requested.connect(self.open_order)
        delete_when_closed(dialog)
        dialog.show()
        return dialog

    def _offer_payment_messages(self, order_ids: list[int]) -> None:
        if order_ids:
            count = len(order_ids)
            self._offer_and_say(order_ids, lambda sent, told: self._paid_text(count, sent, told))

    def _offer_restored_message(self, order_id: int, number: str) -> None:
        """A late deposit's order restored as paid: its message offered, and the result says it was
        restored ("1 order marked paid from the bank file" read as if a ticked match had been paid)."""
        self._offer_and_say([order_id], lambda sent, told: self._restored_text(number, sent and told > 0))

    def _offer_and_say(self, order_ids: list[int], result: Callable[[bool, int], str]) -> None:
        """The paid orders' "payment confirmed" messages offered; then `result(sent, how many went)`
        said where the owner looks next."""
        notice = self.offer_notice(BulkMove.BANK_FILE, order_ids)
        sending = notice.model.ticked
        # The deposits' window is closed by then: what went is said where she looks next, or she
        # was left wondering whether the confirmations had gone.
        notice.decided.connect(lambda sent: self.say_result(result(sent, sending())))

        def closed_unanswered(_result: int) -> None:
            # Esc or the window's ×: the orders are paid all the same and nobody was told, which is
            # said too (the board's note still read as before, e.g. an order awaiting payment).
            if not notice.answered:
                self.say_result(result(False, 0))

        notice.finished.connect(closed_unanswered)

    def _restored_text(self, number: str, told: bool) -> str:
        said = with_particles(
            self.tr("Order {0} restored as paid; its items are taken from stock again.").format(number)
        )
        if told:
            return said + " " + self.tr("Payment confirmation sent to the customer.")
        return said + " " + self.tr("The customer was not told.")

    def _paid_text(self, paid: int, sent: bool, count: int) -> str:
        said = self.tr("%Ln order(s) marked paid from the bank file.", "", paid)
        if sent and count:
            return said + " " + self.tr("Payment confirmation sent to %Ln customer(s).", "", count)
        return said + " " + self.tr("Customers not told.")

    def say_result(self, text: str) -> None:
        """A bulk result: in the orders board's note when the board is open (it stays until closed),
        else for a while on the main window's status line, which goes away after."""
        if self.board is not None and self.board.isVisible():
            self.board.saved_note.show_note(text)
            return
        bar = self.window.statusBar()
        bar.show()
        if not self._status_watched:
            bar.messageChanged.connect(self._status_cleared)
            self._status_watched = True
        bar.showMessage(text, RESULT_SHOWN_MS)

    def _status_cleared(self, text: str) -> None:
        if not text:
            self.window.statusBar().hide()

    def _created(self, order_id: int, _contact_id: int) -> None:
        self.open_order(order_id)

    def push_statuses(self, contact_id: int | None = None, *, orders: frozenset[int] = frozenset()) -> None:
        """Tell the relay where this customer's orders (or these orders' customers') stand, so its bot
        can answer while we are closed."""
        client = self.ctx.sync.relay_client() if self.ctx.sync is not None else None
        if client is None:
            return
        db = self.ctx.db

        def work() -> int:
            statuses = (
                statuses_for(db, contact_id) if contact_id is not None else statuses_for_orders(db, orders)
            )
            return client.push_order_statuses(statuses) if statuses else 0

        def failed(exc: BaseException) -> None:
            log.info("order statuses not pushed (tried again while online): %s", exc)
            if isinstance(exc, RelayError) and worth_retrying(exc) and self.ctx.sync is not None:
                self.ctx.sync.retry_push_later(PushTask.ORDER_STATUSES)

        run_op(work, parent=self.window, on_failure=failed)

    def _hub_changed(self, changes: Changes) -> None:
        """The relay's bot learns where the owner's order changes leave each chat's orders."""
        if not changes.orders:
            return
        if changes.from_sync:  # carts the batch made orders: the bot can answer about them at once
            self.push_statuses(orders=changes.orders)
        else:
            for contact_id in changes.contacts:
                self.push_statuses(contact_id)
