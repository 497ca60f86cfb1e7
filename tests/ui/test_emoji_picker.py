"""The emoji picker opens above the composer, inside the window and on screen, as WhatsApp's does."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import select_chat, sync_batch


def test_the_emoji_picker_opens_above_its_button_and_stays_on_screen(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, contact, "안녕하세요", sent_at=datetime.now(UTC))
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.composer.contact_id == contact_id)
    screen = window.screen().availableGeometry()
    # A window in the upper part of a tall screen: there is room below it, but that is outside it.
    window.setGeometry(QRect(screen.left(), screen.top(), screen.width(), screen.height() * 2 // 3))
    button = window.chat.composer.emoji_button
    qtbot.waitUntil(lambda: button.isVisible() and button.mapToGlobal(QPoint(0, 0)).y() > 0)

    shown: list[QRect] = []

    def look(menu: Any) -> None:
        shown.append(menu.geometry())
        menu.close()

    dialogs.expect("menu", answer=look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    button_top = button.mapToGlobal(QPoint(0, 0)).y()
    assert shown[0].bottom() <= button_top, (shown[0], button_top)
    assert screen.contains(shown[0]), (shown[0], screen)
    assert window.frameGeometry().contains(shown[0].bottomLeft())


def test_the_emoji_picker_works_from_the_keyboard(window: Any, qtbot: Any, ctx: Any, dialogs: Any) -> None:
    """Space on the emoji button opens the grid with the keyboard on its first emoji; the arrows
    move, Enter puts the emoji in the message and the keyboard back in it."""
    from PySide6.QtWidgets import QApplication, QToolButton

    from ui.composer import COMMON_EMOJI

    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="Olivia", last_inbound_at=datetime.now(UTC))
        make_message(s, contact, "Do you have it in gold?", sent_at=datetime.now(UTC))
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    composer = window.chat.composer
    qtbot.keyClicks(composer.edit, "Yes ")
    button = composer.emoji_button
    button.setFocus()
    walked: list[str] = []

    def focused() -> QToolButton:
        widget = QApplication.focusWidget()
        assert isinstance(widget, QToolButton)
        return widget

    def choose(menu: Any) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() in menu.buttons, timeout=3000)
        walked.append(focused().text())
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
        walked.append(focused().text())
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    dialogs.expect("menu", answer=choose)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(walked) == 2, timeout=3000)
    assert walked == [COMMON_EMOJI[0], COMMON_EMOJI[9]]
    qtbot.waitUntil(lambda: not composer.emoji_picker.isVisible(), timeout=3000)
    assert composer.edit.toPlainText() == "Yes " + COMMON_EMOJI[9]
    # The window's keyboard is in the message again (it has it as soon as it is active again).
    assert window.focusWidget() is composer.edit
