"""The editors tell the owner, once and in her language, when her relay is too old to fill the hours."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.automations_store import AutomationsStore, follow_relay_features
from app.paths import paths_for
from app.relay_client import RelayClient
from tests.support.relay_server import RunningRelay
from ui.away_editor import AwayEditor
from ui.context import AppContext

WEEK = [{"mode": "open", "ranges": [{"start": "10:00", "end": "19:00"}]}] * 5 + [{"mode": "closed"}] * 2


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def client(relay: RunningRelay):
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def away_editor(qtbot, ctx: AppContext, client: RelayClient) -> AwayEditor:
    editor = AwayEditor(ctx, client_provider=lambda: client)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


@pytest.mark.usefixtures("korean")
def test_an_older_relay_is_named_and_its_customers_get_the_hours_written_out(
    qtbot, ctx: AppContext, relay: RunningRelay, client: RelayClient, tmp_path: Path
) -> None:
    relay.relay.features = ()  # a relay from before {영업시간}
    relay.put_rules(business_hours={"timezone": "Asia/Seoul", "week": WEEK})
    AutomationsStore(ctx.db).pull(client)
    follow_relay_features(ctx.db, client)  # as the app does on connecting
    editor = away_editor(qtbot, ctx, client)
    assert not editor.relay_note.isVisible()  # no text gives the hours yet: nothing to say
    editor.enabled.setChecked(True)
    editor.text.setPlainText("지금은 답장이 늦어요.\n{영업시간}")
    qtbot.waitUntil(editor.relay_note.isVisible, timeout=2000)
    assert "이전 버전" in editor.relay_note.text() and "다른 날 다시 연결될 때" in editor.relay_note.text()
    editor.grab().save(str(tmp_path / "older-relay-note.png"))
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)
    assert (
        client.get_automations().away.text == "지금은 답장이 늦어요.\n월~금 오전 10:00~오후 7:00\n토~일 휴무"
    )
    assert editor.relay_note.isVisible()  # said while it holds


@pytest.mark.usefixtures("korean")
def test_a_relay_that_fills_the_hours_is_not_talked_about(
    qtbot, ctx: AppContext, relay: RunningRelay, client: RelayClient
) -> None:
    follow_relay_features(ctx.db, client)
    editor = away_editor(qtbot, ctx, client)
    editor.enabled.setChecked(True)
    editor.text.setPlainText("지금은 답장이 늦어요.\n{영업시간}")
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)
    assert client.get_automations().away.text == "지금은 답장이 늦어요.\n{hours}"  # the stable word
    assert not editor.relay_note.isVisible()
