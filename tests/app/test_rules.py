"""The automation rules over tables of cases: hours, DST, away periods, greeting silence, recipients, fields."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.rules import (
    ALWAYS_PERIOD_START,
    ContactState,
    away_due,
    away_period_start,
    customer_words,
    fill_fields,
    greeting_due,
    greeting_goes,
    is_away,
    is_open,
    next_opening,
    recipient_allowed,
    replies_for_inbound,
    shop_name_in,
    text_for,
    writing_script,
)
from app.wire import (
    Automations,
    AwayRule,
    BusinessHours,
    BusinessProfile,
    DayHours,
    GreetingRule,
    Recipients,
    TimeRange,
)

SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
CLOSED = DayHours(mode="closed")
ALL_DAY = DayHours(mode="all_day")
# 2026-11-23 is a Monday. DST: Berlin 2026-03-29 and 2026-10-25, New York 2026-03-08 and 2026-11-01 (Sundays).


def day(*ranges: tuple[str, str]) -> DayHours:
    return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in ranges])


def sundays_only(sunday: DayHours) -> list[DayHours]:
    return [CLOSED] * 6 + [sunday]


def hours(tz: str = "Asia/Seoul", week: list[DayHours] | None = None) -> BusinessHours:
    # Mon–Fri 10:00–19:00, Sat 11:00–17:00, Sun closed unless given.
    return BusinessHours(
        timezone=tz, week=week or [day(("10:00", "19:00"))] * 5 + [day(("11:00", "17:00")), CLOSED]
    )


def doc(tz: str = "Asia/Seoul", week: list[DayHours] | None = None, **away: object) -> Automations:
    return Automations(
        greeting=GreetingRule(enabled=True, text="안녕하세요 {name}님, {shop}입니다!"),
        away=AwayRule(enabled=True, text="지금은 영업시간이 아니에요.", **away),  # type: ignore[arg-type]
        business_hours=hours(tz, week),
        profile=BusinessProfile(name="서울 리넨"),
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


def at(tz: ZoneInfo, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=tz, fold=fold).astimezone(UTC)  # type: ignore[arg-type, misc]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[arg-type, misc]


# --------------------------------------------------------------------------- business hours

SPECIAL_WEEK = [
    ALL_DAY,  # Monday
    day(("09:00", "12:00"), ("13:00", "18:00")),  # Tuesday, lunch break
    day(("18:00", "24:00")),  # Wednesday evening until midnight
    day(("22:00", "02:00")),  # Thursday night into Friday
    CLOSED,
    day(("00:00", "24:00")),  # Saturday, the whole day as a range
    day(("10:00", "10:00")),  # Sunday: a range that ends where it starts is empty
]


@pytest.mark.parametrize(
    ("tz", "week", "when", "open_"),
    [
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 23, 9, 59), False),
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 23, 10, 0), True),
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 23, 18, 59, 59), True),
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 23, 19, 0), False),
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 28, 12, 0), True),  # Saturday
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 29, 12, 0), False),  # Sunday closed
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 23, 0, 0), True),  # all day from 00:00
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 23, 23, 59), True),
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 24, 12, 30), False),  # lunch break
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 24, 13, 0), True),
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 25, 23, 59, 59), True),  # "24:00"
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 26, 0, 0), False),  # Thursday's 00:00 is Thursday's
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 26, 23, 0), True),  # Thursday night…
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 27, 1, 59), True),  # …into closed Friday
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 27, 2, 0), False),
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 28, 0, 0), True),
        ("Asia/Seoul", SPECIAL_WEEK, at(SEOUL, 2026, 11, 29, 10, 0), False),
        # Berlin springs forward on Sunday 2026-03-29: Monday 10:00 CEST is 08:00 UTC, a week before 09:00.
        ("Europe/Berlin", None, utc(2026, 3, 30, 8, 0), True),
        ("Europe/Berlin", None, utc(2026, 3, 23, 8, 0), False),
        ("Europe/Berlin", None, utc(2026, 3, 23, 9, 0), True),
        ("Europe/Berlin", None, utc(2026, 3, 30, 16, 59), True),
        ("Europe/Berlin", None, utc(2026, 3, 30, 17, 0), False),
        # New York falls back on 2026-11-01: Monday 10:00 EST is 15:00 UTC (14:00 UTC the week before).
        ("America/New_York", None, utc(2026, 11, 2, 15, 0), True),
        ("America/New_York", None, utc(2026, 11, 2, 14, 30), False),
        ("America/New_York", None, utc(2026, 10, 26, 14, 0), True),
        # On the change days themselves, a range is wall-clock time: 01:00–04:00 lasts 2 h in spring…
        ("Europe/Berlin", sundays_only(day(("01:00", "04:00"))), utc(2026, 3, 29, 0, 30), True),
        ("Europe/Berlin", sundays_only(day(("01:00", "04:00"))), utc(2026, 3, 29, 1, 59), True),
        ("Europe/Berlin", sundays_only(day(("01:00", "04:00"))), utc(2026, 3, 29, 2, 0), False),
        # …and 4 h in autumn, the repeated hour included.
        ("America/New_York", sundays_only(day(("01:00", "04:00"))), utc(2026, 11, 1, 5, 0), True),
        ("America/New_York", sundays_only(day(("01:00", "04:00"))), utc(2026, 11, 1, 8, 59), True),
        ("America/New_York", sundays_only(day(("01:00", "04:00"))), utc(2026, 11, 1, 9, 0), False),
    ],
)
def test_business_hours_on_the_shops_wall_clock(
    tz: str, week: list[DayHours] | None, when: datetime, open_: bool
) -> None:
    assert is_open(hours(tz, week), when) is open_


def test_an_unknown_time_zone_falls_back_to_utc_and_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="app.rules"):
        for _ in range(3):
            assert is_open(hours("Mars/Olympus_Mons"), utc(2026, 11, 23, 10, 0))
            assert not is_open(hours("Mars/Olympus_Mons"), utc(2026, 11, 23, 9, 0))
    assert sum("Mars/Olympus_Mons" in r.getMessage() for r in caplog.records) == 1


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="aware"):
        is_open(hours(), datetime(2026, 11, 23, 10, 0))


# --------------------------------------------------------------------------- away schedules and periods

NIGHTS = [day(("20:00", "08:00"))] * 7


@pytest.mark.parametrize(
    ("schedule", "tz", "custom", "week", "when", "start"),
    [
        # Outside hours, Seoul (no DST): since closing time yesterday.
        ("outside_hours", "Asia/Seoul", None, None, at(SEOUL, 2026, 11, 24, 8, 0), at(SEOUL, 2026, 11, 23, 19, 0)),
        ("outside_hours", "Asia/Seoul", None, None, at(SEOUL, 2026, 11, 23, 19, 0), at(SEOUL, 2026, 11, 23, 19, 0)),
        ("outside_hours", "Asia/Seoul", None, None, at(SEOUL, 2026, 11, 23, 12, 0), None),
        # The weekend is one period: Saturday 17:00 until Monday 10:00.
        ("outside_hours", "Asia/Seoul", None, None, at(SEOUL, 2026, 11, 30, 9, 59), at(SEOUL, 2026, 11, 28, 17, 0)),
        # A lunch break is a period of its own.
        ("outside_hours", "Asia/Seoul", None, SPECIAL_WEEK, at(SEOUL, 2026, 11, 24, 12, 30), at(SEOUL, 2026, 11, 24, 12, 0)),
        # Closed after Wednesday's "24:00"; Thursday opens at 22:00.
        ("outside_hours", "Asia/Seoul", None, SPECIAL_WEEK, at(SEOUL, 2026, 11, 26, 21, 0), at(SEOUL, 2026, 11, 26, 0, 0)),
        # Berlin weekend across spring-forward: Saturday 17:00 CET (16:00 UTC) to Monday 10:00 CEST.
        ("outside_hours", "Europe/Berlin", None, None, utc(2026, 3, 30, 7, 59), utc(2026, 3, 28, 16, 0)),
        # Berlin weekend across fall-back: Saturday 17:00 CEST (15:00 UTC).
        ("outside_hours", "Europe/Berlin", None, None, utc(2026, 10, 26, 8, 59), utc(2026, 10, 24, 15, 0)),
        # Custom nightly 20:00–08:00 in New York on the fall-back night: 20:00 EDT is 00:00 UTC.
        ("custom", "America/New_York", NIGHTS, None, at(NEW_YORK, 2026, 11, 1, 1, 30), utc(2026, 11, 1, 0, 0)),
        ("custom", "America/New_York", NIGHTS, None, at(NEW_YORK, 2026, 11, 1, 1, 30, fold=1), utc(2026, 11, 1, 0, 0)),
        ("custom", "America/New_York", NIGHTS, None, at(NEW_YORK, 2026, 11, 1, 7, 59), utc(2026, 11, 1, 0, 0)),
        ("custom", "America/New_York", NIGHTS, None, at(NEW_YORK, 2026, 11, 1, 8, 0), None),
        ("custom", "America/New_York", NIGHTS, None, at(NEW_YORK, 2026, 11, 1, 20, 0), utc(2026, 11, 2, 1, 0)),
        # Away from 02:30 on the spring-forward Sunday: the clock skips 02:30, so the period starts at the jump.
        ("custom", "America/New_York", sundays_only(day(("02:30", "06:00"))), None, utc(2026, 3, 8, 8, 0), utc(2026, 3, 8, 7, 0)),
        ("custom", "America/New_York", sundays_only(day(("02:30", "06:00"))), None, utc(2026, 3, 8, 6, 59), None),
        # Away from 01:30 on the fall-back Sunday: the repeated hour does not start a second period.
        ("custom", "America/New_York", sundays_only(day(("01:30", "05:00"))), None, utc(2026, 11, 1, 6, 45), utc(2026, 11, 1, 5, 30)),
        # Wednesday until "24:00" and Thursday from "00:00" are one night.
        ("custom", "Asia/Seoul", [CLOSED, CLOSED, day(("22:00", "24:00")), day(("00:00", "06:00")), CLOSED, CLOSED, CLOSED], None, at(SEOUL, 2026, 11, 26, 5, 0), at(SEOUL, 2026, 11, 25, 22, 0)),
        # Away around the whole week has no start.
        ("custom", "Asia/Seoul", [ALL_DAY] * 7, None, at(SEOUL, 2026, 11, 26, 5, 0), ALWAYS_PERIOD_START),
        ("outside_hours", "Asia/Seoul", None, [CLOSED] * 7, at(SEOUL, 2026, 11, 26, 5, 0), ALWAYS_PERIOD_START),
        ("always", "Asia/Seoul", None, None, at(SEOUL, 2026, 11, 23, 12, 0), ALWAYS_PERIOD_START),
    ],
)  # fmt: skip
def test_away_period_starts_when_the_away_time_began(
    schedule: str,
    tz: str,
    custom: list[DayHours] | None,
    week: list[DayHours] | None,
    when: datetime,
    start: datetime | None,
) -> None:
    d = doc(tz, week, schedule=schedule, **({"custom": custom} if custom else {}))
    assert is_away(d.away, d.business_hours, when) is (start is not None)
    assert away_period_start(d.away, d.business_hours, when) == start


# --------------------------------------------------------------------------- greeting

NOW = at(SEOUL, 2026, 11, 23, 12, 0)  # Monday noon: open, so no away message in greeting cases


@pytest.mark.parametrize(
    ("last_in", "last_out", "due"),
    [
        (None, None, True),  # first message ever
        (timedelta(days=13), None, False),
        (timedelta(days=14), None, True),
        (timedelta(days=15), None, True),
        (None, timedelta(days=13), False),  # the shop wrote 13 days ago: not silent
        (timedelta(days=30), timedelta(days=2), False),  # silence counts both directions
        (timedelta(days=2), timedelta(days=30), False),
        (timedelta(days=20), timedelta(days=15), True),
        (timedelta(minutes=1), None, False),
    ],
)
def test_greeting_after_first_message_or_fourteen_days_of_silence(
    last_in: timedelta | None, last_out: timedelta | None, due: bool
) -> None:
    s = state(
        last_inbound_at=None if last_in is None else NOW - last_in,
        last_outbound_at=None if last_out is None else NOW - last_out,
    )
    assert greeting_due(doc(), s, NOW) is due


@pytest.mark.parametrize(
    ("change", "s", "due"),
    [
        ({}, state(known_contact=True), False),  # a regular from imported chats
        ({"enabled": False}, state(), False),
        ({"text": "   "}, state(), False),  # nothing to say
        ({"recipients": Recipients(mode="except", wa_ids=["+82 10-1234-5678"])}, state(), False),
        ({"recipients": Recipients(mode="only", wa_ids=["010"])}, state(), False),
        ({"recipients": Recipients(mode="only", wa_ids=["82 10 1234 5678"])}, state(), True),
        ({"silence_days": 30}, state(last_inbound_at=NOW - timedelta(days=20)), False),
        ({"silence_days": 30}, state(last_inbound_at=NOW - timedelta(days=31)), True),
        ({"silence_days": 0}, state(last_inbound_at=NOW - timedelta(hours=1)), False),  # not every message
    ],
)
def test_greeting_settings_and_recipients(change: dict[str, object], s: ContactState, due: bool) -> None:
    d = doc()
    d.greeting = d.greeting.model_copy(update=change)
    assert greeting_due(d, s, NOW) is due


# --------------------------------------------------------------------------- recipients


@pytest.mark.parametrize(
    ("mode", "listed", "wa_id", "allowed"),
    [
        ("everyone", [], "821012345678", True),
        ("everyone", ["821012345678"], "821012345678", True),
        ("except", ["+82 10-1234-5678"], "821012345678", False),
        ("except", ["821099999999"], "821012345678", True),
        ("except", [], "821012345678", True),
        ("only", ["+1 (650) 555-0199", "821012345678"], "821012345678", True),
        ("only", ["+1 (650) 555-0199"], "16505550199", True),
        ("only", ["821099999999"], "821012345678", False),
        ("only", [], "821012345678", False),
        ("only", ["82-10-1234-5678"], "+82 10 1234 5678", True),
    ],
)
def test_recipient_lists_compare_phone_numbers_as_digits(
    mode: str, listed: list[str], wa_id: str, allowed: bool
) -> None:
    assert recipient_allowed(Recipients(mode=mode, wa_ids=listed), wa_id) is allowed  # type: ignore[arg-type]


# --------------------------------------------------------------------------- away message

EVENING = at(SEOUL, 2026, 11, 23, 20, 0)  # closed since 19:00


@pytest.mark.parametrize(
    ("change", "s", "now", "due"),
    [
        ({}, state(), EVENING, True),
        ({}, state(), NOW, False),  # open
        ({"enabled": False}, state(), EVENING, False),
        ({"text": ""}, state(), EVENING, False),
        ({"recipients": Recipients(mode="except", wa_ids=["+821012345678"])}, state(), EVENING, False),
        ({"recipients": Recipients(mode="only", wa_ids=["821012345678"])}, state(), EVENING, True),
        # Once per away period: already told at 19:30 tonight; told yesterday evening → again tonight.
        ({}, state(last_away_sent_at=EVENING - timedelta(minutes=30)), EVENING, False),
        ({}, state(last_away_sent_at=EVENING - timedelta(days=1)), EVENING, True),
        ({}, state(last_away_sent_at=at(SEOUL, 2026, 11, 23, 18, 59)), EVENING, True),  # before closing
        ({}, state(last_away_sent_at=at(SEOUL, 2026, 11, 23, 19, 0)), EVENING, False),
        # The owner answered within the grace period (5 minutes by default).
        ({}, state(last_owner_reply_at=EVENING - timedelta(minutes=3)), EVENING, False),
        ({}, state(last_owner_reply_at=EVENING - timedelta(minutes=5)), EVENING, True),
        ({}, state(last_owner_reply_at=EVENING - timedelta(minutes=6)), EVENING, True),
        ({"owner_reply_grace_minutes": 30}, state(last_owner_reply_at=EVENING - timedelta(minutes=20)), EVENING, False),
        ({"owner_reply_grace_minutes": 0}, state(last_owner_reply_at=EVENING), EVENING, True),
        # Known contacts are not greeted, but they are told the shop is away.
        ({}, state(known_contact=True), EVENING, True),
        # Always away: once, and again only after the owner replied since.
        ({"schedule": "always"}, state(), NOW, True),
        ({"schedule": "always"}, state(last_away_sent_at=NOW - timedelta(days=3)), NOW, False),
        ({"schedule": "always"}, state(last_away_sent_at=NOW - timedelta(hours=2), last_owner_reply_at=NOW - timedelta(hours=1)), NOW, True),
        ({"schedule": "always"}, state(last_away_sent_at=NOW - timedelta(hours=2), last_owner_reply_at=NOW - timedelta(hours=3)), NOW, False),
        # A reply after tonight's away message does not reopen a timed period.
        ({}, state(last_away_sent_at=EVENING - timedelta(minutes=50), last_owner_reply_at=EVENING - timedelta(minutes=40)), EVENING, False),
        # Custom schedule: away at lunch only.
        ({"schedule": "custom", "custom": [day(("12:00", "13:00"))] * 7}, state(), NOW, True),
        ({"schedule": "custom", "custom": [day(("12:00", "13:00"))] * 7}, state(), EVENING, False),
    ],
)  # fmt: skip
def test_away_message_rules(change: dict[str, object], s: ContactState, now: datetime, due: bool) -> None:
    d = doc()
    d.away = d.away.model_copy(update=change)
    assert away_due(d, s, now) is due


def test_away_message_in_new_york_once_per_night_across_the_fall_back() -> None:
    d = doc("America/New_York", schedule="custom", custom=NIGHTS)
    told = at(NEW_YORK, 2026, 10, 31, 23, 0)  # Saturday night, EDT
    # During the repeated hour the customer writes again: still the same night.
    assert not away_due(d, state(last_away_sent_at=told), at(NEW_YORK, 2026, 11, 1, 1, 15, fold=1))
    # Sunday night is a new period.
    assert away_due(d, state(last_away_sent_at=told), at(NEW_YORK, 2026, 11, 1, 20, 5))


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("text", "name", "phone", "shop", "filled"),
    [
        ("Hi {first_name}, {shop} here. {unknown}", "Amy  Clarke", "44 7700", "Linen", "Hi Amy, Linen here. {unknown}"),
        ("Hi {name}!", "Amy Clarke", None, None, "Hi Amy Clarke!"),
        ("Hello {name}, thanks!", None, None, None, "Hello, thanks!"),
        ("Hello {name} and welcome", "", None, None, "Hello and welcome"),
        ("Hello {name}", "  ", None, None, "Hello"),
        ("{name} 고객님 안녕하세요", None, None, None, "고객님 안녕하세요"),
        ("안녕하세요 {name}님, {shop}입니다!", None, None, "서울 리넨", "안녕하세요, 서울 리넨입니다!"),
        ("안녕하세요 {name}님, {shop}입니다!", "김민지", None, "서울 리넨", "안녕하세요 김민지님, 서울 리넨입니다!"),
        ("{first_name}님 반가워요", "김민지", None, None, "김민지님 반가워요"),
        # A Vietnamese name's family name comes first: she is called by the last word.
        ("Chào {first_name}!", "Nguyễn Thị Hương", None, None, "Chào Hương!"),
        ("Hi {first_name}!", "Trần Văn Đức", None, None, "Hi Đức!"),
        # Chinese characters and kana: the name whole, as Hangul ("Hi 王!" would be curt).
        ("Hi {first_name}!", "王 小明", None, None, "Hi 王 小明!"),
        ("Hi {first_name}!", "佐藤 健", None, None, "Hi 佐藤 健!"),
        ("Hi {first_name}!", "สมชาย ใจดี", None, None, "Hi สมชาย!"),
        ("Hi {first_name}!", "🌸 Amy Clarke 🌸", None, None, "Hi Amy!"),  # the emoji are not her name
        ("Hi {first_name}!", "👨\u200d👩\u200d👧 🏳️\u200d🌈", None, None, "Hi 👨\u200d👩\u200d👧!"),  # no letters at all
        ("{phone}", None, "82 10-1234", None, "+82101234"),
        ("Call {phone} now", None, "", None, "Call now"),
        ("{name}\n{shop}", None, None, "Linen", "\nLinen"),
        ("Keep  my   spacing , {name}", "Amy", None, None, "Keep  my   spacing , Amy"),
        ("{{name}} {NAME} {name", "Amy", None, None, "{Amy} {NAME} {name"),
    ],
)  # fmt: skip
def test_fields_are_filled_and_empty_ones_leave_no_gaps(
    text: str, name: str | None, phone: str | None, shop: str | None, filled: str
) -> None:
    assert fill_fields(text, name=name, phone=phone, shop=shop) == filled


# --------------------------------------------------------------------------- together


def test_first_message_at_night_gets_greeting_then_away() -> None:
    replies = replies_for_inbound(doc(), state(), EVENING, contact_name="김민지")
    assert [(r.sent_by, r.text) for r in replies] == [
        ("greeting", "안녕하세요 김민지님, 서울 리넨입니다!"),
        ("away", "지금은 영업시간이 아니에요."),
    ]


def test_a_customer_who_writes_in_another_language_gets_the_messages_in_the_other_language() -> None:
    both = doc(text_other_language="We're closed now.").model_copy(
        update={
            "greeting": GreetingRule(
                enabled=True, text="안녕하세요 {name}님!", text_other_language="Hello {name}!"
            )
        }
    )

    def texts(typed: str | None) -> list[str]:
        return [
            r.text
            for r in replies_for_inbound(both, state(), EVENING, contact_name="Amy", customer_text=typed)
        ]

    assert texts("Hi! Do you have the linen shirt in M?") == ["Hello Amy!", "We're closed now."]
    assert texts("린넨 셔츠 M 있나요? size M") == ["안녕하세요 Amy님!", "지금은 영업시간이 아니에요."]
    assert (
        texts("👍") == texts(None) == ["안녕하세요 Amy님!", "지금은 영업시간이 아니에요."]
    )  # no letters: the main text
    # Without a text in another language, everyone gets the one there is.
    assert [
        r.text for r in replies_for_inbound(doc(), state(), EVENING, contact_name="Amy", customer_text="Hi")
    ] == [
        "안녕하세요 Amy님, 서울 리넨입니다!",
        "지금은 영업시간이 아니에요.",
    ]


def test_what_a_customer_typed_is_read_from_a_text_or_a_caption_not_a_tapped_row() -> None:
    assert customer_words({"type": "text", "text": {"body": "Hi"}}) == "Hi"
    photo = {"type": "image", "image": {"id": "1", "caption": "In beige?"}}
    assert customer_words(photo) == "In beige?"
    tapped = {
        "type": "interactive",
        "interactive": {"type": "list_reply", "list_reply": {"id": "m", "title": "배송"}},
    }
    assert customer_words(tapped) is None  # the row's title is the shop's words
    assert customer_words({"type": "image", "image": {"id": "1"}}) is None
    assert customer_words({"type": "sticker", "sticker": {"id": "1"}}) is None


def test_a_customer_writing_in_a_third_language_gets_the_text_in_latin_letters() -> None:
    japanese = "このシャツはありますか"
    assert text_for("안녕하세요", "Hello", japanese) == "Hello"  # a Korean shop's English text
    assert text_for("Hello", "안녕하세요", japanese) == "Hello"  # an English shop's own text
    assert text_for("Hello", "안녕하세요", "안녕하세요, 있나요?") == "안녕하세요"
    assert text_for("Hello", "Bonjour", "Guten Tag") == "Hello"  # the same letters as the main text


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("안녕하세요", "hangul"),
        ("Hello, is this available?", "latin"),
        ("Xin chào, còn hàng không?", "latin"),
        ("在庫はありますか", "kana"),
        ("有货吗", "han"),
        ("Здравствуйте", "cyrillic"),
        ("M 사이즈 있어요?", "hangul"),
        # Korean with English words in it (sizes, colours, a copied tag) is Korean: a character of
        # Hangul is a syllable, not one letter.
        ("린넨 셔츠 M size 있나요? 색상은 navy blue로요", "hangul"),
        ("니트 <b>베이지</b> 색상 있나요? <script>alert(1)</script>", "hangul"),
        # English with a Korean word or a copied product name in it stays English.
        ("Hi, do you ship to Japan? 감사합니다", "latin"),
        ("Hi, is 린넨 셔츠 still available?", "latin"),
        ("12,000원?", "hangul"),
        ("🙂 123", None),
    ],
)  # fmt: skip
def test_the_script_a_customer_writes_in(text: str, script: str | None) -> None:
    assert writing_script(text) == script
    assert text_for("안녕하세요", "Hello", text) == (
        "Hello" if script not in (None, "hangul") else "안녕하세요"
    )


@pytest.mark.parametrize(
    ("s", "now", "expected"),
    [
        (state(), NOW, ["greeting"]),
        (state(known_contact=True), NOW, []),
        (state(known_contact=True), EVENING, ["away"]),
        (state(last_inbound_at=EVENING - timedelta(minutes=10), last_away_sent_at=EVENING - timedelta(minutes=10)), EVENING, []),
        (state(last_inbound_at=EVENING - timedelta(days=20)), EVENING, ["greeting", "away"]),
    ],
)  # fmt: skip
def test_what_a_customer_writing_now_gets(s: ContactState, now: datetime, expected: list[str]) -> None:
    assert [r.sent_by for r in replies_for_inbound(doc(), s, now, contact_name=None)] == expected


def only_away(d: Automations) -> Automations:
    """`d` with "send only the away message" switched on in its greeting."""
    return d.model_copy(update={"greeting": d.greeting.model_copy(update={"skip_when_away": True})})


def test_a_new_customer_at_night_gets_only_the_away_message_when_the_owner_chose_so() -> None:
    replies = replies_for_inbound(only_away(doc()), state(), EVENING, contact_name="김민지")
    assert [(r.sent_by, r.text) for r in replies] == [("away", "지금은 영업시간이 아니에요.")]
    assert not greeting_goes(only_away(doc()), state(), EVENING)
    assert greeting_due(only_away(doc()), state(), EVENING)  # due, but gives way to the away message
    # Off (the default, and every document saved before the choice): both, greeting first.
    assert doc().greeting.skip_when_away is False
    assert [r.sent_by for r in replies_for_inbound(doc(), state(), EVENING, contact_name=None)] == [
        "greeting",
        "away",
    ]


@pytest.mark.parametrize(
    ("schedule", "s", "now", "expected"),
    [
        ("outside_hours", state(), NOW, ["greeting"]),  # in business hours: the greeting, as ever
        ("outside_hours", state(), EVENING, ["away"]),
        ("outside_hours", state(last_inbound_at=EVENING - timedelta(days=20)), EVENING, ["away"]),  # returning
        # Away "always", told weeks ago and not answered since: no away message now, so nothing
        # gives way and the greeting goes alone.
        ("always", state(last_inbound_at=EVENING - timedelta(days=20), last_away_sent_at=EVENING - timedelta(days=20)), EVENING, ["greeting"]),
        # The owner just replied, so no away message: nor a greeting (they were answered).
        ("outside_hours", state(last_owner_reply_at=EVENING - timedelta(minutes=1), last_outbound_at=EVENING - timedelta(minutes=1)), EVENING, []),
    ],
)  # fmt: skip
def test_with_only_the_away_message_chosen_a_customer_gets_one_message(
    schedule: str, s: ContactState, now: datetime, expected: list[str]
) -> None:
    d = only_away(doc(schedule=schedule))
    assert [r.sent_by for r in replies_for_inbound(d, s, now, contact_name=None)] == expected


def test_the_greeting_stays_whole_when_the_away_message_is_off_or_not_for_this_customer() -> None:
    d = doc()
    off = only_away(d.model_copy(update={"away": d.away.model_copy(update={"enabled": False})}))
    assert [r.sent_by for r in replies_for_inbound(off, state(), EVENING, contact_name=None)] == ["greeting"]
    elsewhere = only_away(doc(recipients=Recipients(mode="only", wa_ids=["821099998888"])))
    assert [r.sent_by for r in replies_for_inbound(elsewhere, state(), EVENING, contact_name=None)] == [
        "greeting"
    ]


def test_the_customer_answered_by_the_away_message_alone_is_not_greeted_the_next_morning() -> None:
    d = only_away(doc())
    [away] = replies_for_inbound(d, state(), EVENING, contact_name=None)
    assert away.sent_by == "away"
    next_morning = at(SEOUL, 2026, 11, 24, 10, 30)  # open again
    after = state(last_inbound_at=EVENING, last_outbound_at=EVENING, last_away_sent_at=EVENING)
    assert replies_for_inbound(d, after, next_morning, contact_name=None) == []
    # Their own message at night counts as much as the away message did.
    assert not greeting_due(d, state(last_inbound_at=EVENING), next_morning)


def test_an_older_peer_keeps_the_choice_and_a_document_without_it_sends_both() -> None:
    from app.wire import _Wire

    class OlderGreetingRule(_Wire):  # GreetingRule as a relay or desktop before the choice has it
        enabled: bool = False
        text: str = ""

    older = OlderGreetingRule.model_validate(only_away(doc()).greeting.model_dump(mode="json"))
    again = GreetingRule.model_validate(older.model_dump(mode="json"))  # what the older one PUTs back
    assert again.skip_when_away is True
    from_an_older_relay = Automations.model_validate({"greeting": {"enabled": True, "text": "안녕하세요"}})
    assert from_an_older_relay.greeting.skip_when_away is False


def bilingual(name_other_language: str) -> Automations:
    """The Korean shop of `doc` greeting customers abroad in English, its name in English given or not."""
    d = doc()
    greeting = d.greeting.model_copy(update={"text_other_language": "Hello {first_name}, welcome to {shop}!"})
    profile = BusinessProfile(name="서울 리넨", name_other_language=name_other_language)
    return d.model_copy(update={"greeting": greeting, "profile": profile})


def test_the_english_greeting_names_the_shop_by_its_english_name() -> None:
    d = bilingual("Seoul Linen")
    [english] = replies_for_inbound(
        d, state(), NOW, contact_name="Amy Clarke", customer_text="Hi, any stock?"
    )
    assert english.text == "Hello Amy, welcome to Seoul Linen!"
    [korean] = replies_for_inbound(d, state(), NOW, contact_name="김민지", customer_text="재고 있나요?")
    assert korean.text == "안녕하세요 김민지님, 서울 리넨입니다!"


def test_without_an_english_name_every_greeting_names_the_shop_by_its_name() -> None:
    d = bilingual("   ")
    [english] = replies_for_inbound(d, state(), NOW, contact_name="Amy", customer_text="Hi, any stock?")
    assert english.text == "Hello Amy, welcome to 서울 리넨!"
    [korean] = replies_for_inbound(d, state(), NOW, contact_name="김민지", customer_text="재고 있나요?")
    assert korean.text == "안녕하세요 김민지님, 서울 리넨입니다!"


@pytest.mark.parametrize(
    ("name", "other", "text", "shown"),
    [
        ("서울 리넨", "Seoul Linen", "Welcome to {shop}", "Seoul Linen"),
        ("서울 리넨", "Seoul Linen", "{shop}입니다", "서울 리넨"),
        ("서울 리넨", "Seoul Linen", "{shop}", "서울 리넨"),  # no words to tell: its name
        ("Brighton Linen", "브라이튼 리넨", "Welcome to {shop}", "Brighton Linen"),
        ("Brighton Linen", "브라이튼 리넨", "{가게 이름}에 오신 걸 환영해요", "브라이튼 리넨"),
        ("Linen Co", "Linen Company", "Welcome to {shop}", "Linen Co"),  # the same letters: its name
        ("서울 리넨", "  Seoul   Linen ", "Hi from {shop}", "Seoul Linen"),
    ],
)
def test_shop_field_takes_the_name_written_in_the_letters_of_its_text(
    name: str, other: str, text: str, shown: str
) -> None:
    profile = BusinessProfile(name=name, name_other_language=other)
    assert shop_name_in(profile, text) == shown


def test_a_profile_from_an_older_relay_has_no_english_name_and_keeps_the_field_it_does_not_know() -> None:
    older = Automations.model_validate({"profile": {"name": "서울 리넨", "later_field": "x"}})
    assert older.profile.name_other_language == ""
    assert older.model_dump(mode="json")["profile"]["later_field"] == "x"


@pytest.mark.parametrize(
    ("tz", "week", "when", "opens"),
    [
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 28, 18, 0), at(SEOUL, 2026, 11, 30, 10, 0)),
        ("Asia/Seoul", None, at(SEOUL, 2026, 11, 23, 12, 0), at(SEOUL, 2026, 11, 23, 12, 0)),  # open now
        ("Asia/Seoul", [CLOSED] * 7, at(SEOUL, 2026, 11, 23, 12, 0), None),
        ("Europe/Berlin", None, utc(2026, 3, 28, 18, 0), utc(2026, 3, 30, 8, 0)),  # Monday 10:00 CEST
        ("America/New_York", sundays_only(day(("02:30", "05:00"))), utc(2026, 3, 7, 12, 0), utc(2026, 3, 8, 7, 0)),
    ],
)  # fmt: skip
def test_next_opening_for_previews(
    tz: str, week: list[DayHours] | None, when: datetime, opens: datetime | None
) -> None:
    assert next_opening(hours(tz, week), when) == opens


def test_the_opening_time_is_written_as_the_sentence_around_it_writes_dates() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.rules import opening_text

    monday = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    assert (
        opening_text(monday, "지금은 운영시간이 아니에요. {opening}부터 답변드릴게요.")
        == "12월 7일 (월) 오전 10:00"
    )
    # An English sentence's hours on the 12-hour clock its readers use: "10:00 AM", "2:30 PM".
    assert (
        opening_text(monday, "We're closed right now. We'll answer from {opening}.") == "Mon, Dec 7, 10:00 AM"
    )
    afternoon = monday.replace(hour=14, minute=30)
    assert opening_text(afternoon, "We'll answer from {opening}.") == "Mon, Dec 7, 2:30 PM"
    # A Korean sentence's too, as Korean phones and the desktop write times: "14:30" reads as a timetable's.
    assert opening_text(afternoon, "{opening}부터 답변드릴게요.") == "12월 7일 (월) 오후 2:30"
    assert opening_text(monday.replace(hour=12), "{opening}부터 답변드릴게요.") == "12월 7일 (월) 오후 12:00"


def test_an_english_date_follows_the_shops_country_and_a_korean_one_stays() -> None:
    """A London shop's customer read "Mon, Dec 7": the shop's country now orders day and month, and
    writes the hours as it does ("09:00" in the UK, "9:00 AM" in Australia and the US)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.rules import opening_text

    monday = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    english = "We'll answer from {opening}."
    assert opening_text(monday, english, country="GB") == "Mon 7 Dec, 09:00"
    assert opening_text(monday, english, country="AU") == "Mon 7 Dec, 9:00 AM"
    assert opening_text(monday, english, country="US") == "Mon, Dec 7, 9:00 AM"
    assert opening_text(monday, english, country=None) == "Mon, Dec 7, 9:00 AM"  # an older desktop's
    assert opening_text(monday, "{opening}부터 답변드릴게요.", country="GB") == "12월 7일 (월) 오전 9:00"


def test_an_owners_fields_do_not_count_as_latin_letters() -> None:
    """ "{name}님, {deadline}까지 입금 부탁드려요." has more Latin letters in its fields than Hangul in
    its words: it is still the Korean text, and an English-writing customer gets the other one."""
    from app.rules import text_for

    korean = "{name}님, {deadline}까지 입금 부탁드려요."
    english = "{name}, please pay by {deadline}."
    assert text_for(korean, english, "Hi! Do you ship to London?") == english
    assert text_for(korean, english, "입금했어요") == korean


# --------------------------------------------------------------------------- closed days (holidays, vacations)


def chuseok(tz: str = "Asia/Seoul", *periods: tuple[str, str]) -> BusinessHours:
    """The usual week, closed for Chuseok (Thu 2026-09-24 to Sat 09-26) and the given periods."""
    from datetime import date

    from app.wire import ClosedDays

    closed = [ClosedDays(first=date(2026, 9, 24), last=date(2026, 9, 26), note="추석")]
    closed += [ClosedDays(first=date.fromisoformat(a), last=date.fromisoformat(b)) for a, b in periods]
    return hours(tz).model_copy(update={"closed_days": closed})


def test_a_closed_day_is_closed_whatever_the_week_says() -> None:
    h = chuseok()
    assert not is_open(h, at(SEOUL, 2026, 9, 24, 12, 0))  # a Thursday, usually open
    assert not is_open(h, at(SEOUL, 2026, 9, 26, 12, 0))  # the Saturday too
    assert is_open(h, at(SEOUL, 2026, 9, 23, 12, 0)) and is_open(h, at(SEOUL, 2026, 9, 28, 12, 0))
    # Closed from Wednesday 19:00 to Monday 10:00: the next opening skips the holiday and Sunday.
    assert next_opening(h, at(SEOUL, 2026, 9, 23, 20, 0)) == at(SEOUL, 2026, 9, 28, 10, 0)


def test_a_holiday_is_one_away_period_with_the_evening_before_and_the_weekend_after() -> None:
    d = doc()
    d = d.model_copy(update={"business_hours": chuseok()})
    wednesday_evening = at(SEOUL, 2026, 9, 23, 19, 0)
    for when in (at(SEOUL, 2026, 9, 24, 9, 0), at(SEOUL, 2026, 9, 26, 15, 0), at(SEOUL, 2026, 9, 27, 23, 0)):
        assert away_period_start(d.away, d.business_hours, when) == wednesday_evening
    told_on_thursday = state(last_away_sent_at=at(SEOUL, 2026, 9, 24, 9, 0))
    assert not away_due(d, told_on_thursday, at(SEOUL, 2026, 9, 26, 15, 0))  # once per holiday
    assert away_due(d, told_on_thursday, at(SEOUL, 2026, 9, 28, 20, 0))  # Monday evening: a new period


def test_an_away_period_ends_when_the_shop_opens_or_the_away_hours_end() -> None:
    """The window says until when the away message answers: the next opening, the lunch hour's end."""
    from app.rules import away_period_end

    d = doc()
    assert away_period_end(d.away, d.business_hours, at(SEOUL, 2026, 12, 4, 20, 0)) == at(
        SEOUL, 2026, 12, 5, 11, 0
    )
    assert away_period_end(d.away, d.business_hours, at(SEOUL, 2026, 12, 5, 18, 0)) == at(
        SEOUL, 2026, 12, 7, 10, 0
    )
    assert away_period_end(d.away, d.business_hours, at(SEOUL, 2026, 12, 5, 12, 0)) is None  # open
    always = d.away.model_copy(update={"schedule": "always"})
    assert away_period_end(always, d.business_hours, at(SEOUL, 2026, 12, 5, 18, 0)) is None  # no end
    # A holiday is part of the period: Thursday evening before Chuseok runs to Monday 10:00.
    h = chuseok()
    assert away_period_end(d.away, h, at(SEOUL, 2026, 9, 23, 20, 0)) == at(SEOUL, 2026, 9, 28, 10, 0)


def test_a_long_vacation_still_has_a_start_and_an_end() -> None:
    """Three weeks away: the away period starts when the shop closed before it (not "always", which
    would tell nobody who had an away message last month), and opens again after it."""
    h = chuseok("Asia/Seoul", ("2026-11-02", "2026-11-22"))  # Monday to the Sunday three weeks on
    d = doc().model_copy(update={"business_hours": h})
    saturday_closing = at(SEOUL, 2026, 10, 31, 17, 0)
    assert away_period_start(d.away, h, at(SEOUL, 2026, 11, 20, 12, 0)) == saturday_closing
    assert away_due(
        d, state(last_away_sent_at=at(SEOUL, 2026, 10, 20, 20, 0)), at(SEOUL, 2026, 11, 20, 12, 0)
    )
    assert next_opening(h, at(SEOUL, 2026, 11, 20, 12, 0)) == at(SEOUL, 2026, 11, 23, 10, 0)


def test_custom_away_hours_also_cover_the_closed_days() -> None:
    evenings = [day(("19:00", "24:00"))] * 7
    d = doc(schedule="custom", custom=evenings).model_copy(update={"business_hours": chuseok()})
    assert is_away(d.away, d.business_hours, at(SEOUL, 2026, 9, 25, 12, 0))  # Chuseok noon
    assert not is_away(d.away, d.business_hours, at(SEOUL, 2026, 9, 23, 12, 0))  # an ordinary noon
    assert away_period_start(d.away, d.business_hours, at(SEOUL, 2026, 9, 25, 12, 0)) == at(
        SEOUL, 2026, 9, 23, 19, 0
    )


def test_closed_days_end_on_or_after_they_begin() -> None:
    from datetime import date

    from pydantic import ValidationError

    from app.wire import ClosedDays

    with pytest.raises(ValidationError):
        ClosedDays(first=date(2026, 9, 26), last=date(2026, 9, 24))
    one_day = ClosedDays(first=date(2026, 12, 25), last=date(2026, 12, 25))
    assert BusinessHours.model_validate_json(
        BusinessHours(closed_days=[one_day]).model_dump_json()
    ).closed_days == [one_day]


def test_the_away_message_says_when_the_shop_opens_next_past_a_holiday_and_sunday() -> None:
    """A tester typed the hours into the away text ("평일 10~19시, 토 11~17시"), which went stale when
    the hours changed or on a holiday: {opening} follows the hours and the closed days."""
    from datetime import date

    from app.wire import ClosedDays

    christmas = hours().model_copy(
        update={
            "closed_days": [ClosedDays(first=date(2026, 12, 25), last=date(2026, 12, 25), note="기독탄신일")]
        }
    )
    away_rule = AwayRule(
        enabled=True,
        text="지금은 영업시간이 아니에요. {opening}부터 답변드릴게요.",
        text_other_language="We open {opening}.",
    )
    d = doc().model_copy(update={"business_hours": christmas, "away": away_rule})

    def away(now: datetime, typed: str | None = None) -> str:
        replies = replies_for_inbound(
            d, state(known_contact=True), now, contact_name=None, customer_text=typed
        )
        return next(r.text for r in replies if r.sent_by == "away")

    thursday_evening = at(SEOUL, 2026, 12, 24, 20, 0)  # Friday the 25th is 기독탄신일
    assert away(thursday_evening) == "지금은 영업시간이 아니에요. 12월 26일 (토) 오전 11:00부터 답변드릴게요."
    assert away(thursday_evening, "Hi, are you open tomorrow?") == "We open Sat, Dec 26, 11:00 AM."
    # Saturday after closing: Sunday is closed, Monday opens at 10.
    assert (
        away(at(SEOUL, 2026, 12, 26, 18, 0))
        == "지금은 영업시간이 아니에요. 12월 28일 (월) 오전 10:00부터 답변드릴게요."
    )


def test_the_away_message_says_today_or_tomorrow_when_the_shop_opens_then() -> None:
    """ "12월 5일 (토) 11:00부터" sent early on Saturday the 5th left the customer to work out that
    it meant this morning: later today and tomorrow are said so, in either language."""
    away_rule = AwayRule(
        enabled=True,
        text="지금은 영업시간이 아니에요. {opening}부터 답변드릴게요.",
        text_other_language="We open {opening}.",
    )
    d = doc().model_copy(update={"away": away_rule})

    def away(now: datetime, typed: str | None = None) -> str:
        replies = replies_for_inbound(
            d, state(known_contact=True), now, contact_name=None, customer_text=typed
        )
        return next(r.text for r in replies if r.sent_by == "away")

    saturday_early = at(SEOUL, 2026, 12, 5, 8, 30)  # the shop opens at 11:00 on Saturdays
    assert away(saturday_early) == "지금은 영업시간이 아니에요. 오늘 오전 11:00부터 답변드릴게요."
    assert away(saturday_early, "Are you open today?") == "We open today at 11:00 AM."
    friday_evening = at(SEOUL, 2026, 12, 4, 20, 0)
    assert away(friday_evening) == "지금은 영업시간이 아니에요. 내일 오전 11:00부터 답변드릴게요."
    assert away(friday_evening, "Open tomorrow?") == "We open tomorrow at 11:00 AM."
    # Just before midnight on Sunday (Seoul): Monday is tomorrow on the shop's clock, not UTC's.
    assert (
        away(at(SEOUL, 2026, 12, 6, 23, 50))
        == "지금은 영업시간이 아니에요. 내일 오전 10:00부터 답변드릴게요."
    )


def test_opening_is_empty_when_the_shop_is_open_or_never_opens() -> None:
    greeting = GreetingRule(enabled=True, text="안녕하세요! 다음 영업: {opening}")
    open_now = doc().model_copy(update={"greeting": greeting})
    assert replies_for_inbound(open_now, state(), NOW, contact_name=None)[0].text == "안녕하세요! 다음 영업:"
    never = doc(week=[CLOSED] * 7, schedule="always").model_copy(update={"greeting": greeting})
    assert [r.text for r in replies_for_inbound(never, state(), NOW, contact_name=None)] == [
        "안녕하세요! 다음 영업:",
        "지금은 영업시간이 아니에요.",
    ]
    # Other texts filled with fields (quick replies, the bot's menus) keep {opening} as typed.
    assert fill_fields("{name} {opening}", name="Amy", phone=None, shop=None) == "Amy {opening}"


def test_the_away_message_can_give_the_shops_hours_in_the_customers_language() -> None:
    """{hours} (the editors' {영업시간}) in an away message: the week as Shop ▸ Business hours says it,
    in the language of the text the customer gets, where hours typed into the text went stale."""
    away_rule = AwayRule(
        enabled=True,
        text="지금은 영업시간이 아니에요.\n{영업시간}",
        text_other_language="We're closed now. Our hours:\n{hours}",
    )
    d = doc().model_copy(update={"away": away_rule})
    night = at(SEOUL, 2026, 12, 8, 22, 0)

    def away(typed: str | None = None) -> str:
        replies = replies_for_inbound(
            d, state(known_contact=True), night, contact_name=None, customer_text=typed
        )
        return next(r.text for r in replies if r.sent_by == "away")

    assert (
        away() == "지금은 영업시간이 아니에요.\n월~금 오전 10:00~오후 7:00\n토 오전 11:00~오후 5:00\n일 휴무"
    )
    assert away("Are you open?") == (
        "We're closed now. Our hours:\nMon–Fri: 10:00 AM–7:00 PM\nSat: 11:00 AM–5:00 PM\nSun: closed\n"
        "All times are Seoul time."
    )


def test_overlapping_hours_are_found_within_a_day_and_across_midnight_and_touching_ones_are_not() -> None:
    from app.rules import HoursOverlap, overlapping_hours
    from app.wire import DayHours, TimeRange

    def day(*spans: tuple[str, str]) -> DayHours:
        return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in spans])

    closed = DayHours()
    morning, noon = TimeRange(start="09:00", end="13:00"), TimeRange(start="12:00", end="18:00")
    week = [day(("09:00", "13:00"), ("12:00", "18:00")), *[closed] * 6]
    assert overlapping_hours(week) == [HoursOverlap(0, morning, 0, noon)]
    assert overlapping_hours([day(("09:00", "13:00"), ("13:00", "18:00")), *[closed] * 6]) == []
    assert overlapping_hours([day(("09:00", "09:00"), ("08:00", "10:00")), *[closed] * 6]) == []  # empty
    # Sunday's night runs into Monday's early hours: named from the night.
    night, early = TimeRange(start="22:00", end="02:00"), TimeRange(start="01:00", end="05:00")
    week = [day(("01:00", "05:00")), *[closed] * 5, day(("22:00", "02:00"))]
    assert overlapping_hours(week) == [HoursOverlap(6, night, 0, early)]
    # A day open all day is left out: the night before may run into it.
    assert overlapping_hours([DayHours(mode="all_day"), *[closed] * 5, day(("22:00", "02:00"))]) == []
