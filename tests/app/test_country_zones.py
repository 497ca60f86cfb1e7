"""A shop's country and its time zones: the computer's zone kept when it is the country's, else the main one."""

from __future__ import annotations

import pytest

from app.country_zones import country_zones, in_country, main_zone, parse_zone_tab, shop_zone


def test_the_countries_come_from_iana_zone_tab() -> None:
    assert country_zones("KR") == ("Asia/Seoul",)
    assert "America/Chicago" in country_zones("us") and "Europe/Copenhagen" in country_zones("DK")
    assert country_zones("XX") == ()


def test_a_korean_shop_on_a_computer_in_utc_or_new_york_gets_seoul() -> None:
    assert shop_zone("KR", "UTC") == "Asia/Seoul"
    assert shop_zone("KR", "America/New_York") == "Asia/Seoul"


def test_a_computer_zone_of_the_shops_country_is_never_second_guessed() -> None:
    assert shop_zone("KR", "Asia/Seoul") == "Asia/Seoul"
    assert shop_zone("US", "America/Los_Angeles") == "America/Los_Angeles"
    assert shop_zone("ES", "Atlantic/Canary") == "Atlantic/Canary"
    # An old name of one of the country's zones is that zone.
    assert in_country("Asia/Calcutta", "IN") and shop_zone("IN", "Asia/Calcutta") == "Asia/Calcutta"
    assert shop_zone("KR", "ROK") == "ROK"


@pytest.mark.parametrize(
    ("country", "main"),
    [("US", "America/New_York"), ("BR", "America/Sao_Paulo"), ("MX", "America/Mexico_City"),
     ("ID", "Asia/Jakarta"), ("JP", "Asia/Tokyo"), ("GB", "Europe/London"), ("AU", "Australia/Sydney")],
)  # fmt: skip
def test_a_country_with_several_zones_defaults_to_its_main_one(country: str, main: str) -> None:
    assert main_zone(country) == main
    assert shop_zone(country, "UTC") == main


def test_every_country_the_shop_place_offers_first_has_a_main_zone() -> None:
    from ui.shop_place import COUNTRIES

    assert all(main_zone(code) in country_zones(code) for code, _currency in COUNTRIES)


def test_no_country_or_no_known_main_zone_keeps_the_computers() -> None:
    assert shop_zone("", "Europe/Paris") == "Europe/Paris"
    assert main_zone("PS") is None and shop_zone("PS", "UTC") == "UTC"  # Gaza or Hebron: no guess


def test_zone_tab_rows_are_read_by_country_in_order() -> None:
    text = "# comment\nKR\t+3733+12658\tAsia/Seoul\nUS\t+404251-0740023\tAmerica/New_York\tEastern\n"
    text += "US\t+415100-0873900\tAmerica/Chicago\tCentral\n"
    assert parse_zone_tab(text) == {"KR": ("Asia/Seoul",), "US": ("America/New_York", "America/Chicago")}
