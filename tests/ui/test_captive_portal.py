"""The owner's hotspot shows its sign-in page instead of passing requests on: the banner says the
network wants him to sign in (not that the relay is gone), and a reply written meanwhile waits and goes
out once, by itself, when he has signed in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.connection import Connection
from app.errors import ErrorCode
from app.models import Message, MessageStatus
from app.outbox import Waiting
from tests.support.bad_network import BadNetwork, Mode, bad_network
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import select_chat

CUSTOMER = "821044445555"


def _message(window: Any, text: str) -> tuple[str, str | None] | None:
    """The (status, error_code) of the owner's message `text`."""
    with window.ctx.db.read() as s:
        row = s.execute(select(Message.status, Message.error_code).where(Message.body == text)).first()
        return (row[0], row[1]) if row is not None else None


def _online_with_a_customer(window: Any, qtbot: Any, relay: RunningRelay, network: BadNetwork) -> None:
    window.ctx.prefs["relay_url"] = network.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    relay.post_webhook(inbound(content="오늘 영업하세요?", sender=CUSTOMER, name="한지우"))
    chats = window.chat_list.model
    qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
    select_chat(window, qtbot, chats.row_at(0).contact_id)


@pytest.mark.parametrize("mode", [Mode.PORTAL_200, Mode.PORTAL_302])
def test_a_hotspot_sign_in_page_is_explained_and_a_reply_waits_for_it_then_goes_once(
    window: Any, qtbot: Any, relay: RunningRelay, mode: Mode
) -> None:
    assert relay.port is not None and relay.graph is not None
    graph = relay.graph
    with bad_network(relay.port) as network:
        _online_with_a_customer(window, qtbot, relay, network)
        sync = window.ctx.sync

        network.mode = mode
        network.drop_all()  # the hotspot's session ran out: every request now meets its page
        qtbot.waitUntil(lambda: sync.state.cause is ErrorCode.NETWORK_SIGN_IN, timeout=15_000)
        assert sync.state.kind in (Connection.RECONNECTING, Connection.OFFLINE)
        assert window.banner.isVisible()
        assert "wants you to sign in" in window.banner.text.text()

        composer = window.chat.composer
        composer.edit.setPlainText("네, 7시까지 열어요")
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        # The sender met the page, lived, and knows the relay never got the reply (so it may be taken
        # back): a page parsed as the relay's answer ended its thread, and the reply waited for ever.
        qtbot.waitUntil(
            lambda: _message(window, "네, 7시까지 열어요") == (MessageStatus.PENDING, Waiting.RELAY_OFFLINE),
            timeout=15_000,
        )
        assert all(thread.is_alive() for thread in sync.engine._threads)
        assert graph.sent == []

        network.mode = Mode.PASS  # signed in
        window.banner.retry.click()
        qtbot.waitUntil(
            lambda: _message(window, "네, 7시까지 열어요") == (MessageStatus.SENT, None),
            timeout=20_000,
        )
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        assert [b["text"]["body"] for b in graph.sent] == ["네, 7시까지 열어요"]
        sync.stop()
