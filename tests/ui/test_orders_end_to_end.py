"""End to end: a cart webhook through the relay becomes an order; asking for payment tells the customer
and the relay learns the order's status for its bot."""

from __future__ import annotations

from typing import Any

import httpx

from app.catalog import ItemDraft, create_item
from app.order_settings import OrderSettings, save_order_settings
from app.orders import OrderState
from tests.support.relay_server import inbound
from tests.support.window_waits import select_chat
from ui.order_actions import OrderActions

CART = {
    "catalog_id": "1502836640285533",
    "text": "S 사이즈로 부탁드려요",
    "product_items": [
        {"product_retailer_id": "LN-SH-IV", "quantity": 2, "item_price": 39000, "currency": "KRW"}
    ],
}


def test_a_cart_becomes_an_order_the_customer_is_asked_to_pay_and_the_relay_knows_its_status(
    window: Any, qtbot: Any, relay: Any
) -> None:
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠 아이보리", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV")
        )
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
    actions = OrderActions(window, window.ctx)
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()

    assert relay.post_webhook(inbound("order", CART, name="한지민", sender="821024681357")).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    info = view.chat_model.info(0)
    assert info is not None and info.order is not None and info.order.total_minor == 78000

    def statuses() -> list[dict[str, Any]]:
        response = httpx.get(
            f"{relay.url}/v1/orders/status",
            params={"wa_id": "821024681357"},
            headers={"Authorization": f"Bearer {relay.token}"},
        )
        return list(response.json()["orders"])

    # The cart's order reaches the relay at once: its bot can say where the order stands tonight.
    qtbot.waitUntil(lambda: [o["state"] for o in statuses()] == ["new"], timeout=10000)

    order_window = actions.open_order(info.order.order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert "국민은행 123-45-678901" in order_window.message.edit.toPlainText()
    order_window.message.send_button.click()
    qtbot.waitUntil(lambda: bool(relay.graph.sent), timeout=15000)
    assert relay.graph.sent[-1]["text"]["body"].startswith("Thank you for your order, 한지민!")

    qtbot.waitUntil(lambda: [o["state"] for o in statuses()] == ["awaiting_payment"], timeout=10000)
