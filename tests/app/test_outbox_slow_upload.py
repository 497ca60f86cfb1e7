"""Quitting while a photo crawls up a slow hotspot: the upload stops at once, the reply stays waiting
(still cancellable, nothing was posted), and the next start sends it once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models import Message, MessageStatus
from app.outbox import OutboxSender, Waiting
from app.relay_client import RelayClient
from app.sending import Outgoing, queue_outgoing
from tests.support.bad_network import bad_network
from tests.support.factories import make_contact
from tests.support.relay_server import RunningRelay, inbound


def _state(db: Database, message_id: int) -> tuple[str, str | None]:
    with db.read() as s:
        row = s.execute(select(Message.status, Message.error_code).where(Message.id == message_id)).one()
        return row[0], row[1]


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    ticker = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        ticker.wait(0.05)
    return False


def test_quitting_during_a_slow_upload_stops_it_and_the_reply_goes_once_next_start(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    assert relay.port is not None and relay.graph is not None
    relay.post_webhook(inbound(content="사진 있나요?", sender="821056565656", name="오하윤"))
    relay.wait_for_events(1)
    with db.write() as s:
        contact_id = make_contact(s, wa_id="821056565656").id
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(3 * 1024 * 1024))
    mid = queue_outgoing(db, Outgoing(contact_id, attachment=photo), tmp_path / "media")

    with bad_network(relay.port) as network, RelayClient(network.url, relay.token) as client:
        network.latency = 0.2
        stop = threading.Event()
        sender = OutboxSender(
            db, client, on_changed=lambda ids: None, stop=stop, media_dir=tmp_path / "media"
        )
        thread = threading.Thread(target=sender.run, daemon=True)
        thread.start()
        assert _wait(lambda: _state(db, mid) == (MessageStatus.PENDING, Waiting.UPLOADING))
        stop.set()  # the owner quits
        sender.wake.set()
        thread.join(timeout=3)
        assert not thread.is_alive()
        assert _state(db, mid) == (MessageStatus.PENDING, Waiting.UPLOADING)  # may still be cancelled

        network.latency = 0.0  # next start, on a better network
        again = OutboxSender(
            db, client, on_changed=lambda ids: None, stop=threading.Event(), media_dir=tmp_path / "media"
        )
        assert _wait(lambda: again.run_once() >= 0 and _state(db, mid)[0] == MessageStatus.SENT)
    assert [b["type"] for b in relay.graph.sent] == ["image"]
    assert len(relay.graph.upload_names) == 1
