"""Ask for payment in an order's window: a customer who cannot be told is not marked as asked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Label, Order, contact_label, utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, create_order
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import settle
from ui.order_actions import OrderActions
from ui.order_window import OrderWindow


def phone_chat_order(ctx: Any, *, wrote_ago: timedelta | None) -> tuple[int, int]:
    """박서연's chat (imported from the phone when `wrote_ago` is None) and a 39,000원 order made in it;
    the shop has no bank account and no template in its order settings."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="니트 가디건", price_minor=39000, currency="KRW", retailer_id="KNIT"))
        inbound = utcnow() - wrote_ago if wrote_ago is not None else None
        c = make_contact(s, profile_name="박서연", last_inbound_at=inbound)
        if wrote_ago is None:  # what she wrote came with the phone's export: old, but she wrote
            make_message(s, c, "가디건 있어요?", sent_at=utcnow() - timedelta(days=40), imported=True)
        order = create_order(s, contact_id=c.id, lines=[LineInput("KNIT", 1)], source="chat")
        return c.id, order.id


def open_order(window: Any, qtbot: Any, order_id: int) -> OrderWindow:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    return order_window


def button(order_window: OrderWindow, name: str) -> QPushButton:
    found = order_window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def state_and_labels(ctx: Any, order_id: int, contact_id: int) -> tuple[str, set[str]]:
    with ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        labels = set(
            s.scalars(
                select(Label.name)
                .join(contact_label, contact_label.c.label_id == Label.id)
                .where(contact_label.c.contact_id == contact_id)
            )
        )
        return order.state, labels


def history(order_window: OrderWindow) -> list[str]:
    return order_window.history.stringList()


def test_asking_for_payment_when_nothing_can_tell_her_changes_nothing_until_the_owner_chooses(
    window: Any, qtbot: Any
) -> None:
    """The tester pressed 입금 요청 in a chat from his phone: the order and the chat's label said
    입금 대기 at once, and only then the panel said the message could not go."""
    contact_id, order_id = phone_chat_order(window.ctx, wrote_ago=None)
    order_window = open_order(window, qtbot, order_id)
    before = history(order_window)
    unsent, skip, send = (
        button(order_window, n) for n in ("moveWithoutMessage", "skipOrderMessage", "sendOrderMessage")
    )

    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(unsent.isVisible)
    how = order_window.message.how.text()
    assert "More than 24 hours since the customer wrote" in how and "bank account is not set" in how
    assert "Nothing has changed yet" in how
    assert unsent.text() == "Mark as awaiting payment &without sending"
    assert skip.text() == "Cancel" and not send.isVisible()
    assert order_window.message.edit.isReadOnly()
    assert state_and_labels(window.ctx, order_id, contact_id)[0] == "new"
    assert order_window.title.text().endswith("New")

    # Cancel: the panel goes, and the order is the new order it was.
    skip.click()
    assert not order_window.message.isVisible()
    settle(qtbot)
    assert state_and_labels(window.ctx, order_id, contact_id) == ("new", {"New order"})
    assert history(order_window) == before

    # Asked again, and this time she was asked by phone: awaiting payment, without the message.
    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(unsent.isVisible)
    with qtbot.waitSignal(order_window.moved):
        unsent.click()
    assert not order_window.message.isVisible()
    assert state_and_labels(window.ctx, order_id, contact_id) == ("awaiting_payment", {"Pending payment"})
    newest = history(order_window)[0]
    # Said as what it was: the message could not go (not the owner choosing to keep quiet), and why.
    assert newest.endswith(
        "New → Awaiting payment (the message could not be sent: "
        "no message from them in the last 24 hours, and no template for this step)"
    )
    # The window's own buttons are the new state's, Send back for the next message.
    qtbot.waitUntil(lambda: order_window.findChild(QPushButton, "move_paid") is not None)
    assert send.isVisibleTo(order_window.message) and skip.text() == "Don'&t send"


def test_asking_a_customer_who_wrote_today_moves_the_order_and_offers_the_message(
    window: Any, qtbot: Any
) -> None:
    contact_id, order_id = phone_chat_order(window.ctx, wrote_ago=timedelta(hours=1))
    order_window = open_order(window, qtbot, order_id)
    with qtbot.waitSignal(order_window.moved):
        button(order_window, "move_awaiting_payment").click()
    send = button(order_window, "sendOrderMessage")
    qtbot.waitUntil(send.isVisible)
    assert not button(order_window, "moveWithoutMessage").isVisible()
    assert state_and_labels(window.ctx, order_id, contact_id)[0] == "awaiting_payment"
    assert history(order_window)[0].endswith("New → Awaiting payment")


def test_the_korean_owner_reads_both_ways_on_in_korean(window: Any, qtbot: Any, korean: None) -> None:
    _, order_id = phone_chat_order(window.ctx, wrote_ago=None)
    order_window = open_order(window, qtbot, order_id)
    unsent = button(order_window, "moveWithoutMessage")
    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(unsent.isVisible)
    assert unsent.text() == "메시지 없이 입금 대기로 표시(&W)"
    assert button(order_window, "skipOrderMessage").text() == "취소"
    assert "아직 바뀐 건 없어요. 주문 상태는 그대로예요." in order_window.message.how.text()
    with qtbot.waitSignal(order_window.moved):
        unsent.click()
    assert history(order_window)[0].endswith(
        "새 주문 → 입금 대기 (안내 메시지를 보낼 수 없었음: "
        "최근 24시간 동안 고객의 메시지가 없고 이\u00a0단계의 템플릿이 없음)"
    )


def test_after_the_payment_request_goes_the_open_window_says_she_was_told(window: Any, qtbot: Any) -> None:
    """Walk: 강다은 was sent the 입금 안내 from the order's window; the message went, but the history
    in front of the owner kept "새 주문 → 입금 대기" without "(고객에게 알림)" until she reopened it."""
    from app.order_settings import OrderSettings, save_order_settings

    _contact_id, order_id = phone_chat_order(window.ctx, wrote_ago=timedelta(hours=1))
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901 (서울리넨하우스)"))
    order_window = open_order(window, qtbot, order_id)
    with qtbot.waitSignal(order_window.moved):
        button(order_window, "move_awaiting_payment").click()
    send = button(order_window, "sendOrderMessage")
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled())
    with qtbot.waitSignal(order_window.message.sent):
        send.click()
    qtbot.waitUntil(lambda: history(order_window)[0].endswith("New → Awaiting payment (customer told)"))


def test_dont_send_on_the_payment_request_writes_that_the_owner_chose_not_to_tell_her(
    window: Any, qtbot: Any
) -> None:
    """As a return's message and the bulk notice's 보내지 않기 do: the step's history says so."""
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민 123-45-678901"))
    _contact_id, order_id = phone_chat_order(window.ctx, wrote_ago=timedelta(hours=1))
    order_window = open_order(window, qtbot, order_id)
    with qtbot.waitSignal(order_window.moved):
        button(order_window, "move_awaiting_payment").click()
    skip = button(order_window, "skipOrderMessage")
    qtbot.waitUntil(lambda: skip.isVisible() and button(order_window, "sendOrderMessage").isEnabled())
    assert skip.text() == "Don'&t send"
    skip.click()
    qtbot.waitUntil(
        lambda: history(order_window)[0].endswith("(you chose not to send the customer the message)")
    )


def test_on_a_laptop_ten_minutes_slow_a_customer_who_wrote_24_hours_ago_by_whatsapps_clock_is_outside(
    window: Any, qtbot: Any
) -> None:
    """She wrote 23 h 55 min ago by this laptop's clock, 24 h 5 min ago by WhatsApp's: the payment
    request went as a normal message, and WhatsApp refused it. The relay's clock says which it is."""
    from email.utils import formatdate

    from app import relay_clock

    relay_clock.observe(formatdate((utcnow() + timedelta(minutes=10)).timestamp(), usegmt=True))
    _contact_id, order_id = phone_chat_order(window.ctx, wrote_ago=timedelta(hours=23, minutes=55))
    order_window = open_order(window, qtbot, order_id)
    unsent = button(order_window, "moveWithoutMessage")
    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(unsent.isVisible)
    assert "More than 24 hours since the customer wrote" in order_window.message.how.text()
    assert not button(order_window, "sendOrderMessage").isVisible()
