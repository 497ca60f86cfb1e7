"""An order's window keeps what the owner typed: a status button saves it, closing asks, cancelling asks."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Message, Order, utcnow
from app.orders import LineInput, OrderState, create_order
from tests.support.window_waits import settle
from ui.ops import pending_ops
from ui.order_actions import OrderActions
from ui.order_window import OrderWindow

Button = QMessageBox.StandardButton


def new_order(ctx: Any) -> int:
    """이하은's new order of one linen shirt, with no address yet; she wrote just now, so each step's
    message can go (and the step is made at once)."""
    from tests.support.factories import make_contact

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은", last_inbound_at=utcnow())
        return create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id


def open_order(window: Any, qtbot: Any, order_id: int) -> OrderWindow:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    return order_window


def type_address(order_window: OrderWindow, postcode: str = "48094") -> None:
    form = order_window.ship_to
    form.address.setText("부산 해운대구 우동 1234")
    form.detail.setText("101동 202호")
    form.postcode.setText(postcode)
    form.memo.setText("문 앞에 놓아 주세요")


def stored(window: Any, order_id: int) -> Order:
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        s.expunge(order)
        return order


def move_button(order_window: OrderWindow, state: OrderState) -> QPushButton:
    button = order_window.findChild(QPushButton, f"move_{state.value}")
    assert button is not None
    return button


def test_ask_for_payment_saves_the_address_and_receipt_typed_without_pressing_save(
    window: Any, qtbot: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window)
    order_window.cash_receipt.setText("010-9990-7890")
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    order = stored(window, order_id)
    assert order.state == OrderState.AWAITING_PAYMENT
    assert (order.address, order.address_detail, order.postcode, order.delivery_memo) == (
        "부산 해운대구 우동 1234",
        "101동 202호",
        "48094",
        "문 앞에 놓아 주세요",
    )
    assert order.cash_receipt == "01099907890"
    form = order_window.ship_to
    assert (form.address.text(), form.postcode.text()) == ("부산 해운대구 우동 1234", "48094")
    assert order_window.cash_receipt.text() == "01099907890"
    assert not order_window.has_unsaved_edits()


def test_a_bad_postcode_typed_says_why_and_leaves_the_status_and_the_typing_alone(
    window: Any, qtbot: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window, postcode="4809")
    move_button(order_window, OrderState.PAID).click()
    qtbot.waitUntil(lambda: order_window.error.isVisible())
    assert "“4809” is not a postcode" in order_window.error.text()
    order = stored(window, order_id)
    assert (order.state, order.address) == (OrderState.NEW, "")
    assert order_window.ship_to.address.text() == "부산 해운대구 우동 1234"  # still as typed
    assert order_window.ship_to.postcode.text() == "4809"


def test_a_change_made_elsewhere_does_not_wipe_the_address_being_typed(window: Any, qtbot: Any) -> None:
    from app.order_actions import move_order_to

    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window)
    _detail, changes = move_order_to(window.ctx.db, order_id, OrderState.PAID, courier=None, tracking=None)
    window.ctx.publish(changes)  # the board marked it paid
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "paid")
    assert order_window.ship_to.address.text() == "부산 해운대구 우동 1234"
    assert order_window.has_unsaved_edits()


def test_closing_with_an_address_typed_asks_to_save_it(window: Any, qtbot: Any, dialogs: Any) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window)
    asked = dialogs.expect("question", answer=Button.Cancel)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert len(asked.shown) == 1 and "address" in asked.shown[0].text
    assert order_window.isVisible() and order_window.ship_to.address.text() == "부산 해운대구 우동 1234"

    dialogs.expect("question", answer=Button.Save)
    order_window.close()  # the title bar's close asks the same
    qtbot.waitUntil(lambda: not order_window.isVisible())
    order = stored(window, order_id)
    assert (order.address, order.postcode, order.state) == (
        "부산 해운대구 우동 1234",
        "48094",
        OrderState.NEW,
    )


def test_discarding_the_typed_address_closes_and_keeps_the_order_as_it_was(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    order_window.depositor.setText("박지훈")
    dialogs.expect("question", answer=Button.Discard)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert not order_window.isVisible()
    assert stored(window, order_id).depositor_name == ""


def test_a_window_with_nothing_typed_closes_without_asking(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, new_order(window.ctx))
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert not order_window.isVisible()


def test_cancel_order_asks_first_and_keeping_the_order_is_the_default(
    window: Any, qtbot: Any, dialogs: Any, monkeypatch: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    number = stored(window, order_id).number
    kept = dialogs.expect("question", answer=Button.No)
    move_button(order_window, OrderState.CANCELLED).click()
    settle(qtbot)
    assert number in kept.texts[0]
    assert kept.shown[0].widget.endswith("default &Keep order")  # Enter keeps the order
    assert stored(window, order_id).state == OrderState.NEW

    dialogs.expect("question", answer=Button.Yes)
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.CANCELLED).click()
    assert stored(window, order_id).state == OrderState.CANCELLED


def test_cancelling_a_paid_order_reminds_the_owner_to_send_the_money_back(
    window: Any, qtbot: Any, dialogs: Any, korean: None, korean_locale: None
) -> None:
    """Walk: cancelling 이하은's paid 39,000원 order asked only "취소할까요?", not a word of her money."""
    from app.orders import move_order

    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.PAID)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitUntil(lambda: move_button(order_window, OrderState.CANCELLED).isVisible())
    kept = dialogs.expect("question", answer=Button.No)
    move_button(order_window, OrderState.CANCELLED).click()
    settle(qtbot)
    assert kept.texts[0].endswith("\n\n입금받은 39,000원은 고객에게 직접 이체해서 환불해 주세요.")
    assert stored(window, order_id).state == OrderState.PAID


def test_the_empty_postcode_field_says_what_goes_there_not_a_postcode_that_looks_filled_in(
    window: Any, qtbot: Any
) -> None:
    order_window = open_order(window, qtbot, new_order(window.ctx))
    postcode = order_window.ship_to.postcode
    assert postcode.text() == ""
    assert postcode.placeholderText() == "Postcode (5 digits)"
    assert not re.search(r"\d{3,}", postcode.placeholderText())  # no sample number to mistake
    assert postcode.maximumWidth() >= postcode.fontMetrics().horizontalAdvance(postcode.placeholderText())


def test_a_british_shop_keeps_a_british_postcode_and_is_not_asked_for_a_korean_cash_receipt(
    window: Any, qtbot: Any
) -> None:
    """A shop in London typed its customer's "nw1 6xe": it was refused as "not 5 digits", in a field
    asking for "Postcode (5 digits)", beside a "Cash receipt" (현금영수증) field no British shop has."""
    from app.settings import update_preferences

    update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
    window.ctx.shop_region = "GB"
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    assert form.postcode.placeholderText() == "Postcode"
    assert order_window.depositor.isVisible() and not order_window.cash_receipt.isVisible()
    form.address.setText("221B Baker Street, London")
    form.postcode.setText("nw1 6xe")
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    order = stored(window, order_id)
    assert (order.state, order.postcode, order.address) == (
        OrderState.AWAITING_PAYMENT,
        "NW1 6XE",
        "221B Baker Street, London",
    )
    assert not order_window.error.isVisible()


def test_a_british_shop_ships_with_royal_mail_and_its_customer_gets_royal_mails_tracking_link(
    window: Any, qtbot: Any
) -> None:
    """A shop in London marked an order shipped: the courier was CJ대한통운 (the list held only
    Korea's 택배), and its English message told the customer "Courier: CJ대한통운"."""
    from app.orders import move_order
    from app.settings import update_preferences

    update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
    window.ctx.shop_region = "GB"
    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        move_order(s, order_id, OrderState.PAID)
    order_window = open_order(window, qtbot, order_id)
    offered = [order_window.courier.itemText(i) for i in range(order_window.courier.count())]
    assert offered[:2] == ["Royal Mail", "DHL"] and "CJ대한통운" in offered  # a parcel to Korea still can
    assert order_window.courier.currentText() == "Royal Mail"
    type_address(order_window, postcode="NW1 6XE")
    order_window.tracking.setText("AB123456789GB")
    order_window.move_to(OrderState.SHIPPED)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    text = order_window.message.edit.toPlainText()
    assert "Royal Mail" in text and "royalmail.com" in text and "AB123456789GB" in text, text
    assert "CJ" not in text
    assert (stored(window, order_id).courier, stored(window, order_id).state) == ("Royal Mail", "shipped")


def test_cancelling_from_the_board_asks_too_and_no_keeps_the_order(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = new_order(window.ctx)
    number = stored(window, order_id).number
    board = OrderActions(window, window.ctx).open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    menu = board.card_menu(board.columns[OrderState.NEW].summary(0))
    cancel = next(a for a in menu.actions() if a.objectName() == "move_cancelled")
    asked = dialogs.expect("question", answer=Button.No)
    cancel.trigger()
    settle(qtbot)
    assert len(asked.shown) == 1 and number in asked.shown[0].text
    assert stored(window, order_id).state == OrderState.NEW and board.columns[OrderState.NEW].rowCount() == 1

    dialogs.expect("question", answer=Button.Yes)
    with qtbot.waitSignal(board.loaded):
        cancel.trigger()
    assert stored(window, order_id).state == OrderState.CANCELLED


def test_saving_a_bad_postcode_on_close_keeps_the_window_open_and_says_why(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window, postcode="4809")
    dialogs.expect("question", answer=Button.Save)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: order_window.error.isVisible())
    assert "“4809” is not a postcode" in order_window.error.text()
    assert order_window.isVisible() and order_window.ship_to.postcode.text() == "4809"
    assert stored(window, order_id).address == ""


def shipped_order(ctx: Any) -> int:
    """이하은's order, shipped with CJ대한통운 and a number the owner finds was mistyped."""
    from app.orders import move_order

    order_id = new_order(ctx)
    with ctx.db.write() as s:
        for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
    return order_id


def test_esc_after_typing_a_tracking_number_asks_and_save_stores_it(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = shipped_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    assert not order_window.has_unsaved_edits()
    order_window.tracking.setText("6543 2109 8766")
    asked = dialogs.expect("question", answer=Button.Cancel)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert len(asked.shown) == 1 and "tracking number" in asked.shown[0].text
    assert order_window.isVisible() and order_window.tracking.text() == "6543 2109 8766"

    dialogs.expect("question", answer=Button.Save)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not order_window.isVisible())
    order = stored(window, order_id)
    assert (order.courier, order.tracking) == ("CJ대한통운", "654321098766")


def test_another_courier_chosen_for_the_number_is_an_edit_too_and_discard_keeps_the_order(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id = shipped_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    order_window.courier.setCurrentText("한진택배")
    assert order_window.has_unsaved_edits()
    dialogs.expect("question", answer=Button.Discard)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert not order_window.isVisible()
    order = stored(window, order_id)
    assert (order.courier, order.tracking) == ("CJ대한통운", "654321098765")


def test_a_number_typed_on_a_paid_order_is_asked_about_and_kept_for_shipping(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from app.orders import move_order

    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        move_order(s, order_id, OrderState.PAID)
    order_window = open_order(window, qtbot, order_id)
    assert not order_window.has_unsaved_edits()  # the courier list starts on one: no edit
    order_window.tracking.setText("654321098765")
    dialogs.expect("question", answer=Button.Save)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not order_window.isVisible())
    order = stored(window, order_id)
    assert (order.state, order.tracking) == (OrderState.PAID, "654321098765")


def test_save_address_is_on_only_while_the_address_typed_differs_from_the_orders(
    window: Any, qtbot: Any
) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    save = order_window.ship_to.save_button
    assert not save.isEnabled()  # as the memo's and the payment's Save
    type_address(order_window)
    assert save.isEnabled()
    save.click()
    qtbot.waitUntil(lambda: order_window.ship_to.saved_note.isVisible())
    assert not save.isEnabled()
    assert stored(window, order_id).address == "부산 해운대구 우동 1234"
    order_window.ship_to.detail.setText("101동 203호")
    assert save.isEnabled()
    order_window.ship_to.detail.setText("101동 202호")  # typed back as stored
    assert not save.isEnabled()


def test_save_tracking_is_on_only_while_the_courier_or_number_typed_differs_from_the_orders(
    window: Any, qtbot: Any
) -> None:
    """The tester clicked Save on a shipped order's number she had not changed, and could not tell
    whether it did anything: as the address's Save, it is grey until there is something to save."""
    order_id = shipped_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    save = order_window.save_tracking_button
    assert save.isVisible() and not save.isEnabled()
    qtbot.waitUntil(lambda: pending_ops() == 0)
    qtbot.keyClick(order_window.tracking, Qt.Key.Key_Return)  # Enter on the number as saved
    assert pending_ops() == 0  # no save started
    order_window.tracking.setText("654321098766")
    assert save.isEnabled()
    order_window.tracking.setText("6543-2109-8765")  # the saved number, typed with dashes
    assert not save.isEnabled()
    order_window.courier.setCurrentText("한진택배")
    assert save.isEnabled()
    order_window.courier.setCurrentText("CJ대한통운")
    assert not save.isEnabled()
    order_window.tracking.setText("654321098766")
    save.click()
    qtbot.waitUntil(lambda: stored(window, order_id).tracking == "654321098766")
    qtbot.waitUntil(lambda: not save.isEnabled())
    assert order_window.tracking.text() == "654321098766"


def test_esc_with_the_payment_message_not_yet_sent_asks_before_dropping_it(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The owner asked for payment and pressed Esc out of habit: the window closed, the bank details
    the customer waits for were never sent, and nothing said so."""
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    send = order_window.findChild(QPushButton, "sendOrderMessage")
    assert send is not None
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled())

    kept = dialogs.expect("question", answer=Button.Cancel)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert "이하은" in kept.texts[0] and "has not been sent" in kept.texts[0]
    assert kept.shown[0].widget.endswith("default &Back to the message")  # Enter keeps it
    assert order_window.isVisible() and send.isVisible()

    dialogs.expect("question", answer=Button.Discard)
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert not order_window.isVisible()
    assert stored(window, order_id).state == OrderState.AWAITING_PAYMENT


def test_esc_after_the_message_was_sent_closes_without_asking(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, new_order(window.ctx))
    send = order_window.findChild(QPushButton, "sendOrderMessage")
    assert send is not None
    move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled())
    with qtbot.waitSignal(order_window.message.sent):
        send.click()
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)
    assert not order_window.isVisible()


def test_a_payment_message_waiting_in_the_window_goes_away_when_the_bank_file_marks_the_order_paid(
    window: Any, qtbot: Any
) -> None:
    """The owner prepared a payment request, left it unsent and read the bank's file: the order was
    paid, yet its window still offered to send "please transfer by …" to a customer who had paid."""
    from app.order_actions import move_order_to

    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    send = order_window.findChild(QPushButton, "sendOrderMessage")
    assert send is not None
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled())

    _detail, changes = move_order_to(window.ctx.db, order_id, OrderState.PAID, courier=None, tracking=None)
    window.ctx.publish(changes)  # the bank file's deposit marked it paid
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "paid")
    assert not send.isVisible() and order_window.message.prepared is None
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)  # nothing unsent to ask about
    assert not order_window.isVisible()


def test_a_message_dropped_because_the_order_moved_elsewhere_says_why_and_keeps_her_text(
    window: Any, qtbot: Any
) -> None:
    """Walk: the payment request she was editing vanished when the bank's file marked the order
    paid, without a word, and the sentence she had typed into it was lost."""
    from PySide6.QtWidgets import QApplication

    from app.order_actions import move_order_to

    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    pane = order_window.message
    with qtbot.waitSignal(order_window.moved):
        move_button(order_window, OrderState.AWAITING_PAYMENT).click()
    qtbot.waitUntil(lambda: pane.send_button.isVisible() and pane.send_button.isEnabled())
    pane.edit.setPlainText(pane.edit.toPlainText() + "\n내일 오전에 보내 드릴게요!")

    _detail, changes = move_order_to(window.ctx.db, order_id, OrderState.PAID, courier=None, tracking=None)
    window.ctx.publish(changes)  # the bank file's deposit marked it paid
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.detail.state == "paid")
    qtbot.waitUntil(lambda: pane.copy_button.isVisible())
    assert pane.isVisible() and not pane.send_button.isVisible()
    assert "moved to Paid meanwhile" in pane.how.text() and "not sent" in pane.how.text()
    assert pane.edit.isVisible() and pane.edit.isReadOnly()
    assert "내일 오전에 보내 드릴게요!" in pane.edit.toPlainText()
    pane.copy_button.click()
    assert "내일 오전에 보내 드릴게요!" in QApplication.clipboard().text()
    assert pane.skip_button.text() == "Close"
    pane.skip_button.click()
    qtbot.waitUntil(lambda: pane.isHidden())
    with window.ctx.db.read() as s:  # nothing went to the customer after her payment
        assert not [m for m in s.query(Message).all() if "내일 오전" in (m.body or "")]


def test_the_keyboard_goes_from_step_to_step_without_losing_its_place(window: Any, qtbot: Any) -> None:
    """Opened, the window gave the focus to its history list; after "Ask for payment" pressed with
    Space, the focus was nowhere: the owner had to reach for the mouse to send the message."""
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitExposed(order_window)
    ask = move_button(order_window, OrderState.AWAITING_PAYMENT)
    assert order_window.focusWidget() is ask  # the next step, not "Cancel order"

    with qtbot.waitSignal(order_window.moved):
        qtbot.keyClick(ask, Qt.Key.Key_Space)
    send = order_window.message.send_button
    qtbot.waitUntil(lambda: order_window.message.isVisible() and send.isEnabled())
    assert order_window.focusWidget() is send  # the step's message to the customer, ready to go


@pytest.mark.parametrize("way", ["send", "skip"])
def test_after_the_message_is_sent_or_skipped_the_focus_is_on_the_next_step(
    window: Any, qtbot: Any, way: str
) -> None:
    """Walk: after 입금 요청 and 고객에게 보내기, the focus fell to the first button, 상품 변경…
    (Enter changed the items); it goes on to the next step, 결제 완료로 표시, as after any move."""
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitExposed(order_window)
    with qtbot.waitSignal(order_window.moved):
        qtbot.keyClick(move_button(order_window, OrderState.AWAITING_PAYMENT), Qt.Key.Key_Space)
    message = order_window.message
    button = message.send_button if way == "send" else message.skip_button
    qtbot.waitUntil(lambda: message.isVisible() and button.isEnabled())
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not message.isVisible())
    # The sent message reads the order again: its buttons are made anew, and the focus goes with them.
    qtbot.waitUntil(lambda: order_window.focusWidget() is move_button(order_window, OrderState.PAID))


def test_enter_on_the_tracking_number_ships_and_hands_the_keyboard_to_the_shipping_message(
    window: Any, qtbot: Any
) -> None:
    """Walk: the number typed and Enter pressed, the order was shipped and its message shown, but the
    keyboard stayed in the number's field (Enter there did nothing more): the owner reached for the
    mouse to send the customer her tracking link."""
    from app.orders import move_order

    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.PAID)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitExposed(order_window)
    type_address(order_window)
    order_window.tracking.setFocus()
    qtbot.keyClicks(order_window.tracking, "654321098765")
    with qtbot.waitSignal(order_window.moved):
        qtbot.keyClick(order_window.tracking, Qt.Key.Key_Return)
    send = order_window.message.send_button
    qtbot.waitUntil(lambda: order_window.message.isVisible() and send.isEnabled())
    assert stored(window, order_id).state == OrderState.SHIPPED
    assert order_window.focusWidget() is send
    with qtbot.waitSignal(order_window.message.sent):
        qtbot.keyClick(send, Qt.Key.Key_Space)


def test_a_change_made_elsewhere_leaves_the_focus_on_the_same_button(window: Any, qtbot: Any) -> None:
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitExposed(order_window)
    cancel = move_button(order_window, OrderState.CANCELLED)
    qtbot.waitUntil(cancel.isVisible)  # (laid out)
    cancel.setFocus()  # Tab, Tab…
    assert order_window.focusWidget() is cancel
    detail = order_window.detail
    assert detail is not None
    order_window.show_detail(detail)  # read again, as a change in another window makes it
    focused = order_window.focusWidget()
    assert focused is not None and focused.objectName() == "move_cancelled"
    assert order_window.buttons.indexOf(focused) > 0  # the new button, not the one going away


def test_cancelling_a_paid_card_on_the_board_reminds_the_owner_to_send_the_money_back(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from app.orders import move_order
    from ui.order_board import OrderBoard

    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.PAID)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    kept = dialogs.expect("question", answer=Button.No)
    board.move_card(order_id, OrderState.CANCELLED)
    settle(qtbot)
    assert kept.texts[0].endswith("The customer paid ₩39,000 for it: transfer it back to her yourself.")
    assert stored(window, order_id).state == OrderState.PAID


def test_shipping_without_a_postcode_says_the_postcode_is_missing_not_the_address(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    """Walk: "우편번호가 없어요. 주소가 없으면 택배사가 배송할 수 없어요." for an order with its address."""
    from app.orders import move_order

    order_id = new_order(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.PAID)
    order_window = open_order(window, qtbot, order_id)
    type_address(order_window, postcode="")
    qtbot.waitUntil(lambda: move_button(order_window, OrderState.SHIPPED).isVisible())
    asked = dialogs.expect("question", answer=Button.No)
    move_button(order_window, OrderState.SHIPPED).click()
    settle(qtbot)
    number = stored(window, order_id).number
    assert asked.texts[0] == (
        f"주문 {number}에 우편번호가 없어요. 택배사는 이\u00a0정보 없이 배송할 수 없어요.\n\n그래도 배송 시작으로 표시할까요?"
    )
