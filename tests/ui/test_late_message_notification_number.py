"""A shop with two numbers: a customer's message that comes late (WhatsApp's earlier time on it) to
the other number is told as to the number it came to, not to the number her chat is on."""

from __future__ import annotations

import time
from typing import Any

from app.business_numbers import remember_business_numbers
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import settle

GANGNAM, HONGDAE = "100000000000001", "100000000000002"
CUSTOMER = "821055550007"


def written_to(number: str, display: str, text: str, timestamp: int) -> dict[str, Any]:
    """The customer's message to the business number `number` (dialled as `display`), sent at `timestamp`."""
    payload = inbound(content=text, sender=CUSTOMER, name="한서윤", timestamp=timestamp)
    metadata = payload["entry"][0]["changes"][0]["value"]["metadata"]
    metadata["phone_number_id"], metadata["display_phone_number"] = number, display
    return payload


def test_a_late_message_to_the_other_number_is_told_as_to_that_number(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    with window.ctx.db.write() as s:  # the shop's two branches, known from their earlier messages
        remember_business_numbers(s, [(GANGNAM, "8225550101"), (HONGDAE, "8225550202")])
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    now = int(time.time())
    relay.post_webhook(written_to(GANGNAM, "8225550101", "강남점 영업하나요?", now))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    settle(qtbot)
    notes: list[str] = []
    window.notifier.notified.connect(lambda _cid, title, _text: notes.append(title))
    window.notifier.is_window_active = lambda: False

    # Sent to Hongdae an hour ago, delivered only now: her chat stays on Gangnam's number.
    relay.post_webhook(written_to(HONGDAE, "8225550202", "홍대점에 재고 있나요?", now - 3600))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    assert model.row_at(0).phone_number_id == GANGNAM  # the chat's number is unchanged
    assert notes == ["한서윤 (2 messages) · to your number 02-555-0202"]
