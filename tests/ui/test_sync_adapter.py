"""The window follows the real sync engine: new messages from its threads, connection states in the banner."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.connection import Connection
from tests.support.relay_server import RunningRelay, inbound, run_relay
from tests.support.servers import free_port
from tests.support.window_waits import select_chat


def connect(window: Any, url: str, token: str) -> None:
    window.ctx.prefs["relay_url"] = url
    window.ctx.relay_token = token
    window.start_sync()


def keep_token(window: Any, url: str, token: str) -> None:
    """The relay's address saved in the preferences and `token` kept in the keyring, as Settings keeps
    them (not `ctx.relay_token`, which would stand in front of whatever Settings saves)."""
    from app import tokens
    from app.settings import load_preferences, save_preferences

    with window.ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url=url))
    window.ctx.prefs["relay_url"] = url
    assert tokens.save_token(url, token, config_file=window.ctx.paths.config_file) == "keyring"


def test_messages_applied_by_the_engine_thread_reach_the_list_and_the_open_chat(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    connect(window, relay.url, relay.token)
    relay.post_webhook(inbound(content="셔츠 재고 있나요?", sender="821055550001", name="이서연"))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    chat = window.chat.view.chat_model
    qtbot.waitUntil(lambda: chat.rowCount() == 1)

    relay.post_webhook(inbound(content="M 사이즈로 주문할게요", sender="821055550001", name="이서연"))
    qtbot.waitUntil(lambda: chat.rowCount() == 2 and chat.message_at(1).body == "M 사이즈로 주문할게요")
    assert model.row_at(0).display_name == "이서연"


def test_the_banner_counts_down_to_the_next_attempt_and_retry_reconnects_when_the_relay_is_back(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    relay.stop()
    connect(window, relay.url, relay.token)
    banner = window.banner
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert window.ctx.sync.state.kind in (Connection.RECONNECTING, Connection.OFFLINE)
    # The countdown is redrawn every second and restarts with each failed attempt.
    qtbot.waitUntil(
        lambda: (
            re.search(r"(Trying again|Next try) in \d+\N{NO-BREAK SPACE}s", banner.text.text()) is not None
        )
    )
    assert banner.retry.isVisible()

    relay.start()
    banner.retry.click()
    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    assert not banner.isVisible()


def test_when_the_relay_comes_back_the_banner_says_reconnected_then_goes(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    from ui.connection_banner import RECONNECTED_SECONDS
    from ui.sync_adapter import SyncAdapter

    # Short long-polls, so the relay going away is noticed at once rather than at the poll's end.
    window.ctx.sync = SyncAdapter(window.ctx, relay.url, relay.token, window, poll_wait=0.5)
    window.start_sync()
    window.ctx.sync.start()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    assert not banner.isVisible()  # connected at start: nothing to say
    relay.stop()
    qtbot.waitUntil(banner.isVisible, timeout=30000)
    assert banner.text.text().startswith("Cannot reach your relay")
    relay.start()
    banner.retry.click()
    qtbot.waitUntil(lambda: banner.text.text() == "Reconnected to your relay.", timeout=10000)
    assert banner.isVisible() and not banner.retry.isVisible()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=(RECONNECTED_SECONDS + 3) * 1000)


def test_a_token_typed_through_the_banners_settings_reconnects_the_engine(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    from ui.settings_dialog import SettingsDialog
    from ui.token_store import load_token

    keep_token(window, relay.url, "an-old-revoked-token")
    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.UNAUTHORISED, timeout=10000)
    # The token was changed on the relay: she is told to paste the current one, and who has it.
    assert banner.text.text().startswith("Your relay no longer accepts this computer's relay token")
    assert "whoever looks after your relay can give it to you" in banner.text.text()
    assert banner.settings.isVisible()

    dialogs.expect("modal")  # Settings, window-modal, stays open until Save
    banner.settings.click()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.relay_url.text() == relay.url
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token)  # where the refused token goes
    # Not "Leave empty to keep the current relay token": the current one is the one refused.
    assert dialog.token.placeholderText() == "Paste your relay token"
    qtbot.keyClicks(dialog.token, relay.token)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled)  # the stored preferences are read first
    save.click()

    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    assert not banner.isVisible()
    assert load_token(window.ctx, relay.url) == relay.token
    # The engine now reads events with the new token: a customer's message arrives.
    relay.post_webhook(inbound(content="안녕하세요", sender="821055550002", name="박지훈"))
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)


def test_a_reply_written_while_the_token_is_refused_waits_and_goes_once_the_new_one_is_pasted(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any, english: None
) -> None:
    """The token was rotated on the relay: the banner says the owner's reply waits, and it goes once."""
    from app.sending import queue_message, send_body
    from tests.support.factories import make_contact
    from ui.settings_dialog import SettingsDialog

    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821055550003", profile_name="이서연")
        queue_message(s, contact.id, send_body("text", "내일 보내드릴게요"), body="내일 보내드릴게요")
    keep_token(window, relay.url, "the-token-before-rotation")
    graph = relay.graph
    assert graph is not None
    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.UNAUTHORISED, timeout=10000)
    qtbot.waitUntil(
        lambda: banner.text.text().endswith("Shop Inbox sends your 1 waiting reply once it is pasted."),
        timeout=10000,
    )
    assert graph.sent == []

    dialogs.expect("modal")
    banner.settings.click()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token)
    qtbot.keyClicks(dialog.token, relay.token)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled)
    save.click()
    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: len(graph.sent) == 1, timeout=10000)
    assert graph.sent[0]["text"]["body"] == "내일 보내드릴게요"


def test_a_relay_nobody_listens_on_reads_reconnecting_with_its_retry_time(window: Any, qtbot: Any) -> None:
    connect(window, f"http://127.0.0.1:{free_port()}", "any-token")
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    state = window.ctx.sync.state
    assert state.next_retry_at is not None
    assert window.banner.seconds_to_retry() is not None


def test_without_a_relay_the_window_browses_offline(window: Any) -> None:
    window.start_sync()
    assert window.ctx.sync is not None
    assert window.banner.isVisible()
    assert "browsing" in window.banner.text.text()
    assert not window.banner.retry.isVisible()


def test_a_token_the_relay_refuses_is_not_saved_over_the_kept_one_unless_the_owner_says_so(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """A typo saved over a working token cut the inbox off until the owner found the token again."""
    from ui.settings_action import open_settings
    from ui.token_store import load_token

    keep_token(window, relay.url, relay.token)
    dialogs.expect("modal")  # Settings, window-modal, stays open until Save
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    save = dialog.save_button
    qtbot.waitUntil(save.isEnabled)
    qtbot.keyClicks(dialog.token, "a-typo-in-the-token")
    refused = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    save.click()
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=10000)
    assert "refused this relay token" in refused.shown[0].text
    # The token is where the focus goes back as the dialog is active again after the question.
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token)
    assert dialog.isVisible() and save.isEnabled()
    assert load_token(window.ctx, relay.url) == relay.token  # the working token is kept
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        save.click()
    assert load_token(window.ctx, relay.url) == "a-typo-in-the-token"  # the owner said so


def test_an_address_no_relay_answers_at_is_not_saved_over_the_kept_one_unless_the_owner_says_so(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """Tab into Settings and paste: the token went into the address field (selected as Tab reached
    it), and Save kept "https://<token>" as the relay's address with no word, the inbox cut off."""
    from ui.settings_action import open_settings

    keep_token(window, relay.url, relay.token)
    dialogs.expect("modal")  # Settings, window-modal, stays open until Save
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    save = dialog.save_button
    qtbot.waitUntil(save.isEnabled)
    dialog.relay_url.selectAll()
    qtbot.keyClicks(dialog.relay_url, relay.token)  # the token, in the wrong field
    not_reached = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    save.click()
    qtbot.waitUntil(lambda: bool(not_reached.shown), timeout=20000)
    assert "could not be reached" in not_reached.shown[0].text
    assert f"https://{relay.token}" in not_reached.shown[0].text
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.relay_url)
    assert dialog.isVisible() and save.isEnabled()
    assert window.ctx.prefs["relay_url"] == relay.url  # the working address is kept

    # Another relay (another shop), its address typed without its token: the kept one is refused.
    with run_relay(window.ctx.paths.data_dir, client_token="the-other-shops-token") as other:
        dialog.relay_url.setText(other.url)
        refused = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
        save.click()
        qtbot.waitUntil(lambda: bool(refused.shown), timeout=10000)
        assert "refused the relay token kept on this computer" in refused.shown[0].text
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token)
        assert window.ctx.prefs["relay_url"] == relay.url
        qtbot.keyClicks(dialog.token, "the-other-shops-token")
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            save.click()  # its token too: checked, and saved without a question
        assert window.ctx.prefs["relay_url"] == other.url


def test_a_new_relay_address_in_plain_http_to_another_computer_is_said_before_it_is_saved(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """The first-run wizard refuses http:// to another computer (the token would cross the network in
    clear); Settings saved it without a word, and the engine sent the token that way."""
    from ui.settings_action import open_settings

    keep_token(window, relay.url, relay.token)
    dialogs.expect("modal")
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.relay_url.setText("http://relay.myshop.example")  # never reached: refused before any request
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10000)
    assert asked.shown[0].title == "Unencrypted relay address"
    assert "unencrypted" in asked.shown[0].text and "https://" in asked.shown[0].text
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.relay_url)
    assert window.ctx.prefs["relay_url"] == relay.url


def test_a_new_relay_address_with_a_typo_is_not_saved(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """A comma for a dot: "Relay not reached… Save this relay address anyway?" offered to keep an
    address no relay could ever answer at, in place of the working one."""
    from ui.settings_action import open_settings

    keep_token(window, relay.url, relay.token)
    dialogs.expect("modal")
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.relay_url.setText("relay.myshop,com")
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)  # and no "anyway"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=10000)
    assert refused.shown[0].title == "Relay address not saved"
    assert refused.shown[0].text.startswith("That does not look like a web address.")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.relay_url)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert window.ctx.prefs["relay_url"] == relay.url


def test_save_with_a_bare_relay_host_shows_the_address_it_tried_before_relay_not_reached(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """Emma typed her relay without its scheme and pressed Save: "Relay not reached" named an
    address that the field did not show. Check connection writes it there; Save now does too."""
    from ui.settings_action import open_settings

    keep_token(window, relay.url, relay.token)
    dialogs.expect("modal")
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    port = free_port()  # nothing listens there
    dialog.relay_url.selectAll()
    qtbot.keyClicks(dialog.relay_url, f"127.0.0.1:{port}")
    field_when_asked: list[str] = []

    def look_then_cancel(_shown: Any) -> QMessageBox.StandardButton:
        field_when_asked.append(dialog.relay_url.text())
        return QMessageBox.StandardButton.Cancel

    asked = dialogs.expect("question", answer=look_then_cancel)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=20000)
    assert asked.shown[0].title == "Relay not reached"
    assert f"http://127.0.0.1:{port}" in asked.shown[0].text
    assert field_when_asked == [f"http://127.0.0.1:{port}"]  # the address the question names
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.relay_url)
    assert window.ctx.prefs["relay_url"] == relay.url  # not saved: the working one is kept


def test_a_backup_restored_on_a_new_computer_asks_for_the_relay_token_instead_of_saying_it_was_refused(
    window: Any, qtbot: Any, relay: RunningRelay, dialogs: Any
) -> None:
    """A backup keeps the relay's address but never its token: on the new laptop the banner said
    "The relay token was refused", about a token nobody had typed there."""
    from app.settings import load_preferences, save_preferences
    from ui.settings_dialog import SettingsDialog
    from ui.token_store import load_token

    with window.ctx.db.write() as s:  # what the restored inbox holds: the address, no token
        save_preferences(s, load_preferences(s).replace(relay_url=relay.url))
    window.ctx.prefs["relay_url"] = relay.url
    relay.post_webhook(inbound(content="새 노트북으로 바꾸셨어요?", sender="821055550003", name="최유나"))
    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.state.kind is Connection.NO_TOKEN, timeout=10000)
    assert banner.isVisible() and banner.settings.isVisible()
    assert "refused" not in banner.text.text()
    assert "no relay token" in banner.text.text().lower() and "Settings" in banner.text.text()

    dialogs.expect("modal")  # Settings, window-modal, stays open until Save
    banner.settings.click()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.token)
    assert dialog.token.placeholderText() == "Paste your relay token"  # not "leave empty to keep"
    qtbot.keyClicks(dialog.token, relay.token)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.save_button.click()

    qtbot.waitUntil(lambda: banner.state.kind is Connection.ONLINE, timeout=10000)
    assert load_token(window.ctx, relay.url) == relay.token
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
