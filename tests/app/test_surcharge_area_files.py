"""A chat export and the orders sheet name the area an order's surcharge was for (Northern Ireland,
Alaska & Hawaii, 도서산간), not "remote area" for every country; an order stored before areas keeps
reading as the remote-area fee it was."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest

from app.catalog import ItemDraft, create_item
from app.chat_export.exporter import export_chat
from app.db import Database
from app.models import Order
from app.orders import order_from_cart
from app.settings import update_preferences
from app.shipping_sheets import ORDER_COLUMNS, order_columns_en, order_sheet_rows
from app.surcharge_areas import GB_NORTHERN_IRELAND, REMOTE, US_ALASKA_HAWAII
from tests.app.test_chat_import_export import _cart_message
from tests.support.factories import make_contact

WHEN = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def surcharged_cart_order(db: Database, area: str, fee: int = 750) -> tuple[int, str]:
    """Amy's cart became an order charged `fee` for `area` ("" as orders stored before areas): the
    contact's id and the order's number."""
    with db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4500, currency="KRW", retailer_id="SHIRT"))
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy")
        order = order_from_cart(s, _cart_message(s, amy, [("SHIRT", 1, 4500)], "", WHEN))
        stored = s.get(Order, order.id)
        assert stored is not None
        stored.surcharge_minor, stored.surcharge_area = fee, area
        stored.total_minor += fee
        return amy.id, order.number


@pytest.mark.parametrize(
    ("area", "english", "korean"),
    [
        (GB_NORTHERN_IRELAND, "Northern Ireland ₩750", "북아일랜드 750원"),
        (US_ALASKA_HAWAII, "Alaska & Hawaii ₩750", "알래스카·하와이 750원"),
        (REMOTE, "Remote area ₩750", "도서산간 750원"),
        ("", "Remote area ₩750", "도서산간 750원"),  # stored before areas
    ],
)
def test_the_chat_export_names_the_area_the_order_was_charged_for(
    db: Database, tmp_path: Path, area: str, english: str, korean: str
) -> None:
    contact_id, _number = surcharged_cart_order(db, area)
    cases: tuple[tuple[Literal["en", "ko"], str, str], ...] = (
        ("en", "en_US", english),
        ("ko", "ko_KR", korean),
    )
    for language, locale, expected in cases:
        path = tmp_path / f"chat-{language}.txt"
        export_chat(
            db, tmp_path / "media", contact_id, path,
            time_zone="Asia/Seoul", shop_name="Shop", language=language, locale=locale,
        )  # fmt: skip
        lines = path.read_text(encoding="utf-8").splitlines()
        assert expected in lines, lines


@pytest.mark.parametrize(
    ("region", "area", "named"),
    [
        ("GB", GB_NORTHERN_IRELAND, "Northern Ireland"),
        ("US", US_ALASKA_HAWAII, "Alaska & Hawaii"),
        ("GB", "", "Remote area"),  # stored before areas
        ("KR", REMOTE, "도서산간"),
        ("KR", "", "도서산간"),
    ],
)
def test_the_orders_sheet_says_which_area_each_surcharge_was_for(
    db: Database, region: str, area: str, named: str
) -> None:
    update_preferences(db, shop_region=region)
    _contact_id, number = surcharged_cart_order(db, area)
    with db.read() as s:
        header, *rows = order_sheet_rows(s)
    columns = ORDER_COLUMNS if region == "KR" else order_columns_en(region)
    assert tuple(header) == columns
    amount, where = ("추가 배송비", "추가 배송비 지역") if region == "KR" else ("Surcharge", "Surcharge area")
    row = next(r for r in rows if r[0] == number)
    assert row[columns.index(where)] == named
    assert row[columns.index(amount)] == Decimal(750)
