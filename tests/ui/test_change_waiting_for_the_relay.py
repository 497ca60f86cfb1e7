"""An away message the relay's proxy would not take (503) while online: once the editor is closed the
main window still says it is not on the relay yet, quitting asks first, and the sign goes once a retry
got it there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.connection import Connection
from app.relay_client import RelayClient
from app.relay_pushes import PushTask
from tests.support.relay_front import RelayFront, relay_front
from tests.support.relay_server import RunningRelay
from tests.ui.test_quit_from_any_window import press_quit
from ui.menus import install_menus

Button = QMessageBox.StandardButton
PUT = ("PUT", "/v1/automations")
AWAY = "Closed for stocktaking today; we answer tomorrow morning."
SIGN = (
    "Not yet on your relay: away message. Shop Inbox keeps trying; until then the relay uses the "
    "previous version, even while this computer is closed."
)


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


@pytest.fixture
def online_window(window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str]) -> Any:
    """The inbox window online through the proxy, its pushes tried again within a second."""
    _, url = front
    # The shop's rules already on the relay: a change to them waits with the previous version live.
    store = AutomationsStore(window.ctx.db)
    store.save(demo_automations("en"))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"
    install_menus(window, window.ctx)
    window.ctx.prefs["relay_url"] = url
    window.ctx.relay_token = relay.token
    window.start_sync()
    sync = window.ctx.sync
    assert sync is not None and sync.engine is not None
    sync.engine.pushes.retry_base = 1.0  # a second, not the half minute a shop waits
    qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
    return window


def save_away_message_and_close(window: Any, qtbot: Any) -> None:
    from ui.away_editor import AwayEditor

    editor = AwayEditor(window.ctx, parent=window)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.show()
    editor.text.setPlainText(AWAY)
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)
    editor.close()


def test_an_away_message_the_relay_did_not_take_is_said_in_the_window_until_a_retry_lands(
    online_window: Any,
    qtbot: Any,
    relay: RunningRelay,
    front: tuple[RelayFront, str],
    dialogs: Any,
    english: None,
) -> None:
    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    save_away_message_and_close(window, qtbot)

    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.pushes_waiting.text.text() == SIGN, timeout=5000)
    qtbot.waitUntil(lambda: proxy.refused_count(*PUT) >= 2, timeout=10_000)  # tried again, still refused
    assert window.pushes_waiting.isVisible()

    # Quitting now would leave the relay with the old away message: asked, and "Don't quit" stays.
    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].title == "Quit Shop Inbox?"
    assert asked.shown[0].text == (
        "Not yet on your relay: away message. If you quit now, the relay uses the previous version "
        "until Shop Inbox is open again and reaches it: customers who write still get the away message "
        "as it was before your change."
    )
    assert asked.shown[0].widget == "QMessageBox [&Quit anyway | &Don't quit] default &Don't quit"
    assert window.isVisible()

    # The relay takes it again: the next retry lands, and the sign goes by itself.
    proxy.passing()
    qtbot.waitUntil(lambda: not window.pushes_waiting.isVisible(), timeout=15_000)
    assert AutomationsStore(window.ctx.db).state().status is SyncStatus.SYNCED
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert client.get_automations().away.text == AWAY
    # Nothing waits: Ctrl+Q quits without asking.
    press_quit(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_the_sign_names_each_part_that_waits_in_korean(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], korean: None
) -> None:
    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    store = AutomationsStore(window.ctx.db)
    doc = store.state().doc
    store.save(
        doc.model_copy(
            update={
                "away": doc.away.model_copy(update={"text": AWAY}),
                "greeting": doc.greeting.model_copy(update={"text": "Hello!"}),
            }
        )
    )
    assert window.ctx.sync is not None
    window.ctx.sync.retry_push_later(PushTask.AUTOMATIONS)
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "자리 비움 메시지" in window.pushes_waiting.text.text(), timeout=5000)
    assert "인사 메시지" in window.pushes_waiting.text.text()


def test_an_away_message_saved_while_the_relay_is_out_of_reach_is_said_and_quitting_asks(
    window: Any, qtbot: Any, dialogs: Any, english: None
) -> None:
    """Offline nothing is retried (the reconnect pushes it): the change waits all the same."""
    from app.changes import Changes
    from tests.support.servers import free_port
    from ui.connection_banner import LOST

    install_menus(window, window.ctx)
    window.ctx.prefs["relay_url"] = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    window.ctx.relay_token = "shop-token"
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind in LOST, timeout=10_000)
    assert not window.pushes_waiting.isVisible()  # nothing waits yet

    store = AutomationsStore(window.ctx.db)
    doc = store.state().doc
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": AWAY})}))
    window.ctx.publish(Changes(automations=True))  # as the editor's save does
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=5000)
    # These rules never reached any relay: there is no previous version for it to use.
    assert window.pushes_waiting.text.text() == (
        "Not yet on your relay: away message. Shop Inbox keeps trying; until then the relay has no rules "
        "from you and sends no automatic messages, even while this computer is closed."
    )

    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].text == (
        "Not yet on your relay: away message. If you quit now, the relay has no rules from you and sends "
        "no automatic messages until Shop Inbox is open again and reaches it."
    )
    assert window.isVisible()


def test_quitting_while_switching_the_away_message_off_waits_says_customers_still_get_it(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], dialogs: Any, english: None
) -> None:
    """ "The relay uses the previous version" left the owner to work out that the away message she had
    just switched off would go on answering customers all night."""
    from app.changes import Changes

    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    store = AutomationsStore(window.ctx.db)
    doc = store.state().doc
    assert doc.away.enabled and doc.greeting.enabled
    store.save(
        doc.model_copy(
            update={
                "away": doc.away.model_copy(update={"enabled": False}),
                "greeting": doc.greeting.model_copy(update={"text": "Hello!"}),
            }
        )
    )
    window.ctx.publish(Changes(automations=True))  # as the editor's save does
    assert window.ctx.sync is not None
    window.ctx.sync.retry_push_later(PushTask.AUTOMATIONS)
    qtbot.waitUntil(lambda: window.pushes_waiting.still_sent() != (), timeout=10_000)

    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].text == (
        "Not yet on your relay: away message and greeting message. If you quit now, the relay uses the "
        "previous version until Shop Inbox is open again and reaches it: customers who write still get "
        "the away message you switched off and the greeting message as it was before your change."
    )
    assert window.isVisible()


def test_the_away_message_still_sent_is_said_in_korean(qtbot: Any, dialogs: Any, korean: None) -> None:
    from PySide6.QtWidgets import QWidget

    from app.automations_parts import AutomationsPart
    from app.away_status import StillSent
    from ui.pushes_waiting_notice import part_name
    from ui.quit_question import may_quit

    parent = QWidget()
    qtbot.addWidget(parent)
    asked = dialogs.expect("warning", answer=Button.No, times=1)
    assert not may_quit(
        parent, 0, [part_name(AutomationsPart.AWAY)], still_sent=(StillSent.AWAY_SWITCHED_OFF,)
    )
    assert asked.shown[0].text == (
        "아직 릴레이에 반영되지 않았어요: 자리 비움 메시지. 지금 종료하면 샵\u00a0인박스를 다시 열어 릴레이에 "
        "연결될 때까지 릴레이는 이전 버전을 써요. 그동안 메시지를 보내는 고객은 다음 메시지를 계속 받아요: "
        "꺼 둔 자리 비움 메시지."
    )


def test_the_away_message_switched_off_and_on_again_is_no_longer_said_to_wait(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], dialogs: Any, english: None
) -> None:
    """Put back as the relay has it, the change is none: no strip, and quitting asks nothing, while
    the engine's retry of the earlier save is still to come."""
    from ui.away_editor import AwayEditor

    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=503, times=None)
    assert window.ctx.sync is not None and window.ctx.sync.engine is not None
    window.ctx.sync.engine.pushes.retry_base = 600.0  # the next try far off: the save alone must tell
    editor = AwayEditor(window.ctx, parent=window)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.show()
    editor.enabled.setChecked(False)
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)

    editor.enabled.setChecked(True)
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)

    assert editor.state.status is SyncStatus.SYNCED
    assert editor.banner.message.text() == "On the relay: customers get what you see here."
    qtbot.waitUntil(lambda: not window.pushes_waiting.isVisible(), timeout=5000)
    editor.close()
    press_quit(qtbot, window)  # nothing waits: no question
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
