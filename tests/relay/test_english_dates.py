"""A London shop's away message told its customers “we answer from Mon, Dec 7”: the relay wrote every
English date the US's way. It now writes them as the shop's country does (the desktop pushes it)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

SATURDAY_EVENING_LONDON = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)  # closed until Monday 09:00
SATURDAY_EVENING_NEW_YORK = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)  # 20:00 Saturday in New York
WEEKDAYS_9_TO_6 = [{"mode": "open", "ranges": [{"start": "09:00", "end": "18:00"}]}] * 5 + [
    {"mode": "closed"}
] * 2
AWAY_EN = "We're closed now. We'll answer from {opening}."
AWAY_KO = "지금은 영업시간이 아니에요. {opening}부터 답변드릴게요."


@pytest.mark.parametrize(
    ("country", "zone", "now", "expected"),
    [
        ("GB", "Europe/London", SATURDAY_EVENING_LONDON, "We'll answer from Mon 7 Dec, 09:00."),
        ("US", "America/New_York", SATURDAY_EVENING_NEW_YORK, "We'll answer from Mon, Dec 7, 9:00 AM."),
        # A desktop from before the country was pushed: the relay writes as it always did.
        (None, "Europe/London", SATURDAY_EVENING_LONDON, "We'll answer from Mon, Dec 7, 9:00 AM."),
    ],
)
def test_the_away_message_writes_the_date_as_the_shops_country_does(
    relay: RunningRelay, graph: FakeGraph, country: str | None, zone: str, now: datetime, expected: str
) -> None:
    relay.relay.clock = lambda: now
    stored = relay.put_rules(
        away={"enabled": True, "text": AWAY_EN, "schedule": "outside_hours"},
        business_hours={"timezone": zone, "week": WEEKDAYS_9_TO_6},
        shop_country=country,
    )
    assert stored.get("shop_country") == country
    relay.post_webhook(
        inbound("text", "Is the linen shirt in stock?", sender="447911123456", timestamp=int(now.timestamp()))
    )
    (sent,) = [e for e in relay.wait_for_events(3) if e["kind"] == "outbound"]
    assert sent["sent_by"] == "away"
    assert sent["body"]["text"]["body"] == f"We're closed now. {expected}"


def test_a_korean_customer_of_a_uk_shop_reads_the_korean_date(relay: RunningRelay, graph: FakeGraph) -> None:
    relay.relay.clock = lambda: SATURDAY_EVENING_LONDON
    relay.put_rules(
        away={"enabled": True, "text": AWAY_KO, "schedule": "outside_hours"},
        business_hours={"timezone": "Europe/London", "week": WEEKDAYS_9_TO_6},
        shop_country="GB",
    )
    night = int(SATURDAY_EVENING_LONDON.timestamp())
    relay.post_webhook(inbound("text", "셔츠 재고 있나요?", sender="821011112222", timestamp=night))
    (sent,) = [e for e in relay.wait_for_events(3) if e["kind"] == "outbound"]
    assert (
        sent["body"]["text"]["body"]
        == "지금은 영업시간이 아니에요. 12월 7일 (월) 오전 9:00부터 답변드릴게요."
    )


def test_an_older_relay_document_without_the_country_still_reads(relay: RunningRelay) -> None:
    """A desktop of this version against a relay that stored the document before: no country, no error."""
    doc = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert doc.get("shop_country") is None
