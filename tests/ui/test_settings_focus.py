"""Closing Settings gives the keyboard back where the owner left it, not to the chat's cart button."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat


def open_chat_with_the_relay_lost(window: Any, qtbot: Any) -> Any:
    """A chat open, the owner writing in it, the banner saying the relay cannot be reached."""
    from app.connection import Connection, ConnectionState

    with window.ctx.db.write() as s:
        # Written just now: the 24-hour window is open, so the message field is where replies go.
        customer = make_contact(s, profile_name="Amelia Hart", last_inbound_at=datetime.now(UTC))
        make_message(s, customer, "Is the green mug still in stock?", sent_at=datetime.now(UTC))
    with qtbot.waitActive(window):
        window.activateWindow()
    load_chats(window, qtbot)
    select_chat(window, qtbot, customer.id)
    edit = window.chat.composer.edit
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    window._connection_state(ConnectionState(Connection.ONLINE))
    window._connection_state(ConnectionState(Connection.OFFLINE))
    qtbot.waitUntil(window.banner.settings.isVisible, timeout=3000)
    return edit


def settings_opened(window: Any, qtbot: Any, dialogs: Any, press: Any) -> Any:
    from ui.settings_dialog import SettingsDialog

    dialogs.expect("modal")
    press()
    settings = window.findChild(SettingsDialog)
    assert settings is not None
    qtbot.waitUntil(settings.isVisible, timeout=3000)
    return settings


def test_settings_opened_from_the_banner_gives_the_keyboard_back_to_the_message_field(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The relay answered again while Settings was open: the banner's buttons went, and closing
    Settings put the keyboard on the next button along, the chat's cart."""
    from app.connection import Connection, ConnectionState

    edit = open_chat_with_the_relay_lost(window, qtbot)
    settings = settings_opened(
        window, qtbot, dialogs, lambda: qtbot.mouseClick(window.banner.settings, Qt.MouseButton.LeftButton)
    )
    window._connection_state(ConnectionState(Connection.ONLINE))  # "Reconnected", without buttons
    assert not window.banner.settings.isVisibleTo(window)
    settings.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)


def test_settings_reached_by_keyboard_from_the_banner_gives_it_back_to_the_message_field(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Tabbed to the banner's Settings and pressed Space: once that button is gone, the chat's field."""
    from app.connection import Connection, ConnectionState

    edit = open_chat_with_the_relay_lost(window, qtbot)
    button = window.banner.settings
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=3000)
    settings = settings_opened(window, qtbot, dialogs, lambda: qtbot.keyClick(button, Qt.Key.Key_Space))
    window._connection_state(ConnectionState(Connection.ONLINE))
    settings.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)


def test_settings_from_the_menu_gives_the_keyboard_back_where_it_was(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    edit = open_chat_with_the_relay_lost(window, qtbot)
    settings = settings_opened(window, qtbot, dialogs, window.open_settings)
    settings.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_alt_g_opens_settings_from_the_banner_without_taking_a_menus_letter(
    qtbot: Any, dialogs: Any, request: Any, language: str
) -> None:
    """The banner's Settings had no Alt letter: a keyboard owner tabbed her way to it from the message
    field. Its G is no menu's (Alt+S opens Shop) and no other button's in the window (T is the
    composer's template choice)."""
    from tests.ui.test_dialog_mnemonics import alt_letters, press_alt
    from tests.ui.test_menu_mnemonics import KOREAN_MNEMONIC, mnemonic
    from ui.menus import install_menus
    from ui.settings_dialog import SettingsDialog

    if language == "ko":
        request.getfixturevalue("korean")
    window = request.getfixturevalue("window")  # made in the owner's language
    install_menus(window, window.ctx)
    open_chat_with_the_relay_lost(window, qtbot)
    button = window.banner.settings
    assert mnemonic(button.text()) == "G", button.text()
    if language == "ko":
        assert button.text() == "설정(&G)"
        assert all(KOREAN_MNEMONIC.search(a.text()) for a in window.menuBar().actions())
    menus = {mnemonic(action.text()) for action in window.menuBar().actions()}
    assert "G" not in menus, menus
    shared = {letter: texts for letter, texts in alt_letters(window).items() if len(texts) > 1}
    assert shared == {}
    dialogs.expect("modal")
    press_alt(qtbot, window, "G")
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=3000)
