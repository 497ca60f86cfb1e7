"""Hours that end or start at midnight, as a customer reads them in {hours}: "오후 6:00~자정",
"6:00 PM–midnight", "18:00–midnight" in the UK, never "오전 12:00" or "12:00 AM" (noon to many)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.rules import hours_field
from app.wire import BusinessHours, DayHours, TimeRange

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # a Monday in Seoul


def week(*spans: tuple[str, str]) -> BusinessHours:
    """Every day open for `spans`, on Seoul's clock."""
    day = DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in spans])
    return BusinessHours(timezone="Asia/Seoul", week=[day] * 7)


@pytest.mark.parametrize(
    ("sentence", "country", "evening", "small_hours", "overnight"),
    [
        (
            "영업시간이에요. {영업시간}",
            "KR",
            "월~일 오후 6:00~자정",
            "월~일 자정~오전 9:00",
            "월~일 오후 10:00~오전 9:00",
        ),
        (
            "Our hours: {hours}",
            "US",
            "Mon–Sun: 6:00 PM–midnight",
            "Mon–Sun: midnight–9:00 AM",
            "Mon–Sun: 10:00 PM–9:00 AM",
        ),
        (
            "Our hours: {hours}",
            "GB",
            "Mon–Sun: 18:00–midnight",
            "Mon–Sun: midnight–09:00",
            "Mon–Sun: 22:00–09:00",
        ),
        (
            "Our hours: {hours}",
            None,
            "Mon–Sun: 6:00 PM–midnight",
            "Mon–Sun: midnight–9:00 AM",
            "Mon–Sun: 10:00 PM–9:00 AM",
        ),
    ],
)
def test_hours_to_or_from_midnight_say_midnight_in_the_customers_language(
    sentence: str, country: str | None, evening: str, small_hours: str, overnight: str
) -> None:
    def first_line(hours: BusinessHours) -> str:
        return hours_field(hours, NOW, sentence, country).splitlines()[0]

    assert first_line(week(("18:00", "24:00"))) == evening
    assert first_line(week(("18:00", "00:00"))) == evening  # "00:00" as an end is the same midnight
    assert first_line(week(("00:00", "09:00"))) == small_hours
    assert first_line(week(("22:00", "09:00"))) == overnight  # the night through: no midnight to name
    every = hours_field(week(("18:00", "24:00")), NOW, sentence, country)
    assert "12:00 AM" not in every and "오전 12:00" not in every and "00:00" not in every
