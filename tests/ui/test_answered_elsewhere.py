"""Two shop computers on one relay: a reply sent from the other one while a reply is typed here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.models import Contact, Message
from app.sending import queue_text
from tests.support.engine_probe import quick_engine
from tests.support.relay_server import inbound
from tests.support.window_waits import select_chat

CUSTOMER = "821024681357"


def test_a_reply_sent_from_the_other_computer_while_one_is_typed_here_is_said_under_the_box(
    window: Any, qtbot: Any, relay: Any, tmp_path: Path
) -> None:
    """Su-jin typed an answer while Min-ho, on the shop's PC, sent his to the same customer: both
    went out within a second, and nothing on her screen but a new bubble above said so."""
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    assert (
        relay.post_webhook(inbound("text", "린넨 셔츠 M 있나요?", name="한지민", sender=CUSTOMER)).status_code
        == 200
    )
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    composer = window.chat.composer
    composer.edit.insertPlainText("네 M 사이즈 있어요")

    # The shop's PC: its own data folder, synced from the same relay, sends its answer.
    shop_pc = Database.open(tmp_path / "shop-pc.db")
    engine, probe = quick_engine(shop_pc, relay, tmp_path / "shop-pc-media")
    engine.start()
    try:

        def customer_there() -> bool:
            with shop_pc.read() as s:
                return s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER)) is not None

        probe.wait_until(customer_there)
        with shop_pc.write() as s:
            contact_id = s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER))
            assert contact_id is not None
            queue_text(s, contact_id, "있어요! 민호가 챙겨둘게요.")
        engine.wake_sender()
        view = window.chat.view
        qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2, timeout=15000)
    finally:
        engine.stop()
        shop_pc.close()
    qtbot.waitUntil(composer.gone_note.isVisible)
    assert composer.gone_note.text().startswith("A reply to this chat was just sent from another computer")
    assert composer.edit.toPlainText() == "네 M 사이즈 있어요"  # hers stays, for her to send or not
    with window.ctx.db.read() as s:
        assert s.scalars(select(Message.body).where(Message.direction == "out")).all() == [
            "있어요! 민호가 챙겨둘게요."
        ]


def test_with_nothing_typed_a_reply_from_the_other_computer_shows_only_as_its_bubble(
    window: Any, qtbot: Any, relay: Any
) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    assert (
        relay.post_webhook(inbound("text", "배송 언제 되나요?", name="오세훈", sender=CUSTOMER)).status_code
        == 200
    )
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    body = {
        "messaging_product": "whatsapp",
        "to": CUSTOMER,
        "type": "text",
        "text": {"body": "내일 보내드려요."},
    }
    assert relay.send(body, "8c0d3c5e-2f7a-4a51-9d33-0c7f1c1f9b10").status_code == 200
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2, timeout=15000)
    assert not window.chat.composer.gone_note.isVisible()


def test_a_screen_reader_hears_that_the_chat_was_just_answered_elsewhere(qtbot: Any) -> None:
    """Said under the box where the owner is typing, which a screen reader never reads by itself."""
    from ui.announce import announcements
    from ui.composer import Composer

    composer = Composer()
    qtbot.addWidget(composer)
    composer.edit.setPlainText("네, 내일 보내드릴게요")
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)
    try:
        composer.say_answered_elsewhere()
        composer.say_answered_elsewhere()  # the same news again: said once
    finally:
        announcements().said.disconnect(connection)
    assert heard == [composer.gone_note.text()]
    assert heard[0].startswith("A reply to this chat was just sent from another computer or the phone")
