"""A surcharge area's name and where it covers, in the owner's language (app/surcharge_areas.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.surcharge_areas import (
    GB_HIGHLANDS,
    GB_NORTHERN_IRELAND,
    GB_OFFSHORE,
    REMOTE,
    US_ALASKA_HAWAII,
    US_TERRITORIES,
    stored_area,
)


def surcharge_name(area: str) -> str:
    """The area's short name ("Highlands & Islands", 도서산간); an order stored before areas ("")
    was charged the remote-area one."""
    names = {
        REMOTE: QCoreApplication.translate("Surcharges", "remote area"),
        GB_HIGHLANDS: QCoreApplication.translate("Surcharges", "Highlands & Islands"),
        GB_NORTHERN_IRELAND: QCoreApplication.translate("Surcharges", "Northern Ireland"),
        GB_OFFSHORE: QCoreApplication.translate("Surcharges", "offshore islands"),
        US_ALASKA_HAWAII: QCoreApplication.translate("Surcharges", "Alaska & Hawaii"),
        US_TERRITORIES: QCoreApplication.translate("Surcharges", "US territories"),
    }
    # An area a later version knows: a surcharge all the same.
    return names.get(stored_area(area), QCoreApplication.translate("Surcharges", "surcharge"))


def surcharge_title(area: str) -> str:
    """The area's name starting a list item or a label: its first letter a capital ("Offshore islands")."""
    name = surcharge_name(area)
    return name[:1].upper() + name[1:]


def as_label(text: str) -> str:
    """Text for a label or button whose "&" marks its Alt letter: an "&" of a name shows as itself."""
    return text.replace("&", "&&")


def surcharge_places(area: str) -> str:
    """Where the area's surcharge applies, as a shop checks an address against it."""
    places = {
        REMOTE: QCoreApplication.translate("Surcharges", "Islands and mountain areas"),
        GB_HIGHLANDS: QCoreApplication.translate(
            "Surcharges",
            "Scottish Highlands and islands: IV, HS, KW, ZE and some AB, FK, KA, PA, PH postcodes",
        ),
        GB_NORTHERN_IRELAND: QCoreApplication.translate("Surcharges", "Northern Ireland: BT postcodes"),
        GB_OFFSHORE: QCoreApplication.translate(
            "Surcharges", "Isle of Man, Channel Islands and Isles of Scilly: IM, GY, JE and TR21–TR25"
        ),
        US_ALASKA_HAWAII: QCoreApplication.translate("Surcharges", "Alaska and Hawaii: AK and HI addresses"),
        US_TERRITORIES: QCoreApplication.translate(
            "Surcharges", "Puerto Rico, Guam, US Virgin Islands and other territories; APO/FPO/DPO addresses"
        ),
    }
    return places.get(stored_area(area), "")
