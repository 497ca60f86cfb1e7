"""A step that tells the customer is made only when its message can go, or when the owner says so."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

import pytest

from app.catalog import ItemDraft, create_item, find_item_by_code
from app.errors import ErrorCode, OrderError
from app.models import Order, utcnow
from app.order_actions import move_order_to, move_when_message_can_go
from app.order_messages import OrderMessage, message_for_order
from app.orders import UNSENT_MOVE, LineInput, OrderState, create_order
from app.stock import set_stock
from tests.support.factories import make_contact


def korean_day(moment: datetime, language: str, zone: tzinfo | None) -> str:
    return f"{moment.month}월 {moment.day}일"


def an_order(db, *, wrote_ago: timedelta | None, quantity: int = 1) -> int:
    """박서연's new order of a 39,000원 item typed in by the owner; she last wrote `wrote_ago` ago
    (None: never, a chat imported from the phone)."""
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        inbound = utcnow() - wrote_ago if wrote_ago is not None else None
        c = make_contact(s, profile_name="박서연", last_inbound_at=inbound)
        return create_order(s, contact_id=c.id, lines=[LineInput("LINEN", quantity)], source="chat").id


def payment_message(db, order_id: int):
    def read() -> OrderMessage | None:
        return message_for_order(
            db,
            order_id,
            language="ko",
            locale="ko_KR",
            format_time=korean_day,
            now=utcnow(),
            moving_to=OrderState.AWAITING_PAYMENT,
        )

    return read


def ask_for_payment(db, order_id: int):
    return move_when_message_can_go(
        db,
        order_id,
        OrderState.AWAITING_PAYMENT,
        message=payment_message(db, order_id),
        courier=None,
        tracking=None,
    )


def stored(db, order_id: int) -> tuple[str, list[tuple[str, str | None]], datetime | None]:
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        return order.state, [(e.kind, e.to_state) for e in order.events], order.payment_due_at


def test_asking_a_customer_who_cannot_be_told_to_pay_changes_nothing(db) -> None:
    """The tester's chat came from the phone (the 24 hours long gone), with no template and no bank
    account: the order became 입금 대기 at once, and he believed she had been asked."""
    order_id = an_order(db, wrote_ago=None)
    outcome = ask_for_payment(db, order_id)
    assert outcome.detail is None and not outcome.changes
    assert outcome.held is not None
    held = outcome.held.prepared
    assert not held.sendable and held.template_missing and held.bank_missing
    assert held.text.startswith("박서연님, 주문해 주셔서 감사합니다.")
    assert "까지 입금해 주시면" in held.text  # the deadline the move would set, read before it
    # Cancel: the owner leaves it, and it is the new order it was.
    assert stored(db, order_id) == ("new", [("created", "new")], None)


def test_the_owner_who_asked_by_phone_marks_it_awaiting_payment_and_the_history_says_no_message_went(
    db,
) -> None:
    order_id = an_order(db, wrote_ago=timedelta(days=3))
    assert ask_for_payment(db, order_id).held is not None
    detail, changes = move_order_to(
        db, order_id, OrderState.AWAITING_PAYMENT, courier=None, tracking=None, unsent=True
    )
    assert detail.state == "awaiting_payment" and order_id in changes.orders
    state, events, due = stored(db, order_id)
    assert state == "awaiting_payment" and due is not None
    assert events[-1] == (UNSENT_MOVE, "awaiting_payment")


def test_a_customer_who_wrote_today_is_asked_at_once(db) -> None:
    order_id = an_order(db, wrote_ago=timedelta(hours=2))
    outcome = ask_for_payment(db, order_id)
    assert outcome.held is None and outcome.detail is not None
    assert outcome.detail.state == "awaiting_payment"
    assert stored(db, order_id)[1][-1] == ("moved", "awaiting_payment")


def test_a_step_refused_anyway_says_why_before_asking_about_the_message(db) -> None:
    """Not enough stock: the owner hears that first (the message question would only come back)."""
    order_id = an_order(db, wrote_ago=None, quantity=3)
    with db.write() as s:
        item = find_item_by_code(s, "LINEN")
        assert item is not None
        set_stock(s, item.id, 2)
    with pytest.raises(OrderError) as refused:
        ask_for_payment(db, order_id)
    assert refused.value.code is ErrorCode.ORDER_OUT_OF_STOCK
    assert stored(db, order_id) == ("new", [("created", "new")], None)
