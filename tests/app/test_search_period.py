"""Searching one period ("Last 7 days"): every plan keeps to it, pages through it, and its first instant counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

import app.search
from app.db import Database
from app.models import Message, Order
from app.search import search_contacts, search_messages
from app.search_period import SearchPeriod, period_start
from tests.app.test_search import _cart
from tests.support.factories import BASE_TIME, make_contact, make_message

SINCE = BASE_TIME - timedelta(days=7)


@pytest.fixture
def history(db: Database) -> Database:
    """Two customers writing about orders and deliveries every day for 20 days up to BASE_TIME; one
    message sent exactly when the period begins, and a cart on each side of it."""
    from app.catalog import ItemDraft, create_item

    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 블라우스", price_minor=42000, currency="KRW", retailer_id="BL"))
        kim = make_contact(s, wa_id="821012345678", profile_name="김민수")
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke")
        for day in range(20):
            at = BASE_TIME - timedelta(days=day, hours=3)
            make_message(s, kim if day % 2 else amy, f"{day}일 전 주문했어요 배송 언제 돼요? 네", sent_at=at)
            make_message(s, amy, f"linen {day}", sent_at=at + timedelta(minutes=1))
        make_message(s, kim, "딱 그때 주문했어요 배송 네", sent_at=SINCE)
        make_message(s, kim, "1 ms 전 주문했어요 배송 네", sent_at=SINCE - timedelta(milliseconds=1))
        _cart(s, kim, ["BL"], minutes=-60 * 24 * 3)
        _cart(s, kim, ["BL"], minutes=-60 * 24 * 12)
    return db


def expected(db: Database, needle: str, contact_id: int | None = None) -> list[int]:
    """What a search of the period must find, by reading every message: newest first."""
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT id, contact_id, body FROM message WHERE sent_at >= :since "
                "ORDER BY sent_at DESC, id DESC"
            ),
            {"since": int(SINCE.timestamp() * 1000)},
        ).all()
    return [i for i, c, body in rows if needle in (body or "") and contact_id in (None, c)]


def paged(db: Database, query: str, limit: int, **kw: object) -> list[int]:
    """Every hit of the period, a page of `limit` at a time."""
    seen: list[int] = []
    before = None
    with db.read() as s:
        while page := search_messages(s, query, limit=limit, before=before, since=SINCE, **kw):  # type: ignore[arg-type]
            seen += [h.message_id for h in page]
            before = (page[-1].sent_at, page[-1].message_id)
    return seen


def kim_id(db: Database) -> int:
    with db.read() as s:
        return search_contacts(s, "김민수")[0].contact_id


@pytest.mark.parametrize(
    "query",
    [
        "주문했",  # three characters: trigram FTS
        "배송",  # two: the bigram table
        "네",  # one: a scan of the newest messages
        "주문했 네",  # trigram driving, a one-character word read
        "linen",
    ],
)
@pytest.mark.parametrize("page", [3, 50])
def test_a_period_keeps_every_plan_to_its_messages_and_pages_through_them_once(
    history: Database, query: str, page: int
) -> None:
    hits = paged(history, query, page)
    needle = query.split()[0]
    assert hits == expected(history, needle)
    assert len(hits) == len(set(hits)) > 0
    with history.read() as s:
        bound = s.scalars(select(Message.id).where(Message.body == "딱 그때 주문했어요 배송 네")).one()
    assert query == "linen" or bound in hits  # sent exactly when the period begins: it counts


@pytest.mark.parametrize("query", ["주문했", "배송", "네"])
def test_a_period_keeps_one_chat_read_through_or_through_the_index(
    history: Database, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    kim = kim_id(history)
    read = paged(history, query, 2, contact_id=kim)
    monkeypatch.setattr(app.search, "CHAT_SCAN_MAX", 0)  # every chat is large: the index
    indexed = paged(history, query, 2, contact_id=kim)
    assert read == indexed == expected(history, query, kim)


@pytest.mark.parametrize("query", ["주문했", "배송"])
def test_a_common_word_walked_window_by_window_stops_where_the_period_begins(
    history: Database, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """The windowed plan (a word in thousands of messages), made to run on a few dozen."""
    monkeypatch.setattr(app.search, "DIRECT_MATCHES", 5)
    monkeypatch.setattr(app.search, "FIRST_WINDOW", 4)
    for page in (1, 4, 50):
        assert paged(history, query, page) == expected(history, query)


def test_a_carts_item_names_and_its_order_number_find_it_only_in_its_period(history: Database) -> None:
    with history.read() as s:
        carts = s.execute(select(Order.message_id, Order.number).order_by(Order.created_at.desc())).all()
        (recent, recent_number), (old, old_number) = carts
        found = [h.message_id for h in search_messages(s, "블라우스", since=SINCE)]
        everything = [h.message_id for h in search_messages(s, "블라우스")]
        by_number = {n: search_messages(s, n, since=SINCE) for n in (recent_number, old_number)}
        in_chat = search_messages(s, "블라우스", since=SINCE, contact_id=kim_id(history))
    assert found == [recent] and everything == [recent, old]
    assert [h.message_id for h in by_number[recent_number]] == [recent] and by_number[old_number] == []
    assert [h.message_id for h in in_chat] == [recent]


def test_chats_found_by_name_are_not_dated(history: Database) -> None:
    """A customer's name has no date: the chats found by it stay whatever the period."""
    with history.read() as s:
        assert [h.display_name for h in search_contacts(s, "김민")] == ["김민수"]


def test_a_period_with_no_messages_finds_nothing(history: Database) -> None:
    with history.read() as s:
        assert search_messages(s, "주문했", since=BASE_TIME + timedelta(days=1)) == []
        assert search_messages(s, "블라우스", since=BASE_TIME + timedelta(days=1)) == []


SEOUL = ZoneInfo("Asia/Seoul")


def test_periods_begin_at_a_local_midnight() -> None:
    """00:30 on 4 December in Seoul is still 3 December in UTC: today began at Seoul's midnight."""
    now = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
    starts = {p: period_start(p, now, SEOUL) for p in SearchPeriod}
    assert starts == {
        SearchPeriod.ALL: None,
        SearchPeriod.TODAY: datetime(2026, 12, 4, tzinfo=SEOUL),
        SearchPeriod.LAST_7_DAYS: datetime(2026, 11, 28, tzinfo=SEOUL),
        SearchPeriod.LAST_30_DAYS: datetime(2026, 11, 5, tzinfo=SEOUL),
        SearchPeriod.LAST_12_MONTHS: datetime(2025, 12, 5, tzinfo=SEOUL),
    }
    assert all(s is None or s.tzinfo is UTC for s in starts.values())


def test_a_period_across_a_clock_change_begins_at_that_days_midnight() -> None:
    """New York left summer time on 1 November: a week ago its midnight was 04:00 UTC, today's 05:00."""
    york = ZoneInfo("America/New_York")
    now = datetime(2026, 11, 3, 17, 0, tzinfo=UTC)
    assert period_start(SearchPeriod.TODAY, now, york) == datetime(2026, 11, 3, 5, tzinfo=UTC)
    assert period_start(SearchPeriod.LAST_7_DAYS, now, york) == datetime(2026, 10, 28, 4, tzinfo=UTC)


def test_a_year_back_from_29_february_begins_on_1_march() -> None:
    now = datetime(2028, 2, 29, 12, tzinfo=SEOUL)
    assert period_start(SearchPeriod.LAST_12_MONTHS, now, SEOUL) == datetime(2027, 3, 1, tzinfo=SEOUL)


def test_without_a_zone_the_computers_clock_is_used() -> None:
    now = datetime.now(UTC)
    start = period_start(SearchPeriod.TODAY, now)
    assert start is not None and start.tzinfo is UTC
    local = start.astimezone()
    assert (local.hour, local.minute) == (0, 0) and local.date() == now.astimezone().date()
