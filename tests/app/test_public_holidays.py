"""Public holidays offered as closed days: the country's calendar (lunar holidays included), with
consecutive holidays joined into one stretch named as a shop owner would."""

from __future__ import annotations

from datetime import date

from app.public_holidays import HolidayPeriod, holiday_periods


def test_seollal_and_chuseok_are_one_stretch_each_in_korean() -> None:
    year = holiday_periods("KR", date(2026, 1, 1), date(2026, 12, 31), "ko")
    assert HolidayPeriod(date(2026, 2, 16), date(2026, 2, 18), "설날") in year
    assert HolidayPeriod(date(2026, 9, 24), date(2026, 9, 26), "추석") in year
    assert HolidayPeriod(date(2026, 3, 1), date(2026, 3, 2), "삼일절") in year  # with its substitute Monday
    # The lunar calendar moves: next year's Seollal is in another week, with a substitute day.
    assert HolidayPeriod(date(2027, 2, 6), date(2027, 2, 9), "설날") in holiday_periods(
        "KR", date(2027, 1, 1), date(2027, 12, 31), "ko"
    )


def test_names_follow_the_owners_language_and_unrelated_neighbours_are_both_named() -> None:
    english = holiday_periods("KR", date(2026, 9, 1), date(2026, 9, 30), "en")
    assert english == [HolidayPeriod(date(2026, 9, 24), date(2026, 9, 26), "Chuseok")]
    british = holiday_periods("GB", date(2026, 12, 20), date(2026, 12, 27), "ko")  # no Korean names: English
    assert british == [HolidayPeriod(date(2026, 12, 25), date(2026, 12, 26), "Christmas Day, Boxing Day")]


def test_a_country_the_calendar_does_not_know_offers_nothing() -> None:
    assert holiday_periods("XX", date(2026, 1, 1), date(2026, 12, 31), "ko") == []


def test_a_british_shop_is_offered_easter_monday_and_the_august_bank_holiday() -> None:
    """A shop in London was offered Good Friday and no Easter Monday: the calendar without a region
    keeps only the bank holidays all of Britain shares."""
    spring = holiday_periods("GB", date(2027, 3, 1), date(2027, 8, 31), "en")
    assert HolidayPeriod(date(2027, 3, 29), date(2027, 3, 29), "Easter Monday") in spring
    assert HolidayPeriod(date(2027, 8, 30), date(2027, 8, 30), "Late Summer Bank Holiday") in spring
