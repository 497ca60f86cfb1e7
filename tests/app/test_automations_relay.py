"""The automations copy against the real relay on loopback: push, pending while down, conflicts, events."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.automations_store import (
    AutomationsStore,
    PushOutcome,
    SyncStatus,
    demo_automations,
    follow_bank_account,
)
from app.bank_field import uses_bank, with_bank
from app.db import Database
from app.order_settings import OrderSettings, load_order_settings, save_order_settings
from app.relay_client import RelayClient
from app.wire import Automations, GreetingRule, SettingsEvent
from tests.support.relay_server import RunningRelay, run_relay


@pytest.fixture
def relay(tmp_path: Path):
    with run_relay(tmp_path) as running:
        yield running


@pytest.fixture
def client(relay: RunningRelay):
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def settings_events(relay: RunningRelay) -> list[SettingsEvent]:
    page = relay.events(0)
    return [SettingsEvent.model_validate(e) for e in page["events"] if e["kind"] == "settings"]


def test_editing_offline_then_pushing_puts_the_document_on_the_relay(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    store = AutomationsStore(db)
    store.pull(client)
    store.save(demo_automations("ko"))
    assert store.push(client) is PushOutcome.PUSHED
    on_relay = client.get_automations()
    assert on_relay.profile.name == "서울 리넨 하우스" and on_relay.revision == 1
    state = store.state()
    assert state.status is SyncStatus.SYNCED and state.doc.revision == on_relay.revision
    # The relay holds the bot's account answer filled in; this desktop keeps the field ({bank}).
    assert with_bank(state.doc, state.bank_account) == on_relay and uses_bank(state.doc)
    # Every change is a settings event, which another desktop applies to its own copy.
    (event,) = settings_events(relay)
    assert event.automations.revision == 1
    # Our own change coming back as an event leaves the field a field.
    assert store.apply_remote(event.automations).doc == state.doc


def test_a_second_desktop_keeps_the_account_a_field_and_follows_its_own_new_account(
    db, tmp_path: Path, relay: RunningRelay, client: RelayClient
) -> None:
    """The shop's second computer (or a new install) receives the bot with the account filled in:
    it gets the field back and the account into its order settings, so changing the account there
    reaches the customers too, and editing the bot there never freezes the old account into it."""
    old, new = "국민은행 123456-01-234567 (서울리넨하우스)", "신한은행 110-987-654321 (서울리넨하우스)"
    first = AutomationsStore(db)
    with db.write() as s:
        save_order_settings(s, OrderSettings(bank_account=old))
    first.pull(client)
    first.save(demo_automations("ko"))
    assert first.push(client) is PushOutcome.PUSHED
    assert old in client.get_automations().bot.model_dump_json()

    other_db = Database.open(tmp_path / "second.sqlite3")
    try:
        second = AutomationsStore(other_db)
        second.pull(client)
        kept = second.state()
        assert uses_bank(kept.doc) and old not in kept.doc.bot.model_dump_json()
        assert kept.status is SyncStatus.SYNCED and kept.bank_account == old
        with other_db.read() as s:
            assert load_order_settings(s).bank_account == old

        with other_db.write() as s:
            save_order_settings(s, OrderSettings(bank_account=new))
            follow_bank_account(s)
        assert second.push(client) is PushOutcome.PUSHED
        on_relay = client.get_automations().bot.model_dump_json()
        assert new in on_relay and old not in on_relay
        # The first desktop, which still has the old account, keeps the field too.
        first.pull(client)
        assert uses_bank(first.state().doc) and new not in first.state().doc.bot.model_dump_json()
    finally:
        other_db.close()


def test_a_change_saved_while_the_relay_is_down_goes_out_when_it_is_back(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    store = AutomationsStore(db)
    store.pull(client)
    relay.stop()
    store.save(Automations(greeting=GreetingRule(enabled=True, text="안녕하세요 {name}님!")))
    assert store.push(client) is PushOutcome.OFFLINE
    assert store.state().status is SyncStatus.PENDING
    relay.start()  # same port, same database
    assert store.push(client) is PushOutcome.PUSHED
    assert client.get_automations().greeting.text == "안녕하세요 {name}님!"
    assert store.state().status is SyncStatus.SYNCED


def test_two_desktops_never_silently_overwrite_each_other(
    tmp_path: Path, db, relay: RunningRelay, client: RelayClient
) -> None:
    from app.db import Database

    other_db = Database.open(tmp_path / "other.db")
    try:
        mine, theirs = AutomationsStore(db), AutomationsStore(other_db)
        mine.pull(client)
        theirs.pull(client)
        theirs.save(Automations(greeting=GreetingRule(enabled=True, text="from the shop laptop")))
        assert theirs.push(client) is PushOutcome.PUSHED
        mine.save(Automations(greeting=GreetingRule(enabled=True, text="from the home laptop")))
        assert mine.push(client) is PushOutcome.CONFLICT
        state = mine.state()
        assert state.doc.greeting.text == "from the home laptop"
        assert state.conflict is not None and state.conflict.greeting.text == "from the shop laptop"
        assert client.get_automations().greeting.text == "from the shop laptop"  # untouched
        mine.resolve("mine")
        assert mine.push(client) is PushOutcome.PUSHED
        assert client.get_automations().greeting.text == "from the home laptop"
        # The other desktop learns of it through the settings event and adopts it (it has no edit).
        latest = settings_events(relay)[-1].automations
        assert theirs.apply_remote(latest).doc.greeting.text == "from the home laptop"
    finally:
        other_db.close()


def test_reconnecting_sends_the_offline_change_and_adopts_changes_made_elsewhere(
    tmp_path: Path, db, relay: RunningRelay, client: RelayClient
) -> None:
    store = AutomationsStore(db)
    store.reconcile(client)
    relay.stop()
    store.save(Automations(greeting=GreetingRule(enabled=True, text="오프라인에서 고친 인사")))
    assert store.reconcile(client).status is SyncStatus.PENDING  # still down: kept, not lost
    relay.start()
    state = store.reconcile(client)
    assert (
        state.status is SyncStatus.SYNCED
        and client.get_automations().greeting.text == "오프라인에서 고친 인사"
    )
    # Another desktop changes the rules while this one has nothing waiting: adopted on reconnect.
    current = client.get_automations()
    client.put_automations(
        current.model_copy(update={"greeting": GreetingRule(enabled=False)}), if_match=current.revision
    )
    assert store.reconcile(client).doc.greeting.enabled is False


def test_an_editor_save_made_over_a_copy_the_relay_has_since_replaced_asks_instead_of_undoing_it(
    db, relay: RunningRelay, client: RelayClient
) -> None:
    """The greeting editor read the copy, another desktop renamed the shop, the sync brought the new
    name in, then the save landed: it carried the old name along and the push put it back on the relay,
    undoing the other desktop's rename without a word to either owner. Now the relay refuses it and
    the owner chooses."""
    store = AutomationsStore(db)
    store.pull(client)
    store.save(demo_automations("ko"))
    assert store.push(client) is PushOutcome.PUSHED
    read = store.state().doc  # the editor reads the copy
    other = client.get_automations()
    client.put_automations(
        other.model_copy(update={"profile": other.profile.model_copy(update={"name": "성수 리넨"})}),
        if_match=other.revision,
    )
    store.apply_remote(client.get_automations(), current=True)  # the sync brings it in
    assert store.state().doc.profile.name == "성수 리넨"
    mine = read.model_copy(update={"greeting": read.greeting.model_copy(update={"text": "어서 오세요!"})})
    store.save(mine, built_on=read.revision)
    assert store.push(client) is PushOutcome.CONFLICT
    assert client.get_automations().profile.name == "성수 리넨"  # still the other desktop's
    state = store.state()
    assert state.status is SyncStatus.CONFLICT and state.conflict is not None
    assert state.conflict.profile.name == "성수 리넨" and state.doc.greeting.text == "어서 오세요!"
