"""The outbox against the real relay when the relay answers but cannot reach WhatsApp: why a message
waits, the "WhatsApp out of reach" signal, and taking back a message the relay has not got."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database
from app.errors import ErrorCode, RelayUnreachable
from app.models import Message
from app.outbox import Cancelled, OutboxSender, Waiting, cancel_waiting
from app.relay_client import RelayClient
from app.sending import delete_message, queue_text
from tests.support.factories import make_contact
from tests.support.fake_graph import FakeGraph, graph_error
from tests.support.relay_server import RunningRelay, inbound, run_relay

CUSTOMER = "821012345678"
CLOSED_PORT = "http://127.0.0.1:9"  # nothing listens there: every connection is refused


def folder(tmp_path: Path) -> Path:
    (tmp_path / "relay").mkdir()
    return tmp_path / "relay"


@pytest.fixture
def cut_off(tmp_path: Path) -> Iterator[RunningRelay]:
    """The real relay, its WHATSAPP_GRAPH_URL pointing where nothing answers; a customer wrote."""
    with run_relay(folder(tmp_path), graph_url=CLOSED_PORT, send_attempts=1) as relay:
        relay.post_webhook(inbound(content="배송 언제 되나요?", sender=CUSTOMER))
        yield relay


class Outbox:
    """An OutboxSender on a real RelayClient, recording what it says about WhatsApp's reach."""

    def __init__(self, db: Database, relay: RunningRelay) -> None:
        self.client = RelayClient(relay.url, relay.token)
        self.graph_down: list[bool] = []
        self.sender = OutboxSender(
            db,
            self.client,
            on_changed=lambda ids: None,
            on_graph_down=self.graph_down.append,
            stop=threading.Event(),
            retry_base=0.01,
            retry_cap=0.05,
        )

    def attempt(self) -> None:
        self.sender.not_before.clear()
        self.sender.run_once()


@pytest.fixture
def outbox(db: Database, cut_off: RunningRelay) -> Iterator[Outbox]:
    box = Outbox(db, cut_off)
    yield box
    box.client.close()


def reconnect_graph(relay: RunningRelay, graph: FakeGraph) -> None:
    """The relay's server gets its internet back (or its Graph URL fixed): restarted, same port."""
    relay.stop()
    relay.settings = dataclasses.replace(relay.settings, graph_url=graph.url)
    relay.start()


def queued(db: Database, text: str) -> int:
    with db.write() as s:
        contact = make_contact(s, wa_id=CUSTOMER)
        return int(queue_text(s, contact.id, text).id)


def message(db: Database, message_id: int) -> Message | None:
    with db.read() as s:
        m = s.get(Message, message_id)
        if m is not None:
            s.expunge(m)
        return m


def test_a_relay_cut_off_from_whatsapp_keeps_the_reply_waiting_says_why_and_sends_it_when_back(
    db: Database, cut_off: RunningRelay, outbox: Outbox, graph: FakeGraph
) -> None:
    mid = queued(db, "내일 보내드려요")
    outbox.attempt()
    m = message(db, mid)
    assert m is not None and m.status == "pending" and m.error_code == Waiting.GRAPH_UNREACHABLE
    assert outbox.graph_down == [True]

    outbox.attempt()  # still cut off: said once, not at every retry
    assert outbox.graph_down == [True]

    reconnect_graph(cut_off, graph)
    outbox.attempt()
    m = message(db, mid)
    assert m is not None and m.status == "sent" and m.error_code is None
    assert [b["text"]["body"] for b in graph.sent] == ["내일 보내드려요"]
    assert outbox.graph_down == [True, False]


def test_whatsapps_rate_limit_is_a_short_wait_not_whatsapp_out_of_reach(
    db: Database, tmp_path: Path, graph: FakeGraph
) -> None:
    with run_relay(folder(tmp_path), graph_url=graph.url, send_attempts=2) as relay:
        relay.post_webhook(inbound(content="안녕하세요", sender=CUSTOMER))
        graph.script += [graph_error(429, 130429, "Rate limit hit")] * 2
        box = Outbox(db, relay)
        try:
            mid = queued(db, "잠시만요")
            box.attempt()
            m = message(db, mid)
            assert m is not None and m.status == "pending" and m.error_code == Waiting.GRAPH_BUSY
            assert box.graph_down == []  # WhatsApp answered: nothing to warn about
            box.attempt()
            m = message(db, mid)
            assert m is not None and m.status == "sent"
        finally:
            box.client.close()


def test_a_cancelled_message_keeps_its_text_and_is_never_sent_when_whatsapp_comes_back(
    db: Database, cut_off: RunningRelay, outbox: Outbox, graph: FakeGraph
) -> None:
    mid = queued(db, "계좌번호 다시 보내드릴게요")
    outbox.attempt()
    with db.write() as s:
        assert cancel_waiting(s, mid) == Cancelled("계좌번호 다시 보내드릴게요")
    assert message(db, mid) is None

    reconnect_graph(cut_off, graph)
    outbox.attempt()
    assert graph.send_calls == 0 and graph.sent == []
    assert outbox.graph_down == [True, False]  # nothing waits on WhatsApp any more


def test_a_message_already_with_the_relay_cannot_be_cancelled_and_goes_out_once(
    db: Database, tmp_path: Path, graph: FakeGraph
) -> None:
    hold = threading.Event()
    with run_relay(folder(tmp_path), graph_url=graph.url) as relay:
        relay.post_webhook(inbound(content="안녕하세요", sender=CUSTOMER))
        graph.script.append({"until": hold, "status": 200, "body": {"messages": [{"id": "wamid.HELD1"}]}})
        box = Outbox(db, relay)
        try:
            mid = queued(db, "지금 보내는 중")
            posting = threading.Thread(target=box.attempt)
            posting.start()
            assert graph.arrived.wait(10)  # the relay is calling WhatsApp with it right now
            with db.write() as s:
                assert cancel_waiting(s, mid) is None
                assert delete_message(s, mid) is False
            hold.set()
            posting.join(10)
            m = message(db, mid)
            assert m is not None and m.status == "sent" and m.wamid == "wamid.HELD1"
            assert graph.send_calls == 1
        finally:
            hold.set()
            box.client.close()


def test_a_send_that_timed_out_may_be_with_the_relay_so_it_cannot_be_cancelled(db: Database) -> None:
    class TimedOut:
        def send_message(self, body: object, key: str, *, timeout: float | None = None) -> None:
            raise RelayUnreachable(code=ErrorCode.RELAY_TIMEOUT)  # the request went out

    mid = queued(db, "혹시 갔을까요")
    sender = OutboxSender(
        db,
        TimedOut(),  # type: ignore[arg-type]
        on_changed=lambda ids: None,
        stop=threading.Event(),
        retry_base=0.01,
        retry_cap=0.05,
    )
    sender.run_once()
    m = message(db, mid)
    assert m is not None and m.status == "pending" and m.error_code == Waiting.SENDING
    with db.write() as s:
        assert cancel_waiting(s, mid) is None


def test_a_relay_that_refuses_the_connection_never_got_the_message_so_it_can_be_cancelled(
    db: Database,
) -> None:
    mid = queued(db, "릴레이가 꺼져 있어요")
    with RelayClient(CLOSED_PORT, "token") as client:
        sender = OutboxSender(
            db, client, on_changed=lambda ids: None, stop=threading.Event(), retry_base=0.01, retry_cap=0.05
        )
        sender.run_once()
    m = message(db, mid)
    assert m is not None and m.status == "pending" and m.error_code == Waiting.RELAY_OFFLINE
    with db.write() as s:
        assert cancel_waiting(s, mid) == Cancelled("릴레이가 꺼져 있어요")
