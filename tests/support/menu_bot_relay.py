"""A main window synced with a real relay whose Korean menu bot is on, and the fake Graph behind it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.shop_menu import korean_shop_menu
from app.wire import Automations
from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay


@contextlib.contextmanager
def window_with_menu_bot(window: Any, tmp_path: Path) -> Iterator[tuple[RunningRelay, FakeGraph]]:
    """`window` syncing with a relay (its database under `tmp_path`) that runs the shop menu bot."""
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        bot = korean_shop_menu().model_copy(update={"enabled": True})
        doc = Automations(bot=bot).model_dump(mode="json")
        put = relay.client.put(
            f"{relay.url}/v1/automations", json=doc, headers={**relay.auth(), "If-Match": "0"}
        )
        assert put.status_code == 200
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        yield relay, graph
