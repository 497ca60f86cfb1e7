"""The automation rules over a table of cases: greeting silence, schedules, DST, recipients, once per period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.rules import (
    ContactState,
    away_due,
    away_period_start,
    fill_fields,
    greeting_due,
    is_open,
    next_opening,
    recipient_allowed,
    replies_for_inbound,
)
from app.wire import Automations, AwayRule, BusinessHours, DayHours, GreetingRule, Recipients, TimeRange

SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def day(*ranges: tuple[str, str]) -> DayHours:
    return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in ranges])


CLOSED = DayHours(mode="closed")
ALL_DAY = DayHours(mode="all_day")


def hours(tz: str, week: list[DayHours] | None = None) -> BusinessHours:
    # Mon–Fri 10:00–19:00, Sat 11:00–17:00, Sun closed unless given.
    return BusinessHours(
        timezone=tz,
        week=week or [day(("10:00", "19:00"))] * 5 + [day(("11:00", "17:00")), CLOSED],
    )


def doc(tz: str = "Asia/Seoul", **away: object) -> Automations:
    return Automations(
        greeting=GreetingRule(enabled=True, text="안녕하세요 {name}님, {shop}입니다!"),
        away=AwayRule(enabled=True, text="지금은 영업시간이 아니에요.", **away),  # type: ignore[arg-type]
        business_hours=hours(tz),
    )


def state(**kw: object) -> ContactState:
    base: dict[str, object] = dict(
        wa_id="821012345678",
        last_inbound_at=None,
        last_outbound_at=None,
        last_owner_reply_at=None,
        last_away_sent_at=None,
        known_contact=False,
    )
    base.update(kw)
    return ContactState(**base)  # type: ignore[arg-type]


def local(tz: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz).astimezone(UTC)


# 2026-11-23 is a Monday.
@pytest.mark.parametrize(
    ("when", "open_"),
    [
        (local(SEOUL, 2026, 11, 23, 9, 59), False),
        (local(SEOUL, 2026, 11, 23, 10, 0), True),
        (local(SEOUL, 2026, 11, 23, 18, 59), True),
        (local(SEOUL, 2026, 11, 23, 19, 0), False),
        (local(SEOUL, 2026, 11, 28, 12, 0), True),  # Saturday
        (local(SEOUL, 2026, 11, 29, 12, 0), False),  # Sunday closed
    ],
)
def test_business_hours_edges_in_the_shops_time_zone(when: datetime, open_: bool) -> None:
    assert is_open(hours("Asia/Seoul"), when) is open_


def test_all_day_several_ranges_midnight_end_and_overnight_ranges() -> None:
    week = [
        ALL_DAY,
        day(("09:00", "12:00"), ("13:00", "18:00")),
        day(("18:00", "24:00")),
        day(("22:00", "02:00")),
        CLOSED,
        CLOSED,
        CLOSED,
    ]
    h = hours("Asia/Seoul", week)
    assert is_open(h, local(SEOUL, 2026, 11, 23, 3, 0))  # Monday all day
    assert not is_open(h, local(SEOUL, 2026, 11, 24, 12, 30))  # Tuesday lunch break
    assert is_open(h, local(SEOUL, 2026, 11, 24, 13, 0))
    assert is_open(h, local(SEOUL, 2026, 11, 25, 23, 59))  # Wednesday until midnight
    assert not is_open(h, local(SEOUL, 2026, 11, 26, 0, 0))  # Thursday 00:00 belongs to Thursday
    assert is_open(h, local(SEOUL, 2026, 11, 26, 23, 0))  # Thursday night…
    assert is_open(h, local(SEOUL, 2026, 11, 27, 1, 30))  # …into Friday morning
    assert not is_open(h, local(SEOUL, 2026, 11, 27, 2, 0))


def test_opening_hours_follow_wall_clock_across_dst_in_berlin_and_new_york() -> None:
    # Berlin springs forward on 2026-03-29 (Sunday); Monday 10:00 CEST is 08:00 UTC, a week before 09:00 UTC.
    h = hours("Europe/Berlin")
    assert is_open(h, datetime(2026, 3, 30, 8, 0, tzinfo=UTC))
    assert not is_open(h, datetime(2026, 3, 23, 8, 0, tzinfo=UTC))
    assert is_open(h, datetime(2026, 3, 23, 9, 0, tzinfo=UTC))
    # New York falls back on 2026-11-01: Monday 10:00 EST is 15:00 UTC (14:00 UTC the week before).
    ny = hours("America/New_York")
    assert is_open(ny, datetime(2026, 11, 2, 15, 0, tzinfo=UTC))
    assert not is_open(ny, datetime(2026, 11, 2, 14, 30, tzinfo=UTC))
    assert is_open(ny, datetime(2026, 10, 26, 14, 0, tzinfo=UTC))


def test_an_unknown_time_zone_falls_back_to_utc() -> None:
    assert is_open(hours("Mars/Olympus"), datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("last_days_ago", "due"),
    [(None, True), (13, False), (14, True), (15, True), (0, False)],
)
def test_greeting_after_first_message_or_fourteen_days_of_silence(
    last_days_ago: int | None, due: bool
) -> None:
    now = local(SEOUL, 2026, 11, 23, 12, 0)
    last = None if last_days_ago is None else now - timedelta(days=last_days_ago)
    assert greeting_due(doc(), state(last_inbound_at=last), now) is due
    # Silence counts messages in either direction.
    assert greeting_due(doc(), state(last_outbound_at=last), now) is due


def test_no_greeting_for_known_contacts_or_when_off() -> None:
    now = local(SEOUL, 2026, 11, 23, 12, 0)
    assert not greeting_due(doc(), state(known_contact=True), now)
    off = doc()
    off.greeting.enabled = False
    assert not greeting_due(off, state(), now)


@pytest.mark.parametrize(
    ("mode", "listed", "allowed"),
    [
        ("everyone", [], True),
        ("except", ["+82 10-1234-5678"], False),
        ("except", ["821099999999"], True),
        ("only", ["010 1234 5678", "821012345678"], True),
        ("only", ["821099999999"], False),
    ],
)
def test_recipient_lists_compare_phone_numbers_as_digits(mode: str, listed: list[str], allowed: bool) -> None:
    assert recipient_allowed(Recipients(mode=mode, wa_ids=listed), "821012345678") is allowed  # type: ignore[arg-type]


def test_away_outside_business_hours_once_per_period_and_not_right_after_owner_replied() -> None:
    d = doc(schedule="outside_hours")
    evening = local(SEOUL, 2026, 11, 23, 20, 0)
    assert away_due(d, state(), evening)
    assert not away_due(d, state(), local(SEOUL, 2026, 11, 23, 12, 0))  # open
    # Already answered in this away period (which began at 19:00).
    assert not away_due(d, state(last_away_sent_at=evening - timedelta(minutes=30)), evening)
    # Sent during yesterday's period: due again tonight.
    assert away_due(d, state(last_away_sent_at=evening - timedelta(days=1)), evening)
    # The owner answered 3 minutes ago: no away message.
    assert not away_due(d, state(last_owner_reply_at=evening - timedelta(minutes=3)), evening)
    assert away_due(d, state(last_owner_reply_at=evening - timedelta(minutes=6)), evening)


def test_away_period_start_is_when_the_shop_closed() -> None:
    d = doc(schedule="outside_hours")
    start = away_period_start(d.away, d.business_hours, local(SEOUL, 2026, 11, 24, 8, 0))
    assert start == local(SEOUL, 2026, 11, 23, 19, 0)
    # Over the weekend: Saturday 17:00 until Monday 10:00 is one period.
    start = away_period_start(d.away, d.business_hours, local(SEOUL, 2026, 11, 30, 9, 0))
    assert start == local(SEOUL, 2026, 11, 28, 17, 0)


def test_custom_away_schedule_across_dst_night_in_new_york() -> None:
    # Away every night 20:00–08:00 (overnight ranges), checked on the fall-back night.
    nights = [day(("20:00", "08:00"))] * 7
    d = doc("America/New_York", schedule="custom", custom=nights)
    assert away_due(
        d,
        state(),
        local(
            NEW_YORK,
            2026,
            11,
            1,
            1,
            30,
        ),
    )
    assert not away_due(d, state(), local(NEW_YORK, 2026, 11, 1, 12, 0))
    start = away_period_start(d.away, d.business_hours, datetime(2026, 11, 1, 12, 30, tzinfo=UTC))
    assert start == local(NEW_YORK, 2026, 10, 31, 20, 0)


def test_always_away_sends_again_only_after_the_owner_replied() -> None:
    d = doc(schedule="always")
    now = local(SEOUL, 2026, 11, 23, 12, 0)
    sent = now - timedelta(hours=2)
    assert away_due(d, state(), now)
    assert not away_due(d, state(last_away_sent_at=sent), now)
    assert away_due(d, state(last_away_sent_at=sent, last_owner_reply_at=sent + timedelta(hours=1)), now)


def test_fields_are_filled_and_empty_ones_leave_no_gaps() -> None:
    assert fill_fields(
        "Hi {first_name}, {shop} here. {unknown}", name="Amy Clarke", phone="44 7700", shop="Linen"
    ) == ("Hi Amy, Linen here. {unknown}")
    assert fill_fields("Hello {name}, thanks!", name=None, phone=None, shop=None) == "Hello, thanks!"
    assert fill_fields("{phone}", name=None, phone="82 10-1234", shop=None) == "+82101234"


def test_first_message_at_night_gets_greeting_then_away() -> None:
    replies = replies_for_inbound(
        doc(), state(), local(SEOUL, 2026, 11, 23, 22, 0), contact_name="김민지", shop_name="서울 리넨"
    )
    assert [(r.sent_by, r.text) for r in replies] == [
        ("greeting", "안녕하세요 김민지님, 서울 리넨입니다!"),
        ("away", "지금은 영업시간이 아니에요."),
    ]


def test_next_opening_for_previews() -> None:
    h = hours("Asia/Seoul")
    assert next_opening(h, local(SEOUL, 2026, 11, 28, 18, 0)) == local(SEOUL, 2026, 11, 30, 10, 0)
