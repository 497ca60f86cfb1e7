"""A dialog opened from a menu is gone once closed: it no longer reloads on every change for as long as the
window lives, and a save or relay push still running when it closed still delivers first."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.changes import Changes
from app.paths import paths_for
from app.wire import Automations
from tests.support.automations_fake import FakeAutomationsRelay
from ui.context import AppContext
from ui.greeting_editor import GreetingEditor
from ui.labels_manager import LabelsManager
from ui.menus import install_menus
from ui.ops import delete_when_closed
from ui.quick_reply_manager import QuickReplyManager


def shop_action(window: Any, text: str) -> Any:
    shop = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Shop")
    return next(a for a in shop.actions() if a.text().replace("&", "") == text)


def test_quick_replies_and_labels_closed_from_the_shop_menu_are_gone(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Each opening left a hidden manager behind that read the database again on every change."""
    install_menus(window, ctx)
    closed = dialogs.expect("modal", answer=lambda dialog: dialog.reject(), times=None)
    for _ in range(3):
        shop_action(window, "Quick replies…").trigger()
        shop_action(window, "Labels…").trigger()
    assert len(closed.shown) == 6
    qtbot.waitUntil(
        lambda: not window.findChildren(QuickReplyManager) and not window.findChildren(LabelsManager),
        timeout=5000,
    )


class GatedRelay(FakeAutomationsRelay):
    """The relay answers a push only when the test lets it."""

    def __init__(self, doc: Automations) -> None:
        super().__init__(doc)
        self.gate = threading.Event()
        self.asked = threading.Event()

    def put_automations(self, doc: Automations, *, if_match: int) -> Automations:
        self.asked.set()
        assert self.gate.wait(10)
        return super().put_automations(doc, if_match=if_match)


@pytest.fixture
def demo_ctx(db: Any, tmp_path: Path) -> AppContext:
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    AutomationsStore(ctx.db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


def test_an_editor_closed_while_its_push_runs_stays_until_the_relay_answers(
    qtbot: Any, demo_ctx: AppContext
) -> None:
    """Deleted at once on close, the editor dropped the push's answer: a conflict with another desktop's
    change was never told to the window."""
    store = AutomationsStore(demo_ctx.db)
    relay = GatedRelay(store.state().doc)
    owner = QWidget()
    qtbot.addWidget(owner)
    editor = GreetingEditor(demo_ctx, client_provider=lambda: relay, parent=owner)
    delete_when_closed(editor)
    editor.show()  # as Settings opens it (window-modal there)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    heard: list[Changes] = []
    demo_ctx.hub.changed.connect(heard.append)

    editor.text.setPlainText("어서 오세요! 오늘은 일찍 닫아요.")
    editor.save()
    qtbot.waitUntil(relay.asked.is_set, timeout=5000)  # stored here, on its way to the relay
    relay.change_elsewhere(relay.doc.model_copy(deep=True))  # another desktop saved meanwhile
    destroyed: list[bool] = []
    editor.destroyed.connect(lambda: destroyed.append(True))
    editor.accept()  # the owner closes it at once
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not destroyed and not editor.isVisible()

    heard.clear()
    relay.gate.set()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)
    assert store.state().status is SyncStatus.CONFLICT
    assert any(changes.automations for changes in heard)  # the window learns of the conflict
