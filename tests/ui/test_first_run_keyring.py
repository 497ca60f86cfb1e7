"""The first-run wizard keeps the relay token off the GUI thread: a locked password store (the OS's
unlock prompt up) never freezes the wizard, and one that refuses the token keeps the wizard open."""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from app.connection import Connection
from tests.support.relay_server import RunningRelay, inbound
from tests.support.stand_in_keyring import LockedKeyring
from tests.ui.test_first_run import the_app_as_it_was


def check_the_relay(qtbot: Any, wizard: Any, relay: RunningRelay) -> None:
    """Past the welcome, the relay page filled in and its check passed."""
    wizard.next()
    page = wizard.relay_page
    page.url.setText(relay.url)
    page.token.setText(relay.token)
    page.check_button.click()
    qtbot.waitUntil(page.isComplete, timeout=15000)


def fill_in(qtbot: Any, wizard: Any, relay: RunningRelay) -> None:
    """The relay page filled in and checked, on to the shop page, not opened at sign-in."""
    check_the_relay(qtbot, wizard, relay)
    wizard.next()
    wizard.shop_page.open_at_sign_in.setChecked(False)


def first_start(tmp_path: Path, dialogs: Any, answer: Callable[[Any], None]) -> Any:
    """The app's first start on an empty folder, the wizard answered by `answer`; its context."""
    from app.paths import paths_for
    from ui.application import open_inbox

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialogs.expect("modal", answer=answer)
    with the_app_as_it_was(app):
        return open_inbox(app, argparse.Namespace(smoke=False, lang="en"), paths_for(tmp_path / "d").ensure())


def inbox_after_setup(qtbot: Any, ctx: Any) -> Any:
    """The main window the first start opens once the wizard is done, shown; closed with the test."""
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    window = MainWindow(ctx)

    def shut(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()
        ctx.db.close()

    qtbot.addWidget(window, before_close_func=shut)
    window.show()
    return window


def test_finish_is_busy_while_a_locked_keyring_keeps_the_token_and_then_the_inbox_syncs_with_it(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, locked_keyring: LockedKeyring
) -> None:
    from app.settings import read_preferences

    def finish(wizard: Any) -> None:
        fill_in(qtbot, wizard, relay)
        finish_button = wizard.button(QWizard.WizardButton.FinishButton)
        finish_button.click()  # returns with the keyring still locked
        qtbot.waitUntil(lambda: bool(locked_keyring.written_on), timeout=5000)
        assert locked_keyring.written_on[0] is not threading.main_thread()
        assert wizard.isVisible() and not finish_button.isEnabled()
        assert (
            wizard.shop_page.not_kept.text() == "Keeping the relay token in this computer's password store…"
        )
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()  # Finish alone
        # The wizard answers meanwhile: the currency changed now is the one kept, and Esc does not
        # drop the token the keyring has in hand.
        wizard.shop_page.place.choose("DE", "EUR")
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert wizard.isVisible()
        locked_keyring.unlocked.set()  # the owner typed her login password into the OS's prompt
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, finish)
    prefs = read_preferences(ctx.db)
    assert prefs.relay_url == relay.url and (prefs.shop_region, prefs.currency) == ("DE", "EUR")

    relay.post_webhook(inbound(content="택배 언제 와요?", sender="821055550021", name="오하늘"))
    window = inbox_after_setup(qtbot, ctx)
    window.start_sync()  # as the app does once the inbox is painted: with the token the wizard kept
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
    assert window.chat_list.model.row_at(0).display_name == "오하늘"


def test_a_keyring_that_refuses_the_token_keeps_the_wizard_open_with_the_token_and_finish_tries_again(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, locked_keyring: LockedKeyring
) -> None:
    from ui.token_store import load_token

    locked_keyring.refuse_writes = True  # the owner cancelled the unlock prompt
    locked_keyring.unlocked.set()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)

    def finish(wizard: Any) -> None:
        fill_in(qtbot, wizard, relay)
        finish_button = wizard.button(QWizard.WizardButton.FinishButton)
        finish_button.click()
        note = wizard.shop_page.not_kept
        qtbot.waitUntil(lambda: "not saved" in note.text(), timeout=5000)
        assert note.isVisible() and "Press Finish to try again" in note.text()
        assert wizard.isVisible() and finish_button.isEnabled()
        assert wizard.token == relay.token  # as typed, on the relay page
        assert locked_keyring.written_on[0] is not threading.main_thread()

        locked_keyring.refuse_writes = False  # unlocked this time
        finish_button.click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, finish)
    assert asked.shown and "did not keep the relay token" in asked.shown[0].title
    assert "locked" in asked.shown[0].text and "settings file" in asked.shown[0].text
    assert load_token(ctx, relay.url) == relay.token  # in the keyring, not in the file
    assert not ctx.paths.config_file.exists() or relay.token not in ctx.paths.config_file.read_text()
    ctx.db.close()


def test_a_refused_token_can_go_to_the_settings_file_and_the_wizard_finishes(
    qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any, locked_keyring: LockedKeyring
) -> None:
    from app import tokens

    locked_keyring.refuse_writes = True
    locked_keyring.unlocked.set()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)

    def finish(wizard: Any) -> None:
        fill_in(qtbot, wizard, relay)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, finish)
    assert tokens.token_location(relay.url, config_file=ctx.paths.config_file) == "config_file"
    ctx.db.close()
