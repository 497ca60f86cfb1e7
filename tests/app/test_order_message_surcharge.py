"""A payment message names the area an order's surcharge is for and how much of the amount it is:
a customer in Belfast reads why her total is £7.50 more than her shirt and the postage."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.order_messages import REMINDER, PreparedMessage, prepare_message
from app.order_queries import OrderDetail, order_detail
from app.order_settings import OrderSettings, save_order_settings
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from app.surcharge_areas import GB_NORTHERN_IRELAND, REMOTE
from tests.support.factories import make_contact

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
SETTINGS = OrderSettings(bank_account="Monzo 04-00-04 12345678 (Linen House)")


def belfast_order(
    db: Database, area: str, surcharge: int, currency: str = "GBP", price: int = 3900, postage: int = 395
) -> OrderDetail:
    with db.write() as s:
        save_order_settings(s, SETTINGS)
        create_item(
            s, ItemDraft(name="Linen shirt", price_minor=price, currency=currency, retailer_id="LN-IV")
        )
        olivia = make_contact(s, profile_name="Olivia Brown", last_inbound_at=NOW - timedelta(hours=1))
        charges = Charges(shipping_minor=postage, surcharge_minor=surcharge, surcharge_area=area)
        order_id = create_order(
            s,
            contact_id=olivia.id,
            lines=[LineInput("LN-IV", 1)],
            source="chat",
            charges=charges,
            currency=currency,
            now=NOW,
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
    with db.read() as s:
        return order_detail(s, order_id)


def prepared(order: OrderDetail, language: str, locale: str, reminder: bool = False, **kw: object) -> str:
    settings = kw.get("settings", SETTINGS)
    assert isinstance(settings, OrderSettings)
    message = prepare_message(
        order,
        settings,
        language=language,
        locale=locale,
        deadline_text="Tue 8 Dec",
        last_inbound_at=NOW - timedelta(hours=1),
        now=NOW,
        reminder=reminder,
    )
    assert isinstance(message, PreparedMessage) and message.inside_window
    assert message.state == (REMINDER if reminder else OrderState.AWAITING_PAYMENT)
    return message.text


def test_the_payment_message_says_the_northern_ireland_surcharge_under_the_amount(db: Database) -> None:
    order = belfast_order(db, GB_NORTHERN_IRELAND, 750)
    lines = prepared(order, "en", "en_GB").split("\n")
    at = lines.index("Amount: £50.45")  # £39.00 + £3.95 postage + £7.50
    assert lines[at + 1] == "Includes a £7.50 delivery surcharge for Northern Ireland"
    reminder = prepared(order, "en", "en_GB", reminder=True)
    assert "Includes a £7.50 delivery surcharge for Northern Ireland" in reminder


def test_a_korean_customer_reads_the_area_and_amount_in_korean(db: Database) -> None:
    order = belfast_order(db, REMOTE, 3000, currency="KRW", price=39000, postage=3000)
    text = prepared(order, "ko", "ko_KR")
    assert "결제 금액: 45,000원\n도서산간 추가 배송비 3,000원 포함\n입금 계좌:" in text


def test_no_line_without_a_surcharge_nor_in_the_owners_own_words(db: Database) -> None:
    order = belfast_order(db, "", 0)
    assert "surcharge" not in prepared(order, "en", "en_GB")
    surcharged = dataclasses.replace(order, surcharge_minor=750, surcharge_area=GB_NORTHERN_IRELAND)
    own = dataclasses.replace(SETTINGS, messages={"awaiting_payment": "{name}, please send {total}."})
    assert prepared(surcharged, "ko", "en_GB", settings=own) == "Olivia Brown, please send £42.95."
