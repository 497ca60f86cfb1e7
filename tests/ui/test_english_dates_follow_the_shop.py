"""The relay writes English dates in the order the desktop does for the same shop's country ("Tue 8
Dec" in the UK, "Tue, Dec 8" in the US), and its times on the same clock ("14:00" in the UK, "2:00 PM"
in the US); it has no Qt to ask, so its tables are checked against Qt's."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QLocale

from app.rules import DAY_FIRST_ENGLISH, TWENTY_FOUR_HOUR_ENGLISH
from ui.formatting import month_first
from ui.translations import english_locale


def test_the_relays_day_first_countries_are_the_desktops() -> None:
    # The shop's country decides on a computer without an English of its own (the relay's case).
    desktop = {
        region
        for region in phonenumbers.SUPPORTED_REGIONS
        if not month_first(english_locale(region, system=QLocale.c()))
    }
    assert desktop == set(DAY_FIRST_ENGLISH)
    assert "GB" in DAY_FIRST_ENGLISH and "US" not in DAY_FIRST_ENGLISH and "KR" not in DAY_FIRST_ENGLISH


def test_the_relays_24_hour_countries_are_the_desktops() -> None:
    short = QLocale.FormatType.ShortFormat
    desktop = {
        region
        for region in phonenumbers.SUPPORTED_REGIONS
        if "a" not in english_locale(region, system=QLocale.c()).timeFormat(short).lower()
    }
    assert desktop == set(TWENTY_FOUR_HOUR_ENGLISH)
    assert "GB" in TWENTY_FOUR_HOUR_ENGLISH and "US" not in TWENTY_FOUR_HOUR_ENGLISH
