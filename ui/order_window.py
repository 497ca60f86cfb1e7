"""One order's window: its lines and totals, payment and shipping, history, and the moves it can make."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.order_queries import EventRow, LineRow, OrderDetail, order_detail
from app.orders import MOVES, OrderState, move_order
from ui.context import AppContext
from ui.formatting import full_datetime
from ui.ops import Op, failure_sentence
from ui.order_text import money, state_name

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex

# Couriers Korean shops use most (name shown, tracking link pattern kept for the shipped message).
COURIERS = ("CJ대한통운", "우체국택배", "한진택배", "롯데택배", "로젠택배")


class LinesModel(QAbstractTableModel):
    """The order's lines: item, option, quantity, unit price, line total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[LineRow, ...] = ()
        self.currency = "KRW"

    def set_lines(self, lines: tuple[LineRow, ...], currency: str) -> None:
        self.beginResetModel()
        self._lines, self.currency = lines, currency
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Item"), self.tr("Option"), self.tr("Qty"), self.tr("Price"), self.tr("Total"))[
            section
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return line.name if line.known else self.tr("{0} (not in catalogue)").format(line.name)
            return (
                None,
                line.option,
                str(line.quantity),
                money(line.unit_price_minor, line.currency),
                money(line.total_minor, line.currency),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return line.code
        return None


def move_label(state: OrderState) -> str:
    """The button that moves an order to `state`."""
    return {
        OrderState.AWAITING_PAYMENT: translate("OrderWindow", "Ask for payment"),
        OrderState.PAID: translate("OrderWindow", "Mark paid"),
        OrderState.SHIPPED: translate("OrderWindow", "Mark shipped"),
        OrderState.DONE: translate("OrderWindow", "Mark done"),
        OrderState.CANCELLED: translate("OrderWindow", "Cancel order"),
        OrderState.NEW: translate("OrderWindow", "Back to new"),
    }[state]


def event_text(event: EventRow) -> str:
    when = full_datetime(event.at)
    if event.kind == "created":
        return translate("OrderWindow", "{0}: order received").format(when)
    if event.kind == "expired":
        return translate("OrderWindow", "{0}: cancelled, the payment deadline passed").format(when)
    return translate("OrderWindow", "{0}: {1} → {2}").format(
        when, state_name(event.from_state or ""), state_name(event.to_state or "")
    )


class OrderWindow(QDialog):
    """Shown (not modal) from the board or a cart card; every read and move runs as an op."""

    moved = Signal(int, object)  # order id, contact id (or None): the board and the chat repaint

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self.setObjectName("orderWindow")
        self.setWindowTitle(self.tr("Order"))
        self.resize(620, 560)

        self.title = QLabel(self)
        self.title.setObjectName("orderTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.customer = QLabel(self)
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        self.lines = LinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.lines)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        self.totals = QFormLayout()
        self.subtotal, self.shipping, self.discount, self.total = (QLabel(self) for _ in range(4))
        for label in (self.subtotal, self.shipping, self.discount, self.total):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.addRow(self.tr("Items"), self.subtotal)
        self.totals.addRow(self.tr("Shipping"), self.shipping)
        self.totals.addRow(self.tr("Discount"), self.discount)
        self.totals.addRow(self.tr("Total"), self.total)
        self.payment = QLabel(self)
        self.payment.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)

        self.courier = QComboBox(self)
        self.courier.setEditable(True)
        self.courier.addItems(COURIERS)
        self.tracking = QLineEdit(self)
        self.tracking.setPlaceholderText(self.tr("Tracking number"))
        self.tracking.setMaxLength(64)
        self.shipping_row = QWidget(self)
        sr = QHBoxLayout(self.shipping_row)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(self.courier)
        sr.addWidget(self.tracking, 1)

        self.history = QStringListModel(self)
        history_view = QListView(self)
        history_view.setModel(self.history)
        history_view.setMaximumHeight(110)
        self.error = QLabel(self)
        self.error.setObjectName("orderError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C62828")
        self.error.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.customer)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.totals)
        layout.addWidget(self.payment)
        layout.addWidget(self.note)
        layout.addWidget(self.shipping_row)
        layout.addWidget(QLabel(self.tr("History"), self))
        layout.addWidget(history_view)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        self.reload()

    # ----------------------------------------------------------------- reading
    def reload(self) -> None:
        order_id = self.order_id

        def work() -> OrderDetail:
            with self.ctx.db.read() as s:
                return order_detail(s, order_id)

        Op(work, parent=self).success(self.show_detail).failure(self.show_error).run()

    def show_detail(self, detail: OrderDetail) -> None:
        self.detail = detail
        state = state_name(detail.state)
        self.setWindowTitle(self.tr("Order {0}").format(detail.number))
        self.title.setText(self.tr("Order {0} · {1}").format(detail.number, state))
        who = detail.customer + (f" (+{detail.wa_id})" if detail.wa_id else "")
        self.customer.setText(self.tr("{0} · ordered {1}").format(who, full_datetime(detail.created_at)))
        self.lines.set_lines(detail.lines, detail.currency)
        cur = detail.currency
        self.subtotal.setText(money(detail.subtotal_minor, cur))
        fees = money(detail.shipping_minor, cur)
        if detail.surcharge_minor:
            fees = self.tr("{0} + remote area {1}").format(fees, money(detail.surcharge_minor, cur))
        self.shipping.setText(fees)
        self.discount.setText(f"−{money(detail.discount_minor, cur)}" if detail.discount_minor else "—")
        self.total.setText(money(detail.total_minor, cur))
        payment = []
        if detail.depositor_name:
            payment.append(self.tr("Depositor: {0}").format(detail.depositor_name))
        if detail.payment_due_at is not None and detail.state == OrderState.AWAITING_PAYMENT:
            payment.append(self.tr("Pay by {0}").format(full_datetime(detail.payment_due_at)))
        if detail.tracking:
            payment.append(self.tr("{0} tracking {1}").format(detail.courier, detail.tracking))
        self.payment.setText(" · ".join(payment))
        self.payment.setVisible(bool(payment))
        self.note.setText(self.tr("Customer's note: {0}").format(detail.note) if detail.note else "")
        self.note.setVisible(bool(detail.note))
        self.shipping_row.setVisible(detail.state == OrderState.PAID)
        self.history.setStringList([event_text(e) for e in reversed(detail.events)])
        self._buttons(OrderState(detail.state))

    def _buttons(self, state: OrderState) -> None:
        while self.buttons.count() > 1:
            item = self.buttons.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        order = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)
        for target in (*order, OrderState.CANCELLED):
            if target in MOVES[state]:
                button = QPushButton(move_label(target), self)
                button.setObjectName(f"move_{target.value}")
                button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
                self.buttons.addWidget(button)

    # ----------------------------------------------------------------- moving
    def move_to(self, state: OrderState) -> None:
        order_id = self.order_id
        courier = self.courier.currentText() if state is OrderState.SHIPPED else None
        tracking = self.tracking.text() if state is OrderState.SHIPPED else None

        def work() -> OrderDetail:
            with self.ctx.db.write() as s:
                move_order(s, order_id, state, courier=courier, tracking=tracking)
            with self.ctx.db.read() as s:
                return order_detail(s, order_id)

        def done(detail: OrderDetail) -> None:
            self.error.hide()
            self.show_detail(detail)
            self.moved.emit(detail.id, detail.contact_id)

        Op(work, parent=self).success(done).failure(self.show_error).run()

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(failure_sentence(exc))
        self.error.show()
