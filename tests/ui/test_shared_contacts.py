"""A contact card with several people: every one of them is seen, not only the first."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import message_event
from ui.bubble_layout import quote_preview
from ui.chat_list_model import ChatRole
from ui.formatting import chat_preview

# Cloud API's `contacts` message with two people shared at once.
PEOPLE = [
    {
        "name": {"formatted_name": "박지영", "first_name": "지영"},
        "phones": [{"phone": "+82 10 5555 1234", "type": "CELL", "wa_id": "821055551234"}],
    },
    {"name": {"formatted_name": "김철수"}, "phones": [{"phone": "+82 10 7777 1234", "type": "CELL"}]},
]


def test_two_people_shared_at_once_are_both_shown(window: Any, qtbot: Any) -> None:
    card = message_event("contacts", PEOPLE, wa_id="821011110080", name="두명공유", wamid="wamid.CARD")
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(card)], None)
    load_chats(window, qtbot)
    row = window.chat_list.model.index(0).data(ChatRole.ROW)
    assert chat_preview(row.last_kind, row.last_body, row.last_direction) == "박지영, 김철수"
    assert window.chat_list.select_contact(row.contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    settle(qtbot)
    geo = view.bubbles.geometry(view.chat_model.index(0), float(view.viewport().width()))
    # The card showed 박지영 alone: 김철수 and his number were nowhere.
    assert (geo.card.title, geo.card.subtitle) == ("박지영", "+82 10 5555 1234")
    assert geo.text == "▸ 김철수 · +82 10 7777 1234"
    assert quote_preview(view.chat_model.message_at(0)) == ("", "박지영, 김철수")
