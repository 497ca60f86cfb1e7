"""An order move whose status push met the relay's proxy answering 503 reaches the relay's bot while
the connection stays up, not at the next move or reconnect."""

from __future__ import annotations

from typing import Any

import httpx

from app.catalog import ItemDraft, create_item
from app.connection import Connection
from app.orders import OrderState
from tests.support.relay_front import relay_front
from tests.support.relay_server import inbound
from tests.support.window_waits import select_chat
from ui.order_actions import OrderActions

CUSTOMER = "821024681357"
CART = {
    "catalog_id": "1502836640285533",
    "text": "S 사이즈로 부탁드려요",
    "product_items": [
        {"product_retailer_id": "LN-SH-IV", "quantity": 2, "item_price": 39000, "currency": "KRW"}
    ],
}


def test_a_moved_orders_status_the_proxy_answered_503_reaches_the_relays_bot(
    window: Any, qtbot: Any, relay: Any
) -> None:
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠 아이보리", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV")
        )
    actions = OrderActions(window, window.ctx)
    with relay_front(relay.url) as (proxy, url):
        window.ctx.prefs["relay_url"] = url
        window.ctx.relay_token = relay.token
        window.start_sync()
        qtbot.waitUntil(lambda: window.ctx.sync.engine is not None, timeout=10000)
        window.ctx.sync.engine.pushes.retry_base = 0.5  # seconds, not the half minute a shop waits

        relay.post_webhook(inbound("order", CART, name="한지민", sender=CUSTOMER))
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
        select_chat(window, qtbot, model.row_at(0).contact_id)
        view = window.chat.view
        qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
        info = view.chat_model.info(0)
        assert info is not None and info.order is not None

        def states() -> list[str]:
            response = httpx.get(
                f"{relay.url}/v1/orders/status",
                params={"wa_id": CUSTOMER},
                headers={"Authorization": f"Bearer {relay.token}"},
            )
            return [o["state"] for o in response.json()["orders"]]

        qtbot.waitUntil(lambda: states() == ["new"], timeout=10000)
        proxy.refuse("POST", "/v1/orders/status", status=503, times=1)  # the relay restarting
        order_window = actions.open_order(info.order.order_id)
        qtbot.waitUntil(lambda: order_window.detail is not None)
        order_window.move_to(OrderState.AWAITING_PAYMENT)
        qtbot.waitUntil(lambda: proxy.refused_count("POST", "/v1/orders/status") == 1, timeout=10000)

        # Nothing moved again, nothing reconnected: the bot learns the order awaits payment.
        qtbot.waitUntil(lambda: states() == ["awaiting_payment"], timeout=10000)
        assert window.ctx.sync.state.kind is Connection.ONLINE
        window.ctx.sync.stop()  # before the proxy goes: no long poll left open through it
