"""A British or American customer writes her postcode in her address line: the order keeps it as its
postcode, and marking it shipped or the courier's file never says "no postcode" for it."""

from __future__ import annotations

import pytest

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from app.postcodes import postcode_in_address
from app.settings import update_preferences
from app.shipping_sheets import AddressGap, ShippingAddress, address_gaps, courier_rows, set_shipping_address
from tests.support.factories import make_contact


@pytest.mark.parametrize(
    ("address", "postcode"),
    [
        ("221B Baker Street, London NW1 6XE, United Kingdom", "NW1 6XE"),
        ("12 Botanic Avenue, Belfast bt71jl", "BT7 1JL"),
        ("Flat 2, 10 Downing St, SW1A 2AA", "SW1A 2AA"),
        ("Suite B2 2nd floor, Leeds LS1 4AP", "LS1 4AP"),
        ("350 Fifth Avenue, New York, NY 10118", "10118"),
        ("2255 Kalakaua Ave, Honolulu, HI 96815-1234", "96815-1234"),
        ("Suite B2 2nd floor, 5 Main Street", ""),  # "B2 2nd" is a floor, not a postcode
        ("서울 강남구 테헤란로 152", ""),
        ("", ""),
    ],
)
def test_the_postcode_a_customer_wrote_in_her_address_is_found(address: str, postcode: str) -> None:
    assert postcode_in_address(address) == postcode


def _paid_order(db: Database, region: str) -> int:
    update_preferences(db, shop_region=region, currency="GBP")
    with db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=3900, currency="GBP", retailer_id="LN"))
        amy = make_contact(s, profile_name="Amy Clarke")
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("LN", 1)], source="chat", currency="GBP"
        ).id
        move_order(s, order_id, OrderState.PAID)
        return order_id


def test_a_british_address_line_fills_the_empty_postcode_and_the_courier_file_has_it(db: Database) -> None:
    order_id = _paid_order(db, "GB")
    with db.write() as s:
        where = ShippingAddress("Amy Clarke", "07700 900123", "", "221B Baker Street, London NW1 6XE", "", "")
        set_shipping_address(s, order_id, where)
        stored = s.get(Order, order_id)
        assert stored is not None
        assert (stored.postcode, stored.address) == ("NW1 6XE", "221B Baker Street, London NW1 6XE")
    with db.read() as s:
        sheet = courier_rows(s)
    assert sheet.left_out == ()
    assert sheet.rows[1][3] == "NW1 6XE"


def test_an_order_stored_with_the_postcode_only_in_its_address_is_not_said_to_lack_one(db: Database) -> None:
    order_id = _paid_order(db, "GB")
    with db.write() as s:
        stored = s.get(Order, order_id)
        assert stored is not None
        stored.postcode, stored.address = "", "221B Baker Street, London NW1 6XE, United Kingdom"
    with db.read() as s:
        sheet = courier_rows(s)
    assert sheet.left_out == () and sheet.rows[1][3] == "NW1 6XE"
    assert address_gaps("", "221B Baker Street, London NW1 6XE") == ()
    assert address_gaps("", "221B Baker Street, London") == (AddressGap.POSTCODE,)
