"""On a slow hotspot a 3 MB photo takes long to go up to the relay: the owner can still take the reply
back meanwhile, the upload stops, and nothing reaches the customer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from app.connection import Connection
from app.models import Message, MessageStatus
from app.outbox import Waiting
from app.sending import Outgoing, queue_outgoing, queue_text
from tests.support.bad_network import bad_network
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import select_chat
from ui.message_status import waiting_sentence

CUSTOMER = "821088889999"


def _photo(path: Path, size: int) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path))  # a JPEG, by its name
    with path.open("ab") as file:  # what follows a JPEG's end is ignored by every reader
        file.write(bytes(size - path.stat().st_size))
    return path


def _state(window: Any, message_id: int) -> tuple[str, str | None] | None:
    with window.ctx.db.read() as s:
        row = s.execute(select(Message.status, Message.error_code).where(Message.id == message_id)).first()
        return (row[0], row[1]) if row is not None else None


def test_a_photo_crawling_up_a_slow_hotspot_can_be_cancelled_and_its_upload_stops(
    window: Any, qtbot: Any, relay: RunningRelay, tmp_path: Path
) -> None:
    assert relay.port is not None and relay.graph is not None
    graph = relay.graph
    with bad_network(relay.port) as network:
        window.ctx.prefs["relay_url"] = network.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        sync = window.ctx.sync
        relay.post_webhook(inbound(content="사진 보내주세요", sender=CUSTOMER, name="배수아"))
        chats = window.chat_list.model
        qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
        contact_id = chats.row_at(0).contact_id
        select_chat(window, qtbot, contact_id)
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)

        network.latency = 0.2  # each piece of the upload waits on the hotspot: minutes for 3 MB
        photo = _photo(tmp_path / "원피스.jpg", 3 * 1024 * 1024)
        mid = queue_outgoing(
            window.ctx.db, Outgoing(contact_id, attachment=photo), window.ctx.paths.media_dir
        )
        sync.wake_sender()
        qtbot.waitUntil(
            lambda: _state(window, mid) == (MessageStatus.PENDING, Waiting.UPLOADING), timeout=10_000
        )
        assert "canceled" in waiting_sentence(Waiting.UPLOADING)

        window.chat.view.cancel_requested.emit(mid)
        qtbot.waitUntil(lambda: _state(window, mid) is None, timeout=5000)
        # Taken back whole: the photo is attached again, to send later or on a better network.
        qtbot.waitUntil(lambda: window.chat.composer.attachments == [photo], timeout=5000)
        window.chat.composer.clear_attachment()

        with window.ctx.db.write() as s:
            text_id = queue_text(s, contact_id, "사진은 내일 다시 보내드릴게요").id
        sync.wake_sender()
        # The customer's messages go strictly in order: the text after the photo's stopped upload.
        qtbot.waitUntil(lambda: _state(window, text_id) == (MessageStatus.SENT, None), timeout=15_000)
        assert [b["type"] for b in graph.sent] == ["text"]
        assert graph.upload_names == {}  # the relay never got the whole file, nor passed it on
        sync.stop()
