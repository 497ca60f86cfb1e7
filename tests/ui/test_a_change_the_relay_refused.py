"""An away message the relay refused for good (422) is said in the main window with the relay's
reason, is not tried again, and waits for the owner: the strip opens the editor (the refused text is
still there) or discards it for the relay's version; quitting names it as refused, not as waiting.
And a shop whose rules never reached the relay is told that the relay has none, not "the previous
version"."""

from __future__ import annotations

import json
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
LIVE = "We are closed now; we answer at 10 tomorrow."
AWAY = "Closed for stocktaking today; we answer tomorrow morning."
INVALID = json.dumps({"error": {"code": "invalid", "message": "The automations document is not valid."}})
REFUSED_SIGN = (
    "Your relay refused your change: away message. It could not accept it as it is: the relay may be an "
    "older version than this Shop Inbox. Update the relay, or change it back. Until you fix or "
    "discard it, the relay uses the previous version, even while this computer is closed."
)


@pytest.fixture
def front(relay: RunningRelay) -> Iterator[tuple[RelayFront, str]]:
    with relay_front(relay.url) as running:
        yield running


def go_online(window: Any, qtbot: Any, relay: RunningRelay, url: str) -> Any:
    install_menus(window, window.ctx)
    window.ctx.prefs["relay_url"] = url
    window.ctx.relay_token = relay.token
    window.start_sync()
    sync = window.ctx.sync
    assert sync is not None and sync.engine is not None
    sync.engine.pushes.retry_base = 1.0  # a second, not the half minute a shop waits
    qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
    return window


@pytest.fixture
def online_window(window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str]) -> Any:
    """The inbox window online through the proxy, the relay already running the shop's rules."""
    store = AutomationsStore(window.ctx.db)
    doc = demo_automations("en")
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": LIVE})}))
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert store.push(client).value == "pushed"
    return go_online(window, qtbot, relay, front[1])


def save_away_message_and_close(window: Any, qtbot: Any) -> None:
    from ui.away_editor import AwayEditor

    editor = AwayEditor(window.ctx, parent=window)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.show()
    editor.text.setPlainText(AWAY)
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)
    qtbot.waitUntil(lambda: editor.state.status is SyncStatus.REFUSED, timeout=10_000)
    assert editor.banner.property("status") == "refused"
    editor.close()


def test_a_refused_away_message_is_said_with_its_reason_and_quitting_names_it(
    online_window: Any,
    qtbot: Any,
    relay: RunningRelay,
    front: tuple[RelayFront, str],
    dialogs: Any,
    english: None,
) -> None:
    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_away_message_and_close(window, qtbot)

    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    assert window.rules_refused.text.text() == REFUSED_SIGN
    assert not window.pushes_waiting.isVisible()  # nothing "keeps trying"
    assert not window.ctx.sync.engine.pushes.waiting  # nothing tries it again (tests/app: not even later)
    assert proxy.count(*PUT) == 1

    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].text == (
        "Your relay refused your change: away message. It is not sent again by itself: fix it in its "
        "editor or discard it. Until then customers who write still get the away message as it was "
        "before your change, even while this computer is closed."
    )
    assert window.isVisible()

    # "Fix…" opens the away message's editor with the refused text in it, and says why.
    window.rules_refused.fix.click()
    editor = window.rules_refused._open
    assert editor is not None
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    assert editor.text.toPlainText() == AWAY
    assert editor.banner.message.text().startswith("Your relay refused this change")
    editor.close()

    # "Discard change…": asked, then the relay's version is the one here, and nothing waits.
    asked = dialogs.expect("warning", answer=Button.Yes, times=1)
    window.rules_refused.discard.click()
    assert asked.shown[0].title == "Discard your change?"
    qtbot.waitUntil(lambda: not window.rules_refused.isVisible(), timeout=10_000)
    state = AutomationsStore(window.ctx.db).state()
    assert state.status is SyncStatus.SYNCED and state.doc.away.text == LIVE
    assert proxy.count(*PUT) == 1
    press_quit(qtbot, window)  # nothing refused or waiting: quits without asking
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_quitting_with_a_refused_switch_off_names_the_away_message_and_greeting_still_sent(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], dialogs: Any, english: None
) -> None:
    """ "The relay does without it" left the owner to work out that the away message she switched
    off goes on answering customers all night, as the question while a change waits says."""
    from app.automations_store import AUTOMATIONS_CHANGED

    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    store = AutomationsStore(window.ctx.db)
    doc = store.state().doc
    store.save(
        doc.model_copy(
            update={
                "away": doc.away.model_copy(update={"enabled": False}),
                "greeting": doc.greeting.model_copy(update={"text": "Hello!"}),
            }
        )
    )
    window.ctx.publish(AUTOMATIONS_CHANGED)
    assert window.ctx.sync is not None
    window.ctx.sync.retry_push_later(PushTask.AUTOMATIONS)
    qtbot.waitUntil(lambda: window.rules_refused.still_sends != (), timeout=10_000)

    asked = dialogs.expect("warning", answer=Button.No, times=1)
    press_quit(qtbot, window)
    assert asked.shown[0].text == (
        "Your relay refused your change: away message and greeting message. It is not sent again by "
        "itself: fix it in its editor or discard it. Until then customers who write still get the away "
        "message you switched off and the greeting message as it was before your change, even while "
        "this computer is closed."
    )
    assert window.isVisible()


def test_the_refused_strip_in_korean(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], korean: None
) -> None:
    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_away_message_and_close(window, qtbot)
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    assert "자리 비움 메시지" in window.rules_refused.text.text()
    assert "Your relay" not in window.rules_refused.text.text()


def test_rules_that_never_reached_the_relay_are_said_as_none_not_as_a_previous_version(
    window: Any,
    qtbot: Any,
    relay: RunningRelay,
    front: tuple[RelayFront, str],
    english: None,
) -> None:
    """A first setup: the relay has no rules, and without them it sends no automatic message."""
    proxy, url = front
    proxy.refuse(*PUT, status=503, times=None)
    store = AutomationsStore(window.ctx.db)
    store.save(demo_automations("en"))  # the shop's first rules, never on any relay
    go_online(window, qtbot, relay, url)
    qtbot.waitUntil(lambda: window.pushes_waiting.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "has no rules from you" in window.pushes_waiting.text.text(), timeout=5000)
    assert "previous version" not in window.pushes_waiting.text.text()
    assert window.pushes_waiting.text.text().endswith(
        "Shop Inbox keeps trying; until then the relay has no rules from you and sends no automatic "
        "messages, even while this computer is closed."
    )

    # The editor says the same, not "the relay still uses the previous rules".
    from ui.away_editor import AwayEditor

    editor = AwayEditor(window.ctx, parent=window)
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_sending(), timeout=10_000)
    assert editor.banner.message.text() == (
        "Not yet on the relay: your rules are kept on this computer and are sent when the relay answers. "
        "Until then the relay has no rules from you and sends no automatic messages."
    )
    editor.close()


def test_each_reason_the_relay_gives_is_said_in_its_own_words(english: None) -> None:
    from ui.rules_refused_notice import refusal_reason

    said = {
        code: refusal_reason(code)
        for code in ("invalid", "bot_over_limits", "too_large", "http_422", "if_match_required")
    }
    assert said["invalid"] == said["http_422"]  # a proxy's bare 422: the same "could not accept it"
    assert said["bot_over_limits"].startswith("The menu bot goes beyond")
    assert said["too_large"] == "The rules are larger than the relay takes."
    assert said["if_match_required"] == "It answered with the error “if_match_required”."


def test_once_the_relay_is_updated_send_now_sends_the_refused_change_as_it_is(
    online_window: Any, qtbot: Any, relay: RunningRelay, front: tuple[RelayFront, str], english: None
) -> None:
    from ui.away_editor import AwayEditor

    window = online_window
    proxy, _ = front
    proxy.refuse(*PUT, status=422, times=None, body=INVALID.encode(), content_type=b"application/json")
    save_away_message_and_close(window, qtbot)
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    proxy.passing()  # the relay was updated: it takes the change now

    editor = AwayEditor(window.ctx, parent=window)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    assert editor.banner.retry_button.isVisible()  # nothing is sent by itself: her click sends it
    assert proxy.count(*PUT) == 1
    editor.banner.retry_button.click()
    qtbot.waitUntil(lambda: editor.state.status is SyncStatus.SYNCED, timeout=10_000)
    with RelayClient(relay.url, relay.token, timeout=5) as client:
        assert client.get_automations().away.text == AWAY
    qtbot.waitUntil(lambda: not window.rules_refused.isVisible(), timeout=10_000)
    editor.close()


def over_limits(problem: str, node: str) -> bytes:
    return json.dumps(
        {
            "error": {
                "code": "bot_over_limits",
                "message": f"The menu bot breaks a limit: {problem} at {node!r}.",
                "params": {"problem": problem, "node": node},
            }
        }
    ).encode()


def test_a_menu_over_the_relays_limits_is_said_with_the_limit_and_the_menus_name(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], english: None
) -> None:
    """The relay said which limit, at which node: the strip and the editor name both, the menu by
    the title the owner gave it ("home" is only its id)."""
    window = online_window
    proxy, _ = front
    body = over_limits("too_many_rows", "home")
    proxy.refuse(*PUT, status=400, times=None, body=body, content_type=b"application/json")
    save_away_message_and_close(window, qtbot)
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    assert window.rules_refused.text.text() == (
        "Your relay refused your change: away message. A menu has at most 10 choices, and “Main menu” "
        "has more. Until you fix or discard it, the relay uses the previous version, even while this "
        "computer is closed."
    )

    from ui.away_editor import AwayEditor

    editor = AwayEditor(window.ctx, parent=window)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    assert "A menu has at most 10 choices, and “Main menu” has more." in editor.banner.message.text()
    editor.close()


def test_the_menus_limit_in_korean(
    online_window: Any, qtbot: Any, front: tuple[RelayFront, str], korean: None
) -> None:
    window = online_window
    proxy, _ = front
    body = over_limits("too_many_buttons", "returns")
    proxy.refuse(*PUT, status=400, times=None, body=body, content_type=b"application/json")
    save_away_message_and_close(window, qtbot)
    qtbot.waitUntil(lambda: window.rules_refused.isVisible(), timeout=10_000)
    text = window.rules_refused.text.text()
    assert "3개" in text and "“Exchange or return”" in text
    assert "메뉴 “Exchange or return”의 항목" in text


def test_each_limit_of_the_menu_bot_is_said_with_its_number(english: None) -> None:
    from app.wire import BotProblem
    from ui.rules_refused_notice import refusal_reason

    said = {problem: refusal_reason("bot_over_limits", problem, "Delivery") for problem in BotProblem}
    assert said[BotProblem.TOO_MANY_ROWS] == "A menu has at most 10 choices, and “Delivery” has more."
    assert said[BotProblem.TOO_MANY_BUTTONS] == (
        "A menu shown as buttons has at most 3 choices, and “Delivery” has more."
    )
    assert said[BotProblem.TITLE_TOO_LONG] == (
        "A choice's title has 1 to 24 characters (on a button, 20), and that of “Delivery” does not."
    )
    assert said[BotProblem.TOO_DEEP] == "Menus go at most 5 deep, and “Delivery” is deeper."
    assert refusal_reason("bot_over_limits", BotProblem.TITLE_TOO_LONG, "home_button") == (
        "The button back to the main menu has a title of 1 to 20 characters."
    )
    assert all("{" not in sentence for sentence in said.values())
    assert refusal_reason("bot_over_limits").startswith("The menu bot goes beyond")  # nothing said


def test_the_away_message_still_sent_after_a_refusal_is_said_in_korean(
    qtbot: Any, dialogs: Any, korean: None
) -> None:
    from PySide6.QtWidgets import QWidget

    from app.automations_parts import AutomationsPart
    from app.away_status import StillSent
    from ui.pushes_waiting_notice import part_name
    from ui.quit_question import may_quit

    parent = QWidget()
    qtbot.addWidget(parent)
    asked = dialogs.expect("warning", answer=Button.No, times=1)
    away = part_name(AutomationsPart.AWAY)
    assert not may_quit(parent, 0, refused=[away], refused_still_sent=(StillSent.AWAY_SWITCHED_OFF,))
    assert asked.shown[0].text.endswith(
        "그때까지 이\u00a0컴퓨터가 꺼져 있어도 메시지를 보내는 고객은 다음 메시지를 계속 받아요: 꺼 둔 자리 비움 메시지."
    )
