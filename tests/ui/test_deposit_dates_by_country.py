"""A British or American bank writes a deposit's day as "05/12/2026": the deposits window showed it
as written (not a date it read), and the order's history lost its day. It reads in the order the
shop's country writes dates: the UK's 5 December, the US's May 12; Korea's year first as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.catalog import ItemDraft, create_item
from app.deposits import deposit_day, split_deposit_at
from app.models import utcnow
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from app.settings import update_preferences
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_history import deposit_text

STATEMENT = "Date,Counter Party,Reference,Type,Amount ({currency}),Balance ({currency})\n"


def _deposits_window_date(window: Any, qtbot: Any, tmp_path: Path, country: str, currency: str) -> str:
    """The date column of a bank file's deposit written "05/12/2026 14:03" in a shop in `country`."""
    update_preferences(window.ctx.db, shop_region=country, currency=currency)
    window.ctx.shop_region, window.ctx.currency = country, currency
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="Linen shirt", price_minor=3950, currency=currency, retailer_id="SHIRT")
        )
        olivia = make_contact(s, profile_name="Olivia Brown", wa_id="447911123456", last_inbound_at=utcnow())
        order = create_order(
            s, contact_id=olivia.id, lines=[LineInput("SHIRT", 1)], source="chat", charges=Charges(300)
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        number = order.number
    bank = tmp_path / "statement.csv"
    bank.write_text(
        STATEMENT.format(currency=currency)
        + f"05/12/2026 14:03,Olivia Brown,{number},FASTER PAYMENT,42.50,1042.50\n",
        encoding="utf-8",
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    shown = str(dialog.model.index(0, 0).data()).replace("\u202f", " ")
    dialog.close()
    return shown


def test_a_british_banks_05_12_2026_is_the_5th_of_december(window: Any, qtbot: Any, tmp_path: Path) -> None:
    shown = _deposits_window_date(window, qtbot, tmp_path, "GB", "GBP")
    assert "Dec 5" in shown and "2:03 PM" in shown and "05/12" not in shown


def test_an_american_banks_05_12_2026_is_may_12th(window: Any, qtbot: Any, tmp_path: Path) -> None:
    shown = _deposits_window_date(window, qtbot, tmp_path, "US", "USD")
    assert "May 12" in shown and "2:03 PM" in shown and "05/12" not in shown


def test_the_day_follows_the_shops_country() -> None:
    assert str(deposit_day("05/12/2026", "GB")) == "2026-12-05"
    assert str(deposit_day("05/12/2026", "US")) == "2026-05-12"
    assert str(deposit_day("5.12.26", "DE")) == "2026-12-05"
    assert deposit_day("13/12/2026", "US") is None  # no 13th month: not guessed the other way
    assert deposit_day("05/12/2026", "KR") is None  # Korean banks write the year first
    for country in ("KR", "GB", "US"):  # the year first reads the same everywhere
        assert str(deposit_day("2026.12.04 14:03:22", country)) == "2026-12-04"
    assert split_deposit_at("05/12/2026 14:03", "GB")[1] == " 14:03"


def test_the_orders_history_names_the_deposits_day(qapp: Any, english_locale: None) -> None:
    deposit = {"at": "05/12/2026", "name": "Olivia Brown", "amount": 4250}
    # As the deposits window says it, with its weekday (the year only when not the history line's).
    that_year = date(2026, 12, 6)
    assert deposit_text(deposit, that_year, country="GB").startswith("Sat, Dec 5 Olivia Brown")
    assert deposit_text(deposit, that_year, country="US").startswith("Tue, May 12 Olivia Brown")
    assert deposit_text(deposit, date(2027, 1, 4), country="GB").startswith("Sat, Dec 5, 2026 Olivia Brown")


def test_the_orders_history_says_a_deposit_in_the_orders_currency(qapp: Any, english_locale: None) -> None:
    """A British shop's history said "Dec 5 Olivia Brown ₩4,250" for a transfer of £42.50: the amount
    was always written as won."""
    deposit = {"at": "05/12/2026", "name": "Olivia Brown", "amount": 4250}
    shown = deposit_text(deposit, country="GB", currency="GBP")
    assert shown.endswith("£42.50") and "₩" not in shown
    assert deposit_text({"at": "2026.12.04", "name": "이하은", "amount": 90000}).endswith("₩90,000")
