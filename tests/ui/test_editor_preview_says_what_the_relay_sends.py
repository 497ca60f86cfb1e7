"""While a change to the away or greeting message waits for the relay, or was refused by it, the
editor's preview says what customers get now (the relay's copy) beside what they get once the change
lands: it showed only the rules on screen, "nothing automatic" while the relay still sent the away
message switched off here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.automations_store import SyncStatus
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from tests.ui.test_a_change_the_relay_refused import INVALID, PUT, go_online
from tests.ui.test_away_notice_says_what_the_relay_sends import on_the_relay
from ui.away_editor import AwayEditor
from ui.greeting_editor import GreetingEditor

# The Brighton demo shop (Europe/London) is closed on Sunday afternoon: its away message goes.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
RETURNING = "A customer you talked to yesterday:"
AFTER = "Once your change is on the relay: "


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


@pytest.fixture
def online_window(window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str]) -> Any:
    from app.automations_store import demo_automations

    on_the_relay(window, relay, demo_automations("en"))
    return go_online(window, qtbot, relay, front[1])


def open_editor(window: Any, qtbot: Any, kind: type[Any]) -> Any:
    editor = kind(window.ctx, parent=window)
    editor.preview.clock = lambda: SUNDAY_AFTERNOON
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=10_000)
    editor.show()
    return editor


def saved(qtbot: Any, editor: Any, status: SyncStatus) -> None:
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy() and editor.state.status is status, timeout=10_000)


def test_the_away_message_switched_off_while_the_relay_is_busy_is_previewed_as_still_sent(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    editor = open_editor(online_window, qtbot, AwayEditor)
    preview = editor.preview
    assert preview.relay_line.isHidden()

    editor.enabled.setChecked(False)
    saved(qtbot, editor, SyncStatus.PENDING)

    assert preview.relay_line.isVisible()
    assert preview.relay_line.text() == (
        "Your change is not on your relay yet: until it is, customers get what the relay had before."
    )
    lines = preview.returning.text().split("\n")
    assert lines[0] == RETURNING
    assert lines[1].startswith("Now: [away message] Thanks for your message, Minji!")
    assert lines[-1] == AFTER + "nothing automatic; you answer yourself."

    # The relay takes it: the preview is the rules on screen alone again.
    proxy.passing()
    editor.banner.retry_button.click()
    qtbot.waitUntil(lambda: editor.state.status is SyncStatus.SYNCED, timeout=10_000)
    assert preview.relay_line.isHidden()
    assert preview.returning.text() == RETURNING + "\nnothing automatic; you answer yourself."
    editor.close()


def test_a_greeting_the_relay_refused_previews_the_old_text_as_what_customers_get(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], english: None
) -> None:
    proxy, _ = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    editor = open_editor(online_window, qtbot, GreetingEditor)
    editor.text.setPlainText("Hi! New greeting.")
    saved(qtbot, editor, SyncStatus.REFUSED)

    preview = editor.preview
    assert preview.relay_line.text() == (
        "Your relay refused your change: until you fix it, customers get what the relay had before."
    )
    new = preview.new_customer.text().split("\n")
    assert new[1].startswith("Now: [greeting] Hello Minji, welcome to Brighton Linen House!")
    assert AFTER + "[greeting] Hi! New greeting." in new
    # A customer who was answered yesterday gets no greeting either way: said once, as before.
    assert not preview.returning.text().count("Now:")
    editor.close()


def test_a_change_that_leaves_what_customers_get_now_be_adds_nothing(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], english: None
) -> None:
    """A new text for the greeting's other language: nobody in the preview writes in one."""
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    editor = open_editor(online_window, qtbot, GreetingEditor)
    editor.silence.setValue(editor.silence.value() + 1)
    saved(qtbot, editor, SyncStatus.PENDING)
    assert editor.preview.relay_line.isHidden()
    assert "Now:" not in editor.preview.new_customer.text()
    editor.close()


def test_the_preview_of_what_the_relay_still_sends_in_korean(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], korean: None
) -> None:
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    editor = open_editor(online_window, qtbot, AwayEditor)
    editor.enabled.setChecked(False)
    saved(qtbot, editor, SyncStatus.PENDING)
    preview = editor.preview
    assert preview.relay_line.isVisible()
    for text in (preview.relay_line.text(), preview.returning.text()):
        assert "relay" not in text and "Now" not in text
    editor.close()
