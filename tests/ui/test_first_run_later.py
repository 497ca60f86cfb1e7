"""“Set up later” in the first-run wizard keeps a relay whose check passed; only the rest is skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

from tests.support.relay_server import RunningRelay
from tests.support.stand_in_keyring import LockedKeyring
from tests.ui.test_first_run_keyring import first_start


def set_up_later(wizard: Any) -> None:
    later = wizard.button(QWizard.WizardButton.CancelButton)
    assert later.text() == "Set up &later"
    later.click()


def test_set_up_later_after_a_passed_check_keeps_the_relay_and_its_token(
    qtbot: Any,
    tmp_path: Path,
    relay: RunningRelay,
    dialogs: Any,
    locked_keyring: LockedKeyring,
    monkeypatch: Any,
) -> None:
    """Emma checked her relay (“Connected”), looked at the shop page and chose “Set up later”: the
    inbox opens connected to it, with nothing to type again in Settings."""
    from app.settings import read_preferences
    from ui.token_store import load_token

    locked_keyring.unlocked.set()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    def check_then_later(wizard: Any) -> None:
        wizard.next()  # past the welcome
        page = wizard.relay_page
        page.url.setText(relay.url)
        page.token.setText(relay.token)
        page.check_button.click()
        qtbot.waitUntil(page.isComplete, timeout=15000)
        wizard.next()
        set_up_later(wizard)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, check_then_later)
    prefs = read_preferences(ctx.db)
    assert prefs.relay_url == relay.url and prefs.setup_done
    assert ctx.prefs["relay_url"] == relay.url  # the inbox about to open syncs with it
    assert load_token(ctx, relay.url) == relay.token
    # The rest was skipped: Shop Inbox is not added to what opens at sign-in.
    assert not (tmp_path / "config" / "autostart" / "shop-inbox.desktop").exists()
    ctx.db.close()


def test_set_up_later_after_a_failed_check_keeps_no_relay(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, locked_keyring: LockedKeyring
) -> None:
    from app.settings import read_preferences
    from ui.token_store import load_token

    locked_keyring.unlocked.set()

    def wrong_token_then_later(wizard: Any) -> None:
        wizard.next()
        page = wizard.relay_page
        page.url.setText(relay.url)
        page.token.setText("not-the-token")
        page.check_button.click()
        qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
        assert not page.isComplete()
        set_up_later(wizard)

    ctx = first_start(tmp_path, dialogs, wrong_token_then_later)
    prefs = read_preferences(ctx.db)
    assert prefs.setup_done and prefs.relay_url == ""
    assert load_token(ctx, relay.url) in ("", None)
    assert locked_keyring.written_on == []  # nothing was kept
    ctx.db.close()
