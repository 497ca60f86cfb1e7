"""Locale names from Qt or the system become babel locales; C and POSIX become en_US, never en_US_POSIX."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date

from app.locales import babel_locale
from app.money import format_price


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ko_KR", "ko_KR"),
        ("ko-KR", "ko_KR"),
        ("ko_KR.UTF-8", "ko_KR"),
        ("en_US.UTF-8", "en_US"),
        ("de_DE@euro", "de_DE"),
        ("ko", "ko"),
    ],
)
def test_a_real_locale_is_kept_whatever_way_it_is_written(name: str, expected: str) -> None:
    assert babel_locale(name) == expected


@pytest.mark.parametrize(
    "name", ["C", "POSIX", "C.UTF-8", "c", "en_US_POSIX", "en_US@posix", "", None, "xx_YY"]
)
def test_no_locale_at_all_is_american_english(name: str | None) -> None:
    assert babel_locale(name) == "en_US"


@pytest.mark.parametrize("name", ["C", "POSIX", "C.UTF-8", "en_US_POSIX", ""])
def test_prices_under_a_posix_locale_are_grouped_like_american_ones(name: str) -> None:
    assert format_price(15000, "KRW", name) == "₩15,000"
    assert format_price(123456, "USD", name) == "$1,234.56"


def test_dates_under_a_posix_locale_are_american_ones() -> None:
    assert format_date(date(2026, 11, 24), "full", locale=babel_locale("C")) == "Tuesday, November 24, 2026"
