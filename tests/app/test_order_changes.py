"""Changing an unpaid order's lines, quantities and charges: total, stock held and history follow."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.errors import ErrorCode, OrderError, OrderStateParams
from app.models import Order, OrderEvent
from app.order_changes import change_order
from app.orders import Charges, LineInput, OrderState, Told, create_order, move_order, note_told
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact


def blouse_and_bag(db: Database) -> tuple[int, int, int]:
    """최유진's order of one blouse (42,000, 3 counted) with 3,000 shipping: (order, blouse, bag)."""
    with db.write() as s:
        blouse = create_item(
            s, ItemDraft(name="린넨 블라우스", price_minor=42000, currency="KRW", retailer_id="LN-BL")
        )
        bag = create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        set_stock(s, blouse, 3)
        set_stock(s, bag, 1)
        c = make_contact(s, profile_name="최유진")
        order = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LN-BL", 1)],
            source="chat",
            charges=Charges(shipping_minor=3000),
        )
        return order.id, blouse, bag


def held(db: Database) -> list[tuple[int, int, int]]:
    with db.read() as s:
        return [(level.item_id, level.on_hand, level.reserved) for level in stock_levels(s)]


def test_the_customer_wants_two_blouses_and_a_bag_the_total_and_history_follow(db) -> None:
    order_id, _blouse, _bag = blouse_and_bag(db)
    lines = [LineInput("LN-BL", 2, price=42000), LineInput("BAG", 1)]
    with db.write() as s:
        change = change_order(s, order_id, lines, Charges(shipping_minor=3000, discount_minor=5000))
    assert (change.total_before, change.total_after, change.payment_asked) == (45000, 94000, False)
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == OrderState.NEW
        assert [(line.code, line.quantity) for line in order.lines] == [("LN-BL", 2), ("BAG", 1)]
        assert (order.subtotal_minor, order.discount_minor, order.total_minor) == (96000, 5000, 94000)
        event = order.events[-1]
        assert event.kind == "changed"
        assert json.loads(event.note) == {
            "added": [["에코백", 1]],
            "quantity": [["린넨 블라우스", 1, 2]],
            "discount": [0, 5000],
            "total": [45000, 94000],
            "currency": "KRW",
        }


def test_a_line_that_stays_keeps_the_price_agreed_when_the_catalogue_changed(db) -> None:
    order_id, blouse, _bag = blouse_and_bag(db)
    with db.write() as s:
        from app.models import CatalogItem

        item = s.get(CatalogItem, blouse)
        assert item is not None
        item.price_minor = 49000  # the new season's price
        change_order(s, order_id, [LineInput("LN-BL", 2, price=42000)], Charges(shipping_minor=3000))
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.total_minor == 87000


def test_stock_held_for_an_order_awaiting_payment_follows_its_new_lines(db) -> None:
    order_id, blouse, bag = blouse_and_bag(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    assert held(db) == [(blouse, 3, 1), (bag, 1, 0)]
    with db.write() as s:
        change_order(s, order_id, [LineInput("LN-BL", 3, price=42000), LineInput("BAG", 1)], Charges())
    assert held(db) == [(blouse, 3, 3), (bag, 1, 1)]
    with db.write() as s:  # the bag taken out again: its piece is free for the next customer
        change_order(s, order_id, [LineInput("LN-BL", 1, price=42000)], Charges())
    assert held(db) == [(blouse, 3, 1), (bag, 1, 0)]


def test_more_than_is_left_is_refused_and_the_order_keeps_its_lines_and_hold(db) -> None:
    order_id, blouse, bag = blouse_and_bag(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    with pytest.raises(OrderError) as err, db.write() as s:
        change_order(s, order_id, [LineInput("LN-BL", 1, price=42000), LineInput("BAG", 2)], Charges())
    assert err.value.code is ErrorCode.ORDER_OUT_OF_STOCK
    assert held(db) == [(blouse, 3, 1), (bag, 1, 0)]
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and [line.code for line in order.lines] == ["LN-BL"]
        assert order.total_minor == 45000 and order.events[-1].kind == "moved"


@pytest.mark.parametrize("state", [OrderState.PAID, OrderState.SHIPPED, OrderState.CANCELLED])
def test_a_paid_shipped_or_cancelled_order_keeps_its_lines_and_says_why(db, state: OrderState) -> None:
    order_id, _blouse, _bag = blouse_and_bag(db)
    with db.write() as s:
        for to in [OrderState.PAID, OrderState.SHIPPED] if state is OrderState.SHIPPED else [state]:
            move_order(s, order_id, to)
    with pytest.raises(OrderError) as err, db.write() as s:
        change_order(s, order_id, [LineInput("LN-BL", 2, price=42000)], Charges())
    assert err.value.code is ErrorCode.ORDER_LINES_LOCKED
    assert err.value.params == OrderStateParams("2026-0001", state)


def test_a_customer_who_was_sent_the_payment_request_is_to_be_told_the_new_amount(db) -> None:
    order_id, _blouse, _bag = blouse_and_bag(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        change = change_order(s, order_id, [LineInput("LN-BL", 2, price=42000)], Charges(shipping_minor=3000))
    assert change.payment_asked is False  # moved, its message not sent (yet)
    with db.write() as s:
        note_told(s, order_id, OrderState.AWAITING_PAYMENT, Told.SENT)
        change = change_order(s, order_id, [LineInput("LN-BL", 1, price=42000)], Charges(shipping_minor=3000))
    assert (change.total_before, change.total_after, change.payment_asked) == (87000, 45000, True)


def test_saving_the_order_as_it_is_writes_no_history(db) -> None:
    order_id, _blouse, _bag = blouse_and_bag(db)
    with db.write() as s:
        change_order(s, order_id, [LineInput("LN-BL", 1, price=42000)], Charges(shipping_minor=3000))
    with db.read() as s:
        kinds = s.scalars(select(OrderEvent.kind).where(OrderEvent.order_id == order_id)).all()
    assert kinds == ["created"]


def test_the_size_she_asked_for_is_the_same_line_with_its_option_not_one_out_and_one_in(db) -> None:
    """Walk: setting "S" on her blouse in the change form read "‘린넨 블라우스 S’ ×1 added, ‘린넨
    블라우스’ taken out" in the history, as if the owner had swapped products."""
    order_id, _blouse, _bag = blouse_and_bag(db)
    with db.write() as s:
        lines = [LineInput("LN-BL", 2, price=42000, option="S")]
        change_order(s, order_id, lines, Charges(shipping_minor=3000))
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and [(line.option, line.quantity) for line in order.lines] == [("S", 2)]
        assert json.loads(order.events[-1].note) == {
            "option": [["린넨 블라우스", "", "S"]],
            "quantity": [["린넨 블라우스 S", 1, 2]],
            "total": [45000, 87000],
            "currency": "KRW",
        }
