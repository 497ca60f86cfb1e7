"""“Set up later” in the first-run wizard keeps a relay whose check passed; only the rest is skipped.
The last page ends with Finish alone; Esc there keeps the checked relay as “later” did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from tests.support.relay_server import RunningRelay
from tests.support.stand_in_keyring import LockedKeyring
from tests.ui.test_first_run_keyring import check_the_relay, first_start


def set_up_later(wizard: Any) -> None:
    later = wizard.button(QWizard.WizardButton.CancelButton)
    assert later.text() == "Set up &later" and later.isVisible()
    later.click()


def relay_kept_and_nothing_else(ctx: Any, tmp_path: Path, relay: RunningRelay) -> None:
    """The inbox opens connected to the checked relay (nothing to type again in Settings), and the
    rest was skipped: Shop Inbox is not added to what opens at sign-in."""
    from app.settings import read_preferences
    from ui.token_store import load_token

    prefs = read_preferences(ctx.db)
    assert prefs.relay_url == relay.url and prefs.setup_done
    assert ctx.prefs["relay_url"] == relay.url  # the inbox about to open syncs with it
    assert load_token(ctx, relay.url) == relay.token
    assert not (tmp_path / "config" / "autostart" / "shop-inbox.desktop").exists()
    ctx.db.close()


@pytest.fixture
def unlocked(tmp_path: Path, locked_keyring: LockedKeyring, monkeypatch: Any) -> LockedKeyring:
    """A password store that keeps the relay token at once; what opens at sign-in under tmp_path."""
    locked_keyring.unlocked.set()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return locked_keyring


def test_set_up_later_after_a_passed_check_keeps_the_relay_and_its_token(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, unlocked: LockedKeyring
) -> None:
    """Emma checked her relay (“Connected”) and chose “Set up later” there: the inbox opens
    connected to it, with nothing to type again in Settings."""

    def check_then_later(wizard: Any) -> None:
        check_the_relay(qtbot, wizard, relay)
        set_up_later(wizard)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    relay_kept_and_nothing_else(first_start(tmp_path, dialogs, check_then_later), tmp_path, relay)


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


def test_the_last_page_ends_with_finish_alone_and_esc_there_keeps_the_checked_relay(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, unlocked: LockedKeyring
) -> None:
    """The shop page offered “Finish” and “Set up later” side by side, both ending the setup: it
    ends with Finish alone, Enter's button. Esc (or the window's close) there is still a way out
    that loses nothing: the checked relay and its token are kept, nothing else is done."""
    from PySide6.QtCore import Qt

    def check_then_escape(wizard: Any) -> None:
        check_the_relay(qtbot, wizard, relay)
        wizard.next()
        assert wizard.currentPage() is wizard.shop_page
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert finish.isVisible() and finish.isDefault()
        assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
        wizard.back()  # “later” is there again on the relay page
        assert wizard.button(QWizard.WizardButton.CancelButton).isVisible()
        wizard.next()
        assert wizard.shop_page.open_at_sign_in.isChecked()
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    # Esc is not Finish: the ticked “open at sign-in” is not done.
    relay_kept_and_nothing_else(first_start(tmp_path, dialogs, check_then_escape), tmp_path, relay)


def test_esc_with_a_relay_typed_but_not_checked_asks_before_it_is_gone(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, locked_keyring: LockedKeyring
) -> None:
    """Halfway through pasting the relay token, Esc closed the setup and the address she had typed
    was gone without a word: she is asked, “Keep setting up” leaves everything as typed, and
    “Leave setup” leaves with no relay kept, as the question says."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.settings import read_preferences

    Button = QMessageBox.StandardButton
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        def click(box: QMessageBox) -> None:
            asked.append(box.text())
            assert box.defaultButton() is box.button(Button.No)  # Enter keeps setting up
            box.button(button).click()

        return click

    def type_then_escape(wizard: Any) -> None:
        dialogs.expect("modal", answer=answer(Button.No))
        dialogs.expect("modal", answer=answer(Button.Yes))
        wizard.next()
        page = wizard.relay_page
        qtbot.keyClicks(page.url, "127.0.0.1:1")
        qtbot.keyClick(page.url, Qt.Key.Key_Escape)  # “Keep setting up”
        assert wizard.isVisible() and page.url.text() == "127.0.0.1:1"
        qtbot.keyClick(page.url, Qt.Key.Key_Escape)  # “Leave setup”
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, type_then_escape)
    assert len(asked) == 2 and "The relay address you typed is not kept" in asked[0]
    prefs = read_preferences(ctx.db)
    assert prefs.setup_done and prefs.relay_url == ""
    assert locked_keyring.written_on == []
    ctx.db.close()
