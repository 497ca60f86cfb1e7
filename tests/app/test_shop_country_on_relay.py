"""A UK shop that never moved country never told its relay, which went on writing "Mon, Dec 7" to its
English-writing customers: the desktop now names the country on connecting, keeping every rule as is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.automations_store import (
    AutomationsStore,
    SyncStatus,
    bring_shop_country_up_to_date,
)
from app.db import Database
from app.engine import SyncEngine
from app.relay_client import RelayClient
from app.settings import update_preferences
from app.wire import Automations
from tests.support.engine_probe import EngineProbe
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

SATURDAY_EVENING_LONDON = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)  # closed until Monday 09:00
WEEKDAYS_9_TO_6 = [{"mode": "open", "ranges": [{"start": "09:00", "end": "18:00"}]}] * 5 + [
    {"mode": "closed"}
] * 2
AWAY = "We're closed now. We'll answer from {opening}."


@pytest.fixture
def client(relay: RunningRelay) -> Iterator[RelayClient]:
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def a_london_shop_written_by_an_older_desktop(db: Database, relay: RunningRelay, client: RelayClient) -> None:
    """The relay's rules as a desktop before the country wrote them (none named); this desktop has
    them, and Settings says the shop is in the United Kingdom."""
    relay.put_rules(
        away={"enabled": True, "text": AWAY, "schedule": "outside_hours"},
        business_hours={"timezone": "Europe/London", "week": WEEKDAYS_9_TO_6},
        greeting={"enabled": True, "text": "Hello {first_name}, welcome!"},
    )
    AutomationsStore(db).pull(client)
    update_preferences(db, shop_region="GB", currency="GBP")


def away_answer(relay: RunningRelay, sender: str) -> str:
    """What the relay's away message tells a customer writing on Saturday evening."""
    after = relay.events(0)["next"]
    night = int(SATURDAY_EVENING_LONDON.timestamp())
    relay.post_webhook(inbound("text", "Is the linen shirt in stock?", sender=sender, timestamp=night))
    events = relay.wait_for_events(3, after=after)  # the message, the greeting, the away message
    (away,) = [e for e in events if e["kind"] == "outbound" and e["sent_by"] == "away"]
    return str(away["body"]["text"]["body"])


def on_relay(relay: RunningRelay) -> Automations:
    return Automations.model_validate(
        relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    )


def test_a_uk_shops_customers_read_uk_dates_once_the_desktop_connects_without_the_owner_editing(
    db: Database, tmp_path: Path, relay: RunningRelay, graph: FakeGraph, client: RelayClient
) -> None:
    relay.relay.clock = lambda: SATURDAY_EVENING_LONDON
    a_london_shop_written_by_an_older_desktop(db, relay, client)
    before = on_relay(relay)
    assert away_answer(relay, "447911123456") == "We're closed now. We'll answer from Mon, Dec 7, 9:00 AM."

    probe = EngineProbe()
    engine = SyncEngine(
        db, relay.url, relay.token, tmp_path / "media", on_changed=probe.on_changed, on_state=probe.on_state
    )
    engine.start()
    try:
        probe.wait_until(lambda: on_relay(relay).shop_country == "GB")
        probe.wait_until(lambda: AutomationsStore(db).state().doc.revision == before.revision + 1)
    finally:
        engine.stop()
    # Only the country was added: the owner's rules are the ones the relay had.
    after = on_relay(relay)
    assert after.model_copy(update={"shop_country": None, "revision": before.revision}) == before
    assert AutomationsStore(db).state().status is SyncStatus.SYNCED
    assert away_answer(relay, "447911654321") == "We're closed now. We'll answer from Mon 7 Dec, 09:00."


def test_a_change_another_desktop_made_while_this_one_was_away_is_kept(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    a_london_shop_written_by_an_older_desktop(db, relay, client)
    relay.put_rules(greeting={"enabled": True, "text": "Hi {first_name}! Back on Monday."})  # not seen here

    assert bring_shop_country_up_to_date(db, client) is True
    after = on_relay(relay)
    assert after.shop_country == "GB" and after.greeting.text == "Hi {first_name}! Back on Monday."
    state = AutomationsStore(db).state()
    assert state.status is SyncStatus.SYNCED and state.doc.greeting.text == after.greeting.text
    # Connecting again sends nothing more.
    assert bring_shop_country_up_to_date(db, client) is False
    assert on_relay(relay).revision == after.revision


def test_another_desktop_saving_between_the_read_and_the_push_is_kept_and_asks_nothing(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    a_london_shop_written_by_an_older_desktop(db, relay, client)

    class SecondDesktopSavesRightAfter(RelayClient):
        """The relay's document is changed elsewhere just after this desktop read it (once)."""

        saved = False

        def get_automations(self) -> Automations:
            doc = super().get_automations()
            if not self.saved:
                self.saved = True
                relay.put_rules(greeting={"enabled": True, "text": "Hi {first_name}, saved elsewhere"})
            return doc

    racing = SecondDesktopSavesRightAfter(relay.url, relay.token, timeout=5)
    try:
        assert bring_shop_country_up_to_date(db, racing) is True
    finally:
        racing.close()
    after = on_relay(relay)
    assert after.shop_country == "GB" and after.greeting.text == "Hi {first_name}, saved elsewhere"
    assert after.away.text == AWAY
    state = AutomationsStore(db).state()
    assert state.status is SyncStatus.SYNCED and state.conflict is None


def test_a_relay_naming_another_country_gets_the_shops(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    a_london_shop_written_by_an_older_desktop(db, relay, client)
    relay.put_rules(shop_country="US")
    AutomationsStore(db).pull(client)

    assert bring_shop_country_up_to_date(db, client) is True
    assert on_relay(relay).shop_country == "GB"


def test_a_change_or_a_conflict_waiting_for_the_owner_is_left_to_the_owner(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    a_london_shop_written_by_an_older_desktop(db, relay, client)
    store = AutomationsStore(db)
    mine = store.state().doc.model_copy(
        update={"greeting": store.state().doc.greeting.model_copy(update={"text": "Mine"})}
    )
    store.save(mine)
    relay.put_rules(greeting={"enabled": True, "text": "Theirs"})
    revision = on_relay(relay).revision

    # A change waiting (its own push, which meets the other desktop's, is the owner's to settle).
    assert bring_shop_country_up_to_date(db, client) is False
    assert on_relay(relay).revision == revision and store.state().doc.greeting.text == "Mine"
    # A conflict waiting for the owner's choice.
    store.push(client)
    assert store.state().status is SyncStatus.CONFLICT
    assert bring_shop_country_up_to_date(db, client) is False
    assert on_relay(relay).revision == revision and on_relay(relay).shop_country is None
    assert store.state().status is SyncStatus.CONFLICT


def test_a_relay_nothing_was_written_to_is_left_for_the_first_push(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    update_preferences(db, shop_region="GB")
    assert bring_shop_country_up_to_date(db, client) is False
    assert on_relay(relay).revision == 0


def test_a_korean_shop_whose_relay_names_no_country_is_left_as_it_is(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    """A relay naming no country writes English dates as the US does, as a Korean shop's read anyway:
    no new revision (a second desktop's offline edit would then meet a conflict) for most shops."""
    relay.put_rules(greeting={"enabled": True, "text": "어서 오세요"})
    AutomationsStore(db).pull(client)  # Settings' country is Korea, a new shop's
    before = on_relay(relay).revision

    assert bring_shop_country_up_to_date(db, client) is False
    assert on_relay(relay).revision == before and on_relay(relay).shop_country is None


def test_a_korean_shop_whose_relay_names_another_country_sends_its_own(
    db: Database, relay: RunningRelay, client: RelayClient
) -> None:
    relay.put_rules(greeting={"enabled": True, "text": "어서 오세요"}, shop_country="GB")
    AutomationsStore(db).pull(client)

    assert bring_shop_country_up_to_date(db, client) is True
    assert on_relay(relay).shop_country == "KR" and on_relay(relay).greeting.text == "어서 오세요"
