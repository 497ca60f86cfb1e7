"""Blue ticks only for what the owner looked at: no chat opens by itself, receipts wait ~1 s."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.support.relay_server import inbound, wamid
from tests.support.window_waits import load_chats, select_chat


@pytest.mark.slow  # a real relay and sync engine on loopback
def test_an_activated_window_marks_nothing_read_until_the_owner_opens_a_chat(
    window: Any, qtbot: Any, relay: Any
) -> None:
    message_id = wamid()
    assert relay.post_webhook(inbound(content="셔츠 있어요?", message_id=message_id)).status_code == 200
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).unread_count == 1, timeout=15000)

    # The window manager gives the window focus, as at every launch on a desktop, and the
    # keyboard lands in the chat list.
    window.chat_list.view.clearFocus()
    with qtbot.waitActive(window):
        window.windowHandle().requestActivate()
    window.chat_list.view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    assert window.isActiveWindow() and window.chat_list.view.hasFocus()
    qtbot.wait(1600)  # longer than the ~1 s a chat must be visible before its receipt goes out
    assert window.chat.contact_id() is None, "a chat opened by itself"
    assert relay.graph.read_receipts == []
    assert model.row_at(0).unread_count == 1

    # The owner picks the chat: it is read once it has been on screen for about a second.
    opened = time.monotonic()
    select_chat(window, qtbot, model.row_at(0).contact_id)
    qtbot.waitUntil(lambda: relay.graph.read_receipts == [message_id], timeout=15000)
    assert time.monotonic() - opened >= 0.9
    qtbot.waitUntil(lambda: model.row_at(0).unread_count == 0)


def test_a_chat_glimpsed_for_a_moment_is_not_marked_read(window: Any, qtbot: Any, db: Any) -> None:
    from app.queries import unread_counts
    from tests.support.factories import make_contact, make_message

    with db.write() as s:
        first = make_contact(s, wa_id="821011112222", profile_name="민지")
        second = make_contact(s, wa_id="821033334444", profile_name="Ben")
        make_message(s, first, "첫 번째", direction="in", unread=True, wamid=wamid())
        make_message(s, second, "second", direction="in", unread=True, wamid=wamid())
    load_chats(window, qtbot)
    with qtbot.waitActive(window):
        window.windowHandle().requestActivate()
    window.chat_list.view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    # Ctrl+Tab through the first chat on the way to the second one.
    select_chat(window, qtbot, model.row_at(0).contact_id)
    passed_by = model.row_at(0).contact_id
    select_chat(window, qtbot, model.row_at(1).contact_id)
    stayed = window.chat.contact_id()
    assert stayed != passed_by
    qtbot.waitUntil(lambda: model.row_for(stayed).unread_count == 0, timeout=5000)
    assert model.row_for(passed_by).unread_count == 1
    with db.read() as s:
        assert unread_counts(s).messages == 1
