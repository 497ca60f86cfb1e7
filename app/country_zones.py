"""A country's time zones (IANA's zone.tab) and the one a shop there most likely keeps its hours in."""

from __future__ import annotations

import functools
import logging
import zoneinfo
from collections import defaultdict
from pathlib import Path

log = logging.getLogger(__name__)

# Countries with several zones: the one most of the country lives by (its capital's, or its most
# populous area's). A country with several zones that is not here gets no default: guessing Lord Howe
# Island for an Australian shop would be worse than the computer's own zone.
MAIN_ZONES: dict[str, str] = {
    "AR": "America/Argentina/Buenos_Aires",
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "CD": "Africa/Kinshasa",
    "CL": "America/Santiago",
    "CN": "Asia/Shanghai",
    "CY": "Asia/Nicosia",
    "DE": "Europe/Berlin",
    "EC": "America/Guayaquil",
    "ES": "Europe/Madrid",
    "GL": "America/Nuuk",
    "ID": "Asia/Jakarta",
    "KZ": "Asia/Almaty",
    "MN": "Asia/Ulaanbaatar",
    "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur",
    "NZ": "Pacific/Auckland",
    "PF": "Pacific/Tahiti",
    "PG": "Pacific/Port_Moresby",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "US": "America/New_York",
    "UZ": "Asia/Tashkent",
}


def _zone_tab() -> str | None:
    """zone.tab (one row per country and zone; zone1970.tab files a zone under the first of several
    countries sharing it, so Copenhagen would not be Denmark's) from the tzdata package when it is
    installed (Windows, where it is our dependency), else from this computer's own zone database."""
    from importlib.resources import files

    try:
        return (files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        # Expected off Windows (tzdata is not our dependency there): the system's database follows.
        log.debug("tzdata's zone.tab not read: %s", type(exc).__name__)
    for folder in zoneinfo.TZPATH:
        try:
            return (Path(folder) / "zone.tab").read_text(encoding="utf-8")
        except OSError as exc:
            log.debug("zone.tab not read in %s: %s", folder, type(exc).__name__)
    # Nothing to tell the owner: the business hours keep the computer's zone, as they did before.
    log.warning("no zone.tab found (tzdata or %s): a shop's zone follows the computer's", zoneinfo.TZPATH)
    return None


def parse_zone_tab(text: str) -> dict[str, tuple[str, ...]]:
    """Country code → its zones, in zone.tab's order."""
    zones: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            zones[fields[0].upper()].append(fields[2])
    return {country: tuple(names) for country, names in zones.items()}


@functools.cache
def _table() -> dict[str, tuple[str, ...]]:
    text = _zone_tab()
    if text is not None:
        return parse_zone_tab(text)
    # No zone database files at all: CLDR's table, which babel carries everywhere we run.
    log.info("no zone.tab found; the countries' time zones come from babel's CLDR data")
    from babel.core import get_global

    return {country: tuple(names) for country, names in get_global("territory_zones").items()}


@functools.cache
def _canonical(zone: str) -> str:
    """The zone's current name: an old one ("Asia/Calcutta", "US/Eastern", "ROK") is the same zone."""
    from babel.core import get_global

    return str(get_global("zone_aliases").get(zone, zone))


def country_zones(country: str) -> tuple[str, ...]:
    """The IANA zones of a country (ISO code), () for a code with none."""
    return _table().get(country.upper(), ())


def main_zone(country: str) -> str | None:
    """The zone a shop in `country` most likely keeps: its only one, or MAIN_ZONES's; None when unknown."""
    zones = country_zones(country)
    if len(zones) == 1:
        return zones[0]
    main = MAIN_ZONES.get(country.upper())
    return main if main in zones else None


def in_country(zone: str, country: str) -> bool:
    canonical = _canonical(zone)
    return any(_canonical(name) == canonical for name in country_zones(country))


def shop_zone(country: str, computer_zone: str) -> str:
    """The zone a shop's hours start in: this computer's when it is one of the country's (never second-
    guessed), else the country's main zone (a Korean shop's laptop left on UTC or New York time keeps
    Seoul's hours); the computer's when the country's main zone is not known."""
    if not country or in_country(computer_zone, country):
        return computer_zone
    return main_zone(country) or computer_zone
