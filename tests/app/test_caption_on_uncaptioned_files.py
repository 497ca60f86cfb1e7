"""WhatsApp takes no caption on a voice recording or a sticker: the words the owner typed with one are
sent as a message of their own, before it, instead of showing in the owner's bubble only."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models import Message
from app.sending import Outgoing, queue_outgoing
from tests.support.factories import make_contact


def test_words_typed_with_a_voice_recording_reach_the_customer_as_their_own_message(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        contact_id = make_contact(s, wa_id="821012345678").id
    recording = tmp_path / "매장 오시는 길.mp3"
    recording.write_bytes(b"ID3" + b"\0" * 2000)

    last = queue_outgoing(
        db,
        Outgoing(contact_id, "오시는 길 녹음해서 보내드려요", "wamid.QUOTED", attachment=recording),
    )

    with db.read() as s:
        queued = list(s.scalars(select(Message).where(Message.contact_id == contact_id).order_by(Message.id)))
        sent = [(m.kind, m.body, m.payload or {}) for m in queued]
        ids = [m.id for m in queued]
    assert [kind for kind, _, _ in sent] == ["text", "audio"]
    assert ids[-1] == last  # the chat scrolls to the recording
    _, text_body, text_payload = sent[0]
    assert text_body == "오시는 길 녹음해서 보내드려요"
    assert text_payload["text"]["body"] == "오시는 길 녹음해서 보내드려요"
    assert text_payload["context"] == {"message_id": "wamid.QUOTED"}  # the quote goes with the words
    _, audio_body, audio_payload = sent[1]
    assert audio_body == "" and "caption" not in audio_payload["audio"]


def test_a_photos_caption_still_goes_with_the_photo(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        contact_id = make_contact(s, wa_id="821012345678").id
    photo = tmp_path / "셔츠.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"\0" * 2000)
    queue_outgoing(db, Outgoing(contact_id, "아이보리예요", attachment=photo))
    with db.read() as s:
        queued = list(s.scalars(select(Message).where(Message.contact_id == contact_id)))
        assert [(m.kind, m.body) for m in queued] == [("image", "아이보리예요")]
        assert (queued[0].payload or {})["image"]["caption"] == "아이보리예요"
