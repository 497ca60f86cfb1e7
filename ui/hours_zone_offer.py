"""After Settings moved the shop to another country: business hours still on the old country's clock
are offered the new one's zone, asked first (nothing changes without the owner's yes). A country
with several zones opens the hours editor at its time zone instead of guessing one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.automations_store import AutomationsState, automations_state
from app.hours_zone import ZoneOffer, move_hours_zone, zone_offer
from ui import message_box
from ui.automation_dialog import push_automations_now
from ui.confirm import confirm
from ui.context import AppContext
from ui.country_articles import country_in_sentence
from ui.korean_particles import with_particles
from ui.ops import delete_when_closed, failure_sentence, run_op, run_write_returning
from ui.time_zones import zone_city, zone_name

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def offer_hours_zone(
    parent: QWidget | None, ctx: AppContext, old_country: str, new_country: str, country_name: str
) -> None:
    """Read the hours' zone off the GUI thread; then ask, when it is still the old country's."""
    db = ctx.db

    def read(state: AutomationsState) -> None:
        hours = state.doc.business_hours
        offer = zone_offer(hours.timezone, state.doc.revision, old_country, new_country)
        if offer is not None:
            ask(parent, ctx, offer, new_country, country_name)

    run_op(
        lambda: automations_state(db),
        read,
        parent=ctx.hub,
        on_failure=lambda exc: log.info("business hours' zone not read: %s", type(exc).__name__),
    )


def ask(parent: QWidget | None, ctx: AppContext, offer: ZoneOffer, country: str, country_name: str) -> bool:
    """The question, `country` (its ISO code) and the zones named; True when the owner said yes."""
    # “now the United States … The United States has several time zones” in English.
    name = country_in_sentence(country, country_name)
    name_first = country_in_sentence(country, country_name, starts=True)
    title = translate("HoursZoneOffer", "Business hours' time zone")
    keep = translate("HoursZoneOffer", "&Keep {0} time").format(zone_city(offer.current))
    if offer.zone is None:
        text = translate(
            "HoursZoneOffer",
            "The shop's country is now {0}, but its business hours still keep {1} time ({2}). {3} has "
            "several time zones: choose the one your shop keeps its hours in.",
        ).format(name, zone_city(offer.current), zone_name(offer.current), name_first)
        text = with_particles(text)  # "영국(으)로" → "영국으로"
        if not confirm(parent, title, text, translate("HoursZoneOffer", "&Choose the time zone…"), keep=keep):
            return False
        choose_zone(parent, ctx)
        return True
    new = offer.zone
    text = translate(
        "HoursZoneOffer",
        "The shop's country is now {0}, but its business hours still keep {1} time ({2}). Change them "
        "to {3} time ({4})? Away messages “outside business hours” follow the same clock.",
    ).format(name, zone_city(offer.current), zone_name(offer.current), zone_city(new), zone_name(new))
    text = with_particles(text)  # "영국(으)로", "런던 시간(영국 시간)으로" as the names say
    verb = translate("HoursZoneOffer", "&Use {0} time").format(zone_city(new))
    if not confirm(parent, title, text, verb, keep=keep):
        return False
    current = offer.current

    def failed(exc: BaseException) -> None:
        log.warning("business hours' zone not changed: %s", type(exc).__name__)
        message_box.warning(parent, title, failure_sentence(exc))

    run_write_returning(
        ctx,
        lambda session: move_hours_zone(session, current, new),
        lambda _state: push_automations_now(ctx, "the business hours' time zone"),
        parent=ctx.hub,
        on_failure=failed,
    )
    return True


def choose_zone(parent: QWidget | None, ctx: AppContext) -> None:
    """The business hours editor, its time zone box emptied and in hand: the owner picks her city and
    saves (the usual save, which the relay gets), or closes and nothing changes."""
    from ui.business_hours_editor import BusinessHoursEditor

    editor = BusinessHoursEditor(ctx, parent=parent)
    editor.ready.connect(editor.choose_zone_afresh)
    delete_when_closed(editor)
    editor.open()
