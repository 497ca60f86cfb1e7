"""The relay token is read from the keyring off the GUI thread as sync starts: a password store
that takes its time (locked, showing the OS's unlock prompt) never freezes the window."""

from __future__ import annotations

import threading
from typing import Any

from app.connection import Connection
from tests.support.relay_server import RunningRelay, inbound
from tests.support.stand_in_keyring import LockedKeyring, StandInKeyring
from tests.support.window_waits import settle


def relay_in_settings(window: Any, url: str, token: str | None) -> None:
    """The relay's address in the preferences and its token (if any) in the keyring, as Settings
    keeps them (not `ctx.relay_token`, the demo's in-memory token, which no keyring is asked for)."""
    from app import tokens

    window.ctx.prefs["relay_url"] = url
    if token is not None:  # behind the lock: put there while the keyring was open
        StandInKeyring().set_password(tokens.SERVICE, url, token)


def test_sync_starts_once_a_slow_keyring_answers_and_the_window_does_not_wait_for_it(
    window: Any, qtbot: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    relay_in_settings(window, relay.url, relay.token)
    relay.post_webhook(inbound(content="오늘 영업하세요?", sender="821055550009", name="한지우"))

    window.start_sync()  # returns with the keyring still locked
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    assert locked_keyring.asked_on[0] is not threading.main_thread()
    sync, banner = window.ctx.sync, window.banner
    assert banner.state.kind is Connection.CONNECTING  # not "no token": it is being read
    assert sync.engine is None  # no poll before the token is known
    assert window.chat_list.model.rowCount() == 0

    locked_keyring.unlocked.set()  # the owner typed her login password into the OS's prompt
    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
    assert window.chat_list.model.row_at(0).display_name == "한지우"


def test_no_token_in_the_keyring_still_asks_for_one_once_the_keyring_answers(
    window: Any, qtbot: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    relay_in_settings(window, relay.url, None)  # a backup restored on a new laptop: no token here

    window.start_sync()
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    assert locked_keyring.asked_on[0] is not threading.main_thread()
    banner = window.banner
    assert banner.state.kind is Connection.CONNECTING

    locked_keyring.unlocked.set()
    qtbot.waitUntil(lambda: banner.state.kind is Connection.NO_TOKEN, timeout=5000)
    assert banner.isVisible() and banner.settings.isVisible()
    assert "no relay token" in banner.text.text().lower()
    assert window.ctx.sync.engine is None


def test_a_locked_keyring_says_so_and_retry_reads_the_token_once_it_is_unlocked(
    window: Any, qtbot: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    """The owner dismissed the OS's unlock prompt: the banner said "no relay token yet, paste it in
    Settings", though it was kept all along. It says the password store is locked, and Retry,
    once it is unlocked, reads the token and connects."""
    relay_in_settings(window, relay.url, relay.token)
    relay.post_webhook(inbound(content="케이스 재입고 됐나요?", sender="821055550011", name="박서연"))
    locked_keyring.refuse_reads = True  # the unlock prompt was cancelled
    locked_keyring.unlocked.set()

    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.KEYRING_LOCKED, timeout=5000)
    assert banner.isVisible() and banner.retry.isVisible()
    assert "password store (keyring) is locked" in banner.text.text()
    assert "Your relay token is not lost" in banner.text.text()
    assert "no relay token" not in banner.text.text().lower()
    assert window.ctx.sync.engine is None

    locked_keyring.refuse_reads = False  # unlocked this time
    banner.retry.click()
    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
    assert window.chat_list.model.row_at(0).display_name == "박서연"


def test_quitting_while_the_keyring_is_asked_starts_no_sync_afterwards(
    window: Any, qtbot: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    relay_in_settings(window, relay.url, relay.token)
    window.start_sync()
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    sync = window.ctx.sync
    sync.stop()  # what quitting does (MainWindow.shutdown)

    locked_keyring.unlocked.set()
    settle(qtbot)  # the read answered
    assert sync.engine is None and not sync.running
