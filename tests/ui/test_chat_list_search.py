"""The chat list's search field and Edit ▸ Find: both lead to the cross-chat message search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats


def test_typing_in_the_chat_list_field_shows_matching_messages(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        make_message(s, c, "린넨 셔츠 주문했어요", sent_at=BASE_TIME, unread=False)
        other = make_contact(s, profile_name="Other")
        make_message(s, other, "nothing here", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    field = window.chat_list.search_field
    assert field.isVisible()
    assert field.placeholderText() == "Search chats and messages"
    field.setFocus()
    # Korean arrives through the input method, as a committed string.
    commit = QInputMethodEvent()
    commit.setCommitString("주문")
    QApplication.sendEvent(field, commit)
    assert window.left.currentWidget() is window.search
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5000)
    hit = window.search.model.hits[0]
    assert hit.contact_name == "이하은"
    assert window.search.status.text() == "1 result"
    assert window.search.field.text() == "주문"
    assert window.search.field.hasFocus()
    # Esc returns to the chat list with its field empty.
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.left.currentWidget() is window.chat_list
    assert field.text() == ""


def test_esc_in_the_chat_list_field_clears_it(window: Any, qtbot: Any) -> None:
    field = window.chat_list.search_field
    field.setFocus()
    field.setText(" ")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert window.left.currentWidget() is window.chat_list


def test_edit_menu_find_focuses_search(window: Any, qtbot: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, window.ctx)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus)[:3] == ["&File", "&Edit", "&Shop"]
    find = next(a for a in menus["&Edit"].actions() if a.text() == "Find")
    assert find.shortcut().toString() == "Ctrl+F"
    find.trigger()
    assert window.left.currentWidget() is window.search
    qtbot.waitUntil(window.search.field.hasFocus)
