"""An away message saved while the relay's proxy answered 503 reaches the relay on its own while the
connection stays up, and the editor's line turns to "The relay has it" without a click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.connection import Connection
from app.paths import paths_for
from app.relay_client import RelayClient
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from ui.context import AppContext

AWAY = "Closed for stocktaking today; we answer tomorrow morning."


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


@pytest.fixture
def online_ctx(db: Any, tmp_path: Path, relay: RunningRelay, front: tuple[RelayFront, str], qtbot: Any):  # type: ignore[no-untyped-def]
    """A window's context whose sync engine is online through the proxy, retrying pushes quickly."""
    from ui.sync_adapter import SyncAdapter

    _, url = front
    AutomationsStore(db).apply_remote(demo_automations("en").model_copy(update={"revision": 0}))
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    ctx.sync = SyncAdapter(ctx, url, relay.token, poll_wait=0.5)
    assert ctx.sync.start() and ctx.sync.engine is not None
    ctx.sync.engine.pushes.retry_base = 1.0  # a second, not the half minute a shop waits
    qtbot.waitUntil(lambda: ctx.sync is not None and ctx.sync.state.kind is Connection.ONLINE, timeout=10_000)
    yield ctx
    ctx.sync.stop()


def test_the_away_editor_says_the_relay_has_it_once_a_retry_got_past_a_503(
    online_ctx: AppContext, relay: RunningRelay, front: tuple[RelayFront, str], qtbot: Any
) -> None:
    from ui.away_editor import AwayEditor

    proxy, _ = front
    editor = AwayEditor(online_ctx)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.show()
    # Twice: the first retry (after about a second) is refused too, so the "waiting" line stays long
    # enough to be read before a retry gets through (a loaded machine read it late, after the retry).
    proxy.refuse("PUT", "/v1/automations", status=503, times=2)

    editor.text.setPlainText(AWAY)
    editor.save()
    # The proxy's 503: said, and the change waits here.
    qtbot.waitUntil(lambda: proxy.refused_count("PUT", "/v1/automations") >= 1, timeout=10_000)
    waiting = "Saved on this computer. It goes to the relay as soon as the relay answers."
    qtbot.waitUntil(lambda: editor.saved_note.text() == waiting, timeout=5000)
    assert editor.error.isVisible()

    # Nothing pressed: the sync engine tries again and the editor hears that it went.
    qtbot.waitUntil(
        lambda: editor.saved_note.text() == "Saved. The relay has it: customers get it from now on.",
        timeout=15_000,
    )
    assert not editor.error.isVisible()
    assert editor.banner.message.text() == "On the relay: customers get what you see here."
    assert AutomationsStore(online_ctx.db).state().status is SyncStatus.SYNCED
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert client.get_automations().away.text == AWAY
    assert online_ctx.sync is not None and online_ctx.sync.state.kind is Connection.ONLINE
