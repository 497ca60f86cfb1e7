"""An order's move buttons under its title: change items, remind, return, goods back, its next steps,
and back where its last move came from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
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
    back_requested = Signal()  # "Move back to “…”" (or "Move back…", which says why it cannot)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("orderMoves")
        self.buttons = QHBoxLayout(self)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addStretch(1)
        # Kept through the rebuilds, last in the row: where the order can go back to is read after
        # its state (`show_back`), and a button gone and back at each save would flicker.
        self.back = QPushButton(self)
        self.back.setObjectName("moveBack")
        self.back.clicked.connect(self.back_requested)
        self.back.hide()
        self.buttons.addWidget(self.back)
        self._state: OrderState | None = None

    def show_back(self, text: str) -> None:
        """The move back's button with `text` ("Move &back to “Paid”"); empty: none (nothing of ours
        to take back)."""
        self.back.setText(text)
        self.back.setVisible(bool(text))

    def show_moves(self, state: OrderState, *, returns_waiting: bool) -> None:
        """The buttons for `state`; `returns_waiting`: goods sent back are on their way to the shop."""
        while self.buttons.count() > 2:
            item = self.buttons.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if state is not self._state:
            self.show_back("")  # where the state it left could go back to: read again
        self._state = state
        if state in CHANGEABLE_STATES:
            self._add(
                translate("OrderWindow", "&Change items…"),
                "changeOrder",
                translate("OrderWindow", "Items, quantities, shipping and discount, until the order is paid"),
                self.change_requested,
            )
        if state is OrderState.AWAITING_PAYMENT:
            self._add(
                translate("OrderWindow", "Payment &reminder…"), "prepareReminder", "", self.reminder_requested
            )
        if state in RETURN_STATES:
            self._add(
                translate("OrderWindow", "R&eturn or exchange…"),
                "returnOrder",
                translate("OrderWindow", "The customer sends goods back: refund them, or send other goods"),
                self.return_requested,
            )
        if returns_waiting:
            self._add(
                translate("OrderWindow", "Returned goods &arrived"),
                "returnArrived",
                translate("OrderWindow", "The returned goods are back in the shop: they go back into stock"),
                self.arrived_requested,
            )
        order = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)
        for target in (*order, OrderState.CANCELLED):
            if target in MOVES[state]:
                button = QPushButton(move_button_text(target), self)
                button.setObjectName(f"move_{target.value}")
                button.clicked.connect(lambda _c=False, t=target: self.move_requested.emit(t))
                self._insert(button)

    def _add(self, text: str, name: str, tip: str, clicked: SignalInstance) -> None:
        """A button of the bar: its words, object name (tests and focus find it by it), tooltip and
        the bar's signal its click emits."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(clicked)
        self._insert(button)

    def _insert(self, button: QPushButton) -> None:
        """A state's button, before the move back's."""
        self.buttons.insertWidget(self.buttons.indexOf(self.back), button)

    def focus_next_step(self, same_as: str = "") -> None:
        """The button named `same_as` when there is one again; else the first move forward (never
        "Cancel order"), or "Change items…" when there is none."""
        buttons: list[QPushButton] = []
        for index in range(1, self.buttons.count()):
            item = self.buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton) and widget is not self.back:  # a slip's mending, not a step
                buttons.append(widget)
        forward = [b for b in buttons if b.objectName().startswith("move_")]
        forward = [b for b in forward if b.objectName() != f"move_{OrderState.CANCELLED.value}"]
        same = [b for b in buttons if same_as and b.objectName() == same_as]
        chosen = same[0] if same else forward[0] if forward else next(iter(buttons), None)
        if chosen is not None:
            chosen.show()  # (the layout shows a new button later; a hidden one takes no focus)
            chosen.setFocus(Qt.FocusReason.OtherFocusReason)
