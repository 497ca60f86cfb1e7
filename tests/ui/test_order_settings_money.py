"""Order settings ▸ the shipping amounts read as prices do elsewhere in the app (3,000원), as typed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from ui.order_settings_dialog import OrderSettingsDialog


@pytest.fixture
def korean_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    yield
    QLocale.setDefault(before)


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
    dialog.surcharge.setText("a lot")  # cannot be read: nothing rather than a wrong amount
    assert previews[dialog.surcharge].text() == ""


def test_in_korean_the_shipping_fee_reads_in_won(window: Any, qtbot: Any, korean_locale: None) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.money_previews[dialog.shipping].text() == "3,000원"
