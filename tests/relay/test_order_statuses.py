"""The desktop pushes order statuses so the relay's bot can say where an order is while the laptop is closed."""

from __future__ import annotations

import httpx

from app.relay_client import RelayClient
from app.wire import OrderStatus
from tests.support.relay_server import RunningRelay


def statuses_of(relay: RunningRelay, wa_id: str) -> list[dict[str, str]]:
    response = httpx.get(
        f"{relay.url}/v1/orders/status",
        params={"wa_id": wa_id},
        headers={"Authorization": f"Bearer {relay.token}"},
    )
    assert response.status_code == 200
    return list(response.json()["orders"])


def test_pushed_statuses_are_kept_per_customer_newest_first_and_a_move_replaces_the_old_one(
    relay: RunningRelay,
) -> None:
    with RelayClient(relay.url, relay.token) as client:
        assert (
            client.push_order_statuses(
                [OrderStatus(number="2026-0001", state="awaiting_payment", wa_id="821012345678")]
            )
            == 1
        )
        shipped = OrderStatus(
            number="2026-0001",
            state="shipped",
            wa_id="+82 10-1234-5678",
            courier="CJ대한통운",
            tracking="654321098765",
            tracking_url="https://trace.cjlogistics.com/next/tracking.html?wblNo=654321098765",
        )
        client.push_order_statuses(
            [shipped, OrderStatus(number="2026-0002", state="new", wa_id="821099990000")]
        )
    [order] = statuses_of(relay, "821012345678")
    assert (order["number"], order["state"], order["courier"], order["tracking"]) == (
        "2026-0001",
        "shipped",
        "CJ대한통운",
        "654321098765",
    )
    assert [o["number"] for o in statuses_of(relay, "821099990000")] == ["2026-0002"]
    assert statuses_of(relay, "821000000000") == []


def test_a_malformed_push_is_refused_and_stores_nothing(relay: RunningRelay) -> None:
    response = httpx.post(
        f"{relay.url}/v1/orders/status",
        json={"orders": [{"number": "2026-0001", "state": "x" * 500, "wa_id": "821012345678"}]},
        headers={"Authorization": f"Bearer {relay.token}"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert statuses_of(relay, "821012345678") == []
    unauthorised = httpx.post(f"{relay.url}/v1/orders/status", json={"orders": []})
    assert unauthorised.status_code == 401
