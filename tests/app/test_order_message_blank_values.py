"""A shipping template outside the 24 hours is not sent with an empty tracking number: Meta refuses a
template with an empty value, and the owner is told what the order lacks before she presses Send."""

from __future__ import annotations

from datetime import timedelta

from app.db import Database
from app.order_messages import OrderMessage, PreparedMessage, prepare_message
from app.order_notices import NotToldReason, why_not_told
from app.orders import OrderState
from app.wire import Template, TemplateParameter
from tests.app.test_order_messages import NOW, SETTINGS, an_order

# An English shipping template with every value a step fills: who, which order, how much, courier,
# tracking number and the link to follow it.
SHIPPED_TEMPLATE = Template(
    name="order_shipped",
    language="en",
    category="UTILITY",
    components=[{"type": "BODY", "text": "Hi {{1}}, order {{2}} ({{3}}) is on its way: {{4}} {{5}} {{6}}"}],
    parameters=[TemplateParameter(component="body", index=i) for i in range(1, 7)],
)


def shipping_message(db: Database, courier: str, tracking: str) -> PreparedMessage | None:
    order = an_order(db, OrderState.PAID, OrderState.SHIPPED, courier=courier, tracking=tracking)
    return prepare_message(
        order,
        SETTINGS,
        language="en",
        locale="en_GB",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=30),
        now=NOW,
        templates=[SHIPPED_TEMPLATE],
    )


def test_a_template_shipped_without_a_tracking_number_is_held_and_says_what_is_missing(db: Database) -> None:
    message = shipping_message(db, "Royal Mail", "")
    assert message is not None and message.template == SHIPPED_TEMPLATE
    assert message.blank_values == ("tracking", "tracking_url")
    assert not message.sendable
    # Among many orders shipped at once, its history says why its customer was not told.
    held = OrderMessage(1, "2026-0001", "Amy Clarke", 1, message)
    assert why_not_told(held) == NotToldReason.TEMPLATE_VALUE_MISSING


def test_a_courier_with_no_tracking_page_holds_only_for_its_link(db: Database) -> None:
    message = shipping_message(db, "Hermes", "H00A1234567890")
    assert message is not None and message.blank_values == ("tracking_url",) and not message.sendable


def test_with_its_tracking_number_the_template_goes(db: Database) -> None:
    message = shipping_message(db, "Royal Mail", "AB123456789GB")
    assert message is not None and message.blank_values == () and message.sendable
