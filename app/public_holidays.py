"""The public holidays of the shop's country, offered as closed days (Business hours ▸ Closed days).

The `holidays` library knows each country's calendar, lunar holidays included (설날 and 추석 move every
year) and substitute days. Consecutive holidays are one period to offer: 설날 전날, 설날 and 설날 다음날
are "설날", three days; a holiday and its substitute day are one stretch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class HolidayPeriod:
    first: date
    last: date
    name: str  # in the owner's language where the calendar has it, else the country's own


# A country whose calendar without a region leaves out days most of its shops close on: Britain's
# lacks Easter Monday and the August bank holiday (not Scotland's), which England and Wales both keep.
DEFAULT_SUBDIVISIONS = {"GB": "ENG"}


def holiday_periods(country: str, first: date, last: date, language: str) -> list[HolidayPeriod]:
    """The country's public holidays from `first` to `last`, consecutive ones joined; [] for a country
    the calendar does not know. `language`: the UI's ("ko", "en")."""
    import holidays

    years = range(first.year, last.year + 1)
    try:
        probe = holidays.country_holidays(country, years=first.year)
    except NotImplementedError:
        return []
    spoken = [lang for lang in probe.supported_languages if lang.split("_")[0] == language.split("_")[0]]
    calendar = holidays.country_holidays(
        country,
        subdiv=DEFAULT_SUBDIVISIONS.get(country.upper()),
        years=years,
        language=spoken[0] if spoken else None,
    )
    days = sorted((day, name) for day, name in calendar.items() if first <= day <= last)
    periods: list[list[tuple[date, str]]] = []
    for day, name in days:
        if periods and periods[-1][-1][0] + timedelta(days=1) == day:
            periods[-1].append((day, name))
        else:
            periods.append([(day, name)])
    return [HolidayPeriod(run[0][0], run[-1][0], _name([name for _day, name in run])) for run in periods]


def _name(names: list[str]) -> str:
    """A stretch's name: "설날" for 설날 전날, 설날 and 설날 다음날 (and "삼일절" for 삼일절 and its
    substitute day), the one all the others contain; else each named ("Christmas Day, Boxing Day").
    A day with two holidays ("A; B") counts each."""
    each = list(dict.fromkeys(part.strip() for joined in names for part in joined.split(";") if part.strip()))
    if not each:
        return ""
    shortest = min(each, key=len)
    return shortest if all(shortest in name for name in each) else ", ".join(each)
