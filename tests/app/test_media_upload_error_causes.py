"""WhatsApp's 131053 "Media upload error" has causes that need different steps: each reaches the chat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db import Database
from app.engine import SyncEngine
from app.models import Contact, Message
from app.sending import queue_message, send_body
from tests.support.engine_probe import EngineProbe, running_engine
from tests.support.fake_graph import (
    MEDIA_FETCH_DETAILS,
    MEDIA_SIZE_DETAILS,
    MEDIA_TYPE_DETAILS,
    FakeGraph,
    media_upload_error,
)
from tests.support.relay_server import RunningRelay, inbound

CUSTOMER = "821012345678"


@pytest.fixture
def probe() -> EngineProbe:
    return EngineProbe()


@pytest.fixture
def engine(db: Database, tmp_path: Path, relay: RunningRelay, probe: EngineProbe) -> Iterator[SyncEngine]:
    with running_engine(db, relay, tmp_path / "media", probe) as sync:
        yield sync


def send_photo(db: Database, engine: SyncEngine, relay: RunningRelay, probe: EngineProbe, tmp: Path) -> int:
    """The customer writes, the owner answers with a photo; the message's id."""
    assert relay.post_webhook(inbound(content="사진 보내주세요")).status_code == 200
    probe.wait_until(lambda: customer_id(db) is not None)
    photo = tmp / "셔츠.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    with db.write() as s:
        contact = customer_id(db)
        assert contact is not None
        body = send_body("image", "이 셔츠요")
        mid = queue_message(s, contact, body, body="이 셔츠요", media_path=photo, media_mime="image/jpeg").id
    engine.wake_sender()
    return mid


def customer_id(db: Database) -> int | None:
    with db.read() as s:
        return s.scalars(select(Contact.id).where(Contact.wa_id == CUSTOMER)).first()


def failure(db: Database, mid: int) -> tuple[str, str | None]:
    with db.read() as s:
        m = s.get(Message, mid)
        assert m is not None
        return m.status, m.error_code


def not_sent_line(db: Database, mid: int) -> str:
    """What the chat says under the bubble (ui/bubble_layout.py: "Not sent: …")."""
    from ui.error_sentences import failed_message_sentence

    with db.read() as s:
        m = s.get(Message, mid)
        assert m is not None
        return failed_message_sentence(m.error_code, m.error_text)


def served_status_events(relay: RunningRelay) -> list[dict[str, Any]]:
    answer = httpx.get(
        f"{relay.url}/v1/events", params={"after": 0}, headers={"Authorization": f"Bearer {relay.token}"}
    )
    return [e for e in answer.json()["events"] if e["kind"] == "status"]


@pytest.mark.parametrize(
    ("details", "code", "says"),
    [
        (MEDIA_SIZE_DETAILS, "131053:media_too_large", "Attach a smaller one"),
        (MEDIA_TYPE_DETAILS, "131053:media_type_not_taken", "Save it as JPEG"),
        (MEDIA_FETCH_DETAILS, "131053:media_fetch_failed", "Nothing is wrong with the file: send it again."),
    ],
)
def test_a_photo_graph_refuses_at_once_says_what_to_do_for_its_cause(
    db: Database,
    relay: RunningRelay,
    graph: FakeGraph,
    engine: SyncEngine,
    probe: EngineProbe,
    tmp_path: Path,
    details: str,
    code: str,
    says: str,
) -> None:
    graph.script.append(media_upload_error(details))
    mid = send_photo(db, engine, relay, probe, tmp_path)
    probe.wait_until(lambda: failure(db, mid)[0] == "failed")
    assert failure(db, mid) == ("failed", code)
    line = not_sent_line(db, mid)
    assert says in line
    assert details not in line  # Graph's English is never the explanation
    assert graph.send_calls == 1  # refused for good: not retried by the relay or the desktop


@pytest.mark.parametrize(
    ("details", "cause", "says", "not_said"),
    [
        (MEDIA_FETCH_DETAILS, "media_fetch_failed", "send it again", "Attach a smaller one"),
        (MEDIA_SIZE_DETAILS, "media_too_large", "Attach a smaller one", "Nothing is wrong with the file"),
    ],
)
def test_a_photo_whatsapp_fails_later_says_send_again_or_pick_another_file(
    db: Database,
    relay: RunningRelay,
    graph: FakeGraph,
    engine: SyncEngine,
    probe: EngineProbe,
    tmp_path: Path,
    details: str,
    cause: str,
    says: str,
    not_said: str,
) -> None:
    """Meta accepts the send, then reports it `failed` in a status webhook to the relay."""
    graph.webhook_url = f"{relay.url}/webhook"
    graph.late_failures[CUSTOMER] = (131053, details)
    mid = send_photo(db, engine, relay, probe, tmp_path)
    probe.wait_until(lambda: failure(db, mid)[0] == "failed", timeout=20)
    assert failure(db, mid) == ("failed", f"131053:{cause}")
    line = not_sent_line(db, mid)
    assert says in line and not_said not in line
    # On the wire: the pinned status object as Graph sent it, and beside it the cause, optional.
    (event,) = [e for e in served_status_events(relay) if e["status"]["status"] == "failed"]
    assert event["graph_cause"] == cause
    assert event["status"]["errors"][0]["code"] == 131053
    assert event["status"]["errors"][0]["error_data"] == {"details": details}
    assert {"seq", "kind", "at", "phone_number_id", "status"} <= set(event)


def test_a_late_failure_with_details_no_cause_matches_says_both_steps(
    db: Database,
    relay: RunningRelay,
    graph: FakeGraph,
    engine: SyncEngine,
    probe: EngineProbe,
    tmp_path: Path,
) -> None:
    graph.webhook_url = f"{relay.url}/webhook"
    graph.late_failures[CUSTOMER] = (131053, "Something went wrong.")
    mid = send_photo(db, engine, relay, probe, tmp_path)
    probe.wait_until(lambda: failure(db, mid)[0] == "failed", timeout=20)
    assert failure(db, mid) == ("failed", "131053")
    assert "Send it again; if it fails again" in not_sent_line(db, mid)
    (event,) = [e for e in served_status_events(relay) if e["status"]["status"] == "failed"]
    assert "graph_cause" not in event
