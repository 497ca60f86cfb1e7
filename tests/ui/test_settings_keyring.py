"""Settings never waits for the keyring on the GUI thread: a password store that takes its time
(locked, showing the OS's unlock prompt) leaves the dialog open at once and answering, the token
field saying it is being read; a new token is kept in the background with Save busy, and one the
store refuses is said in the owner's words with what she typed still there."""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import tokens
from tests.support.relay_server import RunningRelay
from tests.support.stand_in_keyring import LockedKeyring, StandInKeyring
from tests.support.window_waits import settle


def kept_behind_the_lock(window: Any, url: str, token: str) -> None:
    """The relay in the preferences, its token in the OS's store (put there while it was open)."""
    from app.settings import load_preferences, save_preferences

    with window.ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url=url))
    window.ctx.prefs["relay_url"] = url
    StandInKeyring().set_password(tokens.SERVICE, url, token)


def settings_opened(window: Any, dialogs: Any) -> Any:
    from ui.settings_action import open_settings

    dialogs.expect("modal")  # Settings, window-modal, stays open until Save or Cancel
    return open_settings(window, window.ctx)


def test_settings_open_and_answer_while_the_keyring_waits_for_its_unlock(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    kept_behind_the_lock(window, relay.url, relay.token)
    dialog = settings_opened(window, dialogs)  # returns with the keyring still locked
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    assert all(asker is not threading.main_thread() for asker in locked_keyring.asked_on)
    # The token field says it waits; the rest of the dialog is there to use.
    assert not dialog.token.isEnabled() and dialog.token.placeholderText() == "Reading…"
    assert "Looking for the relay token" in dialog.token_where.text()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    before = dialog.receipts.isChecked()
    dialog.receipts.click()
    assert dialog.receipts.isChecked() is not before

    locked_keyring.unlocked.set()  # the owner typed her login password into the OS's prompt
    qtbot.waitUntil(dialog.token.isEnabled, timeout=5000)
    assert dialog.token_where.text() == "Kept in this computer's password store (keyring)."
    assert dialog.token.placeholderText() == "Leave empty to keep the current relay token"
    assert dialog.token.text() == ""  # the kept token itself is never shown


def test_no_token_kept_asks_for_one_once_the_keyring_answers(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    """A backup restored on a new laptop: the banner's Settings puts the cursor in the token field,
    once the keyring said there is none."""
    from app.connection import Connection, ConnectionState

    window.ctx.prefs["relay_url"] = relay.url
    window.banner.set_state(ConnectionState(Connection.NO_TOKEN))
    dialogs.expect("modal")
    window.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    assert not dialog.token.isEnabled()
    locked_keyring.unlocked.set()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token, timeout=5000)
    assert dialog.token.placeholderText() == "Paste your relay token"
    assert dialog.token_where.text() == "No relay token stored yet."


def test_a_keyring_whose_unlock_was_cancelled_is_said_locked_not_empty(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    """The owner dismissed the unlock prompt: Settings said "No relay token stored yet", though it
    was kept there all along; it says the password store is locked, and an empty field keeps it."""
    kept_behind_the_lock(window, relay.url, relay.token)
    locked_keyring.refuse_reads = True
    locked_keyring.unlocked.set()
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(dialog.token.isEnabled, timeout=5000)
    assert dialog.token_where.text().startswith("This computer's password store (keyring) is locked")
    assert "No relay token stored yet" not in dialog.token_where.text()
    assert dialog.token.placeholderText() == "Leave empty to keep the current relay token"


def test_the_token_field_does_not_take_the_keyboard_from_where_the_owner_went_meanwhile(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    from PySide6.QtCore import Qt

    from app.connection import Connection, ConnectionState
    from ui.settings_dialog import SettingsDialog

    window.ctx.prefs["relay_url"] = relay.url
    window.banner.set_state(ConnectionState(Connection.NO_TOKEN))
    dialogs.expect("modal")
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.receipts.isEnabled(), timeout=5000)
    qtbot.mouseClick(dialog.receipts, Qt.MouseButton.LeftButton)  # she turns off read receipts
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.receipts)
    locked_keyring.unlocked.set()
    qtbot.waitUntil(dialog.token.isEnabled, timeout=5000)
    settle(qtbot)
    assert dialog.focusWidget() is dialog.receipts  # her next Space unticks what she ticked


def test_a_token_saved_while_the_keyring_is_slow_keeps_the_window_answering_and_is_kept(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    kept_behind_the_lock(window, relay.url, "the-old-token")
    locked_keyring.unlocked.set()
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    locked_keyring.unlocked.clear()  # locked again (the screen was locked meanwhile)
    qtbot.keyClicks(dialog.token, relay.token)  # the token the relay gave her, pasted again

    dialog.save_button.click()  # the relay is asked about it first, then the keyring
    qtbot.waitUntil(lambda: bool(locked_keyring.written_on), timeout=10000)
    assert all(writer is not threading.main_thread() for writer in locked_keyring.written_on)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()  # busy: one save at a time
    # What Save took is held as it was: a tick now would not be part of it, and be gone unsaid.
    saved_receipts = dialog.receipts.isChecked()
    assert not dialog.receipts.isEnabled() and not dialog.place.currency.isEnabled()
    assert not dialog.token.isEnabled() and not dialog.campaign_prices.isEnabled()
    qtbot.mouseClick(dialog.receipts, Qt.MouseButton.LeftButton)
    assert dialog.receipts.isChecked() is saved_receipts
    dialog.sections.verticalScrollBar().setValue(dialog.sections.verticalScrollBar().maximum())
    assert dialog.backup_button.isEnabled()  # the window answers meanwhile: a backup is no setting
    assert not dialog.cancel_button.isEnabled()  # the keyring has the token: Save answers first
    dialog.reject()  # Esc, likewise
    assert dialog.isVisible()

    with qtbot.waitSignal(dialog.accepted, timeout=10000):  # saved and closed
        locked_keyring.unlocked.set()
    assert StandInKeyring().get_password(tokens.SERVICE, relay.url) == relay.token
    assert window.ctx.prefs["read_receipts"] is saved_receipts


def test_a_token_the_keyring_refuses_is_said_in_korean_and_stays_typed(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring, korean: None
) -> None:
    kept_behind_the_lock(window, relay.url, "the-old-token")
    locked_keyring.unlocked.set()
    locked_keyring.refuse_writes = True  # the owner cancelled the OS's unlock prompt
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    qtbot.keyClicks(dialog.token, relay.token)

    file_asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    not_saved = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(not_saved.shown), timeout=10000)
    (question,) = file_asked.shown
    assert question.title == "비밀번호 저장소가 릴레이 토큰을 보관하지 않았어요"
    assert "잠겨 있거나" in question.text and "설정 파일에 보관할까요?" in question.text
    assert not_saved.shown[0].title == "릴레이 토큰이 저장되지 않음"
    assert not_saved.shown[0].text == "릴레이 토큰을 저장하지 않았어요."
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.token.text() == relay.token  # nothing she typed is lost: Save tries again
    assert dialog.token.isEnabled() and dialog.receipts.isEnabled() and dialog.place.currency.isEnabled()
    assert dialog.cancel_button.isEnabled()
    assert StandInKeyring().get_password(tokens.SERVICE, relay.url) == "the-old-token"
    assert not window.ctx.paths.config_file.exists()


def test_closing_settings_while_the_keyring_is_read_applies_no_late_answer(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    kept_behind_the_lock(window, relay.url, relay.token)
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(lambda: bool(locked_keyring.asked_on), timeout=5000)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    dialog.reject()  # looked at and closed: nothing changed, no question
    assert not dialog.isVisible()

    locked_keyring.unlocked.set()
    settle(qtbot)
    assert not shiboken6.isValid(dialog) or not dialog.token.isEnabled()
    assert window.isVisible()


def test_a_relay_moved_to_a_new_address_is_checked_with_the_kept_token_read_in_the_background(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring, tmp_path: Any
) -> None:
    """The token field left empty ("keep the current relay token"): the new address is checked, and
    asked whether it is another shop's relay, with the token the keyring keeps for the old one."""
    from tests.support.relay_server import run_relay

    kept_behind_the_lock(window, relay.url, relay.token)
    locked_keyring.unlocked.set()
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    (tmp_path / "moved").mkdir()
    with run_relay(tmp_path / "moved", client_token=relay.token) as moved:
        qtbot.waitUntil(lambda: window.ctx.sync is None or not window.ctx.sync.reading_token, timeout=5000)
        locked_keyring.unlocked.clear()  # locked again (the screen was locked meanwhile)
        asked_before = len(locked_keyring.asked_on)
        dialog.relay_url.setText(moved.url)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: len(locked_keyring.asked_on) > asked_before, timeout=5000)
        assert all(asker is not threading.main_thread() for asker in locked_keyring.asked_on)
        assert dialog.isVisible() and not dialog.save_button.isEnabled()
        before = dialog.receipts.isChecked()
        dialog.receipts.click()  # the window answers meanwhile
        assert dialog.receipts.isChecked() is not before

        with qtbot.waitSignal(dialog.accepted, timeout=10000):  # checked, saved and closed
            locked_keyring.unlocked.set()
        assert window.ctx.prefs["relay_url"] == moved.url
        assert window.ctx.prefs["read_receipts"] is not before  # taken once the relay had answered
        assert StandInKeyring().get_password(tokens.SERVICE, moved.url) == relay.token  # carried over
        qtbot.waitUntil(lambda: not window.ctx.sync or not window.ctx.sync.reading_token, timeout=10000)


def _link_coloured(label: Any) -> int:
    """How many of the label's pixels are painted in the link colour (blue on a light window)."""
    from PySide6.QtGui import QGuiApplication

    link = QGuiApplication.palette().link().color()
    image = label.grab().toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).rgb() == link.rgb()
    )


def test_the_relay_help_link_looks_greyed_out_with_its_group_while_a_save_runs(
    window: Any, qtbot: Any, dialogs: Any, relay: RunningRelay, locked_keyring: LockedKeyring
) -> None:
    """It stayed blue in the greyed-out Relay group, as if it alone could still be clicked."""
    kept_behind_the_lock(window, relay.url, "the-old-token")
    locked_keyring.unlocked.set()
    dialog = settings_opened(window, dialogs)
    qtbot.waitUntil(lambda: dialog.token.isEnabled() and dialog.save_button.isEnabled(), timeout=5000)
    link = dialog.relay_help_link
    assert link.isEnabled() and _link_coloured(link) > 20
    locked_keyring.unlocked.clear()
    qtbot.keyClicks(dialog.token, relay.token)

    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(locked_keyring.written_on), timeout=10000)
    assert not dialog.connection.isEnabled() and not link.isEnabled()
    assert _link_coloured(link) == 0
    disabled_text = link.palette().color(link.palette().ColorGroup.Disabled, link.foregroundRole())
    image = link.grab().toImage()
    assert any(
        image.pixelColor(x, y).rgb() == disabled_text.rgb()
        for x in range(image.width())
        for y in range(image.height())
    )  # the words are there, in the greyed-out group's grey
    assert "릴레이" in link.text() or "relay" in link.text().lower()

    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        locked_keyring.unlocked.set()


def test_a_link_label_is_a_link_again_once_enabled(qtbot: Any) -> None:
    from ui.link_label import LinkLabel

    link = LinkLabel("How do I set up a relay?", "#relay-help")
    qtbot.addWidget(link)
    link.setEnabled(False)
    assert "<a " not in link.text() and _link_coloured(link) == 0
    link.setEnabled(True)
    assert 'href="#relay-help"' in link.text() and _link_coloured(link) > 20
