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


def test_a_relay_out_of_reach_is_tried_again_as_soon_as_the_network_is_back(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    """The laptop woke before its Wi-Fi did: the relay could not be reached, and the next try was
    its backoff's, up to a minute later, while the window said it could not reach the relay. The
    system saying the network is back starts one at once."""
    from PySide6.QtNetwork import QNetworkInformation

    from ui.connection_banner import LOST

    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    sync = window.ctx.sync
    try:
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10000)
        worker = sync.engine.worker
        worker.retry_base = worker.retry_cap = 600.0  # the next try five minutes away at least
        watch = window.network_watch
        watch.reachability_changed(QNetworkInformation.Reachability.Disconnected)  # the Wi-Fi is gone
        relay.stop()
        qtbot.waitUntil(lambda: sync.state.kind in LOST, timeout=10000)

        relay.start()  # the Wi-Fi joined again: the relay is there
        relay.post_webhook(inbound(content="아침에 연락드려요", sender="821055550002", name="박지훈"))
        watch.reachability_changed(QNetworkInformation.Reachability.Online)
        qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
        assert window.chat_list.model.row_at(0).display_name == "박지훈"
        assert sync.state.kind is Connection.ONLINE
    finally:
        sync.stop()
