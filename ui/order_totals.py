"""An order's money under its lines: items, shipping, discount, total, carried, left to pay, refunded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.order_queries import OrderDetail
from app.order_returns import refunded_in
from ui.order_text import money
from ui.surcharge_names import surcharge_name

translate = QCoreApplication.translate


class OrderTotals(QFormLayout):
    """The order window's totals rows (their words keep the order window's translations)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__()
        self.subtotal, self.shipping, self.discount, self.total = (QLabel(parent) for _ in range(4))
        for label in (self.subtotal, self.shipping, self.discount, self.total):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.addRow(translate("OrderWindow", "Items"), self.subtotal)
        self.addRow(translate("OrderWindow", "Shipping"), self.shipping)
        self.addRow(translate("OrderWindow", "Discount"), self.discount)
        self.addRow(translate("OrderWindow", "Total"), self.total)
        # An exchange's new order: what her first order's payment paid of it (paid, not a discount),
        # and what is left for her to pay.
        self.carried_label, self.carried, self.due = QLabel(parent), QLabel(parent), QLabel(parent)
        for label in (self.carried_label, self.carried, self.due):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.carried.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.carried.setObjectName("orderCarried")
        self.due.setObjectName("orderDue")
        self.addRow(self.carried_label, self.carried)
        self.addRow(translate("OrderWindow", "Left to pay"), self.due)
        # What its returns gave back, under the total, as the books sheet's Refund column says it.
        self.refunded = QLabel(parent)
        self.refunded.setTextFormat(Qt.TextFormat.PlainText)
        self.refunded.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.refunded.setObjectName("orderRefunded")
        self.addRow(translate("OrderWindow", "Refunded"), self.refunded)

    def show_detail(self, detail: OrderDetail) -> None:
        """The order's sums as stored; the carried, left-to-pay and refunded rows only where they apply."""
        cur = detail.currency
        self.subtotal.setText(money(detail.subtotal_minor, cur))
        fees = money(detail.shipping_minor, cur)
        if detail.surcharge_minor:
            fees = translate("OrderWindow", "{0} + {1} {2}").format(
                fees, surcharge_name(detail.surcharge_area), money(detail.surcharge_minor, cur)
            )
        self.shipping.setText(fees)
        self.discount.setText(f"−{money(detail.discount_minor, cur)}" if detail.discount_minor else "—")
        self.total.setText(money(detail.total_minor, cur))
        carried = bool(detail.carried_minor)
        self.carried_label.setText(translate("OrderWindow", "Paid on order {0}").format(detail.carried_from))
        self.carried.setText(money(detail.carried_minor, cur))
        self.due.setText(money(detail.due_minor, cur))
        self.setRowVisible(self.carried, carried)
        self.setRowVisible(self.due, carried)
        refunded = refunded_in(detail.events)
        self.refunded.setText(money(refunded, cur))
        self.setRowVisible(self.refunded, bool(refunded))
