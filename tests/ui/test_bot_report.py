"""The menu bot editor's Report tab: the relay's counts, asked for when the owner opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


@pytest.mark.usefixtures("korean")
def test_a_menu_the_relay_sent_as_numbered_text_is_named_with_what_to_shorten(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    """The main menu gives the hours; the hours grew, and with them filled in its text is longer than
    WhatsApp shows above a menu: the relay sent it to a customer as numbered text. The owner, who never
    opened that chat, reads it in the bot's report, with the menu's name and what to shorten."""
    from app.automations_store import AutomationsStore
    from app.shop_menu import korean_shop_menu
    from app.wire import DayHours, TimeRange
    from tests.relay.test_menu_bot import Customer, put_bot

    bot = korean_shop_menu()
    intro = "가" * 1010 + "\n{영업시간}"
    nodes = [n.model_copy(update={"text": intro}) if n.id == "home" else n for n in bot.nodes]
    weekdays = DayHours(mode="open", ranges=[TimeRange(start="10:00", end="19:00")])
    week = [weekdays.model_dump()] * 5 + [DayHours(mode="closed").model_dump()] * 2
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        put_bot(
            relay,
            bot.model_copy(update={"nodes": nodes}),
            business_hours={"timezone": "Asia/Seoul", "week": week},
        )
        customer = Customer(relay)
        customer.events(1)
        customer.says("메뉴")
        assert customer.reply()["type"] == "text"  # the whole menu, its choices numbered
        client = RelayClient(relay.url, relay.token, timeout=5)
        AutomationsStore(ctx.db).pull(client)
        editor = BotEditor(ctx, client_provider=lambda: client, report_client=lambda: client)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
        assert not editor.report.as_text_note.isVisibleTo(editor)
        with qtbot.waitSignal(editor.report.report_loaded, timeout=10_000):
            editor.tabs.setCurrentWidget(editor.report)
        assert editor.report.as_text_note.isVisible()
        assert editor.report.as_text_note.text() == (
            "메뉴: 처음 메뉴 — 필드를 채운 내용이 WhatsApp이 메뉴 위에 보여 주는 1,024자를 넘어서 "
            "번호를 붙인 일반 텍스트로 1번 보냈어요. 내용을 줄여 주세요."
        )
        # The menu was never answered as a menu this time: no row of noughts in the counts.
        names = [
            editor.report.report_model.item(r, 0).text() for r in range(editor.report.report_model.rowCount())
        ]
        assert "메뉴: 처음 메뉴" not in names
        client.close()
