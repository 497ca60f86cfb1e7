"""A message WhatsApp does not pass on says what the owner can do about it, not only that it can't be shown."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import T0, message_event
from ui.chat_list_model import ChatRole

# Meta's `unsupported` message: the kind the customer sent (when it says) and error 131051.
ERRORS = [
    {
        "code": 131051,
        "title": "Message type unknown",
        "message": "Message type unknown",
        "error_data": {"details": "Message type is currently not supported."},
    }
]


def unsupported(sent: str | None, at: int) -> dict[str, Any]:
    event = message_event("unsupported", {"type": sent} if sent else None, timestamp=at)
    event["message"]["errors"] = ERRORS
    return event


def test_each_message_without_words_says_what_to_ask_the_customer(window: Any, qtbot: Any) -> None:
    future = message_event("poll_vote", {"option": 2}, timestamp=T0 + 4)  # a kind newer than this version
    older = message_event("unknown", None, timestamp=T0 + 3)  # Meta's older name for `unsupported`
    older["message"]["errors"] = ERRORS
    with window.ctx.db.write() as s:
        events = [
            unsupported("poll_creation", T0),
            unsupported("view_once_image", T0 + 1),
            unsupported(None, T0 + 2),
        ]
        apply_events(s, [read_event(e) for e in [*events, older, future]], None)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(window.chat_list.model.index(0).data(ChatRole.CONTACT_ID))
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 5)
    settle(qtbot)
    width = float(view.viewport().width())
    said = [view.bubbles.geometry(view.chat_model.index(i), width).text for i in range(5)]
    # Each said "This kind of message can't be shown here yet.", and the owner had nothing to go on.
    assert said == [
        "The customer sent a poll, which WhatsApp doesn't pass on to this app. Ask them to write their answer.",
        "The customer sent a view-once photo or video, which WhatsApp doesn't pass on to this app. "
        "Ask them to send it as a normal photo or video.",
        "The customer sent something WhatsApp doesn't pass on to this app. "
        "Ask them to send it again as text, a photo or a file.",
        "The customer sent something WhatsApp doesn't pass on to this app. "
        "Ask them to send it again as text, a photo or a file.",
        "This kind of message can't be shown here yet.",
    ]
