"""The relay client against the real relay on loopback: sends, media both ways, errors as app.errors."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest

from app.db import Database
from app.errors import (
    ErrorCode,
    GraphUnreachable,
    HistoryGap,
    OutsideServiceWindow,
    RefusalParams,
    RelayBusy,
    RelayError,
    RelayUnreachable,
    RevisionConflict,
    Unauthorised,
)
from app.media_cache import fetch_media
from app.models import Media
from app.relay_client import RelayClient
from app.sending import find_approved_templates
from app.wire import MessageEvent, RelayErrorCode
from relay.upstream import OUTSIDE_WINDOW_SENTENCE
from tests.support.factories import make_contact, make_message
from tests.support.fake_graph import FakeGraph, fake_graph_out_of_reach
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound, run_relay

CUSTOMER = "821055501234"


@pytest.fixture
def client(relay: RunningRelay) -> Iterator[RelayClient]:
    c = RelayClient(relay.url, relay.token)
    yield c
    c.close()


def text(body: str) -> dict[str, object]:
    return {"messaging_product": "whatsapp", "to": CUSTOMER, "type": "text", "text": {"body": body}}


def test_the_same_idempotency_key_reaches_whatsapp_once(
    relay: RunningRelay, client: RelayClient, graph: FakeGraph
) -> None:
    relay.post_webhook(inbound("text", "재고 있나요?", sender=CUSTOMER))
    first = client.send_message(text("네, 있어요"), "key-1")
    again = client.send_message(text("네, 있어요"), "key-1")
    assert first.status == "sent" and first.wamid
    assert again.wamid == first.wamid
    assert len(graph.sent) == 1


def test_a_free_form_send_outside_the_window_is_refused_with_the_relays_code(
    relay: RunningRelay, client: RelayClient, graph: FakeGraph
) -> None:
    # The relay knows the window closed (it saw the customer write 25 hours ago): refused before Graph.
    relay.post_webhook(inbound("text", "재고 있나요?", sender=CUSTOMER))
    relay.relay.clock = lambda: datetime.now(UTC) + timedelta(hours=25)
    with pytest.raises(OutsideServiceWindow) as refused:
        client.send_message(text("안녕하세요"), "key-late")
    assert refused.value.code is ErrorCode.OUTSIDE_WINDOW
    assert refused.value.relay_code == RelayErrorCode.OUTSIDE_WINDOW
    assert graph.send_calls == 0


def test_whatsapps_closed_window_for_a_customer_the_relay_never_saw_is_the_same_refusal(
    client: RelayClient, graph: FakeGraph
) -> None:
    graph.closed_windows.add(CUSTOMER)
    with pytest.raises(OutsideServiceWindow) as refused:
        client.send_message(text("안녕하세요"), "key-cold")
    assert refused.value.code is ErrorCode.OUTSIDE_WINDOW
    assert refused.value.relay_code == RelayErrorCode.OUTSIDE_WINDOW
    assert refused.value.params == RefusalParams("outside_window", 131047, OUTSIDE_WINDOW_SENTENCE)
    assert graph.send_calls == 1 and graph.sent == []


def test_events_page_is_the_wire_model(relay: RunningRelay, client: RelayClient) -> None:
    relay.post_webhook(inbound("text", "hello", sender=CUSTOMER))
    page = client.events(0, wait=0)
    assert page.next >= 1
    assert [type(e) for e in page.events] == [MessageEvent]


def test_uploaded_bytes_come_back_through_the_media_cache_inside_the_folder(
    db: Database, tmp_path: Path, client: RelayClient
) -> None:
    data = "견적서 내용".encode() * 1000
    uploaded = client.upload_media(data, "application/pdf", "견적서.pdf")
    assert uploaded.size == len(data) and uploaded.sha256 == hashlib.sha256(data).hexdigest()
    with db.write() as s:
        contact = make_contact(s, wa_id=CUSTOMER)
        message = make_message(s, contact, "견적서", kind="document")
        row = Media(
            message_id=message.id,
            mime="application/pdf",
            filename="../../../../견적서.pdf",
            relay_media_id=uploaded.id,
        )
        s.add(row)
        s.flush()
        row_id = row.id
    media_dir = tmp_path / "media"
    path = fetch_media(db, client, row_id, media_dir)
    assert path.resolve().is_relative_to(media_dir.resolve())
    assert path.read_bytes() == data
    assert fetch_media(db, client, row_id, media_dir) == path


def test_a_korean_file_name_reaches_whatsapp_and_the_relay_whole_not_as_question_marks(
    relay: RunningRelay, graph: FakeGraph, client: RelayClient, tmp_path: Path
) -> None:
    """The upload's name travels percent-encoded (a header carries only ASCII): "견적서 최종.pdf" used to
    reach Graph, and the customer's phone, as "??? ??.pdf"."""
    estimate = tmp_path / "견적서 최종.pdf"
    estimate.write_bytes(b"%PDF-1.7" + b"\0" * 1000)
    uploaded = client.upload_media(estimate, "application/pdf")
    assert graph.upload_names[uploaded.id] == "견적서 최종.pdf"
    assert relay.relay.store.media.row(uploaded.id).filename == "견적서 최종.pdf"
    served = relay.client.get(f"{relay.url}/v1/media/{uploaded.id}", headers=relay.auth())
    assert served.status_code == 200 and served.content == estimate.read_bytes()
    disposition = served.headers["content-disposition"]
    assert unquote(disposition.split("filename*=utf-8''")[1]) == "견적서 최종.pdf"


def _received_photo(db: Database, relay_media_id: str) -> int:
    with db.write() as s:
        contact = make_contact(s, wa_id=CUSTOMER)
        message = make_message(s, contact, "", kind="image", direction="in")
        row = Media(message_id=message.id, mime="image/jpeg", relay_media_id=relay_media_id)
        s.add(row)
        s.flush()
        return row.id


def test_a_photo_while_the_relay_cannot_reach_whatsapp_is_asked_again_later_not_lost(
    db: Database, tmp_path: Path
) -> None:
    """`graph_unreachable` is a "try again later" (GraphUnreachable, a RelayBusy): no half file, no
    cache entry, and the next ask, once WhatsApp is back, brings the photo."""
    photo = b"\xff\xd8\xff\xe0" + b"photo" * 200
    media_dir = tmp_path / "media"
    (tmp_path / "relay").mkdir()
    with (
        fake_graph_out_of_reach() as (graph, come_back),
        run_relay(tmp_path / "relay", graph_url=graph.url) as relay,
        RelayClient(relay.url, relay.token) as client,
    ):
        graph.add_media("777040", photo, "image/jpeg")
        relay.post_webhook(inbound("image", {"id": "777040", "mime_type": "image/jpeg"}, sender=CUSTOMER))
        row_id = _received_photo(db, "777040")
        with pytest.raises(GraphUnreachable) as later:
            fetch_media(db, client, row_id, media_dir)
        assert isinstance(later.value, RelayBusy) and later.value.status == 503
        assert later.value.code is ErrorCode.GRAPH_UNREACHABLE
        with db.read() as s:
            assert s.get(Media, row_id).cache_path is None  # type: ignore[union-attr]
        assert not any(media_dir.rglob("*.part"))
        come_back()
        assert fetch_media(db, client, row_id, media_dir).read_bytes() == photo


def test_a_file_whatsapp_no_longer_has_is_said_unavailable(
    db: Database, tmp_path: Path, relay: RunningRelay, client: RelayClient
) -> None:
    relay.post_webhook(inbound("image", {"id": "777041", "mime_type": "image/jpeg"}, sender=CUSTOMER))
    row_id = _received_photo(db, "777041")  # Graph has no file of that id
    with pytest.raises(RelayError) as gone:
        fetch_media(db, client, row_id, tmp_path / "media")
    assert gone.value.code is ErrorCode.MEDIA_UNAVAILABLE and not isinstance(gone.value, RelayBusy)


def test_a_photo_the_relay_removed_after_its_media_retention_is_said_unavailable_for_good(
    db: Database, tmp_path: Path, relay: RunningRelay, client: RelayClient, graph: FakeGraph
) -> None:
    photo = b"\xff\xd8\xff\xe0" + b"photo" * 200
    graph.add_media("777042", photo, "image/jpeg")
    relay.post_webhook(inbound("image", {"id": "777042", "mime_type": "image/jpeg"}, sender=CUSTOMER))
    row_id = _received_photo(db, "777042")
    wait_until(lambda: relay.relay.store.media.row("777042").state == "ready", 10, "the relay's own fetch")
    relay.relay.media.prune(timedelta(seconds=-1))  # kept past RELAY_MEDIA_RETENTION_DAYS
    with pytest.raises(RelayError) as gone:
        fetch_media(db, client, row_id, tmp_path / "media")
    # Not "busy, ask again later": the desktop marks the photo gone instead of retrying for ever.
    assert gone.value.code is ErrorCode.MEDIA_UNAVAILABLE and not isinstance(gone.value, RelayBusy)


def test_a_wrong_token_is_unauthorised(relay: RunningRelay) -> None:
    with RelayClient(relay.url, "not-the-token") as wrong, pytest.raises(Unauthorised):
        wrong.events(0, wait=0)


def test_a_cursor_the_relay_never_handed_out_is_a_history_gap(client: RelayClient) -> None:
    with pytest.raises(HistoryGap):
        client.events(10_000, wait=0)


def test_a_closed_port_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with RelayClient(f"http://127.0.0.1:{port}", "t") as c, pytest.raises(RelayUnreachable):
        c.health()


def test_a_photo_fetched_from_a_relay_that_is_gone_is_unreachable_and_never_reached_it(
    tmp_path: Path,
) -> None:
    """The media cache asks again later for a relay that is away, as for any request: never a crash
    of its thread on httpx's own error, and no half file left."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = tmp_path / "photo.jpg"
    with RelayClient(f"http://127.0.0.1:{port}", "t") as c, pytest.raises(RelayUnreachable) as raised:
        c.download_media("1234567890", target)
    assert raised.value.request_sent is False
    assert not target.exists()


def test_a_poll_asked_after_a_stop_closed_the_client_is_unreachable_not_a_crash(
    client: RelayClient,
) -> None:
    # The sync thread may be between taking the HTTP client and asking when the engine stops
    # (a token change): it gets the error its loop treats as an abandoned poll.
    client.events(0, wait=0)
    client.close()
    with pytest.raises(RelayUnreachable):
        client.events(0, wait=0)


def test_a_stale_automations_revision_is_a_conflict(client: RelayClient) -> None:
    current = client.get_automations()
    saved = client.put_automations(current, if_match=current.revision)
    with pytest.raises(RevisionConflict):
        client.put_automations(saved, if_match=current.revision)


def test_templates_or_a_block_the_relay_cannot_reach_whatsapp_for_keep_the_relays_code(
    tmp_path: Path, db: Database
) -> None:
    """As a send's does: the owner reads "your relay can't reach WhatsApp", not "the relay is busy"."""
    # Nothing listens on the default test Graph address: the relay answers, WhatsApp is out of reach.
    with run_relay(tmp_path) as relay, RelayClient(relay.url, relay.token) as client:
        relay.post_webhook(inbound("text", "차단해 주세요", sender=CUSTOMER))
        with pytest.raises(GraphUnreachable) as templates:
            client.templates()
        with pytest.raises(GraphUnreachable) as block:
            client.block(CUSTOMER, True)
        found = find_approved_templates(db, client.templates)
    for raised in (templates.value, block.value):
        # Still a "try again later" to whoever catches RelayBusy (the blocks wait for the next sync).
        assert isinstance(raised, RelayBusy) and raised.status == 503
        assert raised.code is ErrorCode.GRAPH_UNREACHABLE and raised.relay_code == "graph_unreachable"
    assert found.templates == [] and found.not_fetched is ErrorCode.GRAPH_UNREACHABLE
