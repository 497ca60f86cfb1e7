"""Surcharges follow the shop's country: 도서산간 in Korea, Highlands & Islands, Northern Ireland and
offshore islands in the UK, Alaska & Hawaii and territories in the US; orders keep theirs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.catalog import ItemDraft, create_item
from app.db import Database, upgrade
from app.models import Order
from app.order_actions import load_order
from app.order_changes import CHANGED, change_order
from app.order_settings import (
    OrderSettings,
    default_charges,
    default_order_settings,
    load_order_settings,
    save_order_settings,
)
from app.orders import LineInput, create_order
from app.surcharge_areas import (
    GB_HIGHLANDS,
    GB_NORTHERN_IRELAND,
    GB_OFFSHORE,
    REMOTE,
    US_ALASKA_HAWAII,
    US_TERRITORIES,
    surcharge_areas,
)
from tests.support.factories import make_contact


def test_each_country_is_offered_the_surcharges_its_couriers_charge() -> None:
    assert surcharge_areas("KR") == (REMOTE,)
    assert surcharge_areas("gb") == (GB_HIGHLANDS, GB_NORTHERN_IRELAND, GB_OFFSHORE)
    assert surcharge_areas("US") == (US_ALASKA_HAWAII, US_TERRITORIES)
    assert surcharge_areas("DE") == (REMOTE,)  # elsewhere: one remote-area surcharge


def uk_settings() -> OrderSettings:
    return default_order_settings("GBP").replace(
        shipping_minor=395, area_surcharges={GB_HIGHLANDS: 500, GB_NORTHERN_IRELAND: 700}
    )


def test_a_uk_shop_charges_the_highlands_amount_and_the_order_keeps_where_it_was_for(db) -> None:
    with db.write() as s:
        save_order_settings(s, uk_settings())
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4500, currency="GBP", retailer_id="SHIRT"))
        contact = make_contact(s, profile_name="Amy Clarke")
    with db.read() as s:
        settings = load_order_settings(s)  # stored and read back from the real file
    charges = default_charges(settings, 4500, currency="GBP", area=GB_HIGHLANDS)
    assert (charges.shipping_minor, charges.surcharge_minor, charges.surcharge_area) == (
        395,
        500,
        GB_HIGHLANDS,
    )
    assert default_charges(settings, 4500, currency="GBP", area=GB_OFFSHORE).surcharge_minor == 0  # not set
    assert (
        default_charges(settings, 4500, currency="KRW", area=GB_HIGHLANDS).surcharge_minor == 0
    )  # in pounds
    with db.write() as s:
        order_id = create_order(
            s,
            contact_id=contact.id,
            lines=[LineInput("SHIRT", 1)],
            source="chat",
            charges=charges,
            currency="GBP",
        ).id
    detail = load_order(db, order_id)
    assert (detail.surcharge_minor, detail.surcharge_area, detail.total_minor) == (500, GB_HIGHLANDS, 5395)


def test_the_same_fee_for_another_place_is_a_change_the_history_names(db) -> None:
    with db.write() as s:
        save_order_settings(
            s, uk_settings().replace(area_surcharges={GB_HIGHLANDS: 700, GB_NORTHERN_IRELAND: 700})
        )
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4500, currency="GBP", retailer_id="SHIRT"))
        contact = make_contact(s, profile_name="Amy Clarke")
        settings = load_order_settings(s)
        lines = [LineInput("SHIRT", 1)]
        highlands = default_charges(settings, 4500, currency="GBP", area=GB_HIGHLANDS)
        order_id = create_order(
            s, contact_id=contact.id, lines=lines, source="chat", charges=highlands, currency="GBP"
        ).id
        belfast = default_charges(settings, 4500, currency="GBP", area=GB_NORTHERN_IRELAND)
        changed = change_order(s, order_id, [LineInput("SHIRT", 1, price=None)], belfast)
    assert changed.total_before == changed.total_after == 5595
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.surcharge_area == GB_NORTHERN_IRELAND
        [event] = [e for e in order.events if e.kind == CHANGED]
        assert json.loads(event.note)["surcharge_area"] == [GB_HIGHLANDS, GB_NORTHERN_IRELAND, 700, 700]


def test_an_order_surcharged_before_areas_keeps_its_remote_area_fee(db_path: Path) -> None:
    upgrade(db_path, "0016")
    raw = sqlite3.connect(db_path)
    raw.execute(
        'INSERT INTO "order" (number, year, seq, source, state, currency, subtotal_minor, shipping_minor,'
        " surcharge_minor, discount_minor, total_minor, note, memo, created_at, updated_at)"
        " VALUES ('2026-0001', 2026, 1, 'chat', 'new', 'KRW', 39000, 3000, 3000, 0, 45000, '', '', 0, 0)"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        with db.read() as s:
            order_id = s.query(Order.id).scalar()
            # Korean settings stored before areas: their one surcharge is the remote-area one.
            assert load_order_settings(s).remote_surcharge_minor == 3000
        detail = load_order(db, order_id)
    finally:
        db.close()
    assert (detail.surcharge_minor, detail.surcharge_area, detail.total_minor) == (3000, "", 45000)
