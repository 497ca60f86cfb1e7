"""The shop's shipping amounts keep the currency they were set in: a change of the shop's currency
never turns 3,000 won into $30.00."""

from __future__ import annotations

from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.db import Database
from app.models import Order
from app.order_settings import ORDER_SETTINGS_KEY, OrderSettings, load_order_settings, shop_charges
from app.orders import LineInput, create_order
from app.settings import put_setting, update_preferences

# As the order settings were stored before they named their currency.
UNNAMED_WON_DEFAULTS = {
    "shipping_minor": 3000,
    "remote_surcharge_minor": 3000,
    "free_over_minor": 50000,
    "payment_days": 3,
    "bank_account": "국민은행 123-45-678901",
}


def a_shop_with_a_tote_and_a_notebook(db: Database) -> None:
    with db.write() as s:
        create_item(s, ItemDraft(name="Canvas tote", price_minor=2499, currency="USD", retailer_id="TOTE"))
        create_item(s, ItemDraft(name="한지 노트", price_minor=20000, currency="KRW", retailer_id="NOTE"))


def test_a_switch_from_won_to_dollars_never_charges_thirty_dollars_shipping_unasked(db: Database) -> None:
    a_shop_with_a_tote_and_a_notebook(db)
    with db.write() as s:
        put_setting(s, ORDER_SETTINGS_KEY, UNNAMED_WON_DEFAULTS)
        before = create_order(s, contact_id=None, lines=[LineInput("NOTE", 1)], source="chat").id
        stored_before = [(o.currency, o.shipping_minor, o.total_minor) for o in s.scalars(select(Order))]

    update_preferences(db, shop_region="US", currency="USD")  # Settings ▸ Country: United States

    with db.write() as s:
        # An order in dollars is charged no fee the owner has not set in dollars…
        assert shop_charges(s, [LineInput("TOTE", 1)], "USD").shipping_minor == 0
        # …and one of the items still priced in won, the won fee as it always meant.
        assert shop_charges(s, [LineInput("NOTE", 1)], "USD").shipping_minor == 3000
        settings = load_order_settings(s)
        assert (settings.shipping_minor, settings.currency) == (3000, "KRW")  # still 3,000 won
        assert settings.bank_account == "국민은행 123-45-678901"
        # No order made before changes.
        assert [
            (o.currency, o.shipping_minor, o.total_minor) for o in s.scalars(select(Order))
        ] == stored_before
        assert s.get(Order, before) is not None


def test_amounts_the_owner_set_keep_the_currency_they_were_set_in_when_the_shops_changes(
    db: Database,
) -> None:
    a_shop_with_a_tote_and_a_notebook(db)
    with db.write() as s:
        put_setting(s, ORDER_SETTINGS_KEY, {**UNNAMED_WON_DEFAULTS, "shipping_minor": 2500})
    update_preferences(db, currency="USD")
    with db.read() as s:
        settings = load_order_settings(s)
        assert (settings.shipping_minor, settings.currency) == (2500, "KRW")  # not $25.00
        assert shop_charges(s, [LineInput("TOTE", 1)], "USD").shipping_minor == 0
    update_preferences(db, currency="KRW")  # and back: the same 2,500 won, charged again
    with db.read() as s:
        assert shop_charges(s, [LineInput("NOTE", 1)], "KRW").shipping_minor == 2500


def test_a_dollar_shop_given_the_won_defaults_before_they_named_a_currency_reads_them_as_won(
    db: Database,
) -> None:
    update_preferences(db, currency="USD")  # switched before this version: nothing named them then
    a_shop_with_a_tote_and_a_notebook(db)
    with db.write() as s:
        put_setting(s, ORDER_SETTINGS_KEY, UNNAMED_WON_DEFAULTS)
    with db.read() as s:
        assert load_order_settings(s).currency == "KRW"
        assert shop_charges(s, [LineInput("TOTE", 1)], "USD").shipping_minor == 0


def test_a_new_shop_gets_the_won_fees_in_won_and_none_in_another_currency(db: Database) -> None:
    with db.read() as s:
        assert load_order_settings(s) == OrderSettings(
            shipping_minor=3000, free_over_minor=50000, currency="KRW"
        )
    update_preferences(db, currency="USD")
    with db.read() as s:
        settings = load_order_settings(s)
    assert (settings.shipping_minor, settings.remote_surcharge_minor, settings.free_over_minor) == (0, 0, 0)
    assert settings.currency == "USD"
