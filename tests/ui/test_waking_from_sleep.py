"""The laptop slept with the app open: on waking, new messages arrive at once, not after the old long
poll (on a connection that died while it slept) times out half a minute later."""

from __future__ import annotations

from typing import Any

from app.connection import Connection
from tests.support.relay_server import RunningRelay, inbound
from tests.support.sleeping_network import sleeping_network

SLEPT_SECONDS = 8 * 3600


def test_messages_that_came_while_the_laptop_slept_arrive_right_after_it_wakes(
    window: Any, qtbot: Any, relay: RunningRelay, monkeypatch: Any
) -> None:
    from app import relay_clock
    from app.relay_client import POLL_MARGIN
    from app.sync import POLL_WAIT

    assert relay.port is not None
    with sleeping_network(relay.port) as network:
        window.ctx.prefs["relay_url"] = network.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        sync = window.ctx.sync
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10000)
        qtbot.waitUntil(lambda: sync.engine.worker.in_long_poll.is_set(), timeout=10000)

        network.sleep()  # the lid closes; the long poll's connection dies without a word
        start = relay_clock.local_time()
        monkeypatch.setattr(relay_clock, "local_time", lambda: start + SLEPT_SECONDS)
        try:
            relay.post_webhook(inbound(content="밤에 주문했어요", sender="821055550001", name="이서연"))
            window.wake_watch.timer.setInterval(20)  # rather than the next 5-second tick

            # Well before the old poll's read timeout would have given up on it.
            timeout_ms = int((POLL_WAIT + POLL_MARGIN) * 1000) // 4
            qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=timeout_ms)
            assert window.chat_list.model.row_at(0).display_name == "이서연"
        finally:
            sync.stop()
            monkeypatch.undo()
            relay_clock.forget()  # the relay's Date read 8 h behind this test's clock
