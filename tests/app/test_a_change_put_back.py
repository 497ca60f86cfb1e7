"""A part changed and then put back as the relay has it waits no more: the copy here is compared with
the relay's own (as last heard), not with the save before, so nothing is said to wait for it."""

from __future__ import annotations

from typing import Any

from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsStore, PushOutcome, SyncStatus, demo_automations
from app.relay_client import RelayClient
from app.wire import Automations
from tests.support.relay_server import RunningRelay


def away_on(doc: Automations, on: bool) -> Automations:
    return doc.model_copy(update={"away": doc.away.model_copy(update={"enabled": on})})


def greeting_text(doc: Automations, text: str) -> Automations:
    return doc.model_copy(update={"greeting": doc.greeting.model_copy(update={"text": text})})


def on_the_relay(db: Any, relay: RunningRelay) -> AutomationsStore:
    store = AutomationsStore(db)
    store.save(demo_automations("en"))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.PUSHED
    return store


def test_the_away_message_switched_off_and_on_again_while_the_relay_is_down_waits_no_more(
    db: Any, relay: RunningRelay
) -> None:
    store = on_the_relay(db, relay)
    relay.stop()
    store.save(away_on(store.state().doc, False))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.OFFLINE
    assert store.state().status is SyncStatus.PENDING

    state = store.save(away_on(store.state().doc, True))

    assert state.status is SyncStatus.SYNCED
    assert state.waiting_parts == ()
    assert store.state().status is SyncStatus.SYNCED  # as stored
    relay.start()
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client) is PushOutcome.NOTHING  # nothing to send


def test_only_the_part_still_changed_waits(db: Any, relay: RunningRelay) -> None:
    store = on_the_relay(db, relay)
    relay.stop()
    doc = store.state().doc
    store.save(greeting_text(away_on(doc, False), "Hello!"))
    assert store.state().waiting_parts == (AutomationsPart.AWAY, AutomationsPart.GREETING)

    state = store.save(away_on(store.state().doc, True))

    assert state.status is SyncStatus.PENDING
    assert state.waiting_parts == (AutomationsPart.GREETING,)


def test_a_change_put_back_while_the_relay_refused_it_is_no_longer_refused(
    db: Any, relay: RunningRelay
) -> None:
    from app.automations_store import note_refused
    from app.errors import RefusalParams

    store = on_the_relay(db, relay)
    state = store.save(away_on(store.state().doc, False))
    with db.write() as s:
        note_refused(s, state.edit, RefusalParams(relay_code="invalid"))
    assert store.state().status is SyncStatus.REFUSED

    state = store.save(away_on(store.state().doc, True))

    assert state.status is SyncStatus.SYNCED and state.refused is None
