"""The business hours' time zone when the owner moves the shop to another country in Settings: hours
still on the old country's clock (a Seoul shop now in London) are offered the new country's zone."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.automations_store import AUTOMATIONS_CHANGED, AutomationsState, load_state, save_local
from app.changes import Changes
from app.country_zones import country_zones, in_country


@dataclass(frozen=True, slots=True)
class ZoneOffer:
    """The hours' zone now (`current`) and the new country's (`zone`); None when the country has
    several and the owner chooses among them: guessing New York for a shop in Los Angeles would put
    its hours three hours off."""

    current: str
    zone: str | None


def zone_offer(hours_zone: str, revision: int, old_country: str, new_country: str) -> ZoneOffer | None:
    """What to offer once the country went from `old_country` to `new_country`: nothing when the
    hours were never saved (they follow the shop's country by themselves), are on one of the new
    country's zones already, or on a zone the old country does not keep either (the owner's choice)."""
    if not new_country or old_country == new_country:
        return None
    if not revision and hours_zone == "UTC":
        return None
    if in_country(hours_zone, new_country) or not old_country or not in_country(hours_zone, old_country):
        return None
    zones = country_zones(new_country)
    if not zones:
        return None
    return ZoneOffer(hours_zone, zones[0] if len(zones) == 1 else None)


def move_hours_zone(session: Session, from_zone: str, to_zone: str) -> tuple[AutomationsState, Changes]:
    """The business hours on `to_zone`, saved here as an editor's save is (the relay is told next);
    unchanged when they no longer keep `from_zone` (changed in the hours editor meanwhile)."""
    state = load_state(session)
    doc = state.doc
    if doc.business_hours.timezone != from_zone:
        return state, Changes()
    hours = doc.business_hours.model_copy(update={"timezone": to_zone})
    return save_local(
        session, doc.model_copy(update={"business_hours": hours}, deep=True)
    ), AUTOMATIONS_CHANGED
