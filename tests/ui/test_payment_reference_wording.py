"""A British or American shop's owner reads “Payment reference” where a Korean shop reads “Name on
the transfer” (입금자명): the same field and the same data, in the words her customers' banks use."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.models import Order
from app.settings import update_preferences
from tests.ui.test_order_window_edits import new_order, open_order
from ui.deposit_dialog import DepositModel
from ui.order_actions import OrderActions
from ui.order_settings_dialog import OrderSettingsDialog


def shop_in(window: Any, region: str) -> None:
    update_preferences(window.ctx.db, shop_region=region)
    window.ctx.shop_region = region


def with_depositor(window: Any, order_id: int, name: str) -> None:
    with window.ctx.db.write() as s:
        order = s.get(Order, order_id)
        assert order is not None
        order.depositor_name = name


@pytest.mark.parametrize(("region", "words"), [("GB", "Payment reference"), ("US", "Payment reference")])
def test_a_british_or_american_shops_order_window_asks_for_the_payment_reference(
    window: Any, qtbot: Any, region: str, words: str
) -> None:
    shop_in(window, region)
    order_id = new_order(window.ctx)
    with_depositor(window, order_id, "AMY C 2026-0001")
    order_window = open_order(window, qtbot, order_id)
    assert order_window.depositor.placeholderText() == words
    assert order_window.depositor.text() == "AMY C 2026-0001"  # the same field, the same data
    assert f"{words}: AMY C 2026-0001" in order_window.payment.text()
    assert "transfer" not in order_window.payment.text()


def test_a_korean_shop_still_asks_for_the_name_on_the_transfer(window: Any, qtbot: Any) -> None:
    order_id = new_order(window.ctx)
    with_depositor(window, order_id, "김민지")
    order_window = open_order(window, qtbot, order_id)
    assert order_window.depositor.placeholderText() == "Name on the transfer"
    assert "Name on the transfer: 김민지" in order_window.payment.text()


@pytest.mark.parametrize(("region", "words"), [("KR", "입금자명"), ("GB", "입금 참조")])
def test_in_korean_a_korean_shop_reads_입금자명_and_a_british_one_입금_참조(
    window: Any, qtbot: Any, korean: None, region: str, words: str
) -> None:
    shop_in(window, region)
    order_id = new_order(window.ctx)
    with_depositor(window, order_id, "Amy C")
    order_window = open_order(window, qtbot, order_id)
    assert order_window.depositor.placeholderText() == words
    assert f"{words}: Amy C" in order_window.payment.text()


def test_a_british_shops_deposits_and_placeholders_say_reference(window: Any, qtbot: Any) -> None:
    shop_in(window, "GB")
    british, korean = DepositModel(None, "GBP", "GB"), DepositModel(None, "KRW", "KR")
    header = Qt.Orientation.Horizontal
    assert (british.headerData(1, header), korean.headerData(1, header)) == ("Reference", "Depositor")
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.addWidget(dialog)
    intros = [label.text() for label in dialog.findChildren(type(dialog.file_label)) if label.wordWrap()]
    assert any("payment reference and amount" in text for text in intros), intros
    dialog.reject()

    settings = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(settings)
    assert settings.placeholders.buttons["depositor"].text() == "Payment reference"
    assert settings.placeholders.buttons["depositor"].toolTip() == "{depositor} (Ctrl+6)"  # the same one


def test_a_british_shops_order_settings_show_the_payment_reference_default_and_keep_following_it(
    window: Any, qtbot: Any
) -> None:
    """The English payment request an older dialog saved in the Korean shop's words is shown as the
    default now reads for a British shop, and saving it unchanged keeps it the default."""
    from app.order_messages import DEFAULT_MESSAGES
    from app.order_settings import load_order_settings, save_order_settings
    from app.orders import OrderState

    shop_in(window, "GB")
    with window.ctx.db.write() as s:
        older = {"awaiting_payment": DEFAULT_MESSAGES["en"][OrderState.AWAITING_PAYMENT]}
        save_order_settings(s, load_order_settings(s).replace(messages=older))
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    shown = dialog.messages[OrderState.AWAITING_PAYMENT.value].toPlainText()
    assert "Payment reference: {depositor}" in shown and "Name on the transfer" not in shown
    assert "Payment reference: {depositor}" in dialog.messages["reminder"].toPlainText()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with window.ctx.db.read() as s:
        assert load_order_settings(s).messages == {}
