"""A shop with two numbers: an order's message says it goes from the number whose 24-hour window with
the customer is open, when her chat's number's is closed, and goes from it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Message
from app.orders import LineInput, create_order
from tests.support.window_waits import settle
from tests.ui.test_number_window import HONGDAE, she_wrote
from tests.ui.test_order_payment_request import button, open_order


def test_her_payment_request_says_it_goes_from_the_number_she_wrote_to_and_does(
    window: Any, qtbot: Any
) -> None:
    minji = she_wrote(window, gangnam=timedelta(hours=30), hongdae=timedelta(hours=2))
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="니트 가디건", price_minor=39000, currency="KRW", retailer_id="KNIT"))
        order_id = create_order(s, contact_id=minji, lines=[LineInput("KNIT", 1)], source="chat").id
    order_window = open_order(window, qtbot, order_id)
    send = button(order_window, "sendOrderMessage")

    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled(), timeout=5000)
    how = order_window.message.how.text()
    assert how.startswith(
        "The customer wrote to your number 02-555-0202 within 24 hours (not to this chat's number): "
        "this goes from it as a normal message."
    ), how
    assert not order_window.message.edit.isReadOnly()
    send.click()

    def sent_from() -> list[str | None]:
        with window.ctx.db.read() as s:
            return list(
                s.scalars(
                    select(Message.phone_number_id).where(
                        Message.contact_id == minji, Message.direction == "out"
                    )
                )
            )

    qtbot.waitUntil(lambda: sent_from() == [HONGDAE], timeout=5000)
    settle(qtbot)


def test_her_payment_request_from_her_chats_own_number_says_which_it_is(window: Any, qtbot: Any) -> None:
    """Her Gangnam window is open: it goes from Gangnam, her chat's number, and says so (the order
    window is not the chat, whose header names it)."""
    minji = she_wrote(window, gangnam=timedelta(hours=1), hongdae=timedelta(hours=3))
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="니트 가디건", price_minor=39000, currency="KRW", retailer_id="KNIT"))
        order_id = create_order(s, contact_id=minji, lines=[LineInput("KNIT", 1)], source="chat").id
    order_window = open_order(window, qtbot, order_id)
    send = button(order_window, "sendOrderMessage")
    button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(lambda: send.isVisible() and send.isEnabled(), timeout=5000)
    how = order_window.message.how.text()
    assert how.endswith(" Goes from your number 02-555-0101."), how
    settle(qtbot)
