"""{hours} and a relay that cannot fill it: the desktop writes the hours into the texts it sends.

Against the real relay on loopback: a relay that says it fills {hours} (GET /healthz `features`)
gets the field and fills it; one that does not say so (the real relay with its announcement switched
off, as a relay from before the field answers) gets the hours written out, so customers never read
"{hours}"; the owner's copy keeps the field, and follows new hours, a passing day and an updated relay.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from app.automations_store import AutomationsStore, PushOutcome, SyncStatus, follow_relay_features, push
from app.db import Database
from app.engine import SyncEngine
from app.relay_client import RelayClient
from app.wire import RELAY_FEATURES, Automations, Health
from tests.support.engine_probe import EngineProbe
from tests.support.relay_server import RunningRelay, inbound

OPEN = {"mode": "open", "ranges": [{"start": "10:00", "end": "19:00"}]}
CLOSED = {"mode": "closed"}
WEEKDAYS_10_TO_7 = [OPEN] * 5 + [CLOSED] * 2
AWAY_TEXT = "지금은 답장이 늦어요.\n{영업시간}"  # as the editor's button writes it in Korean


def away_doc(week: list[Any], closed_days: list[dict[str, str]] | None = None) -> Automations:
    return Automations.model_validate(
        {
            "away": {"enabled": True, "text": AWAY_TEXT, "schedule": "always"},
            "business_hours": {"timezone": "Asia/Seoul", "week": week, "closed_days": closed_days or []},
        }
    )


@pytest.fixture
def client(relay: RunningRelay):
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def away_told(relay: RunningRelay, sender: str) -> str:
    """What the relay's away message said to this customer, writing now."""
    after = relay.events(0)["next"]
    relay.post_webhook(inbound("text", "언제 열어요?", sender=sender))
    for event in relay.wait_for_events(2, after=after):
        if event["kind"] == "outbound" and event["sent_by"] == "away":
            return str(event["body"]["text"]["body"])
    raise AssertionError("no away message")


def test_a_relay_that_fills_hours_gets_the_field_and_customers_get_the_hours(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    health = httpx.get(f"{relay.url}/healthz").json()
    assert "hours_field" in health["features"]
    store = AutomationsStore(db)
    follow_relay_features(db, client)
    assert store.state().relay_fills_hours is True
    store.save(away_doc(WEEKDAYS_10_TO_7))
    assert store.push(client) is PushOutcome.PUSHED
    assert client.get_automations().away.text == AWAY_TEXT  # the relay fills it as it answers
    assert away_told(relay, "821011112222") == "지금은 답장이 늦어요.\n월~금 오전 10:00~오후 7:00\n토~일 휴무"


def test_an_older_relay_gets_the_hours_written_out_and_the_owner_keeps_the_field(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    relay.relay.features = ()  # as a relay from before {hours} answers /healthz
    store = AutomationsStore(db)
    assert follow_relay_features(db, client)
    assert store.state().relay_fills_hours is False
    store.save(away_doc(WEEKDAYS_10_TO_7))
    assert store.push(client) is PushOutcome.PUSHED
    on_relay = client.get_automations()
    assert on_relay.away.text == "지금은 답장이 늦어요.\n월~금 오전 10:00~오후 7:00\n토~일 휴무"
    assert away_told(relay, "821011112222") == on_relay.away.text  # never "{영업시간}"
    state = store.state()
    assert state.status is SyncStatus.SYNCED and state.doc.away.text == AWAY_TEXT
    # The relay's own `settings` event of that change, and a pull, leave the field a field here.
    settings = [e for e in relay.events(0)["events"] if e["kind"] == "settings"]
    assert (
        store.apply_remote(Automations.model_validate(settings[-1]["automations"])).doc.away.text == AWAY_TEXT
    )
    assert store.pull(client).doc.away.text == AWAY_TEXT

    # New hours: the next push writes them.
    saturday = [OPEN] * 6 + [CLOSED]
    store.save(away_doc(saturday))
    assert store.push(client) is PushOutcome.PUSHED
    assert client.get_automations().away.text == "지금은 답장이 늦어요.\n월~토 오전 10:00~오후 7:00\n일 휴무"
    assert away_told(relay, "821033334444").endswith("월~토 오전 10:00~오후 7:00\n일 휴무")
    # Connecting again the same day sends nothing: the relay's text is today's.
    assert not follow_relay_features(db, client)
    assert store.state().status is SyncStatus.SYNCED

    # The relay is updated: on connecting it gets the field back, and fills it itself.
    relay.relay.features = RELAY_FEATURES
    assert follow_relay_features(db, client)
    assert store.state().status is SyncStatus.PENDING
    assert store.push(client) is PushOutcome.PUSHED
    assert client.get_automations().away.text == AWAY_TEXT
    assert store.state().hours_written_at is None


def test_hours_written_on_an_earlier_day_are_written_again_when_they_read_otherwise_today(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    """A closed day ahead (a holiday) is named in the written hours; once it has passed, connecting
    again sends the texts written as of that day, without it."""
    relay.relay.features = ()
    store = AutomationsStore(db)
    follow_relay_features(db, client)
    today = datetime.now(ZoneInfo("Asia/Seoul")).date()
    holiday = today + timedelta(days=10)
    store.save(away_doc(WEEKDAYS_10_TO_7, [{"first": holiday.isoformat(), "last": holiday.isoformat()}]))
    assert store.push(client) is PushOutcome.PUSHED
    assert f"{holiday.month}월 {holiday.day}일" in client.get_automations().away.text

    later = datetime.now(UTC) + timedelta(days=20)
    assert follow_relay_features(db, client, now=later)
    assert store.state().status is SyncStatus.PENDING
    assert push(db, client, now=later) is PushOutcome.PUSHED
    assert f"{holiday.month}월 {holiday.day}일" not in client.get_automations().away.text
    assert store.state().doc.away.text == AWAY_TEXT


def test_a_relay_answering_healthz_without_features_is_one_that_fills_nothing() -> None:
    """The /healthz answer of a relay from before `features`, and a newer relay's unknown keys."""
    old = Health.model_validate({"status": "ok", "version": "0.1.0", "upstream": "cloud"})
    assert old.features == []
    newer = Health.model_validate(
        {"status": "ok", "version": "0.1.0", "upstream": "cloud", "features": ["hours_field", "x"], "y": 1}
    )
    assert "hours_field" in newer.features


def test_a_push_before_the_relay_was_asked_asks_it_first(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    """A desktop that pushes before it connected (an editor saved right after setup) asks /healthz
    itself: an older relay gets the hours written out, not the field."""
    relay.relay.features = ()
    store = AutomationsStore(db)
    assert store.state().relay_fills_hours is None
    store.save(away_doc(WEEKDAYS_10_TO_7))
    assert store.push(client) is PushOutcome.PUSHED
    assert client.get_automations().away.text.endswith("월~금 오전 10:00~오후 7:00\n토~일 휴무")
    assert store.state().relay_fills_hours is False


def test_an_older_relay_already_holding_the_field_gets_the_hours_once_the_desktop_connects(
    db: Database, tmp_path: Path, relay: RunningRelay, client: RelayClient
) -> None:
    """The shop's relay was sent "{hours}" before the desktop knew to ask (the desktop just before
    this one): connecting, with no edit of the owner's, sends the hours written out."""
    relay.relay.features = ()
    relay.put_rules(**away_doc(WEEKDAYS_10_TO_7).model_dump(mode="json", include={"away", "business_hours"}))
    AutomationsStore(db).pull(client)
    # What an older relay sent customers as typed (this relay fills it all the same).
    assert client.get_automations().away.text == AWAY_TEXT

    probe = EngineProbe()
    engine = SyncEngine(
        db, relay.url, relay.token, tmp_path / "media", on_changed=probe.on_changed, on_state=probe.on_state
    )
    engine.start()
    try:
        probe.wait_until(lambda: "{" not in client.get_automations().away.text)
        probe.wait_until(lambda: AutomationsStore(db).state().status is SyncStatus.SYNCED)
    finally:
        engine.stop()
    assert away_told(relay, "821011112222") == "지금은 답장이 늦어요.\n월~금 오전 10:00~오후 7:00\n토~일 휴무"
    assert AutomationsStore(db).state().doc.away.text == AWAY_TEXT
