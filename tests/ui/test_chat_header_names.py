"""The chat header: the name the shop saved, or the customer's own, over the phone number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle


def test_a_name_the_owner_saved_in_the_contact_panel_heads_the_chat_without_a_tilde(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821013572468", profile_name="오세훈")
        make_message(s, contact, "배송 언제 되나요?")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    assert window.chat.name.text() == "오세훈"
    assert window.chat.subtitle.text() == "010-1357-2468"

    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    field = window.contact_panel.saved_name
    field.setFocus()
    field.setText("오세훈 단골")  # typed (QTest types no Hangul)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.chat.name.text() == "오세훈 단골")
    assert window.chat.subtitle.text() == "010-1357-2468"
    assert "~" not in window.chat.subtitle.text()
    assert window.contact_panel.profile_name.text() == "오세훈"  # her own name, where it is asked for
