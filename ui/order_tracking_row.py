"""An order's courier and tracking number row (and the hint over it when the board asked to ship)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.order_actions import TrackingEdit
from app.order_messages import couriers_for
from app.order_queries import OrderDetail
from app.orders import OrderState
from ui.enter_key import keep_enter
from ui.order_moves import move_label

translate = QCoreApplication.translate

# The states whose courier and tracking number are saved on their own (before, they go with the move).
TRACKING_STATES = (OrderState.SHIPPED, OrderState.DONE)


def _bare(number: str) -> str:
    """A tracking number without the spaces and dashes it may be typed with."""
    return re.sub(r"[\s-]", "", number)


class TrackingRow(QWidget):
    """The courier (chosen or typed), the number and its Save; the order window saves and moves."""

    def __init__(self, shop_region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.courier = QComboBox(self)
        self.courier.setEditable(True)
        self.courier.addItems(couriers_for(shop_region))
        self.tracking = QLineEdit(self)
        self.tracking.setPlaceholderText(translate("OrderWindow", "Tracking number"))
        self.tracking.setMaxLength(64)
        # A shipped order's number typed later (or corrected): saved, and the message prepared again.
        # The row has no label to carry a letter, so its Save does: Alt+S, shown only once the order
        # is shipped, when Mark shipped (Alt+S before) is gone.
        self.save_button = QPushButton(translate("OrderWindow", "&Save"), self)
        self.save_button.setObjectName("saveTracking")
        keep_enter(self.tracking)
        sr = QHBoxLayout(self)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(self.courier)
        sr.addWidget(self.tracking, 1)
        sr.addWidget(self.save_button)
        # Shown when the board asked to ship the order: the number goes in before it is marked shipped.
        # (The window's parts hold it over the row, apart: a hidden one takes no room there.)
        self.hint = QLabel(
            translate("OrderWindow", "Type the courier and the tracking number, then click “{0}”.").format(
                move_label(OrderState.SHIPPED)
            ),
            parent,
        )
        self.hint.setObjectName("shippingHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.asked = False  # the board's "Mark shipped" opened the order
        self._shown_for: str | None = None  # the state the fields were last filled in
        self.stored: TrackingEdit | None = None  # None: the row is not shown

    def show_detail(self, detail: OrderDetail) -> None:
        """Courier and tracking number: typed before "Mark shipped", or later for an order shipped
        without them, and corrected after (a done order's too: a wrong number stayed wrong).
        Filled from the order when it first shows in a state, never over typing."""
        state = OrderState(detail.state)
        shown = state in (OrderState.PAID, *TRACKING_STATES)
        self.stored = TrackingEdit(detail.courier, detail.tracking) if shown else None
        self.setVisible(shown)
        self.save_button.setVisible(state in TRACKING_STATES)
        if self._shown_for != detail.state:
            self._shown_for = detail.state
            if detail.courier:
                self.courier.setCurrentText(detail.courier)
            self.tracking.setText(detail.tracking)
        asked = self.asked and state is OrderState.PAID
        self.hint.setVisible(asked)
        if asked:
            self.tracking.setFocus()

    def typed(self) -> TrackingEdit | None:
        """The courier and number typed, when they differ from the order's: a number typed (or
        changed), or another courier for the number the order has. The courier alone, with no
        number, is no edit (the list starts on one)."""
        stored = self.stored
        if stored is None:
            return None
        typed = TrackingEdit(self.courier.currentText().strip(), self.tracking.text())
        number, stored_number = _bare(typed.number), _bare(stored.number)
        if number != stored_number or (number and typed.courier != stored.courier):
            return typed
        return None
