"""Time zones in the owner's words: "서울 — 한국 시간" where the relay and the rules keep "Asia/Seoul".

Qt names zones by their IANA id, or by a standard-time name all year; babel (already ours for prices
and dates) has each zone's city and its generic name in every language the UI speaks.
"""

from __future__ import annotations

import functools
import threading
import zoneinfo
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimeZone
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ui.formatting import babel_locale_name

if TYPE_CHECKING:  # the menus import this module before the first paint: no pydantic then
    from app.wire import Automations

# IANA's old country-wide names (US/Eastern, Canada/…): babel lists most as aliases, not these.
_OLD_AREAS = ("Etc/", "SystemV/", "US/", "Canada/", "Mexico/", "Brazil/", "Chile/")


@functools.cache
def known_zones() -> frozenset[str]:
    """Every IANA id this computer knows. zoneinfo walks its database's folders at each call of
    `available_timezones` (~8 ms); the box asks at each edit, the database does not change meanwhile."""
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _aliases() -> dict[str, str]:
    from babel.core import get_global

    return dict(get_global("zone_aliases"))


def _canonical(key: str) -> str:
    return _aliases().get(key, key)


def _named(key: str) -> bool:
    """Whether babel knows the zone by a place (not "UTC", "Etc/GMT-9" or an unknown id)."""
    canonical = _canonical(key)
    return "/" in canonical and not canonical.startswith(_OLD_AREAS)


def zone_name(key: str, locale: str | None = None) -> str:
    """The zone's generic name, the short form beside a time: "한국 시간", "Korean Time"; the id
    itself for a zone with no place ("UTC")."""
    return _zone_name(key, locale or babel_locale_name())


def zone_city(key: str, locale: str | None = None) -> str:
    """The zone's city: "서울", "Seoul" (the id for a zone with no place)."""
    return _zone_city(key, locale or babel_locale_name())


@functools.cache
def _zone_name(key: str, locale: str) -> str:
    if not _named(key):
        return key
    from babel.dates import get_timezone_name

    try:
        return str(get_timezone_name(_canonical(key), "long", locale=locale))
    except (LookupError, ValueError):
        return key


@functools.cache
def _zone_city(key: str, locale: str) -> str:
    if not _named(key):
        return key
    from babel.dates import get_timezone_location

    try:
        return str(get_timezone_location(_canonical(key), locale=locale, return_city=True))
    except (LookupError, ValueError):
        return key


def system_timezone() -> str:
    """The IANA name of this computer's zone. One that zoneinfo does not know (a POSIX `TZ` such as
    "KST-9", which Qt hands on as the zone's id; exporting a chat then failed) is the `Etc/GMT` zone
    of its offset now when that is whole hours ("Etc/GMT-9"), else "UTC"."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    if name in known_zones():
        return name
    offset = datetime.now().astimezone().utcoffset() or timedelta()
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    fixed = f"Etc/GMT{-hours:+d}"  # Etc's signs are POSIX's: UTC+9 is "Etc/GMT-9"
    return fixed if hours and not rest and fixed in known_zones() else "UTC"


def shop_default_zone(country: str) -> str:
    """The zone a shop's hours start in: this computer's, unless it is not one of the shop's country's
    zones (a Korean shop's laptop on UTC or New York time): then the country's main one."""
    from app.country_zones import shop_zone

    computer = system_timezone()
    zone = shop_zone(country, computer)
    return zone if zone in known_zones() else computer


def with_shop_zone(doc: Automations, country: str) -> Automations:
    """The rules of a shop that never saved them keep their business hours on "UTC", the wire's
    default: the shop's zone instead (`shop_default_zone`), as the hours editor shows it. An away
    message "outside business hours" switched on before the hours were ever opened then runs on the
    shop's clock, not nine hours off in Seoul."""
    if doc.revision or doc.business_hours.timezone != "UTC":
        return doc
    zone = shop_default_zone(country)
    if zone == "UTC":
        return doc
    hours = doc.business_hours.model_copy(update={"timezone": zone})
    return doc.model_copy(update={"business_hours": hours}, deep=True)


def utc_offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_label(key: str, locale: str | None = None, now: datetime | None = None) -> str:
    """How the zone is listed: "(UTC+09:00) 서울 — 한국 시간"."""
    try:
        offset = (now or datetime.now(UTC)).astimezone(zoneinfo.ZoneInfo(key)).utcoffset() or timedelta(0)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return key
    city, name = zone_city(key, locale), zone_name(key, locale)
    place = city if name in (city, key) else f"{city} — {name}"
    return f"({utc_offset_text(offset)}) {place}"


@functools.cache
def _zone_choices(locale: str, day: str) -> tuple[tuple[str, str], ...]:
    """(label, id) of every zone with a place, east of UTC last, by label within an offset."""
    now = datetime.fromisoformat(day).replace(tzinfo=UTC)
    keys = [k for k in known_zones() if _named(k) and _canonical(k) == k]
    rows = []
    for key in keys:
        offset = now.astimezone(zoneinfo.ZoneInfo(key)).utcoffset() or timedelta(0)
        rows.append((offset, zone_label(key, locale, now), key))
    rows.append((timedelta(0), "(UTC+00:00) UTC", "UTC"))
    return tuple((label, key) for _, label, key in sorted(rows))


def zone_choices(locale: str | None = None) -> tuple[tuple[str, str], ...]:
    # Offsets as of today (summer time moves some), worked out once a day.
    return _zone_choices(locale or babel_locale_name(), datetime.now(UTC).date().isoformat())


def prepare_zone_choices() -> None:
    """Name the zones in a thread of their own (a menu that leads to a time zone box calls it as it
    opens): the box then builds in a few milliseconds instead of ~0.1 s on the GUI thread."""
    locale, day = babel_locale_name(), datetime.now(UTC).date().isoformat()
    if (locale, day) in _prepared:
        return
    _prepared.add((locale, day))
    threading.Thread(target=_zone_choices, args=(locale, day), name="zone-names", daemon=True).start()


_prepared: set[tuple[str, str]] = set()


class TimeZoneBox(QComboBox):
    """A time zone chosen by its city or name in the owner's language, found by typing any part of
    it ("서울", "한국"); an IANA id typed whole ("Asia/Seoul") is taken too. `zone()` is the id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        for label, key in zone_choices():
            self.addItem(label, key)
            self.setItemData(self.count() - 1, key, Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def zone(self) -> str | None:
        """The IANA id of the zone shown (None: the text names none)."""
        text = self.currentText().strip()
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(self.itemData(found))
        if text in known_zones():
            return text
        return None

    def set_zone(self, key: str) -> None:
        """Show `key`; an id the list does not hold (an old alias, "Etc/GMT-9") is added as itself."""
        found = self.findData(key)
        if found < 0:
            # Named as itself too: an alias's place is listed already under its own id.
            label = f"{zone_label(key)} · {key}" if key in known_zones() else key
            self.addItem(label, key)
            found = self.count() - 1
        self.setCurrentIndex(found)
