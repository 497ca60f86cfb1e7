"""Edits to an order before it ships: a line's option (size, colour) and the owner's own memo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database, upgrade
from app.errors import ErrorCode, OrderError
from app.models import Order
from app.order_actions import OrderEdits, save_order_edits, start_order
from app.orders import Charges, LineInput, OrderState, create_order, move_order, set_line_option
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact


def blouse_order(db: Database, *, option: str = "", counted_option: str = "") -> tuple[int, int]:
    """최유진's order of one blouse (3 counted, for the item or for `counted_option`): (order, item)."""
    with db.write() as s:
        item_id = create_item(
            s, ItemDraft(name="린넨 블라우스", price_minor=42000, currency="KRW", retailer_id="LN-BL-WH")
        )
        set_stock(s, item_id, 3, option=counted_option)
        c = make_contact(s, profile_name="최유진")
        lines = [LineInput("LN-BL-WH", 1, option=option)]
        return create_order(s, contact_id=c.id, lines=lines, source="cart").id, item_id


def option_and_price(db: Database, order_id: int) -> tuple[str, int, int]:
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        return order.lines[0].option, order.lines[0].unit_price_minor, order.total_minor


def test_a_line_takes_the_size_the_customer_asked_for_and_keeps_its_price_and_stock(db) -> None:
    order_id, item_id = blouse_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        before = stock_levels(s, [item_id])
        set_line_option(s, order_id, 0, "  S ")
        assert stock_levels(s, [item_id]) == before
    assert option_and_price(db, order_id) == ("S", 42000, 42000)
    with db.write() as s:  # what the line held goes back where it came from
        move_order(s, order_id, OrderState.CANCELLED)
        assert [(level.on_hand, level.reserved) for level in stock_levels(s, [item_id])] == [(3, 0)]


@pytest.mark.parametrize("state", [OrderState.SHIPPED, OrderState.CANCELLED])
def test_an_order_that_left_the_shop_keeps_its_options(db, state: OrderState) -> None:
    order_id, _item = blouse_order(db, option="M")
    with db.write() as s:
        moves = [OrderState.PAID, OrderState.SHIPPED] if state is OrderState.SHIPPED else [state]
        for to in moves:
            move_order(s, order_id, to)
    with pytest.raises(OrderError) as err, db.write() as s:
        set_line_option(s, order_id, 0, "S")
    assert err.value.code is ErrorCode.ORDER_OPTION_LOCKED
    assert option_and_price(db, order_id)[0] == "M"


def test_a_line_holding_its_options_own_count_keeps_that_option(db) -> None:
    order_id, item_id = blouse_order(db, option="M", counted_option="M")
    with db.write() as s:  # nothing held yet: the option may change
        set_line_option(s, order_id, 0, "L")
        set_line_option(s, order_id, 0, "M")
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    with pytest.raises(OrderError) as err, db.write() as s:
        set_line_option(s, order_id, 0, "S")
    assert err.value.code is ErrorCode.ORDER_OPTION_HOLDS_STOCK
    with db.read() as s:
        assert [(level.option, level.reserved) for level in stock_levels(s, [item_id])] == [("M", 1)]


def test_the_owners_memo_is_kept_apart_from_the_customers_note(db) -> None:
    order_id, _item = blouse_order(db)
    with db.write() as s:
        s.get(Order, order_id).note = "S 사이즈로 부탁드려요"  # type: ignore[union-attr]
    save_order_edits(db, order_id, OrderEdits(memo=" 선물 포장 준비 "))
    with db.read() as s:
        contact_id = s.get(Order, order_id).contact_id  # type: ignore[union-attr]
    mine, _changes = start_order(
        db,
        contact_id=contact_id,
        lines=[LineInput("LN-BL-WH", 1)],
        charges=Charges(),
        note="단골",
        currency="KRW",
    )
    with db.read() as s:
        rows = s.execute(select(Order.id, Order.note, Order.memo).order_by(Order.id)).all()
    assert [tuple(r) for r in rows] == [
        (order_id, "S 사이즈로 부탁드려요", "선물 포장 준비"),
        (mine, "", "단골"),
    ]


def test_an_owners_note_on_an_order_made_before_memos_becomes_her_memo(db_path: Path) -> None:
    upgrade(db_path, "0015")
    raw = sqlite3.connect(db_path)
    for number, source, note in (("2026-0001", "cart", "S 사이즈로요"), ("2026-0002", "chat", "단골 손님")):
        raw.execute(
            'INSERT INTO "order" (number, year, seq, source, state, currency, subtotal_minor, shipping_minor,'
            " surcharge_minor, discount_minor, total_minor, note, created_at, updated_at)"
            " VALUES (?, 2026, ?, ?, 'new', 'KRW', 0, 0, 0, 0, 0, ?, 0, 0)",
            (number, int(number[-1]), source, note),
        )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    with db.read() as s:
        rows = s.execute(select(Order.number, Order.note, Order.memo).order_by(Order.number)).all()
    db.close()
    assert [tuple(r) for r in rows] == [("2026-0001", "S 사이즈로요", ""), ("2026-0002", "", "단골 손님")]
