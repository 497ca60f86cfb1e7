"""A number box's unit follows its number: a payment deadline of one day reads "1 day", not "1 days"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_a_one_day_payment_deadline_reads_one_day_and_typing_more_reads_days(qtbot: Any, ctx: Any) -> None:
    from ui.order_settings_dialog import OrderSettingsDialog

    dialog = OrderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    days = dialog.days
    days.setValue(1)
    assert days.text() == "1 day"
    days.setValue(3)
    assert days.text() == "3 days"
    # Typed over, digit by digit: the unit changes under the cursor and the typing goes on.
    days.setValue(1)
    days.selectAll()
    qtbot.keyClicks(days, "12")
    assert days.value() == 12 and days.text() == "12 days"
    qtbot.keyClick(days, Qt.Key.Key_Backspace)
    assert days.value() == 1 and days.text() == "1 day"


def test_a_campaign_to_customers_who_wrote_in_the_last_day_reads_one_day(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.campaign_audience import spin_box

    parent = QWidget()
    qtbot.addWidget(parent)
    spin = spin_box(parent, 1, 365, 30, " day", " days")
    assert spin.text() == "30 days"
    spin.setValue(1)
    assert spin.text() == "1 day"
