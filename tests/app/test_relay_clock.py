"""A laptop whose clock is off: its replies are stamped with the relay's time, read from its answers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest

from app import relay_clock
from app.db import Database
from app.models import Message
from app.outbox import pending_heads
from app.relay_client import RelayClient
from app.sending import queue_text
from relay.server import SERVER_OPTIONS
from tests.support.factories import make_contact
from tests.support.relay_server import run_relay
from tests.support.servers import ThreadedServer
from ui.composer import window_left

AHEAD = 10 * 60  # the relay's (and WhatsApp's) clock, ten minutes ahead of this laptop's


def clock_ahead(app: Any, seconds: float) -> Any:
    """The relay's own app, its answers dated `seconds` ahead: a laptop whose clock is that much slow.
    (Its lifespan stays with the relay's own server, which started it.)"""

    async def dated(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return

        async def send_dated(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                date = formatdate(time.time() + seconds, usegmt=True).encode()
                message = {**message, "headers": [*message.get("headers", []), (b"date", date)]}
            await send(message)

        await app(scope, receive, send_dated)

    return dated


@pytest.fixture
def clock_forgotten() -> Iterator[None]:
    relay_clock.forget()
    yield
    relay_clock.forget()


def test_a_reply_on_a_slow_laptop_is_stamped_after_the_question_it_answers(
    tmp_path: Path, db: Database, clock_forgotten: None
) -> None:
    """A customer's question stamped 15:00:00 by WhatsApp, answered at 15:00:30 on a laptop ten minutes
    slow: the answer was stamped 14:50:30 and shown above the question."""
    asked = datetime.now(UTC) + timedelta(seconds=AHEAD - 30)
    with db.write() as s:
        contact_id = int(make_contact(s, profile_name="김민지", last_inbound_at=asked).id)
    with run_relay(tmp_path, upstream="sandbox") as relay:
        server = ThreadedServer(clock_ahead(relay.app, AHEAD), date_header=False, **SERVER_OPTIONS)
        server.start()
        try:
            with RelayClient(server.url, relay.token) as client:
                client.health()  # any answer of the relay: the sync engine's polls, the outbox's sends
        finally:
            server.stop()
    with db.write() as s:
        answer = queue_text(s, contact_id, "네, 재고 있어요!")
        answered = answer.sent_at if answer.sent_at.tzinfo else answer.sent_at.replace(tzinfo=UTC)
    assert asked < answered < asked + timedelta(seconds=40)
    # The 24-hour window is WhatsApp's too: 23 h 55 min after a question, 5 minutes are left (the
    # laptop's own clock said 15).
    almost_a_day_ago = datetime.now(UTC) + timedelta(seconds=AHEAD) - timedelta(hours=23, minutes=55)
    assert timedelta(minutes=4) < window_left(almost_a_day_ago) < timedelta(minutes=6)


def test_a_few_seconds_apart_is_the_network_not_a_clock_that_is_off(clock_forgotten: None) -> None:
    now = time.time()
    relay_clock.observe(formatdate(now - 2, usegmt=True), received_at=now)
    assert relay_clock.offset() == timedelta(0)
    relay_clock.observe("not a date", received_at=now)
    assert relay_clock.offset() == timedelta(0)


def test_replies_waiting_in_a_chat_keep_their_order_when_the_clock_is_set_between_them(
    db: Database, clock_forgotten: None
) -> None:
    """Typed with the relay away, on a laptop ten minutes fast; the relay answers (its clock read),
    then another reply: the outbox sends by this time, and the later reply must not go first."""
    with db.write() as s:
        contact_id = int(make_contact(s, profile_name="Amy Clarke").id)
        first = int(queue_text(s, contact_id, "Yes, we have it in beige").id)
    relay_clock.observe(formatdate(time.time() - AHEAD, usegmt=True))
    with db.write() as s:
        second = int(queue_text(s, contact_id, "Shall I keep one for you?").id)
    with db.read() as s:
        assert pending_heads(s) == [first]
        times = {m.id: m.sent_at for m in s.query(Message).filter(Message.contact_id == contact_id)}
    assert times[second] >= times[first]


def test_one_stale_date_from_a_busy_relay_does_not_set_the_clock_back(clock_forgotten: None) -> None:
    now = time.time()
    relay_clock.observe(formatdate(now, usegmt=True), received_at=now)
    relay_clock.observe(formatdate(now - 13, usegmt=True), received_at=now + 1)  # a poll answered late
    assert relay_clock.offset() == timedelta(0)
    for late in range(relay_clock.KEPT):  # the laptop's clock set 10 minutes ahead meanwhile
        relay_clock.observe(formatdate(now + late, usegmt=True), received_at=now + late + 600)
    assert abs(relay_clock.offset().total_seconds() + 600) < 2
