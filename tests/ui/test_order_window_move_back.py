"""An order's window puts back a move made by mistake: its "Move back to …", and Ctrl+Z for the board's
Undo it hides; a message left unsent says when the board moved the order back."""

from __future__ import annotations

import threading
from typing import Any

import httpx
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.catalog import ItemDraft, create_item
from app.orders import OrderState, Told, move_order, note_told
from tests.support.relay_server import inbound
from tests.support.window_waits import select_chat
from tests.ui.test_order_move_back import card_in, minjis_order, state_and_shelf
from tests.ui.test_order_window_edits import move_button, new_order
from ui.ops import pending_ops
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard
from ui.order_window import OrderWindow


def back_button(order_window: OrderWindow) -> QPushButton:
    button = order_window.findChild(QPushButton, "moveBack")
    assert button is not None
    return button


def offers_back_to(order_window: OrderWindow, text: str) -> bool:
    button = back_button(order_window)
    return button.isVisibleTo(order_window) and button.text() == text


def test_ctrl_z_in_the_order_window_over_the_board_puts_back_the_boards_move(window: Any, qtbot: Any) -> None:
    """Walk: a card marked paid by mistake from its menu; the order's window came up over the board
    and its Undo, and Ctrl+Z in the window did nothing."""
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    move = next(a for a in board.card_menu(card).actions() if a.objectName() == "move_paid")
    move.trigger()
    # She never wrote, so nothing can tell her: the window holds the move until the owner says.
    qtbot.waitUntil(lambda: order_id in actions.open_orders)
    order_window = actions.open_orders[order_id]
    held = order_window.message.unsent_button
    qtbot.waitUntil(held.isVisible)
    held.click()
    qtbot.waitUntil(lambda: board.move_back.strip.button.isVisibleTo(board))  # the board's Undo
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “Awaiting payment”"))
    order_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is order_window)

    # In a text field Ctrl+Z undoes the typing, and the order stays paid.
    memo = order_window.memo
    memo.setFocus()
    qtbot.keyClicks(memo, "after 2pm")
    qtbot.keyClick(memo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert memo.text() == ""
    assert state_and_shelf(window.ctx, order_id) == ("paid", 3, 0)

    order_window.history_view.setFocus()
    with qtbot.waitSignal(window.ctx.hub.changed) as changed:
        qtbot.keyClick(order_window.history_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert order_id in changed.args[0].orders and changed.args[0].contacts  # the chat and the relay follow
    assert state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2)  # held for her again
    said = "Order 2026-0001 moved back to “Awaiting payment”."
    strip = order_window.back.strip
    assert strip.isVisibleTo(order_window) and strip.note.text() == said
    assert not strip.button.isVisibleTo(order_window)  # the window offers no Undo of its own
    assert order_window.title.text() == "Order 2026-0001 · Awaiting payment"
    # The board's Undo is spent: it says what the window did, with nothing left to press.
    assert board.move_back.strip.note.text() == said
    assert not board.move_back.strip.button.isVisibleTo(board)
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))
    # The move before, from New, is the next its button offers to take back (asked for by name).
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “New”"))

    # A second Ctrl+Z has nothing to take back.
    qtbot.keyClick(order_window.history_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2)


def test_ctrl_z_in_an_order_window_the_board_offers_nothing_for_leaves_the_order(
    window: Any, qtbot: Any
) -> None:
    """The owner's own step in the window is hers: only the board's Undo is taken by Ctrl+Z."""
    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT, OrderState.PAID)
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “Awaiting payment”"))
    order_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is order_window)
    order_window.history_view.setFocus()
    qtbot.keyClick(order_window.history_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state_and_shelf(window.ctx, order_id) == ("paid", 3, 0)
    assert not order_window.back.strip.isVisibleTo(order_window)


def test_the_order_window_moves_a_shipped_order_back_after_asking_as_the_board_does(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = minjis_order(window.ctx, OrderState.PAID, OrderState.SHIPPED)
    with window.ctx.db.write() as s:
        note_told(s, order_id, OrderState.SHIPPED, Told.SENT)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “Paid”"))

    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    back_button(order_window).click()
    (asked,) = kept.texts
    assert "Move order 2026-0001 back from “Shipped” to “Paid”?" in asked
    assert "Its tracking number 654321098765 is taken off." in asked
    assert "The customer was already told it shipped." in asked
    assert state_and_shelf(window.ctx, order_id)[0] == "shipped"  # "Leave it" leaves it

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    back_button(order_window).click()
    qtbot.waitUntil(lambda: state_and_shelf(window.ctx, order_id)[0] == "paid")
    strip = order_window.back.strip
    qtbot.waitUntil(lambda: strip.isVisibleTo(order_window))
    assert strip.note.text() == (
        "Order 2026-0001 moved back to “Paid”. The customer was already told it shipped. "
        "Nothing is sent to her now: tell her yourself if she should know."
    )
    assert order_window.detail is not None and order_window.detail.tracking == ""
    assert order_window.tracking.text() == ""  # the number taken off, not left to be saved again
    # Its move before shipping, from New to Paid, is the next that could go back.
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “New”"))
    # Shipped again from the courier's file: the sentence about the move back goes.
    from app.order_actions import move_order_to

    _detail, changes = move_order_to(
        window.ctx.db, order_id, OrderState.SHIPPED, courier="CJ대한통운", tracking="654321098765"
    )
    window.ctx.publish(changes)
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "shipped")
    qtbot.waitUntil(lambda: not strip.isVisibleTo(order_window))


def test_an_order_the_payment_deadline_cancelled_says_in_its_window_why_it_stays(
    window: Any, qtbot: Any
) -> None:
    from datetime import timedelta

    from app.models import utcnow
    from app.orders import expire_unpaid

    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT)
    with window.ctx.db.write() as s:
        expire_unpaid(s, utcnow() + timedelta(days=30))
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back…"))
    back_button(order_window).click()
    assert order_window.error.isVisibleTo(order_window)
    assert order_window.error.text().startswith("The payment deadline cancelled order 2026-0001")
    assert state_and_shelf(window.ctx, order_id) == ("cancelled", 5, 0)


def test_an_unsent_message_says_the_board_moved_the_order_back(window: Any, qtbot: Any) -> None:
    """Walk: the payment request waited in the window; the board's card was moved back to New, and the
    window said the order moved "(bank file or another window)"."""
    order_id = new_order(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    pane = order_window.message
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))

    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    from app.order_actions import order_back_step

    back = next(
        a
        for a in board.card_menu(card, order_back_step(window.ctx.db, order_id)).actions()
        if a.objectName() == "moveBack"
    )
    back.trigger()  # she was not told (the message waits): put back at once
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "new")
    qtbot.waitUntil(lambda: pane.copy_button.isVisible())
    assert pane.how.text() == (
        "The order was moved back to New meanwhile, so this message was not sent. Your text is kept "
        "below to copy."
    )
    assert not pane.send_button.isVisible()
    qtbot.waitUntil(lambda: not back_button(order_window).isVisibleTo(order_window))


def test_in_korean_the_windows_button_and_the_dropped_message_take_the_right_particles(
    window: Any, qtbot: Any, korean: None
) -> None:
    order_id = new_order(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    pane = order_window.message
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: offers_back_to(order_window, "“새 주문”으로 되돌리기(&B)"))
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    qtbot.waitUntil(lambda: card_in(board, OrderState.AWAITING_PAYMENT, order_id))
    board.move_back.ask_for(order_id, OrderState.NEW)  # the card dropped on the New column
    qtbot.waitUntil(lambda: pane.copy_button.isVisible())
    assert pane.how.text() == (
        "그사이 주문이 새 주문으로 되돌아가서 이\u00a0메시지는 보내지 않았어요. "
        "쓰신 내용은 아래에 남겨 두었으니 복사해 쓰세요."
    )


CUSTOMER = "821024681357"
CART = {
    "catalog_id": "1502836640285533",
    "text": "S 사이즈로 부탁드려요",
    "product_items": [
        {"product_retailer_id": "LN-SH-IV", "quantity": 2, "item_price": 39000, "currency": "KRW"}
    ],
}


def test_the_relays_bot_learns_the_order_the_window_moved_back(window: Any, qtbot: Any, relay: Any) -> None:
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠 아이보리", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV")
        )
    actions = OrderActions(window, window.ctx)
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    qtbot.waitUntil(lambda: window.ctx.sync.engine is not None, timeout=10000)

    relay.post_webhook(inbound("order", CART, name="한지민", sender=CUSTOMER))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    info = view.chat_model.info(0)
    assert info is not None and info.order is not None

    def states() -> list[str]:
        response = httpx.get(
            f"{relay.url}/v1/orders/status",
            params={"wa_id": CUSTOMER},
            headers={"Authorization": f"Bearer {relay.token}"},
        )
        return [o["state"] for o in response.json()["orders"]]

    order_window = actions.open_order(info.order.order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.move_to(OrderState.AWAITING_PAYMENT)  # she wrote just now: it moves, its message waits
    pane = order_window.message
    qtbot.waitUntil(lambda: states() == ["awaiting_payment"], timeout=10000)
    # The request to pay shows, and the owner moves the order back under it. (Moved back before it
    # showed, it never comes up: test_a_message_still_being_prepared_….)
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “New”"))
    back_button(order_window).click()  # nobody told: no question
    qtbot.waitUntil(lambda: states() == ["new"], timeout=10000)
    # The request to pay is not sent with the step it was for gone: its box says so, her text to copy.
    qtbot.waitUntil(pane.copy_button.isVisible)
    assert not pane.send_button.isVisible()
    window.ctx.sync.stop()


def test_the_boards_undo_follows_a_move_the_order_window_made_after_it(window: Any, qtbot: Any) -> None:
    """Walk: the board asked for payment (its strip: "moved to “Awaiting payment”", Undo); the owner
    then marked it paid in the order's window. The strip still said "Awaiting payment", and Undo
    answered that the order had moved since."""
    order_id = minjis_order(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.NEW].summary(0)
    next(a for a in board.card_menu(card).actions() if a.objectName() == "move_awaiting_payment").trigger()
    qtbot.waitUntil(lambda: order_id in actions.open_orders)
    order_window = actions.open_orders[order_id]
    held = order_window.message.unsent_button  # she never wrote: the owner says to move without it
    qtbot.waitUntil(held.isVisible)
    held.click()
    strip = board.move_back.strip
    qtbot.waitUntil(lambda: strip.note.text() == "Order 2026-0001 moved to “Awaiting payment”.")

    qtbot.waitUntil(lambda: move_button(order_window, OrderState.PAID).isVisible())
    move_button(order_window, OrderState.PAID).click()  # in the window, not from the board
    qtbot.waitUntil(held.isVisible)
    held.click()
    qtbot.waitUntil(lambda: strip.note.text() == "Order 2026-0001 moved to “Paid”.")
    assert strip.button.isVisibleTo(board)
    with qtbot.waitSignal(window.ctx.hub.changed):
        strip.button.click()  # Undo takes back the latest move, the window's
    assert state_and_shelf(window.ctx, order_id) == ("awaiting_payment", 5, 2)
    assert strip.note.text() == "Order 2026-0001 moved back to “Awaiting payment”."


def test_the_boards_undo_goes_when_its_move_was_moved_back_elsewhere(window: Any, qtbot: Any) -> None:
    """The board's Undo offered for a move another window has since moved back: it offers nothing
    (not the move before it, which nobody asked to take back)."""
    from app.order_actions import move_order_back

    order_id = minjis_order(window.ctx, OrderState.AWAITING_PAYMENT)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    board.move_back.offer(order_id, "2026-0001", OrderState.AWAITING_PAYMENT)
    _moved, changes = move_order_back(window.ctx.db, order_id)  # elsewhere: back to New
    window.ctx.publish(changes)
    qtbot.waitUntil(lambda: not board.move_back.strip.isVisibleTo(board))
    assert board.move_back.offer_of(order_id) is None


def test_a_message_waiting_when_the_window_moves_the_order_back_says_it_was_not_sent(
    window: Any, qtbot: Any
) -> None:
    """Walk: the payment request waited in the window and the owner pressed "Move back to “New”": the
    message she had edited vanished, where the board's move back leaves it saying "not sent"."""
    order_id = new_order(window.ctx)
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    pane = order_window.message
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    pane.edit.setPlainText("Please transfer by Friday, and tell me your size again")
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “New”"))
    back_button(order_window).click()  # she was not told (the message waits): put back at once
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "new")
    qtbot.waitUntil(lambda: pane.copy_button.isVisible())
    assert pane.how.text() == (
        "The order was moved back to New, so this message was not sent. Your text is kept below to copy."
    )
    assert pane.edit.toPlainText() == "Please transfer by Friday, and tell me your size again"
    assert not pane.send_button.isVisible()
    assert order_window.back.strip.note.text() == "Order 2026-0001 moved back to “New”."
    pane.skip_button.click()  # Close: nothing is noted, nothing happened to tell
    qtbot.waitUntil(lambda: pane.isHidden())


def test_a_message_still_being_prepared_when_the_window_moves_the_order_back_never_comes_up(
    window: Any, qtbot: Any
) -> None:
    """Walk (a busy laptop): the owner marked an order paid and moved it back before its "payment
    confirmed" showed; the message then came up after the move back, as the payment request again
    (read for the order as it now was), with Send, though nobody had asked for it."""
    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “New”"))
    pool = QThreadPool.globalInstance()
    free = threading.Event()

    def every_reader_busy() -> None:
        # The move made and its message not yet asked for: from now on the reads (the message's
        # among them) wait for a reader thread, as other work keeps them all.
        for _ in range(pool.maxThreadCount()):
            pool.start(lambda: free.wait(30))

    order_window.moved.connect(every_reader_busy, Qt.ConnectionType.SingleShotConnection)
    try:
        with qtbot.waitSignal(order_window.moved):
            move_button(order_window, OrderState.PAID).click()
        qtbot.waitUntil(lambda: offers_back_to(order_window, "Move &back to “Awaiting payment”"))
        back_button(order_window).click()
        said = "Order 2026-0001 moved back to “Awaiting payment”."
        qtbot.waitUntil(lambda: order_window.back.strip.note.text() == said)
    finally:
        free.set()
    qtbot.waitUntil(lambda: pending_ops() == 0)  # the message's read answered, after the move back
    assert order_window.detail is not None and order_window.detail.state == "awaiting_payment"
    pane = order_window.message
    assert pane.isHidden() and not pane.send_button.isVisibleTo(order_window)


def test_in_korean_the_message_the_windows_move_back_left_unsent_takes_its_particle(
    window: Any, qtbot: Any, korean: None
) -> None:
    order_id = new_order(window.ctx)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    pane = order_window.message
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    qtbot.waitUntil(lambda: offers_back_to(order_window, "“새 주문”으로 되돌리기(&B)"))
    back_button(order_window).click()
    qtbot.waitUntil(lambda: pane.copy_button.isVisible())
    assert pane.how.text() == (
        "주문을 새 주문으로 되돌려서 이\u00a0메시지는 보내지 않았어요. 쓰신 내용은 아래에 남겨 두었으니 복사해 쓰세요."
    )
