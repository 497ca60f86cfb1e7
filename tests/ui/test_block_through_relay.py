"""Blocking from the contact panel reaches the relay, which puts the customer on WhatsApp's block list
(the fake Graph's) and no longer sends them the away message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.connection import Connection
from app.wire import Automations
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_front import relay_front
from tests.support.relay_server import RunningRelay, inbound, run_relay
from tests.support.window_waits import select_chat

CUSTOMER = "821066667777"


def _spammer_in_the_panel(window: Any, qtbot: Any, relay: RunningRelay, url: str | None = None) -> Any:
    """Sync with the relay (at `url`, a proxy in front of it), a customer writes, the owner opens
    their chat and its contact panel."""
    window.ctx.prefs["relay_url"] = url or relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    relay.post_webhook(inbound(content="광고 보내드려요", sender=CUSTOMER, name="스팸"))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    window.toggle_contact_panel()
    panel = window.contact_panel
    qtbot.waitUntil(lambda: panel.details is not None, timeout=5000)
    return panel


def test_blocking_in_the_contact_panel_blocks_on_whatsapp_through_the_relay(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        away = {"enabled": True, "text": "지금은 자리를 비웠어요", "schedule": "always"}
        doc = Automations.model_validate({"away": away}).model_dump(mode="json")
        put = relay.client.put(
            f"{relay.url}/v1/automations", json=doc, headers={**relay.auth(), "If-Match": "0"}
        )
        assert put.status_code == 200
        panel = _spammer_in_the_panel(window, qtbot, relay)
        qtbot.waitUntil(lambda: len(graph.sent) == 1, timeout=10000)  # the away message

        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        panel.block.click()
        qtbot.waitUntil(lambda: graph.blocked == {CUSTOMER}, timeout=10000)
        qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).blocked, timeout=5000)
        assert not window.chat.composer.isEnabled()


def test_a_block_made_while_the_relay_is_down_reaches_whatsapp_when_it_answers_again(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        panel = _spammer_in_the_panel(window, qtbot, relay)
        relay.stop()  # the relay's machine restarts, or the laptop lost its Wi-Fi

        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        panel.block.click()
        qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).blocked, timeout=5000)  # here at once
        assert graph.blocked == set()

        relay.start()
        qtbot.waitUntil(lambda: graph.blocked == {CUSTOMER}, timeout=30000)


def test_a_block_the_relays_proxy_answered_502_reaches_whatsapp_while_the_connection_stays_up(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with (
        run_fake_graph() as graph,
        run_relay(folder, graph_url=graph.url) as relay,
        relay_front(relay.url) as (proxy, url),
    ):
        panel = _spammer_in_the_panel(window, qtbot, relay, url)
        window.ctx.sync.engine.pushes.retry_base = 0.5  # seconds, not the half minute a shop waits
        block = f"/v1/contacts/{CUSTOMER}/block"
        proxy.refuse("POST", block, status=502, times=1)  # the relay restarting behind its nginx

        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        panel.block.click()
        qtbot.waitUntil(lambda: proxy.refused_count("POST", block) == 1, timeout=10000)
        # Nothing pressed, nothing reconnected: the block is handed over again and reaches WhatsApp.
        qtbot.waitUntil(lambda: graph.blocked == {CUSTOMER}, timeout=10000)
        assert proxy.count("POST", block) == 2
        assert window.ctx.sync.state.kind is Connection.ONLINE
