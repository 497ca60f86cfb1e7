"""An order's move buttons under its title: back where its last move came from, then change items,
remind, return, goods back and its next steps, on as many lines as the window's width needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from app.order_changes import CHANGEABLE_STATES
from app.order_returns import RETURN_STATES
from app.orders import MOVES, OrderState
from ui.label_names import without_mnemonic
from ui.order_move_back import back_refused_label, back_short_label
from ui.order_moves import move_button_text

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class StateButton:
    """One of a state's buttons: its words, its object name (tests and focus find it by it), its
    tooltip, and the state it moves the order to (None: one of the bar's other signals)."""

    text: str
    name: str
    tip: str = ""
    to_state: OrderState | None = None


def state_buttons(state: OrderState, *, returns_waiting: bool) -> list[StateButton]:
    """The buttons an order in `state` shows, left to right; `returns_waiting`: goods sent back
    are on their way to the shop."""
    buttons = []
    if state in CHANGEABLE_STATES:
        tip = translate("OrderWindow", "Items, quantities, shipping and discount, until the order is paid")
        buttons.append(StateButton(translate("OrderWindow", "&Change items…"), "changeOrder", tip))
    if state is OrderState.AWAITING_PAYMENT:
        buttons.append(StateButton(translate("OrderWindow", "Payment &reminder…"), "prepareReminder"))
    if state in RETURN_STATES:
        tip = translate("OrderWindow", "The customer sends goods back: refund them, or send other goods")
        buttons.append(StateButton(translate("OrderWindow", "R&eturn or exchange…"), "returnOrder", tip))
    if returns_waiting:
        tip = translate("OrderWindow", "The returned goods are back in the shop: they go back into stock")
        buttons.append(StateButton(translate("OrderWindow", "Returned goods &arrived"), "returnArrived", tip))
    order = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)
    for target in (*order, OrderState.CANCELLED):
        if target in MOVES[state]:
            buttons.append(StateButton(move_button_text(target), f"move_{target.value}", to_state=target))
    return buttons


def button_width(button: QPushButton, text: str) -> int:
    """How wide `button` would be with `text` on it (QPushButton.sizeHint's sum, for words it
    does not show)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.text = text
    size = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
    return button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, size, button).width()


class BackButton(QPushButton):
    """The move back's button, as wide as its words where the row has room. Where it has not (a
    window the owner made narrow), it says just "Move back" and where to in its tooltip: it gives
    way, and never makes the window wider."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # Preferred: it may shrink to minimumSizeHint (a push button's Minimum never goes below
        # its words' width).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def least_width(self) -> int:
        """The narrowest it goes, whatever its words: "Move back", or "Move back…" whole."""
        return max(button_width(self, back_short_label()), button_width(self, back_refused_label()))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.least_width()), hint.height())

    def cut_short(self) -> bool:
        """Whether its words do not fit, and it says "Move back"."""
        return self.width() < self.sizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tip()

    def _tip(self) -> None:
        self.setToolTip(without_mnemonic(self.text()) if self.cut_short() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.cut_short():
            super().paintEvent(event)
            return
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = back_short_label()
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)


def wrapped(widths: list[int], width: int, first_line: int, spacing: int) -> list[list[int]]:
    """The indexes of buttons `widths` wide, in their order, on lines `width` wide: as many on each
    line as fit, the first line with only `first_line` for them (the move back has the rest). A
    button wider than a whole line has one to itself."""
    lines: list[list[int]] = [[]]
    room, used = first_line, 0
    for index, button in enumerate(widths):
        need = used + spacing + button if lines[-1] else button
        if need > room and (lines[-1] or len(lines) == 1):
            lines.append([])
            room, need = width, button
        lines[-1].append(index)
        used = need
    return lines


class MoveRowLayout(QLayout):
    """The move back at the first line's start and the state's buttons at the lines' ends, wrapping
    onto a line below where the bar is narrower than they are (a window the owner narrowed beside
    the inbox).

    The move back's room is kept on the first line whether it shows or not, and the bar is as tall
    at a width as the state with the most buttons needs there: a move, or the move back read a
    moment after it, moves no button and no part of the window from under the owner's pointer."""

    def __init__(self, parent: QWidget, back: BackButton, rows: Callable[[], list[list[int]]]) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._back = back
        self._rows = rows  # the widths of each state's buttons, left to right

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        rows = [*self._rows(), self._shown_widths()]
        lines = max(len(wrapped(row, inner, inner - self._back_room(), self._spacing())) for row in rows)
        return lines * self._line_height() + (lines - 1) * self._spacing() + margins.top() + margins.bottom()

    def minimumSize(self) -> QSize:
        """As narrow as its widest button (or the move back at its narrowest), one line high (a
        narrower bar's lines below come by heightForWidth)."""
        margins = self.contentsMargins()
        widest = max((w for row in [*self._rows(), self._shown_widths()] for w in row), default=0)
        return QSize(
            max(widest, self._back.least_width()) + margins.left() + margins.right(),
            self._line_height() + margins.top() + margins.bottom(),
        )

    def sizeHint(self) -> QSize:
        """One line for the state with the most buttons, the move back at its narrowest."""
        margins = self.contentsMargins()
        rows = [*self._rows(), self._shown_widths()]
        longest = max(sum(row) + self._spacing() * (len(row) - 1) for row in rows if row) if any(rows) else 0
        return QSize(
            self._back_room() + longest + margins.left() + margins.right(),
            self._line_height() + margins.top() + margins.bottom(),
        )

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        inner = self.contentsRect()
        spacing, height = self._spacing(), self._line_height()
        buttons = [item for item in self._items[1:] if not item.isEmpty()]
        widths = [item.sizeHint().width() for item in buttons]
        lines = wrapped(widths, inner.width(), inner.width() - self._back_room(), spacing)
        first_used = 0
        for number, line in enumerate(lines):
            used = sum(widths[i] for i in line) + spacing * max(len(line) - 1, 0)
            first_used = used if number == 0 else first_used
            x, y = inner.right() + 1 - used, inner.y() + number * (height + spacing)
            for i in line:
                buttons[i].setGeometry(QRect(x, y, widths[i], height))
                x += widths[i] + spacing
        if self._items:  # the move back: its words' width where the first line leaves room for it
            room = inner.width() - (first_used + spacing if lines[0] else 0)
            back = self._items[0]
            self._items[0].setGeometry(
                QRect(inner.x(), inner.y(), min(back.sizeHint().width(), room), height)
            )

    def _shown_widths(self) -> list[int]:
        return [item.sizeHint().width() for item in self._items[1:] if not item.isEmpty()]

    def _back_room(self) -> int:
        return self._back.least_width() + self._spacing()

    def _spacing(self) -> int:
        return max(self.spacing(), 0)

    def _line_height(self) -> int:
        return self._back.sizeHint().height()  # every button's: the move back's even while it hides


class MoveBar(QWidget):
    """The buttons for what the order can do in its state, made again with each state; a click asks
    the order window (which makes the move) by a signal.

    The window never widens as they come and go: the bar asks only for its widest button's width,
    wraps the rest onto lines below (MoveRowLayout), and the move back (its words read after the
    state's, `show_back`) gives way rather than push. It stands apart at the row's start, the
    state's buttons at its end, so its coming a moment after a move shifts none of them from under
    the owner's pointer."""

    change_requested = Signal()  # "Change items…"
    reminder_requested = Signal()  # "Payment reminder…"
    return_requested = Signal()  # "Return or exchange…"
    arrived_requested = Signal()  # "Returned goods arrived"
    move_requested = Signal(object)  # the OrderState to move to
    back_requested = Signal()  # "Move back to “…”" (or "Move back…", which says why it cannot)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("orderMoves")
        self._signals: dict[str, SignalInstance] = {
            "changeOrder": self.change_requested,
            "prepareReminder": self.reminder_requested,
            "returnOrder": self.return_requested,
            "returnArrived": self.arrived_requested,
        }
        # Kept through the rebuilds, first in the row: where the order can go back to is read after
        # its state (`show_back`), and a button gone and back at each save would flicker.
        self.back = BackButton(self)
        self.back.setObjectName("moveBack")
        self.back.clicked.connect(self.back_requested)
        self.back.hide()
        self._rows = self._state_rows()
        self.buttons = MoveRowLayout(self, self.back, lambda: self._rows)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addWidget(self.back)
        self._state: OrderState | None = None

    def _state_rows(self) -> list[list[int]]:
        """The widths of every state's buttons, left to right: the lines the bar keeps room for."""
        return [
            [button_width(self.back, button.text) for button in state_buttons(state, returns_waiting=waiting)]
            for state in OrderState
            for waiting in ((False, True) if state in RETURN_STATES else (False,))
        ]

    def show_back(self, text: str) -> None:
        """The move back's button with `text` ("Move &back to “Paid”"); empty: none (nothing of ours
        to take back)."""
        self.back.setText(text)
        self.back.setVisible(bool(text))

    def show_moves(self, state: OrderState, *, returns_waiting: bool) -> None:
        """The buttons for `state`; `returns_waiting`: goods sent back are on their way to the shop."""
        while self.buttons.count() > 1:
            item = self.buttons.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleted later, it was still shown beside its replacement
                widget.deleteLater()
        if state is not self._state:
            self.show_back("")  # where the state it left could go back to: read again
        self._state = state
        for spec in state_buttons(state, returns_waiting=returns_waiting):
            button = QPushButton(spec.text, self)
            button.setObjectName(spec.name)
            if spec.tip:
                button.setToolTip(spec.tip)
            if spec.to_state is not None:
                button.clicked.connect(lambda _c=False, t=spec.to_state: self.move_requested.emit(t))
            else:
                button.clicked.connect(self._signals[spec.name])
            self.buttons.addWidget(button)

    def focus_next_step(self, same_as: str = "") -> None:
        """The button named `same_as` when there is one again; else the first move forward (never
        "Cancel order"), or "Change items…" when there is none."""
        buttons: list[QPushButton] = []
        for index in range(1, self.buttons.count()):  # not the move back: a slip's mending, not a step
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
