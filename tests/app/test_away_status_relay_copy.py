"""What the relay runs of the away message while a change waits or was refused: its own copy, as last
heard from it (a GET, its answer to a PUT, a `settings` event), kept beside the copy here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.automations_store import (
    AutomationsStore,
    PushOutcome,
    SyncStatus,
    apply_remote,
    demo_automations,
)
from app.away_status import (
    AwayNow,
    RelayAway,
    StillSent,
    relay_away,
    relay_away_now,
    relay_copy,
    relay_still_sends,
)
from app.relay_client import RelayClient
from app.wire import Automations
from tests.support.relay_server import RunningRelay

# The Brighton demo shop (Europe/London): closed on Sunday afternoon, open on Monday at 11:00.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
MONDAY_MORNING = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)


def switched_off(doc: Automations) -> Automations:
    return doc.model_copy(update={"away": doc.away.model_copy(update={"enabled": False})})


def test_a_change_switching_the_away_message_off_leaves_the_relays_copy_sending_it(
    db: Any, relay: RunningRelay
) -> None:
    store = AutomationsStore(db)
    store.save(demo_automations("en"))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.PUSHED
        store.save(switched_off(store.state().doc))
    relay.stop()  # the change waits: the relay still answers outside business hours
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.OFFLINE
    state = store.state()
    assert state.status is SyncStatus.PENDING and not state.doc.away.enabled
    kind = relay_away(state, retrying=True)
    assert kind is RelayAway.PREVIOUS_WAITING
    assert relay_away_now(state, kind, SUNDAY_AFTERNOON) is AwayNow.SCHEDULED
    assert relay_away_now(state, kind, MONDAY_MORNING) is AwayNow.OFF

    relay.start()
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.PUSHED
    state = store.state()
    copy = relay_copy(state)
    assert copy is not None and not copy.away.enabled  # its answer is kept as what it runs


def test_an_old_settings_event_replayed_does_not_replace_the_relays_copy(
    db: Any, relay: RunningRelay
) -> None:
    store = AutomationsStore(db)
    store.save(demo_automations("en"))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        store.push(client)
        first = client.get_automations()
        store.save(switched_off(store.state().doc))
        store.push(client)
    with db.write() as s:
        apply_remote(s, first)  # the first revision's event, read again
    copy = store.state().on_relay
    assert copy is not None and copy.revision == first.revision + 1 and not copy.away.enabled


def greeting_changed(doc: Automations, **update: Any) -> Automations:
    return doc.model_copy(update={"greeting": doc.greeting.model_copy(update=update)})


def waiting_after(db: Any, relay: RunningRelay, change: Any) -> Any:
    """The demo rules on the relay, then `change` saved here while the relay is out of reach."""
    store = AutomationsStore(db)
    store.save(demo_automations("en"))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.PUSHED
    return waiting_after_save(relay, store, change)


def waiting_after_save(relay: RunningRelay, store: AutomationsStore, change: Any) -> Any:
    store.save(change(store.state().doc))
    relay.stop()  # the change waits
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.OFFLINE
    relay.start()
    return store.state()


def test_the_away_message_switched_off_while_the_change_waits_is_still_sent(
    db: Any, relay: RunningRelay
) -> None:
    state = waiting_after(db, relay, switched_off)
    assert relay_still_sends(state) == (StillSent.AWAY_SWITCHED_OFF,)


def test_both_messages_changed_while_the_change_waits_are_still_sent_as_before(
    db: Any, relay: RunningRelay
) -> None:
    def change(doc: Automations) -> Automations:
        doc = greeting_changed(doc, enabled=False)
        return doc.model_copy(update={"away": doc.away.model_copy(update={"text": "Back on Monday."})})

    state = waiting_after(db, relay, change)
    assert relay_still_sends(state) == (StillSent.AWAY_AS_BEFORE, StillSent.GREETING_SWITCHED_OFF)


def test_a_waiting_change_that_leaves_both_messages_be_says_nothing_is_still_sent(
    db: Any, relay: RunningRelay
) -> None:
    def change(doc: Automations) -> Automations:
        return doc.model_copy(update={"profile": doc.profile.model_copy(update={"about": "Linen"})})

    assert relay_still_sends(waiting_after(db, relay, change)) == ()


def test_a_greeting_switched_on_here_is_not_said_as_still_sent(db: Any, relay: RunningRelay) -> None:
    """The relay's copy has it off: customers get none, which is not what this says."""
    store = AutomationsStore(db)
    store.save(greeting_changed(demo_automations("en"), enabled=False))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.PUSHED
    state = waiting_after_save(relay, store, lambda doc: greeting_changed(doc, enabled=True))
    assert relay_still_sends(state) == ()
