"""A shop with two WhatsApp numbers picks the one a campaign goes out from; a one-number shop sees no choice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.business_numbers import BUSINESS_NUMBERS_KEY
from app.settings import put_setting
from tests.support.factories import make_contact, make_message
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import PHONE_NUMBER_ID, envelope, inbound
from tests.ui.test_campaign_relay import _campaign_window

NOW = datetime.now(UTC)
SECOND = "106540352242933"  # the second branch's phone_number_id
NOTE = {
    "name": "store_notice",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [{"type": "BODY", "text": "{{1}}님, 강남점 영업시간이 바뀌었어요."}],
}


@pytest.fixture
def graph(graph: FakeGraph) -> FakeGraph:
    graph.templates = [NOTE]
    return graph


def _customers(ctx: Any, *, numbers: dict[str, str]) -> None:
    """Minji wrote to the first number, Jihoon to the second; both agreed to notifications."""
    agreed = NOW - timedelta(days=5)
    with ctx.db.write() as s:
        put_setting(s, BUSINESS_NUMBERS_KEY, numbers)
        for wa_id, name, number in (
            ("821011110001", "Minji Kim", PHONE_NUMBER_ID),
            ("821011110002", "Jihoon Park", SECOND),
        ):
            c = make_contact(s, wa_id=wa_id, profile_name=name, opted_in_at=agreed, phone_number_id=number)
            make_message(s, c, "안녕하세요", sent_at=NOW - timedelta(days=2), phone_number_id=number)


def test_a_campaign_sent_from_the_second_number_reaches_every_recipient_from_it(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    _customers(window.ctx, numbers={PHONE_NUMBER_ID: "+82 2-555-0100", SECOND: "+82 2-555-0200"})
    # The second branch's customers write to the relay too: it sends from that number.
    value = inbound(sender="821011110002", name="Jihoon Park")["entry"][0]["changes"][0]["value"]
    to_second = envelope(
        {"messages": value["messages"]}, phone_number_id=SECOND, display_phone_number="8225550200"
    )
    assert relay.post_webhook(to_second).status_code == 200
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    send_from = editor.send_from
    assert send_from.isVisibleTo(editor)
    offered = [send_from.choice.itemText(i) for i in range(send_from.choice.count())]
    assert offered == [
        "Each customer's own number (the one they last wrote to)",
        "02-555-0100",
        "02-555-0200",
    ]
    assert editor.draft().phone_number_id is None  # as every campaign went before there was a choice
    editor.name.setFocus()
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)  # from the name to the number below it
    assert send_from.choice.hasFocus()

    editor.name.setText("강남점 안내")
    editor.message.template.setCurrentIndex(1)
    editor.message.param_rows[0][1].setText("고객")
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 2)
    each_own = (
        "Each customer gets it from the number they last wrote to: 1 from 02-555-0100, 1 from 02-555-0200."
    )
    assert send_from.note.text() == each_own
    send_from.choice.setCurrentIndex(send_from.choice.findData(SECOND))
    assert editor.draft().phone_number_id == SECOND
    # Minji only ever wrote to the first number: the owner is told before she sends.
    qtbot.waitUntil(lambda: "never wrote to 02-555-0200" in send_from.note.text())
    assert send_from.note.text().startswith("1 recipient(s) never wrote")
    assert editor.preview_from.text() == "From your number 02-555-0200"

    confirm = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.send_button.click()
    assert "It goes from your number 02-555-0200." in confirm.shown[0].text
    qtbot.waitUntil(
        lambda: campaigns.list_model.rowCount() == 1 and campaigns.list_model.rows[0].state == "done",
        timeout=30000,
    )
    graph = relay.graph
    sends = sorted(
        (body["to"], number)
        for body, number in zip(graph.sent, graph.sent_from, strict=True)
        if body.get("type") == "template"
    )
    assert sends == [("821011110001", SECOND), ("821011110002", SECOND)]
    assert campaigns.list_model.details(0).endswith("from 02-555-0200")
    campaigns.list.selectRow(0)
    qtbot.waitUntil(lambda: campaigns.stack.currentWidget() is campaigns.report, timeout=10000)
    assert campaigns.report.state.text().endswith("from your number 02-555-0200")


def test_a_one_number_shop_sees_no_choice_and_its_campaign_names_no_number(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    _customers(window.ctx, numbers={PHONE_NUMBER_ID: "+82 2-555-0100"})
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    assert not editor.send_from.isVisibleTo(editor) and not editor.preview_from.isVisibleTo(editor)
    editor.name.setText("공지")
    editor.message.template.setCurrentIndex(1)
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 2)
    assert editor.draft().phone_number_id is None and editor.send_from.note.text() == ""
    editor.save_button.click()
    qtbot.waitUntil(lambda: campaigns.list_model.rowCount() == 1)
    assert "from" not in campaigns.list_model.details(0)


def test_a_number_the_relay_does_not_send_from_is_said_and_the_draft_stays_with_it(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """The shop's second number never reached this relay (another relay's, or a number since removed
    from the account): the relay refuses it, the owner reads why, and the draft keeps her choice."""
    from PySide6.QtWidgets import QMessageBox

    from ui.error_sentences import relay_sentences

    _customers(window.ctx, numbers={PHONE_NUMBER_ID: "+82 2-555-0100", SECOND: "+82 2-555-0200"})
    campaigns = _campaign_window(window, qtbot, relay)
    editor = campaigns.editor
    editor.name.setText("강남점 안내")
    editor.message.template.setCurrentIndex(1)
    editor.message.param_rows[0][1].setText("고객")
    editor.send_from.choice.setCurrentIndex(editor.send_from.choice.findData(SECOND))
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 2)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    refused = dialogs.expect("warning")
    editor.send_button.click()
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=10000)
    assert refused.texts == [relay_sentences()["unknown_number"]]
    qtbot.waitUntil(
        lambda: [(r.name, r.state) for r in campaigns.list_model.rows] == [("강남점 안내", "draft")]
    )
    assert editor.draft().phone_number_id == SECOND and not campaigns.has_unsaved_edits()
    assert [b for b in relay.graph.sent if b.get("type") == "template"] == []
