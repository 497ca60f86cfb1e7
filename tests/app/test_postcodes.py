"""A British, American or Korean customer writes her postcode in her address line: the order keeps it
as its postcode, and marking it shipped or the courier's file never says "no postcode" for it."""

from __future__ import annotations

import pytest

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from app.postcodes import postcode_in_address
from app.settings import update_preferences
from app.shipping_sheets import (
    AddressGap,
    ShippingAddress,
    address_gaps,
    courier_rows,
    gaps_before_shipping,
    set_shipping_address,
)
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


@pytest.mark.parametrize(
    ("address", "postcode"),
    [
        # As the 우편번호 search pages and shopping sites copy it, and as customers type it.
        ("(06236) 서울 강남구 테헤란로 123", "06236"),
        ("[06236] 서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)", "06236"),
        ("서울특별시 강남구 테헤란로 123 (역삼동) 06236", "06236"),
        ("서울특별시 강남구 테헤란로 123 역삼동 06236", "06236"),
        ("우편번호 06236 서울 강남구 테헤란로 123", "06236"),
        ("우편번호: 13529 경기 성남시 분당구 판교역로 235 에이치스퀘어 N동", "13529"),
        ("(우)48058 부산 해운대구 센텀중앙로 79", "48058"),
        ("우) 61945 광주 서구 상무중앙로 110", "61945"),
        ("06236 서울 강남구 테헤란로 123", "06236"),
        ("제주특별자치도 제주시 첨단로 242 63309", "63309"),
        ("경기 고양시 일산동구 중앙로 1036, 10401", "10401"),
        ("부산 48058 해운대구 센텀중앙로 79", "48058"),  # not a mountain lot: 부산 ends in 산
        ("경기 안산시 단원구 광덕대로 12 신동 15335", "15335"),
        ("세종특별자치시 한누리대로 2130 (보람동) [30151]", "30151"),
        ("서울 강남구 테헤란로 123 래미안 101동 1203호 06236", "06236"),
        ("서울 송파구 올림픽로 300 (신천동) 05551 010-1234-5678", "05551"),
        ("（０６２３６）서울 강남구 테헤란로 123", "06236"),  # typed on a full-width keyboard
        # Numbers a Korean address has that are not its postcode.
        ("서울 강남구 테헤란로 152", ""),
        ("서울 강남구 테헤란로 12345", ""),  # a building on its road
        ("경기 수원시 팔달구 중부대로123번길 12345", ""),
        ("서울 종로구 종로 33 지하 12345", ""),
        ("서울 강남구 역삼동 737-32", ""),  # a lot
        ("강원 평창군 대관령면 산 12345", ""),
        ("서울 강남구 테헤란로 123 래미안아파트 101동 1203호", ""),
        ("서울 강남구 테헤란로 123 래미안 101동 12034", ""),  # a flat in its block
        ("경기 성남시 분당구 판교역로 235 B동 10203", ""),
        ("서울 강남구 테헤란로 123 12345호", ""),
        ("서울 강남구 테헤란로 123 5층 01012345678", ""),  # a phone
        ("서울 강남구 테헤란로 123 010-1234-5678", ""),
        ("서울 강남구 테헤란로 123 연락처 02-1234-5678", ""),
        ("서울 강남구 테헤란로 123 HP: 01234", ""),
        ("(135-080) 서울 강남구 역삼동 737", ""),  # the old 6-digit 우편번호
        ("서울 강남구 테헤란로 123 135080", ""),
        ("서울 강남구 테헤란로 123 00123", ""),  # no province's number
        ("서울 강남구 테헤란로 123 착불 30000원", ""),
        ("서울 강남구 테헤란로 123 사서함 12345", ""),
    ],
)
def test_the_5_digit_postcode_a_korean_customer_wrote_in_her_address_is_found(
    address: str, postcode: str
) -> None:
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


def test_a_korean_address_line_with_its_postcode_can_be_shipped_and_fills_the_courier_file(
    db: Database,
) -> None:
    order_id = _paid_order(db, "KR")
    with db.write() as s:
        stored = s.get(Order, order_id)
        assert stored is not None
        stored.postcode, stored.address = "", "서울특별시 강남구 테헤란로 123 (역삼동) 06236"
    assert gaps_before_shipping("", "(06236) 서울 강남구 테헤란로 123", "") == ()
    assert gaps_before_shipping("", "서울 강남구 테헤란로 12345", "") == (AddressGap.POSTCODE,)
    with db.read() as s:
        sheet = courier_rows(s)
    assert sheet.left_out == () and sheet.rows[1][3] == "06236"
    with db.write() as s:
        where = ShippingAddress(
            "이하은", "010-1234-5678", "", "[13529] 경기 성남시 분당구 판교역로 235", "", ""
        )
        set_shipping_address(s, order_id, where)
        saved = s.get(Order, order_id)
        assert saved is not None and saved.postcode == "13529"
