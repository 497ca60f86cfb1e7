"""One order's window: its lines and totals, payment and shipping, history, and the moves it can make."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import ErrorCode, ShopInboxError
from app.order_actions import (
    MoveOutcome,
    OrderEdits,
    PaymentDetails,
    load_order,
    move_order_to,
    move_when_message_can_go,
    save_goods_arrived,
    save_line_option,
    save_order_edits,
    save_tracking,
)
from app.order_back import came_back
from app.order_changes import CHANGEABLE_STATES, OrderChange
from app.order_messages import OrderMessage
from app.order_queries import OrderDetail
from app.order_returns import (
    ReturnOutcome,
    carried_credit,
    exchange_number,
    refund_on_cancel,
    waiting_returns,
)
from app.orders import (
    OPTION_STATES,
    OrderState,
    tracking_doubt,
)
from app.phones import display_phone
from app.shipping_sheets import AddressGap, ShippingAddress, gaps_before_shipping
from app.text_direction import isolated
from ui.context import AppContext, OwnChanges
from ui.korean_particles import with_particles
from ui.ops import Newest, Op, delete_when_closed, failure_sentence
from ui.order_history import history_lines, order_time
from ui.order_history_split import HistoryOverMessage
from ui.order_lines import LinesModel
from ui.order_memo_row import MemoRow
from ui.order_message_pane import OrderMessagePane
from ui.order_move_bar import MoveBar
from ui.order_moves import (
    confirm_cancel,
    confirm_close_unsent,
    confirm_no_address,
    confirm_tracking,
)
from ui.order_payment_row import PaymentRow
from ui.order_text import money, state_name, state_names
from ui.order_totals import OrderTotals
from ui.order_tracking_row import TRACKING_STATES, TrackingRow
from ui.order_window_back import WindowBack
from ui.screen_fit import grow_within_screen, place_within_screen, resize_within_screen, scrolling
from ui.ship_to_form import ShipToForm
from ui.single_instance import bring_to_front
from ui.tab_order import chain, row_widgets
from ui.theme import problem_colour
from ui.unsaved_edits import leave_edits

if TYPE_CHECKING:
    from ui.order_form import StartOrderDialog
    from ui.return_dialog import ReturnDialog

log = logging.getLogger(__name__)


def _shows_stored(typed: object, saved: object, shown: object) -> bool:
    """Whether a row shows the order as stored once a read or a save delivered: when nothing is
    typed in it, or it shows just what the save stored. What was typed while the save waited stays
    (it was replaced by the stored copy and lost)."""
    return typed is None if saved is None else shown == saved


def customer_with_phone(name: str, phone: str) -> str:
    """ "김민지 (010-9990-7890)", the number as the chat header writes it (+44 7700 900123 abroad);
    "Marcus Chen · (650) 555-0199" where the number has brackets of its own, not "((650) …)"."""
    if not phone:
        return name
    if "(" in phone:
        return f"{isolated(name)} · {phone}" if name else phone
    # An Arabic name would take the bracket and the number into its own right-to-left run.
    return f"{isolated(name)} ({phone})" if name else phone


class OrderWindow(QDialog):
    """Shown (not modal) from the board or a cart card; every read and move runs as an op."""

    moved = Signal(int, object)  # order id, contact id (or None); other views follow the hub
    open_requested = Signal(int)  # another order to show (an exchange's new order)

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self._reads = Newest()  # a late answer for an older look never replaces a newer one
        self.detail: OrderDetail | None = None
        self.setObjectName("orderWindow")
        self.setWindowTitle(self.tr("Order"))
        resize_within_screen(self, QSize(620, 650))  # the parts and four lines of history under them

        self.title = QLabel(self)
        self.title.setObjectName("orderTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.customer = QLabel(self)
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        # The customer and the payment line wrap: in a window narrowed beside the inbox, a long name
        # or a payment's deadline would have made it wider by itself. The title asks for its
        # longest state's width from the start instead (`show_detail`): wrapped a move later, it
        # would push the move buttons down from under the owner's pointer.
        self.customer.setWordWrap(True)
        self.lines = LinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.lines)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Only the option takes typing (LinesModel.flags), and only before the order ships.
        triggers = QTableView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.SelectedClicked
        )
        self.lines.option_edited.connect(self.save_option)
        # Tab leaves the lines for the fields under them (arrows move between cells): Tab going round
        # the cells kept the keyboard in the table, the note, payment and address out of reach.
        self.table.setTabKeyNavigation(False)
        # Room for four lines (more scroll): a table that took the window's spare height shrank and
        # grew as the message below came and went, and every field under it jumped 110 pixels.
        rows = self.table.verticalHeader().defaultSectionSize() * 4
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + frame)

        self.totals = OrderTotals(self)
        totals = self.totals  # its rows by their old names, for the window's readers
        self.subtotal, self.shipping, self.discount, self.total = (
            totals.subtotal,
            totals.shipping,
            totals.discount,
            totals.total,
        )
        self.carried_label, self.carried, self.due = totals.carried_label, totals.carried, totals.due
        self.refunded = totals.refunded
        self.payment = QLabel(self)
        self.payment.setTextFormat(Qt.TextFormat.PlainText)
        self.payment.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        # The owner's own memo (the new-order form's 메모), for her eyes only.
        self.memo_row = MemoRow(self)
        self.memo, self.save_memo_button = self.memo_row.memo, self.memo_row.save_button
        self.save_memo_button.clicked.connect(self.save_memo)
        self.memo.returnPressed.connect(self.save_memo)

        self.shipping_row = TrackingRow(self.ctx.shop_region, self)
        self.courier, self.tracking = self.shipping_row.courier, self.shipping_row.tracking
        self.save_tracking_button, self.shipping_hint = self.shipping_row.save_button, self.shipping_row.hint
        self.save_tracking_button.clicked.connect(self.save_tracking)
        self.tracking.returnPressed.connect(self._tracking_entered)

        self.payment_row = PaymentRow(self.ctx.shop_region, self)
        self.depositor, self.cash_receipt = self.payment_row.depositor, self.payment_row.cash_receipt
        self.save_payment = self.payment_row.save_button
        self._named_transfers = self.payment_row.named_transfers
        self.save_payment.clicked.connect(self.save_payment_details)
        for field in (self.depositor, self.cash_receipt):  # Enter saves them, as the row's button does
            field.returnPressed.connect(self.save_payment_details)
        # A row's Save is on only while its typing differs from the order as stored: a click that
        # saved shows itself by the button going grey (a memo's Save said nothing at all).
        for field in (self.memo, self.depositor, self.cash_receipt, self.tracking):
            field.textChanged.connect(self._saves_follow_typing)
        self.courier.currentTextChanged.connect(self._saves_follow_typing)  # chosen or typed

        self.ship_to = ShipToForm(self, shop_region=self.ctx.shop_region)
        self.ship_to.save_requested.connect(self.save_address)
        self.ship_to.edited.connect(self._saves_follow_typing)
        self.ship_to.save_button.setEnabled(False)  # until the order's address is read and changed
        # The rows as the order last filled them: what the owner typed since is an unsaved edit.
        self._stored_address: ShippingAddress | None = None
        self._stored_payment: PaymentDetails | None = None
        self._stored_memo: str | None = None

        self.history_and_message = HistoryOverMessage(ctx.paths.config_dir, self)
        self.history, self.history_view = self.history_and_message.history, self.history_and_message.view
        self.history_box = self.history_and_message.box
        self.error = QLabel(self)
        self.error.setObjectName("orderError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {problem_colour()}")
        self.error.hide()
        # The moves sit under the title, above every part that shows or hides with the order's state
        # or its prepared message, so a button stays where the owner's next click lands.
        self.move_row = MoveBar(self)
        self.buttons = self.move_row.buttons
        self.move_row.change_requested.connect(self.change_items)
        self.move_row.return_requested.connect(self.open_return)
        self.move_row.arrived_requested.connect(self.mark_goods_arrived)
        self.move_row.move_requested.connect(self._move_clicked)
        # A button's height even before the buttons (re)appear or when a state has none to offer.
        self.move_row.setMinimumHeight(self.save_payment.sizeHint().height())
        # "Move back to “…”" at the row's end, Ctrl+Z for the board's Undo, and what was done, said.
        self.back = WindowBack(self)

        # The message a move prepares: shown, editable, and sent only when the owner says so.
        self.message = OrderMessagePane(ctx, order_id, self)
        self.message.unsent_button.clicked.connect(self.move_without_message)
        self.message.sent.connect(self.moved)
        self.message.failed.connect(self.show_error)
        self.message.number_saved.connect(lambda _contact_id: self.reload())
        self.message.open_requested.connect(self._show_message)
        self.message.close_requested.connect(self._hide_message)
        self.move_row.reminder_requested.connect(lambda: self.message.prepare(reminder=True))
        # The height before the order's message grew the window, and the height it grew to.
        self._grown: tuple[int, int] | None = None

        # The order's parts scroll, the title, moves and message to the customer around them stay:
        # on a 1366×768 laptop the message under the order pushed the window past the screen's bottom
        # edge, "Send to customer" with it.
        body = self.parts = QWidget()
        parts = QVBoxLayout(body)
        parts.setContentsMargins(0, 0, 0, 0)
        parts.addWidget(self.table)
        parts.addLayout(self.totals)
        parts.addWidget(self.payment)
        parts.addWidget(self.note)
        parts.addWidget(self.memo_row)
        parts.addWidget(self.payment_row)
        parts.addWidget(self.ship_to)
        parts.addWidget(self.shipping_hint)
        parts.addWidget(self.shipping_row)
        parts.addStretch(1)  # the spare height below everything: nothing above moves as parts come and go
        self.body = scrolling(body)
        self.body.setObjectName("orderBody")
        self.body.setParent(self)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its scroll bar always there: one that came and went with the message narrowed every field.
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.body.setMinimumWidth(body.minimumSizeHint().width() + scrollbar)
        # The first two lines stay in view, however small the screen (1024×600 at 125 %, the message
        # to the customer open: the window's parts asked for more than the screen's height, and the
        # message's buttons were drawn over its text).
        row = self.table.verticalHeader().defaultSectionSize()
        self.body.setMinimumHeight(self.table.height() - 2 * row)

        # The history and the message to the customer under the order's parts, the owner free to drag
        # the line between them; the parts take any height the window gains.
        self.history_and_message.add_message(self.message)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setObjectName("orderSplit")
        self.split.addWidget(self.body)
        self.split.addWidget(self.history_and_message)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.customer)
        layout.addWidget(self.move_row)
        layout.addWidget(self.back.strip)
        layout.addWidget(self.error)
        layout.addWidget(self.split, 1)
        self.own_changes = OwnChanges(self.ctx)
        self._change_form: StartOrderDialog | None = None  # "Change items…", while open
        ctx.hub.changed.connect(self._hub_changed)
        self.reload()

    def _hub_changed(self, changes: Changes) -> None:
        """This order changed elsewhere (the board, a bank file, a deadline): show it as it now is."""
        if not self.own_changes.publishing and self.order_id in changes.orders:
            self.reload()

    # ----------------------------------------------------------------- the customer's message
    def _show_message(self) -> None:
        # The height the owner had, before the message's box raised the window's minimum height.
        before = self.height()
        self.message.show()
        self._fit_to_screen(before)
        self._share_height()

    def _share_height(self) -> None:
        """The order's lines and totals first, the history and the message to the customer in what is
        left (they scroll): at 125 % on a 1366×768 laptop, the message left the lines and totals a
        180-pixel slit. Where there is room for all, each part has all it asks for."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        total = sum(self.split.sizes())
        if total <= 0:
            return
        totals_top = self.subtotal.mapTo(self.parts, self.subtotal.rect().topLeft()).y()
        needed = totals_top + self.totals.sizeHint().height() + 2 * self.body.frameWidth()
        least = self.history_and_message.minimumSizeHint().height()
        least += self._how_beyond_minimum()
        if self.message.isHidden():
            wanted = self.history_and_message.alone()
        else:
            wanted = self.history_and_message.wanted() + self.history_and_message.handleWidth()
            wanted += self.message.sizeHint().height()
        lower = max(least, min(wanted, total - needed))
        lower += self._cut_line_below(total - lower)
        self.split.setSizes([total - lower, lower])
        self._share_lower(lower)

    def _cut_line_below(self, upper: int) -> int:
        """How many pixels to take off the order's parts, `upper` high, so that their bottom edge falls
        between two lines, not through one: at the demo's size the request for payment left the
        "Depositor: … · deadline" line cut in half until the owner scrolled. 0 where nothing is cut
        or where taking the line off would leave less than the parts' least height."""
        edge = self.body.verticalScrollBar().value() + upper - 2 * self.body.frameWidth()
        above = 0  # the lowest bottom of a line wholly above the edge
        cut = False
        for child in self.parts.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isHidden():
                continue
            top, bottom = child.y(), child.y() + child.height()
            if bottom <= edge:
                above = max(above, bottom)
            elif top < edge:
                cut = True
        if not cut or upper - (edge - above) < self.body.minimumHeight():
            return 0
        return edge - above

    def _share_lower(self, lower: int) -> None:
        """The history first, up to its five lines (or the height the owner dragged it to), the
        message to the customer the rest, never less than its text box's three lines and buttons."""
        if self.message.isHidden():  # the history alone, five lines at most (_share_height)
            return
        message = self.message.minimumSizeHint().height() + self._how_beyond_minimum()
        self.history_and_message.share(lower, message)

    def _how_beyond_minimum(self) -> int:
        """What the message's wrapped sentence over its text needs beyond its minimum (which says one
        line, where its width needs more)."""
        how = self.message.how
        if how.isVisibleTo(self) and how.width() > 0:
            return max(0, how.heightForWidth(how.width()) - how.minimumSizeHint().height())
        return 0

    def _fit_to_screen(self, before: int) -> None:
        """Grown to show the order and its message whole where the screen has room, moved up where
        that takes it past the bottom edge; on a smaller screen the order's parts scroll."""
        if not self.isVisible():
            return
        layout = self.layout()
        assert layout is not None
        layout.activate()
        hidden = max(0, self.parts.sizeHint().height() - self.body.viewport().height())
        grow_within_screen(self, QSize(self.width(), self.height() + hidden))
        if self.height() != before and self._grown is None:
            self._grown = (before, self.height())

    def _hide_message(self) -> None:
        """The message closed: the window goes back to the height it had before the message grew it
        (it stayed tall, with empty space under the order), unless the owner has resized it since.
        The focus, which was on the message's buttons (or fell to the window's first button while it
        was sent), goes to the next step, as after any move; a field the owner is typing in keeps it."""
        self.message.hide()
        focus = self.focusWidget()
        if focus is None or not focus.isVisible() or isinstance(focus, QPushButton):
            self._focus_next_step()
        grown, self._grown = self._grown, None
        if grown is not None and self.height() == grown[1]:
            layout = self.layout()
            assert layout is not None
            # The minimum height without the message's box, or the resize stops at it: the box's own
            # section first, then the line between them, then the window.
            self.history_and_message.updateGeometry()
            self.split.updateGeometry()
            layout.activate()
            self.resize(self.width(), grown[0])
        self._share_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.message.isVisible():  # a smaller window: the order's lines and totals stay in view
            self._share_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # QDialog centres it over the main window, not minding the title bar
        place_within_screen(self)  # the first time: inside the screen, frame and all

    # ----------------------------------------------------------------- reading
    def reload(self) -> None:
        order_id = self.order_id

        db = self.ctx.db
        self._reads.run_op(
            lambda: load_order(db, order_id),
            lambda detail: self.show_detail(detail, elsewhere=True),
            parent=self,
            on_failure=self.show_error,
        )

    def show_detail(
        self, detail: OrderDetail, saved: OrderEdits = OrderEdits(), *, elsewhere: bool = False
    ) -> None:
        """The order as stored; a row the owner is typing in stays as typed, unless `saved` holds it.
        `elsewhere`: read again after a change made outside this window (the bank's file, the board);
        otherwise what a write of this window answered, which a look read before it never replaces:
        one that answered late put a paid order back to "Awaiting payment" under the owner's eyes."""
        if not elsewhere:
            self._reads.overtaken()
        typed = self.typed_edits()
        previous = self.detail
        self.detail = self.message.detail = detail
        if previous is not None and previous.state != detail.state:
            # The message was for the step the order has left (paid from the bank's file, moved on
            # the board): "please transfer by …" must not go to a customer who has paid. One still
            # being prepared never comes up. One shown: moved from elsewhere, or moved back here
            # (the step it was for undone), the pane says so and keeps her text to copy, as a
            # message not sent; it used to vanish unsaid.
            self.message.order_moved()
            if not self.message.isHidden():
                back = came_back(detail.events, detail.state)  # "moved back to …", not "moved to …"
                if (elsewhere or back) and self.message.showing_text():
                    self.message.show_dropped(state_name(detail.state), back=back, here=not elsewhere)
                else:
                    self.message.discard()
        state = state_name(detail.state)
        self.setWindowTitle(self.tr("Order {0}").format(detail.number))
        self.title.setText(self.tr("Order {0} · {1}").format(detail.number, state))
        titles = (self.tr("Order {0} · {1}").format(detail.number, name) for name in state_names().values())
        self.title.setMinimumWidth(max(self.title.fontMetrics().horizontalAdvance(t) for t in titles))
        who = customer_with_phone(detail.customer, display_phone(detail.wa_id or "", self.ctx.shop_region))
        self.customer.setText(
            self.tr("{0} · ordered {1}").format(who, order_time(detail.created_at, detail.time_zone))
        )
        self.lines.set_lines(
            detail.lines, detail.currency, options_editable=OrderState(detail.state) in OPTION_STATES
        )
        self.totals.show_detail(detail)
        payment = []
        if detail.depositor_name:
            named = (
                self.tr("Name on the transfer: {0}")
                if self._named_transfers
                else self.tr("Payment reference: {0}")
            )
            payment.append(named.format(detail.depositor_name))
        if detail.payment_due_at is not None and detail.state == OrderState.AWAITING_PAYMENT:
            payment.append(self.tr("Pay by {0}").format(order_time(detail.payment_due_at, detail.time_zone)))
        if detail.tracking:
            payment.append(self.tr("{0} tracking {1}").format(detail.courier, detail.tracking))
        self.payment.setText(" · ".join(payment))
        self.payment.setVisible(bool(payment))
        self.note.setText(self.tr("Customer's note: {0}").format(detail.note) if detail.note else "")
        self.note.setVisible(bool(detail.note))
        self.shipping_row.show_detail(detail)
        own_phone = display_phone(detail.wa_id or "", self.ctx.shop_region)
        self._stored_address = self.ship_to.stored_value(
            detail.ship_to, detail.customer, own_phone, self.ctx.shop_region
        )
        if _shows_stored(typed.address, saved.address, self.ship_to.value()):
            self.ship_to.show_value(self._stored_address)
        self._stored_payment = PaymentDetails(detail.depositor_name, detail.cash_receipt)
        if _shows_stored(typed.payment, saved.payment, self.payment_row.value()):
            self.depositor.setText(detail.depositor_name)
            self.cash_receipt.setText(detail.cash_receipt)
        # 현금영수증 is Korea's: a shop elsewhere is not asked for one (one kept from before still shows).
        self.cash_receipt.setVisible(self.ctx.shop_region.upper() == "KR" or bool(detail.cash_receipt))
        self._stored_memo = detail.memo
        if _shows_stored(typed.memo, saved.memo, self.memo.text()):
            self.memo.setText(detail.memo)
        region = self.ctx.shop_region  # a bank's "05/12/2026" read as the shop's country's banks write it
        self.history.setStringList(history_lines(detail.events, detail.time_zone, region, detail.currency))
        self._buttons(OrderState(detail.state), first=previous is None)
        self.back.read(detail.state)
        self._saves_follow_typing()

    def _saves_follow_typing(self) -> None:
        typed = self.typed_edits()
        self.save_memo_button.setEnabled(typed.memo is not None)
        self.save_payment.setEnabled(typed.payment is not None)
        self.ship_to.save_button.setEnabled(typed.address is not None)
        self.save_tracking_button.setEnabled(typed.tracking is not None)

    def _buttons(self, state: OrderState, *, first: bool = False) -> None:
        """The moves the order can make now. The keyboard's place goes to the next step when it was
        on a move (replaced here: the focus was left nowhere after "Ask for payment"), and when the
        window first opens (Qt gave it to the history list), unless the owner is typing already."""
        focus = self.focusWidget()
        # A reload (a change made elsewhere) rebuilds the same buttons: the one focused keeps it.
        focused_name = focus.objectName() if focus is not None and self.move_row.isAncestorOf(focus) else ""
        take_focus = (
            focus is None
            or self.move_row.isAncestorOf(focus)
            or (first and not isinstance(focus, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)))
        )
        returns_waiting = self.detail is not None and bool(waiting_returns(self.detail.events))
        self.move_row.show_moves(state, returns_waiting=returns_waiting)
        self.tab_in_screen_order()
        if take_focus:
            self._focus_next_step(focused_name)

    def tab_in_screen_order(self) -> None:
        """Tab from top to bottom as the window shows its parts: the moves (made again with each
        state, they went to the end of the chain), the lines and fields, the history, the message."""
        stops = [
            *row_widgets(self.move_row.layout()),
            *row_widgets(self.parts.layout()),
            self.history_view,
            *row_widgets(self.message.layout()),
        ]
        chain(stops)

    def _focus_next_step(self, same_as: str = "") -> None:
        """The move button named `same_as` when there is one again, else the next step (MoveBar)."""
        self.move_row.focus_next_step(same_as)

    def ask_for_tracking(self) -> None:
        """The board's "Mark shipped": the owner types the number here first, then marks it shipped."""
        self.shipping_row.asked = True
        if self.detail is not None:
            self.shipping_row.show_detail(self.detail)

    def _tracking_entered(self) -> None:
        """Enter after the number does the row's step: marks a paid order shipped, saves a shipped one's."""
        if self.detail is None:
            return
        if self.detail.state == OrderState.PAID:
            self.move_to(OrderState.SHIPPED)
        elif self.detail.state in TRACKING_STATES and self.shipping_row.typed() is not None:
            self.save_tracking()  # Enter on the number as saved: nothing to save, as the grey button says

    def address_checked(self) -> bool:
        """True when the order (as typed) has its address and postcode (a tracking number typed: its
        address), or the owner says to ship it anyway; otherwise the first missing field is ready for
        typing. The courier's file checks its rows the same way (`gaps_before_shipping`)."""
        where = self.ship_to.value()
        gaps = gaps_before_shipping(where.postcode, where.address, self.tracking.text())
        number = self.detail.number if self.detail is not None else None
        if not gaps or confirm_no_address(self, number, gaps):
            return True
        field = self.ship_to.address if gaps[0] is AddressGap.ADDRESS else self.ship_to.postcode
        field.setFocus()
        return False

    def tracking_checked(self) -> bool:
        """True when the typed number looks like its courier's, or the owner says to keep it anyway;
        otherwise the number is selected for correcting."""
        doubt = tracking_doubt(self.courier.currentText(), self.tracking.text())
        if doubt is None or confirm_tracking(self, doubt):
            return True
        self.tracking.setFocus()
        self.tracking.selectAll()
        return False

    def save_tracking(self) -> None:
        if not self.tracking_checked():
            return
        db, order_id = self.ctx.db, self.order_id
        courier, tracking = self.courier.currentText(), self.tracking.text()

        def done(result: tuple[OrderDetail, Changes]) -> None:
            detail, changes = result
            self.error.hide()
            self.show_detail(detail)
            self.own_changes.publish(changes)  # the relay's bot answers with the new number
            if detail.state == OrderState.SHIPPED:
                # The customer's shipping message, now with the number: Send is next after Enter on it.
                self.message.prepare(typed_in=self.tracking)

        Op(lambda: save_tracking(db, order_id, courier, tracking), parent=self).success(done).failure(
            self.show_error
        ).run()

    # ----------------------------------------------------------------- typed, not saved
    def typed_edits(self) -> OrderEdits:
        """The address, payment, memo and tracking rows where the owner's typing differs from the
        order as stored."""
        address = self.ship_to.value()
        payment = self.payment_row.value()
        memo = self.memo.text()
        return OrderEdits(
            address=address if self._stored_address not in (None, address) else None,
            payment=payment if self._stored_payment not in (None, payment) else None,
            memo=memo if self._stored_memo not in (None, memo.strip()) else None,
            tracking=self.shipping_row.typed(),
        )

    def has_unsaved_edits(self) -> bool:
        return self.typed_edits() != OrderEdits()

    def reject(self) -> None:
        """Esc, Ctrl+W and the title bar's close all come here: a message to the customer prepared and
        not sent is asked about first (the move is made, and she was not told); then an address,
        payment details, memo or tracking number typed and not saved are saved, dropped or kept as
        the owner says."""
        if self._unsent_message() and not self._close_without_sending():
            return
        leave_edits(
            self,
            self.tr("Save the changes to this order's address, payment details, tracking number and note?"),
            dirty=self.has_unsaved_edits(),
            save_then=self.save_typed_then,
            then=super().reject,
        )

    def _unsent_message(self) -> bool:
        """A move's message is shown, ready to go, and not sent: the order already moved."""
        pane = self.message
        return (
            not pane.isHidden()
            and pane.held is None
            and pane.prepared is not None
            and (pane.send_button.isEnabled())
        )

    def _close_without_sending(self) -> bool:
        """True when the owner closes the window without sending the prepared message (it is
        dropped); otherwise the message's Send button has the keyboard again (ui/order_moves.py
        asks)."""
        customer = self.detail.customer if self.detail is not None and self.detail.customer else None
        if not confirm_close_unsent(self, customer):
            self.message.send_button.setFocus()
            return False
        self.message.skip()
        return True

    def save_typed_then(self, then: Callable[[], None]) -> bool:
        edits = self.typed_edits()
        if edits.tracking is not None and not self.tracking_checked():
            return False  # a number unlike its courier's, kept for correcting
        self.save_edits(edits, then=then)
        return True  # a refused save (a bad 우편번호) says why and keeps the window and the typing

    def save_edits(self, edits: OrderEdits, then: Callable[[], None] | None = None) -> None:
        """Store the rows in `edits`; `then` runs once they are stored (never when refused)."""
        db, order_id = self.ctx.db, self.order_id

        def done(result: tuple[OrderDetail, Changes]) -> None:
            detail, changes = result
            self.error.hide()
            self.show_detail(detail, saved=edits)
            self.own_changes.publish(changes)
            if then is not None:
                then()

        Op(lambda: save_order_edits(db, order_id, edits), parent=self).success(done).failure(
            self.show_error
        ).run()

    # ----------------------------------------------------------------- moving
    def _move_clicked(self, state: OrderState) -> None:
        """A move button; cancelling is asked first, as it cannot be undone."""
        detail = self.detail
        number = detail.number if detail is not None else None
        # What cancelling owes her: what she paid for it, and for an exchange's new order what her
        # first order's payment carried to it (paid for by the goods she sent back, or not yet).
        owed = refund_on_cancel(detail.state, detail.due_minor, detail.events) if detail else 0
        paid = money(owed, detail.currency) if detail is not None and owed else ""
        carried_from = (
            exchange_number(detail.events) if detail is not None and carried_credit(detail.events) else ""
        )
        if state is OrderState.CANCELLED and paid:
            # Whether her message can say the money comes back is read first (off this thread), so
            # the question says so before she decides, not after the order is cancelled.
            def ask(message: OrderMessage | None) -> None:
                untold = message is not None and message.prepared.refund_left_out
                never = message is not None and message.prepared.never_wrote
                if confirm_cancel(
                    self, number, paid, refund_untold=untold, never_wrote=never, carried_from=carried_from
                ):
                    self.move_to(state)

            work = self.message.message_work(moving_to=state)
            Op(work, parent=self).success(ask).failure(self.show_error).run()
            return
        if state is OrderState.CANCELLED and not confirm_cancel(self, number, paid):
            return
        self.move_to(state)

    def move_to(self, state: OrderState) -> None:
        """Move the order; an address or payment details typed and not saved are stored with the
        move, and when they are refused (a bad 우편번호) the order stays where it was."""
        if state is OrderState.SHIPPED and not (self.address_checked() and self.tracking_checked()):
            return
        order_id = self.order_id
        courier = self.courier.currentText() if state is OrderState.SHIPPED else None
        tracking = self.tracking.text() if state is OrderState.SHIPPED else None
        edits = replace(self.typed_edits(), tracking=None)  # shipping takes them itself, above
        # Whether the step's message can go is read first (off this thread): a move the customer
        # cannot be told of waits for the owner's word, so "입금 대기" never claims she was asked.
        message = self.message.message_work(moving_to=state, courier=courier, tracking=tracking)
        db = self.ctx.db

        def work() -> MoveOutcome:
            return move_when_message_can_go(
                db, order_id, state, message=message, courier=courier, tracking=tracking, edits=edits
            )

        def done(outcome: MoveOutcome) -> None:
            if outcome.held is not None:
                self.error.hide()
                self.message.show_held_move(state, courier, tracking, outcome.held)
                return
            assert outcome.detail is not None
            self._moved(outcome.detail, outcome.changes, edits)
            # Shipped from the tracking number (Enter on it, or Alt+S while typing it): the number
            # was this step's, and its message is next.
            self.message.prepare(typed_in=self.tracking if state is OrderState.SHIPPED else None)

        Op(work, parent=self).success(done).failure(self.show_error).run()

    def _moved(self, detail: OrderDetail, changes: Changes, edits: OrderEdits) -> None:
        self.error.hide()
        self.show_detail(detail, saved=edits)
        self.own_changes.publish(changes)
        self.moved.emit(detail.id, detail.contact_id)

    def move_without_message(self) -> None:
        """The held move, made without its message (the history says so)."""
        if self.message.held is None:
            return
        state, courier, tracking = self.message.held
        order_id, db, edits = self.order_id, self.ctx.db, replace(self.typed_edits(), tracking=None)
        reason = self.message.held_reason

        def work() -> tuple[OrderDetail, Changes]:
            return move_order_to(
                db,
                order_id,
                state,
                courier=courier,
                tracking=tracking,
                edits=edits,
                unsent=True,
                unsent_reason=reason,
            )

        def done(result: tuple[OrderDetail, Changes]) -> None:
            self.message.discard()
            self._moved(*result, edits)

        Op(work, parent=self).success(done).failure(self.show_error).run()

    def save_payment_details(self) -> None:
        self.save_edits(OrderEdits(payment=self.payment_row.value()))

    def save_address(self, where: ShippingAddress) -> None:
        self.save_edits(OrderEdits(address=where), then=self.ship_to.show_saved)

    def save_memo(self) -> None:
        self.save_edits(OrderEdits(memo=self.memo.text()))

    def save_option(self, position: int, option: str) -> None:
        """A line's option typed in the table: stored at once (a refusal says why and shows the
        stored option back)."""
        db, order_id = self.ctx.db, self.order_id

        def done(result: tuple[OrderDetail, Changes]) -> None:
            detail, changes = result
            self.error.hide()
            self.show_detail(detail)
            self.own_changes.publish(changes)

        def refused(exc: BaseException) -> None:
            self.show_error(exc)
            self.reload()

        Op(lambda: save_line_option(db, order_id, position, option), parent=self).success(done).failure(
            refused
        ).run()

    # ----------------------------------------------------------------- goods coming back
    def open_return(self) -> ReturnDialog:
        """The return or exchange of this shipped (or done) order; once recorded, the customer's
        message (with the refund line) is prepared here, and an exchange's new order opens."""
        from ui.return_dialog import ReturnDialog

        dialog = ReturnDialog(self.ctx, self.order_id, self)
        dialog.recorded.connect(self._returned)
        delete_when_closed(dialog)
        dialog.open()
        return dialog

    def _returned(self, result: tuple[OrderDetail, Changes, ReturnOutcome]) -> None:
        detail, changes, outcome = result
        self.error.hide()
        self.show_detail(detail)
        self.own_changes.publish(changes)
        self.moved.emit(detail.id, detail.contact_id)
        self.message.prepare(returned=True)
        if outcome.exchange_id is not None:
            self.open_requested.emit(outcome.exchange_id)

    def mark_goods_arrived(self) -> None:
        db, order_id = self.ctx.db, self.order_id

        def done(result: tuple[OrderDetail, Changes]) -> None:
            detail, changes = result
            self.error.hide()
            self.show_detail(detail)
            self.own_changes.publish(changes)  # the catalogue's stock counts follow

        Op(lambda: save_goods_arrived(db, order_id), parent=self).success(done).failure(self.show_error).run()

    # ----------------------------------------------------------------- changing the items
    def change_items(self) -> StartOrderDialog | None:
        """The new-order form over this order's lines and charges; clicked again, the same form."""
        from ui.order_form import StartOrderDialog

        if self._change_form is not None:
            bring_to_front(self._change_form)
            return self._change_form
        detail = self.detail
        if detail is None or OrderState(detail.state) not in CHANGEABLE_STATES:
            return None
        form = StartOrderDialog(self.ctx, detail.contact_id, detail.customer, parent=self, order=detail)
        form.changed.connect(self._items_changed)
        form.finished.connect(lambda _r: self._change_form_closed(form))
        self._change_form = form
        form.show()
        return form

    def _change_form_closed(self, form: StartOrderDialog) -> None:
        if self._change_form is form:
            self._change_form = None
        form.deleteLater()

    def _items_changed(self, result: tuple[OrderDetail, Changes, OrderChange]) -> None:
        detail, changes, change = result
        self.error.hide()
        self.show_detail(detail)
        self.own_changes.publish(changes)
        if change.payment_asked and change.total_before != change.total_after:
            # She was sent the account and the old amount: the same request, with the new one.
            before = money(change.total_before, change.currency)
            after = money(change.total_after, change.currency)
            lead = self.tr(
                "The total changed from {0} to {1}, and the customer was asked to pay {0}. Send them "
                "the new amount?"
            )
            self.message.prepare(lead=with_particles(lead.format(before, after)))
        else:
            self.message.prepare_again()  # a message waiting to go named the old amount

    # ----------------------------------------------------------------- what went wrong
    def show_error(self, exc: BaseException) -> None:
        text = failure_sentence(exc)
        if isinstance(exc, ShopInboxError) and exc.code is ErrorCode.ORDER_OUT_OF_STOCK:
            # Its lines cannot be changed here: say the two ways on.
            text += " " + self.tr(
                "Add the new stock in the catalogue (Shop ▸ Catalogue) and try again, or cancel this order "
                "and make one for what is left."
            )
        self.error.setText(text)
        self.error.show()
