"""A push the relay could not take while the connection stayed up (a proxy's 503) is tried again on a
backoff until it goes, not days later at the next reconnect; a refusal is not, and quitting stops it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.chat_actions import blocks_waiting, set_blocked
from app.connection import Connection
from app.db import Database
from app.engine import SyncEngine
from app.errors import RelayBusy
from app.relay_client import RelayClient
from app.relay_pushes import PUSHES_THREAD, PushTask, RelayPushes
from app.wire import Automations
from tests.support.engine_probe import EngineProbe
from tests.support.factories import make_contact
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay

PUT = ("PUT", "/v1/automations")
EVENTS = ("GET", "/v1/events")
AWAY = "We are closed for the holidays; back on Monday."


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


def engine_behind(
    db: Database, url: str, relay: RunningRelay, tmp_path: Path
) -> tuple[SyncEngine, EngineProbe]:
    """An engine on the front's address whose pushes are tried again within a fraction of a second."""
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
    return engine, probe


def on_relay(relay: RunningRelay) -> Automations:
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        return client.get_automations()


def an_away_message_saved_here(db: Database) -> None:
    doc = demo_automations("en")
    AutomationsStore(db).save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": AWAY})}))


def test_an_edit_the_relays_proxy_answered_503_reaches_the_relay_without_a_reconnect(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    an_away_message_saved_here(db)
    proxy.refuse(*PUT, status=503, times=1)
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    try:
        probe.wait_until(lambda: on_relay(relay).away.text == AWAY)
        probe.wait_until(lambda: AutomationsStore(db).state().status is SyncStatus.SYNCED)
        probe.wait_until(lambda: not engine.pushes.waiting)  # the round ends with the shop's country
    finally:
        engine.stop()
    assert proxy.refused_count(*PUT) == 1 and proxy.count(*PUT) == 2
    # The connection never dropped: it was the push that was tried again, not the reconnect.
    assert [s.kind for s in probe.states].count(Connection.ONLINE) == 1
    assert Connection.RECONNECTING not in [s.kind for s in probe.states]


def test_an_editors_push_that_met_a_503_is_tried_again_while_online(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    try:
        # Online, and done with what it pushes on connecting (the second poll comes after that).
        probe.wait_until(lambda: engine.state.kind is Connection.ONLINE and proxy.count(*EVENTS) >= 2)
        # The editor's save and push (ui/automation_dialog.py), met by the proxy's 503.
        proxy.refuse(*PUT, status=503, times=1)
        an_away_message_saved_here(db)
        with pytest.raises(RelayBusy):
            AutomationsStore(db).push(engine.client)
        engine.retry_push_later(PushTask.AUTOMATIONS)
        probe.wait_until(lambda: on_relay(relay).away.text == AWAY)
        probe.wait_until(lambda: AutomationsStore(db).state().status is SyncStatus.SYNCED)
    finally:
        engine.stop()
    assert proxy.count(*PUT) == 2


def test_a_block_the_relay_could_not_take_goes_on_the_backoff(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    with db.write() as s:
        contact = make_contact(s, wa_id="821012345678")
        contact_id = contact.id
    set_blocked(db, contact_id, True)
    path = "/v1/contacts/821012345678/block"
    proxy.refuse("POST", path, status=502, times=2)
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    try:
        probe.wait_until(lambda: not blocks_waiting(db))
    finally:
        engine.stop()
    assert proxy.refused_count("POST", path) == 2 and proxy.count("POST", path) == 3


def test_a_refusal_that_no_retry_can_change_is_not_tried_again(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    an_away_message_saved_here(db)
    refusal = {"error": {"code": "invalid_automations", "message": "The away text is too long."}}
    proxy.refuse(
        *PUT, status=422, times=None, body=json.dumps(refusal).encode(), content_type=b"application/json"
    )
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    try:
        probe.wait_until(lambda: proxy.count(*PUT) == 1)
        polls = proxy.count(*EVENTS)
        # Several polls later (a retry would have come within a fifth of a second), still one PUT.
        probe.wait_until(lambda: proxy.count(*EVENTS) >= polls + 3)
        assert proxy.count(*PUT) == 1
        assert not engine.pushes.waiting
    finally:
        engine.stop()
    # The change stays here, marked refused (the relay still has the old rules): the owner decides.
    assert AutomationsStore(db).state().status is SyncStatus.REFUSED


def test_quitting_stops_the_retries(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    proxy, url = front
    an_away_message_saved_here(db)
    proxy.refuse(*PUT, status=503, times=None)
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    (pushes,) = [t for t in engine._threads if t.name == PUSHES_THREAD]
    try:
        probe.wait_until(lambda: proxy.count(*PUT) >= 3)  # tried again, and again
    finally:
        engine.stop()
    probe.wait_until(lambda: not pushes.is_alive())
    assert not engine.pushes.waiting
    assert AutomationsStore(db).state().status is SyncStatus.PENDING  # kept for the next start


def test_a_retry_that_fails_here_rather_than_at_the_relay_is_tried_again_and_the_thread_lives_on() -> None:
    """A disk full or a locked inbox file while a retry reads what to send: not the relay's answer."""
    answers: list[bool | Exception] = [OSError("database or disk is full"), True]
    done = threading.Event()

    def push_blocks() -> bool:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        done.set()
        return answer

    pushes = RelayPushes({PushTask.BLOCKS: push_blocks}, online=lambda: True, retry_base=0.02, retry_cap=0.05)
    thread = threading.Thread(target=pushes.run, name=PUSHES_THREAD, daemon=True)
    thread.start()
    try:
        pushes.retry_later(PushTask.BLOCKS)
        assert done.wait(5)
        assert answers == []
    finally:
        pushes.close()
        thread.join(5)
    assert not thread.is_alive() and not pushes.waiting


def kept_templates(db: Database) -> list[str]:
    from app.sending import TEMPLATES_SETTING
    from app.settings import get_setting

    with db.read() as s:
        return [t["name"] for t in get_setting(s, TEMPLATES_SETTING, []) or []]


def test_the_templates_copy_the_proxy_answered_503_for_is_fetched_again_while_online_keeping_the_old(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    from app.sending import keep_templates
    from app.wire import Template

    proxy, url = front
    keep_templates(db, [Template(name="order_shipped", language="en", category="UTILITY")])
    assert relay.graph is not None
    relay.graph.templates = [
        {
            "name": "order_shipped_v2",
            "language": "en",
            "category": "UTILITY",
            "status": "APPROVED",
            "components": [{"type": "BODY", "text": "Your order {{1}} is on its way."}],
        }
    ]
    templates = ("GET", "/v1/templates")
    # Refused until the test has seen the old copy kept: with a number of refusals, a quick retry
    # could fetch the new copy before the check.
    proxy.refuse(*templates, status=503, times=None)
    engine, probe = engine_behind(db, url, relay, tmp_path)
    engine.start()
    try:
        probe.wait_until(lambda: proxy.refused_count(*templates) >= 1)
        assert kept_templates(db) == ["order_shipped"]  # kept while the relay does not answer
        proxy.passing()
        probe.wait_until(lambda: kept_templates(db) == ["order_shipped_v2"], timeout=30)  # asked again
    finally:
        engine.stop()
    assert proxy.count(*templates) == proxy.refused_count(*templates) + 1
    assert [s.kind for s in probe.states].count(Connection.ONLINE) == 1  # no reconnect needed


def test_the_waiting_pushes_are_told_as_they_change(
    db: Database, relay: RunningRelay, front: tuple[RelayFront, str], tmp_path: Path
) -> None:
    """What the window's sign follows: the away message waits, then it does not."""
    proxy, url = front
    an_away_message_saved_here(db)
    proxy.refuse(*PUT, status=503, times=2)
    told: list[frozenset[PushTask]] = []
    probe = EngineProbe()
    engine = SyncEngine(
        db,
        url,
        relay.token,
        tmp_path / "media",
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        on_pushes_waiting=told.append,
        poll_wait=0.3,
        push_retry_base=0.05,
        push_retry_cap=0.2,
    )
    engine.start()
    try:
        probe.wait_until(lambda: on_relay(relay).away.text == AWAY)
        probe.wait_until(lambda: bool(told) and not told[-1])
    finally:
        engine.stop()
    assert told == [frozenset({PushTask.AUTOMATIONS}), frozenset()]


def test_an_editors_failed_push_during_the_connecting_push_is_still_tried_again() -> None:
    """The push on connecting read the rules before the editor's save; the editor's own push met a 503
    meanwhile and asked for a retry: the connecting push's "nothing waits" does not cancel it (the
    away message stayed off the relay, and the editor said "waiting" for good)."""
    reading = threading.Event()
    saved_and_refused = threading.Event()
    rounds: list[str] = []

    def push_automations() -> bool:
        if not rounds:  # on connecting: nothing pending yet when it read the rules
            rounds.append("connecting")
            reading.set()
            assert saved_and_refused.wait(5)
            return True
        rounds.append("retry")
        return True

    settled = threading.Event()
    pushes = RelayPushes(
        {PushTask.AUTOMATIONS: push_automations},
        online=lambda: True,
        retry_base=0.02,
        retry_cap=0.05,
        on_waiting=lambda waiting: None if waiting else settled.set(),
    )
    connecting = threading.Thread(target=pushes.push_all)
    connecting.start()
    assert reading.wait(5)
    pushes.retry_later(PushTask.AUTOMATIONS)  # the editor's save met the proxy's 503
    saved_and_refused.set()
    connecting.join(5)
    assert pushes.waiting == {PushTask.AUTOMATIONS}
    retries = threading.Thread(target=pushes.run, name=PUSHES_THREAD, daemon=True)
    retries.start()
    try:
        assert settled.wait(5)
        assert rounds == ["connecting", "retry"] and not pushes.waiting
    finally:
        pushes.close()
        retries.join(5)
