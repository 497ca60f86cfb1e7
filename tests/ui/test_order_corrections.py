"""A refused move is said on the board; a shipped or done order's tracking number can be fixed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact
from ui.order_actions import OrderActions

STEPS = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)


def daeuns_order(ctx: Any, last: OrderState) -> int:
    """강다은's order 2026-0001, moved up to `last`, shipped by CJ대한통운 with a mistyped number."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 원피스", price_minor=68000, currency="KRW", retailer_id="DR-LN"))
        c = make_contact(s, profile_name="강다은")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("DR-LN", 1)], source="chat").id
        for state in STEPS[: STEPS.index(last) + 1]:
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098760")
        return order_id


def stored(ctx: Any, order_id: int) -> Order:
    with ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        s.expunge(order)
        return order


def test_dragging_a_done_card_onto_cancelled_says_why_it_stays(window: Any, qtbot: Any) -> None:
    order_id = daeuns_order(window.ctx, OrderState.DONE)
    board = OrderActions(window, window.ctx).open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    done = board.columns[OrderState.DONE]
    mime = done.mimeData([done.index(0)])
    viewport = board.column_views[OrderState.CANCELLED].viewport()
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert not enter.isAccepted()
    assert board.move_note.text() == "A done order cannot be cancelled: record a return instead."
    assert board.move_note.isVisibleTo(board)
    with qtbot.waitSignal(board.loaded):
        board.reload()  # as a synced message reloads it: the sentence stays
    assert board.move_note.isVisibleTo(board)
    assert stored(window.ctx, order_id).state == OrderState.DONE


def test_a_done_orders_wrong_tracking_number_is_corrected_without_a_message(window: Any, qtbot: Any) -> None:
    order_id = daeuns_order(window.ctx, OrderState.DONE)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.shipping_row.isVisibleTo(order_window)
    assert order_window.tracking.text() == "654321098760"
    order_window.tracking.setText("6543 2109 8765")
    save = order_window.findChild(QPushButton, "saveTracking")
    assert save is not None and save.isVisibleTo(order_window)
    with qtbot.waitSignal(window.ctx.hub.changed) as changed:
        save.click()
    assert order_id in changed.args[0].orders  # the relay's bot is told the new number
    qtbot.waitUntil(
        lambda: order_window.detail is not None and order_window.detail.tracking == "654321098765"
    )
    order = stored(window.ctx, order_id)
    assert (order.courier, order.tracking, order.state) == ("CJ대한통운", "654321098765", OrderState.DONE)
    assert order_window.message.isHidden()  # nothing offered to the customer for a fixed number


def test_a_shipped_orders_corrected_number_is_offered_to_the_customer(window: Any, qtbot: Any) -> None:
    order_id = daeuns_order(window.ctx, OrderState.SHIPPED)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.tracking.setText("654321098765")
    qtbot.keyClick(order_window.tracking, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not order_window.message.isHidden())
    assert "654321098765" in order_window.message.edit.toPlainText()
    assert stored(window.ctx, order_id).tracking == "654321098765"


def test_a_refused_step_names_the_steps_the_order_can_take(qapp: Any) -> None:
    from ui.order_text import move_refusal

    assert move_refusal(OrderState.NEW, OrderState.SHIPPED) == (
        "An order in “New” cannot go to “Shipped”; it can go to: Awaiting payment, Paid, Cancelled."
    )
    assert move_refusal(OrderState.CANCELLED, OrderState.DONE) == "A cancelled order cannot be marked done."


def test_in_korean_a_card_dropped_where_it_cannot_go_says_the_step_with_its_particle(
    window: Any, qtbot: Any, korean: None
) -> None:
    """The board's line read “배송 중”(으)로, as a form to fill in, beside the move lines' “결제 완료”로."""
    daeuns_order(window.ctx, OrderState.AWAITING_PAYMENT)
    board = OrderActions(window, window.ctx).open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    awaiting = board.columns[OrderState.AWAITING_PAYMENT]
    mime = awaiting.mimeData([awaiting.index(0)])  # held: the event does not own it
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(board.column_views[OrderState.SHIPPED].viewport(), enter)
    assert not enter.isAccepted()
    assert board.move_note.text() == (
        "“입금 대기” 주문은 “배송 중”으로 옮길 수 없어요. 옮길 수 있는 단계: 결제 완료, 취소."
    )
    # Said across the board, not squeezed beside the file buttons into three lines.
    qtbot.waitUntil(lambda: board.move_note.width() > board.width() * 0.8)


def test_in_korean_an_amount_the_customer_will_not_hear_of_takes_its_particle(korean: None) -> None:
    from ui.order_text import refund_left_out_sentence

    assert refund_left_out_sentence("45,000원").startswith("고객은 입금한 45,000원을 환불받는다는")
    assert refund_left_out_sentence("20,000원", never_wrote=True).startswith("고객은 입금한 20,000원을 ")
