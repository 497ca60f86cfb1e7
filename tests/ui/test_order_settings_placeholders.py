"""Order settings ▸ Messages: placeholders are named in the owner's words and go in at the cursor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.orders import OrderState
from ui.order_settings_dialog import MESSAGE_STATES, OrderSettingsDialog


def test_clicking_a_placeholder_puts_it_at_the_cursor_of_the_message_being_edited(
    window: Any, qtbot: Any
) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.pages.setCurrentIndex(1)  # Messages
    labels = {name: button.text() for name, button in dialog.placeholders.buttons.items()}
    assert labels["name"] == "Customer name" and labels["depositor"] == "Name on the transfer"
    assert labels["deadline"] == "Payment deadline" and labels["tracking_url"] == "Tracking link"
    assert dialog.placeholders.buttons["depositor"].toolTip() == "{depositor} (Ctrl+6)"

    dialog.message_tabs.setCurrentIndex(MESSAGE_STATES.index(OrderState.SHIPPED.value))
    message = dialog.messages[OrderState.SHIPPED.value]
    message.setPlainText("보냈어요. 송장: ")
    end = message.cursorRect(_cursor_at(message, len("보냈어요."))).center()
    qtbot.mouseClick(message.viewport(), Qt.MouseButton.LeftButton, pos=end)  # after "보냈어요."
    qtbot.waitUntil(lambda: message.hasFocus())
    qtbot.mouseClick(dialog.placeholders.buttons["name"], Qt.MouseButton.LeftButton)
    assert message.toPlainText() == "보냈어요.{name} 송장: "
    message.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.mouseClick(dialog.placeholders.buttons["tracking"], Qt.MouseButton.LeftButton)
    assert message.toPlainText() == "보냈어요.{name} 송장: {tracking}"
    assert message.hasFocus()  # typing goes on where it was

    # The message in another language, once the owner is in it, takes the next one.
    other = dialog.other_messages[OrderState.SHIPPED.value]
    qtbot.mouseClick(other.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.hasFocus())
    qtbot.mouseClick(dialog.placeholders.buttons["tracking_url"], Qt.MouseButton.LeftButton)
    assert other.toPlainText() == "{tracking_url}"
    assert message.toPlainText() == "보냈어요.{name} 송장: {tracking}"

    # From the keyboard: Ctrl+1 is the first button's (its tooltip says so), Ctrl+0 the tenth's.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(other, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: other.toPlainText() == "{tracking_url}{name}", timeout=3000)
    assert other.hasFocus()


def _cursor_at(edit: Any, position: int) -> QTextCursor:
    cursor = edit.textCursor()
    cursor.setPosition(position)
    return cursor


def test_the_other_language_box_suggests_the_language_the_message_above_is_not_in(
    window: Any, qtbot: Any, korean: None
) -> None:
    """An English owner's English message was offered "e.g. the same words in English" beside it; in
    Korean the example stays 영어로, the language a Korean owner's message is not in."""
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    said = dialog.other_messages[OrderState.AWAITING_PAYMENT.value].placeholderText()
    assert said.endswith("예: 같은 내용을 영어로.")


def test_an_english_owner_is_offered_korean_as_the_other_language(
    window: Any, qtbot: Any, english: None
) -> None:
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    said = dialog.other_messages[OrderState.AWAITING_PAYMENT.value].placeholderText()
    assert said.endswith("e.g. the same words in Korean.")
