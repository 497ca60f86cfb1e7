"""The sync worker on its own: backoff, the offline state, and a damaged event that must not stall the inbox."""

from __future__ import annotations

import logging
import random
import threading
from typing import Any

import pytest
from sqlalchemy import select

from app.backoff import backoff_delay
from app.connection import ConnectionState
from app.db import Database
from app.models import Message
from app.relay_client import RelayClient
from app.sync import SyncWorker
from app.sync_apply import current_cursor
from app.wire import MessageEvent, read_event
from tests.support.engine_probe import EngineProbe
from tests.support.servers import free_port
from tests.support.wire_events import message_event


def test_backoff_grows_to_its_cap_with_jitter() -> None:
    rng = random.Random(1)
    delays = [backoff_delay(n, base=1.0, cap=30.0, rng=rng) for n in range(1, 12)]
    assert 0.5 <= delays[0] <= 1.0
    assert all(15.0 <= d <= 30.0 for d in delays[6:])
    assert len({round(d, 3) for d in delays[6:]}) > 1  # jittered: clients do not retry in lockstep


def test_an_unreachable_relay_reads_reconnecting_then_offline_with_the_next_retry_time(db: Database) -> None:
    probe = EngineProbe()
    stop = threading.Event()
    worker = SyncWorker(
        db,
        RelayClient(f"http://127.0.0.1:{free_port()}", "token"),
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        stop=stop,
        retry_base=0.01,
        retry_cap=0.02,
    )
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        probe.wait_until(lambda: "offline" in probe.state_names)
    finally:
        stop.set()
        thread.join(2)
    assert probe.state_names[0] == "reconnecting"
    assert all(isinstance(s, ConnectionState) and s.next_retry_at is not None for s in probe.states)


def test_a_relay_that_stays_down_logs_one_line_per_state_change_not_per_attempt(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    probe = EngineProbe()
    stop = threading.Event()
    worker = SyncWorker(
        db,
        RelayClient(f"http://127.0.0.1:{free_port()}", "token"),
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        stop=stop,
        retry_base=0.001,
        retry_cap=0.002,
    )
    thread = threading.Thread(target=worker.run)
    with caplog.at_level(logging.INFO, logger="app.sync"):
        thread.start()
        try:
            probe.wait_until(lambda: worker.failures >= 30)
        finally:
            stop.set()
            thread.join(2)
    lines = [r.getMessage() for r in caplog.records if r.name == "app.sync"]
    assert worker.failures >= 30
    assert lines == [
        "relay poll failing: state=reconnecting error=RelayUnreachable status=None; retrying with backoff",
        "relay poll failing: state=offline error=RelayUnreachable status=None; retrying with backoff",
    ]


def test_a_damaged_event_is_skipped_and_the_rest_of_the_page_applied(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.sync as sync

    real = sync.apply_events

    def fragile(session: Any, events: list[Any], cursor: int | None = None) -> Any:
        if any(isinstance(e, MessageEvent) and e.message["text"]["body"] == "poison" for e in events):
            raise ValueError("cannot apply this one")
        return real(session, events, cursor)

    monkeypatch.setattr(sync, "apply_events", fragile)
    changed: list[set[int]] = []
    worker = SyncWorker(
        db,
        RelayClient("http://127.0.0.1:9", "t"),
        on_changed=lambda c: changed.append(set(c.contacts)),
        on_state=lambda s: None,
        stop=threading.Event(),
    )
    events = [
        read_event(message_event(content=b, seq=i + 1)) for i, b in enumerate(["before", "poison", "after"])
    ]
    result = worker.apply_page(events, 3)
    assert (result.applied, result.skipped) == (2, 1)
    with db.read() as s:
        assert list(s.scalars(select(Message.body).order_by(Message.id))) == ["before", "after"]
        assert current_cursor(s) == 3
    assert changed
