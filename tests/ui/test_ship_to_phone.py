"""A London shop's order window said “Olivia (07700 900123)” at the top and “+447700900123” in the
ship-to phone: the number she typed or pasted now reads as the window writes numbers."""

from __future__ import annotations

from typing import Any

from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.orders import LineInput, create_order
from ui.order_actions import OrderActions
from ui.order_window import OrderWindow


def british_order(window: Any, recipient_phone: str) -> int:
    from app.settings import update_preferences
    from tests.support.factories import make_contact

    update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
    window.ctx.shop_region = "GB"
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=3900, currency="GBP", retailer_id="LINEN"))
        c = make_contact(s, profile_name="Olivia", wa_id="447700900123", last_inbound_at=utcnow())
        order = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat")
        stored = s.get(Order, order.id)
        assert stored is not None
        stored.recipient_phone = recipient_phone
        return order.id


def open_order(window: Any, qtbot: Any, order_id: int) -> OrderWindow:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    return order_window


def test_a_pasted_international_number_reads_as_the_rest_of_the_window(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, british_order(window, "+447700900456"))
    assert "07700 900123" in order_window.customer.text()
    assert order_window.ship_to.phone.text() == "07700 900456"
    # Shown differently, not changed: nothing to save.
    assert not order_window.ship_to.save_button.isEnabled()


def test_a_number_from_abroad_keeps_its_country_code(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, british_order(window, "+33612345678"))
    assert order_window.ship_to.phone.text() == "+33 6 12 34 56 78"


def test_words_in_the_phone_field_stay_as_typed(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, british_order(window, "ring the bell"))
    assert order_window.ship_to.phone.text() == "ring the bell"


def test_the_customers_own_number_fills_an_empty_recipient_phone(window: Any, qtbot: Any) -> None:
    order_window = open_order(window, qtbot, british_order(window, ""))
    assert order_window.ship_to.phone.text() == "07700 900123"
