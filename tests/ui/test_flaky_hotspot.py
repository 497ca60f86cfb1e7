"""A phone hotspot that cuts a connection now and then: the link comes back by itself within a
second, and the window stays calm (no "Cannot reach your relay" / "Reconnected" flashing by)."""

from __future__ import annotations

from typing import Any

from app.connection import Connection
from tests.support.bad_network import Mode, bad_network
from tests.support.relay_server import RunningRelay, inbound


def test_a_cut_connection_answered_again_a_moment_later_shows_no_banner(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    assert relay.port is not None
    with bad_network(relay.port) as network:
        window.ctx.prefs["relay_url"] = network.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        sync = window.ctx.sync
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        sync.engine.worker.retry_base = 0.3  # the hotspot's cuts are short: no need to wait long
        banner = window.banner
        seen: list[tuple[Connection, bool]] = []
        # Connected after the window's own slot: what the banner shows once each state is told.
        sync.state_changed.connect(lambda state: seen.append((state.kind, banner.isVisible())))

        for _ in range(3):
            qtbot.waitUntil(lambda: sync.engine.worker.in_long_poll.is_set(), timeout=10_000)
            network.mode = Mode.REFUSE  # the hotspot drops the long poll, and the next attempts
            network.drop_all()
            qtbot.waitUntil(lambda: (Connection.RECONNECTING, False) in seen, timeout=10_000)
            network.mode = Mode.PASS  # …and carries them again a moment later
            qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
            seen.remove((Connection.RECONNECTING, False))

        relay.post_webhook(inbound(content="아직 여세요?", sender="821066667777", name="문서윤"))
        qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10_000)
        assert all(not shown for _, shown in seen)
        assert banner.isHidden() and not banner.reconnected.isActive()
        sync.stop()
