"""A customer's voice note is called a voice message in the chat list and on its bubble, not "Audio"."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import message_event
from ui.chat_list_model import ChatRole
from ui.formatting import chat_preview

VOICE = {"mime_type": "audio/ogg; codecs=opus", "sha256": "c=", "id": "2234567890", "voice": True}
SONG = {"mime_type": "audio/mpeg", "sha256": "d=", "id": "2234567891", "voice": False}


def test_a_voice_note_reads_voice_message_and_a_sound_file_audio(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        apply_events(
            s,
            [
                read_event(message_event("audio", VOICE, wa_id="821011110003", name="최음성")),
                read_event(message_event("audio", SONG, wa_id="821011110004", name="정오디오")),
            ],
            None,
        )
    load_chats(window, qtbot)
    model = window.chat_list.model
    found = [model.index(i).data(ChatRole.ROW) for i in range(model.rowCount())]
    rows = {r.display_name: r for r in found}
    said = {name: chat_preview(r.last_kind, r.last_body, r.last_direction) for name, r in rows.items()}
    assert said == {"최음성": "Voice message", "정오디오": "Audio"}

    assert window.chat_list.select_contact(rows["최음성"].contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.contact_id == rows["최음성"].contact_id)
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    settle(qtbot)
    geo = view.bubbles.geometry(view.chat_model.index(0), float(view.viewport().width()))
    assert geo is not None and geo.card is not None
    assert geo.card.title == "Voice message"
