"""Examples in empty fields fit the owner's shop: an Ohio shop's bank account box did not suggest a
Korean bank, nor its closed days a Korean holiday (the Korean translation keeps its own examples)."""

from __future__ import annotations

from typing import Any


def test_an_english_owner_is_not_given_a_korean_bank_or_holiday_as_the_example(qtbot: Any, ctx: Any) -> None:
    from ui.closed_days import ClosedDaysDialog
    from ui.order_settings_dialog import OrderSettingsDialog

    ctx.shop_region = "US"
    settings = OrderSettingsDialog(ctx)
    qtbot.addWidget(settings)
    assert settings.bank.placeholderText() == "e.g. your bank, account number or IBAN, and the account holder"
    closed = ClosedDaysDialog(country="US")
    qtbot.addWidget(closed)
    assert closed.note.placeholderText() == "For you, e.g. a public holiday or a family trip"
