"""The away notice above the chats says what the relay sends, not only what is saved here: rules that
never reached the relay (it sends no away message), a change it refused for good (it sends the one it
had before, saying whether it is sent at this hour), and a change being tried again (the same,
meanwhile)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.automations_store import AUTOMATIONS_CHANGED, AutomationsStore, SyncStatus, demo_automations
from app.relay_client import RelayClient
from app.wire import Automations
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from tests.ui.test_a_change_the_relay_refused import PUT, go_online

INVALID = json.dumps({"error": {"code": "invalid", "message": "The automations document is not valid."}})
ALWAYS = "The away message is on at all hours."
GETS_IT = "The away message is on at all hours: every customer who writes gets it."
# Sunday afternoon in Brighton: the demo shop (Europe/London) is closed.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


def away_always(text: str = "Closed for stocktaking today.") -> Automations:
    doc = demo_automations("en")
    away = doc.away.model_copy(update={"enabled": True, "schedule": "always", "text": text})
    return doc.model_copy(update={"away": away})


def on_the_relay(window: Any, relay: RunningRelay, doc: Automations) -> None:
    store = AutomationsStore(window.ctx.db)
    store.save(doc)
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"


def notice_says(window: Any, qtbot: Any, text: str) -> None:
    notice = window.away_notice
    qtbot.waitUntil(lambda: notice.isVisible() and notice.text.text() == text, timeout=10_000)


def test_rules_that_never_reached_the_relay_give_no_away_message(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    proxy.refuse(*PUT, status=503, times=None)
    AutomationsStore(window.ctx.db).save(away_always())  # a first setup: never on any relay
    go_online(window, qtbot, relay, url)
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} But your relay has none from you yet: customers get no away message.",
    )

    proxy.passing()  # the relay takes them on the next try: it sends the away message
    notice_says(window, qtbot, GETS_IT)


def test_a_change_being_tried_again_leaves_the_previous_away_message_meanwhile(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    window.away_notice.clock = lambda: SUNDAY_AFTERNOON  # the Brighton shop is closed: it sends it now
    on_the_relay(window, relay, demo_automations("en"))  # the relay answers outside business hours
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=503, times=None)
    AutomationsStore(window.ctx.db).save(away_always())
    window.ctx.publish(AUTOMATIONS_CHANGED)
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} Until your relay takes your change, customers who write now get the one it had before.",
    )


def test_a_refused_change_leaves_the_previous_away_message(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    window.away_notice.clock = lambda: SUNDAY_AFTERNOON
    on_the_relay(window, relay, demo_automations("en"))
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    AutomationsStore(window.ctx.db).save(away_always())
    window.ctx.publish(AUTOMATIONS_CHANGED)
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} But your relay refused your change: customers who write now get the one it had before.",
    )


def test_refused_first_rules_give_no_away_message(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    AutomationsStore(window.ctx.db).save(away_always())
    go_online(window, qtbot, relay, url)
    qtbot.waitUntil(
        lambda: AutomationsStore(window.ctx.db).state().status is SyncStatus.REFUSED, timeout=10_000
    )
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} But your relay refused your rules: customers get no away message.",
    )


def test_a_waiting_change_that_leaves_the_away_message_be_is_not_said(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    """Only the greeting changed: the relay's away message is the one saved here."""
    proxy, url = front
    doc = away_always()
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=503, times=None)
    greeting = doc.greeting.model_copy(update={"text": "Hello! A new greeting."})
    AutomationsStore(window.ctx.db).save(doc.model_copy(update={"greeting": greeting}))
    window.ctx.publish(AUTOMATIONS_CHANGED)
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)
    notice_says(window, qtbot, GETS_IT)


def test_in_korean(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], korean: None
) -> None:
    proxy, url = front
    proxy.refuse(*PUT, status=503, times=None)
    AutomationsStore(window.ctx.db).save(away_always())
    go_online(window, qtbot, relay, url)
    notice = window.away_notice
    qtbot.waitUntil(lambda: "릴레이에 아직" in notice.text.text(), timeout=10_000)
    assert "relay" not in notice.text.text()
