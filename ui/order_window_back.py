"""An order window's move back: its "Move back to “…”", Ctrl+Z for the board's Undo, the sentence after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.changes import Changes
from app.db import Database
from app.errors import ErrorCode, OrderError
from app.order_actions import load_order, move_order_back, order_back_step
from app.order_back import BackStep, MovedBack
from app.order_queries import OrderDetail
from app.orders import OrderState
from ui.ops import Newest, Op
from ui.order_move_back import back_label, back_refused_label, confirm_move_back, moved_back_sentence
from ui.undo_strip import UndoStrip

if TYPE_CHECKING:
    from ui.order_window import OrderWindow


def _step_or_refusal(db: Database, order_id: int) -> BackStep | OrderError:
    """Where the order would go back to, or why it cannot (a refusal is an answer here, not a failure)."""
    try:
        return order_back_step(db, order_id)
    except OrderError as refused:
        return refused


def _moved_back(db: Database, order_id: int, expected: OrderState) -> tuple[MovedBack, Changes, OrderDetail]:
    moved, changes = move_order_back(db, order_id, expected)
    return moved, changes, load_order(db, order_id)


class WindowBack(QObject):
    """Owned by an order window. Its move bar's last button moves the order back where its last move
    came from (asked first when it matters, as the board's card menu asks); Ctrl+Z outside the text
    fields (which keep Ctrl+Z for their typing) asks for the board's Undo of this order, which the
    window hides; what was done is said on a line under the moves."""

    undo_requested = Signal(int)  # Ctrl+Z: the order id (ui.order_actions answers with the board's offer)
    moved_back = Signal(int, str)  # the order id and what was said (the board's Undo of it is void)

    def __init__(self, window: OrderWindow) -> None:
        super().__init__(window)
        self.window = window
        self.step: BackStep | OrderError | None = None
        self._reads = Newest()
        self._said: str = ""  # the state the sentence on the strip left the order in
        self.strip = UndoStrip(window, parent=window)
        self.strip.setObjectName("orderBackNote")
        self.strip.undo_requested.connect(lambda: self.undo_requested.emit(window.order_id))
        window.move_row.back_requested.connect(self.clicked)

    def read(self, state: str) -> None:
        """The order shown in `state`: where it can go back to now is read (off this thread), and a
        sentence about an earlier state goes."""
        if self._said and self._said != state:
            self._said = ""
            self.strip.withdraw()
        db, order_id = self.window.ctx.db, self.window.order_id
        self._reads.run_op(
            lambda: _step_or_refusal(db, order_id),
            lambda step: self._show_step(step, OrderState(state)),
            parent=self.window,
            on_failure=self.window.show_error,
        )

    def _show_step(self, step: BackStep | OrderError, state: OrderState) -> None:
        """Where the order shown in `state` can go back to. A read that answers for another state is
        dropped, for the read after the window's newer look follows: one that ran late, after a move
        (the pool busy), offered "Move back to “Awaiting payment”" beside the Awaiting payment
        state's own buttons, as if the order were paid."""
        shown = self.window.detail
        if shown is None or OrderState(shown.state) is not state:
            return
        if isinstance(step, BackStep) and step.state is not state:
            return
        self.step = step
        if isinstance(step, BackStep):
            text = back_label(step.to_state)
        elif step.code is not ErrorCode.ORDER_BACK_NONE:
            text = back_refused_label()  # clicked, it says why (a deadline's cancel, a return since…)
        else:
            text = ""  # nothing of ours to take back (a new order, one a return brought)
        self.window.move_row.show_back(text)
        self.window.tab_in_screen_order()

    def clicked(self) -> None:
        """ "Move back to “…”": asked first when it matters; "Move back…" says why it cannot."""
        step = self.step
        if isinstance(step, OrderError):
            self.window.show_error(step)
        elif isinstance(step, BackStep) and confirm_move_back(self.window, step):
            self.move_back(step.state)

    def move_back(self, expected: OrderState) -> None:
        """Take the order's latest move back, unless it moved from `expected` since (then it says so)."""
        window = self.window
        db, order_id = window.ctx.db, window.order_id

        def done(result: tuple[MovedBack, Changes, OrderDetail]) -> None:
            moved, changes, detail = result
            sentence = moved_back_sentence(moved)
            self._said = moved.to_state.value
            window.error.hide()
            window.show_detail(detail)  # a message for the step it left is not sent (its box says so)
            window.own_changes.publish(changes)  # the board, the chat's labels and the relay's bot follow
            self.strip.say(sentence)
            self.moved_back.emit(order_id, sentence)

        Op(lambda: _moved_back(db, order_id, expected), parent=window, writes=True).success(done).failure(
            window.show_error
        ).run()
