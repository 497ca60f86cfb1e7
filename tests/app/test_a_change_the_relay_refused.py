"""A change to the automations the relay refused for good (422: its validation, a version it does not
take) stays here with the relay's reason, is not sent again as it is (not even on reconnecting), and
waits for the owner: a new save is a new attempt; discarding it takes the relay's version back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.automations_parts import AutomationsPart
from app.automations_store import (
    AutomationsStore,
    SyncStatus,
    demo_automations,
    discard_refused_change,
)
from app.db import Database
from app.engine import SyncEngine
from app.relay_client import RelayClient
from app.wire import Automations, BotProblem
from tests.support.engine_probe import EngineProbe
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay

PUT = ("PUT", "/v1/automations")
EVENTS = ("GET", "/v1/events")
LIVE = "We are closed now; we answer at 10 tomorrow."
REFUSED = "Closed for the holidays; back on Monday."
INVALID = json.dumps({"error": {"code": "invalid", "message": "The automations document is not valid."}})


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


def on_relay(relay: RunningRelay) -> Automations:
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        return client.get_automations()


def with_away(doc: Automations, text: str) -> Automations:
    return doc.model_copy(update={"away": doc.away.model_copy(update={"text": text})})


def rules_on_the_relay(db: Database, relay: RunningRelay) -> None:
    """The shop's rules as the relay already runs them, with the copy here in step."""
    store = AutomationsStore(db)
    store.save(with_away(demo_automations("en"), LIVE))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"


def run_engine(db: Database, url: str, relay: RunningRelay, tmp_path: Path) -> tuple[SyncEngine, EngineProbe]:
    probe = EngineProbe()
    engine = SyncEngine(
        db,
        url,
        relay.token,
        tmp_path / "media",
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        poll_wait=0.3,
        retry_base=0.05,
        retry_cap=0.5,
        push_retry_base=0.05,
        push_retry_cap=0.2,
    )
    engine.start()
    return engine, probe


def test_a_refused_change_is_kept_with_the_relays_reason_and_not_sent_again_on_reconnecting(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    rules_on_the_relay(db, relay)
    store = AutomationsStore(db)
    store.save(with_away(store.state().doc, REFUSED))
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")

    engine, probe = run_engine(db, url, relay, tmp_path)
    try:
        probe.wait_until(lambda: store.state().status is SyncStatus.REFUSED)
        polls = proxy.count(*EVENTS)
        probe.wait_until(lambda: proxy.count(*EVENTS) >= polls + 3)  # a retry would have come by now
    finally:
        engine.stop()
    state = store.state()
    assert state.refused is not None and state.refused.relay_code == "invalid"
    assert state.doc.away.text == REFUSED  # nothing lost: the owner's text waits for her decision
    assert state.waiting_parts == (AutomationsPart.AWAY,)
    assert on_relay(relay).away.text == LIVE  # the relay runs what it had
    assert proxy.count(*PUT) == 1

    # Another start (a reconnect pushes everything): the same refused change is not sent again.
    engine, probe = run_engine(db, url, relay, tmp_path)
    try:
        probe.wait_until(lambda: proxy.count(*EVENTS) >= 3)
    finally:
        engine.stop()
    assert proxy.count(*PUT) == 1
    assert store.state().status is SyncStatus.REFUSED


def test_saving_again_after_a_refusal_is_a_new_attempt(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    rules_on_the_relay(db, relay)
    store = AutomationsStore(db)
    store.save(with_away(store.state().doc, REFUSED))
    proxy.refuse(*PUT, status=422, times=1, body=INVALID.encode(), content_type=b"application/json")
    with RelayClient(url, relay.token, timeout=5) as client:
        assert store.push(client).value == "refused"
        assert store.state().status is SyncStatus.REFUSED
        fixed = "Closed for the holidays."
        store.save(with_away(store.state().doc, fixed))  # fixed in the editor
        assert store.state().status is SyncStatus.PENDING
        assert store.push(client).value == "pushed"
    assert store.state().status is SyncStatus.SYNCED
    assert on_relay(relay).away.text == fixed


def test_discarding_a_refused_change_takes_the_relays_version_back(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    rules_on_the_relay(db, relay)
    store = AutomationsStore(db)
    store.save(with_away(store.state().doc, REFUSED))
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    with RelayClient(url, relay.token, timeout=5) as client:
        assert store.push(client).value == "refused"
        state, changes = discard_refused_change(db, client)
    assert changes.automations
    assert state.status is SyncStatus.SYNCED and not state.waiting_parts
    assert state.doc.away.text == LIVE
    assert state.doc.revision == on_relay(relay).revision
    assert proxy.count(*PUT) == 1


def test_a_menu_over_the_relays_limits_is_kept_with_which_limit_and_where(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str]
) -> None:
    """The relay names the limit and the node (its error's params); they are kept with the refusal,
    for the window to say "a menu has at most 10 choices, and “Main menu” has more"."""
    proxy, url = front
    rules_on_the_relay(db, relay)
    # The relay's own answer to a menu over its limits (a desktop of another version sent it).
    current = httpx.get(f"{relay.url}/v1/automations", headers=relay.auth(), timeout=5).json()
    current["bot"]["nodes"][1]["title"] = "Order" * 6  # 30 characters: a list's row takes 24
    answer = httpx.put(
        f"{relay.url}/v1/automations",
        json=current,
        headers={**relay.auth(), "If-Match": str(current["revision"])},
        timeout=5,
    )
    assert answer.status_code == 400
    proxy.refuse(*PUT, status=400, times=1, body=answer.content, content_type=b"application/json")

    store = AutomationsStore(db)
    store.save(with_away(store.state().doc, REFUSED))
    with RelayClient(url, relay.token, timeout=5) as client:
        assert store.push(client).value == "refused"
    refused = AutomationsStore(db).state().refused  # as stored: read again
    assert refused is not None and refused.relay_code == "bot_over_limits"
    assert refused.bot_problem is BotProblem.TITLE_TOO_LONG
    assert refused.bot_node == "order"


def test_a_limit_this_version_does_not_know_is_kept_as_the_code_alone(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str]
) -> None:
    proxy, url = front
    rules_on_the_relay(db, relay)
    newer = {
        "error": {
            "code": "bot_over_limits",
            "message": "The menu bot breaks a limit.",
            "params": {"problem": "too_many_emoji", "node": "home", "limit": {"nested": True}},
        }
    }
    proxy.refuse(*PUT, status=400, times=1, body=json.dumps(newer).encode(), content_type=b"application/json")
    store = AutomationsStore(db)
    store.save(with_away(store.state().doc, REFUSED))
    with RelayClient(url, relay.token, timeout=5) as client:
        assert store.push(client).value == "refused"
    refused = store.state().refused
    assert refused is not None and refused.relay_code == "bot_over_limits"
    assert refused.bot_problem is None and refused.bot_node == ""
