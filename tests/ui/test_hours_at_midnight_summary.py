"""Business hours to or from midnight as the owner reads them under Shop ▸ Business hours and in the
away rule's sentence: "오후 6:00~자정", "6:00 PM–midnight", "18:00–midnight" (a UK computer), never
"오전 12:00" or "12:00 AM", which read as a range that ends before it starts, or at noon."""

from __future__ import annotations

from typing import Any

import pytest

from app.wire import AwayRule, BusinessHours, DayHours, TimeRange
from ui.rule_summary import RuleSummary

NBSP = "\u00a0"


def _plain(text: str) -> str:
    """Qt writes "6:00 PM" with a narrow no-break space, the summary "오후 6:00" with a no-break one:
    each keeps a time on one line; read here as one. A range's word joiners (which keep it on one
    line, tests/ui/test_hours_ranges_kept_whole.py) draw nothing."""
    return text.replace("\u202f", NBSP).replace("\u2060", "")


def spans(*ranges: tuple[str, str]) -> list[str]:
    summary = RuleSummary()
    return [_plain(summary.hours_span(TimeRange(start=a, end=b))) for a, b in ranges]


MIDNIGHTS = (("18:00", "24:00"), ("18:00", "00:00"), ("00:00", "09:00"), ("22:00", "09:00"))


def test_korean_hours_name_자정(qapp: Any, korean: None, korean_locale: None) -> None:
    assert spans(*MIDNIGHTS) == [
        f"오후{NBSP}6:00~자정",
        f"오후{NBSP}6:00~자정",  # "00:00" as an end is the day's end too, not the next day's
        f"자정~오전{NBSP}9:00",
        f"오후{NBSP}10:00~다음 날 오전{NBSP}9:00",
    ]


def test_american_hours_name_midnight(qapp: Any, english_locale: None) -> None:
    assert spans(*MIDNIGHTS) == [
        f"6:00{NBSP}PM–midnight",
        f"6:00{NBSP}PM–midnight",
        f"midnight–9:00{NBSP}AM",
        f"10:00{NBSP}PM–9:00{NBSP}AM (next day)",
    ]


def test_british_hours_on_the_24_hour_clock_name_midnight_too(qapp: Any, british_locale: None) -> None:
    """A UK shop owner's notice on the door reads "18:00–midnight"; "18:00–00:00" left her to work out
    which day's 00:00."""
    assert spans(*MIDNIGHTS) == [
        "18:00–midnight",
        "18:00–midnight",
        "midnight–09:00",
        "22:00–09:00 (next day)",
    ]


@pytest.mark.parametrize(
    ("fixtures", "expected"),
    [(("korean", "korean_locale"), f"오후{NBSP}6:00~자정"), (("english_locale",), f"6:00{NBSP}PM–midnight")],
)
def test_the_away_sentence_says_midnight_as_the_summary_does(
    request: pytest.FixtureRequest, fixtures: tuple[str, ...], expected: str
) -> None:
    for name in fixtures:
        request.getfixturevalue(name)
    evening = DayHours(mode="open", ranges=[TimeRange(start="18:00", end="24:00")])
    hours = BusinessHours(timezone="Asia/Seoul", week=[evening] * 7)
    sentence = _plain(RuleSummary().away(AwayRule(enabled=True), hours))
    assert expected in sentence
    assert "12:00" not in sentence
