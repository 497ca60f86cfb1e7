"""Meta's access token on the relay expired: the owner's message says so in her words, and can go again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database
from app.engine import SyncEngine
from app.models import Contact, Message
from app.sending import queue_message, retry_message, send_body
from tests.support.engine_probe import EngineProbe, running_engine
from tests.support.fake_graph import FakeGraph, expired_token
from tests.support.relay_server import RunningRelay, inbound

CUSTOMER = "821012345678"


@pytest.fixture
def probe() -> EngineProbe:
    return EngineProbe()


@pytest.fixture
def engine(db: Database, tmp_path: Path, relay: RunningRelay, probe: EngineProbe) -> Iterator[SyncEngine]:
    with running_engine(db, relay, tmp_path / "media", probe) as sync:
        yield sync


def message(db: Database, mid: int) -> Message:
    with db.read() as s:
        m = s.get(Message, mid)
        assert m is not None
        s.expunge(m)
        return m


def test_a_reply_refused_for_an_expired_meta_token_says_who_renews_it_not_the_setting(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine: SyncEngine, probe: EngineProbe
) -> None:
    from ui.error_sentences import failed_message_sentence

    assert relay.post_webhook(inbound(content="배송 언제 되나요?", sender=CUSTOMER)).status_code == 200
    probe.wait_until(lambda: contact_id(db) is not None)
    graph.script.append(expired_token())
    with db.write() as s:
        contact = contact_id(db)
        assert contact is not None
        mid = queue_message(s, contact, send_body("text", "오늘 보내드려요"), body="오늘 보내드려요").id
    engine.wake_sender()
    probe.wait_until(lambda: message(db, mid).status == "failed")
    failed = message(db, mid)
    line = failed_message_sentence(failed.error_code, failed.error_text)
    assert "Meta access token" in line and "whoever looks after your relay" in line
    assert "WHATSAPP_ACCESS_TOKEN" not in line  # the relay's setting is its admin's word, not hers
    assert graph.sent == []

    # The token renewed on the relay, the owner's Retry sending sends it, once.
    with db.write() as s:
        assert retry_message(s, mid)
    engine.wake_sender()
    probe.wait_until(lambda: message(db, mid).status == "sent")
    assert [body["text"]["body"] for body in graph.sent] == ["오늘 보내드려요"]


def contact_id(db: Database) -> int | None:
    with db.read() as s:
        return s.scalars(select(Contact.id).where(Contact.wa_id == CUSTOMER)).first()
