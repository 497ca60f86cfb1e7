"""Order settings ▸ Messages in Korean: the placeholders read in the owner's words ("{주문 번호}"), as
the greeting's "{고객 이름}" does, and are saved as the words the order's message is filled from."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor

from app.order_messages import PLACEHOLDERS, fill
from app.order_settings import load_order_settings
from app.orders import OrderState
from ui.field_tokens import order_words, shown_order_fields, stored_order_fields
from ui.order_settings_dialog import MESSAGE_STATES, OrderSettingsDialog

PAYMENT = OrderState.AWAITING_PAYMENT.value


def test_every_placeholder_has_a_word_and_reads_back(korean: None) -> None:
    assert set(order_words()) == set(PLACEHOLDERS)
    for name in PLACEHOLDERS:
        shown = shown_order_fields("{" + name + "}")
        assert stored_order_fields(shown) == "{" + name + "}"
        assert not shown.isascii()  # a Korean word between the braces


def test_a_korean_owner_reads_and_writes_order_placeholders_in_korean(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    message = dialog.messages[PAYMENT]
    shown = message.toPlainText()
    assert shown.startswith(
        "{고객 이름}님, 주문해 주셔서 감사합니다.\n주문번호: {주문 번호}\n주문 상품: {주문 상품}"
    )
    assert "{name}" not in shown and "{deadline}" not in shown
    assert dialog.placeholders.buttons["deadline"].toolTip() == "{입금 기한} (Ctrl+7)"

    # The owner adds a line: the deadline by its button, the total typed by hand in her words.
    dialog.pages.setCurrentIndex(1)
    dialog.message_tabs.setCurrentIndex(MESSAGE_STATES.index(PAYMENT))
    message.setFocus()
    message.moveCursor(QTextCursor.MoveOperation.End)
    message.insertPlainText("\n마감: ")
    dialog.placeholders.buttons["deadline"].click()
    message.insertPlainText(", 금액 {주문 금액}")
    assert message.toPlainText().endswith("\n마감: {입금 기한}, 금액 {주문 금액}")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        saved = load_order_settings(s).messages[PAYMENT]
    assert saved.startswith("{name}님, 주문해 주셔서 감사합니다.\n주문번호: {number}\n주문 상품: {items}")
    assert saved.endswith("\n마감: {deadline}, 금액 {total}")
    filled = fill(
        saved,
        {
            "name": "김민지",
            "number": "A-0042",
            "items": "김밥 ×2",
            "deadline": "12월 7일",
            "total": "9,000원",
        },
    )
    assert filled.startswith("김민지님,") and filled.endswith("\n마감: 12월 7일, 금액 9,000원")


def test_an_untouched_default_in_korean_words_stays_the_default(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    """Shown in Korean words and saved untouched, the default is still the default: it goes in each
    customer's language and follows the app's own wording."""
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        assert load_order_settings(s).messages == {}


def test_an_english_owner_keeps_the_placeholders_as_they_are(window: Any, qtbot: Any) -> None:
    assert shown_order_fields("Order {number}: {items}") == "Order {number}: {items}"
    assert stored_order_fields("{전체 이름}") == "{전체 이름}"  # English: no Korean words read
