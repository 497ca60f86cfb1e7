"""With no relay set up (a first start after "Set up later"), the banner says what is true: with no
chat kept here, that nothing arrives until the relay is set up in Settings, not "browsing saved
chats"; once chats are here (an import), that they are being browsed."""

from __future__ import annotations

from typing import Any

from app.changes import Changes
from app.connection import Connection
from tests.support.factories import make_contact, make_message
from ui.ops import pending_ops

NO_RELAY_NO_CHATS = (
    "No relay set up yet, so no messages arrive. Set up your relay in Settings to receive your "
    "customers' chats."
)
BROWSING = "Not connected to a relay: you are browsing saved chats."


def no_relay(window: Any, qtbot: Any) -> Any:
    window.ctx.prefs["relay_url"] = ""
    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and banner.state.kind is Connection.NOT_CONFIGURED)
    return banner


def test_an_empty_inbox_without_a_relay_says_to_set_up_the_relay(
    window: Any, qtbot: Any, english: None
) -> None:
    banner = no_relay(window, qtbot)
    qtbot.waitUntil(lambda: banner.text.text() == NO_RELAY_NO_CHATS)
    assert banner.settings.isVisible()  # where the relay is set up

    with window.ctx.db.write() as s:  # chats brought in from a phone
        contact = make_contact(s)
        make_message(s, contact, "주문했어요")
        contact_id = contact.id
    window.ctx.publish(Changes.for_contacts([contact_id]))
    qtbot.waitUntil(lambda: banner.text.text() == BROWSING)


def test_saved_chats_without_a_relay_are_said_as_browsed(window: Any, qtbot: Any, english: None) -> None:
    with window.ctx.db.write() as s:
        make_message(s, make_contact(s), "Is the linen shirt in stock?")
    banner = no_relay(window, qtbot)
    qtbot.waitUntil(lambda: pending_ops() == 0)  # the chats kept here, counted
    assert banner.text.text() == BROWSING


def test_in_korean_an_empty_inbox_without_a_relay_is_not_said_as_browsing_saved_chats(
    window: Any, qtbot: Any, korean: None
) -> None:
    banner = no_relay(window, qtbot)
    qtbot.waitUntil(lambda: "릴레이" in banner.text.text() and "설정" in banner.text.text())
    assert "저장된 채팅" not in banner.text.text()
