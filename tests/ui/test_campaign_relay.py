"""End to end: a campaign from the editor, run by the real relay against a fake Graph, reported in the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.automations_store import load_state, save_local
from app.models import Contact, Message
from tests.support.factories import make_contact, make_message
from tests.support.fake_graph import MEDIA_FETCH_DETAILS, MEDIA_SIZE_DETAILS, FakeGraph, media_upload_error
from tests.support.relay_server import inbound, status
from ui.campaign_models import moment_text
from ui.error_sentences import failed_message_sentence

NOW = datetime.now(UTC)
AD = {
    "name": "spring_restock",
    "language": "ko",
    "category": "MARKETING",
    "status": "APPROVED",
    "components": [
        {"type": "BODY", "text": "(광고) 서울 리넨 봄 입고! {{1}}님께 쿠폰 {{2}}. 문의 02-123-4567"},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신거부"}]},
    ],
}
CUSTOMERS = (("821011110001", "Minji Kim"), ("821011110002", "Jihoon Park"), ("821011110003", "Seoyeon Lee"))


def _consenting(s: Any, wa_id: str, name: str, *, nights: bool = True) -> Any:
    """A customer who agreed to notifications and marketing five days ago (and to nights, unless not)."""
    agreed = NOW - timedelta(days=5)
    return make_contact(
        s,
        wa_id=wa_id,
        profile_name=name,
        opted_in_at=agreed,
        marketing_consent_at=agreed,
        night_consent_at=agreed if nights else None,
    )


def _shop_named(s: Any) -> None:
    doc = load_state(s).doc
    doc.profile.name = "서울 리넨"  # the law check wants the shop's name in the message
    save_local(s, doc)


def _campaign_window(window: Any, qtbot: Any, relay: Any) -> Any:
    """The window syncs with the relay; the owner opens Campaigns, whose editor has the templates."""
    from ui.campaign_window import CampaignWindow
    from ui.ops import pending_ops

    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    qtbot.waitUntil(lambda: window.ctx.sync is not None and window.ctx.sync.relay_client() is not None)
    campaigns = CampaignWindow(window.ctx)
    qtbot.addWidget(campaigns, before_close_func=lambda _w: qtbot.waitUntil(lambda: pending_ops() == 0))
    campaigns.show()
    editor = campaigns.editor
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.message.template.count() == 2, timeout=10000)
    return campaigns


def _send_ad(campaigns: Any, qtbot: Any, dialogs: Any, name: str, recipients: int, *, pace: int = 0) -> None:
    """The owner sends the spring ad (coupon SPRING10) from the editor to its `recipients`, now."""
    from PySide6.QtWidgets import QMessageBox

    editor = campaigns.editor
    editor.name.setText(name)
    editor.message.template.setCurrentIndex(1)
    for _source, text in editor.message.param_rows:
        text.setText("SPRING10")
    if pace:
        editor.schedule.pace.setValue(pace)
    qtbot.waitUntil(lambda: editor.audience_box.recipients_model.rowCount() == recipients, timeout=10000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()


@pytest.fixture
def graph(graph: FakeGraph) -> FakeGraph:
    """The shared fake Graph, with the shop's approved ad."""
    graph.templates = [AD]
    return graph


def test_a_campaign_sent_from_the_editor_is_run_by_the_relay_and_reported(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS:
            c = _consenting(s, wa_id, name)
            make_message(s, c, "hello", sent_at=NOW - timedelta(days=2))
        make_contact(s, wa_id="821011110009", profile_name="No Consent")
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("Spring restock")
    editor.message.template.setCurrentIndex(1)
    source, _text = editor.message.param_rows[0]
    source.setCurrentIndex(source.findData("first_name"))
    editor.message.param_rows[0][1].setText("고객")
    editor.message.param_rows[1][1].setText("SPRING10")
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 3)
    assert editor.law_problems() == []
    confirm = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()
    assert "to 3 customers now" in confirm.shown[0].text

    # The relay sends each recipient once; the sends come back as campaign messages in the chats.
    def campaign_messages() -> list[Any]:
        with window.ctx.db.read() as s:
            return list(s.scalars(select(Message).where(Message.sent_by == "campaign")))

    qtbot.waitUntil(lambda: len(campaign_messages()) == 3, timeout=30000)
    bodies = [b for b in relay.graph.sent if b.get("type") == "template"]
    assert sorted(b["to"] for b in bodies) == [wa for wa, _n in CUSTOMERS]
    first = next(b for b in bodies if b["to"] == "821011110001")
    assert first["template"]["components"][0]["parameters"][0]["text"] == "Minji"
    qtbot.waitUntil(
        lambda: campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state == "done",
        timeout=30000,
    )

    with window.ctx.db.read() as s:
        sent = {
            wa: wamid
            for wa, wamid in s.execute(
                select(Contact.wa_id, Message.wamid)
                .join(Message, Message.contact_id == Contact.id)
                .where(Message.sent_by == "campaign")
            )
        }
    relay.post_webhook(status(sent["821011110001"], "read", recipient="821011110001"))
    failure = [
        {"code": 131049, "title": "This message was not delivered to maintain healthy ecosystem engagement."}
    ]
    relay.post_webhook(status(sent["821011110002"], "failed", recipient="821011110002", errors=failure))
    relay.post_webhook(inbound(content="수신거부", sender="821011110003", name="Seoyeon Lee"))

    campaigns.list.selectRow(0)
    report = campaigns.report
    qtbot.waitUntil(lambda: campaigns.stack.currentWidget() is report, timeout=10000)
    qtbot.waitUntil(
        lambda: (
            (
                report.numbers["read"].text(),
                report.numbers["failed"].text(),
                report.numbers["opted_out"].text(),
            )
            == ("1", "1", "1")
        ),
        timeout=30000,
    )
    assert report.numbers["replied"].text() == "1"  # the opt-out is a message within 72 hours
    # The chat's sentence for the code, the count first (the tests load no English plurals).
    assert f"1 recipient(s): {failed_message_sentence('131049', None)}" in report.failures.text()
    with window.ctx.db.read() as s:
        seoyeon = s.scalar(select(Contact).where(Contact.wa_id == "821011110003"))
        assert seoyeon is not None and seoyeon.opted_out_reason == "keyword"


def test_a_scheduled_campaign_can_be_cancelled_before_it_sends_anything(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    with window.ctx.db.write() as s:
        wa_id, name = CUSTOMERS[0]
        c = make_contact(s, wa_id=wa_id, profile_name=name, opted_in_at=NOW - timedelta(days=5))
        make_message(s, c, "hello", sent_at=NOW - timedelta(days=2))
    relay.graph.templates = [
        {**AD, "name": "order_note", "category": "UTILITY", "components": AD["components"][:1]}
    ]
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("Tomorrow's note")
    editor.message.template.setCurrentIndex(1)
    for _source, text in editor.message.param_rows:
        text.setText("x")
    editor.schedule.at.setChecked(True)
    editor.schedule.when.setDateTime(editor.schedule.when.dateTime().addDays(1))
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 1)
    scheduled = editor.scheduled_at()
    assert scheduled is not None
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()
    # Until the relay's answer, the list may already show it sent (a sync's reload): picking it
    # then must not ask to save the draft that is being sent (it did, once in CI).
    assert not campaigns.has_unsaved_edits()
    qtbot.waitUntil(
        lambda: campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state == "scheduled",
        timeout=15000,
    )
    campaigns.list.selectRow(0)
    qtbot.waitUntil(lambda: campaigns.stack.currentWidget() is campaigns.report, timeout=10000)
    # Tomorrow's time, as set: not the minute it was handed to the relay, said as if sent.
    at = moment_text(scheduled, campaigns.list_model.zone)
    # The report is read again as the relay's news and the send's own record arrive: the last read says it all.
    qtbot.waitUntil(
        lambda: campaigns.report.state.text() == f"Scheduled · sends {at} · template order_note",
        timeout=10000,
    )
    assert campaigns.list_model.details(0).startswith(f"Scheduled · {at} · ")
    campaigns.report.pause_button.click()  # paused before its time: still nobody sent
    qtbot.waitUntil(lambda: campaigns.report.state.text().startswith("Paused"), timeout=15000)
    assert campaigns.report.state.text() == f"Paused · set for {at} · template order_note"
    assert campaigns.report.cancel_button.isVisible()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    campaigns.report.cancel_button.click()
    qtbot.waitUntil(lambda: campaigns.list_model.rows[0].state == "cancelled", timeout=15000)
    qtbot.waitUntil(lambda: campaigns.report.state.text().startswith("Cancelled"), timeout=15000)
    assert campaigns.report.state.text() == f"Cancelled · was to send {at} · template order_note"
    assert not [b for b in relay.graph.sent if b.get("type") == "template"]


def test_pause_in_the_report_stops_the_relays_sends_until_resume_and_the_window_says_so(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:

    people = [f"8210222200{i:02d}" for i in range(8)]
    with window.ctx.db.write() as s:
        for i, wa_id in enumerate(people):
            _consenting(s, wa_id, f"Customer {i}")
        _shop_named(s)
    told: list[object] = []
    window.notifier.campaign_told.connect(lambda *notice: told.append(notice))
    campaigns = _campaign_window(window, qtbot, relay)
    _send_ad(campaigns, qtbot, dialogs, "Slow spring restock", len(people), pace=2)

    def templates_sent() -> list[str]:
        return [str(b["to"]) for b in relay.graph.sent if b.get("type") == "template"]

    report = campaigns.report
    qtbot.waitUntil(lambda: campaigns.stack.currentWidget() is report, timeout=15000)
    qtbot.waitUntil(lambda: len(templates_sent()) >= 1 and report.pause_button.isVisible(), timeout=15000)
    report.pause_button.click()
    qtbot.waitUntil(lambda: report.state.text().startswith("Paused"), timeout=15000)
    assert report.resume_button.isVisible() and not report.pause_button.isVisible()
    # The list reads again on its own: it follows within moments, and an older read never undoes it.
    qtbot.waitUntil(lambda: campaigns.list_model.index(0, 1).data() == "Paused", timeout=5000)

    # A send already on its way may still land; after that the relay looks again and again and
    # sends nobody while the campaign is paused.
    runner = relay.relay.campaigns

    def runner_looks(times: int = 3) -> None:
        target = runner.ticks + times
        runner.poke()
        qtbot.waitUntil(lambda: runner.ticks >= target, timeout=15000)

    runner_looks()
    held_back = len(templates_sent())
    runner_looks()
    runner_looks()
    assert len(templates_sent()) == held_back < len(people)

    report.resume_button.click()
    qtbot.waitUntil(lambda: campaigns.list_model.rows[0].state == "done", timeout=30000)
    qtbot.waitUntil(lambda: report.state.text().startswith("Finished"), timeout=15000)
    assert not report.resume_button.isVisible() and not report.pause_button.isVisible()
    assert sorted(templates_sent()) == people  # everyone once, nobody twice
    assert told == []  # the owner's own pause is no news to them


def test_a_template_meta_paused_pauses_the_campaign_and_the_window_says_why_and_what_to_do(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """Meta paused the ad for low quality before its news reached the relay: Graph refuses each send
    (132015). The campaign stops at once, nobody is marked failed, and the owner reads why."""
    from PySide6.QtWidgets import QApplication

    from ui.campaign_window import CampaignWindow
    from ui.menus import install_menus
    from ui.ops import pending_ops

    people = [f"8210444400{i:02d}" for i in range(3)]
    with window.ctx.db.write() as s:
        for i, wa_id in enumerate(people):
            _consenting(s, wa_id, f"Customer {i}")
        _shop_named(s)
    relay.graph.refused_templates[("spring_restock", "ko")] = 132015
    told: list[tuple[int, str, str]] = []
    window.notifier.campaign_told.connect(lambda *notice: told.append(notice))
    campaigns = _campaign_window(window, qtbot, relay)
    _send_ad(campaigns, qtbot, dialogs, "Spring restock", len(people))

    report = campaigns.report
    why = "Paused (Meta paused the template)"
    qtbot.waitUntil(lambda: report.state.text().startswith(why), timeout=15000)
    qtbot.waitUntil(lambda: campaigns.list_model.index(0, 1).data() == why, timeout=5000)
    # In the list, the reason has a line of its own: the state's line keeps its time and count.
    assert campaigns.list_model.details(0).startswith("Paused · ")
    paused_row_height = campaigns.list.sizeHintForRow(0)
    assert report.numbers["failed"].text() == "0"
    assert "none failed" in report.failures.text() and "resume then" in report.failures.text()
    assert report.resume_button.isVisible()
    # Told even with the main window in front, where nothing else shows it; clicked, the campaign.
    qtbot.waitUntil(lambda: len(told) == 1, timeout=5000)
    campaign_id, title, text = told[0]
    assert title == "Campaign paused: Spring restock"
    assert text == "Meta paused the template. Customers not sent yet are waiting; none failed."
    install_menus(window, window.ctx)
    window.notifier.campaign_requested.emit(campaign_id)
    # The one the menus opened: an earlier test's closed windows may linger, hidden.
    (opened,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CampaignWindow) and w.isVisible() and w is not campaigns
    ]
    qtbot.addWidget(opened, before_close_func=lambda _w: qtbot.waitUntil(lambda: pending_ops() == 0))
    qtbot.waitUntil(lambda: opened.stack.currentWidget() is opened.report, timeout=10000)
    qtbot.waitUntil(lambda: opened.report.state.text().startswith(why), timeout=5000)

    del relay.graph.refused_templates[("spring_restock", "ko")]  # Meta lifted the pause
    report.resume_button.click()
    qtbot.waitUntil(lambda: campaigns.list_model.rows[0].state == "done", timeout=30000)
    qtbot.waitUntil(lambda: report.state.text().startswith("Finished"), timeout=15000)
    assert campaigns.list_model.index(0, 1).data() == "Finished"
    assert campaigns.list.sizeHintForRow(0) < paused_row_height
    assert "none failed" not in report.failures.text()
    assert sorted(str(b["to"]) for b in relay.graph.sent if b.get("type") == "template") == people
    assert len(told) == 1  # the resume and the sends after it are not news


def test_an_expired_meta_token_pauses_the_campaign_and_the_window_says_who_renews_it(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """The relay's Meta access token expired: Graph refuses every send (190). The campaign pauses
    with nobody failed, and the owner reads who can fix it; once renewed, resume sends everyone."""
    people = [f"8210555500{i:02d}" for i in range(3)]
    with window.ctx.db.write() as s:
        for i, wa_id in enumerate(people):
            _consenting(s, wa_id, f"Customer {i}")
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    relay.graph.token_expired = True  # between the templates' listing and the sends
    _send_ad(campaigns, qtbot, dialogs, "Spring restock", len(people))

    report = campaigns.report
    why = "Paused (the relay's Meta access token expired)"
    qtbot.waitUntil(lambda: report.state.text().startswith(why), timeout=15000)
    assert report.numbers["failed"].text() == "0"
    assert "none failed" in report.failures.text()
    assert "Ask whoever looks after your relay to renew its Meta access token" in report.failures.text()

    relay.graph.token_expired = False  # renewed on the relay
    report.resume_button.click()
    qtbot.waitUntil(lambda: report.state.text().startswith("Finished"), timeout=30000)
    assert sorted(str(b["to"]) for b in relay.graph.sent if b.get("type") == "template") == people


def test_a_campaign_waiting_for_metas_messaging_limit_says_when_it_goes_on(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """A new number may message ten customers a day here (Meta's tiers: 250, 2,000…): twelve wait."""
    relay.graph.numbers["106540352242922"]["whatsapp_business_manager_messaging_limit"] = "TIER_10"
    people = [f"8210555500{i:02d}" for i in range(12)]
    with window.ctx.db.write() as s:
        for i, wa_id in enumerate(people):
            _consenting(s, wa_id, f"Customer {i}")
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    _send_ad(campaigns, qtbot, dialogs, "Big spring restock", len(people))

    report = campaigns.report
    qtbot.waitUntil(
        lambda: (
            campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state == "waiting_for_limit"
        ),
        timeout=30000,
    )
    answer = relay.client.get(f"{relay.url}/v1/campaigns/{report.report.uid}", headers=relay.auth())
    until = datetime.fromisoformat(answer.json()["waiting_until"])
    said = (
        "Meta's limit on customers messaged in 24 hours is reached: the rest go out from "
        f"{moment_text(until, campaigns.list_model.zone)}, by themselves."
    )
    qtbot.waitUntil(lambda: said in report.failures.text(), timeout=10000)
    assert report.state.text().startswith("Waiting for the messaging limit · sent ")
    goes_on = f"Waiting for the messaging limit · goes on {moment_text(until, campaigns.list_model.zone)} · "
    assert campaigns.list_model.details(0).startswith(goes_on)


def test_the_report_lists_who_the_relay_held_or_failed_and_why(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:

    from ui.campaign_models import CampaignRole, state_text

    # 22:00 in Seoul on the relay: marketing waits for 08:00 unless the customer agreed to nights.
    relay.relay.clock = lambda: datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
    night_owl, sleeper, gone = "821033330001", "821033330002", "821033330003"
    relay.graph.late_failures[gone] = 131026  # accepted, then reported undeliverable
    relay.graph.webhook_url = f"{relay.url}/webhook"
    with window.ctx.db.write() as s:
        for wa_id, name, nights in ((night_owl, "Ara Night", True), (sleeper, "Bora Sleep", False)):
            _consenting(s, wa_id, name, nights=nights)
        _consenting(s, gone, "Chae Gone")
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    _send_ad(campaigns, qtbot, dialogs, "Late spring restock", 3)

    def relay_states() -> dict[str, str]:
        found = relay.client.get(
            f"{relay.url}/v1/campaigns/{campaigns.report.report.uid}",
            params={"recipients": "true"},
            headers=relay.auth(),
        ).json()
        return {r["wa_id"]: r["state"] for r in found["recipients"]}

    report = campaigns.report
    qtbot.waitUntil(lambda: report.report is not None, timeout=15000)
    qtbot.waitUntil(
        lambda: relay_states() == {night_owl: "sent", sleeper: "held", gone: "failed"}, timeout=30000
    )
    # Opening the report again asks the relay for each recipient's state.
    campaigns.new_button.click()
    campaigns.list.selectRow(0)

    def why() -> dict[str, tuple[str, str]]:
        model = report.view.model()
        out = {}
        for row in range(model.rowCount()):
            r = model.index(row, 0).data(CampaignRole.ROW)
            out[r.name] = (model.index(row, 2).data(), model.index(row, 5).data())
        return out

    qtbot.waitUntil(
        lambda: why().get("Bora Sleep", ("", ""))[0] == "Held for the night",
        timeout=15000,
    )
    assert why()["Bora Sleep"][1].startswith("Held for the night: goes at ")
    qtbot.waitUntil(lambda: why()["Chae Gone"][0] == "Failed", timeout=15000)
    assert why()["Chae Gone"][1] == failed_message_sentence("131026", None)  # as the chat says it
    assert why()["Ara Night"][1] == ""
    assert not report.relay_note.isVisible()
    # When everyone left waits for 08:00 the campaign says so once, without a bracket in a bracket.
    said = state_text("running", "night_hold").replace("\u202f", " ")
    assert said == "Sending (held for the night until 8:00 AM the customers' time)"

    report.show_choice.setCurrentIndex(1)  # only those not sent (Ara's tick may still be on its way)
    qtbot.waitUntil(lambda: set(why()) == {"Bora Sleep", "Chae Gone"}, timeout=15000)
    report.show_choice.setCurrentIndex(0)
    assert set(why()) == {"Ara Night", "Bora Sleep", "Chae Gone"}


def test_a_header_picture_chosen_in_the_editor_reaches_whatsapp_with_each_send(
    window: Any, qtbot: Any, relay: Any, dialogs: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QMessageBox

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#4a7c59"))
    photo = tmp_path / "linen shirt.jpg"
    assert picture.save(str(photo), "JPG")  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    relay.graph.templates = [
        {
            **AD,
            "name": "new_arrival",
            "components": [
                {"type": "HEADER", "format": "IMAGE"},
                {"type": "BODY", "text": "(광고) 서울 리넨 신상품이 왔어요 {{1}}님. 문의 02-123-4567"},
                {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신거부"}]},
            ],
        }
    ]
    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS[:2]:
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("New arrivals")
    editor.message.template.setCurrentIndex(1)
    assert editor.message.media_button.isVisibleTo(editor)
    dialogs.expect("getOpenFileName", answer=str(photo))
    editor.message.media_button.click()
    assert editor.message.media_label.text() == "linen shirt.jpg"
    source, _text = editor.message.param_rows[0]
    source.setCurrentIndex(source.findData("first_name"))
    editor.message.param_rows[0][1].setText("고객")
    qtbot.waitUntil(lambda: editor.audience_box.recipients_model.rowCount() == 2, timeout=10000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()

    def templates_sent() -> list[dict[str, Any]]:
        return [b for b in relay.graph.sent if b.get("type") == "template"]

    qtbot.waitUntil(lambda: len(templates_sent()) == 2, timeout=30000)
    # The picture went to WhatsApp once, as uploaded media; each send names it in its header.
    uploads = [
        media_id for media_id, (data, _mime) in relay.graph.media.items() if data == photo.read_bytes()
    ]
    assert len(uploads) == 1
    for body in templates_sent():
        header, text = body["template"]["components"]
        assert header == {"type": "header", "parameters": [{"type": "image", "image": {"id": uploads[0]}}]}
        assert text["type"] == "body" and text["parameters"][0]["text"] in ("Minji", "Jihoon")


def test_each_failure_the_chat_has_words_for_is_said_so_in_the_report_not_as_error_n(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """WhatsApp fails three customers for three reasons after accepting the ad: the Why column and
    the report's summary say each as the chat's Not sent line does, never "Error 131026"; a code
    this version has no words for is still named."""
    from ui.campaign_models import WHY_COLUMN, CampaignRole, failure_label

    relay.relay.clock = lambda: datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # noon in Seoul
    codes = {"821044440001": 131026, "821044440002": 131049, "821044440003": 130472}
    relay.graph.late_failures.update(codes)
    relay.graph.webhook_url = f"{relay.url}/webhook"
    names = {"821044440001": "Dana Number", "821044440002": "Eun Limited", "821044440003": "Fern Test"}
    with window.ctx.db.write() as s:
        for wa_id, name in names.items():
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    _send_ad(campaigns, qtbot, dialogs, "Restock, three refused", 3)
    report = campaigns.report
    qtbot.waitUntil(lambda: report.report is not None, timeout=15000)

    def relay_failed() -> int:
        found = relay.client.get(
            f"{relay.url}/v1/campaigns/{report.report.uid}",
            params={"recipients": "true"},
            headers=relay.auth(),
        ).json()
        return sum(r["state"] == "failed" for r in found["recipients"])

    qtbot.waitUntil(lambda: relay_failed() == 3, timeout=30000)
    campaigns.new_button.click()  # opening the report again asks the relay why each failed
    campaigns.list.selectRow(0)
    said = {name: failed_message_sentence(str(codes[wa_id]), None) for wa_id, name in names.items()}
    assert len(set(said.values())) == 3 and not any(s.startswith("Error") for s in said.values())

    def why() -> dict[str, str]:
        model = report.view.model()
        return {
            model.index(row, 0).data(CampaignRole.ROW).name: model.index(row, WHY_COLUMN).data()
            for row in range(model.rowCount())
        }

    qtbot.waitUntil(lambda: why() == said, timeout=30000)
    qtbot.waitUntil(lambda: report.numbers["failed"].text() == "3", timeout=15000)
    summary = report.failures.text()
    for sentence in said.values():
        assert f"1 recipient(s): {sentence}" in summary
    assert "Error 1" not in summary
    assert failure_label("131999") == "Error 131999"  # no words for it in this version: named


def test_a_header_picture_whatsapp_refused_says_why_and_what_to_do_in_the_report(
    window: Any, qtbot: Any, relay: Any, dialogs: Any, tmp_path: Path
) -> None:
    """131053 once at once (the picture is too large: no message reaches the chats) and once later
    (WhatsApp could not fetch it): the report says each cause as the chat's Not sent line does."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QMessageBox

    from ui.campaign_models import WHY_COLUMN, CampaignRole

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#7c4a59"))
    photo = tmp_path / "big banner.jpg"
    assert picture.save(str(photo), "JPG")  # type: ignore[call-overload]  # the stubs say bytes: PySide6 takes only str
    relay.graph.templates = [
        {
            **AD,
            "name": "new_arrival",
            "components": [
                {"type": "HEADER", "format": "IMAGE"},
                {"type": "BODY", "text": "(광고) 서울 리넨 신상품이 왔어요 {{1}}님. 문의 02-123-4567"},
                {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신거부"}]},
            ],
        }
    ]
    relay.graph.webhook_url = f"{relay.url}/webhook"
    for wa_id, _name in CUSTOMERS[:2]:
        relay.graph.late_failures[wa_id] = (131053, MEDIA_FETCH_DETAILS)
    relay.graph.script.append(media_upload_error(MEDIA_SIZE_DETAILS))  # the first send to arrive
    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS[:2]:
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("Big banner")
    editor.message.template.setCurrentIndex(1)
    dialogs.expect("getOpenFileName", answer=str(photo))
    editor.message.media_button.click()
    editor.message.param_rows[0][1].setText("고객님")
    qtbot.waitUntil(lambda: editor.audience_box.recipients_model.rowCount() == 2, timeout=10000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()
    report = campaigns.report
    qtbot.waitUntil(lambda: report.report is not None, timeout=15000)

    def relay_failures() -> set[str | None]:
        found = relay.client.get(
            f"{relay.url}/v1/campaigns/{report.report.uid}",
            params={"recipients": "true"},
            headers=relay.auth(),
        ).json()
        return {r.get("graph_cause") for r in found["recipients"] if r["state"] == "failed"}

    qtbot.waitUntil(lambda: relay_failures() == {"media_too_large", "media_fetch_failed"}, timeout=30000)
    too_large = failed_message_sentence("131053:media_too_large", None)
    not_fetched = failed_message_sentence("131053:media_fetch_failed", None)
    assert "Attach a smaller one" in too_large and "send it again" in not_fetched
    # Opening the report again asks the relay for each recipient's state and why.
    campaigns.new_button.click()
    campaigns.list.selectRow(0)

    def why() -> list[tuple[str, str, str]]:
        model = report.view.model()
        rows = [model.index(row, 0).data(CampaignRole.ROW) for row in range(model.rowCount())]
        cells = [model.index(row, WHY_COLUMN) for row in range(model.rowCount())]
        return sorted(
            (r.state, cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole))
            for r, cell in zip(rows, cells, strict=True)
        )

    qtbot.waitUntil(
        lambda: why() == [("failed", not_fetched, not_fetched), ("failed", too_large, too_large)],
        timeout=30000,
    )
    qtbot.waitUntil(lambda: report.numbers["failed"].text() == "2", timeout=15000)
    said = report.failures.text()
    # One line a cause, the count first ("1 recipient: …"; the tests load no English plurals).
    lines = [line for line in said.splitlines() if line.startswith("1 recipient")]
    assert sorted(line.partition(": ")[2] for line in lines) == sorted([too_large, not_fetched])
    assert "Error 131053" not in said


def test_blanks_left_empty_are_named_before_the_law_question_and_nothing_is_stored(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS:
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("야간 테스트")
    editor.message.template.setCurrentIndex(1)
    qtbot.waitUntil(lambda: editor.audience_box.recipients_model.rowCount() == 3, timeout=10000)
    # "{{1}}님" starts on the customer's name; the owner makes it fixed text and leaves it empty.
    assert editor.message.param_rows[0][0].currentData() == "name"
    editor.message.param_rows[0][0].setCurrentIndex(editor.message.param_rows[0][0].findData("text"))
    # Only the warning: the owner is not asked to confirm an ad that would then be refused.
    refused = dialogs.expect("warning")
    editor.send_button.click()
    assert refused.texts == ["Fill in the blanks {{1}}, {{2}} of the template first."]
    editor.message.param_rows[0][1].setText("고객")
    refused_again = dialogs.expect("warning")
    editor.send_button.click()
    assert refused_again.texts == ["Fill in the blanks {{2}} of the template first."]
    assert campaigns.list_model.rowCount() == 0 and relay.graph.sent == []


def test_a_send_the_relay_missed_keeps_the_one_draft_and_sending_again_sends_it_once(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS:
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    relay.stop()  # the relay is down when the owner sends
    not_sent = dialogs.expect("warning")
    _send_ad(campaigns, qtbot, dialogs, "야간 테스트", 3)
    qtbot.waitUntil(lambda: bool(not_sent.shown), timeout=10000)
    qtbot.waitUntil(lambda: campaigns.list_model.rowCount() == 1, timeout=10000)
    (draft,) = campaigns.list_model.rows
    assert (draft.name, draft.state) == ("야간 테스트", "draft")
    assert campaigns.current_id == draft.id and campaigns.stack.currentWidget() is campaigns.editor
    assert not campaigns.has_unsaved_edits()  # what is on screen is that draft

    relay.start()  # on the same port
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    campaigns.editor.send_button.click()
    qtbot.waitUntil(
        lambda: [(r.name, r.state) for r in campaigns.list_model.rows] == [("야간 테스트", "done")],
        timeout=30000,
    )
    assert len([b for b in relay.graph.sent if b.get("type") == "template"]) == 3


def test_a_sent_campaign_is_not_offered_again_as_unsaved_words(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """Her words were kept while she typed (a field lost the focus); once the campaign is sent they
    are stored as it, and nothing offers them above the chats as a campaign she never saved."""
    from app.campaign_drafts import unsaved_campaign
    from ui.ops import pending_ops

    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS:
            _consenting(s, wa_id, name)
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    campaigns.editor.name.setText("Spring restock")
    campaigns.keeper.edited()
    campaigns.keeper.keep_now()
    qtbot.waitUntil(lambda: pending_ops() == 0 and unsaved_campaign(window.ctx.db) is not None, timeout=5000)
    _send_ad(campaigns, qtbot, dialogs, "Spring restock", len(CUSTOMERS))
    qtbot.waitUntil(
        lambda: campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state != "draft",
        timeout=30000,
    )
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_campaign(window.ctx.db) is None


def test_a_customer_who_opts_out_while_the_send_question_is_open_is_asked_about_again(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """The question said 3 customers; while she read it, Seoyeon wrote 수신거부 and the form behind
    it counted 2. Her "Send" is not taken for 3: she is asked again, told it changed, and the relay
    sends to the 2 she said yes to."""
    from PySide6.QtWidgets import QMessageBox

    with window.ctx.db.write() as s:
        for wa_id, name in CUSTOMERS:
            c = _consenting(s, wa_id, name)
            make_message(s, c, "hello", sent_at=NOW - timedelta(days=2))
        _shop_named(s)
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("Spring restock")
    editor.message.template.setCurrentIndex(1)
    for _source, text in editor.message.param_rows:
        text.setText("SPRING10")
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 3)

    def answer(shown: Any) -> QMessageBox.StandardButton:
        if len(question.shown) == 1:  # the first question open: she opts out meanwhile
            relay.post_webhook(inbound(content="수신거부", sender="821011110003", name="Seoyeon Lee"))
            qtbot.waitUntil(lambda: len(editor.resolved.recipients) == 2, timeout=30000)
        return QMessageBox.StandardButton.Yes

    question = dialogs.expect("question", answer=answer, times=2)
    editor.send_button.click()
    first, again = question.shown
    assert "to 3 customers now" in first.text
    assert "from 3 to 2 customers" in again.text and "to 2 customers now" in again.text

    def template_sends() -> list[str]:
        return sorted(b["to"] for b in relay.graph.sent if b.get("type") == "template")

    qtbot.waitUntil(
        lambda: campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state == "done",
        timeout=30000,
    )
    assert template_sends() == ["821011110001", "821011110002"]
    assert campaigns.list_model.rows[0].recipients == 2
