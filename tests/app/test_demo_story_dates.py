"""What the demo's customers and shop say about days ("I ordered last week", "sent it today") is what
their orders' dates say, on the shop's clock, on any day and at any hour the demo is started."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.db import Database
from app.demo_seed import (
    demo_customers,
    demo_rules,
    demo_shop_zone,
    demo_wamid,
    seed_demo_shop,
    shop_open_on,
)
from app.models import Contact, Message, Order, OrderEvent, as_utc
from app.wire import BusinessHours

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
PALO_ALTO = ZoneInfo("America/Los_Angeles")

# Every day of a week in Seoul at hours where its date and UTC's differ; in Brighton, the nights after
# summer time begins and ends (a day of 23 and of 25 hours), a week after it began (a week back is
# in winter time), a year's turn, and a Sunday night and a Monday morning (a week's edges).
MOMENTS = [
    ("ko", datetime(2026, 12, 7, 0, 0, 30, tzinfo=SEOUL)),  # Monday
    ("ko", datetime(2026, 12, 8, 8, 59, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 9, 12, 0, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 10, 23, 59, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 11, 15, 0, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 12, 0, 30, tzinfo=SEOUL)),
    ("ko", datetime(2026, 12, 13, 23, 59, tzinfo=SEOUL)),  # Sunday
    ("ko", datetime(2027, 1, 1, 0, 10, tzinfo=SEOUL)),
    ("en", datetime(2026, 3, 30, 0, 30, tzinfo=LONDON)),  # the night after summer time began
    ("en", datetime(2026, 4, 5, 9, 0, tzinfo=LONDON)),
    ("en", datetime(2026, 10, 26, 0, 30, tzinfo=LONDON)),  # the night after it ended
    ("en", datetime(2026, 12, 6, 23, 59, 30, tzinfo=LONDON)),  # Sunday
    ("en", datetime(2026, 12, 7, 0, 0, 30, tzinfo=LONDON)),  # Monday
    ("en", datetime(2026, 12, 9, 17, 0, tzinfo=LONDON)),
    ("en", datetime(2027, 1, 1, 0, 10, tzinfo=LONDON)),
    # In Palo Alto: the nights after daylight saving time begins and ends, a Sunday night, a Monday
    # morning, a year's turn.
    ("en_US", datetime(2026, 3, 9, 0, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 11, 2, 0, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 6, 23, 59, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 7, 0, 0, 30, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2026, 12, 9, 17, 0, tzinfo=PALO_ALTO)),
    ("en_US", datetime(2027, 1, 1, 0, 10, tzinfo=PALO_ALTO)),
]

# Words that place something in time, in either language: a message that has one must say something a
# check below confirms, or be listed as saying nothing the demo's records could contradict.
TIME_WORDS = re.compile(
    r"어제|그제|그저께|지난\s?주|오늘|내일|모레|다음\s?주|이번\s?주|주말|요일|평일|아침|오전|오후|저녁|\d\s*[일주]"
    r"|\b(yesterday|today|tonight|tomorrow|morning|afternoon|evening|week|weekend|weeks|days?"
    r"|mon|tue|wed|thu|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Said:
    """A message of a demo chat, with its customer's order (the one made from the chat), as seeded."""

    at: datetime  # UTC
    order: Order | None
    moves: dict[str, datetime]  # the order's state → when it was entered (UTC)
    now: datetime
    zone: ZoneInfo
    hours: BusinessHours

    def day(self, at: datetime) -> date:
        return as_utc(at).astimezone(self.zone).date()

    @property
    def today(self) -> date:
        return self.day(self.now)


def _week_start(on: date, first: int) -> date:
    """The first day of `on`'s week, for weeks that begin on `first` (0 Monday … 6 Sunday)."""
    return on - timedelta(days=(on.weekday() - first) % 7)


def ordered_last_week(s: Said) -> bool:
    # Last week whether weeks begin on Monday (Korea, Britain) or Sunday (a Korean wall calendar).
    placed, said = s.day(s.moves["new"]), s.day(s.at)
    return all(_week_start(said, first) - _week_start(placed, first) == timedelta(days=7) for first in (0, 6))


def ordered_yesterday(s: Said) -> bool:
    return s.day(s.at) - s.day(s.moves["new"]) == timedelta(days=1)


def arrived(s: Said) -> bool:
    return s.moves["shipped"] < s.at


def sent_today(s: Said) -> bool:
    return s.moves["shipped"] <= s.at and s.day(s.moves["shipped"]) == s.day(s.at)


def paid_just_now(s: Said) -> bool:
    return s.at <= s.moves["paid"] <= s.at + timedelta(hours=1)


def pays_this_evening(s: Said) -> bool:
    # Told to pay before she says when; said by day; not paid since, and her deadline still to come.
    assert s.order is not None and s.order.payment_due_at is not None
    return (
        s.moves["awaiting_payment"] <= s.at
        and as_utc(s.at).astimezone(s.zone).hour < 18
        and s.order.state == "awaiting_payment"
        and as_utc(s.order.payment_due_at) > s.now
    )


def pay_within_three_days(s: Said) -> bool:
    assert s.order is not None and s.order.payment_due_at is not None
    return s.day(s.order.payment_due_at) == s.day(s.moves["awaiting_payment"]) + timedelta(days=3)


def due_in_two_weeks(s: Said) -> bool:
    # "We'll message you the moment it arrives": it has not arrived yet, so no message is missing.
    return s.day(s.at) + timedelta(days=14) > s.today


def picks_up_tomorrow(s: Said) -> bool:
    # His question is still open: "tomorrow" is today, not a day gone by with no answer. Asked on the
    # shop's Saturday, it is the day the shop opens next (Monday), not its closed Sunday.
    assert s.order is not None
    after = s.day(s.at) + timedelta(days=1)
    while not shop_open_on(s.hours, after):
        after += timedelta(days=1)
    return after >= s.today and s.order.state == "new"


def no_order(s: Said) -> bool:
    return s.order is None


CHECKS: dict[str, Callable[[Said], bool]] = {
    "지난주에 주문한": ordered_last_week,
    "잘 받았어요": arrived,
    "어제 주문한": ordered_yesterday,
    "오늘 보내드렸어요": sent_today,
    "입금했습니다": paid_just_now,
    "오늘 저녁에 입금할게요": pays_this_evening,
    "2주 뒤에 입고": due_in_two_weeks,
    "I ordered last week": ordered_last_week,
    "last week arrived": arrived,
    "I ordered yesterday": ordered_yesterday,
    "went out today": sent_today,
    "Paid just now": paid_just_now,
    "I'll pay this evening": pays_this_evening,
    "within 3 days": pay_within_three_days,
    "due in about two weeks": due_in_two_weeks,
    "pick it up tomorrow": picks_up_tomorrow,
    "scarf arrived today": no_order,  # Grace Lee's: an order of hers would need its own check
}
# Said, and nothing the demo keeps could contradict it.
LEFT = (
    "주말에 들를게요",  # her plan
    "I'll pop in at the weekend",
    "I'll stop by this weekend",
    "평일 10시~7시, 토요일 11시~5시",  # the shop's hours
    "open Mon–Fri 10:00–19:00 and Saturday 11:00–17:00",
    "open Mon–Fri 10 AM–7 PM and Saturday 11 AM–5 PM",
    "1~2일 안에",  # after a payment still to come
    "in 1–2 days",
    "with you in 2–3 days",
    "takes 5–7 days",  # to the UK or the US, after a payment that never came
    "takes 5–7 business days",  # to Canada, from Palo Alto
    "this week.",  # "I'll pay this week": she never did, and the deadline cancelled her order
    "I'm in Brighton this week",
    "I'm in Palo Alto this week",
    "restocked it this morning",  # the shop's shelf, which no record keeps
)


@pytest.mark.parametrize(("lang", "moment"), MOMENTS, ids=[f"{lang}-{m:%a-%m%d-%H%M}" for lang, m in MOMENTS])
def test_what_the_demo_chats_say_about_days_is_what_their_orders_dates_say(
    db: Database, tmp_path: Path, lang: str, moment: datetime
) -> None:
    """In the Korean demo, 박서준 wrote that he had ordered his dress "last week" (지난주에 주문한) and
    his order was placed the day before; the shop promised navy "next Wednesday", a week gone by."""
    now = moment.astimezone(UTC)
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=now)
    zone = demo_shop_zone(lang)
    hours = demo_rules(lang).business_hours
    wrong: list[str] = []
    checked = 0
    with db.read() as s:
        for customer in demo_customers(lang):
            contact = s.scalar(select(Contact).where(Contact.wa_id == customer.wa_id))
            assert contact is not None
            order = s.scalar(select(Order).where(Order.contact_id == contact.id, Order.source == "chat"))
            moves = {"new": as_utc(order.created_at)} if order is not None else {}
            if order is not None:
                events = s.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id))
                moves |= {str(e.to_state): as_utc(e.at) for e in events}
            for position, (_direction, text) in enumerate(customer.script):
                if not TIME_WORDS.search(text):
                    continue
                at = s.scalar(
                    select(Message.sent_at).where(Message.wamid == demo_wamid(customer.wa_id, position))
                )
                assert at is not None
                said = Said(as_utc(at), order, moves, now, zone, hours)
                claims = [check for phrase, check in CHECKS.items() if phrase in text]
                assert claims or any(phrase in text for phrase in LEFT), f"no check for {text!r}"
                wrong += [
                    f"{customer.name}: {text!r} ({check.__name__})" for check in claims if not check(said)
                ]
                checked += len(claims)
    assert not wrong, f"seeded at {moment:%a %Y-%m-%d %H:%M} ({zone.key})"
    assert checked >= 7  # each demo's every story about days


@pytest.mark.parametrize(
    ("lang", "name", "country"),
    [("ko", "김민지", "KR"), ("en", "Emily Hughes", "GB"), ("en_US", "Emily Johnson", "US")],
)
def test_the_sample_bank_statement_has_the_paid_customers_transfer_on_the_day_her_chat_says_she_paid(
    db: Database, tmp_path: Path, lang: str, name: str, country: str
) -> None:
    """김민지 wrote "입금했습니다~" three days ago; the demo's bank statement had her transfer an hour ago."""
    from app.deposits import MatchKind, deposit_day, match_deposits, read_bank_file

    currency = {"ko": "KRW", "en_US": "USD"}.get(lang, "GBP")
    now = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)
    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, samples=tmp_path / "samples", now=now)
    bank = read_bank_file(next((tmp_path / "samples").glob("*.xlsx")), currency)
    with db.read() as s:
        paid = s.scalar(
            select(OrderEvent.at)
            .join(Order, Order.id == OrderEvent.order_id)
            .where(Order.customer_name == name, OrderEvent.to_state == "paid")
        )
        found = {m.deposit.name: m for m in match_deposits(s, bank, currency=currency, country=country)}
    assert paid is not None
    day = as_utc(paid).astimezone(demo_shop_zone(lang)).date()
    assert deposit_day(found[name].deposit.at, country) == day < now.date()
    assert found[name].kind == MatchKind.MARKED_PAID  # still found as the transfer the owner saw


# Every day of a week, in each shop, at an hour of its own (a pinned "yesterday" of each weekday).
EVERY_DAY = [
    (lang, datetime(2026, 12, 7 + day, hour, 30, tzinfo=zone))
    for lang, zone in (("ko", SEOUL), ("en", LONDON), ("en_US", PALO_ALTO))
    for day, hour in enumerate((0, 9, 13, 17, 20, 11, 23))
]


@pytest.mark.parametrize(("lang", "moment"), EVERY_DAY, ids=[f"{lang}-{m:%a-%H%M}" for lang, m in EVERY_DAY])
def test_the_demo_shops_order_steps_fall_on_days_it_is_open(
    db: Database, tmp_path: Path, lang: str, moment: datetime
) -> None:
    """박서준's dress, ordered on a Saturday, was "shipped" on the shop's Sunday, and 정도윤, writing on
    a Monday, had "ordered yesterday": on the Sunday the shop is closed. What the shop does to an
    order (writes it down, asks for payment, confirms it, sends it) is done on a day it is open; only
    a customer's cart (any day it comes) and a payment deadline (the app's) fall where they fall."""
    from app.orders import EXPIRED_MOVE

    seed_demo_shop(db, DEMO, tmp_path / "catalog", lang, now=moment.astimezone(UTC))
    zone = demo_shop_zone(lang)
    hours = demo_rules(lang).business_hours
    closed: list[str] = []
    with db.read() as s:
        orders = list(s.scalars(select(Order).where(Order.source == "chat")))
        assert len(orders) >= 5
        for order in orders:
            steps = [("new", as_utc(order.created_at))] + [
                (str(e.to_state), as_utc(e.at))
                for e in s.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id))
                if e.kind != EXPIRED_MOVE
            ]
            name = s.get(Contact, order.contact_id).display_name  # type: ignore[union-attr]
            closed += [
                f"{name}: {state} on {at.astimezone(zone):%a %d %H:%M}"
                for state, at in steps
                if not shop_open_on(hours, at.astimezone(zone).date())
            ]
    assert not closed, f"seeded at {moment:%a %H:%M} ({zone.key})"
