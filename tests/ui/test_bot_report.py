"""The menu bot editor's Report tab: the relay's counts, asked for when the owner opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.relay_client import RelayClient
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import run_relay
from ui.bot_editor import BotEditor
from ui.context import AppContext


def test_opening_the_report_tab_asks_the_relay_once_and_refresh_asks_again(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        client = RelayClient(relay.url, relay.token, timeout=5)
        asked: list[object] = []
        editor = BotEditor(ctx, client_provider=lambda: client, report_client=lambda: client)
        qtbot.addWidget(editor)
        editor.report.report_loaded.connect(asked.append)
        with qtbot.waitSignal(editor.report.report_loaded, timeout=10_000):
            editor.tabs.setCurrentWidget(editor.report)
        assert editor.report.report_note.text().startswith("Counted by the relay over the last 30 days")
        editor.tabs.setCurrentIndex(0)
        editor.tabs.setCurrentWidget(editor.report)  # back on the tab: the counts it has stay
        assert len(asked) == 1
        with qtbot.waitSignal(editor.report.report_loaded, timeout=10_000):
            editor.report.load_report()  # Refresh
        assert len(asked) == 2
        client.close()


def test_without_a_relay_the_report_tab_says_where_its_counts_come_from(qtbot: Any, ctx: AppContext) -> None:
    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    editor.tabs.setCurrentWidget(editor.report)
    assert editor.report.report_note.text() == "The report comes from the relay: connect to it first."
    assert editor.report.report_model.rowCount() == 0
