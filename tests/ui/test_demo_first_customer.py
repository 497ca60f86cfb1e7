"""A new demo's simulated customers wait for the shop's greeting to be on its relay, so the first is greeted."""

from __future__ import annotations

import time
from pathlib import Path

from app.automations_store import PushOutcome, demo_automations, push, save_local
from app.relay_client import RelayClient
from app.wire import MessageEvent, OutboundEvent, SentBy
from ui.demo import start_demo


def test_the_first_customer_of_a_new_demo_gets_the_greeting(tmp_path: Path) -> None:
    ctx = start_demo("en", folder=tmp_path / "shop", speed=50)
    try:
        # The shop's greeting alone, so what answers the customer does not depend on the hour the
        # test runs at (the demo's away message and menu bot follow its opening hours).
        rules = demo_automations("en")
        rules.away.enabled = False
        rules.bot.enabled = False
        assert rules.greeting.enabled
        with ctx.db.write() as s:
            save_local(s, rules)
        assert ctx.relay_token is not None
        with RelayClient(ctx.prefs["relay_url"], ctx.relay_token, timeout=10) as client:
            # At 50× a customer writes within 40 ms: for a second the relay has nothing to hand out.
            assert not client.events(0, wait=1).events, "a customer wrote before the greeting was on"
            assert push(ctx.db, client) is PushOutcome.PUSHED

            first: MessageEvent | None = None
            greeted_first = False
            after, deadline = 0, time.monotonic() + 30
            while not greeted_first and time.monotonic() < deadline:
                page = client.events(after, wait=10)
                after = page.next
                for event in page.events:
                    if isinstance(event, MessageEvent) and first is None:
                        first = event
                    if isinstance(event, OutboundEvent) and first is not None:
                        greeted_first |= (
                            event.sent_by == SentBy.GREETING and event.to == first.message["from"]
                        )
        assert first is not None, "no simulated customer wrote"
        assert greeted_first, f"the first customer ({first.message['from']}) got no greeting"
    finally:
        assert ctx.stop_demo is not None
        ctx.stop_demo()
        ctx.db.close()
