"""An order's move buttons under its title: change items, remind, return, goods back, and its next steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.order_changes import CHANGEABLE_STATES
from app.order_returns import RETURN_STATES
from app.orders import MOVES, OrderState
from ui.order_moves import move_button_text

translate = QCoreApplication.translate


class MoveBar(QWidget):
    """The buttons for what the order can do in its state, made again with each state; a click asks
    the order window (which makes the move) by a signal."""

    change_requested = Signal()  # "Change items…"
    reminder_requested = Signal()  # "Payment reminder…"
    return_requested = Signal()  # "Return or exchange…"
    arrived_requested = Signal()  # "Returned goods arrived"
    move_requested = Signal(object)  # the OrderState to move to

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("orderMoves")
        self.buttons = QHBoxLayout(self)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addStretch(1)

    def show_moves(self, state: OrderState, *, returns_waiting: bool) -> None:
        """The buttons for `state`; `returns_waiting`: goods sent back are on their way to the shop."""
        while self.buttons.count() > 1:
            item = self.buttons.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if state in CHANGEABLE_STATES:
            change = QPushButton(translate("OrderWindow", "&Change items…"), self)
            change.setObjectName("changeOrder")
            change.setToolTip(
                translate("OrderWindow", "Items, quantities, shipping and discount, until the order is paid")
            )
            change.clicked.connect(self.change_requested)
            self.buttons.addWidget(change)
        if state is OrderState.AWAITING_PAYMENT:
            remind = QPushButton(translate("OrderWindow", "Payment &reminder…"), self)
            remind.setObjectName("prepareReminder")
            remind.clicked.connect(self.reminder_requested)
            self.buttons.addWidget(remind)
        if state in RETURN_STATES:
            back = QPushButton(translate("OrderWindow", "R&eturn or exchange…"), self)
            back.setObjectName("returnOrder")
            back.setToolTip(
                translate("OrderWindow", "The customer sends goods back: refund them, or send other goods")
            )
            back.clicked.connect(self.return_requested)
            self.buttons.addWidget(back)
        if returns_waiting:
            arrived = QPushButton(translate("OrderWindow", "Returned goods &arrived"), self)
            arrived.setObjectName("returnArrived")
            arrived.setToolTip(
                translate("OrderWindow", "The returned goods are back in the shop: they go back into stock")
            )
            arrived.clicked.connect(self.arrived_requested)
            self.buttons.addWidget(arrived)
        order = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)
        for target in (*order, OrderState.CANCELLED):
            if target in MOVES[state]:
                button = QPushButton(move_button_text(target), self)
                button.setObjectName(f"move_{target.value}")
                button.clicked.connect(lambda _c=False, t=target: self.move_requested.emit(t))
                self.buttons.addWidget(button)

    def focus_next_step(self, same_as: str = "") -> None:
        """The button named `same_as` when there is one again; else the first move forward (never
        "Cancel order"), or "Change items…" when there is none."""
        buttons: list[QPushButton] = []
        for index in range(1, self.buttons.count()):
            item = self.buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                buttons.append(widget)
        forward = [b for b in buttons if b.objectName().startswith("move_")]
        forward = [b for b in forward if b.objectName() != f"move_{OrderState.CANCELLED.value}"]
        same = [b for b in buttons if same_as and b.objectName() == same_as]
        chosen = same[0] if same else forward[0] if forward else next(iter(buttons), None)
        if chosen is not None:
            chosen.show()  # (the layout shows a new button later; a hidden one takes no focus)
            chosen.setFocus(Qt.FocusReason.OtherFocusReason)
