"""WhatsApp's notices (a changed number, a chat opened without a word) read in the owner's words, unread by none."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import T0, message_event
from ui.chat_list_model import ChatRole
from ui.formatting import chat_preview

OLD, NEW = "821011110016", "821099990016"
# As Meta sends it: English, whatever the customer's or the shop's language; no `contacts` beside it.
NOTICE = {
    "body": f"User 김민수 changed from {OLD} to {NEW}",
    "wa_id": NEW,
    "type": "user_changed_number",
}


def test_a_changed_number_says_so_in_the_list_and_the_chat_and_counts_no_unread(
    window: Any, qtbot: Any
) -> None:
    moved = {"seq": 3, "kind": "contact", "at": "2026-11-25T00:00:02Z", "contact": {"wa_id": NEW}}
    moved["previous_wa_id"] = OLD
    with window.ctx.db.write() as s:
        apply_events(
            s,
            [
                read_event(message_event(content="예전 번호예요", wa_id=OLD, seq=1)),
                read_event(message_event("system", NOTICE, wa_id=OLD, name=None, timestamp=T0 + 1, seq=2)),
                read_event(moved),
            ],
            None,
        )
    load_chats(window, qtbot)
    model = window.chat_list.model
    assert model.rowCount() == 1
    row = model.index(0).data(ChatRole.ROW)
    assert chat_preview(row.last_kind, row.last_body, row.last_direction) == "Changed their phone number"
    assert row.unread_count == 1  # the customer's message; the notice asks no reply

    assert window.chat_list.select_contact(row.contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2)
    settle(qtbot)
    geo = view.bubbles.geometry(view.chat_model.index(1), float(view.viewport().width()))
    assert geo is not None and geo.system
    assert geo.text == (
        "The customer changed their phone number to +82 10-9999-0016. This chat goes on with the new number."
    )


def test_a_customer_who_opened_the_chat_without_writing_is_a_notice_not_an_unread_unsupported_message(
    window: Any, qtbot: Any
) -> None:
    opened = message_event("request_welcome", None, wa_id="821011110070", name="처음손님")  # no content
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(opened)], None)
    load_chats(window, qtbot)
    row = window.chat_list.model.index(0).data(ChatRole.ROW)
    # Was "Unsupported message" with 1 unread, and "can't be shown here yet" in the chat.
    assert (chat_preview(row.last_kind, row.last_body, row.last_direction), row.unread_count) == (
        "Opened a chat with you",
        0,
    )
    assert window.chat_list.select_contact(row.contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    settle(qtbot)
    geo = view.bubbles.geometry(view.chat_model.index(0), float(view.viewport().width()))
    assert geo.system
    assert geo.text == "The customer opened a chat with you for the first time and has not written yet."
