"""Mark shipped without a tracking number, 24 hours after the customer wrote: the shipping template
would go with an empty tracking number, which WhatsApp refuses; the window says so and sends nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.sending import approved_templates
from app.settings import update_preferences
from app.shipping_sheets import ShippingAddress, set_shipping_address
from app.wire import Template, TemplateParameter
from tests.support.factories import make_contact
from tests.ui.test_order_payment_request import button, open_order

SHIPPED = Template(
    name="order_shipped",
    language="en",
    category="UTILITY",
    components=[{"type": "BODY", "text": "Hi {{1}}, order {{2}} ({{3}}) is on its way: {{4}} {{5}} {{6}}"}],
    parameters=[TemplateParameter(component="body", index=i) for i in range(1, 7)],
)


def test_shipping_without_a_tracking_number_after_24_hours_says_what_is_missing_and_sends_nothing(
    window: Any, qtbot: Any
) -> None:
    db = window.ctx.db
    update_preferences(db, shop_region="GB", currency="GBP")
    approved_templates(db, lambda: [SHIPPED])
    with db.write() as s:
        save_order_settings(
            s, OrderSettings(bank_account="Monzo 04-00-04 12345678", templates={"shipped": "order_shipped"})
        )
        create_item(s, ItemDraft(name="Silk scarf", price_minor=3000, currency="GBP", retailer_id="SILK"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=utcnow() - timedelta(hours=30))
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("SILK", 1)], source="chat", currency="GBP"
        ).id
        move_order(s, order_id, OrderState.PAID)
        where = ShippingAddress("Amy Clarke", "07700 900123", "", "221B Baker Street, London NW1 6XE")
        set_shipping_address(s, order_id, where)
    order_window = open_order(window, qtbot, order_id)
    unsent, send = (button(order_window, n) for n in ("moveWithoutMessage", "sendOrderMessage"))

    button(order_window, "move_shipped").click()
    qtbot.waitUntil(unsent.isVisible)
    how = order_window.message.how.text()
    assert "The template needs “Tracking number”, “Tracking link”, which this order does not have" in how
    assert not (send.isVisible() and send.isEnabled())
    assert unsent.text() == "Mark shipped &without sending"
