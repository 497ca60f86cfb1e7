"""The hint that customers went unusually quiet (a broken webhook looks like silence) follows the days
the app stays open: it goes when a customer writes again, and comes when a week passes in silence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.connection import Connection, ConnectionState
from tests.support.factories import make_contact, make_message
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import settle

QUIET = "No customer has written for"


def busy_weeks_then_quiet(ctx: Any, quiet_days: int, wa_id: str = "821055550001") -> None:
    """A customer wrote every day for three weeks, then nobody for `quiet_days` days."""
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        customer = make_contact(s, wa_id=wa_id, profile_name="이서연")
        for n in range(21):
            make_message(s, customer, f"주문 {n}", sent_at=now - timedelta(days=quiet_days + n), unread=False)


def test_the_silence_hint_goes_when_a_customer_writes_again_with_the_app_left_open(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    busy_weeks_then_quiet(window.ctx, quiet_days=9)
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and QUIET in banner.text.text(), timeout=10000)

    # The webhook works again: her message arrives over the same connection, online all along.
    relay.post_webhook(inbound(content="다시 주문할게요", sender="821055550001", name="이서연"))
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)


def test_a_week_of_silence_that_passes_with_the_app_open_is_noticed(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from app import relay_clock

    busy_weeks_then_quiet(window.ctx, quiet_days=3)
    window._connection_state(ConnectionState(Connection.ONLINE))
    banner = window.banner
    settle(qtbot)  # three quiet days: nothing to say yet
    assert banner.quiet is None and not banner.isVisible()

    start = relay_clock.local_time()
    monkeypatch.setattr(relay_clock, "local_time", lambda: start + 5 * 86400)  # five quiet days later
    window.day_watch.timer.setInterval(20)
    qtbot.waitUntil(lambda: banner.isVisible() and f"{QUIET} 8 days" in banner.text.text(), timeout=10000)
