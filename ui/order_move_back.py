"""Moving an order back: the menu item or button that names where, the questions first if it matters,
the sentence after, and the orders board's Undo of a move it made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app.changes import Changes
from app.errors import OrderError
from app.order_actions import latest_back_step, move_order_back, order_back_step
from app.order_back import BackStep, MovedBack
from app.orders import OrderState
from ui.confirm import confirm
from ui.korean_particles import with_particles
from ui.ops import Newest, Op, failure_sentence
from ui.order_text import state_name
from ui.undo_strip import UndoStrip

if TYPE_CHECKING:
    from ui.order_board import OrderBoard

translate = QCoreApplication.translate


def back_label(state: OrderState) -> str:
    """The card menu's item that moves an order back to `state`."""
    return with_particles(translate("OrderBack", "Move &back to “{0}”").format(state_name(state)))


def back_short_label() -> str:
    """The order window's "Move back to “…”" where its row has no room for the words: where to is
    said in its tooltip."""
    return translate("OrderBack", "Move &back")


def back_refused_label() -> str:
    """The menu item or button of an order that cannot be moved back: chosen, it says why."""
    return translate("OrderBack", "Move &back…")


def told_sentence(state: OrderState) -> str:
    """What the customer was already told of the move to `state`, which no move back unsends."""
    told = {
        OrderState.AWAITING_PAYMENT: translate("OrderBack", "The customer was already asked to pay."),
        OrderState.PAID: translate("OrderBack", "The customer was already told her payment arrived."),
        OrderState.SHIPPED: translate("OrderBack", "The customer was already told it shipped."),
        OrderState.DONE: translate("OrderBack", "The customer was already told it is complete."),
        OrderState.CANCELLED: translate("OrderBack", "The customer was already told it was cancelled."),
    }.get(state, translate("OrderBack", "The customer was already told of this step."))
    return (
        told
        + " "
        + translate("OrderBack", "Nothing is sent to her now: tell her yourself if she should know.")
    )


def paid_with_sentence(numbers: tuple[str, ...]) -> str:
    """The bank deposit paid this order with others (`numbers`), which stay paid by it."""
    return translate(
        "OrderBack",
        "The bank deposit that paid it also paid {0}, which stays paid; this order's part of it can "
        "be matched again.",
    ).format(", ".join(numbers))


def moved_back_sentence(moved: MovedBack) -> str:
    """What a move back did: where the order is now, and what it could not take back."""
    said = translate("OrderBack", "Order {0} moved back to “{1}”.").format(
        moved.number, state_name(moved.to_state)
    )
    if moved.deposit and moved.paid_with:
        said += " " + paid_with_sentence(moved.paid_with)
    elif moved.deposit:
        said += " " + translate("OrderBack", "Its bank deposit can be matched again.")
    if moved.told:
        said += " " + told_sentence(moved.from_state)
    return with_particles(said)


def confirm_move_back(parent: QWidget, step: BackStep) -> bool:
    """Whether to move `step`'s order back: an open order's slip nobody was told of goes at once (as
    Undo does); otherwise the owner is asked, with what the move back takes off and cannot unsay."""
    closed = step.state in (OrderState.DONE, OrderState.CANCELLED)
    if not (step.told or step.deposit or step.tracking or closed):
        return True  # an open order's slip: put back at once, as Undo does
    lines = [
        with_particles(
            translate("OrderBack", "Move order {0} back from “{1}” to “{2}”?").format(
                step.number, state_name(step.state), state_name(step.to_state)
            )
        )
    ]
    if step.tracking:
        lines.append(translate("OrderBack", "Its tracking number {0} is taken off.").format(step.tracking))
    if step.deposit and step.paid_with:
        lines.append(paid_with_sentence(step.paid_with))
    elif step.deposit:
        lines.append(translate("OrderBack", "The bank deposit that paid it can be matched again."))
    if step.state is OrderState.CANCELLED and step.to_state is not OrderState.NEW:
        lines.append(translate("OrderBack", "Its items are taken from stock again."))
    if step.told:
        lines.append(told_sentence(step.state))
    return confirm(
        parent,
        translate("OrderBack", "Move back"),
        with_particles("\n\n".join(lines)),  # "송장번호 …031은", "…0004를"
        translate("OrderBack", "&Move back"),
        keep=translate("OrderBack", "&Leave it"),
    )


class MoveBack(QObject):
    """Owned by the board: its Undo strip (and Ctrl+Z on the board) for the last move the board made,
    and the move back a card's menu or a drop on an earlier column asks for."""

    def __init__(self, board: OrderBoard) -> None:
        super().__init__(board)
        self.board = board
        # Ctrl+Z anywhere on the board; its search field keeps Ctrl+Z for its own typing.
        self.strip = UndoStrip(board, parent=board)
        self.strip.setObjectName("orderUndo")
        self.strip.undo_requested.connect(self.undo)
        # Moves the board started and an order window makes (once its message can go): order id →
        # its number. Undo is offered when the window says the move is made.
        self.started: dict[int, str] = {}
        self.offered: tuple[int, OrderState] | None = None  # (order id, the state Undo takes it back from)
        # A change to the offered order (its window, the bank file, a sync): Undo follows its latest move.
        self._follows = Newest()
        board.ctx.hub.changed.connect(self._changed)

    def start(self, order_id: int, number: str | None) -> None:
        """The board asked an order window for a move: its Undo waits for the window to make it
        (the latest only: a move the owner left held in a window is not offered later)."""
        self.started = {order_id: number or ""}

    def moved(self, order_id: int, state: str) -> None:
        """An order window made a move: Undo is offered if the board asked for it."""
        if order_id in self.started and state:
            # The move as its write stored it: a look at the order started before it (a change
            # published meanwhile) answers what it was, and would briefly offer the older move.
            self._follows.overtaken()
            self.offer(order_id, self.started.pop(order_id), OrderState(state))

    def offer(self, order_id: int, number: str, state: OrderState) -> None:
        self.offered = (order_id, state)
        text = translate("OrderBack", "Order {0} moved to “{1}”.").format(number, state_name(state))
        self.strip.offer(with_particles(text))

    def _changed(self, changes: Changes) -> None:
        """The offered order changed: its latest move is read again (off this thread)."""
        if self.offered is None or self.offered[0] not in changes.orders:
            return
        order_id, db = self.offered[0], self.board.ctx.db
        self._follows.run_op(
            lambda: latest_back_step(db, order_id),
            lambda step: self._follow(order_id, step),
            parent=self,
            on_failure=self.board._failed,
        )

    def _follow(self, order_id: int, step: BackStep | None) -> None:
        """Undo offers the order's latest move, whichever window made it (the order's window moved it
        on, the bank file paid it); when that move cannot be moved back, or was itself a move back
        made elsewhere, the strip goes, rather than offer a move that is not the latest."""
        if self.offered is None or self.offered[0] != order_id:
            return  # Undo was pressed meanwhile, or offers another order now
        if step is None:
            self.offered = None
            self.strip.withdraw()
        elif step.state is not self.offered[1]:
            self.offer(order_id, step.number, step.state)

    def offer_of(self, order_id: int) -> OrderState | None:
        """The state Undo offers to take order `order_id` back from (None: it offers nothing of it),
        for Ctrl+Z in the order's window, which sits over the board and its Undo."""
        if self.offered is not None and self.offered[0] == order_id:
            return self.offered[1]
        return None

    def moved_back_in_window(self, order_id: int, sentence: str) -> None:
        """The order's window moved it back: an Undo offered for it has nothing left to take back
        (pressed, it said the order had moved since), and the strip says what the window did."""
        if self.offer_of(order_id) is not None:
            self.offered = None
            self.strip.say(sentence)

    def undo(self) -> None:
        """Undo (or Ctrl+Z): the offered move is taken back, unless the order moved again since."""
        if self.offered is None:
            return
        order_id, state = self.offered
        self.offered = None
        self._move_back(order_id, state)

    def ask(self, step: BackStep) -> None:
        """A card's "Move back to …" (or a drop on that column): asked first when it matters."""
        if confirm_move_back(self.board, step):
            if self.offer_of(step.order_id) is not None:
                self.offered = None  # the move Undo offered is the one taken back
            self._move_back(step.order_id, step.state)

    def ask_for(self, order_id: int, to_state: OrderState) -> None:
        """A card dropped on an earlier column: moved back if that is where its last move came from."""

        def step_read(step: BackStep) -> None:
            if step.to_state is not to_state:
                self.strip.say(
                    with_particles(
                        translate("OrderBack", "Order {0} can only go back to “{1}”.").format(
                            step.number, state_name(step.to_state)
                        )
                    )
                )
                return
            self.ask(step)

        db = self.board.ctx.db
        Op(lambda: order_back_step(db, order_id), parent=self.board).success(step_read).failure(
            self.refused
        ).run()

    def _move_back(self, order_id: int, expected: OrderState) -> None:
        db = self.board.ctx.db

        def done(result: tuple[MovedBack, Changes]) -> None:
            moved, changes = result
            self.strip.say(moved_back_sentence(moved))
            self.board.follow(order_id)
            self.board.ctx.publish(changes)  # the board, the chat's labels and the relay's bot follow

        Op(lambda: move_order_back(db, order_id, expected), parent=self.board, writes=True).success(
            done
        ).failure(self.refused).run()

    def refused(self, exc: BaseException) -> None:
        """Why the order stays where it is, on the strip (the whole board's width: it can be long)."""
        if isinstance(exc, OrderError):
            self.strip.say(failure_sentence(exc))
        else:
            self.board._failed(exc)
