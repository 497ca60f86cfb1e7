"""The relay's check on the desktop: the wizard shows each line with a tick or a cross and the fix in
plain words; Settings ▸ Relay checks again and shows the number's quality and messaging limit."""

from __future__ import annotations

import re
from typing import Any

from app.wire import CheckStatus
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import CLIENT_TOKEN, RunningRelay


def wizard_page(qtbot: Any, url: str, token: str) -> Any:
    from ui.setup_wizard import RelayPage

    page = RelayPage()
    qtbot.addWidget(page)
    page.resize(680, 560)
    page.url.setText(url)
    page.token.setText(token)
    with qtbot.waitSignal(page.report.finished, timeout=30000):
        page.check_button.click()
    return page


def test_the_wizard_shows_an_expired_token_in_plain_words_with_the_fix(
    qtbot: Any, relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.token_expired = True
    page = wizard_page(qtbot, relay.url, CLIENT_TOKEN)
    assert page.isComplete()  # the relay itself answers: the owner may go on and fix Meta's side later
    view = page.report.view
    assert view.report is not None and not view.report.ok
    failing = view.failing_text()
    assert "Meta access token and phone number" in failing
    assert "expired or was revoked" in failing and "System users" in failing
    # The token, and the public address this test relay lacks.
    assert view.summary.text() == "To fix before messages can arrive: 2"
    marks = [symbol.text() for symbol, _text in view.line_labels]
    assert "✗" in marks and "–" in marks  # what depends on the token is not checked, and says so
    # The relay's free space as the owner reads sizes ("73.7 GB"), not a count of megabytes.
    storage = next(text.text() for _symbol, text in view.line_labels if "can store messages" in text.text())
    assert re.fullmatch(r"The relay can store messages; \d{1,3}(\.\d)? [kMGT]B free\.", storage), storage


def test_a_report_is_plain_text_even_when_the_relay_sends_markup(qtbot: Any) -> None:
    from app.wire import CheckReport
    from ui.relay_check_view import RelayCheckView

    view = RelayCheckView()
    qtbot.addWidget(view)
    report = CheckReport.model_validate(
        {
            "ok": False,
            "checked_at": "2026-11-29T17:00:00Z",
            "lines": [
                {
                    "step": "public_url",
                    "status": "fail",
                    "problem": "other_server",
                    "params": {"url": "<b>https://evil</b>"},
                },
                {"step": "a_newer_step", "status": "fail", "problem": "new", "message": "Newer words."},
            ],
        }
    )
    view.show_report(report)
    _symbol, text = view.line_labels[0]
    assert "<b>https://evil</b>" in text.text()
    assert text.textFormat().name == "PlainText"
    # A line this desktop does not know yet still says something: the relay's own sentence.
    assert view.line_labels[1][1].text().endswith("Newer words.")


def test_settings_check_again_shows_the_numbers_quality_and_messaging_limit(
    qtbot: Any, ctx: Any, relay: RunningRelay
) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, stored_token=lambda url: CLIENT_TOKEN if url == relay.url else "")
    qtbot.addWidget(dialog)
    dialog.relay_url.setText(relay.url)
    panel = dialog.relay_check
    assert panel.button is not None and panel.button.text() == "Chec&k connection"  # none ran yet
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.button.click()
    assert panel.button.text() == "Chec&k again"
    view = panel.view
    assert view.report is not None
    phone = next(line for line in view.report.lines if line.step == "phone_number")
    assert phone.status == CheckStatus.PASS
    health = view.health.text()
    assert "Seoul Flower Shop" in health
    assert "Quality rating: High (green)" in health
    assert "Messaging limit: 2,000 customers a day" in health
    # The relay in this test has no public address set: that line fails and names the setting.
    assert "RELAY_PUBLIC_URL" in view.failing_text()


def test_a_shop_with_two_numbers_reads_each_numbers_health_named_as_the_chat_list_names_it(
    qtbot: Any, ctx: Any, relay: RunningRelay, graph: FakeGraph
) -> None:
    from ui.settings_dialog import SettingsDialog

    graph.numbers["106540352242923"] = {
        "display_phone_number": "+82 2-555-0202",
        "verified_name": "Seoul Flower Shop Hongdae",
        "quality_rating": "YELLOW",
        "whatsapp_business_manager_messaging_limit": "TIER_2K",
    }
    ctx.shop_region = "KR"
    dialog = SettingsDialog(ctx, stored_token=lambda url: CLIENT_TOKEN if url == relay.url else "")
    qtbot.addWidget(dialog)
    dialog.relay_url.setText(relay.url)
    panel = dialog.relay_check
    assert panel.button is not None
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.button.click()
    first, second = panel.view.health.text().split("\n\n")
    assert first.splitlines() == [
        "Number health for 010-5555-0100 (Seoul Flower Shop)",
        "Quality rating: High (green)",
        "Messaging limit: 2,000 customers a day outside the 24-hour window",
    ]
    assert second.splitlines() == [
        "Number health for 02-555-0202 (Seoul Flower Shop Hongdae)",
        "Quality rating: Medium (yellow)",
        "Messaging limit: 2,000 customers a day outside the 24-hour window",
    ]


def test_the_number_whatsapp_gives_fills_the_share_link_unless_the_owner_gave_one(
    qtbot: Any, ctx: Any, relay: RunningRelay
) -> None:
    """Settings ▸ Check again learns the shop's number from WhatsApp: Shop ▸ Share link opens with
    it (a number the owner typed there before stays); the wizard keeps it for the same."""
    from app.share_link import read_share_phone, save_share_phone
    from ui.settings_dialog import SettingsDialog
    from ui.share_link_dialog import ShareLinkDialog

    dialog = SettingsDialog(ctx, stored_token=lambda url: CLIENT_TOKEN if url == relay.url else "")
    qtbot.addWidget(dialog)
    dialog.relay_url.setText(relay.url)
    panel = dialog.relay_check
    assert panel.button is not None
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.button.click()
    qtbot.waitUntil(lambda: read_share_phone(ctx.db, "KR") == "010-5555-0100", timeout=5000)
    share = ShareLinkDialog(ctx)
    qtbot.addWidget(share)
    share.show()
    qtbot.waitUntil(share.phone.isEnabled, timeout=5000)
    assert share.phone.text() == "010-5555-0100"  # as the shop's country writes its own numbers
    assert share.link.text().startswith("https://wa.me/821055550100?text=")

    save_share_phone(ctx.db, "010-1234-5678", "KR")  # the owner's own choice
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.button.click()
    assert read_share_phone(ctx.db, "KR") == "010-1234-5678"

    page = wizard_page(qtbot, relay.url, CLIENT_TOKEN)
    assert page.business_number == "+82 10-5555-0100"
    page.token.setText("another")  # a different relay or token: what was learnt goes with it
    assert page.business_number == ""


def test_settings_says_when_the_relay_refuses_the_token(qtbot: Any, ctx: Any, relay: RunningRelay) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, stored_token=lambda _url: "not-the-token")
    qtbot.addWidget(dialog)
    dialog.relay_url.setText(relay.url)
    dialog.show()
    assert dialog.relay_check.button is not None
    # Until a check runs there is nothing to show: no empty box under the button.
    assert not dialog.relay_check.scroll_area.isVisible()
    with qtbot.waitSignal(dialog.relay_check.finished, timeout=30000):
        dialog.relay_check.button.click()
    assert dialog.relay_check.scroll_area.isVisible()
    said = dialog.relay_check.view.summary.text()
    assert "relay token was refused" in said
    assert "paste it in Relay token" in said  # what to do about it, where she is
    assert dialog.relay_check.button.isEnabled()


def test_a_check_that_could_not_run_leaves_no_empty_box_under_its_reason(
    qtbot: Any, ctx: Any, relay: RunningRelay
) -> None:
    """The reason took one or two lines of a box 220 pixels high: the owner saw a large empty area
    between it and the rest of Settings. A report still gets its room."""
    from tests.support.servers import free_port
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, stored_token=lambda url: CLIENT_TOKEN if url == relay.url else "")
    qtbot.addWidget(dialog)
    dialog.relay_url.setText(f"http://127.0.0.1:{free_port()}")  # a relay that does not answer
    dialog.token.setText(CLIENT_TOKEN)
    dialog.show()
    panel = dialog.relay_check
    assert panel.button is not None
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.button.click()
    reason = panel.view.summary
    assert "could not be reached" in reason.text()
    assert "that the relay is running" in reason.text()  # what to look at, as the wizard says
    # The box ends where the reason's last line does (its frame aside), at the dialog's own width.
    qtbot.waitUntil(lambda: panel.scroll_area.height() <= reason.height() + 6, timeout=3000)
    assert reason.height() >= reason.fontMetrics().lineSpacing()  # the whole reason shows
    dialog.relay_url.setText(relay.url)
    with qtbot.waitSignal(panel.finished, timeout=30000) as checked:
        panel.button.click()
    assert checked.args[0] is not None, reason.text()
    qtbot.waitUntil(lambda: panel.scroll_area.height() >= 220, timeout=3000)


def test_a_week_of_unusual_silence_while_connected_points_to_the_relay_check(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    from datetime import UTC, datetime, timedelta

    from app.connection import Connection, ConnectionState
    from tests.support.factories import make_contact, make_message

    now = datetime.now(UTC)
    with ctx.db.write() as s:  # a customer wrote every day for three weeks, then nobody for nine days
        customer = make_contact(s)
        for n in range(21):
            make_message(s, customer, f"주문 {n}", direction="in", sent_at=now - timedelta(days=9 + n))
    banner = window.banner
    window._connection_state(ConnectionState(Connection.ONLINE))
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10000)
    assert "No customer has written for 9 days" in banner.text.text()
    assert not banner.retry.isVisible()
    from tests.support.servers import free_port
    from ui.settings_dialog import SettingsDialog

    # A relay is set up (here: one that has stopped answering).
    ctx.prefs["relay_url"] = f"http://127.0.0.1:{free_port()}"
    dialogs.expect("modal")  # Settings opens with the relay's check already running
    banner.settings.click()
    settings = window.findChild(SettingsDialog)
    assert settings is not None and settings.isVisible()
    with qtbot.waitSignal(settings.relay_check.finished, timeout=15000):
        pass  # (nothing answers at its address: the check says it could not reach it)
    assert "could not be reached" in settings.relay_check.view.summary.text()
    settings.reject()
    # A customer writes again: the hint goes away.
    with ctx.db.write() as s:
        make_message(s, customer, "안녕하세요", direction="in", sent_at=now)
    window._connection_state(ConnectionState(Connection.ONLINE))
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)


def test_offline_wins_over_the_silence_hint(qtbot: Any) -> None:
    from datetime import UTC, datetime

    from app.connection import Connection, ConnectionState
    from app.inbound_silence import InboundSilence
    from ui.connection_banner import ConnectionBanner

    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.set_quiet(InboundSilence(days=8, last_inbound_at=datetime.now(UTC)))
    banner.set_state(ConnectionState(Connection.OFFLINE))
    assert banner.text.text().startswith("Cannot reach your relay")
    with qtbot.waitSignal(banner.settings_requested, timeout=2000):
        banner.settings.click()


def test_check_again_without_an_address_asks_for_it_and_tries_no_relay(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """It said the relay could not be reached, above a large empty box, for an address never typed."""
    import ui.relay_check_view
    from app.errors import RelayUnreachable
    from ui.settings_dialog import SettingsDialog

    asked: list[str] = []

    def relay_report(url: str, _token: str) -> None:
        asked.append(url)
        raise RelayUnreachable()

    monkeypatch.setattr(ui.relay_check_view, "relay_report", relay_report)
    dialog = SettingsDialog(ctx, stored_token=lambda _url: "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.relay_url.setText("   ")
    panel = dialog.relay_check
    assert panel.button is not None
    with qtbot.waitSignal(panel.finished, timeout=5000) as finished:
        panel.button.click()
    assert finished.args == [None]
    assert panel.note.isVisible() and panel.note.text() == "Enter the relay's address first."
    assert not panel.scroll_area.isVisible() and "could not be reached" not in panel.view.summary.text()
    assert asked == [] and panel.button.isEnabled()
    # Typed, the check runs (here: nothing answers), and the note goes.
    dialog.relay_url.clear()
    qtbot.keyClicks(dialog.relay_url, "relay.minsushoes.kr")
    with qtbot.waitSignal(panel.finished, timeout=5000):
        panel.button.click()
    assert asked == ["https://relay.minsushoes.kr"] and not panel.note.isVisible()
    # As in the wizard: the https:// that was added shows in the field, and the answer names the address.
    assert dialog.relay_url.text() == "https://relay.minsushoes.kr" and dialog.relay_url.isModified()
    assert "https://relay.minsushoes.kr could not be reached" in panel.view.summary.text()


def test_an_address_with_a_typo_is_said_to_be_no_web_address_not_a_relay_out_of_reach(
    qtbot: Any, ctx: Any, relay: RunningRelay
) -> None:
    """Settings ▸ Relay ▸ Check connection on "127.0.0.1 8080" said "The relay at https://127.0.0.1
    8080 could not be reached", where the wizard says what is wrong with the address."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, stored_token=lambda _url: relay.token)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    host, port = relay.url.removeprefix("http://").split(":")
    dialog.relay_url.setText(f"{host} {port}")
    panel = dialog.relay_check
    assert panel.button is not None
    with qtbot.waitSignal(panel.finished, timeout=5000) as finished:
        panel.button.click()
    assert finished.args == [None]
    assert panel.note.isVisible() and panel.note.text() == (
        "That does not look like a web address. It should look like https://relay.myshop.com"
    )
    assert not panel.scroll_area.isVisible() and panel.button.isEnabled()
    dialog.relay_url.setText(f"{host}:{port}")  # mended: checked, and the note goes
    with qtbot.waitSignal(panel.finished, timeout=30000) as checked:
        panel.button.click()
    assert checked.args[0] is not None and not panel.note.isVisible()


def test_every_check_problem_has_a_sentence_of_the_desktops_own() -> None:
    """A problem the relay's check learned (a media folder it cannot write) showed in the relay's
    English: each has the owner's words here."""
    from app.wire import CheckProblem
    from ui.relay_check_view import problem_sentence

    missing = [p for p in CheckProblem if p is not CheckProblem.SANDBOX and not problem_sentence(p)]
    assert missing == []


def test_a_sandbox_relay_is_called_a_demo_relay_not_ready_in_the_wizard_and_in_settings(
    qtbot: Any, ctx: Any, tmp_path: Any
) -> None:
    """Connected to `serve --upstream sandbox`, "Everything is ready: WhatsApp messages will reach this
    inbox" stood above lines that each said the demo relay has no WhatsApp account."""
    from tests.support.relay_server import run_relay
    from ui.settings_dialog import SettingsDialog

    demo_words = "This is a demo relay: its customers are simulated, and no real WhatsApp messages come in."
    with run_relay(tmp_path, upstream="sandbox") as relay:
        page = wizard_page(qtbot, relay.url, relay.token)
        view = page.report.view
        assert view.report is not None and view.report.ok and view.report.sandbox
        assert view.summary.text().startswith(demo_words)
        assert "set up your own relay with your WhatsApp account" in view.summary.text()
        assert "ready" not in view.summary.text()

        dialog = SettingsDialog(ctx, stored_token=lambda url: relay.token if url == relay.url else "")
        qtbot.addWidget(dialog)
        dialog.relay_url.setText(relay.url)
        panel = dialog.relay_check
        assert panel.button is not None
        with qtbot.waitSignal(panel.finished, timeout=30000):
            panel.button.click()
        assert panel.view.summary.text().startswith(demo_words)


def test_the_wizards_check_writes_the_number_as_the_shop_dials_it(qtbot: Any, tmp_path: Any) -> None:
    """The first-run check of a demo relay said "Number health for 8225550100": Meta's display number
    as it comes, as nothing had told the check the shop's country (a later page asks it)."""
    from tests.support.relay_server import run_relay
    from ui.formatting import business_number_text
    from ui.shop_place import computer_place

    with run_relay(tmp_path, upstream="sandbox") as relay:
        page = wizard_page(qtbot, relay.url, relay.token)
        view = page.report.view
        assert view.health.isVisibleTo(view)
        first_line = view.health.text().splitlines()[0]
    # The computer's country, which the wizard's last page offers as the shop's.
    assert first_line == f"Number health for {business_number_text('8225550100', computer_place()[0])}"
    assert "8225550100" not in first_line


def test_the_two_number_demos_settings_check_its_relay_and_show_both_numbers_health(
    qtbot: Any, ctx: Any, tmp_path: Any
) -> None:
    """`--demo --two-numbers`: Settings hid the relay's check (its report had no number to show), so
    the demo showed neither number's health anywhere."""
    from tests.support.relay_server import run_relay
    from ui.settings_dialog import SettingsDialog

    ctx.shop_region = "KR"
    with run_relay(tmp_path, upstream="sandbox", sandbox_two_numbers=True) as relay:
        ctx.demo, ctx.relay_token = True, relay.token
        ctx.prefs = {**ctx.prefs, "relay_url": relay.url}  # the embedded relay's, as ui/demo.py sets it
        dialog = SettingsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        panel = dialog.relay_check
        assert not dialog.connection.isEnabled()  # its address and token are not to be changed
        assert panel.button is not None and panel.isVisible() and panel.button.isEnabled()
        with qtbot.waitSignal(panel.finished, timeout=30000):
            panel.button.click()
        assert panel.view.health.isVisibleTo(panel.view)
        first, second = panel.view.health.text().split("\n\n")
    assert first.splitlines()[0] == "Number health for 02-555-0100"
    assert second.splitlines()[0] == "Number health for 02-555-0200"
    assert "Quality rating: High (green)" in second


def test_a_real_relay_that_passes_is_still_ready(qtbot: Any) -> None:
    from app.wire import CheckReport
    from ui.relay_check_view import RelayCheckView

    view = RelayCheckView()
    qtbot.addWidget(view)
    lines = [{"step": "settings", "status": "pass"}, {"step": "clock", "status": "skip"}]
    view.show_report(
        CheckReport.model_validate({"ok": True, "checked_at": "2026-12-03T17:00:00Z", "lines": lines})
    )
    assert view.summary.text() == "Everything is ready: WhatsApp messages will reach this inbox."


def test_https_typed_for_a_relay_that_answers_plain_http_suggests_its_http_address(
    qtbot: Any, ctx: Any, tmp_path: Any
) -> None:
    """Settings said only that https://127.0.0.1:8082 could not be reached (the relay logged "Invalid
    HTTP request received"): now it says the relay answers plain http:// and which address to try."""
    from tests.support.relay_server import run_relay
    from ui.settings_dialog import SettingsDialog

    with run_relay(tmp_path, upstream="sandbox") as relay:
        https = relay.url.replace("http://", "https://")
        dialog = SettingsDialog(ctx, stored_token=lambda _url: relay.token)
        qtbot.addWidget(dialog)
        dialog.relay_url.setText(https)
        panel = dialog.relay_check
        assert panel.button is not None
        with qtbot.waitSignal(panel.finished, timeout=30000):
            panel.button.click()
        said = panel.view.summary.text()
        assert said == (
            f"{https} could not be reached over https://, but something there answers plain http://. "
            f"If it is a relay running on this computer, try {relay.url}"
        )
        # The wizard's first check (is it a relay, does it take the relay token?) says the same.
        from ui.setup_wizard import RelayPage

        page = RelayPage()
        qtbot.addWidget(page)
        page.url.setText(https)
        page.token.setText(relay.token)
        page.check_button.click()
        qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=30000)
        assert page.result.text() == said and not page.isComplete()


def test_a_relay_clock_behind_says_how_far_off_without_a_minus_sign(qapp: Any) -> None:
    from app.wire import CheckLine, CheckProblem, CheckStep
    from ui.relay_check_view import line_sentence

    line = CheckLine(
        step=CheckStep.CLOCK, status="fail", problem=CheckProblem.CLOCK_OFF, params={"seconds": "-3725"}
    )
    assert line_sentence(line).startswith("The relay's clock is 3,725 seconds off,")


def test_what_is_left_to_fix_is_in_sight_when_the_check_ends(qtbot: Any, ctx: Any, tmp_path: Any) -> None:
    """The inbox's strip named "Webhook verified by Meta"; How to fix… opened Settings ▸ Relay with
    its check, and its box showed the number's health and five ticks, the one line to fix below its
    edge for the owner to find by scrolling a box inside a scrolling window (1366×768, Korean)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    from tests.relay.test_check import shop_settings
    from tests.support.fake_graph import APP_ID, run_fake_graph
    from tests.support.servers import free_port
    from ui.settings_dialog import SettingsDialog

    def in_sight(widget: QWidget, box: Any) -> bool:
        top = widget.mapTo(box.viewport(), QPoint(0, 0)).y()
        return top >= 0 and top + widget.height() <= box.viewport().height()

    with run_fake_graph() as graph:
        graph.subscribed_app_ids.append(APP_ID)  # all is set up but Meta's call to the webhook
        port = free_port()
        relay = RunningRelay(settings=shop_settings(tmp_path, graph, port), port=port).start()
        try:
            dialog = SettingsDialog(ctx, stored_token=lambda url: relay.token if url == relay.url else "")
            qtbot.addWidget(dialog)
            dialog.relay_url.setText(relay.url)
            dialog.resize(560, 720)  # as it opens on a 1366×768 laptop
            dialog.show()
            panel = dialog.relay_check
            assert panel.button is not None
            with qtbot.waitSignal(panel.finished, timeout=30000):
                panel.button.click()
        finally:
            relay.stop()
            relay.client.close()
    view = panel.view
    failing = [
        (title, text)
        for (symbol, text), title in zip(view.line_labels, view.titles, strict=True)
        if symbol.text() == "✗"
    ]
    assert [title.text() for title, _text in failing] == ["Webhook verified by Meta"]
    title, text = failing[0]
    box = panel.scroll_area
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() > 0)  # the report is taller than its box
    qtbot.waitUntil(lambda: in_sight(title, box) and in_sight(text, box))
