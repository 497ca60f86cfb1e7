"""Orders the relay was never told about reach its bot when the desktop comes online: a customer who
asks about an existing order by its number is told where it stands, not handed to a person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.orders import LineInput, OrderState, create_order, move_order
from app.shop_menu import korean_shop_menu
from app.wire import Automations, DayHours
from tests.support.engine_probe import quick_engine
from tests.support.factories import make_contact
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

CUSTOMER = "821022223333"
ALWAYS_OPEN = {"timezone": "Asia/Seoul", "week": [DayHours(mode="all_day").model_dump()] * 7}


def switch_the_bot_on(relay: RunningRelay) -> None:
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    bot = korean_shop_menu().model_copy(update={"enabled": True}).model_dump(mode="json")
    doc = Automations.model_validate({**current, "bot": bot, "business_hours": ALWAYS_OPEN})
    r = relay.client.put(
        f"{relay.url}/v1/automations",
        json=doc.model_dump(mode="json"),
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )
    assert r.status_code == 200, r.text


def statuses_on_the_relay(relay: RunningRelay, wa_id: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{relay.url}/v1/orders/status", params={"wa_id": wa_id}, headers=relay.auth())
    assert response.status_code == 200
    return list(response.json()["orders"])


def test_a_customer_asking_about_an_order_the_relay_was_never_told_of_gets_its_status(
    db: Database, relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV"))
        customer = make_contact(s, wa_id=CUSTOMER, profile_name="박서연")
        # Made and shipped with no relay to tell (an older version, the demo, or the relay away).
        order = create_order(
            s,
            contact_id=customer.id,
            lines=[LineInput("LN-SH-IV", 1)],
            source="chat",
            now=now - timedelta(days=2),
        )
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(
                s, order.id, state, now=now - timedelta(days=1), courier="CJ대한통운", tracking="654321098765"
            )
        number = order.number
        # Long done, a regular's only order: nothing the bot needs to know.
        regular = make_contact(s, wa_id="821099990000", profile_name="이영희")
        old = create_order(
            s,
            contact_id=regular.id,
            lines=[LineInput("LN-SH-IV", 1)],
            source="chat",
            now=now - timedelta(days=90),
        )
        for state in (OrderState.PAID, OrderState.SHIPPED, OrderState.DONE):
            move_order(s, old.id, state, now=now - timedelta(days=80))
    switch_the_bot_on(relay)
    assert statuses_on_the_relay(relay, CUSTOMER) == []

    engine, probe = quick_engine(db, relay, tmp_path / "media")
    engine.start()
    try:
        probe.wait_until(lambda: [o["number"] for o in statuses_on_the_relay(relay, CUSTOMER)] == [number])
        assert statuses_on_the_relay(relay, "821099990000") == []
        webhook = inbound("text", f"주문번호 {number} 배송 언제 오나요?", sender=CUSTOMER, name="박서연")
        assert relay.post_webhook(webhook).status_code == 200
        probe.wait_until(lambda: any(body.get("to") == CUSTOMER for body in graph.sent))
    finally:
        engine.stop()
    # The status, with the button back to the main menu under it.
    [answer] = [body["interactive"]["body"]["text"] for body in graph.sent if body.get("to") == CUSTOMER]
    assert f"주문번호 {number}: 배송 중" in answer
    assert "CJ대한통운 송장번호 654321098765" in answer
    assert "찾지 못했어요" not in answer


def test_a_second_computer_back_online_does_not_put_its_stale_order_state_over_the_newer_one(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    """Both shop computers made order 2026-0001 from the customer's cart; Su-jin shipped it on her
    laptop. Min-ho's PC, offline meanwhile, came back and pushed its "New": the bot then told the
    customer the order was not yet confirmed."""
    from app.engine import SyncEngine

    now = datetime.now(UTC)
    shop_pc = Database.open(tmp_path / "shop-pc.db")
    try:
        numbers = []
        for computer in (db, shop_pc):
            with computer.write() as s:
                create_item(
                    s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV")
                )
                customer = make_contact(s, wa_id=CUSTOMER, profile_name="박서연")
                order = create_order(
                    s,
                    contact_id=customer.id,
                    lines=[LineInput("LN-SH-IV", 1)],
                    source="chat",
                    now=now - timedelta(hours=3),
                )
                numbers.append(order.number)
                if computer is db:  # her laptop: paid and shipped an hour ago
                    for state in (OrderState.PAID, OrderState.SHIPPED):
                        move_order(
                            s,
                            order.id,
                            state,
                            now=now - timedelta(hours=1),
                            courier="CJ대한통운",
                            tracking="654321098765",
                        )
        assert numbers[0] == numbers[1]
        laptop_engine, _ = quick_engine(db, relay, tmp_path / "media-a")
        pc_engine: SyncEngine
        pc_engine, _ = quick_engine(shop_pc, relay, tmp_path / "media-b")
        assert laptop_engine.push_order_statuses() == 1
        assert pc_engine.push_order_statuses() == 1  # what it does on coming back online
        [held] = statuses_on_the_relay(relay, CUSTOMER)
        assert held["number"] == numbers[0] and held["state"] == OrderState.SHIPPED.value
        assert held["tracking"] == "654321098765"

        # A change he makes later is newer: it is taken.
        with shop_pc.write() as s:
            move_order(s, order.id, OrderState.CANCELLED, now=now)
        assert pc_engine.push_order_statuses() == 1
        [held] = statuses_on_the_relay(relay, CUSTOMER)
        assert held["state"] == OrderState.CANCELLED.value
    finally:
        shop_pc.close()
