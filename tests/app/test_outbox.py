"""The outbox: pending messages go out once each, in order per customer, through outages and restarts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import (
    ErrorCode,
    OutsideServiceWindow,
    RefusalParams,
    RelayBusy,
    RelayUnreachable,
    SendRefused,
)
from app.models import Media, Message
from app.outbox import OutboxSender, pending_heads
from app.sending import delete_message, queue_message, queue_text, retry_message, send_body
from app.wire import MediaUploaded, SendResult
from tests.support.factories import make_contact
from tests.support.full_disk import inbox_read_only


class ScriptedRelay:
    """Stands in for RelayClient.send_message: answers from a script, records every attempt."""

    def __init__(self, *script: Exception | str) -> None:
        self.script = list(script)
        self.attempts: list[tuple[str, dict[str, Any]]] = []
        self.uploads: list[Path] = []
        self.wamids = iter(f"wamid.OUT{i}" for i in range(1, 1000))

    def send_message(self, body: dict[str, Any], key: str, *, timeout: float | None = None) -> SendResult:
        self.attempts.append((key, body))
        step = self.script.pop(0) if self.script else "ok"
        if isinstance(step, Exception):
            raise step
        if step == "unknown":
            return SendResult(client_id=key, wamid=None, status="unknown")
        return SendResult(client_id=key, wamid=next(self.wamids))

    def upload_media(
        self, path: Path, mime: str, *, on_progress: Callable[[int, int], None] | None = None
    ) -> MediaUploaded:
        self.uploads.append(path)
        if on_progress is not None:
            on_progress(0, path.stat().st_size)
        return MediaUploaded(id=f"media-{len(self.uploads)}", mime_type=mime, size=path.stat().st_size)

    def mark_read(self, wamid: str) -> None:
        pass


def sender(db: Database, relay: ScriptedRelay, changed: list[set[int]] | None = None) -> OutboxSender:
    return OutboxSender(
        db,
        relay,  # type: ignore[arg-type]
        on_changed=(changed.append if changed is not None else lambda ids: None),
        stop=threading.Event(),
        retry_base=0.01,
        retry_cap=0.05,
    )


def drain(s: OutboxSender, rounds: int = 50) -> None:
    """Run the sender until nothing is pending or due (waiting out short backoffs on a real Event)."""
    for _ in range(rounds):
        delay = s.run_once()
        with s.db.read() as session:
            if not pending_heads(session):
                return
        threading.Event().wait(min(delay, 0.06))
    raise AssertionError("outbox did not drain")


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Whether `condition` holds within `timeout` seconds (looked at every 50 ms, on a real Event)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            return False
        pause.wait(0.05)
    return True


def row(db: Database, message_id: int) -> Message:
    with db.read() as s:
        m = s.get(Message, message_id)
        assert m is not None
        s.expunge(m)
        return m


@pytest.fixture
def contact_id(db: Database) -> int:
    with db.write() as s:
        return make_contact(s, wa_id="821012345678").id


def queue(db: Database, contact_id: int, text: str, *, kind: str = "text", **kw: Any) -> int:
    payload = send_body(kind, text, reply_to_wamid=kw.pop("reply_to_wamid", None))
    with db.write() as s:
        return int(queue_message(s, contact_id, payload, body=text, **kw).id)


def test_queueing_writes_a_pending_message_with_a_fresh_client_id(db: Database, contact_id: int) -> None:
    a, b = queue(db, contact_id, "one"), queue(db, contact_id, "two")
    ma, mb = row(db, a), row(db, b)
    assert (ma.status, ma.direction, ma.sent_by, ma.body) == ("pending", "out", "owner", "one")
    assert ma.client_id and mb.client_id and ma.client_id != mb.client_id


def test_queueing_rolls_back_with_the_owners_action(db: Database, contact_id: int) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        queue_text(s, contact_id, "never")
        raise RuntimeError("the action failed")
    with db.read() as s:
        assert s.scalars(select(Message)).all() == []


def test_messages_go_out_in_order_with_their_client_id_as_key(db: Database, contact_id: int) -> None:
    ids = [queue(db, contact_id, f"m{i}") for i in range(3)]
    relay = ScriptedRelay()
    drain(sender(db, relay))
    assert [body["text"]["body"] for _, body in relay.attempts] == ["m0", "m1", "m2"]
    assert [key for key, _ in relay.attempts] == [row(db, i).client_id for i in ids]
    assert all(body["to"] == "821012345678" for _, body in relay.attempts)
    assert [row(db, i).status for i in ids] == ["sent"] * 3
    assert row(db, ids[0]).wamid == "wamid.OUT1"


def test_connection_errors_and_5xx_retry_with_the_same_key_and_keep_order(
    db: Database, contact_id: int
) -> None:
    first, second = queue(db, contact_id, "first"), queue(db, contact_id, "second")
    relay = ScriptedRelay(
        RelayUnreachable("down"),
        RelayBusy(503, RefusalParams("graph_busy")),
        RelayBusy(409, RefusalParams("in_flight")),
    )
    drain(sender(db, relay))
    keys = [key for key, _ in relay.attempts]
    assert keys[:4] == [row(db, first).client_id] * 4  # the second never overtakes the first
    assert keys[4] == row(db, second).client_id
    assert [row(db, first).status, row(db, second).status] == ["sent", "sent"]


def test_a_refusal_marks_the_message_failed_with_the_relays_reason(db: Database, contact_id: int) -> None:
    refused = queue(db, contact_id, "too late")
    after = queue(db, contact_id, "next one")
    refusal = RefusalParams("outside_window", None, "More than 24 hours have passed.")
    relay = ScriptedRelay(OutsideServiceWindow(ErrorCode.OUTSIDE_WINDOW, refusal))
    drain(sender(db, relay))
    m = row(db, refused)
    assert (m.status, m.error_code, m.error_text) == (
        "failed",
        "outside_window",
        "More than 24 hours have passed.",
    )
    assert row(db, after).status == "sent"  # a refusal does not block the customer's queue


def test_retry_sends_a_failed_message_again_under_a_new_key(db: Database, contact_id: int) -> None:
    mid = queue(db, contact_id, "again")
    relay = ScriptedRelay(SendRefused(ErrorCode.SEND_REFUSED, RefusalParams("graph_error", 131026)))
    s = sender(db, relay)
    drain(s)
    old_key = row(db, mid).client_id
    with db.write() as session:
        assert retry_message(session, mid)
    drain(s)
    m = row(db, mid)
    assert m.status == "sent" and m.client_id != old_key and m.error_text is None
    assert len(relay.attempts) == 2


def test_only_unsent_messages_can_be_deleted(db: Database, contact_id: int) -> None:
    pending = queue(db, contact_id, "delete me")
    sent = queue(db, contact_id, "keep me")
    with db.write() as s:
        s.get(Message, sent).status = "sent"  # type: ignore[union-attr]
    with db.write() as s:
        assert delete_message(s, pending)
        assert not delete_message(s, sent)
    with db.read() as s:
        assert [m.body for m in s.scalars(select(Message))] == ["keep me"]


def test_pending_messages_survive_a_restart(db_path: Path, contact_id: int, db: Database) -> None:
    mid = queue(db, contact_id, "written before quitting")
    db.close()
    reopened = Database.open(db_path)
    try:
        relay = ScriptedRelay()
        drain(sender(reopened, relay))
        assert row(reopened, mid).status == "sent"
        assert len(relay.attempts) == 1
    finally:
        reopened.close()


def test_an_unconfirmed_send_is_not_repeated_and_says_so(db: Database, contact_id: int) -> None:
    mid = queue(db, contact_id, "did it arrive?")
    relay = ScriptedRelay("unknown")
    drain(sender(db, relay))
    m = row(db, mid)
    assert (m.status, m.error_code) == ("failed", ErrorCode.UNKNOWN_OUTCOME)
    assert len(relay.attempts) == 1


def test_a_reply_whose_answer_could_not_be_saved_shows_sent_a_moment_after_the_file_takes_writes(
    db: Database, contact_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    """WhatsApp took the reply while the inbox file took no writes (a full disk, the file locked):
    once it takes writes again the reply shows as sent within a moment, however far apart trouble
    has spread the relay's retries, and the relay is not asked again."""
    mid = queue(db, contact_id, "sent while the file was locked")
    relay = ScriptedRelay()
    saved, stop = threading.Event(), threading.Event()
    outbox = OutboxSender(
        db,
        relay,  # type: ignore[arg-type]
        on_changed=lambda _ids: saved.set(),
        stop=stop,
        retry_base=40.0,  # the next retry 20-40 s away, as after a long spell of trouble
        retry_cap=60.0,
    )
    inbox_read_only(db, True)
    thread = threading.Thread(target=outbox.run)
    thread.start()
    try:
        assert wait_for(lambda: "cannot save a send's answer" in caplog.text)
        assert row(db, mid).status == "pending"
        inbox_read_only(db, False)
        assert saved.wait(5)
    finally:
        stop.set()
        outbox.wake.set()
        thread.join(5)
    assert row(db, mid).status == "sent"
    assert len(relay.attempts) == 1


def test_a_picture_is_uploaded_once_then_sent_with_its_media_id(
    db: Database, contact_id: int, tmp_path: Path
) -> None:
    picture = tmp_path / "shirt.jpg"
    picture.write_bytes(b"\xff\xd8 jpeg")
    mid = queue(db, contact_id, "이 셔츠요", kind="image", media_path=picture)
    relay = ScriptedRelay(RelayUnreachable("down"))
    drain(sender(db, relay))
    assert relay.uploads == [picture]
    assert [body["image"] for _, body in relay.attempts] == [{"caption": "이 셔츠요", "id": "media-1"}] * 2
    with db.read() as s:
        assert s.scalars(select(Media.relay_media_id).where(Media.message_id == mid)).one() == "media-1"


def test_a_copy_kept_in_the_media_folder_is_stored_relative_to_it_and_uploaded_from_it(
    db: Database, contact_id: int, tmp_path: Path
) -> None:
    """The data folder may move (a restore, another computer): the copy is found through it."""
    media_dir = tmp_path / "media"
    copy = media_dir / "sent" / "a1b2" / "셔츠.jpg"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"\xff\xd8 jpeg")
    mid = queue(db, contact_id, "이 셔츠요", kind="image", media_path=copy, media_dir=media_dir)
    with db.read() as s:
        assert (
            s.scalars(select(Media.cache_path).where(Media.message_id == mid)).one() == "sent/a1b2/셔츠.jpg"
        )
    relay = ScriptedRelay()
    outbox = sender(db, relay)
    outbox.media_dir = media_dir
    drain(outbox)
    assert relay.uploads == [copy]
    assert row(db, mid).status == "sent"


def test_a_reply_carries_the_quoted_message(db: Database, contact_id: int) -> None:
    queue(db, contact_id, "yes", reply_to_wamid="wamid.QUOTED")
    relay = ScriptedRelay()
    drain(sender(db, relay))
    assert relay.attempts[0][1]["context"] == {"message_id": "wamid.QUOTED"}


def test_a_picture_whose_file_the_relay_cannot_keep_waits_with_its_cause_and_goes_once_it_can(
    db: Database, contact_id: int, tmp_path: Path
) -> None:
    """The relay's media folder cannot be written (here a file in its place): the upload answered a
    bare 500, and the bubble said only "Waiting to be sent". It waits, keeping the relay's cause for
    its bubble to say, can be taken back (nothing was sent), and goes once, with its photo, when the
    folder is back."""
    from app.outbox import Waiting, can_cancel
    from app.relay_client import RelayClient
    from tests.support.fake_graph import run_fake_graph
    from tests.support.relay_server import run_relay

    picture = tmp_path / "vase.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"vase" * 300)
    mid = queue(db, contact_id, "Like this one?", kind="image", media_path=picture)
    (tmp_path / "relay").mkdir()
    with run_fake_graph() as graph, run_relay(tmp_path / "relay", graph_url=graph.url) as relay:
        media_dir = tmp_path / "relay" / "relay-media"
        media_dir.rename(tmp_path / "relay" / "away")
        media_dir.write_text("not a folder: every file written under it fails, as on a full disk")
        client = RelayClient(relay.url, relay.token, timeout=10)
        outbox = sender(db, client)  # type: ignore[arg-type]
        outbox.run_once()
        waiting = row(db, mid)
        assert (waiting.status, waiting.error_code) == ("pending", Waiting.RELAY_STORAGE)
        assert waiting.error_text == "not_a_folder"
        assert can_cancel(waiting.status, waiting.error_code)
        assert graph.send_calls == 0
        media_dir.unlink()
        (tmp_path / "relay" / "away").rename(media_dir)
        drain(outbox)
        client.close()
    assert (row(db, mid).status, row(db, mid).error_text) == ("sent", None)
    assert [b["image"]["caption"] for b in graph.sent] == ["Like this one?"]
