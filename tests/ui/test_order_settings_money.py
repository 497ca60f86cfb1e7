"""Order settings ▸ the shipping amounts read as prices do elsewhere in the app (3,000원), as typed."""

from __future__ import annotations

from typing import Any

from app.order_settings import OrderSettings, save_order_settings
from app.surcharge_areas import REMOTE
from ui.order_settings_dialog import OrderSettingsDialog


def test_the_shipping_fee_reads_as_a_price_and_follows_the_typing(window: Any, qtbot: Any) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    previews = dialog.money_previews
    assert dialog.shipping.text() == "3,000"
    assert previews[dialog.shipping].text() == "₩3,000"
    dialog.shipping.selectAll()
    qtbot.keyClicks(dialog.shipping, "3500")
    assert previews[dialog.shipping].text() == "₩3,500"
    dialog.free_over.setText("50,000")
    assert previews[dialog.free_over].text() == "₩50,000"
    dialog.surcharges[REMOTE].setText("a lot")  # cannot be read: nothing rather than a wrong amount
    assert previews[dialog.surcharges[REMOTE]].text() == ""


def test_in_korean_the_shipping_fee_reads_in_won(window: Any, qtbot: Any, korean_locale: None) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.money_previews[dialog.shipping].text() == "3,000원"


def test_amounts_set_in_won_stay_in_won_in_a_dollar_shop_until_the_owner_types_them_in_dollars(
    window: Any, qtbot: Any
) -> None:
    from app.order_settings import load_order_settings
    from app.settings import update_preferences

    with window.ctx.db.write() as s:  # the won defaults, saved before the shop chose dollars
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
    update_preferences(window.ctx.db, shop_region="US", currency="USD")
    window.ctx.currency = "USD"
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    previews = dialog.money_previews
    # As they were entered, in won, and not "$30.00, $30.00, $500.00".
    assert (dialog.shipping.text(), previews[dialog.shipping].text()) == ("3,000", "₩3,000")
    assert previews[dialog.free_over].text() == "₩50,000"
    assert dialog.currency_note.isVisible()
    assert dialog.currency_note.text() == (
        "These amounts were set in KRW, before your shop's currency became USD, and stay in KRW: "
        "orders in USD are charged none of them. Type the amounts in USD and save to charge them "
        "on orders in USD."
    )
    dialog.bank.setText("Chase 000123456789")  # a save for something else keeps them in won
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        kept = load_order_settings(s)
    assert (kept.shipping_minor, kept.free_over_minor, kept.currency) == (3000, 50000, "KRW")

    again = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.save_button.isEnabled())
    again.shipping.selectAll()
    qtbot.keyClicks(again.shipping, "5")
    # Typing one puts them in dollars: the others emptied, not read as 3,000 and 50,000 dollars.
    assert (
        again.money_previews[again.shipping].text(),
        again.surcharges[REMOTE].text(),
        again.free_over.text(),
    ) == (
        "$5.00",
        "",
        "",
    )
    assert (
        again.currency_note.text()
        == "The amounts are now in USD: type each one (an empty one is not charged)."
    )
    again.free_over.setText("100")
    with qtbot.waitSignal(again.accepted):
        again.save()
    with window.ctx.db.read() as s:
        dollars = load_order_settings(s)
    assert (dollars.shipping_minor, dollars.remote_surcharge_minor, dollars.free_over_minor) == (
        500,
        0,
        10000,
    )
    assert (dollars.currency, dollars.bank_account) == ("USD", "Chase 000123456789")


def test_cancel_with_a_changed_bank_account_asks_before_the_typing_is_lost(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Cancel closed Order settings without a word, a new account number typed and lost."""
    from PySide6.QtWidgets import QMessageBox

    from app.order_settings import load_order_settings

    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.bank.setText("국민은행 123-45-678901 (서울 리넨)")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert asked.texts == ["Save the changes to the order settings?"]
    assert dialog.isVisible()  # Cancel in the question: the typing stays

    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted):
        dialog.reject()
    with window.ctx.db.read() as s:
        assert load_order_settings(s).bank_account == "국민은행 123-45-678901 (서울 리넨)"


def test_cancel_with_nothing_changed_just_closes(window: Any, qtbot: Any) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()


def test_a_german_shop_is_shown_a_bank_account_example_of_its_own_not_a_korean_bank(
    window: Any, qtbot: Any
) -> None:
    window.ctx.shop_region, window.ctx.currency = "DE", "EUR"
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert "Kookmin" not in dialog.bank.placeholderText()
    assert "IBAN" in dialog.bank.placeholderText()
    dialog.shipping.selectAll()
    qtbot.keyClicks(dialog.shipping, "4,90")  # the German way
    assert dialog.money_previews[dialog.shipping].text() == "€4.90"


def test_what_save_took_is_held_until_it_is_stored_and_esc_meanwhile_does_not_ask(
    window: Any, qtbot: Any
) -> None:
    """Save closes the dialog once stored: a change typed meanwhile (the database busy with a sync
    chunk) was not part of it, and was gone when it closed; Esc meanwhile asked to save it again."""
    import sqlite3

    from app.order_settings import load_order_settings

    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.bank.setText("국민은행 123-45-678901 (서울 리넨)")
    blocker = sqlite3.connect(window.ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a sync chunk holds the database: the save waits its turn
    try:
        dialog.save_button.click()
        assert not dialog.bank.isEnabled() and not dialog.days.isEnabled()  # held: nothing typed is lost
        dialog.reject()  # Esc: no question declared, asking would fail the test
        assert dialog.isVisible()
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == dialog.DialogCode.Accepted
    with window.ctx.db.read() as s:
        assert load_order_settings(s).bank_account == "국민은행 123-45-678901 (서울 리넨)"
