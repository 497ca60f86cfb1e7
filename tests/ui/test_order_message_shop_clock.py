"""The payment deadline a customer is told is on the shop's clock (its business hours' time zone), not on
the clock of the computer that prepares the message."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order
from app.wire import Automations, BusinessHours
from tests.support.factories import make_contact
from ui.order_actions import OrderActions


def _zone_far_from_this_computer() -> str:
    """A shop time zone whose clock differs from this computer's by many hours."""
    here = datetime.now().astimezone().utcoffset() or timedelta(0)
    return "Pacific/Kiritimati" if here < timedelta(hours=1) else "Pacific/Pago_Pago"  # UTC+14 / UTC-11


def _in_words(wall: datetime) -> str:
    """How an English message writes a deadline's day: "Sun, Dec 6"."""
    return f"{wall:%a, %b} {wall.day}"


def test_the_payment_deadline_in_the_message_is_on_the_shops_clock(window: Any, qtbot: Any) -> None:
    shop_zone = _zone_far_from_this_computer()
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone=shop_zone)))
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
        create_item(s, ItemDraft(name="Linen bag", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat").id
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    moved_at = utcnow()
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    with window.ctx.db.read() as s:
        due = s.get(Order, order_id).payment_due_at
    text = order_window.message.edit.toPlainText()
    there = due.astimezone(ZoneInfo(shop_zone))
    assert f"Please transfer by {_in_words(there)} and" in text
    # The end of the shop's day, three days on (the default), whatever this computer's clock says.
    assert (there.hour, there.minute) == (23, 59)
    # (The day it was moved on the shop's clock: the next one's where the shop's midnight came meanwhile.)
    days = {
        (moment.astimezone(ZoneInfo(shop_zone)) + timedelta(days=3)).date() for moment in (moved_at, utcnow())
    }
    assert there.date() in days


def test_the_order_window_shows_the_deadline_on_the_shops_clock_and_names_it(window: Any, qtbot: Any) -> None:
    """The tester's order said "입금 기한 2026. 12. 6. 오후 2:38" (the computer's UTC) while the
    customer was told "오후 11:38까지" (Seoul): one deadline, two hours. The window shows the
    customer's hour, and says whose clock it is on."""
    from ui.formatting import full_datetime
    from ui.time_zones import zone_name

    shop_zone = _zone_far_from_this_computer()
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone=shop_zone)))
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen bag", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat").id
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: "Pay by" in order_window.payment.text())
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.payment_due_at is not None
        due, ordered = order.payment_due_at, order.created_at
    shown = order_window.payment.text()
    there = due.astimezone(ZoneInfo(shop_zone))
    assert f"{there.hour % 12 or 12}:{there:%M}" in shown  # the customer's hour
    assert full_datetime(due) not in shown  # not this computer's
    assert f"({zone_name(shop_zone)})" in shown
    assert f"({zone_name(shop_zone)})" in order_window.customer.text()  # ordered at, on the same clock
    assert full_datetime(ordered) not in order_window.customer.text()
