"""A range of hours stays on one line where its sentence wraps: a UK summary read "09:00–" at a line's
end and "18:00" at the next's start, as two times. Each range's dash is held to both its times (a
word joiner either side) in the hours' summary, the away sentence and the overlap notes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont

from app.rules import overlapping_hours
from app.wire import AwayRule, BusinessHours, DayHours, TimeRange
from tests.ui.test_korean_determiners import lines_at
from ui.automation_forms import WeekHoursEditor
from ui.formatting import WORD_JOINER, plain_text
from ui.rule_summary import RuleSummary

WIDTHS = range(60, 700, 7)
DASHES = ("–", "~")


def _day(*ranges: tuple[str, str]) -> DayHours:
    return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in ranges])


# A shop's week with a lunch break, a late night into the next day, an evening to midnight and a
# Saturday whose hours overlap (the overlap note names both ranges).
WEEK = [
    _day(("09:00", "13:00"), ("14:00", "18:00")),
    _day(("09:00", "18:00")),
    _day(("10:00", "19:00")),
    _day(("19:00", "02:00")),
    _day(("18:00", "24:00")),
    _day(("09:00", "13:00"), ("12:00", "17:00")),
    DayHours(mode="closed"),
]


def _sentences() -> list[str]:
    summary = RuleSummary()
    hours = BusinessHours(timezone="Europe/London", week=WEEK)
    week = WeekHoursEditor()
    week.deleteLater()
    return [
        summary.hours(hours),
        summary.away(AwayRule(enabled=True), hours),
        *(week.overlap_text(overlap) for overlap in overlapping_hours(WEEK)),
    ]


def _split_at_a_dash(text: str, font: QFont) -> list[str]:
    """Each width at which a line of `text`, laid out as a word-wrapped label, ends with a dash."""
    return [
        f"at {width}px: {line!r}"
        for width in WIDTHS
        for line in lines_at(text, width, font)[:-1]
        if line.rstrip(f" {WORD_JOINER}").endswith(DASHES)
    ]


@pytest.mark.parametrize("fixtures", [("british_locale",), ("english_locale",)])
def test_no_range_of_hours_wraps_at_its_dash(
    qapp: Any, request: pytest.FixtureRequest, fixtures: tuple[str, ...]
) -> None:
    for name in fixtures:
        request.getfixturevalue(name)
    font = QFont(qapp.font())
    sentences = _sentences()
    assert len(sentences) == 3 and all(WORD_JOINER in text for text in sentences)
    split = [f"{text!r} {where}" for text in sentences for where in _split_at_a_dash(text, font)]
    assert not split, "\n".join(split[:10])
    # Without the joiners the same sentences do break there: the check above can fail.
    assert any(_split_at_a_dash(plain_text(text), font) for text in sentences)


def test_no_korean_range_of_hours_wraps_at_its_tilde(qapp: Any, korean: None, korean_locale: None) -> None:
    """ "오전 9:00~오후 1:00": Qt keeps a tilde with both its neighbours, so Korean needs no joiner."""
    font = QFont(qapp.font())
    sentences = _sentences()
    assert all("~" in text for text in sentences)
    split = [f"{text!r} {where}" for text in sentences for where in _split_at_a_dash(text, font)]
    assert not split, "\n".join(split[:10])
