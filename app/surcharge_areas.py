"""The places a shop's couriers charge extra to reach, by the shop's country (Korea's 도서산간)."""

from __future__ import annotations

# Area keys, stored on an order (`Order.surcharge_area`) and in the order settings. Their names
# are the UI's to say (ui/surcharge_names.py); files written in a fixed language (a chat export, the
# orders sheet) name them from AREA_NAMES.
REMOTE = "remote"  # islands and mountain areas (도서산간); "" on an order stored before areas
GB_HIGHLANDS = "gb_highlands"  # Scottish Highlands & Islands (IV, HS, KW, ZE, PA… postcodes)
GB_NORTHERN_IRELAND = "gb_northern_ireland"  # BT postcodes
GB_OFFSHORE = "gb_offshore"  # Isle of Man, Channel Islands, Isles of Scilly
US_ALASKA_HAWAII = "us_alaska_hawaii"
US_TERRITORIES = "us_territories"  # Puerto Rico, Guam, US Virgin Islands, APO/FPO/DPO

# What the shops of a country are charged extra for, as British and American couriers price them:
# Royal Mail's and the parcel firms' "Highlands & Islands", Northern Ireland and offshore zones;
# USPS's and UPS's Alaska, Hawaii and territories. A country not named here gets the one
# remote-area surcharge Korean shops know as 도서산간, in words any country reads.
HOME_AREAS: dict[str, tuple[str, ...]] = {
    "KR": (REMOTE,),
    "GB": (GB_HIGHLANDS, GB_NORTHERN_IRELAND, GB_OFFSHORE),
    "US": (US_ALASKA_HAWAII, US_TERRITORIES),
}
ALL_AREAS = tuple(dict.fromkeys(area for areas in HOME_AREAS.values() for area in areas))


def surcharge_areas(shop_region: str) -> tuple[str, ...]:
    """The surcharges a shop in `shop_region` (ISO country) charges, as couriers there price them."""
    return HOME_AREAS.get(shop_region.upper(), (REMOTE,))


def stored_area(area: str) -> str:
    """The area an order's stored surcharge is for: one stored before areas ("") was the remote one."""
    return area or REMOTE


# An area's name in the languages files are written in (the UI's own are in its translations).
AREA_NAMES: dict[str, dict[str, str]] = {
    "en": {
        REMOTE: "Remote area",
        GB_HIGHLANDS: "Highlands & Islands",
        GB_NORTHERN_IRELAND: "Northern Ireland",
        GB_OFFSHORE: "Offshore islands",
        US_ALASKA_HAWAII: "Alaska & Hawaii",
        US_TERRITORIES: "US territories",
    },
    "ko": {
        REMOTE: "도서산간",
        GB_HIGHLANDS: "스코틀랜드 하일랜드·섬",
        GB_NORTHERN_IRELAND: "북아일랜드",
        GB_OFFSHORE: "영국 본토 밖 섬",
        US_ALASKA_HAWAII: "알래스카·하와이",
        US_TERRITORIES: "미국 해외 영토",
    },
}
_SOME_SURCHARGE = {"en": "Surcharge", "ko": "추가 배송비"}  # an area a later version knows


def area_name(area: str, language: str) -> str:
    """The name of the area an order's surcharge was for, in `language` ("en" or "ko"); an order
    stored before areas ("") reads as the remote area, as it was charged."""
    names = AREA_NAMES.get(language, AREA_NAMES["en"])
    return names.get(stored_area(area), _SOME_SURCHARGE.get(language, _SOME_SURCHARGE["en"]))
