"""The hotspot comes back while the inbox waits out its backoff: the reply the owner sends then goes
through, and that answer from the relay ends the wait, so new messages and the calm banner return at
once instead of at the end of a countdown that no longer means anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.connection import Connection
from app.models import Message, MessageStatus
from tests.support.bad_network import Mode, bad_network
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import select_chat


def _status(window: Any, text: str) -> str | None:
    with window.ctx.db.read() as s:
        return s.scalar(select(Message.status).where(Message.body == text))


def test_a_reply_that_goes_through_ends_the_backoff_and_the_inbox_is_online_at_once(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    assert relay.port is not None
    with bad_network(relay.port) as network:
        window.ctx.prefs["relay_url"] = network.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        sync = window.ctx.sync
        relay.post_webhook(inbound(content="택배 보내셨어요?", sender="821034343434", name="서지호"))
        chats = window.chat_list.model
        qtbot.waitUntil(lambda: chats.rowCount() == 1, timeout=10_000)
        select_chat(window, qtbot, chats.row_at(0).contact_id)
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        sync.engine.worker.retry_base = 20.0  # a backoff grown long over a long outage

        network.mode = Mode.REFUSE
        network.drop_all()
        qtbot.waitUntil(lambda: sync.state.kind is Connection.RECONNECTING, timeout=10_000)
        due = sync.state.next_retry_at
        assert due is not None and due - datetime.now(UTC) > timedelta(seconds=5)

        network.mode = Mode.PASS  # the hotspot is back; the countdown still runs
        composer = window.chat.composer
        composer.edit.setPlainText("오늘 오후에 보냈어요")
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _status(window, "오늘 오후에 보냈어요") == MessageStatus.SENT, timeout=5000)
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=5000)
        assert datetime.now(UTC) < due

        relay.post_webhook(inbound(content="감사합니다!", sender="821034343434", name="서지호"))
        view = window.chat.view.chat_model
        qtbot.waitUntil(lambda: any(view.message_at(i).body == "감사합니다!" for i in range(view.rowCount())))
        assert datetime.now(UTC) < due
        sync.stop()
