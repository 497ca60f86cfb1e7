"""A shop whose rules were on one relay and that connects to a new one (a new relay address, or the
relay started afresh with an empty database): the new relay has no rules, so it would send no
greeting, away message or menu bot while the window said "On the relay". Its rules go to it."""

from __future__ import annotations

from pathlib import Path

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.db import Database
from app.engine import SyncEngine
from app.relay_client import RelayClient
from app.wire import Automations
from tests.support.engine_probe import EngineProbe
from tests.support.relay_server import RunningRelay, run_relay

AWAY = "We are closed now; we answer at 10 tomorrow."


def on_relay(relay: RunningRelay) -> Automations:
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        return client.get_automations()


def rules_on(db: Database, relay: RunningRelay) -> None:
    store = AutomationsStore(db)
    doc = demo_automations("en")
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": AWAY})}))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"
        relay_doc = client.get_automations()
    # Another change, so the copy here is at a revision a new relay has never had.
    store.save(
        relay_doc.model_copy(update={"greeting": relay_doc.greeting.model_copy(update={"text": "Hi!"})})
    )
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"
    assert store.state().doc.revision == 2 and store.state().status is SyncStatus.SYNCED


def connect(db: Database, relay: RunningRelay, tmp_path: Path) -> tuple[SyncEngine, EngineProbe]:
    probe = EngineProbe()
    engine = SyncEngine(
        db,
        relay.url,
        relay.token,
        tmp_path / "media",
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        poll_wait=0.3,
        push_retry_base=0.05,
        push_retry_cap=0.2,
    )
    engine.start()
    return engine, probe


def test_the_shops_rules_go_to_a_new_relay_that_has_none(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    rules_on(db, relay)
    (tmp_path / "new-relay").mkdir()
    with run_relay(tmp_path / "new-relay") as new:
        assert on_relay(new).revision == 0  # no rules: it sends no automatic message
        engine, probe = connect(db, new, tmp_path)
        try:
            probe.wait_until(lambda: on_relay(new).away.text == AWAY)
            probe.wait_until(lambda: AutomationsStore(db).state().status is SyncStatus.SYNCED)
        finally:
            engine.stop()
        assert on_relay(new).greeting.text == "Hi!"
        assert AutomationsStore(db).state().doc.revision == on_relay(new).revision


def test_a_change_waiting_for_a_relay_that_started_afresh_goes_to_it_without_a_conflict(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    """Saved while the old relay was away; the relay came back with an empty database. Its empty
    document is no other computer's change: the owner is not asked to choose against nothing."""
    rules_on(db, relay)
    store = AutomationsStore(db)
    doc = store.state().doc
    later = "Back on Monday."
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": later})}))
    (tmp_path / "new-relay").mkdir()
    with run_relay(tmp_path / "new-relay") as new:
        engine, probe = connect(db, new, tmp_path)
        try:
            probe.wait_until(lambda: on_relay(new).away.text == later)
            probe.wait_until(lambda: store.state().status is SyncStatus.SYNCED)
        finally:
            engine.stop()
        assert on_relay(new).greeting.text == "Hi!"


def test_an_editors_push_to_a_relay_that_started_afresh_is_taken_not_a_conflict(
    db: Database, relay: RunningRelay, tmp_path: Path
) -> None:
    """The relay lost its database while the window was open: the editor's save (based on the old
    relay's revision) meets a 412 and the relay's empty document, and goes to it as its first rules."""
    rules_on(db, relay)
    store = AutomationsStore(db)
    doc = store.state().doc
    later = "Back on Monday."
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": later})}))
    (tmp_path / "new-relay").mkdir()
    with run_relay(tmp_path / "new-relay") as new, RelayClient(new.url, new.token, timeout=5) as client:
        assert store.push(client).value == "pushed"
        assert store.state().status is SyncStatus.SYNCED
        assert on_relay(new).away.text == later and on_relay(new).greeting.text == "Hi!"
