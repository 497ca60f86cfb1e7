"""The orders board: a move made by mistake is undone (Undo, Ctrl+Z) or moved back from the card's menu."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.catalog import ItemDraft, create_item
from app.errors import OrderError
from app.models import Order, utcnow
from app.order_actions import order_back_step
from app.orders import LineInput, OrderState, Told, create_order, expire_unpaid, move_order, note_told
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard
from ui.order_text import move_refusal


def minjis_order(ctx: Any, *steps: OrderState) -> int:
    """김민지's order 2026-0001 of two linen shirts (five on the shelf), moved through `steps`."""
    with ctx.db.write() as s:
        item = create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=21000, currency="KRW", retailer_id="LN")
        )
        set_stock(s, item, 5)
        c = make_contact(s, profile_name="김민지")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LN", 2)], source="chat").id
        for state in steps:
            shipping = state is OrderState.SHIPPED
            courier, tracking = ("CJ대한통운", "654321098765") if shipping else (None, None)
            move_order(s, order_id, state, courier=courier, tracking=tracking)
        return order_id


def state_and_shelf(ctx: Any, order_id: int) -> tuple[str, int, int]:
    with ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        (level,) = stock_levels(s)
        return order.state, level.on_hand, level.reserved


def card_in(board: OrderBoard, state: OrderState, order_id: int) -> bool:
    model = board.columns[state]
    return any(model.summary(row).id == order_id for row in range(model.rowCount()))


def test_a_card_marked_paid_by_mistake_is_put_back_with_ctrl_z_on_the_board(window: Any, qtbot: Any) -> None:
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    assert not board.move_back.strip.isVisibleTo(board)
    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    move = next(a for a in board.card_menu(card).actions() if a.objectName() == "move_paid")
    move.trigger()
    # Nothing can tell her (she never wrote): the order's window holds the move until the owner says.
    qtbot.waitUntil(lambda: order_id in actions.open_orders)
    held = actions.open_orders[order_id].message.unsent_button
    qtbot.waitUntil(held.isVisible)
    held.click()
    qtbot.waitUntil(lambda: board.move_back.strip.isVisibleTo(board))
    assert board.move_back.strip.note.text() == "Order 2026-0001 moved to “Paid”."
    assert board.move_back.strip.button.isVisibleTo(board)
    assert state_and_shelf(window.ctx, order_id) == ("paid", 3, 0)
    qtbot.waitUntil(lambda: card_in(board, OrderState.PAID, order_id))

    # The order's window came up for the move; the owner goes back to the board to undo it there.
    board.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is board)
    column = board.column_views[OrderState.PAID]
    column.setFocus()
    with qtbot.waitSignal(window.ctx.hub.changed) as changed:
        qtbot.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # The chat's labels and the relay's bot follow what changed (ui.order_actions pushes the chat's).
    assert order_id in changed.args[0].orders and changed.args[0].contacts
    assert state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2)  # held for her again
    assert board.move_back.strip.note.text() == "Order 2026-0001 moved back to “Awaiting payment”."
    assert not board.move_back.strip.button.isVisibleTo(board)  # nothing more to undo
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))
    # A second Ctrl+Z has nothing to take back: the order stays where it is.
    qtbot.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2)


def test_moving_a_shipped_card_back_asks_first_and_says_the_customer_was_already_told(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = minjis_order(window.ctx, OrderState.PAID, OrderState.SHIPPED)
    with window.ctx.db.write() as s:
        note_told(s, order_id, OrderState.SHIPPED, Told.SENT)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.SHIPPED].summary(0)
    menu = board.card_menu(card, order_back_step(window.ctx.db, order_id))
    back = next(a for a in menu.actions() if a.objectName() == "moveBack")
    assert back.text() == "Move &back to “Paid”"

    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    back.trigger()
    (asked,) = kept.texts
    assert "Move order 2026-0001 back from “Shipped” to “Paid”?" in asked
    assert "Its tracking number 654321098765 is taken off." in asked
    assert "The customer was already told it shipped." in asked
    assert state_and_shelf(window.ctx, order_id)[0] == "shipped"  # "Leave it" leaves it

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    back.trigger()
    qtbot.waitUntil(lambda: state_and_shelf(window.ctx, order_id)[0] == "paid")
    qtbot.waitUntil(lambda: "moved back" in board.move_back.strip.note.text())
    assert board.move_back.strip.note.text() == (
        "Order 2026-0001 moved back to “Paid”. The customer was already told it shipped. "
        "Nothing is sent to her now: tell her yourself if she should know."
    )


def test_the_keyboard_follows_a_card_moved_back_to_its_new_column(window: Any, qtbot: Any) -> None:
    """Moved back from its menu (the menu key on the card), the card left the keyboard in the column
    it left, empty: the arrows and Enter no longer reached it."""
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT, OrderState.PAID)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    paid = board.column_views[OrderState.PAID]
    paid.setFocus()
    paid.setCurrentIndex(board.columns[OrderState.PAID].index(0))
    card = board.columns[OrderState.PAID].summary(0)
    menu = board.card_menu(card, order_back_step(window.ctx.db, order_id))
    next(a for a in menu.actions() if a.objectName() == "moveBack").trigger()  # an open order: not asked
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))
    awaiting = board.column_views[OrderState.AWAITING_PAYMENT]
    qtbot.waitUntil(awaiting.hasFocus)
    assert board.columns[OrderState.AWAITING_PAYMENT].summary(awaiting.currentIndex().row()).id == order_id


def test_a_card_dragged_onto_an_earlier_column_asks_to_go_back_and_a_done_card_is_not_cancelled(
    window: Any, qtbot: Any
) -> None:
    order_id = minjis_order(window.ctx, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    done = board.columns[OrderState.DONE]

    mime = done.mimeData([done.index(0)])  # kept: the events do not own it

    def drag_onto(state: OrderState) -> bool:
        enter = QDragEnterEvent(
            QPoint(20, 20),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(board.column_views[state].viewport(), enter)
        return enter.isAccepted()

    assert drag_onto(OrderState.SHIPPED)  # back where it came from (asked on the drop)
    assert not drag_onto(OrderState.CANCELLED)
    assert board.move_note.text() == "A done order cannot be cancelled: record a return instead."
    assert move_refusal(OrderState.CANCELLED, OrderState.DONE) == "A cancelled order cannot be marked done."
    assert state_and_shelf(window.ctx, order_id)[0] == "done"


def test_in_korean_the_menu_and_the_question_take_the_right_particles(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    order_id = minjis_order(window.ctx, OrderState.PAID, OrderState.SHIPPED)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.SHIPPED].summary(0)
    menu = board.card_menu(card, order_back_step(window.ctx.db, order_id))
    back = next(a for a in menu.actions() if a.objectName() == "moveBack")
    assert back.text() == "“결제 완료”로 되돌리기(&B)"
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    back.trigger()
    assert asked.texts == [
        "주문 2026-0001을 “배송 중”에서 “결제 완료”로 되돌릴까요?\n\n송장번호 654321098765는 지워져요."
    ]


def test_an_order_the_payment_deadline_cancelled_says_why_it_is_not_moved_back(
    window: Any, qtbot: Any
) -> None:
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT)
    with window.ctx.db.write() as s:
        expire_unpaid(s, utcnow() + timedelta(days=30))
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.CANCELLED].summary(0)
    with pytest.raises(OrderError) as refused:
        order_back_step(window.ctx.db, order_id)
    menu = board.card_menu(card, refused.value)
    back = next(a for a in menu.actions() if a.objectName() == "moveBack")
    back.trigger()
    assert board.move_back.strip.note.text() == (
        "The payment deadline cancelled order 2026-0001, so it is not moved back. If the customer paid "
        "after all, Match bank deposits… restores it as paid."
    )
    assert state_and_shelf(window.ctx, order_id) == ("cancelled", 5, 0)


def test_a_paid_card_dropped_back_goes_only_where_it_came_from(window: Any, qtbot: Any) -> None:
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT, OrderState.PAID)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    paid = board.columns[OrderState.PAID]
    mime = paid.mimeData([paid.index(0)])  # kept: the events do not own it

    def drop_on(state: OrderState) -> None:
        viewport = board.column_views[state].viewport()
        enter = QDragEnterEvent(
            QPoint(20, 20),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, enter)  # a drop comes after its drag entered
        assert enter.isAccepted()
        drop = QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, drop)
        assert drop.isAccepted()

    drop_on(OrderState.NEW)
    qtbot.waitUntil(lambda: board.move_back.strip.isVisibleTo(board))
    assert board.move_back.strip.note.text() == "Order 2026-0001 can only go back to “Awaiting payment”."
    assert state_and_shelf(window.ctx, order_id) == ("paid", 3, 0)

    drop_on(OrderState.AWAITING_PAYMENT)  # an open order nobody was told of: no question
    qtbot.waitUntil(lambda: state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2))
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))


def test_a_card_one_transfer_paid_with_another_is_moved_back_and_the_other_stays_paid(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Walk: one transfer of 김민지's paid her coat and her shirt; the shirt's card moved back said
    "Its bank deposit can be matched again", as if the coat's payment went with it."""
    from app.deposits import Deposit
    from app.order_actions import confirm_payments
    from tests.ui.test_deposit_dialog import minjis_two_orders

    coat, shirt = minjis_two_orders(window.ctx)
    confirm_payments(
        window.ctx.db, [(i, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)) for i in (coat, shirt)]
    )
    with window.ctx.db.read() as s:
        coat_number, shirt_number = (s.get(Order, i).number for i in (coat, shirt))  # type: ignore[union-attr]
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once and card_in(board, OrderState.PAID, shirt))
    model = board.columns[OrderState.PAID]
    card = next(model.summary(r) for r in range(model.rowCount()) if model.summary(r).id == shirt)
    back = next(
        a
        for a in board.card_menu(card, order_back_step(window.ctx.db, shirt)).actions()
        if a.objectName() == "moveBack"
    )
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    back.trigger()
    assert (
        f"The bank deposit that paid it also paid {coat_number}, which stays paid; this order's part "
        "of it can be matched again." in asked.texts[0]
    )
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, shirt))
    assert board.move_back.strip.note.text() == (
        f"Order {shirt_number} moved back to “Awaiting payment”. The bank deposit that paid it also "
        f"paid {coat_number}, which stays paid; this order's part of it can be matched again."
    )
    assert card_in(board, OrderState.PAID, coat)
    from app.order_actions import load_order
    from ui.order_history import history_lines

    line = history_lines(load_order(window.ctx.db, shirt).events)[0]  # the newest first
    assert line.endswith(f"(its part of the bank deposit is free; {coat_number} stays paid by it)")


def test_the_order_that_stays_paid_says_in_its_history_that_the_other_orders_share_was_freed(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Walk: one transfer paid 김민지's coat and shirt; the shirt was moved back. The coat's window
    still read "(one deposit for orders coat + shirt)" and nothing after it, as if the shirt were paid."""
    from app.deposits import Deposit
    from app.order_actions import confirm_payments
    from tests.ui.test_deposit_dialog import minjis_two_orders
    from ui.order_window import OrderWindow

    coat, shirt = minjis_two_orders(window.ctx)
    confirm_payments(
        window.ctx.db, [(i, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)) for i in (coat, shirt)]
    )
    with window.ctx.db.read() as s:
        coat_number, shirt_number = (s.get(Order, i).number for i in (coat, shirt))  # type: ignore[union-attr]
    coat_window = OrderWindow(window.ctx, coat, window)
    qtbot.addWidget(coat_window)
    coat_window.show()
    qtbot.waitUntil(lambda: coat_window.history.rowCount() > 0)
    paid_line = coat_window.history.stringList()[0]
    assert paid_line.endswith(f"(one deposit for orders {coat_number} + {shirt_number})")
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once and card_in(board, OrderState.PAID, shirt))
    model = board.columns[OrderState.PAID]
    card = next(model.summary(r) for r in range(model.rowCount()) if model.summary(r).id == shirt)
    back = next(
        a
        for a in board.card_menu(card, order_back_step(window.ctx.db, shirt)).actions()
        if a.objectName() == "moveBack"
    )
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    back.trigger()
    # The coat's open window reads its history again: what it said stays, what followed is added.
    qtbot.waitUntil(lambda: coat_window.history.rowCount() == 4)
    lines = coat_window.history.stringList()
    assert lines[1] == paid_line
    assert lines[0].endswith(
        f": order {shirt_number}, paid together with this one by one bank deposit, was moved back: "
        "its share of ₩42,000 is free again; this order stays paid"
    )
    assert coat_window.title.text() == f"Order {coat_number} · Paid"


def test_an_order_its_own_transfer_paid_moved_back_says_in_the_question_and_history_the_transfer_matches_again(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Walk: Priya's order paid from the bank file, moved back. The question said "The bank deposit
    that paid it is unmatched" (as if no order matched it), and the history's line said nothing of
    the deposit at all, though the window's note said it could be matched again."""
    from app.deposits import Deposit
    from app.order_actions import confirm_payments, load_order
    from tests.ui.test_deposit_dialog import minjis_two_orders
    from ui.order_history import history_lines

    coat, _shirt = minjis_two_orders(window.ctx)
    confirm_payments(window.ctx.db, [(coat, Deposit(2, "2026-12-04 14:03:22", "김민지", 90000))])
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once and card_in(board, OrderState.PAID, coat))
    model = board.columns[OrderState.PAID]
    card = next(model.summary(r) for r in range(model.rowCount()) if model.summary(r).id == coat)
    back = next(
        a
        for a in board.card_menu(card, order_back_step(window.ctx.db, coat)).actions()
        if a.objectName() == "moveBack"
    )
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    back.trigger()
    assert "The bank deposit that paid it can be matched again." in asked.texts[0]
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, coat))
    line = history_lines(load_order(window.ctx.db, coat).events)[0]  # the newest first
    assert line.endswith(
        ": moved back from Paid to Awaiting payment (the bank deposit that paid it can be matched again)"
    )


def test_an_order_her_two_transfers_paid_moved_back_says_both_match_again(window: Any) -> None:
    from app.deposits import Deposit
    from app.order_actions import confirm_payments, load_order, move_order_back
    from tests.ui.test_deposit_dialog import minjis_two_orders
    from ui.order_history import history_lines

    coat, _shirt = minjis_two_orders(window.ctx)
    parts = [
        Deposit(2, "2026-12-04 14:03:22", "김민지", 50000),
        Deposit(3, "2026-12-05 10:12:00", "김민지", 40000),
    ]
    confirm_payments(window.ctx.db, [(coat, d) for d in parts])
    move_order_back(window.ctx.db, coat, OrderState.PAID)
    assert history_lines(load_order(window.ctx.db, coat).events)[0].endswith(
        "(the bank deposits that paid it can be matched again)"
    )
