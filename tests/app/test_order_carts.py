"""A cart a customer sends from a product message becomes an order: through the relay, and bad carts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.models import Message, Order
from app.order_queries import OrderDetail, order_detail
from app.order_settings import OrderSettings, default_charges, load_order_settings, save_order_settings
from app.sync_apply import apply_events
from app.wire import Event, read_event
from tests.support.engine_probe import quick_engine
from tests.support.relay_server import RunningRelay, inbound


def cart(*items: tuple[str, Any, Any, str], text: str = "") -> dict[str, Any]:
    return {
        "catalog_id": "1234567890",
        "text": text,
        "product_items": [
            {"product_retailer_id": code, "quantity": q, "item_price": price, "currency": cur}
            for code, q, price, cur in items
        ],
    }


def message_event(seq: int, order: dict[str, Any], wamid: str) -> Event:
    return read_event(
        {
            "seq": seq,
            "kind": "message",
            "at": "2026-11-29T09:00:00Z",
            "phone_number_id": "100200300",
            "message": {
                "from": "821012345678",
                "id": wamid,
                "timestamp": "1795000000",
                "type": "order",
                "order": order,
            },
            "contact": {"wa_id": "821012345678", "profile": {"name": "김민수"}},
        }
    )


def orders(db: Database) -> list[OrderDetail]:
    with db.read() as s:
        return [order_detail(s, order_id) for order_id in s.scalars(select(Order.id).order_by(Order.id))]


def test_a_cart_webhook_through_the_relay_becomes_an_order_with_unknown_codes_kept(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    with db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN-IV-M")
        )
    engine, probe = quick_engine(db, relay, tmp_path / "media")
    engine.start()
    try:
        webhook = inbound(
            "order",
            cart(("LINEN-IV-M", 2, 29000, "KRW"), ("GONE-99", 1, 4500, "KRW"), text="빨리 부탁드려요"),
        )
        assert relay.post_webhook(webhook).status_code == 200
        probe.wait_until(lambda: len(orders(db)) == 1)
    finally:
        engine.stop()
    [order] = orders(db)
    assert (order.number[4:], order.state, order.source, order.total_minor, order.currency) == (
        "-0001",
        "new",
        "cart",
        62500,
        "KRW",
    )
    assert order.note == "빨리 부탁드려요"
    assert order.customer == "김민수"
    assert [
        (line.code, line.name, line.quantity, line.unit_price_minor, line.known) for line in order.lines
    ] == [
        ("LINEN-IV-M", "린넨 셔츠", 2, 29000, True),
        ("GONE-99", "GONE-99", 1, 4500, False),  # a code the catalogue does not know: kept and marked
    ]
    with db.read() as s:
        message = s.get(Message, order.message_id)
        assert message is not None and message.kind == "order"


def test_a_fractional_dollar_price_converts_exactly(db: Database) -> None:
    with db.write() as s:
        result = apply_events(
            s, [message_event(1, cart(("TEE", 3, 12.1, "USD"), ("CAP", 1, "0.29", "USD")), "wamid.A")]
        )
    assert len(result.orders) == 1
    [order] = orders(db)
    assert [line.unit_price_minor for line in order.lines] == [1210, 29]
    assert (order.total_minor, order.currency) == (3659, "USD")


@pytest.mark.parametrize(
    "bad",
    [
        cart(("TEE", -1, 10, "USD")),
        cart(("TEE", 1, "10달러", "USD")),
        cart(("TEE", 1, 10.5, "KRW")),
        cart(*[("TEE", 1, 10, "USD")] * 10_000),
    ],
    ids=["negative quantity", "price with letters", "half a won", "10,000 lines"],
)
def test_a_cart_that_cannot_be_read_stays_a_message_and_saves_no_order(
    db: Database, bad: dict[str, Any]
) -> None:
    with db.write() as s:
        result = apply_events(
            s,
            [message_event(1, bad, "wamid.BAD"), message_event(2, cart(("TEE", 1, 10, "USD")), "wamid.OK")],
            2,
        )
    assert len(result.orders) == 1  # the good cart in the same batch still became an order
    assert [o.lines[0].quantity for o in orders(db)] == [1]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Message).where(Message.kind == "order")) == 2


def cart_order(db: Database, order: dict[str, Any], wamid: str = "wamid.CART") -> OrderDetail:
    with db.write() as s:
        apply_events(s, [message_event(1, order, wamid)], 1)
    [made] = orders(db)
    return made


def test_a_cart_under_the_free_shipping_amount_is_charged_the_shops_shipping_fee(db: Database) -> None:
    with db.write() as s:
        save_order_settings(s, OrderSettings(shipping_minor=3000, free_over_minor=50000))
    order = cart_order(db, cart(("LN-SH-IV", 1, 39000, "KRW")))
    assert (order.subtotal_minor, order.shipping_minor, order.total_minor) == (39000, 3000, 42000)
    # The same fee the owner's order form starts from for the same items (one rule for both).
    with db.read() as s:
        rule = default_charges(load_order_settings(s), 39000, currency="KRW")
    assert rule.shipping_minor == order.shipping_minor


def test_a_cart_over_the_free_shipping_amount_ships_free_by_the_shops_own_rule(db: Database) -> None:
    with db.write() as s:
        save_order_settings(s, OrderSettings(shipping_minor=4000, free_over_minor=100000))
    under = cart_order(db, cart(("LN-SH-IV", 2, 45000, "KRW")))
    assert (under.shipping_minor, under.total_minor) == (4000, 94000)  # 90,000 is under this shop's 100,000
    with db.write() as s:
        save_order_settings(s, OrderSettings(shipping_minor=4000, free_over_minor=80000))
        apply_events(s, [message_event(2, cart(("LN-SH-IV", 2, 45000, "KRW")), "wamid.CART2")], 2)
    over = orders(db)[-1]
    assert (over.shipping_minor, over.total_minor) == (0, 90000)


def test_a_cart_priced_in_another_currency_is_charged_no_fee_it_could_not_convert(db: Database) -> None:
    order = cart_order(db, cart(("TEE", 1, 12, "USD")))
    assert (order.shipping_minor, order.total_minor, order.currency) == (0, 1200, "USD")
