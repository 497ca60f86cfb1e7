"""Settings pointed at another relay: another shop's is said before its chats mix in, and the new
relay's events are all read, from its first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.connection import Connection
from tests.support.relay_server import RunningRelay, inbound, run_relay
from tests.ui.test_sync_adapter import keep_token

OTHER_SHOPS_NUMBER = "200000000000002"
OTHER_TOKEN = "the-other-shops-token"


def written_to(number: str, text: str, sender: str, name: str) -> dict[str, Any]:
    """A customer's message to the business number `number`."""
    payload = inbound(content=text, sender=sender, name=name)
    payload["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = number
    return payload


@pytest.fixture
def other_shop(tmp_path: Path) -> Iterator[RunningRelay]:
    """Another shop's relay; three customers have written to its number (more events than this
    inbox's relay ever handed out)."""
    (tmp_path / "other").mkdir()
    with run_relay(tmp_path / "other", client_token=OTHER_TOKEN) as other:
        for text, sender, name in (
            ("다른 가게 첫 손님이에요", "821099990001", "정하늘"),
            ("두 번째 손님이에요", "821099990002", "한가람"),
            ("세 번째 손님이에요", "821099990003", "오세린"),
        ):
            other.post_webhook(written_to(OTHER_SHOPS_NUMBER, text, sender, name))
        yield other


def connected_with_one_chat(window: Any, qtbot: Any, relay: RunningRelay) -> None:
    keep_token(window, relay.url, relay.token)
    relay.post_webhook(inbound(content="장미 있어요?", sender="821011112222", name="김민수"))
    window.start_sync()
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)


def move_to(window: Any, qtbot: Any, dialogs: Any, url: str, token: str) -> Any:
    """Settings open with the other relay's address and token typed; returns the dialog."""
    from ui.settings_action import open_settings

    dialogs.expect("modal")  # Settings, window-modal, stays open until Save
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.relay_url.setText(url)
    qtbot.keyClicks(dialog.token, token)
    return dialog


def test_another_shops_relay_is_said_before_its_customers_mix_into_these_chats(
    window: Any, qtbot: Any, relay: RunningRelay, other_shop: RunningRelay, dialogs: Any
) -> None:
    connected_with_one_chat(window, qtbot, relay)
    dialog = move_to(window, qtbot, dialogs, other_shop.url, OTHER_TOKEN)

    asked = dialogs.expect("warning", answer=QMessageBox.StandardButton.No)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10000)
    assert asked.shown[0].title == "Another shop's relay"
    assert "different WhatsApp number" in asked.shown[0].text and "mixed" not in asked.shown[0].title
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.relay_url)
    assert dialog.isVisible()
    assert window.ctx.prefs["relay_url"] == relay.url  # nothing changed: one shop's chats
    assert window.chat_list.model.rowCount() == 1

    dialogs.expect("warning", answer=QMessageBox.StandardButton.Yes)  # "Connect anyway"
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save_button.click()
    assert window.ctx.prefs["relay_url"] == other_shop.url


def test_every_message_on_the_new_relay_is_read_from_its_first(
    window: Any, qtbot: Any, relay: RunningRelay, tmp_path: Path, dialogs: Any
) -> None:
    """The cursor counted the old relay's events: on the new one, that many of its first events were
    skipped without a word (the same shop's relay moved to a new server, its database kept)."""
    connected_with_one_chat(window, qtbot, relay)
    (tmp_path / "moved").mkdir()
    with run_relay(tmp_path / "moved", client_token=OTHER_TOKEN) as moved:
        # The same shop's number: no question. Two events there before the one this inbox has.
        moved.post_webhook(inbound(content="주문 상태 알려주세요", sender="821033334444", name="이지은"))
        moved.post_webhook(inbound(content="가격 문의드려요", sender="821055556666", name="박서준"))
        moved.post_webhook(inbound(content="장미 있어요?", sender="821011112222", name="김민수"))
        dialog = move_to(window, qtbot, dialogs, moved.url, OTHER_TOKEN)
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            dialog.save_button.click()
        banner = window.banner
        qtbot.waitUntil(lambda: window.ctx.sync.state.kind is Connection.ONLINE, timeout=10000)
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
        names = {model.row_at(i).display_name for i in range(3)}
        assert names == {"김민수", "이지은", "박서준"}
        assert not banner.isVisible()


def test_the_same_relay_at_a_new_address_keeps_the_current_token(
    window: Any, qtbot: Any, relay: RunningRelay, tmp_path: Path, dialogs: Any
) -> None:
    """The shop's relay came back on another port: the owner types the new address and leaves the
    token empty, as "Leave empty to keep the current relay token" says. The kept token was not tried
    there ("refused the relay token kept on this computer"), and once saved the inbox said "This
    computer has no relay token yet"."""
    connected_with_one_chat(window, qtbot, relay)
    (tmp_path / "new-port").mkdir()
    with run_relay(tmp_path / "new-port", client_token=relay.token) as moved:
        moved.post_webhook(inbound(content="Is the shop open today?", sender="447700900123", name="Amy"))
        dialog = move_to(window, qtbot, dialogs, moved.url, "")
        assert dialog.token.placeholderText() == "Leave empty to keep the current relay token"
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            dialog.save_button.click()
        qtbot.waitUntil(lambda: window.ctx.sync.state.kind is Connection.ONLINE, timeout=10000)
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
        assert not window.banner.isVisible()
