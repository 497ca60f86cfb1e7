"""While a change to the away message has not reached the relay (it is down, or it refused the
change), the away notice says what the relay's own copy does now: an away message switched off here
that the relay still sends is said, and "the away message it had before" says whether it goes out at
this hour, by the relay's copy and the schedule the relay follows (app/rules.py). Another computer's
version, which the relay runs while the owner chooses between it and hers, is said the same way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.automations_store import AUTOMATIONS_CHANGED, AutomationsStore, SyncStatus, demo_automations
from app.connection import Connection
from app.relay_client import RelayClient
from app.wire import Automations
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from tests.ui.test_a_change_the_relay_refused import PUT, go_online
from tests.ui.test_away_notice_says_what_the_relay_sends import (
    ALWAYS,
    GETS_IT,
    INVALID,
    away_always,
    notice_says,
    on_the_relay,
)

# The Brighton demo shop (Europe/London): closed on Sunday afternoon, open on Monday at 11:00.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
MONDAY_MORNING = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)
STILL_SENT = "Your relay still sends the away message you switched off."


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


def switched_off(doc: Automations) -> Automations:
    return doc.model_copy(update={"away": doc.away.model_copy(update={"enabled": False})})


def save_here(window: Any, doc: Automations) -> None:
    AutomationsStore(window.ctx.db).save(doc)
    window.ctx.publish(AUTOMATIONS_CHANGED)


def test_away_switched_off_while_the_relay_is_down_is_said_as_still_sent(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    _proxy, url = front
    doc = away_always()
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    notice_says(window, qtbot, GETS_IT)

    relay.stop()
    sync = window.ctx.sync
    qtbot.waitUntil(lambda: sync.state.kind is not Connection.ONLINE, timeout=10_000)
    save_here(window, switched_off(doc))
    notice_says(
        window,
        qtbot,
        f"{STILL_SENT} Your change goes once Shop Inbox reaches the relay again.",
    )

    relay.start()  # back: the change goes, and the relay stops sending it
    notice = window.away_notice
    qtbot.waitUntil(
        lambda: AutomationsStore(window.ctx.db).state().status is SyncStatus.SYNCED, timeout=20_000
    )
    qtbot.waitUntil(lambda: notice.isHidden(), timeout=10_000)


def test_away_switched_off_but_refused_by_the_relay_says_how_to_fix_it(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    doc = away_always()
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_here(window, switched_off(doc))
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    notice_says(
        window,
        qtbot,
        f"{STILL_SENT} It refused your change: press Fix above the chat.",
    )


def test_away_switched_off_here_while_the_relay_s_old_hours_do_not_hold_is_not_said_until_they_do(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING  # open: the relay's away message (outside hours) is not sent
    doc = demo_automations("en")
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=503, times=None)
    save_here(window, switched_off(doc))
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: notice.relay_now(notice.relay()) is not None, timeout=10_000)
    assert notice.isHidden()

    notice.clock = lambda: SUNDAY_AFTERNOON  # the shop closed: the relay's away hours began
    notice.show_now()  # the minute's check
    assert notice.isVisible()
    # Until the shop opens on Monday (Europe/London), when its away hours end by themselves.
    assert notice.text.text().replace("\u202f", " ") == (
        "Your relay still sends the away message you switched off, until 10:00 AM tomorrow. Shop Inbox "
        "keeps trying to send your change."
    )


def test_the_away_message_the_relay_had_before_is_said_as_sent_or_not_at_this_hour(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING
    on_the_relay(window, relay, demo_automations("en"))  # away outside business hours
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=503, times=None)
    save_here(window, away_always())
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} Until your relay takes your change, customers get none now: it is outside its away hours.",
    )

    notice.clock = lambda: SUNDAY_AFTERNOON
    notice.show_now()
    assert notice.text.text() == (
        f"{ALWAYS} Until your relay takes your change, customers who write now get the one it had before."
    )


def test_a_relay_with_the_away_message_off_is_said_to_send_none(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, url = front
    window.away_notice.clock = lambda: SUNDAY_AFTERNOON
    on_the_relay(window, relay, switched_off(demo_automations("en")))
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_here(window, away_always())
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} But your relay refused your change and has it switched off: customers get none.",
    )


def test_in_korean_the_relay_still_sending_it_is_said(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], korean: None
) -> None:
    proxy, url = front
    doc = away_always()
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=503, times=None)
    save_here(window, switched_off(doc))
    notice = window.away_notice
    qtbot.waitUntil(lambda: notice.isVisible() and "릴레이" in notice.text.text(), timeout=10_000)
    assert "relay" not in notice.text.text()


def another_computer_saves(window: Any, relay: RunningRelay, theirs: Automations, mine: Automations) -> None:
    """Another computer saves `theirs` on the relay while `mine`, saved here, waits: the owner is to
    choose between them, and meanwhile the relay runs theirs."""
    store = AutomationsStore(window.ctx.db)
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        revision = client.get_automations().revision
        client.put_automations(theirs, if_match=revision)
        store.save(mine)
        assert store.pull(client).status is SyncStatus.CONFLICT
    window.ctx.publish(AUTOMATIONS_CHANGED)


def test_the_away_message_another_computer_switched_off_is_said_as_not_sent(
    window: Any, qtbot: Any, relay: RunningRelay, english: None
) -> None:
    doc = away_always()
    on_the_relay(window, relay, doc)
    greeting = doc.greeting.model_copy(update={"text": "Hello! A new greeting."})
    another_computer_saves(window, relay, switched_off(doc), doc.model_copy(update={"greeting": greeting}))
    notice_says(
        window,
        qtbot,
        f"{ALWAYS} But your relay uses another computer's version, which has it switched off: customers get "
        "none.",
    )


def test_the_away_message_another_computer_switched_on_is_said_while_it_is_off_here(
    window: Any, qtbot: Any, relay: RunningRelay, english: None
) -> None:
    doc = switched_off(away_always())
    on_the_relay(window, relay, doc)
    greeting = doc.greeting.model_copy(update={"text": "Hello! A new greeting."})
    another_computer_saves(window, relay, away_always(), doc.model_copy(update={"greeting": greeting}))
    notice_says(
        window,
        qtbot,
        "Your relay is sending the away message as another computer changed it: choose which version to "
        "keep above the chat.",
    )
    qtbot.waitUntil(lambda: window.rules_conflict.isVisible(), timeout=10_000)  # its Choose…


def test_in_korean_the_refused_switch_off_fits_three_lines_of_the_chat_list_column(
    window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], korean: None
) -> None:
    """Five lines in the 360 px column were not read to the end: what customers get, until when,
    and what to do, in three at most."""
    proxy, url = front
    notice = window.away_notice
    notice.clock = lambda: SUNDAY_AFTERNOON  # the relay's away hours run until Monday morning
    doc = demo_automations("en")
    on_the_relay(window, relay, doc)
    go_online(window, qtbot, relay, url)
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_here(window, switched_off(doc))
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: notice.isVisible() and "10:00" in notice.text.text(), timeout=10_000)
    text = notice.text.text()
    assert text.startswith("끈 자리 비움 메시지를 릴레이가") and text.endswith(
        "채팅 위 고치기를 눌러 주세요."
    )

    margins = notice.layout().contentsMargins()
    column = 360 - margins.left() - margins.right() - 16 - notice.layout().horizontalSpacing()
    lines = notice.text.heightForWidth(column) / notice.text.fontMetrics().lineSpacing()
    assert lines <= 3.5, text
