"""News a screen reader says aloud without moving the keyboard: the relay lost and back, a reply
that was not sent. A strip appearing or a bubble turning red said nothing to an owner who cannot see."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from app.changes import Changes
from app.connection import Connection, ConnectionState
from app.models import Contact, Message
from tests.support.factories import earlier_today, make_contact, make_message
from ui.announce import announcements
from ui.connection_banner import ConnectionBanner


@pytest.fixture
def heard() -> Iterator[list[str]]:
    """Every announcement made during the test."""
    said: list[str] = []
    connection = announcements().said.connect(said.append)
    yield said
    announcements().said.disconnect(connection)


def test_the_relay_lost_and_back_is_said_once_each_not_every_second(qtbot: Any, heard: list[str]) -> None:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.set_state(ConnectionState(Connection.ONLINE))
    said = heard

    banner.blip.setInterval(50)  # a connection lost for a moment is not news (BLIP_SECONDS): nor said
    at = datetime.now(UTC) + timedelta(seconds=11.5)
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at))
    assert said == []
    qtbot.waitUntil(lambda: bool(said), timeout=3000)  # …until it lasts
    assert said == [banner.text.text()] and said[0].startswith("Cannot reach your relay.")
    # Its countdown, and the next attempt's new time, are not news.
    qtbot.waitUntil(lambda: "11\N{NO-BREAK SPACE}s" in banner.text.text(), timeout=3000)
    banner.set_state(ConnectionState(Connection.RECONNECTING, next_retry_at=at + timedelta(seconds=20)))
    assert len(said) == 1

    banner.set_state(ConnectionState(Connection.ONLINE))
    assert said[1:] == ["Reconnected to your relay."]
    banner.set_state(ConnectionState(Connection.UNAUTHORISED))
    assert said[2].startswith("Your relay no longer accepts this computer's relay token")


def test_a_reply_that_fails_in_the_open_chat_is_said_with_its_reason(
    qtbot: Any, window: Any, ctx: Any, heard: list[str]
) -> None:
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, contact, "주문했어요", sent_at=now - timedelta(minutes=1))
        reply = make_message(
            s, contact, "입금 계좌 알려드릴게요", direction="out", status="sent", sent_at=now
        )
        contact_id, reply_id = contact.id, reply.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.busy(), timeout=5000)
    assert heard == []
    said = heard

    with ctx.db.write() as s:
        s.execute(update(Message).where(Message.id == reply_id).values(status="failed", error_code="131026"))
    ctx.publish(Changes.for_contacts([contact_id], from_sync=True))
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0].startswith("“입금 계좌 알려드릴게요” was not sent: ")
    assert said[0] != "“입금 계좌 알려드릴게요” was not sent: "  # and why


def test_a_customers_new_message_in_the_open_chat_is_read_out(
    qtbot: Any, window: Any, ctx: Any, heard: list[str]
) -> None:
    from ui.formatting import clock_time

    now = datetime.now(UTC).replace(microsecond=0)
    # the earlier message stays on the same local day: one from before midnight makes the new one
    # start a day, read out as "Today, …"
    earlier = earlier_today(now, timedelta(minutes=5))
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, contact, "주문했어요", sent_at=earlier, unread=False)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.busy(), timeout=5000)
    with qtbot.waitActive(window):
        window.activateWindow()

    with ctx.db.write() as s:
        contact = s.get(Contact, contact_id)
        make_message(s, contact, "배송은 언제 되나요?", sent_at=now)
    ctx.publish(Changes.for_contacts([contact_id], from_sync=True))
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == [f"김민지: 배송은 언제 되나요?, {clock_time(now)}"]


def test_a_reply_that_fails_in_a_chat_left_behind_is_said_too(
    qtbot: Any, window: Any, ctx: Any, heard: list[str]
) -> None:
    """The owner answered Amy, went on to 김민지's chat: Amy's tick turned red in the list, unheard."""
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=now)
        make_message(s, amy, "Is it in stock?", sent_at=now - timedelta(minutes=2), unread=False)
        reply = make_message(
            s, amy, "Yes!", direction="out", status="sent", sent_at=now - timedelta(minutes=1)
        )
        minji = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, minji, "주문했어요", sent_at=now, unread=False)
        amy_id, reply_id, minji_id = amy.id, reply.id, minji.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(minji_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.contact_id() == minji_id, timeout=5000)

    with ctx.db.write() as s:
        s.execute(update(Message).where(Message.id == reply_id).values(status="failed", error_code="131026"))
    ctx.publish(Changes.for_contacts([amy_id], from_sync=True))
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == ["Your reply to Amy Clarke was not sent."]


def test_a_reply_that_fails_while_the_chat_list_reloads_is_said_all_the_same(
    qtbot: Any, window: Any, ctx: Any, heard: list[str]
) -> None:
    """The list read its page again (a filter picked, labels renamed) just as Amy's tick turned red:
    the page came back with it red already, and the re-read of her row found nothing new to say."""
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=now)
        reply = make_message(
            s, amy, "Yes!", direction="out", status="sent", sent_at=earlier_today(now, timedelta(minutes=1))
        )
        minji = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, minji, "주문했어요", sent_at=now, unread=False)
        amy_id, reply_id, minji_id = amy.id, reply.id, minji.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(minji_id), timeout=5000)
    qtbot.waitUntil(lambda: not window.chat_list.model.busy(), timeout=5000)

    window.chat_list.load()  # its page is read after the change below
    with ctx.db.write() as s:
        s.execute(update(Message).where(Message.id == reply_id).values(status="failed", error_code="131026"))
    ctx.publish(Changes.for_contacts([amy_id], from_sync=True))
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == ["Your reply to Amy Clarke was not sent."]


def test_a_change_the_relay_has_not_taken_is_said_once_when_its_strip_appears(
    ctx: Any, qtbot: Any, heard: list[str], english: None
) -> None:
    from app.relay_pushes import PushTask
    from ui.pushes_waiting_notice import PushesWaitingNotice

    notice = PushesWaitingNotice(ctx)
    qtbot.addWidget(notice)
    notice.set_waiting(frozenset({PushTask.BLOCKS}))
    notice.set_waiting(frozenset({PushTask.BLOCKS}))  # told again: no news
    assert heard == [notice.text.text()]
    assert heard[0].startswith("Not yet on your relay: blocked customers.")
