"""The payment reminders' list names each order whole: customer, order, amount and deadline, never cut."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_messages_dialog import BatchMessagesDialog


def reminders_shown(window: Any, qtbot: Any) -> BatchMessagesDialog:
    """The reminders a deadline check offers for two orders awaiting a transfer: 김민지 wrote two
    hours ago, 이하은 three days ago (her reminder cannot go: no template is chosen)."""
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        ids = []
        for name, wrote in (("김민지", timedelta(hours=2)), ("이하은", timedelta(days=3))):
            c = make_contact(s, profile_name=name, last_inbound_at=utcnow() - wrote)
            order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow())
            ids.append(order_id)
    dialog = OrderActions(window, window.ctx).offer_reminders(ids)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.waitExposed(dialog)
    return dialog


def text_rect(dialog: BatchMessagesDialog, row: int) -> Any:
    """Where the list draws the row's words."""
    index = dialog.model.index(row)
    option = QStyleOptionViewItem()
    option.decorationSize = dialog.list.iconSize()  # as the list starts each row's option
    dialog.delegate.initStyleOption(option, index)
    option.rect = dialog.list.visualRect(index)
    return dialog.list.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, dialog.list)


def first_line_fits(dialog: BatchMessagesDialog, row: int) -> bool:
    """The row's first line is drawn whole (Qt elides what its text rectangle cannot hold)."""
    index = dialog.model.index(row)
    option = QStyleOptionViewItem()
    dialog.delegate.initStyleOption(option, index)
    # As the list paints it: a row's rectangle is as wide as its text, cut to the visible width.
    option.rect = dialog.list.visualRect(index)
    option.rect.setWidth(min(option.rect.width(), dialog.list.viewport().width()))
    style = dialog.list.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, dialog.list)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, dialog.list) + 1
    line = str(index.data()).split("\n")[0]
    return option.fontMetrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width() - 2 * margin) == line


def test_a_korean_reminder_row_reads_whole_at_the_dialogs_size(
    korean: None, korean_locale: None, window: Any, qtbot: Any
) -> None:
    dialog = reminders_shown(window, qtbot)
    first = str(dialog.model.index(0).data())
    assert first.startswith("김민지 · 2026-0001 · 39,000원 · ")
    assert first.split("\n")[0].endswith("까지")  # by when she is to transfer
    second = str(dialog.model.index(1).data()).split("\n")
    assert second[0].startswith("이하은 · 2026-0002 · 39,000원 · ")
    assert len(second) == 2  # why it cannot go, on a line of its own
    assert first_line_fits(dialog, 0) and first_line_fits(dialog, 1)
    assert not dialog.list.horizontalScrollBar().isVisible()
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    # Her row has no check box: a warning mark stands in its place, and her words start where
    # 김민지's do (they started a check box further left, as if a line of another list).
    assert dialog.model.index(0).data(Qt.ItemDataRole.CheckStateRole) is not None
    assert dialog.model.index(1).data(Qt.ItemDataRole.CheckStateRole) is None
    assert not dialog.model.index(1).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert text_rect(dialog, 1).left() == text_rect(dialog, 0).left()
    tooltip = str(dialog.model.index(1).data(Qt.ItemDataRole.ToolTipRole))
    assert "이하은" in tooltip and "템플릿" in tooltip and "입금 기한" in tooltip
    dialog.reject()


def test_an_english_reminder_row_names_the_amount_and_deadline(
    english_locale: None, window: Any, qtbot: Any
) -> None:
    dialog = reminders_shown(window, qtbot)
    first = str(dialog.model.index(0).data())
    assert first.startswith("김민지 · 2026-0001 · ₩39,000 · due ")
    assert first_line_fits(dialog, 0) and first_line_fits(dialog, 1)
    assert not dialog.list.horizontalScrollBar().isVisible()
    assert "Transfer due: " in str(dialog.model.index(0).data(Qt.ItemDataRole.ToolTipRole))
    dialog.reject()


def test_a_name_too_long_for_the_screen_is_elided_and_whole_in_its_tooltip(
    english_locale: None, window: Any, qtbot: Any
) -> None:
    long_name = "Alexandra Montgomery-Featherstone of the Little Whinging Village Bakery and Tea Room"
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name=long_name, last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow())
    dialog = OrderActions(window, window.ctx).offer_reminders([order_id])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.waitExposed(dialog)
    # The offscreen screen is 800 pixels wide: the dialog grows no further than it, the message
    # beside keeps a readable width, and the row is cut at its end rather than scrolled sideways.
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    assert dialog.preview.width() >= 300
    assert not first_line_fits(dialog, 0)
    assert not dialog.list.horizontalScrollBar().isVisible()
    tooltip = str(dialog.model.index(0).data(Qt.ItemDataRole.ToolTipRole))
    assert tooltip.startswith(f"{long_name} · 2026-0001 · ₩39,000 · due ")
    dialog.reject()
