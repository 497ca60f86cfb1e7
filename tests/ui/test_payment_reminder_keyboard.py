"""The payment reminders a deadline check offers take the keyboard, but not from a reply being typed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact, make_message
from tests.support.keyboard_reach import keyboard_problems
from tests.support.window_waits import load_chats, select_chat
from ui.order_actions import OrderActions


def awaiting_payment(window: Any) -> tuple[int, list[int]]:
    """김민지, who wrote two hours ago, and her order awaiting a transfer."""
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="김민지", last_inbound_at=utcnow() - timedelta(hours=2))
        make_message(s, c, "입금했어요", direction="in")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow())
        return c.id, [order_id]


def test_the_reminders_take_the_keyboard_and_alt_d_leaves_them_unsent(
    korean: None, window: Any, qtbot: Any
) -> None:
    """At the Korean demo's start the reminders came up while the main window kept the keys: Alt
    letters and Esc went to the window behind. Nothing being typed, the dialog has the keyboard."""
    _contact, orders = awaiting_payment(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    dialog = OrderActions(window, window.ctx).offer_reminders(orders)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    assert dialog.list.hasFocus()
    assert dialog.send_button.text() == "체크한 메시지 보내기(&S)"
    assert keyboard_problems(dialog) == []
    with qtbot.waitSignal(dialog.rejected, timeout=3000):
        qtbot.keyClick(dialog.list, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert dialog.model.ticked()  # closed as it was: nothing was sent


def test_a_reply_being_typed_keeps_the_keyboard_when_the_reminders_come_up(
    korean: None, window: Any, qtbot: Any
) -> None:
    """A reminder that came up mid-word took the rest of the word; the dialog waits beside the reply."""
    contact_id, orders = awaiting_payment(window)
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    edit = window.chat.composer.edit
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    edit.setFocus()
    qtbot.keyClicks(edit, "Your transfer ")
    dialog = OrderActions(window, window.ctx).offer_reminders(orders)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and edit.hasFocus(), timeout=3000)
    qtbot.keyClicks(QApplication.focusWidget(), "came in")
    assert edit.toPlainText() == "Your transfer came in"
    dialog.reject()
