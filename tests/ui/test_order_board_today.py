"""The board's "Today" is the shop's calendar day, and its status line says what the orders shown come to."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.orders import LineInput, OrderState, create_order, move_order
from app.wire import Automations, BusinessHours
from tests.support.factories import make_contact
from ui.order_board import OrderBoard
from ui.order_board_model import Column

SEOUL = ZoneInfo("Asia/Seoul")


def test_today_is_since_midnight_and_the_status_line_says_what_todays_orders_come_to(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    """In the morning 이준호 picks 오늘 to see the day's lunchboxes: last night's 11:59 order, a few
    hours ago, is yesterday's; the day's money is under the board, in won."""
    now = utcnow()
    midnight = datetime.combine(now.astimezone(SEOUL).date(), time(), tzinfo=SEOUL)
    last_night = midnight - timedelta(minutes=1)  # less than a day ago (but at one minute to midnight)
    this_morning = midnight + (now - midnight) / 2
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="제육도시락", price_minor=9500, currency="KRW", retailer_id="JY"))
        create_item(s, ItemDraft(name="불고기도시락", price_minor=11000, currency="KRW", retailer_id="BG"))
        c = make_contact(s, profile_name="김철수")
        create_order(s, contact_id=c.id, lines=[LineInput("JY", 1)], source="chat", now=last_night)
        create_order(s, contact_id=c.id, lines=[LineInput("JY", 12)], source="chat", now=this_morning)
        create_order(s, contact_id=c.id, lines=[LineInput("BG", 10)], source="chat", now=this_morning)
        gone = create_order(s, contact_id=c.id, lines=[LineInput("BG", 1)], source="chat", now=this_morning)
        move_order(s, gone.id, OrderState.CANCELLED, now=this_morning)
    board = OrderBoard(window.ctx)
    board.clock = lambda: now  # the morning it was: past Seoul's midnight, its orders were yesterday's
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    assert board.status.text().startswith("주문 4건")

    with qtbot.waitSignal(board.loaded):
        board.period.setCurrentIndex(board.period.findText("오늘"))
    assert board.columns[OrderState.NEW].total == 2  # this morning's two, not last night's
    assert board.columns[OrderState.CANCELLED].total == 1
    # 12 × 9,500 + 10 × 11,000; the cancelled one is counted as an order but not as money.
    assert board.status.text() == "주문 3건 · 합계 224,000원 (취소 제외)"


def test_today_works_for_a_shop_that_never_set_its_time_zone(window: Any, qtbot: Any) -> None:
    """No business hours saved: 'Today' is this computer's day (picking it raised a TypeError)."""
    now = utcnow()
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Kimbap set", price_minor=6000, currency="KRW", retailer_id="GB"))
        c = make_contact(s, profile_name="Jane")
        create_order(s, contact_id=c.id, lines=[LineInput("GB", 2)], source="chat", now=now)
        create_order(
            s, contact_id=c.id, lines=[LineInput("GB", 1)], source="chat", now=now - timedelta(days=2)
        )
    board = OrderBoard(window.ctx)
    board.clock = lambda: now  # the order's day: past midnight it was yesterday's
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    assert board.shop_zone is None

    with qtbot.waitSignal(board.loaded):
        board.period.setCurrentIndex(board.period.findText("Today"))
    assert board.columns[OrderState.NEW].total == 1


def test_the_tables_yesterday_tells_its_hour_on_hover(
    korean: None, korean_locale: None, window: Any, qtbot: Any
) -> None:
    """Sixty of yesterday's orders all say "어제" in the table: hovering one says when that day."""
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    now = utcnow()
    midnight = datetime.combine(now.astimezone(SEOUL).date(), time(), tzinfo=SEOUL)
    yesterday_evening = midnight - timedelta(hours=4, minutes=4)  # 7:56 PM yesterday in Seoul
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="제육도시락", price_minor=9500, currency="KRW", retailer_id="JY"))
        c = make_contact(s, profile_name="김철수")
        create_order(s, contact_id=c.id, lines=[LineInput("JY", 1)], source="chat", now=yesterday_evening)
    board = OrderBoard(window.ctx)
    board.clock = lambda: now  # the day it was: past Seoul's midnight "어제" was a date
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitSignal(board.table_loaded):
        board.show_table(True)
    ordered = board.table_model.index(0, Column.ORDERED)
    assert ordered.data() == "어제"
    tip = ordered.data(Qt.ItemDataRole.ToolTipRole)
    assert "오후 7:56" in tip
    assert f"{yesterday_evening.month}. {yesterday_evening.day}." in tip
    assert board.table_model.index(0, Column.DUE).data(Qt.ItemDataRole.ToolTipRole) is None  # nothing due


def test_a_board_left_on_today_overnight_moves_to_the_new_day(
    korean: None, korean_locale: None, window: Any, qtbot: Any
) -> None:
    """Left open on 오늘 at closing time, the board still showed yesterday's orders and total the next
    morning: its minute's tick now starts the new day."""
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    evening = datetime(2026, 12, 4, 23, 58, tzinfo=SEOUL)
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="제육도시락", price_minor=9500, currency="KRW", retailer_id="JY"))
        c = make_contact(s, profile_name="김철수")
        create_order(s, contact_id=c.id, lines=[LineInput("JY", 2)], source="chat", now=evening)
    board = OrderBoard(window.ctx)
    board.clock = lambda: datetime(2026, 12, 4, 23, 59, tzinfo=SEOUL)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitSignal(board.loaded):
        board.period.setCurrentIndex(board.period.findText("오늘"))
    assert board.status.text() == "주문 1건 · 합계 19,000원 (취소 제외)"

    board.clock = lambda: datetime(2026, 12, 5, 0, 1, tzinfo=SEOUL)
    with qtbot.waitSignal(board.loaded):
        board.tick()
    assert board.status.text() == "주문 0건"
    with qtbot.assertNotEmitted(board.loaded):
        board.tick()  # the same day: nothing read again
