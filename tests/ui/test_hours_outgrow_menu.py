"""Business hours that make a saved menu's text, with the hours filled in, longer than WhatsApp shows
above a menu: the hours editor says so before Save (the relay would send the menu as numbered text)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTime

from app.automations_store import AutomationsStore
from app.paths import paths_for
from app.relay_client import RelayClient
from app.shop_menu import korean_shop_menu
from app.wire import INTERACTIVE_BODY_MAX
from tests.support.relay_server import RunningRelay
from tests.ui.test_editor_mnemonics import opened
from tests.ui.test_hours_overlap import add_hours
from ui.business_hours_editor import BusinessHoursEditor
from ui.context import AppContext

WEEK = [{"mode": "open", "ranges": [{"start": "09:00", "end": "13:00"}]}] * 5 + [{"mode": "closed"}] * 2


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def client(relay: RunningRelay) -> Iterator[RelayClient]:
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def menu_giving_the_hours(room: int) -> dict[str, Any]:
    """The ready-made Korean menu whose first menu gives the hours and leaves `room` characters of
    WhatsApp's 1,024 for them."""
    bot = korean_shop_menu()
    home = next(n for n in bot.nodes if n.id == "home")
    lead = "영업시간 안내:\n{hours}\n"
    home.text = lead + "가" * (INTERACTIVE_BODY_MAX - len(lead) + len("{hours}") - room)
    return bot.model_dump(mode="json")


@pytest.mark.usefixtures("korean")
def test_hours_that_push_a_menu_past_1024_characters_are_named_before_save(
    qtbot: Any, ctx: AppContext, relay: RunningRelay, client: RelayClient, tmp_path: Path
) -> None:
    relay.put_rules(
        business_hours={"timezone": "Asia/Seoul", "week": WEEK}, bot=menu_giving_the_hours(room=80)
    )
    AutomationsStore(ctx.db).pull(client)
    editor = opened(qtbot, BusinessHoursEditor(ctx, client_provider=lambda: client))
    editor.resize(700, 700)
    assert not editor.menu_note.isVisible()  # today's hours fit
    # Each weekday gets an afternoon of its own: five lines of hours where there was one.
    for weekday in range(5):
        add_hours(qtbot, editor.week.days[weekday], QTime(14 + weekday, 0), QTime(20, 0))
    qtbot.waitUntil(lambda: "“처음 메뉴”" in editor.menu_note.text(), timeout=2000)
    assert "번호를 붙인 일반 텍스트로" in editor.menu_note.text()
    assert editor.menu_note.isVisible()
    editor.grab().save(str(tmp_path / "hours-outgrow-menu.png"))
    # Back to one afternoon for all: the warning goes before anything is saved.
    for weekday in range(5):
        editor.week.days[weekday].rows[-1].start.setTime(QTime(14, 0))
    qtbot.waitUntil(lambda: not editor.menu_note.isVisible(), timeout=2000)
