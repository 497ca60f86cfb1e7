"""The board's cards and table show an order's times on the shop's clock, as the order's window does,
and say whose clock that is where this computer's differs."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.orders import LineInput, OrderState, create_order, move_order
from app.wire import Automations, BusinessHours
from tests.support.factories import make_contact
from ui.formatting import clock_time
from ui.order_board import OrderBoard
from ui.order_board_model import Column
from ui.time_zones import zone_name


def _zone_far_from_this_computer() -> str:
    """A shop time zone whose clock differs from this computer's by many hours."""
    here = datetime.now().astimezone().utcoffset() or timedelta(0)
    return "Pacific/Kiritimati" if here < timedelta(hours=1) else "Pacific/Pago_Pago"  # UTC+14 / UTC-11


def _hour(wall: datetime) -> str:
    """How an English clock writes `wall`'s hour: "9:41"."""
    return f"{wall.hour % 12 or 12}:{wall:%M}"


def test_the_board_and_the_table_show_an_orders_times_on_the_shops_clock(window: Any, qtbot: Any) -> None:
    """The tester's board said "Ordered 12:41 PM" (the computer's UTC) while the order's window said
    "ordered … 9:41 PM (Korean Time)": one order, two hours."""
    shop_zone = _zone_far_from_this_computer()
    there = ZoneInfo(shop_zone)
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone=shop_zone)))
    now = utcnow()
    # Noon of the shop's today: a deadline the table writes as a clock time on the shop's clock.
    noon = now.astimezone(there).replace(hour=12, minute=7, second=0, microsecond=0)
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen bag", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat", now=now).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
        order = s.get(Order, order_id)
        assert order is not None
        order.payment_due_at = noon
        ordered = order.created_at
    board = OrderBoard(window.ctx)
    board.clock = lambda: now  # the shop's day it was: past its midnight, clock times became days
    qtbot.addWidget(board)
    board.resize(1000, 600)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)

    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    assert board.delegate.ordered_text(card) == clock_time(ordered, there)
    assert _hour(ordered.astimezone(there)) in board.delegate.ordered_text(card)
    # Not this computer's hour (named: times with no zone given are on the shop's clock too, once
    # the window has read it).
    assert board.delegate.ordered_text(card) != clock_time(ordered, datetime.now().astimezone().tzinfo)
    # Said once, beside the count: whose clock these are.
    assert board.zone_note.isVisible()
    assert zone_name(shop_zone) in board.zone_note.text()

    with qtbot.waitSignal(board.table_loaded):
        board.show_table(True)
    model = board.table_model
    assert model.index(0, Column.ORDERED).data() == clock_time(ordered, there)
    assert model.index(0, Column.DUE).data() == clock_time(noon, there)
    assert "12:07" in model.index(0, Column.DUE).data()
    assert board.zone_note.isVisible()


def test_the_board_names_no_zone_when_the_shop_keeps_this_computers_clock(window: Any, qtbot: Any) -> None:
    here = datetime.now().astimezone()
    key = getattr(here.tzinfo, "key", None) or "UTC"
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone=key)))
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    assert not board.zone_note.isVisible()
