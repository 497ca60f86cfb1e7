"""What the relay's check found left to fix at setup follows the owner into the inbox, asked again
off the GUI thread while it is open, until the relay says all is well: with a relay whose Meta
access token WhatsApp refuses and whose webhook Meta never verified, the wizard's Next stayed
enabled and the inbox said nothing, while no customer's message could arrive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from app.connection import Connection
from tests.relay.test_check import handshake, shop_settings
from tests.support.fake_graph import APP_ID, FakeGraph
from tests.support.relay_server import RunningRelay
from tests.support.servers import free_port
from tests.ui.test_first_run_keyring import check_the_relay, first_start, inbox_after_setup

# The steps as the strip's sentence says them: quoted as Settings ▸ Relay titles them, so the owner
# finds the lines it named there, and a title's own "and" is not taken for the list's.
TOKEN_TITLE = "Meta access token and phone number"
TOKEN_ITEM = f"“{TOKEN_TITLE}”"
WEBHOOK_ITEM = "“Webhook verified by Meta”"
KOREAN_TOKEN_ITEM = "“Meta 액세스 토큰과 전화번호”"
KOREAN_WEBHOOK_ITEM = "“Meta의 웹훅 인증”"


@pytest.fixture
def unfinished_relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    """A relay at its public address (on loopback) whose check finds two things to fix: WhatsApp
    refuses its Meta access token, and Meta has not verified its webhook yet."""
    graph.subscribed_app_ids.append(APP_ID)
    graph.token_expired = True
    (tmp_path / "relay").mkdir()
    port = free_port()
    running = RunningRelay(settings=shop_settings(tmp_path / "relay", graph, port), port=port).start()
    try:
        yield running
    finally:
        running.stop()
        running.client.close()


def test_what_the_setup_left_to_fix_stays_in_the_inbox_until_the_relay_says_all_is_well(
    qtbot: Any,
    tmp_path: Path,
    dialogs: Any,
    graph: FakeGraph,
    unfinished_relay: RunningRelay,
) -> None:
    from ui import setup_items_notice
    from ui.ops import pending_ops
    from ui.settings_dialog import SettingsDialog

    relay = unfinished_relay

    def finish_with_two_things_to_fix(wizard: Any) -> None:
        check_the_relay(qtbot, wizard, relay)  # the relay answers and takes the relay token
        page = wizard.relay_page
        qtbot.waitUntil(lambda: page.check_report is not None, timeout=15000)
        assert page.report.view.summary.text() == "To fix before messages can arrive: 2"
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.next()
        wizard.shop_page.open_at_sign_in.setChecked(False)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    ctx = first_start(tmp_path, dialogs, finish_with_two_things_to_fix)
    window = inbox_after_setup(qtbot, ctx)
    strip = window.setup_items
    # Said from the first paint, as the setup's check left it, before the relay is even asked.
    assert strip.isVisible()
    assert strip.text.text() == (
        "Customers' messages cannot reach this inbox yet. Still to fix on your relay: "
        f"{TOKEN_ITEM} and {WEBHOOK_ITEM}."
    )
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: graph.account_calls != [], timeout=10000)  # asked again on connecting
    # The empty inbox does not invite her to "send your shop a message to see it work" meanwhile.
    qtbot.waitUntil(lambda: "the strip above says what is still to fix" in window.chat.empty.text())

    # She registers the callback URL in Meta's dashboard (Meta's handshake reaches the relay), then
    # follows the strip's button: Settings ▸ Relay checks at once, and the strip follows its answer.
    assert handshake(relay) == 200
    dialogs.expect("modal")
    strip.fix_button.click()
    settings = window.findChild(SettingsDialog)
    assert settings is not None
    qtbot.waitUntil(lambda: settings.relay_check.view.report is not None, timeout=15000)
    assert "generate a new Meta access token" in settings.relay_check.view.failing_text()
    assert f"{TOKEN_TITLE}: " in settings.relay_check.view.failing_text()  # the line the strip named
    assert strip.isVisible() and strip.text.text() == (
        f"Customers' messages cannot reach this inbox yet. Still to fix on your relay: {TOKEN_ITEM}."
    )
    settings.reject()

    # A new Meta access token on the relay: the timer's next turn (five minutes, here a moment)
    # finds all is well.
    assert strip.timer.isActive()
    graph.token_expired = False
    strip.timer.setInterval(300)
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=15000)
    assert not strip.timer.isActive()
    qtbot.waitUntil(lambda: "To see it work now" in window.chat.empty.text())
    assert window.settings.value(setup_items_notice.OPEN_ITEMS_KEY) is None  # not said at the next start

    # Nothing is asked of the relay's check any more, reconnecting included. (Each connection also
    # refreshes the kept templates, which the relay asks Graph for: not the check's, and timed by the
    # sync thread, so left out.)
    def checks_asked() -> int:
        return sum(1 for _, path, _ in graph.account_calls if not path.endswith("/message_templates"))

    asked = checks_asked()
    assert ctx.sync is not None
    ctx.sync.retry()
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert checks_asked() == asked and not strip.isVisible()


def test_the_strip_says_what_is_left_in_korean(
    korean: None, qtbot: Any, window: Any, unfinished_relay: RunningRelay
) -> None:
    from ui.relay_check_view import RelayCheckView, relay_report

    relay = unfinished_relay
    window.ctx.prefs["relay_url"] = relay.url
    report = relay_report(relay.url, relay.token)
    window.setup_items.take(relay.url, report)  # Settings' check
    window.show()
    strip = window.setup_items
    assert strip.isVisible()
    assert strip.text.text() == (
        "고객 메시지가 아직 이\u00a0받은편지함에 들어올 수 없어요. "
        f"릴레이에서 아직 고칠 것: {KOREAN_TOKEN_ITEM}, {KOREAN_WEBHOOK_ITEM}."
    )
    assert strip.fix_button.text() == "고치는 방법(&W)…"
    # Settings ▸ Relay titles its lines in the same words: she finds the ones the strip named.
    view = RelayCheckView()
    qtbot.addWidget(view)
    view.show_report(report)
    failing = view.failing_text()
    assert "Meta 액세스 토큰과 전화번호: " in failing and "Meta의 웹훅 인증: " in failing


def test_a_check_of_another_address_typed_in_settings_says_nothing_of_the_inbox_relay(
    qtbot: Any, window: Any, unfinished_relay: RunningRelay
) -> None:
    from ui.relay_check_view import relay_report

    relay = unfinished_relay
    window.ctx.prefs["relay_url"] = "https://relay.myshop.example"
    window.setup_items.take(relay.url, relay_report(relay.url, relay.token))
    window.show()
    assert not window.setup_items.isVisible()


def newer_relays_check(*steps: str) -> Any:
    """A check as a newer relay answers it: failing `steps`, some of which this desktop has never
    heard of; the JSON names each by its id alone, with the relay's English sentence."""
    from app.wire import CheckReport

    lines = [
        {"step": step, "status": "fail", "problem": f"{step}_broken", "message": f"Fix {step} on the relay."}
        for step in steps
    ]
    return CheckReport.model_validate({"ok": False, "lines": lines, "checked_at": "2026-12-07T08:00:00Z"})


@pytest.mark.parametrize(
    ("steps", "items"),
    [
        (("webhook_foo",), "one more thing (Settings\u00a0▸\u00a0Relay says what)"),
        (
            ("webhook_verified", "webhook_foo"),
            f"{WEBHOOK_ITEM} and one more thing (Settings\u00a0▸\u00a0Relay says what)",
        ),
        (
            ("webhook_foo", "media_bar", "clock"),
            "“Relay clock” and 2 more things (Settings\u00a0▸\u00a0Relay says what)",
        ),
    ],
)
def test_a_step_only_a_newer_relay_knows_is_said_in_words_not_by_its_id(
    qtbot: Any, window: Any, steps: tuple[str, ...], items: str
) -> None:
    window.ctx.prefs["relay_url"] = "https://relay.myshop.example"
    window.setup_items.take("https://relay.myshop.example", newer_relays_check(*steps))
    window.show()
    said = window.setup_items.text.text()
    assert said == f"Customers' messages cannot reach this inbox yet. Still to fix on your relay: {items}."
    assert "_" not in said


def test_a_step_only_a_newer_relay_knows_is_said_in_korean_too(korean: None, qtbot: Any, window: Any) -> None:
    from ui.relay_check_view import RelayCheckView

    window.ctx.prefs["relay_url"] = "https://relay.myshop.example"
    report = newer_relays_check("webhook_verified", "webhook_foo")
    window.setup_items.take("https://relay.myshop.example", report)
    window.show()
    assert window.setup_items.text.text() == (
        f"고객 메시지가 아직 이\u00a0받은편지함에 들어올 수 없어요. 릴레이에서 아직 고칠 것: {KOREAN_WEBHOOK_ITEM}, "
        "한\u00a0가지 더(무엇인지는 설정\u00a0▸\u00a0릴레이에서 볼 수 있어요)."
    )
    # Settings ▸ Relay titles it in words too, the relay's own sentence under it.
    view = RelayCheckView()
    qtbot.addWidget(view)
    view.show_report(report)
    assert "릴레이의 다른 점검: Fix webhook_foo on the relay." in view.failing_text()


# One, two and three things left, as the strip says them in English and in Korean.
LISTS = [
    (("webhook_verified",), WEBHOOK_ITEM, KOREAN_WEBHOOK_ITEM),
    (
        ("phone_number", "webhook_verified"),
        f"{TOKEN_ITEM} and {WEBHOOK_ITEM}",
        f"{KOREAN_TOKEN_ITEM}, {KOREAN_WEBHOOK_ITEM}",
    ),
    (
        ("settings", "phone_number", "webhook_verified"),
        f"“Relay settings”, {TOKEN_ITEM} and {WEBHOOK_ITEM}",
        f"“릴레이 설정”, {KOREAN_TOKEN_ITEM}, {KOREAN_WEBHOOK_ITEM}",
    ),
]


@pytest.mark.parametrize(("steps", "items", "korean_items"), LISTS, ids=["one", "two", "three"])
def test_what_is_left_reads_as_one_sentence(
    qtbot: Any, window: Any, steps: tuple[str, ...], items: str, korean_items: str
) -> None:
    """ "A, B and C", each step quoted as Settings ▸ Relay titles it: "Meta access token and phone
    number and Webhook verified by Meta" was said, then a token step Settings titled otherwise."""
    window.ctx.prefs["relay_url"] = "https://relay.myshop.example"
    window.setup_items.take("https://relay.myshop.example", newer_relays_check(*steps))
    window.show()
    said = window.setup_items.text.text()
    assert said == f"Customers' messages cannot reach this inbox yet. Still to fix on your relay: {items}."
    outside_titles = re.sub("“[^”]*”", "", said)
    assert outside_titles.count(" and ") == (1 if len(steps) > 1 else 0)  # the list's own, and no other


@pytest.mark.parametrize(("steps", "items", "korean_items"), LISTS, ids=["one", "two", "three"])
def test_what_is_left_reads_as_one_sentence_in_korean(
    korean: None, qtbot: Any, window: Any, steps: tuple[str, ...], items: str, korean_items: str
) -> None:
    """ "A, B, C" in Korean, as a Korean list after a colon reads."""
    window.ctx.prefs["relay_url"] = "https://relay.myshop.example"
    window.setup_items.take("https://relay.myshop.example", newer_relays_check(*steps))
    window.show()
    assert window.setup_items.text.text() == (
        f"고객 메시지가 아직 이\u00a0받은편지함에 들어올 수 없어요. 릴레이에서 아직 고칠 것: {korean_items}."
    )


def test_settings_closed_without_a_fix_leaves_the_strip_as_it_was(
    qtbot: Any, window: Any, dialogs: Any, unfinished_relay: RunningRelay
) -> None:
    """She follows How to fix…, reads, fixes nothing and closes Settings (Esc at once, its check
    still out; Cancel once it answered): the strip says what it said, once."""
    from PySide6.QtCore import Qt

    from ui import setup_items_notice
    from ui.ops import pending_ops
    from ui.relay_check_view import relay_report
    from ui.settings_dialog import SettingsDialog
    from ui.setup_items_notice import SetupItemsNotice

    relay = unfinished_relay
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    strip = window.setup_items
    strip.take(relay.url, relay_report(relay.url, relay.token))
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=15000)  # the strip's own check on connecting
    said = strip.text.text()
    assert said == (
        "Customers' messages cannot reach this inbox yet. Still to fix on your relay: "
        f"{TOKEN_ITEM} and {WEBHOOK_ITEM}."
    )
    kept = window.settings.value(setup_items_notice.OPEN_ITEMS_KEY)

    def opened_from_the_strip() -> SettingsDialog:
        dialogs.expect("modal")
        strip.fix_button.click()
        settings = window.findChild(SettingsDialog)
        assert settings is not None and settings.isVisible()
        return settings

    settings = opened_from_the_strip()
    qtbot.keyClick(settings, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is None, timeout=15000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=15000)
    assert strip.isVisible() and strip.text.text() == said

    settings = opened_from_the_strip()
    qtbot.waitUntil(lambda: settings.relay_check.view.report is not None, timeout=15000)
    settings.cancel_button.click()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is None, timeout=15000)
    assert strip.isVisible() and strip.text.text() == said
    assert len(window.findChildren(SetupItemsNotice)) == 1
    assert window.settings.value(setup_items_notice.OPEN_ITEMS_KEY) == kept  # said so at the next start


def test_a_customer_message_that_arrives_is_not_told_it_cannot_reach_the_inbox(
    qtbot: Any, window: Any, unfinished_relay: RunningRelay
) -> None:
    """Her first customer writes while the relay's check still finds something to fix (here Meta's
    verification of the webhook, and a token WhatsApp refuses): the strip said "Customers' messages
    cannot reach this inbox yet" above the very message, and kept its webhook item for five minutes.
    The message's arrival asks the relay again at once, and the strip says what is still to fix
    without denying that messages arrive, from then on and at the next start."""
    from tests.support.relay_server import inbound
    from ui.ops import pending_ops
    from ui.relay_check_view import relay_report
    from ui.setup_items_notice import SetupItemsNotice

    relay = unfinished_relay
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    strip = window.setup_items
    strip.take(relay.url, relay_report(relay.url, relay.token))
    window.start_sync()
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=10000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=15000)  # the strip's own check on connecting
    assert strip.text.text().startswith("Customers' messages cannot reach this inbox yet.")

    assert (
        relay.post_webhook(inbound("text", "안녕하세요, 주문 가능한가요?", name="이서연")).status_code == 200
    )
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=10000)
    said = f"Customers' messages reach this inbox, but your relay's check still finds something to fix: {TOKEN_ITEM}."
    qtbot.waitUntil(lambda: strip.text.text() == said, timeout=15000)
    assert strip.isVisible() and strip.timer.isActive()  # the token is still to fix: asked again later

    # The next start says the same from its first paint.
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=15000)
    next_start = SetupItemsNotice(window.ctx, window.settings)
    qtbot.addWidget(next_start)
    assert next_start.sentence() == said


def test_a_customer_message_that_arrives_is_said_in_korean(korean: None, qtbot: Any, window: Any) -> None:
    from ui import setup_items_notice
    from ui.setup_items_notice import SetupItemsNotice, remember_open_items

    url = "https://relay.myshop.example"
    window.ctx.prefs["relay_url"] = url
    remember_open_items(window.settings, url, newer_relays_check("public_url"))
    window.settings.setValue(setup_items_notice.MESSAGES_ARRIVED_URL_KEY, url)
    strip = SetupItemsNotice(window.ctx, window.settings)  # as the next start reads them
    qtbot.addWidget(strip)
    assert strip.sentence() == (
        "고객 메시지는 이\u00a0받은편지함에 들어오지만, 릴레이 점검에서 아직 고칠 것이 있어요: "
        "“안전한 공개 주소 (HTTPS)”."
    )


def test_a_relay_first_connected_in_settings_is_checked_too(
    qtbot: Any, window: Any, dialogs: Any, unfinished_relay: RunningRelay
) -> None:
    """She chose "Set up later", as the wizard invites, and connected the relay later in Settings ▸
    Relay, saving without pressing Check connection: the relay's check was never run, the strip never
    came, and the empty inbox asked her to send the shop a message that could not arrive."""
    from ui.settings_action import open_settings

    relay = unfinished_relay
    window.start_sync()  # no relay yet: the banner says to set one up
    dialogs.expect("modal")  # Settings, window-modal
    dialog = open_settings(window, window.ctx)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.relay_url.setText(relay.url)
    qtbot.keyClicks(dialog.token, relay.token)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.save_button.click()

    strip = window.setup_items
    qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=15000)
    qtbot.waitUntil(strip.isVisible, timeout=15000)
    assert strip.text.text() == (
        "Customers' messages cannot reach this inbox yet. Still to fix on your relay: "
        f"{TOKEN_ITEM} and {WEBHOOK_ITEM}."
    )
    qtbot.waitUntil(lambda: "the strip above says what is still to fix" in window.chat.empty.text())


def test_a_relay_switched_to_in_settings_is_checked_too(
    qtbot: Any, tmp_path: Path, window: Any, dialogs: Any, unfinished_relay: RunningRelay
) -> None:
    """Connected to one relay, she moves to the shop's new relay in Settings ▸ Relay and saves
    without pressing Check connection: the new relay's check runs once the inbox reaches it."""
    from tests.support.relay_server import run_relay
    from tests.ui.test_sync_adapter import keep_token
    from ui.settings_action import open_settings

    (tmp_path / "first").mkdir()
    with run_relay(tmp_path / "first") as first:
        keep_token(window, first.url, first.token)
        window.start_sync()
        qtbot.waitUntil(lambda: window.banner.state.kind is Connection.ONLINE, timeout=15000)
        dialogs.expect("modal")  # Settings, window-modal
        dialog = open_settings(window, window.ctx)
        qtbot.waitUntil(dialog.isVisible)
        qtbot.waitUntil(dialog.save_button.isEnabled)
        dialog.relay_url.setText(unfinished_relay.url)
        qtbot.keyClicks(dialog.token, unfinished_relay.token)
        with qtbot.waitSignal(dialog.accepted, timeout=15000):
            dialog.save_button.click()
        strip = window.setup_items
        qtbot.waitUntil(strip.isVisible, timeout=15000)
        assert strip.text.text() == (
            "Customers' messages cannot reach this inbox yet. Still to fix on your relay: "
            f"{TOKEN_ITEM} and {WEBHOOK_ITEM}."
        )
