"""The periods a message search can keep to, and the instant each begins on the computer's clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import Enum


class SearchPeriod(Enum):
    """How far back the owner looks: the whole history, or the last few days counted in calendar days
    (today is the first of them)."""

    ALL = "all"
    TODAY = "today"
    LAST_7_DAYS = "7d"
    LAST_30_DAYS = "30d"
    LAST_12_MONTHS = "12m"


_DAYS = {SearchPeriod.TODAY: 1, SearchPeriod.LAST_7_DAYS: 7, SearchPeriod.LAST_30_DAYS: 30}


def period_start(period: SearchPeriod, now: datetime, zone: tzinfo | None = None) -> datetime | None:
    """When `period` begins, in UTC: a local midnight, `zone`'s or (None) the computer's; None for the
    whole history. "Last 7 days" begins six midnights before today's; "Last 12 months" the day after
    today's date a year ago (29 February's year-ago day is the 28th)."""
    if period is SearchPeriod.ALL:
        return None
    today = now.astimezone(zone).date()
    if period is SearchPeriod.LAST_12_MONTHS:
        first = _year_before(today) + timedelta(days=1)
    else:
        first = today - timedelta(days=_DAYS[period] - 1)
    midnight = datetime.combine(first, time())
    # A naive time's astimezone() asks the system for that day's offset (summer time and all).
    local = midnight.astimezone() if zone is None else midnight.replace(tzinfo=zone)
    return local.astimezone(UTC)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
