"""The window follows the sync engine: changed conversations from its thread, connection states in the banner."""

from __future__ import annotations

import enum
import sys
import threading
import types
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from app.models import Contact
from tests.support.factories import BASE_TIME, make_contact, make_message


class ConnectionState(enum.Enum):
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    UNAUTHORISED = "unauthorised"


class FakeEngine:
    """Stands in for app.engine.SyncEngine: same constructor, callbacks called from its own thread."""

    instances: list[FakeEngine] = []

    def __init__(
        self,
        db: Any,
        relay_url: str,
        token: str,
        media_dir: Any,
        on_changed: Callable[[set[int]], None],
        on_state: Callable[[object], None],
    ) -> None:
        self.db, self.on_changed, self.on_state = db, on_changed, on_state
        self.started = self.stopped = False
        self.wakes = 0
        FakeEngine.instances.append(self)

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def wake_sender(self) -> None:
        self.wakes += 1

    def deliver(self, contact_id: int, body: str) -> None:
        """Apply an incoming message in a worker thread, then report it, like the real engine."""

        def work() -> None:
            with self.db.write() as s:
                contact = s.get(Contact, contact_id)
                make_message(s, contact, body, sent_at=BASE_TIME + timedelta(days=5))
            self.on_changed({contact_id})

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()

    def report(self, state: ConnectionState) -> None:
        thread = threading.Thread(target=self.on_state, args=(state,))
        thread.start()
        thread.join()


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeEngine]]:
    module = types.ModuleType("app.engine")
    module.SyncEngine = FakeEngine  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.engine", module)
    FakeEngine.instances = []
    yield FakeEngine


def test_messages_applied_by_the_engine_thread_reach_the_list_and_the_open_chat(
    window: Any, qtbot: Any, fake_engine: Any
) -> None:
    with window.ctx.db.write() as s:
        quiet = make_contact(s, profile_name="Quiet")
        make_message(s, quiet, "old news", sent_at=BASE_TIME, unread=False)
        busy = make_contact(s, profile_name="Busy")
        make_message(s, busy, "hi", sent_at=BASE_TIME + timedelta(hours=1), unread=False)
    window.chat_list.load()
    window.chat_list.select_contact(quiet.id)
    window.ctx.prefs["relay_url"] = "http://127.0.0.1:9"
    window.start_sync()
    engine = fake_engine.instances[0]
    assert engine.started

    engine.deliver(quiet.id, "new order please")
    qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).contact_id == quiet.id)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).body == "new order please")


def test_the_banner_shows_reconnecting_and_a_refused_token_then_hides_when_online(
    window: Any, qtbot: Any, fake_engine: Any
) -> None:
    window.ctx.prefs["relay_url"] = "http://127.0.0.1:9"
    window.start_sync()
    engine = fake_engine.instances[0]
    engine.report(ConnectionState.RECONNECTING)
    qtbot.waitUntil(window.banner.isVisible)
    assert window.banner.retry.isVisible()
    engine.report(ConnectionState.UNAUTHORISED)
    qtbot.waitUntil(lambda: "token" in window.banner.text.text())
    engine.report(ConnectionState.ONLINE)
    qtbot.waitUntil(lambda: not window.banner.isVisible())
    window.banner.retry.click()
    assert engine.stopped and fake_engine.instances[-1].started


def test_without_a_relay_the_window_browses_offline(window: Any) -> None:
    window.start_sync()
    assert window.ctx.sync is not None
    assert window.banner.isVisible()
    assert "browsing" in window.banner.text.text()
